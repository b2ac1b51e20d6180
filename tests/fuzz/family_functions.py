"""Families about functions: the table's zoo, constructs outside it, roots, and floats.

Known answers are classical facts (``exp(u) >= 1 + u``, ``sin(u)**2 + cos(u)**2 = 1``,
``floor(u) <= u``, ``sqrt(x) + sqrt(y) >= sqrt(x + y)``...), facts false at
an admissible anchor (``exp(u) > 1 + u`` at ``u = 0``), and the documented
reading of floats (``0.1`` is ``1/10``; ``Float(0.1, 30)`` is not).  Random
expressions over the table's constructs are judged by the oracle alone.
"""

from __future__ import annotations

import random
from fractions import Fraction

import sympy as sp

from symbolic import Kind, Status

from .claim import FuzzClaim
from .pieces import NAMES, S, Setup, eq, ge, gt, le, lt, make_symbol, ne, poly, random_kind, rel

__all__ = ["fam_functions", "fam_outside", "fam_roots", "fam_floats", "fam_abstract", "OUTSIDE", "random_expression"]

_UNARY = (sp.exp, sp.log, sp.sin, sp.cos, sp.atan, sp.asin, sp.acos, sp.sinh, sp.cosh, sp.tanh, sp.asinh,
          sp.acosh, sp.atanh, sp.floor, sp.ceiling, sp.frac, sp.Abs, sp.sign, sp.sqrt, sp.cbrt)


def _leaf(rng: random.Random, syms) -> sp.Expr:
    r = rng.random()
    if r < 0.55:
        return rng.choice(syms)
    if r < 0.75:
        return rng.choice(syms) + S(Fraction(rng.randint(-3, 3), rng.choice((1, 2))))
    return S(Fraction(rng.randint(-4, 4), rng.choice((1, 1, 2, 3))))


def random_expression(rng: random.Random, syms, depth: int = 2) -> sp.Expr:
    """A random real expression over the table's constructs (may be undefined somewhere)."""
    if depth == 0 or rng.random() < 0.3:
        return _leaf(rng, syms)
    r = rng.random()
    a = random_expression(rng, syms, depth - 1)
    if r < 0.15:
        return a + random_expression(rng, syms, depth - 1)
    if r < 0.27:
        return a * random_expression(rng, syms, depth - 1)
    if r < 0.33:
        return a ** rng.choice((2, 3, -1))
    if r < 0.73:
        f = rng.choice(_UNARY)
        if f is sp.exp and a.has(sp.exp):
            f = sp.atan  # no towers of exponentials
        return f(a)
    if r < 0.79:
        return rng.choice((sp.Min, sp.Max))(a, random_expression(rng, syms, depth - 1))
    if r < 0.84:
        return sp.Mod(a, S(rng.choice((1, 2, 3, Fraction(1, 2), -2))))
    if r < 0.90:
        cond = rel(rng)(rng.choice(syms), S(rng.randint(-1, 1)))
        if rng.random() < 0.5:
            return sp.Piecewise((a, cond), (random_expression(rng, syms, depth - 1), True))
        return sp.Piecewise((a, cond))  # no default: undefined where no branch applies
    if r < 0.95:
        return sp.Pow(S(rng.choice((2, 3, Fraction(1, 2)))), a)  # a real power of a positive constant
    return sp.Pow(rng.choice(syms), rng.choice(syms))  # x**y: defined for x > 0


