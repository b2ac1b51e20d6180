r"""Which specialisation equilibria exist, on real data: any positive data, any sector order.

For the Section 5 model (docs/model.md §8), South specialised in sector :math:`j`
is an equilibrium -- coordinated :math:`E(j,C)` or not :math:`E(j,U)` -- iff no
lone uncoordinated deviator in any other sector :math:`k` makes a profit.  A
deviator in :math:`k` breaks even at the wage :math:`\bar w_k = w(k,U) =
\lambda_{kS}/(\theta_k\lambda_{kN})` (derived in :mod:`numeric.kernels`), so

.. math::  E(j,\cdot) \text{ is an equilibrium} \iff
           w(j,\cdot) \ge \max_{k \ne j} \bar w_k ,

with :math:`w(j,C) = \lambda_{jS}/\lambda_{jN}` and :math:`w(j,U) = \bar w_j`.
The maximum over the other sectors is the largest :math:`\bar w` except in the
sector holding it, which sees the second-largest: one pass, :math:`O(J)`.
Nothing here needs A1 or A2 or a particular order; whether they hold is
reported (see :attr:`Equilibria.assumptions`), checked with the sectors
numbered by comparative advantage.

Three kinds of arithmetic, reported as :attr:`Equilibria.arithmetic`:

* ``"exact"`` -- every input an int, a Fraction or a ``"p/q"`` string: the test
  is decided exactly, so a sector exactly on the boundary of (*) *is* an
  equilibrium (the inequality is weak).
* ``"float"`` -- otherwise: a sector whose margin
  :math:`w(j,\cdot) - \max_{k\ne j}\bar w_k` is within ``rtol`` (relative,
  default :data:`DEFAULT_RTOL`) of zero is treated as on the boundary -- an
  equilibrium, flagged ``near_boundary`` -- because decimal data that is tied
  in exact terms is rarely tied after rounding.
* ``"rational"`` -- float data with a value or a wage beyond the range of
  normal floats (``1e400``, ``1e-308``, a 500-digit integer beside decimals),
  or any data with ``rtol`` below :data:`EXACT_BELOW_RTOL` (``0``: no tolerance;
  a tolerance finer than float rounding cannot absorb it: ``0.3/0.1`` is below 3
  in floats, and a wage computed in floats is off by a few units in the last
  place): the same tolerance, applied in exact rational arithmetic to the exact
  value of every input (a float's binary value, a :class:`~decimal.Decimal`'s
  decimal value), so nothing overflows or underflows.

>>> eq = equilibria(["3", "2", "1"], [1, 1, 1], ["3/2", "4/3", 1])
>>> [(e.sector, e.coordinated, e.wage_exact) for e in eq]
[(1, True, Fraction(3, 1)), (2, True, Fraction(2, 1)), (1, False, Fraction(2, 1))]
>>> eq.assumptions
{'A1': True, 'A2': True}
>>> eq2 = equilibria([1.0, 3.0, 2.0], [1.0, 1.0, 1.0], [1.0, 1.5, 1.0])   # unsorted data
>>> eq2.comparative_advantage_order, [(e.sector, e.coordinated) for e in eq2]
((2, 3, 1), [(2, True), (3, True), (2, False), (3, False)])
>>> from decimal import Decimal
>>> big = equilibria([Decimal("1e400"), 1.0], [1.0, 1.0], [2.0, 1.0])   # beyond floats: decided exactly
>>> big.arithmetic, [(e.sector, e.coordinated, e.wage, e.approximate_wage) for e in big]
('rational', [(1, True, None, '1e+400'), (1, False, None, '5e+399')])
"""

from __future__ import annotations

import decimal
import math
import unicodedata
from collections.abc import Mapping, Set
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property, partial
from typing import Sequence

import numpy as np

from .exact import as_fraction, is_exact_number
from .runtime import top_two
from .section5_kernels import BREAK_EVEN_WAGE, WAGE_COORDINATED

__all__ = ["equilibria", "Equilibria", "Equilibrium", "DEFAULT_RTOL", "EXACT_BELOW_RTOL", "InputError", "ARITHMETIC",
           "normal_float", "approximate_text", "fraction_text"]

#: relative tolerance of float mode: margins within it of zero are on the boundary
DEFAULT_RTOL = 1e-9
#: a tolerance below this is decided in exact arithmetic (a computed float wage is off by a few units in the
#: last place, about 1e-16 relative: a finer tolerance would be no tolerance at all, with rounding on top)
EXACT_BELOW_RTOL = 1e-12
#: the kinds of arithmetic an enumeration is decided in (see the module docstring)
ARITHMETIC = ("exact", "float", "rational")

