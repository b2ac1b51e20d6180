r"""Section 7 of Rodríguez-Clare (2005): several active sectors, and choosing among proposals.

The paper asserts without a model that with "specific factors or strict
concavity in the production possibilities set" South produces in several
sectors, that "the conclusion of the model carries through", and that with
limited resources policy should "invest in the proposals that entail the
highest social returns", each assigned "a contribution share according to
their perceived externality".  This module is **this project's
formalization** (docs/model.md §9).

**Specific factors** (§9.1).  South as in Section 5, world prices
:math:`p_j = 1/(\theta_j\lambda_{jN})` (:func:`symbolic.section5.world_price`);
each sector also uses a fixed specific factor, so output is
:math:`y_j = A_j L_j^{\beta}`, :math:`0 < \beta < 1`, with
:math:`A_j = \theta_j\lambda_{jS}` if sector :math:`j` is coordinated and
:math:`\lambda_{jS}` if not.  With the value productivity :math:`v_j = p_j A_j`
and :math:`\sigma = 1/(1-\beta)`, the first-order condition
:math:`w = \partial (v_j L_j^\beta)/\partial L_j` and labour-market clearing
:math:`\sum_j L_j = L` give (derived below by SymPy, for any number of sectors)

.. math::  L_j = L\,\frac{v_j^{\sigma}}{S},\qquad Y = L^{\beta} S^{1/\sigma},\qquad
           w = \beta\,\frac{Y}{L},\qquad S = \sum_i v_i^{\sigma}.

Every result is a function of the sectors' :math:`v_i^\sigma` through the
symmetric sum :math:`S` alone; that is what lets a claim about sectors
:math:`k` (and :math:`j`) be decided for **every** :math:`J`: the other sectors
enter only as one non-negative aggregate :math:`Q = \sum_{i \ne k} v_i^\sigma`
(:data:`rest`).  Derived results are stated in :math:`\sigma` (:data:`sigma`,
:math:`\sigma > 1` iff :math:`0 < \beta < 1`), where the exponents are simplest.

**The grant round** (§9.2).  Proposal :math:`i` costs :math:`c_i > 0`, has social
return :math:`R_i` of which the proposers capture :math:`\pi_i`
(:math:`0 \le \pi_i \le R_i`); the government pays a share :math:`s_i` of the
cost and the proposers go ahead iff :math:`\pi_i \ge (1 - s_i) c_i`.  The
smallest such share is derived (:func:`minimal_share`), and the paper's ranking
rules are expressed in SymPy for a fixed number of proposals
(:func:`greedy_selection`) so that the engine can compare them with every
feasible selection.

>>> equilibrium().gdp
L**((sigma - 1)/sigma)*S**(1/sigma)
>>> equilibrium().labour
L*v**sigma/S
>>> minimal_share()
Max(0, (c - pi)/c)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import permutations, product
from typing import Callable, Sequence

import sympy as sp

from . import section5 as s5

__all__ = [
    # specific factors
    "beta", "sigma", "labour_force", "wage", "value", "aggregate", "rest", "sector_labour", "productivity",
    "value_productivity", "output", "value_marginal_product", "labour_demand", "Equilibrium", "equilibrium",
    "in_sigma", "gdp_of", "gdp_with_rest", "wage_with_rest", "fixed_economy", "FixedEconomy", "gdp_at",
    "beta_of_sigma", "tangent_gap", "specific_factor_rent",
    # grants
    "cost", "social_return", "private_return", "share", "budget", "participates", "minimal_share",
    "public_contribution", "proposer_payment", "net_social_return", "Proposal", "proposals", "greedy_selection",
    "by_net_return", "by_return_per_public_unit", "selection_value", "selection_spending", "feasible_subsets",
]

# == 9.1 specific factors =================================================================

#: the labour share in each sector's technology, :math:`0 < \beta < 1`
beta = sp.Symbol("beta", positive=True)
#: :math:`\sigma = 1/(1-\beta) > 1`: derived results are stated in it
sigma = sp.Symbol("sigma", positive=True)
#: South's labour force
labour_force = sp.Symbol("L", positive=True)
#: South's wage (the same symbol as Section 5)
wage = s5.wage
#: the value productivity :math:`v = pA` of a generic sector
value = sp.Symbol("v", positive=True)
#: :math:`S = \sum_i v_i^\sigma` over all sectors, an aggregate of any number of sectors
aggregate = sp.Symbol("S", positive=True)
#: :math:`Q = \sum_{i} v_i^\sigma` over the sectors a claim does not single out (0 when there are none)
rest = sp.Symbol("Q", nonnegative=True)

_ell = sp.Symbol("ell", positive=True)  # a sector's labour while solving its first-order condition
_index = sp.Idx("i")
_V = sp.IndexedBase("v", positive=True)


def beta_of_sigma(s: sp.Expr = sigma) -> sp.Expr:
    r""":math:`\beta = (\sigma - 1)/\sigma`, the inverse of :math:`\sigma = 1/(1-\beta)`.

    >>> beta_of_sigma(2), beta_of_sigma(sp.Rational(3, 2))
    (1/2, 1/3)
    """
    (b,) = sp.solve(sp.Eq(s, 1 / (1 - beta)), beta, dict=False)
    return sp.factor(b)


def sector_labour(j) -> sp.Symbol:
    r"""The labour :math:`L_j` employed in sector ``j``."""
    return sp.Symbol(f"L_{s5._label(j)}", nonnegative=True)


def productivity(j, coordinated: bool, theta: sp.Expr | None = None) -> sp.Expr:
    r""":math:`A_j = \theta_j\lambda_{jS}` with coordination, :math:`\lambda_{jS}` without."""
    th = s5.theta(j) if theta is None else theta
    return th * s5.lam_S(j) if coordinated else s5.lam_S(j)


def value_productivity(j, coordinated: bool, *, evaluate: bool = True, theta: sp.Expr | None = None) -> sp.Expr:
    r""":math:`v_j = p_j A_j`: the value at world prices of sector ``j``'s productivity.

    ``theta`` replaces :math:`\theta_j` (in the world price and the productivity
    alike).  ``evaluate=False`` keeps the product of the world price and the
    productivity as computed (SymPy would otherwise cancel :math:`\theta_j` at
    once), so that a statement built from it evaluates both factors.

    >>> value_productivity(2, True), value_productivity(2, False)
    (lambda_2S/lambda_2N, lambda_2S/(lambda_2N*theta_2))
    """
    th = s5.theta(j) if theta is None else theta
    price = s5.world_price(j) if theta is None else 1 / (th * s5.lam_N(j))
    return sp.Mul(price, productivity(j, coordinated, th), evaluate=evaluate)


def output(j, coordinated: bool, labour=None, b: sp.Expr = beta) -> sp.Expr:
    r"""Sector ``j``'s output :math:`y_j = A_j L_j^{\beta}` (the specific factor is fixed)."""
    labour = sector_labour(j) if labour is None else labour
    return productivity(j, coordinated) * labour ** b


