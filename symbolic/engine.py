r"""The decision engine: :func:`prove` and :func:`exists`.

Given a claim :math:`C` and assumptions :math:`A_1, \dots, A_m` (SymPy
Booleans over real symbols, whose own SymPy assumptions count too):

* :func:`prove` decides :math:`\forall x.\; A(x) \Rightarrow C(x)`;
* :func:`exists` decides :math:`\exists x.\; A(x) \wedge C(x)`.

Routes, in order:

1. **SymPy sign** -- a single relation with no explicit assumptions whose sign
   SymPy settles from the symbol assumptions alone (``x**2 + 1 > 0``).
2. **z3** -- nonlinear real arithmetic on the exact translation of
   :mod:`symbolic.smt`.  Before any answer is trusted, every domain condition
   (denominators, logarithm arguments, bases of fractional powers) is proved
   from the assumptions; a claim that may be undefined where the assumptions
   hold is ``unknown``.  The assumptions are checked for satisfiability first
   (``vacuous`` otherwise).
3. **SymPy identity** -- an equation that z3 cannot settle (``exp``/``log``)
   and that simplifies to ``0 = 0``.

Every counterexample and witness is certified by :mod:`symbolic.certify`
before it is reported; a point that fails is never reported.
"""

from __future__ import annotations

import time
from typing import Mapping

import sympy as sp
import z3
from sympy.core.relational import Relational
from sympy.logic.boolalg import Boolean

from .certify import Uncertifiable, holds, respects_symbol_assumptions
from .smt import Translator, Untranslatable, z3_value_to_sympy
from .verdict import Kind, Status, Verdict

__all__ = ["prove", "exists", "normalize_assumptions"]


# -- input checks ---------------------------------------------------------------

def _check_boolean(b, what: str):
    if isinstance(b, bool):
        raise TypeError(
            f"{what} is the Python bool {b!r}, not a SymPy Boolean: SymPy already evaluated the "
            "comparison (compare SymPy expressions, e.g. Symbol('x') > 0; write an equation as "
            "sympy.Eq(a, b), since == compares expressions structurally; or pass sympy.true)")
    if not isinstance(b, Boolean):
        raise TypeError(f"{what} must be a SymPy Boolean (a relation or And/Or/Not/Implies), "
                        f"got {type(b).__name__}: {b!r}")
    for s in b.free_symbols:
        if not isinstance(s, sp.Symbol):
            raise TypeError(f"{what} has the free symbol {s!r} of type {type(s).__name__}; "
                            "use plain sympy Symbols")
        if s.is_real is False or (s.is_complex and s.is_real is None and s.assumptions0.get("complex")):
            raise ValueError(f"symbol {s.name} is declared non-real (complex or imaginary); "
                             "the engine decides claims over the reals")
    return b


def normalize_assumptions(assumptions) -> tuple[tuple[str, Boolean], ...]:
    """``(name, Boolean)`` pairs from a Boolean, a sequence of Booleans or a name->Boolean map."""
    if assumptions is None:
        return ()
    if isinstance(assumptions, (Boolean, bool)):
        assumptions = (assumptions,)
    if isinstance(assumptions, Mapping):
        items = [(str(k), v) for k, v in assumptions.items()]
    else:
        try:
            items = [(None, a) for a in assumptions]
        except TypeError:
            raise TypeError("assumptions must be a SymPy Boolean, a sequence of them or a "
                            f"name -> Boolean mapping, got {type(assumptions).__name__}") from None
    out = []
    for i, (name, a) in enumerate(items):
        _check_boolean(a, f"assumption {name or i + 1}")
        out.append((name or sp.sstr(a), a))
    return tuple(out)


# -- the engine -------------------------------------------------------------------

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


def _decide(kind: Kind, target, assumptions, timeout: float, core: bool = False) -> Verdict:
    start = time.perf_counter()
    what = "claim" if kind is Kind.FORALL else "condition"
    _check_boolean(target, what)
    named = normalize_assumptions(assumptions)
    if not (isinstance(timeout, (int, float)) and timeout > 0):
        raise ValueError(f"timeout must be a positive number of seconds, got {timeout!r}")
    deadline = start + float(timeout)
    problem = _Problem(kind, target, named, deadline, core)
    verdict = problem.decide()
    return verdict.with_seconds(time.perf_counter() - start)


