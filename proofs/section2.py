r"""Section 2 claims: the small models of coordination failure (docs/model.md §1--§6).

Every statement below is built from :mod:`symbolic.section2` (equilibrium
regions from :mod:`symbolic.games`, first-order conditions by
differentiation); nothing here types an equilibrium condition.  Where a claim
compares a derived object with docs/model.md's written form (``n* = (1+C)/A``,
``x = αF/(1-α)``), the written form appears only as the right-hand side of an
equation the engine must prove.

Where SymPy settles a derived condition while building it -- the payoff gap
:math:`A - C - 1 \ge 0` is written :math:`A - C \ge 1`, the paper's threshold,
and ``Equivalent(x, x)`` is ``True`` -- the obligation keeps the condition
*as derived* (``derived=``): the gap against zero, unevaluated
(:meth:`symbolic.games.PopulationGame.equilibrium_at` with ``gap_form=True``);
a root as "the gap vanishes exactly there"; a value at a point as the
expression with the point as a hypothesis (``n = 0 => W(n) = 1``); a
first-order condition as "the derivative vanishes iff ...".  The engine
decides that, and the spot checks evaluate it; ``reduction=`` says how SymPy
reduces it to the stated form.

Real powers (S2.dol) are handled by the substitution
:math:`X = m^{(1-\alpha)/\alpha}` (:func:`symbolic.section2.in_productivity_index`),
which turns them into rational functions; the substitution's two facts -- the
map is strictly increasing and sends the threshold to :math:`1/\alpha` -- are
decision obligations of their own.
"""

from __future__ import annotations

import sympy as sp

from dataclasses import replace

from symbolic import Kind, Status
from symbolic import section2 as s2

from .claim import Claim
from symbolic.obligation import Family, Obligation

_TABLES = {"spill": "§1 (knowledge spillovers)", "spill2": "§1 (knowledge spillovers, variant)",
           "brand": "§2 (country brand)", "fmd": "§3 (foot-and-mouth)", "dol": "§4 (division of labour)",
           "train": "§5 (training)", "infra": "§6 (infrastructure)"}


#: this section's claims, in the paper's order (assembled into the paper by proofs.rodriguez_clare)
CLAIMS: list[Claim] = []


def register(claim: Claim) -> Claim:
    """Add a claim to this section's list (ids are checked unique when the paper is assembled)."""
    CLAIMS.append(claim)
    return claim


def _claim(id, place, quote, statement, assumptions, expected, build, formalization="paper", note=""):
    table = _TABLES[id.split(".")[1]]
    return register(Claim(id=id, section="2", place=place, quote=quote, statement=statement,
                          assumptions=assumptions, kind=Kind.FORALL, expected=Status(expected),
                          expected_source=f"docs/model.md {table}, table row {id}", build=build,
                          formalization=formalization, note=note))


A, C, n = s2.A, s2.C, s2.n


def _at(share, point, statement):
    """``statement`` about the free ``share`` where ``share`` is ``point``: SymPy cannot settle it while building."""
    return sp.Implies(sp.Eq(share, point), statement)

# == S2.spill: knowledge spillovers ==================================================

_SPILL = "Section 2, 'Knowledge Spillovers and Other Problems of Nonexcludability'"
_POS_AC = "A > 0, C > 0"
_SHARE = {"0 <= n <= 1": sp.And(sp.Ge(n, 0), sp.Le(n, 1))}


def _spill():
    g = s2.spillover_game()
    (interior,) = g.interior()
    return g, g.none_adopt(), g.all_adopt(), interior


_claim("S2.spill.1", _SPILL, "if n = 0 then net output with the modern technology is -C, clearly lower than "
       "with the backward technology",
       "n = 0 is an equilibrium for all A, C > 0", _POS_AC, "proved",
       lambda: [Obligation.forall("no firm gains by going modern at n = 0", _spill()[1].condition,
                                  derived=_spill()[1].derived,
                                  reduction="the payoff gap at n = 0 is -C - 1, negative because C > 0, so the "
                                            "condition holds by construction")])

_claim("S2.spill.2", _SPILL, "if n = 1 then net output with the modern technology is A-C, which is higher than "
       "net output with the backward technology",
       "n = 1 is an equilibrium iff A - C >= 1", _POS_AC, "proved",
       lambda: [Obligation.forall("n = 1 equilibrium region is A - C >= 1",
                                  sp.Equivalent(_spill()[2].condition, A - C >= 1),
                                  derived=sp.Equivalent(_spill()[2].derived, A - C >= 1),
                                  reduction="the payoff gap at n = 1, A - C - 1 >= 0, is written A - C >= 1, the "
                                            "stated threshold, so the equivalence holds by construction")])

_claim("S2.spill.3", _SPILL, "If A-C > 1 then there are multiple equilibria",
       "if A - C > 1, both n = 0 and n = 1 are equilibria", _POS_AC, "proved",
       lambda: [Obligation.forall("A - C > 1 => n = 0 and n = 1 are equilibria",
                                  sp.Implies(A - C > 1, sp.And(_spill()[1].condition, _spill()[2].condition)))])

_claim("S2.spill.4", _SPILL, "", "the interior equilibrium n* = (1+C)/A lies in (0,1) iff A - C > 1", _POS_AC,
       "proved",
       lambda: [Obligation.forall("the root of the payoff gap is (1+C)/A", sp.Eq(_spill()[3].share, (1 + C) / A),
                                  derived=sp.Equivalent(sp.Eq(_spill()[0].gap(), 0, evaluate=False),
                                                        sp.Eq(n, (1 + C) / A)),
                                  reduction="solving the gap for n gives n = (1 + C)/A, the stated root, so the "
                                            "equation holds by construction; decided as derived: the gap "
                                            "A n - C - 1 vanishes iff n = (1+C)/A"),
                Obligation.forall("0 < n* < 1 iff A - C > 1", sp.Equivalent(_spill()[3].condition, A - C > 1))],
       formalization="project")


def _spill5():
    g, none, every, interior = _spill()
    slope = sp.diff(g.gap(), n).subs(n, interior.share)
    return [Obligation.forall("A - C > 1 => n = 0 and n = 1 stable, n* unstable (slope of the replicator field)",
                              sp.Implies(A - C > 1, sp.And(g.stable(none), g.stable(every), g.unstable(interior)))),
            Obligation.forall("at n* in (0,1) the field's slope has the sign of the payoff gap's slope",
                              sp.Implies(interior.condition,
                                         sp.Equivalent(g.unstable(interior), sp.Gt(slope, 0))))]


