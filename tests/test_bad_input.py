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
    (["verify", "--only", PWN], "no claim id is or starts with"),
    (["verify", "--timeout", "nan"], "positive number of seconds"),
    (["verify", "--timeout", "inf"], "positive number of seconds"),
    (["verify", "--timeout", "0"], "positive number of seconds"),
    (["verify", "--samples", "0"], "positive whole number"),
    (["verify", "--samples", "1e9x"], "whole number"),
    (["verify", "--seed", PWN], "invalid int value"),
    (["derive", PWN], "no claim with id"),
    (["derive", "S5.é"], "no claim with id"),
    (["derive"], "the following arguments are required"),
    (["report", "--only", PWN, "--out", "out"], "no claim id is or starts with"),
    (["report", "--samples", "-3"], "positive whole number"),
    (["report", "--timeout", "-1"], "positive number of seconds"),
    (["equilibria"], "the following arguments are required"),  # no arguments at all is help: test_cli_startup.py
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


def test_the_numeric_layer_never_parses_text(tmp_path, monkeypatch):
    """check_statement, draw_admissible, evaluate_point, the assertions of numeric.testing and an Obligation
    sympified a string statement: the code in it ran (a red team's trial)."""
    from numeric.spot import check_statement, draw_admissible, evaluate_point
    from numeric.testing import assert_holds, assert_never
    from symbolic.errors import BadInputTypeError
    from symbolic.fraction_eval import Unsupported, as_fraction
    from symbolic.obligation import Obligation

    monkeypatch.chdir(tmp_path)
    x = sp.Symbol("x", positive=True)
    for call in (lambda: check_statement(PWN), lambda: check_statement(x > 0, [PWN]),
                 lambda: check_statement(x > 0, {"a": PWN}), lambda: draw_admissible(PWN),
                 lambda: evaluate_point(PWN, [], {}), lambda: evaluate_point(x > 1, [], {x: PWN}),
                 lambda: assert_holds(PWN), lambda: assert_never(x > 0, [PWN]),
                 lambda: Obligation.forall("o", PWN)):
        with pytest.raises(BadInputTypeError, match="string"):
            call()
    # nor inside a container: sympify converts a tuple's items without the strict check
    for call in (lambda: check_statement(x > 0, [("a", PWN)]), lambda: check_statement((PWN,)),
                 lambda: check_statement(x > 0, {"a": (PWN,)}), lambda: draw_admissible(x > 0, [(PWN,)]),
                 lambda: evaluate_point(x > 1, [], {x: (PWN,)}), lambda: assert_holds(x > -1, [(PWN,)]),
                 lambda: check_statement(x > 0, [frozenset([PWN])]), lambda: check_statement(x > 0, [{"k": PWN}]),
                 lambda: Obligation.forall("o", (PWN,))):
        with pytest.raises(BadInputTypeError):
            call()
    with pytest.raises(Unsupported):
        as_fraction(PWN)
    assert not (tmp_path / "pwned").exists()
    assert check_statement(x > 0, samples=100).failures == 0  # SymPy objects, and Python numbers, still go


EQUILIBRIA_FILES = [
    ("nested.json", "[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ("pwn.json", '{"lambda_S": ["' + PWN.replace('"', "'") + '", 1], "lambda_N": [1, 1], "theta": [1, 1]}',
     "is not an exact rational"),
    ("nan.json", '{"lambda_S": [NaN, 2], "lambda_N": [1, 1], "theta": [1, 1]}', "must be finite"),
    ("inf.json", '{"lambda_S": [Infinity, 2], "lambda_N": [1, 1], "theta": [1, 1]}', "must be finite"),  # 1e400 is a number
    ("neg.json", '{"lambda_S": [-1, 2], "lambda_N": [1, 1], "theta": [1, 1]}', "lambda_S"),
    ("zero.json", '{"lambda_S": [1, 2], "lambda_N": [0, 1], "theta": [1, 1]}', "lambda_N"),
    ("theta.json", '{"lambda_S": [1, 2], "lambda_N": [1, 1], "theta": ["1/2", 1]}', "theta"),
    ("ragged.json", '{"lambda_S": [1, 2, 3], "lambda_N": [1, 1], "theta": [1, 1]}', "length"),
    ("one.json", '{"lambda_S": [1], "lambda_N": [1], "theta": [1]}', "at least 2"),
    ("shape.json", '{"lambda_S": [[1, 2]], "lambda_N": [1], "theta": [1]}', "lambda_S"),
    ("extra.json", '{"lambda_S": [1, 2], "lambda_N": [1, 1], "theta": [1, 1], "eval": 1}', "unknown key"),
    ("missing.csv", "lambda_S,lambda_N\n1,2\n", "missing column 'theta'"),
    ("text.csv", "lambda_S,lambda_N,theta\nabc,1,1\n2,1,1\n", "lambda_S"),
]


