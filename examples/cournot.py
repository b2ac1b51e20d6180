r"""Cournot duopoly with linear demand and constant marginal costs: a claims file for coordfail.

A worked example of "your own paper": the model is derived here with SymPy
(first-order conditions solved, not typed), and eight claims are stated as
:class:`proofs.Claim` records -- two of them false as commonly stated.  Run::

    coordfail verify --claims examples/cournot.py
    coordfail derive C.7 --claims examples/cournot.py
    coordfail region C.2 --claims examples/cournot.py
    coordfail report --claims examples/cournot.py --pdf --out cournot-report
    pytest --coordfail-claims=examples/cournot.py

Demand :math:`P = a - b(q_1 + q_2)`, costs :math:`c_1, c_2`; firm :math:`i`
maximises :math:`(P - c_i) q_i`.  Welfare is consumer surplus plus profits,
:math:`W = aQ - bQ^2/2 - c_1 q_1 - c_2 q_2`.
"""

from __future__ import annotations

import sympy as sp

from proofs import Claim, Obligation, Paper
from symbolic.derivation import Step

a, b = sp.symbols("a b", positive=True)  # demand intercept and slope
c1, c2 = sp.symbols("c_1 c_2", positive=True)  # marginal costs
q1, q2 = sp.symbols("q_1 q_2", real=True)  # quantities (choice variables)

price = a - b * (q1 + q2)
profit = {1: (price - c1) * q1, 2: (price - c2) * q2}

# -- the equilibrium, derived ----------------------------------------------------------------
first_order = [sp.Eq(sp.diff(profit[1], q1), 0), sp.Eq(sp.diff(profit[2], q2), 0)]
(_solution,) = sp.solve(first_order, [q1, q2], dict=True)
q1_star, q2_star = _solution[q1], _solution[q2]
total = sp.simplify(q1_star + q2_star)
profit_star = {i: profit[i].subs(_solution) for i in (1, 2)}  # as derived, not simplified
d = sp.Symbol("d", positive=True)  # a second value of a cost, for comparative statics
welfare = a * total - b * total**2 / 2 - c1 * q1_star - c2 * q2_star

interior = {"q_1* > 0": q1_star > 0, "q_2* > 0": q2_star > 0}
costs_below_intercept = {"c_1 < a": c1 < a, "c_2 < a": c2 < a}


def model_steps():
    return (
        Step("Inverse demand", sp.Eq(sp.Symbol("P"), price)),
        Step("Firm 1's first-order condition", first_order[0]),
        Step("Firm 2's first-order condition", first_order[1]),
        Step("Solved (SymPy): firm 1's equilibrium output", sp.Eq(sp.Symbol("q_1^*"), q1_star)),
        Step("Solved (SymPy): firm 2's equilibrium output", sp.Eq(sp.Symbol("q_2^*"), q2_star)),
        Step("Welfare: consumer surplus plus profits", sp.Eq(sp.Symbol("W"), sp.expand(welfare))),
    )


def _best_response_obligations():
    # the first-order conditions hold exactly at the solution, and each profit is strictly concave in own output
    at_solution = sp.And(sp.Eq(q1, q1_star), sp.Eq(q2, q2_star))
    return [
        Obligation.forall("the first-order conditions hold iff (q_1, q_2) is the solution",
                          sp.Equivalent(sp.And(*first_order), at_solution)),
        Obligation.forall("profits are strictly concave in own output",
                          sp.And(sp.diff(profit[1], q1, 2) < 0, sp.diff(profit[2], q2, 2) < 0)),
    ]


_MODEL = "The model"
_STATICS = "Comparative statics"
_WELFARE = "Welfare"

claims = [
    Claim(id="C.1", section="1", place=_MODEL, statement="the first-order conditions have the solution "
          "q_i* = (a - 2 c_i + c_j)/(3b), a maximum of each firm's profit", build=_best_response_obligations,
          assumptions="a, b, c_1, c_2 > 0", expected="proved"),
    Claim(id="C.2", section="1", place=_MODEL,
          statement="both firms produce (an interior equilibrium) iff a + c_j > 2 c_i for both firms",
          claim=sp.Equivalent(sp.And(q1_star > 0, q2_star > 0), sp.And(a + c2 > 2 * c1, a + c1 > 2 * c2)),
          expected="proved"),
    Claim(id="C.3", section="1", place=_MODEL,
          statement="both firms produce whenever each cost is below the demand intercept",
          claim=sp.And(q1_star > 0, q2_star > 0), assumptions=costs_below_intercept, expected="refuted",
          note="As commonly stated; a cost below the intercept is not enough against a much cheaper rival."),
    Claim(id="C.4", section="2", place=_STATICS,
          statement="a firm's output falls with its own cost and rises with its rival's",
          claim=sp.Implies(c1 < d, sp.And(q1_star.subs(c1, d) < q1_star, q2_star.subs(c1, d) > q2_star)),
          expected="proved"),
    Claim(id="C.5", section="2", place=_STATICS, statement="each firm's profit is b times its output squared",
          claim=sp.And(sp.Eq(profit_star[1], b * q1_star**2, evaluate=False),
                       sp.Eq(profit_star[2], b * q2_star**2, evaluate=False)),
          expected="proved"),
    Claim(id="C.6", section="2", place=_STATICS,
          statement="the firm with the lower cost has the larger market share",
          claim=sp.Implies(c1 < c2, q1_star > q2_star), assumptions=interior, expected="proved"),
    Claim(id="C.7", section="3", place=_WELFARE,
          statement="lowering a firm's marginal cost always raises total surplus",
          claim=sp.diff(welfare, c2) < 0, assumptions=interior, expected="refuted",
          note="As commonly stated. Lahiri and Ono (1988): lowering the cost of a sufficiently inefficient firm shifts output to it "
               "from the efficient one and can lower welfare."),
    Claim(id="C.8", section="3", place=_WELFARE,
          statement="there are interior equilibria where lowering the high-cost firm's cost lowers welfare",
          claim=sp.And(sp.diff(welfare, c2) > 0, c2 > c1), kind="exists", assumptions=interior, expected="witness"),
]

paper = Paper(
    title="Cournot duopoly with linear demand",
    citation="A. Cournot (1838); the welfare result: S. Lahiri and Y. Ono (1988), Economic Journal 98",
    sections=(("1", "The equilibrium"), ("2", "Comparative statics"), ("3", "Welfare")),
    models=(("1", model_steps),),
    claims=tuple(claims),
)
