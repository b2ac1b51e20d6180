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
reported (see :attr:`Equilibria.assumptions`).

**Exact mode** (every input an int, a Fraction or a ``"p/q"`` string): the
test is decided exactly, so a sector exactly on the boundary of (*) *is* an
equilibrium (the inequality is weak).  **Float mode**: a sector whose margin
:math:`w(j,\cdot) - \max_{k\ne j}\bar w_k` is within ``rtol`` (relative, default
:data:`DEFAULT_RTOL`) of zero is treated as on the boundary -- an equilibrium,
flagged ``near_boundary`` -- because decimal data that is tied in exact terms
is rarely tied after rounding.

>>> eq = equilibria(["3", "2", "1"], [1, 1, 1], ["3/2", "4/3", 1])
>>> [(e.sector, e.coordinated, e.wage_exact) for e in eq]
[(1, True, Fraction(3, 1)), (2, True, Fraction(2, 1)), (1, False, Fraction(2, 1))]
>>> eq.assumptions
{'A1': True, 'A2': True}
>>> eq2 = equilibria([1.0, 3.0, 2.0], [1.0, 1.0, 1.0], [1.0, 1.5, 1.0])   # unsorted data
>>> eq2.comparative_advantage_order, [(e.sector, e.coordinated) for e in eq2]
((2, 3, 1), [(2, True), (3, True), (2, False), (3, False)])
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property
from typing import Sequence

import numpy as np

from . import kernels
from .exact import as_fraction, is_exact_number

__all__ = ["equilibria", "Equilibria", "Equilibrium", "DEFAULT_RTOL", "InputError"]

#: relative tolerance of float mode: margins within it of zero are on the boundary
DEFAULT_RTOL = 1e-9


class InputError(ValueError):
    """Data the model cannot take; the message names the field and the reason."""

    def __init__(self, field_name: str, reason: str):
        super().__init__(f"{field_name}: {reason}")
        self.field = field_name
        self.reason = reason


@dataclass(frozen=True)
class Equilibrium:
    """One equilibrium: South specialised in ``sector`` (1-based, input order)."""

    sector: int
    name: str | None
    coordinated: bool
    wage: float
    wage_exact: Fraction | None = None  #: when every input was exact
    margin: float = 0.0  #: wage minus the best deviator's break-even wage (>= 0, or within rtol)
    near_boundary: bool = False  #: float mode: the margin is within the tolerance of zero

    def as_dict(self) -> dict:
        out = {"sector": self.sector, "name": self.name, "coordinated": self.coordinated, "wage": self.wage}
        if self.wage_exact is not None:
            out["wage_exact"] = _fraction_text(self.wage_exact)
        if self.near_boundary:
            out["near_boundary"] = True
        return out


def _fraction_text(f: Fraction) -> str:
    return f"{f.numerator}/{f.denominator}" if f.denominator != 1 else str(f.numerator)


