"""The routes of :mod:`symbolic.engine` that ask z3: whether the assumptions are satisfiable (``vacuous``
when not), and the search for a proof, a counterexample or an instance on the exact translation of
:mod:`symbolic.translate`.

Each is a plain function ``(problem, domain) -> Verdict | None``.  A point the solver proposes is reported
only once certified (:func:`symbolic.points.certified_point`); where abstraction of ``exp``/``log`` made it
spurious, tangent and chord lines cut it off and z3 is asked again (at most :data:`REFINEMENT_ROUNDS`
times); a value that breaks a symbol assumption z3 sees only weakened (``p = 4`` for a prime ``p``) is ruled
out and z3 asked again (at most :data:`EXCLUSION_ROUNDS` times).  A universal claim that may be undefined
where the assumptions hold is never proved.
"""

from __future__ import annotations

import time
from dataclasses import replace

import sympy as sp
from sympy.core.function import AppliedUndef

from .certify import Uncertifiable, holds, respects_symbol_assumptions
from .constructs import condition_text, domain_conditions
from .points import SIMPLE_SECONDS, certified_point, excluded_values, refinement_lemmas, simple_point
from .problem import Domain, Problem, assumptions_core, check_query, encode
from .sympy_routes import settled_false
from .translate import Unsupported
from .verdict import Kind, Status, Verdict

__all__ = ["vacuity", "z3_search", "simple_verdict", "REFINEMENT_ROUNDS", "EXCLUSION_ROUNDS", "THROUGH_FACTS"]

#: rounds of refinement (tangent and chord lines) when abstraction makes a solver's point spurious
REFINEMENT_ROUNDS = 6
#: rounds that rule out a solver's value breaking a symbol assumption z3 sees only weakened (prime, rational)
EXCLUSION_ROUNDS = 16


def vacuity(p: Problem, d: Domain) -> Verdict | None:
    """``vacuous`` where the assumptions are contradictory (SymPy settled one False, or z3 finds them unsatisfiable)."""
    settled = settled_false(p.named)
    if settled:
        return p.verdict(Status.VACUOUS, "sympy-constant", core=(settled[0],), reason=settled[1])
    r = d.satisfiable
    if r.result == "unsat":
        core = r.core if _core_stands(r.core, p) else None  # None: not known which assumptions contradict
        return p.verdict(Status.VACUOUS, "z3", reason="the assumptions are contradictory" + _which(core), core=core)
    if r.result == "unknown":
        return p.unknown("z3", f"could not decide whether the assumptions are satisfiable ({r.reason})",
                         timed_out=r.timed_out)
    if p.encoding.weakened and _admissible_point_exists(p, []) is False:
        # z3 saw a prime p only as an integer >= 2: Eq(p, 4) was "satisfiable", and the claim "proved"
        return p.verdict(Status.VACUOUS, "z3", reason="the assumptions are contradictory (values that break a "
                         "symbol's own assumptions ruled out)", core=None)
    return None


def _core_stands(core, p: Problem) -> bool:
    """Whether an unsatisfiable core names the assumptions that contradict: not where an assumption left out of it
    has conditions of definition, which stay in the query untracked (x < -1 "cannot hold" beside sqrt(x) < 5,
    whose x >= 0 it rests on)."""
    return core is not None and not any(domain_conditions(a) for n, a in p.named if n not in core)


def _which(core) -> str:
    """Which assumptions the solver found contradictory together (its unsatisfiable core), in words."""
    if not core:
        return ""
    names = ", ".join(repr(c) for c in core)
    return (f": {names} cannot hold" if len(core) == 1 else f": {names} cannot hold together") + \
        " (with the symbols' own declarations)"


def z3_search(p: Problem, d: Domain) -> Verdict | None:
    """z3 on the translation; where abstracted exp/log left it undecided, once more on a richer one."""
    v = _z3_pass(p, d)
    if v is not None and v.status is Status.UNKNOWN and p.remaining() > 0 and not v.timed_out \
            and _has_abstract_atoms(p):
        # a second translation with more true facts about exp, log and powers (they slow some claims down)
        try:
            richer = replace(p, encoding=encode(p, second_pass=True))
        except Unsupported:
            return v
        again = _z3_pass(richer, d)
        if again is not None and again.status is not Status.UNKNOWN:
            return again
    return v