_claim("S2.spill.5", _SPILL, "", "under replicator dynamics dn/dt = n(1-n)(A n - C - 1), n = 0 and n = 1 are stable "
       "and n* unstable when A - C > 1", _POS_AC, "proved", _spill5, formalization="project",
       note="Stability is linear stability: the derivative of the replicator field at the rest point is negative.")


def _spill6():
    g, none, every, _ = _spill()
    W = s2.average_net_output(g)
    return [Obligation.forall("W(n) = n(A n - C) + (1 - n)", sp.Eq(W, n * (A * n - C) + (1 - n)), _SHARE),
            Obligation.forall("W(1) > W(0) iff A - C > 1",
                              sp.Equivalent(sp.Gt(W.subs(n, 1), W.subs(n, 0)), A - C > 1),
                              derived=sp.Equivalent(sp.Gt(W.subs(n, 1) - W.subs(n, 0), 0, evaluate=False), A - C > 1),
                              reduction="W(1) = A - C and W(0) = 1, so W(1) > W(0) reads A - C > 1 by construction; decided "
                                        "as derived: the welfare gain W(1) - W(0) = A - C - 1 against 0"),
            Obligation.forall("n = 1 Pareto-dominates n = 0 iff A - C > 1",
                              sp.Equivalent(g.pareto_dominates(every, none), A - C > 1),
                              derived=sp.Equivalent(g.pareto_dominates(every, none, gap_form=True), A - C > 1),
                              reduction="everybody earns A - C at n = 1 and 1 at n = 0, so the comparison is "
                                        "A - C > 1 by construction; decided as derived: the payoff gain A - C - 1 against 0")]


_claim("S2.spill.6", _SPILL, "Coordination failures are usually formalized in a model with a multiplicity of "
       "equilibria, where one equilibrium Pareto-dominates the others",
       "average net output W(n) = n(A n - C) + (1 - n); W(1) > W(0) iff A - C > 1 (the good equilibrium "
       "Pareto-dominates)", _POS_AC, "proved", _spill6, formalization="project")


def _spill7():
    g, none, _, interior = _spill()
    W = s2.average_net_output(g)
    at_share = replace(interior, share=n)  # the interior profile with its share left free
    return [Obligation.forall("W(n*) = 1", sp.Eq(W.subs(n, interior.share), 1)),
            Obligation.forall("W(0) = 1", sp.Eq(W.subs(n, 0), 1),
                              derived=_at(n, 0, sp.Eq(W, 1, evaluate=False)),
                              reduction="W(n) = A n^2 - C n - n + 1 is 1 as soon as n = 0 is substituted; decided with "
                                        "n free, where n = 0"),
            Obligation.forall("n* does not Pareto-dominate n = 0", sp.Not(g.pareto_dominates(interior, none)),
                              derived=_at(n, interior.share, sp.Not(g.pareto_dominates(at_share, none, gap_form=True))),
                              reduction="at n* = (1+C)/A modern firms earn A (1+C)/A - C, which cancels to 1, the "
                                        "payoff at n = 0; since 1 > 1 fails, the claim holds by construction; decided "
                                        "with n free, "
                                        "where n is the derived root n*")]


_claim("S2.spill.7", _SPILL, "", "W(n*) = W(0) = 1: the interior equilibrium is no better than the bad one",
       _POS_AC, "proved", _spill7, formalization="project")

# == S2.spill2: spillovers that reach backward firms too ===============================

_QUOTE_V = "imagine that output with the backward technology is 1 + An. Then there is a unique equilibrium, with n = 0"


def _spill2():
    g = s2.spillover_game(backward_spillover=True)
    return g, g.none_adopt(), g.all_adopt()


def _spill2_1():
    g, none, _ = _spill2()
    difference = g.gap(evaluate=False)  # (A n - C) - (1 + A n), as derived
    return [Obligation.forall("modern minus backward payoff is -(1 + C) < 0 for every n",
                              sp.And(sp.Eq(g.gap(), -(1 + C)), sp.Lt(g.gap(), 0)), _SHARE,
                              derived=sp.And(sp.Eq(difference, -(1 + C), evaluate=False),
                                             sp.Lt(difference, 0, evaluate=False)),
                              reduction="the A n terms cancel: the gap is the constant -C - 1, equal to -(1 + C) and "
                                        "negative (C > 0) by construction; decided as derived: the difference of the two "
                                        "payoffs"),
            Obligation.forall("n = 0 is an equilibrium and no other share is",
                              sp.And(none.condition, g.unique_equilibrium(none)), _SHARE)]


_claim("S2.spill2.1", _SPILL, _QUOTE_V,
       "modern minus backward payoff is -(1 + C) < 0 for every n: n = 0 is the unique equilibrium",
       _POS_AC + ", 0 <= n <= 1", "proved", _spill2_1)


def _spill2_2():
    g, _, every = _spill2()
    stay, adopt = g.payoff("stay", n), g.payoff("adopt", n)
    return [Obligation.forall("n = 1 is not an equilibrium", sp.Not(every.condition),
                              derived=sp.Not(every.derived),
                              reduction="the payoff gap at n = 1 is -C - 1, and -C - 1 >= 0 fails because C > 0, "
                                        "so the claim holds by construction; decided as derived: the gap is negative"),
            Obligation.forall("at n = 1 backward earns 1 + A > A - C = modern",
                              sp.And(sp.Eq(g.payoff("stay", 1), 1 + A), sp.Eq(g.payoff("adopt", 1), A - C),
                                     sp.Gt(g.payoff("stay", 1), g.payoff("adopt", 1))),
                              derived=_at(n, 1, sp.And(sp.Eq(stay, 1 + A, evaluate=False),
                                                       sp.Eq(adopt, A - C, evaluate=False),
                                                       sp.Gt(stay, adopt, evaluate=False))),
                              reduction="the payoffs at n = 1 are 1 + A and A - C once n is substituted, and "
                                        "1 + A > A - C is settled from C > 0; decided with n free, where n = 1")]


_claim("S2.spill2.2", _SPILL, "The case n = 1 is no longer an equilibrium, since in that case net output with the "
       "modern technology is A - C whereas net output with the backward technology is 1 + A",
       "n = 1 is not an equilibrium (backward earns 1 + A > A - C)", _POS_AC, "proved", _spill2_2)