def _known_function_facts(u, v):
    """(kind, claim, assumptions, expected, why) about the table's functions at arguments u, v."""
    one, two = sp.Integer(1), sp.Integer(2)
    facts = [
        (Kind.FORALL, gt(sp.exp(u), 0), (), Status.PROVED, "exp is positive"),
        (Kind.FORALL, ge(sp.exp(u), 1 + u), (), Status.PROVED, "exp(u) >= 1 + u"),
        (Kind.EXISTS, lt(sp.exp(u), 0), (), Status.REFUTED, "exp is positive"),
        (Kind.FORALL, le(sp.log(u), u - 1), (gt(u, 0),), Status.PROVED, "log(u) <= u - 1"),
        (Kind.FORALL, le(sp.log(u), u - 1), (), None, "undefined where u <= 0"),
        (Kind.FORALL, eq(sp.sin(u)**2 + sp.cos(u)**2, 1), (), Status.PROVED, "sin**2 + cos**2 = 1"),
        (Kind.FORALL, le(sp.sin(u), 1), (), Status.PROVED, "sin <= 1"),
        (Kind.EXISTS, gt(sp.cos(u), 1), (), Status.REFUTED, "cos <= 1"),
        (Kind.FORALL, lt(sp.atan(u), S(Fraction(8, 5))), (), Status.PROVED, "atan < pi/2 < 8/5"),
        (Kind.EXISTS, ge(sp.atan(u), S(Fraction(8, 5))), (), Status.REFUTED, "atan < pi/2 < 8/5"),
        (Kind.FORALL, le(sp.asin(u), two), (ge(u, -1), le(u, 1)), Status.PROVED, "asin <= pi/2 < 2"),
        (Kind.FORALL, le(sp.asin(u), two), (), None, "undefined where |u| > 1"),
        (Kind.FORALL, ge(sp.acos(u), 0), (ge(u, -1), le(u, 1)), Status.PROVED, "acos >= 0"),
        (Kind.FORALL, sp.Implies(gt(u, 0), gt(sp.sinh(u), 0)), (), Status.PROVED, "sinh has the sign of u"),
        (Kind.FORALL, lt(sp.tanh(u), 1), (), Status.PROVED, "|tanh| < 1"),
        (Kind.FORALL, ge(sp.cosh(u), 1), (), Status.PROVED, "cosh >= 1"),
        (Kind.EXISTS, lt(sp.cosh(u), 1), (), Status.REFUTED, "cosh >= 1"),
        (Kind.FORALL, ge(sp.acosh(u), 0), (ge(u, 1),), Status.PROVED, "acosh >= 0"),
        (Kind.FORALL, ge(sp.acosh(u), 0), (), None, "undefined where u < 1"),
        (Kind.FORALL, sp.Implies(gt(u, 0), gt(sp.atanh(u), 0)), (gt(u, -1), lt(u, 1)), Status.PROVED,
         "atanh has the sign of u"),
        (Kind.FORALL, le(sp.floor(u), u), (), Status.PROVED, "floor(u) <= u"),
        (Kind.FORALL, gt(sp.floor(u), u - 1), (), Status.PROVED, "floor(u) > u - 1"),
        (Kind.FORALL, ge(sp.ceiling(u), u), (), Status.PROVED, "ceiling(u) >= u"),
        (Kind.FORALL, sp.And(ge(sp.frac(u), 0), lt(sp.frac(u), 1)), (), Status.PROVED, "0 <= frac < 1"),
        (Kind.EXISTS, eq(sp.frac(u), 1), (), Status.REFUTED, "frac < 1"),
        (Kind.FORALL, sp.And(ge(sp.Mod(u, 3), 0), lt(sp.Mod(u, 3), 3)), (), Status.PROVED, "0 <= Mod(u, 3) < 3"),
        (Kind.FORALL, lt(sp.Mod(u, v), v), (gt(v, 0),), Status.PROVED, "Mod(u, v) < v for v > 0"),
        (Kind.FORALL, lt(sp.Mod(u, v), v), (), None, "undefined where v = 0"),
        (Kind.FORALL, ge(sp.Abs(u), u), (), Status.PROVED, "|u| >= u"),
        (Kind.FORALL, eq(sp.sign(u) * sp.Abs(u), u), (), Status.PROVED, "sign(u)|u| = u"),
        (Kind.FORALL, ge(sp.Max(u, v), sp.Min(u, v)), (), Status.PROVED, "max >= min"),
        (Kind.FORALL, ge(sp.Piecewise((u, gt(u, 0)), (-u, True)), 0), (), Status.PROVED, "a piecewise |u|"),
        (Kind.FORALL, gt(sp.Piecewise((u, gt(u, 0))), 0), (gt(u, 0),), Status.PROVED, "defined where u > 0"),
        (Kind.FORALL, gt(sp.Piecewise((u, gt(u, 0))), 0), (), None, "no default: undefined where u <= 0"),
        (Kind.EXISTS, lt(sp.Piecewise((u, gt(u, 0))), 0), (), Status.REFUTED, "u > 0 where defined"),
        (Kind.FORALL, gt(sp.Pow(two, u), 0), (), Status.PROVED, "2**u > 0"),
        (Kind.FORALL, gt(sp.Pow(v, u), 0), (gt(v, 0),), Status.PROVED, "v**u > 0 for v > 0"),
        (Kind.FORALL, gt(sp.exp(u), 1 + u), (), Status.REFUTED, "equality at u = 0"),
        (Kind.FORALL, lt(sp.log(u), u - 1), (gt(u, 0),), Status.REFUTED, "equality at u = 1"),
        (Kind.FORALL, gt(sp.floor(u), u - 1 + S(Fraction(1, 2))), (), Status.REFUTED, "u = 1/2"),
        (Kind.FORALL, gt(sp.pi, 3), (), Status.PROVED, "pi > 3"),
        (Kind.FORALL, lt(sp.E, S(Fraction(11, 4))), (), Status.PROVED, "e < 11/4"),
        (Kind.FORALL, lt(sp.EulerGamma + sp.Catalan, sp.GoldenRatio), (), Status.PROVED,
         "0.5772 + 0.9160 < 1.618"),
        (Kind.EXISTS, eq(sp.exp(u), one), (), Status.WITNESS, "u = 0"),
    ]
    return facts