@pytest.mark.parametrize("name, text, message", EQUILIBRIA_FILES, ids=[n for n, _, _ in EQUILIBRIA_FILES])
def test_equilibria_bad_files(name, text, message, tmp_path):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    r = run(["equilibria", str(path)], tmp_path)
    assert r.returncode == 2, (r.stdout, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in r.stderr, r.stderr
    assert path.read_bytes() == before and not (tmp_path / "pwned").exists()


@pytest.mark.parametrize("name, text", [
    ("bom.csv", "\ufeffsector,lambda_S,lambda_N,theta\na,3,1,2\nb,2,1,2\n"),
    ("unicode.json", '{"lambda_S": [3, 2], "lambda_N": [1, 1], "theta": [2, 2], "sectors": ["café ☕", "日本"]}'),
])
def test_equilibria_accepts_bom_and_unicode_names(name, text, tmp_path):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    r = run(["equilibria", str(path), "--json"], tmp_path)
    assert r.returncode == 0, r.stderr
    import json

    names = {e["name"] for e in json.loads(r.stdout)["equilibria"]}
    assert names == ({"café ☕", "日本"} if name == "unicode.json" else {"a", "b"})


@pytest.mark.parametrize("path_kind, message", [("missing", "no such file"), ("directory", "is a directory")])
def test_equilibria_bad_paths(path_kind, message, tmp_path):
    target = tmp_path / "nope.json" if path_kind == "missing" else tmp_path
    r = run(["equilibria", str(target)], tmp_path)
    assert r.returncode == 2 and message in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_equilibria_api_bad_input_names_the_field():
    import numpy as np

    import numeric

    cases = [
        (([1, 2], [1, 1], [1]), "theta"),                  # ragged
        (([1, float("nan")], [1, 1], [1, 1]), "lambda_S"),
        (([1, 2], [1, -1], [1, 1]), "lambda_N"),
        (([1, 2], [1, 1], [1, 0.5]), "theta"),
        ((np.ones((2, 2)), np.ones(2), np.ones(2)), "lambda_S"),
        (([], [], []), "empty"),
    ]
    for args, field in cases:
        with pytest.raises(ValueError, match=field):
            numeric.equilibria(*args)


@pytest.mark.slow
def test_equilibria_at_ten_million_sectors():
    import numpy as np

    import numeric

    J = 10**7
    rng = np.random.default_rng(0)
    result = numeric.equilibria(rng.uniform(0.5, 2, J), rng.uniform(0.5, 2, J), rng.uniform(1, 2, J))
    assert result.J == J and len(result) >= 1


@pytest.mark.parametrize("option, value", [("--timeout", "٥"), ("--timeout", "5_0"), ("--samples", "١٠"),
                                           ("--samples", "1_000")])
def test_counts_and_seconds_are_ascii_decimals(option, value):
    # Python's float() and int() take other scripts' digits and underscores; the data parsers do not, nor do these
    r = subprocess.run([sys.executable, "-m", "proofs", "verify", "--only", "S2.spill.1", option, value],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1 and option in r.stderr


def test_a_number_below_the_float_range_is_refused_not_read_as_zero():
    from proofs.cli import UsageError
    from proofs.datafile import exact_or_float

    with pytest.raises(UsageError, match="below the floating-point range"):
        exact_or_float("--budget", "1e-400")
    assert exact_or_float("--budget", "0.0e5") == 0.0 and exact_or_float("--budget", "1e-300") == 1e-300


def test_an_assumption_named_by_something_other_than_words_is_refused():
    """``{None: x > 1}`` was accepted and shown as an assumption named 'None'."""
    from symbolic.errors import BadInputTypeError

    x = sp.Symbol("x")
    for key in (None, 1, ("a",)):
        with pytest.raises(BadInputTypeError, match="an assumption's name must be words"):
            prove(x > 0, {key: x > 1})
    assert prove(x > 0, {"x above one": x > 1}).status.value == "proved"
