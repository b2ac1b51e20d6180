r"""Section 7 claims: several active sectors (specific factors) and the competitive grant round.

All of Section 7 is **this project's formalization** of informal text
(docs/model.md §9); every claim here says so.  The models are built in
:mod:`symbolic.section7`; nothing here types an equilibrium condition.

**Every J.**  The specific-factors equilibrium depends on the sectors only
through the symmetric sum :math:`S = \sum_i v_i^\sigma` (derived in
:func:`symbolic.section7.equilibrium`).  A claim about one sector :math:`k`
(or two, :math:`j` and :math:`k`) therefore involves the other sectors only
through one aggregate :math:`Q \ge 0`, their part of :math:`S`, and any
non-negative :math:`Q` is the part of some economy of any size.  So a decision
with :math:`Q` free covers every :math:`J`.  These generic obligations keep
:math:`\beta` symbolic (through :math:`\sigma = 1/(1-\beta) > 1`): real powers
:math:`x^\sigma` that the engine abstracts as opaque positive atoms, so several
of them are ``unknown`` until the engine knows more about such powers; they are
stated as they should be, not weakened.  Fixed-size, fixed-:math:`\beta`
cross-checks (:math:`\beta = 1/2` and :math:`2/3`, where every power is a
square or cube root) are decided today.
"""

from __future__ import annotations

import sympy as sp

from symbolic import Kind, Status
from symbolic import section5 as s5
from symbolic import section7 as s7

from .claim import Claim
from symbolic.obligation import Obligation

sigma, L, Q = s7.sigma, s7.labour_force, s7.rest
HALF, TWO_THIRDS = sp.Rational(1, 2), sp.Rational(2, 3)
#: the fixed labour shares of the cross-checks and their sigma = 1/(1 - beta)
FIXED_BETAS = (HALF, TWO_THIRDS)

_SF_PLACE = "Section 7, 'Should Specific Sectors Be Targeted?' (the paragraph on prospective studies)"
_GRANT_PLACE = "Section 7, 'Should Specific Sectors Be Targeted?' (Costa Rica's R&D Matching Grant System, FRC)"
_SF_QUOTE = ("Imagine for example that due to the existence of specific factors or strict concavity in the "
             "production possibilities set, a free trade equilibrium entails specialization in several sectors")
_SF_ASSUMPTIONS = ("y_j = A_j L_j^beta with 0 < beta < 1 (sigma = 1/(1-beta) > 1), labour L > 0, "
                   "world prices p_j = 1/(theta_j lambda_jN), value productivity v_j = p_j A_j, all productivities "
                   "positive")
_EVERY_J = ("Every J: the equilibrium depends on the sectors only through S = sum_i v_i^sigma (S7.sf.1), so the "
            "sectors the claim does not name enter as one aggregate Q >= 0 (any Q >= 0 is their part of S in "
            "economies of every size); a decision with Q free covers every J.")


#: this section's claims, in the paper's order (assembled into the paper by proofs.rodriguez_clare)
CLAIMS: list[Claim] = []


def register(claim: Claim) -> Claim:
    """Add a claim to this section's list (ids are checked unique when the paper is assembled)."""
    CLAIMS.append(claim)
    return claim


def _src(claim_id: str) -> str:
    return f"docs/model.md §9, table row {claim_id}"


def _claim(id, place, quote, statement, assumptions, kind, expected, build, note, scope):
    return register(Claim(id=id, section="7", place=place, quote=quote, statement=statement, assumptions=assumptions,
                          kind=kind, expected=Status(expected), expected_source=_src(id), build=build,
                          formalization="project", note=note, scope=scope, indexed_assumptions=True))


def _sigma_gt_1() -> dict:
    return {"beta in (0, 1), i.e. sigma = 1/(1-beta) > 1": sp.Gt(sigma, 1)}


def _sector(j) -> dict:
    """Positivity of the sector's parameters is carried by the symbols; theta_j >= 1 as in Section 5."""
    return {f"theta_{j} >= 1": sp.Ge(s5.theta(j), 1)}


def _gain(j) -> dict:
    return {f"theta_{j} > 1": sp.Gt(s5.theta(j), 1)}


def _vC(j, **kw):
    return s7.value_productivity(j, True, **kw)


def _vU(j, **kw):
    return s7.value_productivity(j, False, **kw)


def _sigma_of(b):
    return 1 / (1 - sp.sympify(b))


def _fixed_sectors(J):
    return tuple(range(1, J + 1))


# == S7.sf.1: the equilibrium, derived ==================================================

