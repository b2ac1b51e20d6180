"""Soundness fuzzing of the engine (issue 9, issue 10): the runs CI makes, and the fuzzer's own tests.

The fuzzer lives beside the tests (``tests/fuzz/``); its oracle is tested in
``tests/test_fuzz_oracle.py``.  Known engine bugs it found are in
``tests/test_fuzz_regressions.py``.
"""

from __future__ import annotations

import random

import pytest
import sympy as sp

from symbolic import Kind, Status, Verdict
from tests.fuzz import (DEFAULT_FAMILIES, ENGINE_BUGS, FAMILIES, FuzzClaim, check_orders, check_verdict,
                        decide_and_check, generate_claim, python_names, run_fuzz, source)
from tests.fuzz import run as fuzz_run
from tests.fuzz.claim import late
from tests.fuzz.arithmetic import Unsettled
from tests.fuzz.evaluate import Compiled
from tests.fuzz.kinds import admits
from tests.fuzz.reproduce import declared, reproducer_source

#: the CI run: at least 5,000 claims over every family, seeded
CI_CLAIMS = 5000
CI_SEED = 20050544  # IDB Working Paper 544 (2005)
#: the fast default subset
FAST_CLAIMS = 150


def _fake(status, kind="forall", point=None):
    return Verdict.make(status, kind, "fabricated", 0.0, point=point)


# -- the CI fuzzing runs ------------------------------------------------------------------

@pytest.mark.slow
def test_fuzzed_claims_have_no_disagreement():
    summary = run_fuzz(CI_CLAIMS, seed=CI_SEED, timeout=5.0, workers=2)
    report = summary.as_text()
    print(report)
    assert summary.n == CI_CLAIMS
    assert not summary.disagreements, report
    # the stream exercises every kind of answer, both quantifiers and every default family
    for status in ("proved", "refuted", "witness", "vacuous"):
        assert summary.count(status) >= 100, report
    assert {k for k, _, _ in summary.counts_by_kind} == {"forall", "exists"}
    assert {f for f, _ in summary.families} == set(DEFAULT_FAMILIES)
    assert summary.known_answers >= CI_CLAIMS // 3
    # unknown is honest, but must not be the engine's only answer outside the table's edges
    assert summary.count("unknown") <= CI_CLAIMS // 5, report


def test_fast_subset_has_no_disagreement():
    """Every family, a few claims each: the default run of the README's test command (seconds)."""
    summary = run_fuzz(FAST_CLAIMS, seed=CI_SEED + 1, timeout=5.0, workers=2)
    assert not summary.disagreements, summary.as_text()
    assert summary.n == FAST_CLAIMS and summary.oracle_points > 500


def test_verdicts_do_not_depend_on_the_order_of_decisions():
    """Claims decided forwards here, shuffled in a fresh process, and alone in fresh processes agree."""
    report = check_orders(24, seed=CI_SEED, timeout=10.0, orders=1, fresh=2, workers=2)
    assert not report.changed, report.as_text()
    assert report.runs == 2 and report.fresh == 2


@pytest.mark.slow
def test_verdicts_do_not_depend_on_the_order_of_decisions_at_scale():
    report = check_orders(240, seed=CI_SEED, timeout=10.0, orders=3, fresh=16, workers=2)
    print(report.as_text())
    assert not report.changed, report.as_text()


@pytest.mark.parametrize("family", sorted(ENGINE_BUGS))
def test_engine_bug_family_stays_fixed(family):
    summary = run_fuzz(15, seed=CI_SEED, timeout=2.0, families=[family], shrink=False)
    assert not summary.disagreements, f"{ENGINE_BUGS[family]}\n{summary.as_text()}"


# -- the generator ---------------------------------------------------------------------------

