"""The fuzzer's oracle (``tests/fuzz/evaluate.py``, ``tests/fuzz/oracle.py``): its arithmetic, its reading of
the table, and its judgement -- each check shown able to fail on a fabricated wrong verdict."""

from __future__ import annotations

import random
from fractions import Fraction

import mpmath
import pytest
import sympy as sp

from symbolic import Kind, Status, Verdict
from symbolic.constructs import CONSTRUCTS, exact_floats
from tests.fuzz import arithmetic, evaluate
from tests.fuzz.arithmetic import EVALUATED_CLASSES, IV, OPAQUE_CLASSES, Undefined, Unsettled
from tests.fuzz.claim import FuzzClaim
from tests.fuzz.evaluate import Compiled, Env, TableGap, compile_expr, read_floats
from tests.fuzz.kinds import admits
from tests.fuzz.family_functions import FLOATS, random_expression
from tests.fuzz.family_symbols import KINDS
from tests.fuzz.oracle import check_verdict, expected_unknown, oracle_points

x, y = sp.symbols("x y", real=True)


def _fake(status, kind="forall", point=None, reason=""):
    return Verdict.make(status, kind, "fabricated", 0.0, point=point, reason=reason)


# -- the oracle reads the table ------------------------------------------------------------

def test_every_row_of_the_table_has_an_evaluator_or_is_declared_opaque():
    """A row added to the table without an oracle evaluator fails here (the oracle follows the table)."""
    for row in CONSTRUCTS:
        for cls in row.classes:
            assert issubclass(cls, EVALUATED_CLASSES + OPAQUE_CLASSES), (row.name, cls)


def test_outside_the_table_the_oracle_settles_nothing():
    with pytest.raises(Unsettled, match="outside the table"):
        Compiled(sp.gamma(x) > 0).at({x: sp.Integer(2)})
    assert "gamma" in expected_unknown(FuzzClaim(0, 0, "t", Kind.FORALL, sp.gamma(x) > 0))[0]


def test_domain_conditions_come_from_the_table():
    # the table's convention: a real power needs a positive base, so 0**y is undefined even for y > 0
    assert Compiled(sp.Ge(x**y, 0, evaluate=False)).at({x: sp.Integer(0), y: sp.Integer(2)}) is None
    # a fractional power of a negative number is undefined, also for odd roots (the principal branch)
    assert Compiled(sp.Lt(sp.cbrt(x), 0, evaluate=False)).at({x: sp.Integer(-8)}) is None
    assert Compiled(sp.Piecewise((x, x > 0)) > 0).at({x: sp.Integer(-1)}) is None  # no branch applies


def test_a_gap_in_the_table_is_reported(monkeypatch):
    """If the table forgot log's domain, the oracle's own arithmetic would notice (the check can fail)."""
    monkeypatch.setattr(evaluate, "domain_conditions", lambda b: ())
    with pytest.raises(TableGap):
        Compiled(sp.log(x) > 0).at({x: sp.Integer(-1)})


def test_floats_are_read_as_documented():
    """The oracle's own reading (Fraction of the printed decimal) agrees with the engine's."""
    for f in FLOATS:
        assert read_floats(x < f) == exact_floats(x < f)[0], f
    assert read_floats(sp.Eq(x, sp.Float(0.1, 30))).rhs != sp.Rational(1, 10)
    assert read_floats(x * sp.Float(2.675)) == sp.Rational(107, 40) * x


# -- the arithmetic is right ---------------------------------------------------------------------

def _contains(v, truth: mpmath.mpf) -> bool:
    if isinstance(v, Fraction):
        return abs(mpmath.mpf(v.numerator) / v.denominator - truth) <= mpmath.mpf(10) ** -40 * (1 + abs(truth))
    lo, hi = mpmath.mpf(v.a.a), mpmath.mpf(v.b.b)
    slack = mpmath.mpf(10) ** -40 * (1 + abs(truth))
    return lo - slack <= truth <= hi + slack


def test_values_enclose_mpmath_at_high_precision():
    """Random expressions over the table at random rational points: every value the oracle computes encloses
    mpmath's at 60 digits (an independent library), and an undefined value is undefined for mpmath too."""
    rng = random.Random(3)
    checked = 0
    with mpmath.workdps(60):
        for _ in range(400):
            e = random_expression(rng, [x, y], depth=2)
            point = {x: sp.Rational(rng.randint(-9, 9), rng.choice((1, 2, 3))),
                     y: sp.Rational(rng.randint(-9, 9), rng.choice((1, 4)))}
            try:
                v = compile_expr(read_floats(e))(Env(point))
            except (Undefined, Unsettled):
                continue
            try:
                truth = sp.N(e.xreplace(point), 60)
            except (ValueError, TypeError, ZeroDivisionError):
                continue
            if not truth.is_real or not truth.is_finite:
                continue
            assert _contains(v, mpmath.mpf(str(truth))), (e, point, v, truth)
            checked += 1
    assert checked > 150


def test_truth_agrees_with_sympy_where_sympy_settles_it():
    rng = random.Random(4)
    agreed = 0
    for _ in range(300):
        e = random_expression(rng, [x], depth=2)
        rel = sp.Gt(e, sp.Rational(rng.randint(-3, 3), 2), evaluate=False)
        point = {x: sp.Rational(rng.randint(-12, 12), rng.choice((1, 3, 4)))}
        try:
            mine = Compiled(rel).at(point)
        except Unsettled:
            continue
        if mine is None:
            continue
        theirs = rel.xreplace(point)
        if theirs in (sp.true, sp.false):
            assert bool(theirs) is mine, (rel, point)
            agreed += 1
    assert agreed > 100


