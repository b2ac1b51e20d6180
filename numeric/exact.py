r"""Exact rational numbers: a restricted parser and a vectorized rational array.

Boundary draws and exact inputs are decided in exact arithmetic.  Python's
:class:`fractions.Fraction` does that one number at a time; :class:`RationalArray`
does it for a whole batch: a numerator and a positive denominator per entry,
both NumPy object arrays of Python integers (unbounded), so that the code a
kernel prints for NumPy floats runs unchanged on exact rationals.

.. math::  \frac{a}{b} + \frac{c}{d} = \frac{ad + cb}{bd}, \qquad
           \frac{a}{b} > \frac{c}{d} \iff ad > cb \quad (b, d > 0).

>>> from fractions import Fraction
>>> x = RationalArray.from_values([Fraction(1, 3), 2, "5/7"])
>>> y = x * 3 - 1
>>> y.to_fractions()
[Fraction(0, 1), Fraction(5, 1), Fraction(8, 7)]
>>> (x > Fraction(1, 2)).tolist()
[False, True, True]
>>> parse_rational("-22/7")
Fraction(-22, 7)
"""

from __future__ import annotations

import math
import re
import time
from decimal import Decimal
from fractions import Fraction
from numbers import Integral, Rational
from typing import Iterable, Sequence

import numpy as np

from symbolic.errors import NotSupportedError

__all__ = ["RationalArray", "KernelError", "MAX_EXACT_EXPONENT", "exact_truth", "exact_value", "parse_rational",
           "is_exact_number", "as_fraction", "EXACT_PATTERN", "MAX_DECIMAL_EXPONENT"]

#: the only text accepted as an exact number: an integer or ``p/q`` (no spaces, no decimals)
# re.ASCII: \d is 0-9, not every Unicode digit (Arabic-Indic three is no number here)
EXACT_PATTERN = re.compile(r"[+-]?\d{1,4000}(?:/\d{1,4000})?", re.ASCII)
#: the largest decimal exponent of a :class:`~decimal.Decimal` read exactly (10**4000 has 4001 digits)
MAX_DECIMAL_EXPONENT = 4000


def parse_rational(text: str) -> Fraction:
    """An exact rational from the text ``"p/q"`` or ``"p"``; never ``eval``.

    >>> parse_rational("3/4"), parse_rational("+12")
    (Fraction(3, 4), Fraction(12, 1))
    >>> parse_rational("1/0")
    Traceback (most recent call last):
    ...
    ValueError: '1/0' has a zero denominator
    >>> parse_rational("__import__('os')")
    Traceback (most recent call last):
    ...
    ValueError: "__import__('os')" is not an exact rational 'p/q' or integer
    """
    if not isinstance(text, str):
        raise TypeError(f"expected a string 'p/q', got {type(text).__name__}")
    stripped = text.strip()
    if not EXACT_PATTERN.fullmatch(stripped):
        raise ValueError(f"{text!r} is not an exact rational 'p/q' or integer")
    if "/" in stripped and int(stripped.split("/")[1]) == 0:
        raise ValueError(f"{text!r} has a zero denominator")
    return Fraction(stripped)


def is_exact_number(value) -> bool:
    """Integers (not bools), Fractions and ``"p/q"`` strings are exact; floats are not."""
    if isinstance(value, bool):
        return False
    if isinstance(value, (Integral, Rational)):
        return True
    if isinstance(value, str):
        return EXACT_PATTERN.fullmatch(value.strip()) is not None
    return False


def _decimal_text(value: Decimal) -> str:
    """A Decimal's first digits and exponent, for a message; no arithmetic (a context would overflow).

    >>> _decimal_text(Decimal("-1.2345678e999999999")), _decimal_text(Decimal("1e-999999999"))
    ('-1.23456…e+999999999', '1e-999999999')
    """
    sign, digits, _ = value.as_tuple()
    text = "".join(map(str, digits)).lstrip("0") or "0"
    mantissa = text[0] + ("." + text[1:6] + ("…" if len(text) > 6 else "") if len(text) > 1 else "")
    return f"{'-' if sign else ''}{mantissa}e{value.adjusted():+d}"


