r"""The oracle: which points to look at, and its judgement of a verdict.

The oracle evaluates a claim and its assumptions at many exact points with
:mod:`tests.fuzz.evaluate` (its own arithmetic; the table of
:mod:`symbolic.constructs` says only what is supported and where it is
defined) and checks the engine's verdict against what it sees:

* ``proved`` while an admissible point makes the claim false or undefined;
* a ``refuted`` (``forall``) or ``witness`` point that is not one: a value
  that breaks a symbol's assumptions (``prime``, ``irrational``...), an
  assumption false or undefined there, a claim with the wrong truth value or
  undefined there;
* ``refuted`` (``exists``) while an admissible point satisfies the condition;
* ``vacuous`` while some point satisfies every assumption;
* a definite verdict on a claim outside the table (or with a non-real
  constant), or an ``unknown`` whose reason does not name the construct;
* a definite verdict other than the family's known answer.

Points: random draws inside the bounds the assumptions state (honouring each
symbol's kind: integers, primes, irrational algebraic numbers...), the bounds
themselves, ``0``, ``1``, ties between coordinates, the anchor a claim was
built around, and the zeros of every linear piece of the claim's domain
conditions (where a denominator vanishes, a logarithm's argument reaches zero,
a ``floor`` jumps).  A point the oracle cannot settle gives no verdict.
"""

from __future__ import annotations

import random
from fractions import Fraction
from functools import lru_cache
from typing import Mapping, Sequence

import sympy as sp
from sympy.core.relational import Relational

from symbolic import Kind, Status, Verdict

from .claim import FuzzClaim, Judgement, symbol_key
from .arithmetic import Unsettled
from .evaluate import Compiled, TableGap
from .kinds import admits
from .pieces import VALUE_POOL, rat, symbol_flag

__all__ = ["Oracle", "oracle_points", "check_verdict", "expected_unknown", "point_text"]

_NUMBER_KINDS = ("integer", "rational", "irrational", "even", "odd", "prime", "composite", "noninteger",
                 "algebraic", "transcendental")
_IRRATIONALS = (sp.sqrt(2), sp.sqrt(3), sp.sqrt(5) / 2, sp.sqrt(7) / 3)


def point_text(point) -> str:
    items = point.items() if isinstance(point, Mapping) else point
    return ", ".join(f"{s} = {v}" for s, v in sorted(items, key=lambda kv: (kv[0].name, sp.default_sort_key(kv[0]))))


class Oracle:
    """A claim and its assumptions compiled once; admissibility and truth at exact points."""

    def __init__(self, claim: FuzzClaim):
        self.claim = claim
        self.symbols = claim.symbols
        self.assume = [Compiled(a) for a in claim.assumptions]
        self.target = Compiled(claim.statement)
        self._admits: dict = {}

    def symbol_admits(self, s, v) -> bool:
        key = (s, v)
        hit = self._admits.get(key)
        if hit is None:
            hit = admits(s, v)
            self._admits[key] = hit
        return hit

    def admissible(self, p: Mapping, envs: dict | None = None) -> bool:
        """Every symbol's assumptions hold and every assumption is defined and true (Unsettled if unsure)."""
        if any(s not in p for s in self.symbols):
            raise Unsettled("the point does not give every symbol a value")
        if not all(self.symbol_admits(s, p[s]) for s in self.symbols):
            return False
        envs = {} if envs is None else envs
        return all(a.at(p, envs) is True for a in self.assume)

    def truth(self, p: Mapping, envs: dict | None = None):
        """True, False, or None where the claim is undefined (Unsettled if the oracle cannot tell)."""
        return self.target.at(p, envs)


