"""Symbol assumptions checked on exact values by the oracle's own predicates (not SymPy's, not the engine's).

``admits(s, v)`` says whether the exact real number ``v`` satisfies every
SymPy assumption of the symbol ``s`` (``positive``, ``rational``, ``even``,
``prime``, ``integer=False``...): rational values exactly, algebraic ones by
their minimal polynomial (``q + r*sqrt(k)`` recognised directly), signs by
intervals.
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache

import sympy as sp

from .arithmetic import IV, PRECISIONS, TooClose, Unsettled, iroot, sign_of
from .evaluate import algebraic, algebraic_number, number_value

__all__ = ["admits", "NUMBER_KINDS"]


def _is_prime(n: int) -> bool:
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


def _quadratic_surd(v: sp.Expr) -> bool:
    """``q + r*sqrt(k)`` with rationals ``q``, ``r != 0`` and a non-square integer ``k > 0``: irrational."""
    q, rest = v.as_coeff_Add()
    r, root = rest.as_coeff_Mul()
    if not (q.is_Rational and r.is_Rational and r != 0 and isinstance(root, sp.Pow)):
        return False
    k, e = root.args
    return e == sp.S.Half and k.is_Integer and k > 0 and iroot(int(k), 2) is None


@lru_cache(maxsize=4096)
def _kind(v: sp.Expr) -> tuple[Fraction | None, bool]:
    """(the value as a Fraction if rational, whether it is algebraic), by its minimal polynomial."""
    if v.is_Rational:
        return Fraction(int(v.p), int(v.q)), True
    if isinstance(v, sp.Float):
        return Fraction(str(v)), True
    if _quadratic_surd(v):
        return None, True
    if not all(algebraic_number(a) for a in sp.preorder_traversal(v) if a.is_Atom) or not algebraic(v):
        raise Unsettled(f"cannot classify the number {v}")
    t = sp.Dummy("t")
    poly = sp.Poly(sp.minimal_polynomial(v, t), t)
    if poly.degree() == 1:
        c1, c0 = poly.all_coeffs()
        q = -sp.Rational(c0) / sp.Rational(c1)
        return Fraction(int(q.p), int(q.q)), True
    return None, True


NUMBER_KINDS = ("rational", "irrational", "algebraic", "transcendental", "integer", "noninteger", "even", "odd",
                 "prime", "composite")


def admits(s: sp.Symbol, v) -> bool:
    """Whether the exact real value ``v`` satisfies every SymPy assumption of ``s`` (or Unsettled).

    >>> admits(sp.Symbol("p", prime=True), 9), admits(sp.Symbol("r", irrational=True), sp.sqrt(2))
    (False, True)
    >>> admits(sp.Symbol("m", integer=False), sp.Rational(1, 2)), admits(sp.Symbol("z", zero=False), 0)
    (True, False)
    """
    facts = s.assumptions0
    if not facts:
        return True
    v = sp.sympify(v)
    if v.is_Rational or any(k in facts for k in NUMBER_KINDS):
        q, algebraic = _kind(v)
    else:  # only the sign matters: no need to classify the number
        q, algebraic = None, True
    sign = sign_of(q) if q is not None else _sign_of_number(v)
    integer = q is not None and q.denominator == 1
    n = int(q) if integer else None
    have = {
        "rational": q is not None, "irrational": q is None, "algebraic": algebraic, "transcendental": not algebraic,
        "integer": integer, "noninteger": not integer,
        "even": integer and n % 2 == 0, "odd": integer and n % 2 == 1,
        "prime": integer and _is_prime(n), "composite": integer and n > 1 and not _is_prime(n),
        "zero": sign == 0, "nonzero": sign != 0, "positive": sign > 0, "negative": sign < 0,
        "nonnegative": sign >= 0, "nonpositive": sign <= 0,
        "real": True, "complex": True, "finite": True, "infinite": False, "hermitian": True,
        "commutative": True, "imaginary": False, "antihermitian": sign == 0,
    }
    for key, want in facts.items():
        name = key[len("extended_"):] if key.startswith("extended_") else key
        if name not in have:
            raise Unsettled(f"the assumption {key} is not known to the oracle")
        if have[name] != bool(want):
            return False
    return True


def _sign_of_number(v) -> int:
    for prec in PRECISIONS:
        IV.prec = prec
        try:
            return sign_of(number_value(v))
        except TooClose:
            continue
        finally:
            IV.prec = PRECISIONS[0]
    raise Unsettled(f"cannot tell the sign of {v}")
