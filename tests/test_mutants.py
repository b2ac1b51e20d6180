"""Mutants: every proof must be able to fail."""

from __future__ import annotations

import sympy as sp

from proofs import decide_claim, load_paper
from proofs.mutants import mutant_report
from symbolic.mutants import mutants

x, y = sp.symbols("x y", positive=True)


def test_mutants_flip_shift_drop_and_swap():
    text = " ".join(m.description for m in mutants(sp.Implies(sp.And(x > 1, y > 2), x * y > 2), limit=20))
    assert "made weak" in text and "shifted to" in text and "dropped" in text and "swapped" in text
    assert all(not isinstance(m.statement, sp.logic.boolalg.BooleanAtom)
               for m in mutants(sp.Implies(x > 1, x**2 > 1)))
    # a symmetric statement has no swap mutant (it would be the statement itself)
    assert not any("swapped" in m.description for m in mutants(sp.Implies(sp.And(x > 1, y > 1), x * y > 1), 20))


def test_a_real_proof_kills_a_mutant_and_a_constant_one_cannot(decided_claims):
    report = mutant_report(decided_claims["S5.4"])
    assert report.generated > 0 and report.killed > 0
    assert "refuted" in report.summary()
    assert mutant_report(decided_claims["S5.6"]) is None  # refuted claims are not mutated


def test_the_boundary_erratum_is_exactly_what_a_flip_finds():
    # S5.4 proved with weak (*): making (*) strict is a mutant the engine refutes (the paper's S5.6)
    paper = load_paper()
    report = mutant_report(decide_claim(paper.claim("S5.4")), per_claim=12)
    assert report.killed >= 1


def test_the_summary_names_undecided_mutants_and_keeps_each_to_one_short_line():
    from proofs.mutants import MutantReport

    long = "threshold shifted: " + " + ".join(f"a_{i}*b_{i}" for i in range(40))
    text = MutantReport(8, 6, (long,), ("a and b swapped",)).summary()
    assert text.startswith("6 of 8 refuted; survived: threshold shifted: ") and "undecided: a and b swapped" in text
    assert max(len(part) for part in text.split("; ")) < 90
