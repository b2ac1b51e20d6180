"""Families of polynomial, rational and Boolean claims (the fuzzer's first families).

Random relations over 2 to 6 real variables with sign assumptions (as symbol
flags or explicit facts), strict and weak relations mixed, implications,
conjunctions and disjunctions, contradictory assumption sets, claims true only
up to a boundary, and families whose answer is known by construction (AM-GM,
Cauchy-Schwarz, sums of squares, claims false at a chosen admissible point);
``Abs``/``Min``/``Max``; denominators that vanish at an admissible point.

Each family is a function ``(rng, seed, index) -> FuzzClaim``.
"""

from __future__ import annotations

import random
from fractions import Fraction
from typing import Sequence

import sympy as sp

from symbolic import Kind, Status

from .claim import FuzzClaim
from .pieces import NAMES, S, Setup, eq, ge, gt, le, lt, make_symbol, ne, poly, random_kind, rel, value_at

__all__ = ["fam_polynomial", "fam_rational", "fam_boolean", "fam_contradictory", "fam_boundary",
           "fam_inequality", "fam_constructed", "fam_piecewise", "fam_removable", "fam_cancelled"]


def _atom(rng: random.Random, st: Setup) -> sp.Basic:
    """A random polynomial or rational relation, often tight at the anchor."""
    p = poly(rng, st.syms)
    shape = rng.random()
    if shape < 0.2:
        p = p / _denominator(rng, st)
    if shape > 0.85:
        return rel(rng, "<,<=,>,>=,==,!=")(p, poly(rng, st.syms, max_degree=2))
    try:
        at_anchor = value_at(p, st.anchor)
    except (ValueError, ZeroDivisionError):
        at_anchor = Fraction(0)
    rhs = at_anchor if rng.random() < 0.4 else Fraction(rng.randint(-3, 3))
    return rel(rng, "<,<=,>,>=,<,<=,>,>=,==,!=")(p, S(rhs))


def _denominator(rng: random.Random, st: Setup) -> sp.Expr:
    """A denominator: positive by construction, positive by symbol flags, or of unknown sign."""
    pick = rng.random()
    if pick < 0.4:
        a = rng.choice(st.syms)
        return a**2 + S(rng.choice((Fraction(1, 2), Fraction(1), Fraction(2))))
    if pick < 0.75:
        pos = [s for s in st.syms if s.is_positive]
        if pos:
            return sp.Mul(*rng.sample(pos, min(len(pos), rng.randint(1, 2))))
        return sp.Add(*[s**2 for s in st.syms[:2]]) + 1
    a, b = rng.sample(st.syms, 2)  # may vanish where the assumptions hold: usually unknown
    return a - b + S(Fraction(rng.randint(-1, 1)))


def _boolean(rng: random.Random, st: Setup, depth: int = 2) -> sp.Basic:
    if depth == 0 or rng.random() < 0.3:
        return _atom(rng, st)
    pick = rng.random()
    parts = [_boolean(rng, st, depth - 1) for _ in range(rng.randint(2, 3))]
    if pick < 0.3:
        return sp.And(*parts)
    if pick < 0.6:
        return sp.Or(*parts)
    if pick < 0.9:
        return sp.Implies(parts[0], parts[1])
    return sp.Not(parts[0])


def fam_polynomial(rng, seed, index):
    """One random polynomial relation under assumptions that hold at an anchor."""
    st = Setup(rng)
    p = poly(rng, st.syms)
    rhs = value_at(p, st.anchor) if rng.random() < 0.4 else Fraction(rng.randint(-3, 3))
    claim = rel(rng, "<,<=,>,>=,<,<=,>,>=,==,!=")(p, S(rhs))
    return FuzzClaim(seed, index, "polynomial", random_kind(rng), claim, tuple(st.assumptions()),
                     anchor=st.point())


