r"""Where printed kernel code runs: the float and exact namespaces, without SymPy.

:mod:`numeric.kernels` prints SymPy expressions as Python source (``lambdify``);
the same source runs in two namespaces -- NumPy floats, and exact rationals
(:class:`~numeric.exact.RationalArray`, comparisons exact, constants
:class:`~fractions.Fraction`).  This module holds those namespaces and the
evaluation rules shared by every kernel, and imports neither SymPy nor z3, so
that kernels whose source was printed ahead of time
(:mod:`numeric.section5_kernels`) load as fast as NumPy does.

>>> def ratio(a, b):
...     return a/b
>>> k = PrintedKernel.from_function("RATIO", ratio)
>>> k([3.0, 1.0], [2.0, 4.0]).tolist()
[1.5, 0.25]
>>> k.exact(["1/3"], [2]).to_fractions()
[Fraction(1, 6)]
"""

from __future__ import annotations

import builtins
import functools
import operator
import types
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Callable

import numpy as np

from .exact import KernelError, RationalArray

__all__ = ["KernelError", "exact_only", "Evaluator", "PrintedKernel", "FLOAT_EQUALITY_RTOL", "float_namespace",
           "exact_namespace", "top_two"]


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


#: names the printer emits besides NumPy's: rationals ``_q(p, q)``, n-ary And/Or, tolerant float equality
FLOAT_HELPERS = {"_q": lambda p, q: p / q, "_all": _all, "_any": _any, "equal": _float_equal,
                 "not_equal": _float_not_equal, "reduce": functools.reduce}  # Max/Min print as reduce(maximum, ...)


def exact_only(name):
    def refuse(*_args, **_kw):
        raise KernelError(f"{name} has no exact rational evaluation")
    return refuse


@functools.lru_cache(maxsize=1)
def float_namespace() -> dict:
    """NumPy's names and the printer's helpers: the namespace every kernel of numeric.kernels runs in."""
    # NumPy's loaded names only: dir() + getattr would import its lazy submodules (f2py, testing, ...)
    ns = {name: value for name, value in vars(np).items() if not name.startswith("_")}
    ns.update(FLOAT_HELPERS)
    ns["__builtins__"] = builtins
    return ns


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


class _ExactConstant(Fraction):
    """A kernel's rational constant.  ``(1/2)**n`` with an integer symbol ``n`` is a power per draw: Python
    3.11's Fraction would turn itself into a float before the array had its turn."""

    __slots__ = ()

    def __pow__(self, exponent):
        if isinstance(exponent, RationalArray):
            return exponent.__rpow__(self)
        return super().__pow__(exponent)


def exact_namespace(float_globals: dict) -> dict:
    """``float_globals`` with exact comparisons and constants; anything transcendental refuses."""
    ns = dict(float_globals)
    ns.update({
        "_q": _ExactConstant, "_all": _all, "_any": _any,
        "greater": operator.gt, "less": operator.lt, "greater_equal": operator.ge,
        "less_equal": operator.le, "equal": operator.eq, "not_equal": operator.ne,
    })
    # anything transcendental would silently leave exact arithmetic: refuse it
    for name in ("sqrt", "exp", "log", "sin", "cos", "tan", "power", "cbrt", "amax", "amin", "absolute"):
        ns[name] = exact_only(name)
    # Max, Min and Piecewise are exact: comparisons and choices
    ns.update({"maximum": _exact_maximum, "minimum": _exact_minimum, "select": _exact_select})
    return ns


class Evaluator:
    """How a compiled kernel is called: floats broadcast together, or exact rationals.

    Subclasses provide ``_float`` and ``_exact`` (the same code in the two
    namespaces), ``arg_names``, ``is_boolean``, ``conjunction`` and
    ``describe()``.
    """

    conjunction: bool = False

    def __call__(self, *arrays):
        names = self.arg_names
        if len(arrays) != len(names):
            raise TypeError(f"kernel takes {len(names)} arrays ({', '.join(names)}), got {len(arrays)}")
        arrays = [np.asarray(a, dtype=float) for a in arrays]
        # division by zero etc. give inf/nan, which compare False: no warnings from a library
        with np.errstate(divide="ignore", invalid="ignore", over="ignore", under="ignore"):
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
        if len(values) != len(self.arg_names):
            raise TypeError(f"kernel takes {len(self.arg_names)} arguments, got {len(values)}")
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
            raise KernelError(f"cannot evaluate {self.describe()} exactly: {exc}") from None
        if self.is_boolean:
            return np.broadcast_to(np.asarray(out, dtype=bool), (n,))
        if isinstance(out, RationalArray):
            return out
        return RationalArray.full(n, out)  # a constant expression


@dataclass(frozen=True)
class PrintedKernel(Evaluator):
    """A kernel whose source :mod:`numeric.kernels` printed ahead of time (no SymPy needed to run it)."""

    name: str
    arg_names: tuple[str, ...]
    is_boolean: bool
    _float: Callable = field(compare=False, repr=False)
    _exact: Callable = field(compare=False, repr=False)

    @classmethod
    def from_function(cls, name: str, fn: Callable, *, boolean: bool = False) -> "PrintedKernel":
        """Run ``fn``'s code in the float namespace and, separately, in the exact one."""
        code = fn.__code__
        floats = types.FunctionType(code, float_namespace(), fn.__name__)
        exact = types.FunctionType(code, exact_namespace(float_namespace()), fn.__name__)
        return cls(name, tuple(code.co_varnames[:code.co_argcount]), boolean, floats, exact)

    def describe(self) -> str:
        return self.name


def top_two(values: np.ndarray) -> tuple[int, float, float]:
    """``(index of the largest, largest, second-largest)`` of a 1-D array, in one pass plus two views.

    >>> top_two(np.array([1.0, 5.0, 3.0, 5.0]))
    (1, 5.0, 5.0)
    """
    top = int(np.argmax(values))
    # the second-largest is the largest outside the top slot: reductions on two views, no copy
    second = max(values[:top].max(initial=-np.inf), values[top + 1:].max(initial=-np.inf))
    return top, values[top].item(), float(second)