def expected_unknown(claim: FuzzClaim) -> tuple[str, tuple[str, ...]]:
    """(why the verdict must be ``unknown``, names one of which its reason must give): ("", ()) if it need not be.

    A construct outside the table, named by its class (or "non-real" for a
    non-real number, as the engine says for ``I``).  The engine names the first
    construct it meets, so any of them will do.

    >>> x = sp.Symbol("x", real=True)
    >>> expected_unknown(FuzzClaim(0, 0, "t", Kind.FORALL, sp.gamma(x) > sp.tan(x)))
    ('not supported: gamma (in gamma(x))', ('gamma', 'tan'))
    """
    why, names = "", []
    for b in (claim.statement, *claim.assumptions):
        c = Compiled(b)
        if c.unsupported and not why:
            why = f"not supported: {c.unsupported}"
        names += _unsupported_names(c.read)
    return (why, tuple(dict.fromkeys(names))) if why else ("", ())


def complex_values(claim: FuzzClaim) -> list:
    """``re``/``im`` of complex values in the claim or its assumptions (the table reads them as undefined).

    Such a claim may have real instances the engine cannot see, so "no instance" and "vacuous" are
    not to be trusted; a proof (defined everywhere, so never through them) or a point is judged as usual.
    """
    out = []
    for b in (claim.statement, *claim.assumptions):
        out += Compiled(b).complex
    return out


def _unsupported_names(b) -> list:
    """How the engine would name each construct of ``b`` outside the table."""
    from symbolic.constructs import BOOLEAN_CONNECTIVES, construct_of

    out = []
    for node in sp.preorder_traversal(b):
        if isinstance(node, (sp.Symbol, sp.logic.boolalg.BooleanAtom, sp.Tuple)) or \
                type(node).__name__ == "ExprCondPair" or isinstance(node, BOOLEAN_CONNECTIVES):
            continue
        if isinstance(node, sp.logic.boolalg.Boolean) and not isinstance(node, sp.Expr):
            out.append(type(node).__name__)
        elif isinstance(node, sp.Expr) and construct_of(node) is None:
            real = node.is_real if node.is_number else None  # oo and zoo are "non-real" too
            out.append("non-real" if real is False else type(node).__name__)
    return out


# -- points ------------------------------------------------------------------------------

def _bounds(claim: FuzzClaim) -> dict:
    """Per symbol, [lo, hi] from its sign and the assumptions of the form ``symbol op constant``."""
    out = {}
    for s in claim.symbols:
        flag = symbol_flag(s)
        lo = Fraction(0) if flag in ("positive", "nonnegative") else None
        hi = Fraction(0) if flag in ("negative", "nonpositive") else None
        out[s] = [lo, hi]
    for a in claim.assumptions:
        if not isinstance(a, Relational) or a.rel_op == "!=":
            continue
        lhs, rhs, op = a.lhs, a.rhs, a.rel_op
        if isinstance(rhs, sp.Symbol) and lhs.is_Rational:
            lhs, rhs, op = rhs, lhs, {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "=="}[op]
        if not (isinstance(lhs, sp.Symbol) and rhs.is_Rational and lhs in out):
            continue
        c = Fraction(int(rhs.p), int(rhs.q))
        lo, hi = out[lhs]
        if op in (">", ">=", "=="):
            out[lhs][0] = c if lo is None else max(lo, c)
        if op in ("<", "<=", "=="):
            out[lhs][1] = c if hi is None else min(hi, c)
    for s, (lo, hi) in out.items():
        if lo is None and hi is None:
            lo, hi = Fraction(-4), Fraction(4)
        elif lo is None:
            lo = hi - 4
        elif hi is None:
            hi = lo + 4
        out[s] = (lo, hi) if lo <= hi else (hi, lo)
    return out


def _has_number_kind(s: sp.Symbol) -> bool:
    return any(s.assumptions0.get(k) is True for k in _NUMBER_KINDS)


@lru_cache(maxsize=4096)
def _draw_plan(s: sp.Symbol) -> tuple[bool, bool, bool]:
    """(has a number kind, may be irrational, must be irrational): how to draw values for ``s``."""
    return _has_number_kind(s), s.is_rational is not True, bool(s.is_irrational)


