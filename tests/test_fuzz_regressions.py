"""Engine bugs the soundness fuzzer found, as minimal reproducers (each fails while its bug stands).

Each test is the shrunk reproducer of a disagreement; the docstring says what
is wrong and where.  The families that found them stay in the fuzzer's
default mix (``tests/fuzz/``), so a fix is also checked at scale.
"""

from __future__ import annotations

import pytest
from sympy import Eq, Gt, Lt, Ne, Rational, Symbol, re, root

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
    like ``I`` already is ("not supported: the non-real number I").
    """
    x = Symbol("x", real=True)
    v = exists(Lt(re(root(x, 3, 1)), 0, evaluate=False))
    assert v.status.value != "refuted", v                 # x = 1 is an instance: re((-1)**(2/3)) = -1/2
    assert v.status.value == "unknown" and "non-real" in v.reason, v
    w = prove(Gt((-1)**Rational(1, 3) * x, 0, evaluate=False), [x > 0])
    assert w.status.value == "unknown" and "non-real" in w.reason, w


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
