r"""The decision engine: :func:`prove` and :func:`exists`.

Given a claim :math:`C` and assumptions :math:`A_1, \dots, A_m` (SymPy
Booleans over real symbols, whose own SymPy assumptions count too):

* :func:`prove` decides :math:`\forall x.\; A(x) \Rightarrow C(x)`;
* :func:`exists` decides :math:`\exists x.\; A(x) \wedge C(x)`.

A decision is a pipeline of values: the input is checked and read (floats as
the decimals they print as) into a :class:`Problem`, which also holds its
translation to z3; the :class:`Domain` -- where the claim and the assumptions
are defined, from the table of :mod:`symbolic.constructs` -- is computed once;
then the routes of :data:`ROUTES`, plain functions ``(problem, domain) ->
Verdict | None``, are tried in order (those without z3 live in
:mod:`symbolic.sympy_routes`; before them, a claim or an assumption without
symbols is evaluated exactly, method ``exact-evaluation``):

1. **vacuity** -- contradictory assumptions give ``vacuous``;
2. **constant** -- a statement SymPy already evaluated to ``True``/``False``
   is decided as such, with the method ``sympy-constant`` (never called a proof by z3);
3. **SymPy sign** -- a single relation with no explicit assumptions and no
   domain condition whose sign SymPy settles (``x**2 + 1 > 0``);
4. **SymPy identity** -- an equation defined everywhere whose two sides SymPy
   simplifies to the same expression (small expressions only: simplify cannot be
   stopped at a time limit);
5. **z3** -- nonlinear real arithmetic on the exact translation of
   :mod:`symbolic.translate`, in a worker process that is stopped at the time
   limit (:mod:`symbolic.solver`).  A universal claim that may be undefined
   where the assumptions hold is ``unknown``.  A point the solver proposes
   is reported only after rigorous certification (:mod:`symbolic.certify`);
   where abstracted functions (``exp``, ``log``) made the point spurious,
   tangent and chord lines at the point are added and the solver asked again;
   a second translation adds more true facts (exp of sums, log of products,
   Taylor bounds, tangents between powers) where the first one fails; a value
   that breaks a symbol assumption z3 sees only weakened (``p = 4`` for a
   prime ``p``) is ruled out and the solver asked again.

Anything outside the table is ``unknown`` with a reason naming the construct.
No state that can change a verdict survives a call.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Callable, Mapping

import sympy as sp
from sympy.core.facts import InconsistentAssumptions
from sympy.core.function import AppliedUndef
from sympy.logic.boolalg import Boolean

from . import solver
from .certify import Uncertifiable, holds, respects_symbol_assumptions
from .constructs import (condition_text, distinct_subtrees, domain_conditions, exact_floats, sympy_settles_reliably,
                         unsupported_in)
from .errors import BadInputError, BadInputTypeError
from .points import SIMPLE_SECONDS, certified_point, excluded_values, refinement_lemmas, simple_point
from .smtlib import script
from .sympy_routes import exact_constant, settled_false, sympy_constant, sympy_identity, sympy_sign
from .translate import Translator, Unsupported
from .verdict import Kind, Status, Verdict

__all__ = ["prove", "exists", "normalize_assumptions", "settled_false", "Problem", "Domain", "ROUTES"]

#: rounds of refinement (tangent and chord lines) when abstraction makes a solver's point spurious
REFINEMENT_ROUNDS = 6
#: rounds that rule out a solver's value breaking a symbol assumption z3 sees only weakened (prime, rational)
EXCLUSION_ROUNDS = 16
# -- input checks ---------------------------------------------------------------

def _check_boolean(b, what: str):
    if isinstance(b, bool):
        raise BadInputTypeError(
            f"{what} is the Python bool {b!r}, not a SymPy Boolean: SymPy already evaluated the "
            "comparison (compare SymPy expressions, e.g. Symbol('x') > 0; write an equation as "
            "sympy.Eq(a, b), since == compares expressions structurally; or pass sympy.true)")
    if not isinstance(b, Boolean):
        raise BadInputTypeError(f"{what} must be a SymPy Boolean (a relation or And/Or/Not/Implies), "
                                f"got {type(b).__name__}: {b!r}")
    for s in b.free_symbols:
        if not isinstance(s, sp.Symbol):
            raise BadInputTypeError(f"{what} has the free symbol {s!r} of type {type(s).__name__}; "
                                    "use plain sympy Symbols")
        if s.is_real is False or s.is_infinite or (s.assumptions0.get("complex") and s.is_real is None):
            what = ("declared non-real or infinite" if s.is_real is False or s.is_infinite else
                    "declared complex, not real (algebraic, transcendental, complex=True admit non-real numbers: "
                    "add real=True)")
            raise BadInputError(f"symbol {s.name} is {what}; the engine decides claims over the (finite) real "
                                "numbers")
    return b


def normalize_assumptions(assumptions) -> tuple[tuple[str, Boolean], ...]:
    """``(name, Boolean)`` pairs from a Boolean, a sequence of Booleans or of such pairs, or a name->Boolean map."""
    if assumptions is None:
        return ()
    if isinstance(assumptions, (Boolean, bool)):
        assumptions = (assumptions,)
    if isinstance(assumptions, Mapping):
        items = [(str(k), v) for k, v in assumptions.items()]
    else:
        try:  # Booleans, or (name, Boolean) pairs
            items = [tuple(a) if isinstance(a, tuple) and len(a) == 2 and isinstance(a[0], str) else (None, a)
                     for a in assumptions]
        except TypeError:
            raise BadInputTypeError("assumptions must be a SymPy Boolean, a sequence of them or a "
                                    f"name -> Boolean mapping, got {type(assumptions).__name__}") from None
    out, named = [], {}
    for i, (given, a) in enumerate(items):
        _check_boolean(a, f"assumption {given or i + 1}")
        name = given or _name_of(a, i)
        if not given and name in named and named[name] != a:  # two symbols printed alike (x and x): its position
            name = f"{name} (assumption {i + 1})"
        if name in named:  # a name stands for one assumption: a map keyed by it would keep only one of two
            if named[name] == a:
                continue
            raise BadInputError(f"two different assumptions are named {name!r} ({_name_of(named[name], 0)} and "
                                f"{_name_of(a, i)}): give each its own name")
        named[name] = a
        out.append((name, a))
    return tuple(out)


def _name_of(a, i: int) -> str:
    """An assumption's name: its text, or its position when the text is too long to print."""
    try:
        text = sp.sstr(a)
    except ValueError:  # e.g. an integer beyond Python's 4300-digit string limit
        return f"assumption {i + 1}"
    return text if len(text) <= 200 else f"assumption {i + 1}: {text[:60]}..."


