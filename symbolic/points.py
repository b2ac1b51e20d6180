"""Points of a decision: certified exactly before any is reported, made readable, or used to refine.

A point the solver proposes is a counterexample or a witness only once :func:`certify` has settled every
symbol assumption, every assumption and the claim there (:func:`symbolic.certify.holds`).  Before that it
is made readable (simple rationals near it first) and, for equations with ``exp``/``log``, moved onto their
exact roots; where abstraction made it spurious, :func:`refinement_lemmas` gives tangent and chord lines
that cut it off.  A problem is passed as a value (:class:`symbolic.problem.Problem`).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import sympy as sp

from .certify import Uncertifiable, enclose, holds, rational_enclosure, respects_symbol_assumptions
from .constructs import is_truth_value
from .smtlib import int_literal, num, product_of, sum_of
from .timebox import OutOfTime, time_box
from .translate import Atom

if TYPE_CHECKING:
    from .problem import Problem

__all__ = ["certify", "certified_point", "simple_point", "simplest_first", "SIMPLE_SECONDS", "refinement_lemmas", "excluded_values", "default_point"]


def certify(p: Problem, point: dict, want: bool) -> bool:
    """Rigorous check: symbol assumptions and assumptions hold, the target has truth value ``want``."""
    if not respects_symbol_assumptions(point):
        return False
    if not all(holds(a, point) for a in p.assumptions):
        return False
    return holds(p.target, point) == want


def certified_point(p: Problem, point: dict, want: bool) -> dict | None:
    """The solver's point if it certifies, else a nearby rational one that does, else ``None``."""
    if len(point) != len(p.symbols):
        return None
    candidates = []  # simple rationals first (a readable counterexample), then the solver's exact point
    for digits in (1, 2, 4, 8, 16):
        c = {s: _rational_near(v, digits) for s, v in point.items()}
        if c not in candidates:
            candidates.append(c)
    if point not in candidates:
        candidates.append(point)
    candidates += [c for c in _roots_near(p, point) if c not in candidates]
    for c in candidates:
        if c is None or any(v is None for v in c.values()):
            continue
        try:
            with time_box(p.remaining()):  # an exact sign (a minimal polynomial of degree 30) has no limit
                if certify(p, c, want):
                    return c
        except (Uncertifiable, OutOfTime, ArithmeticError):  # Mod(x, 0) at a candidate: no point
            pass
        if p.remaining() <= 0:
            return None
    return None


#: values tried, simplest first, where the solver's points stay spurious (exp(t) cos(t) < 1 + t**7 fails at
#: t = 1/10, where no refined abstraction led z3); at most SIMPLE_POINTS points where the assumptions hold
#: (SIMPLE_LOOKS looked at in all), for SIMPLE_SECONDS
SIMPLE_VALUES = tuple(sp.Rational(v) for v in ("1", "1/2", "2", "1/10", "0", "-1", "-1/2", "3", "1/3", "10", "-2",
                                               "-1/10", "100", "1/100",
                                               # last, so that the simpler ones still come first: a claim false
                                               # only near x = 4/5 (sin x + cos x < 1.414) or far out (atan x <
                                               # 1.57 fails past 1256)
                                               "3/4", "4/5", "3/2", "5/2", "1/4", "-3/2", "5", "1000", "10000",
                                               "1000000", "1/1000"))
SIMPLE_POINTS, SIMPLE_LOOKS, SIMPLE_SECONDS = 200, 5000, 2.0


def simplest_first(sizes: list[int]):
    """Index tuples (one index below each size), by increasing sum, so that every symbol's simple values are
    reached together: (0, 0, 0, 2, 4) -- three values 1, then 2 and 3 -- comes before (0, 0, 0, 0, 9)."""
    def parts(total: int, k: int):
        if k == len(sizes) - 1:
            if total < sizes[k]:
                yield (total,)
            return
        for i in range(min(total, sizes[k] - 1), -1, -1):
            for rest in parts(total - i, k + 1):
                yield (i,) + rest

    for total in range(sum(n - 1 for n in sizes) + 1):
        yield from parts(total, 0)