def _sf1():
    e = s7.equilibrium()
    b = s7.beta_of_sigma()
    v = s7.value
    S_k = Q + e.per_sector  # the sector v plus the rest
    labour = e.labour.subs(s7.aggregate, S_k)
    gdp = e.gdp.subs(s7.aggregate, S_k)
    wage = e.wage.subs(s7.aggregate, S_k)
    rest_labour = (e.labour / e.per_sector).subs(s7.aggregate, S_k) * Q  # each other sector: L v_i^sigma / S
    rest_gdp = (L / S_k) ** b * Q  # sum_{i != k} v_i (L v_i^sigma/S)^beta = (L/S)^beta sum_{i != k} v_i^sigma
    base = {**_sigma_gt_1()}
    obs = [
        Obligation.forall("every J: the sector's first-order condition holds at the allocation, w = beta v L_j^(beta-1)",
                          sp.Eq(s7.value_marginal_product(v, labour, b), wage), base),
        Obligation.forall("every J: labour-market clearing, the sector's labour plus the rest's is L",
                          sp.Eq(labour + rest_labour, L), base),
        Obligation.forall("every J: GDP at world prices, the sector's value output plus the rest's, is "
                          "L^beta S^(1/sigma)", sp.Eq(v * labour ** b + rest_gdp, gdp), base),
        Obligation.forall("every J: the wage is beta Y / L", sp.Eq(wage, b * gdp / L), base),
        Obligation.forall("every J: every sector is active, L_j > 0", sp.Gt(labour, 0, evaluate=False), base),
    ]
    # fixed J, fixed beta: the economy solved afresh by SymPy (demands summed, clearing solved for w)
    for beta_value, J in ((HALF, 3), (TWO_THIRDS, 2)):
        ss = _fixed_sectors(J)
        values = [_vC(j) if j == 1 else _vU(j) for j in ss]  # sector 1 coordinated, the others not
        fixed = s7.fixed_economy(values, beta_value)
        s = _sigma_of(beta_value)
        total = sp.Add(*[e.per_sector.subs(v, x) for x in values]).subs(sigma, s)
        closed = {sym: expr.subs({s7.aggregate: total, sigma: s}) for sym, expr in
                  (("wage", e.wage), ("gdp", e.gdp))}
        assumptions = {k: a for j in ss for k, a in _sector(j).items()}
        stmt = sp.And(*[sp.Eq(fixed.labour[i], e.labour.subs({v: x, s7.aggregate: total, sigma: s}))
                        for i, x in enumerate(values)],
                      sp.Eq(fixed.gdp, closed["gdp"]), sp.Eq(fixed.wage, closed["wage"]))
        obs.append(Obligation.forall(f"J = {J}, beta = {beta_value}: the economy solved sector by sector agrees with "
                                     "the closed form", stmt, assumptions, role="cross-check"))
    return obs


_claim("S7.sf.1", _SF_PLACE, _SF_QUOTE,
       "derived from the first-order conditions and labour-market clearing: L_j = L v_j^sigma / sum_i v_i^sigma, "
       "GDP at world prices Y = L^beta (sum_j v_j^sigma)^(1/sigma), wage w = beta Y / L; every sector is active",
       _SF_ASSUMPTIONS, Kind.FORALL, "proved", _sf1,
       note=("Here v_j = p_j A_j is sector j's value productivity and sigma = 1/(1-beta) > 1. Each sector's labour "
             "demand is derived from its first-order condition; it separates into a factor of the wage times "
             "v_j^sigma, so the sum of demands over any number of sectors is that factor times S = sum_i v_i^sigma, "
             "and clearing is solved for w. " + _EVERY_J +
             " The obligations check the derived allocation for a generic sector v against the rest Q: its "
             "first-order condition, clearing, GDP and the wage; cross-checked at J = 3 with beta = 1/2 and J = 2 with "
             "beta = 2/3, solved afresh by summing the sectors' demands."),
       scope="every J")


# == S7.sf.2: any other allocation gives lower GDP =========================================

_BETA = {"0 < beta < 1": sp.Lt(s7.beta, 1)}


def _tangent_generic():
    """The lemma, for a sector that keeps some labour (x > 0) and one that is shut down (x = 0)."""
    b, v, a = s7.beta, s7.value, sp.Symbol("x_star", positive=True)  # x*: the equilibrium labour
    x = sp.Symbol("x", positive=True)
    return [
        Obligation.forall(
            "every J, each sector: value output at any other labour x > 0 lies strictly below its tangent at the "
            "equilibrium labour x*, whose slope is the wage (Bernoulli: t^beta < 1 + beta (t - 1) for t != 1)",
            sp.Implies(sp.Ne(x, a), sp.Gt(s7.tangent_gap(v, a, x, b), 0)), _BETA),
        Obligation.forall(
            "every J, each sector: shutting it down (x = 0) loses more than the wage bill it frees",
            sp.Gt(s7.tangent_gap(v, a, sp.Integer(0), b), 0), _BETA),
    ]