#: a longer time limit is read as this one (a year: z3 and the clock both need finite numbers)
MAX_TIMEOUT = 365 * 24 * 3600.0


def _check_timeout(timeout) -> float:
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)):
        raise BadInputTypeError(f"timeout must be a number of seconds, got {timeout!r}")
    if isinstance(timeout, int):
        if timeout <= 0:
            raise BadInputError(f"timeout must be a finite positive number of seconds, got {timeout}")
        return min(float(timeout) if timeout < 10**9 else MAX_TIMEOUT, MAX_TIMEOUT)
    if not (math.isfinite(timeout) and timeout > 0):
        raise BadInputError(f"timeout must be a finite positive number of seconds, got {timeout!r}")
    return min(float(timeout), MAX_TIMEOUT)


# -- the public functions ---------------------------------------------------------

def prove(claim, assumptions=(), *, timeout: float = 10.0, core: bool = False) -> Verdict:
    r"""Decide :math:`\forall x.\ A(x) \Rightarrow C(x)` over the reals.

    >>> from sympy import symbols, Symbol
    >>> x, y = symbols("x y", positive=True)
    >>> prove(x + y > x).status.value
    'proved'
    >>> v = prove(x * y >= x, [y > 0])
    >>> v.status.value, all(s.is_Rational for s in v.counterexample.values())
    ('refuted', True)
    >>> prove(x > 1, [x < 0]).status.value
    'vacuous'
    """
    return _decide(Kind.FORALL, claim, assumptions, timeout, core)