def simple_point(p: Problem, want: bool, seconds: float = SIMPLE_SECONDS) -> dict | None:
    """A point of simple rationals (each symbol on :data:`SIMPLE_VALUES` its own assumptions allow, the
    simplest combinations first) that :func:`certify` settles: the claim fails there (``want`` False) or the
    condition holds (``want`` True); else ``None``.  Every point is certified as the solver's are; only
    points where the assumptions hold count towards :data:`SIMPLE_POINTS`."""
    values = [[v for v in SIMPLE_VALUES if respects_symbol_assumptions({s: v})] for s in p.symbols]
    if not p.symbols or any(not v for v in values):
        return None
    stop = time.monotonic() + min(seconds, max(0.0, p.remaining()))
    tried = 0
    for looked, idx in enumerate(simplest_first([len(v) for v in values]), 1):
        point = {s: vals[i] for s, vals, i in zip(p.symbols, values, idx)}
        try:
            with time_box(max(0.0, stop - time.monotonic())):
                # counted only where the assumptions hold; certify checks them again, as for any point
                if all(holds(a, point) for a in p.assumptions):
                    tried += 1
                    if certify(p, point, want):
                        return point
        except (Uncertifiable, OutOfTime, ArithmeticError):
            pass
        if tried >= SIMPLE_POINTS or looked >= SIMPLE_LOOKS or time.monotonic() >= stop:
            return None
    return None


#: at most this many equations solved, and seconds spent, in moving one solver point onto exact roots
ROOT_SOLVES, ROOT_SECONDS = 24, 3.0


_PERIODIC = (sp.sin, sp.cos, sp.tan, sp.cot, sp.sec, sp.csc)


def _roots_near(p: Problem, point: dict):
    """The solver's point with symbols moved, one after another (each at most once), onto exact real roots of
    equations of the claim or an assumption, the other symbols kept (``exp(x) = 2``: ``x = log 2``, which no
    rational point satisfies; then ``y = 2x``: ``y = 2 log 2``).  Equations with ``exp``/``log`` are solved
    first; each step takes the first root found (a chain, not a tree).  Only proposals: each is certified
    like any point.  Lazy, within :data:`ROOT_SOLVES` solves and :data:`ROOT_SECONDS`."""
    equations = list(dict.fromkeys(r for b in (p.target, *p.assumptions) for r in b.atoms(sp.Eq, sp.Ne)
                                   if not is_truth_value(r.lhs)))
    if not equations or not (p.encoding and p.encoding.atoms):
        return  # without exp, log, sin..., z3's own points are exact already (algebraic numbers)
    equations.sort(key=lambda r: not r.has(sp.exp, sp.log))
    budget = {"solves": ROOT_SOLVES, "until": time.monotonic() + min(ROOT_SECONDS, max(p.remaining(), 0.0))}
    moved: frozenset = frozenset()
    while True:
        step = next(_roots_once(p, point, equations, moved, budget), None)
        if step is None:
            return
        s, point = step
        moved |= {s}
        yield point


def _roots_once(p: Problem, point: dict, equations: list, moved: frozenset, budget: dict):
    for eq in equations:
        f = eq.lhs - eq.rhs
        for s in sorted((f.free_symbols & set(point)) - moved, key=sp.default_sort_key):
            left = min(budget["until"] - time.monotonic(), p.remaining())
            if left <= 0 or budget["solves"] <= 0:
                return
            budget["solves"] -= 1
            try:
                with time_box(min(left, 1.0)):
                    g = f.subs({t: v for t, v in point.items() if t != s})
                    # a periodic function has infinitely many roots: those within a few periods of the point
                    near = (sp.Interval(point[s] - 8, point[s] + 8) if g.has(*_PERIODIC) and point[s].is_Rational
                            else sp.S.Reals)
                    roots = sp.solveset(g, s, near) if g.free_symbols == {s} else sp.S.EmptySet
                    if isinstance(roots, sp.FiniteSet):  # the nearest first: the solver's point is admissible
                        roots = sorted((r for r in roots if r.is_number and not r.has(sp.I) and r != point[s]),
                                       key=lambda r: abs(float(sp.N(r - point[s], 15))))
            except (OutOfTime, Exception):  # Mod(x, 0) at a root, solveset's own failures: no candidate here
                continue
            if isinstance(roots, list):
                for r in roots:
                    yield s, {**point, s: r}