class _Problem:
    def __init__(self, kind, target, named, deadline, want_core=False):
        self.want_core = want_core
        self._defined_everywhere = False  #: set once every domain condition is proved
        self.kind = kind
        self.target = target
        self.named = named
        self.assumptions = [a for _, a in named]
        self.deadline = deadline
        syms = set(target.free_symbols)
        for a in self.assumptions:
            syms |= a.free_symbols
        self.symbols = tuple(sorted(syms, key=lambda s: s.name))

    # verdict helpers
    def _v(self, status, method, **kw):
        return Verdict.make(status, self.kind, method, 0.0, **kw)

    def unknown(self, method, reason):
        return self._v(Status.UNKNOWN, method, reason=reason)

    def remaining_ms(self) -> int:
        return max(1, int((self.deadline - time.perf_counter()) * 1000))

    def decide(self) -> Verdict:
        v = self._sympy_sign()
        if v is not None:
            return v
        v = self._z3()
        if v.status is Status.UNKNOWN:
            alt = self._sympy_identity()
            if alt is not None:
                return alt
        return v

    # -- route 1: SymPy sign from symbol assumptions ---------------------------
    def _sympy_sign(self):
        if self.assumptions or not isinstance(self.target, Relational):
            return None
        probe = Translator()
        probe._record_domain(self.target.lhs)
        probe._record_domain(self.target.rhs)
        if probe.domain:
            return None  # possibly undefined somewhere: the z3 route proves the domain first
        truth = _relation_truth(self.target)
        if truth is None:
            return None
        everywhere_true = truth
        if self.kind is Kind.FORALL and everywhere_true:
            return self._v(Status.PROVED, "sympy-sign")
        # a point is needed: the claim fails (forall) or holds (exists) everywhere
        point = _default_point(self.symbols)
        try:
            ok = self._certify(point, want=not (self.kind is Kind.FORALL))
        except Uncertifiable:
            return None
        if self.kind is Kind.FORALL:
            return self._v(Status.REFUTED, "sympy-sign", point=point) if ok else None
        if everywhere_true:
            return self._v(Status.WITNESS, "sympy-sign", point=point) if ok else None
        return self._v(Status.REFUTED, "sympy-sign", reason="the condition is false everywhere")

    # -- route 3: SymPy identity ------------------------------------------------
    def _sympy_identity(self):
        t = self.target
        if not (isinstance(t, sp.Eq) and self.kind is Kind.FORALL):
            return None
        if not self._defined_everywhere:
            return None  # an identity "where defined" is not a proof where it may be undefined
        diff = sp.simplify(sp.expand_log(t.lhs - t.rhs))
        if diff != 0:
            return None
        # the identity holds wherever defined; the region must be non-empty
        return self._v(Status.PROVED, "sympy-identity",
                       reason="the two sides simplify to the same expression")

    # -- route 2: z3 --------------------------------------------------------------
    def _z3(self) -> Verdict:
        tr = Translator(self.symbols)
        try:
            for s in self.symbols:
                tr.var(s)
            a_z3 = [tr.boolean(a) for a in self.assumptions]
            c_z3 = tr.boolean(self.target)
        except Untranslatable as exc:
            return self.unknown("z3", f"outside the engine's fragment: {exc}")
        facts = tr.symbol_facts() + tr.side + tr.monotonicity_facts()

        # 1. the assumptions must be satisfiable (z3 division semantics give
        #    a conservative check here: uninterpreted x/0 can only add models)
        key = (self.named, self.symbols, tuple(tr.atoms))
        cached = _SATISFIABLE_ASSUMPTIONS.get(key)
        if cached is not None:
            res, core = cached
        else:
            res, core = self._check(facts, a_z3, [], always_core=True)
            if res != z3.unknown and len(_SATISFIABLE_ASSUMPTIONS) < 4096:
                # the same assumptions recur across the obligations of a claim and across claims
                _SATISFIABLE_ASSUMPTIONS[key] = (res, core)
        if res == z3.unknown:
            return self.unknown("z3", "z3 could not decide whether the assumptions are satisfiable "
                                f"({self._why_unknown()})")
        if res == z3.unsat:
            return self._v(Status.VACUOUS, "z3", reason="the assumptions are contradictory", core=core)

        # 2. every domain condition must hold wherever the assumptions hold
        self._defined_everywhere = False
        for cond in tr.domain:
            s = z3.Solver()
            s.add(*facts)
            s.add(*self._plain_assumptions(tr))
            s.add(tr.domain_violation(cond))
            s.set("timeout", self.remaining_ms())
            r = s.check()
            if r != z3.unsat:
                why = "may fail" if r == z3.sat else "could not be established"
                return self.unknown("z3", f"undefined somewhere the assumptions hold: {cond.describe()} {why}")
        facts = facts + [tr.domain_fact(c) for c in tr.domain]
        self._defined_everywhere = True

        # 3. the decision itself
        goal = z3.Not(c_z3) if self.kind is Kind.FORALL else c_z3
        r, core = self._check(facts, a_z3, [goal], always_core=False)
        if r == z3.unknown:
            return self.unknown("z3", self._why_unknown())
        if r == z3.unsat:
            if self.kind is Kind.FORALL:
                return self._v(Status.PROVED, "z3", core=core)
            return self._v(Status.REFUTED, "z3", reason="no instance satisfies the assumptions and the condition",
                           core=core)
        point = self._read_point(self._model, tr)
        want = self.kind is Kind.EXISTS
        status = Status.WITNESS if want else Status.REFUTED
        try:
            if self._certify(point, want):
                return self._v(status, "z3", point=point)
            why = "the solver's point failed exact certification"
        except Uncertifiable as exc:
            why = f"the solver's point could not be certified: {exc}"
        if tr.opaque or any(f in ("exp", "log", "root", "power") for _, f, _ in tr.atoms.values()):
            why += " (the claim has functions z3 does not know; they were abstracted)"
        return self.unknown("z3", why)

    def _check(self, facts, a_z3, extra, always_core):
        """Plain check (fast); a tracked re-check for the unsatisfiable core when wanted.

        Tracking every assumption slows z3 by an order of magnitude on Section 5,
        so cores are computed only on request or for vacuous assumptions.
        """
        s = z3.Solver()
        s.add(*facts, *a_z3, *extra)
        s.set("timeout", self.remaining_ms())
        r = s.check()
        self._last_reason = s.reason_unknown() if r == z3.unknown else ""
        self._model = s.model() if r == z3.sat else None
        core: tuple[str, ...] = ()
        if r == z3.unsat and (always_core or self.want_core) and self.named:
            t = z3.Solver()
            t.add(*facts, *extra)
            tracked = []
            for i, ((name, _), az) in enumerate(zip(self.named, a_z3)):
                flag = z3.Bool(f"assumption!{i}")
                tracked.append((flag, name))
                t.assert_and_track(az, flag)
            t.set("timeout", self.remaining_ms())
            if t.check() == z3.unsat:
                core = self._minimize_core(facts, extra, a_z3, _core_names(t, tracked))
        return r, core

    def _minimize_core(self, facts, extra, a_z3, core):
        """Drop one assumption at a time while the rest stay contradictory (z3 cores are not minimal)."""
        by_name = {name: az for (name, _), az in zip(self.named, a_z3)}
        kept = list(core)
        for name in list(core):
            trial = [n for n in kept if n != name]
            s = z3.Solver()
            s.add(*facts, *extra, *[by_name[n] for n in trial])
            s.set("timeout", self.remaining_ms())
            if s.check() == z3.unsat:
                kept = trial
        return tuple(kept)

    def _why_unknown(self) -> str:
        reason = self._last_reason
        if time.perf_counter() >= self.deadline or "timeout" in reason or "canceled" in reason:
            return "time limit reached"
        return f"z3 returned unknown: {reason}"

    def _plain_assumptions(self, tr: Translator):
        saved = tr.clear_denominators
        tr.clear_denominators = False
        try:
            return [tr.boolean(a) for a in self.assumptions]
        finally:
            tr.clear_denominators = saved

    def _read_point(self, model, tr: Translator) -> dict:
        point = {}
        for s in self.symbols:
            v = model.eval(tr.vars[s], model_completion=True)
            point[s] = z3_value_to_sympy(v)
        return _nicer_point(point, self)

    def _certify(self, point, want: bool) -> bool:
        """Exact check: assumptions hold and the target has truth value ``want``."""
        if not respects_symbol_assumptions(point):
            return False
        if not all(holds(a, point) for a in self.assumptions):
            return False
        return holds(self.target, point) == want