def exists(condition, assumptions=(), *, timeout: float = 10.0, core: bool = False) -> Verdict:
    r"""Decide :math:`\exists x.\ A(x) \wedge C(x)` over the reals.

    >>> from sympy import Symbol
    >>> x = Symbol("x")
    >>> v = exists(x**2 < 2, [x > 1])
    >>> v.status.value
    'witness'
    >>> exists(x**2 < 0).status.value
    'refuted'
    """
    return _decide(Kind.EXISTS, condition, assumptions, timeout, core)


def _decide(kind: Kind, target, assumptions, timeout, want_core: bool = False) -> Verdict:
    start = time.monotonic()
    what = "claim" if kind is Kind.FORALL else "condition"
    _check_boolean(target, what)
    named = normalize_assumptions(assumptions)
    deadline = start + _check_timeout(timeout)
    solver.start()  # a new worker starts while the claim is translated
    try:
        problem = make_problem(kind, target, named, deadline, want_core)
        verdict = decide_problem(problem)
        if want_core:
            verdict = _core_confirmed(kind, target, named, verdict, deadline)
    except InconsistentAssumptions as exc:  # SymPy's fact base contradicted itself: none of its facts is trusted
        first = str(exc).split("\n")[-1].strip() or type(exc).__name__
        verdict = Verdict.make(Status.UNKNOWN, kind, "sympy", 0.0,
                               reason=f"SymPy's assumption system contradicted itself while reading the claim ({first})")
    return verdict.with_seconds(time.monotonic() - start)


def _core_confirmed(kind: Kind, target, named, verdict: Verdict, deadline: float) -> Verdict:
    """The verdict's core if the claim decided with the core's assumptions alone gets the same verdict, else
    ``None`` (not determined).  z3's core is over the assumptions only: an assumption's own domain conditions
    and the facts about its functions stay in the query without it (``sqrt(x) < 5`` still says x >= 0), so
    its core can leave out an assumption the proof needs."""
    core = verdict.core
    if core is None or verdict.status is Status.UNKNOWN or (kind is Kind.FORALL and verdict.status is Status.REFUTED):
        return verdict
    kept = tuple((n, a) for n, a in named if n in core)
    if len(kept) == len(named):
        return verdict
    if time.monotonic() >= deadline:
        return replace(verdict, core=None)
    again = decide_problem(make_problem(kind, target, kept, deadline))
    return verdict if again.status is verdict.status else replace(verdict, core=None)


# -- the problem and its domain, as values ----------------------------------------------

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

    def unknown(self, method, reason) -> Verdict:
        return self.verdict(Status.UNKNOWN, method, reason=reason)

    def remaining(self) -> float:
        return self.deadline - time.monotonic()


