"""The independent soundness corpus (issue 9): ground truths, the oracle, the harness, and the engine's verdicts.

The corpus (:mod:`tests.soundness.corpus`) was written without reading the engine's logic; its
ground truths are checked here without the engine (the stated counterexamples, witnesses and
undefined points by the oracle, the true claims by sampling), and the harness is shown to catch
every kind of failure on fabricated outcomes.  Then the engine decides the claims, each call in a
fresh process under a hard wall-clock limit: the fast subset by default, the whole corpus under
``-m slow``.  These tests fail on the engine as it was when the corpus was written (see
``tests/soundness/REPORT.md``); nothing is marked xfail.
"""

from __future__ import annotations

import random
import sys
from fractions import Fraction
from pathlib import Path

import pytest
import sympy as sp

_ROOT = Path(__file__).resolve().parents[1]
if str(_ROOT) not in sys.path:  # the corpus lives beside the tests, not in an installed package
    sys.path.insert(0, str(_ROOT))

from tests.soundness import corpus as C  # noqa: E402
from tests.soundness.harness import (Outcome, check_point, judge, order_problems, reproducer,  # noqa: E402
                                     run_fresh, run_ordered, run_orders, time_allowance)
from tests.soundness.oracle import Undefined, Unsure, symbol_violations, truth, value  # noqa: E402

REQUIRED_FAMILIES = {"roots", "radicals", "symbol-assumptions", "domains", "order", "crashes", "names", "homonyms",
                     "boolean", "floats", "constants", "exp-log", "trig", "piecewise", "floor", "functions", "integers",
                     "vacuous", "high-degree", "economics", "boundary", "huge"}


def _assumption_list(assumptions):
    return list(assumptions.values()) if isinstance(assumptions, dict) else list(assumptions or ())


# -- the corpus itself ---------------------------------------------------------------------------------------

def test_corpus_is_large_varied_and_about_half_negative():
    entries = C.ENTRIES
    assert len(entries) >= 600
    assert len({e.id for e in entries}) == len(entries)
    assert REQUIRED_FAMILIES <= set(C.FAMILIES)
    for e in entries:
        assert e.why.strip(), e.id
        assert e.kind in ("prove", "exists") and e.truth in C.TRUTHS, e.id
    negative = sum(e.truth in ("false", "undefined", "none", "vacuous", "reject") for e in entries)
    assert 0.4 <= negative / len(entries) <= 0.65, negative / len(entries)
    assert sum(e.truth in ("false", "undefined") for e in entries) >= 300
    assert 50 <= len(C.FAST_IDS) <= 75 and len(set(C.FAST_IDS)) == len(C.FAST_IDS)


def test_every_claim_is_a_real_question():
    """No claim collapsed to ``true``/``false`` while it was built (SymPy evaluates eagerly)."""
    for e in C.ENTRIES:
        kind, claim, assumptions, timeout = e.build()
        if e.truth == "reject" or e.family == "crashes":
            continue
        assert not isinstance(claim, sp.logic.boolalg.BooleanAtom), (e.id, claim)
        for a in _assumption_list(assumptions):
            assert not isinstance(a, sp.logic.boolalg.BooleanAtom), (e.id, a)


def test_stated_counterexamples_witnesses_and_undefined_points_are_right():
    """Each false/witness entry's point is confirmed by the oracle; each undefined entry's point is admissible
    and makes the claim undefined.  A wrong ground truth fails here, not in the engine's tests."""
    checked = 0
    for e in C.ENTRIES:
        pt = e.point()
        if pt is None:
            continue
        kind, claim, assumptions, _ = e.build()
        if e.truth in ("false", "witness"):
            problems, unsure = check_point(kind, claim, assumptions, pt)
            assert not problems and not unsure, (e.id, problems, unsure)
        else:
            assert e.truth == "undefined", (e.id, "a point is given only for false, witness, undefined")
            assert not symbol_violations(pt), e.id
            for a in _assumption_list(assumptions):
                assert a is True or truth(a, pt), (e.id, a)
            with pytest.raises(Undefined):
                truth(claim, pt)
        checked += 1
    assert checked >= 350


def _sample_value(s: sp.Symbol, rng: random.Random):
    if s.is_integer:
        return sp.Integer(rng.randint(-6, 12))
    choices = [sp.Rational(rng.randint(-40, 40), rng.randint(1, 9)), sp.Integer(rng.randint(-3, 3)),
               sp.Rational(rng.randint(1, 30), rng.randint(1, 30)), sp.sqrt(rng.randint(1, 20))]
    return rng.choice(choices)


