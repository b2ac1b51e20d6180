"""Bad input everywhere: one line on stderr, exit status 2, no traceback, nothing executed, nothing half-written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import sympy as sp

from symbolic import exists, prove

ROOT = Path(__file__).resolve().parents[1]
PWN = "__import__('os').system('touch pwned')"


def run(args, cwd):
    return subprocess.run([sys.executable, "-m", "proofs", *args], capture_output=True, text=True, timeout=120,
                          cwd=cwd, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


CASES = [
    (["verify", "--only", PWN], "no claim id starts with"),
    (["verify", "--timeout", "nan"], "positive number of seconds"),
    (["verify", "--timeout", "inf"], "positive number of seconds"),
    (["verify", "--timeout", "0"], "positive number of seconds"),
    (["verify", "--samples", "0"], "positive whole number"),
    (["verify", "--samples", "1e9x"], "whole number"),
    (["verify", "--seed", PWN], "invalid int value"),
    (["derive", PWN], "no claim with id"),
    (["derive", "S5.é"], "no claim with id"),
    (["derive"], "the following arguments are required"),
    (["report", "--only", PWN, "--out", "out"], "no claim id starts with"),
    (["report", "--samples", "-3"], "positive whole number"),
    (["report", "--timeout", "-1"], "positive number of seconds"),
    ([], "the following arguments are required"),
    (["nonsense"], "invalid choice"),
]


@pytest.mark.parametrize("args, message", CASES, ids=[" ".join(a)[:40] or "(none)" for a, _ in CASES])
def test_cli_bad_input_is_one_line_and_executes_nothing(args, message, tmp_path):
    r = run(args, tmp_path)
    assert r.returncode == 2, (r.stdout, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert message in lines[0] and "Traceback" not in r.stderr
    assert not (tmp_path / "pwned").exists()
    assert not (tmp_path / "out").exists()  # no partial output for a failed command


def test_the_engine_never_parses_text():
    with pytest.raises(TypeError):
        prove(PWN)
    with pytest.raises(TypeError):
        exists("x > 0")
    with pytest.raises(TypeError):
        prove(sp.Symbol("x") > 0, [PWN])
    assert not Path("pwned").exists()
