"""Soundness fuzzing of the engine (issue 6, part 1) and unit tests of the fuzzer's oracle.

The oracle (:mod:`symbolic.fuzz`, :mod:`symbolic.fraction_eval`) is independent
of the engine: exact ``Fraction`` evaluation at rational points, and the known
answer of families built with one.  The unit tests below fabricate wrong
verdicts to show that the check can fail.
"""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
import sympy as sp

from symbolic import Kind, Status, Verdict
from symbolic import fuzz
from symbolic.fraction_eval import Undefined, compile_boolean, truth_at
from symbolic.fuzz import (DEFAULT_FAMILIES, ENGINE_BUGS, FuzzClaim, check_verdict, decide_and_check,
                           generate_claim, make_symbol, run_fuzz, source)

#: the CI run: at least 2,000 claims (issue 6), seeded
CI_CLAIMS = 2000
CI_SEED = 20050544  # IDB Working Paper 544 (2005)


def _fake(status, kind="forall", point=None):
    return Verdict.make(status, kind, "fabricated", 0.0, point=point)


def _report(summary) -> str:
    return summary.as_text()


# -- the CI fuzzing run ------------------------------------------------------------

@pytest.mark.slow
def test_fuzzed_claims_have_no_disagreement():
    summary = run_fuzz(CI_CLAIMS, seed=CI_SEED, timeout=5.0, workers=2)
    print(_report(summary))
    assert summary.n == CI_CLAIMS
    assert not summary.disagreements, _report(summary)
    # the stream exercises every kind of answer, both quantifiers and every default family
    for status in ("proved", "refuted", "witness", "vacuous"):
        assert summary.count(status) >= 50, _report(summary)
    assert {k for k, _, _ in summary.counts_by_kind} == {"forall", "exists"}
    assert {f for f, _ in summary.families} == set(DEFAULT_FAMILIES)
    assert summary.known_answers >= CI_CLAIMS // 3
    # unknown is honest but must stay rare on these small claims
    assert summary.count("unknown") <= CI_CLAIMS // 20, _report(summary)


# -- engine bugs the fuzzer found (fixed): regression tests ------------------------------

@pytest.mark.parametrize("family", sorted(ENGINE_BUGS))
def test_engine_bug_family(family):
    summary = run_fuzz(25, seed=CI_SEED, timeout=5.0, families=[family], shrink=False)
    assert not summary.disagreements, f"{ENGINE_BUGS[family]}\n{_report(summary)}"


HOMONYMS = """
from sympy import Implies, Symbol
from symbolic import prove
u = Symbol('u', positive=True)
u_2 = Symbol('u', real=True)                      # another variable that is also printed 'u'
claim = Implies(u > 2, u_2 > 2)
verdict = prove(claim)
point = {u: 3, u_2: 0}
assert claim.subs(point) == False                 # the claim is false at u = 3, u_2 = 0
assert verdict.status.value != "proved", verdict
"""

REMOVABLE = """
from sympy import Eq, Symbol
from symbolic import prove
r = Symbol('r', real=True)
claim = Eq((r**2 - 1)/(r - 1), r + 1)             # undefined at r = 1
verdict = prove(claim)
assert verdict.status.value not in ("proved", "refuted"), verdict
"""

CANCELLED = """
from sympy import Symbol
from symbolic import exists, prove
w, y = Symbol('w', real=True), Symbol('y', real=True)
assert prove(1/w + y > 1/w, [y > 0]).status.value == "unknown"        # undefined at w = 0
# no w != 0 satisfies it, and w = 0 is not an instance (the condition is undefined there)
assert exists(-1/w >= 1 - 1/w).status.value in ("unknown", "refuted")
"""

CANCELLED_WITNESS = """
from sympy import Rational, Symbol
from symbolic import exists
v = Symbol('v', real=True)
w = Symbol('w', negative=True)
d = -v + w + Rational(-15, 8)
verdict = exists(-w/d >= -w/d, [v < Rational(-15, 8)])
point = verdict.witness
assert point is None or d.subs(point) != 0, f"the witness {point} makes a denominator vanish"
"""


