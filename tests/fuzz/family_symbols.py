"""Families about symbols: assumption kinds, distinct symbols sharing a name, adversarial names.

Known answers come from membership: ``exists(Eq(s, c))`` has a witness
exactly when ``c`` satisfies every assumption of ``s`` (decided by the
oracle's own :func:`~tests.fuzz.kinds.admits`), ``exists(Eq(a*s + b, c))``
likewise after solving for ``s``, ``exists(Eq(s**2, c))`` with ``c > 0`` when
``sqrt(c)`` or ``-sqrt(c)`` does; an interval holds an admissible integer-kind
value exactly when enumeration finds one.
"""

from __future__ import annotations

import random
from fractions import Fraction

import sympy as sp

from symbolic import Kind, Status

from .claim import FuzzClaim
from .kinds import admits
from .pieces import NAMES, VALUE_POOL, S, eq, ge, gt, le, lt, make_symbol, ne, pick_value, poly, random_kind, rel

__all__ = ["KINDS", "ADVERSARIAL_NAMES", "fam_assumption_kinds", "fam_homonyms", "fam_names", "kind_symbol"]

#: (label, SymPy assumptions) of the symbol kinds the engine must honour
KINDS: tuple = (
    ("rational", dict(rational=True)),
    ("irrational", dict(irrational=True)),
    ("integer", dict(integer=True)),
    ("integer=False", dict(integer=False)),
    ("even", dict(even=True)),
    ("odd", dict(odd=True)),
    ("prime", dict(prime=True)),
    ("composite", dict(composite=True)),
    ("zero=False", dict(zero=False)),
    ("positive=False", dict(positive=False)),
    ("nonnegative=False", dict(nonnegative=False)),
    ("nonzero", dict(nonzero=True)),
    ("positive integer", dict(integer=True, positive=True)),
    ("negative rational", dict(rational=True, negative=True)),
    ("negative odd", dict(odd=True, negative=True)),
    ("positive irrational", dict(irrational=True, positive=True)),
    ("nonzero even", dict(even=True, nonzero=True)),
    ("positive non-integer", dict(integer=False, positive=True)),
    ("real, rational=False", dict(real=True, rational=False)),
    ("positive integer, prime=False", dict(integer=True, positive=True, prime=False)),
    ("nonnegative integer, composite=False", dict(integer=True, nonnegative=True, composite=False)),
    ("integer, even=False", dict(integer=True, even=False)),
    ("integer, odd=False", dict(integer=True, odd=False)),
    ("real, positive=False, zero=False", dict(real=True, positive=False, zero=False)),
    ("transcendental", dict(transcendental=True, real=True)),
    ("algebraic", dict(algebraic=True, real=True)),
)

#: names that collide with the engine's internal names, SMT-LIB keywords, Python, SymPy printing
ADVERSARIAL_NAMES: tuple = (
    "atom!0", "assumption!0", "r1", "r2", "a1", "t0", "t1", "f1", "i1", "i2", "and", "or", "not", "ite", "=>",
    "true", "false", "let", "assert", "declare-fun", "(x)", "|x|", "x y", "", "λ", "θ₁", "x'", "0", "-1", "1/2",
    "pi", "E", "I", "oo", "Real", "Int", "to_real", "mod", "x#2", ";", "\\", "Δp", "𝑥", "lambda", "print",
    "Symbol", "exp", "sqrt", "_", "__import__", "x\n", "a" * 60,
)

_TARGETS: tuple = (0, 1, -1, 2, 3, 4, 5, 9, -3, Fraction(1, 2), Fraction(-3, 2), Fraction(7, 3))


def kind_symbol(rng: random.Random, name: str) -> tuple[str, sp.Symbol]:
    label, kw = rng.choice(KINDS)
    return label, sp.Symbol(name, **kw)