def make_problem(kind, target, named, deadline, want_core=False) -> Problem:
    """Read floats, find unsupported constructs, and translate (once)."""
    notes: list[str] = []
    from .sizes import written_out  # sizes decides with this module: imported here, not at the top

    target, n = exact_floats(target)
    target, w = written_out(target)
    notes += n + w
    read = []
    for name, a in named:
        a, n = exact_floats(a)
        a, w = written_out(a)
        notes += n + w
        read.append((name, a))
    named = tuple(read)
    syms = set(target.free_symbols)
    for _, a in named:
        syms |= a.free_symbols
    symbols = tuple(sorted(syms, key=lambda s: (s.name, sp.default_sort_key(s))))
    unsupported = unsupported_in(target) or next((u for _, a in named if (u := unsupported_in(a))), None)
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
    unsigned = [s.name for s in symbols if s.is_real is None]
    if unsigned:  # a plain Symbol('z') may be complex to SymPy; the engine reads it as real
        notes.append(f"read as real numbers (declared without real=True or a sign): {', '.join(unsigned)}")
    base = Problem(kind, target, named, deadline, want_core, symbols, tuple(dict.fromkeys(notes)), unsupported)
    if unsupported is not None:
        return base
    try:
        encoding = _encode(base)
    except Unsupported as exc:
        return _replace(base, unsupported=str(exc))
    weak = [f"{s.name}: {', '.join(w)}" for s, w in (encoding.weakened if encoding else ())]
    if weak:
        notes.append("symbol assumptions z3 reasons about only through weaker facts (points are checked "
                     "against them in full): " + "; ".join(weak))
    return _replace(base, encoding=encoding, notes=tuple(dict.fromkeys(notes)))


def _replace(p: Problem, **kw) -> Problem:
    from dataclasses import replace

    return replace(p, **kw)