def fam_rational(rng, seed, index):
    """A relation between a rational function and a constant or a polynomial."""
    st = Setup(rng)
    den = _denominator(rng, st)
    p = poly(rng, st.syms, max_degree=2) / den
    rhs = poly(rng, st.syms, max_degree=1, terms=1) if rng.random() < 0.3 else sp.Integer(rng.randint(-2, 2))
    claim = rel(rng)(p, rhs)
    assumptions = st.assumptions()
    sign = value_at(den, st.anchor)
    if den.is_positive is None and sign != 0 and rng.random() < 0.6:
        # the sign of the denominator follows from an explicit assumption only (SymPy cannot see it)
        assumptions.append(gt(den, 0) if sign > 0 else lt(den, 0))
    return FuzzClaim(seed, index, "rational", random_kind(rng), claim, tuple(assumptions),
                     anchor=st.point())


def fam_boolean(rng, seed, index):
    """Implications, conjunctions, disjunctions and negations of random relations."""
    st = Setup(rng)
    claim = _boolean(rng, st)
    return FuzzClaim(seed, index, "boolean", random_kind(rng), claim, tuple(st.assumptions()),
                     anchor=st.point())


def fam_contradictory(rng, seed, index):
    """Assumption sets with no admissible point, hidden among satisfiable ones: always ``vacuous``."""
    st = Setup(rng)
    a, b = rng.sample(st.syms, 2)
    c = S(Fraction(rng.randint(-3, 3), rng.choice((1, 2))))
    pick = rng.randrange(7)
    if pick == 0:  # bounds that cross, or touch with one side strict
        gap = rng.choice((0, Fraction(1, 2), 1))
        contra = [a > c, a < c - S(Fraction(gap))] if gap == 0 else [a >= c, a <= c - S(Fraction(gap))]
        why = f"{a} is bounded below by {c} and above by something no larger"
    elif pick == 1:  # a sum too large for its parts' bounds
        s1, s2 = Fraction(rng.randint(-2, 2)), Fraction(rng.randint(-2, 2))
        contra = [a <= S(s1), b <= S(s2), a + b > S(s1 + s2)]
        why = "a + b > s1 + s2 while a <= s1 and b <= s2"
    elif pick == 2:  # a strict cycle of inequalities
        c3 = rng.choice([s for s in st.syms if s not in (a, b)] or [a])
        contra = [a < b, b <= c3, c3 <= a] if c3 is not a else [a < b, b < a]
        why = "a strict cycle a < b <= c <= a"
    elif pick == 3:  # a sum of squares (plus a constant >= 0) below zero
        sq = sp.Add(*[poly(rng, st.syms, max_degree=1, terms=2)**2 for _ in range(rng.randint(1, 2))])
        k = S(Fraction(rng.randint(0, 2)))
        contra = [lt(sq + k, 0)]
        why = "a sum of squares plus a non-negative constant is negative"
    elif pick == 4:  # same-sign product with opposite signs
        contra = [a * b > 0, a > 0, b < 0]
        why = "a*b > 0 with a > 0 and b < 0"
    elif pick == 5:  # a quadratic with no real zero below zero
        contra = [le(a**2 - a + 1, 0)] if rng.random() < 0.5 else [le(a**2 + 1, 2 * a - 1)]
        why = "a**2 - a + 1 and (a - 1)**2 + 1 are positive"
    else:  # contradicts the symbol's own sign flag, or a flag-free equivalent
        if a.is_nonnegative:
            contra = [a < 0]
        elif a.is_negative:
            contra = [a >= 0]
        else:
            contra = [a**2 < 0]
        why = "contradicts the sign of the symbol"
    assumptions = st.assumptions(extra_relations=rng.randint(0, 1)) + contra
    rng.shuffle(assumptions)
    claim = _boolean(rng, st, depth=1)
    return FuzzClaim(seed, index, "contradictory", random_kind(rng), claim, tuple(assumptions),
                     expected=Status.VACUOUS, why=why)