def _aggregation_generic():
    """Y* - Y' = (sector k's tangent gap) + (the other sectors' gaps) when labour is conserved.

    Pure bookkeeping, for any values: the sector's value outputs y* at its equilibrium labour x* and y at
    x are plain symbols here (the lemma above is about them); the other sectors are aggregated: X* and Z*
    their equilibrium labour and value output, D the sum of their tangent gaps.  The names print as the
    note of S7.sf.2 defines them (x^*, y^*, X^*, Z^*, D).
    """
    w = s7.wage  # the same wage is every sector's marginal value product at equilibrium
    a, x = sp.Symbol("x_star", positive=True), sp.Symbol("x", nonnegative=True)
    y_a, y_x = sp.Symbol("y_star", nonnegative=True), sp.Symbol("y", nonnegative=True)
    Y_rest, A_rest = sp.Symbol("Z_star", nonnegative=True), sp.Symbol("X_star", nonnegative=True)
    gap_rest = sp.Symbol("D", nonnegative=True)  # sum of the other sectors' tangent gaps, >= 0 by the lemma
    X_rest = a + A_rest - x  # labour is conserved: x + X_rest = a + A_rest
    Y_rest_new = Y_rest + w * (X_rest - A_rest) - gap_rest  # the rest's output, from the definition of its gaps
    gap_k = y_a + w * (x - a) - y_x
    return Obligation.forall(
        "every J, summing over sectors: a strict gap in one sector and non-negative gaps elsewhere give strictly "
        "lower GDP, whatever the other sectors (aggregated) do",
        sp.Implies(sp.Gt(gap_k, 0), sp.Lt(y_x + Y_rest_new, y_a + Y_rest)),
        {"the rest keeps non-negative labour": sp.Ge(X_rest, 0)})


def _sf2_fixed(beta_value):
    xs = (sp.Symbol("x_1", nonnegative=True), sp.Symbol("x_2", nonnegative=True))
    values = (_vC(1), _vU(2))
    total = xs[0] + xs[1]  # the labour force is whatever the alternative allocation uses
    fixed = s7.fixed_economy(values, beta_value, total)
    stmt = sp.Implies(sp.Ne(xs[0], fixed.labour[0]), sp.Lt(s7.gdp_at(values, xs, beta_value), fixed.gdp))
    return Obligation.forall(f"J = 2, beta = {beta_value}: every other allocation (x_1, x_2) of the same labour gives "
                             "strictly lower GDP", stmt,
                             {"some labour": sp.Gt(total, 0), **_sector(1), **_sector(2)}, role="cross-check")


def _sf2():
    return [*_tangent_generic(), _aggregation_generic(), _sf2_fixed(HALF), _sf2_fixed(TWO_THIRDS)]


_claim("S7.sf.2", _SF_PLACE,
       "policy should focus on promoting coordination in these sectors, rather than on inducing resources to "
       "reallocate to other supposedly more advanced sectors",
       "reallocation hurts: every other allocation of labour (sum_j L_j = L, e.g. one induced by a subsidy or tariff "
       "pushing labour into a sector m) gives strictly lower GDP at world prices",
       _SF_ASSUMPTIONS, Kind.FORALL, "proved", _sf2,
       note=("Sector by sector, the concave value output v x^beta lies below its tangent at the equilibrium labour "
             "x*, whose slope is the common wage (first-order condition), strictly unless x = x* (Bernoulli's "
             "inequality). Summed over sectors, the tangents add up to Y* + w (sum_j x_j - sum_j x_j*) = Y*, where "
             "Y* is equilibrium GDP. The two generic obligations are that lemma for one sector and the summation "
             "with the other sectors aggregated, which covers every J. In the summation, sector k has value output "
             "y* at its equilibrium labour x* and y at its new labour x; the other sectors together have "
             "equilibrium labour X* and value output Z*, and D >= 0 is the sum of their tangent gaps (by the "
             "lemma); an allocation that differs "
             "anywhere differs in some sector k. The lemma has real powers with symbolic beta; cross-checked at J = 2 "
             "at beta = 1/2 and 2/3 for every alternative allocation."),
       scope="every J")


# == S7.sf.3: coordinating any sector raises GDP and the wage ==================================

