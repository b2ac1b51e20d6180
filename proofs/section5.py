r"""Section 5 claims: coordination failures and comparative advantage.

Each claim is stated for a fixed economy of :data:`J` sectors, one obligation
per sector where the paper says "for every k" (so a failure names its
sector); S5.4 and S5.7a are decided for generic sector indices as well, which
covers every :math:`J` (see their notes).  The model is built in
:mod:`symbolic.section5`; nothing here types a formula.
"""

from __future__ import annotations

import sympy as sp

from symbolic import Kind, Status
from symbolic.section5 import (assumption_A1, assumption_A2, condition_star, equilibrium, lam_S, no_profitable_deviation,
                               sectors, standing_assumptions, star_ratio, theta, theta_at_least_one, theta_nondecreasing,
                               wage_coordinated, wage_uncoordinated, world_price)

from .registry import Claim, Obligation, register

#: the number of sectors of the fixed economy in which claims are decided
J = 4
#: the largest J of the fixed-size cross-check of S5.4
CROSS_CHECK_J = 12

S = sectors(J)
LATER = S[1:]  # the sectors k > 1

ALL = "A1, A2 and theta_j >= 1 for every sector (all parameters positive)"


def _src(claim_id: str) -> str:
    return f"MODEL.md §8 (Section 5), table row {claim_id}"


def _claim(id, place, quote, statement, assumptions, kind, expected, build, note=""):
    return register(Claim(id=id, section="5", place=place, quote=quote, statement=statement,
                          assumptions=assumptions, kind=kind, expected=Status(expected),
                          expected_source=_src(id), build=build, note=note))


def _each_k(label, statement, assumptions, ks=LATER, kind=Kind.FORALL):
    make = Obligation.forall if kind is Kind.FORALL else Obligation.exists
    return [make(label.format(k=k), statement(k), assumptions) for k in ks]


_CONDITIONS = "Section 5, the equilibrium conditions after 'To think about equilibria in South'"
_LIST = "Section 5, the list of equilibria before condition (*)"

_claim("S5.1", _LIST, "there is an equilibrium with specialization in good 1 [without] coordination",
       "E(1,U), South specialised in good 1 without coordination, is an equilibrium",
       "A2 (all parameters positive)", Kind.FORALL, "proved",
       lambda: [Obligation.forall(f"E(1,U) with J = {J}", equilibrium(1, False, S),
                                  standing_assumptions(S, A1=False, theta_ge_1=False))])

_claim("S5.2", _LIST, "there is an equilibrium with specialization in good 1 with coordination",
       "E(1,C), South specialised in good 1 with coordination, is an equilibrium",
       "A1 and theta_j >= 1", Kind.FORALL, "proved",
       lambda: [Obligation.forall(f"E(1,C) with J = {J}", equilibrium(1, True, S),
                                  standing_assumptions(S, A2=False))])

_claim("S5.3", "Section 5, paragraph on the ranking of equilibria",
       "The worst equilibrium is the only one without coordination",
       "no E(k,U) with k > 1 is an equilibrium", "A2", Kind.FORALL, "proved",
       lambda: _each_k("not E({k},U)", lambda k: sp.Not(equilibrium(k, False, S)),
                       standing_assumptions(S, A1=False, theta_ge_1=False)))


def _s54_obligations():
    generic = [
        Obligation.forall(
            "deviation to sector 1 from E(k,C) is unprofitable iff weak (*) (sectors 1 < k)",
            sp.Equivalent(no_profitable_deviation("k", True, "1"), condition_star("k", strict=False)),
            standing_assumptions(("1", "k"))),
        Obligation.forall(
            "weak (*) rules out the deviation to any j with 1 < j < k",
            sp.Implies(condition_star("k", strict=False), no_profitable_deviation("k", True, "j")),
            standing_assumptions(("1", "j", "k"))),
        Obligation.forall(
            "weak (*) rules out the deviation to any j with 1 < k < j",
            sp.Implies(condition_star("k", strict=False), no_profitable_deviation("k", True, "j")),
            standing_assumptions(("1", "k", "j"))),
    ]
    cross = []
    for size in range(2, CROSS_CHECK_J + 1):
        ss = sectors(size)
        cross.append(Obligation.forall(
            f"fixed J = {size}: E(k,C) iff weak (*), every k = 2..{size}",
            sp.And(*[sp.Equivalent(equilibrium(k, True, ss), condition_star(k, strict=False)) for k in ss[1:]]),
            standing_assumptions(ss), role="cross-check"))
    return generic + cross


