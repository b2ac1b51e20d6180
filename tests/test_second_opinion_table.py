"""The cvc5 second opinion keeps its own translation (independence) but is tested against the engine's table."""

from __future__ import annotations

import pytest
import sympy as sp

from symbolic import prove
from symbolic.constructs import CONSTRUCTS
from symbolic.second_opinion import Outcome, cross_check

x, y = sp.Symbol("x", positive=True), sp.Symbol("y", real=True)
f = sp.Function("f")

#: one true and one false claim per row of the table (by the row's name)
EXAMPLES = {
    "numbers (integers, rationals)": (x + sp.Rational(1, 3) > x, x > sp.Rational(1, 3)),
    "real algebraic numbers CRootOf(p, k)": (sp.CRootOf(y**3 - 2, 0) > 1, sp.CRootOf(y**3 - 2, 0) > x),
    "Float": (x + 0.5 > x, x > 0.5),
    "pi, E, EulerGamma, Catalan, GoldenRatio": (sp.pi > 3, x > sp.pi),
    "x + y": (x + 1 > x, x + y > x),
    "x * y": (2 * x > x, x * y > x),
    "x**n, x**(p/q), x**y": (sp.sqrt(x) >= 0, sp.sqrt(x) < x),
    "Abs": (sp.Abs(y) >= y, sp.Abs(y) > y),
    "sign": (sp.sign(x) > 0, sp.sign(y) > 0),
    "Min, Max": (sp.Max(x, y) >= x, sp.Min(x, y) >= x),
    "Piecewise": (sp.Piecewise((x, y > 0), (x + 1, True)) > 0, sp.Piecewise((x, y > 0), (-x, True)) > 0),
    "re, im (of real expressions)": (sp.Eq(sp.im(y), 0), sp.re(y) > 0),
    "floor, ceiling, frac": (sp.floor(y) <= y, sp.floor(y) < y),
    "Mod": (sp.Mod(y, 2) >= 0, sp.Mod(y, 2) > 0),
    "exp": (sp.exp(y) > 0, sp.exp(y) > 1),
    "log (natural)": (sp.log(x) <= x - 1, sp.log(x) > 0),
    "sin, cos": (sp.sin(y) <= 1, sp.sin(y) < 1),
    "atan": (sp.atan(y) < 2, sp.atan(y) > 0),
    "asin, acos": (sp.asin(sp.Rational(1, 2)) < 1, sp.acos(sp.Rational(1, 2)) > 2),
    "sinh, tanh, asinh": (sp.tanh(y) < 1, sp.sinh(y) > 0),
    "cosh": (sp.cosh(y) >= 1, sp.cosh(y) > 1),
    "acosh": (sp.acosh(x + 1) >= 0, sp.acosh(x + 1) > 1),
    "atanh": (sp.atanh(sp.Rational(1, 2)) > 0, sp.atanh(sp.Rational(1, 2)) > 1),
    "abstract functions f(x), their derivatives": (sp.Eq(f(y), f(y)), f(y) > 0),
}


def test_every_row_of_the_table_has_examples():
    assert set(EXAMPLES) == {row.name for row in CONSTRUCTS}


@pytest.mark.parametrize("row", sorted(EXAMPLES))
def test_the_second_opinion_never_disagrees_with_a_sound_verdict(row):
    for claim in EXAMPLES[row]:
        v = prove(claim, timeout=10)
        check = cross_check("forall", claim, [], v, timeout=5)
        # outside cvc5's fragment (exp, log, ...) it may only say "could not confirm"; never "disagree"
        assert check.outcome in (Outcome.AGREE, Outcome.COULD_NOT_CONFIRM), (row, claim, v, check)