def excluded_values(p: Problem, point: dict) -> list[str]:
    """SMT-LIB facts ``symbol != value`` for each rational value of the point that breaks its symbol's own
    assumptions z3 sees only weakened (``p = 4`` for a prime ``p``, ``q = 1/2`` for an integer ``q`` read as
    real): true facts, so a later ``unsat`` still decides.

    >>> import time; from symbolic import Kind; from symbolic.problem import make_problem
    >>> p = sp.Symbol("p", prime=True)
    >>> excluded_values(make_problem(Kind.FORALL, sp.Ne(p, 4), (), time.monotonic() + 5), {p: sp.Integer(4)})
    ['(not (= i1 4))']
    """
    out = []
    for s, name, sort in p.encoding.symbols:
        v = point.get(s)
        if v is not None and not v.is_Rational and s.is_rational and sort == "Real":
            out += _irrational_excluded(name, v)
        if v is None or not v.is_Rational:
            continue
        try:
            fits = respects_symbol_assumptions({s: v})
        except Uncertifiable:
            continue
        if not fits:
            out.append(f"(not (= {name} {int_literal(int(v)) if sort == 'Int' else num(v)}))")
    return out


#: seconds spent finding the minimal polynomial of a model's irrational value
MINIMAL_POLYNOMIAL_SECONDS = 0.5


def _irrational_excluded(name: str, v: sp.Expr) -> list[str]:
    """For a symbol declared rational that z3 (reading it as real) gave an irrational algebraic value: the true
    fact that it is no root of that value's minimal polynomial, irreducible over Q of degree >= 2 (a rational
    number is never one), which rules out every conjugate at once (sqrt(2) and -sqrt(2) for r**2 = 2).

    >>> _irrational_excluded("r1", sp.sqrt(2))
    ['(not (= (+ (* r1 r1) (- 2.0)) 0.0))']
    """
    t = sp.Dummy("t")
    try:
        with time_box(MINIMAL_POLYNOMIAL_SECONDS):
            poly = sp.Poly(sp.minimal_polynomial(v, t), t)
    except (OutOfTime, NotImplementedError, ValueError, sp.PolynomialError):
        return []
    if poly.degree() < 2 or not all(c.is_Rational for c in poly.all_coeffs()):
        return []  # degree 1 is a rational value: not this fact
    terms = [product_of(([] if c == 1 and k else [num(c)]) + [name] * k) for (k,), c in poly.terms()]
    return [f"(not (= {sum_of(terms)} 0.0))"]


def _rational_near(v: sp.Expr, digits: int):
    if v.is_Rational:
        return v.limit_denominator(10**digits)
    bounds = rational_enclosure(v, prec=4 * digits + 64)
    if bounds is None:
        return None
    mid = (bounds[0] + bounds[1]) / 2
    return sp.Rational(mid).limit_denominator(10**digits)


def refinement_lemmas(p: Problem, point: dict, model: dict) -> list:
    """Tangent and chord lines of ``exp``/``log`` at the solver's point that cut off its spurious values."""
    enc = p.encoding
    lemmas = []
    for atom in enc.atoms:
        if p.remaining() <= 0:
            break
        if atom.func not in (sp.exp, sp.log) or atom.arg is None:
            continue
        t_model = model.get(atom.var)
        if t_model is None:
            continue
        try:
            a = _rational_at(atom.arg, point)
        except Uncertifiable:
            continue
        if a is None:
            continue
        lemma = _exp_lemma(atom, a, t_model) if atom.func is sp.exp else _log_lemma(atom, a, t_model)
        if lemma is not None:
            lemmas.append(lemma)
    return lemmas