def _sf3_generic():
    k = "k"
    stmt = sp.And(sp.Gt(s7.gdp_with_rest([_vC(k)]), s7.gdp_with_rest([_vU(k)])),
                  sp.Gt(s7.wage_with_rest([_vC(k)]), s7.wage_with_rest([_vU(k)])))
    return Obligation.forall("every J: coordinating sector k raises GDP and the wage (the rest aggregated in Q)",
                             stmt, {**_sigma_gt_1(), **_gain(k)})


def _sf3_fixed(beta_value, J):
    ss = _fixed_sectors(J)
    parts = []
    for k in ss[:-1]:  # the last sector is coordinated throughout; coordinate each other one in turn
        before = [(_vC(j) if j == ss[-1] else _vU(j)) for j in ss]
        after = [(_vC(j) if j in (k, ss[-1]) else _vU(j)) for j in ss]
        e0, e1 = s7.fixed_economy(before, beta_value), s7.fixed_economy(after, beta_value)
        parts += [sp.Gt(e1.gdp, e0.gdp), sp.Gt(e1.wage, e0.wage)]
    return Obligation.forall(f"J = {J}, beta = {beta_value}: coordinating each uncoordinated sector raises GDP and the "
                             "wage", sp.And(*parts),
                             {**{n: a for j in ss for n, a in _sector(j).items()},
                              **{n: a for j in ss[:-1] for n, a in _gain(j).items()}}, role="cross-check")


_claim("S7.sf.3", _SF_PLACE, "policy should focus on promoting coordination in these sectors",
       "coordinating any one sector k (with theta_k > 1) strictly raises GDP and the wage",
       _SF_ASSUMPTIONS + ", theta_k > 1", Kind.FORALL, "proved",
       lambda: [_sf3_generic(), _sf3_fixed(HALF, 3), _sf3_fixed(TWO_THIRDS, 2)],
       note=(_EVERY_J + " Coordination raises v_k from r_k/theta_k to r_k, so v_k^sigma and with it S, Y = "
             "L^beta S^(1/sigma) and w = beta Y/L rise. Needs monotonicity of real powers with symbolic sigma. "
             "Cross-checked at J = 3 with beta = 1/2 and J = 2 with beta = 2/3."),
       scope="every J")


# == S7.sf.4: with every sector coordinated, theta does not matter =================================

def _vartheta(j):
    return sp.Symbol(f"vartheta_{s5._label(j)}", positive=True)


def _sf4():
    j = "j"
    generic = Obligation.forall(
        "every J, each sector: the coordinated value productivity p_j A_j = (theta_j lambda_jS)/(theta_j lambda_jN) is "
        "the same for any two gains theta_j, vartheta_j",
        sp.Eq(_vC(j, evaluate=False), _vC(j, evaluate=False, theta=_vartheta(j)), evaluate=False),
        {**_sector(j), f"vartheta_{j} >= 1": sp.Ge(_vartheta(j), 1)})
    obs = [generic]
    for beta_value, J in ((HALF, 3), (TWO_THIRDS, 2)):
        ss = _fixed_sectors(J)
        s = _sigma_of(beta_value)

        def closed(gains):
            values = [_vC(i, evaluate=False, theta=g) for i, g in zip(ss, gains)]
            total = sp.Add(*[sp.Pow(x, s, evaluate=False) for x in values])  # p_j A_j computed, then powered
            return s7.gdp_of(total, L, s), s7.equilibrium().wage.subs({s7.aggregate: total, sigma: s})

        (y1, w1), (y2, w2) = closed([s5.theta(i) for i in ss]), closed([_vartheta(i) for i in ss])
        assumptions = {**{n: a for i in ss for n, a in _sector(i).items()},
                       **{f"vartheta_{i} >= 1": sp.Ge(_vartheta(i), 1) for i in ss}}
        obs.append(Obligation.forall(f"J = {J}, beta = {beta_value}: GDP and the wage with every sector coordinated are "
                                     "the same for any two vectors of gains theta, vartheta",
                                     sp.And(sp.Eq(y1, y2, evaluate=False), sp.Eq(w1, w2, evaluate=False)),
                                     assumptions, role="cross-check"))
    return obs


_claim("S7.sf.4", _SF_PLACE, "The conclusion of the model carries through",
       "Section 5's result carries through: with every sector coordinated, GDP and the wage do not depend on any theta",
       _SF_ASSUMPTIONS + ", theta_j >= 1", Kind.FORALL, "proved", _sf4,
       note=("Here vartheta_j denotes any other value of sector j's gain from coordination (vartheta_j >= 1, like "
             "theta_j). Coordination multiplies South's productivity and (through North's coordination) lowers the "
             "world price "
             "by the same theta_j, so each coordinated v_j = lambda_jS/lambda_jN. Equilibrium GDP and the wage depend "
             "on the sectors only through the v_j (S7.sf.1), so for every J they do not depend on theta. The "
             "statements keep p_j and A_j as separate factors so that the check computes both; cross-checked at J = 3 "
             "at beta = 1/2, J = 2 at beta = 2/3."),
       scope="every J")


