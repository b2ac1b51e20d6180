r"""Section 2 of Rodríguez-Clare (2005): the small models of coordination failure.

Each model is stated in docs/model.md §1--§6; where the paper is informal
(brand, foot-and-mouth, division of labour, training, infrastructure) the
statement is this project's formalization.  Everything a claim is about is
*derived* here -- equilibrium regions from :mod:`symbolic.games`, first-order
conditions by :func:`sympy.diff` and :func:`sympy.solve` -- and the thresholds
(``A - C > 1``, ``N <= Δp/Δc``, ``(1-α)L/F >= α^(-α/(1-α))``, ``φNπ >= R``,
``(1-s)Δ <= k + c <= Δ``) come out of those derivations.

Public model functions accept SymPy symbols or numbers; a number outside the
model's range raises :class:`ValueError` naming the parameter and the
requirement:

>>> spillover_game(A=2, C=1).all_adopt().condition
True
>>> spillover_game(A=-1)
Traceback (most recent call last):
...
ValueError: A must be positive, got A = -1
>>> dol_monopoly_price(alpha=sp.Rational(3, 2))
Traceback (most recent call last):
...
ValueError: alpha must lie in (0, 1), got alpha = 3/2
"""

from __future__ import annotations

from functools import lru_cache

import sympy as sp

from .games import PopulationGame, TwoPartyGame

__all__ = [
    # parameters
    "A", "C", "n", "subsidy", "N", "k", "p_L", "c_L", "Delta_p", "Delta_c", "V", "E", "E_N", "E_star",
    "e_i", "E_others", "P", "grant", "alpha", "w", "F", "L", "L_M", "m", "x", "Delta", "s", "k_firm",
    "c_worker", "mu", "pi", "F_sector", "R", "phi", "N_sectors",
    # spillovers
    "spillover_game", "average_net_output",
    # brand
    "export_price", "brand_game", "payoff_under_minimum_standard",
    # foot-and-mouth
    "protection", "marginal_protection", "producer_payoff", "marginal_payoff", "nash_conditions",
    "first_best_conditions", "decreasing_marginal_protection", "worked_protection", "worked_nash_spending",
    "worked_first_best_spending", "marginal_payoff_at_first_best", "implementing_grant",
    # division of labour
    "modern_output", "variety_inverse_demand", "dol_monopoly_price", "free_entry_output", "variety_count",
    "modern_unit_cost", "productivity_index", "X", "in_productivity_index", "modern_threshold", "real_wage_modern",
    "variety_demand", "variety_entry_profit", "backward_unit_cost", "modern_cost_gap", "modern_uncompetitive",
    "all_backward_equilibrium", "all_modern_equilibrium",
    # training, infrastructure
    "pair_value_of_investing", "training_game", "infrastructure_game", "complementary_investments",
]

# -- parameter checks -----------------------------------------------------------


def _value(v, name):
    try:
        return sp.sympify(v, strict=True)
    except (sp.SympifyError, TypeError):
        raise TypeError(f"{name} must be a number or a SymPy expression, got {v!r}") from None


def _positive(v, name):
    v = _value(v, name)
    if v.is_number and not (v.is_real and v > 0):
        raise ValueError(f"{name} must be positive, got {name} = {v}")
    return v


def _nonnegative(v, name):
    v = _value(v, name)
    if v.is_number and not (v.is_real and v >= 0):
        raise ValueError(f"{name} must be non-negative, got {name} = {v}")
    return v


def _probability(v, name):
    v = _value(v, name)
    if v.is_number and not (v.is_real and 0 <= v <= 1):
        raise ValueError(f"{name} must lie in [0, 1], got {name} = {v}")
    return v


def _open_unit(v, name):
    v = _value(v, name)
    if v.is_number and not (v.is_real and 0 < v < 1):
        raise ValueError(f"{name} must lie in (0, 1), got {name} = {v}")
    return v


def _share_of_surplus(v, name):
    v = _value(v, name)
    if v.is_number and not (v.is_real and 0 < v <= 1):
        raise ValueError(f"{name} must lie in (0, 1], got {name} = {v}")
    return v


def _count(v, name, least):
    v = _value(v, name)
    if v.is_number and not (v.is_integer and v >= least):
        raise ValueError(f"{name} must be an integer >= {least}, got {name} = {v}")
    return v


