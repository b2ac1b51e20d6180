"""numeric.testing (issue 3 §6): assertions that fail with the exact violating draw, and the pytest plugin."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from numeric.testing import assert_equilibrium, assert_holds, assert_never, assert_not_equilibrium
from symbolic import section5 as s5

S = s5.sectors(3)


def test_assert_holds_passes_on_a_true_claim_and_names_an_exact_draw_on_a_false_one():
    # S5.5 (docs/model.md §8): strict (*) is sufficient for E(k,C)
    assert_holds(sp.Implies(s5.condition_star(3), s5.equilibrium(3, True, S)), s5.standing_assumptions(S),
                 samples=5000)
    # S5.6 is refuted at (*) equality: the message shows that draw exactly (rationals, not floats)
    with pytest.raises(AssertionError) as info:
        assert_holds(sp.Implies(s5.equilibrium(2, True, S), s5.condition_star(2)), s5.standing_assumptions(S),
                     samples=5000)
    message = str(info.value)
    assert "draw: lambda_1N = " in message and "/" in message and "exactly confirmed" in message


def test_assert_holds_takes_a_registered_claim():
    from proofs import get_claim

    assert_holds(get_claim("S5.9"), samples=2000)
    with pytest.raises(AssertionError, match="E\\(2,C\\) => strict"):
        assert_holds(get_claim("S5.6"), samples=2000)


def test_assert_never_checks_an_impossibility():
    # S5.7a: theta_k = 1 and E(k,C) is impossible under A1 and A2; possible with A2 dropped (S5.7b)
    statement = sp.And(sp.Eq(s5.theta(2), 1), s5.equilibrium(2, True, S))
    assert_never(statement, s5.standing_assumptions(S), samples=5000)
    with pytest.raises(AssertionError, match="an instance exists"):
        assert_never(statement, s5.standing_assumptions(S, A2=False), samples=5000)


def test_assert_equilibrium_and_its_message():
    assert_equilibrium(["3", "2", "1"], [1, 1, 1], ["3/2", "4/3", 1], sector=2)  # (*) at equality
    assert_equilibrium(["3", "2", "1"], [1, 1, 1], ["3/2", "4/3", 1], sector=1, coordinated=False)
    with pytest.raises(AssertionError, match=r"E\(3,C\) is not an equilibrium: .* sector 1 profits"):
        assert_equilibrium(["3", "2", "1"], [1, 1, 1], ["3/2", "4/3", 1], sector=3)
    assert_not_equilibrium([3.0, 2.0, 1.0], [1.0, 1.0, 1.0], [1.4, 1.3, 1.0], sector=2)
    with pytest.raises(AssertionError, match="is an equilibrium"):
        assert_not_equilibrium([3.0, 2.0], [1.0, 1.0], [2.0, 1.0], sector=2)
    with pytest.raises(ValueError, match="1-based"):
        assert_equilibrium([3.0, 2.0], [1.0, 1.0], [2.0, 1.0], sector=0)


USER_TEST = '''
import sympy as sp
from symbolic import section5 as s5
from numeric.testing import assert_holds, assert_equilibrium

def test_coordination_pays_most_in_sector_1():
    S = s5.sectors(3)
    assert_holds(s5.wage_coordinated(1) > s5.wage_coordinated(2), s5.standing_assumptions(S), samples=20_000)
    assert_equilibrium(["3", "2", "1"], [1, 1, 1], ["3/2", "4/3", 1], sector=2, coordinated=True)

def test_a_wrong_belief_fails():
    assert_holds(s5.wage_uncoordinated(1) < s5.wage_coordinated(3), s5.standing_assumptions(s5.sectors(3)))
'''


def _pytest(tmp_path, *args):
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--rootdir", str(tmp_path),
                           *args], capture_output=True, text=True, cwd=tmp_path, timeout=300)


def test_a_users_ten_line_test_file(tmp_path):
    (tmp_path / "test_user.py").write_text(textwrap.dedent(USER_TEST))
    proc = _pytest(tmp_path, "test_user.py")
    assert "1 failed, 1 passed" in proc.stdout, proc.stdout + proc.stderr
    assert "draw: lambda_1N = " in proc.stdout


def test_plugin_collects_claims_as_items(tmp_path):
    proc = _pytest(tmp_path, "--coordfail-claims", "-m", "coordfail_claim", "--coordfail-only", "S5.6,S5.7",
                   "--coordfail-samples", "3000", "-v")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for cid in ("S5.6", "S5.7a", "S5.7b", "S5.7c"):
        assert f"coordfail::{cid} PASSED" in proc.stdout
    assert "4 passed" in proc.stdout


def test_plugin_names_a_missing_claims_file_as_a_usage_error(tmp_path):
    proc = _pytest(tmp_path, "--coordfail-claims=no_such_claims_file.py")
    assert proc.returncode == 4 and "INTERNALERROR" not in proc.stdout + proc.stderr
    assert "no such claims file" in proc.stdout + proc.stderr
    # a misspelt id is one too (it was an INTERNALERROR traceback of 56 lines)
    proc = _pytest(tmp_path, "--coordfail-claims", "--coordfail-only", "S5.77", "--collect-only")
    assert proc.returncode == 4 and "INTERNALERROR" not in proc.stdout + proc.stderr, proc.stdout + proc.stderr
    assert "--coordfail-only=S5.77: no claim id is or starts with 'S5.77'" in proc.stdout + proc.stderr


def test_plugin_is_off_by_default_and_counts_claims_when_on(tmp_path):
    off = _pytest(tmp_path, "--collect-only", "-q", "-m", "coordfail_claim")
    assert "coordfail::" not in off.stdout
    on = _pytest(tmp_path, "--collect-only", "-q", "--coordfail-claims", "--coordfail-only", "S5.7")
    assert "coordfail::S5.7a" in on.stdout and "3 tests collected" in on.stdout, on.stdout


# -- which sector a failure names, and how it shows numbers (issue 14) -------------------------------------------

def _best_deviation(lS, lN, th, sector, coordinated):
    """Independently of numeric.equilibria: the other sector whose lone uncoordinated producer gains most per
    worker, lambda_kS p_k - w (docs/model.md §8), and that gain; the first such sector on ties."""
    j = sector - 1
    w = lS[j] / lN[j] / (1 if coordinated else th[j])
    gains = {k + 1: lS[k] / (th[k] * lN[k]) - w for k in range(len(lS)) if k != j}
    best = max(gains.values())
    return min(k for k, g in gains.items() if g == best), best


_fraction = st.fractions(min_value=Fraction(1, 4), max_value=6, max_denominator=4)
_theta = st.one_of(st.just(Fraction(1)), st.fractions(min_value=1, max_value=3, max_denominator=3))


@settings(max_examples=120, deadline=None)
@given(st.integers(2, 6).flatmap(lambda J: st.tuples(
    st.lists(_fraction, min_size=J, max_size=J), st.lists(_fraction, min_size=J, max_size=J),
    st.lists(_theta, min_size=J, max_size=J), st.integers(1, J), st.booleans(), st.booleans())))
def test_a_failed_assert_equilibrium_names_the_most_profitable_deviation(case):
    lS, lN, th, sector, coordinated, as_floats = case
    args = [[float(x) for x in a] for a in (lS, lN, th)] if as_floats else [lS, lN, th]
    # floats are taken at their exact binary values: a tie between 1/3s is no tie in floats
    exact = [[Fraction(x) for x in a] for a in args]
    k, gain = _best_deviation(*exact, sector, coordinated)
    try:
        assert_equilibrium(*args, sector=sector, coordinated=coordinated, rtol=0.0)
    except AssertionError as exc:
        message = str(exc)
        assert gain > 0, message  # it fails only when some deviation profits ...
        named = int(re.search(r"producer in sector (\d+)", message).group(1))
        assert named == k, message  # ... and names the best one, by its place in the input
        assert f"w({k},U) = " in message and "exceeds" in message
    else:
        assert gain <= 0, (args, sector, coordinated)


def test_failure_messages_show_decimals_beside_exact_rationals():
    with pytest.raises(AssertionError) as info:
        assert_equilibrium(["3", "2"], [1, 3], ["3/2", 1], sector=2, coordinated=False)
    assert "w(2,U) = 2/3 (~0.6666666667)" in str(info.value) and "w(1,U) = 2 exceeds" in str(info.value)
    # the draw of assert_holds: each rational with its decimal
    with pytest.raises(AssertionError) as info:
        assert_holds(sp.Implies(s5.equilibrium(2, True, S), s5.condition_star(2)), s5.standing_assumptions(S),
                     samples=2000)
    draw = re.search(r"\n  draw: (.*)", str(info.value)).group(1)
    pairs = re.findall(r"(\w+) = (\d+/\d+) \(~([\d.e+-]+)\)", draw)
    assert pairs, draw
    for _, exact, approx in pairs:  # each decimal agrees with the fraction beside it
        assert float(Fraction(exact)) == pytest.approx(float(approx), rel=1e-9)


def test_unsorted_input_names_both_numberings_and_a_near_miss_within_tolerance_says_so():
    # input order: sector 1 is weakest, sector 3 strongest (the paper's sector 1)
    with pytest.raises(AssertionError, match=r"producer in sector 3 \(the paper's sector 1, numbering by "
                                             r"comparative advantage\) profits"):
        assert_equilibrium(["1", "2", "4"], [1, 1, 1], [1, 1, 1], sector=1)
    # E(2,C) holds within the tolerance though a deviator in sector 1 would gain 1e-10: the message says so
    with pytest.raises(AssertionError, match="by less than the relative tolerance"):
        assert_not_equilibrium([2.0000000001, 2.0], [1.0, 1.0], [1.0, 1.0], sector=2)
    with pytest.raises(ValueError, match="1-based"):
        assert_equilibrium([3.0, 2.0], [1.0, 1.0], [2.0, 1.0], sector=True)
    assert_equilibrium([3.0, 2.0], [1.0, 1.0], [2.0, 1.0], sector=np.int64(1))  # a NumPy integer is a number


def test_a_failing_assert_holds_shows_the_users_line_not_the_toolkits_machinery(tmp_path):
    """A new user's report: the traceback of a failing ``assert_holds`` showed the body of the toolkit's own
    ``_run`` above the message."""
    import subprocess
    import sys
    from pathlib import Path

    (tmp_path / "test_mine.py").write_text(
        "import sympy as sp\nfrom numeric.testing import assert_holds\n\n"
        "def test_price():\n    x = sp.Symbol('x', positive=True)\n    assert_holds(x > 1, samples=200)\n")
    root = Path(__file__).resolve().parents[1]
    r = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path / "test_mine.py")],
                       capture_output=True, text=True, timeout=300, cwd=tmp_path,
                       env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"})
    assert r.returncode == 1 and "assert_holds(x > 1, samples=200)" in r.stdout, r.stdout
    assert "claim fails on an admissible draw" in r.stdout
    assert "def _run" not in r.stdout and "check_statement(" not in r.stdout, r.stdout


def test_a_failing_claim_item_says_how_to_rerun_it_alone(tmp_path):
    """A new user's report: ``pytest "::coordfail::A.7"`` fails (an item id is no path): the failure says how."""
    (tmp_path / "mine.py").write_text('import sympy as sp\nfrom proofs import Claim\nx = sp.Symbol("x", positive=True)\n'
                                      'claims = [Claim(id="A.7", statement="s", claim=x > 1, expected="proved")]\n')
    proc = _pytest(tmp_path, "--coordfail-claims=mine.py", "--coordfail-samples", "1000")
    assert proc.returncode == 1 and "verdict refuted" in proc.stdout, proc.stdout + proc.stderr
    assert "this claim alone: pytest --coordfail-claims=mine.py --coordfail-only A.7)" in proc.stdout
    assert "::coordfail::" not in proc.stdout and "coordfail::A.7" in proc.stdout  # an id without an empty file part
    again = _pytest(tmp_path, "--coordfail-claims=mine.py", "--coordfail-only", "A.7", "--coordfail-samples", "1000")
    assert "1 failed" in again.stdout, again.stdout


def test_plugin_says_a_claim_without_an_expectation_is_not_judged(tmp_path):
    """A new user's report: ``coordfail::H.4s PASSED`` for a claim the engine refuted, which had no expected
    verdict: PASSED alone reads as "the claim holds".  It passes (nothing was expected) with a warning naming the
    verdict."""
    (tmp_path / "mine.py").write_text(
        "import sympy as sp\nfrom proofs import Claim\nx = sp.Symbol('x', positive=True)\n"
        "claims = [Claim(id='H.1', statement='x below 1', claim=x < 1),\n"
        "          Claim(id='H.2', statement='x positive', claim=x > 0, expected='proved')]\n")
    proc = _pytest(tmp_path, "--coordfail-claims=mine.py", "--coordfail-samples", "2000", "-v", "-rw")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "H.1: refuted, not judged (the claim has no expected verdict)" in proc.stdout, proc.stdout
    assert "H.2: proved, not judged" not in proc.stdout, proc.stdout  # H.2 is judged