def fam_boundary(rng, seed, index):
    """A sum of squares of linear forms vanishing at an admissible anchor: zero only on a boundary."""
    st = Setup(rng)
    forms = []
    for _ in range(rng.randint(1, 3)):
        used = rng.sample(st.syms, rng.randint(1, min(3, len(st.syms))))
        forms.append(sp.Add(*[rng.choice((1, -1, 2, -3)) * (s - S(st.anchor[s])) for s in used]))
    weights = [S(Fraction(rng.randint(1, 3), rng.choice((1, 2)))) for _ in forms]
    sos = sp.Add(*[w * f**2 for w, f in zip(weights, forms)])
    if rng.random() < 0.5:
        sos = sp.expand(sos)
    variants = [
        (Kind.FORALL, ge(sos, 0), Status.PROVED, "a sum of squares is non-negative"),
        (Kind.FORALL, gt(sos, 0), Status.REFUTED, "the sum of squares is zero at the admissible anchor"),
        (Kind.FORALL, gt(sos + S(Fraction(1, rng.randint(1, 8))), 0), Status.PROVED, "a positive constant added"),
        (Kind.EXISTS, lt(sos, 0), Status.REFUTED, "a sum of squares is never negative"),
        (Kind.EXISTS, eq(sos, 0), Status.WITNESS, "the anchor is a zero"),
        (Kind.EXISTS, le(sos, 0), Status.WITNESS, "the anchor is a zero"),
    ]
    a, b = rng.sample(st.syms, 2)
    variants.append((Kind.FORALL, sp.Implies(ne(a, b), gt((a - b)**2, 0)), Status.PROVED,
                     "a square is positive off its zero"))
    variants.append((Kind.FORALL, gt((a - b)**2, 0), None, "false exactly where a = b, if admissible"))
    kind, claim, expected, why = rng.choice(variants)
    assumptions = st.assumptions()
    if rng.random() < 0.2:  # pinch a variable: a >= c and a <= c leave exactly a = c
        s = rng.choice(st.syms)
        c = S(st.anchor[s])
        assumptions += [s >= c, s <= c]
        if rng.random() < 0.5:
            kind, claim, expected, why = rng.choice([
                (Kind.FORALL, sp.Eq(s, c), Status.PROVED, "the assumptions pinch the variable"),
                (Kind.FORALL, s > c, Status.REFUTED, "the only admissible value is the boundary"),
                (Kind.EXISTS, s < c, Status.REFUTED, "the only admissible value is the boundary"),
                (Kind.EXISTS, sp.Eq(s, c), Status.WITNESS, "the only admissible value is the boundary")])
    return FuzzClaim(seed, index, "boundary", kind, claim, tuple(assumptions), expected=expected,
                     anchor=st.point(), why=why)


def _known_inequalities(v: Sequence[sp.Symbol]):
    """(name, lhs, rhs, domain, equality case possible): lhs >= rhs on the domain, with equality somewhere."""
    a, b, c, d, e, f = v
    yield "two squares", a**2 + b**2, 2 * a * b, "real"
    yield "AM-GM 2", (a + b)**2, 4 * a * b, "real"
    yield "AM-GM 3 (sum of cubes)", a**3 + b**3 + c**3, 3 * a * b * c, "nonnegative"
    yield "AM-GM 3", (a + b + c)**3, 27 * a * b * c, "nonnegative"
    yield "AM-HM", (a + b) * (1 / a + 1 / b), sp.Integer(4), "positive"
    yield "ratio and inverse", a / b + b / a, sp.Integer(2), "positive"
    yield "Cauchy-Schwarz", (a**2 + b**2) * (c**2 + d**2), (a * c + b * d)**2, "real"
    yield "Nesbitt", a / (b + c) + b / (a + c) + c / (a + b), sp.Rational(3, 2), "positive"
    yield "Schur t=1", a * (a - b) * (a - c) + b * (b - a) * (b - c) + c * (c - a) * (c - b), sp.Integer(0), \
        "nonnegative"
    for n in (3, 4, 5, 6):
        xs = v[:n]
        yield f"QM-AM {n}", n * sp.Add(*[x**2 for x in xs]), sp.Add(*xs)**2, "real"
    yield "three squares", a**2 + b**2 + c**2, a * b + b * c + c * a, "real"
    yield "Bernoulli-like", (1 + a)**3, 1 + 3 * a, "nonnegative"
    yield "a**4 + b**4 >= a**3 b + a b**3", a**4 + b**4, a**3 * b + a * b**3, "real"
    yield "AM-GM 2 rational", (a + b) / 2, a * b / ((a + b) / 2), "positive"  # AM >= HM