def value_marginal_product(v: sp.Expr = value, labour: sp.Expr = _ell, b: sp.Expr = beta) -> sp.Expr:
    r""":math:`\partial (v\,\ell^\beta)/\partial \ell` at :math:`\ell` = ``labour``: what a competitive sector pays its
    marginal worker."""
    return sp.diff(v * _ell ** b, _ell).subs(_ell, labour)


def _tidy(expr: sp.Expr) -> sp.Expr:
    # every base here is positive (v, w, L, S > 0 and sigma > 1), so powers may be split and merged
    # merge exponents (v * v**a = v**(1 + a)) but never bases: (a*b)**e stays split into a**e * b**e
    expr = sp.powsimp(sp.powdenest(sp.expand_power_base(expr, force=True), force=True), combine="exp", force=True)
    return expr.replace(lambda e: isinstance(e, sp.Pow) and not e.exp.is_Number,
                        lambda e: sp.Pow(e.base, sp.factor(sp.cancel(e.exp))))


def in_sigma(expr: sp.Expr) -> sp.Expr:
    r"""``expr`` with :math:`\beta = (\sigma-1)/\sigma` substituted and its powers tidied.

    >>> in_sigma(beta / (1 - beta))
    sigma - 1
    """
    return _tidy(sp.factor(expr.subs(beta, beta_of_sigma())))