_claim("S5.4", "Section 5, condition (*) and the paragraph after it",
       "there is a set of equilibria with specialization in good [k] with coordination as long as (*) is satisfied",
       "for k > 1, E(k,C) is an equilibrium iff (lambda_1S/lambda_1N)/(lambda_kS/lambda_kN) <= theta_1 "
       "(weak), for every J: only the deviation to sector 1 binds",
       ALL, Kind.FORALL, "proved", _s54_obligations,
       note=("E(k,C) is the conjunction of 'no profitable deviation to j' over all j != k, and each such "
             "condition involves only the parameters of sectors k and j; the assumptions A1, A2 and theta >= 1 "
             "hold between any two sectors in index order (A1 and A2 pairwise by transitivity of a strictly "
             "decreasing sequence). So it suffices to show, for generic indices: (i) the deviation to sector 1 "
             "is unprofitable iff weak (*); (ii) weak (*) implies the deviation to any other j is unprofitable, "
             "with j between 1 and k or j above k -- the only two relative orders of j, since j != 1, k and "
             "k > 1. (i) and (ii) together give E(k,C) iff weak (*) in an economy of any size J. Fixed-J "
             "decisions for J = 2..12 and every k cross-check the argument."))

_claim("S5.5", "Section 5, condition (*)", "as long as the following condition is satisfied: (*)",
       "the strict condition (*) is sufficient for E(k,C)", ALL, Kind.FORALL, "proved",
       lambda: _each_k("strict (*) => E({k},C)",
                       lambda k: sp.Implies(condition_star(k), equilibrium(k, True, S)),
                       standing_assumptions(S)))

_claim("S5.6", "Section 5, condition (*)", "as long as the following condition is satisfied: (*)",
       "the strict condition (*) is necessary for E(k,C)", ALL, Kind.FORALL, "refuted",
       lambda: _each_k("E({k},C) => strict (*)",
                       lambda k: sp.Implies(equilibrium(k, True, S), condition_star(k)),
                       standing_assumptions(S)))


def _theta_k_is_one(assumptions, generic):
    obs = _each_k("theta_{k} = 1 and E({k},C)",
                  lambda k: sp.And(sp.Eq(theta(k), 1), equilibrium(k, True, S)),
                  assumptions(S), kind=Kind.EXISTS)
    if generic:
        # E(k,C) requires the deviation to sector 1 to be unprofitable: impossibility for the
        # pair {1, k} is impossibility for every J
        obs.append(Obligation.exists(
            "sectors 1 < k, any J: theta_k = 1 and no profitable deviation to sector 1",
            sp.And(sp.Eq(theta("k"), 1), no_profitable_deviation("k", True, "1")),
            assumptions(("1", "k"))))
    return obs


_QUOTE_7 = "specialization with coordination in good k can be an equilibrium even if theta_k = 1"
_claim("S5.7a", "Section 5, the paragraph after condition (*)", _QUOTE_7,
       "some E(k,C), k > 1, is an equilibrium with theta_k = 1 (no gain from coordination in k)",
       ALL, Kind.EXISTS, "refuted",
       lambda: _theta_k_is_one(standing_assumptions, generic=True),
       note="Under A2, theta_k = 1 gives lambda_1S/(theta_1 lambda_1N) > lambda_kS/lambda_kN, so weak (*) fails.")