def _has_abstract_atoms(p: Problem) -> bool:
    return any(a.func in (sp.exp, sp.log) for a in p.encoding.atoms)


def _with_definedness(core: tuple[str, ...] | None, d: Domain) -> tuple[str, ...] | None:
    """A proof's core with the assumptions that keep the claim defined (a forall proof needs both)."""
    if core is None or d.problem.kind is not Kind.FORALL:
        return core
    defined = d.defined_core
    return None if defined is None else tuple(dict.fromkeys(core + defined))


def _no_instance(p: Problem, d: Domain) -> str:
    """Why an existence claim has no instance, naming the conditions of definition where it has some: a point
    where the condition is undefined is no instance (Abs(sqrt(x)) = 2 at x = -4 is not, though SymPy says
    Abs(sqrt(-4)) = 2)."""
    enc = p.encoding
    if not enc.claim_domain:
        return "no instance satisfies the assumptions and the condition"
    # a condition true wherever the assumptions hold explains nothing: only those that may fail are named
    may_fail = [c for c, term in zip(d.claim, enc.claim_domain)
                if check_query(p, [enc.facts, enc.premises, enc.assumptions, [f"(not {term})"]]).result != "unsat"]
    if not may_fail:
        return "no instance satisfies the assumptions and the condition"
    named = ", ".join(condition_text(c) for c in may_fail[:_NAMED])
    if check_query(p, [enc.facts, enc.premises, enc.assumptions, list(enc.claim_domain)]).result == "unsat":
        return (f"no instance: the condition is defined at no point the assumptions admit (it needs {named}), and "
                "where it is undefined nothing is an instance")
    return f"no instance satisfies the assumptions and the condition where it is defined (it needs {named})"


#: conditions of definition named in a reason
_NAMED = 4


def _z3_pass(p: Problem, d: Domain) -> Verdict | None:
    v = _z3_search(p, d)
    if p.kind is Kind.FORALL and v is not None and v.status is not Status.REFUTED:
        defined, why = d.defined
        if not defined:  # no proof, but a certified counterexample where the claim is defined still refutes it
            searched = v.reason if v.status is Status.UNKNOWN and v.reason and v.reason != why else ""
            return p.unknown("z3", why + (f" (and no counterexample where it is defined was found: {searched})"
                                          if searched else ""), timed_out=v.timed_out)
    return v