def fam_inequality(rng, seed, index):
    """Classical inequalities with a known answer: weak proved, strict refuted, reversed refuted."""
    names = rng.sample(NAMES, 6)
    explicit = rng.random() < 0.4  # the domain as explicit facts on real symbols, not as symbol flags
    catalogue = list(_known_inequalities([sp.Dummy(nm) for nm in names]))
    name, lhs, rhs, domain = rng.choice(catalogue)
    dummies = sorted((lhs - rhs).free_symbols, key=lambda s: s.name)
    flag = "real" if explicit else domain
    syms = {dm: make_symbol(dm.name, flag) for dm in dummies}
    # a positive rescaling of every variable keeps the inequality and its equality case
    scale = {dm: syms[dm] * S(Fraction(rng.randint(1, 3), rng.randint(1, 3))) for dm in dummies}
    lhs, rhs = lhs.xreplace(scale), rhs.xreplace(scale)
    assumptions = []
    if explicit and domain != "real":
        assumptions = [(s > 0) if domain == "positive" else (s >= 0) for s in syms.values()]
    variant = rng.randrange(6)
    kind, claim, expected, why = [
        (Kind.FORALL, ge(lhs, rhs), Status.PROVED, f"{name}"),
        (Kind.FORALL, gt(lhs, rhs), Status.REFUTED, f"{name}: equality when the variables are equal"),
        (Kind.FORALL, le(lhs, rhs), Status.REFUTED, f"{name}: strict somewhere"),
        (Kind.EXISTS, lt(lhs, rhs), Status.REFUTED, f"{name}"),
        (Kind.EXISTS, eq(lhs, rhs), Status.WITNESS, f"{name}: the equality case"),
        (Kind.EXISTS, gt(lhs, rhs), Status.WITNESS, f"{name}: strict somewhere"),
    ][variant]
    if domain != "real" and rng.random() < 0.15 and not explicit and variant == 0 and "rational" not in name \
            and name not in ("AM-HM", "ratio and inverse", "Nesbitt"):
        # the same polynomial inequality over all reals: known false for the odd-degree ones
        plain = {s: make_symbol(s.name, "real") for s in syms.values()}
        claim = claim.xreplace(plain)
        expected = Status.REFUTED if name in ("AM-GM 3 (sum of cubes)", "AM-GM 3", "Schur t=1", "Bernoulli-like") \
            else None
        why = f"{name} without its sign assumption"
    return FuzzClaim(seed, index, "inequality", kind, claim, tuple(assumptions), expected=expected, why=why)


