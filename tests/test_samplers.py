"""Samplers: admissible by construction, reproducible, and on the boundaries (docs/model.md §8, errata)."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
import sympy as sp

from numeric.exact import RationalArray
from numeric.kernels import compile_conjunction
from numeric.paper_samplers import Section5Sampler, section5_structure
from numeric.samplers import BoundsSampler, SamplingProblem
from symbolic import section5 as s5


def _section5_obligations():
    from proofs import claims

    return [(c.id, ob) for c in claims(["S5"]) for ob in c.obligations()]


def _problem(ob):
    atoms = tuple(a for _, a in ob.assumptions)
    symbols = set(ob.statement.free_symbols).union(*[a.free_symbols for a in atoms])
    s5_symbols = [s for s in symbols if Section5Sampler().owns(s)]
    return SamplingProblem.build(s5_symbols, atoms, (ob.statement,)), atoms


@pytest.mark.parametrize("claim_id, ob", _section5_obligations(), ids=lambda x: x if isinstance(x, str) else "")
def test_every_section5_obligation_gets_admissible_draws(claim_id, ob):
    problem, atoms = _problem(ob)
    if not problem.symbols:
        pytest.skip("no Section 5 symbols")
    own_atoms = problem.atoms  # atoms over other symbols (vartheta) are the fallback's
    kernel = compile_conjunction(own_atoms, problem.symbols)
    sampler = Section5Sampler()
    floats = sampler.draw(problem, 4000, np.random.default_rng(1))
    ok = kernel(*[floats[s] for s in problem.symbols])
    # by construction; a float near-tie may round onto the boundary, nothing else may fail
    assert ok.mean() > 0.995, f"{claim_id} {ob.label}: {ok.mean():.4f} admissible"
    exact = sampler.draw(problem, 200, np.random.default_rng(2), exact=True)
    assert kernel.exact(*[exact[s] for s in problem.symbols]).all(), f"{claim_id} {ob.label}"


def test_draws_are_reproducible_from_the_seed():
    S = s5.sectors(4)
    problem = SamplingProblem.build(s5.model_symbols(S), s5.standing_assumptions(S).values())
    a = Section5Sampler().draw(problem, 100, np.random.default_rng(5))
    b = Section5Sampler().draw(problem, 100, np.random.default_rng(5))
    c = Section5Sampler().draw(problem, 100, np.random.default_rng(6))
    assert all((a[s] == b[s]).all() for s in problem.symbols)
    assert not all((a[s] == c[s]).all() for s in problem.symbols)


def test_exact_draws_land_on_the_papers_boundaries():
    """theta_k = 1, condition (*) at equality, and A1/A2 near-ties all occur, exactly."""
    S = s5.sectors(4)
    problem = SamplingProblem.build(s5.model_symbols(S), s5.standing_assumptions(S).values())
    d = Section5Sampler().draw(problem, 2000, np.random.default_rng(3), exact=True)
    fr = {s: d[s].to_fractions() for s in problem.symbols}
    r = {j: [a / b for a, b in zip(fr[s5.lam_S(j)], fr[s5.lam_N(j)])] for j in S}
    theta = {j: fr[s5.theta(j)] for j in S}
    n = 2000
    star_equal = sum(any(r[1][i] / r[k][i] == theta[1][i] for k in S[1:]) for i in range(n))
    theta_one = sum(any(theta[k][i] == 1 for k in S) for i in range(n))
    near_tie = sum(any(0 < (r[a][i] - r[a + 1][i]) / r[a][i] < Fraction(1, 10**6) for a in S[:-1]) for i in range(n))
    assert star_equal > 50 and theta_one > 300 and near_tie > 20, (star_equal, theta_one, near_tie)


def test_structure_is_read_from_the_assumption_atoms():
    generic = section5_structure(("1", "j", "k"), s5.standing_assumptions(("1", "k", "j")).values())
    assert generic.order == ("1", "k", "j") and generic.A1 and generic.A2 and generic.theta_ge_1
    only_a2 = section5_structure((1, 2, 3), s5.standing_assumptions((1, 2, 3), A1=False, theta_ge_1=False).values())
    assert (only_a2.A1, only_a2.A2, only_a2.theta_ge_1) == (False, True, False)
    mono = section5_structure((1, 2), [s5.theta_nondecreasing((1, 2))])
    assert mono.theta_nondecreasing and mono.unrecognised == ()
    odd = section5_structure((1, 2), [s5.lam_S(1) > 2])
    assert odd.unrecognised == (s5.lam_S(1) > 2,)


def test_bounds_sampler_reads_bounds_and_hits_them_exactly():
    x = sp.Symbol("x", positive=True)
    y = sp.Symbol("y", real=True)
    problem = SamplingProblem.build([x, y], [x >= 2, x < 5, y <= -1])
    d = BoundsSampler().draw(problem, 2000, np.random.default_rng(0))
    assert ((d[x] >= 2) & (d[x] < 5)).all() and (d[y] <= -1).all()
    assert (d[x] == 2).any() and (d[y] == -1).any() and not (d[x] == 5).any()
    e = BoundsSampler().draw(problem, 300, np.random.default_rng(0), exact=True)
    assert all(Fraction(2) <= v < 5 for v in e[x].to_fractions())


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=40, deadline=None)
@given(J=st.integers(2, 8), A1=st.booleans(), A2=st.booleans(), theta_ge_1=st.booleans(),
       seed=st.integers(0, 2**32 - 1))
def test_any_combination_of_standing_assumptions_is_met_exactly(J, A1, A2, theta_ge_1, seed):
    S = s5.sectors(J)
    atoms = tuple(s5.standing_assumptions(S, A1=A1, A2=A2, theta_ge_1=theta_ge_1).values())
    problem = SamplingProblem.build(s5.model_symbols(S), atoms)
    d = Section5Sampler().draw(problem, 64, np.random.default_rng(seed), exact=True)
    if atoms:
        assert compile_conjunction(atoms, problem.symbols).exact(*[d[s] for s in problem.symbols]).all()
    assert all((d[s] > 0).all() for s in problem.symbols)  # every parameter positive


def test_bounds_sampler_puts_a_share_of_draws_on_an_equation_of_the_statement():
    # the point a statement is about (a root, the hypothesis of an implication) is drawn exactly, not by chance
    A, C, n = sp.symbols("A C n", positive=True)
    root = (1 + C) / A
    problem = SamplingProblem.build([A, C, n], statements=[sp.Implies(sp.Eq(n, root), A * n - C - 1 <= 0)])
    exact = BoundsSampler().draw(problem, 400, np.random.default_rng(3), exact=True)
    on = [nv == (1 + cv) / av for av, cv, nv in zip(*(exact[s].to_fractions() for s in (A, C, n)))]
    assert 0.2 < sum(on) / len(on) < 0.8  # a share, not all: the other draws test the rest of the statement
    floats = BoundsSampler().draw(problem, 4000, np.random.default_rng(3), boundary_share=0.1)
    near = np.isclose(floats[n], (1 + floats[C]) / floats[A], rtol=1e-15)
    assert 0.05 < near.mean() < 0.2


def test_equation_placement_respects_the_symbols_own_assumptions():
    k = sp.Symbol("k", integer=True, nonnegative=True)
    N = sp.Symbol("N", integer=True, positive=True)
    x = sp.Symbol("x", nonnegative=True)
    problem = SamplingProblem.build([k, N, x], [N >= 2], [sp.Implies(sp.Eq(k, N / 2), k > 0),
                                                          sp.Implies(sp.Eq(x, -N), x > 0)])
    d = BoundsSampler().draw(problem, 2000, np.random.default_rng(0), exact=True)
    ks, Ns, xs = (d[s].to_fractions() for s in (k, N, x))
    assert all(v.denominator == 1 for v in ks) and all(v >= 0 for v in xs)  # never k = N/2 for odd N, never x < 0
    assert any(kv == Nv / 2 and Nv % 2 == 0 for kv, Nv in zip(ks, Ns))


def test_an_equation_is_solved_for_a_symbol_it_is_linear_in_so_exact_draws_land_on_it():
    # Nash and first-best conditions with P(E) = E/(1 + E): V = (1 + E_N)**2, then N = (1 + E*)**2 / V -- rational
    # functions, so exact draws meet both conditions exactly (a float on sqrt(V) - 1 would meet it only within
    # rounding, and a failure there could never be confirmed)
    from numeric.samplers import _equations

    N = sp.Symbol("N", positive=True)
    V, E_N, E_s = sp.symbols("V E_N E_star", positive=True)
    nash, best = sp.Eq(V / (1 + E_N) ** 2, 1), sp.Eq(N * V / (1 + E_s) ** 2, 1)
    problem = SamplingProblem.build([N, V, E_N, E_s], [N >= 2, nash, best], [E_s >= E_N])
    placed = {sym: value for sym, value, share in _equations(problem) if share == 1}
    assert placed == {V: (1 + E_N) ** 2, N: (1 + E_s) ** 2 / (1 + E_N) ** 2} or \
        placed == {V: E_N**2 + 2 * E_N + 1, N: (E_s**2 + 2 * E_s + 1) / V}
    d = BoundsSampler().draw(problem, 400, np.random.default_rng(0), exact=True)
    Vs, Ns, Es, Ss = (d[s].to_fractions() for s in (V, N, E_N, E_s))
    both = [v == (1 + e) ** 2 and n * v == (1 + t) ** 2 for v, n, e, t in zip(Vs, Ns, Es, Ss)]
    assert sum(both) > 100  # both conditions (conjuncts of the assumptions) hold exactly, on every draw they can
    x = sp.Symbol("x", positive=True)  # an irrational root is never placed
    assert _equations(SamplingProblem.build([x], statements=[sp.Implies(sp.Eq(x**2, 2), x < 1)])) == ()


def test_a_second_equation_is_placed_by_a_linear_factor_once_the_first_is_placed():
    # two symmetric equilibria e = k + e^2: each equation is linear only in k; once k = e_1 - e_1^2, the second
    # factors as (e_2 - e_1)(1 - e_1 - e_2) = 0 and places e_2 = 1 - e_1, not the tie e_2 = e_1 (found by a
    # user: before, no draw met both, and the spot check evaluated nothing)
    from numeric.samplers import _equations

    k = sp.Symbol("k", positive=True)
    e1, e2 = sp.symbols("e_1 e_2", real=True)
    eqs = [sp.Eq(e1, k + e1**2), sp.Eq(e2, k + e2**2)]
    problem = SamplingProblem.build([k, e1, e2], [e1 < e2, *eqs], [e2 > sp.Rational(1, 2)])
    assert _equations(problem) == ((k, e1 - e1**2, True), (e2, 1 - e1, True))
    d = BoundsSampler().draw(problem, 2000, np.random.default_rng(0), exact=True)
    ks, a, b = (d[s].to_fractions() for s in (k, e1, e2))
    both = [x == kk + x**2 and y == kk + y**2 and x < y and kk > 0 for kk, x, y in zip(ks, a, b)]
    assert sum(both) > 80  # both equilibrium conditions hold exactly, with e_1 < e_2 and k > 0 (0 < e_1 < 1/2)
    # nothing is placed where no factor is linear: e^3 = k + e beside k = e_1^2 leaves e_2^3 - e_2 - e_1^2
    cubic = SamplingProblem.build([k, e1, e2], [sp.Eq(k, e1**2), sp.Eq(e2**3, k + e2)])
    assert {p[0] for p in _equations(cubic)} == {k}


def test_placements_that_rest_on_each_other_are_not_made():
    # x = y + 1 is read as written; y**2 = x y + 3 solved for x would place x twice, and for y is not linear,
    # so x = y + 1 is put into it: -y - 3 = 0 places y = -3, and then x = y + 1 = -2 meets both
    from numeric.samplers import _equations, _placing_order

    x = sp.Symbol("x", integer=True)
    y = sp.Symbol("y", real=True)
    problem = SamplingProblem.build([x, y], [sp.Eq(x, y + 1), sp.Eq(y**2, x * y + 3)])
    assert _equations(problem) == ((y, -3, True), (x, y + 1, True))
    # with y positive the two have no common solution: x = y + 1 would make the second false, so it is not made
    yp = sp.Symbol("y", positive=True)
    assert x not in {p[0] for p in _equations(SamplingProblem.build([x, yp], [sp.Eq(x, yp + 1),
                                                                               sp.Eq(yp**2, x * yp + 3)]))}
    assert _placing_order([(x, y + 1), (y, x - 1)]) == ()
    assert _placing_order([(y, x - 1), (x, sp.Integer(2))]) == ((x, 2), (y, x - 1))


def test_integer_symbols_are_rounded_onto_integers_their_bounds_allow():
    # a positive draw of 0.3 rounds to 0, which is not positive: it must round to 1 (found by an outside trial)
    M = sp.Symbol("M", integer=True, positive=True)
    k = sp.Symbol("k", integer=True)
    problem = SamplingProblem.build([M, k], [k > sp.Rational(1, 2), k < 3])
    for exact in (False, True):
        d = BoundsSampler().draw(problem, 5000, np.random.default_rng(0), exact=exact)
        Ms = d[M].to_float() if exact else d[M]
        ks = d[k].to_float() if exact else d[k]
        assert Ms.min() >= 1 and set(np.unique(ks)) <= {1.0, 2.0}


def test_draws_that_break_a_symbols_own_assumptions_are_not_admissible():
    from numeric import spot

    M = sp.Symbol("M", integer=True, positive=True)
    t = sp.Symbol("t", positive=True)

    class Careless:  # a user's sampler that draws M = 0 and M = 1/2
        name = "careless"

        def owns(self, symbol):
            return symbol == M

        def draw(self, problem, n, rng, *, exact=False, boundary_share=0.25):
            values = [0, "1/2", 1, 2] * (n // 4) + [3] * (n % 4)
            return {M: RationalArray.from_values(values) if exact else np.array([float(eval_frac(v)) for v in values])}

    check = spot.check_statement(t / M <= t, samples=4000, paper_samplers=[Careless()])
    assert check.failures == 0 and check.admissible < check.drawn  # M = 0 and M = 1/2 were rejected


def eval_frac(v):
    return Fraction(v) if isinstance(v, str) else v


def test_draws_respect_parity_primality_and_irrationality_of_the_symbols():
    # a prime p drawn as 4 or an even e drawn as 3 would be an inadmissible "counterexample"
    from numeric.samplers import own_assumptions_hold

    p, e = sp.Symbol("p", prime=True), sp.Symbol("e", even=True)
    r, q = sp.Symbol("r", irrational=True), sp.Symbol("q", integer=False)
    assert own_assumptions_hold([p], [np.array([1.0, 2.0, 3.0, 4.0, 5.5])]).tolist() == [False, True, True, False,
                                                                                         False]
    assert own_assumptions_hold([e], [RationalArray.from_values([0, 1, 2, "3/2", -4])]).tolist() == \
        [True, False, True, False, True]
    assert not own_assumptions_hold([r], [np.array([1.0, 2.0])]).any()  # every draw is rational
    assert own_assumptions_hold([q], [np.array([1.0, 2.5])]).tolist() == [False, True]


def test_draws_reach_far_from_one_so_a_false_bound_is_found():
    # a new user's claims "n < 6" for every positive integer n passed 100,400 draws: n was drawn from 1 to 4
    from numeric.testing import assert_holds

    n = sp.Symbol("n", integer=True, positive=True)
    x = sp.Symbol("x", positive=True)
    for false in (n < 6, n < 500, x < 100, x > sp.Rational(1, 100)):
        with pytest.raises(AssertionError, match="exactly confirmed"):
            assert_holds(false, samples=20_000)
    assert_holds(sp.Ge(n, 1, evaluate=False), samples=20_000)  # kept unevaluated: checked on the draws


def test_the_assumptions_equations_come_before_the_statements_and_hold_on_every_draw():
    """A trial's claims with an equation in the statement: it was placed first, the assumptions' equations then
    built on it or were dropped in a cycle, and 6 of 1000 draws were admissible.  Now the assumptions' conjuncts
    are placed on every draw, and the statement's equation is put through them: ``k = 2/9`` places
    ``e_2 = 2/3``, where both equilibrium conditions and the statement's hypothesis hold."""
    from numeric.samplers import _equations
    from numeric.spot import check_statement

    k = sp.Symbol("k", positive=True)
    e1, e2 = sp.symbols("e_1 e_2", real=True)
    assumptions = {"e_1 < e_2": e1 < e2, "e_1 = k + e_1^2": sp.Eq(e1, k + e1**2),
                   "e_2 = k + e_2^2": sp.Eq(e2, k + e2**2)}
    claim = sp.Implies(sp.Eq(k, sp.Rational(2, 9)), e1 < sp.Rational(1, 2))
    placed = _equations(SamplingProblem.build([k, e1, e2], list(assumptions.values()), [claim]))
    assert (e2, sp.Rational(2, 3), None) in placed and all(share == 1 for sym, _, share in placed if sym != e2)
    chk = check_statement(claim, assumptions, samples=1000, paper_samplers=())
    assert chk.admissible > 500 and chk.hypothesis_held > 50 and chk.failures == 0, chk
    wrong = check_statement(sp.Or(sp.Eq(e1, sp.Rational(1, 3)), e1 < sp.Rational(1, 3)), assumptions, samples=1000, paper_samplers=())
    assert wrong.admissible > 500 and wrong.failures > 0  # e_1 = 2/5, e_2 = 3/5 is an equilibrium pair