@lru_cache(maxsize=None)
def labour_demand(v: sp.Expr = value, w: sp.Expr = wage, b: sp.Expr = beta) -> sp.Expr:
    r"""Solve the first-order condition :math:`w = \beta v \ell^{\beta - 1}` for the sector's labour.

    >>> labour_demand()
    (w/(beta*v))**(1/(beta - 1))
    >>> in_sigma(labour_demand())
    (sigma*v - v)**sigma/(sigma*w)**sigma
    """
    return _demand_solved().xreplace({value: v, wage: w, beta: b})


@lru_cache(maxsize=None)
def _demand_solved() -> sp.Expr:
    # solved once for symbols (all positive), then evaluated at each sector's values
    return _the_solution(sp.Eq(wage, value_marginal_product(value, _ell, beta)), _ell)


def _the_solution(eq: sp.Eq, x: sp.Symbol) -> sp.Expr:
    """The one solution of ``eq`` for ``x``, every symbol and base positive (as in this model).

    SymPy's candidate, confirmed by substitution; SymPy's own (slower) check
    where there is not exactly one candidate or it does not confirm.
    """
    candidates = sp.solve(eq, x, dict=False, check=False)
    if len(candidates) == 1:
        gap = eq.lhs.xreplace({x: candidates[0]}) - eq.rhs
        if sp.powsimp(sp.powdenest(gap, force=True), force=True) == 0:  # force: the bases are positive
            return candidates[0]
    solutions = sp.solve(eq, x, dict=False)
    if len(solutions) != 1:
        raise RuntimeError(f"{eq} has {len(solutions)} solutions for {x}: {solutions}")
    return solutions[0]


@dataclass(frozen=True)
class Equilibrium:
    r"""The specific-factors equilibrium of an economy of any size, in :math:`\sigma`.

    ``labour`` is the labour of a sector with value productivity :data:`value`;
    ``wage`` and ``gdp`` depend on the sectors only through :data:`aggregate`
    :math:`S = \sum_i v_i^\sigma`; ``per_sector`` is the summand of :math:`S`.
    """

    wage: sp.Expr
    labour: sp.Expr
    gdp: sp.Expr
    per_sector: sp.Expr  #: :math:`v^\sigma`: a sector's contribution to the aggregate
    demand: sp.Expr  #: labour demand at any wage, in sigma
    clearing: sp.Eq  #: labour-market clearing, with the sum of demands written through S

    def _repr_latex_(self) -> str:
        return (rf"$L_j = {sp.latex(self.labour)},\quad w = {sp.latex(self.wage)},\quad "
                rf"Y = {sp.latex(self.gdp)},\quad S = \sum_i {sp.latex(self.per_sector.subs(value, _V[_index]))}$")


@lru_cache(maxsize=None)
def equilibrium() -> Equilibrium:
    r"""Derive the equilibrium from the first-order conditions and labour-market clearing.

    1. Each sector's labour demand :math:`\ell(w, v)` solves its first-order condition.
    2. The demand separates, :math:`\ell(w, v) = c\, h(w)\, g(v)` (SymPy's
       ``separatevars``), so :math:`\sum_i \ell(w, v_i) = c\,h(w) \sum_i g(v_i)
       = c\,h(w)\,S` for any number of sectors; :math:`g(v) = v^\sigma`.
    3. Clearing :math:`c\,h(w)\,S = L` is solved for :math:`w`, and the
       allocation is the demand at that wage.
    4. GDP at world prices :math:`\sum_i v_i \ell_i^\beta` separates the same way
       into a factor times :math:`\sum_i v_i^\sigma = S`.

    >>> eq = equilibrium()
    >>> eq.wage
    (S/L)**(1/sigma)*(sigma - 1)/sigma
    """
    demand = in_sigma(labour_demand())
    summand = demand.subs(value, _V[_index])
    parts = sp.separatevars(summand, symbols=[wage, _V[_index]], dict=True)
    if parts is None or set(parts) != {"coeff", wage, _V[_index]}:
        raise RuntimeError(f"labour demand {demand} does not separate into wage and productivity factors")
    per_sector = parts[_V[_index]].subs(_V[_index], value)
    # labour-market clearing, the sum over sectors written through S = sum of the per-sector factors
    clearing = sp.Eq(parts["coeff"] * parts[wage] * aggregate, labour_force)
    w_star = _tidy(_the_solution(clearing, wage))
    labour = _tidy(sp.simplify(demand.subs(wage, w_star)))
    # GDP: sum_i v_i L_i^beta, each summand a factor times the sector's per-sector term
    term = _tidy(value * labour ** beta_of_sigma())
    split = sp.separatevars(term, symbols=[value], dict=True)
    if split is None or sp.simplify(split[value] - per_sector) != 0:
        raise RuntimeError(f"GDP summand {term} is not a multiple of the per-sector term {per_sector}")
    gdp = _tidy(split["coeff"] * aggregate)
    return Equilibrium(wage=w_star, labour=labour, gdp=gdp, per_sector=per_sector, demand=demand, clearing=clearing)


