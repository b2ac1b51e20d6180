"""The lambdify boundary: every kernel agrees with its SymPy source, exactly and in floats.

Expectations come from the model in docs/model.md §8 (prices, wages, deviations,
condition (*)) as built in symbolic/section5.py.
"""

from __future__ import annotations

import math
import pathlib
import re
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from numeric import kernels as K
from numeric import section5 as S5K
from numeric.exact import RationalArray, parse_rational
from symbolic import section5 as s5

positive = st.fractions(min_value=Fraction(1, 50), max_value=50, max_denominator=60)
at_least_one = st.fractions(min_value=1, max_value=20, max_denominator=60)


def _sympy_value(expr, values: dict) -> sp.Basic:
    return expr.xreplace({s: sp.Rational(v.numerator, v.denominator) for s, v in values.items()})


@settings(max_examples=60, deadline=None)
@given(lS=positive, lN=positive, th=at_least_one)
def test_wage_and_price_kernels_equal_their_sympy_source_exactly(lS, lN, th):
    j = "j"
    values = {s5.lam_S(j): lS, s5.lam_N(j): lN, s5.theta(j): th}
    for kernel, expr, args in ((S5K.WAGE_COORDINATED, s5.wage_coordinated(j), (lS, lN)),
                               (S5K.WAGE_UNCOORDINATED, s5.wage_uncoordinated(j), (lS, lN, th)),
                               (S5K.WORLD_PRICE, s5.world_price(j), (lN, th))):
        exact = kernel.exact(*[[a] for a in args]).to_fractions()[0]
        assert sp.Rational(exact.numerator, exact.denominator) == _sympy_value(expr, values)
        assert kernel(*[float(a) for a in args]) == pytest.approx(float(exact), rel=1e-14)


@settings(max_examples=60, deadline=None)
@given(l1S=positive, l1N=positive, t1=at_least_one, lkS=positive, lkN=positive)
def test_condition_star_kernel_equals_sympy_exactly(l1S, l1N, t1, lkS, lkN):
    values = {s5.lam_S("1"): l1S, s5.lam_N("1"): l1N, s5.theta("1"): t1, s5.lam_S("k"): lkS, s5.lam_N("k"): lkN}
    for strict, kernel in ((True, S5K.CONDITION_STAR), (False, S5K.CONDITION_STAR_WEAK)):
        truth = bool(_sympy_value(s5.condition_star("k", strict=strict, first="1"), values))
        assert bool(kernel.exact([l1S], [l1N], [t1], [lkS], [lkN])[0]) is truth


def test_break_even_wage_is_derived_and_equals_w_kU():
    # the kernel's threshold is solved by SymPy, not typed: it must be w(k,U)
    assert sp.simplify(S5K._BREAK_EVEN_EXPR - s5.wage_uncoordinated("k")) == 0
    # and the margin is (w - break-even)/lambda_kS, increasing in w: E(j,.) iff w(j,.) >= max break-even
    assert sp.simplify(S5K._MARGIN_EXPR * s5.lam_S("k") - (s5.wage - S5K._BREAK_EVEN_EXPR)) == 0
    # the margin at w = w(j,C) is the model's deviation_margin
    at_wage = S5K._MARGIN_EXPR.xreplace({s5.wage: s5.wage_coordinated("j")})
    assert sp.simplify(at_wage - s5.deviation_margin("j", True, "k")) == 0


def _brute_force_masks(lS, lN, th):
    """O(J^2): E(j,c) iff the SymPy deviation margin is >= 0 for every k != j (row by row)."""
    n, J = lS.shape
    labels = s5.sectors(J)
    out = []
    for coordinated in (True, False):
        conds = [s5.equilibrium(j, coordinated, labels) for j in labels]
        fn = sp.lambdify(s5.model_symbols(labels), conds, modules="numpy")
        cols = []
        for i in range(n):
            args = [x for j in range(J) for x in (lS[i, j], lN[i, j], th[i, j])]
            cols.append([bool(v) for v in fn(*args)])
        out.append(np.array(cols))
    return out