def test_generator_is_deterministic_and_covers_every_family():
    claims = [generate_claim(3, i) for i in range(400)]
    # compared as text: some families use Dummy symbols, which are never equal across calls
    assert [repr(c) for c in claims] == [repr(generate_claim(3, i)) for i in range(400)]
    assert [repr(c) for c in claims[:50]] != [repr(generate_claim(4, i)) for i in range(50)]
    assert {c.family for c in claims} == set(DEFAULT_FAMILIES)
    assert {c.kind for c in claims} == {Kind.FORALL, Kind.EXISTS}
    ops = {r.rel_op for c in claims for r in c.statement.atoms(sp.core.relational.Relational)}
    assert {"<", "<=", ">", ">=", "==", "!="} <= ops


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_every_family_generates_well_formed_claims(family):
    for i in range(25):
        c = generate_claim(8, i, families=[family])
        assert c.family == family
        assert isinstance(c.statement, sp.logic.boolalg.Boolean)
        if c.anchor is not None:  # the anchor is admissible (where the oracle can tell)
            point = dict(c.anchor)
            assert all(admits(s, v) for s, v in point.items() if s in c.symbols), (i, c)
            for a in c.assumptions:
                try:
                    assert Compiled(a).at(point) is True, (i, a, point)
                except Unsettled:
                    pass


def test_issue_9_classes_are_all_generated():
    """Symbol kinds, the function zoo in and out of the table, roots, floats, names, malformed Booleans,
    high degrees: each class of issue 9 appears in the stream."""
    claims = [generate_claim(21, i, families=[f]) for f in FAMILIES for i in range(20)]
    claims += [generate_claim(22, i, families=[f]) for f in ("outside", "assumption_kinds", "functions", "malformed") for i in range(100)]
    atoms = set()
    for c in claims:
        for b in (c.statement, *c.assumptions):
            atoms |= {type(n) for n in sp.preorder_traversal(b)}
    for cls in (sp.exp, sp.log, sp.sin, sp.cos, sp.atan, sp.asin, sp.acos, sp.sinh, sp.tanh, sp.cosh, sp.acosh,
                sp.atanh, sp.floor, sp.ceiling, sp.frac, sp.Mod, sp.Abs, sp.sign, sp.Min, sp.Max, sp.Piecewise,
                sp.Float, sp.ITE, sp.Xor, sp.Equivalent, sp.Nand, sp.Nor, sp.gamma, sp.tan, sp.Heaviside):
        assert cls in atoms, cls
    kinds = {k for c in claims for s in c.symbols for k, v in s.assumptions0.items() if v}
    assert {"prime", "composite", "even", "odd", "irrational", "rational", "integer", "noninteger"} <= kinds
    names = {s.name for c in claims for s in c.symbols}
    from tests.fuzz.family_symbols import ADVERSARIAL_NAMES

    assert len(names & set(ADVERSARIAL_NAMES)) >= 10
    assert any(c.timeout is not None and c.timeout <= 1.0 for c in claims)


def test_unknown_family_is_refused():
    with pytest.raises(ValueError, match="families"):
        generate_claim(0, 0, families=["no-such-family"])


# -- decisions: late answers, twins, raised errors ----------------------------------------------

def test_late_answers_are_disagreements(monkeypatch):
    x = sp.Symbol("x", real=True)
    claim = FuzzClaim(0, 0, "t", Kind.FORALL, x**2 >= 0, timeout=0.5)
    ticks = iter([0.0, 10.0])
    monkeypatch.setattr(fuzz_run.time, "perf_counter", lambda: next(ticks, 10.0))
    outcome = decide_and_check(claim, timeout=5.0, do_shrink=False)
    assert outcome.disagreement is not None and outcome.disagreement.evidence == "late"
    assert late(1.5, 0.5) is False and late(1.6, 0.5) is True