@pytest.mark.parametrize("samples, every", [pytest.param(2, 8, id="quick"),
                                            pytest.param(4, 1, id="thorough", marks=pytest.mark.slow)])
def test_true_claims_have_no_sampled_counterexample(samples, every):
    """Sample admissible points of the true (and 'none') entries: none may falsify one or make it undefined.

    The quick run samples every 8th such entry twice; the slow run every entry 4 times.
    """
    rng = random.Random(20050544)
    candidates = [e for e in C.ENTRIES if e.truth in ("true", "none") and not e.prelude and not e.may_reject]
    for e in candidates[::every]:
        kind, claim, assumptions, _ = e.build()
        if not isinstance(claim, sp.Basic):
            continue
        syms = sorted(claim.free_symbols | set().union(*[a.free_symbols for a in _assumption_list(assumptions)
                                                         if isinstance(a, sp.Basic)]), key=lambda s: s.name)
        if len(syms) > 6:
            continue
        for _ in range(samples):
            pt = {s: _sample_value(s, rng) for s in syms}
            if symbol_violations(pt):
                continue
            try:
                if not all(truth(a, pt) for a in _assumption_list(assumptions) if a is not True):
                    continue
                got = truth(claim, pt)
            except Unsure:
                continue
            except Undefined as exc:
                if e.kind == "exists":  # an undefined point is not an instance (the engine's reading of exists)
                    continue
                pytest.fail(f"{e.id} is marked {e.truth} but is undefined at {pt}: {exc}")
            want = e.kind == "prove"
            assert got == want, f"{e.id} ({e.truth}) fails at {pt}"


def test_reproducers_rebuild_the_claims():
    from tests.soundness.harness import _rebuilds

    for e in C.ENTRIES:
        if e.truth == "reject":
            continue
        text = reproducer(e)
        _, claim, _, _ = e.build()
        assert _rebuilds(text, claim), (e.id, text)


# -- the oracle ------------------------------------------------------------------------------------------------

x, y = sp.symbols("x y", real=True)


@pytest.mark.parametrize("expr, point", [
    (sp.acos(x) > 0, {x: 2}), (sp.tan(x) > 0, {x: sp.pi / 2}), (sp.Mod(x, y) > 0, {x: 1, y: 0}),
    (sp.sqrt(x) >= 0, {x: -1}), (x ** sp.Rational(2, 3) >= 0, {x: -8}), (sp.log(x) < 1, {x: 0}),
    (sp.gamma(x) > 0, {x: -3}), (sp.LambertW(x) > -1, {x: -1}), (1 / x > 0, {x: 0}),
    (sp.Piecewise((x, x > 0)) > 0, {x: -1}), (sp.acosh(x) >= 0, {x: 0}), (sp.atanh(x) > 0, {x: 1}),
    (sp.Or(x < 0, sp.log(x) > 1), {x: 0}),  # no defined part settles it
])
def test_oracle_sees_undefined_terms(expr, point):
    with pytest.raises(Undefined):
        truth(expr, point)


def test_oracle_reads_connectives_as_kleene():
    assert truth(sp.And(x > 0, sp.log(x) > 1), {x: -1}) is False  # a false part settles an And
    assert truth(sp.Or(x < 0, sp.log(x) > 1), {x: -1}) is True
    assert truth(sp.Implies(sp.log(x) > 1, x > -5), {x: -1}) is True


@pytest.mark.parametrize("expr, point, expected", [
    (sp.Eq(sp.sqrt(x), sp.cbrt(x)), {x: 64}, False),
    (sp.Eq(x ** 2, 2), {x: sp.sqrt(2)}, True),
    (sp.Eq(x ** 2, 2), {x: sp.CRootOf(x ** 2 - 2, 1)}, True),
    (sp.Ne(x ** 2, 2), {x: sp.CRootOf(x ** 2 - 2, 0)}, False),
    (sp.Float(0.1) > sp.Rational(1, 10), {}, True),
    (sp.Eq(sp.Float(0.1) * x, sp.Rational(1, 10), evaluate=False), {x: 1}, True),  # 0.1 reads 1/10
    (sp.Eq(sp.sin(x) ** 2 + sp.cos(x) ** 2, 1), {x: 3}, True),
    (sp.exp(x) < sp.Rational(1, 10 ** 300), {x: -700}, True),
    (sp.pi > sp.Rational(314159265358979323846264338327950288, 10 ** 35), {}, True),
    (sp.Heaviside(x) > 0, {x: 0}, True),
    (sp.Mod(x, y) < 0, {x: 1, y: -2}, True),
    (sp.real_root(x, 3) < -1, {x: -8}, True),
    (sp.Xor(x > 0, y > 0, x * y > 0), {x: 0, y: 0}, False),
    (sp.Eq(x > 0, y > 0), {x: 1, y: -1}, False),
])
def test_oracle_truth_values(expr, point, expected):
    assert truth(expr, point) is expected