@dataclass(frozen=True, eq=False)
class Equilibria:
    """All specialisation equilibria of one economy.

    The enumeration result is held as arrays (``coordinated``,
    ``uncoordinated``: boolean per sector) so that millions of sectors cost
    no Python objects; iterating gives :class:`Equilibrium` records sorted by
    wage, highest first.  Reports that need a sort (the comparative-advantage
    order, A1/A2) are computed on first access.
    """

    lambda_S: np.ndarray
    lambda_N: np.ndarray
    theta: np.ndarray
    names: tuple | None
    exact: bool
    rtol: float
    coordinated: np.ndarray  #: E(j,C) is an equilibrium
    uncoordinated: np.ndarray  #: E(j,U) is an equilibrium
    wage_C: np.ndarray = field(repr=False)  #: w(j,C) per sector
    wage_U: np.ndarray = field(repr=False)  #: w(j,U) per sector = the break-even wage of a deviator in j
    #: (sector index of the largest break-even wage, largest, second-largest)
    top_two: tuple = field(repr=False)
    exact_values: tuple | None = field(default=None, repr=False)  #: (r, s, threshold) as Fractions, exact mode

    @cached_property
    def threshold(self) -> np.ndarray:
        """Per sector, the highest break-even wage among the *other* sectors."""
        top, largest, second = self.top_two
        out = np.full(self.J, largest)
        out[top] = second
        return out

    def _margin_and_flag(self, j: int, coordinated: bool) -> tuple[float, bool]:
        if self.exact_values is not None:
            r, s, thr = self.exact_values
            return float((r[j] if coordinated else s[j]) - thr[j]), False
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
                exact_wage = None
                if self.exact_values is not None:
                    exact_wage = self.exact_values[0][j] if coord else self.exact_values[1][j]
                margin, near = self._margin_and_flag(j, coord)
                out.append(Equilibrium(j + 1, self.names[j] if self.names else None, coord, float(wages[j]),
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
    def comparative_advantage_order(self) -> tuple[int, ...]:
        """1-based sectors by raw comparative advantage :math:`\\lambda_{jS}/\\lambda_{jN}`, strongest first
        (the paper's numbering; ties keep the input order)."""
        if self.exact_values is not None:
            r = self.exact_values[0]
            order = sorted(range(self.J), key=lambda j: (-r[j], j))
        else:
            order = np.argsort(-self.wage_C, kind="stable")
        return tuple(int(j) + 1 for j in order)

    @cached_property
    def assumptions(self) -> dict[str, bool]:
        """Whether the sectors can be numbered as the paper assumes.

        ``A1``: numbered by comparative advantage, :math:`\\lambda_{jS}/\\lambda_{jN}`
        is *strictly* decreasing (no two sectors tie).  ``A2``: in that same
        numbering :math:`\\lambda_{jS}/(\\theta_j\\lambda_{jN})` is strictly
        decreasing.  (A1 fixes the numbering, so this is "some numbering
        satisfies A1 and A2"; the input order itself is reported by
        :attr:`input_in_comparative_advantage_order`.)
        """
        idx = [j - 1 for j in self.comparative_advantage_order]
        if self.exact_values is not None:
            r, s, _ = self.exact_values
            rs = [r[j] for j in idx]
            ss = [s[j] for j in idx]
            a1 = all(a > b for a, b in zip(rs, rs[1:]))
            a2 = all(a > b for a, b in zip(ss, ss[1:]))
        else:
            rs, ss = self.wage_C[idx], self.wage_U[idx]
            a1 = bool(np.all(rs[:-1] > rs[1:]))
            a2 = bool(np.all(ss[:-1] > ss[1:]))
        return {"A1": a1, "A2": a2}

    @cached_property
    def input_in_comparative_advantage_order(self) -> bool:
        return self.comparative_advantage_order == tuple(range(1, self.J + 1))

    def _label(self, j: int) -> str:
        return f"sector {j}" + (f" ({self.names[j - 1]})" if self.names and self.names[j - 1] else "")

    def _wage_text(self, e: Equilibrium) -> str:
        return _fraction_text(e.wage_exact) if e.wage_exact is not None else f"{e.wage:.6g}"

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
                if best.wage_exact is not None and worst.wage_exact is not None:
                    gain, factor = best.wage_exact - worst.wage_exact, best.wage_exact / worst.wage_exact
                    gain_text, factor_text = _fraction_text(gain), _fraction_text(factor)
                else:
                    gain_text, factor_text = f"{best.wage - worst.wage:.6g}", f"{best.wage / worst.wage:.6g}"
                lines.append(f"Coordinating in {self._label(top)} raises the wage from {self._wage_text(worst)} "
                             f"(uncoordinated, {self._label(worst.sector)}) to {self._wage_text(best)}: "
                             f"a gain of {gain_text} (a factor {factor_text}).")
        a = self.assumptions
        if not (a["A1"] and a["A2"]):
            failed = " and ".join(k for k in ("A1", "A2") if not a[k])
            lines.append(f"{failed} fail(s) for this data: the paper's numbering of goods does not apply, "
                         "but the equilibrium conditions above do.")
        near = [e for e in recs if e.near_boundary]
        if near:
            lines.append(f"{len(near)} equilibrium(s) lie within the relative tolerance {self.rtol:g} of the "
                         "boundary (flagged near_boundary): give exact 'p/q' data to decide them exactly.")
        return " ".join(lines)

    def as_dict(self) -> dict:
        """The JSON document of ``coordfail equilibria --json``."""
        return {"equilibria": [e.as_dict() for e in self.records()],
                "assumptions": dict(self.assumptions),
                "comparative_advantage_order": list(self.comparative_advantage_order),
                "exact": self.exact,
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
        return data
    if isinstance(data, (str, bytes)) or not hasattr(data, "__len__"):
        raise InputError(name, f"must be a list of numbers, got {type(data).__name__}")
    return list(data)


def _check_exact(name: str, values: list) -> list[Fraction]:
    out = []
    for i, v in enumerate(values):
        try:
            f = as_fraction(v)
        except (TypeError, ValueError) as exc:
            raise InputError(f"{name}[{i}]", str(exc)) from None
        out.append(f)
    return out


def _check_float(name: str, values, minimum: float, what: str) -> np.ndarray:
    try:
        arr = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        bad = next((i for i, v in enumerate(values) if not _is_number(v)), None)
        raise InputError(f"{name}[{bad}]" if bad is not None else name,
                         f"not a number: {values[bad]!r}" if bad is not None else "not numbers") from None
    if arr.ndim != 1:
        raise InputError(name, f"must be one-dimensional, got shape {arr.shape}")
    # two reductions decide the common case; the offending entry is searched for only on error
    lo, hi = arr.min(), arr.max()
    if not (np.isfinite(lo) and np.isfinite(hi)):
        bad = int(np.flatnonzero(~np.isfinite(arr))[0])
        raise InputError(f"{name}[{bad}]", f"must be finite, got {arr[bad]}")
    if not (lo > minimum if minimum == 0 else lo >= minimum):
        bad = int(np.flatnonzero(arr <= 0)[0] if minimum == 0 else np.flatnonzero(arr < minimum)[0])
        raise InputError(f"{name}[{bad}]", f"must be {what}, got {arr[bad]}")
    return arr


def _is_number(v) -> bool:
    if isinstance(v, bool):
        return False
    try:
        float(v)
        return True
    except (TypeError, ValueError):
        return False


def equilibria(lambda_S: Sequence, lambda_N: Sequence, theta: Sequence, *, names: Sequence[str] | None = None,
               rtol: float = DEFAULT_RTOL, exact: bool | None = None) -> Equilibria:
    r"""All equilibria :math:`E(j,C)` and :math:`E(j,U)` of the Section 5 model, in :math:`O(J)`.

    ``lambda_S``, ``lambda_N``: South's and North's productivities per sector
    (positive); ``theta``: the gains from coordination (:math:`\ge 1`).  Any
    order, A1/A2 need not hold.  ``exact=None`` decides exactly when every
    input is exact (int, Fraction, ``"p/q"``), in floats otherwise.

    Raises :class:`InputError` (a ``ValueError``) naming the field and the reason.

    >>> equilibria([1.0], [1.0], [1.0])
    Traceback (most recent call last):
    ...
    numeric.equilibria.InputError: lambda_S: the model needs at least 2 sectors (J = 1 given): an equilibrium is defined by the absence of profitable deviations to other sectors
    """
    fields = {"lambda_S": _values("lambda_S", lambda_S), "lambda_N": _values("lambda_N", lambda_N),
              "theta": _values("theta", theta)}
    lengths = {k: len(v) for k, v in fields.items()}
    if names is not None:
        names = _values("sectors", names)
        lengths["sectors"] = len(names)
        for i, n in enumerate(names):
            if n is not None and not isinstance(n, str):
                raise InputError(f"sectors[{i}]", f"a sector name must be a string, got {type(n).__name__}")
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
    names_t = tuple(names) if names is not None else None
    if exact:
        return _exact(fields, names_t)
    return _float(fields, names_t, float(rtol))


def _float(fields, names, rtol) -> Equilibria:
    lam_S = _check_float("lambda_S", fields["lambda_S"], 0, "positive")
    lam_N = _check_float("lambda_N", fields["lambda_N"], 0, "positive")
    th = _check_float("theta", fields["theta"], 1, ">= 1 (coordination cannot lower productivity)")
    wage_C = kernels.WAGE_COORDINATED(lam_S, lam_N)
    wage_U = kernels.BREAK_EVEN_WAGE(lam_S, lam_N, th)  # w(j,U) is the break-even wage of sector j
    top, largest, second = kernels.top_two(wage_U)
    # margin >= -rtol * max(wage, threshold)  <=>  wage >= (1 - rtol) * threshold  (all positive);
    # the threshold is the largest break-even wage except in its own sector: compare with scalars
    low, low_top = largest * (1.0 - rtol), second * (1.0 - rtol)
    coordinated, uncoordinated = wage_C >= low, wage_U >= low
    coordinated[top], uncoordinated[top] = wage_C[top] >= low_top, wage_U[top] >= low_top
    return Equilibria(lam_S, lam_N, th, names, False, rtol, coordinated, uncoordinated, wage_C, wage_U,
                      (top, largest, second))


def _exact(fields, names) -> Equilibria:
    lam_S = _check_exact("lambda_S", fields["lambda_S"])
    lam_N = _check_exact("lambda_N", fields["lambda_N"])
    th = _check_exact("theta", fields["theta"])
    for name, vals, minimum, what in (("lambda_S", lam_S, None, "positive"), ("lambda_N", lam_N, None, "positive"),
                                      ("theta", th, 1, ">= 1 (coordination cannot lower productivity)")):
        for i, v in enumerate(vals):
            if (minimum is None and v <= 0) or (minimum is not None and v < minimum):
                raise InputError(f"{name}[{i}]", f"must be {what}, got {_fraction_text(v)}")
    # the same kernels, in exact rational arithmetic
    r = kernels.WAGE_COORDINATED.exact(lam_S, lam_N).reduced().to_fractions()
    s = kernels.BREAK_EVEN_WAGE.exact(lam_S, lam_N, th).reduced().to_fractions()
    J = len(r)
    top = max(range(J), key=lambda j: s[j])
    second = max(s[j] for j in range(J) if j != top)
    threshold = [s[top] if j != top else second for j in range(J)]
    as_float = lambda xs: np.array([float(x) for x in xs])  # noqa: E731
    return Equilibria(as_float(lam_S), as_float(lam_N), as_float(th), names, True, 0.0,
                      np.array([r[j] >= threshold[j] for j in range(J)]),
                      np.array([s[j] >= threshold[j] for j in range(J)]),
                      as_float(r), as_float(s), (top, float(s[top]), float(second)),
                      exact_values=(tuple(r), tuple(s), tuple(threshold)))
