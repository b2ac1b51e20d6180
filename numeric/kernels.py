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
import importlib
import itertools
import keyword
import linecache
import textwrap
import types
from dataclasses import dataclass, field
from typing import Callable, Sequence

import numpy as np
import sympy as sp
from sympy.printing.numpy import NumPyPrinter

from symbolic import section5 as s5
from symbolic.constructs import exact_floats, unsupported_in

from .runtime import FLOAT_EQUALITY_RTOL, Evaluator, KernelError, exact_namespace, float_namespace
from .runtime import top_two

__all__ = ["Kernel", "compile_kernel", "compile_conjunction", "KernelError", "world_price", "wage_coordinated", "wage_uncoordinated",
           "break_even_wage", "deviation_margin", "condition_star", "raw_comparative_advantage",
           "coordinated_comparative_advantage", "best_other", "top_two", "equilibrium_masks", "strictly_decreasing",
           "WORLD_PRICE", "WAGE_COORDINATED", "WAGE_UNCOORDINATED", "BREAK_EVEN_WAGE", "DEVIATION_MARGIN",
           "CONDITION_STAR", "CONDITION_STAR_WEAK", "FLOAT_EQUALITY_RTOL"]


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


# -- kernels ------------------------------------------------------------------------

@dataclass(frozen=True)
class Kernel(Evaluator):
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
    code: str = field(default="", compare=False, repr=False)  #: the generated Python source

    @functools.cached_property  # asked at every call of the kernel
    def is_boolean(self) -> bool:
        # a bare Symbol is a SymPy Boolean too, but here it stands for a number
        return self.conjunction or (isinstance(self.expr, sp.logic.boolalg.Boolean) and not self.expr.is_Symbol)

    @property
    def source(self) -> str:
        """The generated Python source (the formula that is computed)."""
        return self.code

    @functools.cached_property  # asked at every call of the kernel (printing a Symbol is not free)
    def arg_names(self) -> tuple[str, ...]:
        return tuple(map(str, self.args))

    def describe(self) -> str:
        return sp.sstr(self.expr)[:80]


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
    expr = _read(sp.sympify(expr))
    args = tuple(args)
    missing = expr.free_symbols - set(args)
    if missing:
        raise ValueError(f"the expression has symbols not among the arguments: {sorted(map(str, missing))}")
    return _compile(expr, args)


@functools.lru_cache(maxsize=8192)
def _read(expr):
    """The expression as the engine reads it: floats as the decimals they print as; only table constructs."""
    expr, _ = exact_floats(expr)
    what = unsupported_in(expr)
    if what is not None:
        raise KernelError(f"not supported (see the table of constructs): {what}")
    return expr


def compile_conjunction(atoms: Sequence, args: Sequence[sp.Symbol]) -> Kernel:
    """Compile the conjunction of ``atoms`` (Booleans) as one boolean kernel.

    Cheaper than compiling ``And(*atoms)``: SymPy does not have to build and
    order the conjunction.  The assumptions of an obligation are compiled so.

    >>> x = sp.Symbol("x", positive=True)
    >>> compile_conjunction([x > 1, x < 3], (x,))([0.5, 2.0, 4.0]).tolist()
    [False, True, False]
    """
    atoms = sp.Tuple(*[_read(a) for a in atoms])
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
    source, namespace = _generate(expr, args, conjunction)
    filename = f"<coordfail-kernel-{next(_KERNEL_NUMBERS)}>"
    local: dict = {}
    exec(compile(source, filename, "exec"), namespace, local)
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)  # tracebacks show the code
    fn = local["_kernel"]
    exact_ns = _exact_namespace() if namespace is float_namespace() else exact_namespace(namespace)
    exact_fn = types.FunctionType(fn.__code__, exact_ns, fn.__name__)
    return Kernel(expr, args, fn, exact_fn, conjunction, source)


_KERNEL_NUMBERS = itertools.count()


@functools.lru_cache(maxsize=1)
def _exact_namespace() -> dict:
    return exact_namespace(float_namespace())


def _generate(expr, args, conjunction: bool) -> tuple[str, dict]:
    """The kernel's Python source (``def _kernel(<args>): return <expr>``) and the namespace it runs in.

    What ``sympy.lambdify`` prints, without its per-call costs (a copy of NumPy's namespace, a walk for
    implemented functions, a docstring): every kernel shares one namespace.  An argument whose name is
    not a Python identifier, is taken by an earlier argument, or would hide a name the code uses
    (``e``, ``sqrt``, ``less``) is renamed to a dummy.
    """
    printer = _CoordfailPrinter(_SETTINGS)
    namespace = float_namespace()
    names, renamed = [], {}
    for arg in args:
        name = printer.doprint(arg)
        if not name.isidentifier() or keyword.iskeyword(name) or name in namespace or name in names:
            renamed[arg] = sp.Dummy(arg.name if isinstance(arg, sp.Symbol) else "arg")
            name = printer.doprint(renamed[arg])
        names.append(name)
    body = expr.xreplace(renamed) if renamed else expr
    body = list(body) if conjunction else body
    subexpressions, body = sp.cse(body, list=False) if _large(expr) else ((), body)
    lines = [f"def _kernel({', '.join(names)}):"]
    lines += [f"    {printer.doprint(s)} = {printer.doprint(e)}" for s, e in subexpressions]
    text = ("[" + ", ".join(printer.doprint(e) for e in body) + "]") if conjunction else printer.doprint(body)
    lines.append(f"    return ({text})" if "\n" in text else f"    return {text}")
    missing = [(module, name) for module, keys in printer.module_imports.items() for name in keys
               if name not in namespace]
    if missing:  # a function outside NumPy's top level (none of the table's constructs needs one today)
        namespace = dict(namespace)
        for module, name in missing:
            namespace[name] = getattr(importlib.import_module(module), name)
    return "\n".join(lines) + "\n", namespace


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


#: the kernels printed ahead of time into :mod:`numeric.section5_kernels` (run without SymPy)
PRINTED_AHEAD = ("WORLD_PRICE", "WAGE_COORDINATED", "WAGE_UNCOORDINATED", "BREAK_EVEN_WAGE", "DEVIATION_MARGIN",
                 "CONDITION_STAR", "CONDITION_STAR_WEAK")

_PRINTED_HEADER = '''"""The Section 5 kernels, printed from :mod:`symbolic.section5` by :mod:`numeric.kernels` (generated).

Do not edit: regenerate with ``python -m numeric.kernels``; a test fails when
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