_claim("S5.7b", "Section 5, the paragraph after condition (*)", _QUOTE_7,
       "the same claim with A2 dropped", "A1 and theta_j >= 1 (A2 dropped)", Kind.EXISTS, "witness",
       lambda: _theta_k_is_one(lambda ls: standing_assumptions(ls, A2=False), generic=False))

_RANKING = "Section 5, paragraph 'How do the equilibria rank in terms of the equilibrium wage in South?'"
_claim("S5.8", _RANKING, "the wage is declining with movement to equilibria with specialization in higher-indexed goods",
       "w(1,C) > w(k,C) for every k > 1, and w(k,C) is decreasing in k", "A1", Kind.FORALL, "proved",
       lambda: [Obligation.forall(
           f"w(j,C) > w(j+1,C) and w(1,C) > w(k,C), J = {J}",
           sp.And(*[sp.Gt(wage_coordinated(a), wage_coordinated(b)) for a, b in zip(S, S[1:])],
                  *[sp.Gt(wage_coordinated(1), wage_coordinated(k)) for k in LATER]),
           standing_assumptions(S, A2=False, theta_ge_1=False))])

_claim("S5.9", _RANKING, "The worst equilibrium is the only one without coordination",
       "w(1,U) < w(k,C) for every k whose (*) holds strictly", ALL, Kind.FORALL, "proved",
       lambda: _each_k("strict (*) => w(1,U) < w({k},C)",
                       lambda k: sp.Implies(condition_star(k), sp.Lt(wage_uncoordinated(1), wage_coordinated(k))),
                       standing_assumptions(S)))

_claim("S5.10", _RANKING, "The worst equilibrium is the only one without coordination",
       "read strictly over all equilibria: w(1,U) < w(k,C) whenever E(k,C), k > 1, is an equilibrium",
       ALL, Kind.FORALL, "refuted",
       lambda: _each_k("E({k},C) => w(1,U) < w({k},C)",
                       lambda k: sp.Implies(equilibrium(k, True, S),
                                            sp.Lt(wage_uncoordinated(1), wage_coordinated(k))),
                       standing_assumptions(S)))


def _theta_alternative(j):
    return sp.Symbol(f"vartheta_{j}", positive=True)


def _s511_obligations():
    other = {theta(j): _theta_alternative(j) for j in S}
    assumptions = {**standing_assumptions(S), **{f"vartheta_{j} >= 1": sp.Ge(_theta_alternative(j), 1) for j in S}}
    return [Obligation.forall(
        "w(k,C) is the same for any two vectors of coordination gains theta, vartheta",
        sp.And(*[sp.Eq(wage_coordinated(k), wage_coordinated(k).xreplace(other)) for k in S],
               *[sp.Eq(sp.diff(wage_coordinated(k), theta(j)), 0) for k in S for j in S]),
        assumptions)]


_claim("S5.11", "Section 5, paragraph 'An important result of the model'",
       "the ranking of equilibria does not depend on the benefits that can be attained with coordination",
       "the coordinated equilibrium wages w(k,C), derived from zero profit, do not depend on any theta",
       ALL, Kind.FORALL, "proved", _s511_obligations)

_claim("S5.12", "Section 5, footnote 16",
       "if (*) is not satisfied, then the wage would be lower with specialization and coordination in sector k",
       "if (*) fails strictly (ratio > theta_1), w(k,C) < w(1,U)", ALL, Kind.FORALL, "proved",
       lambda: _each_k("ratio > theta_1 => w({k},C) < w(1,U)",
                       lambda k: sp.Implies(sp.Gt(star_ratio(k), theta(1)),
                                            sp.Lt(wage_coordinated(k), wage_uncoordinated(1))),
                       standing_assumptions(S)))

_claim("S5.13", "Section 5, after the assumptions on the ordering of goods",
       "a sufficient condition for this is that theta_j be nondecreasing in j",
       "theta_j nondecreasing in j together with A1 implies A2", "A1 and theta nondecreasing",
       Kind.FORALL, "proved",
       lambda: [Obligation.forall(f"A1 and theta nondecreasing => A2, J = {J}", assumption_A2(S),
                                  {"theta nondecreasing": theta_nondecreasing(S),
                                   **standing_assumptions(S, A2=False, theta_ge_1=False)})])