def _rational_at(arg: sp.Expr, point: dict):
    """A rational close to the value of ``arg`` at ``point`` (the lemmas hold for any rational)."""
    from flint import ctx

    with ctx.workprec(128):
        b = enclose(arg, point, 128)
    if not b.is_finite():
        return None
    mid = b.mid()
    m, e = mid.man_exp()
    return sp.Rational(sp.Integer(int(m)) * sp.Integer(2) ** int(e)).limit_denominator(10**12)


def _bounds(e):
    return rational_enclosure(e, prec=128)


def _exp_lemma(atom: Atom, a: sp.Rational, t_model):
    t, u = atom.var, atom.arg_term
    if abs(a) > 1000:  # exp(a) beyond any float: a line there cuts off nothing useful
        return None
    ea = _bounds(sp.exp(a))
    if ea is None:
        return None
    lo, hi = ea
    if sp.sympify(t_model) < lo:  # too low: the tangent line at a is a lower bound everywhere
        return f"(>= {t} (* {num(lo)} (+ 1.0 {u} {num(-a)})))"
    for k in range(0, 12):  # too high: a chord over [a - delta, a + delta] is an upper bound there
        delta = sp.Rational(1, 4**k)
        left, right = _bounds(sp.exp(a - delta)), _bounds(sp.exp(a + delta))
        if left is None or right is None:
            return None
        h1, h2 = left[1], right[1]
        if (h1 + h2) / 2 < sp.sympify(t_model):
            return _chord(t, u, a - delta, a + delta, h1, h2, "<=")
    return None


def _chord(t, u, l, r, v1, v2, op) -> str:
    """``l <= u <= r  =>  t op`` the line through ``(l, v1)`` and ``(r, v2)``."""
    slope = (v2 - v1) / (r - l)
    line = f"(+ {num(v1)} (* {num(slope)} (- {u} {num(l)})))"
    return f"(=> (and (>= {u} {num(l)}) (<= {u} {num(r)})) ({op} {t} {line}))"


def _log_lemma(atom: Atom, a: sp.Rational, t_model):
    t, u = atom.var, atom.arg_term
    if a <= 0:
        return None
    la = _bounds(sp.log(a))
    if la is None:
        return None
    lo, hi = la
    if sp.sympify(t_model) > hi:  # too high: the tangent at a is an upper bound for every u > 0
        return f"(=> (> {u} 0.0) (<= {t} (+ {num(hi)} (* {num(1 / a)} (- {u} {num(a)})))))"
    for k in range(0, 12):  # too low: a chord over [a/(1 + d), a(1 + d)] is a lower bound there
        d = sp.Rational(1, 4**k)
        l_, r_ = a / (1 + d), a * (1 + d)
        left, right = _bounds(sp.log(l_)), _bounds(sp.log(r_))
        if left is None or right is None:
            return None
        l1, l2 = left[0], right[0]
        if l1 + (l2 - l1) * (a - l_) / (r_ - l_) > sp.sympify(t_model):
            return _chord(t, u, l_, r_, l1, l2, ">=")
    return None


_CANDIDATES = (sp.Integer(1), sp.Integer(-1), sp.Integer(0), sp.Integer(2), sp.Integer(3), sp.Integer(4),
               sp.Integer(-2), sp.Rational(1, 2), sp.Rational(-1, 2), sp.Integer(7), sp.Integer(9),
               sp.Integer(-3), sp.Integer(-4))


def default_point(symbols) -> dict | None:
    """A simple value for each symbol that satisfies all its SymPy assumptions (or ``None``)."""
    point = {}
    for s in symbols:
        for v in _CANDIDATES:
            try:
                if respects_symbol_assumptions({s: v}):
                    point[s] = v
                    break
            except Uncertifiable:
                continue
        else:
            return None
    return point