@pytest.mark.parametrize("source_text", [HOMONYMS, REMOVABLE, CANCELLED, CANCELLED_WITNESS],
                         ids=["homonyms", "removable", "cancelled", "cancelled-witness"])
def test_engine_bug_reproducer(source_text):
    """Minimal reproducers of the bugs the fuzzer found: symbols merged by name in the z3 translation;
    sympy-identity ignoring vanishing denominators; domain conditions and certification reading
    lhs - rhs after SymPy cancelled a fraction present on both sides."""
    exec(compile(source_text, "<reproducer>", "exec"), {"__name__": "reproducer"})


# -- the generator ----------------------------------------------------------------------

def test_generator_is_deterministic_and_varied():
    claims = [generate_claim(3, i) for i in range(300)]
    # compared as text: the homonyms family uses Dummy symbols, which are never equal across calls
    assert [repr(c) for c in claims] == [repr(generate_claim(3, i)) for i in range(300)]
    assert [repr(c) for c in claims] != [repr(generate_claim(4, i)) for i in range(300)]
    assert {c.family for c in claims} == set(DEFAULT_FAMILIES)
    assert {c.kind for c in claims} == {Kind.FORALL, Kind.EXISTS}
    sizes = {len(c.symbols) for c in claims}
    assert {2, 3, 4, 5, 6} <= sizes
    ops = {r.rel_op for c in claims for r in c.statement.atoms(sp.core.relational.Relational)}
    assert {"<", "<=", ">", ">=", "==", "!="} <= ops
    shapes = {type(c.statement) for c in claims}
    assert {sp.And, sp.Or, sp.Implies} <= shapes


def test_anchor_is_admissible_and_known_answers_are_consistent_with_it():
    """Every anchor satisfies its assumptions; a claim known refuted/witnessed agrees with some point."""
    for i in range(300):
        c = generate_claim(5, i)
        if c.anchor is None:
            continue
        point = dict(c.anchor)
        assert all(truth_at(a, point) for a in c.assumptions), (i, c)
        if c.expected is Status.REFUTED and c.kind is Kind.FORALL and c.family == "boundary":
            assert truth_at(c.statement, point) is False, (i, c)


def test_contradictory_family_has_no_admissible_point():
    rng = random.Random(0)
    for i in range(100):
        c = generate_claim(9, i, families=["contradictory"])
        assert c.expected is Status.VACUOUS
        points = fuzz.oracle_points(c, samples=64)
        oracle = fuzz._Oracle(c)
        assert not any(oracle.admissible(p) for p in points), (i, c)
    assert rng  # the stream, not rng, drives the family


def test_unknown_family_is_refused():
    with pytest.raises(ValueError, match="families"):
        generate_claim(0, 0, families=["no-such-family"])


# -- the exact evaluator ----------------------------------------------------------------

def _flagged(s, value: Fraction) -> Fraction:
    if s.is_positive:
        return abs(value) or Fraction(1)
    if s.is_nonnegative:
        return abs(value)
    if s.is_negative:
        return -abs(value) or Fraction(-1)
    return value


def test_fraction_evaluation_agrees_with_sympy_subs():
    rng = random.Random(1)
    checked = 0
    for i in range(150):
        c = generate_claim(11, i)
        truth = compile_boolean(c.statement)
        for _ in range(5):
            # values that respect each symbol's sign flag (SymPy's subs assumes they do)
            point = {s: _flagged(s, Fraction(rng.randint(-12, 12), rng.choice((1, 2, 3)))) for s in c.symbols}
            try:
                mine = truth(point)
            except Undefined:
                continue
            theirs = c.statement.subs({s: sp.Rational(v.numerator, v.denominator) for s, v in point.items()}).doit()
            assert theirs in (sp.true, sp.false) and bool(theirs) is mine, (c.statement, point)
            checked += 1
    assert checked > 300


