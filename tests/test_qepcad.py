"""symbolic.qepcad: translation to QEPCAD B, the run (time limit, absence), and the restricted parser of its answers.

Tests that run QEPCAD skip only when the binary is absent outside CI (``.ci/run`` installs it).
"""

from __future__ import annotations

import os
import shutil
import stat
import time

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from symbolic.qepcad import (INSTALL_HINT, NotPolynomial, QepcadFailed, QepcadOutputError, QepcadProblem,
                             QepcadTimeout, QepcadUnavailable, answer_text, find_qepcad, parse_formula, run_qepcad,
                             run_session, to_qepcad)

needs_qepcad = pytest.mark.skipif(shutil.which("qepcad") is None and not os.environ.get("CI"),
                                  reason="QEPCAD B is not installed (CI installs it and runs these tests)")

x, y, z = sp.symbols("x y z")
NAMES = {x: "x1", y: "x2", z: "x3"}
BY_NAME = {v: k for k, v in NAMES.items()}


# -- translation ----------------------------------------------------------------------------

def test_relations_are_scaled_to_integer_coefficients():
    assert to_qepcad(x / 2 + y / 3 > 1, NAMES) == "3 x1 + 2 x2 - 6 > 0"
    assert to_qepcad(sp.Eq(x**2, 2), NAMES) == "x1^2 - 2 = 0"


def test_negations_are_pushed_into_the_relations():
    assert to_qepcad(sp.Not(sp.And(x > 0, y <= 1), evaluate=False), NAMES) == "[ x2 - 1 > 0 \\/ x1 <= 0 ]"
    assert to_qepcad(sp.Implies(x > 0, y > 0), NAMES) == "[ x1 <= 0 \\/ x2 > 0 ]"


def test_equivalence_becomes_both_or_neither():
    back = parse_formula(to_qepcad(sp.Equivalent(x > 0, y > 0), NAMES), BY_NAME)
    for point in ({x: 1, y: 1}, {x: 1, y: -1}, {x: -1, y: 1}, {x: -1, y: -1}):
        assert bool(back.xreplace(point)) == (point[x] * point[y] > 0)


@pytest.mark.parametrize("bad", [sp.sqrt(x) > 1, sp.exp(x) > 2, x / y > 1, sp.sqrt(2) * x > 1, x**sp.Rational(1, 3) > 0])
def test_only_polynomials_with_rational_coefficients(bad):
    with pytest.raises(NotPolynomial):
        to_qepcad(bad, NAMES)


def test_the_problem_text_states_symbol_assumptions():
    a = sp.Symbol("a", positive=True)
    n = sp.Symbol("n", nonnegative=True)
    text = QepcadProblem((a,), (n,), sp.Eq(a * n, 1), n < 2).text()
    assert text.splitlines()[1:4] == ["(x1,x2)", "1", "(E x2)[ x1 x2 - 1 = 0 /\\ x2 >= 0 ]."]
    assert "assume [ x1 > 0 /\\ x2 - 2 < 0 ]" in text and text.endswith("finish\n")


# -- the restricted parser ----------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("TRUE", sp.true),
    ("FALSE", sp.false),
    ("x1 - 1 > 0", x - 1 > 0),
    ("- x1 + 2 x2^2 <= 0", 2 * y**2 - x <= 0),
    ("x1 x2 /= 0", sp.Ne(x * y, 0)),
    ("x1 > 0 /\\ [ x2 = 0 \\/ x3 < 0 ]", sp.And(x > 0, sp.Or(sp.Eq(y, 0), z < 0))),
    ("[ x1 > 0 ==> x2 > 0 ]", sp.Implies(x > 0, y > 0)),
    ("[ x1 > 0 <== x2 > 0 ]", sp.Implies(y > 0, x > 0)),
    ("[ x1 > 0 <==> x2 > 0 ]", sp.Equivalent(x > 0, y > 0)),
    ("~ x1 > 0", x <= 0),
    ("(x1 + 1)^2 x2 >= 3", (x + 1)**2 * y >= 3),
    ("4 x1 x3 - x2^2 <= 0 /\\ [ x3 = 0 \\/ x1 /= 0 \\/ 4 x1 x3 - x2^2 < 0 ]",
     sp.And(4 * x * z - y**2 <= 0, sp.Or(sp.Eq(z, 0), sp.Ne(x, 0), 4 * x * z - y**2 < 0))),
])
def test_parser_reads_what_qepcad_prints(text, expected):
    assert parse_formula(text, BY_NAME) == expected


HOSTILE = [
    "__import__('os').system('touch pwned') > 0",
    "eval(x1) > 0",
    "x1 > 0; import os",
    "x9 > 0",  # a name the problem does not have
    "y > 0",
    "x1 _root_1 x1^2 - 2",  # extended Tarski formula
    "x1 > 0 /\\",
    "[ x1 > 0",
    "x1 > 0 ]",
    "x1 + > 0",
    "x1 > 0 x2 > 0",
    "x1",
    "",
    "   ",
    "x1 ^ 9999999 > 0",
    "x1 ^ x2 > 0",
    "1.5 x1 > 0",
    "1e5 x1 > 0",
    "x1 > 0 \\/ lambda > 0",
    "x1 > 0 " + "/\\ [ " * 300 + "x1 > 0" + " ]" * 300,
    "[" * 5000 + "x1 > 0" + "]" * 5000,
    "9" * 5000 + " x1 > 0",
    "x1 > 0 /\\ " * 60_000 + "x1 > 0",
    "x1 > 0\x00",
    "x1 ≥ 0",
]


