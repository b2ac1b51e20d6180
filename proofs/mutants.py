"""Every proof must be able to fail: mutants of each proved claim, decided like the claim.

:func:`mutant_report` takes a proved claim's decision obligations, makes
mutants of their statements (:mod:`symbolic.mutants`: flipped strictness,
shifted thresholds, dropped hypotheses, swapped parameters), decides each
under the obligation's own assumptions (and concrete families), and counts a
mutant *killed* when it is refuted with a certified counterexample.  A proved
claim with no killed mutant is flagged: the check may be vacuous.  A mutant
that is proved and that the claim itself implies, whatever its assumptions
(a weaker statement), is not counted: no check could refute it.
"""

from __future__ import annotations

import os
import re

from dataclasses import dataclass

import sympy as sp

from symbolic import Status
from symbolic.mutants import mutants
from symbolic.obligation import Obligation
from symbolic.settings import Settings

from .claim import ClaimResult
from .decide import decide_obligation_once

__all__ = ["MutantReport", "mutant_report", "MUTANTS_PER_CLAIM"]

#: mutants decided per claim (spread over its decision obligations)
MUTANTS_PER_CLAIM = 8
#: time limit of one mutant's decision (a mutant is a near copy of a decided statement)
MUTANT_TIMEOUT = 5.0


@dataclass(frozen=True)
class MutantReport:
    """How many mutants were decided, how many were refuted, and which survived."""

    generated: int
    killed: int
    survivors: tuple[str, ...]  #: mutants still proved (true too: equivalent, weaker, or true for another reason)
    undecided: tuple[str, ...] = ()  #: mutants the engine could not decide
    survivors_latex: tuple[str, ...] = ()  #: the same, their formulas typeset (for the report)
    undecided_latex: tuple[str, ...] = ()
    #: mutants proved and implied by the claim itself, whatever its assumptions (weaker statements): not
    #: counted in ``generated``, since no check could refute them
    implied: tuple[str, ...] = ()

    @property
    def made_any(self) -> bool:
        """Whether any mutant was made (a constant statement has none): counted or implied by the claim."""
        return bool(self.generated or self.implied)

    def as_dict(self) -> dict:
        return {"generated": self.generated, "killed": self.killed, "survivors": list(self.survivors),
                "undecided": list(self.undecided), "implied_not_counted": list(self.implied)}

    def summary(self) -> str:
        if not self.generated and self.implied:
            return (f"every mutant made ({len(self.implied)}) is weaker than the claim itself, which implies it "
                    f"whatever the assumptions (e.g. {_short(self.implied[0])}): nothing shows the check can fail")
        if not self.generated:
            return "no mutant could be made (the statement is a constant): nothing shows the check can fail"
        if not self.killed and self.undecided and not self.survivors:
            return (f"no mutant decided ({self.generated} generated, all undecided: "
                    f"{_short(self.undecided[0])}{'...' if len(self.undecided) > 1 else ''}): nothing shows the "
                    "check can fail, nor that it cannot")
        if not self.killed:
            return f"no mutant refuted ({self.generated} generated): the check may be vacuous"
        text = f"{self.killed} of {self.generated} refuted"
        for label, which in (("survived", self.survivors), ("undecided", self.undecided),
                             ("not counted, weaker than the claim itself", self.implied)):
            if which:
                names = list(dict.fromkeys(which))  # one mutation can survive in several decisions
                text += f"; {label}: " + "; ".join(_short(n) for n in names[:3]) + ("..." if len(names) > 3 else "")
        return text


#: the words of a mutant's description (symbolic.mutants), kept whole when its formulas are shortened
_MUTATION_WORDS = re.compile(r"(^hypothesis | made (?:weak|strict) \([<>=]+\)$| made an (?:equation|inequation)$"
                             r"| shifted to | reversed to | dropped from the \w+ side$| dropped$| and | swapped$)")


