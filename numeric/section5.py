r"""The Section 5 model's kernels: prices, wages, deviations and condition (*), compiled from :mod:`symbolic.section5`.

The Section 5 kernels take per-sector arrays (the label ``j`` stands for every
column at once):

.. math::  p_j = \frac{1}{\theta_j\lambda_{jN}}, \quad
           w(j,C) = \frac{\lambda_{jS}}{\lambda_{jN}}, \quad
           w(j,U) = \frac{\lambda_{jS}}{\theta_j\lambda_{jN}}.

A lone uncoordinated deviator in ``k`` breaks even at the wage
:math:`\bar w_k` that solves :math:`w/\lambda_{kS} = p_k`; SymPy derives
:math:`\bar w_k = w(k,U)`.  Since the deviation margin is
:math:`(w - \bar w_k)/\lambda_{kS}` with :math:`\lambda_{kS} > 0`,
:math:`E(j,\cdot)` is an equilibrium iff :math:`w(j,\cdot) \ge \max_{k\ne j}\bar w_k`,
which one pass for the largest and second-largest :math:`\bar w` decides in
:math:`O(J)`.

>>> import numpy as np
>>> lam_S = np.array([[3.0, 2.0, 1.0]]); lam_N = np.ones((1, 3)); theta = np.array([[2.0, 1.5, 1.0]])
>>> wage_coordinated(lam_S, lam_N)
array([[3., 2., 1.]])
>>> coordinated, uncoordinated = equilibrium_masks(lam_S, lam_N, theta)
>>> coordinated.tolist(), uncoordinated.tolist()
([[True, True, False]], [[True, False, False]])
>>> from fractions import Fraction
>>> WAGE_UNCOORDINATED.exact([Fraction(1, 3)], [1], [Fraction(2, 3)]).to_fractions()
[Fraction(1, 2)]
"""

from __future__ import annotations

import textwrap

import numpy as np
import sympy as sp

from symbolic import section5 as s5

from .kernels import compile_kernel
from .runtime import top_two

__all__ = ["world_price", "wage_coordinated", "wage_uncoordinated", "break_even_wage", "deviation_margin",
           "condition_star", "raw_comparative_advantage", "coordinated_comparative_advantage", "best_other",
           "top_two", "equilibrium_masks", "strictly_decreasing", "WORLD_PRICE", "WAGE_COORDINATED",
           "WAGE_UNCOORDINATED", "BREAK_EVEN_WAGE", "DEVIATION_MARGIN", "CONDITION_STAR", "CONDITION_STAR_WEAK",
           "PRINTED_AHEAD", "printed_module_source", "write_printed_module"]


_j, _k, _first = "j", "k", "1"
_w = s5.wage

#: :math:`p_j` as a kernel of :math:`(\lambda_{jN}, \theta_j)`
WORLD_PRICE = compile_kernel(s5.world_price(_j), (s5.lam_N(_j), s5.theta(_j)))
#: :math:`w(j,C)` of :math:`(\lambda_{jS}, \lambda_{jN})`
WAGE_COORDINATED = compile_kernel(s5.wage_coordinated(_j), (s5.lam_S(_j), s5.lam_N(_j)))
#: :math:`w(j,U)` of :math:`(\lambda_{jS}, \lambda_{jN}, \theta_j)`
WAGE_UNCOORDINATED = compile_kernel(s5.wage_uncoordinated(_j), (s5.lam_S(_j), s5.lam_N(_j), s5.theta(_j)))
#: the deviation margin :math:`w/\lambda_{kS} - p_k` of a lone uncoordinated deviator in ``k`` at wage ``w``
_MARGIN_EXPR = s5.unit_cost(_k, False, _w) - s5.world_price(_k)
DEVIATION_MARGIN = compile_kernel(_MARGIN_EXPR, (_w, s5.lam_S(_k), s5.lam_N(_k), s5.theta(_k)))
#: the wage at which the deviation margin is zero, solved by SymPy (it is :math:`w(k,U)`)
(_BREAK_EVEN_EXPR,) = sp.solve(sp.Eq(_MARGIN_EXPR, 0), _w)
BREAK_EVEN_WAGE = compile_kernel(_BREAK_EVEN_EXPR, (s5.lam_S(_k), s5.lam_N(_k), s5.theta(_k)))
_STAR_ARGS = (s5.lam_S(_first), s5.lam_N(_first), s5.theta(_first), s5.lam_S(_k), s5.lam_N(_k))
#: condition (*) for sector ``k`` against the first sector, strict and weak
CONDITION_STAR = compile_kernel(s5.condition_star(_k, strict=True, first=_first), _STAR_ARGS)
CONDITION_STAR_WEAK = compile_kernel(s5.condition_star(_k, strict=False, first=_first), _STAR_ARGS)
_RAW_CA = compile_kernel(s5.raw_comparative_advantage(_j), (s5.lam_S(_j), s5.lam_N(_j)))
_COORD_CA = compile_kernel(s5.coordinated_comparative_advantage(_j), (s5.lam_S(_j), s5.lam_N(_j), s5.theta(_j)))