def _encode(p: Problem, second_pass: bool = False) -> Encoding:
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
    """

    problem: Problem
    claim: tuple = ()
    premises: tuple = ()

    @cached_property
    def satisfiable(self) -> solver.CheckResult:
        """Are the assumptions (with their own domains) satisfiable?  (``unsat``: vacuous)."""
        p, enc = self.problem, self.problem.encoding
        result = _check(p, [enc.premise_facts, enc.premises, enc.assumptions], memo=True)
        if result.result == "unsat" and p.named:  # name the contradicting assumptions
            tracked = _check(p, [enc.premise_facts, enc.premises, enc.assumptions], core=True, memo=True)
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
        r = _check(p, [enc.facts, enc.premises, enc.assumptions, [violated]])
        if r.result == "unsat":
            return True, ""
        if r.result == "unknown":
            return None, f"could not establish where the claim is defined ({r.reason})"
        failing = []  # every condition that may fail, so that the advice names all of them (atanh: t > -1, t < 1)
        for cond, term in zip(self.claim, enc.claim_domain):
            one = _check(p, [enc.facts, enc.premises, enc.assumptions, [f"(not {term})"]])
            if one.result != "unsat":
                failing += [c for c in _open_parts(p, cond) if c not in failing]
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
        return _core(p, [enc.facts, enc.premises, [violated]])


#: at most this many conditions of definition that may fail are named in a reason (each costs a query)
_NAMED_CONDITIONS = 4
#: a compound condition of definition is named by its parts when it has at most this many, each decided within
#: this many seconds (all of them within the last): advice only, never a verdict
_PARTS, _PART_SECONDS, _PARTS_SECONDS = 8, 0.5, 1.5
_ADVISING: list = []  # a part's own decision gives no advice of its own (no nesting)


def _open_parts(p: Problem, cond) -> list[str]:
    """A condition of definition that may fail, in words: one Kleene's logic built for a connective
    (``Or(s >= s_2, And(Ne(n + g, 0), s/(n + g) > 0))`` for ``Implies(s < s_2, ...)``) is named by those of its
    relations the assumptions do not prove, leaving out the claim's own relations (the hypothesis): what
    the user may mean to assume.  Falls back to the whole condition."""
    whole = [condition_text(cond)]
    if _ADVISING or not isinstance(cond, (sp.And, sp.Or)):
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
            if _decide_routes(q).status is not Status.PROVED:
                named.append(condition_text(r))
    finally:
        _ADVISING.pop()
    return named or whole


#: the exact query (its SMT-LIB text, the variables and flags asked for) -> its decided answer.  Keyed on
#: the whole text the solver sees, nothing less: an earlier key of (assumptions, symbols) left out facts
#: the translation adds and returned another problem's answer and model
_ANSWERS: dict = {}
_ANSWERS_LIMIT = 4096


def domain_of(problem: Problem) -> Domain:
    return Domain(problem, domain_conditions(problem.target),
                  tuple(c for a in problem.assumptions for c in domain_conditions(a)))


def _flags(p: Problem) -> list[str]:
    return [f"t{i}" for i in range(len(p.named))]


def _check(p: Problem, parts, *, core: bool = False, extra_vars=(), memo: bool = False,
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


# -- routes -----------------------------------------------------------------------------

def _vacuity(p: Problem, d: Domain) -> Verdict | None:
    settled = settled_false(p.named)
    if settled:
        return p.verdict(Status.VACUOUS, "sympy-constant", core=(settled[0],), reason=settled[1])
    r = d.satisfiable
    if r.result == "unsat":
        return p.verdict(Status.VACUOUS, "z3", reason="the assumptions are contradictory", core=r.core)
    if r.result == "unknown":
        return p.unknown("z3", f"could not decide whether the assumptions are satisfiable ({r.reason})")
    if p.encoding.weakened and _admissible_point_exists(p, []) is False:
        # z3 saw a prime p only as an integer >= 2: Eq(p, 4) was "satisfiable", and the claim "proved"
        return p.verdict(Status.VACUOUS, "z3", reason="the assumptions are contradictory (values that break a "
                         "symbol's own assumptions ruled out)", core=None)
    return None


def _z3(p: Problem, d: Domain) -> Verdict | None:
    v = _z3_pass(p, d)
    if v is not None and v.status is Status.UNKNOWN and p.remaining() > 0 and "time limit" not in v.reason \
            and _has_abstract_atoms(p):
        # a second translation with more true facts about exp, log and powers (they slow some claims down)
        try:
            richer = replace(p, encoding=_encode(p, second_pass=True))
        except Unsupported:
            return v
        again = _z3_pass(richer, d)
        if again is not None and again.status is not Status.UNKNOWN:
            return again
    return v


def _has_abstract_atoms(p: Problem) -> bool:
    return any(a.func in (sp.exp, sp.log) for a in p.encoding.atoms)


def _core(p: Problem, rest: list, spent: float | None = None) -> tuple[str, ...] | None:
    """The named assumptions that, with ``rest``, are contradictory: z3's tracked core, else by deletion.

    ``spent``: the seconds the proof itself took.  z3 can stall on the tracked form of a problem it just
    decided, and on a problem without an assumption it needs: each query gets a few times the proof's time
    (at least a second), never the whole limit (``None``: half the time left, then all of it)."""
    cap = None if spent is None else max(1.0, 4 * spent)
    tracked = _check(p, rest + [p.encoding.assumptions], core=True, share=0.5, cap=cap)
    return tracked.core if tracked.result == "unsat" else _core_by_deletion(p, rest, cap)


def _core_by_deletion(p: Problem, rest: list, cap: float | None = None) -> tuple[str, ...] | None:
    """The named assumptions a proof needs, found without tracking flags (z3 can answer unknown on the
    tracked form of a problem it decides): each is dropped while the rest stay contradictory with ``rest``;
    one whose drop is not decided (``cap`` seconds per query) is kept, so the core stays sufficient.

    ``None`` (not determined) if no drop could be decided -- never ``()``, which would say none is used.
    """
    kept = list(range(len(p.named)))
    decided = False
    for i in range(len(p.named)):
        trial = [j for j in kept if j != i]
        r = _check(p, rest + [[p.encoding.assumptions[j] for j in trial]], cap=cap)
        decided = decided or r.result != "unknown"
        if r.result == "unsat":
            kept = trial
    return tuple(p.named[j][0] for j in kept) if decided else None


def _with_definedness(core: tuple[str, ...] | None, d: Domain) -> tuple[str, ...] | None:
    """A proof's core with the assumptions that keep the claim defined (a forall proof needs both)."""
    if core is None or d.problem.kind is not Kind.FORALL:
        return core
    defined = d.defined_core
    return None if defined is None else tuple(dict.fromkeys(core + defined))