def _spill2_3():
    g, none, every = _spill2()
    return [Obligation.forall("everybody is better off at n = 1 than at n = 0 iff A - C > 1",
                              sp.Equivalent(g.pareto_dominates(every, none), A - C > 1),
                              derived=sp.Equivalent(g.pareto_dominates(every, none, gap_form=True), A - C > 1),
                              reduction="everybody earns A - C at n = 1 and 1 at n = 0, so the comparison is "
                                        "A - C > 1 by construction; decided as derived: the payoff gain A - C - 1 against 0"),
            Obligation.forall("W(n) = 1 + n (A - C - 1)", sp.Eq(s2.average_net_output(g), 1 + n * (A - C - 1)),
                              _SHARE),
            Obligation.forall("A - C > 1 => n = 0 is the unique equilibrium and n = 1 Pareto-dominates it",
                              sp.Implies(A - C > 1, g.coordination_failure_without_multiplicity(none, every)),
                              _SHARE)]


_claim("S2.spill2.3", _SPILL, "although there are no multiple equilibria, there is a coordination failure, since "
       "everybody would be better off with n = 1",
       "coordination failure without multiple equilibria: everybody is better off at n = 1 than at n = 0 iff "
       "A - C > 1; W(n) = 1 + n (A - C - 1)", _POS_AC + ", 0 <= n <= 1", "proved", _spill2_3)

_claim("S2.spill2.4", _SPILL, "", "a subsidy s per modern firm makes n = 1 an equilibrium iff s >= 1 + C",
       _POS_AC + ", s >= 0", "proved",
       lambda: [Obligation.forall("n = 1 with the subsidy is an equilibrium iff s >= 1 + C", sp.Equivalent(
           s2.spillover_game(backward_spillover=True, subsidy=s2.subsidy).all_adopt().condition,
           s2.subsidy >= 1 + C))],
       formalization="project")

# == S2.brand: country brand ==========================================================

_BRAND = "Section 2, the country-brand example ('imagine an export industry')"
N, k, dp, dc = s2.N, s2.k, s2.Delta_p, s2.Delta_c
_BRAND_ASSUME = "N >= 2 integer exporters, p_H > p_L, c_H > c_L (Delta_p, Delta_c > 0), prices and costs positive"
_N2 = {"N >= 2": sp.Ge(N, 2)}


def _brand():
    g = s2.brand_game()
    return g, g.none_adopt(), g.all_adopt()


_claim("S2.brand.1", _BRAND, "getting the same revenue as other firms producing high-quality goods but at a lower cost",
       "switching L -> H changes a firm's payoff by Delta_p/N - Delta_c, whatever the others do",
       _BRAND_ASSUME, "proved",
       lambda: [Obligation.forall("switch gain with k others at H, every k = 0..N-1",
                                  sp.Eq(_brand()[0].switch_gain(k), dp / N - dc),
                                  {**_N2, "k <= N - 1": sp.Le(k, N - 1)})],
       formalization="project")

_claim("S2.brand.2", _BRAND, "it would be impossible to sustain a situation where all firms invest in producing "
       "high-quality goods", "all-H is an equilibrium iff N <= Delta_p/Delta_c", _BRAND_ASSUME, "proved",
       lambda: [Obligation.forall("all-H equilibrium region is N <= Delta_p/Delta_c",
                                  sp.Equivalent(_brand()[2].condition, N <= dp / dc), _N2)],
       formalization="project")


def _brand3():
    g, none, every = _brand()
    return [Obligation.forall("all-H fails iff N > Delta_p/Delta_c",
                              sp.Equivalent(sp.Not(every.condition), N > dp / dc), _N2),
            Obligation.forall("N > Delta_p/Delta_c => all-L is an equilibrium and no other number of H firms is",
                              sp.Implies(N > dp / dc, sp.And(none.condition, g.unique_equilibrium(none))),
                              {**_N2, "0 <= k <= N": g.share_domain()})]


_claim("S2.brand.3", _BRAND, "it would be impossible to sustain a situation where all firms invest in producing "
       "high-quality goods. In such a case every firm would have an incentive to deviate",
       "the paper's impossibility holds iff N > Delta_p/Delta_c; then all-L is the unique equilibrium",
       _BRAND_ASSUME, "proved", _brand3, formalization="project")


def _brand4():
    g, none, every = _brand()
    dilemma = sp.And(dc < dp, dp < N * dc)
    return [Obligation.forall("all-H Pareto-dominates all-L iff Delta_p > Delta_c",
                              sp.Equivalent(g.pareto_dominates(every, none), dp > dc), _N2),
            Obligation.forall("Delta_c < Delta_p < N Delta_c => all-L the unique equilibrium, all-H dominates it",
                              sp.Implies(dilemma, g.coordination_failure_without_multiplicity(none, every)),
                              {**_N2, "0 <= k <= N": g.share_domain()})]


_claim("S2.brand.4", _BRAND, "every firm would have an incentive to deviate and produce low-quality goods",
       "all-H Pareto-dominates all-L iff Delta_p > Delta_c (so Delta_c < Delta_p < N Delta_c is a prisoner's "
       "dilemma)", _BRAND_ASSUME, "proved", _brand4, formalization="project")


def _brand5():
    g, none, _ = _brand()
    gain = s2.payoff_under_minimum_standard(g) - g.common_payoff(none)
    gain_with_k_high = g.payoff("adopt", k) - g.common_payoff(none)  # k firms at H, against all-L
    return [Obligation.forall("the standard changes every firm's payoff by Delta_p - Delta_c", sp.Eq(gain, dp - dc),
                              _N2, derived=_at(k, N, sp.Eq(gain_with_k_high, dp - dc, evaluate=False)),
                              reduction="with all N firms at H the price is p_L + Delta_p (N/N cancels), so "
                                        "the gain is Delta_p - Delta_c by construction; decided with the number k of H "
                                        "firms free, where k = N"),
            Obligation.forall("Delta_p > Delta_c => every firm gains", sp.Implies(dp > dc, sp.Gt(gain, 0)), _N2)]


_claim("S2.brand.5", _BRAND, "One way to sustain a situation with high-quality production would be for the "
       "government to enforce a minimum quality standard",
       "a binding minimum quality standard (L forbidden) raises every firm's payoff by Delta_p - Delta_c, "
       "relative to all-L, when Delta_p > Delta_c", _BRAND_ASSUME, "proved", _brand5, formalization="project")