# == S7.sf.5 and S7.sf.6: which sector's coordination is worth more =====================================

def _gain_of(j, others, b=None, s=None):
    """GDP gain of coordinating j (uncoordinated before), the named ``others`` uncoordinated, the rest in Q."""
    kw = {} if s is None else {"s": s}
    after = s7.gdp_with_rest([_vC(j)] + [_vU(o) for o in others], **kw)
    before = s7.gdp_with_rest([_vU(j)] + [_vU(o) for o in others], **kw)
    return after - before


def _sf5_obligations():
    j = "j"
    th = s5.theta(j)  # equal gains: sector k's theta is theta_j

    # stated in the comparative advantages r = lambda_S/lambda_N themselves: every positive r is some sector's
    # (lambda_S = r, lambda_N = 1), and the model depends on lambda_S, lambda_N only through r
    r_j, r_k = sp.Symbol("r_j", positive=True), sp.Symbol("r_k", positive=True)
    generic = Obligation.forall(
        "every J: with theta_j = theta_k = theta > 1 and r_j > r_k, coordinating j raises GDP more than coordinating k",
        sp.Gt(s7.gdp_with_rest([r_j, r_k / th]), s7.gdp_with_rest([r_j / th, r_k])),
        {**_sigma_gt_1(), **_gain(j), "r_j > r_k": sp.Gt(r_j, r_k)})
    obs = [generic]
    for beta_value, J in ((HALF, 2),):  # beta = 2/3 takes z3 ~15 s: decided in tests/test_section7.py (slow)
        ss = _fixed_sectors(J)
        th1 = s5.theta(1)  # one common gain

        def economy(coordinate):
            return s7.fixed_economy([(_vC(i, theta=th1) if i == coordinate else _vU(i, theta=th1)) for i in ss],
                                    beta_value)

        parts = [sp.Implies(sp.Gt(s5.raw_comparative_advantage(a), s5.raw_comparative_advantage(c)),
                            sp.Gt(economy(a).gdp, economy(c).gdp)) for a in ss for c in ss if a != c]
        obs.append(Obligation.forall(f"J = {J}, beta = {beta_value}: with one common theta > 1, coordinating the sector "
                                     "with the stronger comparative advantage raises GDP more", sp.And(*parts),
                                     {"theta > 1": sp.Gt(th1, 1)}, role="cross-check"))
    return obs


_claim("S7.sf.5", _SF_PLACE, "it would be possible to calculate a social return for such an investment",
       "with equal gains from coordination (theta_j = theta > 1 for all j), coordinating a sector with stronger "
       "comparative advantage (larger r_j = lambda_jS/lambda_jN) raises GDP more",
       _SF_ASSUMPTIONS + ", theta_j = theta > 1 for every j", Kind.FORALL, "proved", _sf5_obligations,
       note=(_EVERY_J + " Here the rest is Q = sum_{i!=j,k} v_i^sigma. Coordinating j instead of k changes S by "
             "(r_j^sigma - r_k^sigma)(1 - theta^(-sigma)) > 0. The every-J decision is stated in the comparative "
             "advantages r_j, r_k themselves (the model depends on lambda_S and lambda_N only through r = "
             "lambda_S/lambda_N, and every r > 0 is one). Cross-check: J = 2 at beta = 1/2, in the lambdas, both "
             "orders of the two sectors."),
       scope="every J")


def _sf6_obligations():
    obs = []
    for beta_value in (HALF, TWO_THIRDS):
        s = _sigma_of(beta_value)
        gain_1 = _gain_of(1, [2], s=s).subs({Q: 0, L: 1})
        gain_2 = _gain_of(2, [1], s=s).subs({Q: 0, L: 1})
        condition = sp.And(sp.Lt(s5.raw_comparative_advantage(2), s5.raw_comparative_advantage(1)),
                           sp.Gt(s5.theta(2), s5.theta(1)), sp.Gt(gain_2, gain_1))
        obs.append(Obligation.exists(f"J = 2, L = 1, beta = {beta_value}: sector 2 has the weaker comparative "
                                     "advantage and the larger theta, and coordinating it is worth more",
                                     condition, {**_sector(1), **_sector(2)}))
    return obs