def _z3_pass(p: Problem, d: Domain) -> Verdict | None:
    v = _z3_search(p, d)
    if p.kind is Kind.FORALL and v is not None and v.status is not Status.REFUTED:
        defined, why = d.defined
        if not defined:  # no proof, but a certified counterexample where the claim is defined still refutes it
            searched = v.reason if v.status is Status.UNKNOWN and v.reason and v.reason != why else ""
            return p.unknown("z3", why + (f" (and no counterexample where it is defined was found: {searched})"
                                          if searched else ""))
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
        r = _check(p, parts + [goal, refinements], extra_vars=atom_vars,
                   cap=max(p.remaining() - reserve, 0.0) if capped else None)
        if r.result == "unknown":
            # z3 gave up with time left, or reached the reserve: simple points
            simple = _simple_verdict(p, p.kind is Kind.EXISTS) if capped or not r.timed_out else None
            if simple is not None:
                return simple
            return p.unknown("z3", r.reason if r.timed_out else f"z3 returned unknown: {r.reason}")
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
                core = _with_definedness(_core(p, [enc.facts, enc.premises, enc.claim_domain, goal, refinements],
                                               time.monotonic() - asked), d)
            if p.kind is Kind.FORALL:
                return p.verdict(Status.PROVED, "z3", core=core)
            return p.verdict(Status.REFUTED, "z3", reason="no instance satisfies the assumptions and the condition",
                             core=core)
        point = {s: r.model[name] for s, name, _ in enc.symbols if name in r.model}
        want = p.kind is Kind.EXISTS
        found = certified_point(p, point, want)
        if found is None and p.remaining() <= 0:
            return p.unknown("z3", "time limit reached while certifying the solver's point")
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
            reason = "the solver's point failed exact certification"
            if p.target.atoms(AppliedUndef) or any(a.atoms(AppliedUndef) for _, a in p.named):
                reason += (" (an abstract function has no value at a point: a counterexample or instance needs a "
                           "concrete one, a Family)")
            elif any(a.func not in ("root", sp.floor, sp.ceiling) for a in enc.atoms):
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
        return p.unknown("z3", "time limit reached while refining the abstraction of exp/log")
    return p.unknown("z3", f"the solver's points stayed spurious after {REFINEMENT_ROUNDS} refinements of the "
                           "abstraction of exp/log (no certified point, and no proof)")


def _simple_verdict(p: Problem, want: bool) -> Verdict | None:
    """Where the solver's points stayed spurious: a certified point of simple rationals, if one settles it."""
    if p.target.atoms(AppliedUndef) or any(a.atoms(AppliedUndef) for _, a in p.named):
        return None  # an abstract function has no value at a point
    found = simple_point(p, want)
    if found is None:
        return None
    return Verdict.make(Status.WITNESS if want else Status.REFUTED, p.kind, "simple-point", 0.0, point=found,
                        notes=p.notes + ("z3's points stayed spurious; the point is one of simple rationals tried "
                                         "in turn, certified by interval arithmetic",))


def _admissible_point_exists(p: Problem, facts: list) -> bool | None:
    """Whether the assumptions hold somewhere, with ``facts`` (true ones) and values breaking a symbol's own
    assumptions ruled out: ``True`` with a certified point, ``False`` if contradictory, ``None`` if open."""
    enc, facts = p.encoding, list(facts)
    for _ in range(EXCLUSION_ROUNDS + 1):
        r = _check(p, [enc.premise_facts, enc.premises, enc.assumptions, facts])
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


# -- integers read as reals ----------------------------------------------------------------

#: the share of the time left that the relaxed problem may take before the problem over the integers
RELAXED_SHARE = 0.4
#: the name of the bound an integer symbol's sign gives (n >= 1 for a positive integer), among the assumptions
_INTEGER_BOUND = "{} is an integer {}"