# == 1. knowledge spillovers (docs/model.md §1) =================================

#: productivity of the modern technology per unit of adopters' share, and the knowledge cost
A, C = sp.symbols("A C", positive=True)
#: share of firms using the modern technology
n = sp.Symbol("n", nonnegative=True)
#: a subsidy per modern firm (S2.spill2.4)
subsidy = sp.Symbol("s", nonnegative=True)


def spillover_game(A=A, C=C, *, backward_spillover: bool = False, subsidy=0) -> PopulationGame:
    r"""Technology choice with knowledge spillovers (Section 2, "Knowledge Spillovers").

    Modern net output :math:`A n - C` (plus a subsidy), backward output
    :math:`1`, or :math:`1 + A n` when spillovers reach backward firms too
    (the paper's variant).

    >>> g = spillover_game()
    >>> g.none_adopt().condition, g.all_adopt().condition
    (True, A - C >= 1)
    >>> spillover_game(backward_spillover=True).gap()
    -C - 1
    """
    A, C = _positive(A, "A"), _positive(C, "C")
    subsidy = _nonnegative(subsidy, "subsidy")
    modern = A * n - C + subsidy
    backward = 1 + A * n if backward_spillover else sp.Integer(1)
    return PopulationGame(modern, backward, n, adopt_name="modern", stay_name="backward")


def average_net_output(game: PopulationGame, at=n) -> sp.Expr:
    r""":math:`W(n) = n\,u_{modern}(n) + (1-n)\,u_{backward}(n)` (net of the knowledge cost).

    >>> average_net_output(spillover_game())
    A*n**2 - C*n - n + 1
    """
    return game.welfare(at)


# == 2. country brand (docs/model.md §2) ========================================

#: number of exporters, number choosing high quality
N = sp.Symbol("N", integer=True, positive=True)
k = sp.Symbol("k", integer=True, nonnegative=True)
#: the low-quality price and cost, and the high-minus-low increments (p_H = p_L + Δp, c_H = c_L + Δc)
p_L, c_L = sp.symbols("p_L c_L", positive=True)
Delta_p, Delta_c = sp.symbols("Delta_p Delta_c", positive=True)


def export_price(h, p_L=p_L, Delta_p=Delta_p) -> sp.Expr:
    r"""The common price :math:`p(h) = p_L + (p_H - p_L) h`: buyers see only the share :math:`h` of H firms."""
    return _positive(p_L, "p_L") + _positive(Delta_p, "Delta_p") * h


def brand_game(N=N, p_L=p_L, c_L=c_L, Delta_p=Delta_p, Delta_c=Delta_c) -> PopulationGame:
    r"""``N`` exporters choose high (adopt) or low quality; payoff :math:`p(h) - c(q_i)`.

    >>> g = brand_game()
    >>> g.all_adopt().condition
    Delta_p/N >= Delta_c
    >>> brand_game(N=1)
    Traceback (most recent call last):
    ...
    ValueError: N must be an integer >= 2, got N = 1
    """
    N = _count(N, "N", 2)
    c_L, Delta_c = _positive(c_L, "c_L"), _positive(Delta_c, "Delta_c")
    price = export_price(k / N, p_L, Delta_p)
    return PopulationGame(adopt=price - (c_L + Delta_c), stay=price - c_L, share=k, players=N,
                          adopt_name="high quality", stay_name="low quality")


def payoff_under_minimum_standard(game: PopulationGame) -> sp.Expr:
    """Every firm's payoff when low quality is forbidden: all produce high quality."""
    return game.payoff("adopt", game.top)


# == 3. foot-and-mouth eradication (docs/model.md §3) ============================

#: value of a disease-free herd to each producer
V = sp.Symbol("V", positive=True)
#: total prevention spending; Nash and first-best totals
E, E_N, E_star = sp.symbols("E E_N E_star", nonnegative=True)
#: one producer's spending and everybody else's
e_i, E_others = sp.symbols("e_i E_others", nonnegative=True)
#: the probability that the herd stays disease-free, a general increasing concave function
P = sp.Function("P", real=True)
#: share of each euro of prevention paid by a matching grant
grant = sp.Symbol("s", nonnegative=True)
_x = sp.Dummy("E")


