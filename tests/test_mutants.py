"""Mutants: every proof must be able to fail."""

from __future__ import annotations

import sympy as sp

from proofs import decide_claim, load_paper
from proofs.mutants import mutant_report
from symbolic.mutants import mutants
from symbolic.obligation import Obligation
from symbolic.settings import Settings

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


def test_a_mutant_proved_only_through_the_assumptions_survives_and_one_weaker_than_the_claim_is_not_counted():
    """A mutant proved because the assumptions leave slack (x - y > 1 where x > 3 and y < 1) is a survivor that
    says so: asking whether the claim implies it *under* the assumptions was trivially true (a tester's
    finding), and hid such survivors.  Implied by the claim itself, whatever the assumptions, a mutant is
    weaker and not counted."""
    from proofs import Claim
    from proofs.mutants import MutantReport, _implied

    x, y = sp.symbols("x y", real=True)
    slack = Claim(id="T.1", statement="x exceeds y", claim=x - y > 0, assumptions={"x > 3": x > 3, "y < 1": y < 1})
    report = mutant_report(decide_claim(slack))
    assert any("shifted to x - y > 1" in m for m in report.survivors) and not report.implied, report
    ob = Obligation.forall("square", (x - 1)**2 >= 0, {"x > 3": x > 3})
    assert _implied(ob, 2 * (x - 1)**2 >= 0, Settings()) and not _implied(ob, (x - 1)**2 >= 4, Settings())
    text = MutantReport(1, 1, (), (), implied=("x > 1 shifted to x > 0",)).summary()
    assert text.endswith("not counted, weaker than the claim itself: x > 1 shifted to x > 0"), text
    assert MutantReport(0, 0, (), (), implied=("a <= 2*b shifted",)).summary().startswith(
        "every mutant made (1) is weaker than the claim itself")
