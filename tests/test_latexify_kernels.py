"""The hand-written kernels render in the paper's notation and compute exactly what SymPy says (issue 3 §5)."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from numeric import latex as L
from symbolic import section5 as s5

# exact strings: latexify's output after the identifier mapping and the paper-notation rewrite
EXPECTED = [
    ("world_price", r"p_{j} = \frac{1}{\theta_{j} \lambda_{jN}}"),
    ("wage_coordinated", r"w(j, C) = \frac{\lambda_{jS}}{\lambda_{jN}}"),
    ("wage_uncoordinated", r"w(j, U) = \frac{\lambda_{jS}}{\theta_{j} \lambda_{jN}}"),
    ("deviation_margin", r"m_{k}(w) = \frac{w}{\lambda_{kS}} - \frac{1}{\theta_{k} \lambda_{kN}}"),
    ("condition_star", r"\frac{\frac{\lambda_{1S}}{\lambda_{1N}}}{\frac{\lambda_{kS}}{\lambda_{kN}}} < \theta_{1}"),
]


@pytest.mark.parametrize("name, latex", EXPECTED)
def test_latex_is_pinned(name, latex):
    assert L.latex_of(name) == latex
    assert L.LATEX[name] == latex


def test_every_kernel_is_rendered_and_the_appendix_lists_them():
    assert set(L.LATEX) == {n for n, _ in EXPECTED}
    appendix = L.appendix_latex()
    assert appendix.count(r"\text{SymPy: }") == len(EXPECTED) and r"\begin{align*}" in appendix
    assert "mathrm{lamS}" not in appendix and "mathrm{theta}" not in appendix


fr = st.fractions(min_value=Fraction(1, 40), max_value=40, max_denominator=50)
th = st.fractions(min_value=1, max_value=10, max_denominator=50)
economy = st.integers(2, 5).flatmap(lambda J: st.tuples(st.lists(fr, min_size=J, max_size=J),
                                                         st.lists(fr, min_size=J, max_size=J),
                                                         st.lists(th, min_size=J, max_size=J), fr))


def _subs(lS, lN, theta, w=None):
    values = {}
    for i in range(len(lS)):
        j = i + 1  # Python index i is the paper's sector i + 1
        values.update({s5.lam_S(j): sp.Rational(lS[i].numerator, lS[i].denominator),
                       s5.lam_N(j): sp.Rational(lN[i].numerator, lN[i].denominator),
                       s5.theta(j): sp.Rational(theta[i].numerator, theta[i].denominator)})
    if w is not None:
        values[s5.wage] = sp.Rational(w.numerator, w.denominator)
    return values


def _as_fraction(x):
    return Fraction(int(x.p), int(x.q))


@settings(max_examples=80, deadline=None)
@given(economy)
def test_kernels_equal_their_sympy_sources_exactly(data):
    lS, lN, theta, w = data
    values = _subs(lS, lN, theta, w)
    for i in range(len(lS)):
        j = i + 1
        assert L.world_price(lN, theta, i) == _as_fraction(s5.world_price(j).xreplace(values))
        assert L.wage_coordinated(lS, lN, i) == _as_fraction(s5.wage_coordinated(j).xreplace(values))
        assert L.wage_uncoordinated(lS, lN, theta, i) == _as_fraction(s5.wage_uncoordinated(j).xreplace(values))
        margin = s5.unit_cost(j, False, s5.wage) - s5.world_price(j)
        assert L.deviation_margin(w, lS, lN, theta, i) == _as_fraction(margin.xreplace(values))
        if i:
            assert L.condition_star(lS, lN, theta, i) is bool(s5.condition_star(j).xreplace(values))
            # the margin at the coordinated wage of sector 1 is the model's deviation margin
            at = L.deviation_margin(L.wage_coordinated(lS, lN, 0), lS, lN, theta, i)
            assert at == _as_fraction(s5.deviation_margin(1, True, j).xreplace(values))


def test_kernels_run_on_numpy_arrays_too():
    import numpy as np

    lS, lN, theta = np.array([3.0, 2.0]), np.array([1.0, 1.0]), np.array([1.5, 1.0])
    assert L.condition_star(lS, lN, theta, 1) == np.False_  # ratio 1.5 is not < 1.5
    assert np.allclose(L.wage_uncoordinated(lS, lN, theta, np.arange(2)), [2.0, 2.0])
