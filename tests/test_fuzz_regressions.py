"""Engine bugs the soundness fuzzer found, as minimal reproducers (each fails while its bug stands).

Each test is the shrunk reproducer of a disagreement; the docstring says what
is wrong and where.  The families that found them stay in the fuzzer's
default mix (``tests/fuzz/``), so a fix is also checked at scale.
"""

from __future__ import annotations

import sympy as sp

import pytest
from sympy import Eq, Ge, Gt, Lt, Ne, Symbol, cos, log, re, root, sin, sqrt

from symbolic import exists, prove
from symbolic.errors import BadInputTypeError


def test_an_irrational_symbol_squared_can_be_rational():
    """Found by family ``assumption_kinds``: ``u = sqrt(2)`` is irrational and ``u**2 = 2``.

    The sympy-sign route trusts SymPy's assumptions, and SymPy 1.14 believes
    ``(u**2).is_irrational`` for an irrational ``u`` (so ``u**2 - 2`` is "non-zero").
    The same claim with any explicit assumption goes to z3 and is refuted at ``u = sqrt(2)``.
    """
    u = Symbol("u", irrational=True)
    proof = prove(Ne(u**2, 2, evaluate=False))
    assert proof.status.value != "proved", proof          # unsound: u = sqrt(2) is a counterexample
    instance = exists(Eq(u**2, 3, evaluate=False))
    assert instance.status.value != "refuted", instance   # unsound: u = sqrt(3) is an instance
    assert prove(Ne(u**2, 2, evaluate=False), [u > 0]).status.value == "refuted"  # at u = sqrt(2)


def test_a_non_real_constant_is_not_supported_rather_than_undefined():
    """Found by family ``outside``: ``root(x, 3, 1) = (-1)**(2/3) * x**(1/3)`` holds a non-real constant.

    The table reads ``(-1)**(2/3)`` as a power whose base must be >= 0, so the claim is "undefined
    everywhere" and ``exists`` answers *no instance* -- but ``re(root(x, 3, 1)) = -1/2`` at ``x = 1``
    (SymPy writes it ``-im((-1)**(1/6)*x**(1/3))``).  A non-real number must be unknown, naming it,
    like ``I`` already is ("not supported: the non-real number I").  (Outside ``re``/``im`` a non-real
    value is simply undefined, which the fuzzer accepts.)
    """
    x = Symbol("x", real=True)
    v = exists(Lt(re(root(x, 3, 1)), 0, evaluate=False))
    assert v.status.value != "refuted", v                 # x = 1 is an instance: re((-1)**(2/3)) = -1/2
    assert v.status.value == "unknown" and "non-real" in v.reason, v


@pytest.mark.parametrize("make", [lambda x, y: Eq(x > 0, y, evaluate=False),
                                  lambda x, y: Lt(x > 0, y > 0, evaluate=False)],
                         ids=["truth-value-equals-number", "truth-values-ordered"])
def test_malformed_relations_raise_the_toolkits_bad_input_error(make):
    """Found by family ``malformed``: a truth value compared with a number, or two truth values ordered,
    raises a plain ``TypeError`` from the translator; ``symbolic/errors.py`` says the user's mistakes
    raise ``BadInputTypeError`` (a ``TypeError`` subclass, so callers catching ``TypeError`` still work)."""
    x, y = Symbol("x", real=True), Symbol("y", real=True)
    with pytest.raises(BadInputTypeError):
        prove(make(x, y))


def test_reading_floats_does_not_crash_on_a_power_of_a_negative_symbol():
    """Found by family ``floats``: ``u**0.5`` with ``u`` negative.  Reading the float rebuilds the relation
    (``exact_floats`` uses ``xreplace``), SymPy re-evaluates ``sqrt(u) > 0``, sees a non-real side and raises
    ``TypeError: Invalid comparison of non-real sqrt(u)`` out of ``prove``.  Written ``sqrt(u) > 0`` the same
    claim is ``unknown`` (undefined where ``u < 0``), as it should be."""
    u = Symbol("u", negative=True)
    v = prove(Gt(u**0.5, 0, evaluate=False))
    assert v.status.value == "unknown", v
    assert prove(Gt(sqrt(u), 0, evaluate=False)).status.value == "unknown"


def test_reading_floats_keeps_the_claims_symbols():
    """Found by family ``floats``: ``prove(Ge(0.5*x, 1))`` with ``x`` negative is refuted with an *empty*
    counterexample.  Reading the float rebuilds the relation, SymPy decides ``x/2 >= 1`` is false for a
    negative ``x`` and hands the engine the constant ``false``, which has no symbols; the verdict carries no
    value for ``x``.  (Written ``x/2 >= 1``, the sympy-sign route refutes it at ``x = -1``.)"""
    x = Symbol("x", negative=True)
    v = prove(Ge(0.5 * x, 1, evaluate=False))
    assert v.status.value == "refuted"
    assert v.counterexample is not None and set(v.counterexample) == {x}, v.counterexample


