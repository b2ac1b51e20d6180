r"""Section 5 of Rodríguez-Clare (2005): coordination and comparative advantage.

Sectors :math:`j = 1, \dots, J`; countries North (N) and South (S).  Labour
productivity in sector :math:`j` of country :math:`i` is :math:`\lambda_{ji}`
without coordination and :math:`\theta_j \lambda_{ji}` with it,
:math:`\theta_j \ge 1`.  North is coordinated everywhere and sets world prices;
with North's wage as numeraire

.. math::  p_j = \frac{1}{\theta_j \lambda_{jN}}.

South specialised in :math:`j` is an equilibrium :math:`E(j, C)` (coordinated)
or :math:`E(j, U)` (uncoordinated) when

* **cost equals price** in :math:`j`: :math:`w/(\theta_j\lambda_{jS}) = p_j`
  (C) or :math:`w/\lambda_{jS} = p_j` (U), and
* **no profitable deviation**: :math:`w/\lambda_{kS} \ge p_k` for every
  :math:`k \ne j` (a lone deviator has no coordination).

Solving the first gives :math:`w(j,C) = \lambda_{jS}/\lambda_{jN}` and
:math:`w(j,U) = \lambda_{jS}/(\theta_j\lambda_{jN})`.  Condition (*) for a sector
:math:`k` reads :math:`(\lambda_{1S}/\lambda_{1N})/(\lambda_{kS}/\lambda_{kN}) < \theta_1`
(docs/model.md §8, with the errata of the extracted text corrected).

Sector labels are integers for a fixed :math:`J` (``sectors(4)``) or strings
for generic indices (``("1", "j", "k")``): every function works with both,
which is what lets :math:`S5.4` be decided for every :math:`J` at once.

>>> from symbolic.section5 import wage_coordinated, world_price, condition_star
>>> wage_coordinated(2)
lambda_2S/lambda_2N
>>> world_price("k")
1/(lambda_kN*theta_k)
>>> condition_star(3)
lambda_1S*lambda_3N/(lambda_1N*lambda_3S) < theta_1
"""

from __future__ import annotations

from functools import lru_cache
from itertools import combinations
from typing import Sequence

import sympy as sp

__all__ = [
    "sectors", "lam_S", "lam_N", "theta", "wage", "world_price", "unit_cost", "zero_profit",
    "derive_wage", "wage_coordinated", "wage_uncoordinated", "no_profitable_deviation",
    "deviation_margin", "equilibrium", "condition_star", "star_ratio", "assumption_A1",
    "assumption_A2", "theta_at_least_one", "theta_nondecreasing", "raw_comparative_advantage",
    "coordinated_comparative_advantage", "model_symbols", "standing_assumptions", "model_steps",
]

Label = int | str

#: South's wage, a free unknown until cost equals price pins it down
wage = sp.Symbol("w", positive=True)


def sectors(J: int) -> tuple[int, ...]:
    """The sector labels ``1..J`` of a fixed-size economy."""
    if not isinstance(J, int) or isinstance(J, bool):
        raise TypeError(f"J must be an integer number of sectors, got {J!r}")
    if J < 2:
        raise ValueError(f"J must be at least 2 (the model compares sectors), got {J}")
    return tuple(range(1, J + 1))


def _label(j: Label) -> str:
    if isinstance(j, bool) or not isinstance(j, (int, str)) or (isinstance(j, int) and j < 1):
        raise ValueError(f"a sector label is a positive integer or a name such as 'k', got {j!r}")
    return str(j)


@lru_cache(maxsize=None)
def lam_S(j: Label) -> sp.Symbol:
    r"""South's raw labour productivity :math:`\lambda_{jS}` in sector ``j``."""
    return sp.Symbol(f"lambda_{_label(j)}S", positive=True)


@lru_cache(maxsize=None)
def lam_N(j: Label) -> sp.Symbol:
    r"""North's raw labour productivity :math:`\lambda_{jN}`."""
    return sp.Symbol(f"lambda_{_label(j)}N", positive=True)


@lru_cache(maxsize=None)
def theta(j: Label) -> sp.Symbol:
    r"""The productivity gain from coordination :math:`\theta_j` (the model assumes :math:`\ge 1`)."""
    return sp.Symbol(f"theta_{_label(j)}", positive=True)


def model_symbols(labels: Sequence[Label]) -> tuple[sp.Symbol, ...]:
    """All parameters of the listed sectors, in a fixed order."""
    return tuple(s for j in labels for s in (lam_S(j), lam_N(j), theta(j)))


def world_price(j: Label) -> sp.Expr:
    r""":math:`p_j = 1/(\theta_j \lambda_{jN})`: North's unit cost, North's wage the numeraire."""
    return 1 / (theta(j) * lam_N(j))


