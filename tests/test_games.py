"""symbolic.games: equilibrium regions, replicator stability and welfare of binary-action games."""

from fractions import Fraction

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from symbolic import prove
from symbolic.games import PopulationGame, Profile, TwoPartyGame

A, C = sp.symbols("A C", positive=True)
n = sp.Symbol("n", nonnegative=True)
k = sp.Symbol("k", integer=True, nonnegative=True)
N = sp.Symbol("N", integer=True, positive=True)


@pytest.fixture
def spill():
    """The paper's spillover game (docs/model.md §1): modern A n - C, backward 1."""
    return PopulationGame(A * n - C, sp.Integer(1), n, adopt_name="modern", stay_name="backward")


def test_corner_regions_of_the_spillover_game(spill):
    assert spill.none_adopt().condition is sp.true  # -C <= 1 always (docs/model.md S2.spill.1)
    assert prove(sp.Equivalent(spill.all_adopt().condition, A - C >= 1)).status.value == "proved"
    assert spill.all_adopt().share == 1 and spill.none_adopt().share == 0


def test_interior_root_and_its_region(spill):
    (interior,) = spill.interior()
    assert sp.simplify(interior.share - (1 + C) / A) == 0
    assert sp.simplify(spill.gap(interior.share)) == 0
    assert prove(sp.Equivalent(interior.condition, A - C > 1)).status.value == "proved"
    assert [p.name for p in spill.profiles()] == ["none modern", "all modern", "interior"]


def test_replicator_stability_follows_the_gap_slope(spill):
    (interior,) = spill.interior()
    assert spill.replicator_field() == n * (1 - n) * (A * n - C - 1)
    assert spill.stable(spill.none_adopt()) is sp.true  # slope -(1 + C)
    assert prove(sp.Implies(A - C > 1, spill.unstable(interior))).status.value == "proved"
    assert prove(sp.Equivalent(spill.stable(spill.all_adopt()), A - C > 1)).status.value == "proved"


def test_constant_gap_gives_one_profile_for_every_interior_share():
    g = PopulationGame(A * n - C, 1 + A * n, n)
    (every,) = g.interior()
    assert every.name == "every interior share" and every.condition is sp.false
    flat = PopulationGame(sp.Integer(2), sp.Integer(2), n)
    assert flat.interior()[0].condition is sp.true


def test_welfare_common_payoff_and_pareto(spill):
    assert sp.expand(spill.welfare() - (n * (A * n - C) + 1 - n)) == 0
    (interior,) = spill.interior()
    assert sp.simplify(spill.common_payoff(interior) - 1) == 0  # both actions pay 1 at n*
    assert spill.pareto_dominates(spill.all_adopt(), spill.none_adopt()) == sp.Gt(A - C, 1)


def test_coordination_failure_without_multiple_equilibria():
    g = PopulationGame(A * n - C, 1 + A * n, n)
    statement = g.coordination_failure_without_multiplicity(g.none_adopt(), g.all_adopt())
    assert prove(sp.Implies(A - C > 1, statement), [n >= 0, n <= 1]).status.value == "proved"
    # without A - C > 1 nobody is better off at n = 1: refuted with an exact counterexample
    v = prove(statement, [n >= 0, n <= 1])
    assert v.status.value == "refuted"
    assert v.counterexample[A] - v.counterexample[C] <= 1


def test_finite_population_switch_moves_the_count():
    dp, dc = sp.symbols("dp dc", positive=True)
    g = PopulationGame(dp * k / N - dc, dp * k / N, k, players=N)
    assert sp.simplify(g.switch_gain(k) - (dp / N - dc)) == 0
    assert g.top == N and not g.continuum
    assert prove(sp.Equivalent(g.all_adopt().condition, N * dc <= dp), [N >= 2]).status.value == "proved"
    with pytest.raises(ValueError, match="continuum"):
        g.interior()
    with pytest.raises(ValueError, match="continuum"):
        g.replicator_field()


