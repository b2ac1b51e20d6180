r"""The second opinion on a decided claim: every obligation's verdict cross-checked.

:func:`cross_check_claim` takes a :class:`~proofs.registry.ClaimResult` and
asks :func:`symbolic.second_opinion.cross_check` about each obligation whose
verdict makes the claim's verdict.  The claim-level outcome is

* ``disagree`` if any cross-checked obligation disagrees -- the claim's verdict
  then becomes ``unknown`` with both answers in its reason;
* ``agree`` if every obligation the verdict rests on agrees (all of them for
  ``proved``, ``vacuous`` and an ``exists`` refutation; the obligation carrying
  the counterexample or the witness otherwise);
* ``could-not-confirm`` otherwise (cvc5 timed out or answered ``unknown``, or
  the obligation is outside its fragment): the engine's verdict stands.

``cross-check`` obligations (the fixed-J decisions behind a generic-index
argument) are confirmed too when ``include_cross_checks`` is set; they do not
change the claim's verdict unless they disagree.

>>> from proofs import get_claim, decide_claim
>>> checked = cross_check_claim(decide_claim(get_claim("S5.1")), timeout=10)
>>> checked.outcome.value, checked.verdict.status.value
('agree', 'proved')
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

from symbolic import Kind, Status, Verdict
from symbolic.second_opinion import CrossCheck, Outcome, cross_check

from symbolic.obligation import Obligation, Role

from .claim import ClaimResult

__all__ = ["ClaimCrossCheck", "cross_check_claim", "with_cross_check", "Outcome"]


@dataclass(frozen=True)
class ClaimCrossCheck:
    """The second opinion on one claim: the outcome, the verdict to report, each obligation's check."""

    claim_id: str
    outcome: Outcome
    #: the claim's verdict after the cross-check: the engine's, or ``unknown`` with both answers
    verdict: Verdict
    #: (obligation label, its cross-check) for every obligation asked about
    checks: tuple[tuple[str, CrossCheck], ...]
    seconds: float

    @property
    def disagreements(self) -> tuple[tuple[str, CrossCheck], ...]:
        return tuple((label, c) for label, c in self.checks if c.disagrees)

    @property
    def why(self) -> str:
        """One line: why the second route could not confirm (or disagrees), '' when it agrees."""
        if self.outcome is Outcome.AGREE:
            return ""
        for label, c in self.checks:
            if not c.agrees:
                by = "" if c.method == "none" else f"{c.method} "  # nothing was asked of a second route
                return f"{label}: {by}{c.second}" + (f" ({c.reason})" if c.reason else "")
        return "no obligation the verdict rests on could be cross-checked"

    def as_dict(self) -> dict:
        """A JSON-ready dictionary."""
        return {"claim": self.claim_id, "outcome": self.outcome.value, "status": self.verdict.status.value,
                "seconds": round(self.seconds, 4),
                "obligations": [{"obligation": label, **c.as_dict()} for label, c in self.checks]}

    def __str__(self) -> str:
        lines = [f"{self.claim_id}: cross-check {self.outcome.value} ({self.seconds:.2f} s)"]
        lines += [f"  {label}: {c}" for label, c in self.checks]
        return "\n".join(lines)


def _relevant(result: ClaimResult, include_cross_checks: bool) -> list[tuple[Obligation, Verdict]]:
    """The obligations the claim's verdict rests on (and the cross-check obligations if asked)."""
    excluded = result.excluded  # sizes the assumptions exclude: not what the verdict rests on
    decisions = [(ob, v) for i, (ob, v) in enumerate(result.obligations) if ob.role is Role.DECISION
                 and i not in excluded]
    status, kind = result.verdict.status, result.claim.kind
    chosen: list = []
    if status is Status.REFUTED and kind is Kind.FORALL:
        chosen = [next((ob, v) for ob, v in decisions if v.status is Status.REFUTED)]
    elif status is Status.WITNESS:
        chosen = [next((ob, v) for ob, v in decisions if v.status is Status.WITNESS)]
    elif status is not Status.UNKNOWN:
        chosen = [(ob, v) for ob, v in decisions if v.status is not Status.UNKNOWN]
    if include_cross_checks:
        chosen += [(ob, v) for i, (ob, v) in enumerate(result.obligations) if ob.role is Role.CROSS_CHECK
                   and i not in excluded]
    return chosen


def cross_check_claim(result: ClaimResult, timeout: float = 10.0, *,
                      include_cross_checks: bool = False) -> ClaimCrossCheck:
    """Cross-check the obligations of a decided claim; ``timeout`` is shared by all of them.

    Never raises on a decided claim: what cvc5 cannot settle in time is
    *could not confirm*.  Use :attr:`ClaimCrossCheck.verdict` as the claim's
    verdict (``unknown`` with both answers when the routes disagree).
    """
    if not isinstance(result, ClaimResult):
        raise TypeError(f"result must be a proofs.ClaimResult, got {type(result).__name__}")
    if not (isinstance(timeout, (int, float)) and timeout > 0):
        raise ValueError(f"timeout must be a positive number of seconds, got {timeout!r}")
    start = time.perf_counter()
    relevant = _relevant(result, include_cross_checks)
    checks = []
    for i, (ob, v) in enumerate(relevant):
        # an even share of what is left, so one slow obligation cannot starve the rest
        left = timeout - (time.perf_counter() - start)
        share = max(0.2, left / (len(relevant) - i))
        ob = ob.with_family(v.family)  # a point found with a concrete function is checked with it
        checks.append((ob.label, cross_check(ob.kind, ob.decided_statement, dict(ob.assumptions), v, timeout=share)))
    seconds = time.perf_counter() - start
    if result.verdict.status is Status.UNKNOWN:
        outcome = Outcome.DISAGREE if any(c.disagrees for _, c in checks) else Outcome.COULD_NOT_CONFIRM
        return ClaimCrossCheck(result.claim.id, outcome, result.verdict, tuple(checks), seconds)
    bad = [(label, c) for label, c in checks if c.disagrees]
    if bad:
        label, c = bad[0]
        reason = (f"the second opinion disagrees on {label!r}: engine {c.engine}; {c.method} {c.second}"
                  + (f" ({c.reason})" if c.reason else ""))
        verdict = Verdict.make(Status.UNKNOWN, result.claim.kind, result.verdict.method + "+cross-check",
                               result.verdict.seconds, reason=reason)
        return ClaimCrossCheck(result.claim.id, Outcome.DISAGREE, verdict, tuple(checks), seconds)
    decision_checks = [c for label, c in checks
                       if any(ob.label == label and ob.role is Role.DECISION for ob, _ in result.obligations)]
    agree = bool(decision_checks) and all(c.agrees for c in decision_checks)
    outcome = Outcome.AGREE if agree else Outcome.COULD_NOT_CONFIRM
    return ClaimCrossCheck(result.claim.id, outcome, result.verdict, tuple(checks), seconds)


def with_cross_check(result: ClaimResult, timeout: float = 10.0, *,
                     include_cross_checks: bool = False) -> tuple[ClaimResult, ClaimCrossCheck]:
    """``result`` with its verdict replaced by the cross-checked one, and the cross-check itself.

    This is the call for ``coordfail verify --cross-check``: a disagreement
    turns the claim's verdict into ``unknown`` (so it no longer matches
    docs/model.md) with both answers in ``verdict.reason``.
    """
    checked = cross_check_claim(result, timeout, include_cross_checks=include_cross_checks)
    return replace(result, verdict=checked.verdict), checked
