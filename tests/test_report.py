"""``coordfail report``: the .tex, its determinism, atomic output, and the compiled PDF."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from proofs import claims

ROOT = Path(__file__).resolve().parents[1]


def run(*args, env=None, timeout=300):
    return subprocess.run([sys.executable, "-m", "proofs", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT, env=env)


def test_report_tex_has_every_selected_claim_and_is_deterministic(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for out in (a, b):
        r = run("report", "--only", "S5", "--out", str(out), "--samples", "1000", "--quiet")
        assert r.returncode == 0, r.stderr
    tex = (a / "report.tex").read_text(encoding="utf-8")
    for c in claims(["S5"]):
        assert f"\\subsection*{{{c.id.replace('_', '')}: " in tex
    assert "Where the paper's text needs correcting" in tex and "erratum (iii)" in tex
    assert "Ablation: Section 5" in tex and r"\includegraphics" in tex
    assert (a / "report.tex").read_bytes() == (b / "report.tex").read_bytes()
    assert not [p for p in a.iterdir() if p.name.startswith(".")]  # no temporary files left behind


def test_report_to_an_unwritable_place_is_one_line_exit_2(tmp_path):
    target = tmp_path / "a-file"
    target.write_text("not a directory")
    r = run("report", "--only", "S5.1", "--out", str(target), "--quiet")
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1
    assert target.read_text() == "not a directory"


def test_pdf_without_tex_says_how_to_install_it(tmp_path):
    env = dict(os.environ, PATH=str(Path(sys.executable).parent))  # python, but no pdflatex
    r = run("report", "--only", "S5.1", "--out", str(tmp_path / "r"), "--pdf", "--quiet", env=env)
    assert r.returncode == 2
    assert "pdflatex not found" in r.stderr and "apt-get install texlive" in r.stderr
    assert not (tmp_path / "r" / "report.pdf").exists()


needs_tex = pytest.mark.skipif(shutil.which("pdflatex") is None and not os.environ.get("CI"),
                               reason="pdflatex is not installed (CI installs it and runs this test)")


@pytest.mark.slow
@needs_tex
def test_full_report_compiles_and_names_every_claim(tmp_path):
    out = tmp_path / "report"
    r = run("report", "--pdf", "--out", str(out), "--quiet")
    assert r.returncode == 0, r.stderr
    pdf = out / "report.pdf"
    assert pdf.exists() and (out / "report.tex").exists()
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    missing = [c.id for c in claims() if c.id not in text]
    assert not missing, f"claim ids missing from the PDF: {missing}"
    log = (out / "report.log").read_text(errors="replace")
    assert "Undefined control sequence" not in log
    overfull = re.findall(r"Overfull \\hbox \(([\d.]+)pt too wide\)", log)
    assert not overfull, f"overfull boxes: {overfull}"