def fam_functions(rng, seed, index):
    """The table's functions: classical facts with known answers, and random expressions judged by the oracle."""
    if rng.random() < 0.45:
        u = make_symbol(rng.choice(NAMES), "real")
        v = make_symbol(rng.choice([n for n in NAMES if n != u.name]), "real")
        kind, claim, assumptions, expected, why = rng.choice(_known_function_facts(u, v))
        return FuzzClaim(seed, index, "functions", kind, claim, tuple(assumptions), expected, why=why)
    st = Setup(rng, n=rng.randint(1, 3))
    e = random_expression(rng, st.syms, depth=rng.choice((1, 2, 2, 3)))
    other = random_expression(rng, st.syms, depth=1) if rng.random() < 0.4 else S(rng.randint(-2, 2))
    claim = rel(rng, "<,<=,>,>=,==,!=")(e, other)
    if rng.random() < 0.2:
        claim = sp.And(claim, rel(rng)(random_expression(rng, st.syms, 1), S(rng.randint(-2, 2))))
    return FuzzClaim(seed, index, "functions", random_kind(rng), claim, tuple(st.assumptions()),
                     anchor=st.point())


#: constructs outside the table: (the name a reason must give, constructor of an application to u)
OUTSIDE: tuple = (
    ("gamma", sp.gamma), ("factorial", sp.factorial), ("LambertW", sp.LambertW), ("tan", sp.tan),
    ("zeta", sp.zeta), ("Heaviside", sp.Heaviside), ("erf", sp.erf), ("loggamma", sp.loggamma),
    ("cot", sp.cot), ("sec", sp.sec), ("acot", sp.acot), ("binomial", lambda u: sp.binomial(u, 3)),
    ("besselj", lambda u: sp.besselj(0, u)), ("polygamma", lambda u: sp.polygamma(1, u)), ("Ei", sp.Ei),
    ("li", sp.li), ("DiracDelta", sp.DiracDelta), ("fresnels", sp.fresnels), ("Si", sp.Si),
    ("airyai", sp.airyai), ("sinc", sp.sinc), ("elliptic_k", sp.elliptic_k), ("asec", sp.asec),
)
#: real-valued claims built from non-real numbers: "the non-real number ..." must be named
NON_REAL: tuple = (
    lambda x: sp.re(sp.root(x, 3, 1)), lambda x: sp.im(sp.root(x, 3, 1)), lambda x: sp.I * x,
    lambda x: x + sp.I, lambda x: sp.Pow(-1, sp.Rational(1, 3), evaluate=False) * x,
    lambda x: sp.sqrt(-2) * x, lambda x: sp.re(sp.Pow(-8, sp.Rational(1, 3), evaluate=False) * x),
)