def test_twins_must_agree(monkeypatch):
    x, y = sp.Symbol("x", real=True), sp.Symbol("atom!0", real=True)
    twin = FuzzClaim(0, 0, "t", Kind.FORALL, x**2 + 1 > 0)
    claim = FuzzClaim(0, 0, "t", Kind.FORALL, y**2 + 1 > 0, twin=twin)
    assert decide_and_check(claim, 5.0).disagreement is None
    monkeypatch.setattr(FuzzClaim, "decide", lambda self, timeout: _fake(
        "proved" if self.twin is not None else "vacuous"))
    outcome = decide_and_check(claim, 5.0, do_shrink=False)
    assert outcome.disagreement is not None and outcome.disagreement.evidence == "twin"


def test_an_exception_is_a_disagreement_unless_the_input_is_malformed_and_the_error_is_the_toolkits(monkeypatch):
    from symbolic.errors import BadInputTypeError

    x = sp.Symbol("x", real=True)
    claim = FuzzClaim(0, 0, "t", Kind.FORALL, x > 0)

    def raise_(exc):
        def decide(self, timeout):
            raise exc
        return decide

    monkeypatch.setattr(FuzzClaim, "decide", raise_(RuntimeError("boom")))
    assert decide_and_check(claim, 5.0).disagreement.evidence == "raised"
    monkeypatch.setattr(FuzzClaim, "decide", raise_(BadInputTypeError("malformed")))
    assert decide_and_check(claim, 5.0).disagreement.evidence == "raised"  # a well-formed claim
    from dataclasses import replace

    assert decide_and_check(replace(claim, bad_input_ok=True), 5.0).disagreement is None
    monkeypatch.setattr(FuzzClaim, "decide", raise_(TypeError("plain")))
    assert decide_and_check(replace(claim, bad_input_ok=True), 5.0).disagreement.evidence == "raised"


# -- shrinking and reproducers -------------------------------------------------------------------

def test_a_fabricated_bug_is_shrunk_to_a_runnable_reproducer(monkeypatch):
    """An engine that proves everything: the disagreement is found, shrunk, and its reproducer runs."""
    monkeypatch.setattr(FuzzClaim, "decide", lambda self, timeout: _fake("proved"))
    x, y, z = sp.symbols("x y z", real=True)
    big = FuzzClaim(0, 7, "test", Kind.FORALL,
                    sp.And(sp.Gt(x**2 + 3 * x * y - z, -2), sp.Implies(y > 0, x + y > sp.Rational(1, 2))),
                    (sp.Ge(z, -1), sp.Le(y, 4), sp.Gt(x, -3)))
    outcome = decide_and_check(big, timeout=5.0)
    d = outcome.disagreement
    assert d is not None and "proved, but" in d.problem
    assert "prove(claim, assumptions" in d.reproducer and "point = {" in d.reproducer
    full = reproducer_source(big, _fake("proved"), check_verdict(big, _fake("proved")), 5.0)
    assert len(d.reproducer) < len(full)
    monkeypatch.undo()
    # with the real engine the reproducer's evidence holds and its final assertion passes
    exec(compile(d.reproducer, "<reproducer>", "exec"), {"__name__": "reproducer"})


def test_reproducer_fails_while_a_bug_is_present(monkeypatch):
    """Plant a bug (refutations turned into proofs): the fuzzer reports it, and the reproducer fails."""
    import symbolic

    real_prove = symbolic.prove

    def buggy_prove(claim, assumptions=(), **kw):
        v = real_prove(claim, assumptions, **kw)
        return Verdict.make(Status.PROVED, Kind.FORALL, "planted-bug", v.seconds) if v.status is Status.REFUTED else v

    monkeypatch.setattr("tests.fuzz.claim.prove", buggy_prove)
    monkeypatch.setattr(symbolic, "prove", buggy_prove)  # what the reproducer imports
    summary = run_fuzz(8, seed=0, timeout=5.0, families=["homonyms"])
    assert summary.disagreements
    with pytest.raises(AssertionError):
        exec(compile(summary.disagreements[0].reproducer, "<reproducer>", "exec"), {"__name__": "reproducer"})


