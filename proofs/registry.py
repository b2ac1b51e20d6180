"""The paper's claims as data: where they are, what they assume, how they are decided.

A :class:`Claim` states *what* is claimed (its place in the paper, the words,
the assumptions in words) and builds the :class:`Obligation` s that the engine
decides.  Its expected verdict, cited to ``../shared/MODEL.md``, is kept beside
it only to be *compared* with the computed verdict: :func:`decide_claim` never
reads it.
"""

from __future__ import annotations

import importlib
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

import sympy as sp

from symbolic import Kind, Status, Verdict, exists, prove

__all__ = ["Family", "Obligation", "Claim", "ClaimResult", "SpotCheck", "register", "register_spot_check", "claims",
           "get_claim", "decide_claim", "REGISTRY", "SPOT_CHECKS"]


@dataclass(frozen=True)
class Family:
    r"""A concrete instance of an abstract function, used only to *search* for certified counterexamples.

    An abstract increasing :math:`g` leaves a wrong threshold ``unknown``: the
    engine knows nothing of :math:`g` beyond what the assumptions say.  A family
    such as :math:`g(L) = 1 + L` is a particular admissible :math:`g`; a
    counterexample found with it, after ``requirements`` (e.g. :math:`g' > 0`
    on ``domain``) are *proved* for the family, is a counterexample to the
    abstract claim, reported with the family named.  A family never proves anything.
    """

    function: object  #: the undefined SymPy function, e.g. ``sp.Function("g")``
    definition: sp.Lambda  #: e.g. ``sp.Lambda(x, 1 + x)``
    label: str  #: e.g. ``"g(L) = 1 + L"``
    #: what the abstract function is assumed to satisfy, in the Lambda's variable (``diff(1 + x, x) > 0``)
    requirements: tuple[tuple[str, sp.Boolean], ...] = ()
    #: where the requirements must hold, in the Lambda's variable (e.g. ``x >= 0``)
    domain: sp.Boolean = sp.true


@dataclass(frozen=True)
class Obligation:
    """One engine decision: a statement, its quantifier and its named assumptions."""

    label: str
    kind: Kind
    statement: sp.Boolean
    assumptions: tuple[tuple[str, sp.Boolean], ...] = ()
    #: "decision" obligations make the verdict; "cross-check" ones must agree with it
    role: str = "decision"
    #: concrete instances of the abstract functions in the statement (see :class:`Family`)
    families: tuple[Family, ...] = ()

    @classmethod
    def forall(cls, label, statement, assumptions=(), role="decision", families=()):
        return cls(label, Kind.FORALL, statement, _named(assumptions), role, tuple(families))

    @classmethod
    def exists(cls, label, statement, assumptions=(), role="decision", families=()):
        return cls(label, Kind.EXISTS, statement, _named(assumptions), role, tuple(families))

    def decide(self, timeout: float = 10.0, core: bool = False) -> Verdict:
        fn = prove if self.kind is Kind.FORALL else exists
        return fn(self.statement, dict(self.assumptions), timeout=timeout, core=core)


def _named(assumptions) -> tuple[tuple[str, sp.Boolean], ...]:
    if isinstance(assumptions, dict):
        return tuple((str(k), v) for k, v in assumptions.items())
    return tuple((sp.sstr(a), a) for a in assumptions)