def test_undefined_anywhere_makes_the_claim_undefined():
    x, y = sp.symbols("x y", real=True)
    truth = compile_boolean(sp.Implies(x > 1, 1 / y > 0))
    with pytest.raises(Undefined):
        truth({x: Fraction(0), y: Fraction(0)})  # even with a false antecedent


# -- the oracle catches fabricated wrong verdicts ---------------------------------------

def test_oracle_catches_a_fabricated_proof_of_a_false_claim():
    x, y = make_symbol("x", "real"), make_symbol("y", "real")
    claim = FuzzClaim(0, 0, "test", Kind.FORALL, (x - y)**2 > 0)  # false exactly on x = y
    judged = check_verdict(claim, _fake("proved"))
    assert judged.problem.startswith("proved, but the claim is false") and judged.evidence == "violates"


def test_oracle_catches_a_fabricated_proof_of_an_undefined_claim():
    x, y = make_symbol("x", "real"), make_symbol("y", "positive")
    claim = FuzzClaim(0, 0, "test", Kind.FORALL, sp.Gt(1 / x + y, 1 / x, evaluate=False))
    judged = check_verdict(claim, _fake("proved"))
    assert judged.evidence == "undefined"


def test_oracle_catches_fabricated_exists_refutation_and_vacuity():
    x = make_symbol("x", "positive")
    claim = FuzzClaim(0, 0, "test", Kind.EXISTS, sp.Lt(x, 1), (x > sp.Rational(1, 3),))
    assert check_verdict(claim, _fake("refuted", "exists")).evidence == "satisfies"
    assert check_verdict(claim, _fake("vacuous", "exists")).evidence == "admissible"


def test_oracle_catches_fabricated_points():
    x, y = make_symbol("x", "positive"), make_symbol("y", "real")
    claim = FuzzClaim(0, 0, "test", Kind.FORALL, x + y > 0, (y > -1,))
    bad = _fake("refuted", point={x: sp.Integer(2), y: sp.Integer(0)})  # the claim holds there
    assert check_verdict(claim, bad).evidence == "bad-point"
    inadmissible = _fake("refuted", point={x: sp.Integer(1), y: sp.Integer(-5)})  # violates y > -1
    assert check_verdict(claim, inadmissible).evidence == "bad-point"
    good = _fake("refuted", point={x: sp.Rational(1, 4), y: sp.Rational(-1, 2)})
    assert check_verdict(claim, good).problem == ""
    wit = FuzzClaim(0, 0, "test", Kind.EXISTS, sp.Eq(y**2, 2))
    assert check_verdict(wit, _fake("witness", "exists", {y: sp.sqrt(2)})).problem == ""
    assert check_verdict(wit, _fake("witness", "exists", {y: sp.Rational(7, 5)})).evidence == "bad-point"


def test_oracle_catches_a_known_answer_mismatch():
    a, b = make_symbol("a", "positive"), make_symbol("b", "positive")
    claim = FuzzClaim(0, 0, "test", Kind.FORALL, a / b + b / a >= 2, expected=Status.PROVED, why="AM-GM")
    judged = check_verdict(claim, _fake("vacuous"))
    assert judged.evidence in ("admissible", "known")
    assert check_verdict(claim, _fake("unknown")).problem == ""  # unknown is honest


def test_oracle_accepts_the_engines_real_verdicts_on_known_claims():
    for i in range(60):
        c = generate_claim(13, i)
        outcome = decide_and_check(c, timeout=5.0)
        assert outcome.disagreement is None, outcome.disagreement


# -- shrinking and reproducers -----------------------------------------------------------