_claim("S7.sf.6", _SF_PLACE, "With limited resources, the obvious approach would be to invest in the proposals that "
       "entail the highest social returns",
       "but the ranking of coordination proposals is not by comparative advantage alone: there is an economy in which "
       "coordinating a sector with weaker comparative advantage (r_k < r_j) and a larger theta_k raises GDP more than "
       "coordinating j (the social return of coordinating j is Y with v_j = r_j minus Y with v_j = r_j/theta_j)",
       _SF_ASSUMPTIONS + ", theta_j >= 1", Kind.EXISTS, "witness", _sf6_obligations,
       note=("An existence claim: one exact two-sector economy (L = 1) at beta = 1/2, or at beta = 2/3, is a witness. "
             "The social return of coordination depends on theta_j as well as on comparative advantage, so a ranking "
             "of proposals needs both."),
       scope="")


# == S7.sf.7: coordination beats reallocation =================================================

def _sf7_fixed(beta_value, J):
    ss = _fixed_sectors(J)
    values = [_vU(j) for j in ss]
    x, rest_labour = sp.Symbol("x", nonnegative=True), sp.Symbol("X", nonnegative=True)
    total = x + rest_labour  # the labour force: x in sector m, X in the others
    laissez_faire = s7.fixed_economy(values, beta_value, total)
    obs = []
    for m in ss:
        others = [v for j, v in zip(ss, values) if j != m]
        rest = s7.fixed_economy(others, beta_value, rest_labour)  # the rest reallocates competitively
        y_push = values[m - 1] * x ** beta_value + rest.gdp
        obs.append(Obligation.forall(
            f"J = {J}, beta = {beta_value}: pushing labour into sector {m} (any x != its laissez-faire labour, the "
            "others sharing the rest competitively) lowers GDP",
            sp.Implies(sp.Ne(x, laissez_faire.labour[m - 1]), sp.Lt(y_push, laissez_faire.gdp)),
            {"some labour": sp.Gt(total, 0)}, role="cross-check"))
    for k in ss:
        coordinated = s7.fixed_economy([(_vC(j) if j == k else v) for j, v in zip(ss, values)], beta_value, total)
        obs.append(Obligation.forall(f"J = {J}, beta = {beta_value}: coordinating sector {k} raises GDP above "
                                     "laissez-faire", sp.Gt(coordinated.gdp, laissez_faire.gdp),
                                     {**_gain(k), "some labour": sp.Gt(total, 0)},
                                     role="cross-check"))
    return obs


_claim("S7.sf.7", _SF_PLACE,
       "The conclusion of the model carries through in the sense that policy should focus on promoting coordination "
       "in these sectors, rather than on inducing resources to reallocate to other supposedly more advanced sectors",
       "'carries through': coordinating any sector k with theta_k > 1 beats pushing labour into any sector m without "
       "coordination there -- Y(coordinate k) > Y(laissez-faire) > Y(labour pushed into m) for every such k, every m "
       "and every nonzero push",
       _SF_ASSUMPTIONS + ", theta_k > 1", Kind.FORALL, "proved",
       lambda: [_sf3_generic(), *_tangent_generic(), _aggregation_generic(), *_sf7_fixed(HALF, 2)],
       note=("The first inequality is S7.sf.3 and the second S7.sf.2 (a nonzero push into m is another allocation: "
             "L_m differs); their generic obligations are decided here again, which covers every J; cross-checked at "
             "J = 2 at beta = 1/2 for every k, every m and every push (beta = 2/3 is covered by the cross-checks of "
             "S7.sf.2 and S7.sf.3)."),
       scope="every J")


# == S7.grant: the matching-grant round =================================================================

c, R, pi, s, B = s7.cost, s7.social_return, s7.private_return, s7.share, s7.budget
_SHARE_RANGE = {"0 <= s <= 1": sp.And(sp.Ge(s, 0), sp.Le(s, 1))}
_CAPTURE = {"pi <= R": sp.Le(pi, R)}


def _grant1():
    star = s7.minimal_share()
    N = sp.Symbol("N", integer=True, positive=True)
    from symbolic.section2 import implementing_grant

    symmetric = s7.minimal_share(c, R / N)  # each of N participants captures R/N
    return [
        Obligation.forall("s* is an admissible share: 0 <= s* <= 1", sp.And(sp.Ge(star, 0), sp.Le(star, 1)), _CAPTURE),
        Obligation.forall("for every share s in [0, 1]: the proposers go ahead iff s >= s*",
                          sp.Equivalent(s7.participates(), sp.Ge(s, star)), {**_SHARE_RANGE, **_CAPTURE}),
        Obligation.forall("the public contribution s* c is max(0, c - pi)",
                          sp.Eq(s7.public_contribution(), sp.Max(0, c - pi)), _CAPTURE),
        Obligation.forall("N symmetric participants each capturing R/N: s* = max(0, 1 - R/(N c)); for a return that "
                          "just covers the cost (R = c), s* = 1 - 1/N, the share that implements the first best in "
                          "S2.fmd.5",
                          sp.And(sp.Eq(symmetric, sp.Max(0, 1 - R / (N * c))),
                                 sp.Implies(sp.Eq(R, c), sp.And(sp.Eq(symmetric, 1 - 1 / N),
                                                                sp.Eq(symmetric, implementing_grant(N))))),
                          {"N >= 2": sp.Ge(N, 2)}),
    ]


