"""numeric.equilibria: O(J) enumeration, exact at the boundary, any order, A1/A2 reported (docs/model.md §8)."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import numeric
from numeric import latex as hand
from numeric.equilibria import InputError, equilibria


def _brute_force(lS, lN, th):
    """O(J^2) with the hand-written deviation margin (an independent code path), exact on Fractions."""
    J = len(lS)
    out = set()
    for j in range(J):
        for coordinated in (True, False):
            w = hand.wage_coordinated(lS, lN, j) if coordinated else hand.wage_uncoordinated(lS, lN, th, j)
            if all(hand.deviation_margin(w, lS, lN, th, k) >= 0 for k in range(J) if k != j):
                out.add((j + 1, coordinated))
    return out


fraction = st.fractions(min_value=Fraction(1, 10), max_value=10, max_denominator=12)
theta_value = st.one_of(st.just(Fraction(1)), st.fractions(min_value=1, max_value=4, max_denominator=6))


@settings(max_examples=150, deadline=None)
@given(st.integers(2, 7).flatmap(lambda J: st.tuples(st.lists(fraction, min_size=J, max_size=J),
                                                      st.lists(fraction, min_size=J, max_size=J),
                                                      st.lists(theta_value, min_size=J, max_size=J))))
def test_exact_enumeration_equals_the_pairwise_definition(data):
    lS, lN, th = data
    eq = equilibria(lS, lN, th)
    assert eq.exact
    assert {(e.sector, e.coordinated) for e in eq} == _brute_force(lS, lN, th)
    wages = [e.wage_exact for e in eq]
    assert wages == sorted(wages, reverse=True)


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 9), st.integers(0, 10_000))
def test_float_enumeration_matches_exact_away_from_boundaries_and_is_order_free(J, seed):
    rng = np.random.default_rng(seed)
    lS, lN = rng.uniform(0.1, 10, J), rng.uniform(0.1, 10, J)
    th = 1 + rng.exponential(0.7, J)
    eq = equilibria(lS, lN, th)
    exact = equilibria(*[[Fraction(x) for x in a] for a in (lS, lN, th)])
    got = {(e.sector, e.coordinated) for e in eq if not e.near_boundary}
    assert got == {(e.sector, e.coordinated) for e in exact if not any(
        n.sector == e.sector and n.coordinated == e.coordinated and n.near_boundary for n in eq)}
    perm = rng.permutation(J)
    shuffled = equilibria(lS[perm], lN[perm], th[perm])
    assert {(int(perm[e.sector - 1]) + 1, e.coordinated) for e in shuffled} == {(e.sector, e.coordinated) for e in eq}


def test_condition_star_at_equality_is_an_equilibrium_exactly():
    # (lambda_1S/lambda_1N)/(lambda_2S/lambda_2N) = 3/2 = theta_1: weak (*) holds (S5.4, S5.6)
    eq = equilibria(["3", "2", "1"], [1, 1, 1], ["3/2", "4/3", 1])
    assert (2, True) in {(e.sector, e.coordinated) for e in eq}
    assert eq.assumptions == {"A1": True, "A2": True}
    just_below = equilibria(["3", "2", "1"], [1, 1, 1], ["149/100", "4/3", 1])
    assert (2, True) not in {(e.sector, e.coordinated) for e in just_below}


def test_decimal_ties_are_flagged_near_boundary_in_float_mode():
    # 0.3/0.1 = 3 in exact terms but not in binary; the tie is flagged, and counted as an equilibrium
    eq = equilibria([0.3, 0.2], [0.1, 0.1], [1.5, 1.0])
    rec = {(e.sector, e.coordinated): e for e in eq}
    assert (2, True) in rec and rec[(2, True)].near_boundary
    strict = equilibria([0.3, 0.2], [0.1, 0.1], [1.5, 1.0], rtol=0.0)
    assert all(not e.near_boundary for e in strict)


def test_unsorted_data_violating_A1_and_A2_is_enumerated_and_reported():
    eq = equilibria([1.0, 3.0, 2.0, 2.0], [1.0, 1.0, 1.0, 1.0], [1.0, 3.0, 1.0, 1.0])
    assert eq.comparative_advantage_order == (2, 3, 4, 1)
    assert eq.assumptions == {"A1": False, "A2": False}  # sectors 3 and 4 tie
    assert not eq.input_in_comparative_advantage_order
    d = eq.as_dict()
    assert d["assumptions"] == {"A1": False, "A2": False} and d["comparative_advantage_order"] == [2, 3, 4, 1]
    assert "A1 and A2 fail" in eq.reading()


def test_reading_names_the_gain_from_coordinating_in_the_strongest_sector():
    eq = equilibria(["3", "2", "1"], [1, 1, 1], ["3/2", "4/3", 1], names=["a", "b", "c"])
    text = eq.reading()
    assert "sector 1 (a)" in text and "from 2" in text and "to 3" in text and "factor 3/2" in text
    assert eq.as_dict()["equilibria"][0] == {"sector": 1, "name": "a", "coordinated": True, "wage": 3.0,
                                             "wage_exact": "3"}


def test_a_million_sectors_agrees_with_the_kernel_masks():
    from numeric.section5 import equilibrium_masks

    rng = np.random.default_rng(0)
    J = 200_000
    lS, lN, th = rng.uniform(0.5, 2, J), rng.uniform(0.5, 2, J), 1 + rng.exponential(0.1, J)
    eq = equilibria(lS, lN, th)
    c, u = equilibrium_masks(lS[None], lN[None], th[None])
    assert (eq.coordinated == c[0]).all() and (eq.uncoordinated == u[0]).all()
    assert eq.uncoordinated.sum() == 1


@pytest.mark.parametrize("args, field, reason", [
    (([1, -2], [1, 1], [1, 1]), "lambda_S[1]", "positive"),
    (([1, 2], [0, 1], [1, 1]), "lambda_N[0]", "positive"),
    (([1, 2], [1, 1], [1, "1/2"]), "theta[1]", ">= 1"),
    (([1.0, float("nan")], [1.0, 1.0], [1.0, 1.0]), "lambda_S[1]", "finite"),
    (([1.0, 2.0], [1.0, float("inf")], [1.0, 1.0]), "lambda_N[1]", "finite"),
    (([1, 2], [1, 1, 1], [1, 1]), "lambda_S, lambda_N, theta", "ragged"),
    (([], [], []), "lambda_S", "empty"),
    (([1], [1], [1]), "lambda_S", "at least 2 sectors"),
    ((["1/0", 1], [1, 1], [1, 1]), "lambda_S[0]", "zero denominator"),
    (([1, "x"], [1, 1], [1, 1]), "lambda_S[1]", "not a number"),
    (("12", [1, 1], [1, 1]), "lambda_S", "list"),
])
def test_bad_input_names_the_field_and_the_reason(args, field, reason):
    with pytest.raises(InputError) as info:
        equilibria(*args)
    assert info.value.field == field and reason in info.value.reason


def test_the_package_exposes_equilibria():
    assert numeric.equilibria is equilibria


# -- beyond the range of floats, and sector names (issue 14) -------------------------------------------------------

@settings(max_examples=40, deadline=None)
@given(st.integers(2, 6), st.integers(0, 10_000), st.sampled_from(["1e400", "1e-400", "1e308", "1e-308"]))
def test_scaling_the_data_beyond_floats_changes_no_equilibrium(J, seed, scale):
    # every wage is lambda_S/lambda_N times a factor of the sector's own: scaling all lambda_S by c scales every
    # wage by c and changes no equilibrium (docs/model.md §8) -- but c = 1e400 overflows floats
    from decimal import Decimal

    rng = np.random.default_rng(seed)
    lS = [Decimal(f"{x:.6f}") for x in rng.uniform(0.1, 10, J)]
    lN = [Decimal(f"{x:.6f}") for x in rng.uniform(0.1, 10, J)]
    th = [Decimal(f"{x:.6f}") for x in 1 + rng.exponential(0.7, J)]
    base = equilibria(*[[Fraction(x) for x in a] for a in (lS, lN, th)])  # exact, no tolerance
    c = Decimal(scale)
    scaled = equilibria([x * c for x in lS], lN, th, rtol=0.0)
    assert {(e.sector, e.coordinated) for e in scaled} == {(e.sector, e.coordinated) for e in base}
    if scale in ("1e400", "1e-400"):  # beyond floats for sure (1e-308 is so only below 2.2e-308)
        assert scaled.arithmetic == "rational"
    if scaled.arithmetic == "rational":
        assert [e.wage_exact for e in scaled] == [Fraction(c) * e.wage_exact for e in base]
    text = __import__("json").dumps(scaled.as_dict(), allow_nan=False)  # raises on inf or nan
    assert "Infinity" not in text and "NaN" not in text
    for e in scaled:
        assert e.wage is None or (math.isfinite(e.wage) and e.wage > 0)
        assert "inf" not in e.approximate_wage and "nan" not in e.approximate_wage


def test_values_beyond_floats_are_decided_exactly_never_inf_or_nan():
    from decimal import Decimal

    huge_int = 10**500 - 1  # a 500-digit integer
    cases = [
        ([huge_int, 1], [1, 1], [2, 1], "exact"),  # exact data: exact arithmetic, whatever the size
        ([huge_int, 1.5], [1.0, 1.0], [2.0, 1.0], "rational"),  # beside floats: rational, not inf
        ([Decimal("1e400"), 2.0], [1.0, 1.0], [2.0, 1.0], "rational"),
        ([1e308, 2.0], [0.5, 1.0], [1.0, 1.0], "rational"),  # w(1,C) = 2e308 overflows a float
        ([1e-308, 2e-308], [1.0, 1.0], [1.0, 1.5], "rational"),  # subnormal: digits lost in floats
        ([Decimal("1e-400"), 1.0], [1.0, 1.0], [1.0, 1.0], "rational"),  # positive, though 0.0 as a float
    ]
    for lS, lN, th, arithmetic in cases:
        eq = equilibria(lS, lN, th)
        assert eq.arithmetic == arithmetic
        exact = equilibria(*[[Fraction(x) if not isinstance(x, Decimal) else Fraction(x) for x in a]
                             for a in (lS, lN, th)])
        assert [(e.sector, e.coordinated, e.wage_exact) for e in eq] == \
            [(e.sector, e.coordinated, e.wage_exact) for e in exact]
        doc = eq.as_dict()
        text = __import__("json").dumps(doc, allow_nan=False)
        assert "inf" not in eq.table().lower() and "nan" not in eq.table().lower()
        assert "inf" not in eq.reading().lower().replace("information", "")
        assert all(e["wage"] is None or e["wage"] > 0 for e in doc["equilibria"]), text
    big = equilibria([huge_int, 1.5], [1.0, 1.0], [2.0, 1.0])
    first = big.as_dict()["equilibria"][0]
    assert first["wage"] is None and first["wage_approx"] == "1e+500" and first["wage_exact"] == str(huge_int)
    # a float that is already inf or nan is the caller's mistake, not a number to rescue
    with pytest.raises(InputError, match="finite"):
        equilibria([float("inf"), 1.0], [1.0, 1.0], [1.0, 1.0])
    with pytest.raises(InputError, match=r"lambda_S\[0\]: must be positive"):
        equilibria([Decimal("-1e400"), 1.0], [1.0, 1.0], [1.0, 1.0])
    with pytest.raises(InputError, match="out of range"):
        equilibria([Decimal("1e99999"), 1.0], [1.0, 1.0], [1.0, 1.0])


def test_a_tolerance_beyond_floats_is_the_same_tolerance():
    from decimal import Decimal

    # 1e400 * (1 + 1e-12) against 1e400: a tie within rtol = 1e-9, as 1 + 1e-12 against 1 is in floats
    c = Decimal("1e400")
    lS, lN, th = [Decimal("1.000000000001"), Decimal(1)], [1.0, 1.0], [1.0, 1.0]
    for rtol in (1e-9, 0.0):
        small = equilibria(lS, lN, th, rtol=rtol)
        large = equilibria([x * c for x in lS], lN, th, rtol=rtol)
        assert (small.arithmetic, large.arithmetic) == ("float" if rtol else "rational", "rational")
        assert [(e.sector, e.coordinated, e.near_boundary) for e in large] == \
            [(e.sector, e.coordinated, e.near_boundary) for e in small]
    assert (2, True) in {(e.sector, e.coordinated) for e in equilibria([x * c for x in lS], lN, th)}
    assert (2, True) not in {(e.sector, e.coordinated) for e in equilibria([x * c for x in lS], lN, th, rtol=0.0)}


@pytest.mark.parametrize("names, message", [
    (["wine", "cars", "wine"], r"sectors\[2\]: duplicate sector name 'wine' \(sectors\[0\] is 'wine'\)"),
    (["Wine", "wine"], "the same but for case\\)"),
    (["caf\u00e9", "cafe\u0301"], "the same but for Unicode composition\\)"),  # e + combining accent
    (["Caf\u00e9", " cafe\u0301"], "the same but for case and Unicode composition and surrounding spaces"),
    (["wine", " "], r"sectors\[1\]: an empty sector name"),
])
def test_sector_names_must_be_unique_and_non_empty(names, message):
    J = len(names)
    with pytest.raises(InputError, match=message):
        equilibria([1] * J, [1] * J, [1] * J, names=names)


def test_assumptions_are_checked_in_comparative_advantage_order_and_say_so():
    eq = equilibria(["1", "3", "2"], [1, 1, 1], ["1", "3", "1"], names=["food", "cars", "chips"])
    assert eq.comparative_advantage_order == (2, 3, 1)
    assert eq.assumptions == {"A1": True, "A2": False}
    assert eq.assumption_failures == {"A1": None, "A2": (2, 3)}  # s: cars 1, chips 2 -- not decreasing
    text = eq.assumptions_text()
    assert "comparative-advantage order (lambda_S/lambda_N decreasing: 2, 3, 1), not in the input order" in text
    assert "A2 fails between sector 2 (cars) and sector 3 (chips)" in text
    assert "which is the input order" in equilibria(["3", "2"], [1, 1], [1, 1]).assumptions_text()


def test_exact_wages_longer_than_pythons_int_to_text_limit_are_written_out():
    # 4000-digit data (the most a cell holds) makes 8000-digit wages; str() refuses ints past 4300 digits
    import sys

    big, seven = "9" * 4000, "7" * 4000
    eq = equilibria([big, "1"], ["1/" + seven, "1"], ["1", "1"])
    top = eq.as_dict()["equilibria"][0]
    assert top["wage"] is None and top["wage_approx"] == "7.77778e+7999"
    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)  # only to check the text here
    try:
        assert int(top["wage_exact"]) == int(big) * int(seven)
    finally:
        sys.set_int_max_str_digits(limit)


@pytest.mark.parametrize("values, message", [
    (np.array([True, True]), "lambda_S: must hold numbers, got an array of booleans"),
    ([np.bool_(True), 1], r"lambda_S\[0\]: not a number"),
    ({2, 1}, "lambda_S: must be a list of numbers, got set"),
    ({0: 1, 1: 2}, "lambda_S: must be a list of numbers, got dict"),
])
def test_containers_without_order_and_booleans_are_refused(values, message):
    with pytest.raises(InputError, match=message):
        equilibria(values, [1, 1], [1, 1])


def test_a_decimal_theta_that_rounds_onto_one_is_still_below_one():
    from decimal import Decimal

    with pytest.raises(InputError, match=r"theta\[0\]: must be >= 1 .*got 1 - 1e-19"):
        equilibria([1.0, 2.0], [1, 1], [Decimal("0.9999999999999999999"), 1.0])


def test_decimal_text_on_the_bound_and_ties_beyond_floats_keep_the_rules():
    from decimal import Decimal

    assert equilibria([1.0, 2.0], [1, 1], ["1.0", 1.5]).J == 2  # text for a decimal, exactly 1
    with pytest.raises(InputError, match=r"theta\[0\]: must be >= 1"):
        equilibria([1.0, 2.0], [1, 1], ["0.99999999999999999999", 1.5])
    # a tie within the tolerance fails A1 whether the data fit in floats or not
    in_floats = equilibria([3.0000000001, 3.0], [1, 1], [1.5, 1.2])
    beyond = equilibria([Decimal("3.0000000001e400"), Decimal("3e400")], [1, 1], [1.5, 1.2])
    assert beyond.arithmetic == "rational" and in_floats.assumptions == beyond.assumptions == {"A1": False, "A2": False}
    with pytest.raises(InputError, match=r"lambda_S\[0\]: not a number"):
        equilibria(np.array([np.True_, 1], dtype=object), [1, 1], [1, 1])


def test_no_tolerance_or_one_finer_than_float_rounding_is_decided_exactly():
    """An outside red team: with --rtol 1e-20 the tie 0.3/0.1 = 3/1 was decided in floats (2.9999999999999996 < 3)
    and two equilibria were lost; with rtol = 0, floats given as floats were decided in float arithmetic, which
    disagreed with their exact binary values in a third of random draws."""
    for rtol in (1e-20, 1e-13, 0.0):
        from decimal import Decimal

        eq = equilibria([Decimal("0.3"), 3], [Decimal("0.1"), 1], [1, 1], rtol=rtol)
        assert eq.arithmetic == "rational"
        assert {(e.sector, e.coordinated) for e in eq} == {(1, True), (1, False), (2, True), (2, False)}
        assert eq.assumptions["A1"] is False
    lS, lN, th = [4.117647058823529, 0.7], [1.0, 0.1], [1.0, 1.7]
    exact = {(e.sector, e.coordinated) for e in equilibria(*[[Fraction(x) for x in a] for a in (lS, lN, th)])}
    eq = equilibria(lS, lN, th, rtol=0)
    assert eq.arithmetic == "rational" and {(e.sector, e.coordinated) for e in eq} == exact
    assert equilibria(lS, lN, th, rtol=1e-9).arithmetic == "float"


def test_a_tie_in_comparative_advantage_says_how_the_tied_sectors_are_ordered_for_a2():
    """With sectors 1 and 2 tied in lambda_S/lambda_N, A2 is checked with them in the order most favourable to it
    (lambda_S/(theta lambda_N) decreasing); the text said nothing of it."""
    tied = equilibria([2, 2, 1], [1, 1, 1], [1, 3, 1])
    assert tied.assumption_failures["A1"] == (1, 2)
    assert "tied in lambda_S/lambda_N are taken in the order most favourable to A2" in tied.assumptions_text()
    assert "tied" not in equilibria([3, 2, 1], [1, 1, 1], [1, 1, 1]).assumptions_text()
