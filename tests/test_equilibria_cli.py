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
    assert "cars" in out and "near boundary" in out
    # unsorted data: the output says in which order A1 and A2 are checked, and where A2 fails
    assert ("A1 and A2 are checked with the sectors in comparative-advantage order (lambda_S/lambda_N decreasing: "
            "2, 3, 1), not in the input order: A1 holds; A2 fails between sector 2 (cars) and sector 3 (chips).") in out


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
    ("e.csv", "lambda_S,lambda_N,theta\n1,2,1\n2,1\n", "line 3 (entry [1]): 2 cells for 3 columns"),
    ("e.csv", "lambda_S,lambda_N,theta\n1,2,1\nabc,1,1\n", "line 3: lambda_S[1]: 'abc' is not a number"),
    # the file's line beside the entry's index from 0: a blank line and a two-line quoted name move the line only
    ("e.csv", 'sector,lambda_S,lambda_N,theta\na,1,2,1\n\n"b\nc",2,1,1\nd,2,1,x\n', "line 6: theta[2]: 'x'"),
    ("e.csv", "lambda_S,lambda_N,theta\n1,2,1\nnan,1,1\n", "lambda_S[1]: 'nan' is not a number"),
    ("e.csv", "lambda_S,lambda_N,theta\n", "empty input"),
    ("e.csv", "", "empty file"),
    ("e.csv", "sector;lambda_S;lambda_N;theta\na;1,5;1;1\nb;2;1;1\n", "is separated by semicolons, not commas"),
    ("e.csv", "sector\tlambda_S\tlambda_N\ttheta\na\t1\t1\t1\n", "is separated by tabs, not commas"),
    ("e.csv", "lambda_S,lambda_N,theta\n1,5,1,1\n2,1,1\n", "4 cells for 3 columns (a decimal comma?"),
    ("e.csv", "sector,lambda_S,lambda_N,theta\nwine,1,1,1\ncars,2,1,1\nwine,3,1,1\n",
     "sectors[2]: duplicate sector name 'wine' (sectors[0] is 'wine')"),
    ("e.csv", "sector,lambda_S,lambda_N,theta\nWine,1,1,1\nwine,2,1,1\n", "the same but for case"),
    ("e.csv", "sector,lambda_S,lambda_N,theta\nwine,1,1,1\n,2,1,1\n", "sectors[1]: an empty sector name"),
    ("e.json", '{"lambda_S": [1, 2], "lambda_N": [1, 1], "theta": [1, 1], "sectors": ["a", "a"]}',
     "sectors[1]: duplicate sector name 'a'"),
    ("e.csv", "Lambda_S,LAMBDA_s,lambda_N,theta\n1,1,1,1\n", "column 'Lambda_S' and 'LAMBDA_s' both name lambda_S"),
    ("e.csv", "lambda_S,lambda_N,theta\n1e5000,1,1\n2,1,1\n", "lambda_S[0]: 1e+5000 is out of range"),
    ("e.csv", "lambda_S,lambda_N,theta\n-1e400,1,1\n2,1,1\n", "lambda_S[0]: must be positive, got ~-1e+400"),
    ("e.json", '{"lambda_S": [1, Infinity], "lambda_N": [1, 1], "theta": [1, 1]}', "lambda_S[1]: must be finite"),
    ("e.json", '{"lambda_S": [1, %s], "lambda_N": [1, 1], "theta": [1, 1]}' % ("9" * 5000),
     "an integer with 5000 digits (the limit is 4000)"),
    ("e.json", '{"lambda_S": [1, 1e99999999999999999999], "lambda_N": [1, 1], "theta": [1, 1]}', "out of range"),
    ("e.csv", "lambda_S,lambda_N,theta\n1e99999999999999999999,1,1\n2,1,1\n", "lambda_S[0]: 1e99999999999999999999 "
     "is out of range"),
    ("e.csv", "lambda_S,lambda_N,theta\n%s,1,1\n2,1,1\n" % ("9" * 9000), "a cell of 9000 characters"),
    ("e.csv", "lambda_S,lambda_N,theta\n%s,1,1\n2,1,1\n" % ("1" * 4001), "an exact number with 4,001 digits (at most 4,000"),
    ("e.csv", ",,,\n", "every cell is blank"),
    ("e.csv", " , \n\n", "every cell is blank"),
    ("e.csv", "lambda_S,lambda_N,theta\n\u0663,1,1\n2,1,1\n", "lambda_S[0]: '\u0663' is not a number"),
    ("e.json", '{"lambda_S": [1, "\u0663"], "lambda_N": [1, 1], "theta": [1, 1]}', "is not an exact rational"),
    ("e.json", '{"lambda_S": [1, 2], "lambda_N": [1, 1], "theta": [1, 1], "lambda_S": [3, 4]}',
     "the key 'lambda_S' appears twice"),
    ("e.csv", "lambda_S,lambda_N,theta\n1,1,0.99999999999999999999\n2.0,1,1\n",
     "theta[0]: must be >= 1 (coordination cannot lower productivity), got 1 - 1e-20"),
    ("e.json", '{"lambda_S": [1, 2], "lambda_N": [1, 1], "theta": [1, 1], "sectors": [" a", "a "]}',
     "the same but for surrounding spaces"),
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


