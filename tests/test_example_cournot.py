"""The worked example of a user's own paper (examples/cournot.py), end to end as the README shows it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "cournot.py"


def run(*args, cwd=ROOT, timeout=300):
    return subprocess.run([sys.executable, "-m", "proofs", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=timeout)


def test_verify_decides_every_claim_as_expected_and_kills_mutants():
    r = run("verify", "--claims", str(EXAMPLE), "--json", "--quiet", "--samples", "5000", "--mutants")
    assert r.returncode == 0, r.stderr
    data = {d["id"]: d for d in json.loads(r.stdout)}
    assert len(data) == 8
    assert {d["status"] for d in data.values()} == {"proved", "refuted", "witness"}
    assert data["C.7"]["status"] == "refuted" and data["C.3"]["status"] == "refuted"
    for d in data.values():
        assert d["status"] == d["expected"]
        assert d["spot_check"]["violations"] == 0 and d["spot_check"]["samples"] >= 5000
        if d["status"] == "proved":
            assert d["mutants"]["killed"] >= 1, d["id"]


def test_derive_shows_the_models_steps_and_the_counterexample():
    r = run("derive", "C.7", "--claims", str(EXAMPLE))
    assert r.returncode == 0, r.stderr
    assert "Counterexample" in r.stdout and "Lahiri and Ono" in r.stdout
    r = run("derive", "C.1", "--claims", str(EXAMPLE))
    assert r.returncode == 0, r.stderr
    assert "first-order condition" in r.stdout  # the model's steps, from the claims file


def test_the_example_runs_under_the_pytest_plugin(tmp_path):
    (tmp_path / "test_nothing.py").write_text("def test_placeholder():\n    assert 1 + 1 == 2\n")
    r = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--coordfail-claims={EXAMPLE}",
                        "--coordfail-samples", "2000", str(tmp_path)], capture_output=True, text=True, cwd=tmp_path,
                       timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "9 passed" in r.stdout  # eight claims and the placeholder


@pytest.mark.slow
def test_report_of_the_example(tmp_path):
    r = run("report", "--claims", str(EXAMPLE), "--out", str(tmp_path / "out"), "--samples", "2000", "--quiet")
    assert r.returncode == 0, r.stderr
    tex = (tmp_path / "out" / "report.tex").read_text()
    assert "Cournot duopoly" in tex and "Welfare" in tex