def test_oracle_is_exact_on_rationals_and_floats():
    assert value(sp.Float(0.1), {}) == Fraction(1, 10)  # the decimal it prints as, as the engine reads it
    assert value(x ** 3 - sp.Rational(1, 3), {x: sp.Rational(2, 3)}) == Fraction(8, 27) - Fraction(1, 3)


def test_oracle_checks_symbol_assumptions():
    m, q, s = sp.Symbol("m", even=True), sp.Symbol("q", rational=True), sp.Symbol("s", positive=False)
    p, z = sp.Symbol("p", prime=True), sp.Symbol("z", zero=False)
    assert symbol_violations({m: 1}) and symbol_violations({q: -sp.sqrt(2)}) and symbol_violations({s: 1})
    assert symbol_violations({p: 9}) and symbol_violations({z: 0})
    assert not symbol_violations({m: 4, q: sp.Rational(7, 5), s: 0, p: 7, z: -1})


# -- the harness can fail ---------------------------------------------------------------------------------------

def _ok(e, status, **kw):
    return Outcome(e.id, status=status, seconds=kw.pop("seconds", 0.01), **kw)


@pytest.mark.parametrize("entry_id, status, bad", [
    ("roots-001", "proved", True), ("roots-001", "refuted", False), ("roots-001", "unknown", False),
    ("roots-003", "refuted", True), ("roots-003", "proved", False),
    # undefined somewhere: refuted only at a point the oracle confirms (checked below), never proved
    ("domains-001", "proved", True), ("domains-001", "refuted", False), ("domains-001", "unknown", False),
    ("vacuous-001", "proved", True), ("vacuous-001", "vacuous", False),
    ("symbol-assumptions-006", "witness", True), ("symbol-assumptions-006", "refuted", False),
    ("symbol-assumptions-007", "refuted", True), ("symbol-assumptions-007", "witness", False),
])
def test_judge_flags_exactly_the_wrong_verdicts(entry_id, status, bad):
    e = C.by_id(entry_id)
    assert bool(judge(e, _ok(e, status))) is bad


def test_a_refutation_of_a_claim_undefined_somewhere_stands_only_on_a_point_the_oracle_confirms():
    e = C.by_id("domains-001")  # acos(x)**2 >= 0 with x > 1: undefined at every admissible point
    kind, claim, assumptions, _ = e.build()
    x = sorted(claim.free_symbols, key=str)[0]
    problems, _ = check_point(kind, claim, assumptions, {x: sp.Integer(2)})
    assert any("undefined" in p for p in problems), problems
    assert judge(e, _ok(e, "refuted", point_problems=tuple(problems)))


def test_judge_flags_crashes_hangs_overruns_and_bad_points():
    e = C.by_id("roots-001")
    assert [p.category for p in judge(e, Outcome(e.id, hang=True))] == ["hang"]
    assert [p.category for p in judge(e, Outcome(e.id, error="OverflowError: x", error_where="symbolic/engine.py:1"))] == ["crash"]
    # a deliberate ValueError on a valid claim is a crash too, unless the entry allows refusal
    assert [p.category for p in judge(e, Outcome(e.id, error="ValueError: no", error_documented=True))] == ["crash"]
    allowed = C.by_id("crashes-001")
    assert judge(allowed, Outcome(allowed.id, error="TypeError: use Equivalent", error_documented=True)) == []
    reject = next(x for x in C.ENTRIES if x.truth == "reject")
    assert judge(reject, Outcome(reject.id, error="TypeError: must be a Boolean", error_documented=True)) == []
    assert [p.category for p in judge(reject, _ok(reject, "proved"))] == ["unsound"]
    slow = judge(e, _ok(e, "unknown", seconds=e.timeout + max(1, 0.2 * e.timeout) + 0.5))
    assert [p.category for p in slow] == ["time"]
    bad = judge(e, _ok(e, "refuted", point_problems=("the claim is true at the counterexample",)))
    assert [p.category for p in bad] == ["bad-point"]


def test_time_allowance():
    assert time_allowance(3.0) == 4.0 and time_allowance(10) == 12.0
    assert time_allowance(float("inf")) is None and time_allowance("5") is None and time_allowance(True) is None


