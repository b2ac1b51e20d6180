"""Section 4: the infant-industry claims against docs/model.md §7, the derivations, near misses, bad parameters.

Expected verdicts: docs/model.md §7, the table "| id | claim | expected |" (rows S4.1-S4.5).
"""

from dataclasses import replace

import numpy as np
import pytest
import sympy as sp

import proofs.section4 as P
from proofs import claims, decide_claim, get_claim
from proofs import load_paper

SPOT_CHECKS = dict(load_paper().spot_checks)
from symbolic import Status, Verdict, prove
from symbolic import section4 as s4

#: docs/model.md §7, the "expected" column of each table row
MODEL_EXPECTED = {"S4.1": "proved", "S4.2": "proved", "S4.3": "proved", "S4.4": "proved", "S4.5": "proved"}

a_T, a_M, p_T, p_M, L, g = s4.a_T, s4.a_M, s4.p_T, s4.p_M, s4.L, s4.g


def test_every_model_row_is_registered():
    assert [c.id for c in claims(["S4."])] == list(MODEL_EXPECTED)


@pytest.mark.parametrize("claim_id", list(MODEL_EXPECTED))
def test_claim_verdict_matches_the_model_table(claim_id):
    claim = get_claim(claim_id)
    assert claim.expected.value == MODEL_EXPECTED[claim_id]
    assert claim.expected_source == f"docs/model.md §7 (Section 4, infant industry), table row {claim_id}"
    assert claim.formalization == "project" and claim.place.startswith("Section 4") and claim.quote
    result = decide_claim(claim)
    assert result.status.value == MODEL_EXPECTED[claim_id], result.verdict
    assert result.verdict.seconds < 2.0


# -- the derivation --------------------------------------------------------------


def test_wages_come_from_the_firms_first_order_condition():
    assert s4.wage_in_T() == p_T * a_T
    assert s4.wage_in_M(L) == p_M * a_M * g(L)
    assert s4.wage_in_sector(3, sp.Rational(1, 2)) == sp.Rational(3, 2)
    assert s4.north_price_of_M() == 1 / (s4.a_MN * s4.g_N)
    assert s4.south_wage_in_M() == s4.a_MS * s4.g_S / (s4.a_MN * s4.g_N)


def test_equilibrium_is_no_gain_from_moving_at_the_allocation():
    # at the corners only the occupied sector's workers could move; a mover earns the other wage at the allocation
    assert s4.equilibrium(0) == sp.Le(p_M * a_M * g(0) - p_T * a_T, 0)
    assert s4.equilibrium(L) == sp.Le(p_T * a_T - p_M * a_M * g(L), 0)
    # in the interior both sectors have workers: both movers must not gain, i.e. the wages are equal
    interior = s4.equilibrium(L / 2)
    assert prove(sp.Equivalent(interior, sp.Eq(p_T * a_T, p_M * a_M * g(L / 2)))).status is Status.PROVED
    assert s4.gain_from_moving("T", 0) == p_M * a_M * g(0) - p_T * a_T


def test_the_claims_are_not_typed_conditions():
    # the statements are built from the derived condition, not from the paper's threshold twice
    statement = P.s41_obligations()[0].statement
    assert isinstance(statement, sp.Equivalent) and s4.equilibrium(0) in statement.args


def test_income_per_worker_at_the_corners_and_in_the_backward_mode():
    assert s4.income_per_worker(0) == p_T * a_T
    assert s4.income_per_worker(L) == p_M * a_M * g(L)
    assert s4.income_per_worker(L, agglomeration=s4.backward_mode()) == p_M * a_M * g(0)
    half = s4.income_per_worker(L / 2, agglomeration=sp.Lambda(sp.Symbol("x"), 1 + sp.Symbol("x")))
    assert sp.simplify(half - (p_T * a_T + p_M * a_M * (1 + L / 2)) / 2) == 0


def test_worked_agglomeration_traps_nobody_in_T_by_entry():
    worked = s4.worked_agglomeration(sp.Rational(1, 2))
    assert worked == sp.sqrt(s4.L_M)
    assert s4.specialised_in_T(worked) is sp.true  # g(0) = 0: a lone entrant in M produces nothing
    assert s4.specialised_in_M(4, worked) == sp.Le(a_T * p_T - 2 * a_M * p_M, 0)


def test_strong_agglomeration_low_price_equals_weak_agglomeration_high_price():
    strong = s4.south_wage_in_M(a_MS=1, g_S=8, a_MN=2, g_N=16)
    weak = s4.south_wage_in_M(a_MS=1, g_S=1, a_MN=2, g_N=2)
    assert strong == weak == sp.Rational(1, 4)


def test_g_at_other_points_is_refused_by_the_two_value_reduction():
    assert s4.at_allocations(g(0) + g(L)) == s4.g_0 + s4.g_L
    with pytest.raises(ValueError, match="not only at 0"):
        s4.at_allocations(g(L / 2))


# -- near misses: the same derivation with a wrong threshold is refuted ----------------------


WRONG = 2 * p_T * a_T