# == S2.fmd: foot-and-mouth eradication ================================================

_FMD = "Section 2, Uruguay's eradication of foot-and-mouth disease"
V, E, E_N, E_star = s2.V, s2.E, s2.E_N, s2.E_star
_FMD_ASSUME = "N >= 2 producers, V > 0, P' > 0 and P'' < 0 (P' positive and strictly decreasing)"


#: an admissible concrete protection function (P' > 0, P'' < 0 for E >= 0): searched for counterexamples only
_E = sp.Symbol("E", nonnegative=True)
RATIONAL_P = Family(s2.P, sp.Lambda(_E, _E / (1 + _E)), "P(E) = E/(1 + E)",
                    requirements=(("P' > 0", sp.diff(_E / (1 + _E), _E) > 0),
                                  ("P'' < 0", sp.diff(_E / (1 + _E), _E, 2) < 0)),
                    domain=_E >= 0)


def _fmd1():
    dP = s2.marginal_protection(E)
    own = s2.marginal_payoff(E)
    social = sp.diff(N * V * s2.protection(E) - E, E)
    return [Obligation.forall("a producer's marginal payoff, by differentiation, is V P'(E) - 1",
                              sp.Eq(own, V * dP - 1), families=(RATIONAL_P,),
                              derived=sp.Equivalent(sp.Eq(own, 0, evaluate=False), sp.Eq(V * dP, 1)),
                              reduction="differentiating V P(e_i + E_-i) - e_i in e_i gives V P'(E) - 1 itself, so "
                                        "the equation holds by construction; decided as derived: the marginal payoff vanishes "
                                        "iff V P'(E) = 1"),
            Obligation.forall("the planner's marginal surplus N V P(E) - E, by differentiation, is N V P'(E) - 1",
                              sp.Eq(social, N * V * dP - 1), families=(RATIONAL_P,),
                              derived=sp.Equivalent(sp.Eq(social, 0, evaluate=False), sp.Eq(N * V * dP, 1)),
                              reduction="differentiating N V P(E) - E in E gives N V P'(E) - 1 itself, so the "
                                        "equation holds by construction; decided as derived: the marginal surplus vanishes iff "
                                        "N V P'(E) = 1"),
            Obligation.forall("at an interior total both conditions are the first-order ones",
                              sp.And(sp.Equivalent(s2.nash_conditions(E), sp.Or(sp.Eq(E, 0) & (V * dP <= 1),
                                                                                  sp.Eq(V * dP, 1))),
                                     sp.Equivalent(s2.first_best_conditions(E), sp.Or(sp.Eq(E, 0) & (N * V * dP <= 1),
                                                                                       sp.Eq(N * V * dP, 1)))),
                              {**_N2, "E >= 0": sp.Ge(E, 0, evaluate=False)})]


_claim("S2.fmd.1", _FMD, "an individual firm would always be tempted to spend a bit less because it would capture "
       "the full savings", "Nash total spending solves V P'(E_N) = 1; first best solves N V P'(E*) = 1",
       _FMD_ASSUME, "proved", _fmd1, formalization="project",
       note="Both conditions are derived by differentiating a producer's payoff V P(e_i + E_-i) - e_i in its own "
            "spending e_i and the planner's surplus N V P(E) - E in the total E; Kuhn-Tucker form for E >= 0.")


def _fmd_setting():
    return {**_N2, "E_N is a Nash total": s2.nash_conditions(E_N), "E* is the first best": s2.first_best_conditions(),
            "P' > 0, P'' < 0 at 0, E_N, E*": s2.decreasing_marginal_protection((sp.Integer(0), E_N, E_star))}


_claim("S2.fmd.2", _FMD, "the cost in higher risk of the disease is spread among all producers",
       "E* > E_N for every N >= 2 when the first best is interior (N V P'(0) > 1); E* >= E_N always",
       _FMD_ASSUME, "proved",
       lambda: [Obligation.forall("E* >= E_N", sp.Ge(E_star, E_N), _fmd_setting(), families=(RATIONAL_P,)),
                Obligation.forall("N V P'(0) > 1 => E* > E_N",
                                  sp.Implies(N * V * s2.marginal_protection(0) > 1, sp.Gt(E_star, E_N)),
                                  _fmd_setting(), families=(RATIONAL_P,))],
       formalization="project",
       note="P'' < 0 enters as P' strictly decreasing between the points compared (0, E_N, E*).")

_claim("S2.fmd.3", _FMD, "there is no equilibrium in which individual firms spend the first-best level in "
       "prevention and eradication",
       "no equilibrium has every firm spending E*/N: at that profile each producer's marginal payoff is negative, "
       "so each gains by cutting", _FMD_ASSUME + ", interior first best E* > 0", "proved",
       lambda: [Obligation.forall(
           "E* interior first best => marginal payoff at E* < 0 and E* is not a Nash total",
           sp.Implies(sp.And(s2.first_best_conditions(), E_star > 0),
                      sp.And(sp.Lt(s2.marginal_payoff(E_star), 0), sp.Not(s2.nash_conditions(E_star)))),
           _N2, families=(RATIONAL_P,))],
       formalization="project",
       note="Each e_i = E*/N > 0, so a marginal payoff V P'(E*) - 1 = 1/N - 1 < 0 makes a small cut profitable.")


#: a deviation from a claimed root of a first-order condition
_t = sp.Symbol("t", real=True)


