"""The value a decision returns: a frozen, hashable :class:`Verdict`.

A verdict says what the engine established about a claim, how, and how fast.
Counterexamples and witnesses are exact SymPy numbers that the engine has
already substituted into the assumptions and the claim (see
:mod:`symbolic.certify`); an uncertified point never appears here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Mapping

import sys

import sympy as sp

__all__ = ["Status", "Kind", "Verdict", "point_as_text", "exact_text", "value_text"]


class Status(str, Enum):
    """What was established about a claim."""

    PROVED = "proved"  #: holds everywhere the (satisfiable) assumptions hold
    REFUTED = "refuted"  #: forall: a certified counterexample; exists: no instance
    WITNESS = "witness"  #: exists: a certified instance
    VACUOUS = "vacuous"  #: the assumptions are contradictory
    UNKNOWN = "unknown"  #: time-out or outside what the engine decides

    def __str__(self) -> str:  # "proved", not "Status.PROVED"
        return self.value


class Kind(str, Enum):
    """The quantifier of a claim."""

    FORALL = "forall"
    EXISTS = "exists"

    def __str__(self) -> str:
        return self.value


def _frozen_point(point: Mapping[sp.Symbol, sp.Expr] | None):
    if point is None:
        return None
    return tuple(sorted(((s, sp.sympify(v)) for s, v in point.items()), key=lambda kv: kv[0].name))


def exact_text(value, printer=sp.sstr) -> str:
    """``printer(value)``, also for an integer of more than Python's 4,300 printable digits (``1e-5000`` read
    exactly has a denominator of 5,001): the value is exact, and so is its text.

    >>> len(exact_text(sp.Rational(1, 10**5000)))
    5003
    """
    try:
        return printer(value)
    except ValueError:
        if not hasattr(sys, "set_int_max_str_digits"):
            raise
        limit = sys.get_int_max_str_digits()
        sys.set_int_max_str_digits(0)  # the engine's integers are bounded (smtlib.MAX_INTEGER_BITS)
        try:
            return printer(value)
        finally:
            sys.set_int_max_str_digits(limit)


def value_text(v) -> str:
    """An exact value as text, an irrational one with its decimal value (a root of a quintic says little alone).

    >>> value_text(sp.Rational(3, 2)), value_text(sp.sqrt(2))
    ('3/2', 'sqrt(2) ≈ 1.41421')
    >>> value_text(sp.CRootOf(sp.Symbol("t")**5 - 2 * sp.Symbol("t") - 29, 0))
    'the root ≈ 2.01266 of x**5 - 2*x - 29 = 0'
    """
    v = sp.sympify(v)
    if v.is_Rational or v.is_Float or not v.is_number or v.is_finite is not True:  # nothing to approximate
        return sp.sstr(v)
    approx = sp.sstr(sp.N(v, 6))
    if isinstance(v, sp.CRootOf):
        x = sp.Symbol("x")
        return f"the root ≈ {approx} of {sp.sstr(v.poly.as_expr().xreplace({v.poly.gen: x}))} = 0"
    return f"{sp.sstr(v)} ≈ {approx}"


def point_as_text(point: Mapping[sp.Symbol, sp.Expr] | None) -> dict[str, str] | None:
    """``{symbol name: exact value as text}``, e.g. ``{"x": "3/2", "y": "sqrt(2)"}``."""
    if point is None:
        return None
    out: dict[str, str] = {}
    for s, v in sorted(point.items(), key=lambda kv: (kv[0].name, sp.sstr(kv[0].assumptions0))):
        key, i = s.name, 2
        while key in out:  # distinct symbols that share a name stay distinct in the text
            key, i = f"{s.name}#{i}", i + 1
        out[key] = exact_text(v)
    return out


@dataclass(frozen=True)
class Verdict:
    """The outcome of :func:`symbolic.prove` or :func:`symbolic.exists`.

    >>> from sympy import Symbol
    >>> from symbolic import prove
    >>> x = Symbol("x", positive=True)
    >>> v = prove(x**2 + 1 > x)
    >>> v.status
    <Status.PROVED: 'proved'>
    >>> str(v.status)
    'proved'
    """

    status: Status
    kind: Kind
    method: str
    seconds: float
    reason: str = ""
    _point: tuple | None = field(default=None, repr=False)
    #: names of the assumptions the solver's unsatisfiable core used (proved verdicts); ``None`` where a core
    #: was asked for and not obtained (the tracked re-check did not come back unsatisfiable in time)
    core: tuple[str, ...] | None = ()
    #: what the reader should know about how the input was read (floats, weakened symbol assumptions)
    notes: tuple[str, ...] = ()
    #: the label of the concrete function (a :class:`~symbolic.obligation.Family`) the point was found with,
    #: ``""`` when the claim was decided as stated: the point is a point of the claim with that function
    family: str = ""
    #: an ``unknown`` because the time limit was reached (more seconds may decide it), not because a route
    #: gave up with time left
    timed_out: bool = field(default=False, repr=False)

    @classmethod
    def make(cls, status, kind, method, seconds, *, reason="", point=None, core=(), notes=(), family="",
             timed_out=False):
        return cls(Status(status), Kind(kind), method, float(seconds), reason, _frozen_point(point),
                   None if core is None else tuple(core),
                   tuple(notes), str(family), bool(timed_out) and Status(status) is Status.UNKNOWN)

    @property
    def counterexample(self) -> dict[sp.Symbol, sp.Expr] | None:
        """A certified counterexample of a refuted universal claim, else ``None``."""
        if self.kind is Kind.FORALL and self.status is Status.REFUTED and self._point is not None:
            return dict(self._point)
        return None

    @property
    def witness(self) -> dict[sp.Symbol, sp.Expr] | None:
        """A certified instance of an existence claim, else ``None``."""
        if self.kind is Kind.EXISTS and self.status is Status.WITNESS and self._point is not None:
            return dict(self._point)
        return None

    @property
    def point(self) -> dict[sp.Symbol, sp.Expr] | None:
        """The counterexample or the witness, whichever this verdict carries."""
        return self.counterexample if self.counterexample is not None else self.witness

    def with_seconds(self, seconds: float) -> "Verdict":
        from dataclasses import replace

        return replace(self, seconds=float(seconds))

    def with_point(self, point: Mapping[sp.Symbol, sp.Expr]) -> "Verdict":
        """The same verdict with ``point`` as its counterexample or witness (e.g. with a fixed size added)."""
        from dataclasses import replace

        return replace(self, _point=_frozen_point(point))

    def as_dict(self) -> dict:
        """A JSON-ready dictionary (exact values as text)."""
        out = {"status": self.status.value, "kind": self.kind.value, "method": self.method,
               "seconds": round(self.seconds, 4)}
        if self.reason:
            out["reason"] = self.reason
        if self.family:
            out["family"] = self.family
        if self.timed_out:
            out["time_limit_reached"] = True
        if self.notes:
            out["notes"] = list(self.notes)
        if self.counterexample is not None:
            out["counterexample"] = point_as_text(self.counterexample)
        if self.witness is not None:
            out["witness"] = point_as_text(self.witness)
        return out

    # -- display -----------------------------------------------------------
    def _point_latex(self) -> str:
        pt = self.point
        if not pt:
            return ""
        return ", ".join(f"{sp.latex(s)} = {exact_text(v, sp.latex)}"
                         for s, v in sorted(pt.items(), key=lambda kv: kv[0].name))

    def _latex_body(self) -> str:
        text = r"\text{%s}" % self.status.value
        pt = self._point_latex()
        if pt:
            label = "counterexample" if self.counterexample is not None else "witness"
            if self.family:  # the point is a point of the claim with this function
                label += f" with {self.family}"
            text += r"\quad \text{%s: } %s" % (label.replace("\\", r"\backslash ").replace("{", r"\{")
                                               .replace("}", r"\}"), pt)
        return text

    def _repr_latex_(self) -> str:
        return "$" + self._latex_body() + "$"

    def _repr_markdown_(self) -> str:
        text = f"**{self.status.value}** ({self.method}, {self.seconds:.3f} s)"
        if self.reason:
            text += f": {self.reason}"
        pt = self._point_latex()
        if pt:
            text += f" — ${pt}$"
        return text

    def __str__(self) -> str:
        text = f"{self.status.value} by {self.method} in {self.seconds:.3f} s"
        if self.reason:
            text += f" ({self.reason})"
        pt = point_as_text(self.point)
        if pt:
            text += " at " + ", ".join(f"{k} = {v}" for k, v in pt.items())
        return text