_claim("S5.14", "Section 5, after the assumptions on the ordering of goods",
       "a sufficient condition for this is that theta_j be nondecreasing in j",
       "the converse: A1 and A2 imply theta_j nondecreasing in j", ALL, Kind.FORALL, "refuted",
       lambda: [Obligation.forall(f"A1 and A2 => theta nondecreasing, J = {J}", theta_nondecreasing(S),
                                  standing_assumptions(S))])

_POLICY = "Section 5, the paragraphs on import substitution"
_claim("S5.15", _POLICY,
       "import substitution or any other policy that distorts prices to induce a reallocation of resources will reduce welfare",
       "from E(1,U), moving labour to any k > 1 without coordination lowers income per worker: "
       "lambda_kS p_k < lambda_1S p_1", "A2", Kind.FORALL, "proved",
       lambda: _each_k("lambda_{k}S p_{k} < lambda_1S p_1",
                       lambda k: sp.Lt(lam_S(k) * world_price(k), lam_S(1) * world_price(1)),
                       standing_assumptions(S, A1=False, theta_ge_1=False)))

_claim("S5.16", _POLICY,
       "inducing reallocation toward other sectors without simultaneously pushing for coordination would lead to lower wages",
       "from E(k,C), reallocating labour to any j != k without coordination does not raise income: "
       "lambda_jS p_j <= w(k,C)", ALL, Kind.FORALL, "proved",
       lambda: [Obligation.forall(f"E({k},C) => lambda_{j}S p_{j} <= w({k},C)",
                                  sp.Implies(equilibrium(k, True, S),
                                             sp.Le(lam_S(j) * world_price(j), wage_coordinated(k))),
                                  standing_assumptions(S))
                for k in S for j in S if j != k])

_claim("S5.17", _POLICY,
       "if the government were able to induce coordination, it would be better to do so in sector 1",
       "with strict (*), w(1,C) > w(k,C) > w(1,U): coordination where comparative advantage is strongest "
       "beats reallocation", ALL, Kind.FORALL, "proved",
       lambda: _each_k("strict (*) => w(1,C) > w({k},C) > w(1,U)",
                       lambda k: sp.Implies(condition_star(k), sp.And(
                           sp.Gt(wage_coordinated(1), wage_coordinated(k)),
                           sp.Gt(wage_coordinated(k), wage_uncoordinated(1)))),
                       standing_assumptions(S)))

_claim("S5.18", "Section 5, footnote 18",
       "the economy would switch to the equilibrium with specialization in the sector with the strongest "
       "comparative advantage but no coordination",
       "if (*) fails for the coordinated sector k (ratio > theta_1), E(k,C) is no longer an equilibrium "
       "while E(1,U) and E(1,C) remain", ALL, Kind.FORALL, "proved",
       lambda: _each_k("ratio > theta_1 => not E({k},C), E(1,U), E(1,C)",
                       lambda k: sp.Implies(sp.Gt(star_ratio(k), theta(1)), sp.And(
                           sp.Not(equilibrium(k, True, S)), equilibrium(1, False, S), equilibrium(1, True, S))),
                       standing_assumptions(S)))

_claim("S5.19", _RANKING, "If (*) is satisfied for j = 1, ..., k",
       "the coordinated equilibria form a prefix: if E(k,C) is an equilibrium then so is E(j,C) for every j < k",
       "A1 and theta_j >= 1", Kind.FORALL, "proved",
       lambda: [Obligation.forall(f"E({k},C) => E({j},C)",
                                  sp.Implies(equilibrium(k, True, S), equilibrium(j, True, S)),
                                  standing_assumptions(S, A2=False))
                for k in LATER for j in S if j < k])

# theta_at_least_one and assumption_A1 are re-exported for notebooks that build their own obligations
__all__ = ["J", "S", "CROSS_CHECK_J", "assumption_A1", "theta_at_least_one"]