def protection(total, P=P) -> sp.Expr:
    """:math:`P(E)`, the probability the herd stays free of the disease."""
    return P(total) if isinstance(P, sp.core.function.UndefinedFunction) else P.subs(_x, total)


def marginal_protection(at, P=P) -> sp.Expr:
    r""":math:`P'(E)` at ``at`` (for a general ``P`` an unevaluated derivative, which the engine treats as an unknown).

    >>> marginal_protection(E)
    Derivative(P(E), E)
    >>> marginal_protection(E, worked_protection())
    exp(-E)
    """
    return sp.diff(protection(_x, P), _x).subs(_x, at)


def producer_payoff(P=P, V=V, grant=0) -> sp.Expr:
    r"""Producer :math:`i`'s payoff :math:`V P(e_i + E_{-i}) - (1 - s) e_i` (``grant`` = s, 0 without one)."""
    return _positive(V, "V") * protection(e_i + E_others, P) - (1 - _probability(grant, "grant")) * e_i


@lru_cache(maxsize=None)
def _marginal_payoff(P, V, grant):
    # d payoff / d e_i, then written in terms of total spending E = e_i + E_{-i}
    return sp.diff(producer_payoff(P, V, grant), e_i).subs(e_i, E - E_others).doit()


def marginal_payoff(at=E, P=P, V=V, grant=0) -> sp.Expr:
    r"""What one more euro of prevention is worth to a producer at total spending ``at``: :math:`V P'(E) - (1 - s)`.

    Derived by differentiating :func:`producer_payoff` in :math:`e_i`:

    >>> marginal_payoff()
    V*Derivative(P(E), E) - 1
    """
    return _marginal_payoff(P, V, grant).subs(E, at)


def nash_conditions(total=E_N, P=P, V=V, grant=0) -> sp.Boolean:
    r"""Nash total spending (Kuhn--Tucker, sufficient since :math:`P'' < 0`).

    Every producer's marginal payoff is :math:`V P'(E) - (1-s)` whatever the split,
    so: :math:`E \ge 0`, marginal payoff :math:`\le 0`, and :math:`= 0` if :math:`E > 0`.
    """
    mp = marginal_payoff(total, P, V, grant)
    return sp.And(sp.Ge(total, 0), sp.Le(mp, 0), sp.Implies(sp.Gt(total, 0), sp.Eq(mp, 0)))


@lru_cache(maxsize=None)
def _social_marginal(P, V, N):
    return sp.diff(N * V * protection(E, P) - E, E)


def first_best_conditions(total=E_star, P=P, V=V, N=N) -> sp.Boolean:
    r"""First-best total spending maximises :math:`N V P(E) - E`: Kuhn--Tucker of :math:`N V P'(E) = 1`."""
    N = _count(N, "N", 2)
    mp = _social_marginal(P, _positive(V, "V"), N).subs(E, total)
    return sp.And(sp.Ge(total, 0), sp.Le(mp, 0), sp.Implies(sp.Gt(total, 0), sp.Eq(mp, 0)))


def decreasing_marginal_protection(points, P=P) -> sp.Boolean:
    r""":math:`P' > 0`, :math:`P'' < 0` at the listed points: :math:`P'` positive, strictly decreasing between them."""
    facts = [sp.Gt(marginal_protection(a, P), 0) for a in points]
    for i, a in enumerate(points):
        for b in points[i + 1:]:
            da, db = marginal_protection(a, P), marginal_protection(b, P)
            facts += [sp.Implies(sp.Lt(a, b), sp.Gt(da, db)), sp.Implies(sp.Lt(b, a), sp.Gt(db, da)),
                      sp.Implies(sp.Eq(a, b), sp.Eq(da, db))]
    return sp.And(*facts)


def worked_protection() -> sp.Expr:
    """The worked form :math:`P(E) = 1 - e^{-E}` (a function of a placeholder variable)."""
    return 1 - sp.exp(-_x)


def _solve_foc(equation):
    (root,) = sp.solve(equation, E, dict=False)
    return root


@lru_cache(maxsize=None)
def worked_nash_spending(V=V) -> sp.Expr:
    r"""Solve :math:`V P'(E) = 1` for :math:`P = 1 - e^{-E}` (interior when :math:`V > 1`).

    >>> worked_nash_spending()
    log(V)
    """
    return _solve_foc(marginal_payoff(E, worked_protection(), V))