#: the kernels printed ahead of time into :mod:`numeric.section5_kernels` (run without SymPy)
PRINTED_AHEAD = ("WORLD_PRICE", "WAGE_COORDINATED", "WAGE_UNCOORDINATED", "BREAK_EVEN_WAGE", "DEVIATION_MARGIN",
                 "CONDITION_STAR", "CONDITION_STAR_WEAK")

_PRINTED_HEADER = '''"""The Section 5 kernels, printed from :mod:`symbolic.section5` by :mod:`numeric.section5` (generated).

Do not edit: regenerate with ``python -m numeric.section5``; a test fails when
this file differs from what the SymPy source prints.  Loading it needs neither
SymPy nor z3, so that ``coordfail equilibria`` starts as fast as NumPy does.
Global names in the code (``less``, ``_q``) are resolved in the float and the
exact namespace of :mod:`numeric.runtime`, not in this module.
"""

from .runtime import PrintedKernel

__all__ = {names}
'''


def printed_module_source() -> str:
    """The text of :mod:`numeric.section5_kernels`: each kernel of :data:`PRINTED_AHEAD` as it was generated."""
    names = "[" + "\n           ".join(textwrap.wrap(", ".join(repr(n) for n in PRINTED_AHEAD), 100)) + "]"
    parts = [_PRINTED_HEADER.format(names=names)]
    for name in PRINTED_AHEAD:
        kernel = globals()[name]
        lines = kernel.source.rstrip("\n").splitlines()
        fn = f"_{name.lower()}"
        lines[0] = f"def {fn}({', '.join(kernel.arg_names)}):"
        parts.append("\n\n" + "\n".join(lines) + "\n\n\n"
                     f"{name} = PrintedKernel.from_function({name!r}, {fn}, boolean={kernel.is_boolean})\n")
    return "".join(parts)


def write_printed_module(path=None) -> str:
    """Write :func:`printed_module_source` to ``numeric/section5_kernels.py`` (whole or not at all)."""
    import os
    import tempfile

    path = path or os.path.join(os.path.dirname(os.path.abspath(__file__)), "section5_kernels.py")
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(printed_module_source())
        os.chmod(tmp, 0o644)  # mkstemp makes 0600
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
    return path


def world_price(lambda_N, theta):
    r"""World prices :math:`p_j = 1/(\theta_j\lambda_{jN})`, elementwise (e.g. shape ``(n, J)``)."""
    return WORLD_PRICE(lambda_N, theta)


def wage_coordinated(lambda_S, lambda_N):
    r"""South's wage in :math:`E(j,C)`: :math:`\lambda_{jS}/\lambda_{jN}`, elementwise."""
    return WAGE_COORDINATED(lambda_S, lambda_N)


def wage_uncoordinated(lambda_S, lambda_N, theta):
    r"""South's wage in :math:`E(j,U)`: :math:`\lambda_{jS}/(\theta_j\lambda_{jN})`, elementwise."""
    return WAGE_UNCOORDINATED(lambda_S, lambda_N, theta)


def break_even_wage(lambda_S, lambda_N, theta):
    r"""The wage :math:`\bar w_k` at which an uncoordinated deviator in ``k`` breaks even (= :math:`w(k,U)`)."""
    return BREAK_EVEN_WAGE(lambda_S, lambda_N, theta)


