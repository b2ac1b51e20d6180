"""The command line without surprises (issue 14): help without reST markup, no arguments is help, and
``coordfail equilibria`` starts without SymPy, z3 or matplotlib (the ratio itself: benchmarks/cli_startup.py)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from proofs.cli import COMMANDS, build_parser, main

ROOT = Path(__file__).resolve().parents[1]
ECONOMY = "sector,lambda_S,lambda_N,theta\ntextiles,3,1,3/2\nwine,2,1,4/3\nsoftware,1,1,1\n"


def test_no_arguments_prints_the_help_and_succeeds(capsys):
    assert main([]) == 0
    out = capsys.readouterr()
    assert out.out.startswith("usage: coordfail") and "equilibria" in out.out and out.err == ""
    proc = subprocess.run([sys.executable, "-m", "proofs"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 0 and proc.stdout.startswith("usage: coordfail") and proc.stderr == ""


@pytest.mark.parametrize("command", [None] + COMMANDS)
def test_help_texts_show_no_rest_markup(command, capsys):
    argv = ["--help"] if command is None else [command, "--help"]
    assert main(argv) == 0
    text = capsys.readouterr().out
    assert text.startswith("usage: coordfail")
    assert "`" not in text, text  # no ``literal`` or `title` markup
    assert not re.search(r":(func|class|mod|data|attr|meth|math):", text), text
    if command is not None:  # the description does not repeat the usage line as "coordfail verify: ..."
        description = text.split("\n\n")[1]
        assert not description.startswith("coordfail"), description


def test_every_subcommand_is_in_the_parser():
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    assert list(sub.choices) == COMMANDS


def _imported(tmp_path, *extra) -> set[str]:
    data = tmp_path / "economy.csv"
    data.write_text(ECONOMY)
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "proofs", "equilibria", str(data), *extra],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "textiles" in proc.stdout
    return {line.rsplit("|", 1)[1].strip().split(".")[0] for line in proc.stderr.splitlines()
            if line.startswith("import time:") and "|" in line}


def test_equilibria_starts_without_sympy_z3_or_matplotlib(tmp_path):
    modules = _imported(tmp_path)
    assert "numpy" in modules and "numeric" in modules  # the check sees imports at all
    assert not {"sympy", "z3", "matplotlib", "flint", "cvc5"} & modules


def test_equilibria_plot_imports_matplotlib_but_no_solver(tmp_path):
    modules = _imported(tmp_path, "--plot", str(tmp_path / "wages.png"))
    assert "matplotlib" in modules and not {"z3", "cvc5"} & modules
    assert (tmp_path / "wages.png").read_bytes()[:4] == b"\x89PNG"