@lru_cache(maxsize=None)
def worked_first_best_spending(V=V, N=N) -> sp.Expr:
    r"""Solve :math:`N V P'(E) = 1` for :math:`P = 1 - e^{-E}`.

    >>> worked_first_best_spending()
    log(N*V)
    """
    N = _count(N, "N", 2)
    return _solve_foc(_social_marginal(worked_protection(), _positive(V, "V"), N))


@lru_cache(maxsize=None)
def marginal_payoff_at_first_best(N=N, P=P, V=V, grant=grant) -> sp.Expr:
    r"""A producer's marginal payoff under a matching grant ``grant`` where the planner's condition holds.

    The planner's first-order condition :math:`N V P'(E) = 1`, solved for
    :math:`P'(E)`, substituted into the producer's :math:`V P'(E) - (1 - s)`:

    >>> marginal_payoff_at_first_best()
    s - 1 + 1/N
    """
    N = _count(N, "N", 2)
    at_first_best = sp.solve(_social_marginal(P, V, N), marginal_protection(E, P), dict=False)[0]
    return marginal_payoff(E, P, V, grant).subs(marginal_protection(E, P), at_first_best)


@lru_cache(maxsize=None)
def implementing_grant(N=N, P=P, V=V) -> sp.Expr:
    r"""The matching share :math:`s` that makes the Nash condition the first-best one.

    At the first best :math:`P'(E^*) = 1/(NV)`; the producer's condition with a
    grant, :math:`V P'(E^*) = 1 - s`, then gives :math:`s = 1 - 1/N`.

    >>> implementing_grant()
    (N - 1)/N
    """
    (share,) = sp.solve(marginal_payoff_at_first_best(N, P, V, grant), grant, dict=False)
    return sp.factor(share)


# == 4. division of labour and nontradable inputs (docs/model.md §4) ==============

alpha = sp.Symbol("alpha", positive=True)
#: wage, fixed cost of a variety (labour), labour force, labour in the modern sector
w, F, L, L_M = sp.symbols("w F L L_M", positive=True)
#: number of varieties, output per variety
m, x = sp.symbols("m x", positive=True)
_ALPHA, _W, _F, _L_M = alpha, w, F, L_M
_Y, _PY, _R, _xi = sp.symbols("Y P_Y R x_i", positive=True)


def modern_output(varieties=m, per_variety=x, alpha=alpha) -> sp.Expr:
    r""":math:`y = (\sum_{i=1}^m x_i^\alpha)^{1/\alpha}`, every variety at ``per_variety``: :math:`m^{1/\alpha} x`."""
    alpha = _open_unit(alpha, "alpha")
    # (m x^a)^(1/a) = m^(1/a) x: every factor is positive
    return sp.powdenest(sp.expand_power_base((varieties * per_variety**alpha) ** (1 / alpha), force=True), force=True)


@lru_cache(maxsize=None)
def variety_inverse_demand(quantity=x, alpha=alpha) -> sp.Expr:
    r"""The price a final producer pays for one more unit of a variety: its marginal product times :math:`P_Y`.

    Differentiating :math:`(x_i^\alpha + R)^{1/\alpha}` with :math:`R = \sum_{j\ne i} x_j^\alpha`
    and writing :math:`Y^\alpha = x_i^\alpha + R` gives :math:`P_Y Y^{1-\alpha} x_i^{\alpha-1}`.

    >>> variety_inverse_demand()
    P_Y*Y**(1 - alpha)*x**(alpha - 1)
    """
    alpha = _open_unit(alpha, "alpha")
    mp = sp.diff((_xi**alpha + _R) ** (1 / alpha), _xi)
    mp = sp.powdenest(mp.subs(_xi**alpha + _R, _Y**alpha), force=True)  # Y, x_i > 0
    return (_PY * mp).subs(_xi, quantity)


def dol_monopoly_price(alpha=alpha, w=w) -> sp.Expr:
    r"""A variety's monopoly price: maximise :math:`p(x) x - w x` over :math:`x`.

    >>> dol_monopoly_price()
    w/alpha
    """
    alpha, w = _open_unit(alpha, "alpha"), _positive(w, "w")
    # derived once for symbolic alpha and w, then evaluated: the first-order condition holds for every value
    return _monopoly_price(_ALPHA, _W).xreplace({_ALPHA: alpha, _W: w})