def _real_roots(k: sp.Rational, n: int) -> list:
    """The real solutions of ``s**n = k`` (``n`` in 2, 3, -1, -2)."""
    if n < 0:
        return [] if k == 0 else [1 / r for r in _real_roots(k, -n)]  # (1/s)**(-n) = k
    if n == 1:
        return [k]
    if n == 3:
        return [sp.real_root(k, 3)] if k >= 0 else [-sp.real_root(-k, 3)]
    if k < 0:
        return []
    return [sp.Integer(0)] if k == 0 else [sp.sqrt(k), -sp.sqrt(k)]


def _integer_kind(s: sp.Symbol) -> bool:
    return bool(s.is_integer)


def _interval_has_member(s: sp.Symbol, lo: Fraction, hi: Fraction):
    """Does the open interval (lo, hi) hold a value admissible for ``s``?  (True/False, None: not sure)."""
    if _integer_kind(s):
        n = int(sp.floor(S(lo))) + 1
        while n < hi:
            if admits(s, sp.Integer(n)):
                return True
            n += 1
        return False
    candidates = []
    for a, b in ((lo, hi), (lo, min(hi, Fraction(0))), (max(lo, Fraction(0)), hi)):
        if a < b:
            candidates += [S((a + b) / 2), S(a + (b - a) / 3), S(a) + (S(b) - S(a)) * sp.sqrt(2) / 2,
                           S(a) + (S(b) - S(a)) / sp.sqrt(3)]
    if any(admits(s, v) for v in candidates):
        return True
    return None


def fam_assumption_kinds(rng, seed, index):
    """Symbols with number-kind and negated assumptions: membership claims with known answers, and random
    polynomial claims judged by the oracle at values of each kind (primes, irrationals...)."""
    pick = rng.random()
    if pick < 0.55:
        label, s = kind_symbol(rng, rng.choice(NAMES))
        c = rng.choice(_TARGETS)
        c = S(c)
        shape = rng.randrange(6)
        if shape == 0:
            member = admits(s, c)
            return FuzzClaim(seed, index, "assumption_kinds", Kind.EXISTS, eq(s, c), (),
                             Status.WITNESS if member else Status.REFUTED, why=f"is {c} {label}?")
        if shape == 1:
            member = admits(s, c)
            return FuzzClaim(seed, index, "assumption_kinds", Kind.FORALL, ne(s, c), (),
                             Status.REFUTED if member else Status.PROVED, why=f"is {c} {label}?")
        if shape == 2:  # a*s + b = c: s = (c - b)/a
            a, b = S(rng.choice((1, 2, -2, 3))), S(rng.randint(-2, 2))
            v = (c - b) / a
            member = admits(s, v)
            return FuzzClaim(seed, index, "assumption_kinds", Kind.EXISTS, eq(a * s + b, c), (),
                             Status.WITNESS if member else Status.REFUTED, why=f"s = {v}: is it {label}?")
        if shape == 3:  # s**n = k: the real n-th roots of k (SymPy believes irrational**n irrational)
            k = S(rng.choice((0, 1, 2, 3, 4, 8, 9, -1, -2, Fraction(1, 4))))
            n = rng.choice((2, 2, 3, -1, -2))
            roots = _real_roots(k, n)
            member = any(admits(s, r) for r in roots)
            kind = rng.choice((Kind.EXISTS, Kind.FORALL))
            claim = eq(s**n, k) if kind is Kind.EXISTS else ne(s**n, k)
            expected = (Status.WITNESS if member else Status.REFUTED) if kind is Kind.EXISTS else \
                (Status.REFUTED if member else Status.PROVED)
            return FuzzClaim(seed, index, "assumption_kinds", kind, claim, (), expected,
                             why=f"real roots of s**{n} = {k}: {roots}; {label}?")
        lo = Fraction(rng.randint(-6, 5), rng.choice((1, 2)))
        hi = lo + Fraction(rng.choice((1, 2, 3, 5)), rng.choice((1, 2)))
        member = _interval_has_member(s, lo, hi)
        inside = sp.And(gt(s, S(lo)), lt(s, S(hi)))
        if shape == 4:
            expected = None if member is None else (Status.WITNESS if member else Status.REFUTED)
            return FuzzClaim(seed, index, "assumption_kinds", Kind.EXISTS, inside, (), expected,
                             why=f"a {label} value in ({lo}, {hi})?")
        expected = None if member is None else (Status.REFUTED if member else Status.PROVED)
        return FuzzClaim(seed, index, "assumption_kinds", Kind.FORALL, sp.Or(le(s, S(lo)), ge(s, S(hi))), (),
                         expected, why=f"no {label} value in ({lo}, {hi})?")
    # random polynomial claims over symbols of mixed kinds, around an anchor of admissible values
    n = rng.randint(1, 3)
    syms, anchor = [], {}
    for name in rng.sample(NAMES, n):
        _, s = kind_symbol(rng, name)
        v = pick_value(rng, s)
        if v is None:
            continue
        syms.append(s)
        anchor[s] = v
    if not syms:
        s = make_symbol("x", "real")
        syms, anchor = [s], {s: sp.Integer(0)}
    p = poly(rng, syms, max_degree=2, terms=rng.randint(1, 3))
    at = sp.expand(p.xreplace(anchor))
    assumptions = []
    for s in syms:
        if rng.random() < 0.4:
            v = anchor[s]
            assumptions.append(ge(s, sp.floor(v) - rng.randint(0, 2)))
            assumptions.append(le(s, sp.ceiling(v) + rng.randint(0, 2)))
    kind = random_kind(rng)
    if rng.random() < 0.3:  # an equation true at the anchor (whose value may be irrational)
        claim = eq(p, at) if kind is Kind.EXISTS else ne(p, at)
        expected = Status.WITNESS if kind is Kind.EXISTS else Status.REFUTED
        return FuzzClaim(seed, index, "assumption_kinds", kind, claim, tuple(assumptions), expected,
                         anchor=tuple(anchor.items()), why="true (exists) or false (forall) at the anchor")
    claim = rel(rng, "<,<=,>,>=,==,!=")(p, S(rng.randint(-3, 3)))
    return FuzzClaim(seed, index, "assumption_kinds", kind, claim, tuple(assumptions),
                     anchor=tuple(anchor.items()))


