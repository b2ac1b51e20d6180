"""Kernels on balls (numeric.balls): whatever the balls settle agrees with exact arithmetic."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from numeric.balls import ball_truth
from numeric.exact import KernelError, RationalArray, exact_truth
from numeric.kernels import compile_kernel
from numeric.spot import check_statement
from symbolic.certify import Uncertifiable, holds

x, y = sp.symbols("x y", real=True)
n = sp.Symbol("n", integer=True)

STATEMENTS = [
    x**2 - 2 * x * y + y**2 >= 0,
    x**3 - y < x * y,
    sp.Eq(x * y, x + y),
    sp.Ne(x, y),
    1 / (x - y) > 1,
    sp.Or(sp.Eq(x, 0), 1 / x > y),
    sp.And(x > 0, sp.Piecewise((x, x > y), (y, True)) <= x + y),
    sp.Max(x, y) > sp.Min(x, 2 * y),
    sp.Implies(x > 1, x**2 > y),
    sp.Abs(x - y) < sp.Rational(1, 3),
    (x - y) ** 4 - (x - y) ** 2 * (x**2 - 2 * x * y + y**2) <= 0,  # 0 at every point: a tie balls leave open
]
values = st.fractions(min_value=-6, max_value=6, max_denominator=7)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(values, values), min_size=1, max_size=12))
def test_a_settled_ball_agrees_with_exact_arithmetic(points):
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    for statement in STATEMENTS:
        kernel = compile_kernel(statement, (x, y))
        try:
            truth, defined = exact_truth(kernel.exact, [RationalArray.from_values(xs),
                                                        RationalArray.from_values(ys)])
        except KernelError:  # Abs prints as NumPy's absolute, which exact arithmetic refuses: SymPy decides
            truth, defined = [None] * len(xs), [False] * len(xs)
        for i, (ball, t, d) in enumerate(zip(ball_truth(kernel, [xs, ys]), list(truth), list(defined))):
            if ball is None:
                continue
            if not d:  # the eager exact evaluation stops at a zero denominator; Kleene's logic may settle it
                try:
                    t = holds(statement, {x: sp.Rational(xs[i]), y: sp.Rational(ys[i])})
                except Uncertifiable:
                    raise AssertionError((statement, xs[i], ys[i], ball, "undefined")) from None
            assert ball == t, (statement, xs[i], ys[i], ball, t)


def test_balls_settle_what_floats_cannot_and_leave_ties_and_undefined_values_open():
    s = sp.Symbol("s", positive=True)
    k = compile_kernel(s * (1 - s) ** n < s * (1 - s) ** (n - 1), (n, s))
    assert ball_truth(k, [[9000, 10**9], [Fraction(1, 3), Fraction(1, 2)]]) == [True, True]
    assert ball_truth(compile_kernel(sp.sqrt(3 * s) > 1, (s,)), [[Fraction(1, 3), 3]]) == [None, True]
    assert ball_truth(compile_kernel(1 / x > 0, (x,)), [[0]]) == [None]  # undefined: not settled
    assert ball_truth(compile_kernel(sp.log(x) < 1, (x,)), [[-1]]) == [None]
    assert ball_truth(compile_kernel(sp.Eq(x, Fraction(1, 3)), (x,)), [[Fraction(1, 3)]]) == [None]
    assert ball_truth(compile_kernel(sp.Eq(x, Fraction(1, 2)), (x,)), [[Fraction(1, 2)]]) == [True]
    rounded = compile_kernel(sp.Eq(sp.floor(x), x), (x,))
    assert "floor" in rounded.source and ball_truth(rounded, [[0]]) == [None]  # no such name on balls: open


def test_a_failure_beyond_exact_powers_is_confirmed_on_balls_and_a_true_claim_has_none_open():
    """s(1 - s)^n < s(1 - s)^(n - 1): ~4,000 float failures (both sides underflow to 0) were left open, their
    number varying with a clock; on balls every one is settled, the same in every run."""
    s = sp.Symbol("s", positive=True)
    m = sp.Symbol("m", integer=True, positive=True)
    runs = [check_statement(s * (1 - s) ** m < s * (1 - s) ** (m - 1), {"s < 1": s < 1}, samples=20_000)
            for _ in range(2)]
    assert runs[0].failures == 0 and runs[0].unconfirmed == 0 and runs[0].rounding_resolved > 100, runs[0]
    assert runs[0].rounding_resolved == runs[1].rounding_resolved
    # false for n >= 1329 at s = 1/2: floats see 0 > 0 there, exact powers are beyond reach, the balls confirm
    wrong = check_statement((1 - s) ** m > sp.Rational(1, 10**400), {"s <= 1/2": s <= sp.Rational(1, 2)},
                            samples=20_000)
    assert wrong.failures > 0 and wrong.first_failure is not None, wrong
    point = wrong.first_failure
    assert point["m"].denominator == 1 and point["m"] >= 1329 and point["s"] <= Fraction(1, 2)
    # (1 - s)^m <= 10^-400 checked by a rational bound: -log(1 - s) >= s + s^2/2, and 400 log 10 < 921.04
    assert point["m"] * (point["s"] + point["s"] ** 2 / 2) >= Fraction(92104, 100), point


@pytest.mark.parametrize("conjunction", [True, False])
def test_assumptions_compiled_as_a_conjunction_are_settled_per_draw(conjunction):
    from numeric.kernels import compile_conjunction

    atoms = [x > 0, y < x**2]
    kernel = compile_conjunction(atoms, (x, y)) if conjunction else compile_kernel(sp.And(*atoms), (x, y))
    assert ball_truth(kernel, [[1, -1, 2], [0, 0, 5]]) == [True, False, False]


def test_exact_draws_beyond_exact_powers_or_without_a_rational_evaluation_are_decided_on_balls():
    """A trial: (999/1000)^k <= 1/(1 + k/1000) at k >= 10^5 had 18 exact draws decided, then 0 once exact powers
    refused such exponents; a square root's exact draws were 16, all SymPy could take."""
    k = sp.Symbol("k", integer=True, positive=True)
    big = check_statement(sp.Rational(999, 1000) ** k <= 1 / (1 + k / 1000), [k >= 10**5], samples=2000)
    assert big.exact_draws > 300 and big.failures == 0, big
    s = sp.Symbol("s", positive=True)
    root = check_statement(sp.sqrt(3 * s) > 1, [s >= sp.Rational(1, 3)], samples=2000)
    assert root.exact_unavailable and root.exact_draws > 100, root
    assert root.failures > 0 and root.first_failure == {"s": Fraction(1, 3)}  # the tie, decided in SymPy