#: the smallest normal float: below it a float has lost digits (or become 0)
_TINY = float(np.finfo(float).tiny)


class InputError(ValueError):
    """Data the model cannot take; the message names the field and the reason."""

    def __init__(self, field_name: str, reason: str):
        super().__init__(f"{field_name}: {reason}")
        self.field = field_name
        self.reason = reason


# -- numbers as text, never inf or nan -------------------------------------------------

def _int_text(n: int) -> str:
    """``str(n)``, also beyond Python's limit on int-to-text conversion (4300 digits by default)."""
    try:
        return str(n)
    except ValueError:  # too many digits for one conversion: convert in blocks
        block = 10 ** 1000
        sign, n, parts = ("-" if n < 0 else ""), abs(n), []
        while n:
            n, r = divmod(n, block)
            parts.append(r)
        return sign + str(parts[-1]) + "".join(str(p).zfill(1000) for p in reversed(parts[:-1]))


def fraction_text(f: Fraction) -> str:
    """``p/q`` (``p`` for an integer), at any size."""
    return f"{_int_text(f.numerator)}/{_int_text(f.denominator)}" if f.denominator != 1 else _int_text(f.numerator)


def normal_float(f: Fraction) -> float | None:
    """The float nearest ``f`` if that is a normal float (or zero), else ``None`` (beyond the float range).

    >>> normal_float(Fraction(1, 3)), normal_float(Fraction(10**400)), normal_float(Fraction(1, 10**400))
    (0.3333333333333333, None, None)
    """
    if f == 0:
        return 0.0
    try:
        x = f.numerator / f.denominator  # int / int: correctly rounded, OverflowError if too large
    except OverflowError:
        return None
    return x if math.isfinite(x) and abs(x) >= _TINY else None


def _nearest_float(f: Fraction) -> float:
    """IEEE rounding of ``f``: ``inf`` or ``0.0`` beyond the range (internal arrays only, never printed)."""
    try:
        return f.numerator / f.denominator
    except OverflowError:
        return math.inf if f > 0 else -math.inf


def approximate_text(x, digits: int = 6) -> str:
    """``x`` (a float or a Fraction) to ``digits`` significant digits, for any magnitude: never ``inf``.

    >>> approximate_text(Fraction(2, 3)), approximate_text(Fraction(10**500, 3)), approximate_text(Fraction(1, 10**400))
    ('0.666667', '3.33333e+499', '1e-400')
    """
    if isinstance(x, float):
        return f"{x:.{digits}g}"
    f = Fraction(x)
    near = normal_float(f)
    if near is not None:
        return f"{near:.{digits}g}"
    context = decimal.Context(prec=digits, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN)
    d = context.divide(decimal.Decimal(f.numerator), decimal.Decimal(f.denominator))
    return f"{d.normalize(context):.{digits}g}".replace("E", "e")


def _short_text(f: Fraction) -> str:
    """The exact value when it is short, else a 6-digit approximation marked ``~``."""
    text = fraction_text(f)
    return text if len(text) <= 24 else "~" + approximate_text(f)


# -- results -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Equilibrium:
    """One equilibrium: South specialised in ``sector`` (1-based, input order)."""

    sector: int
    name: str | None
    coordinated: bool
    wage: float | None  #: as a float; ``None`` when the wage is beyond the range of normal floats
    wage_exact: Fraction | None = None  #: exact and rational arithmetic
    margin: float | None = 0.0  #: wage minus the best deviator's break-even wage (>= 0, or within rtol)
    near_boundary: bool = False  #: float data: the margin is within the tolerance of zero

    @property
    def approximate_wage(self) -> str:
        """The wage to 6 significant digits, whatever its size."""
        return approximate_text(self.wage_exact if self.wage_exact is not None else self.wage)

    @property
    def label(self) -> str:
        """``E(2,C)``: the paper's notation (the sector number is its place in the input)."""
        return f"E({self.sector},{'C' if self.coordinated else 'U'})"

    def as_dict(self) -> dict:
        out = {"sector": self.sector, "name": self.name, "coordinated": self.coordinated, "wage": self.wage}
        if self.wage_exact is not None:
            out["wage_exact"] = fraction_text(self.wage_exact)
        if self.wage is None:
            out["wage_approx"] = self.approximate_wage
        if self.near_boundary:
            out["near_boundary"] = True
        return out


