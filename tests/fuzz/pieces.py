"""Random building blocks of fuzzed claims: symbols, numbers, polynomials, relations, anchors.

Relations are built unevaluated (``Gt(a, b, evaluate=False)``): SymPy's
evaluation of ``p > c`` asks the assumption system about ``p - c``, costs more
than deciding the claim, and would hide the relations it settles from the
engine.
"""

from __future__ import annotations

import math
import random
from fractions import Fraction
from typing import Callable, Sequence

import sympy as sp

from .kinds import admits

__all__ = ["NAMES", "make_symbol", "symbol_flag", "rat", "S", "coefficient", "monomial", "poly", "value_at",
           "lt", "le", "gt", "ge", "eq", "ne", "rel", "Setup", "random_kind", "pick_value", "VALUE_POOL"]

NAMES = ("x", "y", "z", "u", "v", "w")


def make_symbol(name: str, flag: str) -> sp.Symbol:
    """A real symbol with one sign flag: ``real``, ``positive``, ``nonnegative`` or ``negative``."""
    return sp.Symbol(name, **{flag: True})


def symbol_flag(s: sp.Symbol) -> str:
    if s.is_positive:
        return "positive"
    if s.is_nonnegative:
        return "nonnegative"
    if s.is_negative:
        return "negative"
    if s.is_nonpositive:
        return "nonpositive"
    return "real" if s.is_real else "plain"


def rat(rng: random.Random, lo: Fraction, hi: Fraction, dens=(1, 1, 2, 3, 4, 8)) -> Fraction:
    """A random rational in [lo, hi] with a small denominator (an endpoint if none fits)."""
    q = rng.choice(dens)
    a, b = math.ceil(lo * q), math.floor(hi * q)
    if a > b:
        return rng.choice((lo, hi))
    return Fraction(rng.randint(a, b), q)


def anchor_value(rng: random.Random, flag: str) -> Fraction:
    if flag == "positive":
        return rat(rng, Fraction(1, 8), Fraction(3))
    if flag == "nonnegative":
        return Fraction(0) if rng.random() < 0.3 else rat(rng, Fraction(1, 8), Fraction(3))
    if flag == "negative":
        return rat(rng, Fraction(-3), Fraction(-1, 8))
    return Fraction(0) if rng.random() < 0.15 else rat(rng, Fraction(-3), Fraction(3))


def S(q) -> sp.Rational:
    """A SymPy Rational from a Fraction or int."""
    q = Fraction(q)
    return sp.Rational(q.numerator, q.denominator)


def coefficient(rng: random.Random) -> sp.Rational:
    c = rng.choice((1, 1, 1, 2, 2, 3, Fraction(1, 2), Fraction(3, 2), Fraction(1, 3)))
    return S(c) * rng.choice((1, -1))


def monomial(rng: random.Random, syms: Sequence[sp.Symbol], degree: int) -> sp.Expr:
    out = sp.Integer(1)
    for _ in range(degree):
        out *= rng.choice(syms)
    return out


def poly(rng: random.Random, syms: Sequence[sp.Symbol], max_degree: int = 3, terms: int | None = None) -> sp.Expr:
    terms = terms or rng.randint(1, 4)
    return sp.Add(*[coefficient(rng) * monomial(rng, syms, rng.randint(0, max_degree)) for _ in range(terms)])


def value_at(expr: sp.Expr, anchor: dict) -> Fraction:
    """The exact rational value of a polynomial or rational expression at a rational anchor."""
    v = expr.xreplace({s: S(q) for s, q in anchor.items()})
    if not v.is_Rational:
        raise ValueError(f"{expr} is not rational at the anchor")
    return Fraction(int(v.p), int(v.q))


def lt(a, b):
    return sp.Lt(a, b, evaluate=False)


def le(a, b):
    return sp.Le(a, b, evaluate=False)


def gt(a, b):
    return sp.Gt(a, b, evaluate=False)


def ge(a, b):
    return sp.Ge(a, b, evaluate=False)


def eq(a, b):
    return sp.Eq(a, b, evaluate=False)


def ne(a, b):
    return sp.Ne(a, b, evaluate=False)


_RELATIONS = {"<": lt, "<=": le, ">": gt, ">=": ge, "==": eq, "!=": ne}


def rel(rng: random.Random, ops: str = "<,<=,>,>=") -> Callable:
    """A random unevaluated relation constructor among ``ops``."""
    return _RELATIONS[rng.choice(ops.split(","))]


