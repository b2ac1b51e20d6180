"""Mutants: every proof must be able to fail."""

from __future__ import annotations

import sympy as sp

from proofs import decide_claim, load_paper
from proofs.mutants import mutant_report
from symbolic.mutants import mutants

x, y = sp.symbols("x y", positive=True)


def test_mutants_flip_shift_drop_and_swap():
    text = " ".join(m.description for m in mutants(sp.Implies(sp.And(x > 1, y > 2), x * y > 2), limit=20,
                                                    assumptions=[x < 3]))
    assert "made weak" in text and "shifted to" in text and "dropped" in text and "swapped" in text
    # without assumptions that tell x and y apart, a swap is the claim again under other names: none is made
    assert not any("swapped" in m.description for m in mutants(sp.Implies(sp.And(x > 1, y > 2), x * y > 2), 20))
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
    # all undecided (an abstract function with no Family): not "may be vacuous", which a survivor shows
    text = MutantReport(2, 0, (), ("x > 1 made weak (>=)", "x swapped")).summary()
    assert text == ("no mutant decided (2 generated, all undecided: x > 1 made weak (>=)...): nothing shows the "
                    "check can fail, nor that it cannot")
    assert MutantReport(2, 0, ("x swapped",), ()).summary() == "no mutant refuted (2 generated): the check may be vacuous"


def test_no_mutant_surely_weaker_than_the_statement_a_proof_of_which_would_show_nothing():
    """A new user's report: every one of 8 mutants of a true ``r - r**2 < 1/3`` (at six sizes) only weakened it
    (made weak, the bound raised by 1), so a correct proof was flagged "may be vacuous"."""
    from proofs import Claim
    from symbolic import Status

    r = sp.Symbol("r", positive=True)
    texts = [m.description for m in mutants(sp.Implies(x > 1, x**2 > 1), limit=20)]
    for weaker in ("x**2 > 1 made weak (>=)", "x > 1 shifted to x > 2", "x**2 > 1 shifted to x**2 > 0"):
        assert weaker not in texts, texts
    for stronger in ("x > 1 made weak (>=)", "x**2 > 1 shifted to x**2 > 2", "x > 1 shifted to x > 0"):
        assert stronger in texts, texts
    # under a Not the polarity turns; inside an Equivalent neither direction is sure, so both are kept
    negated = [m.description for m in mutants(sp.Not(sp.And(x < 1, y < 2)), limit=20)]
    assert "x < 1 made weak (<=)" in negated and "x < 1 shifted to x < 2" in negated
    assert "x < 1 shifted to x < 0" not in negated
    both = [m.description for m in mutants(sp.Equivalent(x > 1, y > 1), limit=20)]
    assert "x > 1 made weak (>=)" in both and "x > 1 shifted to x > 2" in both
    claim = Claim(id="B.K", statement="s", claim=r - r**2 < sp.Rational(1, 3), assumptions={"r <= 1": r <= 1})
    result = decide_claim(claim)
    assert result.status is Status.PROVED
    report = mutant_report(result)
    assert report.generated and report.killed == report.generated, report


def test_a_swap_the_assumptions_treat_alike_is_the_claim_again_and_is_not_made():
    """A user's: Implies(x1 < x2, 1/(x2 + 1) < 1/(x1 + 1)) for positive x1, x2 'survived' its swap, which is the
    same proposition under other names; no check could refute it.  A swap the assumptions break is still made."""
    x1, x2 = sp.symbols("x_1 x_2", positive=True)
    claim = sp.Implies(x1 < x2, 1 / (x2 + 1) < 1 / (x1 + 1))
    assert not any("swapped" in m.description for m in mutants(claim, 20))
    assert not any("swapped" in m.description for m in mutants(claim, 20, assumptions=[x1 + x2 < 3]))
    assert any("swapped" in m.description for m in mutants(claim, 20, assumptions=[x1 < 3]))


def test_a_proved_mutant_the_claim_implies_is_not_counted():
    """A shift that is a weakening only under the assumptions (e >= 0, A > C) was counted as a survivor, and
    so counted against the claim's check; it is proved, implied by the claim, and not counted."""
    from symbolic import Role
    from proofs import Claim, ClaimResult  # noqa: F401 (the public API a user's file uses)
    from proofs.mutants import MutantReport

    e, A, C = sp.symbols("e A C", nonnegative=True)
    paper_claim = Claim(id="T.1", section="1", statement="payoff of effort e is at most e(A - C)",
                        claim=A * e - C * e <= e * (A - C), assumptions={"A > C": A > C})
    report = mutant_report(decide_claim(paper_claim))
    assert report.generated + len(report.implied) > 0
    assert not set(report.survivors) & set(report.implied)
    shifted = [m for m in report.implied if "shifted" in m]
    assert shifted, report  # e.g. ... <= 2*e*(A - C): weaker where e >= 0 and A > C
    assert "not counted, implied by the claim" in report.summary()
    assert MutantReport(0, 0, (), (), implied=("a <= 2*b shifted",)).summary().startswith(
        "every mutant made (1) is implied by the claim")
    assert Role  # the obligation roles a claims file may name
