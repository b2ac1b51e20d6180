"""``symbolic.fraction_eval``: exact evaluation at rational points (used by the second opinion)."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
import sympy as sp

from symbolic.fraction_eval import Undefined, compile_boolean, truth_at
from tests.fuzz import generate_claim


def _flagged(s, value: Fraction) -> Fraction:
    if s.is_positive:
        return abs(value) or Fraction(1)
    if s.is_nonnegative:
        return abs(value)
    if s.is_negative:
        return -abs(value) or Fraction(-1)
    return value


def test_fraction_evaluation_agrees_with_sympy_subs():
    rng = random.Random(1)
    checked = 0
    for i in range(70):
        c = generate_claim(11, i, families=["polynomial", "rational", "boolean", "boundary", "piecewise"])
        truth = compile_boolean(c.statement)
        for _ in range(4):
            # values that respect each symbol's sign flag (SymPy's subs assumes they do)
            point = {s: _flagged(s, Fraction(rng.randint(-12, 12), rng.choice((1, 2, 3)))) for s in c.symbols}
            try:
                mine = truth(point)
            except Undefined:
                continue
            theirs = c.statement.subs({s: sp.Rational(v.numerator, v.denominator) for s, v in point.items()}).doit()
            assert theirs in (sp.true, sp.false) and bool(theirs) is mine, (c.statement, point)
            checked += 1
    assert checked > 100


def test_undefined_where_it_could_matter_makes_the_claim_undefined():
    x, y = sp.symbols("x y", real=True)
    truth = compile_boolean(sp.Implies(x > 1, 1 / y > 0))
    with pytest.raises(Undefined):
        truth({x: Fraction(2), y: Fraction(0)})  # the hypothesis holds: the conclusion decides
    assert truth({x: Fraction(0), y: Fraction(0)}) is True  # a false hypothesis settles it (Kleene)


def test_truth_at_reads_sympy_rationals():
    x = sp.Symbol("x")
    assert truth_at(x**2 < 2, {x: sp.Rational(7, 5)}) is True


def test_connectives_read_undefined_parts_as_the_engine_does():
    from fractions import Fraction

    from symbolic.fraction_eval import Undefined, compile_boolean, compile_expr

    x = sp.Symbol("x", real=True)
    zero = {x: Fraction(0)}
    assert compile_boolean(sp.Or(x > -1, 1 / x > 5))(zero) is True
    assert compile_boolean(sp.And(x > 1, 1 / x > 5))(zero) is False
    assert compile_boolean(sp.Implies(1 / x > 5, x > -1))(zero) is True
    with pytest.raises(Undefined):
        compile_boolean(sp.Or(x > 1, 1 / x > 5))(zero)
    with pytest.raises(Undefined):
        compile_boolean(sp.Xor(x > -1, 1 / x > 5))(zero)
    pw = sp.Piecewise((x, x < 0), (1 / x, x > 0))
    assert compile_expr(pw)({x: Fraction(-2)}) == -2 and compile_expr(pw)({x: Fraction(1, 2)}) == 2
    with pytest.raises(Undefined):  # no branch taken
        compile_expr(pw)(zero)
    assert compile_boolean(sp.ITE(x < 0, x < -1, 1 / x > 0))({x: Fraction(-2)}) is True
