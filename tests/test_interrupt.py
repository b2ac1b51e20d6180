"""Ctrl-C: verify prints what it decided so far; report leaves no partial files."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _interrupt_after_first_claim(args, cwd, marker="[1/"):
    proc = subprocess.Popen([sys.executable, "-m", "proofs", *args], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
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
    assert out.startswith("id ") and "claims decided as MODEL.md expects" in out
    assert "Traceback" not in err


@pytest.mark.slow
def test_ctrl_c_in_report_leaves_no_partial_files(tmp_path):
    out_dir = tmp_path / "report"
    code, out, err = _interrupt_after_first_claim(["report", "--out", str(out_dir)], tmp_path)
    assert code == 130, err
    assert "Traceback" not in err
    leftovers = list(out_dir.rglob("*")) if out_dir.exists() else []
    assert leftovers == []