def fam_outside(rng, seed, index):
    """A construct outside the table, in the claim, in an assumption, or deep inside: unknown, naming it."""
    st = Setup(rng, n=rng.randint(1, 3))
    x = st.syms[0]
    u = rng.choice([x, x + 1, 2 * x, x**2 + 1])
    if rng.random() < 0.75:
        name, make = rng.choice(OUTSIDE)
        term = make(u)
        cls = getattr(sp, name)
        if not term.has(cls):
            name = ""  # SymPy rewrote it (into the table, or something else): no name to require
    else:
        name, term = "non-real", rng.choice(NON_REAL)(u)
    place = rng.randrange(5)
    c = S(rng.randint(-2, 2))
    if place == 0:
        claim, assumptions = rel(rng)(term, c), tuple(st.assumptions())
    elif place == 1:
        claim, assumptions = sp.And(ge(x**2, 0), rel(rng)(term, c)), tuple(st.assumptions())
    elif place == 2:
        claim, assumptions = ge(x**2, 0), tuple(st.assumptions()) + (rel(rng)(term, c),)
    elif place == 3:
        claim = gt(sp.Piecewise((term, gt(x, 0)), (x, True)), c)
        assumptions = tuple(st.assumptions())
    else:
        claim = sp.Implies(gt(x, 5), rel(rng)(x + term * 0 + sp.Abs(term), c))
        assumptions = tuple(st.assumptions())
    kind = random_kind(rng)
    from .oracle import expected_unknown

    outside, names = expected_unknown(FuzzClaim(seed, index, "outside", kind, claim, assumptions))
    if not outside:  # SymPy rewrote it into the table, or a non-real value (judged by the oracle as such)
        return FuzzClaim(seed, index, "outside", kind, claim, assumptions, why="inside the table after all",
                         must_name=name)
    return FuzzClaim(seed, index, "outside", kind, claim, assumptions, Status.UNKNOWN, why=outside,
                     must_name=name if name in names else "")