def fam_constructed(rng, seed, index):
    """Claims false at a chosen admissible point, tautologies, and monotonicity facts."""
    st = Setup(rng)
    pick = rng.randrange(8)
    p = poly(rng, st.syms)
    pv = S(value_at(p, st.anchor))
    if pick == 0:
        kind, claim, expected, why = rng.choice([
            (Kind.FORALL, gt(p, pv), Status.REFUTED, "false at the anchor"),
            (Kind.FORALL, lt(p, pv), Status.REFUTED, "false at the anchor"),
            (Kind.FORALL, ne(p, pv), Status.REFUTED, "false at the anchor"),
            (Kind.EXISTS, eq(p, pv), Status.WITNESS, "true at the anchor")])
    elif pick == 1:
        q = poly(rng, st.syms)
        qv = S(value_at(q, st.anchor))
        kind, claim, expected, why = rng.choice([
            (Kind.FORALL, sp.Implies(le(p, pv), gt(q, qv)), Status.REFUTED, "antecedent true, consequent false at the anchor"),
            (Kind.EXISTS, sp.And(ge(p, pv), le(q, qv)), Status.WITNESS, "true at the anchor"),
            (Kind.FORALL, sp.Or(lt(p, pv), gt(q, qv)), Status.REFUTED, "false at the anchor")])
    elif pick == 2:  # transitivity with strict and weak links
        x, y, z = (st.syms * 2)[:3] if len(st.syms) < 3 else rng.sample(st.syms, 3)
        r1, r2 = rng.choice(((sp.Lt, "<"), (sp.Le, "<="))), rng.choice(((sp.Lt, "<"), (sp.Le, "<=")))
        strict_goal = rng.random() < 0.5
        goal = (x < z) if strict_goal else (x <= z)
        claim = sp.Implies(sp.And(r1[0](x, y), r2[0](y, z)), goal)
        kind = Kind.FORALL
        if not strict_goal or "<" in (r1[1], r2[1]):
            expected, why = Status.PROVED, "transitivity"
        else:
            expected, why = None, "x = y = z violates it, if admissible"
        return FuzzClaim(seed, index, "constructed", kind, claim, (), expected=expected, why=why)
    elif pick == 3:  # the square of a difference, expanded
        q = poly(rng, st.syms, max_degree=2)
        kind, claim, expected, why = Kind.FORALL, ge(sp.expand(p**2 - 2 * p * q + q**2), 0), Status.PROVED, \
            "(p - q)**2 >= 0, expanded"
        if sp.expand(p - q) == 0:
            claim = sp.true
    elif pick == 4:  # monotone powers
        a, b = rng.sample(st.syms, 2)
        n = rng.choice((2, 3, 4))
        claim = sp.Implies(a > b, gt(a**n, b**n))
        kind = Kind.FORALL
        if n == 3:
            expected, why = Status.PROVED, "odd powers are increasing"
        elif b.is_nonnegative:
            expected, why = Status.PROVED, "even powers are increasing on the non-negative reals"
        else:
            expected, why = Status.REFUTED, "a = 1, b = -2 (or similar) violates it"
            if a.is_negative:  # a > b with both negative: a**n < b**n always
                expected, why = Status.REFUTED, "both negative: the power reverses the order"
        return FuzzClaim(seed, index, "constructed", kind, claim, (), expected=expected, why=why)
    elif pick == 5:  # products of ordered positives
        x, y = rng.sample(st.syms, 2)
        u, w = (make_symbol(nm, "positive") for nm in rng.sample([n for n in NAMES if n not in (x.name, y.name)], 2))
        claim = sp.Implies(sp.And(x > y, u > w, y > 0, w > 0), x * u > y * w)
        return FuzzClaim(seed, index, "constructed", Kind.FORALL, claim, (), expected=Status.PROVED,
                         why="x > y > 0, u > w > 0 give x*u > y*w")
    elif pick == 6:  # an algebraic witness, or none
        s = rng.choice(st.syms)
        k = rng.choice((2, 3, 5, 6, 7))
        if s.is_negative:
            assumptions = (s < -1,) if rng.random() < 0.5 else ()
        else:
            assumptions = (s > 0,) if rng.random() < 0.5 else ()
        if rng.random() < 0.7:
            return FuzzClaim(seed, index, "constructed", Kind.EXISTS, sp.Eq(s**2, k), assumptions,
                             expected=Status.WITNESS, why=f"+-sqrt({k}) (an irrational witness)")
        return FuzzClaim(seed, index, "constructed", Kind.EXISTS, sp.Eq(s**2, -k), assumptions,
                         expected=Status.REFUTED, why="a square is never negative")
    else:  # AM-GM in product form with an equality constraint
        x, y = (make_symbol(nm, "positive") for nm in rng.sample(NAMES, 2))
        kind, claim, expected, why = rng.choice([
            (Kind.EXISTS, sp.And(sp.Eq(x * y, 1), x + y < 2), Status.REFUTED, "x*y = 1 forces x + y >= 2"),
            (Kind.EXISTS, sp.And(sp.Eq(x * y, 1), sp.Eq(x + y, 2)), Status.WITNESS, "x = y = 1"),
            (Kind.FORALL, sp.Implies(sp.Eq(x * y, 1), x + y > 2), Status.REFUTED, "x = y = 1"),
            (Kind.FORALL, sp.Implies(sp.Eq(x * y, 1), x + y >= 2), Status.PROVED, "AM-GM")])
        return FuzzClaim(seed, index, "constructed", kind, claim, (), expected=expected, why=why)
    return FuzzClaim(seed, index, "constructed", kind, claim, tuple(st.assumptions()), expected=expected,
                     anchor=st.point(), why=why)


