"""Section 2: every S2 claim's computed verdict against docs/model.md §1-§6, the derivations, and bad parameters."""

import time
from dataclasses import replace as _replace

import pytest
import sympy as sp

from proofs import load_paper
from sympy.core.relational import Relational

from proofs import claims, decide_claim, get_claim
from symbolic import Status, Verdict, prove
from symbolic import section2 as s2
from symbolic.obligation import decide_obligation

#: docs/model.md §1-§6, the "expected" column of each table row
MODEL_EXPECTED = {
    # §1 knowledge spillovers
    "S2.spill.1": "proved", "S2.spill.2": "proved", "S2.spill.3": "proved", "S2.spill.4": "proved",
    "S2.spill.5": "proved", "S2.spill.6": "proved", "S2.spill.7": "proved",
    # §1 variant: spillovers reach backward firms
    "S2.spill2.1": "proved", "S2.spill2.2": "proved", "S2.spill2.3": "proved", "S2.spill2.4": "proved",
    # §2 country brand
    "S2.brand.1": "proved", "S2.brand.2": "proved", "S2.brand.3": "proved", "S2.brand.4": "proved",
    "S2.brand.5": "proved",
    # §3 foot-and-mouth (S2.fmd.1 is "proved (derived)")
    "S2.fmd.1": "proved", "S2.fmd.2": "proved", "S2.fmd.3": "proved", "S2.fmd.4": "proved", "S2.fmd.5": "proved",
    # §4 division of labour (S2.dol.1 is "proved (derived)"; S2.dol.5a is refuted at the threshold tie)
    "S2.dol.1": "proved", "S2.dol.2": "proved", "S2.dol.3": "proved", "S2.dol.4": "proved", "S2.dol.5a": "refuted",
    "S2.dol.5b": "proved",
    # §5 training
    "S2.train.1": "proved", "S2.train.2": "proved", "S2.train.3": "proved",
    # §6 infrastructure
    "S2.infra.1": "proved", "S2.infra.2": "proved", "S2.infra.3": "proved", "S2.infra.4": "proved",
}

#: claims docs/model.md takes from the paper's own model; every other S2 claim is the project's formalization
PAPER_MODEL = {"S2.spill.1", "S2.spill.2", "S2.spill.3", "S2.spill2.1", "S2.spill2.2", "S2.spill2.3"}


def test_every_model_row_is_registered_in_paper_order():
    ids = [c.id for c in claims(["S2."])]
    assert ids == list(MODEL_EXPECTED)


@pytest.mark.parametrize("claim_id", list(MODEL_EXPECTED))
def test_claim_verdict_matches_model(claim_id):
    claim = get_claim(claim_id)
    assert claim.expected.value == MODEL_EXPECTED[claim_id]
    assert claim.expected_source.startswith("docs/model.md §")
    assert claim.expected_source.endswith(f"table row {claim_id}")
    assert claim.section == "2" and claim.place.startswith("Section")
    assert claim.formalization == ("paper" if claim_id in PAPER_MODEL else "project")
    start = time.perf_counter()
    result = decide_claim(claim)
    assert time.perf_counter() - start < 8.0  # at most about a second each; 8 s only guards against a blow-up
    assert result.status.value == MODEL_EXPECTED[claim_id], result.verdict
    if result.status.value == "proved":
        assert all(v.status.value == "proved" for _, v in result.obligations)
    else:  # refuted: every decision that is not proved is refuted, and so is every cross-check
        assert all(v.status.value == "refuted" for _, v in result.obligations)


# -- derivations ------------------------------------------------------------------


def test_spillover_derivations():
    g = s2.spillover_game()
    (interior,) = g.interior()
    assert sp.simplify(interior.share - (1 + s2.C) / s2.A) == 0
    assert s2.spillover_game(backward_spillover=True).gap() == -s2.C - 1
    assert s2.spillover_game(A=3, C=1).all_adopt().condition is sp.true
    assert s2.spillover_game(A=2, C=3 / sp.Integer(2)).all_adopt().condition is sp.false


def test_brand_switch_gain_is_independent_of_the_others():
    g = s2.brand_game()
    gains = {sp.simplify(g.switch_gain(j)) for j in (0, 1, s2.k)}
    assert gains == {s2.Delta_p / s2.N - s2.Delta_c}
    numeric = s2.brand_game(N=4, p_L=1, c_L=1, Delta_p=2, Delta_c=1)
    assert numeric.all_adopt().condition is sp.false  # N = 4 > Delta_p/Delta_c = 2


