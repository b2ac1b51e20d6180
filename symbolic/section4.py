r"""Section 4 of Rodríguez-Clare (2005): the infant-industry story and why it fails.

Two sectors, traditional T and advanced M, in a small open economy with
labour :math:`L`.  A worker produces :math:`a_T` in T and
:math:`a_M g(L_M)` in M, where :math:`g` is increasing: agglomeration
economies external to the firm (docs/model.md §7; worked form
:math:`g(L) = L^\gamma`, :math:`0 < \gamma < 1`).  World prices
:math:`p_T, p_M` are given.

**Wages** are derived: a competitive firm hiring :math:`\ell` workers at wage
:math:`w` earns :math:`(p a - w)\ell`; the first-order condition in
:math:`\ell` (with free entry, zero profit) gives :math:`w = p a`, the value of
a worker's product.  An atomistic worker takes :math:`L_M` as given, so at an
allocation :math:`L_M` the two sectors pay

.. math::  w_T = p_T a_T, \qquad w_M(L_M) = p_M a_M g(L_M).

**Equilibrium** is derived from mobility: an allocation is an equilibrium when
no worker gains by moving, evaluated *at the allocation*: for every sector
with workers, the wage in the other sector at the same :math:`L_M` is not
higher.  A lone mover into an empty M earns M's wage at :math:`L_M = 0`.  At
the corners this gives the two specialisations; SymPy settles which sectors
have workers:

>>> equilibrium(0)
a_M*p_M*g(0) - a_T*p_T <= 0
>>> equilibrium(L)
-a_M*p_M*g(L) + a_T*p_T <= 0
>>> wage_in_sector(p_T, a_T)
a_T*p_T
>>> worked_agglomeration(gamma=2)
Traceback (most recent call last):
...
ValueError: gamma must lie in (0, 1), got gamma = 2

**The second problem** (S4.5): the advanced good can also be made with a
backward mode that has no agglomeration, :func:`backward_mode`, whose
productivity multiplier stays at :math:`g(0)` whatever :math:`L_M`.
"""

from __future__ import annotations

from functools import lru_cache

import sympy as sp

__all__ = ["a_T", "a_M", "p_T", "p_M", "L", "L_M", "g", "gamma", "a_MS", "a_MN", "g_S", "g_N", "SECTORS",
           "wage_in_sector", "wage_in_T", "wage_in_M", "wage", "employment", "gain_from_moving",
           "no_gain_from_moving", "equilibrium", "income_per_worker", "backward_mode", "worked_agglomeration",
           "specialised_in_T", "specialised_in_M", "multiple_equilibria", "import_substitution_wage_gain",
           "agglomeration_assumptions", "g_0", "g_L", "at_allocations", "north_price_of_M", "south_wage_in_M"]

a_T, a_M, p_T, p_M, L = sp.symbols("a_T a_M p_T p_M L", positive=True)
#: labour employed in the advanced sector
L_M = sp.Symbol("L_M", nonnegative=True)
#: agglomeration: productivity multiplier as a function of the sector's employment
g = sp.Function("g", real=True)
gamma = sp.Symbol("gamma", positive=True)
#: South's and North's raw productivity in M and their realised agglomeration levels g(L_M)
a_MS, a_MN, g_S, g_N = sp.symbols("a_MS a_MN g_S g_N", positive=True)
#: the two sectors: traditional and advanced
SECTORS = ("T", "M")
#: the values of the agglomeration function at the two allocations the claims compare, g(0) and g(L)
g_0 = sp.Symbol("g_0", nonnegative=True)
g_L = sp.Symbol("g_L", positive=True)

_wage, _workers = sp.Symbol("w", real=True), sp.Symbol("ell", positive=True)
_x = sp.Symbol("x", nonnegative=True)


def _check(value, name, test, requirement):
    v = sp.sympify(value)
    if v.is_number and not (v.is_real and test(v)):
        raise ValueError(f"{name} must {requirement}, got {name} = {v}")
    return v


def _sector(sector) -> str:
    if sector not in SECTORS:
        raise ValueError(f"sector must be one of {SECTORS}, got {sector!r}")
    return sector


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


def _apply(agglomeration, employment):
    if isinstance(agglomeration, sp.core.function.UndefinedFunction):
        return agglomeration(employment)
    if isinstance(agglomeration, sp.Lambda):
        return agglomeration(employment)
    return sp.sympify(agglomeration).subs(L_M, employment)


def wage_in_M(employment=L_M, p_M=p_M, a_M=a_M, agglomeration=g) -> sp.Expr:
    """The wage a firm in M can pay when ``employment`` workers are in M: :math:`p_M a_M g(L_M)`.

    ``agglomeration`` is the abstract :data:`g`, a :class:`sympy.Lambda`, or an expression in :data:`L_M`.
    """
    employment = _check(employment, "L_M", lambda v: v >= 0, "be non-negative")
    return wage_in_sector(p_M, a_M * _apply(agglomeration, employment))


def wage(sector, allocation=L_M, agglomeration=g) -> sp.Expr:
    """The wage in ``sector`` ("T" or "M") when ``allocation`` workers are in M."""
    return wage_in_T() if _sector(sector) == "T" else wage_in_M(allocation, agglomeration=agglomeration)


def employment(sector, allocation=L_M, labour=L) -> sp.Expr:
    """Workers in ``sector`` at the allocation: :math:`L - L_M` in T, :math:`L_M` in M."""
    return labour - allocation if _sector(sector) == "T" else sp.sympify(allocation)