def gdp_of(total: sp.Expr, L: sp.Expr = labour_force, s: sp.Expr = sigma) -> sp.Expr:
    r"""Equilibrium GDP :math:`L^\beta S^{1/\sigma}` when :math:`S` = ``total``."""
    return equilibrium().gdp.subs({aggregate: total, labour_force: L, sigma: s})


def gdp_with_rest(values: Sequence[sp.Expr], Q: sp.Expr = rest, L: sp.Expr = labour_force,
                  s: sp.Expr = sigma) -> sp.Expr:
    r"""Equilibrium GDP with the named sectors' value productivities and the rest aggregated in ``Q``.

    >>> gdp_with_rest([value])
    L**((sigma - 1)/sigma)*(Q + v**sigma)**(1/sigma)
    """
    per = equilibrium().per_sector
    return gdp_of(Q + sp.Add(*[per.subs(value, v) for v in values]), L, s)


def wage_with_rest(values: Sequence[sp.Expr], Q: sp.Expr = rest, L: sp.Expr = labour_force,
                   s: sp.Expr = sigma) -> sp.Expr:
    r"""The equilibrium wage with the named sectors and the rest aggregated in ``Q``."""
    per = equilibrium().per_sector
    total = Q + sp.Add(*[per.subs(value, v) for v in values])
    return equilibrium().wage.subs({aggregate: total, labour_force: L, sigma: s})


def tangent_gap(v: sp.Expr, at: sp.Expr, other: sp.Expr, b: sp.Expr) -> sp.Expr:
    r"""How far the sector's value output at ``other`` labour lies below its tangent at ``at``.

    :math:`v\,a^\beta + w\,(x - a) - v\,x^\beta` with :math:`w = \partial(v\ell^\beta)/\partial\ell`
    at :math:`\ell = a` (the first-order condition: the equilibrium wage).  Non-negative
    by concavity; summed over sectors it is GDP lost by moving from ``at`` to ``other``.
    """
    w = value_marginal_product(v, at, b)
    return v * at ** b + w * (other - at) - v * other ** b


def specific_factor_rent(v: sp.Expr, labour: sp.Expr, w: sp.Expr, b: sp.Expr = beta) -> sp.Expr:
    r"""The specific factor's income in a sector: value of output minus the wage bill."""
    return v * labour ** b - w * labour


@dataclass(frozen=True)
class FixedEconomy:
    r"""The equilibrium of an economy with a fixed list of sectors and a fixed :math:`\beta`, solved by SymPy.

    Derived afresh from the sectors' first-order conditions: the demands are
    summed and clearing is solved for the wage (no aggregate used), so it
    cross-checks :func:`equilibrium`.
    """

    values: tuple  #: value productivities
    b: sp.Expr  #: beta
    L: sp.Expr
    wage: sp.Expr
    labour: tuple  #: allocation
    gdp: sp.Expr


