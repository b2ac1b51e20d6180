r"""The decision engine: :func:`prove` and :func:`exists`.

Given a claim :math:`C` and assumptions :math:`A_1, \dots, A_m` (SymPy
Booleans over real symbols, whose own SymPy assumptions count too):

* :func:`prove` decides :math:`\forall x.\; A(x) \Rightarrow C(x)`;
* :func:`exists` decides :math:`\exists x.\; A(x) \wedge C(x)`.

A decision is a pipeline of values: the input is checked and read (floats as
the decimals they print as) into a :class:`Problem`, which also holds its
translation to z3 (:mod:`symbolic.problem`); the :class:`Domain` -- where the claim and the assumptions
are defined, from the table of :mod:`symbolic.constructs` -- is computed once;
then the routes of :data:`ROUTES`, plain functions ``(problem, domain) ->
Verdict | None``, are tried in order (those without z3 live in
:mod:`symbolic.sympy_routes`, those with it in :mod:`symbolic.z3_routes`; before them, a claim or an assumption without
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
from dataclasses import replace
from typing import Callable, Mapping

import sympy as sp
from sympy.core.facts import InconsistentAssumptions
from sympy.logic.boolalg import Boolean

from . import solver
from .constructs import distinct_subtrees, sympy_settles_reliably
from .errors import BadInputError, BadInputTypeError
from .certify import Uncertifiable
from .points import certified_point, certify
from .residues import residue_cases
from .problem import Domain, Problem, domain_of, make_problem, narrow_powers
from .timebox import OutOfTime, time_box
from .sympy_routes import exact_constant, settled_false, sympy_constant, sympy_identity, sympy_sign
from .verdict import Kind, Status, Verdict
from .z3_routes import simple_verdict, vacuity, z3_search

__all__ = ["prove", "exists", "normalize_assumptions", "settled_false", "make_problem", "decide_problem", "Problem",
           "Domain", "ROUTES", "HYPOTHESIS_NEVER_MET"]


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
        if isinstance(s, sp.Indexed):  # SymPy counts g[j] as free even inside Sum(g[j], (j, 1, n))
            raise BadInputTypeError(
                f"{what} has the indexed variable {s!r} (sympy.IndexedBase), which the engine does not read: write "
                f"one value per index as an abstract function, {s.base}({', '.join(map(str, s.indices))}) with "
                f"{s.base} = sympy.Function('{s.base}', real=True) (its values are quantified like symbols), or "
                "as plain Symbols for a fixed number of them (sympy.symbols('g_1:5'))")
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


_NO_KEY = object()


def normalize_assumptions(assumptions) -> tuple[tuple[str, Boolean], ...]:
    """``(name, Boolean)`` pairs from a Boolean, a sequence of Booleans or of such pairs, or a name->Boolean map."""
    if assumptions is None:
        return ()
    if isinstance(assumptions, (Boolean, bool)):
        assumptions = (assumptions,)
    if isinstance(assumptions, Mapping):
        bad = next((k for k in assumptions if not isinstance(k, str)), _NO_KEY)
        if bad is not _NO_KEY:  # {None: x > 0} was named 'None'
            raise BadInputTypeError(f"an assumption's name must be words (a str), got {type(bad).__name__} {bad!r} "
                                    f"for {_name_of(assumptions[bad], 0)}")
        items = [(k, v) for k, v in assumptions.items()]
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
    deadline = start + _check_timeout(timeout)
    solver.start()  # a new worker starts while the claim is translated
    try:
        try:
            # reading a large claim (its checks, its conditions of definition, its translation) is SymPy work with
            # no limit of its own: S7.grant.4 without a sign took 26 s of a 5 s limit there, and the free symbols
            # of a Piecewise chain that shares its subtrees 29 s of 2 s
            with time_box(deadline - time.monotonic()):
                _check_boolean(target, what)
                named = normalize_assumptions(assumptions)
                problem = make_problem(kind, target, named, deadline, want_core)
        except OutOfTime:
            return Verdict.make(Status.UNKNOWN, kind, "none", time.monotonic() - start, timed_out=True,
                                reason="time limit reached while the claim was read (its checks, its conditions of definition "
                                       "and its translation), before any route could decide it")
        verdict = decide_problem(problem)
        if want_core:
            verdict = _core_confirmed(kind, target, named, verdict, deadline)
        verdict = _vacuous_hypothesis(kind, problem.target, named, verdict, deadline)
    except InconsistentAssumptions as exc:  # SymPy's fact base contradicted itself: none of its facts is trusted
        first = str(exc).split("\n")[-1].strip() or type(exc).__name__
        verdict = Verdict.make(Status.UNKNOWN, kind, "sympy", 0.0,
                               reason=f"SymPy's assumption system contradicted itself while reading the claim ({first})")
    return verdict.with_seconds(time.monotonic() - start)


#: the note on an implication proved only because its hypothesis never holds (read by the claim layer)
HYPOTHESIS_NEVER_MET = ("the hypothesis never holds where the assumptions do (no instance exists): the implication "
                        "is proved only vacuously")
#: at most this long is spent asking whether a proved implication's hypothesis can hold
HYPOTHESIS_SECONDS = 1.0


def _vacuous_hypothesis(kind: Kind, target, named, verdict: Verdict, deadline: float) -> Verdict:
    """A proved implication whose hypothesis no admissible point meets (``x > 5 -> x < 0`` with ``x < 3``) is
    true for want of cases: said in a note, decided as an existence question (a hypothesis left open says
    nothing)."""
    if kind is not Kind.FORALL or verdict.status is not Status.PROVED or not isinstance(target, sp.Implies):
        return verdict
    left = min(deadline - time.monotonic(), HYPOTHESIS_SECONDS)
    if left <= 0:
        return verdict
    met = decide_problem(make_problem(Kind.EXISTS, target.args[0], named, time.monotonic() + left))
    if met.status is Status.REFUTED:
        return replace(verdict, notes=verdict.notes + (HYPOTHESIS_NEVER_MET,))
    return verdict


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
        inner = tuple(n for n in v.notes if n not in p.notes)  # how the relaxed problem was decided (facts z3 had)
        return Verdict.make(v.status, p.kind, method, 0.0, core=core, reason=reason,
                            notes=p.notes + inner + (f"decided with {why}",))
    if v.point is not None and all(back[t].is_integer and sp.sympify(x).is_integer
                                   for t, x in v.point.items() if t in back):
        point = {back.get(t, t): x for t, x in v.point.items()}
        found = certified_point(p, point, p.kind is Kind.EXISTS)
        if found is not None:
            status = Status.WITNESS if p.kind is Kind.EXISTS else Status.REFUTED
            return Verdict.make(status, p.kind, method, 0.0, point=found,
                                notes=p.notes + (f"found with {why}, certified at the integer point",))
    return None


#: seconds spent on small integer points before the solver, where every symbol is an integer
SMALL_INTEGER_SECONDS = 0.25


def _small_integers(p: Problem, d: Domain) -> Verdict | None:
    """Where every symbol is an integer (nonlinear integer arithmetic with Mod, floor, powers: z3 often runs out
    of time on what n = 2 settles), a counterexample or instance among small integers, certified as any point is.
    Only points: a claim true at all of them is left to the solver."""
    if not p.symbols or not all(s.is_integer for s in p.symbols) or p.remaining() <= 0:
        return None
    return simple_verdict(p, p.kind is Kind.EXISTS, "found among small integer values tried in turn before the "
                                                    "solver, and certified", SMALL_INTEGER_SECONDS)


#: the share of the time left that the residue classes may take (the solver gets the rest)
RESIDUE_SHARE = 0.6


def _residue_classes(p: Problem, d: Domain) -> Verdict | None:
    """Remainders of integer polynomials (``Mod(k**2, 4) < 2``), on which z3 runs out of time: decided class by
    class (:mod:`symbolic.residues`), each remainder a constant there.  Proved (or no instance) only if every
    class is; refuted (or witnessed) only by a point of one class certified on the claim itself; otherwise
    ``None``, and the solver tries the claim whole."""
    # a claim with conditions of definition is not split: a class may make a term undefined (log(Mod(k, 3)) at
    # k = 3q), which SymPy folds away once the remainder is a constant (Abs(log(0)) >= 0 is True)
    if d.claim or d.premises or p.remaining() <= 0:
        return None
    try:
        cases = residue_cases(p.target, p.named)
    except (TypeError, ValueError):  # SymPy refuses to rebuild a class (a comparison of a non-real number)
        return None
    if cases is None:
        return None
    want = p.kind is Kind.EXISTS
    until = time.monotonic() + p.remaining() * RESIDUE_SHARE
    empty = 0
    for i, case in enumerate(cases):
        left = until - time.monotonic()
        if left <= 0:
            return None
        v = decide_problem(make_problem(p.kind, case.target, case.named,
                                        time.monotonic() + left / (len(cases) - i)))
        if v.status is Status.VACUOUS:  # no admissible point in this class
            empty += 1
        elif v.status is (Status.WITNESS if want else Status.REFUTED) and v.point is not None:
            point = case.point_of(v.point)
            try:
                if set(point) != set(p.symbols) or not certify(p, point, want):
                    return None
            except Uncertifiable:
                return None
            return Verdict.make(v.status, p.kind, "residues", 0.0, point=point, core=None, notes=p.notes + (
                f"found in the residue class {case.words()}, and certified on the claim",))
        elif v.status is not (Status.REFUTED if want else Status.PROVED):
            return None
    if empty == len(cases):
        return None  # no class admits a point: the vacuity route's question, not this one's
    names = ", ".join(s.name for s, _ in cases[0].residues)
    # no core: which assumptions the classes' proofs used is not gathered
    return Verdict.make(Status.REFUTED if want else Status.PROVED, p.kind, "residues", 0.0, core=None,
                        reason="no instance exists" if want else "", notes=p.notes + (
                            f"decided in each of the {len(cases)} residue classes of {names} modulo "
                            f"{cases[0].modulus}, where each remainder of an integer polynomial is a constant",))


#: the routes, in order: each returns a verdict or None (not applicable / no answer)
ROUTES: tuple[Callable[[Problem, Domain], Verdict | None], ...] = (vacuity, sympy_constant, sympy_sign,
                                                                   sympy_identity, _residue_classes,
                                                                   _integers_relaxed, _small_integers, z3_search)


def decide_problem(p: Problem) -> Verdict:
    return _not_resting_on_narrow_powers(p, _decide_routes(p))


def _narrow_powers(b) -> list:
    """:func:`~symbolic.problem.narrow_powers` whose base SymPy does not prove positive (where the engine's
    reading of them, on ``x > 0`` only, may leave out points where they are defined)."""
    return [e for e in narrow_powers(b) if not (e.base.is_positive and sympy_settles_reliably(e.base))]


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
        return p.unknown("unsupported-construct", f"not supported: {p.unsupported}")
    if p.encoding is None:
        return p.unknown("translation", p.translation_error or "could not translate the claim")
    d = domain_of(p, _decide_routes)
    fallback = None
    for route in ROUTES:
        v = route(p, d)
        if v is None:
            continue
        if v.status is not Status.UNKNOWN:
            return v
        if fallback is None:
            fallback = v
        if route is vacuity:
            return v  # nothing can be decided without knowing whether the assumptions are satisfiable
    if fallback is not None:
        return fallback
    return p.unknown("z3", "no route decided the claim")