def test_exact_zero_at_algebraic_points():
    assert Compiled(sp.Eq(x**2, 2)).at({x: -sp.sqrt(2)}) is True
    assert Compiled(sp.Eq((x + 1)**2, 3 + 2 * sp.sqrt(2))).at({x: sp.sqrt(2)}) is True
    assert Compiled(sp.Gt(x**3, 2)).at({x: sp.CRootOf(sp.Symbol("t")**5 - sp.Symbol("t") - 1, 0)}) is False


def test_too_close_to_call_is_unsettled_not_guessed():
    # exp(x) = exp(y) at x = y: intervals cannot separate two equal transcendental values
    with pytest.raises(Unsettled):
        Compiled(sp.Eq(sp.exp(x), sp.exp(y) + 0 * x)).at({x: sp.Integer(1), y: sp.Integer(1)})


def test_the_private_interval_context_leaves_mpmath_alone():
    before = mpmath.iv.prec
    Compiled(sp.exp(x) > 2).at({x: sp.Integer(1)})
    assert mpmath.iv.prec == before and IV.prec == arithmetic.PRECISIONS[0]


# -- symbol assumptions --------------------------------------------------------------------------

@pytest.mark.parametrize("label,kw", KINDS, ids=[k for k, _ in KINDS])
def test_admits_agrees_with_sympy_on_every_kind(label, kw):
    s = sp.Symbol("s", **kw)
    values = [sp.Integer(n) for n in range(-6, 12)] + [sp.Rational(1, 2), sp.Rational(-7, 3), sp.sqrt(2),
                                                        -sp.sqrt(3), 1 + sp.sqrt(5)]
    members = 0
    for v in values:
        sympy_says = [getattr(v, f"is_{k}") for k, want in s.assumptions0.items()]
        wanted = [bool(want) for want in s.assumptions0.values()]
        if None in sympy_says:
            continue
        assert admits(s, v) == (sympy_says == wanted), (label, v)
        members += admits(s, v)
    assert members > 0 or kw.get("transcendental"), label  # the test values are all algebraic


# -- the judgement catches fabricated wrong verdicts ---------------------------------------------

def test_a_proof_of_a_claim_undefined_somewhere_is_caught():
    claim = FuzzClaim(0, 0, "t", Kind.FORALL, sp.log(x) > -100)
    judged = check_verdict(claim, _fake("proved"))
    assert judged.evidence == "undefined", judged


def test_a_proof_of_a_false_transcendental_claim_is_caught():
    claim = FuzzClaim(0, 0, "t", Kind.FORALL, sp.exp(x) > 1 + x)  # equality at 0
    assert check_verdict(claim, _fake("proved")).evidence == "violates"
    claim = FuzzClaim(0, 0, "t", Kind.FORALL, sp.sin(x) < sp.Rational(9, 10))  # sin(2) > 0.9
    assert check_verdict(claim, _fake("proved")).evidence == "violates"


def test_a_witness_that_breaks_a_symbol_assumption_is_caught():
    p = sp.Symbol("p", prime=True)
    claim = FuzzClaim(0, 0, "t", Kind.EXISTS, sp.Eq(p, 9))
    judged = check_verdict(claim, _fake("witness", "exists", {p: sp.Integer(9)}))
    assert judged.evidence == "bad-point" and "prime" in judged.problem
    r = sp.Symbol("r", irrational=True)
    claim = FuzzClaim(0, 0, "t", Kind.EXISTS, sp.Gt(r, 1))
    assert check_verdict(claim, _fake("witness", "exists", {r: sp.Integer(2)})).evidence == "bad-point"
    assert check_verdict(claim, _fake("witness", "exists", {r: sp.sqrt(2)})).problem == ""


def test_refuting_an_existence_that_holds_at_an_irrational_point_is_caught():
    r = sp.Symbol("r", irrational=True, positive=True)
    claim = FuzzClaim(0, 0, "t", Kind.EXISTS, sp.Lt(r, 2))
    assert check_verdict(claim, _fake("refuted", "exists")).evidence == "satisfies"


def test_a_decided_claim_outside_the_table_is_caught_and_unknown_must_name_it():
    claim = FuzzClaim(0, 0, "t", Kind.FORALL, sp.tan(x) > 0, must_name="tan")
    assert check_verdict(claim, _fake("refuted", point={x: sp.Integer(-1)})).evidence == "unsupported"
    assert check_verdict(claim, _fake("unknown", reason="time limit")).evidence == "unsupported"
    assert check_verdict(claim, _fake("unknown", reason="not supported: tan (in tan(x))")).problem == ""


def test_a_known_answer_mismatch_is_caught():
    a, b = sp.symbols("a b", positive=True)
    claim = FuzzClaim(0, 0, "t", Kind.FORALL, a / b + b / a >= 2, expected=Status.PROVED, why="AM-GM")
    assert check_verdict(claim, _fake("vacuous")).evidence in ("admissible", "known")
    assert check_verdict(claim, _fake("unknown")).problem == ""  # unknown is honest


def test_oracle_points_honour_symbol_kinds():
    p, r = sp.Symbol("p", prime=True), sp.Symbol("r", irrational=True)
    claim = FuzzClaim(1, 2, "t", Kind.FORALL, p + r > 0)
    points = oracle_points(claim, samples=64)
    admissible = [pt for pt in points if admits(p, pt[p]) and admits(r, pt[r])]
    assert len(admissible) >= 10
    assert {pt[p] for pt in admissible} >= {sp.Integer(2), sp.Integer(3)} or len({pt[p] for pt in admissible}) > 2