@dataclass(frozen=True, eq=False)
class Equilibria:
    """All specialisation equilibria of one economy.

    The enumeration result is held as arrays (``coordinated``,
    ``uncoordinated``: boolean per sector) so that millions of sectors cost
    no Python objects; iterating gives :class:`Equilibrium` records sorted by
    wage, highest first.  Reports that need a sort (the comparative-advantage
    order, A1/A2) are computed on first access.  With ``arithmetic`` exact or
    rational, ``exact_values`` holds the wages exactly and every report uses
    them; the float arrays are then IEEE-rounded copies for plotting.
    """

    lambda_S: np.ndarray
    lambda_N: np.ndarray
    theta: np.ndarray
    names: tuple | None
    exact: bool  #: every input was exact (``arithmetic == "exact"``)
    rtol: float
    coordinated: np.ndarray  #: E(j,C) is an equilibrium
    uncoordinated: np.ndarray  #: E(j,U) is an equilibrium
    wage_C: np.ndarray = field(repr=False)  #: w(j,C) per sector
    wage_U: np.ndarray = field(repr=False)  #: w(j,U) per sector = the break-even wage of a deviator in j
    #: (sector index of the largest break-even wage, largest, second-largest)
    top_two: tuple = field(repr=False)
    exact_values: tuple | None = field(default=None, repr=False)  #: (r, s, threshold) as Fractions
    arithmetic: str = "float"  #: "exact", "float" or "rational" (see the module docstring)

    @cached_property
    def threshold(self) -> np.ndarray:
        """Per sector, the highest break-even wage among the *other* sectors."""
        top, largest, second = self.top_two
        out = np.full(self.J, largest)
        out[top] = second
        return out

    def _margin_and_flag(self, j: int, coordinated: bool) -> tuple[float | None, bool]:
        if self.exact_values is not None:
            r, s, thr = self.exact_values
            w = r[j] if coordinated else s[j]
            margin = w - thr[j]
            # an exact tie is on the boundary, not near it (a float tie may be rounding)
            near = self.rtol > 0 and margin != 0 and abs(margin) <= self._tolerance * max(w, thr[j])
            return normal_float(margin), near
        w = float((self.wage_C if coordinated else self.wage_U)[j])
        top, largest, second = self.top_two
        t = second if j == top else largest
        return w - t, abs(w - t) <= self.rtol * max(w, t)

    @property
    def J(self) -> int:
        return len(self.lambda_S)

    def records(self) -> list[Equilibrium]:
        """The equilibria, highest wage first (ties: coordinated first, then input order)."""
        out = []
        for flags, wages, coord in ((self.coordinated, self.wage_C, True), (self.uncoordinated, self.wage_U, False)):
            for j in np.flatnonzero(flags):
                j = int(j)
                exact_wage, wage = None, float(wages[j])
                if self.exact_values is not None:
                    exact_wage = self.exact_values[0][j] if coord else self.exact_values[1][j]
                    wage = normal_float(exact_wage)
                margin, near = self._margin_and_flag(j, coord)
                out.append(Equilibrium(j + 1, self.names[j] if self.names else None, coord, wage,
                                       exact_wage, margin, near))
        if self.exact_values is not None:
            out.sort(key=lambda e: (-e.wage_exact, not e.coordinated, e.sector))
        else:
            out.sort(key=lambda e: (-e.wage, not e.coordinated, e.sector))
        return out

    def __iter__(self):
        return iter(self.records())

    def __len__(self) -> int:
        return int(self.coordinated.sum() + self.uncoordinated.sum())

    @cached_property
    def _tolerance(self) -> Fraction:
        """``rtol`` as the exact decimal it is written as (the float 1e-9 is not 10**-9)."""
        return Fraction(repr(self.rtol))

    @cached_property
    def comparative_advantage_order(self) -> tuple[int, ...]:
        """1-based sectors by raw comparative advantage :math:`\\lambda_{jS}/\\lambda_{jN}`, strongest first
        (the paper's numbering; ties are ordered by A2's ratio, then keep the input order)."""
        if self.exact_values is not None:
            r, s = self.exact_values[0], self.exact_values[1]
            order = sorted(range(self.J), key=lambda j: (-r[j], -s[j], j))
        else:
            order = np.lexsort((np.arange(self.J), -self.wage_U, -self.wage_C))
        return tuple(int(j) + 1 for j in order)

    @cached_property
    def assumption_failures(self) -> dict[str, tuple[int, int] | None]:
        """For A1 and A2, the first two sectors (1-based, consecutive in comparative-advantage order) where
        the assumption fails, or ``None`` where it holds."""
        idx = [j - 1 for j in self.comparative_advantage_order]
        out = {}
        if self.exact_values is not None:
            r, s, _ = self.exact_values
            keep = 1 - self._tolerance  # decimal data decided exactly keeps its tolerance
            for key, values in (("A1", r), ("A2", s)):
                ordered = [values[j] for j in idx]
                bad = next((i for i, (a, b) in enumerate(zip(ordered, ordered[1:])) if not a * keep > b), None)
                out[key] = None if bad is None else (idx[bad] + 1, idx[bad + 1] + 1)
        else:  # float data: sectors within the relative tolerance of each other tie, as in the equilibrium test
            for key, values in (("A1", self.wage_C), ("A2", self.wage_U)):
                ordered = values[idx]
                bad = np.flatnonzero(~(ordered[:-1] * (1.0 - self.rtol) > ordered[1:]))
                out[key] = None if not len(bad) else (idx[int(bad[0])] + 1, idx[int(bad[0]) + 1] + 1)
        return out

    @cached_property
    def assumptions(self) -> dict[str, bool]:
        """Whether the sectors can be numbered as the paper assumes.

        Both are checked with the sectors in comparative-advantage order
        (:attr:`comparative_advantage_order`), whatever the input order.
        ``A1``: in that numbering :math:`\\lambda_{jS}/\\lambda_{jN}` is
        *strictly* decreasing (no two sectors tie).  ``A2``: in that same
        numbering :math:`\\lambda_{jS}/(\\theta_j\\lambda_{jN})` is strictly
        decreasing.  (A1 fixes the numbering, so this is "some numbering
        satisfies A1 and A2"; the input order itself is reported by
        :attr:`input_in_comparative_advantage_order`.)
        """
        return {key: failure is None for key, failure in self.assumption_failures.items()}

    @cached_property
    def input_in_comparative_advantage_order(self) -> bool:
        return self.comparative_advantage_order == tuple(range(1, self.J + 1))

    def _label(self, j: int) -> str:
        return f"sector {j}" + (f" ({self.names[j - 1]})" if self.names and self.names[j - 1] else "")

    def _wage_text(self, e: Equilibrium) -> str:
        """Exact data: the exact wage (abbreviated when long); float data: 6 significant digits."""
        return _short_text(e.wage_exact) if self.exact else e.approximate_wage

    def assumptions_text(self) -> str:
        """Which order A1 and A2 are checked in, and whether (and where) they fail.

        >>> equilibria([1.0, 3.0, 2.0], [1.0, 1.0, 1.0], [1.0, 3.0, 1.0]).assumptions_text()
        'A1 and A2 are checked with the sectors in comparative-advantage order (lambda_S/lambda_N decreasing: 2, 3, 1), not in the input order: A1 holds; A2 fails between sector 2 and sector 3.'
        """
        shown = ", ".join(map(str, self.comparative_advantage_order[:20])) + (", ..." if self.J > 20 else "")
        order = "comparative-advantage order (lambda_S/lambda_N decreasing" + (
            "), which is the input order" if self.input_in_comparative_advantage_order
            else f": {shown}), not in the input order")
        tie = f" (a tie within the relative tolerance {self.rtol:g})" if self.rtol else ""
        parts = [f"{key} holds" if failure is None else
                 f"{key} fails between {self._label(failure[0])} and {self._label(failure[1])}"
                 + (tie if self._strictly_ordered_in_floats(key, failure) else "")
                 for key, failure in self.assumption_failures.items()]
        # sorted by comparative advantage, A1 fails only where two sectors tie: their order is A2's best one
        ties = ("; sectors tied in lambda_S/lambda_N are taken in the order most favourable to A2 "
                "(lambda_S/(theta lambda_N) decreasing)") if self.assumption_failures["A1"] is not None else ""
        return f"A1 and A2 are checked with the sectors in {order}: " + "; ".join(parts) + ties + "."

    def _strictly_ordered_in_floats(self, key: str, failure: tuple[int, int] | None) -> bool:
        """The two sectors where ``key`` fails are in order, tied only by the tolerance."""
        if failure is None or not self.rtol:
            return False
        if self.exact_values is not None:
            values = self.exact_values[0 if key == "A1" else 1]
        else:
            values = self.wage_C if key == "A1" else self.wage_U
        return bool(values[failure[0] - 1] > values[failure[1] - 1])

    def reading(self) -> str:
        """The paper's reading of these equilibria, in words."""
        recs = self.records()
        top = self.comparative_advantage_order[0]
        lines = [f"The strongest comparative advantage is in {self._label(top)} (the paper's sector 1)."]
        coordinated = [e for e in recs if e.coordinated]
        uncoordinated = [e for e in recs if not e.coordinated]
        if coordinated:
            lines.append("Coordinated equilibria exist in " + ", ".join(
                f"{self._label(e.sector)} (wage {self._wage_text(e)})" for e in coordinated) + ".")
        if uncoordinated:
            worst = uncoordinated[-1]
            lines.append("Without coordination the equilibrium is specialisation in " + ", ".join(
                f"{self._label(e.sector)} (wage {self._wage_text(e)})" for e in uncoordinated) + ".")
            best = next((e for e in coordinated if e.sector == top), None)
            if best is not None:
                exact = best.wage_exact is not None
                high = best.wage_exact if exact else Fraction(best.wage)
                low = worst.wage_exact if exact else Fraction(worst.wage)
                gain, factor = high - low, high / low  # exactly: a float ratio can overflow
                show = _short_text if self.exact else approximate_text
                if gain <= self._tolerance * high:  # none, or rounding within the tolerance
                    within = " (within the relative tolerance)" if gain else ""
                    lines.append(f"Coordinating in {self._label(top)} pays the same wage, {self._wage_text(best)}, "
                                 f"as the lowest uncoordinated equilibrium ({self._label(worst.sector)}): "
                                 f"no gain{within}.")
                else:
                    lines.append(f"Coordinating in {self._label(top)} raises the wage from {self._wage_text(worst)} "
                                 f"(uncoordinated, {self._label(worst.sector)}) to {self._wage_text(best)}: "
                                 f"a gain of {show(gain)} (a factor {show(factor)}).")
        a = self.assumptions
        if not (a["A1"] and a["A2"]):
            failed = " and ".join(k for k in ("A1", "A2") if not a[k])
            lines.append(f"{failed} fail(s) for this data: the paper's numbering of goods does not apply, "
                         "but the equilibrium conditions above do.")
        near = [e for e in recs if e.near_boundary]
        if near:
            lines.append(f"{len(near)} equilibrium(s) lie within the relative tolerance {self.rtol:g} of the "
                         "boundary (flagged near_boundary): give exact 'p/q' data to decide them exactly.")
        if self.arithmetic == "rational" and self.rtol == 0:
            lines.append("With no tolerance the equilibria were decided in exact rational arithmetic on the data's "
                         "exact values (a decimal's decimal value, a float's binary value).")
        elif self.arithmetic == "rational" and self.rtol < EXACT_BELOW_RTOL:
            lines.append(f"A tolerance of {self.rtol:g} is finer than float rounding: the equilibria were decided in "
                         "exact rational arithmetic on the data's exact values, with that tolerance.")
        elif self.arithmetic == "rational":
            lines.append("Some values or wages lie beyond the range of floats: the equilibria were decided in "
                         "exact rational arithmetic on the data's exact values, with the same tolerance.")
        return " ".join(lines)

    def as_dict(self) -> dict:
        """The JSON document of ``coordfail equilibria --json`` (no ``Infinity`` or ``NaN`` anywhere)."""
        return {"equilibria": [e.as_dict() for e in self.records()],
                "assumptions": dict(self.assumptions),
                "assumptions_checked_in": "comparative-advantage order (lambda_S/lambda_N decreasing)",
                "comparative_advantage_order": list(self.comparative_advantage_order),
                "exact": self.exact,
                "arithmetic": self.arithmetic,
                "rtol": None if self.exact else self.rtol,
                "reading": self.reading()}

    def table(self) -> str:
        """A readable table, highest wage first."""
        recs = self.records()
        header = f"{'sector':>6}  {'name':<20} {'coordinated':<11}  {'wage':>14}  note"
        lines = [header, "-" * len(header)]
        for e in recs:
            note = "near boundary" if e.near_boundary else ""
            lines.append(f"{e.sector:>6}  {(e.name or '')[:20]:<20} {('yes' if e.coordinated else 'no'):<11}  "
                         f"{self._wage_text(e):>14}  {note}".rstrip())
        return "\n".join(lines)

    def _repr_markdown_(self) -> str:
        rows = "\n".join(f"| {e.sector} | {e.name or ''} | {'C' if e.coordinated else 'U'} | {self._wage_text(e)} |"
                         for e in self.records())
        return f"| sector | name | | wage |\n|---|---|---|---|\n{rows}\n\n{self.reading()}"