def fam_roots(rng, seed, index):
    """sqrt, cbrt, root(x, n), x**(p/q), nested and composed roots: known facts and random claims."""
    x, y = make_symbol("x", "real"), make_symbol("y", "real")
    n = rng.choice((2, 3, 4, 5, 7))
    p, q = rng.choice(((1, 2), (2, 3), (3, 2), (-1, 2), (1, 3), (5, 4), (-2, 3)))
    pq = sp.Rational(p, q)
    facts = [
        (Kind.FORALL, ge(sp.sqrt(x), 0), (ge(x, 0),), Status.PROVED, "sqrt >= 0"),
        (Kind.FORALL, ge(sp.sqrt(x), 0), (), None, "undefined for x < 0"),
        (Kind.FORALL, lt(sp.cbrt(x), x), (gt(x, 1),), Status.PROVED, "cbrt(x) < x for x > 1"),
        (Kind.EXISTS, eq(sp.cbrt(x), 2), (), Status.WITNESS, "x = 8"),
        (Kind.EXISTS, eq(sp.root(x, n), -1), (), Status.REFUTED, "a principal root is >= 0"),
        (Kind.FORALL, le(sp.root(x, n), x), (ge(x, 1),), Status.PROVED, "root(x, n) <= x for x >= 1"),
        (Kind.FORALL, ge(sp.root(x, n), x), (ge(x, 0), le(x, 1)), Status.PROVED, "root(x, n) >= x on [0, 1]"),
        (Kind.FORALL, gt(x**pq, 0), (gt(x, 0),), Status.PROVED, "a power of a positive number"),
        (Kind.FORALL, gt(x**pq, 0), (ge(x, 0),), Status.REFUTED if p > 0 else None,
         "x**(p/q) > 0 fails at 0" if p > 0 else "undefined at x = 0"),
        (Kind.EXISTS, eq(x**sp.Rational(3, 2), 8), (), Status.WITNESS, "x = 4"),
        (Kind.EXISTS, eq(x**sp.Rational(2, 3), 4), (gt(x, 0),), Status.WITNESS, "x = 8"),
        (Kind.EXISTS, eq(x**sp.Rational(1, 3), -2), (), Status.REFUTED, "no real principal cube root is negative"),
        (Kind.FORALL, ge(sp.sqrt(x) + sp.sqrt(y), sp.sqrt(x + y)), (ge(x, 0), ge(y, 0)), Status.PROVED,
         "sqrt is subadditive"),
        (Kind.FORALL, gt(sp.sqrt(x) + sp.sqrt(y), sp.sqrt(x + y)), (ge(x, 0), ge(y, 0)), Status.REFUTED,
         "equality at x = 0"),
        (Kind.EXISTS, eq(sp.sqrt(x) + sp.sqrt(y), 1), (ge(x, 0), ge(y, 0)), Status.WITNESS, "x = 1, y = 0"),
        (Kind.FORALL, ge(sp.sqrt(x + sp.sqrt(y)), 0), (ge(x, 0), ge(y, 0)), Status.PROVED, "nested sqrt"),
        (Kind.FORALL, eq((x**2)**sp.Rational(1, 3), x**sp.Rational(2, 3)), (ge(x, 0),), Status.PROVED,
         "(x**2)**(1/3) = x**(2/3) for x >= 0"),
        (Kind.FORALL, eq((x**2)**sp.Rational(1, 3), x**sp.Rational(2, 3)), (), None, "x**(2/3) undefined for x < 0"),
        (Kind.FORALL, ge((x**2)**sp.Rational(1, 3), 0), (), Status.PROVED, "defined everywhere: x**2 >= 0"),
        (Kind.EXISTS, eq(sp.real_root(x, 3), -2), (), Status.WITNESS, "x = -8 (real_root is |x|**(1/3) sign(x))"),
        (Kind.FORALL, eq(sp.sqrt(sp.sqrt(x)), sp.root(x, 4)), (ge(x, 0),), Status.PROVED, "sqrt(sqrt(x)) = x**(1/4)"),
        (Kind.FORALL, ge(sp.sqrt(x**2 + 1), x), (), Status.PROVED, "sqrt(x**2 + 1) > |x|"),
        (Kind.FORALL, le(sp.sqrt(x * y), (x + y) / 2), (ge(x, 0), ge(y, 0)), Status.PROVED, "AM-GM"),
        (Kind.FORALL, lt(sp.sqrt(x * y), (x + y) / 2), (ge(x, 0), ge(y, 0)), Status.REFUTED, "x = y"),
        (Kind.EXISTS, eq(sp.sqrt(x), x - 2), (), Status.WITNESS, "x = 4"),
        (Kind.EXISTS, eq(x**sp.Rational(-1, 2), 2), (), Status.WITNESS, "x = 1/4"),
    ]
    if rng.random() < 0.55:
        kind, claim, assumptions, expected, why = rng.choice(facts)
        return FuzzClaim(seed, index, "roots", kind, claim, tuple(assumptions), expected, why=why)
    st = Setup(rng, n=rng.randint(1, 3))
    base = poly(rng, st.syms, max_degree=2, terms=rng.randint(1, 2))
    if rng.random() < 0.5:
        base = sp.Abs(base) if rng.random() < 0.5 else base**2 + S(rng.randint(0, 2))
    root = rng.choice((sp.sqrt(base), sp.cbrt(base), sp.root(base, n), base**pq, sp.sqrt(sp.sqrt(base) + 1)))
    other = poly(rng, st.syms, max_degree=1, terms=rng.randint(1, 2)) if rng.random() < 0.5 else S(rng.randint(-2, 3))
    claim = rel(rng, "<,<=,>,>=,==,!=")(root, other)
    return FuzzClaim(seed, index, "roots", random_kind(rng), claim, tuple(st.assumptions()), anchor=st.point())


def _reading(f: sp.Float) -> sp.Rational:
    q = Fraction(str(f))
    return sp.Rational(q.numerator, q.denominator)


#: floats whose reading matters: decimal-looking, binary-surprising, tiny, huge, high precision
FLOATS: tuple = (
    sp.Float(0.1), sp.Float(0.2), sp.Float(0.3), sp.Float(2.675), sp.Float(1e-300), sp.Float(1e300),
    sp.Float(-0.5), sp.Float(1 / 3), sp.Float("0.1", 50), sp.Float(0.1, 30), sp.Float(0.1 + 0.2),
    sp.Float(5e-324), sp.Float("2.675", 3), sp.Float(1.0), sp.Float(-2.0), sp.Float("1e-20", 5),
    sp.Float(123456789.123456789),
)