def unit_cost(j: Label, coordinated: bool, w: sp.Expr = wage) -> sp.Expr:
    r"""South's unit cost in ``j``: :math:`w/(\theta_j\lambda_{jS})` with coordination, :math:`w/\lambda_{jS}` without."""
    return w / (theta(j) * lam_S(j)) if coordinated else w / lam_S(j)


def zero_profit(j: Label, coordinated: bool, w: sp.Expr = wage) -> sp.Eq:
    """Cost equals world price in the sector South specialises in."""
    return sp.Eq(unit_cost(j, coordinated, w), world_price(j))


@lru_cache(maxsize=None)
def derive_wage(j: Label, coordinated: bool) -> sp.Expr:
    """Solve :func:`zero_profit` for South's wage (a derivation, not a transcription).

    Solved once for a template sector, then renamed to sector ``j``: zero profit has the same form in
    every sector, and one ``solve`` per sector was the slowest step of building the claims.
    """
    template = _TEMPLATE
    rename = {lam_S(template): lam_S(j), lam_N(template): lam_N(j), theta(template): theta(j)}
    return _derive_template_wage(coordinated).xreplace(rename)


#: a sector label used only to derive the wage once
_TEMPLATE = "template"


@lru_cache(maxsize=None)
def _derive_template_wage(coordinated: bool) -> sp.Expr:
    (solution,) = sp.solve(zero_profit(_TEMPLATE, coordinated), wage, dict=False)
    return sp.factor(solution)


def wage_coordinated(j: Label) -> sp.Expr:
    r""":math:`w(j,C) = \lambda_{jS}/\lambda_{jN}`, derived from zero profit with coordination."""
    return derive_wage(j, True)


def wage_uncoordinated(j: Label) -> sp.Expr:
    r""":math:`w(j,U) = \lambda_{jS}/(\theta_j\lambda_{jN})`, derived from zero profit without coordination."""
    return derive_wage(j, False)


def deviation_margin(j: Label, coordinated: bool, k: Label) -> sp.Expr:
    r"""Cost minus price of a lone uncoordinated deviator in ``k`` at the wage of :math:`E(j,\cdot)`.

    Non-negative means the deviation does not pay: :math:`w/\lambda_{kS} - p_k`.
    """
    w = wage_coordinated(j) if coordinated else wage_uncoordinated(j)
    return unit_cost(k, False, w) - world_price(k)


@lru_cache(maxsize=None)
def no_profitable_deviation(j: Label, coordinated: bool, k: Label) -> sp.Boolean:
    r""":math:`w(j,\cdot)/\lambda_{kS} \ge p_k`: producing ``k`` without coordination earns no profit."""
    w = wage_coordinated(j) if coordinated else wage_uncoordinated(j)
    # evaluate=False: SymPy cannot settle the sign from positivity alone and trying is slow
    return sp.Ge(unit_cost(k, False, w), world_price(k), evaluate=False)


def equilibrium(j: Label, coordinated: bool, labels: Sequence[Label]) -> sp.Boolean:
    """:math:`E(j, C)` or :math:`E(j, U)`: no profitable deviation to any other listed sector.

    Zero profit in ``j`` holds by construction (the wage is derived from it).
    """
    return _equilibrium(j, coordinated, tuple(labels))


@lru_cache(maxsize=None)
def _equilibrium(j: Label, coordinated: bool, labels: tuple) -> sp.Boolean:
    if j not in labels:
        raise ValueError(f"sector {j!r} is not among the sectors {tuple(labels)}")
    return sp.And(*[no_profitable_deviation(j, coordinated, k) for k in labels if k != j])


def raw_comparative_advantage(j: Label) -> sp.Expr:
    r""":math:`\lambda_{jS}/\lambda_{jN}`."""
    return lam_S(j) / lam_N(j)


def coordinated_comparative_advantage(j: Label) -> sp.Expr:
    r""":math:`\lambda_{jS}/(\theta_j\lambda_{jN})`: South uncoordinated against coordinated North."""
    return lam_S(j) / (theta(j) * lam_N(j))


def star_ratio(k: Label, first: Label = 1) -> sp.Expr:
    r""":math:`(\lambda_{1S}/\lambda_{1N})/(\lambda_{kS}/\lambda_{kN})`, the left side of (*)."""
    return raw_comparative_advantage(first) / raw_comparative_advantage(k)


def condition_star(k: Label, strict: bool = True, first: Label = 1) -> sp.Boolean:
    r"""Condition (*) for sector ``k``: :math:`(\lambda_{1S}/\lambda_{1N})/(\lambda_{kS}/\lambda_{kN}) < \theta_1`.

    ``strict=False`` gives the weak form ``<=`` that is necessary and sufficient (S5.4).
    """
    ratio = star_ratio(k, first)
    op = sp.Lt if strict else sp.Le
    return op(ratio, theta(first), evaluate=False)