# -- validation ----------------------------------------------------------------------

def _values(name: str, data) -> list:
    if isinstance(data, np.ndarray):
        if data.ndim != 1:
            raise InputError(name, f"must be one-dimensional, got shape {data.shape}")
        if data.dtype.kind == "b":
            raise InputError(name, "must hold numbers, got an array of booleans")
        if data.dtype.kind != "O":
            return data
    elif isinstance(data, (str, bytes, Set, Mapping)) or not hasattr(data, "__len__"):
        # a set has no order and iterating a mapping gives its keys: neither lists the sectors in order
        raise InputError(name, f"must be a list of numbers, got {type(data).__name__}")
    values = list(data)
    bad = next((i for i, v in enumerate(values) if isinstance(v, (bool, np.bool_))), None)
    if bad is not None:
        raise InputError(f"{name}[{bad}]", f"not a number: {values[bad]!r}")
    return values


def _check_names(names) -> tuple | None:
    if names is None:
        return None
    names = _values("sectors", names)
    seen: dict[str, int] = {}
    for i, n in enumerate(names):
        if n is None:
            continue
        if not isinstance(n, str):
            raise InputError(f"sectors[{i}]", f"a sector name must be a string, got {type(n).__name__}")
        if not n.strip():
            raise InputError(f"sectors[{i}]", "an empty sector name (name every sector, or none)")
        if any(ord(c) < 32 or ord(c) == 127 for c in n):  # a newline would break the table
            raise InputError(f"sectors[{i}]", f"a sector name must be one line of printable text, got {n!r}")
        key = unicodedata.normalize("NFC", n.strip()).casefold()
        if key in seen:
            first = names[seen[key]]
            # equal once stripped, composed and casefolded: what tells them apart is case, Unicode
            # composition (e + combining accent), spaces, or nothing
            a, b = first.strip(), n.strip()
            nfc = partial(unicodedata.normalize, "NFC")
            but = [what for what, differs in (("case", nfc(a) != nfc(b)),
                                              ("Unicode composition", a.casefold() != b.casefold()),
                                              ("surrounding spaces", nfc(first).casefold() != nfc(n).casefold()))
                   if differs]
            also = f"sectors[{seen[key]}] is {first!r}" + (f", the same but for {' and '.join(but)}" if but else "")
            raise InputError(f"sectors[{i}]", f"duplicate sector name {n!r} ({also}): names must be unique")
        seen[key] = i
    return tuple(names)


