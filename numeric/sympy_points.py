"""Exact decisions at one point, in SymPy, for the spot checks.

:func:`symbolic.certify.holds` decides a statement at a point by interval arithmetic; where it finds a
relation too close to call, :func:`with_ties` lets SymPy's simplification show a tie
(``sin(x)**2 + cos(x)**2 - 1`` is 0 at every ``x``), which floats would decide by rounding.  Where
exponents are symbolic (``x**beta`` at 52-bit rationals), :func:`holds_high_precision` evaluates at
:data:`HIGH_PRECISION_DIGITS` digits and settles only signs far above that precision.  For spot checks
only: the engine certifies no point this way.
"""

from __future__ import annotations

import functools
import time

import sympy as sp
from sympy.core.relational import Relational

from symbolic.certify import Uncertifiable, enclose, holds
from symbolic.constructs import domain_conditions
from symbolic.timebox import OutOfTime, time_box

__all__ = ["HIGH_PRECISION_DIGITS", "TIE_BUDGET", "UNDEFINED_WORDS", "is_undefined", "with_ties", "all_hold",
           "holds_high_precision", "surely_undefined", "symbolic_exponents"]

#: digits of the re-decision of statements with real powers x**beta at symbolic beta (no exact decision)
HIGH_PRECISION_DIGITS = 60


@functools.lru_cache(maxsize=1024)
def symbolic_exponents(statement, atoms) -> bool:
    return any(not p.exp.is_number for e in (statement, *atoms) for p in e.atoms(sp.Pow))


def holds_high_precision(b, point) -> bool:
    """``b`` at ``point`` with each relation's sides evaluated to :data:`HIGH_PRECISION_DIGITS` digits.

    Used where the values are real powers at rational exponents with 52-bit
    denominators: exact algebraic arithmetic is out of reach, but a ball that
    contains the difference and not 0 (interval arithmetic) gives its sign;
    anything closer is not settled.
    """
    if b is sp.true or b is True:
        return True
    if b is sp.false or b is False:
        return False
    if isinstance(b, Relational):
        # Floats in, not Rationals: SymPy would try to simplify a rational to a 52-bit rational power exactly
        at = {k: sp.Float(v, HIGH_PRECISION_DIGITS + 10) for k, v in point.items()}
        lhs, rhs = (sp.N(side.xreplace(at), HIGH_PRECISION_DIGITS) for side in (b.lhs, b.rhs))
        if lhs.has(sp.nan, sp.zoo, sp.oo, -sp.oo) or rhs.has(sp.nan, sp.zoo, sp.oo, -sp.oo) \
                or lhs.is_extended_real is False or rhs.is_extended_real is False:
            raise Uncertifiable("no numeric value")  # a pole, or not real: undefined there
        if not (lhs.is_Number and rhs.is_Number):
            raise Uncertifiable("not evaluated to a number")  # SymPy could not: nothing is said
        gap = b.lhs - b.rhs
        # an exact tie (x > 0 at x = 0, 2**x > 2 at x = 1) needs no precision; it is computed exactly only where
        # every power's exponent is a small rational there (a drawn 52-bit rational as an exponent can fill the
        # memory)
        if _small_exponents(gap, point) and _exact_tie(gap, point):
            return b.rel_op in ("==", "<=", ">=")
        sign = _sure_sign(gap, point)
        return {"==": False, "!=": True, "<": sign < 0, "<=": sign < 0, ">": sign > 0, ">=": sign > 0}[b.rel_op]
    if isinstance(b, (sp.And, sp.Or)):  # Kleene's logic: a settling part decides, whatever the others are
        settles = isinstance(b, sp.Or)
        unsettled = None
        for a in b.args:
            try:
                if holds_high_precision(a, point) is settles:
                    return settles
            except Uncertifiable as exc:
                unsettled = unsettled or exc
        if unsettled is not None:
            raise unsettled
        return not settles
    if isinstance(b, sp.Not):
        return not holds_high_precision(b.args[0], point)
    if isinstance(b, sp.Implies):
        return (not holds_high_precision(b.args[0], point)) or holds_high_precision(b.args[1], point)
    if isinstance(b, sp.Equivalent):
        return len({holds_high_precision(a, point) for a in b.args}) == 1
    raise Uncertifiable(f"cannot evaluate {sp.sstr(b)}")


def _sure_sign(gap, point) -> int:
    """The sign of ``gap`` at ``point`` from a ball that contains its value (interval arithmetic at
    :data:`HIGH_PRECISION_DIGITS` digits, then four times as many): a difference the two sides' values at 60
    digits would show is not enough, since their terms may cancel far above that (``(v/3)**n 3**n - v**n`` at
    ``n = 4434``: two numbers near 10**867 whose difference is 0)."""
    digits = HIGH_PRECISION_DIGITS
    for bits in (4 * digits, 16 * digits):
        ball = enclose(gap, point, bits)
        if not ball.is_finite():
            raise Uncertifiable("within the working precision of a boundary (no finite enclosure)")
        if ball > 0:
            return 1
        if ball < 0:
            return -1
    raise Uncertifiable("within the working precision of a boundary")