def _draw(rng: random.Random, s: sp.Symbol, lo: Fraction, hi: Fraction, oracle: Oracle):
    """A value for ``s`` in [lo, hi] (roughly) that satisfies its assumptions, or None.

    Mostly small rationals; integers, primes and composites for integer kinds;
    now and then an irrational algebraic number (``q + sqrt(2)``...) for a
    symbol that may take one -- always, for an irrational one.
    """
    kinded, irrational_ok, irrational = _draw_plan(s)
    for _ in range(12):
        r = rng.random()
        if irrational_ok and (irrational or r < 0.12):
            q = rat(rng, lo, hi)
            v = sp.Rational(q.numerator, q.denominator) + rng.choice(_IRRATIONALS) * rng.choice((1, -1)) / 2
        elif not kinded or r < 0.5:
            q = rat(rng, lo, hi)
            v = sp.Rational(q.numerator, q.denominator)
        elif r < 0.75:
            v = sp.Integer(rng.randint(int(lo) - 2, int(hi) + 2))
        else:
            v = rng.choice(VALUE_POOL)
        if oracle.symbol_admits(s, v):
            return v
    return None


def oracle_points(claim: FuzzClaim, samples: int = 64, extra: Sequence[Mapping] = (),
                  oracle: Oracle | None = None) -> list[dict]:
    """Exact candidate points (symbol -> SymPy number), not yet filtered by the assumptions."""
    oracle = oracle or Oracle(claim)
    rng = random.Random(f"coordfail-oracle/{claim.seed}/{claim.index}/{claim.family}")
    syms = claim.symbols
    if not syms:
        return [{}]
    bounds = _bounds(claim)
    pts: list[dict] = [dict(p) for p in extra]
    if claim.anchor is not None:
        pts.append(dict(claim.anchor))
    for c in (0, 1, -1, sp.Rational(1, 2), 2):
        pts.append({s: sp.Integer(c) if isinstance(c, int) else c for s in syms})
    pts.append({s: _rational(bounds[s][0]) for s in syms})
    pts.append({s: _rational(bounds[s][1]) for s in syms})
    for _ in range(samples):
        p = {s: _draw(rng, s, *bounds[s], oracle) for s in syms}
        if any(v is None for v in p.values()):
            continue
        r = rng.random()
        if r < 0.25 and len(syms) > 1:  # a tie: boundaries like x = y (and x*y, x - y rational for irrationals)
            a, b = rng.sample(syms, 2)
            p[b] = p[a] if rng.random() < 0.7 else -p[a]
        elif r < 0.35:  # everything equal: the equality case of symmetric inequalities
            c = p[syms[0]]
            p = {s: c for s in syms}
        elif r < 0.45:  # some coordinates at a bound
            for s in rng.sample(syms, rng.randint(1, len(syms))):
                p[s] = _rational(rng.choice(bounds[s]))
        pts.append(p)
    for s in syms:  # one coordinate at zero: where signs and denominators change
        p = {t: _rational(rat(rng, *bounds[t])) for t in syms}
        p[s] = sp.Integer(0)
        pts.append(p)
    pts += _linear_zeros(claim, rng, bounds, oracle)
    seen, out = set(), []
    for p in pts:
        if not all(s in p for s in syms):
            continue
        p = {s: p[s] for s in syms}  # a shrunk claim may have lost symbols of an earlier point
        key = tuple(p.values())
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _rational(q) -> sp.Expr:
    return sp.Rational(q.numerator, q.denominator) if isinstance(q, Fraction) else sp.sympify(q)


def _critical_expressions(b: sp.Basic) -> list:
    """Expressions whose zeros matter: domain conditions, relations, arguments of jumps and kinks."""
    from symbolic.constructs import domain_conditions

    out = []
    for node in sp.preorder_traversal(b):
        if isinstance(node, Relational) and isinstance(node.lhs, sp.Expr) and isinstance(node.rhs, sp.Expr):
            out.append(node.lhs - node.rhs)
        elif isinstance(node, (sp.floor, sp.ceiling, sp.frac, sp.Abs, sp.sign)):
            out.append(node.args[0])
        elif isinstance(node, sp.Mod):
            out.append(node.args[0] / node.args[1])
        elif isinstance(node, sp.Pow) and node.exp.is_negative:
            out.append(node.base)
    for c in domain_conditions(b):
        for rel in sp.preorder_traversal(c):
            if isinstance(rel, Relational) and isinstance(rel.lhs, sp.Expr):
                out.append(rel.lhs - rel.rhs)
    return out


