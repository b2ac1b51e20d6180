r"""The oracle's numbers: exact Fractions where the value is rational, rigorous intervals elsewhere.

Shared with nothing in the engine.  Values are :class:`fractions.Fraction`
(exact) or intervals of a *private* mpmath interval context (:data:`IV`; its
precision is ours to change, mpmath's global ``iv`` is left alone).  Each
construct of the table has an evaluator here: ``exp``, ``log``, ``sin``,
``cos`` directly; ``atan`` as ``atan2(u, 1)``; ``asin``, ``acos``, ``sinh``,
``cosh``, ``tanh``, ``asinh``, ``acosh``, ``atanh`` and fractional powers
through identities in ``exp``, ``log``, ``sqrt`` and ``atan2`` (valid, if
wider, enclosures); rational values stay exact (``exp(0) = 1``, perfect
powers, ``floor`` of a rational...).  A value that is not a real number raises
:class:`Undefined`; one the intervals cannot pin down raises :class:`Unsettled`.

>>> sign_of(IV.exp(IV.mpf(1)) - IV.mpf(2)), sign_of(Fraction(0))
(1, 0)
>>> FUNCTIONS[sp.floor](Fraction(-7, 2)), FUNCTIONS[sp.acosh](Fraction(1))
(Fraction(-4, 1), Fraction(0, 1))
"""

from __future__ import annotations

import math
from fractions import Fraction

import sympy as sp
from mpmath.ctx_iv import MPIntervalContext
from sympy.core.function import AppliedUndef

__all__ = ["IV", "PRECISIONS", "Undefined", "Unsettled", "TooClose", "Value", "sign_of", "as_interval", "hull",
           "add", "mul", "power", "exact_root", "iroot", "FUNCTIONS", "CONSTANTS", "EVALUATED_CLASSES",
           "OPAQUE_CLASSES"]

#: a private interval context: its precision is ours to change, mpmath's global ``iv`` is left alone
IV = MPIntervalContext()
_IVTYPE = type(IV.mpf(1))
#: working precisions (bits), tried in turn while a comparison is too close to call
PRECISIONS = (256, 1024)


class Undefined(ArithmeticError):
    """The value is not a real number at this point."""


class Unsettled(Exception):
    """The oracle cannot tell the value or truth at this point (no verdict on it)."""


class TooClose(Unsettled):
    """An interval still contains zero: a higher precision may settle it."""


Value = Fraction  # or an interval of IV


# -- intervals ---------------------------------------------------------------------------

def as_interval(v) -> object:
    if isinstance(v, _IVTYPE):
        return v
    return IV.mpf(v.numerator) / v.denominator


def _thin(v) -> bool:
    return isinstance(v, Fraction)


def sign_of(v) -> int:
    """-1, 0 or 1 for an exact value or an interval that excludes zero (else :class:`Unsettled`)."""
    if isinstance(v, Fraction):
        return (v > 0) - (v < 0)
    if v.a > 0:
        return 1
    if v.b < 0:
        return -1
    if v.a == 0 and v.b == 0:
        return 0
    raise TooClose("an interval contains zero")


def hull(lo, hi):
    return IV.mpf([lo.a, hi.b])