def _is_float(v) -> bool:
    return isinstance(v, (float, np.floating))


def _floats(name: str, values) -> tuple[np.ndarray, list[int]]:
    """``values`` as floats, and the indices where the float does not hold the value: beyond the range of
    normal floats (too large, or so small it lost digits).  NaN and infinite floats are an error."""
    if isinstance(values, np.ndarray) and values.dtype.kind in "iuf":
        arr = np.asarray(values, dtype=float)  # no copy for float64
        originals = values if values.dtype.kind == "f" else None
    else:  # booleans were refused by _values
        originals = values
        try:
            arr = np.asarray(values, dtype=float)  # floats, ints and Decimals; "p/q" text and huge ints fail
        except (TypeError, ValueError, OverflowError, ArithmeticError):
            arr = np.empty(len(values))
            for i, v in enumerate(values):
                if _is_float(v):
                    arr[i] = v
                    continue
                if isinstance(v, str) and not is_exact_number(v):
                    raise InputError(f"{name}[{i}]", f"not a number: {v!r}")
                try:
                    arr[i] = _nearest_float(as_fraction(v))
                except TypeError:
                    raise InputError(f"{name}[{i}]", f"not a number: {v!r}") from None
                except (ValueError, ArithmeticError) as exc:  # a zero denominator, a Decimal NaN or out of range
                    raise InputError(f"{name}[{i}]", str(exc)) from None
    if arr.ndim != 1:
        raise InputError(name, f"must be one-dimensional, got shape {arr.shape}")
    beyond = []
    # two reductions decide the common case (positive normal floats); the entries are looked at only otherwise
    lo, hi = (arr.min(), arr.max()) if len(arr) else (1.0, 1.0)
    if not (lo >= _TINY and hi < math.inf):
        for i in np.flatnonzero(~np.isfinite(arr) | (np.abs(arr) < _TINY)):
            i = int(i)
            v = originals[i] if originals is not None else arr[i]
            if _is_float(v):
                if not math.isfinite(v):
                    raise InputError(f"{name}[{i}]", f"must be finite, got {v}")
                if v != 0:
                    beyond.append(i)  # a subnormal float: its binary value is exact, its float arithmetic is not
                continue
            try:
                exact = as_fraction(v)
            except (TypeError, ValueError, ArithmeticError) as exc:
                raise InputError(f"{name}[{i}]", str(exc)) from None
            if exact != 0:
                beyond.append(i)
    return arr, beyond


