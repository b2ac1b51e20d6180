"""numeric.grants: shares, the optimal selection (HiGHS) against an exact dynamic-programming referee, the rules.

Expectations: docs/model.md §9.2 (the S7.grant table, including its worked example
"budget 10; one proposal with net return 10 needing 10, two with net return 6
needing 5 each").
"""

from __future__ import annotations

from fractions import Fraction
from itertools import combinations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from numeric.grants import InputError, greedy_by, grant_round, knapsack_dp


def test_the_model_md_example():
    # net returns 10, 6, 6; public money needed 10, 5, 5 (nothing captured); budget 10
    r = grant_round(["big", "small-1", "small-2"], [10, 5, 5], [20, 11, 11], [0, 0, 0], 10)
    assert r.exact and r.selected == ("small-1", "small-2") and r.total_net_return == 12
    assert r.certified_optimal and r.public_spending == 10
    rule = r.rules["net return"]
    assert rule.selected == ("big",) and rule.total_net_return == 10 and rule.shortfall == 2
    assert r.shares == {"big": 1, "small-1": 1, "small-2": 1}


def test_shares_are_the_minimal_matching_shares():
    r = grant_round(["a", "b", "c"], ["4", "2", "3"], ["8", "3", "3"], ["1", "3", "3/2"], "100")
    assert r.shares == {"a": Fraction(3, 4), "b": Fraction(0), "c": Fraction(1, 2)}
    assert r.contributions == {"a": Fraction(3), "b": Fraction(0), "c": Fraction(3, 2)}
    # c has R = cost: funding it adds nothing, so it is not selected; b needs no public money
    assert r.selected == ("a", "b") and r.eligible == ("a", "b", "c")


def test_as_dict_is_exact_for_exact_input():
    d = grant_round(["x", "y"], ["3/2", 1], ["5/2", 3], [0, "1/3"], "7/6").as_dict()
    assert d["total_net_return"] == "2" and d["public_spending"] == "2/3" and d["shares"]["y"] == "2/3"
    assert d["selected"] == ["y"] and d["rules"]["net return"]["selected"] == ["y"]
    assert d["formalization"].startswith("project")


def test_rows_in_any_order_give_the_same_round():
    names, c, R, pi = ["p3", "p1", "p2"], [3, 2, 2], [7, 5, 5], [1, 0, 0]
    a = grant_round(names, c, R, pi, 4)
    b = grant_round(names[::-1], c[::-1], R[::-1], pi[::-1], 4)
    assert a.as_dict() == b.as_dict()


def brute_force(values, weights, budget):
    best = Fraction(0)
    for k in range(len(values) + 1):
        for subset in combinations(range(len(values)), k):
            if sum((weights[i] for i in subset), Fraction(0)) <= budget:
                best = max(best, sum((values[i] for i in subset), Fraction(0)))
    return best


proposal = st.tuples(st.integers(1, 30), st.integers(0, 40), st.integers(0, 40))


@settings(max_examples=150, deadline=None)
@given(st.lists(proposal, min_size=1, max_size=9), st.integers(0, 120))
def test_optimum_matches_the_dp_referee_and_beats_the_rules(rows, budget):
    names = [f"p{i:02d}" for i in range(len(rows))]
    costs = [c for c, _, _ in rows]
    social = [c + extra - 10 if c + extra - 10 >= 0 else extra for c, extra, _ in rows]  # some below cost
    private = [min(p, s) for (_, _, p), s in zip(rows, social)]
    r = grant_round(names, costs, social, private, budget)
    net = [s - c for s, c in zip(social, costs)]
    g = [max(0, c - p) for c, p in zip(costs, private)]
    eligible = [i for i in range(len(rows)) if net[i] >= 0]
    free = [i for i in eligible if g[i] == 0]
    paid = [i for i in eligible if g[i] > 0]
    best, chosen = knapsack_dp([net[i] for i in paid], [g[i] for i in paid], budget)
    assert r.total_net_return == best + sum(net[i] for i in free)
    assert r.public_spending <= budget  # exactly feasible
    spent = sum(Fraction(g[names.index(n)]) for n in r.selected)
    assert spent == r.public_spending
    for rule in r.rules.values():
        assert rule.public_spending <= budget and rule.shortfall >= 0
        assert rule.total_net_return + rule.shortfall == r.total_net_return


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 20), st.integers(1, 20)), min_size=1, max_size=8), st.integers(0, 60))
def test_dp_referee_agrees_with_brute_force(items, capacity):
    values, weights = [v for v, _ in items], [w for _, w in items]
    best, chosen = knapsack_dp(values, weights, capacity)
    assert best == brute_force([Fraction(v) for v in values], [Fraction(w) for w in weights], capacity)
    assert sum(weights[i] for i in chosen) <= capacity and sum(values[i] for i in chosen) == best


