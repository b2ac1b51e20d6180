"""Families about constants and identities: zeros SymPy cannot see, numbers too close to call, and
transcendental identities (true ones, and near misses that must not be proved).

Signs of the constants are known by construction (a hidden zero is zero) or
computed with mpmath at 60 digits, far from the margins used here.
"""

from __future__ import annotations

import mpmath
import sympy as sp

from symbolic import Kind, Status

from .claim import FuzzClaim
from .pieces import NAMES, eq, ge, gt, le, lt, make_symbol, ne

__all__ = ["fam_constants", "fam_identities", "HIDDEN_ZEROS", "NEAR_ZEROS"]

_sqrt2, _sqrt3, _sqrt5 = sp.sqrt(2), sp.sqrt(3), sp.sqrt(5)

#: constants that are exactly zero, written so that SymPy does not notice
HIDDEN_ZEROS: tuple = (
    sp.sin(1)**2 + sp.cos(1)**2 - 1,
    sp.log(6) - sp.log(2) - sp.log(3),
    (1 + _sqrt2)**2 - 3 - 2 * _sqrt2,
    sp.GoldenRatio**2 - sp.GoldenRatio - 1,
    sp.atan(2) + sp.atan(sp.Rational(1, 2)) - sp.pi / 2,
    sp.cosh(1)**2 - sp.sinh(1)**2 - 1,
    sp.sqrt(3 + 2 * _sqrt2) - 1 - _sqrt2,
    sp.exp(sp.log(3) / 2) - _sqrt3,
    (_sqrt5 - 1) / 2 - 1 / sp.GoldenRatio,
    sp.floor(sp.pi) - 3,
)

#: constants that are not zero but very close to it (or tiny), with their signs
NEAR_ZEROS: tuple = (
    sp.pi - sp.Rational(355, 113),
    sp.E - sp.Rational(2718281828, 10**9),
    _sqrt2 - sp.Rational(1414213562373095, 10**15),
    sp.exp(-100),
    sp.Rational(1, 10**300),
    sp.log(2) - sp.Rational(693147180559945309417232121458, 10**30),
    sp.GoldenRatio - sp.Rational(1618033988749895, 10**15),
    sp.cos(sp.Rational(355, 113)) + 1,
)


def _sign(c: sp.Expr) -> int:
    with mpmath.workdps(80):
        v = mpmath.mpf(str(sp.N(c, 80)))
    return (v > 0) - (v < 0)


def fam_constants(rng, seed, index):
    """Hidden zeros and near zeros as denominators, coefficients, and in relations."""
    x = make_symbol(rng.choice(NAMES), "real")
    if rng.random() < 0.5:
        z = rng.choice(HIDDEN_ZEROS)
        kind, claim, expected, why = rng.choice([
            (Kind.FORALL, gt(x / z, 0), None, "the denominator is exactly zero: undefined everywhere"),
            (Kind.EXISTS, gt(x / z, 0), None, "the denominator is exactly zero: no instance, or unknown"),
            (Kind.FORALL, eq(z, 0), Status.PROVED, "a hidden zero"),
            (Kind.EXISTS, ne(z, 0), Status.REFUTED, "a hidden zero"),
            (Kind.FORALL, ge(z * x, 0), Status.PROVED, "0 * x >= 0"),
            (Kind.FORALL, eq(z * x + x, x), Status.PROVED, "0 * x + x = x"),
            (Kind.EXISTS, gt(z * x, 0), Status.REFUTED, "0 * x > 0 never"),
            (Kind.FORALL, gt(sp.Piecewise((x, gt(z, 0)), (x + 1, True)), x), Status.PROVED, "the default branch"),
            (Kind.FORALL, le(x**2 + z, x**2), Status.PROVED, "adding zero"),
        ])
        return FuzzClaim(seed, index, "constants", kind, claim, (), expected, why=why)
    c = rng.choice(NEAR_ZEROS)
    s = _sign(c)
    kind, claim, expected, why = rng.choice([
        (Kind.FORALL, gt(c, 0), Status.PROVED if s > 0 else Status.REFUTED, f"the constant has sign {s}"),
        (Kind.FORALL, lt(c, 0), Status.PROVED if s < 0 else Status.REFUTED, f"the constant has sign {s}"),
        (Kind.FORALL, eq(c, 0), Status.REFUTED, "the constant is not zero"),
        (Kind.EXISTS, eq(c * x, 1), Status.WITNESS, "x = 1/c"),
        (Kind.FORALL, ge(c * x**2, 0), Status.PROVED if s > 0 else Status.REFUTED, f"sign {s} times a square"),
        (Kind.FORALL, gt(x / c, 0), Status.REFUTED, "x = 0 (or the sign of x)"),
    ])
    return FuzzClaim(seed, index, "constants", kind, claim, (), expected, why=why)