def _check_range(name: str, values: list[Fraction], minimum: int | None, what: str) -> None:
    for i, v in enumerate(values):
        if (minimum is None and v <= 0) or (minimum is not None and v < minimum):
            raise _out_of_range(name, i, v, minimum, what)


def _out_of_range(name: str, i: int, v: Fraction, minimum: int | None, what: str) -> InputError:
    got = _short_text(v)
    if minimum is not None and got.startswith("~") and approximate_text(v) == str(minimum):
        got = f"{minimum} - {approximate_text(minimum - v)}"  # '~1' would read as allowed
    return InputError(f"{name}[{i}]", f"must be {what}, got {got}")


def _check_float_range(name: str, arr: np.ndarray, minimum: float, what: str) -> None:
    lo = arr.min()
    if not (lo > minimum if minimum == 0 else lo >= minimum):
        bad = int(np.flatnonzero(arr <= 0)[0] if minimum == 0 else np.flatnonzero(arr < minimum)[0])
        raise InputError(f"{name}[{bad}]", f"must be {what}, got {arr[bad]}")


def _check_rounded_onto_bound(name: str, given, arr: np.ndarray, bound: float, what: str) -> None:
    """A value given exactly (a Decimal, text) whose float is the bound itself: is the value below it?"""
    if isinstance(given, np.ndarray) and given.dtype.kind in "iuf":
        return  # numbers given as floats are the data
    for i in np.flatnonzero(arr == bound):
        v = given[int(i)]
        if _is_float(v):
            continue
        v = v.item() if isinstance(v, np.generic) else v
        try:  # "0.99999999999999999999" is text for a decimal, not a p/q
            exact = Fraction(decimal.Decimal(v.strip())) if isinstance(v, str) and not is_exact_number(v) \
                else as_fraction(v)
        except (TypeError, ValueError, ArithmeticError) as exc:
            raise InputError(f"{name}[{int(i)}]", str(exc)) from None
        if exact < bound:
            raise _out_of_range(name, int(i), exact, int(bound), what)