def test_a_placement_that_falsifies_an_assumption_is_not_made():
    # k = e_1^3 - e_1 and k = e_2^3 - e_2 leave (e_2 - e_1)(e_1^2 + e_1 e_2 + e_2^2 - 1) = 0: e_2 = e_1 is the
    # only linear factor, and e_1 < e_2 rules it out; k is placed once, not twice on separate draws
    from numeric.samplers import _equations

    k = sp.Symbol("k", positive=True)
    e1, e2 = sp.symbols("e_1 e_2", real=True)
    problem = SamplingProblem.build([k, e1, e2], [sp.Eq(k, e1**3 - e1), sp.Eq(k, e2**3 - e2), e1 < e2])
    assert _equations(problem) == ((k, e1**3 - e1, True),)
    tie = SamplingProblem.build([k, e1, e2], [sp.Eq(k, e1**3 - e1), sp.Eq(k, e2**3 - e2), e1 <= e2])
    assert _equations(tie) == ((e1, e2, True), (k, e1**3 - e1, True))


def test_a_factored_equation_is_a_disjunction_and_every_branch_is_drawn():
    """A trial: with Eq((x - a)(y - 1), 0) placed as x = a on every draw, y = 1 with x < 0 never came up and
    the false claim x > 0 went unrefuted; complementary slackness mu (K - q) = 0 put every draw at the
    capacity, so the interior q < K (where mu = 0) was never drawn."""
    from numeric.samplers import BRANCH_SHARE, _equations
    from numeric.spot import check_statement

    x, y = sp.symbols("x y", real=True)
    a = sp.Symbol("a", positive=True)
    placed = _equations(SamplingProblem.build([x, y, a], [sp.Eq((x - a) * (y - 1), 0), a > 1000], [x > 0]))
    assert set(placed) == {(x, a, BRANCH_SHARE), (y, 1, BRANCH_SHARE)}
    wrong = check_statement(x > 0, {"e": sp.Eq((x - a) * (y - 1), 0), "a": a > 1000}, samples=4000, paper_samplers=())
    assert wrong.failures > 100, wrong
    mu = sp.Symbol("mu", nonnegative=True)
    K, q, p, c = sp.symbols("K q p c", positive=True)
    kkt = {"foc": sp.Eq(p - c - q - mu, 0), "cs": sp.Eq(mu * (K - q), 0), "cap": q <= K, "p": p > 5}
    chk = check_statement(sp.Implies(q < K, q > p - c), kkt, samples=4000, paper_samplers=())
    assert chk.hypothesis_held > 100 and chk.failures > 100, chk  # interior: mu = 0, q = p - c
    # two roots of one symbol: both drawn
    placed = _equations(SamplingProblem.build([x], [sp.Eq((x - 1) * (x - 2), 0)]))
    assert set(placed) == {(x, 1, BRANCH_SHARE), (x, 2, BRANCH_SHARE)}


