"""The README's promises: its commands and its example run as written."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands():
    first_block = re.search(r"```sh\n(.*?)```", README, re.S).group(1).strip().splitlines()
    assert len(first_block) == 2
    setup_and_verify, tests = first_block
    assert setup_and_verify.endswith("coordfail verify") and "venv" in setup_and_verify
    assert "pytest" in tests and "venv" in tests
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "sed -n 2p" in ci  # .ci/run executes exactly that second line


def test_readme_python_example_runs_and_prints_what_it_says():
    code = re.search(r"```python\n(.*?)```", README, re.S).group(1)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith("proved")
    assert lines[1].startswith("refuted {alpha: ")
    assert lines[2] == "{alpha: sqrt(2)}"
    assert lines[3] == "refuted"


def test_readme_user_test_passes_under_pytest(tmp_path):
    blocks = re.findall(r"```python\n(.*?)```", README, re.S)
    (user_test,) = [b for b in blocks if "def test_" in b]
    assert len(user_test.strip().splitlines()) <= 10
    (tmp_path / "test_user.py").write_text(user_test)
    out = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
                         capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "1 passed" in out.stdout


def test_readme_constructs_table_is_generated_from_the_engine_table():
    from proofs.readme import CONSTRUCTS_BEGIN, CONSTRUCTS_END, current_block
    from symbolic.constructs import supported_constructs_markdown

    assert current_block(README, CONSTRUCTS_BEGIN, CONSTRUCTS_END) == supported_constructs_markdown(), \
        "run: python -m proofs.readme README.md"


def test_readme_own_paper_example_verifies_as_shown(tmp_path):
    code = re.search(r"```python\n# mypaper.py\n(.*?)```", README, re.S).group(1)
    (tmp_path / "mypaper.py").write_text(code)
    out = subprocess.run([sys.executable, "-m", "proofs", "verify", "--claims", "mypaper.py", "--json", "--quiet",
                          "--samples", "2000"], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    import json

    assert [(d["id"], d["status"]) for d in json.loads(out.stdout)] == [("C.2", "proved"), ("C.3", "refuted")]


def test_readme_region_example_prints_what_it_says():
    code = re.search(r"```python\n(import sympy as sp\nfrom symbolic import region.*?)```", README, re.S).group(1)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "(a + c_1 > 2*c_2) & (a + c_2 > 2*c_1)"
    assert lines[1] == "qepcad True"
    assert "(a - 2*c_1 + c_2)/(3*b)" in lines[2]
    assert lines[3] == "True" and lines[4] == "x < sqrt(2)"
