r"""Remainders of integer polynomials, split into residue classes.

z3 runs out of time on ``Mod(k**2, 4) < 2`` for an integer ``k``, which is settled by four cases.  For an
integer :math:`k = Mq + r` with :math:`0 \le r < M` and a polynomial :math:`P` with integer coefficients,
:math:`P(k) \equiv P(r) \pmod M`, so :math:`P(k) \bmod m = P(r) \bmod m` for every modulus :math:`m` dividing
:math:`M`.  With :math:`M` the least common multiple of the moduli, each class makes every such remainder a
constant, and the classes of all the symbols inside them cover every integer point exactly once:

>>> import sympy as sp
>>> k = sp.Symbol("k", integer=True)
>>> cases = residue_cases(sp.Mod(k**2, 4) < 2, ())
>>> [c.target for c in cases]
[True, True, True, True]
>>> residue_cases(sp.Mod(k / 2, 3) < 1, ()) is None  # not an integer polynomial: not split
True

Only symbols declared integers with at most a sign (no parity or primality, which the split would lose) are
split; the classes are at most :data:`RESIDUE_CASES`.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import sympy as sp

from .certify import declared_sign

__all__ = ["ResidueCase", "residue_cases", "RESIDUE_CASES"]

#: at most this many residue classes (M ** symbols) are decided one by one
RESIDUE_CASES = 64

#: declarations a split symbol may carry: its integrality and its sign (each class keeps the sign as an
#: assumption about M q + r); parity, primality or a value would be lost by the split
_SIGNS = {"positive", "nonnegative", "negative", "nonpositive", "nonzero"}
_TRUE_ONLY = {"integer", "real", "finite", "commutative", "rational", "algebraic", "complex", "extended_real",
              "hermitian"}


@dataclass(frozen=True)
class ResidueCase:
    """One residue class: each split symbol ``s`` is ``modulus * q_s + r_s``."""

    residues: tuple  #: ((symbol, r), ...)
    quotients: tuple  #: ((symbol, q), ...): q a fresh integer
    modulus: int
    target: sp.Basic  #: the claim in the class: its remainders are constants, s is M q + r
    named: tuple  #: the assumptions likewise, and each split symbol's declared sign as one about M q + r

    def point_of(self, point: dict) -> dict:
        """A point of the class (over its quotients) as a point of the claim: ``s = M q + r`` (a quotient
        the class no longer has is 0: any value gives the same remainders there)."""
        fresh = {q for _, q in self.quotients}
        out = {s: v for s, v in point.items() if s not in fresh}
        for (s, r), (_, q) in zip(self.residues, self.quotients):
            out[s] = self.modulus * sp.Integer(point.get(q, 0)) + r
        return out

    def words(self) -> str:
        return ", ".join(f"{s} = {r} mod {self.modulus}" for s, r in self.residues)


def _splittable(s) -> bool:
    declared = getattr(s, "_assumptions_orig", None)
    if not isinstance(s, sp.Symbol) or s.is_integer is not True or declared is None:
        return False
    return all(k in _SIGNS or (k in _TRUE_ONLY and v is True) for k, v in declared.items())


def _integer_polynomial(e: sp.Expr) -> bool:
    if e.atoms(sp.Mod):
        return False
    try:
        poly = sp.Poly(e, *sorted(e.free_symbols, key=sp.default_sort_key))
    except sp.PolynomialError:
        return False
    return all(c.is_Integer for c in poly.coeffs())


def residue_cases(target, named) -> tuple[ResidueCase, ...] | None:
    """The residue classes of ``target`` under the ``(name, assumption)`` pairs ``named``, or ``None`` where
    the claim has no remainder to split, or one the split does not cover (a symbolic modulus, a polynomial
    with a fraction, a symbol declared even or prime), or too many classes."""
    mods = set(target.atoms(sp.Mod)).union(*(a.atoms(sp.Mod) for _, a in named))
    if not mods:
        return None
    symbols, moduli = set(), []
    for m in mods:
        inside, modulus = m.args
        if not (modulus.is_Integer and modulus > 0) or not _integer_polynomial(inside):
            return None
        if not all(_splittable(s) for s in inside.free_symbols):
            return None
        symbols |= inside.free_symbols
        moduli.append(int(modulus))
    if not symbols:
        return None
    M = math.lcm(*moduli)
    order = sorted(symbols, key=sp.default_sort_key)
    if M ** len(order) > RESIDUE_CASES:
        return None
    quotients = tuple((s, sp.Dummy(f"{s.name}_q", integer=True)) for s in order)
    cases = []
    for rs in itertools.product(range(M), repeat=len(order)):
        at = {s: sp.Integer(r) for s, r in zip(order, rs)}
        constants = {m: sp.Integer(int(m.args[0].xreplace(at)) % int(m.args[1])) for m in mods}
        shift = {s: M * q + at[s] for s, q in quotients}

        def in_class(b):
            return b.xreplace(constants).xreplace(shift)

        signs = tuple((f"{s} keeps its declared sign", rel) for s, q in quotients
                      for rel in declared_sign(s, M * q + at[s]))
        cases.append(ResidueCase(tuple(at.items()), quotients, M, in_class(target),
                                 tuple((n, in_class(a)) for n, a in named) + signs))
    return tuple(cases)