@lru_cache(maxsize=None)
def _monopoly_price(alpha, w):
    q, price = sp.Symbol("q", positive=True), sp.Symbol("p", positive=True)
    demand = variety_inverse_demand(q, alpha)
    # marginal revenue is a constant fraction of the price along the demand curve
    mr_over_price = sp.powsimp(sp.expand(sp.diff(demand * q, q) / demand))
    if mr_over_price.has(q):
        raise ArithmeticError(f"marginal revenue / price is not constant: {mr_over_price}")
    # first-order condition MR = w, written in the price
    (best,) = sp.solve(mr_over_price * price - w, price, dict=False)
    return best


@lru_cache(maxsize=None)
def free_entry_output(alpha=alpha, F=F, w=w) -> sp.Expr:
    r"""Output per variety when entry drives profit :math:`(p - w) x - w F` to zero.

    >>> free_entry_output()
    -F*alpha/(alpha - 1)
    """
    F = _positive(F, "F")
    return _free_entry_output().xreplace({_ALPHA: _open_unit(alpha, "alpha"), _F: F, _W: _positive(w, "w")})


@lru_cache(maxsize=None)
def _free_entry_output():
    # derived once with symbols; any values are substituted afterwards (the solution holds for every value)
    q = sp.Symbol("q", positive=True)
    (out,) = sp.solve((dol_monopoly_price(_ALPHA, _W) - _W) * q - _W * _F, q, dict=False)
    return out


@lru_cache(maxsize=None)
def variety_count(labour=L_M, alpha=alpha, F=F) -> sp.Expr:
    r"""Varieties the modern sector's labour supports: :math:`m (x + F) = L_M`.

    >>> sp.factor(variety_count())
    -L_M*(alpha - 1)/F
    """
    labour = _positive(labour, "L_M")
    return _variety_count().xreplace({_L_M: labour, _ALPHA: _open_unit(alpha, "alpha"), _F: _positive(F, "F")})


@lru_cache(maxsize=None)
def _variety_count():
    (count,) = sp.solve(m * (free_entry_output(_ALPHA, _F) + _F) - _L_M, m, dict=False)
    return count


@lru_cache(maxsize=None)
def modern_unit_cost(varieties=m, alpha=alpha, w=w) -> sp.Expr:
    r"""Cost of a unit of final output with ``varieties`` inputs at the monopoly price.

    :math:`m x (w/\alpha) / (m^{1/\alpha} x) = w\, m^{-(1-\alpha)/\alpha}/\alpha`.

    >>> modern_unit_cost()
    m**(1 - 1/alpha)*w/alpha
    """
    varieties = _positive(varieties, "m")
    cost = varieties * x * dol_monopoly_price(alpha, w)
    return sp.powsimp(cost / modern_output(varieties, x, alpha))


def productivity_index(varieties=m, alpha=alpha) -> sp.Expr:
    r""":math:`m^{(1-\alpha)/\alpha}`, the substitution that makes unit cost :math:`w/(\alpha X)` rational."""
    return _positive(varieties, "m") ** ((1 - _open_unit(alpha, "alpha")) / alpha)


#: the productivity index as a variable of its own
X = sp.Symbol("X", positive=True)


def _cancel_exponents(expr: sp.Expr) -> sp.Expr:
    return expr.replace(lambda e: isinstance(e, sp.Pow), lambda e: sp.Pow(e.base, sp.cancel(e.exp)))


@lru_cache(maxsize=None)
def in_productivity_index(expr: sp.Expr, alpha=alpha) -> sp.Expr:
    r"""Rewrite ``expr`` in :math:`X = m^{(1-\alpha)/\alpha}` by substituting :math:`m = X^{\alpha/(1-\alpha)}`.

    For :math:`0 < \alpha < 1` the map :math:`m \mapsto m^{(1-\alpha)/\alpha}` is a strictly
    increasing bijection of :math:`(0, \infty)`, and powers of positive bases
    combine, :math:`(X^a)^b = X^{ab}`: the real powers become integer ones.

    >>> in_productivity_index(modern_unit_cost()), in_productivity_index(real_wage_modern())
    (w/(X*alpha), X*alpha)
    """
    alpha = _open_unit(alpha, "alpha")
    return _cancel_exponents(sp.powdenest(expr.subs(m, X ** (alpha / (1 - alpha))), force=True))


