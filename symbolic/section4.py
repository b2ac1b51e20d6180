r"""Section 4 of Rodríguez-Clare (2005): the infant-industry story and why it fails.

Two sectors, traditional T and advanced M, in a small open economy with
labour :math:`L`.  A worker produces :math:`a_T` in T and
:math:`a_M g(L_M)` in M, where :math:`g` is increasing: agglomeration
economies external to the firm (MODEL.md section 7; worked form
:math:`g(L) = L^\gamma`, :math:`0 < \gamma < 1`).  World prices
:math:`p_T, p_M` are given.

Wages are *derived*: a competitive firm hiring :math:`\ell` workers at wage
:math:`w` earns :math:`(p a - w)\ell`; the first-order condition in
:math:`\ell` (with free entry, zero profit) gives :math:`w = p a`, the value of
a worker's product.

>>> wage_in_sector(p_T, a_T)
a_T*p_T
>>> wage_in_M(L)
a_M*p_M*g(L)
>>> worked_agglomeration(gamma=2)
Traceback (most recent call last):
...
ValueError: gamma must lie in (0, 1), got gamma = 2
"""

from __future__ import annotations

from functools import lru_cache

import sympy as sp

__all__ = ["a_T", "a_M", "p_T", "p_M", "L", "L_M", "g", "gamma", "a_MS", "a_MN", "g_S", "g_N",
           "wage_in_sector", "wage_in_T", "wage_in_M", "worked_agglomeration", "specialised_in_T",
           "specialised_in_M", "multiple_equilibria", "import_substitution_wage_gain", "north_price_of_M",
           "south_wage_in_M"]

a_T, a_M, p_T, p_M, L = sp.symbols("a_T a_M p_T p_M L", positive=True)
#: labour employed in the advanced sector
L_M = sp.Symbol("L_M", nonnegative=True)
#: agglomeration: productivity multiplier as a function of the sector's employment
g = sp.Function("g")
gamma = sp.Symbol("gamma", positive=True)
#: South's and North's raw productivity in M and their realised agglomeration levels g(L_M)
a_MS, a_MN, g_S, g_N = sp.symbols("a_MS a_MN g_S g_N", positive=True)

_wage, _workers = sp.Symbol("w", real=True), sp.Symbol("ell", positive=True)


def _check(value, name, test, requirement):
    v = sp.sympify(value)
    if v.is_number and not (v.is_real and test(v)):
        raise ValueError(f"{name} must {requirement}, got {name} = {v}")
    return v


def wage_in_sector(price, productivity) -> sp.Expr:
    r"""The competitive wage: the first-order condition of :math:`(p a - w)\ell` in :math:`\ell`, solved for w."""
    price = _check(price, "price", lambda v: v > 0, "be positive")
    productivity = _check(productivity, "productivity", lambda v: v >= 0, "be non-negative")
    return _value_of_product(price, productivity)


@lru_cache(maxsize=None)
def _value_of_product(price, productivity):
    profit = price * productivity * _workers - _wage * _workers
    (wage,) = sp.solve(sp.diff(profit, _workers), _wage, dict=False)
    return wage


def wage_in_T(p_T=p_T, a_T=a_T) -> sp.Expr:
    """The wage a firm in T can pay: :math:`p_T a_T`."""
    return wage_in_sector(p_T, a_T)


def wage_in_M(employment=L_M, p_M=p_M, a_M=a_M, agglomeration=g) -> sp.Expr:
    """The wage a firm in M can pay when ``employment`` workers are in M: :math:`p_M a_M g(L_M)`."""
    employment = _check(employment, "L_M", lambda v: v >= 0, "be non-negative")
    g_value = agglomeration(employment) if isinstance(agglomeration, sp.core.function.UndefinedFunction) \
        else agglomeration.subs(L_M, employment)
    return wage_in_sector(p_M, a_M * g_value)


def worked_agglomeration(gamma=gamma) -> sp.Expr:
    r"""The worked form :math:`g(L_M) = L_M^\gamma`, :math:`0 < \gamma < 1`.

    >>> worked_agglomeration()
    L_M**gamma
    """
    gamma = _check(gamma, "gamma", lambda v: 0 < v < 1, "lie in (0, 1)")
    return L_M**gamma


def specialised_in_T(agglomeration=g) -> sp.Boolean:
    r"""Everybody in T is an equilibrium iff a lone entrant in M (with :math:`L_M = 0`) cannot beat T's wage.

    >>> specialised_in_T()
    a_M*p_M*g(0) <= a_T*p_T
    """
    return sp.Le(wage_in_M(0, agglomeration=agglomeration), wage_in_T())


def specialised_in_M(labour=L, agglomeration=g) -> sp.Boolean:
    r"""Everybody in M is an equilibrium iff a lone firm in T cannot beat M's wage at :math:`L_M = L`.

    >>> specialised_in_M()
    a_T*p_T <= a_M*p_M*g(L)
    """
    labour = _check(labour, "L", lambda v: v > 0, "be positive")
    return sp.Le(wage_in_T(), wage_in_M(labour, agglomeration=agglomeration))


def multiple_equilibria(labour=L, agglomeration=g) -> sp.Boolean:
    """Both specialisations are equilibria."""
    return sp.And(specialised_in_T(agglomeration), specialised_in_M(labour, agglomeration))


def import_substitution_wage_gain(labour=L, agglomeration=g) -> sp.Expr:
    """The wage at specialisation in M minus the wage at specialisation in T."""
    return wage_in_M(labour, agglomeration=agglomeration) - wage_in_T()


def north_price_of_M(a_MN=a_MN, g_N=g_N) -> sp.Expr:
    r"""The world price of M that North's zero profit sets, North's wage the numeraire: :math:`p_M a_{MN} g_N = 1`.

    >>> north_price_of_M()
    1/(a_MN*g_N)
    """
    price = sp.Symbol("p", positive=True)
    (solution,) = sp.solve(sp.Eq(wage_in_sector(price, a_MN * g_N), 1), price, dict=False)
    return solution


def south_wage_in_M(a_MS=a_MS, g_S=g_S, a_MN=a_MN, g_N=g_N) -> sp.Expr:
    r"""South's wage in M at North's price: :math:`(a_{MS}/a_{MN})(g_S/g_N)`.

    >>> south_wage_in_M()
    a_MS*g_S/(a_MN*g_N)
    """
    return wage_in_sector(north_price_of_M(a_MN, g_N), a_MS * g_S)
