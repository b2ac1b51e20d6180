"""Ctrl-C: verify prints what it decided so far; report leaves no partial files."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _ctrl_c_heard() -> None:
    # Ctrl-C as a terminal delivers it: a test run started in the background by a shell inherits SIGINT
    # ignored, and so would the command under test
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _interrupt_after_first_claim(args, cwd, marker="[1/"):
    proc = subprocess.Popen([sys.executable, "-m", "proofs", *args], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
                            preexec_fn=_ctrl_c_heard)
    # wait for the first progress line, then press Ctrl-C
    line = ""
    deadline = time.time() + 120
    while marker not in line and time.time() < deadline:
        line = proc.stderr.readline()
        if not line and proc.poll() is not None:
            break
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    return proc.returncode, out, line + err


@pytest.mark.slow
def test_ctrl_c_in_verify_prints_the_results_so_far(tmp_path):
    code, out, err = _interrupt_after_first_claim(["verify"], tmp_path)
    assert code == 130, err
    assert "interrupted after" in err
    assert out.startswith("id ") and "claims decided as expected" in out
    assert "Traceback" not in err


@pytest.mark.slow
def test_ctrl_c_in_report_leaves_no_partial_files(tmp_path):
    out_dir = tmp_path / "report"
    code, out, err = _interrupt_after_first_claim(["report", "--out", str(out_dir)], tmp_path)
    assert code == 130, err
    assert "Traceback" not in err
    leftovers = list(out_dir.rglob("*")) if out_dir.exists() else []
    assert leftovers == []


# a quick claim, one whose decision takes long (z3 on a high-degree polynomial), and another quick one
THREE_CLAIMS = textwrap.dedent('''
    import sympy as sp
    from proofs import Claim

    x = sp.Symbol("x", real=True)  # real, not positive: SymPy itself would spend long on the sign of x**2000 - x + 1
    claims = [
        Claim(id="Q.1", statement="quick", claim=x**2 + 1 > 0, expected="proved"),
        Claim(id="Q.2", statement="slow: a high-degree polynomial", claim=x**2000 - x + 1 > 0, expected="proved"),
        Claim(id="Q.3", statement="quick again", claim=x**2 + 2 > 0, expected="proved"),
    ]
''')


@pytest.mark.parametrize("whole_group", [True, False], ids=["ctrl-c to the process group", "sigint to verify"])
def test_ctrl_c_during_a_decision_counts_only_what_was_decided(tmp_path, whole_group):
    (tmp_path / "three.py").write_text(THREE_CLAIMS)
    # a new session, so that killpg reaches verify and its z3 worker as Ctrl-C in a terminal does
    proc = subprocess.Popen([sys.executable, "-m", "proofs", "verify", "--claims", "three.py", "--timeout", "60",
                             "--no-spot-checks"], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True, preexec_fn=_ctrl_c_heard,
                            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    try:
        line, deadline = "", time.time() + 120
        while "[1/3]" not in line and time.time() < deadline:
            line = proc.stderr.readline()
            if not line and proc.poll() is not None:
                break
        time.sleep(0.5)  # Q.2 is now inside z3
        if whole_group:
            os.killpg(proc.pid, signal.SIGINT)
        else:
            proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    err = line + err
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert "Q.1" in out and "Q.2" not in out and "Q.3" not in out  # the claim cut short is not reported
    assert "interrupted: 1 of 3 claims decided, 2 not run; 1/1 claims decided as expected [proved 1]" in out, out