def _fmd4():
    P = s2.worked_protection()
    EN, Es = s2.worked_nash_spending(), s2.worked_first_best_spending()
    V1 = {**_N2, "V > 1": V > 1}
    own = s2.marginal_payoff(E, P)  # V exp(-E) - 1
    social = sp.diff(N * V * s2.protection(E, P) - E, E)  # N V exp(-E) - 1
    return [Obligation.forall("E_N = log V", sp.Eq(EN, sp.log(V)),
                              derived=sp.Equivalent(sp.Eq(own.subs(E, sp.log(V) + _t), 0, evaluate=False),
                                                    sp.Eq(_t, 0)),
                              reduction="solving V exp(-E) - 1 = 0 for E gives E = log V, so E_N = log V holds by "
                                        "construction; decided as derived: the first-order condition V P'(E) = 1 holds at "
                                        "E = log V + t iff t = 0 (exp(-log V - t) = exp(-t)/V)"),
            Obligation.forall("E* = log(N V)", sp.Eq(Es, sp.log(N * V)),
                              derived=sp.Equivalent(sp.Eq(social.subs(E, sp.log(N * V) + _t), 0, evaluate=False),
                                                    sp.Eq(_t, 0)),
                              reduction="solving N V exp(-E) - 1 = 0 for E gives E = log(N V), so E* = log(N V) "
                                        "holds by construction; decided as derived: the planner's condition N V P'(E) = 1 holds at "
                                        "E = log(N V) + t iff t = 0"),
            Obligation.forall("E* - E_N = log N", sp.Eq(Es - EN, sp.log(N)), _N2),
            Obligation.forall("E_N > 0 iff V > 1", sp.Equivalent(EN > 0, V > 1)),
            Obligation.forall("V > 1 => E_N, E* satisfy the conditions and E* > E_N",
                              sp.And(s2.nash_conditions(EN, P), s2.first_best_conditions(Es, P), sp.Gt(Es, EN)),
                              V1)]


_claim("S2.fmd.4", _FMD, "", "worked form P(E) = 1 - exp(-E): E_N = log V, E* = log(N V), gap log N (interior when "
       "V > 1)", "N >= 2, V > 0 (V > 1 for the interior solution)", "proved", _fmd4, formalization="project",
       note="E* - E_N = log(N V) - log V = log N is an identity for positive N and V (the logarithm of a product "
            "is the sum of the logarithms); the signs of log terms come from the tangent-line bounds of the "
            "logarithm.")


def _fmd5():
    share = s2.implementing_grant()
    return [Obligation.forall("the implementing share is 1 - 1/N", sp.Eq(share, 1 - 1 / N), _N2,
                              derived=sp.Equivalent(sp.Eq(s2.marginal_payoff_at_first_best(), 0, evaluate=False),
                                                    sp.Eq(s2.grant, 1 - 1 / N)),
                              reduction="solving for the grant gives s = (N - 1)/N, which equals 1 - 1/N, so the "
                                        "equation holds by construction; "
                                        "decided as derived: at the first best (N V P'(E) = 1) a producer's marginal "
                                        "payoff under the grant s, V P'(E) - (1 - s) = s - 1 + 1/N, vanishes iff "
                                        "s = 1 - 1/N"),
            Obligation.forall("with that grant, E is a Nash total iff it is the first best",
                              sp.Equivalent(s2.nash_conditions(E, grant=share), s2.first_best_conditions(E)),
                              {**_N2, "E >= 0": sp.Ge(E, 0, evaluate=False)}, families=(RATIONAL_P,))]


_claim("S2.fmd.5", _FMD, "Ultimately, collective action was organized, funding was secured",
       "a matching grant paying share s = 1 - 1/N of each euro spent implements E*", _FMD_ASSUME, "proved", _fmd5,
       formalization="project")

# == S2.dol: division of labour and nontradable inputs ===================================

_DOL = "Section 2, 'Economies of Scale and Thick Market Effects'"
alpha, w, F, L, L_M, m, X = s2.alpha, s2.w, s2.F, s2.L, s2.L_M, s2.m, s2.X
_ALPHA = {"alpha < 1": alpha < 1}
_DOL_ASSUME = "0 < alpha < 1, w, F, L > 0 (Ethier/Romer love of variety, free entry)"
#: the paper's threshold on the variety count, as docs/model.md §4 writes it
THRESHOLD = alpha ** (-alpha / (1 - alpha))
#: the variety count of the all-modern allocation, as docs/model.md §4 writes it
ALL_MODERN_VARIETIES = (1 - alpha) * L / F
#: the variety counts at which the substitution facts are named assumptions, as a reader writes them
_WORDED_COUNTS = {ALL_MODERN_VARIETIES: "(1-alpha) L/F"}
#: values of alpha at which the literal statements are decided with no substitution (the powers become
#: integer powers and roots, which the engine handles exactly): the cross-checks of the substitution
FIXED_ALPHAS = (sp.Rational(1, 3), sp.Rational(1, 2), sp.Rational(2, 3), sp.Rational(3, 4))


def _dol1():
    q = sp.Symbol("q", positive=True)
    profit = s2.variety_inverse_demand(q) * q - w * q
    return [Obligation.forall("monopoly price = w/alpha",
                              sp.Eq(s2.dol_monopoly_price(), w / alpha, evaluate=False), _ALPHA),
            Obligation.forall("the variety's profit is strictly concave in its output (second-order condition)",
                              sp.Lt(sp.diff(profit, q, 2), 0), _ALPHA),
            Obligation.forall("free entry: x = alpha F/(1 - alpha)",
                              sp.Eq(s2.free_entry_output(), alpha * F / (1 - alpha), evaluate=False), _ALPHA),
            Obligation.forall("varieties: m = (1 - alpha) L_M/F",
                              sp.Eq(s2.variety_count(), (1 - alpha) * L_M / F, evaluate=False), _ALPHA)]


_claim("S2.dol.1", _DOL,
       "this will create incentives for many firms to enter into the production of specialized inputs",
       "monopoly price w/alpha; free-entry output per variety x = alpha F/(1-alpha); m = (1-alpha) L_M/F",
       _DOL_ASSUME, "proved", _dol1, formalization="project",
       note="Derived: inverse demand by differentiating the CES aggregate, the price from the monopolist's "
            "first-order condition, x from zero profit, m from the labour constraint m (x + F) = L_M.")


def _index_facts():
    r"""The substitution :math:`X = m^{(1-\alpha)/\alpha}`, fact by fact, each decided by the engine."""
    index = s2.productivity_index()
    return [Obligation.forall("substitution: X = m^((1-alpha)/alpha) is strictly increasing in m",
                              sp.Gt(sp.diff(index, m), 0, evaluate=False), _ALPHA),
            Obligation.forall("substitution: unit cost times X is w/alpha, i.e. unit cost = w/(alpha X)",
                              sp.Eq(s2.modern_unit_cost() * index, w / alpha, evaluate=False), _ALPHA),
            Obligation.forall("substitution: real wage = alpha X",
                              sp.Eq(s2.real_wage_modern(), alpha * index, evaluate=False), _ALPHA),
            Obligation.forall("substitution: at m = alpha^(-alpha/(1-alpha)) the unit cost is w, so X = 1/alpha there",
                              sp.Eq(s2.modern_unit_cost(THRESHOLD), w, evaluate=False), _ALPHA),
            Obligation.forall("the derived threshold (unit cost = w, solved for m) is alpha^(-alpha/(1-alpha))",
                              sp.Eq(s2.modern_threshold(), THRESHOLD, evaluate=False), _ALPHA)]


