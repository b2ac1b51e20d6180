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

Paper-specific kernels live beside their model (:mod:`numeric.section5`).

>>> x, y = sp.symbols("x y", positive=True)
>>> k = compile_kernel(x / y > 1, (x, y))
>>> k([3.0, 1.0], [2.0, 2.0]).tolist(), k.exact(["3/1"], ["3"]).tolist()
([True, False], [False])
"""

from __future__ import annotations

import builtins
import functools
import importlib
import itertools
import keyword
import linecache
import re
import types
from dataclasses import dataclass, field
from typing import Callable, Sequence

import sympy as sp
from sympy.printing.numpy import NumPyPrinter

from symbolic.constructs import exact_floats, unsupported_in

from .runtime import FLOAT_EQUALITY_RTOL, Evaluator, KernelError, exact_namespace, exact_only, float_namespace

__all__ = ["Kernel", "compile_kernel", "compile_conjunction", "free_symbols_of", "KernelError", "FLOAT_EQUALITY_RTOL"]


# -- the printer -------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def _relational_code(printer_cls, rel: sp.Basic) -> str:
    # the same atoms recur across hundreds of obligations: print each once
    return NumPyPrinter._print_Relational(printer_cls(_SETTINGS), rel)


_SETTINGS = {"fully_qualified_modules": False, "inline": True, "allow_unknown_functions": False,
             "user_functions": {}}


#: integers beyond this are not written into a kernel's source (Python writes at most 4300 digits)
MAX_PRINTED_BITS = 14_000


class _CoordfailPrinter(NumPyPrinter):
    """NumPy printing with exact-friendly constants and cheap Boolean structure.

    Rationals print as ``_q(p, q)`` and integer powers keep integer exponents,
    so the same source runs exactly; ``And``/``Or``/``Implies``/``Equivalent``
    print directly (SymPy's printer rebuilds them in normal form first, which
    dominated compile time).
    """

    def _print_Rational(self, expr):
        if expr.q == 1:
            return self._print_Integer(expr)
        return f"_q({self._print_Integer(sp.Integer(expr.p))}, {self._print_Integer(sp.Integer(expr.q))})"

    def _print_Integer(self, expr):
        if expr.p.bit_length() > MAX_PRINTED_BITS:  # Python refuses to write it (more than 4300 digits)
            raise KernelError(f"a number of {expr.p.bit_length():,} bits in the expression: too large to compile")
        return str(expr.p)

    def _print_Half(self, expr):
        return "_q(1, 2)"

    def _print_Pow(self, expr, rational=False):
        if expr.exp.is_Integer:
            return f"({self._print(expr.base)})**({int(expr.exp)})"
        # NumPy's printer writes a negative integer exponent through evalf (x**(-n - 1.0e+16): rounded, its
        # parity lost); the kernels take float arrays, so the exponent is printed as it is
        return self._hprint_Pow(expr, rational=rational, sqrt=self._module + ".sqrt")

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
    #: the generated Python source (the formula that is computed)
    source: str = field(default="", compare=False, repr=False)

    @functools.cached_property  # asked at every call of the kernel
    def is_boolean(self) -> bool:
        # a bare Symbol is a SymPy Boolean too, but here it stands for a number
        return self.conjunction or (isinstance(self.expr, sp.logic.boolalg.Boolean) and not self.expr.is_Symbol)

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
    missing = free_symbols_of(expr) - set(args)
    if missing:
        raise ValueError(f"the expression has symbols not among the arguments: {sorted(map(str, missing))}")
    return _compile(expr, args)


@functools.lru_cache(maxsize=8192)
def free_symbols_of(expr) -> frozenset:
    """``expr.free_symbols``, once per expression (SymPy walks the whole tree at every call: the rules of a
    grant round have thousands of nodes and are asked for by the plan and by the compiler)."""
    return frozenset(expr.free_symbols)


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
    missing = set().union(*map(free_symbols_of, atoms)) - set(args)
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
    unknown = sorted(name for name in fn.__code__.co_names if name not in namespace and not hasattr(builtins, name))
    if unknown:  # CRootOf(...) prints as itself: a NameError at the first call, past every caller's guard
        raise KernelError(f"its code names {', '.join(unknown)}, which NumPy does not have")
    constants = sorted({str(c) for c in expr.atoms(sp.NumberSymbol)})
    if constants:
        # pi, E, GoldenRatio print as NumPy floats: a Fraction beside one silently becomes a float, and a
        # "exact" draw would be decided in binary (pi < pi + 10**-40 false): no rational evaluation
        exact_fn = exact_only(f"the constant(s) {', '.join(constants)}")
    else:
        exact_ns = _exact_namespace() if namespace is float_namespace() else exact_namespace(namespace)
        exact_fn = types.FunctionType(fn.__code__, exact_ns, fn.__name__)
    return Kernel(expr, args, fn, exact_fn, conjunction, source)


_KERNEL_NUMBERS = itertools.count()


def _identifier(name: str) -> str:
    """A Python identifier recalling ``name``: ``w^*`` -> ``w__``, ``\\bar{w}`` -> ``_bar_w_``."""
    word = re.sub(r"\W", "_", name)
    return word if word.isidentifier() else "_" + word


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
            renamed[arg] = sp.Dummy(_identifier(arg.name) if isinstance(arg, sp.Symbol) else "arg")
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
