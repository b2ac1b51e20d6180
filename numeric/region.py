r"""The numeric spot check of a derived region (:func:`symbolic.region`).

A region :math:`R(p)` claims :math:`A(p) \Rightarrow (R(p) \iff \exists e.\ A_e \wedge C(p, e))`.
On admissible draws (the samplers of :mod:`numeric.spot`; float draws plus
exact rational draws on the boundaries, every float disagreement re-decided
exactly) this checks

* nothing eliminated: :math:`R \iff C` on every draw;
* eliminated variables: :math:`A_e \wedge C \Rightarrow R` on draws of
  :math:`(p, e)`, and -- where the certificate found witnesses
  :math:`e = c(p)` -- :math:`R \Rightarrow \bigvee_c (A_e \wedge C)[e := c]`
  on draws of :math:`p`.

>>> import sympy as sp
>>> from symbolic import region
>>> x = sp.Symbol("x", positive=True)
>>> check = check_region(region(x**2 < 2), samples=2000)
>>> check.agrees, check.compared >= 2000
(True, True)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import sympy as sp

from symbolic.constructs import domain_conditions
from symbolic.regions import Region
from symbolic.sizes import written_out

from .spot import DEFAULT_EXACT_SAMPLES, DEFAULT_SAMPLES, StatementCheck, check_statement

__all__ = ["RegionCheck", "check_region"]


@dataclass(frozen=True)
class RegionCheck:
    """How a region and its condition compared on admissible draws."""

    parts: tuple[tuple[str, StatementCheck], ...]  #: (what was checked, its outcome)

    @property
    def compared(self) -> int:
        """Admissible draws compared (the smallest count over the parts SymPy did not write as a constant)."""
        return min((chk.admissible for _, chk in self.parts if not chk.closed), default=0)

    @property
    def constant(self) -> tuple[str, ...]:
        """The parts SymPy wrote as a constant (a region that is the condition as written: ``R <=> R`` is
        True), evaluated once, not on draws: nothing in them was compared."""
        return tuple(what for what, chk in self.parts if chk.closed)

    @property
    def nothing_to_compare(self) -> bool:
        """Every part is a constant as SymPy wrote it: the region is the condition as written."""
        return len(self.constant) == len(self.parts)

    @property
    def disagreements(self) -> int:
        return sum(chk.failures for _, chk in self.parts)

    @property
    def agrees(self) -> bool:
        return self.disagreements == 0

    @property
    def first_disagreement(self) -> Mapping | None:
        """The first disagreeing draw, exactly (symbol name -> Fraction)."""
        return next((chk.first_failure for _, chk in self.parts if chk.failures), None)

    @property
    def seconds(self) -> float:
        return sum(chk.seconds for _, chk in self.parts)

    def as_dict(self) -> dict:
        out = {"compared": self.compared, "disagreements": self.disagreements, "seconds": round(self.seconds, 4),
               "parts": [what for what, _ in self.parts], **({"constant": list(self.constant)} if self.constant else {})}
        if self.first_disagreement:
            out["first_disagreement"] = {k: str(v) for k, v in self.first_disagreement.items()}
        return out


def check_region(r: Region, *, samples: int = DEFAULT_SAMPLES, exact_samples: int = DEFAULT_EXACT_SAMPLES,
                 seed: int = 0, paper_samplers=None) -> RegionCheck:
    """Compare ``r`` with its condition on ``samples`` admissible float draws and exact boundary draws
    (drawn by the samplers of the paper, ``paper_samplers``; ``None``: this toolkit's paper's)."""
    if not isinstance(r, Region):
        raise TypeError(f"check_region takes a symbolic.Region, got {type(r).__name__}")
    if not r.known:
        raise ValueError(f"the region is unknown ({r.reason}): there is nothing to check")
    named = {k: written_out(a)[0] for k, a in r.assumptions}  # a finite sum is its terms, as for the region
    original = written_out(r.original)[0]
    gone = set(r.eliminate)
    kw = {"samples": samples, "exact_samples": exact_samples, "seed": seed, "paper_samplers": paper_samplers}
    if not gone & _symbols_of(r):
        chk = check_statement(sp.Equivalent(r.condition, original), named, label="region <=> condition", **kw)
        return RegionCheck((("region <=> condition", chk),))
    local = [a for a in named.values() if a.free_symbols & gone]
    keep = set(r.variables)
    given = {k: a for k, a in named.items() if a.free_symbols and a.free_symbols <= keep}
    parts = [("condition => region", check_statement(sp.Implies(sp.And(original, *local), r.condition), named,
                                                     label="condition => region", **kw))]
    if r.witnesses:
        body = sp.And(original, *local)
        body = sp.And(body, *domain_conditions(body))  # defined at the witness: 2a/a is 2 to SymPy, even at a = 0
        at_witness = sp.Or(*[body.xreplace(dict(c)) for c in r.witnesses])
        parts.append(("region => condition at a witness",
                      check_statement(sp.Implies(r.condition, at_witness), given, label="region => witness", **kw)))
    return RegionCheck(tuple(parts))


def _symbols_of(r: Region) -> set:
    syms = set(r.original.free_symbols)
    for _, a in r.assumptions:
        syms |= a.free_symbols
    return syms