def substitution_lemma(count, strict_too=False) -> dict:
    r"""The substitution facts at the variety count ``count``, as named assumptions of a literal statement.

    :math:`X` names :math:`m^{(1-\alpha)/\alpha}` at :math:`m` = ``count``.  Unit cost and real wage in
    :math:`X` are instances of :func:`_index_facts` (decided there); the order statement follows from two
    of them -- :math:`X` is strictly increasing in :math:`m` and equals :math:`1/\alpha` at the
    threshold -- because a strictly increasing map preserves order (the mean value theorem): the one
    step the engine does not take itself (it knows no monotonicity of a power with a symbolic
    exponent), cross-checked by deciding the literal statements at fixed alpha
    (:data:`FIXED_ALPHAS`) with no substitution at all.

    The names are mathematics a reader can typeset (no program names): ``X = m^((1-alpha)/alpha)``,
    with ``at m = (1-alpha) L/F`` where ``count`` is not ``m`` itself.
    """
    at_count = {m: count}
    where = "" if count == m else f" at m = {_WORDED_COUNTS[count]}"
    out = {f"X = m^((1-alpha)/alpha){where}": sp.Eq(X, s2.productivity_index(count)),
           "unit cost times X equals w/alpha": sp.Eq(s2.modern_unit_cost().xreplace(at_count) * X, w / alpha),
           "real wage equals alpha X": sp.Eq(s2.real_wage_modern().xreplace(at_count), alpha * X),
           "m >= alpha^(-alpha/(1-alpha)) iff X >= 1/alpha (X increasing in m)":
               sp.Equivalent(count >= THRESHOLD, X >= 1 / alpha)}
    if strict_too:
        out["m > alpha^(-alpha/(1-alpha)) iff X > 1/alpha (X strictly increasing in m)"] = \
            sp.Equivalent(count > THRESHOLD, X > 1 / alpha)
    return {**_ALPHA, **out}


def _dol2():
    cost = s2.modern_unit_cost()
    return [Obligation.forall("unit cost = w m^(-(1-alpha)/alpha)/alpha",
                              sp.Eq(cost, w * m ** (-(1 - alpha) / alpha) / alpha, evaluate=False), _ALPHA),
            Obligation.forall("unit cost falls with the number of varieties",
                              sp.Lt(sp.diff(cost, m), 0, evaluate=False), _ALPHA)]


_claim("S2.dol.2", _DOL, "the division of labor is limited by the extent of the market",
       "modern unit cost w m^(-(1-alpha)/alpha)/alpha, falling in m", _DOL_ASSUME, "proved", _dol2,
       formalization="project")


def _cost_gap_in_X():
    """Modern minus backward unit cost, the modern cost rewritten in X (the backward cost w has no m)."""
    return s2.in_productivity_index(s2.modern_unit_cost()) - s2.backward_unit_cost()


def _fixed(label, statement_at, role="cross-check"):
    """The literal statement at each of :data:`FIXED_ALPHAS`, decided with no substitution."""
    return [Obligation.forall(f"alpha = {a}: {label}", statement_at(a), role=role) for a in FIXED_ALPHAS]


def _backward_below_threshold(a=alpha):
    threshold = a ** (-a / (1 - a))
    return sp.Implies(m < threshold, s2.modern_uncompetitive(m, a))


def s2dol3_obligations():
    r"""All-backward: no entrant gains, and below the threshold the modern technology is dearer."""
    in_X = sp.Gt(_cost_gap_in_X(), 0)
    lemma = substitution_lemma(m)
    return [Obligation.forall("all-backward: a variety entrant sells nothing (no modern final producer) and loses "
                              "its fixed cost", s2.all_backward_equilibrium(), _ALPHA),
            Obligation.forall("in X: below X = 1/alpha no final producer gains by switching to the modern technology",
                              sp.Implies(X < 1 / alpha, in_X), _ALPHA),
            Obligation.forall("with any variety count m below the threshold alpha^(-alpha/(1-alpha)) (a lone "
                              "entrant's, whatever L/F) no final producer gains by switching to the modern technology",
                              _backward_below_threshold(), lemma),
            *_index_facts(),
            *_fixed("m below the threshold => modern technology dearer", _backward_below_threshold)]


_claim("S2.dol.3", _DOL, "if all firms use the backward technology, the market for inputs will be small, and hence "
       "there will be only a few specialized inputs, in turn making the modern technology uncompetitive",
       "all-backward (m = 0) is always an equilibrium", _DOL_ASSUME, "proved", s2dol3_obligations,
       formalization="project",
       note="Derived: at L_M = 0 no modern final producer buys inputs, so a variety entrant sells nothing "
            "(demand is proportional to modern output) and loses w F; and with fewer varieties than the threshold "
            "alpha^(-alpha/(1-alpha)) -- as few as a lone entrant creates, whatever L/F -- the modern unit cost "
            "exceeds the backward cost w (in X = m^((1-alpha)/alpha): X < 1/alpha). The facts about X (X increasing "
            "in m, unit cost times X equals w/alpha, X = 1/alpha at the threshold) are decided one by one; the "
            "literal statement in m is decided from them, the order step (a strictly increasing map "
            "preserves order) being the one the engine does not take itself; at alpha = 1/3, 1/2, 2/3, 3/4 the "
            "literal statement is decided with no substitution (cross-checks).")


def _modern_iff_threshold(a=alpha):
    count = (1 - a) * L / F
    return sp.Equivalent(s2.all_modern_equilibrium(L, a), count >= a ** (-a / (1 - a)))