@lru_cache(maxsize=None)
def _fixed(values: tuple, b: sp.Expr, L: sp.Expr) -> FixedEconomy:
    # solve with a positive labour force, then put the given one (e.g. x_1 + x_2) in its place
    demands = [labour_demand(v, wage, b) for v in values]
    w_star = _clearing_wage(demands, b)
    # the demands at that wage are rational in the productivities: cancel the common factors
    labour = tuple(sp.cancel(sp.powsimp(sp.powdenest(d.subs(wage, w_star), force=True), force=True)) for d in demands)
    at = {labour_force: L}
    labour = tuple(x.xreplace(at) for x in labour)
    return FixedEconomy(values, b, L, w_star.xreplace(at), labour, gdp_at(values, labour, b))


def _clearing_wage(demands, b) -> sp.Expr:
    """The one positive wage at which the demands add up to the labour force."""
    # in u = w**(1/(b - 1)), a bijection of the positive wages, clearing is usually linear: solved exactly
    u = sp.Dummy("u", positive=True)
    clearing = (sp.Add(*demands) - labour_force).xreplace({wage: u ** (b - 1)})
    poly = clearing.as_poly(u)
    if poly is not None and poly.degree() == 1:
        slope, intercept = poly.all_coeffs()
        if slope.is_positive and intercept.is_negative:  # demand falls in the wage: one positive root
            return sp.factor_terms(-intercept / slope) ** (b - 1)
    solutions = sp.solve(sp.Eq(sp.Add(*demands), labour_force), wage, dict=False)
    real = [s for s in solutions if s.is_positive is not False and s.is_real is not False]
    if len(real) != 1:
        raise RuntimeError(f"labour-market clearing has {len(real)} admissible wages: {solutions}")
    return real[0]


def fixed_economy(values: Sequence[sp.Expr], b: sp.Expr, L: sp.Expr = labour_force) -> FixedEconomy:
    r"""Solve the economy with value productivities ``values`` at a numeric ``b`` (e.g. ``1/2``).

    >>> e = fixed_economy([sp.Symbol("v1", positive=True), sp.Symbol("v2", positive=True)], sp.Rational(1, 2))
    >>> e.wage
    sqrt(v1**2 + v2**2)/(2*sqrt(L))
    """
    b = sp.sympify(b)
    if not (b.is_Rational and 0 < b < 1):
        raise ValueError(f"beta must be a rational number in (0, 1) here, got {b}")
    return _fixed(tuple(values), b, sp.sympify(L))


def gdp_at(values: Sequence[sp.Expr], labour: Sequence[sp.Expr], b: sp.Expr = beta) -> sp.Expr:
    r"""GDP at world prices :math:`\sum_j v_j L_j^\beta` of any allocation."""
    return sp.Add(*[v * ell ** b for v, ell in zip(values, labour)])


# == 9.2 the grant round ==================================================================

#: one proposal's cost, social return, private return; the public share; the budget
cost = sp.Symbol("c", positive=True)
social_return = sp.Symbol("R", nonnegative=True)
private_return = sp.Symbol("pi", nonnegative=True)
share = sp.Symbol("s", real=True)
budget = sp.Symbol("B", nonnegative=True)


def participates(s: sp.Expr = share, c: sp.Expr = cost, pi: sp.Expr = private_return) -> sp.Boolean:
    r"""The proposers go ahead iff what they capture covers their part of the cost: :math:`\pi \ge (1-s)c`."""
    return sp.Ge(pi, (1 - s) * c)


@lru_cache(maxsize=None)
def minimal_share(c: sp.Expr = cost, pi: sp.Expr = private_return) -> sp.Expr:
    r"""The smallest public share in :math:`[0, 1]` at which the proposers go ahead.

    Participation :math:`\pi \ge (1-s)c` is linear and increasing in :math:`s`
    (:math:`c > 0`); its boundary is solved by SymPy, and a share cannot be negative.

    >>> minimal_share(4, 1)
    3/4
    """
    (boundary,) = sp.solve(sp.Eq(pi, (1 - share) * c), share, dict=False)
    return sp.Max(0, sp.factor(boundary))


def public_contribution(c: sp.Expr = cost, pi: sp.Expr = private_return) -> sp.Expr:
    r""":math:`g = s^* c`: the public money that gets the proposal undertaken."""
    return minimal_share(c, pi) * c