@dataclass(frozen=True)
class Claim:
    """A claim of the paper (or of this project's formalization of it)."""

    id: str
    section: str
    place: str  #: section, footnote, paragraph
    quote: str  #: a short quote from the paper ("" when the claim is derived, not quoted)
    statement: str  #: the claim in words
    assumptions: str  #: its assumptions in words
    kind: Kind
    expected: Status  #: from MODEL.md -- compared with, never fed to, the decision
    expected_source: str  #: where in MODEL.md the expectation comes from
    build: Callable[[], Sequence[Obligation]] = field(compare=False, repr=False)
    formalization: str = "paper"  #: "paper", or "project" where MODEL.md formalizes informal text
    note: str = ""  #: how the decision covers the claim (e.g. the generic-index argument)
    #: what sizes the verdict covers: "every J", "J = 4" (a fixed size only) or "" where sizes do not apply
    scope: str = ""

    def _repr_markdown_(self) -> str:
        text = f"**{self.id}** ({self.place}): {self.statement}"
        if self.quote:
            text += f'\n\n> "{self.quote}"'
        text += f"\n\nAssumptions: {self.assumptions}. Expected: *{self.expected.value}* ({self.expected_source})."
        return text

    def _repr_latex_(self) -> str:
        first = next(ob for ob in self.obligations() if ob.role == "decision")
        quant = r"\forall" if self.kind is Kind.FORALL else r"\exists"
        return rf"$\text{{{self.id}: }} {quant}\; {sp.latex(first.statement)}$"

    def obligations(self) -> tuple[Obligation, ...]:
        obs = tuple(self.build())
        if not obs:
            raise ValueError(f"claim {self.id} built no obligations")
        for ob in obs:
            if ob.role == "decision" and ob.kind is not self.kind:
                raise ValueError(f"claim {self.id} is {self.kind} but obligation {ob.label!r} is {ob.kind}")
        return obs


@dataclass(frozen=True)
class ClaimResult:
    """A claim with its computed verdict and the verdict of each obligation."""

    claim: Claim
    verdict: Verdict
    obligations: tuple[tuple[Obligation, Verdict], ...]

    @property
    def status(self) -> Status:
        return self.verdict.status

    @property
    def as_expected(self) -> bool:
        return self.verdict.status is self.claim.expected

    def _repr_markdown_(self) -> str:
        mark = "as MODEL.md expects" if self.as_expected else f"**MODEL.md expects {self.claim.expected.value}**"
        return f"**{self.claim.id}** — {self.verdict._repr_markdown_()} — {mark}\n\n{self.claim.statement}"

    def _repr_latex_(self) -> str:
        return rf"$\text{{{self.claim.id}: }}" + self.verdict._latex_body() + "$"


@dataclass(frozen=True)
class SpotCheck:
    """A numeric spot check of a decided claim on admissible random draws."""

    samples: int
    violations: int  #: draws that disagree with the symbolic verdict
    seconds: float
    detail: str = ""  #: the first disagreeing draw, exactly, or what was re-evaluated

    @property
    def agrees(self) -> bool:
        return self.violations == 0

    def as_dict(self) -> dict:
        return {"samples": self.samples, "violations": self.violations, "seconds": round(self.seconds, 4)}


REGISTRY: dict[str, Claim] = {}
#: claim id -> callable(result: ClaimResult, samples: int, seed: int) -> SpotCheck
SPOT_CHECKS: dict[str, Callable] = {}
#: modules whose import registers claims (in paper order) and spot checks
SECTION_MODULES = ["proofs.section2", "proofs.section4", "proofs.section5", "proofs.section7"]
SPOT_CHECK_MODULES: list[str] = ["proofs.spotchecks_s2s4", "proofs.spotchecks"]


def register(claim: Claim) -> Claim:
    if claim.id in REGISTRY:
        raise ValueError(f"claim {claim.id} is registered twice")
    REGISTRY[claim.id] = claim
    return claim


def register_spot_check(claim_id: str):
    def deco(fn):
        SPOT_CHECKS[claim_id] = fn
        return fn
    return deco


def _load_all() -> None:
    # importing the section modules registers their claims
    for name in SECTION_MODULES + SPOT_CHECK_MODULES:
        importlib.import_module(name)


def claims(prefixes: Iterable[str] | None = None) -> list[Claim]:
    """Registered claims in paper order, optionally those whose id starts with a prefix."""
    _load_all()
    out = list(REGISTRY.values())
    if prefixes:
        prefixes = [p.strip() for p in prefixes if p.strip()]
        out = [c for c in out if any(c.id.startswith(p) for p in prefixes)]
    return out


def get_claim(claim_id: str) -> Claim:
    _load_all()
    try:
        return REGISTRY[claim_id]
    except KeyError:
        raise KeyError(f"no claim with id {claim_id!r}; known ids: {', '.join(REGISTRY)}") from None