def _z3_search(p: Problem, d: Domain) -> Verdict | None:
    enc = p.encoding
    if p.kind is Kind.FORALL:
        goal = [f"(not {enc.target})"]  # among points where the claim is defined (enc.claim_domain)
    else:
        goal = [enc.target]
    parts = [enc.facts, enc.premises, enc.claim_domain, enc.assumptions]
    refinements: list = []
    atom_vars = [(a.var, "Real") for a in enc.atoms if a.arg is not None and a.func in (sp.exp, sp.log)]
    reason, rounds, exclusions = "", 0, 0
    # once the solver's points prove spurious (exp, log), refinement alone could take every second: the last
    # ones are kept for simple points and the domain check (s = alpha = 1/2 refutes a Solow claim in a moment)
    reserve = min(SIMPLE_SECONDS + 1.0, 0.3 * max(p.remaining(), 0.0)) if atom_vars else 0.0
    while rounds <= REFINEMENT_ROUNDS:
        asked = time.monotonic()
        capped = bool(reserve and rounds)
        r = check_query(p, parts + [goal, refinements], extra_vars=atom_vars,
                   cap=max(p.remaining() - reserve, 0.0) if capped else None)
        if r.result == "unknown":
            # z3 gave up with time left, or reached the reserve: simple points
            simple = _simple_verdict(p, p.kind is Kind.EXISTS) if capped or not r.timed_out else None
            if simple is not None:
                return simple
            return p.unknown("z3", r.reason if r.timed_out else f"z3 returned unknown: {r.reason}",
                             timed_out=r.timed_out)
        if r.result == "unsat":  # refinements are true facts: unsat still decides
            if p.kind is Kind.FORALL and not d.defined[0]:
                # no counterexample where it is defined: no proof either (as _z3_pass would say, without a core)
                return p.unknown("z3", d.defined[1])
            if exclusions:  # z3's own check of the assumptions saw the values now ruled out: check again
                admissible = _admissible_point_exists(p, refinements)
                if admissible is False:
                    return p.verdict(Status.VACUOUS, "z3", reason="the assumptions are contradictory (values "
                                     "that break a symbol's own assumptions ruled out)", core=None)
                if admissible is None:
                    return p.unknown("z3", "decided only after ruling out values that break a symbol's own "
                                           "assumptions, and no admissible point was found to show the "
                                           "assumptions are not contradictory")
            core = ()
            if p.want_core and p.named:
                core = _with_definedness(assumptions_core(p, [enc.facts, enc.premises, enc.claim_domain, goal, refinements],
                                               time.monotonic() - asked), d)
            facts = _through_facts(p)
            if p.kind is Kind.FORALL:
                return Verdict.make(Status.PROVED, p.kind, "z3", 0.0, core=core, notes=p.notes + facts)
            return Verdict.make(Status.REFUTED, p.kind, "z3", 0.0, reason=_no_instance(p, d), core=core,
                                notes=p.notes + facts)
        point = {s: r.model[name] for s, name, _ in enc.symbols if name in r.model}
        want = p.kind is Kind.EXISTS
        found = certified_point(p, point, want)
        if found is None and p.remaining() <= 0:
            return p.unknown("z3", "time limit reached while certifying the solver's point", timed_out=True)
        if found is not None:
            status = Status.WITNESS if want else Status.REFUTED
            notes = p.notes + (("the point was certified by interval arithmetic",) if enc.atoms else ())
            return Verdict.make(status, p.kind, "z3", 0.0, point=found, notes=notes)
        lemmas = refinement_lemmas(p, point, r.model)
        if not lemmas and enc.weakened and exclusions < EXCLUSION_ROUNDS:
            # a value that breaks an assumption z3 sees only weakened (p = 4 for a prime p) is ruled out
            excluded = excluded_values(p, point)
            if excluded:
                exclusions += 1
                refinements += excluded
                continue
        if not lemmas:
            simple = _simple_verdict(p, want)
            if simple is not None:
                return simple
            # z3 reasons about approximations of these functions: its point is a candidate, not a counterexample
            reason = ("the solver's candidate instance failed exact certification (it is not one), and nothing "
                      "shows that none exists" if want else
                      "no proof, and the solver's candidate counterexample failed exact certification (it is not one)")
            if not p.symbols:  # no point to speak of: z3 saw the constants only through facts about them
                reason = ("the statement has no symbols, and neither exact evaluation nor z3 (which sees its "
                          "constants only through bounds on them) settles it")
            elif _has_abstract_functions(p):  # not evaluated at all: nothing says the point is no counterexample
                reason = (("no proof, and nothing shows that no instance exists" if want else "no proof") +
                          f": the solver's candidate {'instance' if want else 'counterexample'} cannot be certified, "
                          "as an abstract function has no value at a point (a counterexample or instance needs a "
                          "concrete one, a Family)")
            elif any(_seen_through_facts(a) for a in enc.atoms):
                reason += " (the claim has functions z3 sees only through facts)"
            if enc.weakened:
                reason += " (a symbol assumption z3 sees only weakened may be why)"
            return p.unknown("z3", reason)
        refinements += lemmas
        rounds += 1
        if p.remaining() <= reserve:
            break
    simple = _simple_verdict(p, p.kind is Kind.EXISTS)
    if simple is not None:
        return simple
    if p.remaining() <= 0:
        return p.unknown("z3", "time limit reached while refining the abstraction of exp/log", timed_out=True)
    if not p.symbols:  # no point: each round refined bounds on the constants
        return p.unknown("z3", f"the statement has no symbols, and neither exact evaluation nor z3 settles it (z3 "
                               f"sees its constants only through bounds on them, refined {REFINEMENT_ROUNDS} times)")
    return p.unknown("z3", f"the solver's points stayed spurious after {REFINEMENT_ROUNDS} refinements of the "
                           "abstraction of exp/log (no certified point, and no proof)" + _ABSTRACTION_ADVICE)