def proposer_payment(c: sp.Expr = cost, pi: sp.Expr = private_return) -> sp.Expr:
    r""":math:`(1 - s^*)c`: what the proposers pay at the minimal share."""
    return (1 - minimal_share(c, pi)) * c


def net_social_return(R: sp.Expr = social_return, c: sp.Expr = cost) -> sp.Expr:
    r""":math:`R - c`: who pays is a transfer; the economy bears the whole cost."""
    return R - c


@dataclass(frozen=True)
class Proposal:
    """A proposal's symbols (cost, social return, private return)."""

    name: str
    cost: sp.Symbol
    social_return: sp.Symbol
    private_return: sp.Symbol

    @property
    def net_return(self) -> sp.Expr:
        return net_social_return(self.social_return, self.cost)

    @property
    def public_contribution(self) -> sp.Expr:
        return public_contribution(self.cost, self.private_return)


def proposals(n: int) -> tuple[Proposal, ...]:
    """``n`` proposals with symbolic data ``c_1, R_1, pi_1, ...``."""
    if not isinstance(n, int) or n < 1:
        raise ValueError(f"the number of proposals must be a positive integer, got {n!r}")
    return tuple(Proposal(str(i), sp.Symbol(f"c_{i}", positive=True), sp.Symbol(f"R_{i}", nonnegative=True),
                          sp.Symbol(f"pi_{i}", nonnegative=True)) for i in range(1, n + 1))


#: a ranking rule: ``precedes(a, b)`` is the SymPy condition under which proposal a is ranked above b
Ranking = Callable[[Proposal, Proposal], "sp.logic.boolalg.Boolean"]


def by_net_return(a: Proposal, b: Proposal) -> sp.Boolean:
    r"""The paper's rule: higher net social return :math:`R_i - c_i` first."""
    return sp.Gt(a.net_return, b.net_return)


def by_return_per_public_unit(a: Proposal, b: Proposal) -> sp.Boolean:
    r"""Higher net return per unit of public money, :math:`(R_a - c_a)/g_a > (R_b - c_b)/g_b`.

    Written cross-multiplied, :math:`(R_a - c_a) g_b > (R_b - c_b) g_a`, which is the
    same comparison wherever both contributions are positive (the rule's domain).
    """
    return sp.Gt(a.net_return * b.public_contribution, b.net_return * a.public_contribution)


def _tie(a: Proposal, b: Proposal, rule: Ranking) -> sp.Boolean:
    # equal keys: the earlier proposal first (a fixed, documented tie-break)
    return sp.And(sp.Not(rule(a, b)), sp.Not(rule(b, a)))


def _ranked_first(a: Proposal, b: Proposal, rule: Ranking, a_earlier: bool) -> sp.Boolean:
    return sp.Or(rule(a, b), _tie(a, b, rule)) if a_earlier else rule(a, b)


@lru_cache(maxsize=64)
def greedy_selection(props: Sequence[Proposal], rule: Ranking, B: sp.Expr = budget) -> tuple[sp.Boolean, ...]:
    r"""Which proposals the greedy rule funds, as SymPy conditions on the data.

    The rule goes down the ranking and funds each proposal whose public
    contribution still fits in what is left of the budget (a proposal that
    does not fit is skipped, later ones may still fit).  Ties keep the
    proposals' order.  For each ordering of the proposals the condition that
    the ranking is that ordering is written out, and along it every run of
    fund/skip decisions with the condition that each decision is the rule's:
    the result is exact, for any values of the data (and has
    :math:`n!\,2^n` cases: it is meant for a handful of proposals).

    >>> ps = proposals(3)
    >>> funded = greedy_selection(ps, by_net_return)
    >>> data = {budget: 2}
    >>> for p, (c, R) in zip(ps, [(2, 5), (1, 3), (1, 3)]):   # net returns 3, 2, 2; nothing captured
    ...     data.update({p.cost: c, p.social_return: R, p.private_return: 0})
    >>> [bool(f.subs(data)) for f in funded]          # the first uses the whole budget
    [True, False, False]
    """
    index = {id(p): i for i, p in enumerate(props)}
    funded = {i: [] for i in range(len(props))}
    for order in permutations(props):
        ranked = sp.And(*[_ranked_first(a, b, rule, index[id(a)] < index[id(b)]) for a, b in zip(order, order[1:])])
        # every run of fund/skip decisions along this order, kept when each decision is the rule's:
        # a plain sum of contributions per run (no nested Piecewise for SymPy to fold)
        for run in product((True, False), repeat=len(order)):
            spent, steps = sp.Integer(0), []
            for p, take in zip(order, run):
                fits = sp.Le(spent + p.public_contribution, B)
                steps.append(fits if take else sp.Not(fits))
                if take:
                    spent = spent + p.public_contribution
            consistent = sp.And(ranked, *steps)
            for p, take in zip(order, run):
                if take:
                    funded[index[id(p)]].append(consistent)
    return tuple(sp.Or(*funded[i]) for i in range(len(props)))


