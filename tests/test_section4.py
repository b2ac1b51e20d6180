"""Section 4: the infant-industry claims against MODEL.md §7, the wage derivations, and bad parameters."""

import pytest
import sympy as sp

from proofs import claims, decide_claim, get_claim
from symbolic import prove
from symbolic import section4 as s4

#: MODEL.md §7, the "expected" column of each table row
MODEL_EXPECTED = {"S4.1": "proved", "S4.2": "proved", "S4.3": "proved", "S4.4": "proved"}


def test_every_model_row_is_registered():
    assert [c.id for c in claims(["S4."])] == list(MODEL_EXPECTED)


@pytest.mark.parametrize("claim_id", list(MODEL_EXPECTED))
def test_claim_verdict_matches_model(claim_id):
    claim = get_claim(claim_id)
    assert claim.expected.value == MODEL_EXPECTED[claim_id]
    assert "MODEL.md §7" in claim.expected_source and claim.formalization == "project"
    assert claim.place.startswith("Section 4") and claim.quote
    result = decide_claim(claim)
    assert result.status.value == MODEL_EXPECTED[claim_id], result.verdict
    assert result.verdict.seconds < 2.0


def test_wages_come_from_the_firms_first_order_condition():
    assert s4.wage_in_T() == s4.p_T * s4.a_T
    assert s4.wage_in_M(s4.L) == s4.p_M * s4.a_M * s4.g(s4.L)
    assert s4.wage_in_sector(3, sp.Rational(1, 2)) == sp.Rational(3, 2)
    assert s4.north_price_of_M() == 1 / (s4.a_MN * s4.g_N)
    assert s4.south_wage_in_M() == s4.a_MS * s4.g_S / (s4.a_MN * s4.g_N)


def test_worked_agglomeration_traps_nobody_in_T_by_entry():
    worked = s4.worked_agglomeration(sp.Rational(1, 2))
    assert worked == sp.sqrt(s4.L_M)
    assert s4.specialised_in_T(worked) is sp.true  # g(0) = 0: a lone entrant in M produces nothing
    assert s4.specialised_in_M(4, worked) == sp.Le(s4.a_T * s4.p_T, 2 * s4.a_M * s4.p_M)


def test_strong_agglomeration_low_price_equals_weak_agglomeration_high_price():
    strong = s4.south_wage_in_M(a_MS=1, g_S=8, a_MN=2, g_N=16)
    weak = s4.south_wage_in_M(a_MS=1, g_S=1, a_MN=2, g_N=2)
    assert strong == weak == sp.Rational(1, 4)


def test_the_naive_gain_needs_its_condition():
    # for an abstract g no point can be certified (g has no value there): honestly unknown
    v = prove(s4.import_substitution_wage_gain() > 0)
    assert v.status.value == "unknown" and "certif" in v.reason
    # in the worked form g(L) = L^gamma the unconditional claim is refuted at an exact point
    worked = s4.worked_agglomeration()
    v = prove(s4.import_substitution_wage_gain(s4.L, worked) > 0, [s4.gamma < 1])
    assert v.status.value == "refuted"
    point = v.counterexample
    gain = s4.import_substitution_wage_gain(s4.L, worked).xreplace(point)
    assert gain <= 0
    assert prove(sp.Implies(s4.specialised_in_M(), s4.import_substitution_wage_gain() >= 0)).status.value == "proved"


@pytest.mark.parametrize("call, message", [
    (lambda: s4.worked_agglomeration(gamma=2), "gamma must lie in \\(0, 1\\), got gamma = 2"),
    (lambda: s4.worked_agglomeration(gamma=0), "gamma must lie in \\(0, 1\\)"),
    (lambda: s4.wage_in_sector(-1, 1), "price must be positive, got price = -1"),
    (lambda: s4.wage_in_M(-3), "L_M must be non-negative"),
    (lambda: s4.specialised_in_M(labour=0), "L must be positive, got L = 0"),
])
def test_bad_parameters_raise_value_error(call, message):
    with pytest.raises(ValueError, match=message):
        call()