_POSITIVE = "positive"
_THETA = ">= 1 (coordination cannot lower productivity)"


def equilibria(lambda_S: Sequence, lambda_N: Sequence, theta: Sequence, *, names: Sequence[str] | None = None,
               rtol: float = DEFAULT_RTOL, exact: bool | None = None) -> Equilibria:
    r"""All equilibria :math:`E(j,C)` and :math:`E(j,U)` of the Section 5 model, in :math:`O(J)`.

    ``lambda_S``, ``lambda_N``: South's and North's productivities per sector
    (positive); ``theta``: the gains from coordination (:math:`\ge 1`).  Any
    order, A1/A2 need not hold.  ``exact=None`` decides exactly when every
    input is exact (int, Fraction, ``"p/q"``), with floats otherwise -- in
    exact rational arithmetic, with the same tolerance, when a value or a wage
    lies beyond the range of normal floats.  ``names``: one unique non-empty
    name per sector (or ``None``).

    Raises :class:`InputError` (a ``ValueError``) naming the field and the reason.

    >>> equilibria([1.0], [1.0], [1.0])
    Traceback (most recent call last):
    ...
    numeric.equilibria.InputError: lambda_S: the model needs at least 2 sectors (J = 1 given): an equilibrium is defined by the absence of profitable deviations to other sectors
    >>> equilibria([1, 2], [1, 1], [1, 1], names=["wine", "Wine"])
    Traceback (most recent call last):
    ...
    numeric.equilibria.InputError: sectors[1]: duplicate sector name 'Wine' (sectors[0] is 'wine', the same but for case): names must be unique
    """
    fields = {"lambda_S": _values("lambda_S", lambda_S), "lambda_N": _values("lambda_N", lambda_N),
              "theta": _values("theta", theta)}
    lengths = {k: len(v) for k, v in fields.items()}
    names_t = _check_names(names)
    if names_t is not None:
        lengths["sectors"] = len(names_t)
    if len(set(lengths.values())) > 1:
        raise InputError(", ".join(lengths), "ragged lengths " + ", ".join(f"{k}={v}" for k, v in lengths.items()))
    J = lengths["lambda_S"]
    if J == 0:
        raise InputError("lambda_S", "empty input: the model needs at least 2 sectors")
    if J == 1:
        raise InputError("lambda_S", "the model needs at least 2 sectors (J = 1 given): an equilibrium is defined "
                                     "by the absence of profitable deviations to other sectors")
    if not (isinstance(rtol, (int, float)) and not isinstance(rtol, bool) and 0 <= rtol < 1 and math.isfinite(rtol)):
        raise InputError("rtol", f"must be a number in [0, 1), got {rtol!r}")
    all_exact = all(not isinstance(v, np.ndarray) and all(is_exact_number(x) for x in v) for v in fields.values())
    if exact is None:
        exact = all_exact
    elif exact and not all_exact:
        raise InputError("exact", "exact mode needs every value as an int, a Fraction or a 'p/q' string")
    if exact:
        return _exact(fields, names_t, 0.0, "exact")
    if rtol < EXACT_BELOW_RTOL:
        # no tolerance, or one finer than float rounding (0.3/0.1 is 2.9999999999999996 in floats): decided on the
        # exact values of the data (a decimal as written, a float's binary value)
        return _exact(fields, names_t, float(rtol), "rational")
    return _float(fields, names_t, float(rtol))