def iroot(n: int, k: int) -> int | None:
    """The exact integer k-th root of ``n >= 0``, or ``None``."""
    if n < 2:
        return n
    r = int(round(n ** (1.0 / k))) if n < 2**1000 else 1 << (n.bit_length() // k)
    for _ in range(200):  # Newton from above
        if r <= 0:
            r = 1
        nxt = ((k - 1) * r + n // r ** (k - 1)) // k
        if nxt >= r and r ** k <= n:
            break
        r = nxt
    for c in (r - 1, r, r + 1):
        if c >= 0 and c ** k == n:
            return c
    return None


def exact_root(q: Fraction, k: int) -> Fraction | None:
    """The exact rational k-th root of ``q >= 0``, or ``None`` (also for roots too high to try)."""
    if q in (0, 1):
        return q
    if k > 64 and max(q.numerator, q.denominator).bit_length() < k:
        return None  # an integer k-th root > 1 has at least k bits
    a, b = iroot(q.numerator, k), iroot(q.denominator, k)
    return Fraction(a, b) if a is not None and b is not None else None


# -- the evaluators of the table's constructs --------------------------------------------

def add(*vs):
    if all(_thin(v) for v in vs):
        return sum(vs, Fraction(0))
    out = IV.mpf(0)
    for v in vs:
        out = out + as_interval(v)
    return out


def mul(*vs):
    if any(_thin(v) and v == 0 for v in vs):
        return Fraction(0)  # every factor was evaluated: a zero factor does not hide an undefined one
    if all(_thin(v) for v in vs):
        out = Fraction(1)
        for v in vs:
            out *= v
        return out
    out = IV.mpf(1)
    for v in vs:
        out = out * as_interval(v)
    return out


#: beyond this exponent an exact power of a rational would have millions of digits: use intervals
EXACT_POWER_LIMIT = 4096


def _int_power(b, n: int):
    if n == 0:
        return Fraction(1)
    if _thin(b):
        if b == 0 and n < 0:
            raise Undefined("division by zero")
        if abs(n) <= EXACT_POWER_LIMIT or b in (0, 1, -1):
            return b ** n
        b = as_interval(b)
    if n < 0:
        if sign_of(b) == 0:
            raise Undefined("division by zero")
        return 1 / (b ** (-n))
    return b ** n


def _positive_or_raise(b, what: str):
    s = sign_of(b)
    if s <= 0:
        raise Undefined(what)


def power(b, e, e_expr: sp.Expr):
    if e_expr.is_Integer:
        return _int_power(b, int(e_expr))
    if e_expr.is_Rational:
        p, q = int(e_expr.p), int(e_expr.q)
        if _thin(b):
            if b < 0:
                raise Undefined("a fractional power of a negative number")
            if b == 0:
                if p < 0:
                    raise Undefined("a negative power of zero")
                return Fraction(0)
            r = exact_root(b, q)
            if r is not None:
                return r ** p
        elif sign_of(b) <= 0:
            raise Undefined("a fractional power of a number that is not positive")
        return IV.exp(IV.log(as_interval(b)) * p / q)
    # a real exponent: defined for a positive base (the table's convention)
    _positive_or_raise(b, "a real power of a number that is not positive")
    if _thin(b) and b == 1:
        return Fraction(1)
    if _thin(e) and e == 0:
        return Fraction(1)
    return IV.exp(as_interval(e) * IV.log(as_interval(b)))


def _exp(u):
    if _thin(u) and u == 0:
        return Fraction(1)
    return IV.exp(as_interval(u))


def _log(u):
    _positive_or_raise(u, "the logarithm of a number that is not positive")
    if _thin(u) and u == 1:
        return Fraction(0)
    return IV.log(as_interval(u))


def _zero_at_zero(f):
    def g(u):
        if _thin(u) and u == 0:
            return Fraction(0)
        return f(as_interval(u))
    return g


def _cos(u):
    if _thin(u) and u == 0:
        return Fraction(1)
    return IV.cos(as_interval(u))


def _unit_interval(u, closed: bool, what: str):
    lo, hi = (u, u) if _thin(u) else (u.a, u.b)
    if closed and (lo > 1 or hi < -1) or not closed and (lo >= 1 or hi <= -1):
        raise Undefined(what)
    if closed and (hi > 1 or lo < -1) or not closed and (hi >= 1 or lo <= -1):
        raise TooClose(what)


def _asin(u):
    _unit_interval(u, True, "asin outside [-1, 1]")
    if _thin(u) and u in (1, -1):
        return IV.pi / 2 * int(u)
    if _thin(u) and u == 0:
        return Fraction(0)
    v = as_interval(u)
    w = 1 - v * v
    if w.a < 0:
        w = IV.mpf([0, w.b])
    return IV.atan2(v, IV.sqrt(w))


def _acos(u):
    if _thin(u) and u == 1:
        return Fraction(0)
    return IV.pi / 2 - as_interval(_asin(u))


def _sinh(v):
    return (IV.exp(v) - IV.exp(-v)) / 2


def _cosh(u):
    if _thin(u) and u == 0:
        return Fraction(1)
    v = as_interval(u)
    return (IV.exp(v) + IV.exp(-v)) / 2


def _tanh(v):
    return 1 - 2 / (IV.exp(2 * v) + 1)


def _increasing(thin_f):
    """An increasing function on an interval: the hull of its values at the two ends."""
    def f(v):
        if v.a == v.b:
            return thin_f(v)
        return hull(thin_f(IV.mpf(v.a)), thin_f(IV.mpf(v.b)))
    return f


def _asinh_thin(v):
    if v.a < 0:
        return -_asinh_thin(-v)
    return IV.log(v + IV.sqrt(v * v + 1))


def _acosh(u):
    lo = u if _thin(u) else u.a
    hi = u if _thin(u) else u.b
    if hi < 1:
        raise Undefined("acosh below 1")
    if lo < 1:
        raise TooClose("acosh near 1")
    if _thin(u) and u == 1:
        return Fraction(0)
    v = as_interval(u)
    w = v * v - 1
    if w.a < 0:
        w = IV.mpf([0, w.b])
    return IV.log(v + IV.sqrt(w))


def _atanh(u):
    _unit_interval(u, False, "atanh outside (-1, 1)")
    if _thin(u) and u == 0:
        return Fraction(0)
    v = as_interval(u)
    return (IV.log(1 + v) - IV.log(1 - v)) / 2


def _abs(u):
    if _thin(u):
        return abs(u)
    if u.a >= 0:
        return u
    if u.b <= 0:
        return -u
    return IV.mpf([0, max(-u.a, u.b)])


def _sign(u):
    return Fraction(sign_of(u))


def _min(*vs):
    if all(_thin(v) for v in vs):
        return min(vs)
    ivs = [as_interval(v) for v in vs]
    return IV.mpf([min(v.a for v in ivs), min(v.b for v in ivs)])


def _max(*vs):
    if all(_thin(v) for v in vs):
        return max(vs)
    ivs = [as_interval(v) for v in vs]
    return IV.mpf([max(v.a for v in ivs), max(v.b for v in ivs)])


def _endpoint(raw) -> Fraction:
    """An endpoint of an interval (a raw mpmath binary number) as an exact Fraction."""
    sign, man, exp, _ = raw
    if man == 0:
        if raw == (0, 0, 0, 0):
            return Fraction(0)
        raise TooClose("an infinite or undefined interval")
    value = Fraction(man) * Fraction(2) ** exp
    return -value if sign else value


def _floor(u):
    if _thin(u):
        return Fraction(math.floor(u))
    lo, hi = (math.floor(_endpoint(raw)) for raw in u._mpi_)
    if lo != hi:
        raise TooClose("floor: the argument is too close to an integer")
    return Fraction(lo)


def _ceiling(u):
    if _thin(u):
        return Fraction(math.ceil(u))
    return -_floor(-u)


def _frac(u):
    return add(u, -_floor(u))


def _mod(x, y):
    if sign_of(y) == 0:
        raise Undefined("Mod by zero")
    if _thin(x) and _thin(y):
        return x - y * math.floor(x / y)
    q = _floor(as_interval(x) / as_interval(y))
    return add(x, mul(Fraction(-1), y, q))


def _real_part(u):
    return u


def _imaginary_part(u):
    return Fraction(0)  # the table reads re/im of expressions that are real wherever defined


FUNCTIONS: dict = {
    sp.exp: _exp, sp.log: _log, sp.sin: _zero_at_zero(IV.sin), sp.cos: _cos,
    sp.atan: _zero_at_zero(lambda v: IV.atan2(v, IV.mpf(1))), sp.asin: _asin, sp.acos: _acos,
    sp.sinh: _zero_at_zero(_sinh), sp.cosh: _cosh, sp.tanh: _zero_at_zero(_tanh),
    sp.asinh: _zero_at_zero(_increasing(_asinh_thin)), sp.acosh: _acosh, sp.atanh: _atanh,
    sp.Abs: _abs, sp.sign: _sign, sp.Min: _min, sp.Max: _max, sp.floor: _floor, sp.ceiling: _ceiling,
    sp.frac: _frac, sp.Mod: _mod, sp.re: _real_part, sp.im: _imaginary_part,
}

CONSTANTS: dict = {
    sp.pi: lambda: +IV.pi, sp.E: lambda: +IV.e, sp.EulerGamma: lambda: +IV.euler,
    sp.Catalan: lambda: +IV.catalan, sp.GoldenRatio: lambda: +IV.phi,
}

#: SymPy classes this module evaluates (a test checks that they cover every row of the table)
EVALUATED_CLASSES: tuple = (sp.Rational, sp.Float, sp.CRootOf, sp.Add, sp.Mul, sp.Pow, sp.Piecewise,
                            *FUNCTIONS, *(type(c) for c in CONSTANTS))
#: classes of the table the oracle cannot evaluate: points with them give no verdict
OPAQUE_CLASSES: tuple = (AppliedUndef, sp.Derivative, sp.Subs)



IV.prec = PRECISIONS[0]