def selection_value(props: Sequence[Proposal], chosen: Sequence[sp.Boolean]) -> sp.Expr:
    r"""Total net social return :math:`\sum_i (R_i - c_i)\,x_i` of a selection given as conditions."""
    return sp.Add(*[sp.Piecewise((p.net_return, c), (0, True), evaluate=False) for p, c in zip(props, chosen)])


def selection_spending(props: Sequence[Proposal], chosen: Sequence[sp.Boolean]) -> sp.Expr:
    r"""Public money :math:`\sum_i g_i\,x_i` a selection needs."""
    return sp.Add(*[sp.Piecewise((p.public_contribution, c), (0, True), evaluate=False) for p, c in zip(props, chosen)])


def feasible_subsets(props: Sequence[Proposal], B: sp.Expr = budget):
    r"""Every subset of the proposals with its spending condition :math:`\sum_{i \in T} g_i \le B` and value."""
    n = len(props)
    for mask in range(1 << n):
        members = [p for i, p in enumerate(props) if mask >> i & 1]
        spending = sp.Add(*[p.public_contribution for p in members])
        yield members, sp.Le(spending, B), sp.Add(*[p.net_return for p in members])


def model_steps(j="j"):
    r"""Section 7's specific-factors model and its derived equilibrium, as derivation steps (for the report).

    Each formula is the SymPy object the claims use: output, value productivity, :math:`\sigma`, the
    aggregate :math:`S` and the equilibrium derived from the first-order conditions and clearing.

    >>> [s.text.split(" (")[0] for s in model_steps()][:2]
    ['Output of sector j with its specific factor', 'Value productivity at world prices']
    """
    from .derivation import Step

    A, L_j = sp.Symbol(f"A_{j}", positive=True), sector_labour(j)
    v_j = sp.Symbol(f"v_{j}", positive=True)
    eq = equilibrium()
    i = sp.Symbol("i", integer=True)
    S_def = sp.Eq(aggregate, sp.Sum(sp.Indexed(_V, i) ** sigma, (i, 1, sp.Symbol("J", integer=True))),
                  evaluate=False)
    return (
        Step(f"Output of sector {j} with its specific factor (A_{j} = theta_{j} lambda_{j}S if coordinated, "
             f"lambda_{j}S if not; 0 < beta < 1)", sp.Eq(sp.Symbol(f"y_{j}", positive=True), A * L_j ** beta)),
        Step("Value productivity at world prices (Section 5's p_j = 1/(theta_j lambda_jN))",
             sp.Eq(v_j, sp.Symbol(f"p_{j}", positive=True) * A, evaluate=False)),
        Step("The equilibrium is simplest in the exponent", sp.Eq(sigma, 1 / (1 - beta), evaluate=False)),
        Step("The aggregate over the J sectors (the sectors other than k enter the claims as "
             "Q = S - v_k^sigma >= 0)", S_def),
        Step("Labour of a sector with value productivity v, derived from its first-order condition "
             "w = beta v L_v^(beta - 1) and clearing sum_j L_j = L (L the labour force)",
             sp.Eq(sp.Symbol("L_v", positive=True), eq.labour, evaluate=False)),
        Step("GDP at world prices and the wage", latex=rf"Y = {sp.latex(eq.gdp)}, \qquad w = {sp.latex(eq.wage)}",
             plain=f"Y = {sp.sstr(eq.gdp)},  w = {sp.sstr(eq.wage)}"),
    )