def test_a_fabricated_bug_is_shrunk_to_a_runnable_reproducer(monkeypatch):
    """An engine that proves everything: the disagreement is found, shrunk, and its reproducer runs."""
    def always_proved(claim, assumptions=(), *, timeout=10.0, core=False):
        return Verdict.make("proved", "forall", "fabricated", 0.0)

    monkeypatch.setattr(fuzz, "prove", always_proved)
    x, y, z = (make_symbol(n, "real") for n in "xyz")
    big = FuzzClaim(0, 7, "test", Kind.FORALL,
                    sp.And(sp.Gt(x**2 + 3 * x * y - z, -2), sp.Implies(y > 0, x + y > sp.Rational(1, 2))),
                    (sp.Ge(z, -1), sp.Le(y, 4), sp.Gt(x, -3)))
    outcome = decide_and_check(big, timeout=5.0)
    d = outcome.disagreement
    assert d is not None and "proved, but" in d.problem
    assert "prove(claim, assumptions" in d.reproducer and "point = {" in d.reproducer
    assert d.reproducer.count("Rational(") + d.reproducer.count(" > ") >= 1
    assert len(d.reproducer) < len(fuzz.reproducer_source(big, _fake("proved"), check_verdict(big, _fake("proved")),
                                                          5.0))
    # with the real engine the reproducer's evidence holds and its final assertion passes
    exec(compile(d.reproducer, "<reproducer>", "exec"), {"__name__": "reproducer"})


def test_reproducer_fails_while_a_bug_is_present(monkeypatch):
    # plant a bug like the fixed 'homonyms' one (a false claim proved) and check that the fuzzer
    # reports it and that its reproducer fails while the bug is there
    import symbolic
    import symbolic.engine as engine

    real_prove = engine.prove

    def buggy_prove(claim, assumptions=(), **kw):
        v = real_prove(claim, assumptions, **kw)
        return Verdict.make(Status.PROVED, Kind.FORALL, "planted-bug", v.seconds) if v.status is Status.REFUTED else v

    monkeypatch.setattr(fuzz, "prove", buggy_prove)
    monkeypatch.setattr(symbolic, "prove", buggy_prove)  # what the reproducer imports
    summary = run_fuzz(6, seed=0, timeout=5.0, families=["homonyms"])
    assert summary.disagreements
    with pytest.raises(AssertionError):
        exec(compile(summary.disagreements[0].reproducer, "<reproducer>", "exec"), {"__name__": "reproducer"})


def _same_truth(a, b, symbols) -> bool:
    rng = random.Random(0)
    for _ in range(30):
        point = {s: _flagged(s, Fraction(rng.randint(-20, 20), rng.randint(1, 7))) for s in symbols}
        results = []
        for f in (a, b):
            try:
                results.append(compile_boolean(f)(point))
            except Undefined:
                results.append(None)
        if results[0] != results[1]:
            return False
    return True


def test_source_reads_back_exactly():
    names = {"And": sp.And, "Or": sp.Or, "Not": sp.Not, "Implies": sp.Implies, "Eq": sp.Eq, "Ne": sp.Ne,
             "Gt": sp.Gt, "Ge": sp.Ge, "Lt": sp.Lt, "Le": sp.Le, "Rational": sp.Rational, "Abs": sp.Abs,
             "Min": sp.Min, "Max": sp.Max, "true": sp.true, "false": sp.false}
    for i in range(150):
        c = generate_claim(17, i)
        ns = dict(names)
        pyname = fuzz.python_names(c.symbols)
        ns.update({pyname[s]: s for s in c.symbols})
        for b in (c.statement, *c.assumptions):
            back = eval(source(b, pyname), ns)
            # equal, or equal up to SymPy's canonical form of a product (2*(a/2 + b) -> a + 2*b)
            assert back == b or _same_truth(back, b, c.symbols), (i, b, back)


# -- the summary ------------------------------------------------------------------------------

def test_summary_counts_and_percentiles():
    s = run_fuzz(30, seed=2, timeout=5.0)
    assert sum(c for _, c in s.counts) == 30 == s.n
    assert 0 < s.median_seconds <= s.p95_seconds <= s.max_seconds
    assert "median" in s.as_text() and "95th percentile" in s.as_text()
    with pytest.raises(ValueError, match="n must be"):
        run_fuzz(0)
    with pytest.raises(ValueError, match="timeout"):
        run_fuzz(1, timeout=0)