# -- numbers of any size, a case-insensitive header (issue 14) -----------------------------------------------------

HUGE = str(10**500 - 1)  # a 500-digit integer
EXTREME = [
    ("500-digit integer, exact", f"lambda_S,lambda_N,theta\n{HUGE},1,2\n1,1,1\n", "exact", HUGE),
    ("500-digit integer beside decimals", f"lambda_S,lambda_N,theta\n{HUGE},1.0,2\n1.5,1,1\n", "rational", HUGE),
    ("1e308 overflowing a wage", "lambda_S,lambda_N,theta\n1e308,0.5,1\n2.0,1,1\n", "rational", "2" + "0" * 308),
    ("1e-308, subnormal", "lambda_S,lambda_N,theta\n1e-308,1,1.0\n2e-308,1,1.5\n", "rational",
     "1/5" + "0" * 307),  # w(2,C) = 2e-308
    ("1e400", "lambda_S,lambda_N,theta\n1e400,1,2.0\n2.5,1,1\n", "rational", "1" + "0" * 400),
    ("1e-400 against 1e-300", "lambda_S,lambda_N,theta\n1e-300,1e-400,1.0\n1,1,1\n", "rational",
     "1" + "0" * 100),
]


@pytest.mark.parametrize("text, arithmetic, top_wage", [e[1:] for e in EXTREME], ids=[e[0] for e in EXTREME])
def test_numbers_beyond_floats_give_exact_answers_never_inf_nan_or_a_traceback(tmp_path, capsys, text, arithmetic,
                                                                               top_wage):
    path = _write(tmp_path, "e.csv", text)
    code, out, err = _run(capsys, path, "--json")
    assert code == 0 and err == "", err

    def refuse(token):  # strict JSON: the tokens Infinity and NaN are not JSON numbers
        raise AssertionError(f"{token} in the output")

    doc = json.loads(out, parse_constant=refuse)
    assert doc["arithmetic"] == arithmetic
    top = doc["equilibria"][0]
    assert top["wage_exact"] == top_wage
    assert top["wage"] is None or (0 < top["wage"] < float("inf"))
    code, table, err = _run(capsys, path)
    assert code == 0 and err == ""
    lowered = table.lower()
    assert "inf" not in lowered and "nan" not in lowered and "traceback" not in lowered
    if arithmetic == "rational":
        assert "beyond the float range: exact rational arithmetic" in table


def test_json_decimals_are_read_as_decimals_so_1e400_is_a_number(tmp_path, capsys):
    path = _write(tmp_path, "e.json", '{"lambda_S": [1e400, 2.5], "lambda_N": [1, 1], "theta": [2.0, 1]}')
    code, out, err = _run(capsys, path, "--json")
    doc = json.loads(out)
    assert code == 0 and doc["arithmetic"] == "rational"
    assert [(e["sector"], e["coordinated"], e["wage_approx"]) for e in doc["equilibria"]] == [
        (1, True, "1e+400"), (1, False, "5e+399")]