@lru_cache(maxsize=8192)
def _solvable(d: sp.Expr) -> tuple:
    """(variable, coefficients of the numerator of ``d`` in it) for each variable it is linear or quadratic in."""
    num = d.as_numer_denom()[0]
    out = []
    for s in sorted(num.free_symbols, key=symbol_key):
        if not num.is_polynomial(s):
            continue
        try:
            coeffs = sp.Poly(num, s).all_coeffs()
        except sp.PolynomialError:
            continue
        if 2 <= len(coeffs) <= 3:
            out.append((s, tuple(coeffs)))
    return tuple(out)


def _linear_zeros(claim: FuzzClaim, rng: random.Random, bounds: dict, oracle: Oracle, per: int = 1) -> list[dict]:
    """Points where a critical expression is zero (or, for jumps, an integer), solving for a variable it is
    linear or quadratic in (so ``x**2 = 2`` gives ``x = sqrt(2)``)."""
    out = []
    exprs: list = []
    try:
        for b in (claim.statement, *claim.assumptions):
            exprs += _critical_expressions(b)
    except (TypeError, ValueError):
        return out
    seen = set()
    for d in exprs:
        if len(seen) >= 6:
            break
        if d in seen or not isinstance(d, sp.Expr) or not d.free_symbols or sp.count_ops(d) > 40:
            continue
        seen.add(d)
        solvable = _solvable(d)
        if not solvable:
            continue
        for _ in range(per):
            p = {s: _draw(rng, s, *bounds[s], oracle) for s in claim.symbols}
            if any(v is None for v in p.values()):
                break
            v, coeffs = rng.choice(solvable)
            others = {s: q for s, q in p.items() if s != v}
            coeffs = [c.xreplace(others) for c in coeffs]
            coeffs[-1] -= sp.Integer(rng.randint(-2, 2)) if rng.random() < 0.3 else 0
            if not all(c.is_number for c in coeffs) or coeffs[0] == 0:
                continue
            if len(coeffs) == 2:
                roots = [-coeffs[1] / coeffs[0]]
            else:
                a, b, c = coeffs
                disc = b * b - 4 * a * c
                if disc.is_negative:
                    continue
                roots = [(-b + sign * sp.sqrt(disc)) / (2 * a) for sign in (1, -1)]
            for root in roots:
                if root.is_real:
                    out.append({**p, v: root})
    return out


# -- judging a verdict -------------------------------------------------------------------

def _point_problem(oracle: Oracle, point: Mapping, want: bool):
    """What is wrong with the engine's point ("" if nothing; None if the oracle cannot tell)."""
    claim = oracle.claim
    missing = [s for s in claim.symbols if s not in point]
    if missing:
        return f"gives no value to {', '.join(map(str, missing))}"
    try:
        for s in claim.symbols:
            if not oracle.symbol_admits(s, point[s]):
                return f"{s} = {point[s]} breaks the assumptions of the symbol {s} ({sp.sstr(s.assumptions0)})"
        for a, compiled in zip(claim.assumptions, oracle.assume):
            t = compiled.at(point)
            if t is None:
                return f"the assumption {sp.sstr(a)} is undefined there"
            if not t:
                return f"the assumption {sp.sstr(a)} is false there"
        t = oracle.truth(point)
    except (Unsettled, TableGap):
        return None
    if t is None:
        return "the claim is undefined there"
    if t is not want:
        return f"the claim is {t} there"
    return ""


