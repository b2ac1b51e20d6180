"""Section 5: the model's derived conditions and every S5 claim against MODEL.md §8."""

from __future__ import annotations

import pytest
import sympy as sp

from proofs import claims, decide_claim, get_claim
from symbolic import Status
from symbolic import section5 as m
from symbolic.certify import holds

# MODEL.md §8, table "| id | claim | expected |": the expected verdicts, copied as data
EXPECTED = {
    "S5.1": "proved", "S5.2": "proved", "S5.3": "proved", "S5.4": "proved", "S5.5": "proved",
    "S5.6": "refuted", "S5.7a": "refuted", "S5.7b": "witness", "S5.8": "proved", "S5.9": "proved",
    "S5.10": "refuted", "S5.11": "proved", "S5.12": "proved", "S5.13": "proved", "S5.14": "refuted",
    "S5.15": "proved", "S5.16": "proved", "S5.17": "proved", "S5.19": "proved", "S5.18": "proved",
}


def test_every_model_claim_is_registered_once():
    assert sorted(c.id for c in claims(["S5"])) == sorted(EXPECTED)


def test_registered_expectations_match_model_md():
    for cid, expected in EXPECTED.items():
        claim = get_claim(cid)
        assert claim.expected.value == expected, cid
        assert claim.expected_source.startswith("MODEL.md §8")
        assert claim.place.startswith("Section 5") and claim.assumptions


@pytest.mark.parametrize("cid", sorted(EXPECTED))
def test_claim_verdict_matches_model_md(cid, decided_claims):
    result = decided_claims[cid]
    assert result.status.value == EXPECTED[cid], result.verdict


def test_wages_are_derived_from_zero_profit():
    j = 3
    assert m.wage_coordinated(j) == m.lam_S(j) / m.lam_N(j)
    assert m.wage_uncoordinated(j) == m.lam_S(j) / (m.theta(j) * m.lam_N(j))
    # cost equals price at the derived wage, with and without coordination
    for coordinated in (True, False):
        w = m.derive_wage(j, coordinated)
        assert sp.simplify(m.unit_cost(j, coordinated, w) - m.world_price(j)) == 0


def test_condition_star_is_the_deviation_to_sector_one():
    # no profitable deviation from E(k,C) to sector 1, rearranged, is weak (*)
    k = 4
    margin = m.deviation_margin(k, True, 1)
    # margin = (theta_1 - ratio) / (theta_1 * lambda_1N * ratio): same sign as theta_1 - ratio
    ratio = m.star_ratio(k)
    assert sp.simplify(margin - (m.theta(1) - ratio) / (m.theta(1) * m.lam_N(1) * ratio)) == 0
    point = {m.lam_S(1): 2, m.lam_N(1): 1, m.lam_S(k): 1, m.lam_N(k): 1, m.theta(1): 2, m.theta(k): 1}
    assert margin.subs(point) == 0  # (*) at equality: the deviator breaks even
    assert holds(m.condition_star(k, strict=False), point) and not holds(m.condition_star(k), point)


def test_s54_generic_argument_uses_minimal_sets_of_assumptions():
    # the engine's core is irredundant: it suffices, and dropping any member breaks the proof
    from proofs.registry import Obligation

    obligations = [ob for ob in get_claim("S5.4").obligations() if ob.role == "decision"]
    for ob in obligations:
        core = ob.decide(core=True).core
        named = dict(ob.assumptions)
        only = Obligation.forall(ob.label, ob.statement, {n: named[n] for n in core})
        assert only.decide().status is Status.PROVED, ob.label
        for drop in core:
            fewer = Obligation.forall(ob.label, ob.statement, {n: named[n] for n in core if n != drop})
            assert fewer.decide().status is not Status.PROVED, (ob.label, drop)


def test_s54_hand_proof_assumptions_suffice():
    # ENGINE-NOTES.md: 1<j<k uses A2 between 1 and j; 1<k<j uses A1 between k and j and theta_j >= 1
    from proofs.registry import Obligation

    hand = {"1 < j < k": ["A2(1,j)"], "1 < k < j": ["A1(k,j)", "theta_j >= 1"]}
    for ob in get_claim("S5.4").obligations():
        for case, names in hand.items():
            if case in ob.label:
                named = dict(ob.assumptions)
                assert Obligation.forall(ob.label, ob.statement, {n: named[n] for n in names}).decide().status \
                    is Status.PROVED


def test_s54_cross_checks_every_J_up_to_12(decided_claims):
    result = decided_claims["S5.4"]
    cross = [(ob, v) for ob, v in result.obligations if ob.role == "cross-check"]
    assert [ob.label.split(":")[0] for ob, _ in cross] == [f"fixed J = {J}" for J in range(2, 13)]
    assert all(v.status is Status.PROVED for _, v in cross)


@pytest.mark.parametrize("cid", ["S5.6", "S5.10"])
def test_refutations_sit_exactly_on_the_boundary_of_star(cid, decided_claims):
    ce = decided_claims[cid].verdict.counterexample
    ties = [k for k in range(2, 5)
            if sp.simplify(m.star_ratio(k).subs(ce) - m.theta(1).subs(ce)) == 0]
    assert ties, "a counterexample must have (*) at equality for some k"
    for k in ties:
        assert holds(m.equilibrium(k, True, m.sectors(4)), ce)
        if cid == "S5.10":
            assert m.wage_uncoordinated(1).subs(ce) == m.wage_coordinated(k).subs(ce)


def test_s57b_witness_has_no_coordination_gain_in_its_sector(decided_claims):
    w = decided_claims["S5.7b"].verdict.witness
    S = m.sectors(4)
    assert any(w[m.theta(k)] == 1 and holds(m.equilibrium(k, True, S), w) for k in S[1:])
    assert holds(m.assumption_A1(S), w)
    assert not holds(m.assumption_A2(S), w)  # A2 must fail: with A2 no such instance exists


def test_bad_sector_labels_raise():
    with pytest.raises(ValueError, match="at least 2"):
        m.sectors(1)
    with pytest.raises(TypeError):
        m.sectors(2.5)
    with pytest.raises(ValueError, match="sector label"):
        m.lam_S(0)
    with pytest.raises(ValueError, match="not among"):
        m.equilibrium(7, True, m.sectors(3))


def test_decide_claim_does_not_read_the_expected_verdict():
    # the same claim with its expectation flipped is decided the same way
    from dataclasses import replace

    claim = get_claim("S5.6")
    flipped = replace(claim, expected=Status.PROVED)
    assert decide_claim(flipped).status is Status.REFUTED
    assert not decide_claim(flipped).as_expected