def test_the_statements_equations_come_before_those_inside_the_assumptions():
    # Implies(Eq(x, 1), Eq(y, 2)) took x and y, and the statement's hypothesis x = y was never placed
    from numeric.spot import check_statement

    x, y = sp.symbols("x y", real=True)
    chk = check_statement(sp.Implies(sp.Eq(x, y), x >= 0), {"a": sp.Implies(sp.Eq(x, 1), sp.Eq(y, 2))}, samples=4000, paper_samplers=())
    assert chk.hypothesis_held > 300 and chk.failures > 100, chk


def test_a_symbol_without_bounds_is_placed_before_one_with_them():
    # x - a = 0 solved for a (a > 1000) missed on almost every draw: 0 admissible of 52,000; x = a meets it
    from numeric.samplers import _equations
    from numeric.spot import check_statement

    x, y = sp.symbols("x y", real=True)
    a, b = sp.symbols("a b", positive=True)
    assumptions = {"e": sp.Eq((x - a) * (y - b), 0), "a": a > 1000, "b": b > 2000}
    assert {p[0] for p in _equations(SamplingProblem.build([x, y, a, b], list(assumptions.values())))} == {x, y}
    chk = check_statement(sp.Eq(x, a), assumptions, samples=4000, paper_samplers=())
    assert chk.admissible > 2000 and chk.failures > 100, chk