def test_draw_admissible_settles_an_assumption_by_kleenes_logic_where_a_denominator_is_zero():
    from numeric.spot import draw_admissible

    x = sp.Symbol("x", real=True)
    d = draw_admissible(x < 5, [sp.Or(sp.Eq(x, 0), 1 / x > 1)], n=400, exact=True)
    at_zero = d[x].to_float() == 0
    assert at_zero.any() and d["admissible"][at_zero].all()  # Eq(x, 0) holds there: 1/x is not needed


def test_a_constant_printed_as_a_rounded_float_is_not_taken_for_the_number():
    """A red team: GoldenRatio prints as 1.6180339887498948 (above phi); on balls that float was exact, so at
    x = float(phi) the assumption x = phi "held" and a true claim got 20,000 confirmed failures."""
    x = sp.Symbol("x", positive=True)
    near_phi = Fraction(float(sp.GoldenRatio))
    for statement in (x <= sp.GoldenRatio, sp.Eq(x, sp.GoldenRatio), x >= sp.Catalan):
        assert ball_truth(compile_kernel(statement, (x,)), [[near_phi]]) == [None]
    between = sp.Rational(16180339887498949, 10**16)  # phi < this < float(phi)
    chk = check_statement(x < between, {"x = phi": sp.Eq(x, sp.GoldenRatio)}, samples=5000)
    assert chk.failures == 0, chk


def test_a_negative_symbolic_integer_exponent_is_printed_exactly():
    """A red team: NumPy's printer wrote x**(-n - 10**16 - 1) as x**(-n - 1.0e+16), losing the exponent's parity,
    and an identity got 11,658 confirmed failures."""
    n = sp.Symbol("n", integer=True, nonnegative=True)
    big = 10**16
    kernel = compile_kernel(sp.Eq((-1) ** (-n - big - 1), -((-1) ** n)), (n,))
    assert "1.0e" not in kernel.source and ball_truth(kernel, [[0, 1]]) == [True, True]
    assert check_statement(sp.Eq((-1) ** (-n - big - 1), -((-1) ** n)), {}, samples=5000).failures == 0
    x = sp.Symbol("x", positive=True)
    assert check_statement(x ** (-n - big) > x ** (-n - big - 1), {"x > 1": x > 1}, samples=5000).failures == 0
    assert compile_kernel(x ** (-n - 2), (x, n)).exact(["2"], ["1"]).to_fractions() == [Fraction(1, 8)]