#: what a user can do where exp, log or a real power kept the solver from deciding
_ABSTRACTION_ADVICE = ("; what may decide it: a new positive symbol standing for a power or an exponential (y "
                       "for k**alpha) where the claim needs only its sign or order, logs of both sides of a relation "
                       "between positive products, a case split where a side changes sign, or more seconds "
                       "(--timeout)")


#: the words of a verdict's note that a proof rests on facts z3 was given (the report lists such notes apart)
THROUGH_FACTS = "only through true facts given with the query"


def _through_facts(p: Problem) -> tuple[str, ...]:
    """A note where z3 saw functions only through facts about them: what its proof rests on besides algebra."""
    names = sorted({getattr(a.func, "__name__", str(a.func)) for a in p.encoding.atoms if _seen_through_facts(a)})
    if not names:
        return ()
    powers = any(not e.exp.is_Rational for b in (p.target, *p.assumptions) for e in b.atoms(sp.Pow))
    kinds = ["Bernoulli's inequality for a real power x**y, read as exp(y log x)"] if powers else []
    if {"exp", "log"} & set(names):
        kinds.append("tangent and chord lines, signs and monotonicity of exp and log")
    if set(names) - {"exp", "log"}:
        kinds.append(f"bounds and signs of {', '.join(n for n in names if n not in ('exp', 'log'))}")
    return (f"z3 saw {', '.join(names)} {THROUGH_FACTS} ({'; '.join(kinds)}): the proof may rest on those facts "
            "as well as on the algebra",)


def simple_verdict(p: Problem, want: bool, how: str, seconds: float = SIMPLE_SECONDS) -> Verdict | None:
    """A certified point of simple values (a counterexample, or an instance if ``want``) found within
    ``seconds``, as a verdict whose note says ``how`` it was found; ``None`` if none settles the claim."""
    if _has_abstract_functions(p):
        return None  # an abstract function has no value at a point
    found = simple_point(p, want, seconds)
    if found is None:
        return None
    return Verdict.make(Status.WITNESS if want else Status.REFUTED, p.kind, "simple-point", 0.0, point=found,
                        notes=p.notes + (how,))


def _simple_verdict(p: Problem, want: bool) -> Verdict | None:
    """Where the solver's points stayed spurious: a certified point of simple rationals, if one settles it."""
    return simple_verdict(p, want, "z3's points stayed spurious; the point is one of simple rationals tried in "
                                   "turn, certified by interval arithmetic")


def _has_abstract_functions(p: Problem) -> bool:
    return bool(p.target.atoms(AppliedUndef)) or any(a.atoms(AppliedUndef) for _, a in p.named)


def _seen_through_facts(atom) -> bool:
    """Whether z3 sees this abstracted function only through facts about it (a root, floor or ceiling is
    defined exactly by its constraints)."""
    return atom.func not in ("root", sp.floor, sp.ceiling)


def _admissible_point_exists(p: Problem, facts: list) -> bool | None:
    """Whether the assumptions hold somewhere, with ``facts`` (true ones) and values breaking a symbol's own
    assumptions ruled out: ``True`` with a certified point, ``False`` if contradictory, ``None`` if open."""
    enc, facts = p.encoding, list(facts)
    for _ in range(EXCLUSION_ROUNDS + 1):
        r = check_query(p, [enc.premise_facts, enc.premises, enc.assumptions, facts])
        if r.result == "unsat":
            return False
        if r.result != "sat":
            return None
        point = {s: r.model[name] for s, name, _ in enc.symbols if name in r.model}
        try:
            if len(point) == len(p.symbols) and respects_symbol_assumptions(point) \
                    and all(holds(a, point) for a in p.assumptions):
                return True
        except Uncertifiable:
            return None
        excluded = excluded_values(p, point)
        if not excluded:
            return None
        facts += excluded
    return None