def _tightened(b):
    """``b`` with each strict order between integer-valued sides made weak by one (``n < m`` is ``m - n >= 1``):
    the same truth wherever the integer symbols are integers, and a tighter problem once they are read as reals."""
    swaps = {}
    for r in distinct_subtrees(b):  # each distinct relation once (a derived rule repeats its subtrees)
        if isinstance(r, (sp.StrictLessThan, sp.StrictGreaterThan)):
            gap = r.lhs - r.rhs
            if gap.free_symbols and gap.is_integer:
                swaps[r] = sp.Le(gap, -1) if isinstance(r, sp.StrictLessThan) else sp.Ge(gap, 1)
    return b.xreplace(swaps) if swaps else b


def relaxed_to_reals(p: Problem, deadline: float) -> tuple[Problem, dict] | None:
    """The problem with its integer symbols read as real numbers (keeping their signs, with the bound a sign
    gives an integer: ``n >= 1`` for a positive one, and strict orders between integers made weak by one), and
    the map from each real symbol back to its integer one; ``None`` if no symbol is an integer.

    Every integer point of the problem is a point of the relaxed one with the same truth values, so a claim
    proved for every real point holds at every integer one, and a condition no real point meets has no
    integer instance either.  A relaxed counterexample or instance counts only once it is certified, at
    integer values, in the problem itself.
    """
    integers = [s for s in p.symbols if s.is_integer]
    if not integers:
        return None
    signs = ("positive", "negative", "nonnegative", "nonpositive", "nonzero")
    # a Dummy: a Symbol of the same name and signs would be the problem's own real symbol of that name
    twins = {s: sp.Dummy(s.name, real=True, **{k: v for k, v in s.assumptions0.items() if k in signs})
             for s in integers}
    bounds = []
    for s, t in twins.items():
        bound = (t >= 1 if s.is_positive else t <= -1 if s.is_negative else
                 t >= 0 if s.is_nonnegative else t <= 0 if s.is_nonpositive else None)
        if bound is not None:
            bounds.append((_INTEGER_BOUND.format(s.name, bound), bound))
    target = _tightened(p.target).xreplace(twins)
    named = tuple((n, _tightened(a).xreplace(twins)) for n, a in p.named) + tuple(bounds)
    return make_problem(p.kind, target, named, deadline, p.want_core), {t: s for s, t in twins.items()}


def _integers_relaxed(p: Problem, d: Domain) -> Verdict | None:
    """A problem over the integers (nonlinear integer arithmetic, which z3 often cannot decide) decided over
    the reals first: a proof for every real point, or no real instance, decides it (see
    :func:`relaxed_to_reals`); a real counterexample or instance only where it is an integer one, certified."""
    relaxed = relaxed_to_reals(p, time.monotonic() + RELAXED_SHARE * max(0.0, p.remaining()))
    if relaxed is None or p.remaining() <= 0:
        return None
    q, back = relaxed
    v = decide_problem(q)
    why = "the integer symbols read as real numbers (every integer point is one of them)"
    method = v.method
    if method == "sympy-constant" and not isinstance(p.target, sp.logic.boolalg.BooleanAtom):
        method = "sympy-evaluation"  # SymPy settled it once the engine rewrote it, not as it was given
    if (p.kind, v.status) in ((Kind.FORALL, Status.PROVED), (Kind.EXISTS, Status.REFUTED)):
        core = None if v.core is None else tuple(c for c in v.core if c in dict(p.named))
        reason = v.reason if v.status is Status.REFUTED else ""
        return Verdict.make(v.status, p.kind, method, 0.0, core=core, reason=reason,
                            notes=p.notes + (f"decided with {why}",))
    if v.point is not None and all(back[t].is_integer and sp.sympify(x).is_integer
                                   for t, x in v.point.items() if t in back):
        point = {back.get(t, t): x for t, x in v.point.items()}
        found = certified_point(p, point, p.kind is Kind.EXISTS)
        if found is not None:
            status = Status.WITNESS if p.kind is Kind.EXISTS else Status.REFUTED
            return Verdict.make(status, p.kind, method, 0.0, point=found,
                                notes=p.notes + (f"found with {why}, certified at the integer point",))
    return None