def _identities(x, y):
    """(lhs, rhs, assumptions, true?) -- rhs a classical rewrite of lhs, or a near miss."""
    pos = (gt(x, 0), gt(y, 0))
    return [
        (sp.sin(2 * x), 2 * sp.sin(x) * sp.cos(x), (), True),
        (sp.cos(2 * x), 1 - 2 * sp.sin(x)**2, (), True),
        (sp.cos(2 * x), 1 - sp.sin(x)**2, (), False),
        (sp.sin(x)**2, (1 - sp.cos(2 * x)) / 2, (), True),
        (sp.log(x * y), sp.log(x) + sp.log(y), pos, True),
        (sp.log(x * y), sp.log(x) + sp.log(y), (), None),  # undefined where x, y < 0: never proved
        (sp.log(x**2), 2 * sp.log(x), (gt(x, 0),), True),
        (sp.log(x**2), 2 * sp.log(x), (), None),
        (sp.sqrt(x * y), sp.sqrt(x) * sp.sqrt(y), (ge(x, 0), ge(y, 0)), True),
        (sp.atan(x) + sp.atan(1 / x), sp.pi / 2, (gt(x, 0),), True),
        (sp.atan(x) + sp.atan(1 / x), sp.pi / 2, (lt(x, 0),), False),
        (sp.tanh(x), (sp.exp(2 * x) - 1) / (sp.exp(2 * x) + 1), (), True),
        (sp.cosh(x)**2 - sp.sinh(x)**2, sp.Integer(1), (), True),
        (sp.asin(x) + sp.acos(x), sp.pi / 2, (ge(x, -1), le(x, 1)), True),
        (sp.floor(x) + sp.frac(x), x, (), True),
        (sp.ceiling(x) - sp.floor(x), sp.Integer(1), (), False),
        (sp.Mod(x, 1), sp.frac(x), (), True),
        (x**sp.Rational(2, 3), (x**2)**sp.Rational(1, 3), (ge(x, 0),), True),
        (sp.exp(x) * (1 + sp.Rational(1, 10**6)), sp.exp(x), (), False),
        (sp.sin(x) + sp.Rational(1, 1000), sp.sin(x), (), False),
        (sp.log(x) + sp.log(y), sp.log(x + y), pos, False),
        (sp.sqrt(x + y), sp.sqrt(x) + sp.sqrt(y), (ge(x, 0), ge(y, 0)), False),
        (sp.Max(x, y) - sp.Min(x, y), sp.Abs(x - y), (), True),
        (sp.sign(x) * sp.Abs(x), x, (), True),
        (sp.exp(sp.log(x) / 2), sp.sqrt(x), (gt(x, 0),), True),
    ]


def fam_identities(rng, seed, index):
    """Transcendental and piecewise identities (proved or unknown) and near misses (refuted or unknown)."""
    x, y = make_symbol("x", "real"), make_symbol("y", "real")
    lhs, rhs, assumptions, true = rng.choice(_identities(x, y))
    if rng.random() < 0.7:
        kind, claim = Kind.FORALL, eq(lhs, rhs)
        expected = None if true is None else (Status.PROVED if true else Status.REFUTED)
    else:
        kind, claim = Kind.EXISTS, ne(lhs, rhs)
        expected = None if true is None else (Status.REFUTED if true else Status.WITNESS)
    why = "an identity" if true else "a near miss" if true is False else "undefined somewhere admissible"
    return FuzzClaim(seed, index, "identities", kind, claim, tuple(assumptions), expected, why=why)