def _common_value(a: sp.Symbol, b: sp.Symbol):
    for v in VALUE_POOL:
        if admits(a, v) and admits(b, v):
            return v
    return None


#: pairs of assumptions that no value satisfies together (so two such homonyms can never be equal)
_DISJOINT = ((dict(integer=True), dict(integer=False)), (dict(prime=True), dict(negative=True)),
             (dict(rational=True), dict(irrational=True)), (dict(even=True), dict(odd=True)),
             (dict(positive=True), dict(positive=False)))


def fam_homonyms(rng, seed, index):
    """Distinct symbols with the same name (other assumptions, or ``Dummy``): independent variables."""
    name = rng.choice(NAMES)
    pick = rng.random()
    if pick < 0.35:
        a, b = make_symbol(name, "positive"), make_symbol(name, "real")
    elif pick < 0.55:
        a, b = sp.Dummy(name, real=True), sp.Dummy(name, real=True)
    elif pick < 0.7:
        a, b = sp.Symbol(name), sp.Symbol(name, real=True)
    else:
        ka, kb = rng.choice(_DISJOINT)
        a, b = sp.Symbol(name, **ka), sp.Symbol(name, **kb)
        va, vb = pick_value(rng, a), pick_value(rng, b)
        common = _common_value(a, b)
        kind, claim, expected, why = rng.choice([
            (Kind.EXISTS, sp.And(eq(a, va), eq(b, vb)), Status.WITNESS, "two independent variables"),
            (Kind.EXISTS, eq(a, b), Status.REFUTED if common is None else Status.WITNESS,
             "no value has both kinds" if common is None else f"both can be {common}"),
            (Kind.FORALL, ne(a, b), Status.PROVED if common is None else Status.REFUTED,
             "no value has both kinds" if common is None else f"both can be {common}"),
        ])
        return FuzzClaim(seed, index, "homonyms", kind, claim, (), expected, why=why)
    others = [make_symbol(nm, "real") for nm in rng.sample([n for n in NAMES if n != name], rng.randint(0, 2))]
    c = S(rng.randint(0, 2))
    kind, claim, expected, why = rng.choice([
        (Kind.FORALL, sp.Implies(gt(a, c), gt(b, c)), Status.REFUTED, "b is free: b = c - 1"),
        (Kind.FORALL, eq(a, b), Status.REFUTED, "two independent variables"),
        (Kind.EXISTS, sp.And(gt(a, c), lt(b, c)), Status.WITNESS, "two independent variables"),
        (Kind.FORALL, ge(a * b + sp.Add(*others), 0), None, "a product of independent variables"),
    ])
    return FuzzClaim(seed, index, "homonyms", kind, claim, (), expected, why=why)


