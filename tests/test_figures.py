"""Figures: built from the symbolic models, written as PNG and PDF, the same bytes on every run."""

from __future__ import annotations

import pytest

from proofs.figures import FIGURES, save_figure, section2_spillover_payoffs, section5_wages, worked_section5_instance


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_each_figure_writes_png_and_pdf(name, tmp_path):
    build, caption = FIGURES[name]
    paths = save_figure(build(), tmp_path / name)
    assert [p.suffix for p in paths] == [".png", ".pdf"]
    assert paths[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and paths[1].read_bytes()[:5] == b"%PDF-"
    assert caption and "S" in caption  # captions cite the claims they illustrate


def test_spillover_figure_marks_three_equilibria_with_their_stability():
    fig = section2_spillover_payoffs(3, 1)
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert "none modern ($n = 0$): stable" in labels
    assert "all modern ($n = 1$): stable" in labels
    assert "interior ($n = 2/3$): unstable" in labels


def test_section5_figure_marks_the_equilibria_exactly():
    fig = section5_wages(*worked_section5_instance())
    bars = fig.axes[0].patches
    colours = [b.get_facecolor() for b in bars[:6]]
    # sectors 1-4 are coordinated equilibria (sector 4 exactly at (*) equality), 5-6 are not
    assert colours[3] == colours[0] and colours[4] != colours[0] and colours[5] == colours[4]


def test_figures_are_byte_identical_across_runs(tmp_path):
    build, _ = FIGURES["section5_wages"]
    a = save_figure(build(), tmp_path / "a.pdf")[0].read_bytes()
    b = save_figure(build(), tmp_path / "b.pdf")[0].read_bytes()
    assert a == b


def test_equilibria_plot_from_the_command_line(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    data = tmp_path / "economy.csv"
    data.write_text("sector,lambda_S,lambda_N,theta\ntextiles,3,1,2\nwine,6,1,2\nsoftware,2,2,3\n")
    before = data.read_bytes()
    root = Path(__file__).resolve().parents[1]
    run = lambda *a: subprocess.run([sys.executable, "-m", "proofs", "equilibria", str(data), *a],
                                    capture_output=True, text=True, timeout=120, cwd=root)
    ok = run("--plot", str(tmp_path / "wages.png"))
    assert ok.returncode == 0, ok.stderr
    assert (tmp_path / "wages.png").read_bytes()[:4] == b"\x89PNG"
    bad = run("--plot", str(tmp_path / "wages.txt"))
    assert bad.returncode == 2 and "must end in .png or .pdf" in bad.stderr
    same = run("--plot", str(data))
    assert same.returncode == 2
    assert data.read_bytes() == before  # the input file is never written