@lru_cache(maxsize=None)
def modern_threshold(alpha=alpha) -> sp.Expr:
    r"""The variety count at which modern unit cost equals the backward one, ``w``.

    Solved in the productivity index :math:`X = m^{(1-\alpha)/\alpha}` (cost
    :math:`w/(\alpha X) = w` gives :math:`X = 1/\alpha`) and mapped back to :math:`m`:

    >>> modern_threshold()
    alpha**(alpha/(alpha - 1))
    """
    alpha = _open_unit(alpha, "alpha")
    X = sp.Symbol("X", positive=True)
    (index,) = sp.solve(sp.Eq(w / (alpha * X), w), X, dict=False)
    (count,) = sp.solve(productivity_index(m, alpha) - index, m, dict=False)
    return count


def real_wage_modern(varieties=m, alpha=alpha) -> sp.Expr:
    r"""The wage in units of final output when it is made with the modern technology: :math:`w / \text{unit cost}`.

    >>> real_wage_modern()
    alpha*m**(-1 + 1/alpha)
    """
    return sp.powsimp(w / modern_unit_cost(varieties, alpha, w))


# -- the two corner equilibria, derived: nobody gains by deviating, evaluated at the allocation --


@lru_cache(maxsize=None)
def variety_demand(price, modern_output=_Y, alpha=alpha) -> sp.Expr:
    r"""Quantity of a variety that modern final producers buy at ``price``: the inverse demand solved for it.

    Proportional to modern final output :math:`Y`: with no modern producer (:math:`Y = 0`) nobody buys.

    >>> variety_demand(sp.Symbol("p", positive=True))
    Y*p**(1/(alpha - 1))/P_Y**(1/(alpha - 1))
    >>> variety_demand(sp.Symbol("p", positive=True), 0)
    0
    """
    alpha = _open_unit(alpha, "alpha")
    q = sp.Symbol("q", positive=True)
    # check=False: the inverse demand is strictly monotone in q > 0, its one root needs no re-checking (slow)
    (quantity,) = sp.solve(sp.Eq(variety_inverse_demand(q, alpha), price), q, dict=False, check=False,
                           simplify=False)
    # (Y^(a-1) p / P_Y)^(1/(a-1)) = Y (p/P_Y)^(1/(a-1)): every base is positive
    quantity = sp.expand_power_base(quantity, force=True)
    return quantity.subs(_Y, _nonnegative(modern_output, "modern output"))


def variety_entry_profit(modern_output=_Y, alpha=alpha, F=F, w=w) -> sp.Expr:
    r"""Profit of a variety entrant at the monopoly price: :math:`(p - w)\,x(p, Y) - wF`.

    >>> variety_entry_profit(0)
    -F*w
    """
    price = dol_monopoly_price(alpha, w)
    return (price - w) * variety_demand(price, modern_output, alpha) - _positive(F, "F") * w


def backward_unit_cost(w=w) -> sp.Expr:
    """Cost of a unit of final output with the backward technology: one unit of labour at wage ``w``."""
    labour_per_unit = sp.Integer(1)
    return labour_per_unit * _positive(w, "w")


def modern_cost_gap(varieties=m, alpha=alpha, w=w) -> sp.Expr:
    """Modern minus backward unit cost with ``varieties`` inputs: positive means the modern technology is dearer."""
    return modern_unit_cost(varieties, alpha, w) - backward_unit_cost(w)


def modern_uncompetitive(varieties=m, alpha=alpha, w=w) -> sp.Boolean:
    """No backward final producer gains by switching to the modern technology with ``varieties`` inputs."""
    return sp.Gt(modern_cost_gap(varieties, alpha, w), 0)


def all_backward_equilibrium(alpha=alpha, F=F, w=w) -> sp.Boolean:
    r"""All-backward (:math:`L_M = 0`, no varieties): no variety producer gains by entering.

    With no modern final producer no variety is bought (:func:`variety_demand` at
    :math:`Y = 0`), so an entrant earns :math:`-wF`; and with no varieties the modern
    technology cannot produce at all (its unit cost grows without bound as
    :math:`m \to 0`), so no final producer gains by switching.  Kept unevaluated so
    that its parts can be evaluated numerically:

    >>> all_backward_equilibrium()
    -F*w < 0
    """
    return sp.Lt(variety_entry_profit(0, alpha, F, w), 0, evaluate=False)