def test_equilibrium_masks_match_the_sympy_definition_on_unsorted_data():
    rng = np.random.default_rng(7)
    lS, lN = rng.uniform(0.2, 5, (300, 5)), rng.uniform(0.2, 5, (300, 5))
    th = 1 + rng.exponential(0.5, (300, 5))
    coordinated, uncoordinated = S5K.equilibrium_masks(lS, lN, th)
    want_c, want_u = _brute_force_masks(lS, lN, th)
    assert (coordinated == want_c).all() and (uncoordinated == want_u).all()
    assert coordinated.any() and not coordinated.all()  # the test sees both outcomes


@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(0, 5), min_size=2, max_size=8))
def test_best_other_is_the_maximum_over_the_other_sectors(values):
    arr = np.array([values], dtype=float)
    got = S5K.best_other(arr)[0]
    want = [max(v for i, v in enumerate(values) if i != j) for j in range(len(values))]
    assert got.tolist() == want


def test_kernels_broadcast_over_instances_and_sectors():
    lS = np.arange(1, 13, dtype=float).reshape(3, 4)
    lN = np.full((3, 4), 2.0)
    assert S5K.wage_coordinated(lS, lN).shape == (3, 4)
    assert np.allclose(S5K.wage_coordinated(lS, lN), lS / 2)
    star = S5K.condition_star(lS, lN, np.full((3, 4), 1.5), strict=False)
    assert star.shape == (3, 4) and star[:, 0].all()  # sector 1 against itself: ratio 1 <= theta_1


def test_float_equality_has_a_tolerance_and_exact_equality_has_none():
    x, y = sp.symbols("x y", positive=True)
    k = K.compile_kernel(sp.Eq(x * 3, y), (x, y))
    assert k([0.1], [0.30000000000000004]).tolist() == [True]      # rounding, within the tolerance
    assert k.exact([Fraction(0.1)], [Fraction(0.30000000000000004)]).tolist() == [False]
    assert k.exact(["1/10"], ["3/10"]).tolist() == [True]


def test_exact_evaluation_refuses_transcendental_functions():
    x = sp.Symbol("x", positive=True)
    k = K.compile_kernel(sp.sqrt(x) > 1, (x,))
    assert k([4.0]).tolist() == [True]
    with pytest.raises(K.KernelError):
        k.exact(["4"])


def test_compile_rejects_missing_arguments():
    x, y = sp.symbols("x y")
    with pytest.raises(ValueError, match="not among the arguments"):
        K.compile_kernel(x + y > 0, (x,))


def test_only_numeric_kernels_turns_sympy_into_code():
    root = pathlib.Path(__file__).resolve().parents[1]
    callers = [p.relative_to(root).as_posix() for d in ("numeric", "symbolic", "proofs")
               for p in (root / d).glob("*.py") if re.search(r"\b(lambdify|exec)\(", p.read_text())]
    assert callers == ["numeric/kernels.py"]


def test_argument_names_that_would_hide_the_code_s_names_are_renamed():
    # ``e`` is NumPy's Euler number in the printed code; ``lambda`` is a keyword; two symbols print as ``x``
    e, x, x_pos, lam = sp.Symbol("e", positive=True), sp.Symbol("x"), sp.Symbol("x", positive=True), sp.Symbol("lambda")
    k = K.compile_kernel(e * sp.E + x - x_pos + lam, (e, x, x_pos, lam))
    assert k([1.0], [2.0], [3.0], [4.0]).tolist() == pytest.approx([math.e + 2 - 3 + 4])
    assert k.source.startswith("def _kernel(e_") and "lambda_" in k.source


@pytest.mark.parametrize("name", ["w_1'", "w^*", "w-1", "w 1", r"\bar{w}", "1st", "λ", "x.y", "_"])
def test_any_symbol_name_compiles(name):
    # an outside user's names: a spot check silently evaluated nothing for w' and \bar{w}
    w, y = sp.Symbol(name, positive=True), sp.Symbol("y", positive=True)
    k = K.compile_kernel(w - 2 * y > 0, (w, y))
    assert k([3.0, 1.0], [1.0, 1.0]).tolist() == [True, False]
    assert k.exact(["3", "1"], ["1", "1"]).tolist() == [True, False]