def _float(fields, names, rtol) -> Equilibria:
    arrays, beyond = {}, False
    for key in fields:
        arrays[key], out_of_range = _floats(key, fields[key])
        beyond = beyond or bool(out_of_range)
    if beyond:
        return _exact(fields, names, rtol, "rational")
    lam_S, lam_N, th = arrays["lambda_S"], arrays["lambda_N"], arrays["theta"]
    _check_float_range("lambda_S", lam_S, 0, _POSITIVE)
    _check_float_range("lambda_N", lam_N, 0, _POSITIVE)
    _check_float_range("theta", th, 1, _THETA)
    _check_rounded_onto_bound("theta", fields["theta"], th, 1, _THETA)
    wage_C = WAGE_COORDINATED(lam_S, lam_N)
    wage_U = BREAK_EVEN_WAGE(lam_S, lam_N, th)  # w(j,U) is the break-even wage of sector j
    if not (max(wage_C.max(), wage_U.max()) < math.inf and min(wage_C.min(), wage_U.min()) >= _TINY):
        return _exact(fields, names, rtol, "rational")  # a wage overflowed or underflowed
    top, largest, second = top_two(wage_U)
    # margin >= -rtol * max(wage, threshold)  <=>  wage >= (1 - rtol) * threshold  (all positive);
    # the threshold is the largest break-even wage except in its own sector: compare with scalars
    low, low_top = largest * (1.0 - rtol), second * (1.0 - rtol)
    coordinated, uncoordinated = wage_C >= low, wage_U >= low
    coordinated[top], uncoordinated[top] = wage_C[top] >= low_top, wage_U[top] >= low_top
    return Equilibria(lam_S, lam_N, th, names, False, rtol, coordinated, uncoordinated, wage_C, wage_U,
                      (top, largest, second), arithmetic="float")


def _exact_values(name: str, values) -> list[Fraction]:
    out = []
    for i, v in enumerate(values):
        try:
            out.append(as_fraction(v.item() if isinstance(v, np.generic) else v))
        except (TypeError, ValueError, ArithmeticError) as exc:
            try:  # a decimal written as text ("0.3"), which float mode reads too: the decimal it is
                out.append(as_fraction(decimal.Decimal(v.strip())))
            except (AttributeError, ValueError, ArithmeticError):
                raise InputError(f"{name}[{i}]", str(exc)) from None
    return out


def _exact(fields, names, rtol: float, arithmetic: str) -> Equilibria:
    """Decide in exact rational arithmetic: ``rtol = 0`` (exact data) or the float tolerance, applied exactly."""
    lam_S = _exact_values("lambda_S", fields["lambda_S"])
    lam_N = _exact_values("lambda_N", fields["lambda_N"])
    th = _exact_values("theta", fields["theta"])
    _check_range("lambda_S", lam_S, None, _POSITIVE)
    _check_range("lambda_N", lam_N, None, _POSITIVE)
    _check_range("theta", th, 1, _THETA)
    # the same kernels, in exact rational arithmetic
    r = WAGE_COORDINATED.exact(lam_S, lam_N).reduced().to_fractions()
    s = BREAK_EVEN_WAGE.exact(lam_S, lam_N, th).reduced().to_fractions()
    J = len(r)
    top = max(range(J), key=lambda j: s[j])
    second = max(s[j] for j in range(J) if j != top)
    threshold = [s[top] if j != top else second for j in range(J)]
    keep = 1 - Fraction(repr(rtol))  # wage >= (1 - rtol) * threshold, as in float mode
    as_float = lambda xs: np.array([_nearest_float(x) for x in xs])  # noqa: E731
    return Equilibria(as_float(lam_S), as_float(lam_N), as_float(th), names, arithmetic == "exact", rtol,
                      np.array([r[j] >= keep * threshold[j] for j in range(J)]),
                      np.array([s[j] >= keep * threshold[j] for j in range(J)]),
                      as_float(r), as_float(s), (top, _nearest_float(s[top]), _nearest_float(second)),
                      exact_values=(tuple(r), tuple(s), tuple(threshold)), arithmetic=arithmetic)