def random_kind(rng: random.Random):
    from symbolic import Kind

    return Kind.FORALL if rng.random() < 0.6 else Kind.EXISTS


class Setup:
    """The variables of one claim, their sign flags and an admissible anchor point."""

    def __init__(self, rng: random.Random, n: int | None = None, flags: Sequence[str] | None = None,
                 names: Sequence[str] = NAMES):
        self.rng = rng
        n = n or rng.randint(2, 6)
        chosen = rng.sample(list(names), n)
        flags = flags or [rng.choice(("real", "real", "positive", "positive", "nonnegative", "negative"))
                          for _ in range(n)]
        self.syms = [make_symbol(nm, fl) for nm, fl in zip(chosen, flags)]
        self.anchor = {s: anchor_value(rng, fl) for s, fl in zip(self.syms, flags)}

    def assumptions(self, extra_relations: int | None = None) -> list:
        """Assumptions that hold at the anchor: signs, boxes, orderings, a polynomial bound."""
        rng, out = self.rng, []
        for s in self.syms:
            p = self.anchor[s]
            pick = rng.random()
            if pick < 0.35:
                continue
            if pick < 0.6:  # a sign fact (may repeat the symbol's own flag)
                if p > 0:
                    out.append(gt(s, 0) if rng.random() < 0.6 else ge(s, 0))
                elif p < 0:
                    out.append(lt(s, 0) if rng.random() < 0.6 else le(s, 0))
                else:
                    out.append(ge(s, 0) if rng.random() < 0.5 else le(s, 0))
            else:  # a box around the anchor, closed where it touches it
                lo = p - rng.choice((0, Fraction(1, 2), 1, 2))
                hi = p + rng.choice((0, Fraction(1, 2), 1, 3))
                out.append(ge(s, S(lo)) if lo == p or rng.random() < 0.5 else gt(s, S(lo)))
                out.append(le(s, S(hi)) if hi == p or rng.random() < 0.5 else lt(s, S(hi)))
        for _ in range(rng.randint(0, 2) if extra_relations is None else extra_relations):
            if len(self.syms) < 2:
                break
            a, b = rng.sample(self.syms, 2)
            pa, pb = self.anchor[a], self.anchor[b]
            if pa == pb:
                out.append(rng.choice((le(a, b), ge(a, b), eq(a, b))))
            elif pa < pb:
                out.append(lt(a, b) if rng.random() < 0.6 else le(a, b))
            else:
                out.append(gt(a, b) if rng.random() < 0.6 else ge(a, b))
        if rng.random() < 0.25:  # a nonlinear assumption, tight or slack at the anchor
            q = poly(rng, self.syms, max_degree=2, terms=rng.randint(1, 3))
            bound = value_at(q, self.anchor) + rng.choice((0, 0, Fraction(1, 2), 2))
            tight = rng.random() < 0.5 or bound == value_at(q, self.anchor)
            out.append(le(q, S(bound)) if tight else lt(q, S(bound)))
        rng.shuffle(out)
        return out

    def point(self) -> tuple:
        return tuple((s, S(v)) for s, v in self.anchor.items())


#: candidate values for symbols with number-kind assumptions (rational and algebraic)
VALUE_POOL: tuple = (
    sp.Integer(0), sp.Integer(1), sp.Integer(-1), sp.Integer(2), sp.Integer(3), sp.Integer(-2), sp.Integer(4),
    sp.Integer(5), sp.Integer(6), sp.Integer(7), sp.Integer(9), sp.Integer(-3), sp.Integer(-4), sp.Integer(11),
    sp.Rational(1, 2), sp.Rational(-1, 2), sp.Rational(3, 2), sp.Rational(-5, 3), sp.Rational(7, 4),
    sp.sqrt(2), -sp.sqrt(2), sp.sqrt(3) / 2, 1 + sp.sqrt(5), -sp.sqrt(7) / 3, sp.Rational(1, 2) - sp.sqrt(2),
)


def pick_value(rng: random.Random, s: sp.Symbol, pool: Sequence = VALUE_POOL):
    """A value from ``pool`` that satisfies every assumption of ``s`` (None if none does)."""
    candidates = list(pool)
    rng.shuffle(candidates)
    for v in candidates:
        if admits(s, v):
            return v
    return None