def test_bad_inputs_raise():
    with pytest.raises(ValueError, match="players must be an integer >= 2"):
        PopulationGame(n, n, n, players=1)
    with pytest.raises(TypeError, match="share must be a SymPy Symbol"):
        PopulationGame(n, n, 2 * n)
    with pytest.raises(TypeError, match="adopt must be a SymPy expression"):
        PopulationGame(sp.Eq(n, 1), n, n)
    with pytest.raises(ValueError, match="action must be"):
        PopulationGame(n, n, n).payoff("invest", 0)
    with pytest.raises(ValueError, match="each of the profiles"):
        TwoPartyGame((((1, 1), (1, 1)),))


def test_stag_hunt_regions_and_dominance():
    r1, c1, r2, c2 = sp.symbols("r_1 c_1 r_2 c_2", positive=True)
    g = TwoPartyGame.stag_hunt((r1, c1), (r2, c2), names=("airport", "hotels"))
    assert g.equilibrium(1, 1) == sp.And(sp.Ge(r1, c1), sp.Ge(r2, c2))
    assert g.equilibrium(0, 0) is sp.true
    assert g.equilibrium(1, 0) is sp.false  # -c_1 < 0: a lone investor loses
    assert g.surplus(1, 1) == r1 - c1 + r2 - c2
    dominance = g.pareto_dominates((1, 1), (0, 0))
    assert prove(sp.Implies(sp.And(r1 > c1, r2 > c2), dominance)).status.value == "proved"


def test_latex_rendering():
    p = Profile("all modern", sp.Integer(1), sp.Ge(A - C, 1))
    assert p._repr_latex_() == r"$\text{all modern } (1):\ A - C \geq 1$"
    g = PopulationGame(A * n - C, sp.Integer(1), n)
    assert g._repr_latex_().startswith(r"$\begin{array}{l} \text{none adopt } (0):\ \text{True}")


# -- property: the regions agree with a direct check of the definition ------------

_q = st.fractions(min_value=-5, max_value=5, max_denominator=7)


@settings(max_examples=60, deadline=None)
@given(a0=_q, a1=_q, b0=_q, b1=_q)
def test_regions_match_brute_force_on_linear_games(a0, a1, b0, b1):
    """Each returned profile's condition equals the definition evaluated directly, in exact arithmetic."""
    to = sp.Rational
    g = PopulationGame(to(a0) + to(a1) * n, to(b0) + to(b1) * n, n)

    def gap(x):
        return (a0 + a1 * x) - (b0 + b1 * x)

    assert bool(g.none_adopt().condition) == (gap(Fraction(0)) <= 0)
    assert bool(g.all_adopt().condition) == (gap(Fraction(1)) >= 0)
    for p in g.interior():
        if p.name == "interior":
            x = Fraction(str(p.share))
            assert gap(x) == 0
            assert bool(p.condition) == (0 < x < 1)
            if 0 < x < 1:
                # replicator field n(1-n)gap(n) changes sign across an interior root: stable iff it falls
                eps = Fraction(1, 10**6)
                falls = gap(x + eps) < 0 < gap(x - eps)
                assert bool(g.stable(p)) == falls


def test_gap_forms_are_the_readable_conditions_as_derived():
    from symbolic import section2 as s2

    games = [s2.spillover_game(), s2.spillover_game(backward_spillover=True), s2.brand_game(), s2.training_game()]
    for g in games:
        for p in (g.none_adopt(), g.all_adopt()):
            # never a constant, always a comparison of a payoff gap with zero
            assert not isinstance(p.derived, sp.logic.boolalg.BooleanAtom), (g, p)
            assert all(rel.rhs == 0 for rel in p.derived.atoms(sp.core.relational.Relational))
            assert prove(sp.Equivalent(p.condition, p.derived), [N >= 2]).status.value == "proved", p
    hunt = s2.infrastructure_game()
    for a in (0, 1):
        for b in (0, 1):
            derived = hunt.equilibrium(a, b, gap_form=True)
            assert not isinstance(derived, sp.logic.boolalg.BooleanAtom)
            assert prove(sp.Equivalent(hunt.equilibrium(a, b), derived), [s2.phi <= 1]).status.value == "proved"


def test_payoff_gap_unevaluated_keeps_both_payoffs():
    g = PopulationGame(A * n - C, 1 + A * n, n)
    assert g.gap() == -C - 1
    kept = g.gap(evaluate=False)
    assert kept.has(A) and sp.expand(kept) == -C - 1