_claim("S7.grant.1", _GRANT_PLACE, "Qualifying projects are then assigned a contribution share according to their "
       "perceived externality",
       "the smallest public share that gets proposal i undertaken is s_i* = max(0, 1 - pi_i/c_i), so the public "
       "contribution is g_i = max(0, c_i - pi_i); with N symmetric participants each capturing 1/N of a return that "
       "just covers the cost, s_i* = 1 - 1/N (S2.fmd.5)",
       "cost c > 0, 0 <= pi <= R, proposers go ahead iff pi >= (1 - s) c", Kind.FORALL, "proved", _grant1,
       note="s* is derived by solving the participation constraint for the share and clipping at 0.", scope="")


def _grant2():
    star = s7.minimal_share()
    welfare = lambda share_: sp.Piecewise((s7.net_social_return(), s7.participates(share_)), (0, True))  # noqa: E731
    return [
        Obligation.forall("at s* the proposers pay min(c, pi) and the public pays c - min(c, pi)",
                          sp.And(sp.Eq(s7.proposer_payment(), sp.Min(c, pi)),
                                 sp.Eq(s7.public_contribution(), c - sp.Min(c, pi))), _CAPTURE),
        Obligation.forall("any share below s* loses the proposal",
                          sp.Implies(sp.Lt(s, star), sp.Not(s7.participates())), {**_SHARE_RANGE, **_CAPTURE}),
        Obligation.forall("any share above s* still gets it undertaken and pays (s - s*) c more: a pure transfer, the "
                          "net social return is unchanged",
                          sp.Implies(sp.Gt(s, star), sp.And(s7.participates(), sp.Gt(s * c, star * c),
                                                            sp.Eq(welfare(s), welfare(star)))),
                          {**_SHARE_RANGE, **_CAPTURE}),
        Obligation.forall("where funding is pivotal (pi < c), funding at s* changes net social return by R - c: it "
                          "does not lower it iff R >= c, and raises it iff R > c",
                          sp.Implies(sp.Lt(pi, c), sp.And(sp.Eq(welfare(star) - welfare(0), R - c),
                                                          sp.Equivalent(sp.Ge(welfare(star), welfare(0)), sp.Ge(R, c)),
                                                          sp.Equivalent(sp.Gt(welfare(star), welfare(0)), sp.Gt(R, c)))),
                          _CAPTURE),
    ]


_claim("S7.grant.2", _GRANT_PLACE, "Qualifying projects are then assigned a contribution share according to their "
       "perceived externality",
       "'contribution share according to their perceived externality': at s_i* the proposers pay min(c_i, pi_i) and "
       "the public pays exactly the part of the cost they do not capture; any share below s_i* loses the proposal, "
       "any share above it pays for what the proposers would have paid anyway (a pure transfer); funding proposal i "
       "raises net social return iff R_i >= c_i (weakly; strictly iff R_i > c_i)",
       "cost c > 0, 0 <= pi <= R, a share s in [0, 1]", Kind.FORALL, "proved", _grant2,
       note=("Net social return counts the whole cost, R - c, whoever pays it (public money is a transfer). 'Raises' is "
             "read weakly at R = c, where funding changes nothing; the strict reading needs R > c."), scope="")


N_PROPOSALS = 3


def _eligible(props) -> dict:
    out = {}
    for p in props:
        out[f"pi_{p.name} <= R_{p.name}"] = sp.Le(p.private_return, p.social_return)
        out[f"R_{p.name} >= c_{p.name}"] = sp.Ge(p.social_return, p.cost)
    return out


