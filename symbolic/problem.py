"""One decision as values: the :class:`Problem` (quantifier, claim, named assumptions, deadline, and its
translation to z3, built once) and its :class:`Domain` (where the claim and the assumptions are defined; the
solver's checks of it are computed on first use), with the queries every route asks through
(:func:`check_query`, :func:`assumptions_core`).

:mod:`symbolic.engine` builds a problem with :func:`make_problem` and decides it along its routes
(:mod:`symbolic.sympy_routes`, :mod:`symbolic.z3_routes`).  A Domain carries the engine's decider as a value
(``decide``), which its advice on conditions of definition uses: this module never imports the engine.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Callable

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.logic.boolalg import Boolean

from . import solver
from .constructs import condition_text, domain_conditions, exact_floats, unsupported_in
from .smtlib import script
from .translate import Translator, Unsupported
from .verdict import Kind, Status, Verdict

__all__ = ["Encoding", "Problem", "make_problem", "encode", "Domain", "domain_of", "check_query",
           "assumptions_core", "core_by_deletion", "narrow_powers"]


@dataclass(frozen=True)
class Encoding:
    """The problem in z3 terms (built once, by one :class:`~symbolic.translate.Translator`)."""

    symbols: tuple  #: (SymPy symbol, z3 variable name, sort)
    atoms: tuple  #: the Atoms of abstracted functions
    premise_facts: tuple  #: symbol facts and facts about atoms of the assumptions
    facts: tuple  #: every fact (the claim's atoms too)
    assumptions: tuple  #: each assumption in z3
    premises: tuple  #: the assumptions' domain conditions in z3
    claim_domain: tuple  #: the claim's domain conditions in z3
    target: str  #: the claim in SMT-LIB
    weakened: tuple  #: (symbol, assumption names z3 only weakened)
    declarations: str = ""  #: SMT-LIB declarations of every variable and function


@dataclass(frozen=True)
class Problem:
    """One decision: quantifier, claim, named assumptions, deadline, and their translation."""

    kind: Kind
    target: Boolean
    named: tuple
    deadline: float  #: a ``time.monotonic()`` value
    want_core: bool
    symbols: tuple
    notes: tuple = ()
    unsupported: str | None = None  #: the first construct outside the table, if any
    encoding: Encoding | None = None
    translation_error: str = ""

    @property
    def assumptions(self) -> tuple:
        return tuple(a for _, a in self.named)

    def verdict(self, status, method, **kw) -> Verdict:
        return Verdict.make(status, self.kind, method, 0.0, notes=self.notes, **kw)

    def unknown(self, method, reason, *, timed_out: bool = False) -> Verdict:
        return self.verdict(Status.UNKNOWN, method, reason=reason, timed_out=timed_out)

    def remaining(self) -> float:
        return self.deadline - time.monotonic()


def make_problem(kind, target, named, deadline, want_core=False) -> Problem:
    """Read floats, find unsupported constructs, and translate (once)."""
    notes: list[str] = []
    from .sizes import written_out  # sizes decides with this module: imported here, not at the top

    target, n = exact_floats(target)
    target, w = written_out(target)
    notes += n + w
    w_all = list(w)
    read = []
    for name, a in named:
        a, n = exact_floats(a)
        a, w = written_out(a)
        notes += n + w
        w_all += w
        read.append((name, a))
    named = tuple(read)
    syms = set(target.free_symbols)
    for _, a in named:
        syms |= a.free_symbols
    symbols = tuple(sorted(syms, key=lambda s: (s.name, sp.default_sort_key(s))))
    unsupported = unsupported_in(target) or next((u for _, a in named if (u := unsupported_in(a))), None)
    why_kept = [note for note in w_all if "is not written out" in note]
    if unsupported is not None and why_kept and unsupported.startswith(("Sum", "Product")):
        unsupported += f" ({why_kept[0]})"  # why the sum was left as it is, beside the reason, not only in the notes
    infinite = [s.name for s in symbols if s.is_finite is not True and s.is_extended_real]
    if unsupported is None and infinite:  # extended_positive & co. admit +oo / -oo: not a real number
        unsupported = (f"the symbol(s) {', '.join(infinite)} may be infinite (an extended_* assumption): the engine "
                       "decides over the real numbers; declare them positive=True, real=True, ...")
    if isinstance(target, sp.logic.boolalg.BooleanAtom):
        notes.append(f"the {'statement' if kind is Kind.FORALL else 'condition'} is the constant {target}: SymPy "
                     "evaluated it when it was built, before the engine saw it, with whatever it cancelled (t/t is 1 "
                     "even at t = 0, where the claim as written is undefined; Or(A, Not(A)) is True even where A is "
                     "undefined); if that is not what was meant -- Floats compared, a division cancelled, a case "
                     "split folded -- write exact Rationals, or build it with evaluate=False")
    mixed = [d for e in (target, *(a for _, a in named)) for d in e.atoms(sp.Derivative)
             if isinstance(d.expr, AppliedUndef) and len({v for v, _ in d.variable_count}) > 1]
    if mixed:  # f_xy = f_yx is Schwarz's theorem: true of a C^2 function, not of every function
        notes.append(f"mixed partial derivatives of an abstract function ({sp.sstr(mixed[0])}) are read as those of "
                     "a twice continuously differentiable one: equal in any order, as SymPy has them")
    unsigned = [s.name for s in symbols if s.is_real is None and s.name not in infinite]  # those are declined
    if unsigned:  # a plain Symbol('z') may be complex to SymPy; the engine reads it as real
        notes.append(f"read as real numbers (declared without real=True or a sign): {', '.join(unsigned)}")
    base = Problem(kind, target, named, deadline, want_core, symbols, tuple(dict.fromkeys(notes)), unsupported)
    if unsupported is not None:
        return base
    try:
        encoding = encode(base)
    except Unsupported as exc:
        return replace(base, unsupported=str(exc))
    weak = [f"{s.name}: {', '.join(w)}" for s, w in (encoding.weakened if encoding else ())]
    if weak:
        notes.append("symbol assumptions z3 reasons about only through weaker facts (points are checked "
                     "against them in full): " + "; ".join(weak))
    return replace(base, encoding=encoding, notes=tuple(dict.fromkeys(notes)))


def encode(p: Problem, second_pass: bool = False) -> Encoding:
    tr = Translator(second_pass=second_pass)
    for s in p.symbols:
        tr.var(s)
    premise_conditions = tuple(c for a in p.assumptions for c in domain_conditions(a))
    premises = tuple(tr.boolean(c) for c in premise_conditions)
    assumptions = tuple(tr.boolean(a) for a in p.assumptions)
    premise_facts = tuple(tr.facts)
    claim_domain = tuple(tr.boolean(c) for c in domain_conditions(p.target))
    target = tr.boolean(p.target)
    return Encoding(
        symbols=tuple((s, tr.vars[s], "Int" if s.is_integer else "Real") for s in p.symbols),
        atoms=tuple(tr.atoms.values()), premise_facts=premise_facts, facts=tuple(tr.facts),
        assumptions=assumptions, premises=premises, claim_domain=claim_domain, target=target,
        weakened=tuple(tr.weakened.items()), declarations=tr.declarations())


@dataclass(frozen=True)
class Domain:
    """Where the claim and its assumptions are defined, computed once per problem.

    ``claim`` and ``premises`` are SymPy conditions (from the table of
    constructs); the solver checks -- are the assumptions satisfiable, is the
    claim defined wherever they hold -- are computed on first use and kept.
    ``decide`` is the engine's decider (its routes), with which the advice on a
    condition of definition that may fail names the parts not proved.
    """

    problem: Problem
    claim: tuple = ()
    premises: tuple = ()
    decide: Callable[[Problem], Verdict] | None = field(default=None, compare=False, repr=False)

    @cached_property
    def satisfiable(self) -> solver.CheckResult:
        """Are the assumptions (with their own domains) satisfiable?  (``unsat``: vacuous)."""
        p, enc = self.problem, self.problem.encoding
        result = check_query(p, [enc.premise_facts, enc.premises, enc.assumptions], memo=True)
        if result.result == "unsat" and p.named:  # name the contradicting assumptions
            tracked = check_query(p, [enc.premise_facts, enc.premises, enc.assumptions], core=True, memo=True)
            if tracked.result == "unsat":
                result = tracked
        return result

    @cached_property
    def defined(self) -> tuple[bool | None, str]:
        """``(True, "")`` when every condition of the claim holds wherever the assumptions hold."""
        p, enc = self.problem, self.problem.encoding
        if not enc.claim_domain:
            return True, ""
        violated = "(not (and " + " ".join(enc.claim_domain) + " true))"
        r = check_query(p, [enc.facts, enc.premises, enc.assumptions, [violated]])
        if r.result == "unsat":
            return True, ""
        if r.result == "unknown":
            return None, f"could not establish where the claim is defined ({r.reason})"
        # (-d)**T is defined for an integer T, but read for a positive base only: where that alone may fail,
        # "undefined" would send the user hunting through the assumptions
        powers = _narrow_powers_read(p.target)
        if powers:
            others = _other_conditions(p.target, powers)
            failing = [c for c, term in zip(self.claim, enc.claim_domain)
                       if check_query(p, [enc.facts, enc.premises, enc.assumptions, [f"(not {term})"]]).result
                       != "unsat"]
            if failing and all(c in powers and c not in others for c in failing) \
                    and _defined_as_sympy_has_it(p, [powers[c] for c in failing], self.decide):
                return False, _narrow_powers_reason({c: powers[c] for c in failing})  # bases known positive: not named
        if check_query(p, [enc.facts, enc.premises, enc.assumptions, list(enc.claim_domain)]).result == "unsat":
            # "may fail" and "assume it" would mislead: assuming it would make the assumptions contradictory.
            # Named: the conditions that fail everywhere on their own; else they fail together
            alone = [condition_text(c) for c, term in zip(self.claim, enc.claim_domain)
                     if check_query(p, [enc.facts, enc.premises, enc.assumptions, [term]]).result == "unsat"]
            text = (f"{', '.join(alone[:_NAMED_CONDITIONS])} fails at every point they admit" if alone else
                    f"{' and '.join(condition_text(c) for c in self.claim[:_NAMED_CONDITIONS])} hold together at no "
                    "point they admit")
            return False, (f"undefined wherever the assumptions hold: {text} (the claim is about no point: check the "
                           "assumptions against it)")
        failing = []  # every condition that may fail, so that the advice names all of them (atanh: t > -1, t < 1)
        for cond, term in zip(self.claim, enc.claim_domain):
            one = check_query(p, [enc.facts, enc.premises, enc.assumptions, [f"(not {term})"]])
            if one.result != "unsat":
                failing += [c for c in _open_parts(p, cond, self.decide) if c not in failing]
                if len(failing) >= _NAMED_CONDITIONS:
                    break
        if not failing:
            return False, "undefined somewhere the assumptions hold"
        text = ", ".join(failing[:_NAMED_CONDITIONS])
        them = text if len(text) <= 60 else "them"  # said once where it is long
        return False, (f"undefined somewhere the assumptions hold: {text} may fail (assume {them} if the claim is "
                       "meant only where it is defined)")

    @cached_property
    def defined_core(self) -> tuple[str, ...] | None:
        """The named assumptions that keep the claim defined (``()`` when it is defined without any);
        ``None`` when not determined.  A proof needs them as much as those its own query used."""
        p, enc = self.problem, self.problem.encoding
        if not enc.claim_domain or not p.named:
            return ()
        violated = "(not (and " + " ".join(enc.claim_domain) + " true))"
        return assumptions_core(p, [enc.facts, enc.premises, [violated]])


def narrow_powers(b) -> list:
    """The powers ``x**y`` in ``b`` whose exponent is not a rational number (``n``, ``y``, ``pi``,
    ``log(8)/log(2)``), ``E**y`` aside: the engine reads them as ``exp(y log x)``, on ``x > 0`` only, while
    they are also defined at ``x = 0`` for ``y >= 0`` (SymPy's ``0**0`` is 1) and, for an integer ``y``, at every
    ``x < 0``."""
    return sorted((e for e in b.atoms(sp.Pow) if not e.exp.is_Rational and e.base is not sp.E),
                  key=sp.default_sort_key)


def _narrow_powers_read(target) -> dict:
    """``{x > 0: x**y}`` for each of ``target``'s :func:`narrow_powers`, by the condition of definition the
    engine's reading gives it.  Where only that reading fails, "undefined" would send the user hunting through
    the assumptions."""
    return {sp.Gt(e.base, 0, evaluate=False): e for e in narrow_powers(target)}


def _other_conditions(target, powers: dict) -> set:
    """The conditions of definition of ``target`` that do not come from ``powers`` (``log(x)`` needs ``x > 0``
    as much as ``x**n`` is read to): each power stands in as a value defined everywhere, its exponent kept."""
    stand_ins = {e: sp.Dummy("power", real=True) for e in powers.values()}
    rest = set(domain_conditions(target.xreplace(stand_ins)))
    for e in powers.values():
        rest |= set(domain_conditions(e.base)) | set(domain_conditions(e.exp))
    return rest


def _defined_as_sympy_has_it(p: Problem, powers: list, decide) -> bool:
    """Whether each of ``powers`` is defined wherever the assumptions hold, as SymPy defines it: ``x != 0`` or
    ``n >= 0`` for an integer exponent ``n``; ``x > 0``, or ``x = 0`` and ``y >= 0``, for any other (at ``x < 0`` a
    real ``y`` may not be an integer).  Proved within a short time or not at all: advice only, never a verdict."""
    if decide is None or _ADVISING or p.remaining() <= 0:
        return False
    true_domain = sp.And(*[sp.Or(sp.Ne(e.base, 0), e.exp >= 0) if e.exp.is_integer else
                           sp.Or(e.base > 0, sp.And(sp.Eq(e.base, 0), e.exp >= 0)) for e in powers])
    _ADVISING.append(True)
    try:
        q = make_problem(Kind.FORALL, true_domain, p.named, time.monotonic() + min(_PARTS_SECONDS, p.remaining() / 4))
        return decide(q).status is Status.PROVED
    finally:
        _ADVISING.pop()


def _narrow_powers_reason(powers: dict) -> str:
    shown = list(powers.values())[:_NAMED_CONDITIONS]
    names = ", ".join(condition_text(e) for e in shown)
    if all(e.exp.is_integer for e in shown):
        return (f"not supported where the base may not be positive: {names} has a symbol as its integer exponent, "
                "and the engine reads x**n with a symbolic n as exp(n log x), for x > 0 only (the power is also "
                "defined at every x < 0, and at x = 0 where n >= 0: give the exponent a fixed scope of sizes, or "
                "split the claim on the sign of x)")
    return (f"not supported where the base may not be positive: {names} has an exponent that is not a rational "
            "number, and the engine reads x**y as exp(y log x), for x > 0 only (the power is also defined at x = 0 "
            "where y >= 0, and at x < 0 where y is an integer: assume x > 0 if the claim is meant only there, or "
            "split the claim on the sign of x)")


#: at most this many conditions of definition that may fail are named in a reason (each costs a query)
_NAMED_CONDITIONS = 4
#: a compound condition of definition is named by its parts when it has at most this many, each decided within
#: this many seconds (all of them within the last): advice only, never a verdict
_PARTS, _PART_SECONDS, _PARTS_SECONDS = 8, 0.5, 1.5
_ADVISING: list = []  # a part's own decision gives no advice of its own (no nesting)


def _open_parts(p: Problem, cond, decide) -> list[str]:
    """A condition of definition that may fail, in words: one Kleene's logic built for a connective
    (``Or(s >= s_2, And(Ne(n + g, 0), s/(n + g) > 0))`` for ``Implies(s < s_2, ...)``) is named by those of its
    relations the assumptions do not prove, leaving out the claim's own relations (the hypothesis): what
    the user may mean to assume.  Falls back to the whole condition."""
    whole = [condition_text(cond)]
    if decide is None or _ADVISING or not isinstance(cond, (sp.And, sp.Or)):
        return whole
    own = {r for r in p.target.atoms(sp.core.relational.Relational)}
    own |= {r.negated for r in own}
    parts = [r for r in dict.fromkeys(sp.preorder_traversal(cond)) if isinstance(r, sp.core.relational.Relational)
             and r not in own]
    if not parts or len(parts) > _PARTS:
        return whole
    stop = time.monotonic() + min(_PARTS_SECONDS, max(p.remaining(), 0.0) / 4)
    named = []
    _ADVISING.append(True)
    try:
        for r in parts:
            left = min(_PART_SECONDS, stop - time.monotonic())
            if left <= 0:
                return whole
            q = make_problem(Kind.FORALL, r, p.named, time.monotonic() + left)
            if decide(q).status is not Status.PROVED:
                named.append(condition_text(r))
    finally:
        _ADVISING.pop()
    return named or whole


#: the exact query (its SMT-LIB text, the variables and flags asked for) -> its decided answer.  Keyed on
#: the whole text the solver sees, nothing less: an earlier key of (assumptions, symbols) left out facts
#: the translation adds and returned another problem's answer and model
_ANSWERS: dict = {}
_ANSWERS_LIMIT = 4096


def domain_of(problem: Problem, decide: Callable[[Problem], Verdict] | None = None) -> Domain:
    """The problem's conditions of definition; ``decide``: the engine's decider (see :class:`Domain`)."""
    return Domain(problem, domain_conditions(problem.target),
                  tuple(c for a in problem.assumptions for c in domain_conditions(a)), decide)


def _flags(p: Problem) -> list[str]:
    return [f"t{i}" for i in range(len(p.named))]


def check_query(p: Problem, parts, *, core: bool = False, extra_vars=(), memo: bool = False,
           share: float = 1.0, cap: float | None = None) -> solver.CheckResult:
    """One solver query; ``parts`` are lists of SMT-LIB facts.  With ``core``, the assumptions are tracked.

    ``share``: the part of the problem's remaining time this query may take; ``cap``: at most these seconds.

    ``memo``: reuse a decided answer to the identical query (same text, variables and flags).
    """
    enc = p.encoding
    names: list[str] = []
    if core and p.named:
        names = _flags(p)
        tracked = [f"(=> {f} {a})" for f, a in zip(names, enc.assumptions)]
        rest = [part for part in parts if part is not enc.assumptions]
        flags = "\n".join(f"(declare-fun {f} () Bool)" for f in names)
        smt2 = script(enc.declarations + "\n" + flags, *rest, tracked)
    else:
        smt2 = script(enc.declarations, *parts)
    variables = [(name, sort) for _, name, sort in enc.symbols] + list(extra_vars)
    key = (smt2, tuple(variables), tuple(names)) if memo else None
    r = _ANSWERS.get(key) if memo else None
    if r is None:
        deadline = p.deadline if share >= 1 else time.monotonic() + share * p.remaining()
        if cap is not None:
            deadline = min(deadline, time.monotonic() + cap)
        r = solver.check(smt2, deadline=deadline, variables=variables, flags=names, core=bool(names))
        if memo and r.result != "unknown":
            if len(_ANSWERS) >= _ANSWERS_LIMIT:
                _ANSWERS.clear()
            _ANSWERS[key] = r
    if r.core:
        by_flag = {f: name for f, (name, _) in zip(names, p.named)}
        r = solver.CheckResult(r.result, r.reason, r.model, tuple(by_flag[c] for c in r.core if c in by_flag))
    return r


def assumptions_core(p: Problem, rest: list, spent: float | None = None) -> tuple[str, ...] | None:
    """The named assumptions that, with ``rest``, are contradictory: z3's tracked core, else by deletion.

    ``spent``: the seconds the proof itself took.  z3 can stall on the tracked form of a problem it just
    decided, and on a problem without an assumption it needs: each query gets a few times the proof's time
    (at least a second), never the whole limit (``None``: half the time left, then all of it)."""
    cap = None if spent is None else max(1.0, 4 * spent)
    tracked = check_query(p, rest + [p.encoding.assumptions], core=True, share=0.5, cap=cap)
    return tracked.core if tracked.result == "unsat" else core_by_deletion(p, rest, cap)


def core_by_deletion(p: Problem, rest: list, cap: float | None = None) -> tuple[str, ...] | None:
    """The named assumptions a proof needs, found without tracking flags (z3 can answer unknown on the
    tracked form of a problem it decides): each is dropped while the rest stay contradictory with ``rest``;
    one whose drop is not decided (``cap`` seconds per query) is kept, so the core stays sufficient.

    ``None`` (not determined) if no drop could be decided -- never ``()``, which would say none is used.
    """
    kept = list(range(len(p.named)))
    decided = False
    for i in range(len(p.named)):
        trial = [j for j in kept if j != i]
        r = check_query(p, rest + [[p.encoding.assumptions[j] for j in trial]], cap=cap)
        decided = decided or r.result != "unknown"
        if r.result == "unsat":
            kept = trial
    return tuple(p.named[j][0] for j in kept) if decided else None