_BASES = ("polynomial", "rational", "boolean", "boundary", "constructed", "inequality", "piecewise",
          "assumption_kinds", "functions", "roots", "malformed")


def _renamed(s: sp.Symbol, name: str) -> sp.Symbol:
    given = getattr(s, "_assumptions_orig", None) or s.assumptions0
    cls = sp.Dummy if isinstance(s, sp.Dummy) else sp.Symbol
    return cls(name, **given)


def replace_unevaluated(b: sp.Basic, mapping: dict) -> sp.Basic:
    """``b.xreplace(mapping)`` that rebuilds relations unevaluated (as the families build them).

    SymPy re-evaluates a relation it rebuilds, and refuses one whose side it
    believes non-real; the claim must reach the engine as generated.
    """
    if b in mapping:
        return mapping[b]
    if not b.args or not (b.free_symbols & set(mapping)):
        return b
    args = [replace_unevaluated(a, mapping) if isinstance(a, sp.Basic) else a for a in b.args]
    if isinstance(b, sp.core.relational.Relational):
        return b.func(*args, evaluate=False)
    return b.func(*args)


def fam_names(rng, seed, index):
    """A claim of another family with adversarial symbol names; its twin keeps the plain names.

    Two symbols with different assumptions may get the same name (they stay
    distinct in SymPy, and must stay distinct in the engine).
    """
    from .families import FAMILIES

    base_family = rng.choice(_BASES)
    base = FAMILIES[base_family][0](rng, seed, index)
    symbols = list(base.symbols) + [s for s, _ in (base.anchor or ()) if s not in base.symbols]
    mapping, used = {}, {}
    for s in symbols:
        name = rng.choice(ADVERSARIAL_NAMES)
        if rng.random() < 0.3 and used:
            name = rng.choice(sorted(used))  # share a name with an earlier symbol
        new = _renamed(s, name)
        while new in mapping.values():  # same name and assumptions would merge two symbols
            name += "!"
            new = _renamed(s, name)
        mapping[s] = new
        used[name] = True

    def rename(b):
        return replace_unevaluated(b, mapping) if isinstance(b, sp.Basic) else b

    anchor = tuple((mapping[s], v) for s, v in base.anchor) if base.anchor else None
    assumptions = [rename(a) for a in base.assumptions]
    rng.shuffle(assumptions)  # the order of the assumptions must not matter either
    statement, expected, why = rename(base.statement), base.expected, f"{base.why} (renamed from {base_family})"
    if isinstance(statement, sp.logic.boolalg.BooleanAtom) and not isinstance(base.statement, sp.logic.boolalg.BooleanAtom):
        # SymPy settled the renamed statement (Xnor(x > 0, x <= 0) is false): the base's answer was about a
        # construct no longer there; the points decide
        expected, why = None, f"SymPy settled it to {statement} once renamed (from {base_family})"
    return FuzzClaim(seed, index, "names", base.kind, statement, tuple(assumptions), expected, anchor,
                     why.strip(), base.timeout, base.must_name if expected is not None else "", twin=base,
                     bad_input_ok=base.bad_input_ok)
