"""Exact certification of a point: substitute it and evaluate in SymPy.

A counterexample or a witness is reported only after :func:`holds` has
evaluated every assumption and the claim at that point *exactly*: rationals
directly, algebraic numbers through their minimal polynomials, other real
constants by evaluation at a precision that separates them from zero.  A point
where an expression is undefined (a zero denominator) or whose truth cannot be
settled is never certified.
"""

from __future__ import annotations

from typing import Mapping

import sympy as sp
from sympy.core.relational import Relational

__all__ = ["holds", "exact_sign", "Uncertifiable", "respects_symbol_assumptions"]


class Uncertifiable(Exception):
    """The truth value at the point cannot be settled exactly."""


def exact_sign(value: sp.Expr) -> int:
    """The sign (-1, 0, 1) of a real constant, decided exactly.

    >>> from sympy import sqrt, Rational
    >>> exact_sign(sqrt(2) - Rational(141, 100))
    1
    >>> exact_sign((1 + sqrt(2))**2 - 3 - 2*sqrt(2))
    0
    """
    value = sp.sympify(value)
    if value.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
        raise Uncertifiable("undefined at this point (division by zero or infinity)")
    if value.is_Rational:
        return int(bool(value > 0)) - int(bool(value < 0))
    if not value.is_number:
        raise Uncertifiable(f"{sp.sstr(value)} is not a number at this point")
    if value.has(sp.I) and value.is_real is not True:
        raise Uncertifiable(f"{sp.sstr(value)} is not real")
    zero = value.is_zero
    if zero is None and value.is_algebraic:
        try:
            zero = sp.minimal_polynomial(value, sp.Dummy("m")).is_Symbol
        except (NotImplementedError, sp.PolynomialError, ValueError):
            zero = None
    if zero:
        return 0
    for digits in (30, 100, 300):
        approx = sp.N(value, digits)
        if approx.is_Number and approx != 0:
            mag = abs(approx)
            # evalf tracks its accuracy: a value far above the last digit has a sure sign
            if zero is False or mag > sp.Float(10) ** (-digits // 2):
                return 1 if approx > 0 else -1
    raise Uncertifiable(f"cannot separate {sp.sstr(value)} from zero")


_CMP = {
    "==": lambda s: s == 0, "!=": lambda s: s != 0, "<": lambda s: s < 0,
    "<=": lambda s: s <= 0, ">": lambda s: s > 0, ">=": lambda s: s >= 0,
}


def holds(b, point: Mapping[sp.Symbol, sp.Expr]) -> bool:
    """The exact truth value of the Boolean ``b`` at ``point``.

    Raises :class:`Uncertifiable` when it cannot be settled (undefined values,
    symbols without a value, constants too close to zero).
    """
    if b is sp.true or b is True:
        return True
    if b is sp.false or b is False:
        return False
    if isinstance(b, Relational):
        try:
            # each side on its own first: lhs - rhs may have cancelled an undefined term
            values = {k: sp.sympify(v) for k, v in point.items()}
            sides = [sp.sympify(side.xreplace(values)) for side in (b.lhs, b.rhs)]
            if any(v.has(sp.zoo, sp.nan, sp.oo, -sp.oo) for v in sides):
                raise Uncertifiable("undefined at this point (division by zero)")
            diff = sides[0] - sides[1]
        except (ValueError, TypeError, ZeroDivisionError) as exc:
            # e.g. a derivative of an undefined function at a number: not evaluable
            raise Uncertifiable(f"cannot evaluate {sp.sstr(b)} at this point: {exc}".replace("\n", " ")) from None
        return _CMP[b.rel_op](exact_sign(diff))
    if isinstance(b, sp.And):
        return all(holds(a, point) for a in b.args)
    if isinstance(b, sp.Or):
        return any(holds(a, point) for a in b.args)
    if isinstance(b, sp.Not):
        return not holds(b.args[0], point)
    if isinstance(b, sp.Implies):
        return (not holds(b.args[0], point)) or holds(b.args[1], point)
    if isinstance(b, sp.Equivalent):
        vals = {holds(a, point) for a in b.args}
        return len(vals) == 1
    if isinstance(b, sp.Xor):
        return sum(holds(a, point) for a in b.args) % 2 == 1
    if isinstance(b, sp.ITE):
        c, x, y = b.args
        return holds(x, point) if holds(c, point) else holds(y, point)
    raise Uncertifiable(f"cannot evaluate {sp.sstr(b)}")


def respects_symbol_assumptions(point: Mapping[sp.Symbol, sp.Expr]) -> bool:
    """Whether each value satisfies its symbol's SymPy assumptions (``positive=True``, ...)."""
    for s, v in point.items():
        sign = exact_sign(v)
        checks = [
            (s.is_positive, sign > 0), (s.is_nonnegative, sign >= 0),
            (s.is_negative, sign < 0), (s.is_nonpositive, sign <= 0),
            (s.is_zero, sign == 0), (s.is_nonzero, sign != 0),
        ]
        if any(flag and not ok for flag, ok in checks):
            return False
        if s.is_integer and not sp.sympify(v).is_integer:
            return False
    return True