def fam_floats(rng, seed, index):
    """Float constants, read as the decimal SymPy prints for them."""
    x = make_symbol(rng.choice(NAMES), "real")
    f = rng.choice(FLOATS)
    r = _reading(f)
    if rng.random() < 0.6:
        kind, claim, assumptions, expected, why = rng.choice([
            (Kind.FORALL, eq(x, f), (eq(x, r),), Status.PROVED, f"{f} is read as {r}"),
            (Kind.EXISTS, eq(x, f), (ne(x, r),), Status.REFUTED, f"{f} is read as {r}"),
            (Kind.EXISTS, gt(x, f), (le(x, r),), Status.REFUTED, f"{f} is read as {r}"),
            (Kind.EXISTS, sp.And(gt(x, f), lt(x, r + sp.Rational(1, 10**400))), (), Status.WITNESS,
             f"{f} is read as {r}"),
            (Kind.FORALL, ge(f * x, r * x), (), Status.PROVED, f"{f} is read as {r}"),
            (Kind.FORALL, gt(x * f, 0), (gt(x, 0),), Status.PROVED if r > 0 else Status.REFUTED, f"{f} read as {r}"),
            (Kind.FORALL, eq(x, f), (eq(x, S(Fraction(float(f)))),),
             Status.PROVED if Fraction(float(f)) == r else Status.REFUTED,
             f"{f} is read as {r}, not as the binary double {Fraction(float(f))}"),
        ])
        return FuzzClaim(seed, index, "floats", kind, claim, tuple(assumptions), expected, why=why)
    st = Setup(rng, n=rng.randint(1, 3))
    coeffs = [rng.choice(FLOATS) for _ in range(2)]
    e = coeffs[0] * rng.choice(st.syms) + coeffs[1] * rng.choice(st.syms) ** rng.choice((1, 2))
    if rng.random() < 0.3:
        e = sp.exp(sp.Float(0.5) * rng.choice(st.syms)) + e if rng.random() < 0.5 else \
            rng.choice(st.syms) ** sp.Float(0.5) + e
    claim = rel(rng, "<,<=,>,>=,==,!=")(e, rng.choice(FLOATS + (S(0), S(1))))
    return FuzzClaim(seed, index, "floats", random_kind(rng), claim, tuple(st.assumptions()), anchor=st.point())


def fam_abstract(rng, seed, index):
    """Abstract functions ``f(x)`` (uninterpreted: equal arguments, equal values; nothing else)."""
    x, y, u, v = (make_symbol(n, "real") for n in ("x", "y", "u", "v"))
    name = rng.choice(("f", "g", "P", "payoff"))
    f, g = sp.Function(name), sp.Function(name + "2")
    kind, claim, assumptions, expected, why = rng.choice([
        (Kind.FORALL, sp.Implies(eq(x, y), eq(f(x), f(y))), (), Status.PROVED, "equal arguments, equal values"),
        (Kind.EXISTS, sp.And(eq(x, y), ne(f(x), f(y))), (), Status.REFUTED, "equal arguments, equal values"),
        (Kind.FORALL, gt(f(x), 0), (), Status.REFUTED, "not valid: f = 0 (a point cannot be certified)"),
        (Kind.FORALL, ge(f(x)**2, 0), (), Status.PROVED, "a square"),
        (Kind.FORALL, gt(f(x)**2, 0), (), Status.REFUTED, "not valid: f = 0"),
        (Kind.FORALL, gt(f(x), 0), (gt(f(x), 1),), Status.PROVED, "stated as an assumption"),
        (Kind.FORALL, gt(f(y), 0), (gt(f(x), 0), eq(x, y)), Status.PROVED, "the same argument"),
        (Kind.FORALL, ge(sp.Derivative(f(x), x), 0), (), Status.REFUTED, "not valid: f decreasing"),
        (Kind.FORALL, sp.Implies(lt(x, y), lt(f(x), f(y))), (), Status.REFUTED, "nothing says f is increasing"),
        (Kind.FORALL, sp.Implies(sp.And(eq(x, u), eq(y, v)), eq(g(x, y), g(u, v))), (), Status.PROVED,
         "equal arguments, equal values"),
        (Kind.FORALL, eq(g(x, y), g(y, x)), (), Status.REFUTED, "not valid: g need not be symmetric"),
        (Kind.FORALL, gt(f(x) + 1, f(x)), (), Status.PROVED, "f(x) + 1 > f(x)"),
        (Kind.EXISTS, gt(f(x), f(x) + 1), (), Status.REFUTED, "never"),
    ])
    return FuzzClaim(seed, index, "abstract", kind, claim, tuple(assumptions), expected, why=why)