def test_fmd_first_order_conditions_by_differentiation():
    assert s2.marginal_payoff() == s2.V * sp.Derivative(s2.P(s2.E), s2.E) - 1
    assert s2.marginal_payoff(s2.E, s2.worked_protection()) == s2.V * sp.exp(-s2.E) - 1
    assert s2.worked_nash_spending() == sp.log(s2.V)
    assert s2.worked_first_best_spending() == sp.log(s2.N * s2.V)
    assert s2.worked_first_best_spending(V=5, N=3) == sp.log(15)
    assert sp.simplify(s2.implementing_grant() - (1 - 1 / s2.N)) == 0
    assert s2.implementing_grant(N=4) == sp.Rational(3, 4)


def test_division_of_labour_derivations():
    a, w, F, L_M = s2.alpha, s2.w, s2.F, s2.L_M
    assert s2.dol_monopoly_price() == w / a
    assert sp.simplify(s2.free_entry_output() - a * F / (1 - a)) == 0
    assert sp.simplify(s2.variety_count() - (1 - a) * L_M / F) == 0
    assert s2.in_productivity_index(s2.modern_unit_cost()) == w / (a * s2.X)
    assert s2.in_productivity_index(s2.real_wage_modern()) == a * s2.X
    assert s2.modern_threshold() == a ** (a / (a - 1))
    # numbers: alpha = 1/2 gives price 2w, threshold (1/2)^(-1) = 2 varieties
    half = sp.Rational(1, 2)
    assert s2.dol_monopoly_price(alpha=half, w=1) == 2
    assert s2.modern_threshold(alpha=half) == 2
    assert s2.modern_unit_cost(varieties=2, alpha=half, w=1) == 1  # exactly at the threshold


def test_training_and_infrastructure_regions():
    g = s2.training_game()
    assert g.all_adopt().condition == sp.Ge(s2.Delta, s2.k_firm + s2.c_worker)
    numeric = s2.training_game(Delta=10, s=sp.Rational(1, 2), k=3, c=3)
    assert numeric.none_adopt().condition is sp.true and numeric.all_adopt().condition is sp.true
    infra = s2.infrastructure_game(N=4, pi=1, F=1, R=3, phi=sp.Rational(1, 2))
    assert infra.equilibrium(1, 1) is sp.false  # phi N pi = 2 < 3 = R
    assert infra.surplus(1, 1) > infra.surplus(0, 0)  # N pi = 4 > 3: worth building, lost


# -- negative controls: the engine refutes near-miss thresholds with exact points ------


def test_wrong_thresholds_are_refuted_exactly():
    g = s2.spillover_game()
    v = prove(sp.Equivalent(g.all_adopt().condition, s2.A - s2.C > 1))  # strict instead of weak
    assert v.status.value == "refuted" and v.counterexample[s2.A] - v.counterexample[s2.C] == 1
    brand = s2.brand_game()
    v = prove(sp.Equivalent(brand.all_adopt().condition, s2.N < s2.Delta_p / s2.Delta_c), [s2.N >= 2])
    assert v.status.value == "refuted"
    point = v.counterexample
    assert point[s2.N] * point[s2.Delta_c] == point[s2.Delta_p]
    infra = s2.infrastructure_game()
    v = prove(sp.Equivalent(infra.equilibrium(1, 1), s2.N_sectors * s2.pi >= s2.R), [s2.phi <= 1])
    assert v.status.value == "refuted"  # building is socially worth it but unprofitable


# -- bad parameters --------------------------------------------------------------