def fam_piecewise(rng, seed, index):
    """``Abs``, ``Min`` and ``Max``: the triangle inequality and friends, with known answers."""
    st = Setup(rng, n=rng.randint(2, 4))
    a, b = rng.sample(st.syms, 2)
    p, q = poly(rng, st.syms, max_degree=2, terms=2), poly(rng, st.syms, max_degree=2, terms=2)
    kind, claim, expected, why = rng.choice([
        (Kind.FORALL, le(sp.Abs(p + q), sp.Abs(p) + sp.Abs(q)), Status.PROVED, "triangle inequality"),
        (Kind.FORALL, ge(sp.Abs(a - b), sp.Abs(sp.Abs(a) - sp.Abs(b))), Status.PROVED,
         "reverse triangle inequality"),
        (Kind.FORALL, ge(sp.Max(p, q), sp.Min(p, q)), Status.PROVED, "max >= min"),
        (Kind.FORALL, eq(sp.Max(a, b) + sp.Min(a, b), a + b), Status.PROVED, "max + min = sum"),
        (Kind.FORALL, ge(sp.Abs(p), p), Status.PROVED, "|p| >= p"),
        (Kind.FORALL, gt(sp.Max(a, b), a), None, "false where a >= b, if admissible"),
        (Kind.EXISTS, lt(sp.Abs(p) + sp.Abs(q), sp.Abs(p + q)), Status.REFUTED, "triangle inequality"),
        (Kind.EXISTS, eq(sp.Abs(p - S(value_at(p, st.anchor))), 0), Status.WITNESS, "zero at the anchor"),
        (Kind.FORALL, rel(rng)(sp.Abs(p) + sp.Min(a, q), S(Fraction(rng.randint(-2, 2)))), None, "random"),
    ])
    return FuzzClaim(seed, index, "piecewise", kind, claim, tuple(st.assumptions()), expected=expected,
                     anchor=st.point(), why=why)


def fam_removable(rng, seed, index):
    """An identity ``expand(p*q)/q = p`` whose denominator ``q`` vanishes at an admissible anchor.

    The claim is undefined there, so the engine must not prove it (issue 1:
    "a denominator that can vanish ... is reported as unknown").
    """
    st = Setup(rng, flags=None)
    a, b = rng.sample(st.syms, 2)
    q = a - b - S(st.anchor[a] - st.anchor[b])  # zero at the anchor
    p = poly(rng, st.syms, max_degree=2, terms=rng.randint(1, 3))
    claim = eq(sp.expand(p * q) / q, p)
    return FuzzClaim(seed, index, "removable", Kind.FORALL, claim, tuple(st.assumptions()), anchor=st.point(),
                     why="undefined where the denominator vanishes")


def fam_cancelled(rng, seed, index):
    """The same fraction on both sides: ``r/q + p op r/q + c`` with ``q`` zero at an admissible anchor.

    ``lhs - rhs`` no longer contains ``q``; the claim is still undefined where ``q = 0``.
    """
    st = Setup(rng)
    a, b = rng.sample(st.syms, 2)
    q = a - b - S(st.anchor[a] - st.anchor[b])
    r = poly(rng, st.syms, max_degree=1, terms=rng.randint(1, 2)) + 1
    p = poly(rng, st.syms, max_degree=2, terms=rng.randint(1, 2))
    kind = random_kind(rng)
    claim = rel(rng)(r / q + p, r / q + S(Fraction(rng.randint(-2, 2))))
    return FuzzClaim(seed, index, "cancelled", kind, claim, tuple(st.assumptions()), anchor=st.point(),
                     why="undefined where the denominator vanishes")