def test_a_placed_value_beyond_the_float_range_leaves_those_draws_unplaced():
    # B = P (1 + r)^T at a drawn T of thousands: to_float overflowed and the check raised NotCheckable
    from numeric.spot import check_statement

    B, P, r = sp.symbols("B P r", positive=True)
    T = sp.Symbol("T", integer=True, positive=True)
    chk = check_statement(B >= P, {"B": sp.Eq(B, P * (1 + r) ** T)}, samples=2000, paper_samplers=())
    assert chk.admissible > 1000 and chk.failures == 0, chk


def test_loading_this_paper_leaves_a_users_symbols_to_the_users_samplers():
    """Section 7 registered its proposal sampler for every spot check in the process: a user's c, pi, R or B
    (c_1 of a Cournot model) were drawn as proposal data, apart from the user's equations, once the paper's
    claims had been loaded (a user's first-order condition solved for c met 3 draws of 4,000)."""
    from numeric.draws import samplers
    from proofs import claims
    from proofs.rodriguez_clare import paper

    claims(["S7"])
    users = [sp.Symbol(name, positive=True) for name in ("c", "c_1", "pi", "R", "B")]
    assert not any(s.owns(u) for s in samplers(()) for u in users)
    assert any(s.name == "section7.grants" for s in paper.samplers)  # this paper's own spot checks keep it