def as_fraction(value) -> Fraction:
    """The exact value of an int, a Fraction, a ``"p/q"`` string, a SymPy Rational, a float (its binary value)
    or a :class:`~decimal.Decimal` (the decimal it is: ``Decimal("1e400")`` is ``10**400``).

    >>> as_fraction(Decimal("1e-3")), as_fraction(0.5)
    (Fraction(1, 1000), Fraction(1, 2))
    """
    if isinstance(value, bool):
        raise TypeError("a bool is not a number here")
    if isinstance(value, str):
        return parse_rational(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"must be finite, got {value}")
        if value and (abs(value.adjusted()) > MAX_DECIMAL_EXPONENT
                      or len(value.as_tuple().digits) > MAX_DECIMAL_EXPONENT):
            raise ValueError(f"{_decimal_text(value)} is out of range (decimals with exponents and digits up to "
                             f"{MAX_DECIMAL_EXPONENT} are read exactly)")
        return Fraction(value)
    if isinstance(value, (Integral, Rational, float)):
        return Fraction(value)
    p, q = getattr(value, "p", None), getattr(value, "q", None)  # SymPy Rational / Integer
    if isinstance(p, int) and isinstance(q, int):
        return Fraction(p, q)
    if isinstance(value, np.floating):
        return Fraction(float(value))
    if isinstance(value, np.integer):
        return Fraction(int(value))
    raise TypeError(f"{value!r} ({type(value).__name__}) is not an exact rational")


class KernelError(NotSupportedError, TypeError):
    """An expression cannot be evaluated in the requested (exact) arithmetic."""


#: the largest integer power taken exactly: x**(10**5) of 400 rationals would take minutes (floats still evaluate it)
MAX_EXACT_EXPONENT = 10_000


class BeyondExact(KernelError):
    """Some draws' powers are too large to take exactly (others may not be: see :func:`exact_truth_split`)."""


#: bits of the numerators and denominators that powers with per-draw exponents may make in one evaluation
MAX_POWER_BITS = 4_000_000


