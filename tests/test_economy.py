"""numeric.economy: the Section 7 general-equilibrium solver (docs/model.md §9.1).

The closed form of S7.sf.1 (derived in symbolic.section7) is the reference for
Cobb-Douglas; a technology with a finite marginal product at zero has inactive
sectors, checked against the first-order (Kuhn-Tucker) conditions; the three ways
of computing social returns agree (bounds contain the exact value).
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from numeric.economy import InputError, Technology, solve_economy
from numeric.kernels import compile_kernel
from symbolic import section7 as s7

CLOSED_GDP = compile_kernel(s7.equilibrium().gdp, (s7.labour_force, s7.aggregate, s7.sigma))
CLOSED_LABOUR = compile_kernel(s7.equilibrium().labour, (s7.labour_force, s7.value, s7.aggregate, s7.sigma))


def random_economy(rng, J, coordinated_share=0.3):
    return (rng.uniform(0.2, 5, J), rng.uniform(0.2, 5, J), np.where(rng.random(J) < 0.1, 1.0, rng.uniform(1, 3, J)),
            rng.random(J) < coordinated_share)


@pytest.mark.parametrize("beta", ["1/10", "1/3", "1/2", "2/3", "9/10"])
def test_agrees_with_the_closed_form_of_S7_sf_1_to_1e_12(beta):
    rng = np.random.default_rng(1)
    lS, lN, th, fl = random_economy(rng, 5000)
    eq = solve_economy(lS, lN, th, fl, beta=beta, labour=7.5)
    sigma = float(1 / (1 - Fraction(beta)))
    v = eq.price * eq.productivity
    S = float(np.sum(v ** sigma))
    assert abs(eq.gdp - CLOSED_GDP(7.5, S, sigma)) <= 1e-12 * eq.gdp
    assert np.max(np.abs(eq.labour - CLOSED_LABOUR(7.5, v, S, sigma))) <= 1e-12 * 7.5
    assert abs(eq.wage - float(Fraction(beta)) * eq.gdp / 7.5) <= 1e-12 * eq.wage
    assert eq.active.all() and eq.residual < 1e-13


def test_price_and_productivity_come_from_section5_and_coordination():
    eq = solve_economy(["3", "2"], ["1", "2"], ["3/2", "2"], ["1", "0"], beta="1/2")
    assert np.allclose(eq.price, [1 / 1.5, 1 / 4]) and np.allclose(eq.productivity, [4.5, 2])
    assert eq.exact_input


def test_social_returns_closed_form_exact_and_bounds_agree():
    rng = np.random.default_rng(2)
    lS, lN, th, fl = random_economy(rng, 300)
    closed = solve_economy(lS, lN, th, fl, beta="1/3")
    exact = solve_economy(lS, lN, th, fl, beta="1/3", gains="exact")
    bounds = solve_economy(lS, lN, th, fl, beta="1/3", gains="bounds")
    assert "closed form" in closed.gain_method and "re-solve" in exact.gain_method and np.isnan(exact.gain_error_bound).all() and "bounds" in bounds.gain_method
    scale = np.maximum(np.abs(closed.coordination_gain), 1e-12)
    assert np.max(np.abs(closed.coordination_gain - exact.coordination_gain) / scale) < 1e-7
    assert np.max(np.abs(closed.private_gain - exact.private_gain) / np.maximum(np.abs(closed.private_gain), 1e-12)) < 1e-7
    assert np.all(np.abs(bounds.coordination_gain - exact.coordination_gain)
                  <= bounds.gain_error_bound * (1 + 1e-9) + 1e-12)
    assert np.all(np.abs(bounds.private_gain - exact.private_gain)
                  <= bounds.private_gain_error_bound * (1 + 1e-9) + 1e-12)
    # coordinated sectors: the gain is what losing coordination would cost (positive when theta > 1)
    assert np.all(closed.coordination_gain[fl & (th > 1)] > 0) and np.all(closed.coordination_gain[th == 1] == 0)


def test_social_return_is_the_difference_of_two_solved_economies():
    eq = solve_economy(["6", "5", "9"], ["2", "2", "6"], ["3/2", "5/4", "3"], None, beta="1/2")
    for j in range(3):
        flags = [int(i == j) for i in range(3)]
        after = solve_economy(["6", "5", "9"], ["2", "2", "6"], ["3/2", "5/4", "3"], flags, beta="1/2")
        assert abs((after.gdp - eq.gdp) - eq.coordination_gain[j]) < 1e-14
    # the exact value from SymPy: S = 9 + 25/4*(4/5)^2... computed from the fixed economy at beta = 1/2
    v = [sp.Rational(6, 2) / sp.Rational(3, 2), sp.Rational(5, 2) / sp.Rational(5, 4), sp.Rational(9, 6) / 3]
    before = s7.fixed_economy(v, sp.Rational(1, 2), 1).gdp
    coordinated = s7.fixed_economy([sp.Integer(3)] + v[1:], sp.Rational(1, 2), 1).gdp
    assert abs(float(coordinated - before) - eq.coordination_gain[0]) < 1e-14


def test_inactive_sectors_satisfy_the_kuhn_tucker_conditions():
    rng = np.random.default_rng(3)
    lS, lN, th, fl = random_economy(rng, 400)
    tech = Technology.shifted("1/2")
    eq = solve_economy(lS, lN, th, fl, technology=tech, labour=3)
    assert 0 < eq.active.sum() < eq.J
    v = eq.price * eq.productivity
    vmp_at_labour = v * 0.5 * (1 + eq.labour) ** -0.5  # p F'(L) for A((1 + L)^(1/2) - 1)
    assert np.allclose(vmp_at_labour[eq.active], eq.wage, rtol=1e-10)
    assert np.all(v[~eq.active] * 0.5 <= eq.wage * (1 + 1e-12))  # inactive: marginal product at zero <= w
    assert abs(eq.labour.sum() - 3) < 1e-12 and eq.gain_method.startswith("re-solve")


def test_bounds_with_inactive_sectors_contain_the_exact_re_solve():
    # the shifted technology: sectors whose marginal product at zero is below the wage stay out; a sector
    # out before and after its own switch changes nothing (exactly 0); the others' bounds hold both ways
    rng = np.random.default_rng(7)
    lS, lN, th, fl = random_economy(rng, 80)
    tech = Technology.shifted("1/2")
    exact = solve_economy(lS, lN, th, fl, technology=tech, labour=2, gains="exact")
    bounds = solve_economy(lS, lN, th, fl, technology=tech, labour=2, gains="bounds")
    v_now = exact.price * exact.productivity
    v_other = np.where(fl, v_now / th, v_now * th)
    stays_out = (0.5 * v_now <= exact.wage) & (0.5 * v_other <= exact.wage)
    assert 0 < stays_out.sum() < 80 and fl.any() and (~fl).any() and (~exact.active).any()
    assert np.all(bounds.coordination_gain[stays_out] == 0) and np.all(bounds.gain_error_bound[stays_out] == 0)
    assert np.all(np.abs(exact.coordination_gain[stays_out]) <= 1e-12)
    assert np.all(np.abs(bounds.coordination_gain - exact.coordination_gain)
                  <= bounds.gain_error_bound * (1 + 1e-9) + 1e-12)
    assert np.all(np.abs(bounds.private_gain - exact.private_gain)
                  <= bounds.private_gain_error_bound * (1 + 1e-9) + 1e-12)


def test_a_technology_without_a_closed_form_inverse_uses_newton():
    A, L = sp.symbols("A L", positive=True)
    tech = Technology(A * (sp.sqrt(L) + sp.log(1 + L)), "sqrt plus log")
    from numeric.technology import compile_technology

    assert compile_technology(tech).demand is None
    eq = solve_economy([1, 2, 3], [1, 1, 1], [1, 2, 1], [0, 0, 0], technology=tech, labour=2)
    v = eq.price * eq.productivity
    vmp = v * (0.5 / np.sqrt(eq.labour) + 1 / (1 + eq.labour))
    assert np.allclose(vmp, eq.wage, rtol=1e-10) and abs(eq.labour.sum() - 2) < 1e-12


def test_the_equilibrium_maximises_gdp_at_world_prices():
    # S7.sf.2 numerically, for a technology with inactive sectors too
    rng = np.random.default_rng(4)
    lS, lN, th, fl = random_economy(rng, 12)
    for tech in (Technology.cobb_douglas("2/3"), Technology.shifted("1/3")):
        eq = solve_economy(lS, lN, th, fl, technology=tech, labour=2, gains="none")
        from numeric.technology import compile_technology

        output = compile_technology(tech).value_output
        for alloc in rng.dirichlet(np.ones(12), 200) * 2:
            assert float(np.sum(output(alloc, eq.price, eq.productivity))) <= eq.gdp * (1 + 1e-12)


def test_rows_in_any_order_give_the_same_result():
    rng = np.random.default_rng(5)
    lS, lN, th, fl = random_economy(rng, 50)
    a = solve_economy(lS, lN, th, fl)
    perm = rng.permutation(50)
    b = solve_economy(lS[perm], lN[perm], th[perm], fl[perm])
    assert abs(a.gdp - b.gdp) <= 1e-14 * a.gdp and abs(a.wage - b.wage) <= 1e-14 * a.wage
    assert np.allclose(a.coordination_gain[perm], b.coordination_gain, rtol=1e-12, atol=0)


def test_one_sector_and_all_coordinated():
    one = solve_economy([2], [1], [2], [0], beta="1/2", labour=4)
    assert abs(one.labour[0] - 4) < 1e-14 and abs(one.gdp - 2 * 0.5 * 2) < 1e-14
    assert abs(one.coordination_gain[0] - (4 - 2)) < 1e-13  # v from 1 to 2, times L^(1/2) = 2
    done = solve_economy([2, 1], [1, 1], [2, 3], [1, 1])
    assert done.ranking() == [] and np.all(done.coordination_gain > 0)


BAD = [
    (dict(lambda_S=[1, -2], lambda_N=[1, 1], theta=[1, 1]), "lambda_S[1]: must be positive"),
    (dict(lambda_S=[1, 2], lambda_N=[1], theta=[1, 1]), "ragged"),
    (dict(lambda_S=[1, 2], lambda_N=[1, 1], theta=[1, 0.5]), "theta[1]: must be >= 1"),
    (dict(lambda_S=[1, float("nan")], lambda_N=[1, 1], theta=[1, 1]), "must be finite"),
    (dict(lambda_S=[], lambda_N=[], theta=[]), "empty"),
    (dict(lambda_S=[1, 2], lambda_N=[1, 1], theta=[1, 1], coordinated=[0, 2]), "coordinated[1]: must be 0 or 1"),
    (dict(lambda_S=[1, 2], lambda_N=[1, 1], theta=[1, 1], beta="3/2"), "beta"),
    (dict(lambda_S=[1, 2], lambda_N=[1, 1], theta=[1, 1], labour=0), "labour"),
    (dict(lambda_S="12", lambda_N=[1, 1], theta=[1, 1]), "lambda_S"),
]


@pytest.mark.parametrize("kwargs, message", BAD, ids=[m for _, m in BAD])
def test_bad_input_names_the_field(kwargs, message):
    kwargs = dict(kwargs)
    args = [kwargs.pop(k) for k in ("lambda_S", "lambda_N", "theta")]
    with pytest.raises(InputError, match=message.replace("[", r"\[").replace("]", r"\]")):
        solve_economy(*args, **kwargs)


def test_a_convex_technology_is_refused():
    A, L = sp.symbols("A L", positive=True)
    with pytest.raises(InputError, match="concave"):
        solve_economy([1, 2], [1, 1], [1, 1], technology=Technology(A * (L + L ** 2)))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 9), st.integers(1, 9), st.integers(2, 8), st.booleans()), min_size=1,
                max_size=6),
       st.sampled_from(["1/2", "2/3"]))
def test_exact_small_economies_match_sympy(rows, beta):
    lS = [str(a) for a, _, _, _ in rows]
    lN = [str(b) for _, b, _, _ in rows]
    th = [f"{t}/2" for _, _, t, _ in rows]
    fl = [int(f) for *_, f in rows]
    eq = solve_economy(lS, lN, th, fl, beta=beta)
    v = [sp.Rational(a, b) * (1 if f else sp.Rational(2, t)) for a, b, t, f in rows]
    fixed = s7.fixed_economy(v, sp.Rational(beta), 1)
    assert abs(float(fixed.gdp) - eq.gdp) <= 1e-12 * eq.gdp
    assert abs(float(fixed.wage) - eq.wage) <= 1e-12 * eq.wage


def test_theta_just_above_one_keeps_its_exact_excess_and_below_one_is_refused():
    """An outside red team: theta = 1 + 10**-15 written exactly became the float 1.000000000000001 before
    log1p(theta - 1) (11 % off, with an error bound of 0), and 0.99999999999999999999 was taken as 1."""
    from decimal import Decimal

    eps = Fraction(1, 10**15)
    eq = solve_economy([2, 1], [1, 1], [1 + eps, 1], beta="1/2")
    # Y = sqrt(L S) with S = sum (p A)^2; coordinating sector 1 multiplies its (p A)^2 by theta^2 (p = 1/theta):
    # p A = lambda_S for a coordinated sector and lambda_S/theta uncoordinated, so the gain is
    # sqrt(4 + 1) - sqrt(4/theta^2 + 1), to first order 4 eps / sqrt(5)
    import mpmath

    with mpmath.workdps(50):
        th = mpmath.mpf(1) + mpmath.mpf(10) ** -15
        truth = mpmath.sqrt(5) - mpmath.sqrt(4 / th**2 + 1)
    ranked = eq.ranking()
    gain = float(eq.coordination_gain[0]) if 0 in ranked else None
    assert gain is not None and abs(gain - float(truth)) <= 1e-6 * float(truth)
    with pytest.raises(InputError, match=r"theta\[0\]"):
        solve_economy([2, 1], [1, 1], [Decimal("0.99999999999999999999"), 1])