@pytest.mark.parametrize("claim_id, build", [
    ("S4.1", lambda: P.s41_obligations(WRONG)),
    ("S4.2", lambda: P.s42_obligations(WRONG)),
    ("S4.3", lambda: P.s43_obligations(p_T * a_T / 2)),  # a weaker hypothesis: the gain no longer follows
    ("S4.5", lambda: P.s45_obligations(WRONG)),
])
def test_a_wrong_threshold_is_refuted_with_a_concrete_increasing_g(claim_id, build):
    mutant = replace(get_claim(claim_id), build=build)
    result = decide_claim(mutant)
    assert result.status is Status.REFUTED, result.verdict
    assert "g(L) = 1 + L" in result.verdict.method  # stated as such
    # the counterexample is one for the abstract claim: g(L) = 1 + L is increasing and non-negative
    point = result.verdict.counterexample
    ob, v = next((ob, v) for ob, v in result.obligations if v.status is Status.REFUTED)
    concrete = ob.statement.replace(g, lambda x: 1 + x).doit()
    assert concrete.xreplace(point) is sp.false


def test_the_abstract_decision_of_a_wrong_threshold_is_unknown_without_a_family():
    from dataclasses import replace

    (ob, _) = P.s41_obligations(WRONG)
    assert replace(ob, families=()).decide().status is Status.UNKNOWN  # no point can be certified where g has no value
    assert ob.decide().status is Status.REFUTED  # with the family g(L) = 1 + L


@pytest.mark.parametrize("flip", [
    lambda: sp.Equivalent(s4.equilibrium(0), p_M * a_M * g(0) < p_T * a_T),   # strict for weak
    lambda: sp.Equivalent(s4.equilibrium(L), p_T * a_T < p_M * a_M * g(L)),   # strict for weak
    lambda: sp.Equivalent(s4.equilibrium(L), p_M * a_M * g(0) >= p_T * a_T),  # g(0) for g(L)
])
def test_flipped_or_shifted_inequalities_are_refuted(flip):
    ob = P._forall("mutant", flip())
    mutant = replace(get_claim("S4.1"), build=lambda: [ob])
    assert decide_claim(mutant).status is Status.REFUTED


def test_without_agglomeration_the_gain_from_substitution_is_not_automatic():
    # the naive claim without its condition: refuted with the worked form, unknown for an abstract g
    v = prove(s4.import_substitution_wage_gain() > 0)
    assert v.status is Status.UNKNOWN and "certif" in v.reason
    worked = s4.worked_agglomeration()
    v = prove(s4.import_substitution_wage_gain(s4.L, worked) > 0, [s4.gamma < 1])
    assert v.status is Status.REFUTED
    assert s4.import_substitution_wage_gain(s4.L, worked).xreplace(v.counterexample) <= 0


# -- spot checks -------------------------------------------------------------------------


@pytest.mark.parametrize("claim_id", list(MODEL_EXPECTED))
def test_spot_checks_evaluate_the_derived_conditions(claim_id):
    check = SPOT_CHECKS[claim_id](decide_claim(get_claim(claim_id)), 3000, 0)
    assert check.violations == 0 and check.samples >= 3000, check.detail


def test_a_spot_check_catches_a_wrong_threshold_claimed_proved():
    # the wrong S4.2 threshold, with a fake "proved" verdict: the draws on the paper's threshold refute it
    result = decide_claim(replace(get_claim("S4.2"), build=lambda: P.s42_obligations(WRONG)))
    fake = Verdict.make(Status.PROVED, result.claim.kind, "fake", 0.0)
    faked = replace(result, verdict=fake, obligations=tuple((ob, fake) for ob, _ in result.obligations))
    check = SPOT_CHECKS["S4.2"](faked, 3000, 0)
    assert check.violations > 0 and "DISAGREES" in check.detail


def test_the_sampler_puts_draws_on_both_thresholds():
    from numeric.paper_samplers import Section4Sampler
    from numeric.samplers import SamplingProblem

    problem = SamplingProblem.build([p_T, a_T, p_M, a_M, s4.g_0, s4.g_L])
    d = Section4Sampler().draw(problem, 4000, np.random.default_rng(1), exact=True)
    wage_T = d[p_T] * d[a_T]
    assert bool((wage_T == d[p_M] * d[a_M] * d[s4.g_0]).any())
    assert bool((wage_T == d[p_M] * d[a_M] * d[s4.g_L]).any())
    assert bool((d[s4.g_0] == 0).any()) and bool((d[s4.g_0] < d[s4.g_L]).all())


# -- the figure --------------------------------------------------------------------------


def test_figure_marks_the_equilibria_decided_exactly():
    from proofs.figures import section4_allocations, section4_wages

    assert [name for _, name in section4_allocations()] == ["everybody in T", "interior", "everybody in M"]
    # p_T a_T above the M wage everywhere: only specialisation in T
    assert [name for _, name in section4_allocations(value_T=10)] == ["everybody in T"]
    labels = [t.get_text() for t in section4_wages().axes[0].get_legend().get_texts()]
    assert "equilibrium, everybody in M ($L_M = 4$)" in labels  # mathtext: no identifier in the PDF


@pytest.mark.parametrize("call, message", [
    (lambda: s4.worked_agglomeration(gamma=2), "gamma must lie in \\(0, 1\\), got gamma = 2"),
    (lambda: s4.worked_agglomeration(gamma=0), "gamma must lie in \\(0, 1\\)"),
    (lambda: s4.wage_in_sector(-1, 1), "price must be positive, got price = -1"),
    (lambda: s4.wage_in_M(-3), "L_M must be non-negative"),
    (lambda: s4.specialised_in_M(labour=0), "L must be positive, got L = 0"),
    (lambda: s4.equilibrium(-1), "L_M must be non-negative"),
    (lambda: s4.wage("X"), "sector must be one of"),
])
def test_bad_parameters_raise_value_error(call, message):
    with pytest.raises(ValueError, match=message):
        call()