def _other(sector) -> str:
    return "M" if _sector(sector) == "T" else "T"


def gain_from_moving(source, allocation=L_M, agglomeration=g) -> sp.Expr:
    """What a worker in ``source`` gains by moving to the other sector, wages taken at the allocation."""
    return wage(_other(source), allocation, agglomeration) - wage(source, allocation, agglomeration)


def no_gain_from_moving(source, allocation=L_M, agglomeration=g) -> sp.Boolean:
    """A worker in ``source`` cannot earn more in the other sector: :func:`gain_from_moving` is not positive."""
    return sp.Le(gain_from_moving(source, allocation, agglomeration), 0)


def equilibrium(allocation=L_M, labour=L, agglomeration=g) -> sp.Boolean:
    r"""No worker gains by moving: every sector *with workers* satisfies :func:`no_gain_from_moving`.

    ``Implies(employment > 0, ...)``: SymPy settles at a corner which sectors have
    workers (an empty sector has nobody who could move).

    >>> equilibrium(L, agglomeration=sp.Lambda(_x, 1 + _x))
    -a_M*p_M*(L + 1) + a_T*p_T <= 0
    """
    labour = _check(labour, "L", lambda v: v > 0, "be positive")
    allocation = _check(allocation, "L_M", lambda v: v >= 0, "be non-negative")
    return sp.And(*[sp.Implies(sp.Gt(employment(s, allocation, labour), 0),
                               no_gain_from_moving(s, allocation, agglomeration)) for s in SECTORS])


def income_per_worker(allocation=L_M, labour=L, agglomeration=g) -> sp.Expr:
    r"""Income per worker at world prices: :math:`((L - L_M) w_T + L_M w_M(L_M))/L`.

    >>> income_per_worker(0), income_per_worker(L)
    (a_T*p_T, a_M*p_M*g(L))
    """
    labour = _check(labour, "L", lambda v: v > 0, "be positive")
    total = sum(employment(s, allocation, labour) * wage(s, allocation, agglomeration) for s in SECTORS)
    return sp.cancel(total / labour)


def backward_mode(agglomeration=g) -> sp.Lambda:
    r"""Producing M without clustering: the multiplier stays at its value with no M employment, :math:`g(0)`.

    >>> wage_in_M(L, agglomeration=backward_mode())
    a_M*p_M*g(0)
    """
    return sp.Lambda(_x, _apply(agglomeration, 0))


def worked_agglomeration(gamma=gamma) -> sp.Expr:
    r"""The worked form :math:`g(L_M) = L_M^\gamma`, :math:`0 < \gamma < 1`.

    >>> worked_agglomeration()
    L_M**gamma
    """
    gamma = _check(gamma, "gamma", lambda v: 0 < v < 1, "lie in (0, 1)")
    return L_M**gamma


def agglomeration_assumptions(labour=L, agglomeration=g) -> dict[str, sp.Boolean]:
    """What the model assumes of ``g`` at the two allocations the claims compare, by name."""
    return {"g(0) >= 0": sp.Ge(_apply(agglomeration, 0), 0),
            "g increasing: g(0) < g(L)": sp.Lt(_apply(agglomeration, 0), _apply(agglomeration, labour))}


def at_allocations(expr, labour=L):
    r"""``expr`` with :math:`g(0)` and :math:`g(L)` replaced by the values :data:`g_0`, :data:`g_L`.

    The claims evaluate :math:`g` only at :math:`L_M = 0` and :math:`L_M = L`, and every pair
    :math:`0 \le g_0 < g_L` is taken by some increasing :math:`g` (a straight line), so drawing the
    pair draws every admissible :math:`g` as far as the claims can tell.  Raises ``ValueError`` if
    :math:`g` is applied anywhere else.

    >>> at_allocations(equilibrium(L))
    -a_M*g_L*p_M + a_T*p_T <= 0
    """
    out = sp.sympify(expr).xreplace({g(0): g_0, g(labour): g_L})
    rest = out.atoms(sp.core.function.AppliedUndef)
    if rest:
        raise ValueError(f"g is applied at {', '.join(sorted(map(str, rest)))}, not only at 0 and {labour}")
    return out


def specialised_in_T(agglomeration=g) -> sp.Boolean:
    r"""Everybody in T (:math:`L_M = 0`) as an equilibrium: :func:`equilibrium` at 0.

    >>> specialised_in_T(worked_agglomeration())
    True
    """
    return equilibrium(0, L, agglomeration)


def specialised_in_M(labour=L, agglomeration=g) -> sp.Boolean:
    r"""Everybody in M (:math:`L_M = L`) as an equilibrium: :func:`equilibrium` at ``labour``."""
    labour = _check(labour, "L", lambda v: v > 0, "be positive")
    return equilibrium(labour, labour, agglomeration)


def multiple_equilibria(labour=L, agglomeration=g) -> sp.Boolean:
    """Both specialisations are equilibria."""
    return sp.And(specialised_in_T(agglomeration), specialised_in_M(labour, agglomeration))


def import_substitution_wage_gain(labour=L, agglomeration=g) -> sp.Expr:
    """Income per worker with everybody in M minus income per worker with everybody in T."""
    return income_per_worker(labour, labour, agglomeration) - income_per_worker(0, labour, agglomeration)


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
