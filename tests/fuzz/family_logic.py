"""Families about shape: malformed and unusual Booleans, and high degrees under short time limits."""

from __future__ import annotations

import random
from fractions import Fraction

import sympy as sp
from sympy.logic.boolalg import Xnor

from symbolic import Kind, Status

from .claim import FuzzClaim
from .pieces import S, Setup, eq, ge, gt, le, lt, make_symbol, ne, poly, random_kind, rel

__all__ = ["fam_malformed", "fam_high_degree", "random_boolean"]


def random_boolean(rng: random.Random, syms, depth: int = 2) -> sp.Basic:
    """A Boolean over polynomial relations with every connective the table lists."""
    if depth == 0 or rng.random() < 0.25:
        return rel(rng, "<,<=,>,>=,==,!=")(poly(rng, syms, max_degree=2, terms=rng.randint(1, 3)),
                                           S(rng.randint(-2, 2)))
    parts = [random_boolean(rng, syms, depth - 1) for _ in range(rng.randint(2, 3))]
    pick = rng.randrange(9)
    if pick == 0:
        return sp.Eq(parts[0], parts[1], evaluate=False)
    if pick == 1:
        return sp.Ne(parts[0], parts[1], evaluate=False)
    if pick == 2:
        return sp.ITE(*(parts + [random_boolean(rng, syms, 0)])[:3])
    if pick == 3:
        return sp.Xor(*parts)
    if pick == 4:
        return sp.Equivalent(*parts)
    if pick == 5:
        return sp.Nand(*parts, evaluate=False)  # evaluated, SymPy would write Not(And(...))
    if pick == 6:
        return sp.Nor(*parts, evaluate=False)
    if pick == 7:
        return sp.Implies(parts[0], parts[1])
    return rng.choice((sp.And, sp.Or))(*parts)


def fam_malformed(rng, seed, index):
    """Eq/Ne between relations, ITE, Xor, Equivalent, Nand, Nor; truth values compared with numbers."""
    x, y = make_symbol("x", "real"), make_symbol("y", "real")
    pick = rng.random()
    if pick < 0.45:
        kind, claim, expected, why = rng.choice([
            (Kind.FORALL, sp.Eq(gt(x, 0), lt(-x, 0), evaluate=False), Status.PROVED, "the same condition"),
            (Kind.FORALL, sp.Ne(gt(x, 0), le(x, 0), evaluate=False), Status.PROVED, "a condition and its negation"),
            (Kind.FORALL, sp.Xor(gt(x, 0), le(x, 0)), Status.PROVED, "exactly one holds"),
            (Kind.FORALL, sp.Equivalent(gt(x, 1), gt(x**3, 1)), Status.PROVED, "cubing is increasing"),
            (Kind.FORALL, sp.Equivalent(gt(x, 1), gt(x**2, 1)), Status.REFUTED, "x = -2"),
            (Kind.FORALL, sp.Nand(gt(x, 1), lt(x, 0), evaluate=False), Status.PROVED, "never both"),
            (Kind.EXISTS, sp.Nor(gt(x, 0), lt(x, 0), evaluate=False), Status.WITNESS, "x = 0"),
            (Kind.EXISTS, sp.Nor(ge(x, 0), lt(x, 0), evaluate=False), Status.REFUTED, "one always holds"),
            (Kind.FORALL, sp.Nand(gt(x, 1), gt(x, 2), evaluate=False), Status.REFUTED, "x = 3"),
            (Kind.FORALL, sp.ITE(gt(x, 0), gt(x**2, 0), ge(x**2, 0)), Status.PROVED, "both branches hold"),
            (Kind.FORALL, sp.ITE(ge(x, 0), gt(x, 0), lt(x, 0)), Status.REFUTED, "x = 0"),
            (Kind.EXISTS, sp.Xor(gt(x, 0), gt(y, 0), gt(x + y, 0)), Status.WITNESS, "x = y = 1"),
            (Kind.FORALL, sp.Eq(eq(x, 1), eq(2 * x, 2), evaluate=False), Status.PROVED, "the same equation"),
            (Kind.EXISTS, sp.Ne(eq(x, 1), eq(x**2, 1), evaluate=False), Status.WITNESS, "x = -1"),
            (Kind.FORALL, sp.Eq(gt(x, 0), gt(y, 0), evaluate=False), Status.REFUTED, "x = 1, y = 0"),
            (Kind.FORALL, sp.Equivalent(gt(x, 0), gt(x, 0), gt(2 * x, 0)), Status.PROVED, "three equal conditions"),
            (Kind.EXISTS, sp.ITE(gt(x, 0), lt(x, 0), gt(x, 0)), Status.REFUTED, "both branches contradict"),
        ])
        return FuzzClaim(seed, index, "malformed", kind, claim, (), expected, why=why)
    if pick < 0.6:
        kind = random_kind(rng)
        claim, expected, why, ok = rng.choice([
            (sp.Eq(gt(x, 0), y, evaluate=False), None, "a truth value compared with a number", True),
            (sp.Lt(gt(x, 0), gt(y, 0), evaluate=False), None, "truth values ordered", True),
            (sp.Eq(gt(x, 0), 1), None, "SymPy evaluates it to false", False),
            (sp.And(x, gt(y, 0)), Status.UNKNOWN, "a real symbol used as a truth value", True),
            (sp.Or(sp.Not(y), gt(x, 0)), Status.UNKNOWN, "a real symbol used as a truth value", True),
            (Xnor(gt(x, 0), le(x, 0), evaluate=False), Status.UNKNOWN, "Xnor is outside the table", False),
            (lt(x, sp.oo), Status.UNKNOWN, "infinity is not a real number", False),
            (lt(x, sp.nan), Status.UNKNOWN, "nan is not a number", False),
            (gt(sp.Symbol("s", imaginary=True), 0), Status.UNKNOWN, "a non-real symbol: bad input", True),
            (gt(sp.Symbol("s", infinite=True), 0), Status.UNKNOWN, "an infinite symbol: bad input", True),
        ])
        if rng.random() < 0.3:  # constant claims and assumptions: SymPy already decided them
            kind, claim, assumptions, expected = rng.choice([
                (Kind.FORALL, sp.true, (), Status.PROVED), (Kind.FORALL, sp.false, (), Status.REFUTED),
                (Kind.EXISTS, sp.true, (), Status.WITNESS), (Kind.EXISTS, sp.false, (), Status.REFUTED),
                (Kind.FORALL, gt(x, 0), (sp.false,), Status.VACUOUS), (Kind.FORALL, gt(x**2, -1), (sp.true,),
                                                                         Status.PROVED)])
            return FuzzClaim(seed, index, "malformed", kind, claim, assumptions, expected, why="a constant")
        name = "Xnor" if isinstance(claim, Xnor) else ""
        return FuzzClaim(seed, index, "malformed", kind, claim, (), expected, why=why, bad_input_ok=ok,
                         must_name=name)
    st = Setup(rng, n=rng.randint(1, 3))
    claim = random_boolean(rng, st.syms, depth=rng.choice((1, 2, 2)))
    assumptions = st.assumptions()
    if rng.random() < 0.3:
        assumptions.append(random_boolean(rng, st.syms, depth=1))
    return FuzzClaim(seed, index, "malformed", random_kind(rng), claim, tuple(assumptions))