def check_verdict(claim: FuzzClaim, verdict: Verdict, samples: int = 64, extra: Sequence[Mapping] = ()) -> Judgement:
    """The oracle's judgement of ``verdict`` on ``claim`` (``problem`` is empty when it stands).

    >>> x = sp.Symbol("x", real=True)
    >>> c = FuzzClaim(0, 0, "example", Kind.FORALL, x**2 > 0)
    >>> check_verdict(c, Verdict.make("proved", "forall", "fabricated", 0.0)).problem
    'proved, but the claim is false at the admissible point x = 0'
    """
    kind, status = claim.kind, verdict.status
    allowed = {Kind.FORALL: (Status.PROVED, Status.REFUTED, Status.VACUOUS, Status.UNKNOWN),
               Kind.EXISTS: (Status.WITNESS, Status.REFUTED, Status.VACUOUS, Status.UNKNOWN)}[kind]
    if verdict.kind is not kind or status not in allowed:
        return Judgement(f"a {verdict.kind} verdict {status} for a {kind} claim", evidence="known")
    outside, names = expected_unknown(claim)
    if outside:
        if status is not Status.UNKNOWN:
            return Judgement(f"{status}, but the claim is outside the engine ({outside}): it must be unknown",
                             evidence="unsupported")
        if names and not any(n in verdict.reason for n in names):
            return Judgement(f"unknown, but the reason names none of {', '.join(names)} ({outside}): "
                             f"{verdict.reason!r}", evidence="unsupported")
        return Judgement()
    complex_ = complex_values(claim)
    if complex_ and (status is Status.VACUOUS or (status is Status.REFUTED and kind is Kind.EXISTS)):
        return Judgement(f"{status}, but {sp.sstr(complex_[0])} is re/im of a complex value, a real number the "
                         "engine reads as undefined: it must not conclude that nothing satisfies the claim",
                         evidence="unsupported")

    oracle = Oracle(claim)
    counted = unsettled = 0
    if status in (Status.PROVED, Status.VACUOUS) or (status is Status.REFUTED and kind is Kind.EXISTS):
        for p in oracle_points(claim, samples, extra, oracle):
            envs: dict = {}  # the point's enclosures, shared by the assumptions and the claim
            try:
                if not oracle.admissible(p, envs):
                    continue
                t = oracle.truth(p, envs)
            except Unsettled:
                unsettled += 1
                continue
            except TableGap as exc:
                return Judgement(f"the table's domain conditions miss an undefined value at {point_text(p)}: {exc}",
                                 tuple(p.items()), "table-gap", counted)
            counted += 1
            text = point_text(p)
            if status is Status.VACUOUS:
                return Judgement(f"vacuous, but every assumption holds at {text}", tuple(p.items()), "admissible",
                                 counted, unsettled)
            if t is None and status is Status.REFUTED:
                continue  # an undefined point is not an instance: "no instance" stands
            if t is None:
                return Judgement(f"proved, but the claim is undefined at the admissible point {text}",
                                 tuple(p.items()), "undefined", counted, unsettled)
            if status is Status.PROVED and t is False:
                return Judgement(f"proved, but the claim is false at the admissible point {text}",
                                 tuple(p.items()), "violates", counted, unsettled)
            if status is Status.REFUTED and t is True:
                return Judgement(f"refuted (no instance), but the condition holds at the admissible point {text}",
                                 tuple(p.items()), "satisfies", counted, unsettled)
    unconfirmed = False
    if status is Status.WITNESS or (status is Status.REFUTED and kind is Kind.FORALL):
        point = verdict.witness if status is Status.WITNESS else verdict.counterexample
        what = "witness" if status is Status.WITNESS else "counterexample"
        if point is None:
            return Judgement(f"{status} without a point", evidence="bad-point")
        problem = _point_problem(oracle, point, want=status is Status.WITNESS)
        if problem:
            return Judgement(f"the engine's {what} {point_text(point)} is not one: {problem}",
                             tuple(point.items()), "bad-point", counted, unsettled)
        unconfirmed = problem is None
    if claim.expected is not None and status is not Status.UNKNOWN and status is not claim.expected:
        return Judgement(f"{status}, but the known answer is {claim.expected} ({claim.why})", evidence="known",
                         points=counted, unsettled=unsettled)
    return Judgement(points=counted, unsettled=unsettled, unconfirmed=unconfirmed)