def _decreasing(values: Sequence[sp.Expr]) -> sp.Boolean:
    # pairwise, not only consecutive: the solver needs transitivity spelled out (z3 is much slower deriving it)
    return sp.And(*[sp.Gt(a, b) for a, b in combinations(values, 2)])


def assumption_A1(labels: Sequence[Label]) -> sp.Boolean:
    r"""A1: :math:`\lambda_{jS}/\lambda_{jN}` strictly decreasing along ``labels`` (listed in index order)."""
    return _decreasing([raw_comparative_advantage(j) for j in labels])


def assumption_A2(labels: Sequence[Label]) -> sp.Boolean:
    r"""A2: :math:`\lambda_{jS}/(\theta_j\lambda_{jN})` strictly decreasing along ``labels``."""
    return _decreasing([coordinated_comparative_advantage(j) for j in labels])


def theta_at_least_one(labels: Sequence[Label]) -> sp.Boolean:
    r""":math:`\theta_j \ge 1` for every listed sector."""
    return sp.And(*[sp.Ge(theta(j), 1) for j in labels])


def theta_nondecreasing(labels: Sequence[Label]) -> sp.Boolean:
    r""":math:`\theta_j` nondecreasing along ``labels``: the paper's sufficient condition for A2."""
    return sp.And(*[sp.Le(theta(a), theta(b)) for a, b in combinations(labels, 2)])


def standing_assumptions(labels: Sequence[Label], *, A1: bool = True, A2: bool = True,
                         theta_ge_1: bool = True) -> dict[str, sp.Boolean]:
    """The model's assumptions for ``labels``, one named instance per pair or sector.

    Instances (``"A2(1,k)"``, ``"theta_k >= 1"``) rather than whole chains, so that
    the solver's unsatisfiable core says which ones a proof uses.  Positivity of
    every parameter is carried by the symbols themselves.

    >>> sorted(standing_assumptions(("1", "k"), A1=False))
    ['A2(1,k)', 'theta_1 >= 1', 'theta_k >= 1']
    """
    out: dict[str, sp.Boolean] = {}
    for a, b in combinations(labels, 2):
        if A1:
            out[f"A1({a},{b})"] = sp.Gt(raw_comparative_advantage(a), raw_comparative_advantage(b), evaluate=False)
        if A2:
            out[f"A2({a},{b})"] = sp.Gt(coordinated_comparative_advantage(a), coordinated_comparative_advantage(b),
                                        evaluate=False)
    if theta_ge_1:
        for j in labels:
            out[f"theta_{j} >= 1"] = sp.Ge(theta(j), 1)
    return out


def model_steps(j: Label = "j", k: Label = "k"):
    r"""The model's primitives and derived conditions, as derivation steps.

    Each equation is the SymPy object the rest of the toolkit uses: the world
    price, zero profit solved for the wage (with and without coordination), the
    no-deviation condition, condition (*), and A1/A2 for two sectors.

    >>> steps = model_steps()
    >>> [s.text.split(":")[0] for s in steps][:3]
    ['World price (North coordinated, North wage the numeraire)', 'Zero profit with coordination in j', 'Zero profit without coordination in j']
    """
    from .derivation import Step

    p = sp.Symbol(f"p_{j}", positive=True)
    w_c, w_u = sp.Symbol(f"w_{{{j},C}}"), sp.Symbol(f"w_{{{j},U}}")
    return (
        Step("World price (North coordinated, North wage the numeraire)", sp.Eq(p, world_price(j))),
        Step(f"Zero profit with coordination in {j}",
             latex=rf"{sp.latex(zero_profit(j, True))} \implies {sp.latex(sp.Eq(w_c, wage_coordinated(j)))}",
             plain=f"{sp.sstr(zero_profit(j, True))}  =>  w({j},C) = {sp.sstr(wage_coordinated(j))}"),
        Step(f"Zero profit without coordination in {j}",
             latex=rf"{sp.latex(zero_profit(j, False))} \implies {sp.latex(sp.Eq(w_u, wage_uncoordinated(j)))}",
             plain=f"{sp.sstr(zero_profit(j, False))}  =>  w({j},U) = {sp.sstr(wage_uncoordinated(j))}"),
        Step(f"No profitable deviation from E({j},C) to {k} (a lone deviator is uncoordinated)",
             no_profitable_deviation(j, True, k)),
        Step(f"Condition (*) for sector {k}", condition_star(k)),
        Step(f"A1 between sectors {j} < {k}", sp.Gt(raw_comparative_advantage(j), raw_comparative_advantage(k))),
        Step(f"A2 between sectors {j} < {k}",
             sp.Gt(coordinated_comparative_advantage(j), coordinated_comparative_advantage(k))),
    )