#: the routes, in order: each returns a verdict or None (not applicable / no answer)
ROUTES: tuple[Callable[[Problem, Domain], Verdict | None], ...] = (_vacuity, sympy_constant, sympy_sign,
                                                                   sympy_identity, _integers_relaxed, _z3)


def decide_problem(p: Problem) -> Verdict:
    return _not_resting_on_narrow_powers(p, _decide_routes(p))


def _narrow_powers(b) -> list:
    """Powers ``x**y`` with an exponent that is not a rational number (a symbol, ``pi``, ``log(8)/log(2)``) whose
    base SymPy does not prove positive: the engine reads them on ``x > 0`` only (``exp(y log x)``), while they
    are also defined at ``x = 0`` (``y > 0``: ``0**pi = 0``) and, for an integer ``y``, at ``x < 0``."""
    return [e for e in b.atoms(sp.Pow) if not e.exp.is_Rational and e.base is not sp.E
            and not (e.base.is_positive and sympy_settles_reliably(e.base))]


def _not_resting_on_narrow_powers(p: Problem, v: Verdict) -> Verdict:
    """A verdict that would need the points the engine's ``x**y`` leaves out is withheld: a proof or a
    contradiction among assumptions that hold there too, or "no instance" where an instance may lie there.
    A certified counterexample or witness stands (it was evaluated exactly)."""
    if v.status not in (Status.PROVED, Status.VACUOUS, Status.REFUTED):
        return v
    if v.status is Status.REFUTED and p.kind is Kind.FORALL:
        return v
    per_assumption = [(n, a, _narrow_powers(a)) for n, a in p.named]
    narrow = [e for _, _, found in per_assumption for e in found]
    narrow = list(dict.fromkeys(narrow + (_narrow_powers(p.target) if p.kind is Kind.EXISTS else [])))
    # a base the other assumptions (those without such powers, whose reading is exact) make positive is fine
    exact = tuple((n, a) for n, a, found in per_assumption if not found)
    narrow = [e for e in narrow if not _positive_under(e.base, exact, p)]
    if not narrow:
        return v
    return p.unknown(v.method, f"{sp.sstr(narrow[0])} has an exponent that is not a rational number and a base "
                               "not proved positive: "
                               "the engine reads x**y only where x > 0, but it is also defined at x = 0 "
                               "(y > 0) and, for an integer y, at x < 0, where the verdict was not decided")


def _positive_under(base, named, p: Problem) -> bool:
    left = p.remaining()
    if left <= 0:
        return False
    q = make_problem(Kind.FORALL, sp.Gt(base, 0), named, time.monotonic() + min(left, 2.0))
    return _decide_routes(q).status is Status.PROVED


def _decide_routes(p: Problem) -> Verdict:
    constant = exact_constant(p)  # before translation: z3 sees exp, log, pi only through facts
    if constant is not None:
        return constant
    if p.unsupported is not None:
        return p.unknown("table", f"not supported: {p.unsupported}")
    if p.encoding is None:
        return p.unknown("table", p.translation_error or "could not translate the claim")
    d = domain_of(p)
    fallback = None
    for route in ROUTES:
        v = route(p, d)
        if v is None:
            continue
        if v.status is not Status.UNKNOWN:
            return v
        if fallback is None:
            fallback = v
        if route is _vacuity:
            return v  # nothing can be decided without knowing whether the assumptions are satisfiable
    if fallback is not None:
        return fallback
    return p.unknown("z3", "no route decided the claim")