@pytest.mark.parametrize("call, message", [
    (lambda: s2.spillover_game(A=-1), "A must be positive, got A = -1"),
    (lambda: s2.spillover_game(C=0), "C must be positive, got C = 0"),
    (lambda: s2.spillover_game(subsidy=-1), "subsidy must be non-negative"),
    (lambda: s2.brand_game(N=1), "N must be an integer >= 2, got N = 1"),
    (lambda: s2.brand_game(N=sp.Rational(5, 2)), "N must be an integer >= 2"),
    (lambda: s2.brand_game(Delta_c=-2), "Delta_c must be positive"),
    (lambda: s2.producer_payoff(V=0), "V must be positive, got V = 0"),
    (lambda: s2.producer_payoff(grant=2), "grant must lie in \\[0, 1\\]"),
    (lambda: s2.worked_first_best_spending(N=1), "N must be an integer >= 2"),
    (lambda: s2.dol_monopoly_price(alpha=1.5), "alpha must lie in \\(0, 1\\), got alpha = 1.5"),
    (lambda: s2.dol_monopoly_price(alpha=1), "alpha must lie in \\(0, 1\\)"),
    (lambda: s2.free_entry_output(F=0), "F must be positive"),
    (lambda: s2.modern_unit_cost(varieties=-3), "m must be positive"),
    (lambda: s2.training_game(s=2), "s must lie in \\[0, 1\\], got s = 2"),
    (lambda: s2.training_game(Delta=0), "Delta must be positive"),
    (lambda: s2.infrastructure_game(phi=0), "phi must lie in \\(0, 1\\], got phi = 0"),
    (lambda: s2.infrastructure_game(phi=sp.Rational(3, 2)), "phi must lie in \\(0, 1\\]"),
    (lambda: s2.infrastructure_game(N=0), "N must be an integer >= 1"),
    (lambda: s2.complementary_investments((1, -1), (1, 1)), "cost must be positive"),
])
def test_bad_parameters_raise_value_error(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_non_numbers_raise_type_error():
    with pytest.raises(TypeError, match="A must be a number or a SymPy expression"):
        s2.spillover_game(A="two")


# -- numeric spot checks (proofs/spotchecks_s2s4.py) ----------------------------------


@pytest.mark.parametrize("claim_id", ["S2.spill.5", "S2.brand.3", "S2.fmd.2", "S2.fmd.5", "S2.dol.3", "S2.dol.4",
                                      "S2.dol.5a", "S2.dol.5b", "S2.infra.3"])
def test_spot_checks_agree_with_the_verdicts(claim_id):
    from proofs import Settings, load_paper
    from proofs.spotchecks import spot_check_claim

    check = spot_check_claim(load_paper(), decide_claim(get_claim(claim_id)), Settings(samples=2000))
    assert check.violations == 0 and check.samples >= 2000, check.detail


def test_every_s2_claim_has_a_spot_check():
    from proofs import Settings, load_paper
    from proofs.spotchecks import spot_check_claim

    for cid in ("S2.brand.2", "S2.dol.4"):
        assert spot_check_claim(load_paper(), decide_claim(get_claim(cid)), Settings(samples=500)).samples >= 500


def test_fmd_family_solutions_satisfy_their_first_order_conditions():
    import numpy as np

    from proofs.spotchecks_s2s4 import _dP, _solve_marginal

    b = np.array([0.5, 2.0, 0.5, 2.0])
    family = np.array([True, True, False, False])
    target = np.array([0.1, 0.3, 0.2, 0.05])
    E = _solve_marginal(target, b, family)
    assert np.all(E > 0) and np.allclose(_dP(E, b, family), target, rtol=1e-12)
    assert _solve_marginal(np.array([5.0]), np.array([1.0]), np.array([True]))[0] == 0  # P'(0) <= target: corner


# -- S2.dol: equilibrium conditions derived, the threshold in the statements (docs/model.md §4) ----


def test_dol_equilibrium_conditions_are_derived():
    a, w, F, L = s2.alpha, s2.w, s2.F, s2.L
    # no modern final producer: demand for a variety is zero, an entrant loses its fixed cost
    assert s2.variety_demand(sp.Symbol("p", positive=True), 0) == 0
    assert s2.variety_entry_profit(0) == -F * w
    # all-modern: modern unit cost at m = (1 - alpha) L/F against the backward cost w
    half = sp.Rational(1, 2)
    assert s2.all_modern_equilibrium(alpha=half) == sp.Le(4 * F * w / L - w, 0)
    assert s2.all_modern_equilibrium(labour=4, alpha=half, F=1, w=1) is sp.true  # 2 varieties needed, 2 supported
    assert s2.all_modern_equilibrium(labour=3, alpha=half, F=1, w=1) is sp.false  # 3/2 varieties: too few
    assert s2.backward_unit_cost() == w


def test_dol_statements_contain_the_threshold_in_L_F_alpha():
    from proofs.section2 import ALL_MODERN_VARIETIES, THRESHOLD

    for cid in ("S2.dol.4", "S2.dol.5b"):
        literal = [ob for ob in get_claim(cid).obligations() if ob.role == "decision"
                   and ob.statement.has(THRESHOLD) and ob.statement.has(s2.L)]
        assert literal, cid
    ob = next(ob for ob in get_claim("S2.dol.4").obligations() if ob.label.startswith("all-modern is an equilibrium"))
    assert ob.statement == sp.Equivalent(s2.all_modern_equilibrium(), ALL_MODERN_VARIETIES >= THRESHOLD)
    # the one step outside the engine is named as an assumption, never hidden
    assert any("X increasing" in name for name, _ in ob.assumptions)


def test_dol_substitution_facts_are_decisions():
    for cid in ("S2.dol.3", "S2.dol.4", "S2.dol.5b"):
        labels = [ob.label for ob in get_claim(cid).obligations() if ob.role == "decision"]
        assert sum(label.startswith("substitution:") for label in labels) == 4, cid


def test_dol_literal_statements_are_cross_checked_at_fixed_alpha(decided_claims):
    for cid in ("S2.dol.3", "S2.dol.4", "S2.dol.5a", "S2.dol.5b"):
        result = decided_claims[cid]
        cross = [(ob, v) for ob, v in result.obligations if ob.role == "cross-check"]
        assert len(cross) >= 3 and all(v.status is result.status for _, v in cross), cid
        # decided without any substitution: no X, no assumption beyond the symbols' positivity
        assert all(not ob.statement.has(s2.X) and not ob.assumptions for ob, _ in cross)


def test_dol5a_counterexample_is_the_threshold_tie(decided_claims):
    ce = decided_claims["S2.dol.5a"].verdict.counterexample  # alpha = 1/2: the threshold is 2 varieties
    half = sp.Rational(1, 2)
    assert ce[s2.L] == 4 * ce[s2.F]
    count = s2.variety_count(s2.L, half).xreplace(ce)
    assert count == 2 and s2.real_wage_modern(count, half) == 1
    assert s2.all_modern_equilibrium(s2.L, half).xreplace(ce) is sp.true


@pytest.mark.parametrize("wrong", [
    lambda a: 2 * a ** (-a / (1 - a)),     # a doubled threshold
    lambda a: a ** (a / (1 - a)),          # the exponent's sign flipped
])
def test_dol_wrong_thresholds_are_refuted_at_fixed_alpha(wrong):
    for a in (sp.Rational(1, 2), sp.Rational(2, 3)):
        count = (1 - a) * s2.L / s2.F
        v = prove(sp.Equivalent(s2.all_modern_equilibrium(s2.L, a), count >= wrong(a)))
        assert v.status.value == "refuted", (a, v)


def test_dol_near_misses_are_refuted():
    a, X = s2.alpha, s2.X
    in_X = s2.in_productivity_index(sp.Le(s2.modern_cost_gap(), 0))
    A = {"alpha < 1": a < 1}
    assert prove(sp.Equivalent(in_X, X > 1 / a), A).status.value == "refuted"  # strict for weak
    assert prove(sp.Equivalent(in_X, X >= 2 / a), A).status.value == "refuted"  # wrong threshold
    # "all-backward is an equilibrium only below the threshold" is refuted: it always is
    half = sp.Rational(1, 2)
    only_below = sp.Implies(s2.all_backward_equilibrium(half), (1 - half) * s2.L / s2.F < 2)
    assert prove(only_below).status.value == "refuted"


def test_dol5_spot_check_catches_a_wrong_proved_verdict(decided_claims):
    from dataclasses import replace

    SPOT_CHECKS = dict(load_paper().spot_checks)
    from symbolic import Status, Verdict
    import proofs.spotchecks_s2s4  # noqa: F401

    result = decided_claims["S2.dol.5a"]
    fake = Verdict.make(Status.PROVED, result.claim.kind, "fake", 0.0)
    check = SPOT_CHECKS["S2.dol.5a"](replace(result, verdict=fake), 2000, 0)
    assert check.violations > 0  # the exact ties on the threshold have real wage exactly 1


# -- obligations SymPy settles while building them: decided and spot-checked as derived ------------

#: the Section 2 obligations whose statement SymPy reduces to the constant True while building it (issue 11)
SETTLED = [(c.id, ob) for c in claims(["S2."]) for ob in c.obligations() if ob.settled_at_construction]

_NEGATION = {sp.GreaterThan: sp.StrictLessThan, sp.StrictGreaterThan: sp.LessThan, sp.LessThan: sp.StrictGreaterThan,
             sp.StrictLessThan: sp.GreaterThan, sp.Equality: sp.Unequality, sp.Unequality: sp.Equality}


def _near_misses(statement):
    """(what, mutant): each relation of ``statement`` negated (a wrong sign) or moved by one (a wrong threshold).

    Mutants SymPy settles to a constant while building them are left out: they would be refuted without any
    decision on the derived condition.
    """
    out = []
    for rel in sorted(statement.atoms(Relational), key=sp.srepr):
        kinds = [("sign", _NEGATION[type(rel)](rel.lhs, rel.rhs, evaluate=False))]
        kinds += [("threshold", type(rel)(rel.lhs + d, rel.rhs, evaluate=False)) for d in (1, -1)]
        for kind, wrong in kinds:
            mutant = statement.xreplace({rel: wrong})
            if not isinstance(mutant, sp.logic.boolalg.BooleanAtom):
                out.append((f"{kind}: {sp.sstr(rel)} -> {sp.sstr(wrong)}", mutant))
    return out


def _ids(pairs):
    return [f"{cid}: {ob.label}" for cid, ob in pairs]


def test_the_settled_obligations_are_the_ones_issue_11_lists():
    counts = {}
    for cid, _ in SETTLED:
        counts[cid] = counts.get(cid, 0) + 1
    # S2.fmd.4's Eq(log(N V), log(N V)) and S2.fmd.5's Eq((N - 1)/N, 1 - 1/N) are no longer settled by SymPy:
    # an equation with a side undefined somewhere (the integer N: SymPy's sign of N V is no proof) stays open,
    # and the engine decides it
    assert counts == {"S2.spill.1": 1, "S2.spill.2": 1, "S2.spill.4": 1, "S2.spill.6": 2, "S2.spill.7": 2,
                      "S2.spill2.1": 1, "S2.spill2.2": 2, "S2.spill2.3": 1, "S2.brand.5": 1, "S2.fmd.1": 2,
                      "S2.fmd.4": 1, "S2.train.1": 1, "S2.infra.1": 1, "S2.infra.4": 2}


def test_no_section2_obligation_is_settled_without_a_derived_form():
    for c in claims(["S2."]):
        for ob in c.obligations():
            if ob.settled_at_construction:
                assert ob.derived is not None and ob.reduction, (c.id, ob.label)
                assert ob.decided_statement is ob.derived


@pytest.mark.parametrize("cid, ob", SETTLED, ids=_ids(SETTLED))
def test_every_derived_form_is_non_constant_and_proved(cid, ob):
    derived = ob.derived
    assert not isinstance(derived, sp.logic.boolalg.BooleanAtom) and derived.free_symbols, derived
    assert derived.atoms(Relational), derived  # a comparison of derived quantities, not a bare symbol
    v = decide_obligation(ob)
    assert v.status is Status.PROVED, (cid, ob.label, v)
    assert any("decided as derived" in note for note in v.notes), v.notes


@pytest.mark.parametrize("cid, ob", SETTLED, ids=_ids(SETTLED))
def test_a_wrong_sign_in_every_derived_form_is_refuted(cid, ob):
    refuted = {}
    for what, mutant in _near_misses(ob.derived):
        v = decide_obligation(_replace(ob, derived=mutant))
        if v.status is Status.REFUTED:
            assert v.counterexample, what  # certified, exact
            refuted[what] = v
    assert any(w.startswith("sign") for w in refuted), (cid, ob.label, "no wrong sign refuted")


def test_wrong_thresholds_in_the_derived_forms_are_refuted():
    # gap forms against a threshold: moving the derived gap by one is refuted (exactly at the paper's threshold)
    tight = [(cid, ob) for cid, ob in SETTLED if isinstance(ob.derived, sp.Equivalent)]
    assert len(tight) >= 10
    for cid, ob in tight:
        shifted = [(w, m) for w, m in _near_misses(ob.derived) if w.startswith("threshold")]
        assert shifted and all(decide_obligation(_replace(ob, derived=m)).status is Status.REFUTED
                               for _, m in shifted), (cid, ob.label)


def test_derived_forms_are_built_from_the_model():
    g = s2.spillover_game()
    A, C, n = s2.A, s2.C, s2.n
    # the equilibrium conditions in gap form: each deviator's payoff gap against zero, never evaluated
    assert g.none_adopt().condition is sp.true and g.none_adopt().derived == sp.Le(-C - 1, 0, evaluate=False)
    assert g.all_adopt().condition == (A - C >= 1) and g.all_adopt().derived == sp.Ge(A - C - 1, 0, evaluate=False)
    ob = dict((o.label, o) for o in get_claim("S2.spill.4").obligations())["the root of the payoff gap is (1+C)/A"]
    assert ob.derived == sp.Equivalent(sp.Eq(g.gap(), 0, evaluate=False), sp.Eq(n, (1 + C) / A))
    # a wrong model gives a derived form the engine refutes: backward output 2 instead of 1
    wrong = s2.spillover_game().__class__(adopt=A * n - C, stay=sp.Integer(2), share=n)
    assert prove(sp.Equivalent(wrong.all_adopt().derived, A - C >= 1)).status is Status.REFUTED
    # the brand game (N players) and the stag hunt have gap forms too
    brand = s2.brand_game()
    assert brand.all_adopt().derived.free_symbols >= {s2.N, s2.Delta_p, s2.Delta_c}
    infra = s2.infrastructure_game()
    assert infra.equilibrium(0, 0) is sp.true
    assert infra.equilibrium(0, 0, gap_form=True) == sp.And(sp.Ge(s2.R, 0, evaluate=False),
                                                             sp.Ge(s2.F_sector, 0, evaluate=False))


def test_derive_shows_the_derived_condition_and_the_reduction(decided_claims):
    from proofs.derive import derive

    steps = derive(decided_claims["S2.spill.2"], with_assumption_use=False).steps
    gap = sp.Ge(s2.A - s2.C - 1, 0, evaluate=False)
    decided = next(s for s in steps if s.text.endswith("For all admissible parameters"))
    assert gap in decided.math.atoms(Relational)  # the gap form, as the engine decided it
    reduction = next(s for s in steps if s.text.startswith("The derived condition and the stated one coincide"))
    assert "A - C - 1 >= 0" in reduction.text and not reduction.has_math  # said in words, no lone 'True' display
    assert "Equivalent(" not in reduction.text and "True" not in reduction.text


def _fake_proved(ob, mutant):
    return _replace(ob, derived=mutant), Verdict.make(Status.PROVED, ob.kind, "planted", 0.0)


@pytest.mark.parametrize("cid, ob", SETTLED, ids=_ids(SETTLED))
def test_the_spot_check_evaluates_each_derived_form(cid, ob):
    """A wrong derivation, planted as 'proved', is caught on the draws: the check evaluates the derived quantities."""
    from numeric.obligation_checks import spot_check

    caught = []
    for what, mutant in _near_misses(ob.derived):
        if decide_obligation(_replace(ob, derived=mutant)).status is not Status.REFUTED:
            continue
        out = spot_check([_fake_proved(ob, mutant)], samples=2000, exact_samples=100, seed=0)
        if out.violations:
            caught.append(what)
    assert caught, (cid, ob.label)


@pytest.mark.parametrize("cid", sorted({cid for cid, _ in SETTLED}))
def test_planting_a_wrong_derivation_in_a_claim_is_caught_by_its_spot_check(cid, decided_claims):
    from proofs import Settings, load_paper
    from proofs.spotchecks import spot_check_claim

    result = decided_claims[cid]
    honest = spot_check_claim(load_paper(), result, Settings(samples=2000))
    assert honest.violations == 0, honest.detail
    planted = []
    for ob, v in result.obligations:
        if ob.settled_at_construction:
            mutant = next(m for w, m in _near_misses(ob.derived) if w.startswith("sign"))
            ob, v = _fake_proved(ob, mutant)
        planted.append((ob, v))
    check = spot_check_claim(load_paper(), _replace(result, obligations=tuple(planted)), Settings(samples=2000))
    assert check.violations > 0, check.detail