def _namespace(symbols, names):
    ns = {}
    exec("from sympy import *", ns)
    ns.update({names[s]: s for s in symbols})
    return ns


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_source_reads_back_exactly(family):
    for i in range(30):
        c = generate_claim(17, i, families=[family])
        objects = declared(c)
        names = python_names(objects)
        ns = _namespace(objects, names)
        for b in (c.statement, *c.assumptions):
            back = eval(source(b, names), ns)
            if back != b:  # equal up to SymPy's canonical form: same truth at random points
                _same_truth(back, b, c.symbols)


def _same_truth(a, b, symbols):
    rng = random.Random(0)
    for _ in range(20):
        point = {s: sp.Rational(rng.randint(-20, 20), rng.randint(1, 7)) for s in symbols}
        if not all(admits(s, v) for s, v in point.items()):
            continue
        results = []
        for f in (a, b):
            try:
                results.append(Compiled(f).at(point))
            except Unsettled:
                results.append("unsettled")
        if "unsettled" not in results:
            assert results[0] == results[1], (a, b, point)


def test_python_names_avoid_keywords_sympy_and_each_other():
    symbols = [sp.Symbol("and"), sp.Symbol("x", positive=True), sp.Symbol("x", negative=True), sp.Symbol("E"),
               sp.Symbol("𝑥"), sp.Symbol("atom!0"), sp.Symbol("claim"), sp.Symbol("")]
    names = python_names(symbols)
    assert len(set(names.values())) == len(symbols)
    ns = _namespace(symbols, names)
    for s in symbols:
        assert ns[names[s]] is s


# -- the summary --------------------------------------------------------------------------------

def test_summary_counts_and_percentiles():
    s = run_fuzz(24, seed=2, timeout=5.0)
    assert sum(c for _, c in s.counts) == 24 == s.n
    p = dict(s.percentiles)
    assert 0 < p["50%"] <= p["90%"] <= p["99%"] <= p["max"]
    text = s.as_text()
    assert "median" in text and "99%" in text and "family" in text
    with pytest.raises(ValueError, match="n must be"):
        run_fuzz(0)
    with pytest.raises(ValueError, match="timeout"):
        run_fuzz(1, timeout=0)


def test_order_changes_compare_points_too_and_set_time_outs_aside():
    from tests.fuzz.run import order_changes

    runs = [("forwards", [0, 1, 2], {0: "proved", 1: "refuted {'x': '1'}", 2: "timeout"}),
            ("shuffled", [2, 1, 0], {0: "proved", 1: "refuted {'x': '2'}", 2: "proved"}),
            ("alone", [0], {0: "unknown"})]
    changed = dict(order_changes([0, 1, 2], runs))
    assert sorted(changed) == [0, 1]  # 2 timed out once: set aside
    assert [fp for _, fp, _ in changed[1]] == ["refuted {'x': '1'}", "refuted {'x': '2'}"]


def test_order_reproducer_is_runnable_python():
    from tests.fuzz.run import order_reproducer

    src = order_reproducer(CI_SEED, 5, ["abstract", "polynomial"], [1, 2], 10.0)
    compile(src, "<order reproducer>", "exec")
    assert "subprocess.run" in src and "Function(" in src or "Symbol(" in src


# -- the benchmark script -------------------------------------------------------------------------

def _benchmark(*args):
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "benchmarks" / "fuzz.py"
    return subprocess.run([sys.executable, str(script), *args], capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("args", [["--claims", "0"], ["--families", "nosuch"], ["--timeout", "inf"],
                                  ["--orders", "-1"], ["--claims", "x"]])
def test_benchmark_refuses_bad_arguments_in_one_line(args):
    r = _benchmark(*args)
    assert r.returncode == 2 and r.stdout == "" and len(r.stderr.strip().splitlines()) == 1, r.stderr


def test_benchmark_prints_counts_per_family_and_percentiles():
    r = _benchmark("--claims", "6", "--workers", "1", "--families", "abstract,polynomial")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "family" in r.stdout and "99%" in r.stdout and "disagreements: 0" in r.stdout