def test_float_input_is_rechecked_exactly_and_totals_are_floats():
    rng = np.random.default_rng(0)
    n = 200
    c = rng.uniform(1, 10, n)
    R = c * rng.uniform(0.8, 3, n)
    pi = R * rng.uniform(0, 0.5, n)
    B = float(np.sum(np.maximum(0, c - pi)) / 3)
    r = grant_round([f"q{i}" for i in range(n)], c.tolist(), R.tolist(), pi.tolist(), B)
    assert not r.exact and isinstance(r.total_net_return, float)
    spent = sum(Fraction(float(max(0.0, c[i] - pi[i]))) for i in range(n) if f"q{i}" in r.selected)
    assert spent <= Fraction(B)
    assert r.total_net_return <= r.lp_bound * (1 + 1e-12)
    for rule in r.rules.values():
        assert rule.total_net_return <= r.total_net_return


def test_greedy_rules_follow_their_ranking_and_skip_what_does_not_fit():
    values = [Fraction(10), Fraction(6), Fraction(6), Fraction(1)]
    weights = [Fraction(10), Fraction(5), Fraction(5), Fraction(1)]
    assert greedy_by("net return", values, weights, Fraction(10)) == [0]
    assert greedy_by("net return", values, weights, Fraction(11)) == [0, 3]
    assert greedy_by("net return per public unit", values, weights, Fraction(10)) == [1, 2]


BAD = [
    (dict(names=["a", "a"], costs=[1, 1], social=[1, 1], private=[0, 0], budget=1), "duplicate"),
    (dict(names=["a", ""], costs=[1, 1], social=[1, 1], private=[0, 0], budget=1), "non-empty name"),
    (dict(names=["a"], costs=[0], social=[1], private=[0], budget=1), "cost[0]: must be positive"),
    (dict(names=["a"], costs=[1], social=[-1], private=[0], budget=1), "social_return[0]"),
    (dict(names=["a"], costs=[1], social=[1], private=[2], budget=1), "private_return[0]"),
    (dict(names=["a"], costs=[1], social=[1], private=[0], budget=-1), "budget"),
    (dict(names=["a"], costs=[float("inf")], social=[1], private=[0], budget=1), "cost[0]"),
    (dict(names=["a", "b"], costs=[1], social=[1, 1], private=[0, 0], budget=1), "ragged"),
    (dict(names=[], costs=[], social=[], private=[], budget=1), "empty"),
    (dict(names=["a"], costs=["x/2"], social=[1], private=[0], budget=1), "cost[0]"),
]


@pytest.mark.parametrize("kwargs, message", BAD, ids=[m for _, m in BAD])
def test_bad_input_names_the_field(kwargs, message):
    with pytest.raises(InputError, match=message.replace("[", r"\[").replace("]", r"\]")):
        grant_round(kwargs["names"], kwargs["costs"], kwargs["social"], kwargs["private"], kwargs["budget"])


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(20, 80))
def test_larger_rounds_match_the_referee_after_the_exact_reduction(seed, n):
    rng = np.random.default_rng(seed)
    cost = rng.integers(1, 40, n).tolist()
    private = [int(c * f) for c, f in zip(cost, rng.uniform(0, 0.95, n))]
    social = [c + int(x) for c, x in zip(cost, rng.integers(0, 50, n))]
    g = [c - p for c, p in zip(cost, private)]
    budget = int(rng.integers(0, sum(g) + 1))
    r = grant_round([f"p{i:03d}" for i in range(n)], cost, social, private, budget)
    net = [s - c for s, c in zip(social, cost)]
    keep = [i for i in range(n) if net[i] > 0 and g[i] > 0]
    best, _ = knapsack_dp([net[i] for i in keep], [g[i] for i in keep], budget)
    assert r.total_net_return == best + sum(net[i] for i in range(n) if net[i] >= 0 and g[i] == 0)
    assert r.public_spending <= budget


# -- optimality is proved exactly, or not claimed (numeric.knapsack) -----------------------------------------

def _brute_force(values, weights, capacity) -> int:
    """The exact optimum over every subset (numpy integers; small n)."""
    n = len(values)
    masks = np.arange(2 ** n, dtype=np.int64)
    bits = (masks[:, None] >> np.arange(n)) & 1
    total_w, total_v = bits @ np.array(weights, dtype=np.int64), bits @ np.array(values, dtype=np.int64)
    return int(total_v[total_w <= capacity].max())


def test_equal_ratios_with_large_numbers_get_the_exact_optimum():
    # an outside tester's round: net return = public money for every proposal (a subset sum, ~1e13 each);
    # HiGHS's tolerances (~1e-6 relative) once reported a selection 12.7 million short as "optimal"
    rng = np.random.default_rng(30)
    cost = [2 * int(x) for x in rng.integers(10**12, 10**13, 18)]
    budget = sum(cost) // 2 + 12345
    r = grant_round([f"p{i}" for i in range(18)], cost, [2 * c for c in cost], [0] * 18, budget)
    assert r.certified_optimal and "meet in the middle" in r.solver
    assert r.total_net_return == _brute_force(cost, cost, budget)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 60), st.integers(1, 40)), min_size=1, max_size=12),
       st.integers(0, 200), st.booleans())