def test_the_header_is_case_insensitive(tmp_path, capsys):
    lower = _write(tmp_path, "a.csv", "sector,lambda_S,lambda_N,theta\nwine,3,1,3/2\ncars,2,1,4/3\n")
    mixed = _write(tmp_path, "b.csv", "SECTOR,Lambda_S,LAMBDA_N,Theta\nwine,3,1,3/2\ncars,2,1,4/3\n")
    outputs = []
    for path in (lower, mixed):
        code, out, err = _run(capsys, path, "--json")
        assert code == 0 and err == ""
        outputs.append(json.loads(out))
    assert outputs[0] == outputs[1] and outputs[0]["equilibria"][0]["name"] == "wine"


def test_the_plot_labels_sectors_by_name(tmp_path):
    from numeric import equilibria
    from proofs.figures import plot_equilibria

    result = equilibria(["1", "3", "2"], [1, 1, 1], ["1", "2", "1"], names=["food", "cars", "chips"])
    fig = plot_equilibria(result)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["cars", "chips", "food"]  # comparative advantage
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "$w(U)$ in chips: no coordination" in legend  # E(3,U): w(3,U) = 2 > w(2,U) = 3/2
    unnamed = plot_equilibria(equilibria(["1", "3"], [1, 1], ["1", "2"]))
    assert [t.get_text() for t in unnamed.axes[0].get_xticklabels()] == ["2", "1"]
    assert "$w(U)$ in sector 2: no coordination" in [t.get_text() for t in unnamed.axes[0].get_legend().get_texts()]
    # wages beyond floats: drawn as exact base-10 logarithms
    big = plot_equilibria(equilibria([10**400, 1], [1, 1], [2, 1], names=["a", "b"]))
    assert big.axes[0].get_ylabel().startswith("log10") and max(p.get_height() for p in big.axes[0].patches) == \
        pytest.approx(400)


def test_reading_a_long_malformed_cell_takes_linear_time():
    # a regex with two adjacent digit runs backtracks quadratically: ~3 s for one such cell of 8000 digits
    import time

    from proofs.cli import UsageError
    from proofs.cmd_equilibria import _csv_value

    start = time.perf_counter()
    for _ in range(20):
        with pytest.raises(UsageError, match="is not a number"):
            _csv_value("e.csv", "lambda_S", 0, "9" * 8000 + "x")
    assert time.perf_counter() - start < 2.0


def test_no_tolerance_decides_the_decimals_as_written_whatever_else_is_in_the_file(tmp_path, capsys):
    # 0.3/0.1 ties 3/1 exactly (in floats it is 2.9999999999999996): sector A is an equilibrium too, with or
    # without a sector whose tiny values force exact arithmetic anyway
    header = "sector,lambda_S,lambda_N,theta\nA,0.3,0.1,1\nB,3,1,1\n"
    answers = []
    for text in (header, header + "C,1e-400,1,1\n"):
        code, out, _ = _run(capsys, _write(tmp_path, "e.csv", text), "--rtol", "0", "--json")
        assert code == 0
        answers.append({(e["sector"], e["coordinated"]) for e in json.loads(out)["equilibria"]})
    assert answers[0] == answers[1] == {(1, True), (2, True), (1, False), (2, False)}


def test_no_gain_is_not_called_a_raise(tmp_path, capsys):
    code, out, _ = _run(capsys, _write(tmp_path, "e.csv", "lambda_S,lambda_N,theta\n1,1,1\n1,1,1\n"))
    assert code == 0 and "no gain" in out and "raises" not in out
    code, out, _ = _run(capsys, _write(tmp_path, "e.csv", "sector,lambda_S,lambda_N,theta\nA,0.3,0.1,1\nB,3,1,1\n"))
    assert "no gain (within the relative tolerance)" in out and "4.44" not in out
    assert "A1 fails between sector 2 (B) and sector 1 (A) (a tie within the relative tolerance 1e-09)" in out