def test_order_problems():
    e = C.by_id("order-001")
    fresh = Outcome(e.id, status="unknown", reason="could not certify")
    assert order_problems(e, fresh, [Outcome(e.id, status="unknown", order="A")]) == []
    assert [p.category for p in order_problems(e, fresh, [Outcome(e.id, status="proved", order="A")])] == ["order"]
    timed_out = Outcome(e.id, status="unknown", reason="time limit reached")
    assert order_problems(e, timed_out, [Outcome(e.id, status="refuted", order="A")]) == []


def test_check_point_rejects_bad_counterexamples():
    m = sp.Symbol("m", even=True)
    problems, _ = check_point("exists", m > 0, (), {m: sp.Integer(1)})
    assert any("even" in p for p in problems)
    problems, _ = check_point("prove", x > 0, (x > 1,), {x: sp.Integer(0)})
    assert any("violates assumption" in p for p in problems)
    problems, _ = check_point("prove", sp.acos(x) ** 2 >= 0, (x > 1,), {x: sp.Integer(2)})
    assert any("undefined" in p for p in problems)
    problems, _ = check_point("prove", x > 0, (), {})
    assert problems and "no value" in problems[0]
    assert check_point("prove", x > 0, (), {x: sp.Integer(-1)}) == ([], [])


def test_harness_kills_a_hang_and_survives_a_dying_child():
    out = run_fresh(["selftest:hang", "selftest:die", "selftest:ok"], workers=1)
    assert out["selftest:hang"].hang
    assert out["selftest:die"].hang and "died" in out["selftest:die"].reason
    assert out["selftest:ok"].status == "proved"
    batch = run_ordered(["selftest:ok", "selftest:hang", "selftest:ok"], seed=0)
    assert batch["selftest:hang"].hang and batch["selftest:ok"].status == "proved"


# -- the engine on the corpus -------------------------------------------------------------------------------

FAST = list(C.FAST_IDS)
SLOW = [e.id for e in C.ENTRIES if e.id not in set(FAST)]


@pytest.fixture(scope="module")
def fresh_fast():
    return run_fresh(FAST, workers=2)


@pytest.fixture(scope="module")
def fresh_all():
    return run_fresh([e.id for e in C.ENTRIES], workers=2)


def _explain(entry, problems) -> str:
    lines = [f"{p.category}: {p.detail}" for p in problems]
    return "\n".join(lines) + "\nground truth: " + entry.truth + " -- " + entry.why + "\n\n" + reproducer(entry)


@pytest.mark.parametrize("entry_id", FAST)
def test_fast_subset_entry(entry_id, fresh_fast):
    e = C.by_id(entry_id)
    problems = judge(e, fresh_fast[entry_id])
    assert not problems, _explain(e, problems)


def test_fast_subset_verdicts_do_not_depend_on_call_order(fresh_fast):
    ordered = run_orders(FAST, (1, 2), workers=2)
    problems = []
    for i in FAST:
        problems += order_problems(C.by_id(i), fresh_fast[i], [o[i] for o in ordered])
    assert not problems, "\n".join(f"{p.id}: {p.detail}" for p in problems)


@pytest.mark.slow
@pytest.mark.parametrize("entry_id", SLOW)
def test_corpus_entry(entry_id, fresh_all):
    e = C.by_id(entry_id)
    problems = judge(e, fresh_all[entry_id])
    assert not problems, _explain(e, problems)


@pytest.mark.slow
def test_corpus_verdicts_do_not_depend_on_call_order(fresh_all):
    ids = [e.id for e in C.ENTRIES]
    ordered = run_orders(ids, (1, 2), workers=2)
    problems = []
    for i in ids:
        problems += order_problems(C.by_id(i), fresh_all[i], [o[i] for o in ordered])
    assert not problems, "\n".join(f"{p.id}: {p.detail}" for p in problems)


def test_the_oracle_is_unsure_when_sympy_contradicts_its_own_assumptions(monkeypatch):
    """The failure CI met once (gamma(1 + sqrt(5)) - sqrt(5)*gamma(sqrt(5)), SymPy's cache in some order):
    the oracle's exact fallback is then unsure, never an error."""
    from sympy.core.facts import InconsistentAssumptions

    class Contradicting(sp.Add):
        @property
        def is_zero(self):
            raise InconsistentAssumptions({"positive": False}, "extended_positive", True)

    x = sp.Symbol("x", positive=True)
    e = Contradicting(-sp.sqrt(5) * sp.gamma(x), sp.gamma(1 + x), evaluate=False)
    from tests.soundness.oracle import _Evaluator
    with pytest.raises(Unsure, match="assumptions failed"):
        _Evaluator({x: sp.sqrt(5)}, 64)._exact_sign_fallback(e)