def test_source_is_the_code_that_runs():
    x, y = sp.symbols("x y", positive=True)
    k = K.compile_kernel(sp.Rational(1, 3) * x < y, (x, y))
    assert k.source == "def _kernel(x, y):\n    return less((_q(1, 3))*x, y)\n"


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.fractions(max_denominator=30), st.fractions(max_denominator=30)), min_size=1,
                max_size=6))
def test_rational_array_arithmetic_matches_fractions(pairs):
    a = RationalArray.from_values([p for p, _ in pairs])
    b = RationalArray.from_values([q for _, q in pairs])
    assert (a + b).to_fractions() == [p + q for p, q in pairs]
    assert (a * b - a).to_fractions() == [p * q - p for p, q in pairs]
    assert (a ** 2).to_fractions() == [p ** 2 for p, _ in pairs]
    assert (a >= b).tolist() == [p >= q for p, q in pairs]
    assert (a == b).tolist() == [p == q for p, q in pairs]
    nonzero = [(p, q) for p, q in pairs if q != 0]
    if nonzero:
        x = RationalArray.from_values([p for p, _ in nonzero])
        y = RationalArray.from_values([q for _, q in nonzero])
        assert (x / y).to_fractions() == [p / q for p, q in nonzero]
        assert (1 / y).reduced().to_fractions() == [1 / q for _, q in nonzero]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(allow_nan=False, allow_infinity=False, width=64), min_size=1, max_size=8))
def test_from_floats_is_the_exact_binary_value(xs):
    assert RationalArray.from_floats(xs).to_fractions() == [Fraction(x) for x in xs]


@pytest.mark.parametrize("text", ["1/0", "1.5", "1e3", "", " ", "2/-3", "__import__('os')", "0x10", "1//2"])
def test_parse_rational_refuses_anything_but_p_over_q(text):
    with pytest.raises(ValueError):
        parse_rational(text)


def test_the_kernels_printed_ahead_are_what_sympy_prints_now():
    # numeric/section5_kernels.py lets `coordfail equilibria` run without SymPy; it must not drift from the source
    path = pathlib.Path(K.__file__).with_name("section5_kernels.py")
    assert path.read_text(encoding="utf-8") == S5K.printed_module_source(), \
        "numeric/section5_kernels.py is stale: regenerate it with python -m numeric.section5"
    from numeric import section5_kernels as P

    rng = np.random.default_rng(3)
    for name in S5K.PRINTED_AHEAD:
        sympy_kernel, printed = getattr(S5K, name), getattr(P, name)
        assert printed.arg_names == sympy_kernel.arg_names and printed.is_boolean == sympy_kernel.is_boolean
        values = [rng.uniform(0.5, 3.0, 50) for _ in printed.arg_names]
        assert np.array_equal(printed(*values), sympy_kernel(*values))
        exact = [[Fraction(int(v * 8), 8) for v in column[:10]] for column in values]
        ours, theirs = printed.exact(*exact), sympy_kernel.exact(*exact)
        if printed.is_boolean:
            assert ours.tolist() == theirs.tolist()
        else:
            assert ours.to_fractions() == theirs.to_fractions()


def test_write_printed_module_writes_the_source_whole(tmp_path):
    target = tmp_path / "section5_kernels.py"
    target.write_text("stale")
    assert pathlib.Path(S5K.write_printed_module(str(target))).read_text(encoding="utf-8") == S5K.printed_module_source()
    assert [p.name for p in tmp_path.iterdir()] == ["section5_kernels.py"]  # no temporary file left behind