def deviation_margin(wage, lambda_S, lambda_N, theta):
    r"""Cost minus price :math:`w/\lambda_{kS} - p_k` of a lone deviator in ``k``; ``>= 0``: no profit."""
    return DEVIATION_MARGIN(wage, lambda_S, lambda_N, theta)


def raw_comparative_advantage(lambda_S, lambda_N):
    r""":math:`\lambda_{jS}/\lambda_{jN}` (A1 orders sectors by it, decreasing)."""
    return _RAW_CA(lambda_S, lambda_N)


def coordinated_comparative_advantage(lambda_S, lambda_N, theta):
    r""":math:`\lambda_{jS}/(\theta_j\lambda_{jN})` (A2 orders sectors by it, decreasing)."""
    return _COORD_CA(lambda_S, lambda_N, theta)


def condition_star(lambda_S, lambda_N, theta, strict: bool = True, first: int = 0):
    r"""Condition (*) for every sector (column) ``k`` against the sector in column ``first``.

    Arrays of shape ``(n, J)`` (or ``(J,)``); the column ``first`` is the
    paper's sector 1.  ``strict=False`` gives the weak form that is necessary
    and sufficient for :math:`E(k,C)` (claim S5.4).

    >>> condition_star(np.array([4.0, 2.0, 1.0]), np.ones(3), np.array([2.0, 1.0, 1.0]), strict=False).tolist()
    [True, True, False]
    """
    lam_S, lam_N, th = (np.asarray(a, dtype=float) for a in (lambda_S, lambda_N, theta))
    pick = (Ellipsis, slice(first, first + 1))
    kernel = CONDITION_STAR if strict else CONDITION_STAR_WEAK
    return kernel(lam_S[pick], lam_N[pick], th[pick], lam_S, lam_N)


def best_other(values: np.ndarray) -> np.ndarray:
    """For each column ``j`` the largest value over the *other* columns, in O(J) per row.

    One pass finds the largest and second-largest value of each row; every
    column sees the largest except the column holding it, which sees the
    second-largest (equal to the largest when it is tied).

    >>> best_other(np.array([[1.0, 5.0, 3.0], [2.0, 2.0, 0.0]])).tolist()
    [[5.0, 3.0, 5.0], [2.0, 2.0, 2.0]]
    """
    values = np.asarray(values)
    J = values.shape[-1]
    if J < 2:
        raise ValueError("best_other needs at least two sectors")
    if values.ndim == 1:
        top, largest, second = top_two(values)
        out = np.full_like(values, largest)
        out[top] = second
        return out
    top = np.argmax(values, axis=-1)[..., None]
    largest = np.take_along_axis(values, top, axis=-1)
    second = np.partition(values, J - 2, axis=-1)[..., J - 2: J - 1]
    out = np.broadcast_to(largest, values.shape).copy()
    np.put_along_axis(out, top, second, axis=-1)
    return out


def equilibrium_masks(lambda_S, lambda_N, theta):
    r"""Which :math:`E(j,C)` and :math:`E(j,U)` are equilibria, for every row and column.

    :math:`E(j,\cdot)` is an equilibrium iff
    :math:`w(j,\cdot) \ge \max_{k \ne j} \bar w_k` (weak: a deviator who breaks
    even does not deviate).  Float arithmetic, no tolerance: use
    :func:`numeric.equilibria` for data near the boundary.  Returns
    ``(coordinated, uncoordinated)`` boolean arrays of the input shape.
    """
    lam_S, lam_N, th = (np.asarray(a, dtype=float) for a in (lambda_S, lambda_N, theta))
    threshold = best_other(BREAK_EVEN_WAGE(lam_S, lam_N, th))
    return WAGE_COORDINATED(lam_S, lam_N) >= threshold, WAGE_UNCOORDINATED(lam_S, lam_N, th) >= threshold


def strictly_decreasing(values: np.ndarray) -> np.ndarray:
    """Whether each row is strictly decreasing along its last axis (A1 on :func:`raw_comparative_advantage`).

    >>> strictly_decreasing(np.array([[3.0, 2.0, 1.0], [3.0, 3.0, 1.0]])).tolist()
    [True, False]
    """
    values = np.asarray(values)
    return np.all(values[..., :-1] > values[..., 1:], axis=-1)


if __name__ == "__main__":  # pragma: no cover
    print(f"wrote {write_printed_module()}")