def test_a_counterexample_does_not_depend_on_earlier_decisions():
    """Found by ``check_orders``: the same claim gets another counterexample after an unrelated decision.

    The z3 worker answers each query with a fresh ``Solver`` but in the one global z3 context, whose
    state (term tables, caches) survives queries; z3 then returns another model.  The status stays
    the same; the reported point changes with the history of the process (``coordfail verify``'s output
    is reproducible only because it always decides in the same order).  A fresh ``z3.Context`` per
    query (or a worker restarted per decision) would make the point a function of the claim.
    """
    from sympy import Abs, Ge, Le
    from sympy import sinh

    from symbolic import solver

    v, z = Symbol("v", real=True), Symbol("z", real=True)
    w, p = Symbol("w", nonnegative=True), Symbol("v", positive=True)
    claim = Le(sinh(sinh(w)), 0, evaluate=False)  # false for every w > 0
    assumptions = [Le(w, p, evaluate=False), Lt(w, p, evaluate=False)]
    solver.shutdown()  # a fresh z3 worker, as in a new process
    alone = prove(claim, assumptions)
    solver.shutdown()
    prove(Ge(Abs(v - z), Abs(Abs(v) - Abs(z)), evaluate=False), [Ge(z, v, evaluate=False), Gt(z, v, evaluate=False)])
    after = prove(claim, assumptions)
    assert alone.status.value == after.status.value == "refuted"
    assert alone.counterexample == after.counterexample, (alone.counterexample, after.counterexample)


@pytest.mark.parametrize("zero", [lambda: sin(1)**2 + cos(1)**2 - 1, lambda: log(6) - log(2) - log(3)],
                         ids=["sin(1)**2 + cos(1)**2 - 1", "log(6) - log(2) - log(3)"])
def test_a_denominator_that_is_a_hidden_zero_does_not_crash(zero):
    """Found by family ``constants``: ``x / (sin(1)**2 + cos(1)**2 - 1) > 0``.  The translator clears a
    numeric denominator by asking SymPy ``den > 0``; for a constant SymPy cannot compare with 0 (it is 0,
    but SymPy does not see it) that raises ``TypeError: cannot determine truth value of Relational`` out
    of ``prove``/``exists``.  The claim is undefined everywhere: ``unknown`` (or, for exists, no instance)."""
    x = Symbol("x", real=True)
    den = zero()
    assert prove(Gt(x / den, 0, evaluate=False)).status.value == "unknown"
    assert exists(Gt(x / den, 0, evaluate=False)).status.value in ("unknown", "refuted")


def test_reading_an_algebraic_model_value_stays_cheap():
    """Found by family ``high_degree``: ``exists(Eq(x**101, 2), timeout=1.0)`` answered after 2.8 s on a busy
    machine.  z3's model ``x = 2**(1/101)`` is read back by ``solver.value_to_sympy`` with ``sp.rootof(poly, i)``,
    whose default ``radicals=True`` makes SymPy compute every complex root of a binomial in radicals
    (``roots_binomial``): 0.8 s for degree 101, 2.7 s for 301, growing with the degree, after the deadline
    and outside any time check.  ``rootof(..., radicals=False)`` takes 6 ms and 0.1 s."""
    import time

    from symbolic.solver import value_to_sympy

    coefficients = ["-0x2/0x1"] + ["0x0/0x1"] * 300 + ["0x1/0x1"]  # t**301 - 2, lowest degree first (hex, as sent)
    start = time.monotonic()
    value_to_sympy({"alg": [coefficients, 1]})
    assert time.monotonic() - start < 1.0, "reading one model value took longer than a time limit's slack"


def test_a_huge_exponent_answers_within_the_time_limit():
    """Found by family ``high_degree``: ``prove(x**(3*10**7) + 1 >= 0, timeout=1.0)`` answers after about 6 s
    (``x**(10**7)``: 2.6 s; ``x**Rational(1, 10**7)``: 2 s).  The translator writes ``x**n`` as a product of
    ``n`` copies of ``x`` and a root as ``y**q = x`` the same way, so the SMT-LIB text grows with the exponent
    (tens of megabytes), built before any time check and re-sent for every query.  The answer must arrive
    within max(1 s, 20 %) of the limit (``unknown`` is fine)."""
    import time

    x = Symbol("x", real=True)
    start = time.monotonic()
    v = prove(Ge(x**(3 * 10**7) + 1, 0, evaluate=False), timeout=1.0)
    assert time.monotonic() - start <= 2.0, f"answered after {time.monotonic() - start:.1f} s: {v}"


def test_a_renamed_statement_sympy_settles_is_judged_by_its_points():
    # seed 977003, claim 381: Xnor(x > 0, x <= 0) renamed became False; the base's "unknown" no longer applied
    from tests.fuzz.families import generate_claim
    from tests.fuzz.run import decide_and_check

    claim = generate_claim(977003, 381, None)
    assert claim.statement is sp.false and claim.expected is None
    assert decide_and_check(claim, 5.0, 64, False).disagreement is None


def test_a_root_search_sympy_fails_in_is_no_candidate():
    # seed 130002, claim 791: solveset's _solve_modular raised AttributeError inside the root search
    from sympy import And, Mod, Symbol

    s1, s2 = Symbol("θ₁", negative=True), Symbol("θ₁", real=True)
    v = prove(And(-s1 > 1, Eq(s1 * Mod(s1, -2), 2)), [s2 <= 0], timeout=5.0)
    assert v.status.value in ("refuted", "unknown")  # false at any s1 in (-1, 0): -s1 > 1 fails
