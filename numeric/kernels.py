r"""The single lambdify boundary: SymPy expressions of :mod:`symbolic` as NumPy kernels.

Every numeric formula of the toolkit is compiled here from its SymPy source,
with an explicit argument order and NumPy as the module; nothing is typed a
second time.  A :class:`Kernel` runs

* on NumPy float arrays of any broadcastable shape, typically
  ``(n_instances, J)`` -- one row per economy, one column per sector; and
  Float *equations* (``Eq``) hold within the relative tolerance
  :data:`FLOAT_EQUALITY_RTOL`; inequalities are plain float comparisons;
* **exactly**, on :class:`~numeric.exact.RationalArray` s or Fractions: the
  printed code is the same, only the namespace differs (comparisons become
  exact rational comparisons, constants become Fractions).

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

import functools
import operator
import types
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Callable, Sequence

import numpy as np
import sympy as sp
from sympy.printing.numpy import NumPyPrinter

from symbolic import section5 as s5

from .exact import RationalArray

__all__ = ["Kernel", "compile_kernel", "compile_conjunction", "KernelError", "world_price", "wage_coordinated", "wage_uncoordinated",
           "break_even_wage", "deviation_margin", "condition_star", "raw_comparative_advantage",
           "coordinated_comparative_advantage", "best_other", "top_two", "equilibrium_masks", "strictly_decreasing",
           "WORLD_PRICE", "WAGE_COORDINATED", "WAGE_UNCOORDINATED", "BREAK_EVEN_WAGE", "DEVIATION_MARGIN",
           "CONDITION_STAR", "CONDITION_STAR_WEAK", "FLOAT_EQUALITY_RTOL"]


class KernelError(TypeError):
    """An expression cannot be evaluated in the requested (exact) arithmetic."""


# -- the printer -------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def _relational_code(printer_cls, rel: sp.Basic) -> str:
    # the same atoms recur across hundreds of obligations: print each once
    return NumPyPrinter._print_Relational(printer_cls(_SETTINGS), rel)


_SETTINGS = {"fully_qualified_modules": False, "inline": True, "allow_unknown_functions": False,
             "user_functions": {}}


class _CoordfailPrinter(NumPyPrinter):
    """NumPy printing with exact-friendly constants and cheap Boolean structure.

    Rationals print as ``_q(p, q)`` and integer powers keep integer exponents,
    so the same source runs exactly; ``And``/``Or``/``Implies``/``Equivalent``
    print directly (SymPy's printer rebuilds them in normal form first, which
    dominated compile time).
    """

    def _print_Rational(self, expr):
        if expr.q == 1:
            return str(expr.p)
        return f"_q({expr.p}, {expr.q})"

    def _print_Integer(self, expr):
        return str(expr.p)

    def _print_Half(self, expr):
        return "_q(1, 2)"

    def _print_Pow(self, expr, rational=False):
        if expr.exp.is_Integer:
            return f"({self._print(expr.base)})**({int(expr.exp)})"
        return super()._print_Pow(expr, rational=rational)

    def _print_Relational(self, expr):
        return _relational_code(type(self), expr)

    def _print_And(self, expr):
        return "_all(" + ", ".join(self._print(a) for a in expr.args) + ")"

    def _print_Or(self, expr):
        return "_any(" + ", ".join(self._print(a) for a in expr.args) + ")"

    def _print_Not(self, expr):
        return f"logical_not({self._print(expr.args[0])})"

    def _print_Implies(self, expr):
        a, b = expr.args
        return f"logical_or(logical_not({self._print(a)}), {self._print(b)})"

    def _print_Equivalent(self, expr):
        parts = [self._print(a) for a in expr.args]
        return "_all(" + ", ".join(f"equal({a}, {b})" for a, b in zip(parts, parts[1:])) + ")"

    def _print_BooleanTrue(self, expr):
        return "True"

    def _print_BooleanFalse(self, expr):
        return "False"


def _all(*xs):
    return functools.reduce(np.logical_and, xs)


def _any(*xs):
    return functools.reduce(np.logical_or, xs)


#: relative tolerance of float *equality* atoms (floats almost never meet an equation exactly)
FLOAT_EQUALITY_RTOL = 1e-9


def _float_equal(a, b):
    a, b = np.asarray(a), np.asarray(b)
    if a.dtype == bool or b.dtype == bool:
        return np.equal(a, b)
    return np.abs(a - b) <= FLOAT_EQUALITY_RTOL * np.maximum(np.abs(a), np.abs(b))


def _float_not_equal(a, b):
    return np.logical_not(_float_equal(a, b))


_FLOAT_HELPERS = {"_q": lambda p, q: p / q, "_all": _all, "_any": _any, "equal": _float_equal,
                  "not_equal": _float_not_equal, "reduce": functools.reduce}  # Max/Min print as reduce(maximum, ...)


def _exact_only(name):
    def refuse(*_args, **_kw):
        raise KernelError(f"{name} has no exact rational evaluation")
    return refuse


def _exact_where(mask, a, b):
    # a comparison of exact values is a bool or a boolean array; scalars become constant arrays
    if np.ndim(mask) == 0:
        return a if bool(mask) else b
    n = len(mask)
    a = a if isinstance(a, RationalArray) else RationalArray.full(n, a)
    b = b if isinstance(b, RationalArray) else RationalArray.full(n, b)
    return RationalArray(np.where(mask, a.num, b.num), np.where(mask, a.den, b.den))


def _exact_maximum(a, b):
    return _exact_where(a >= b, a, b)


def _exact_minimum(a, b):
    return _exact_where(a <= b, a, b)


def _exact_select(condlist, choicelist, default=None):
    """Piecewise in exact arithmetic; its last condition must always hold (an 'otherwise' branch)."""
    last = condlist[-1]
    if not (last is True or bool(np.all(last))):
        raise KernelError("a Piecewise without an otherwise branch has no exact evaluation")
    out = choicelist[-1]
    for cond, choice in zip(reversed(condlist[:-1]), reversed(choicelist[:-1])):
        out = _exact_where(cond, choice, out)
    return out


def _exact_namespace(float_globals: dict) -> dict:
    ns = dict(float_globals)
    ns.update({
        "_q": Fraction, "_all": _all, "_any": _any,
        "greater": operator.gt, "less": operator.lt, "greater_equal": operator.ge,
        "less_equal": operator.le, "equal": operator.eq, "not_equal": operator.ne,
    })
    # anything transcendental would silently leave exact arithmetic: refuse it
    for name in ("sqrt", "exp", "log", "sin", "cos", "tan", "power", "cbrt", "amax", "amin", "absolute"):
        ns[name] = _exact_only(name)
    # Max, Min and Piecewise are exact: comparisons and choices
    ns.update({"maximum": _exact_maximum, "minimum": _exact_minimum, "select": _exact_select})
    return ns


# -- kernels ------------------------------------------------------------------------

@dataclass(frozen=True)
class Kernel:
    """A compiled SymPy expression with a fixed argument order.

    Call it with floats or NumPy arrays (broadcast together); call
    :meth:`exact` with Fractions, ints, ``"p/q"`` strings or
    :class:`~numeric.exact.RationalArray` s.  Boolean kernels always return a
    boolean array of the broadcast shape (a constant claim included).
    """

    expr: sp.Basic  #: the expression, or a ``Tuple`` of Booleans for a conjunction
    args: tuple[sp.Symbol, ...]
    _float: Callable = field(compare=False, repr=False)
    _exact: Callable = field(compare=False, repr=False)
    conjunction: bool = False  #: ``expr`` is a tuple of Booleans that must all hold

    @property
    def is_boolean(self) -> bool:
        # a bare Symbol is a SymPy Boolean too, but here it stands for a number
        return self.conjunction or (isinstance(self.expr, sp.logic.boolalg.Boolean) and not self.expr.is_Symbol)

    @property
    def source(self) -> str:
        """The Python source lambdify generated (the formula that is computed)."""
        import inspect

        return inspect.getsource(self._float)

    def __call__(self, *arrays):
        if len(arrays) != len(self.args):
            raise TypeError(f"kernel takes {len(self.args)} arrays ({', '.join(map(str, self.args))}), "
                            f"got {len(arrays)}")
        arrays = [np.asarray(a, dtype=float) for a in arrays]
        # division by zero etc. give inf/nan, which compare False: no warnings from a library
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            out = self._float(*arrays)
        if self.conjunction:
            out = _all(True, *out)
        shape = np.broadcast_shapes(*(a.shape for a in arrays)) if arrays else ()
        out = np.asarray(out, dtype=bool if self.is_boolean else float)
        # a constant claim (or one that ignores some arguments) still answers for every instance
        return out if out.shape == shape else np.broadcast_to(out, shape)

    def exact(self, *values):
        """Evaluate in exact rational arithmetic.

        Each argument is a :class:`RationalArray` or a sequence of exact
        numbers (all of one length ``n``); returns a boolean array of length
        ``n`` or a :class:`RationalArray`.
        """
        if len(values) != len(self.args):
            raise TypeError(f"kernel takes {len(self.args)} arguments, got {len(values)}")
        arrays = [v if isinstance(v, RationalArray) else RationalArray.from_values(v) for v in values]
        n = len(arrays[0]) if arrays else 1
        if any(len(a) != n for a in arrays):
            raise ValueError("exact arguments must all have the same length")
        try:
            out = self._exact(*arrays)
            if self.conjunction:
                out = _all(True, *out)
        except KernelError:
            raise
        except (TypeError, AttributeError) as exc:
            raise KernelError(f"cannot evaluate {sp.sstr(self.expr)[:80]} exactly: {exc}") from None
        if self.is_boolean:
            return np.broadcast_to(np.asarray(out, dtype=bool), (n,))
        if isinstance(out, RationalArray):
            return out
        return RationalArray.full(n, out)  # a constant expression


def compile_kernel(expr, args: Sequence[sp.Symbol]) -> Kernel:
    """Compile ``expr`` (a SymPy expression or Boolean) with the argument order ``args``.

    Cached: an expression is lambdified once per process.

    >>> x, y = sp.symbols("x y", positive=True)
    >>> k = compile_kernel(sp.Rational(1, 3) * x < y, (x, y))
    >>> k([3.0, 6.0], [1.5, 1.5]).tolist()
    [True, False]
    >>> k.exact(["3/1"], ["1"]).tolist()  # 1/3 * 3 < 1 is false exactly
    [False]
    """
    expr = sp.sympify(expr)
    args = tuple(args)
    missing = expr.free_symbols - set(args)
    if missing:
        raise ValueError(f"the expression has symbols not among the arguments: {sorted(map(str, missing))}")
    return _compile(expr, args)


def compile_conjunction(atoms: Sequence, args: Sequence[sp.Symbol]) -> Kernel:
    """Compile the conjunction of ``atoms`` (Booleans) as one boolean kernel.

    Cheaper than compiling ``And(*atoms)``: SymPy does not have to build and
    order the conjunction.  The assumptions of an obligation are compiled so.

    >>> x = sp.Symbol("x", positive=True)
    >>> compile_conjunction([x > 1, x < 3], (x,))([0.5, 2.0, 4.0]).tolist()
    [False, True, False]
    """
    atoms = sp.Tuple(*atoms)
    args = tuple(args)
    missing = atoms.free_symbols - set(args)
    if missing:
        raise ValueError(f"the assumptions have symbols not among the arguments: {sorted(map(str, missing))}")
    return _compile(atoms, args, conjunction=True)


#: expressions with more nodes than this are compiled with common subexpressions eliminated
#: (a rule written out for every ordering repeats the same terms hundreds of times; small ones compile faster without)
CSE_THRESHOLD = 400


def _large(expr) -> bool:
    for count, _ in enumerate(sp.preorder_traversal(expr), start=1):
        if count > CSE_THRESHOLD:
            return True
    return False


@functools.lru_cache(maxsize=4096)
def _compile(expr, args, conjunction: bool = False) -> Kernel:
    fn = sp.lambdify(args, list(expr) if conjunction else expr, modules=[_FLOAT_HELPERS, "numpy"],
                     printer=_CoordfailPrinter(_SETTINGS), dummify=False, cse=_large(expr), docstring_limit=0)
    exact_fn = types.FunctionType(fn.__code__, _exact_namespace(fn.__globals__), fn.__name__)
    return Kernel(expr, args, fn, exact_fn, conjunction)


# -- Section 5: the model's named kernels --------------------------------------------

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


def top_two(values: np.ndarray) -> tuple[int, float, float]:
    """``(index of the largest, largest, second-largest)`` of a 1-D array, in one pass plus two views.

    >>> top_two(np.array([1.0, 5.0, 3.0, 5.0]))
    (1, 5.0, 5.0)
    """
    top = int(np.argmax(values))
    # the second-largest is the largest outside the top slot: reductions on two views, no copy
    second = max(values[:top].max(initial=-np.inf), values[top + 1:].max(initial=-np.inf))
    return top, values[top].item(), float(second)


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