def all_modern_equilibrium(labour=L, alpha=alpha, F=F, w=w) -> sp.Boolean:
    r"""All-modern (:math:`L_M = L`): no final producer gains by switching to the backward technology.

    The varieties earn zero profit by construction (free entry, :func:`free_entry_output`);
    the condition is the modern unit cost at :math:`m = (1-\alpha)L/F` varieties
    (:func:`variety_count`) at most the backward one, ``w``:

    >>> all_modern_equilibrium()
    -w + w*(L*(1 - alpha)/F)**(1 - 1/alpha)/alpha <= 0
    >>> all_modern_equilibrium(alpha=sp.Rational(1, 2))
    4*F*w/L - w <= 0
    """
    # the cost derived for any m, evaluated at the allocation's count (xreplace keeps its power as one term)
    return sp.Le(modern_cost_gap(m, alpha, w).xreplace({m: variety_count(labour, alpha, F)}), 0)


# == 5. training under separation risk (docs/model.md §5) =========================

#: surplus of a trained worker in a modern firm, separation probability, firm and worker costs
Delta = sp.Symbol("Delta", positive=True)
s = sp.Symbol("s", nonnegative=True)
k_firm, c_worker = sp.symbols("k c", positive=True)
#: share of pairs that invest
mu = sp.Symbol("mu", nonnegative=True)


def pair_value_of_investing(share=mu, Delta=Delta, s=s, k=k_firm, c=c_worker) -> sp.Expr:
    r"""Expected surplus of an investing pair net of :math:`k + c`.

    Together with probability :math:`1-s`; after a separation each rematches with
    an investor with probability :math:`\mu` (surplus :math:`\Delta`), otherwise nothing.
    """
    Delta, s = _positive(Delta, "Delta"), _probability(s, "s")
    k, c = _positive(k, "k"), _positive(c, "c")
    rematch = share * Delta + (1 - share) * 0
    return sp.expand((1 - s) * Delta + s * rematch - k - c)


def training_game(Delta=Delta, s=s, k=k_firm, c=c_worker) -> PopulationGame:
    r"""Pairs invest (adopt) or not (payoff 0), given the share :math:`\mu` investing.

    >>> training_game().all_adopt().condition
    Delta >= c + k
    """
    return PopulationGame(pair_value_of_investing(mu, Delta, s, k, c), sp.Integer(0), mu,
                          adopt_name="invest", stay_name="not invest")


# == 6. infrastructure and complementary investments (docs/model.md §6) ============

pi, F_sector, R = sp.symbols("pi F R", positive=True)
phi = sp.Symbol("phi", positive=True)
N_sectors = sp.Symbol("N", integer=True, positive=True)


def infrastructure_game(N=N_sectors, pi=pi, F=F_sector, R=R, phi=phi) -> TwoPartyGame:
    r"""The infrastructure owner (build or not) against the ``N`` sectors (industrialise or not).

    A sector earns :math:`\pi` with the infrastructure and :math:`-F` without; the
    owner captures a share :math:`\varphi` of users' surplus (so each sector keeps
    :math:`(1-\varphi)\pi`) and pays :math:`R`.  Sectors count ``N`` times in surplus.

    >>> infrastructure_game().equilibrium(1, 1)
    (pi >= phi*pi) & (N*phi*pi >= R)
    """
    N = _count(N, "N", 1)
    pi, F, R = _positive(pi, "pi"), _positive(F, "F"), _positive(R, "R")
    phi = _share_of_surplus(phi, "phi")
    table = {(1, 1): (phi * N * pi - R, (1 - phi) * pi), (1, 0): (-R, sp.Integer(0)),
             (0, 1): (sp.Integer(0), -F), (0, 0): (sp.Integer(0), sp.Integer(0))}
    return TwoPartyGame(tuple(table.items()), ("infrastructure owner", "sectors"), (1, N))


def complementary_investments(first, second, names=("airport", "hotels")) -> TwoPartyGame:
    """Two complementary investments (airport and hotels, irrigation and farms): ``(return, cost)`` each."""
    (r1, c1), (r2, c2) = first, second
    return TwoPartyGame.stag_hunt((_positive(r1, "return"), _positive(c1, "cost")),
                                  (_positive(r2, "return"), _positive(c2, "cost")), names)
