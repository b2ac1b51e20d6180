"""A paper of the user's own, with what such papers bring: abstract functions with derivatives searched through a
concrete family, existence claims, claims settled by SymPy, and the slips a claims file can have."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import sympy as sp

from proofs import Claim, Family, Obligation, Paper
from proofs.claim import decide_claim
from proofs.derive import derive
from proofs.report import _spot_sentence
from proofs.second_opinion import with_cross_check
from proofs.spotchecks import spot_check_claim
from symbolic import Kind, Status
from symbolic.errors import BadInputError
from symbolic.settings import Settings

ROOT = Path(__file__).resolve().parents[1]

c = sp.Symbol("c", positive=True)
p = sp.Symbol("p", real=True)
x = sp.Symbol("x", positive=True)
D = sp.Function("D", real=True)
g = sp.Function("g", real=True)
LINEAR = Family(D, sp.Lambda(x, 1 - x), "D(p) = 1 - p", requirements=(("D' < 0", sp.Integer(-1) < 0),), domain=x > 0)
FOC = sp.Eq(D(p) + (p - c) * sp.Derivative(D(p), p), 0)


def _markup_below_twice_cost():
    return [Obligation.forall("p < 2c", sp.Implies(sp.And(FOC, D(p) > 0, sp.Derivative(D(p), p) < 0, p > 0), p < 2 * c),
                              families=(LINEAR,))]


def _some_point_above_diagonal():
    return [Obligation.exists("g(x) > x", g(x) > x, {"x > 0": x > 0},
                              families=(Family(g, sp.Lambda(x, 1 + x), "g(x) = 1 + x"),))]


MARKUP = Claim(id="G.2", statement="price is below twice marginal cost", build=_markup_below_twice_cost,
               expected="refuted")
ABOVE = Claim(id="Z.5", statement="some x has g(x) > x", kind="exists", build=_some_point_above_diagonal)
PAPER = Paper(title="Demand of any shape", sections=(("1", "General demand"),), claims=(MARKUP, ABOVE))
FAST = Settings(timeout=10, samples=2000, seed=0)


@pytest.fixture(scope="module")
def markup():
    return decide_claim(MARKUP, settings=FAST)


def test_a_counterexample_found_with_a_family_names_it(markup):
    assert markup.status is Status.REFUTED
    assert markup.verdict.family == "D(p) = 1 - p"
    assert markup.verdict.as_dict()["family"] == "D(p) = 1 - p"
    # the point refutes the claim with that demand: p = (1 + c)/2 from the first-order condition, p >= 2c
    point = markup.verdict.counterexample
    assert point[p] == (1 + point[c]) / 2 and point[p] >= 2 * point[c]


def test_the_derivation_evaluates_the_point_with_the_family(markup):
    text = derive(markup, settings=FAST).as_text()  # Derivative(D(p), p) at p = 7/12 has no value: it must not be asked
    assert "with the concrete function D(p) = 1 - p" in text
    assert "p < 2⋅c  becomes" in text and "relation is false" in text


def test_the_second_opinion_checks_the_point_with_the_family(markup):
    result, cross = with_cross_check(markup, timeout=10)
    assert result.status is Status.REFUTED and not any(c.disagrees for _, c in cross.checks)


def test_the_spot_check_draws_with_the_family(markup):
    spot = spot_check_claim(PAPER, markup, FAST)
    assert spot.agrees and spot.samples > 0
    assert "evaluated with the concrete D(p) = 1 - p" in spot.detail


def test_an_existence_claim_found_with_a_family_is_a_witness_that_says_so():
    result = decide_claim(ABOVE, settings=FAST)
    assert result.status is Status.WITNESS and result.verdict.family == "g(x) = 1 + x"
    text = derive(result, settings=FAST).as_text()
    assert "Witness with the concrete function g(x) = 1 + x" in text
    assert "leaves x free" in text and "not settled" not in text  # 1 + x > x holds whatever x is
    spot = spot_check_claim(PAPER, result, FAST)
    assert spot.agrees and spot.detail.startswith("constant")


@pytest.mark.parametrize("status, kind, words", [
    (Status.REFUTED, Kind.EXISTS, "none of them is an instance"),
    (Status.REFUTED, Kind.FORALL, "of them violate the claim"),
    (Status.WITNESS, Kind.EXISTS, "of them are instances"),
])
def test_the_report_says_what_the_draws_show_for_each_kind(status, kind, words):
    from proofs.claim import SpotCheck

    spot = SpotCheck(samples=1000, violations=0, seconds=0.0, detail="1 obligation(s)", found=3)
    text = _spot_sentence(spot, status, kind)
    assert words in text
    assert ("counterexample" in text) is False  # no point was re-evaluated in this detail: none is claimed


# -- slips in a claims file: refused when it is loaded, one line, exit status 2 --------------------------

def test_an_expectation_no_verdict_can_meet_is_refused():
    with pytest.raises(BadInputError, match="unknown verdict always fails"):
        Claim(id="K.2", statement="s", claim=x > 0, expected="unknown")
    with pytest.raises(BadInputError, match="exists claim is never proved"):
        Claim(id="K.3", statement="s", claim=x > 2, kind="exists", expected="proved")


def test_a_section_the_paper_does_not_have_is_refused():
    claim = Claim(id="A.1", section="7", statement="s", claim=x > 0)
    with pytest.raises(BadInputError, match="section '7', which is not among"):
        Paper(title="t", sections=(("1", "One"),), claims=(claim,))
    Paper(title="t", claims=(claim,))  # no sections declared: any section is its own heading


def test_two_symbols_with_one_name_are_refused():
    a_pos, a_real = sp.Symbol("a", positive=True), sp.Symbol("a", real=True)
    claim = Claim(id="K.1", statement="s", claim=a_pos >= a_real)
    with pytest.raises(BadInputError, match="2 different symbols are named 'a' \\(positive; real\\)"):
        claim.obligations()


CLAIMS_FILES = {
    "builder_raises.py": ("def boom():\n    raise ZeroDivisionError('a slip in the builder')\n"
                          "paper = Paper(title='t', claims=(Claim(id='K.4', statement='s', build=boom),))\n",
                          "claim K.4: build() raised ZeroDivisionError: a slip in the builder"),
    "same_name.py": ("paper = Paper(title='t', claims=(Claim(id='K.1', statement='s', "
                     "claim=sp.Symbol('a', positive=True) >= sp.Symbol('a')),))\n", "different symbols are named 'a'"),
}


@pytest.mark.parametrize("name", sorted(CLAIMS_FILES))
def test_slips_end_the_command_with_one_line(name, tmp_path):
    body, message = CLAIMS_FILES[name]
    path = tmp_path / name
    path.write_text("import sympy as sp\nfrom proofs import Claim, Paper\n" + body)
    for command in (["verify"], ["report", "--out", str(tmp_path / "out")]):
        r = subprocess.run([sys.executable, "-m", "proofs", *command, "--claims", str(path)], capture_output=True,
                           text=True, timeout=120, cwd=tmp_path, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
        assert r.returncode == 2, r.stderr
        assert message in r.stderr and "Traceback" not in r.stderr
        assert len(r.stderr.strip().splitlines()[-1:]) == 1


def test_region_of_an_iff_claim_is_its_condition_beside_its_threshold(tmp_path):
    r = subprocess.run([sys.executable, "-m", "proofs", "region", "C.2", "--claims", str(ROOT / "examples" / "cournot.py"),
                        "--json", "--samples", "2000"], capture_output=True, text=True, timeout=300, cwd=tmp_path,
                       env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert r.returncode == 0, r.stderr
    row = json.loads(r.stdout)["rows"][0]
    assert row["region"] != "True" and row["comparison"] == "equal to the paper's threshold"
    assert row["paper"] == "(a + c_1 > 2*c_2) & (a + c_2 > 2*c_1)"  # the stated side, not the derived one


def test_region_names_the_claims_that_have_one(tmp_path):
    path = tmp_path / "mixed.py"
    path.write_text(textwrap.dedent("""\
        import sympy as sp
        from proofs import Claim, Obligation, Paper
        x = sp.Symbol("x", positive=True)
        two = lambda: [Obligation.forall("a", x > 0), Obligation.forall("b", x + 1 > 1)]
        paper = Paper(title="t", claims=(Claim(id="A", statement="s", claim=x > 1),
                                         Claim(id="B", statement="s", build=two)))
        """))
    r = subprocess.run([sys.executable, "-m", "proofs", "region", "B", "--claims", str(path)], capture_output=True,
                       text=True, timeout=120, cwd=tmp_path, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert r.returncode == 2 and "claims with one: A" in r.stderr
