"""``coordfail equilibria FILE [--json]`` (issue 3 §4): output, exactness, and one-line errors with exit 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from proofs.cli import main

PAPER_ECONOMY = {"lambda_S": ["3", "2", "1"], "lambda_N": [1, 1, 1], "theta": ["3/2", "4/3", 1],
                 "sectors": ["textiles", "electronics", "software"]}


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _run(capsys, *argv):
    code = main(["equilibria", *map(str, argv)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_output_exact(tmp_path, capsys):
    path = _write(tmp_path, "e.json", json.dumps(PAPER_ECONOMY))
    code, out, err = _run(capsys, path, "--json")
    assert code == 0 and err == ""
    doc = json.loads(out)
    assert [(e["sector"], e["coordinated"], e["wage_exact"]) for e in doc["equilibria"]] == [
        (1, True, "3"), (2, True, "2"), (1, False, "2")]
    assert doc["equilibria"][1]["name"] == "electronics"
    assert doc["assumptions"] == {"A1": True, "A2": True}
    assert doc["comparative_advantage_order"] == [1, 2, 3]
    assert "factor 3/2" in doc["reading"]


def test_table_output_and_csv_with_floats_unsorted(tmp_path, capsys):
    path = _write(tmp_path, "e.csv", "sector,lambda_S,lambda_N,theta\nfood,0.5,1,1.2\ncars,3,1,1.5\nchips,2,1,1\n")
    code, out, err = _run(capsys, path)
    assert code == 0 and err == ""
    assert "cars" in out and "near boundary" in out and "A2: fails" in out
    assert "comparative-advantage order: 2, 3, 1" in out


def test_csv_without_sector_column_and_exact_cells(tmp_path, capsys):
    path = _write(tmp_path, "e.csv", "lambda_S,lambda_N,theta\n3,1,3/2\n2,1,4/3\n1,1,1\n")
    code, out, _ = _run(capsys, path, "--json")
    doc = json.loads(out)
    assert code == 0 and doc["exact"] and doc["equilibria"][0]["name"] is None


BAD = [
    ("e.json", '{"lambda_S": [1, -2], "lambda_N": [1, 1], "theta": [1, 1]}', "lambda_S[1]: must be positive"),
    ("e.json", '{"lambda_S": [1, NaN], "lambda_N": [1, 1], "theta": [1, 1]}', "lambda_S[1]: must be finite"),
    ("e.json", '{"lambda_S": [1, Infinity], "lambda_N": [1, 1], "theta": [1, 1]}', "must be finite"),
    ("e.json", '{"lambda_S": [1, 2], "lambda_N": [1, 1], "theta": [1, 0.5]}', "theta[1]: must be >= 1"),
    ("e.json", '{"lambda_S": [1, 2], "lambda_N": [1], "theta": [1, 1]}', "ragged lengths"),
    ("e.json", '{"lambda_S": [], "lambda_N": [], "theta": []}', "empty input"),
    ("e.json", '{"lambda_S": [1], "lambda_N": [1], "theta": [1]}', "at least 2 sectors"),
    ("e.json", '{"lambda_S": [1, 2', "malformed JSON"),
    ("e.json", '[1, 2]', "must be an object"),
    ("e.json", '{"lambda_S": [1, 2], "lambda_N": [1, 1]}', "missing key 'theta'"),
    ("e.json", '{"lambda_S": [1, 2], "lambda_N": [1, 1], "theta": [1, 1], "gdp": 3}', "unknown key 'gdp'"),
    ("e.json", '{"lambda_S": [1, "2.5"], "lambda_N": [1, 1], "theta": [1, 1]}', "lambda_S[1]: '2.5' is not an exact"),
    ("e.json", '{"lambda_S": [1, "1/0"], "lambda_N": [1, 1], "theta": [1, 1]}', "zero denominator"),
    ("e.json", '{"lambda_S": [1, true], "lambda_N": [1, 1], "theta": [1, 1]}', "lambda_S[1]: must be a number"),
    ("e.json", '{"lambda_S": [1, 2], "lambda_N": [1, 1], "theta": [1, 1], "sectors": [1, 2]}', "sectors[0]"),
    ("e.csv", "lambda_S,lambda_N\n1,2\n2,1\n", "missing column 'theta'"),
    ("e.csv", "lambda_S,lambda_N,theta,gdp\n1,2,1,0\n", "unknown column 'gdp'"),
    ("e.csv", "lambda_S,lambda_N,theta\n1,2,1\n2,1\n", "row 2: 2 cells for 3 columns"),
    ("e.csv", "lambda_S,lambda_N,theta\n1,2,1\nabc,1,1\n", "lambda_S[1]: 'abc' is not a number"),
    ("e.csv", "lambda_S,lambda_N,theta\n1,2,1\nnan,1,1\n", "lambda_S[1]: 'nan' is not a number"),
    ("e.csv", "lambda_S,lambda_N,theta\n", "empty input"),
    ("e.csv", "", "empty file"),
]


@pytest.mark.parametrize("name, text, message", BAD, ids=[m for _, _, m in BAD])
def test_bad_input_is_one_line_exit_2_and_the_file_is_untouched(tmp_path, capsys, name, text, message):
    path = _write(tmp_path, name, text)
    before = (path.read_bytes(), os.stat(path).st_mtime_ns)
    code, out, err = _run(capsys, path)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("coordfail: error: ") and message in err, err
    assert "Traceback" not in err
    assert (path.read_bytes(), os.stat(path).st_mtime_ns) == before


def test_missing_path_and_directory(tmp_path, capsys):
    code, _, err = _run(capsys, tmp_path / "nope.json")
    assert code == 2 and "no such file" in err
    code, _, err = _run(capsys, tmp_path)
    assert code == 2 and "is a directory" in err


def test_the_installed_command_runs_without_a_traceback(tmp_path):
    path = _write(tmp_path, "e.json", '{"lambda_S": [1, -2], "lambda_N": [1, 1], "theta": [1, 1]}')
    proc = subprocess.run([sys.executable, "-m", "proofs", "equilibria", str(path)], capture_output=True, text=True)
    assert proc.returncode == 2 and proc.stdout == "" and "Traceback" not in proc.stderr
    assert proc.stderr.strip().endswith("lambda_S[1]: must be positive, got -2")