#: an exponent at a point is computed with exactly when its numerator and denominator are at most this
_SMALL_EXPONENT = 64
#: an integer exponent at a point is computed with exactly up to this (``v**n`` at a drawn size ``n``)
_INTEGER_EXPONENT = 10_000


def _small_exponents(gap, point) -> bool:
    """Every power of ``gap`` with a symbolic exponent has a small rational exponent at ``point``, or an integer
    one up to :data:`_INTEGER_EXPONENT` (a rational to the 4434th power is exact arithmetic on 10**5 bits)."""
    for p in gap.atoms(sp.Pow):
        if p.exp.is_number:
            continue
        e = p.exp.xreplace(point)
        if not (e.is_Rational and abs(e.p) <= _SMALL_EXPONENT and e.q <= _SMALL_EXPONENT) \
                and not (e.is_Integer and abs(e) <= _INTEGER_EXPONENT):
            return False
    return True


#: seconds one exact tie may take (SymPy's sign of a sum of algebraic numbers can take minutes: a minimal
#: polynomial); a gap expression past it once is not computed exactly again (at most this many kept)
_TIE_CHECK_SECONDS, _SLOW_TIES, _SLOW_TIES_KEPT = 0.2, set(), 1024


def _exact_tie(gap, point) -> bool:
    """Whether ``gap`` is exactly 0 at ``point``, computed within :data:`_TIE_CHECK_SECONDS` (``False``: not
    shown, and the caller compares at high precision)."""
    if gap in _SLOW_TIES:
        return False
    try:
        with time_box(_TIE_CHECK_SECONDS):
            return gap.xreplace(point).is_zero is True
    except OutOfTime:
        if len(_SLOW_TIES) < _SLOW_TIES_KEPT:
            _SLOW_TIES.add(gap)
        return False


def surely_undefined(statement, point) -> bool:
    """Whether a condition of the statement's definition surely fails at ``point``: at 60 digits a tie can come
    out a hair negative (``x + y - 1`` at ``1/3, 2/3``), and a root of it is no sign of a pole."""
    for condition in domain_conditions(statement):
        try:
            if not holds(condition, point):
                return True
        except Uncertifiable:
            continue
    return False


#: seconds SymPy may simplify one value that interval arithmetic could not separate from a boundary, and in
#: all for one group of draws re-decided (floats near a tie can be many)
_TIE_SECONDS, TIE_BUDGET = 0.5, 2.0


def with_ties(decide, b, point, until: float) -> bool:
    """``decide(b, point)``; where :func:`symbolic.certify.holds` finds a relation too close to call, SymPy's
    simplification of the exact values may show a tie (``sin(x)**2 + cos(x)**2 - 1`` is 0 at every x), which
    floats would decide by rounding.  For spot checks only: the engine certifies no point this way."""
    try:
        return decide(b, point)
    except Uncertifiable as exc:
        if decide is not holds or str(exc).startswith(UNDEFINED_WORDS):
            raise
        for condition in domain_conditions(b):
            defined = _simplified(condition, point, until)
            if defined is None:
                raise
            if not defined:
                raise Uncertifiable(f"undefined at this point: {sp.sstr(condition)} fails") from None
        settled = _simplified(b, point, until)
        if settled is None:
            raise
        return settled


def _simplified(b, point, until: float) -> bool | None:
    try:
        return holds(b, point, True)
    except Uncertifiable:
        pass
    left = min(_TIE_SECONDS, until - time.monotonic())
    if left <= 0:
        return None
    try:
        with time_box(left):
            value = sp.simplify(b.xreplace(point))
    except (OutOfTime, Exception):  # noqa: BLE001 - SymPy's own failures: not settled
        return None
    return bool(value) if value in (sp.true, sp.false) else None


#: how :func:`symbolic.certify.holds` and :func:`holds_high_precision` say a point is outside the domain
UNDEFINED_WORDS = ("undefined at this point", "no numeric value")


def is_undefined(exc: Uncertifiable) -> bool:
    """Whether ``exc`` says the point is outside the statement's domain (not merely unsettled)."""
    return str(exc).startswith(UNDEFINED_WORDS)


def all_hold(conditions, point, until: float, decide=holds) -> bool:
    """Every condition holds at ``point`` (:func:`with_ties`); raises :class:`Uncertifiable` where one is
    unsettled or undefined and none is false before it."""
    return all(with_ties(decide, c, point, until) for c in conditions)