def fam_high_degree(rng, seed, index):
    """High-degree polynomials with short time limits: the answer must arrive within max(1 s, 20 %) of it."""
    x, y = make_symbol("x", "real"), make_symbol("y", "real")
    limit = rng.choice((0.2, 0.5, 1.0, 1.0))
    pick = rng.randrange(8)
    if pick == 0:
        n = rng.choice((200, 500, 1000, 2000, 3000))
        kind, claim, expected, why = Kind.FORALL, gt(x**n - x + 1, 0), Status.PROVED, "x**n - x + 1 > 0 for even n"
    elif pick == 1:
        n = rng.choice((101, 301, 999, 2001))
        kind, claim, expected, why = Kind.EXISTS, eq(x**n, 2), Status.WITNESS, "x = 2**(1/n)"
    elif pick == 2:
        n = rng.choice((100, 400, 1000))
        kind, claim, expected, why = Kind.FORALL, ne(x**n + y**n, -1), Status.PROVED, "even powers are >= 0"
    elif pick == 3:
        k = rng.randint(10, 30)
        p = sp.expand(sp.Mul(*[x - i for i in range(1, k + 1)]))
        kind, claim, expected, why = Kind.FORALL, gt(p, 0), Status.REFUTED, "zero at x = 1"
    elif pick == 4:
        k = rng.randint(5, 12)
        p = sp.expand((x**2 + y**2 + 1)**k)
        kind, claim, expected, why = Kind.FORALL, gt(p, 0), Status.PROVED, "a power of a positive number"
    elif pick == 5:
        k = rng.randint(8, 20)
        p = sp.expand((x - y)**(2 * k))
        kind, claim, expected, why = Kind.EXISTS, lt(p, 0), Status.REFUTED, "an even power is >= 0"
    elif pick == 6:  # exponents whose SMT-LIB text (repeated products, y**q = x) would be megabytes long
        e = rng.choice((10**6, 3 * 10**6, 10**7))
        kind, claim, expected, why = rng.choice([
            (Kind.FORALL, ge(x**e + 1, 0), Status.PROVED if e % 2 == 0 else None, "an even power plus one"),
            (Kind.EXISTS, lt(x**e, -1), Status.REFUTED if e % 2 == 0 else None, "an even power is >= 0"),
            (Kind.FORALL, ge(x**sp.Rational(1, e), 0), None, "a principal root (undefined for x < 0)"),
            (Kind.FORALL, le(x**sp.Rational(1, e), 2), Status.PROVED, "root(x, e) <= 2 for 0 <= x <= 1"),
        ])
        # an assumption sends the claim past the SymPy sign route to z3 (where the size of the text matters)
        assumptions = (ge(x, 0), le(x, 1)) if "root(x" in why else (gt(x, -2),)
        return FuzzClaim(seed, index, "high_degree", kind, claim, assumptions, expected, why=why, timeout=limit)
    else:
        deg = rng.randint(15, 60)
        terms = [S(Fraction(rng.randint(-5, 5), rng.choice((1, 2)))) * x**rng.randint(0, deg)
                 * y**rng.randint(0, deg // 3) for _ in range(rng.randint(3, 8))]
        kind, claim, expected, why = random_kind(rng), rel(rng)(sp.Add(*terms), S(rng.randint(-3, 3))), None, \
            "random high-degree polynomial"
    return FuzzClaim(seed, index, "high_degree", kind, claim, (), expected, why=why, timeout=limit)