#: (named assumptions, symbols, atoms) -> (z3 result, core) of "are the assumptions satisfiable?"
_SATISFIABLE_ASSUMPTIONS: dict = {}


def _core_names(solver, tracked) -> tuple[str, ...]:
    try:
        core = {str(c) for c in solver.unsat_core()}
    except z3.Z3Exception:
        return ()
    return tuple(name for flag, name in tracked if str(flag) in core)


def _relation_truth(rel: Relational):
    """True/False if SymPy settles ``rel`` everywhere from symbol assumptions, else None."""
    diff = rel.lhs - rel.rhs
    pos, neg, zero = diff.is_positive, diff.is_negative, diff.is_zero
    nonneg, nonpos = diff.is_nonnegative, diff.is_nonpositive
    op = rel.rel_op
    table = {
        ">": (pos, nonpos), ">=": (nonneg, neg), "<": (neg, nonneg), "<=": (nonpos, pos),
        "==": (zero, diff.is_nonzero), "!=": (diff.is_nonzero, zero),
    }
    if op not in table:
        return None
    sure_true, sure_false = table[op]
    if sure_true:
        return True
    if sure_false:
        return False
    return None


def _default_point(symbols) -> dict:
    point = {}
    for s in symbols:
        if s.is_positive or (s.is_nonzero and not s.is_negative):
            point[s] = sp.Integer(1)
        elif s.is_negative:
            point[s] = sp.Integer(-1)
        else:
            point[s] = sp.Integer(0)
    return point


def _nicer_point(point: dict, problem: _Problem) -> dict:
    """Prefer a rational point near an algebraic one when it certifies just as well."""
    if all(v.is_Rational for v in point.values()):
        return point
    want = problem.kind is Kind.EXISTS
    for digits in (2, 4, 8):
        candidate = {s: (v if v.is_Rational else sp.Rational(str(sp.N(v, digits + 2))).limit_denominator(10**digits))
                     for s, v in point.items()}
        try:
            if problem._certify(candidate, want):
                return candidate
        except Uncertifiable:
            continue
    return point