def test_both_exact_searches_agree_with_the_referee(items, capacity, branch_and_bound):
    import numeric.knapsack as knapsack

    values, weights = [v for v, _ in items], [w for _, w in items]
    saved = knapsack.MEET_IN_THE_MIDDLE_ITEMS
    knapsack.MEET_IN_THE_MIDDLE_ITEMS = 0 if branch_and_bound else saved  # force the branch and bound
    try:
        s = knapsack.solve_knapsack(values, weights, capacity)
    finally:
        knapsack.MEET_IN_THE_MIDDLE_ITEMS = saved
    assert s.proved_optimal
    assert sum(weights[i] for i in s.chosen) <= capacity
    assert sum(values[i] for i in s.chosen) == knapsack_dp(values, weights, capacity)[0]


def test_past_the_time_limit_the_selection_is_not_called_optimal():
    n = 3000  # equal ratios: no exact reduction, no quick proof
    rng = np.random.default_rng(7)
    cost = [int(x) for x in rng.integers(10**9, 10**10, n)]
    budget = sum(cost) // 3 + 1
    r = grant_round([f"p{i}" for i in range(n)], cost, [2 * c for c in cost], [0] * n, budget, time_limit=0.5)
    assert not r.certified_optimal and "not proved optimal" in r.solver
    assert r.public_spending <= budget and r.total_net_return <= r.lp_bound
    assert all(rule.shortfall >= 0 for rule in r.rules.values())  # a better rule selection would be taken


def test_decimals_at_the_budget_are_exact_binary_rationals_not_an_error():
    # 0.1 + 0.2 exceeds 0.3 as floats read exactly; HiGHS's selections stayed over the budget -> traceback
    r = grant_round(["A", "B"], [0.1, 0.2], [1, 1], [0, 0], 0.3)
    assert r.selected == ("A",) and r.certified_optimal
    exact = grant_round(["A", "B"], ["1/10", "2/10"], [1, 1], [0, 0], "3/10")
    assert exact.selected == ("A", "B") and exact.certified_optimal


def test_what_highs_prints_does_not_reach_standard_output(capfd):
    import os

    from numeric.knapsack import quiet_stdout

    with quiet_stdout():
        os.write(1, b"HighsMipSolverData::transformNewIntegerFeasibleSolution\n")
    print("after")
    assert capfd.readouterr().out == "after\n"


@pytest.mark.parametrize("rows, budget, selected", [
    # floats read as the binary numbers they store, and computed with exactly: a net return or a contribution rounded
    # in floats had made "A" optimal (A and B need exactly 0.2 + 0.2 = 0.4 of public money as floats read exactly)
    ([("A", 0.2, 1, 0.1), ("B", 0.4, 1, 0.1)], 0.4, ("A", "B")),
    # 2**53 + 0.5 is not a float: B alone is worth more than A1 and A2
    ([("A1", 0.5, 9007199254740992, 0), ("A2", 1, 2, 0), ("B", 1.1, 9007199254740994, 0)], 1.5, ("B",)),
    # P needs 10**16 + 0.5 of public money exactly: over a budget of 10**16
    ([("P", 10000000000000002, 20000000000000000, 1.5)], 10**16, ()),
    # beyond the float range, exactly
    ([("A", 10**400, 3 * 10**400, 10**400), ("B", 2, 5, 1)], 1, ("A", "B")),
])
def test_every_value_is_computed_with_exactly(rows, budget, selected):
    names, c, R, pi = zip(*rows)
    r = grant_round(list(names), list(c), list(R), list(pi), budget)
    assert r.selected == selected and r.certified_optimal
    assert all(rule.shortfall_share >= 0 for rule in r.rules.values())


def test_the_knapsack_refuses_what_its_proof_does_not_cover_and_says_what_was_fixed():
    from numeric.knapsack import solve_knapsack

    with pytest.raises(ValueError, match="positive values and weights"):
        solve_knapsack([1, 1, 1], [-1, 2, 2], 1)  # a negative weight: "optimal" (0,) when 2 is possible
    with pytest.raises(ValueError):
        solve_knapsack([1], [0], 1)
    s = solve_knapsack([5, 1], [3, 1], 0)
    assert s.chosen == () and s.proved_optimal and "2 over the budget alone" in s.method


def test_numbers_beyond_the_float_range_print_with_their_exponent():
    from numeric.grants import short_number

    assert short_number(Fraction(10**401)) == "1e+401"
    assert short_number(Fraction(10**401 - 1)) == "1e+401"  # 9.99999... rounds up: no "10e+400"


def test_numbers_below_the_float_range_are_not_shown_as_zero():
    """An outside red team: a budget of 1e-400 printed as 0, and so did every contribution, so a funded
    proposal looked free."""
    from decimal import Decimal

    from numeric.grants import short_number

    assert short_number(Fraction(1, 10**400)) == "1e-400" and short_number(Fraction(-3, 10**400)) == "-3e-400"
    r = grant_round(["a", "b"], [Decimal("1e-400"), Decimal("2e-400")], [Decimal("3e-400"), Decimal("5e-400")],
                    [0, 0], Decimal("1e-400"))
    assert r.exact and r.budget == Fraction(1, 10**400) and r.selected == ("a",)
    assert r.contributions["a"] == Fraction(1, 10**400)
