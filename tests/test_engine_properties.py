"""Property tests: random polynomial claims are never mis-decided.

The oracle is independent of the engine: SymPy's own evaluation of the claim
at exact rational points (``subs`` on rationals gives ``true``/``false``).
"""

from __future__ import annotations

from fractions import Fraction

import sympy as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from symbolic import Status, exists, prove

VARS = sp.symbols("v0:4", real=True)

coefficient = st.integers(min_value=-4, max_value=4)
exponent = st.integers(min_value=0, max_value=2)


@st.composite
def polynomial(draw, variables):
    n_terms = draw(st.integers(min_value=1, max_value=4))
    expr = sp.Integer(0)
    for _ in range(n_terms):
        term = sp.Integer(draw(coefficient))
        for v in variables:
            term *= v ** draw(exponent)
        expr += term
    return expr


@st.composite
def problem(draw):
    n = draw(st.integers(min_value=2, max_value=4))
    variables = VARS[:n]
    lhs = draw(polynomial(variables))
    op = draw(st.sampled_from([sp.Gt, sp.Ge, sp.Lt, sp.Le]))
    claim = op(lhs, draw(st.integers(-3, 3)))
    assumptions = []
    for v in variables:
        kind = draw(st.sampled_from(["none", "pos", "nonneg", "box"]))
        if kind == "pos":
            assumptions.append(v > 0)
        elif kind == "nonneg":
            assumptions.append(v >= 0)
        elif kind == "box":
            assumptions += [v >= -2, v <= 2]
    return variables, claim, assumptions


rational = st.fractions(min_value=-3, max_value=3, max_denominator=8)


def _truth(b, point):
    value = b.subs(point)
    assert value in (sp.true, sp.false), value
    return bool(value)


def _is_bool(b):
    return b in (sp.true, sp.false)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problem(), st.lists(st.tuples(rational, rational, rational, rational), min_size=20, max_size=20))
def test_random_polynomial_claims_are_never_misdecided(prob, samples):
    variables, claim, assumptions = prob
    if _is_bool(claim):
        return
    verdict = prove(claim, assumptions, timeout=5)
    points = [{v: sp.Rational(Fraction(c)) for v, c in zip(variables, values)} for values in samples]
    admissible = [p for p in points if all(_truth(a, p) for a in assumptions)]
    if verdict.status is Status.PROVED:
        assert all(_truth(claim, p) for p in admissible)
    elif verdict.status is Status.REFUTED:
        ce = verdict.counterexample
        assert all(_truth(a, ce) for a in assumptions)
        assert not _truth(claim, ce)
    elif verdict.status is Status.VACUOUS:
        assert not admissible
    # exists agrees with prove: a counterexample exists iff the negation has an instance
    neg = exists(sp.Not(claim), assumptions, timeout=5)
    if verdict.status is Status.PROVED:
        assert neg.status is Status.REFUTED
    if verdict.status is Status.REFUTED:
        assert neg.status is Status.WITNESS
        w = neg.witness
        assert all(_truth(a, w) for a in assumptions) and not _truth(claim, w)
