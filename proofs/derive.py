"""Derivations of decided claims, which assumptions they need, and ablations.

:func:`derive` turns a :class:`~proofs.claim.ClaimResult` into a
:class:`~symbolic.derivation.Derivation`: the model's primitives and derived
conditions, the assumptions, each decided statement (as derived, before SymPy
simplified it) with the engine's rewrite of its relations, the verdict, and
the certificate -- the exact point evaluated, or the route of the proof.

Which assumptions a proof needs is said two ways, which must not be confused:

* **sufficient** -- :func:`assumption_use`: one minimal set of assumption
  instances the proof uses (the solver's unsatisfiable core, minimised by
  dropping one instance at a time).  Other minimal sets may exist.
* **necessary** -- :func:`ablation`: the claim re-decided with one group of
  assumptions dropped (a named assumption, or the positivity of a group of
  parameters); *necessary* when the verdict changes, *not needed* when the
  claim is still proved without it.  Abstract functions are searched with the
  claim's concrete families, so a row can be ``refuted`` where that is the truth.

:func:`refutation_class` says whether a refuted claim is false everywhere the
assumptions hold or only somewhere (the classes TheoryGuru reports).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, Sequence

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.core.relational import Relational

from symbolic import Kind, Status, Verdict, exists
from symbolic.clearing import clearing_steps
from symbolic.derivation import Derivation, Step, is_wide
from symbolic.errors import BadInputError
from symbolic.names import GREEK
from symbolic.notation import latex
from symbolic.prose import method_words, prose_text
from symbolic.obligation import Obligation, Role
from symbolic.settings import Settings

from .claim import BY_REDUCTION, Claim, ClaimResult, covers_every_size, decide_claim, decide_obligation_once

__all__ = ["derive", "assumption_group", "AssumptionUse", "assumption_use", "refutation_class", "RefutationClass",
           "ablation", "Ablation", "necessity", "Necessity", "necessity_sentence", "point_latex",
           "point_text"]


def assumption_group(name: str, *, indexed: bool) -> str:
    """The named assumption an instance belongs to: ``A2(1,k)`` -> ``A2``, ``theta_k >= 1`` -> ``theta >= 1``.

    Only for a claim whose assumptions are instances of indexed ones (``Claim(indexed_assumptions=True)``,
    this paper's sectors); otherwise (``indexed=False``) every named assumption is its own group: a user's
    ``a_1 > 0`` and ``a_2 > 0`` are two assumptions, not one.  ``x_i >= c`` is an instance only where ``c``
    is not indexed itself (``R_1 >= c_1`` is an assumption of its own).

    >>> [assumption_group(n, indexed=True) for n in ("A1(k,j)", "theta_3 >= 1", "V > 1")]
    ['A1', 'theta >= 1', 'V > 1']
    >>> assumption_group("g(0) >= 0", indexed=True)  # a relation about a function's value, not an instance
    'g(0) >= 0'
    >>> assumption_group("R_1 >= c_1", indexed=True), assumption_group("theta_3 >= 1", indexed=False)
    ('R_1 >= c_1', 'theta_3 >= 1')
    """
    if not indexed:
        return name
    m = re.match(r"^([A-Za-z]\w*)\([^()]*\)$", name)
    if m:
        return m.group(1)
    m = re.match(r"^([A-Za-z]+)_\w+ (>=|<=|>|<) ([^_]+)$", name)
    if m:
        return f"{m.group(1)} {m.group(2)} {m.group(3)}"
    return name


def _instance(name: str) -> str:
    m = re.match(r"^[A-Za-z]\w*\((.*)\)$", name)
    if m:
        return "sectors " + " and ".join(m.group(1).split(","))
    m = re.match(r"^[A-Za-z]+_(\w+) (>=|<=|>|<) [^_]+$", name)
    if m:
        return f"sector {m.group(1)}"
    return name


@dataclass(frozen=True)
class AssumptionUse:
    """A minimal set of named assumption instances sufficient for the proof, per decision."""

    used: tuple[str, ...]
    unused_groups: tuple[str, ...]
    #: the minimal core of each decision, in order (``None`` where the re-decision with cores was not a proof)
    per_decision: tuple = ()
    #: every decision's core is known (else ``used`` is only part of a sufficient set)
    complete: bool = True
    #: the claim's assumptions are instances of indexed ones (see :func:`assumption_group`)
    indexed: bool = False

    @property
    def used_groups(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(assumption_group(n, indexed=self.indexed) for n in self.used))

    def sentence(self) -> str:
        if not self.complete:
            known = "; ".join(self.used) or "none named"
            return ("not determined for every decision (no core was found in time, or the core alone did not "
                    "give the same verdict); "
                    f"the decisions that were: {known}")
        if not self.used:
            text = ("sufficient for this proof: none of the named assumptions (the symbols' own assumptions, "
                    "such as positivity, suffice)")
        else:
            parts = []
            for g in self.used_groups:
                inst = [n for n in self.used if assumption_group(n, indexed=self.indexed) == g]
                parts.append(g if inst == [g] else f"{g} for " + ", ".join(_instance(n) for n in inst))
            text = ("sufficient for this proof with the symbols' own assumptions (signs, integer, ...) (a minimal "
                    "set; others may exist): "
                    + "; ".join(parts))
        if self.unused_groups:
            text += "; this proof does not use " + ", ".join(self.unused_groups)
        return text


def assumption_use(result: ClaimResult, settings: Settings | None = None) -> AssumptionUse | None:
    """A minimal sufficient set of assumption instances of a *proved* claim, over all its decisions."""
    if result.status is not Status.PROVED:
        return None
    settings = (settings or Settings()).merge(core=True)
    indexed = result.claim.indexed_assumptions
    used: list[str] = []
    groups: list[str] = []
    cores = []
    complete = True
    for ob, _ in result.decisions:
        again = decide_obligation_once(ob, settings)
        # a core is evidence only from a proof: a re-decision that ran out of time says nothing (nor a proof
        # whose tracked re-check gave no core: its core is None)
        core = again.core if again.status is Status.PROVED else None
        cores.append(core)
        complete = complete and core is not None
        used += [n for n in (core or ()) if n not in used]
        groups += [assumption_group(n, indexed=indexed) for n, _ in ob.assumptions]
    used_groups = {assumption_group(n, indexed=indexed) for n in used}
    unused = tuple(g for g in dict.fromkeys(groups) if g not in used_groups) if complete else ()
    return AssumptionUse(tuple(used), unused, tuple(cores), complete, indexed)


@dataclass(frozen=True)
class RefutationClass:
    """Where a refuted claim fails: everywhere the assumptions hold, or only somewhere.

    Both points belong to one decision (the one the counterexample refutes), with its own assumptions:
    ``fails_at`` is the counterexample, ``holds_at`` a point where the same decision holds, each
    certified exactly by substitution into every one of its assumptions and its statement.
    """

    everywhere: bool | None  #: None when the engine could not tell
    holds_at: dict | None = None  #: an exact point where the claim does hold (when not false everywhere)
    fails_at: dict | None = None  #: the counterexample
    #: which decision both points belong to, ``(index, count)``, when the claim has several
    decision: tuple | None = None
    #: the concrete function both points are points with (a counterexample found through a Family), or ""
    family: str = ""
    #: the claim is an implication: "holds" means with its hypothesis met (a point where the hypothesis
    #: fails satisfies it vacuously and shows nothing)
    implication: bool = False

    def sentence(self) -> str:
        """In the project's plain notation (``lambda_1N = 1/2``), which the report typesets."""
        of = f" (decision {self.decision[0]} of {self.decision[1]})" if self.decision else ""
        of += f" with {self.family}" if self.family else ""
        fails = f"the claim{of} fails at {_plain(self.fails_at)}" if self.fails_at else f"the claim{of} fails"
        where = "its hypothesis holds" if self.implication else "the assumptions hold"
        if self.everywhere is None:
            return f"{fails}; whether it holds anywhere {where} could not be decided"
        if self.everywhere:
            return (f"{fails}, and everywhere else its hypothesis holds: it holds only vacuously"
                    if self.implication else f"{fails}, and everywhere else the assumptions hold: it holds nowhere")
        met = " with its hypothesis met" if self.implication else ""
        return f"{fails}; it holds elsewhere{met}, e.g. at {_plain(self.holds_at)}"

    def point(self) -> dict | None:
        return self.holds_at


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


def _plain(point: dict) -> str:
    return ", ".join(f"{s} = {value_text(v)}" for s, v in sorted(point.items(), key=lambda kv: kv[0].name))


def _certified(ob: Obligation, point: dict, want: bool) -> bool:
    """``point`` gives every symbol of ``ob`` a value that satisfies its assumptions and the symbols' own
    (positivity...), and the statement evaluates exactly to ``want`` there."""
    from symbolic.certify import Uncertifiable, holds, respects_symbol_assumptions

    try:
        return (respects_symbol_assumptions(point) and all(holds(a, point) for _, a in ob.assumptions)
                and holds(ob.decided_statement, point) == want)
    except Uncertifiable:
        return False


def refutation_class(result: ClaimResult, settings: Settings | None = None) -> RefutationClass | None:
    """For a refuted universal claim: is it false everywhere or only somewhere?

    Asked of the decision the counterexample refutes, under that decision's own assumptions: decisions
    are separate formalizations, each with its own symbols and assumptions, so a point is never put
    together from two of them.
    """
    if result.status is not Status.REFUTED or result.claim.kind is not Kind.FORALL:
        return None
    settings = settings or Settings()
    decisions = result.decisions
    point = result.verdict.point
    index = next((i for i, (_, v) in enumerate(decisions) if point is not None and v.point == point), None)
    if index is None:
        index = next(i for i, (_, v) in enumerate(decisions) if v.status is Status.REFUTED)
        point = decisions[index][1].point
    ob = decisions[index][0].with_family(decisions[index][1].family)  # the claim the point refutes
    which = (index + 1, len(decisions)) if len(decisions) > 1 else None
    family = decisions[index][1].family
    statement = ob.decided_statement
    implication = isinstance(statement, sp.Implies)
    # an implication "holds" at a point only where its hypothesis does: elsewhere it holds vacuously
    sought = sp.And(*statement.args) if implication else statement
    v = exists(sought, dict(ob.assumptions), timeout=settings.timeout)
    if v.status is Status.WITNESS and _certified(ob, v.witness, True) \
            and (not implication or _holds_at(statement.args[0], v.witness)):
        return RefutationClass(False, v.witness, point, which, family, implication)
    if v.status is Status.REFUTED:
        return RefutationClass(True, None, point, which, family, implication)
    return RefutationClass(None, None, point, which, family, implication)


def _holds_at(condition, point: dict) -> bool:
    from symbolic.certify import Uncertifiable, holds

    try:
        return holds(condition, point)
    except Uncertifiable:
        return False


# -- ablation: which assumptions are necessary ----------------------------------------------------

def _parameter_group(s: sp.Symbol) -> str:
    """The group a parameter belongs to for ablation: ``lambda_2S`` -> ``lambda``, ``theta_k`` -> ``theta``."""
    return s.name.split("_")[0] or s.name


_SIGN_KEYS = ("positive", "negative", "nonnegative", "nonpositive", "nonzero", "zero")


def _has_sign(s: sp.Symbol) -> bool:
    a = s.assumptions0
    return any(a.get(k) is not None for k in _SIGN_KEYS)


def _positivity_groups(claim: Claim) -> list[str]:
    """One group per symbol with a declared sign (``positivity of c_1``); for a claim of indexed assumptions,
    one per stem: ``positivity of lambda`` (a stem the paper writes as a symbol), or of the members by name
    (``positivity of p_M, p_T``: a stem such as ``p`` is no symbol of the paper's)."""
    syms = set().union(*[ob.free_symbols for ob in claim.decisions])
    members: dict[str, list[str]] = {}
    positive: dict[str, bool] = {}
    for s in sorted(syms, key=lambda s: s.name):
        if _has_sign(s):
            stem = _parameter_group(s)
            members.setdefault(stem, []).append(s.name)
            positive[stem] = positive.get(stem, True) and bool(s.is_positive)
    names = {s.name for s in syms}
    if not claim.indexed_assumptions:  # each symbol's sign alone: c and c_1 are two parameters, not one
        ordered = sorted(syms, key=lambda s: s.name)
        return ([f"{'positivity' if s.is_positive else 'sign'} of {s.name}" for s in ordered if _has_sign(s)]
                + [f"integrality of {s.name}" for s in ordered if s.is_integer])
    # "positivity" where every member is declared positive; "sign" where one is nonnegative, negative, ...
    return [f"{'positivity' if positive[stem] else 'sign'} of "
            + (stem if stem in names or stem in GREEK or len(group) > 4 else ", ".join(group))
            for stem, group in members.items()]


#: how a dropped group of symbol assumptions is named (see :func:`_positivity_groups`)
_SIGN_GROUP = re.compile(r"(?:positivity|sign) of (.+)")
_INTEGER_GROUP = re.compile(r"integrality of (.+)")


def _signed_twin(s: sp.Symbol) -> sp.Symbol:
    """``s`` as a real number of the same sign (its integrality, parity, primality dropped)."""
    keep = {k: v for k, v in s.assumptions0.items() if k in _SIGN_KEYS}
    return sp.Symbol(s.name, real=True, **keep)


def _real_twin(s: sp.Symbol) -> sp.Symbol:
    keep = {k: v for k, v in s.assumptions0.items() if k in ("integer", "rational")}
    return sp.Symbol(s.name, real=True, **keep)


def _without(claim: Claim, group: str) -> Claim:
    """The claim with one assumption group dropped (its decisions only)."""
    sign, integer = _SIGN_GROUP.fullmatch(group), _INTEGER_GROUP.fullmatch(group)
    if sign or integer:
        name = (sign or integer).group(1)

        def drop(ob: Obligation) -> Obligation:
            syms = ob.free_symbols
            named = set(name.split(", "))  # a stem, or the members by name
            by_stem = claim.indexed_assumptions  # "positivity of lambda": every lambda_jS, lambda_jN
            if integer:
                twins = {s: _signed_twin(s) for s in syms if s.name in named and s.is_integer}
            else:
                twins = {s: _real_twin(s) for s in syms
                         if (s.name in named or (by_stem and _parameter_group(s) in named)) and _has_sign(s)}
            stmt = ob.decided_statement.xreplace(twins)
            return Obligation(ob.label, ob.kind, stmt, tuple((n, a.xreplace(twins)) for n, a in ob.assumptions),
                              Role.DECISION, tuple(_twin_family(f, twins) for f in ob.families))
    else:
        def drop(ob: Obligation) -> Obligation:
            return replace(ob, assumptions=tuple((n, a) for n, a in ob.assumptions
                                                 if assumption_group(n, indexed=claim.indexed_assumptions) != group))

    obs = tuple(drop(ob) for ob in claim.decisions)
    # the verdict of the decisions is the question here, not the sizes it covers (no scope to justify)
    return replace(claim, claim=None, build=lambda: obs, given=(), derived=None, scope="")


def _twin_family(family, twins):
    return replace(family, definition=family.definition.xreplace(twins))


@dataclass(frozen=True)
class Necessity:
    """One row of the ablation: an assumption group dropped, and what that does to the verdict."""

    group: str
    verdict: object  #: the Verdict without the group (None: the claim does not use this group)
    by_core: bool = False  #: still proved because no confirmed core uses the group (not re-decided)

    @property
    def necessary(self) -> bool | None:
        """True: dropping it changes a proved verdict; False: still proved; None: undetermined or n/a."""
        if self.verdict is None:
            return None
        if self.verdict.status is Status.PROVED:
            return False
        if self.verdict.status in (Status.REFUTED, Status.VACUOUS):
            return True
        return None


#: time limit of a claim re-decided without one assumption group (every one decided today takes under 2 s)
NECESSITY_TIMEOUT = 5.0


def necessity(result: ClaimResult, settings: Settings | None = None,
              use: AssumptionUse | None = None) -> tuple[Necessity, ...]:
    """For a proved claim: each of its assumption groups dropped in turn, re-decided.

    With ``use`` (:func:`assumption_use` of the same result), a named group no decision's confirmed core
    uses is not re-decided: each decision keeps its core, which proves it alone (the engine checked that),
    and fewer assumptions than a claim proved with all of them are still satisfiable; so the claim stays
    proved without the group.  The row says so (``by_core``).
    """
    settings = settings or Settings()
    claim = result.claim
    groups = list(dict.fromkeys(assumption_group(n, indexed=claim.indexed_assumptions) for ob in claim.decisions
                                for n, _ in ob.assumptions))
    signs = _positivity_groups(claim)
    # as for mutants: a near copy of a decided claim; one still open at this limit is said 'undetermined'
    settings = settings.merge(timeout=min(settings.timeout, NECESSITY_TIMEOUT))
    complete = use is not None and use.complete and result.status is Status.PROVED
    unused = set(use.unused_groups) if complete else set()
    rows = []
    for g in groups + signs:
        if g in unused and g not in signs:
            rows.append(Necessity(g, Verdict.make(Status.PROVED, claim.kind, "core", 0.0, notes=(
                "not re-decided: no decision's confirmed core uses this group, so each stays proved without it",)),
                by_core=True))
        else:
            rows.append(Necessity(g, _decided_without(claim, g, settings)))
    return tuple(rows)


def _decided_without(claim: Claim, group: str, settings: Settings):
    """The claim's verdict with ``group`` dropped; ``unknown`` where dropping it cannot be done (a symbol's
    sign inside a ``Subs`` SymPy keeps as it was): one row of the ablation, never the whole report."""
    try:
        # the decisions alone: a cross-check confirms a verdict, it never makes one (S5.4 has eleven)
        return decide_claim(_without(claim, group), settings=settings, cross_checks=False).verdict
    except BadInputError as exc:
        return Verdict.make(Status.UNKNOWN, claim.kind, "none", 0.0, reason=f"the group could not be dropped: {exc}")


def necessity_sentence(rows: Sequence[Necessity]) -> str:
    needed = [r.group for r in rows if r.necessary]
    not_needed = [r.group for r in rows if r.necessary is False]
    open_ = [r.group for r in rows if r.necessary is None and r.verdict is not None]
    parts = []
    if needed:
        parts.append("necessary (dropping it changes the verdict): " + ", ".join(needed))
    if not_needed:  # a group no minimal core uses was not re-decided: say so beside it
        parts.append("not needed (still proved without it): " + ", ".join(
            r.group + (" (the proof's minimal core does not use it)" if r.by_core else "")
            for r in rows if r.necessary is False))
    if open_:
        parts.append("undetermined without: " + ", ".join(open_))
    return "; ".join(parts) if parts else "no assumption to drop"


@dataclass(frozen=True)
class Ablation:
    """Each claim's verdict with each assumption group dropped in turn."""

    groups: tuple[str, ...]
    #: (claim id, verdict with all assumptions, {group: Verdict, or None where the claim lacks the group})
    rows: tuple

    def __iter__(self):  # (groups, rows), as before
        yield list(self.groups)
        yield [(cid, base, {g: (v.status.value if v is not None else "-") for g, v in cells.items()})
               for cid, base, cells in self.rows]


def ablation(claims: Sequence[Claim], settings: Settings | None = None, timeout: float | None = None) -> Ablation:
    """Each claim's verdict with each assumption group (named, or positivity of a parameter group) dropped."""
    settings = settings or Settings(timeout=timeout or 10.0)
    per_claim = []
    groups: list[str] = []
    for c in claims:
        own = list(dict.fromkeys(assumption_group(n, indexed=c.indexed_assumptions) for ob in c.decisions
                                 for n, _ in ob.assumptions))
        own += _positivity_groups(c)
        groups += own
        per_claim.append((c, own))
    groups = list(dict.fromkeys(groups))
    rows = []
    for c, own in per_claim:
        base = decide_claim(c, settings=settings).status.value
        cells = {g: (_decided_without(c, g, settings) if g in own else None) for g in groups}
        rows.append((c.id, base, cells))
    return Ablation(tuple(groups), tuple(rows))


# -- the derivation -------------------------------------------------------------------------------

def _relations(b) -> list[Relational]:
    return sorted(b.atoms(Relational), key=sp.default_sort_key)


def _sorted_point(point: dict):
    return sorted(point.items(), key=lambda kv: kv[0].name)


def point_latex(point: dict, per_line: int = 4) -> str:
    r"""An exact point as LaTeX, ``per_line`` coordinates a line (for ``align*``).

    >>> x = sp.Symbol("lambda_1S", positive=True)
    >>> point_latex({x: sp.Rational(3, 2)})
    '\\lambda_{1S} = \\frac{3}{2}'
    """
    items = [f"{latex(s)} = {latex(v)}" for s, v in _sorted_point(point)]
    rows = [", \\quad ".join(items[i:i + per_line]) for i in range(0, len(items), per_line)]
    return r", \\ & ".join(rows)


def point_text(point: dict) -> str:
    """An exact point in plain Unicode: ``λ_1S = 3/2, θ₁ = 1``."""
    return ", ".join(f"{prose_text(s.name)} = {prose_text(value_text(v))}" for s, v in _sorted_point(point))


def _truth(rel, point: dict, sides: Callable[[], tuple]) -> str:
    """``"true"``, ``"false"`` or ``"not settled"``: the relation at the point, settled exactly (``sides()``,
    its two sides at the point, only where the certifier cannot tell: substituting into a wide relation is slow)."""
    from symbolic.certify import Uncertifiable, holds

    try:
        return "true" if holds(rel, point) else "false"
    except Uncertifiable:
        truth = type(rel)(*sides())
        return "true" if truth is sp.true else "false" if truth is sp.false else "not settled"


#: relations evaluated at a point that are each shown; beyond, only those not true are, the rest counted
SHOWN_RELATIONS = 12


def _point_steps(ob: Obligation, verdict: Verdict, decision: int | None = None) -> list[Step]:
    """The relations of ``ob`` evaluated at the verdict's point (with the concrete function it was found with);
    symbols the point leaves free said so (SymPy settled the statement without them: any admissible value will do)."""
    point = verdict.point
    free = sorted(s.name for s in ob.free_symbols - set(point))
    steps = []
    if free:
        names = ", ".join(free)
        steps.append(Step(f"The point leaves {names} free: SymPy settles the statement whatever "
                          f"{'its value' if len(free) == 1 else 'their values'}, so any value the assumptions "
                          "allow will do", role="item"))
    return steps + _evaluation_steps(ob.with_family(verdict.family).decided_statement, point, decision)


def _evaluation_steps(statement, point: dict, decision: int | None = None) -> list[Step]:
    """Each relation of ``statement`` evaluated at ``point``; the ones too long to print summed up in a sentence."""
    from symbolic.certify import substitute

    shown, wide = [], []  # (truth, step) of each relation printed; the truth of each too large to print
    of = f" of decision {decision}" if decision is not None else ""  # the heading names it; the summary too
    for rel in _relations(statement):
        if is_wide(rel):  # written out, the relation would take pages: its value at the point says it all
            wide.append(_truth(rel, point, lambda: (substitute(rel.lhs, point), substitute(rel.rhs, point))))
            continue
        lhs, rhs = sp.nsimplify(substitute(rel.lhs, point)), sp.nsimplify(substitute(rel.rhs, point))
        truth = _truth(rel, point, lambda: (lhs, rhs))
        shown.append((truth, Step(f"At this point the relation is {truth}",
                                  chain=(rel, "becomes", type(rel)(lhs, rhs, evaluate=False)), role="item")))
    steps = [step for _, step in shown]
    if len(shown) > SHOWN_RELATIONS:  # pages of relations: those that are not true, and the true ones counted
        others = [step for truth, step in shown if truth != "true"]
        kept = others if others else steps[:SHOWN_RELATIONS]
        steps = kept + [Step(f"The other {len(shown) - len(kept)} relations are true at this point (each "
                             "evaluated exactly)", role="item")]
    if wide:
        counts = [f"{wide.count(t)} {t}" for t in ("true", "false", "not settled") if wide.count(t)]
        many = len(wide) > 1
        steps.insert(0, Step(f"{len(wide)} relation{'s' if many else ''}{of} too large to print here "
                             f"{'were each' if many else 'was'} evaluated exactly at this point: "
                             + (", ".join(counts) if many else wide[0]), role="item"))
    return steps


def _said(reason: str, steps: Sequence[Step]) -> bool:
    """The reason is already in a step (``no instance exists`` after the sentence that says so)."""
    return any(reason.lower() in s.text.lower() for s in steps)


def _reduction_sentence(ob: Obligation) -> str:
    """What SymPy made of a condition it settled while building it (no bare ``True`` display after it)."""
    value = "true" if ob.statement is sp.true else "false"
    how = f": {ob.reduction}" if ob.reduction else ""
    if isinstance(ob.derived, sp.Equivalent):
        if value == "true":
            return f"The derived condition and the stated one coincide (SymPy reduces their equivalence to true{how})"
        return f"The derived condition and the stated one differ (SymPy reduces their equivalence to false{how})"
    return f"SymPy reduces this condition, as derived, to {value} while building it{how}"


def _scope_words(scope: str) -> str:
    if scope == "every J":
        return "every J (every number of sectors)"
    return scope if covers_every_size(scope) else f"{scope} only"


def derive(result: ClaimResult, *, settings: Settings | None = None, paper=None, with_assumption_use: bool = True,
           include_model: bool = True, assumptions_as_math: bool = True, header: bool = True,
           use: AssumptionUse | None = None, timeout: float | None = None) -> Derivation:
    """The derivation of a decided claim, from the SymPy objects the engine used.

    One group per decision (its label, its own assumptions, the statement
    decided, the engine's rewrite of its relations, the verdict and a minimal
    sufficient set of its assumptions), then the certificate, the notes, the
    cross-checks and what is sufficient and what is necessary.
    ``include_model=False``, ``assumptions_as_math=False`` and ``header=False``
    leave out what a report states elsewhere (the model, each assumption's
    formula, the claim's words and place); ``use`` is the claim's
    :func:`assumption_use` when it was computed already.
    """
    settings = settings or Settings(timeout=timeout or 10.0)
    claim, verdict = result.claim, result.verdict
    steps: list[Step] = []
    if header:
        where = claim.where
        steps.append(Step(f"Claim {claim.id}" + (f" ({where})" if where else "") + f": {claim.statement}"))
        if claim.quote:
            steps.append(Step(f'The paper: "{claim.quote}"'))
        if claim.formalization == "project":
            steps.append(Step("The paper is informal here; this is the project's formalization"
                              + (f" ({paper.spec})" if paper is not None and paper.spec else "")))
        if claim.scope:
            steps.append(Step(f"Scope: {_scope_words(claim.scope)}"
                              + (f", {BY_REDUCTION}: the decisions are about generic sectors or fixed sizes; that "
                                 "they cover every size is the argument of the note below, not a decision of the "
                                 "engine" if result.scope_by_reduction else "")))
    model = paper.model(claim.section) if (include_model and paper is not None) else ()
    if model:
        steps.append(Step("The model", role="heading"))
        steps += list(model)
    decisions = result.decisions
    if use is None and with_assumption_use:
        use = assumption_use(result, settings)
    seen: set = set()
    for i, (ob, v) in enumerate(decisions, 1):
        steps.append(Step(f"Decision {i} of {len(decisions)}: {ob.label}", role="heading"))
        if ob.assumptions:
            names = ", ".join(n for n, _ in ob.assumptions)
            if assumptions_as_math:
                steps.append(Step("Its assumptions:"))
                steps += [Step(name, a, role="item") for name, a in ob.assumptions]
            else:
                steps.append(Step(f"Its assumptions: {names}"))
        functions = " and functions" if ob.decided_statement.atoms(AppliedUndef) else ""  # quantified as well
        quant = (f"For all admissible parameters{functions}" if ob.kind is Kind.FORALL
                 else f"There exist admissible parameters{functions} with")
        steps.append(Step(quant, ob.decided_statement))
        if ob.derived is not None and ob.settled_at_construction:
            steps.append(Step(_reduction_sentence(ob)))
        elif isinstance(ob.decided_statement, sp.logic.boolalg.BooleanAtom):
            steps.append(Step("SymPy evaluated the condition to a constant while deriving it, from the symbols' "
                              "own assumptions (such as positivity): nothing is left for the engine to decide"))
        if ob.decided_statement not in seen:  # a statement decided twice is rewritten once
            seen.add(ob.decided_statement)
            steps += clearing_steps(ob.decided_statement)
        sentence = _verdict_sentence(ob, v)
        if use is not None:
            core = use.per_decision[i - 1]
            if core is None:
                sentence += "; which assumptions this decision needs was not determined"
            else:
                sentence += "; a minimal sufficient set of its assumptions: " + (", ".join(core) if core
                                                                                 else "none of the named ones")
        steps.append(Step(sentence))
    if verdict.point is not None:
        label = "Counterexample" if verdict.counterexample is not None else "Witness"
        if verdict.family:
            label += f" with the concrete function {verdict.family}"
        where = next((i for i, (ob, v) in enumerate(decisions, 1) if v.point == verdict.point), None)
        if not verdict.point:  # SymPy settled the statement with no symbol left: no value to give
            fate = "fails" if verdict.counterexample is not None else "holds"
            steps.append(Step(f"{label}: the statement {fate} whatever the values (SymPy settled it), so any "
                              "point the assumptions allow is one", role="heading"))
        elif where is None or len(decisions) == 1:
            steps.append(Step(f"{label}, exact, certified by substitution into every assumption and the claim",
                              latex=point_latex(verdict.point), plain=point_text(verdict.point), role="heading"))
            if where is not None:
                steps += _point_steps(decisions[0][0], verdict)
        else:
            target = decisions[where - 1][0]
            to = "to" if label.startswith("Counterexample") else "for"
            steps.append(Step(f"{label} {to} decision {where} of {len(decisions)} ({target.label}), exact, "
                              "certified by substitution into its assumptions and its statement",
                              latex=point_latex(verdict.point), plain=point_text(verdict.point), role="heading"))
            steps += _point_steps(target, verdict, where)
    if verdict.reason and verdict.status is not Status.PROVED and not _said(verdict.reason, steps):
        steps.append(Step(f"Reason: {verdict.reason}"))
    if claim.note:
        steps.append(Step(("The reduction (the claim's note): " if result.scope_by_reduction else "") + claim.note))
    cross = result.cross_checks
    if cross:
        steps.append(Step("Cross-checks: " + "; ".join(f"{ob.label}: {v.status.value}" for ob, v in cross)))
    if with_assumption_use:
        if use is not None:
            steps.append(Step(f"Which assumptions: {use.sentence()}"))
            steps.append(Step("Which assumptions are necessary (each dropped in turn): "
                              + necessity_sentence(necessity(result, settings, use))))
        kind = refutation_class(result, settings)
        if kind is not None:
            steps.append(Step(f"Where the claim fails: {kind.sentence()}"))
    expected = (f" (expected {claim.expected.value}" + (f", {claim.expected_source}" if claim.expected_source else "")
                + ")") if claim.expected is not None else " (no expected verdict given)"
    title = f"{claim.id}: {result.scoped_verdict()}{expected}"
    return Derivation(title, tuple(steps))


#: what a proof by a route other than a solver's unsatisfiability shows
_PROOF_WORDS = {
    "sympy-identity": "the two sides simplify to the same expression, and both are defined wherever the "
                      "assumptions hold",
    "sympy-sign": "SymPy settles the sign from the symbols' own assumptions",
    "exact-evaluation": "the statement has no symbols: it was evaluated exactly (interval arithmetic, exact "
                        "zero tests)",
}


def _verdict_sentence(ob: Obligation, v) -> str:
    constant = ob.decided_statement if isinstance(ob.decided_statement, sp.logic.boolalg.BooleanAtom) else None
    if constant is not None and v.status in (Status.PROVED, Status.REFUTED, Status.WITNESS):
        # no solver saw it: say what settled it, not a satisfiability argument nobody made
        how = method_words(v.method)
        if ob.kind is Kind.FORALL:
            return f"{v.status.value.capitalize()} by {how}: the statement is the constant {constant}"
        return (f"An instance exists ({how}): the condition is the constant True" if v.status is Status.WITNESS
                else f"No instance exists ({how}): the condition is the constant False")
    if v.status is Status.PROVED:
        why = _PROOF_WORDS.get(v.method, "the assumptions together with the negation are unsatisfiable")
        return f"Proved by {method_words(v.method)}: {why}"
    if v.status is Status.REFUTED and ob.kind is Kind.FORALL:
        return f"Refuted by {method_words(v.method)}: a counterexample exists (below)"
    if v.status is Status.REFUTED:
        return (f"No instance exists ({method_words(v.method)}: the assumptions together with the condition are "
                "unsatisfiable)")
    if v.status is Status.WITNESS:
        return f"An instance exists ({method_words(v.method)}; below)"
    return f"{v.status.value} ({method_words(v.method)}): {v.reason}"