def s2dol4_obligations():
    r"""All-modern iff :math:`(1-\alpha)L/F \ge \alpha^{-\alpha/(1-\alpha)}`; all-backward too: multiple equilibria."""
    in_X = sp.Le(_cost_gap_in_X(), 0)
    return [Obligation.forall("derived: the all-modern allocation (L_M = L) supports m = (1 - alpha) L/F varieties",
                              sp.Eq(s2.variety_count(L), ALL_MODERN_VARIETIES, evaluate=False), _ALPHA),
            Obligation.forall("in X: no final producer gains by switching to the backward technology iff X >= 1/alpha",
                              sp.Equivalent(in_X, X >= 1 / alpha), _ALPHA),
            Obligation.forall("all-modern is an equilibrium iff (1-alpha) L/F >= alpha^(-alpha/(1-alpha))",
                              _modern_iff_threshold(), substitution_lemma(ALL_MODERN_VARIETIES)),
            Obligation.forall("all-backward is an equilibrium too (multiple equilibria)", s2.all_backward_equilibrium(),
                              _ALPHA),
            *_index_facts(),
            *_fixed("all-modern is an equilibrium iff (1-alpha) L/F >= alpha^(-alpha/(1-alpha))",
                    _modern_iff_threshold)]


_claim("S2.dol.4", _DOL, "By contrast, if firms use the modern technology, the market for inputs will be large ... "
       "this will make it profitable to use the modern technology",
       "all-modern is an equilibrium iff (1-alpha) L/F >= alpha^(-alpha/(1-alpha)); then there are multiple "
       "equilibria", _DOL_ASSUME, "proved", s2dol4_obligations, formalization="project",
       note="Derived: all-modern is an equilibrium iff no final producer gains by switching to the backward "
            "technology at the allocation, i.e. the modern unit cost with m = (1-alpha)L/F varieties (free entry) is "
            "at most w. In X = m^((1-alpha)/alpha) that is X >= 1/alpha (a rational decision). The literal statement "
            "with the threshold in L, F, alpha is decided from the facts about X, each decided on its own (X "
            "strictly increasing in m, unit cost = w/(alpha X), X = 1/alpha at the threshold); the order step (a "
            "strictly increasing map preserves order) is the one the engine does not take itself, and at alpha = "
            "1/3, 1/2, 2/3, 3/4 the literal statement is decided with no substitution (cross-checks). All-backward "
            "is always an equilibrium (S2.dol.3): multiple equilibria.")


def _real_wage_at(a=alpha):
    """The real wage derived for any m, evaluated at the all-modern variety count."""
    return s2.real_wage_modern(m, a).xreplace({m: s2.variety_count(L, a)})


def _strictly_above(a=alpha):
    return sp.Implies(s2.all_modern_equilibrium(L, a), sp.Gt(_real_wage_at(a), 1))


def s2dol5a_obligations():
    """The strict reading: every modern equilibrium has real wage > 1 (refuted at the threshold tie)."""
    in_X = sp.Le(_cost_gap_in_X(), 0)
    half = sp.Rational(1, 2)
    return [Obligation.forall("alpha = 1/2, in L and F: all-modern equilibrium => real wage > 1",
                              _strictly_above(half)),
            Obligation.forall("in X: all-modern equilibrium (X >= 1/alpha) => real wage alpha X > 1",
                              sp.Implies(in_X, sp.Gt(s2.in_productivity_index(s2.real_wage_modern()), 1)), _ALPHA),
            *[Obligation.forall(f"alpha = {a}: all-modern equilibrium => real wage > 1", _strictly_above(a),
                                role="cross-check") for a in FIXED_ALPHAS if a != half]]


_claim("S2.dol.5a", _DOL, "the productivity of firms that rely on such inputs",
       "read strictly: in every modern equilibrium the real wage alpha m^((1-alpha)/alpha) exceeds the backward "
       "one (1)", _DOL_ASSUME, "refuted", s2dol5a_obligations, formalization="project",
       note="At the threshold (1-alpha)L/F = alpha^(-alpha/(1-alpha)) all-modern is an equilibrium and the real "
            "wage is exactly 1 (a tie, like S5.6 and S5.10). The counterexample is certified in the model's own "
            "parameters at alpha = 1/2 (L = 4F), and in X at any alpha.")


def _at_least_one(a=alpha):
    count = (1 - a) * L / F
    return sp.And(sp.Implies(s2.all_modern_equilibrium(L, a), sp.Ge(_real_wage_at(a), 1)),
                  sp.Implies(count > a ** (-a / (1 - a)), sp.Gt(_real_wage_at(a), 1)))


def s2dol5b_obligations():
    """Every modern equilibrium has real wage >= 1, and > 1 strictly above the threshold."""
    in_X = sp.Le(_cost_gap_in_X(), 0)
    real_wage_X = s2.in_productivity_index(s2.real_wage_modern())
    return [Obligation.forall("in X: all-modern equilibrium (X >= 1/alpha) => real wage alpha X >= 1",
                              sp.Implies(in_X, sp.Ge(real_wage_X, 1)), _ALPHA),
            Obligation.forall("in X: strictly above the threshold (X > 1/alpha) => real wage > 1",
                              sp.Implies(X > 1 / alpha, sp.Gt(real_wage_X, 1)), _ALPHA),
            Obligation.forall("every all-modern equilibrium has real wage >= 1, and > 1 when (1-alpha) L/F > "
                              "alpha^(-alpha/(1-alpha))", _at_least_one(),
                              substitution_lemma(ALL_MODERN_VARIETIES, strict_too=True)),
            *_index_facts(),
            *_fixed("real wage >= 1 in every modern equilibrium, > 1 above the threshold", _at_least_one)]


_claim("S2.dol.5b", _DOL, "the productivity of firms that rely on such inputs",
       "in every modern equilibrium the real wage is at least 1, and strictly above 1 whenever (1-alpha) L/F > "
       "alpha^(-alpha/(1-alpha))", _DOL_ASSUME, "proved", s2dol5b_obligations, formalization="project",
       note="The real wage alpha m^((1-alpha)/alpha) is alpha X; the all-modern condition is X >= 1/alpha. The "
            "literal statement is decided from the facts about X as in S2.dol.4, and at alpha = 1/3, 1/2, 2/3, "
            "3/4 with no substitution (cross-checks).")

# == S2.train: training and technology under separation risk ============================

_TRAIN = "Section 2, the Acemoglu (1997) training example"
Delta, sep, kf, cw, mu = s2.Delta, s2.s, s2.k_firm, s2.c_worker, s2.mu
_S1 = {"s <= 1": sep <= 1}
_TRAIN_ASSUME = "Delta > 0, k, c > 0, separation probability s in [0, 1]"


def _train():
    g = s2.training_game()
    return g.none_adopt(), g.all_adopt()


