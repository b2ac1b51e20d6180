r"""Kernels on balls: a compiled kernel's code run draw by draw in python-flint's interval arithmetic.

Where a draw has no exact evaluation -- ``s (1 - s)^n`` at ``n = 9,000`` with a 52-bit ``s`` is beyond exact
powers, ``sqrt(x)`` has no rational value -- a float failure is re-decided on a *ball*: every value is an
``arb`` enclosure computed with outward rounding and an unbounded exponent (no underflow), and a comparison
is decided only where the ball of the difference lies on one side of 0.  Truth values are Kleene's: ``None``
where a comparison is too close to call or a value is undefined or not finite (``1/0``, ``log(-1)``), and
``And``/``Or`` settle where a part settles them, as the engine reads them.  A draw left ``None`` is for the
caller to decide otherwise (SymPy); nothing here is a time limit, so the same draws get the same answers.

>>> import sympy as sp
>>> from fractions import Fraction
>>> from numeric.kernels import compile_kernel
>>> s, n = sp.Symbol("s", positive=True), sp.Symbol("n", integer=True, positive=True)
>>> k = compile_kernel(s * (1 - s) ** n < s * (1 - s) ** (n - 1), (n, s))
>>> ball_truth(k, [[9000, 2], [Fraction(1, 3), Fraction(1, 2)]])   # 0 < 0 in floats at n = 9,000
[True, True]
>>> ball_truth(compile_kernel(sp.sqrt(3 * s) > 1, (s,)), [[Fraction(1, 3), 3]])  # a tie a ball cannot split
[None, True]
"""

from __future__ import annotations

import functools
import types
from fractions import Fraction
from typing import Sequence

from flint import arb, ctx, fmpq

__all__ = ["ball_truth", "BALL_PRECISION"]

#: bits of the balls' midpoints (the exponent range is unbounded)
BALL_PRECISION = 256


class _Undecided(Exception):
    """A choice (Piecewise, Max) the balls cannot make."""


def _difference(a, b):
    d = a - b
    if not isinstance(d, arb):
        d = arb(d)
    if not d.is_finite():
        raise _Undecided
    return d


def _comparison(certain_true, certain_false):
    def compare(a, b):
        if a is None or b is None:
            return None
        try:
            d = _difference(a, b)
        except _Undecided:
            return None
        if certain_true(d):
            return True
        if certain_false(d):
            return False
        return None
    return compare


def _exact_zero(d) -> bool:
    return d.is_exact() and d == 0


def _equal(a, b):
    if isinstance(a, bool) or isinstance(b, bool) or a is None or b is None:  # truth values compared
        return None if a is None or b is None else a == b
    return _comparison(_exact_zero, lambda d: d > 0 or d < 0)(a, b)


def _not(a):
    return None if a is None else not a


def _all(*xs):
    if any(x is False for x in xs):
        return False
    return None if any(x is None for x in xs) else True


def _any(*xs):
    if any(x is True for x in xs):
        return True
    return None if any(x is None for x in xs) else False


def _or(a, b):
    return _any(a, b)


def _select(conditions, choices, default=None):
    for condition, choice in zip(conditions, choices):
        if condition is None:
            raise _Undecided
        if condition:
            return choice
    return default


def _extreme(pick_first):
    def extreme(a, b):
        first = pick_first(a, b)
        if first is None:
            raise _Undecided
        return a if first else b
    return extreme


def _function(name):
    def apply(x):
        out = getattr(arb(x) if not isinstance(x, arb) else x, name)()
        if not out.is_finite():
            raise _Undecided
        return out
    return apply


_less = _comparison(lambda d: d < 0, lambda d: d >= 0)
_greater = _comparison(lambda d: d > 0, lambda d: d <= 0)
_less_equal = _comparison(lambda d: d <= 0, lambda d: d > 0)
_greater_equal = _comparison(lambda d: d >= 0, lambda d: d < 0)


@functools.lru_cache(maxsize=1)
def _namespace() -> dict:
    """Only the names a kernel's code may use on balls: any other (``floor``, ``pi``) is a NameError, and the
    draw is left undecided rather than computed in some other arithmetic."""
    return {
        "__builtins__": {"abs": abs},
        "_q": lambda p, q: arb(fmpq(p, q)), "nan": None,
        "less": _less, "greater": _greater, "less_equal": _less_equal, "greater_equal": _greater_equal,
        "equal": _equal, "not_equal": lambda a, b: _not(_equal(a, b)),
        "_all": _all, "_any": _any, "logical_not": _not, "logical_or": _or, "select": _select,
        "maximum": _extreme(_greater_equal), "minimum": _extreme(_less_equal), "reduce": functools.reduce,
        "sqrt": _function("sqrt"), "exp": _function("exp"), "log": _function("log"), "sin": _function("sin"),
        "cos": _function("cos"), "tan": _function("tan"), "absolute": abs,
    }


def _inexact_constants(code: types.CodeType) -> bool:
    """A float in the code is a rounded constant (``GoldenRatio`` prints as ``1.618...``), not the number the
    claim names: a ball around it would decide draws on a different claim."""
    return any(isinstance(c, (float, complex)) or (isinstance(c, types.CodeType) and _inexact_constants(c))
               for c in code.co_consts)


@functools.lru_cache(maxsize=1024)
def _on_balls(code: types.CodeType) -> types.FunctionType:
    return types.FunctionType(code, _namespace(), "_kernel_on_balls")


def _ball(value) -> arb:
    value = Fraction(value)
    return arb(value.numerator) if value.denominator == 1 else arb(fmpq(value.numerator, value.denominator))


def ball_truth(kernel, columns: Sequence[Sequence]) -> list:
    """A boolean kernel at each draw (``columns``: one sequence of exact values per argument): ``True``,
    ``False`` or ``None`` (not settled on balls)."""
    code = getattr(getattr(kernel, "_float", None), "__code__", None)
    if code is None or _inexact_constants(code):
        return [None] * (len(columns[0]) if columns else 1)
    fn = _on_balls(code)
    conjunction = getattr(kernel, "conjunction", False)
    out = []
    saved = ctx.prec
    ctx.prec = BALL_PRECISION
    try:
        for point in zip(*columns):
            try:
                value = fn(*map(_ball, point))
                if conjunction:
                    value = _all(True, *value)
            except (_Undecided, ArithmeticError, TypeError, ValueError, NameError, AttributeError):
                value = None
            out.append(value if value is None else bool(value) if isinstance(value, bool) else None)
    finally:
        ctx.prec = saved
    return out