def _short(description: str, width: int = 72) -> str:
    """A mutant's description on one line (a shifted threshold can be a formula of pages): its formulas are
    shortened, never the words that say what was mutated; what a formula and its mutant share is elided
    first, so that the change stays in view.

    >>> _short("a*b + c*d + e*f + g*h + i*j > k shifted to a*b + c*d + e*f + g*h + i*j > k + 1", 50)
    '…g*h + i*j > k shifted to …g*h + i*j > k + 1'
    >>> _short("x**2 > 1 made weak (>=)")
    'x**2 > 1 made weak (>=)'
    >>> _short("(a - c)**2*n/(b*(n + 1)**2) > (a - c)**2/(4*b) shifted to (a - c)**2*n/(b*(n + 1)**2) > "
    ...        "(a - c)**2/(4*b) + 1", 60)
    '…- c)**2/(4*b) shifted to …- c)**2/(4*b) + 1'
    """
    one_line = " ".join(description.split())
    if len(one_line) <= width:
        return one_line
    parts = _MUTATION_WORDS.split(one_line)
    formulas = [i for i, part in enumerate(parts) if i % 2 == 0 and part]
    if len(formulas) == 2:  # "A shifted to B": what they share is elided, so the change stays in view
        first, second = parts[formulas[0]], parts[formulas[1]]
        shared = len(os.path.commonprefix([first, second])) - 12  # a few shared characters stay, for context
        shared = first.rfind(" ", 0, max(shared, 0)) + 1  # at a word's start
        if shared > 8:
            parts[formulas[0]], parts[formulas[1]] = "…" + first[shared:], "…" + second[shared:]
            one_line = "".join(parts)
            if len(one_line) <= width:
                return one_line
    words = sum(len(part) for i, part in enumerate(parts) if i % 2 == 1)
    if not formulas or width - words < 8 * len(formulas):
        return one_line[:width - 1] + "…"
    share = (width - words) // len(formulas)
    return "".join(part[:share - 1] + "…" if i in formulas and len(part) > share else part
                   for i, part in enumerate(parts))


def mutant_report(result: ClaimResult, settings: Settings | None = None,
                  per_claim: int = MUTANTS_PER_CLAIM) -> MutantReport | None:
    """Mutants of a *proved* claim's decisions, decided; ``None`` for any other verdict."""
    if result.status is not Status.PROVED:
        return None
    settings = (settings or Settings()).merge(timeout=min((settings or Settings()).timeout, MUTANT_TIMEOUT))
    decisions = [ob for ob, _ in result.admitted_decisions]  # a size the assumptions exclude has no mutant to kill
    per_ob = [list(mutants(ob.decided_statement, limit=per_claim, assumptions=[a for _, a in ob.assumptions]))
              for ob in decisions]
    chosen: list[tuple[Obligation, object]] = []
    while len(chosen) < per_claim and any(per_ob):  # round-robin over the decisions
        for ob, ms in zip(decisions, per_ob):
            if ms and len(chosen) < per_claim:
                chosen.append((ob, ms.pop(0)))
    killed, survivors, undecided, survivors_tex, undecided_tex, implied = 0, [], [], [], [], []
    for ob, m in chosen:
        mutated = Obligation(f"{ob.label} [mutant: {m.description}]", ob.kind, m.statement, ob.assumptions,
                             ob.role, ob.families)
        v = decide_obligation_once(mutated, settings)
        # one mutation of several decisions (a size each) may survive at one and be undecided at another: where
        said = m.description + (f" (at {ob.fixed_text()})" if len(decisions) > 1 and ob.fixed else
                                f" (in {ob.label})" if len(decisions) > 1 else "")
        if v.status is Status.REFUTED:
            killed += 1
        elif v.status is Status.PROVED and _implied(ob, m.statement, settings):
            implied.append(said)  # weaker than the claim itself: its proof shows nothing
        elif v.status is Status.PROVED:
            survivors.append(said)
            survivors_tex.append(m.latex)
        else:
            undecided.append(said)
            undecided_tex.append(m.latex)
    return MutantReport(len(chosen) - len(implied), killed, tuple(survivors), tuple(undecided), tuple(survivors_tex),
                        tuple(undecided_tex), tuple(implied))


#: time limit of asking whether a proved mutant is implied by the claim
IMPLIED_TIMEOUT = 2.0


def _implied(ob: Obligation, mutant, settings: Settings) -> bool:
    """Whether the claim implies its mutant wherever its symbols are as declared, *without* its assumptions
    (proved by the engine): then the mutant is weaker than the claim itself, and no check could refute it.
    Asked under the assumptions it would be trivial: a proved claim and a proved mutant imply each other there,
    while a mutant proved only because the assumptions leave slack (x - y > 1 where x > 3, y < 1) is a survivor
    that says so."""
    question = Obligation(f"{ob.label} [does the claim imply its mutant?]", ob.kind,
                          sp.Implies(ob.decided_statement, mutant), (), ob.role, ob.families)
    asked = settings.merge(timeout=min(settings.timeout, IMPLIED_TIMEOUT))
    return decide_obligation_once(question, asked).status is Status.PROVED