_claim("S2.train.1", _TRAIN, "In the good equilibrium, due to thick market effects, firms and workers do not care "
       "about separation", "everyone investing (mu = 1) is an equilibrium iff Delta >= k + c", _TRAIN_ASSUME,
       "proved",
       lambda: [Obligation.forall("mu = 1 region", sp.Equivalent(_train()[1].condition, Delta >= kf + cw), _S1,
                                  derived=sp.Equivalent(_train()[1].derived, Delta >= kf + cw),
                                  reduction="at mu = 1 the separation terms cancel ((1 - s) Delta + s Delta = Delta): "
                                            "the gap Delta - c - k >= 0 is written Delta >= c + k, the stated "
                                            "threshold, so the equivalence holds by construction")],
       formalization="project")

_claim("S2.train.2", _TRAIN, "in the bad equilibrium, firms and workers do not invest, and hence it is not profitable "
       "for any firm-worker pair to invest", "no one investing (mu = 0) is an equilibrium iff (1 - s) Delta <= k + c",
       _TRAIN_ASSUME, "proved",
       lambda: [Obligation.forall("mu = 0 region", sp.Equivalent(_train()[0].condition, (1 - sep) * Delta <= kf + cw),
                                  _S1)],
       formalization="project")

_claim("S2.train.3", _TRAIN, "There are multiple equilibria",
       "both are equilibria (thick-market effect) iff (1 - s) Delta <= k + c <= Delta", _TRAIN_ASSUME, "proved",
       lambda: [Obligation.forall("mu = 0 and mu = 1 both equilibria iff (1 - s) Delta <= k + c <= Delta",
                                  sp.Equivalent(sp.And(*(p.condition for p in _train())),
                                                sp.And((1 - sep) * Delta <= kf + cw, kf + cw <= Delta)), _S1)],
       formalization="project")

# == S2.infra: infrastructure and complementary investments ============================

_INFRA = "Section 2, infrastructure (Murphy, Shleifer and Vishny 1989)"
Ns, pi, R, phi = s2.N_sectors, s2.pi, s2.R, s2.phi
_PHI = {"phi <= 1": phi <= 1}
_INFRA_ASSUME = "N >= 1 sectors, pi > 0, F > 0, R > 0, owner's share phi in (0, 1]"

_claim("S2.infra.1", _INFRA, "with the bad (good) equilibrium characterized by low (high) demand for the "
       "infrastructure project", "(none built, none industrialise) is always an equilibrium", _INFRA_ASSUME, "proved",
       lambda: [Obligation.forall("(0, 0) is an equilibrium", s2.infrastructure_game().equilibrium(0, 0), _PHI,
                                  derived=s2.infrastructure_game().equilibrium(0, 0, gap_form=True),
                                  reduction="building alone costs the owner R and industrialising alone costs a "
                                            "sector F: the gains from staying put, R >= 0 and F >= 0, hold because "
                                            "R, F > 0, so the condition holds by construction")],
       formalization="project")

_claim("S2.infra.2", _INFRA, "the monopolist that introduces a good to the economy but cannot appropriate the whole "
       "consumer and producer surplus generated", "(built, all industrialise) is an equilibrium iff phi N pi >= R",
       _INFRA_ASSUME, "proved",
       lambda: [Obligation.forall("(1, 1) region", sp.Equivalent(s2.infrastructure_game().equilibrium(1, 1),
                                                                 phi * Ns * pi >= R), _PHI)],
       formalization="project")


def _infra3():
    g = s2.infrastructure_game()
    worth = sp.Ge(g.surplus(1, 1), g.surplus(0, 0))
    return [Obligation.forall("socially worth building iff N pi >= R", sp.Equivalent(worth, Ns * pi >= R), _PHI),
            Obligation.forall("phi N pi < R <= N pi => worth building, yet (1, 1) is not an equilibrium and "
                              "(0, 0) is", sp.Implies(sp.And(phi * Ns * pi < R, R <= Ns * pi),
                                                      sp.And(worth, sp.Not(g.equilibrium(1, 1)), g.equilibrium(0, 0))),
                              _PHI)]


_claim("S2.infra.3", _INFRA, "although it would be socially optimal to introduce the good -- or to undertake the "
       "infrastructure project -- the investor does not make adequate profits",
       "socially worth building iff N pi >= R; the project is lost to non-appropriability when phi N pi < R <= N pi",
       _INFRA_ASSUME, "proved", _infra3, formalization="project")


def _infra4():
    r1, c1, r2, c2 = sp.symbols("r_1 c_1 r_2 c_2", positive=True)
    g = s2.complementary_investments((r1, c1), (r2, c2))
    def eq(a, b):
        return g.equilibrium(a, b, gap_form=True)

    return [Obligation.forall("both investing is an equilibrium iff each return covers its cost",
                              sp.Equivalent(g.equilibrium(1, 1), sp.And(r1 >= c1, r2 >= c2)),
                              derived=sp.Equivalent(eq(1, 1), sp.And(r1 >= c1, r2 >= c2)),
                              reduction="each party's gain from staying put, r_i - c_i >= 0, is written r_i >= c_i, "
                                        "the stated condition, so the equivalence holds by construction"),
            Obligation.forall("neither investing is always an equilibrium; a lone investor never is",
                              sp.And(g.equilibrium(0, 0), sp.Not(g.equilibrium(1, 0)), sp.Not(g.equilibrium(0, 1))),
                              derived=sp.And(eq(0, 0), sp.Not(eq(1, 0)), sp.Not(eq(0, 1))),
                              reduction="each comparison holds by construction because c_i > 0: staying out gains "
                                        "c_i >= 0 against investing alone, and a lone investor's gain from "
                                        "staying put is -c_i"),
            Obligation.forall("returns above costs => both investing Pareto-dominates neither (a stag hunt)",
                              sp.Implies(sp.And(r1 > c1, r2 > c2), g.pareto_dominates((1, 1), (0, 0))))]


_claim("S2.infra.4", "Section 3, 'building an airport in a region that has no hotels would not lead to any traffic'",
       "hotels without a regional airport may not be profitable",
       "two-party version (airport and hotels, irrigation and modern farms, university and firms) is a stag hunt: "
       "both investing is an equilibrium iff each return covers its cost",
       "returns r_i > 0 earned only if both invest, costs c_i > 0", "proved", _infra4, formalization="project")