def _rule_is_optimal(rule, label, needs_public_money=False, factor=None):
    props = s7.proposals(N_PROPOSALS)
    greedy = s7.selection_value(props, s7.greedy_selection(props, rule))
    parts = []
    for members, feasible, value in s7.feasible_subsets(props):
        target = value if factor is None else value / factor
        parts.append(sp.Implies(feasible, sp.Ge(greedy, target)))
    assumptions = _eligible(props)
    if needs_public_money:
        assumptions.update({f"pi_{p.name} < c_{p.name}": sp.Lt(p.private_return, p.cost) for p in props})
    # a strict ranking: a counterexample then does not depend on how ties are broken
    for i, a in enumerate(props):
        for b in props[i + 1:]:
            assumptions[f"{a.name} and {b.name} not tied"] = sp.Or(rule(a, b), rule(b, a))
    text = (f"{N_PROPOSALS} proposals with symbolic data and no ties in the ranking: the selection of the rule "
            f"'{label}' is worth at least "
            + ("every feasible selection" if factor is None else f"1/{factor} of every feasible selection"))
    return Obligation.forall(text, sp.And(*parts), assumptions)


_claim("S7.grant.3", _GRANT_PLACE, "With limited resources, the obvious approach would be to invest in the proposals "
       "that entail the highest social returns",
       "the paper's rule, 'invest in the proposals that entail the highest social returns' (fund in decreasing order "
       "of net social return R_i - c_i while the budget allows), maximises total net social return under the budget",
       "n = 3 proposals, c_i > 0, 0 <= pi_i <= R_i, R_i >= c_i, budget B >= 0, public contribution g_i = max(0, c_i - "
       "pi_i), no two net returns equal", Kind.FORALL, "refuted", lambda: [_rule_is_optimal(s7.by_net_return, "highest net return first")],
       note=("The greedy rule is written in SymPy for three proposals with symbolic data (every ordering of the "
             "proposals and every run of fund/skip decisions); a proposal that does not fit is skipped and later ones "
             "may still be funded. The rankings are assumed strict (no ties), so the counterexample does not depend "
             "on how ties are broken. The selection problem is a 0/1 knapsack: maximise sum_i (R_i - c_i) x_i "
             "subject to sum_i g_i x_i <= B, each x_i in {0, 1}. A counterexample with three proposals is one for "
             "any number of proposals (add proposals with zero net return)."), scope="")

_claim("S7.grant.4", _GRANT_PLACE, "With limited resources, the obvious approach would be to invest in the proposals "
       "that entail the highest social returns",
       "the same for ranking by net return per unit of public money, (R_i - c_i)/g_i",
       "n = 3 proposals, c_i > 0, 0 <= pi_i < c_i (each needs public money), pi_i <= R_i, R_i >= c_i, budget B >= 0, "
       "no two ratios equal",
       Kind.FORALL, "refuted",
       lambda: [_rule_is_optimal(s7.by_return_per_public_unit, "highest net return per public unit first",
                                 needs_public_money=True)],
       note=("Greedy by ratio is the classic knapsack heuristic; it can be arbitrarily far from the optimum: with "
             "one proposal of net return 2 needing 1 unit and one of net return B needing B units (B >= 2), the "
             "rule funds the first and then cannot afford the second, 2 against B, so it does not guarantee any "
             "fixed fraction of the optimum."), scope="")


# the numeric spot checks of S7.sf.* also solve random economies with numeric.economy (real quantities from the
# primitives, not only the obligations' formulas)


def grant_counterexample_reading(point: dict) -> str:
    """What a counterexample to S7.grant.3/4 funds: the paper's rules and the optimum, solved exactly on its data.

    The point's proposals go through :func:`numeric.grants.grant_round` (an exact 0/1 knapsack, checked
    against the LP bound, and the two ranking rules) -- a computation independent of the decision.
    """
    from numeric.grants import grant_round

    values = {str(k): v for k, v in point.items()}
    names = [str(i) for i in range(1, N_PROPOSALS + 1)]

    def q(name):
        return str(sp.Rational(values[name]))

    r = grant_round(names, [q(f"c_{n}") for n in names], [q(f"R_{n}") for n in names],
                    [q(f"pi_{n}") for n in names], q("B"))

    def funded(selection):
        if not selection:
            return "nothing"
        return f"proposal {selection[0]}" if len(selection) == 1 else "proposals " + " and ".join(selection)

    data = "; ".join(f"proposal {n}: cost {q(f'c_{n}')}, social return "
                     f"{q(f'R_{n}')}, captured by its proposers {q(f'pi_{n}')}, public money needed "
                     f"{r.contributions[n]}" for n in names)
    rules = "; ".join(f"ranking by {name} funds {funded(rule.selected)} (total net return {rule.total_net_return})"
                      for name, rule in r.rules.items())
    return (f"On this data (budget B = {q('B')}; {data}): {rules}; the best selection funds {funded(r.selected)} "
            f"(total net return {r.total_net_return}).")
