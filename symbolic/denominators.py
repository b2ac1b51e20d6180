"""Denominators as the engine reads them: ``e`` as ``n/d`` (without reaching into powers or functions), the
sign of ``d`` wherever the claim is defined, and the factor of ``d`` that carries it.

A relation ``n/d op 0`` becomes ``n op 0`` (``-n`` for a negative ``d``) or ``n*c op 0``: equivalent wherever
``d != 0``, a domain condition the engine proves first.  :mod:`symbolic.translate` writes that for z3 and
:mod:`symbolic.clearing` shows it in derivations, both from here.
"""

from __future__ import annotations

from functools import lru_cache

import sympy as sp

from .constructs import sympy_settles_reliably

__all__ = ["numer_denom", "denominator_sign", "sign_carrier", "side"]


@lru_cache(maxsize=65536)
def numer_denom(e: sp.Expr) -> tuple[sp.Expr, sp.Expr]:
    """``e`` as ``n/d``, combining fractions of sums and products only (cached by the expression).

    Unlike SymPy's ``as_numer_denom`` it does not reach inside the base of a
    fractional or real power, nor inside functions: ``((a/b)**s)`` stays one
    term, so that ``x**(1/s)`` keeps the form the claim was written in.

    >>> x, y = sp.symbols("x y", positive=True)
    >>> numer_denom(x + 1/y), numer_denom((x/y)**sp.Symbol("s"))
    ((x*y + 1, y), ((x/y)**s, 1))
    """
    if e.is_Rational:
        return sp.Integer(e.p), sp.Integer(e.q)
    if isinstance(e, sp.Mul):
        n, d = sp.Integer(1), sp.Integer(1)
        for f in e.args:
            fn, fd = numer_denom(f)
            n, d = n * fn, d * fd
        return n, d
    if isinstance(e, sp.Add):
        parts = [numer_denom(t) for t in e.args]
        if all(pd == 1 for _, pd in parts):
            return e, sp.Integer(1)
        d = sp.Integer(1)
        for _, pd in parts:
            if pd != 1 and not (d.is_Mul and pd in d.args) and pd != d:
                d = d * pd
        n = sp.Add(*[pn * sp.cancel(d / pd) if pd != 1 else pn * d for pn, pd in parts])
        return n, d
    if isinstance(e, sp.Pow):
        base, expo = e.args
        if expo.is_Integer:
            bn, bd = numer_denom(base)
            k = int(expo)
            return (bn**k, bd**k) if k > 0 else (bd**-k, bn**-k)
        if expo.is_Rational and expo < 0:  # x**(-1/2) is 1/sqrt(x); real exponents go through exp/log
            return sp.Integer(1), sp.Pow(base, -expo)
    return e, sp.Integer(1)


def denominator_sign(d: sp.Expr) -> int:
    """The sign of a denominator wherever the claim is defined, from the symbols' assumptions: 1, -1 or 0
    (unknown).  ``d != 0`` wherever the claim is defined (a domain condition, proved for a universal claim and
    conjoined for an existence claim), so a
    denominator that is never negative -- ``(4 b**2 - c**2)**2`` -- is positive there."""
    if d == 1:
        return 1
    if not sympy_settles_reliably(d):  # a sign SymPy found numerically or from number kinds: not a proof
        return 0
    if d.is_positive or d.is_nonnegative:
        return 1
    if d.is_negative or d.is_nonpositive:
        return -1
    return 0


def sign_carrier(d: sp.Expr) -> tuple[sp.Expr, int]:
    """``(c, s)``: a factor ``c`` of the denominator ``d`` with the sign of ``d`` wherever the claim is defined,
    and that sign (0: unknown).  ``c`` is ``d`` with each factor's integer exponent reduced to its parity: the
    even powers dropped are positive where ``d != 0``.  Multiplying ``n/d op 0`` by ``d*c`` (even powers only,
    positive where ``d != 0``) instead of ``d**2`` gives ``n*c op 0`` (``d = u**3``: ``n*u``, not ``n*u**3``).

    >>> b, u = sp.Symbol("b", positive=True), sp.Symbol("u", real=True)
    >>> sign_carrier(u**3), sign_carrier(u**3 * (u - b)**2), sign_carrier(-b * u**2), sign_carrier(u**2 - b)
    ((u, 0), (u, 0), (-b*u**2, -1), (-b + u**2, 0))
    """
    s = denominator_sign(d)
    if s:
        return d, s
    kept = []
    for factor in sp.Mul.make_args(d):
        base, exp = factor.as_base_exp()
        kept.append(base ** (exp % 2) if exp.is_Integer and exp > 0 else factor)
    c = sp.Mul(*kept)
    return (d, 0) if c == d else (c, denominator_sign(c))


@lru_cache(maxsize=65536)
def side(e: sp.Expr) -> tuple[sp.Expr, sp.Expr, sp.Expr, int]:
    """``e`` as ``n/d``, with the factor ``c`` of ``d`` that carries its sign wherever the claim is defined (see
    :func:`sign_carrier`) and that sign (0: unknown)."""
    n, d = numer_denom(e)
    c, sign = sign_carrier(d)
    return n, d, c, sign
