"""Derivations of decided claims, which assumptions they use, and ablations.

:func:`derive` turns a :class:`~proofs.registry.ClaimResult` into a
:class:`~symbolic.derivation.Derivation`: the model's primitives and derived
conditions, the assumptions, each decided statement with the engine's rewrite
of its relations, the verdict with the minimal set of assumptions it used (the
solver's unsatisfiable core, minimised by dropping one instance at a time),
and the certificate -- the exact point evaluated, or the route of the proof.

:func:`assumption_use` says which assumptions a proved claim needs;
:func:`refutation_class` says whether a refuted claim is false everywhere the
assumptions hold or only somewhere (the classes TheoryGuru reports);
:func:`ablation` re-decides claims with one named assumption dropped at a time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, Sequence

import sympy as sp
from sympy.core.relational import Relational

from symbolic import Kind, Status, exists
from symbolic.derivation import Derivation, Step, clearing_step

from .registry import Claim, ClaimResult, Obligation, decide_claim

__all__ = ["derive", "assumption_group", "AssumptionUse", "assumption_use", "refutation_class",
           "ablation", "MODEL_STEPS"]


def _section5_steps():
    from symbolic.section5 import model_steps

    return model_steps()


#: section -> the model's primitives and derived conditions as steps
MODEL_STEPS: dict[str, Callable[[], Sequence[Step]]] = {"5": _section5_steps}


def assumption_group(name: str) -> str:
    """The named assumption an instance belongs to: ``A2(1,k)`` -> ``A2``, ``theta_k >= 1`` -> ``theta >= 1``.

    >>> assumption_group("A1(k,j)"), assumption_group("theta_3 >= 1"), assumption_group("V > 1")
    ('A1', 'theta >= 1', 'V > 1')
    """
    m = re.match(r"^([A-Za-z]\w*)\(", name)
    if m:
        return m.group(1)
    m = re.match(r"^([A-Za-z]+)_\w+ (>=|<=|>|<) (.+)$", name)
    if m:
        return f"{m.group(1)} {m.group(2)} {m.group(3)}"
    return name


@dataclass(frozen=True)
class AssumptionUse:
    """Which named assumptions a proof uses (instances) and which it does not (groups)."""

    used: tuple[str, ...]
    unused_groups: tuple[str, ...]
    #: the minimal core of each decision, in order
    per_decision: tuple[tuple[str, ...], ...] = ()

    @property
    def used_groups(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(assumption_group(n) for n in self.used))

    def sentence(self) -> str:
        if not self.used:
            text = "uses none of the named assumptions (positivity of the parameters suffices)"
        else:
            parts = []
            for g in self.used_groups:
                inst = [n for n in self.used if assumption_group(n) == g]
                parts.append(g if inst == [g] else f"{g} for " + ", ".join(_instance(n) for n in inst))
            text = "uses " + "; ".join(parts)
        if self.unused_groups:
            text += "; does not use " + ", ".join(self.unused_groups)
        return text


def _instance(name: str) -> str:
    m = re.match(r"^[A-Za-z]\w*\((.*)\)$", name)
    if m:
        return "sectors " + " and ".join(m.group(1).split(","))
    m = re.match(r"^[A-Za-z]+_(\w+) (>=|<=|>|<) .+$", name)
    if m:
        return f"sector {m.group(1)}"
    return name


def _decisions(result: ClaimResult):
    return [(ob, v) for ob, v in result.obligations if ob.role == "decision"]


def assumption_use(result: ClaimResult, timeout: float = 10.0) -> AssumptionUse | None:
    """The minimal assumption instances a *proved* claim uses, over all its decisions."""
    if result.status is not Status.PROVED:
        return None
    used: list[str] = []
    groups: list[str] = []
    cores = []
    for ob, _ in _decisions(result):
        core = ob.decide(timeout=timeout, core=True).core
        cores.append(core)
        used += [n for n in core if n not in used]
        groups += [assumption_group(n) for n, _ in ob.assumptions]
    used_groups = {assumption_group(n) for n in used}
    unused = tuple(g for g in dict.fromkeys(groups) if g not in used_groups)
    return AssumptionUse(tuple(used), unused, tuple(cores))


@dataclass(frozen=True)
class RefutationClass:
    """Where a refuted claim fails: everywhere the assumptions hold, or only somewhere."""

    everywhere: bool | None  #: None when the engine could not tell
    holds_at: dict | None = None  #: an exact point where the claim does hold (when not false everywhere)

    def sentence(self) -> str:
        if self.everywhere is None:
            return "could not decide whether the claim holds anywhere"
        if self.everywhere:
            return "false everywhere the assumptions hold"
        point = ", ".join(f"{s} = {sp.sstr(v)}" for s, v in sorted(self.holds_at.items(), key=lambda kv: kv[0].name))
        return f"false somewhere but not everywhere; it holds, for example, at {point}"


def refutation_class(result: ClaimResult, timeout: float = 10.0) -> RefutationClass | None:
    """For a refuted universal claim: is it false everywhere or only somewhere?"""
    if result.status is not Status.REFUTED or result.claim.kind is not Kind.FORALL:
        return None
    failing = [ob for ob, v in _decisions(result) if v.status is Status.REFUTED]
    # the claim holds somewhere iff every decision holds at one common point
    everything = sp.And(*[ob.statement for ob, _ in _decisions(result)])
    ob = failing[0]
    v = exists(everything, dict(ob.assumptions), timeout=timeout)
    if v.status is Status.WITNESS:
        return RefutationClass(False, v.witness)
    if v.status is Status.REFUTED:
        return RefutationClass(True)
    return RefutationClass(None)


def _relations(b) -> list[Relational]:
    return sorted(b.atoms(Relational), key=sp.default_sort_key)


def _point_latex(point: dict) -> str:
    items = [f"{sp.latex(s)} = {sp.latex(v)}" for s, v in sorted(point.items(), key=lambda kv: kv[0].name)]
    rows = [", ".join(items[i:i + 4]) for i in range(0, len(items), 4)]
    return r", \\ & ".join(rows)


def _point_text(point: dict) -> str:
    return ", ".join(f"{s} = {sp.sstr(v)}" for s, v in sorted(point.items(), key=lambda kv: kv[0].name))


def _evaluation_steps(statement, point: dict) -> list[Step]:
    steps = []
    for rel in _relations(statement):
        lhs, rhs = sp.nsimplify(rel.lhs.xreplace(point)), sp.nsimplify(rel.rhs.xreplace(point))
        truth = type(rel)(lhs, rhs)
        steps.append(Step(
            f"At this point {sp.sstr(rel)} is {'true' if truth is sp.true else 'false'}",
            latex=rf"{sp.latex(rel)}:\quad {sp.latex(lhs)} \;\text{{vs}}\; {sp.latex(rhs)}",
            plain=f"{sp.sstr(lhs)} vs {sp.sstr(rhs)}"))
    return steps


def derive(result: ClaimResult, *, with_assumption_use: bool = True, timeout: float = 10.0,
           include_model: bool = True, assumptions_as_math: bool = True) -> Derivation:
    """The derivation of a decided claim, from the SymPy objects the engine used.

    ``include_model=False`` and ``assumptions_as_math=False`` leave out what a
    report states once per section (the model, the assumption instances).
    """
    claim, verdict = result.claim, result.verdict
    steps: list[Step] = [Step(f"Claim {claim.id} ({claim.place}): {claim.statement}")]
    if claim.quote:
        steps.append(Step(f'The paper: "{claim.quote}"'))
    if claim.formalization == "project":
        steps.append(Step("The paper is informal here; this is the project's formalization (MODEL.md)"))
    model = MODEL_STEPS.get(claim.section) if include_model else None
    if model is not None:
        steps.append(Step("The model"))
        steps += list(model())
    decisions = _decisions(result)
    use = assumption_use(result, timeout=timeout) if with_assumption_use else None
    shown: dict[str, sp.Boolean] = {}
    for ob, _ in decisions:
        for name, a in ob.assumptions:
            shown.setdefault(name, a)
    if shown and assumptions_as_math:
        steps.append(Step(f"Assumptions ({claim.assumptions}), one named instance each"))
        steps += [Step(name, a) for name, a in shown.items()]
    elif shown:
        steps.append(Step(f"Assumptions ({claim.assumptions}): " + ", ".join(shown)))
    seen: set = set()
    for i, (ob, v) in enumerate(decisions, 1):
        quant = "For all admissible parameters" if ob.kind is Kind.FORALL else "There exist admissible parameters with"
        steps.append(Step(f"Decision {i} of {len(decisions)}: {ob.label}. {quant}", ob.statement))
        for rel in _relations(ob.statement):
            if rel in seen:
                continue
            seen.add(rel)
            rewrite = clearing_step(rel)
            if rewrite.text.startswith("Multiply"):  # only rewrites that clear a denominator
                steps.append(Step(rewrite.text, latex=rf"{sp.latex(rel)} \iff {sp.latex(rewrite.math)}",
                                  plain=f"{sp.sstr(rel)}  <=>  {sp.sstr(rewrite.math)}"))
        sentence = _verdict_sentence(ob, v)
        if use is not None:
            core = use.per_decision[i - 1]
            sentence += "; it uses " + (", ".join(core) if core else "no named assumption")
        steps.append(Step(sentence))
    if verdict.point is not None:
        label = "Counterexample" if verdict.counterexample is not None else "Witness"
        steps.append(Step(f"{label}, exact, certified by substitution into every assumption and the claim",
                          latex=_point_latex(verdict.point), plain=_point_text(verdict.point)))
        target = next(ob for ob, v in decisions if v.point == verdict.point)
        steps += _evaluation_steps(target.statement, verdict.point)
    if claim.note:
        steps.append(Step(claim.note))
    cross = [(ob, v) for ob, v in result.obligations if ob.role == "cross-check"]
    if cross:
        steps.append(Step("Cross-checks: " + "; ".join(f"{ob.label}: {v.status.value}"
                                                        for ob, v in cross)))
    if with_assumption_use:
        if use is not None:
            steps.append(Step(f"Which assumptions the proof needs: it {use.sentence()}"))
        kind = refutation_class(result, timeout=timeout)
        if kind is not None:
            steps.append(Step(f"Where the claim fails: {kind.sentence()}"))
    title = f"{claim.id}: {verdict.status.value} (expected {claim.expected.value}, {claim.expected_source})"
    return Derivation(title, tuple(steps))


def _verdict_sentence(ob: Obligation, v) -> str:
    if v.status is Status.PROVED:
        return f"Proved by {v.method}: the assumptions together with the negation are unsatisfiable"
    if v.status is Status.REFUTED and ob.kind is Kind.FORALL:
        return f"Refuted by {v.method}: a counterexample exists (below)"
    if v.status is Status.REFUTED:
        return f"No instance exists ({v.method}: the assumptions together with the condition are unsatisfiable)"
    if v.status is Status.WITNESS:
        return f"An instance exists ({v.method}; below)"
    return f"{v.status.value} ({v.method}): {v.reason}"


def ablation(claims: Sequence[Claim], timeout: float = 10.0) -> tuple[list[str], list[tuple[str, str, dict]]]:
    """Each claim's verdict with each named assumption group dropped in turn.

    Returns the group names and rows ``(claim id, verdict with all assumptions,
    {group: verdict without it})``; a group a claim does not assume is ``"-"``.
    """
    groups: list[str] = []
    for c in claims:
        for ob in c.obligations():
            groups += [assumption_group(n) for n, _ in ob.assumptions]
    groups = list(dict.fromkeys(groups))
    rows = []
    for c in claims:
        base = decide_claim(c, timeout=timeout).status.value
        cells = {}
        own = {assumption_group(n) for ob in c.obligations() for n, _ in ob.assumptions}
        for g in groups:
            if g not in own:
                cells[g] = "-"
                continue
            dropped = replace(c, build=_without(c, g))
            cells[g] = decide_claim(dropped, timeout=timeout).status.value
        rows.append((c.id, base, cells))
    return groups, rows


def _without(claim: Claim, group: str):
    def build():
        return [replace(ob, assumptions=tuple((n, a) for n, a in ob.assumptions if assumption_group(n) != group))
                for ob in claim.obligations() if ob.role == "decision"]
    return build