def test_a_power_with_an_integer_symbol_as_exponent_is_evaluated_exactly_draw_by_draw():
    """A new user's v**n/n with an integer n ran "in floats only (no rational evaluation)": exact powers took
    integer exponents only, not one per draw."""
    from fractions import Fraction

    from numeric.exact import BeyondExact, RationalArray, exact_truth_split
    from numeric.kernels import compile_kernel
    from numeric.spot import check_statement

    v = sp.Symbol("v", positive=True)
    n, m = sp.symbols("n m", integer=True, positive=True)
    k = compile_kernel(v**m / m < v**n / n, (m, n, v))
    ms, ns, vs = [3, 2, 5, 1], [2, 3, 7, 1], [Fraction(1, 2), Fraction(1, 3), Fraction(9, 10), Fraction(2, 3)]
    want = [vv**mm / mm < vv**nn / nn for mm, nn, vv in zip(ms, ns, vs)]
    assert k.exact(ms, ns, vs).tolist() == want == [True, False, False, False]
    two = compile_kernel(2**n > n**2, (n,))  # an integer base, a per-draw exponent (negative too)
    assert two.exact(["1", "3", "5", "-1"]).tolist() == [True, False, True, False]
    with pytest.raises(TypeError):  # a non-integer exponent has no rational value
        RationalArray.from_values([2]) ** RationalArray.from_values(["1/2"])
    with pytest.raises(BeyondExact):
        RationalArray.from_values(["2/3"]) ** RationalArray.from_values([10**6])
    # a draw too large alone is left unevaluated; the others are evaluated
    big = RationalArray.from_values([2, 10**6, 3])
    truth, _, done = exact_truth_split(lambda e: (e - e + Fraction(2, 3)) ** e < 1, [big], float("inf"))
    assert truth.tolist() == [True, False, True] and done.tolist() == [True, False, True]
    # in a spot check: exact draws decided exactly, and a false claim's boundary failure confirmed exactly
    chk = check_statement(v**m / m < v**n / n, {"n >= 2": n >= 2, "n < m": n < m, "v < 1": v < 1}, samples=2000)
    assert not chk.exact_unavailable and chk.exact_draws > 0 and chk.failures == 0, chk
    wrong = check_statement(v**n < sp.Rational(1, 2), {"v <= 1/2": v <= sp.Rational(1, 2)}, samples=2000)
    assert not wrong.exact_unavailable and wrong.failures > 0
    assert wrong.first_failure == {"n": Fraction(1), "v": Fraction(1, 2)}, wrong.first_failure


def test_a_rational_base_with_a_per_draw_exponent_is_exact():
    """``(1/2)**n``: Python 3.11's Fraction turned itself into a float before the array's ``__rpow__`` ran, so
    a claim with a rational base had no exact evaluation at all."""
    from numeric.kernels import compile_kernel
    from numeric.spot import check_statement

    n = sp.Symbol("n", integer=True, positive=True)
    s = sp.Symbol("s", positive=True)
    k = compile_kernel(sp.Rational(2, 3) ** (n - 1) * s, (n, s))
    assert k.exact([1, 2, 3], ["1/3", "1/2", "1/5"]).to_fractions() == [Fraction(1, 3), Fraction(1, 3),
                                                                       Fraction(4, 45)]
    assert compile_kernel(sp.Rational(1, 2) ** (-n), (n,)).exact([3]).to_fractions() == [Fraction(8)]
    assert compile_kernel(sp.Rational(1, 2) ** 2 * s, (s,)).exact(["1"]).to_fractions() == [Fraction(1, 4)]
    chk = check_statement(sp.Rational(1, 2) ** n <= sp.Rational(1, 2), {}, samples=500)
    assert not chk.exact_unavailable and chk.exact_draws > 0 and chk.failures == 0, chk


def test_draw_admissible_exact_skips_a_draw_where_an_assumption_is_undefined():
    """An assumption's denominator zero on an exact draw: that draw is not admissible (it raised
    ZeroDivisionError)."""
    from numeric.spot import draw_admissible

    x = sp.Symbol("x", integer=True, positive=True)
    y = sp.Symbol("y", positive=True)
    d = draw_admissible(x + y > 0, [1 / (x - 1) > 0, x <= 3], n=200, exact=True)
    xs = d[x].to_float()
    assert set(xs[d["admissible"]]) == {2.0, 3.0}
    assert (xs[~d["admissible"]] == 1).all() and (~d["admissible"]).any()