def test_an_equation_sets_a_fallback_symbol_from_another_sampler_s_draws():
    """S5.11's wage w_k = lambda_kS/lambda_kN: the lambdas are the paper's sampler's, w_k the fallback's, and the
    equation was in neither sampler's problem (only 26 of 100,000 draws met it).  The fallback draws last and
    places w_k on the other sampler's draws, floats and exact draws alike."""
    from numeric.draws import draw_points, plan_for
    from numeric.exact import RationalArray

    a, b = sp.symbols("a_own b", positive=True)

    class Own:
        name = "own"

        def owns(self, s):
            return s == a

        def draw(self, problem, n, rng, *, exact=False, boundary_share=0.25):
            return {a: RationalArray.from_integers(rng.integers(1, 50, n), np.full(n, 7)) if exact
                    else rng.uniform(0.1, 5, n)}

    plan = plan_for((b > 0,), (sp.Eq(b, 2 * a + 1),), [Own()])
    for exact in (False, True):
        v = draw_points(plan, 200, np.random.default_rng(0), exact, 0.25)
        if exact:
            assert all(v[b][i].to_fractions()[0] == 2 * v[a][i].to_fractions()[0] + 1 for i in range(200))
        else:
            assert np.allclose(v[b], 2 * v[a] + 1)


def test_own_assumptions_of_composite_and_nonnegative_symbols_are_enforced():
    """Mutants X03 and X05: 0 and 1 (neither prime nor composite) passed as composite, and a negative draw as
    nonnegative; no test drew them."""
    import numpy as np
    import sympy as sp

    from numeric.exact import RationalArray
    from numeric.samplers import own_assumptions_hold

    c = sp.Symbol("c", composite=True)
    draws = np.array([0.0, 1.0, 4.0, 5.0, 9.0])
    assert own_assumptions_hold([c], [draws]).tolist() == [False, False, True, False, True]
    exact = RationalArray.from_values([0, 1, 4, 5, 9])
    assert own_assumptions_hold([c], [exact]).tolist() == [False, False, True, False, True]
    w = sp.Symbol("w", nonnegative=True)
    assert own_assumptions_hold([w], [np.array([-1.0, 0.0, 2.5])]).tolist() == [False, True, True]