def _powers(num, den, exponent: "RationalArray") -> "RationalArray":
    """``(num/den) ** exponent`` draw by draw, for an integer-valued exponent array (``v**n`` with an integer
    symbol ``n``); a non-integer exponent has no rational value (TypeError), and powers whose digits would
    pass :data:`MAX_POWER_BITS` or an exponent past :data:`MAX_EXACT_EXPONENT` are beyond exact evaluation
    (KernelError: the caller decides those draws otherwise)."""
    e_num, e_den = (np.asarray(a, dtype=object) for a in (exponent.num, exponent.den))
    if np.any(e_num % e_den != 0):
        raise TypeError("exact arithmetic takes integer powers only, got a non-integer exponent")
    num, den, e = np.broadcast_arrays(np.asarray(num, dtype=object), np.asarray(den, dtype=object), e_num // e_den)
    size = [abs(int(k)) for k in e.ravel()]
    if size and max(size) > MAX_EXACT_EXPONENT:
        raise BeyondExact(f"a power {max(size)} is beyond exact evaluation (at most {MAX_EXACT_EXPONENT:,})")
    bits = sum(k * (int(a).bit_length() + int(b).bit_length()) for k, a, b in zip(size, num.ravel(), den.ravel()))
    if bits > MAX_POWER_BITS:
        raise BeyondExact(f"powers of about {bits:,} bits are beyond exact evaluation")
    up = e >= 0
    k = np.abs(e)
    top, bottom = num ** k, den ** k
    return RationalArray(_objects(np.where(up, top, bottom).ravel()),
                         _objects(np.where(up, bottom, top).ravel()))._normalise_sign()


def _objects(values) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    out[:] = list(values)
    return out


_gcd = np.frompyfunc(math.gcd, 2, 1)


class RationalArray:
    """A 1-D batch of exact rationals, ``num / den`` with ``den > 0``.

    Supports ``+ - * /``, unary minus, integer powers and the six comparisons
    (which return boolean NumPy arrays), with other ``RationalArray`` s, Python
    integers and :class:`~fractions.Fraction` s.  Floats are refused: mixing
    them in would silently lose exactness.
    """

    __slots__ = ("num", "den")
    __array_ufunc__ = None  # NumPy defers to our operators instead of making object arrays

    def __init__(self, num: np.ndarray, den: np.ndarray):
        self.num = num
        self.den = den

    # -- construction --------------------------------------------------------
    @classmethod
    def from_values(cls, values: Iterable) -> "RationalArray":
        fr = [as_fraction(v) for v in values]
        return cls(_objects([f.numerator for f in fr]), _objects([f.denominator for f in fr]))

    @classmethod
    def from_floats(cls, values) -> "RationalArray":
        """The exact binary values of finite floats (vectorized ``Fraction(x)``).

        >>> RationalArray.from_floats([0.1, -2.5, 3.0]).to_fractions()[1:]
        [Fraction(-5, 2), Fraction(3, 1)]
        >>> RationalArray.from_floats([0.1]).to_fractions()[0] == Fraction(0.1)
        True
        """
        x = np.asarray(values, dtype=float).ravel()
        if not np.all(np.isfinite(x)):
            raise ValueError("only finite floats have an exact rational value")
        mantissa, exponent = np.frexp(x)  # x = mantissa * 2**exponent, 0.5 <= |mantissa| < 1
        num = (mantissa * 2.0**53).astype(np.int64).astype(object)
        shift = (exponent - 53).astype(object)
        up = shift >= 0
        pow2 = np.where(up, 2 ** np.where(up, shift, 0), 2 ** np.where(up, 0, -shift))
        return cls(np.where(up, num * pow2, num), np.where(up, 1, pow2).astype(object))

    @classmethod
    def from_integers(cls, num, den=None) -> "RationalArray":
        """From integer arrays (any integer dtype); ``den`` must be positive."""
        n = _objects([int(v) for v in np.asarray(num).ravel()])
        d = _objects([1] * len(n)) if den is None else _objects([int(v) for v in np.asarray(den).ravel()])
        if any(v <= 0 for v in d):
            raise ValueError("denominators must be positive")
        return cls(n, d)

    @classmethod
    def full(cls, n: int, value) -> "RationalArray":
        f = as_fraction(value)
        return cls(_objects([f.numerator] * n), _objects([f.denominator] * n))

    # -- conversion ----------------------------------------------------------
    def __len__(self) -> int:
        return len(self.num)

    def to_fractions(self) -> list[Fraction]:
        return [Fraction(int(n), int(d)) for n, d in zip(self.num, self.den)]

    def to_float(self) -> np.ndarray:
        """Correctly rounded floats (Python's int/int true division)."""
        return np.array([n / d for n, d in zip(self.num.tolist(), self.den.tolist())], dtype=float)

    def reduced(self) -> "RationalArray":
        """Lowest terms (the arithmetic does not reduce, to stay fast)."""
        g = _gcd(self.num, self.den)
        return RationalArray(self.num // g, self.den // g)

    def __getitem__(self, index) -> "RationalArray":
        num, den = self.num[index], self.den[index]
        if not isinstance(num, np.ndarray):  # a single entry
            return RationalArray(_objects([num]), _objects([den]))
        return RationalArray(num, den)

    def __repr__(self) -> str:
        return f"RationalArray([{', '.join(str(f) for f in self.to_fractions()[:6])}{', ...' if len(self) > 6 else ''}])"

    __hash__ = None  # comparisons are elementwise

    # -- arithmetic ----------------------------------------------------------
    @staticmethod
    def _coerce(other):
        if isinstance(other, RationalArray):
            return other.num, other.den
        if isinstance(other, bool):
            return NotImplemented
        if isinstance(other, (Integral, Rational)):
            f = Fraction(other)
            return f.numerator, f.denominator
        return NotImplemented

    def __add__(self, other):
        c = self._coerce(other)
        if c is NotImplemented:
            return NotImplemented
        n, d = c
        return RationalArray(self.num * d + n * self.den, self.den * d)

    __radd__ = __add__

    def __sub__(self, other):
        c = self._coerce(other)
        if c is NotImplemented:
            return NotImplemented
        n, d = c
        return RationalArray(self.num * d - n * self.den, self.den * d)

    def __rsub__(self, other):
        return (-self) + other

    def __mul__(self, other):
        c = self._coerce(other)
        if c is NotImplemented:
            return NotImplemented
        n, d = c
        return RationalArray(self.num * n, self.den * d)

    __rmul__ = __mul__

    def __truediv__(self, other):
        c = self._coerce(other)
        if c is NotImplemented:
            return NotImplemented
        n, d = c
        return RationalArray(self.num * d, self.den * n)._normalise_sign()

    def __rtruediv__(self, other):
        c = self._coerce(other)
        if c is NotImplemented:
            return NotImplemented
        n, d = c
        return RationalArray(n * self.den, d * self.num)._normalise_sign()

    def _normalise_sign(self) -> "RationalArray":
        den = self.den
        if isinstance(den, np.ndarray):
            if np.any(den == 0):
                raise ZeroDivisionError("division by zero in exact arithmetic")
            neg = den < 0
            if np.any(neg):
                sign = np.where(neg, -1, 1).astype(object)
                return RationalArray(self.num * sign, den * sign)
            return self
        if den == 0:
            raise ZeroDivisionError("division by zero in exact arithmetic")
        return self if den > 0 else RationalArray(-self.num, -den)

    def __neg__(self):
        return RationalArray(-self.num, self.den)

    def __pos__(self):
        return self

    def __pow__(self, exponent):
        if isinstance(exponent, RationalArray):  # v**n with an integer symbol n: one power per draw
            return _powers(self.num, self.den, exponent)
        if isinstance(exponent, bool) or not isinstance(exponent, Integral):
            if isinstance(exponent, float) and exponent.is_integer():
                exponent = int(exponent)
            else:
                raise TypeError(f"exact arithmetic takes integer powers only, got {exponent!r}")
        e = int(exponent)
        if abs(e) > MAX_EXACT_EXPONENT:
            raise KernelError(f"a power {e} is beyond exact evaluation (at most {MAX_EXACT_EXPONENT:,})")
        if e >= 0:
            return RationalArray(self.num ** e, self.den ** e)
        return RationalArray(self.den ** -e, self.num ** -e)._normalise_sign()

    def __rpow__(self, base):  # 2**n
        c = self._coerce(base)
        if c is NotImplemented:
            return NotImplemented
        return _powers(*c, self)

    # -- comparisons (boolean arrays) -----------------------------------------
    def _cmp(self, other):
        c = self._coerce(other)
        if c is NotImplemented:
            raise TypeError(f"cannot compare a RationalArray with {type(other).__name__} exactly")
        n, d = c
        # denominators are positive, so the sign of a/b - c/d is the sign of ad - cb
        return self.num * d - n * self.den

    def __lt__(self, other):
        return np.asarray(self._cmp(other) < 0, dtype=bool)

    def __le__(self, other):
        return np.asarray(self._cmp(other) <= 0, dtype=bool)

    def __gt__(self, other):
        return np.asarray(self._cmp(other) > 0, dtype=bool)

    def __ge__(self, other):
        return np.asarray(self._cmp(other) >= 0, dtype=bool)

    def __eq__(self, other):
        return np.asarray(self._cmp(other) == 0, dtype=bool)

    def __ne__(self, other):
        return np.asarray(self._cmp(other) != 0, dtype=bool)


def _by_draw(fn, args: Sequence) -> tuple[list, np.ndarray]:
    """``fn`` of each draw alone (``None`` where it divides by zero), and where it is defined."""
    n = len(args[0])
    out, defined = [], np.zeros(n, dtype=bool)
    for i in range(n):
        try:
            out.append(fn(*(a[i:i + 1] for a in args)))
            defined[i] = True
        except ZeroDivisionError:
            out.append(None)
    return out, defined


def exact_truth(fn, args: Sequence) -> tuple[np.ndarray, np.ndarray]:
    """A boolean kernel ``fn`` on exact draws ``args``, and where it is defined.

    A division by zero on one draw stops the vectorized evaluation; then each draw is evaluated alone, so
    the others still count (and the undefined one decides nothing).

    >>> truth, defined = exact_truth(lambda x: 1 / x > 1, [RationalArray.from_values([0, "1/2", 2])])
    >>> truth.tolist(), defined.tolist()
    ([False, True, False], [False, True, True])
    """
    try:
        return np.asarray(fn(*args), dtype=bool), np.ones(len(args[0]), dtype=bool)
    except ZeroDivisionError:
        out, defined = _by_draw(fn, args)
        return np.array([bool(np.asarray(v, dtype=bool)[0]) if d else False for v, d in zip(out, defined)],
                        dtype=bool), defined


def exact_truth_split(fn, args: Sequence, until: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`exact_truth`, and where it was evaluated: draws whose per-draw powers are too large together
    (:class:`BeyondExact`) are evaluated in halves, down to single draws; a draw too large alone, or reached
    after the clock passes ``until``, is not evaluated (the caller decides it otherwise).  Any other
    :class:`KernelError` propagates: the kernel has no rational evaluation at all.

    >>> n = RationalArray.from_values([2, 20_000, 3])
    >>> truth, defined, evaluated = exact_truth_split(lambda n: (n - n + Fraction(1, 2)) ** n < 1, [n], 1e18)
    >>> truth.tolist(), evaluated.tolist()
    ([True, False, True], [True, False, True])
    """
    size = len(args[0])
    truth, defined, evaluated = (np.zeros(size, dtype=bool) for _ in range(3))
    stack = [np.arange(size)]
    first = True  # all the draws at once, whatever the clock: only parts wait for it
    while stack:
        rows = stack.pop()
        if not rows.size or (not first and time.monotonic() >= until):
            continue
        first = False
        try:
            t, d = exact_truth(fn, [a[rows] for a in args])
        except BeyondExact:
            if rows.size > 1:
                stack += [rows[rows.size // 2:], rows[:rows.size // 2]]
            continue
        truth[rows], defined[rows], evaluated[rows] = t, d, True
    return truth, defined, evaluated


def exact_value(fn, args: Sequence) -> tuple["RationalArray", np.ndarray]:
    """A numeric kernel ``fn`` on exact draws ``args`` (0 where undefined), and where it is defined."""
    try:
        return fn(*args), np.ones(len(args[0]), dtype=bool)
    except ZeroDivisionError:
        out, defined = _by_draw(fn, args)
        return RationalArray.from_values([v.to_fractions()[0] if d else 0 for v, d in zip(out, defined)]), defined


def where(mask: np.ndarray, a, b):
    """Elementwise choice for floats or :class:`RationalArray` (``a`` and ``b`` of the same kind)."""
    if isinstance(a, RationalArray) or isinstance(b, RationalArray):
        n = len(mask)
        a = a if isinstance(a, RationalArray) else RationalArray.full(n, a)
        b = b if isinstance(b, RationalArray) else RationalArray.full(n, b)
        return RationalArray(np.where(mask, a.num, b.num), np.where(mask, a.den, b.den))
    return np.where(mask, a, b)
