"""A claim decided: each of its obligations once, their verdicts combined into the claim's.

:func:`decide_claim` never reads the claim's expected verdict: that is data kept beside it, compared
afterwards (``ClaimResult.as_expected``).

>>> import sympy as sp
>>> from proofs import Claim
>>> a, c = sp.symbols("a c", positive=True)
>>> decide_claim(Claim(id="C.1", statement="monopoly output is positive", claim=(a - c) / 2 > 0,
...                    assumptions={"a > c": a > c})).status.value
'proved'
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Sequence

from symbolic import Kind, Status, Verdict
from symbolic.engine import HYPOTHESIS_NEVER_MET
from symbolic.obligation import Obligation, Role, decide_obligation
from symbolic.settings import Settings

from .claim import Claim, ClaimResult, excluded_sizes_of
from .inputs import input_checks
from .scopes import fixed_sizes, size_of

__all__ = ["decide_claim", "decide_obligation_once", "combine_verdicts"]


def decide_claim(claim: Claim, timeout: float = 10.0, core: bool = False, *,
                 settings: Settings | None = None, cross_checks: bool = True) -> ClaimResult:
    """Decide every obligation of ``claim`` and combine the verdicts.

    ``forall`` claims are proved when every decision obligation is proved and
    refuted by the first certified counterexample; ``exists`` claims are
    witnessed by any witness and refuted when every obligation is.  A
    cross-check obligation that does not agree turns the verdict into
    ``unknown`` with both answers named.  The claim's time limit is shared by
    its obligations: one that would start past it is ``unknown``.  ``cross_checks=False`` decides the
    decisions alone (the ablation's re-decisions: a cross-check confirms a verdict, it never makes one).
    """
    settings = settings or Settings(timeout=timeout, core=core)
    claim.validate()
    start = time.monotonic()
    results = []
    for ob in claim.obligations():
        if not cross_checks and ob.role is Role.CROSS_CHECK:
            continue
        remaining = settings.timeout - (time.monotonic() - start)
        if remaining <= 0:
            v = Verdict.make(Status.UNKNOWN, ob.kind, "none", 0.0, reason="time limit reached (the claim's)",
                             timed_out=True)
        else:
            v = decide_obligation_once(ob, settings.merge(timeout=remaining))
        results.append((ob, v))
    excluded = excluded_sizes_of(results)
    at = [i for i, (ob, _) in enumerate(results) if ob.role is Role.DECISION]
    decisions = [results[i] for i in at]
    verdict = combine_verdicts(claim.kind, [v for _, v in decisions], labels=[ob.label for ob, _ in decisions],
                               excluded=[k for k, i in enumerate(at) if i in excluded],
                               sizes=[ob.fixed_text() for ob, _ in decisions])
    # a cross-check at a size the assumptions exclude admits nothing either: no disagreement
    gone = {results[i][0].fixed_text() for i in excluded}
    crosses = [(ob, v) for i, (ob, v) in enumerate(results) if ob.role is Role.CROSS_CHECK and i not in excluded
               and not (v.status is Status.VACUOUS and ob.fixed and ob.fixed_text() in gone)]
    # a cross-check that answered otherwise disagrees; one left undecided (time limit) confirms nothing
    disagreements = [(ob, v) for ob, v in crosses if v.status not in (verdict.status, Status.UNKNOWN)]
    undecided = [ob for ob, v in crosses if v.status is Status.UNKNOWN]
    if disagreements and verdict.status is not Status.UNKNOWN:
        ob, v = disagreements[0]
        verdict = Verdict.make(Status.UNKNOWN, claim.kind, verdict.method, 0.0,
                               reason=f"cross-check {ob.label!r} gave {v.status.value} "
                                      f"while the decision gave {verdict.status.value}")
    elif undecided and verdict.status is not Status.UNKNOWN:
        verdict = replace(verdict, notes=verdict.notes + (
            f"{len(undecided)} of {len(crosses)} cross-checks not decided within the time limit (first: "
            f"{undecided[0].label!r}); the verdict rests on the decisions",))
    real_size = _non_integer_size(claim, verdict)
    if real_size:
        verdict = replace(verdict, notes=verdict.notes + (real_size,))
    checks = input_checks(claim)  # an unrelated assumption, a lone symbol, a mislabelled assumption
    checks += _vacuous_hypotheses(decisions, verdict)
    if checks:
        verdict = replace(verdict, notes=verdict.notes + checks)
    seconds = time.monotonic() - start
    return ClaimResult(claim, verdict.with_seconds(seconds), tuple(results), checks=checks)


def _vacuous_hypotheses(decisions, verdict: Verdict) -> tuple[str, ...]:
    """A check line where a proof holds only because an implication's hypothesis never holds (the engine's
    note): a claim about no case reads as a theorem in every table otherwise."""
    if verdict.status is not Status.PROVED:
        return ()
    empty = [ob.label for ob, v in decisions if HYPOTHESIS_NEVER_MET in v.notes]
    if not empty:
        return ()
    which = "" if len(decisions) == 1 else "; ".join(f"decision {label!r}" for label in empty) + ": "
    return (f"{which}the hypothesis of the implication never holds where the assumptions do: it is proved only "
            "vacuously, about no case at all; check the assumptions against the hypothesis",)


def _non_integer_size(claim: "Claim", verdict: Verdict) -> str:
    """A note where the scope's size is a symbol not declared an integer: a scope names sizes, but what was
    decided is about the symbol as declared (every real ``n``, or the listed values only)."""
    fixed = fixed_sizes(claim.scope)
    name = fixed[0] if fixed else size_of(claim.scope)
    symbols = {s for ob in claim.decisions for s in ob.free_symbols if s.name == name}
    symbols |= {s for ob in claim.decisions for s, _ in (ob.fixed or ()) if s.name == name}
    if not name or not symbols or all(s.is_integer for s in symbols):
        return ""
    declared = f"{name} is not declared an integer (Symbol({name!r}, integer=True))"
    if fixed:
        return f"{declared}, yet the scope names sizes: decided at {claim.scope} only, not between them"
    point = verdict.counterexample or verdict.witness or {}
    value = next((v for s, v in point.items() if s in symbols), None)
    if value is not None and not (getattr(value, "is_integer", False) and value >= 0):
        what = "counterexample" if verdict.counterexample else "witness"
        return (f"{declared}: the {what} has {name} = {value}, which is no size; the verdict is for every real "
                f"{name} the assumptions admit, not for sizes only")
    stronger = ", which includes every size" if verdict.status is Status.PROVED else ""
    return f"{declared}: decided for every real {name} the assumptions admit{stronger}"


def _notes_of_decisions(verdicts: Sequence[Verdict], labels: Sequence[str]) -> tuple[str, ...]:
    """Every decision's notes once; one that only some decisions have names them (``decision 'concavity': the
    statement is the constant True...`` is not said of the claim)."""
    if len(labels) != len(verdicts) or len(verdicts) < 2:
        return tuple(dict.fromkeys(n for v in verdicts for n in v.notes))
    out: dict[str, list[str]] = {}
    for label, v in zip(labels, verdicts):
        for n in v.notes:
            out.setdefault(n, []).append(label)
    return tuple(n if len(which) == len(verdicts) else
                 "; ".join(f"decision {w!r}" for w in which) + f": {n}" for n, which in out.items())


#: decided obligations of this run, keyed by the question (the obligation) and the answer's conditions
_DECIDED: dict = {}


def decide_obligation_once(ob: Obligation, settings: Settings) -> Verdict:
    """Decide once: the report, the derivation and the ablation ask the same questions.

    Keyed by the obligation (its statement, quantifier, named assumptions and
    families) and whether cores are wanted.  A definite verdict does not depend
    on the time limit, so it is reused under any limit; an ``unknown`` is
    reused only under a limit no longer than the one it got.
    """
    # a verdict decided with its core answers the same question asked without one
    for key in ((ob, settings.core),) + (((ob, True),) if not settings.core else ()):
        hit = _DECIDED.get(key)
        if hit is not None:
            verdict, limit = hit
            if verdict.status is not Status.UNKNOWN or settings.timeout <= limit:
                return verdict
    key = (ob, settings.core)
    verdict = _with_fixed_sizes(ob, decide_obligation(ob, settings))
    if len(_DECIDED) < 20_000:
        _DECIDED[key] = (verdict, settings.timeout)
    return verdict


def _with_fixed_sizes(ob: Obligation, verdict: Verdict) -> Verdict:
    """A decision at a fixed size: its point names the size (``{n: 1}``, not ``{}`` where setting n = 1 left no
    symbol), and a constant is said to come from setting the size, not from how the claim was written."""
    if not ob.fixed:
        return verdict
    point = verdict.point
    if point is not None:
        verdict = verdict.with_point({**dict(ob.fixed), **point})
    # the one assumption SymPy's constant False made vacuous (its core) is one undefined at the size
    undefined = next((name for name in ob.undefined_at_size if verdict.method == "sympy-constant"
                      and verdict.core == (name,)), None)
    if verdict.status is Status.VACUOUS and undefined is not None:
        verdict = replace(verdict, reason=f"the assumption {undefined!r} is undefined once {ob.fixed_text()} was set "
                          "(a condition of its definition fails there, or a side is not a real number), so it holds nowhere there")
    elif verdict.status is Status.VACUOUS and verdict.reason and "when it was written" in verdict.reason:
        verdict = replace(verdict, reason=verdict.reason.replace("when it was written", f"once {ob.fixed_text()} was set"))
    if ob.settled_at_construction:
        said = (f"setting {ob.fixed_text()} made the {'statement' if ob.kind is Kind.FORALL else 'condition'} the "
                f"constant {ob.statement}: SymPy evaluated it from the symbols' own assumptions, nothing is left "
                "to decide")
        verdict = replace(verdict, notes=tuple(said if "evaluated it when it was built" in n else n
                                               for n in verdict.notes))
    return verdict


def combine_verdicts(kind: Kind, verdicts: Sequence[Verdict], labels: Sequence[str] = (),
                     excluded: Sequence[int] = (), sizes: Sequence[str] = ()) -> Verdict:
    """One claim's verdict from its decision obligations' verdicts (``labels``: theirs, to say which decision a
    note is about when not every decision has it).

    ``excluded``: positions of decisions at a size the assumptions exclude (see :func:`excluded_sizes_of`;
    ``sizes``: each decision's fixed size in words): they are left out, with a note, as the claim is about
    the sizes its assumptions admit.  A vacuous decision otherwise makes the claim vacuous.
    """
    methods = sorted({v.method for v in verdicts})
    method = "+".join(methods) + (f" ({len(verdicts)} decisions)" if len(verdicts) > 1 else "")
    excluded = sorted(set(excluded))
    if excluded and len(excluded) < len(verdicts):
        kept = [i for i in range(len(verdicts)) if i not in excluded]
        rest = combine_verdicts(kind, [verdicts[i] for i in kept],
                                [labels[i] for i in kept] if len(labels) == len(verdicts) else ())
        words = "; ".join(labels[i] if len(labels) == len(verdicts) else sizes[i] for i in excluded)
        note = (f"{words}: the assumptions admit no parameters at {'this size' if len(excluded) == 1 else 'these sizes'}"
                f" (the same decision admits some at another), so the verdict is that of the other {len(kept)} "
                f"decision{'s' if len(kept) > 1 else ''}")
        return replace(rest, method=method, notes=rest.notes + (note,))
    statuses = [v.status for v in verdicts]
    core = None if any(v.core is None for v in verdicts) else tuple(dict.fromkeys(c for v in verdicts for c in v.core))
    notes = _notes_of_decisions(verdicts, labels)
    if kind is Kind.FORALL:
        for v in verdicts:
            if v.status is Status.REFUTED:
                return Verdict.make(Status.REFUTED, kind, method, 0.0, point=v.counterexample, reason=v.reason,
                                    notes=notes, family=v.family)
        if all(s is Status.PROVED for s in statuses):
            return Verdict.make(Status.PROVED, kind, method, 0.0, core=core, notes=notes)
    else:
        for v in verdicts:
            if v.status is Status.WITNESS:
                return Verdict.make(Status.WITNESS, kind, method, 0.0, point=v.witness, reason=v.reason, notes=notes,
                                    family=v.family)
        if all(s is Status.REFUTED for s in statuses):
            return Verdict.make(Status.REFUTED, kind, method, 0.0, reason="no instance exists", core=core, notes=notes)
    unknown = [v for v in verdicts if v.status is Status.UNKNOWN]
    if unknown:
        # more seconds may decide it only where every undecided decision reached the time limit
        return Verdict.make(Status.UNKNOWN, kind, method, 0.0, reason=unknown[0].reason, notes=notes,
                            timed_out=all(v.timed_out for v in unknown))
    vacuous = [v for v in verdicts if v.status is Status.VACUOUS]
    return Verdict.make(Status.VACUOUS, kind, method, 0.0, reason=vacuous[0].reason, core=vacuous[0].core,
                        notes=notes)