def decide_claim(claim: Claim, timeout: float = 10.0, core: bool = False) -> ClaimResult:
    """Decide every obligation of ``claim`` and combine the verdicts.

    ``forall`` claims are proved when every decision obligation is proved and
    refuted by the first certified counterexample; ``exists`` claims are
    witnessed by any witness and refuted when every obligation is.  A
    cross-check obligation that does not agree turns the verdict into
    ``unknown`` with both answers named.
    """
    start = time.perf_counter()
    results = []
    for ob in claim.obligations():
        remaining = max(0.5, timeout - (time.perf_counter() - start))
        v = ob.decide(timeout=remaining, core=core)
        if v.status is Status.UNKNOWN and ob.families:
            v = _search_families(ob, v, timeout=max(0.5, timeout - (time.perf_counter() - start)))
        results.append((ob, v))
    decisions = [v for ob, v in results if ob.role == "decision"]
    verdict = _combine(claim.kind, decisions)
    disagreements = [(ob, v) for ob, v in results if ob.role == "cross-check" and v.status is not verdict.status]
    if disagreements and verdict.status is not Status.UNKNOWN:
        ob, v = disagreements[0]
        verdict = Verdict.make(Status.UNKNOWN, claim.kind, verdict.method, 0.0,
                               reason=f"cross-check {ob.label!r} gave {v.status.value} "
                                      f"while the decision gave {verdict.status.value}")
    seconds = time.perf_counter() - start
    return ClaimResult(claim, verdict.with_seconds(seconds), tuple(results))


def _instantiate(expr, family: Family):
    return expr.replace(family.function, lambda *args: family.definition(*args)).doit()


def _search_families(ob: Obligation, abstract: Verdict, timeout: float) -> Verdict:
    """An ``unknown`` obligation re-decided with each concrete family; only a certified point counts.

    A counterexample (forall) or witness (exists) found with an admissible
    family is one for the abstract statement too; a family's *proof* shows
    nothing about other functions and is ignored.
    """
    want = Status.REFUTED if ob.kind is Kind.FORALL else Status.WITNESS
    for family in ob.families:
        (var,) = family.definition.variables
        admissible = all(
            prove(sp.Implies(family.domain, req), timeout=timeout).status is Status.PROVED
            for _, req in family.requirements)
        if not admissible:
            continue
        concrete = Obligation(ob.label, ob.kind, _instantiate(ob.statement, family),
                              tuple((n, _instantiate(a, family)) for n, a in ob.assumptions), ob.role)
        v = concrete.decide(timeout=timeout)
        if v.status is want:
            what = "counterexample" if want is Status.REFUTED else "witness"
            return Verdict.make(want, ob.kind, f"{v.method} with {family.label}", v.seconds,
                                reason=f"{what} with the admissible concrete function {family.label}",
                                point=v.point)
    return abstract


def _combine(kind: Kind, verdicts: Sequence[Verdict]) -> Verdict:
    methods = sorted({v.method for v in verdicts})
    method = "+".join(methods) + (f" ({len(verdicts)} decisions)" if len(verdicts) > 1 else "")
    statuses = [v.status for v in verdicts]
    core = tuple(dict.fromkeys(c for v in verdicts for c in v.core))
    if kind is Kind.FORALL:
        for v in verdicts:
            if v.status is Status.REFUTED:
                return Verdict.make(Status.REFUTED, kind, method, 0.0, point=v.counterexample)
        if all(s is Status.PROVED for s in statuses):
            return Verdict.make(Status.PROVED, kind, method, 0.0, core=core)
    else:
        for v in verdicts:
            if v.status is Status.WITNESS:
                return Verdict.make(Status.WITNESS, kind, method, 0.0, point=v.witness)
        if all(s is Status.REFUTED for s in statuses):
            return Verdict.make(Status.REFUTED, kind, method, 0.0, reason="no instance exists", core=core)
    unknown = [v for v in verdicts if v.status is Status.UNKNOWN]
    if unknown:
        return Verdict.make(Status.UNKNOWN, kind, method, 0.0, reason=unknown[0].reason)
    vacuous = [v for v in verdicts if v.status is Status.VACUOUS]
    return Verdict.make(Status.VACUOUS, kind, method, 0.0, reason=vacuous[0].reason, core=vacuous[0].core)