@pytest.mark.parametrize("text", HOSTILE, ids=[repr(h[:30]) for h in HOSTILE])
def test_parser_rejects_malformed_and_hostile_output(text, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(QepcadOutputError):
        parse_formula(text, BY_NAME)
    assert not (tmp_path / "pwned").exists()


def test_parser_takes_text_and_known_symbols_only():
    with pytest.raises(TypeError):
        parse_formula(b"x1 > 0", BY_NAME)
    with pytest.raises(ValueError):
        parse_formula("x1 > 0", {"__builtins__": x})


_poly = st.builds(lambda cs: sum(c * m for c, m in zip(cs, (1, x, y, x * y, x**2, y**3))),
                  st.lists(st.integers(-20, 20), min_size=6, max_size=6))
_rel = st.builds(lambda p, op: op(p, 0), _poly, st.sampled_from([sp.Lt, sp.Le, sp.Gt, sp.Ge, sp.Eq, sp.Ne]))
_formula = st.recursive(_rel, lambda inner: st.builds(lambda a, b, f: f(a, b), inner, inner,
                                                      st.sampled_from([sp.And, sp.Or])), max_leaves=6)


@settings(max_examples=200, deadline=None)
@given(_formula)
def test_translation_and_parser_round_trip(f):
    """The parser reads the translator's own output back to an equivalent formula (checked at sample points)."""
    if f in (sp.true, sp.false):
        return
    back = parse_formula(to_qepcad(f, NAMES), BY_NAME)
    for px in range(-2, 3):
        for py in (-1, 0, sp.Rational(1, 2), 2):
            point = {x: px, y: py}
            assert bool(back.xreplace(point)) == bool(f.xreplace(point))


# -- QEPCAD's own messages -----------------------------------------------------------------------

def test_answers_with_error_messages_are_failures():
    with pytest.raises(QepcadFailed, match="Error QFFRDR"):
        answer_text("Enter a prenex formula:\nError QFFRDR: ']' was expected.\n")
    with pytest.raises(QepcadFailed, match="no quantifier-free formula"):
        answer_text("Enter a variable list:\n")


# -- running QEPCAD -------------------------------------------------------------------------------

def _fake_qepcad(tmp_path, body: str) -> str:
    script = tmp_path / "qepcad"
    script.write_text("#!/bin/sh\n" + body)
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return str(script)


def test_absent_qepcad_says_how_to_install_it(monkeypatch):
    monkeypatch.setenv("COORDFAIL_QEPCAD", "/nonexistent/qepcad")
    with pytest.raises(QepcadUnavailable, match="apt-get install qepcad"):
        find_qepcad()
    monkeypatch.delenv("COORDFAIL_QEPCAD")
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(QepcadUnavailable) as exc:
        find_qepcad()
    assert INSTALL_HINT in str(exc.value) and "\n" not in str(exc.value)


def test_time_limit_kills_qepcad(tmp_path, monkeypatch):
    pid_file = tmp_path / "pid"
    monkeypatch.setenv("COORDFAIL_QEPCAD", _fake_qepcad(tmp_path, f"echo $$ > {pid_file}\nexec sleep 60\n"))
    problem = QepcadProblem((x,), (), x**2 < 2 + z, sp.true)  # z free too: a unique text, no cache hit
    start = time.perf_counter()
    with pytest.raises(QepcadTimeout):
        run_qepcad(QepcadProblem((x, z), (), problem.formula), timeout=0.5)
    assert time.perf_counter() - start < 5
    pid = int(pid_file.read_text())
    with pytest.raises(ProcessLookupError):  # the process is gone (killed and reaped)
        os.kill(pid, 0)


def test_what_qepcad_started_is_stopped_when_it_answers(tmp_path, monkeypatch):
    # QEPCAD starts Singular and may exit while Singular still computes: an orphan at 100 % CPU was seen
    pid_file = tmp_path / "child"
    answer = ("An equivalent quantifier-free formula:\n\nx > 0\n\n"
              "=====================  The End  =======================\n")
    monkeypatch.setenv("COORDFAIL_QEPCAD", _fake_qepcad(
        tmp_path, f"cat > /dev/null\nsleep 60 > /dev/null 2>&1 &\necho $! > {pid_file}\nprintf '%s' \"{answer}\"\n"))
    out, _ = run_session("finish\n", timeout=10)
    assert "The End" in out
    child = int(pid_file.read_text())
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:  # killed at once; the process table may show it a moment longer
        try:
            state = open(f"/proc/{child}/stat").read().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            break
        if state == "Z":  # a zombie: dead, waiting to be reaped by init
            break
        time.sleep(0.05)
    else:
        pytest.fail("the process QEPCAD left behind is still running")


def test_hostile_answer_from_the_binary_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    answer = ("An equivalent quantifier-free formula:\n\n__import__('os').system('touch pwned') > 0\n\n"
              "=====================  The End  =======================\n")
    monkeypatch.setenv("COORDFAIL_QEPCAD", _fake_qepcad(tmp_path, f"cat > /dev/null\nprintf '%s' \"{answer}\"\n"))
    with pytest.raises(QepcadOutputError):
        run_qepcad(QepcadProblem((x, y), (), x * y > 3), timeout=10)
    assert not (tmp_path / "pwned").exists()


@needs_qepcad
def test_qepcad_eliminates_a_variable():
    A, C = sp.symbols("A C", positive=True)
    n = sp.Symbol("n")
    answer = run_qepcad(QepcadProblem((A, C), (n,), sp.And(n > 0, n < 1, sp.Eq(A * n - C, 1))), timeout=30)
    assert answer.formula == (C - A + 1 < 0)  # QEPCAD's own form of A - C > 1


@needs_qepcad
def test_qepcad_uses_the_assumptions():
    answer = run_qepcad(QepcadProblem((x, y), (), sp.And(x > 0, y > 0), x > 0), timeout=30)
    assert answer.formula == (y > 0)
