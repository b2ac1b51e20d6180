r"""An independent soundness corpus for the decision engine (issue 9).

Each :class:`Entry` is one call of :func:`symbolic.prove` or :func:`symbolic.exists`
written by someone who did not write the engine, with its **ground truth**:

=============  =============================================  =====================
truth          meaning                                        acceptable verdicts
=============  =============================================  =====================
``true``       the claim holds wherever the assumptions do    proved, unknown
``false``      it fails somewhere they hold                   refuted, unknown
``vacuous``    the assumptions (with the symbols' own)         vacuous, unknown
               are contradictory                              (exists: + refuted)
``undefined``  a term is not a real number somewhere the      unknown
               assumptions hold (``acos(2)``, ``tan(pi/2)``)
``witness``    exists: an instance exists                     witness, unknown
``none``       exists: no instance exists                     refuted, unknown
``reject``     not a claim at all (``prove(x + 1)``)          TypeError/ValueError
=============  =============================================  =====================

Entries with ``may_reject=True`` may also be refused with a clear
``TypeError``/``ValueError`` (a Boolean ``Eq`` between relations, a non-real
symbol, an infinite time limit...).

Semantics are those of :mod:`tests.soundness.oracle`: symbols range over the
reals satisfying their SymPy assumptions; a ``Float`` is its exact binary value
(SymPy's own reading in ``Float(0.1) > Rational(1, 10)``); a Boolean with a term
that is not real at some admissible point is undefined there.

Every ``false`` and ``witness`` entry carries an exact point (a counterexample or
a witness), and every ``undefined`` entry a point where the assumptions hold and
the claim is undefined; ``test_soundness_corpus.py`` checks each with the oracle,
so a wrong ground truth fails a test. ``true``/``none``/``vacuous`` are justified in
``why`` (a theorem or a hand proof) and sampled by the oracle for a counterexample.

>>> len(ENTRIES) >= 600
True
>>> e = by_id("roots-001"); e.truth, e.build()[0]
('false', 'prove')
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Callable

import sympy as sp
from sympy import (Abs, And, E, Eq, Equivalent, Float, Function, ITE, Implies, Integer, Max, Min, Mod, Nand,
                   Ne, Nor, Not, Or, Piecewise, Rational, S, Symbol, Xor, acos, acosh, acot, acsc, asec, asin,
                   asinh, atan, atanh, cbrt, ceiling, cos, cosh, cot, csc, exp, factorial, floor, frac, gamma,
                   log, pi, real_root, root, sec, sign, sin, sinh, sqrt, tan, tanh)
from sympy.functions.special.delta_functions import Heaviside
from sympy.functions.special.error_functions import erf  # noqa: F401  (kept for reproducers)
from sympy.functions import LambertW

__all__ = ["Entry", "ENTRIES", "by_id", "FAST_IDS", "ACCEPTABLE", "TRUTHS", "DEFAULT_TIMEOUT", "FAMILIES"]

TRUE, FALSE, VACUOUS, UNDEFINED, WITNESS, NONE, REJECT = (
    "true", "false", "vacuous", "undefined", "witness", "none", "reject")
TRUTHS = (TRUE, FALSE, VACUOUS, UNDEFINED, WITNESS, NONE, REJECT)

#: (kind, truth) -> verdict statuses that are not wrong
ACCEPTABLE = {
    ("prove", TRUE): {"proved", "unknown"},
    ("prove", FALSE): {"refuted", "unknown"},
    ("prove", VACUOUS): {"vacuous", "unknown"},
    # undefined somewhere, but refuted where it is defined and false: the harness checks the point with the oracle
    ("prove", UNDEFINED): {"unknown", "refuted"},
    ("exists", WITNESS): {"witness", "unknown"},
    ("exists", NONE): {"refuted", "unknown"},
    ("exists", VACUOUS): {"vacuous", "refuted", "unknown"},
    ("exists", UNDEFINED): {"unknown"},
    ("prove", REJECT): set(),
    ("exists", REJECT): set(),
}

DEFAULT_TIMEOUT = 3.0


@dataclass(frozen=True)
class Entry:
    """One corpus claim: ``build()`` gives ``(kind, claim, assumptions, timeout)``."""

    id: str
    family: str
    kind: str  # "prove" | "exists"
    truth: str
    why: str
    make: Callable[[], Any] = field(repr=False)
    point_of: Any = field(default=None, repr=False)  # dict, callable returning a dict, or None
    timeout: Any = DEFAULT_TIMEOUT
    prelude: tuple = field(default=(), repr=False)  # callables returning (kind, claim, assumptions)
    may_reject: bool = False
    kill_after: float | None = None  # hard wall-clock limit when the timeout is not a finite number
    line: int = 0  #: the line of corpus.py that declares the entry

    def build(self):
        """``(kind, claim, assumptions, timeout)``."""
        made = self.make()
        if isinstance(made, tuple) and len(made) == 2 and not isinstance(made[1], sp.Basic):
            claim, assumptions = made
        else:
            claim, assumptions = made, ()
        return self.kind, claim, tuple(assumptions) if isinstance(assumptions, list) else assumptions, self.timeout

    def point(self):
        """The exact counterexample / witness / undefined point stated with the ground truth."""
        p = self.point_of
        if callable(p):
            p = p()
        return None if p is None else {s: sp.sympify(v) for s, v in p.items()}

    @property
    def acceptable(self) -> set:
        return ACCEPTABLE[(self.kind, self.truth)]

    @property
    def hard_limit(self) -> float:
        """Seconds after which a call that has not returned counts as a hang."""
        if self.kill_after is not None:
            return self.kill_after
        t = self.timeout
        try:
            t = float(t)
        except (TypeError, ValueError, OverflowError):
            return 20.0
        if not (t > 0 and math.isfinite(t)) or t > 1e6:
            return 20.0
        return t + max(1.0, 0.2 * t) + 2.0


ENTRIES: list[Entry] = []
_COUNT: dict[str, int] = {}


def _add(family, kind, truth, why, make, point=None, **kw):
    assert truth in TRUTHS, truth
    if kind == "exists":
        assert truth in (WITNESS, NONE, VACUOUS, UNDEFINED, REJECT), truth
    else:
        assert truth in (TRUE, FALSE, VACUOUS, UNDEFINED, REJECT), truth
    _COUNT[family] = _COUNT.get(family, 0) + 1
    kw.setdefault("line", sys._getframe(2).f_lineno)
    entry = Entry(id=f"{family}-{_COUNT[family]:03d}", family=family, kind=kind, truth=truth, why=why,
                  make=make, point_of=point, **kw)
    ENTRIES.append(entry)
    return entry


def P(family, truth, why, make, point=None, **kw):
    """A ``prove`` entry; ``make()`` returns the claim or ``(claim, assumptions)``."""
    return _add(family, "prove", truth, why, make, point, **kw)


def X(family, truth, why, make, point=None, **kw):
    """An ``exists`` entry."""
    return _add(family, "exists", truth, why, make, point, **kw)


def binary(f: float | str, dps: int | None = None) -> sp.Rational:
    """The exact binary value of ``Float(f)`` (or ``Float(f, dps)``), read from its mantissa and exponent."""
    fl = Float(f) if dps is None else Float(f, dps)
    sgn, man, ex, _ = fl._mpf_
    q = Fraction(int(man)) * Fraction(2) ** int(ex)
    q = -q if sgn else q
    return Rational(q.numerator, q.denominator)


# -- symbols -----------------------------------------------------------------------------------------------
x, y, z, t = sp.symbols("x y z t", real=True)
a, b, c, d = sp.symbols("a b c d", positive=True)
K = Symbol("K", positive=True)
n, m, k = sp.symbols("n m k", integer=True)
q = Symbol("q", rational=True)
r = Symbol("r", irrational=True)
ev = Symbol("m", even=True)
od = Symbol("o", odd=True)
pr = Symbol("p", prime=True)
co = Symbol("c", composite=True)
ni = Symbol("w", integer=False)
nint = Symbol("v", noninteger=True)
nz = Symbol("z", zero=False)
npos = Symbol("s", positive=False)
nneg = Symbol("s", nonnegative=False)
nnegat = Symbol("s", negative=False)
nnpos = Symbol("s", nonpositive=False)
pint = Symbol("k", integer=True, positive=True)
nnint = Symbol("n", integer=True, nonnegative=True)
alg = Symbol("t", algebraic=True)
trans = Symbol("u", transcendental=True)
xr = Symbol("e", extended_real=True)
f = Function("f", real=True)
g = Function("g")

# economic parameters (Rodríguez-Clare 2005 style)
A, C = sp.symbols("A C", positive=True)
N, V = sp.symbols("N V", positive=True)
Dp, Dc = sp.symbols("Delta_p Delta_c", positive=True)
alpha, L, F = sp.symbols("alpha L F", positive=True)
Delta, kk, cc, s_ = sp.symbols("Delta k c s", positive=True)
phi, R, pi_ = sp.symbols("phi R pi", positive=True)  # pi_ is a symbol named "pi" (profits), not the constant
l1S, l1N, lkS, lkN, th1 = sp.symbols("lambda_1S lambda_1N lambda_kS lambda_kN theta_1", positive=True)

_third = Rational(1, 3)


# unevaluated relations: SymPy would otherwise decide ``Ne(r, 0)`` for an irrational r (or ``tan(x)**2 >= 0``)
# while building the claim, and the engine would only see ``true``
def gt(lhs, rhs):
    return sp.StrictGreaterThan(lhs, rhs, evaluate=False)


def ge(lhs, rhs):
    return sp.GreaterThan(lhs, rhs, evaluate=False)


def lt(lhs, rhs):
    return sp.StrictLessThan(lhs, rhs, evaluate=False)


def le(lhs, rhs):
    return sp.LessThan(lhs, rhs, evaluate=False)


def eq(lhs, rhs):
    return sp.Eq(lhs, rhs, evaluate=False)


def ne(lhs, rhs):
    return sp.Ne(lhs, rhs, evaluate=False)


# == family 1: different roots of one argument are different functions ========================================
F1 = "roots"
for _p, _q in [(2, 3), (2, 4), (3, 4), (2, 5), (3, 5), (2, 6), (4, 6), (3, 7)]:
    _K0 = 2 ** (_p * _q)
    P(F1, FALSE, f"at K = 2**{_p * _q}: root(K, {_p}) = {2 ** _q} but root(K, {_q}) = {2 ** _p}",
      lambda _p=_p, _q=_q: Eq(root(K, _p), root(K, _q)), {K: _K0})
    P(F1, FALSE, f"K > 1 and {_p} < {_q} give K**(1/{_p}) > K**(1/{_q}); K = 2**{_p * _q} is a counterexample",
      lambda _p=_p, _q=_q: (root(K, _p) <= root(K, _q), [K > 1]), {K: _K0})
    P(F1, TRUE, f"K >= 1 and 1/{_p} > 1/{_q}: K**(1/{_p}) >= K**(1/{_q}) (monotone in the exponent)",
      lambda _p=_p, _q=_q: (root(K, _p) >= root(K, _q), [K >= 1]))
    X(F1, WITNESS, f"K = 2**{_p * _q}: {2 ** _q} > {2 ** _p}",
      lambda _p=_p, _q=_q: root(K, _p) > root(K, _q), {K: _K0})

# constants a < b whose roots are in the opposite order: root(a, p) > root(b, q)
for _a, _p, _b, _q in [(3, 2, 5, 3), (5, 2, 10, 3), (2, 2, 3, 4), (10, 2, 30, 3), (7, 3, 20, 5), (6, 2, 14, 3),
                       (3, 3, 4, 4)]:
    _lhs = lambda _a=_a, _p=_p: root(Integer(_a), _p)
    _rhs = lambda _b=_b, _q=_q: root(Integer(_b), _q)
    _num = f"root({_a},{_p}) = {float(_a ** (1 / _p)):.4f} > root({_b},{_q}) = {float(_b ** (1 / _q)):.4f}"
    X(F1, WITNESS, f"{_num}, so x = 1 exceeds their difference",
      lambda _l=_lhs, _r=_rhs: x > _l() - _r(), {x: 1})
    P(F1, FALSE, f"{_num}: x = 1 satisfies the assumption and not the claim",
      lambda _l=_lhs, _r=_rhs: (x < 0, [x > _l() - _r()]), {x: 1})
    P(F1, TRUE, _num, lambda _l=_lhs, _r=_rhs: gt(_l(), _r()))
    P(F1, FALSE, _num, lambda _l=_lhs, _r=_rhs: lt(_l(), _r()), {})

P(F1, FALSE, "at K = 64: 64**(2/3) = 16 but sqrt(64) = 8", lambda: Eq(K ** Rational(2, 3), sqrt(K)), {K: 64})
P(F1, TRUE, "K >= 1 and 2/3 > 1/2", lambda: (K ** Rational(2, 3) >= sqrt(K), [K >= 1]))
P(F1, FALSE, "K = 1/64: (1/64)**(2/3) = 1/16 < 1/8 = sqrt(1/64)", lambda: K ** Rational(2, 3) >= sqrt(K),
  {K: Rational(1, 64)})
P(F1, FALSE, "x = 8, y = 9: sqrt(8) = 2.83 > cbrt(9) = 2.08",
  lambda: (Implies(x < y, sqrt(x) < cbrt(y)), [x > 0, y > 0]), {x: 8, y: 9})
P(F1, TRUE, "the cube root is increasing on the positive reals",
  lambda: (Implies(x < y, cbrt(x) < cbrt(y)), [x > 0, y > 0]))
P(F1, FALSE, "K = 64: 8 + 4 = 12 but 2*root(64, 6) = 4", lambda: Eq(sqrt(K) + cbrt(K), 2 * root(K, 6)), {K: 64})
P(F1, TRUE, "AM-GM: sqrt(K) + cbrt(K) >= 2*sqrt(sqrt(K)*cbrt(K)) = 2*K**(5/12)",
  lambda: sqrt(K) + cbrt(K) >= 2 * K ** Rational(5, 12))
P(F1, FALSE, "equality at K = 1 (1 + 1 = 2)", lambda: sqrt(K) + cbrt(K) > 2 * K ** Rational(5, 12), {K: 1})
X(F1, WITNESS, "K = 10**6: 1000 + 100 > 100", lambda: sqrt(K) + cbrt(K) > 100, {K: 10 ** 6})
P(F1, TRUE, "sqrt(K) > cbrt(K) iff K > 1 (K**(1/6) > 1)", lambda: (K > 1, [sqrt(K) > cbrt(K)]))
P(F1, FALSE, "K = 2 satisfies K > 1 (so sqrt(K) > cbrt(K)) and not K > 3", lambda: (K > 3, [sqrt(K) > cbrt(K)]),
  {K: 2})
X(F1, WITNESS, "K = 64: sqrt = 8, cbrt = 4, difference 4 > 3", lambda: sqrt(K) - cbrt(K) > 3, {K: 64})
P(F1, VACUOUS, "for 0 < K < 1, sqrt(K) < cbrt(K): the assumptions are contradictory", lambda: (lt(K, 0), [sqrt(K) > cbrt(K), K < 1]))
P(F1, FALSE, "x = 4: sqrt(4) = 2 but root(4, 4) = sqrt(2)", lambda: (Eq(sqrt(x), root(x, 4)), [x >= 0]), {x: 4})
P(F1, FALSE, "x = 1/16: root(1/16, 4) = 1/2 > 1/4 = sqrt(1/16)", lambda: (root(x, 4) <= sqrt(x), [x >= 0]),
  {x: Rational(1, 16)})
X(F1, WITNESS, "t = 2**12: sqrt(t) = 64, cbrt(t) = 16, root(t, 4) = 8 are distinct",
  lambda: (And(sqrt(t) > cbrt(t), cbrt(t) > root(t, 4)), [t > 0]), {t: 2 ** 12})


# == nested and mixed radicals, negative bases, real_root ======================================================
F2 = "radicals"
P(F2, TRUE, "real_root(x, 3) = sign(x)|x|**(1/3); cubed it is sign(x)|x| = x",
  lambda: Eq(real_root(x, 3) ** 3, x))
P(F2, UNDEFINED, "cbrt(-1) is SymPy's principal root (1 + I*sqrt(3))/2, not real", lambda: cbrt(x) ** 2 >= 0,
  {x: -1})
P(F2, TRUE, "x >= 0: cbrt(x)**2 >= 0", lambda: (cbrt(x) ** 2 >= 0, [x >= 0]))
P(F2, TRUE, "real_root is increasing and real_root(-8, 3) = -2", lambda: (real_root(x, 3) > -2, [x > -8]))
P(F2, FALSE, "x = -8: real_root(-8, 3) = -2, not > -2", lambda: (real_root(x, 3) > -2, [x >= -8]), {x: -8})
P(F2, TRUE, "real cube root of a negative number is negative", lambda: (real_root(x, 3) < 0, [x < 0]))
P(F2, UNDEFINED, "root(x, 3, 1) = x**(1/3)*(-1)**(2/3) is not real for x = 1",
  lambda: (root(x, 3, 1) > 0, [x > 0]), {x: 1}, may_reject=True)
P(F2, TRUE, "(sqrt(x) + sqrt(y))**2 = x + y + 2 sqrt(xy) >= x + y",
  lambda: (sqrt(x) + sqrt(y) >= sqrt(x + y), [x >= 0, y >= 0]))
P(F2, FALSE, "x = y = 0: 0 > 0 is false", lambda: (sqrt(x) + sqrt(y) > sqrt(x + y), [x >= 0, y >= 0]),
  {x: 0, y: 0})
P(F2, TRUE, "AM-GM for two numbers", lambda: (sqrt(x * y) <= (x + y) / 2, [x >= 0, y >= 0]))
P(F2, UNDEFINED, "x = -1, y = 1: sqrt(-1) is not real", lambda: sqrt(x * y) <= (x + y) / 2, {x: -1, y: 1})
P(F2, TRUE, "AM-GM for three numbers", lambda: (cbrt(x * y * z) <= (x + y + z) / 3, [x >= 0, y >= 0, z >= 0]))
P(F2, FALSE, "x = y = z = 1: equality", lambda: (cbrt(x * y * z) < (x + y + z) / 3, [x >= 0, y >= 0, z >= 0]),
  {x: 1, y: 1, z: 1})
P(F2, TRUE, "sqrt(x**2 + 1) > |x| >= x", lambda: sqrt(x ** 2 + 1) > x)
P(F2, FALSE, "x = -1: sqrt((-1)**2) = 1 != -1", lambda: Eq(sqrt(x ** 2), x), {x: -1})
P(F2, TRUE, "sqrt(x) >= 0 so 1 + sqrt(x) >= 1", lambda: (sqrt(1 + sqrt(x)) >= 1, [x >= 0]))
P(F2, FALSE, "x = 0: sqrt(1) = 1", lambda: (sqrt(1 + sqrt(x)) > 1, [x >= 0]), {x: 0})
P(F2, UNDEFINED, "x = 0: sqrt(-1) is not real", lambda: sqrt(x - 1) >= 0, {x: 0})
P(F2, TRUE, "x >= 1: sqrt(x - 1) >= 0", lambda: (sqrt(x - 1) >= 0, [x >= 1]))
P(F2, UNDEFINED, "x = 2: sqrt(-3) is not real", lambda: sqrt(1 - x ** 2) <= 1, {x: 2})
P(F2, TRUE, "|x| <= 1: 0 <= 1 - x**2 <= 1", lambda: (sqrt(1 - x ** 2) <= 1, [x >= -1, x <= 1]))
P(F2, UNDEFINED, "x = -1: (-1)**(2/3) is SymPy's principal value -1/2 + I*sqrt(3)/2", lambda: x ** Rational(2, 3) >= 0,
  {x: -1})
P(F2, UNDEFINED, "x = -1: (-1)**(3/2) is -I", lambda: x ** Rational(3, 2) >= 0, {x: -1})
P(F2, TRUE, "x >= 0: x**(3/2) >= 0", lambda: (x ** Rational(3, 2) >= 0, [x >= 0]))
P(F2, UNDEFINED, "cbrt(-8) = 2*(-1)**(1/3) is not real", lambda: eq(x, cbrt(-8)), {x: 0}, may_reject=True)
P(F2, TRUE, "(1 + sqrt(2))**2 = 3 + 2 sqrt(2)", lambda: eq(sqrt(3 + 2 * sqrt(2)), 1 + sqrt(2)))
P(F2, FALSE, "sqrt(3 + 2 sqrt(2)) = 1 + sqrt(2), not greater", lambda: gt(sqrt(3 + 2 * sqrt(2)), 1 + sqrt(2)), {})
P(F2, TRUE, "(sqrt(2) + sqrt(3))**2 = 5 + 2 sqrt(6)", lambda: eq(sqrt(2) + sqrt(3), sqrt(5 + 2 * sqrt(6))))
P(F2, FALSE, "(sqrt(2) + sqrt(3))**2 = 5 + 2 sqrt(6) < 5 + 2 sqrt(7)",
  lambda: eq(sqrt(2) + sqrt(3), sqrt(5 + 2 * sqrt(7))), {})
P(F2, TRUE, "((sqrt(6) + sqrt(2))/2)**2 = (8 + 4 sqrt(3))/4 = 2 + sqrt(3)", lambda: eq(sqrt(2 + sqrt(3)), (sqrt(6) + sqrt(2)) / 2))
P(F2, FALSE, "x = sqrt(2) is a counterexample", lambda: Ne(x ** 2, 2), {x: sqrt(2)})
P(F2, FALSE, "x = cbrt(2) is a counterexample", lambda: Ne(x ** 3, 2), {x: cbrt(2)})
P(F2, TRUE, "sqrt(2) = 1.41421... > 141/100, so no x in (0, 141/100) squares to 2",
  lambda: (Ne(x ** 2, 2), [x > 0, x < Rational(141, 100)]))
P(F2, FALSE, "x = sqrt(2) < 142/100", lambda: (Ne(x ** 2, 2), [x > 0, x < Rational(142, 100)]), {x: sqrt(2)})
P(F2, TRUE, "x**2.0 is x squared (an integer-valued exponent), never negative", lambda: x ** Float(2.0) >= 0)
P(F2, TRUE, "x >= 0: x**0.5 >= 0", lambda: (x ** Float(0.5) >= 0, [x >= 0]))
P(F2, UNDEFINED, "x = -1: (-1)**0.5 is I", lambda: x ** Float(0.5) >= 0, {x: -1})
X(F2, WITNESS, "x = sqrt(2): x**2 = 2 with x > 1", lambda: (Eq(x ** 2, 2), [x > 1]), {x: sqrt(2)})
X(F2, NONE, "x**2 = 2 and x > 2 would need x**2 > 4", lambda: (Eq(x ** 2, 2), [x > 2]))
X(F2, WITNESS, "x = 2**(1/5)", lambda: Eq(x ** 5, 2), {x: root(2, 5)})
P(F2, TRUE, "AM-GM for positive a, b", lambda: sqrt(a * b) <= (a + b) / 2)
P(F2, TRUE, "x, y >= 0: sqrt(x) <= sqrt(y) iff x <= y", lambda: (Equivalent(sqrt(x) <= sqrt(y), x <= y), [x >= 0, y >= 0]))
P(F2, FALSE, "x = 0, y = 1: sqrt(x + y) = 1 > sqrt(x)", lambda: (sqrt(x + y) <= sqrt(x), [x >= 0, y >= 0]),
  {x: 0, y: 1})
P(F2, TRUE, "sqrt is concave: (sqrt(x) + sqrt(y))/2 <= sqrt((x + y)/2)",
  lambda: ((sqrt(x) + sqrt(y)) / 2 <= sqrt((x + y) / 2), [x >= 0, y >= 0]))
P(F2, FALSE, "x = 1, y = 0: 1/2 < sqrt(1/2) is the other way", lambda: ((sqrt(x) + sqrt(y)) / 2 >= sqrt((x + y) / 2), [x >= 0, y >= 0]),
  {x: 1, y: 0})
P(F2, TRUE, "a**(3/4) = sqrt(a)*root(a, 4) >= sqrt(a) when a >= 1", lambda: (a ** Rational(3, 4) >= sqrt(a), [a >= 1]))
P(F2, FALSE, "a = 1/16: (1/16)**(3/4) = 1/8 < 1/4 = sqrt(1/16)", lambda: a ** Rational(3, 4) >= sqrt(a),
  {a: Rational(1, 16)})


# == family 2: the symbols' own SymPy assumptions are assumptions ============================================
F3 = "symbol-assumptions"
# rational
P(F3, TRUE, "sqrt(2) is irrational", lambda: Ne(q ** 2, 2))
P(F3, TRUE, "sqrt(3) is irrational", lambda: Ne(q ** 2, 3))
P(F3, TRUE, "cbrt(2) is irrational", lambda: Ne(q ** 3, 2))
P(F3, TRUE, "the roots 1 +- sqrt(2) of q**2 - 2q - 1 are irrational", lambda: Ne(q ** 2 - 2 * q - 1, 0))
P(F3, FALSE, "q = 1 is a rational root of q**2 - 3q + 2", lambda: Ne(q ** 2 - 3 * q + 2, 0), {q: 1})
X(F3, NONE, "sqrt(2) is irrational", lambda: Eq(q ** 2, 2))
X(F3, WITNESS, "q = 2", lambda: Eq(q ** 2, 4), {q: 2})
X(F3, WITNESS, "q = 7/5: 49/25 < 2", lambda: (q ** 2 < 2, [q > 1]), {q: Rational(7, 5)})
P(F3, TRUE, "3 is not a sum of two rational squares (it is not a sum of two integer squares)",
  lambda: Ne(q ** 2 + Symbol("q2", rational=True) ** 2, 3))
P(F3, FALSE, "q = 3/5, q2 = 4/5: 9/25 + 16/25 = 1", lambda: Ne(q ** 2 + Symbol("q2", rational=True) ** 2, 1),
  lambda: {q: Rational(3, 5), Symbol("q2", rational=True): Rational(4, 5)})
X(F3, NONE, "a rational q with q**3 = 2q would be 0 or +-sqrt(2); q != 0 excludes 0", lambda: (Eq(q ** 3, 2 * q), [q > 0]))
# irrational
P(F3, TRUE, "0 is rational", lambda: ne(r, 0))
P(F3, TRUE, "1/3 is rational", lambda: ne(r, Rational(1, 3)))
P(F3, TRUE, "1/2 is rational", lambda: ne(2 * r, 1))
X(F3, NONE, "r**2 = 4 means r = +-2, rational", lambda: eq(r ** 2, 4))
X(F3, WITNESS, "r = sqrt(2)", lambda: eq(r ** 2, 2), {r: sqrt(2)})
P(F3, FALSE, "r = sqrt(2)", lambda: ne(r ** 2, 2), {r: sqrt(2)})
X(F3, NONE, "r(r - 1) = 0 means r in {0, 1}, both rational", lambda: eq(r * (r - 1), 0))
# even
P(F3, TRUE, "3 is odd", lambda: ne(ev, 3))
P(F3, TRUE, "2m = 6 means m = 3, odd", lambda: Ne(2 * ev, 6))
X(F3, NONE, "1 is odd", lambda: eq(ev, 1))
X(F3, NONE, "the only integer in (0, 2) is 1, odd", lambda: And(ev > 0, ev < 2))
X(F3, WITNESS, "m = 2", lambda: And(ev > 1, ev < 3), {ev: 2})
P(F3, FALSE, "m = 2", lambda: Ne(ev ** 2, 4), {ev: 2})
P(F3, TRUE, "m even means m + 1 odd, so m + 1 != 0", lambda: ne(ev + 1, 0))
P(F3, TRUE, "an even m is 0 or |m| >= 2", lambda: Or(Eq(ev, 0), Abs(ev) >= 2))
# odd
P(F3, TRUE, "0 is even", lambda: ne(od, 0))
P(F3, TRUE, "an odd integer has |o| >= 1", lambda: ge(od ** 2, 1))
P(F3, FALSE, "o = 3", lambda: Ne(od ** 2, 9), {od: 3})
X(F3, NONE, "2 is even", lambda: eq(od, 2))
X(F3, WITNESS, "o = 1", lambda: And(od > 0, od < 2), {od: 1})
X(F3, NONE, "the only integer in (1, 3) is 2, even", lambda: And(od > 1, od < 3))
P(F3, TRUE, "4o is an integer, 1/4 is not", lambda: ne(4 * od, 1))
# prime
P(F3, TRUE, "primes are >= 2", lambda: ge(pr, 2))
P(F3, FALSE, "p = 2", lambda: pr > 2, {pr: 2})
P(F3, TRUE, "4 = 2*2 is not prime", lambda: Ne(pr, 4))
X(F3, NONE, "9 = 3*3 is not prime", lambda: Eq(pr, 9))
X(F3, WITNESS, "7 is prime", lambda: Eq(pr, 7), {pr: 7})
X(F3, NONE, "1 is not prime", lambda: eq(pr, 1))
X(F3, NONE, "8, 9, 10 are composite", lambda: And(pr > 7, pr < 11))
X(F3, WITNESS, "11 is prime", lambda: And(pr > 7, pr < 12), {pr: 11})
P(F3, FALSE, "p = 2", lambda: Ne(pr ** 2, 4), {pr: 2})
P(F3, TRUE, "a prime is a positive integer", lambda: gt(pr, Rational(3, 2)))
# composite
P(F3, TRUE, "the least composite number is 4", lambda: ge(co, 4))
X(F3, NONE, "5 is prime", lambda: Eq(co, 5))
X(F3, WITNESS, "6 = 2*3", lambda: Eq(co, 6), {co: 6})
P(F3, FALSE, "c = 4", lambda: co > 4, {co: 4})
X(F3, NONE, "2 and 3 are prime", lambda: And(gt(co, 1), lt(co, 4)))
# integer=False / noninteger
P(F3, TRUE, "0 is an integer", lambda: ne(ni, 0))
X(F3, NONE, "1 is an integer", lambda: eq(ni, 1))
X(F3, WITNESS, "w = 1/2", lambda: And(ni > 0, ni < 1), {ni: Rational(1, 2)})
P(F3, TRUE, "w**2 = 1 means w = +-1, integers", lambda: Ne(ni ** 2, 1))
P(F3, FALSE, "w = sqrt(2) is not an integer", lambda: Ne(ni ** 2, 2), {ni: sqrt(2)})
P(F3, TRUE, "noninteger: v != 2", lambda: ne(nint, 2))
X(F3, NONE, "noninteger v with 2v = 4 would be 2", lambda: Eq(2 * nint, 4))
X(F3, WITNESS, "v = 5/2", lambda: Eq(2 * nint, 5), {nint: Rational(5, 2)})
# zero=False, positive=False, nonnegative=False, negative=False, nonpositive=False
P(F3, TRUE, "zero=False", lambda: ne(nz, 0))
X(F3, NONE, "zero=False", lambda: eq(nz, 0))
P(F3, TRUE, "z != 0 and real", lambda: nz ** 2 > 0)
P(F3, TRUE, "positive=False over the reals is s <= 0", lambda: npos <= 0)
X(F3, NONE, "positive=False", lambda: npos > 0)
P(F3, FALSE, "s = 0 is not positive", lambda: npos < 0, {npos: 0})
P(F3, TRUE, "nonnegative=False over the reals is s < 0", lambda: nneg < 0)
X(F3, NONE, "nonnegative=False excludes 0", lambda: eq(nneg, 0))
P(F3, TRUE, "negative=False over the reals is s >= 0", lambda: nnegat >= 0)
P(F3, FALSE, "s = 0 is allowed", lambda: nnegat > 0, {nnegat: 0})
P(F3, TRUE, "nonpositive=False over the reals is s > 0", lambda: nnpos > 0)
X(F3, NONE, "nonpositive=False excludes 0", lambda: eq(nnpos, 0))
# positive integers, nonnegative integers
P(F3, TRUE, "a positive integer is >= 1", lambda: ge(pint, 1))
X(F3, NONE, "no positive integer is < 1", lambda: lt(pint, 1))
P(F3, TRUE, "n**2 >= n for every integer n", lambda: nnint ** 2 >= nnint)
P(F3, FALSE, "k = 1: 1 > 1 is false", lambda: pint ** 2 > pint, {pint: 1})
# algebraic / transcendental (SymPy does not make these real; refusing them is sound)
P(F3, TRUE, "pi is transcendental (Lindemann)", lambda: ne(alg, pi), may_reject=True)
P(F3, TRUE, "E is transcendental (Hermite)", lambda: ne(alg, E), may_reject=True)
X(F3, WITNESS, "t = sqrt(2) is algebraic", lambda: Eq(alg ** 2, 2), {alg: sqrt(2)}, may_reject=True)
P(F3, TRUE, "0 is algebraic", lambda: ne(trans, 0), may_reject=True)
P(F3, TRUE, "1/2 is algebraic", lambda: ne(trans, Rational(1, 2)), may_reject=True)
X(F3, NONE, "the roots +-sqrt(2) of u**2 = 2 are algebraic", lambda: eq(trans ** 2, 2), may_reject=True)
X(F3, WITNESS, "u = pi", lambda: Eq(trans, pi), {trans: pi}, may_reject=True)
# extended_real: the values oo and -oo are admissible
P(F3, FALSE, "e = oo: 1/oo = 0 is not > 0", lambda: (gt(1 / xr, 0), [xr > 0]), may_reject=True)
P(F3, FALSE, "e = oo: 2*oo = oo, so e != 2e fails", lambda: (ne(xr, 2 * xr), [xr > 0]),
  may_reject=True)
# non-real symbols cannot be decided over the reals
P(F3, UNDEFINED, "x = Symbol('x', infinite=True) has no real value", lambda: gt(Symbol("x", infinite=True), 0),
  may_reject=True)
P(F3, UNDEFINED, "a complex symbol: x = I gives I**2 = -1", lambda: ge(Symbol("x", complex=True) ** 2, 0),
  may_reject=True)
P(F3, UNDEFINED, "an imaginary symbol: x = I gives -1", lambda: ge(Symbol("x", imaginary=True) ** 2, 0),
  may_reject=True)
# witnesses must respect the symbol assumptions
X(F3, WITNESS, "q = 7/5 (rational)", lambda: (q ** 2 < 2, [q > 1]), {q: Rational(7, 5)})
X(F3, NONE, "no integer strictly between 1 and sqrt(2)", lambda: (n ** 2 < 2, [n > 1]))
X(F3, WITNESS, "n = 1", lambda: And(2 * n > 1, 2 * n < 3), {n: 1})
X(F3, NONE, "2n = 1 has no integer solution", lambda: eq(2 * n, 1))
X(F3, WITNESS, "m = 2 is even and lies in (3/2, 5/2)", lambda: And(ev > Rational(3, 2), ev < Rational(5, 2)), {ev: 2})
X(F3, NONE, "odd o in (3/2, 5/2) would be 2", lambda: And(od > Rational(3, 2), od < Rational(5, 2)))
X(F3, WITNESS, "p = 2", lambda: And(pr > Rational(3, 2), pr < Rational(5, 2)), {pr: 2})
X(F3, NONE, "composite c in (3/2, 7/2) would be 2 or 3", lambda: And(gt(co, Rational(3, 2)), lt(co, Rational(7, 2))))


# == family 3: functions with a restricted or complex-valued domain ==========================================
F4 = "domains"
_half_pi = pi / 2
for _fn, _bad, _lo, _hi in [(acos, 2, -1, 1), (asin, -2, -1, 1)]:
    P(F4, UNDEFINED, f"{_fn.__name__}({_bad}) is not real", lambda _fn=_fn: (_fn(x) ** 2 >= 0, [x > 1] if _fn is acos else [x < -1]),
      {x: _bad})
    P(F4, UNDEFINED, f"{_fn.__name__}({_bad}) is not real", lambda _fn=_fn: _fn(x) <= 2, {x: _bad})
    # exists asks for a point where the condition is defined and true (the engine's documented reading): none
    X(F4, NONE, f"{_fn.__name__} is real nowhere on |x| > 1: no point where it is defined",
      lambda _fn=_fn: (_fn(x) > 0, [x > 1]))
P(F4, TRUE, "acos maps [-1, 1] onto [0, pi]", lambda: (acos(x) >= 0, [x >= -1, x <= 1]))
P(F4, TRUE, "acos maps [-1, 1] onto [0, pi]", lambda: (acos(x) <= pi, [x >= -1, x <= 1]))
P(F4, FALSE, "acos(-1) = pi", lambda: (acos(x) < pi, [x >= -1, x <= 1]), {x: -1})
P(F4, FALSE, "acos(1) = 0", lambda: (acos(x) > 0, [x >= -1, x <= 1]), {x: 1})
X(F4, WITNESS, "acos(-1) = pi > 3", lambda: (acos(x) > 3, [x >= -1, x <= 1]), {x: -1})
P(F4, TRUE, "asin maps [-1, 1] onto [-pi/2, pi/2]", lambda: (asin(x) <= pi / 2, [x >= -1, x <= 1]))
P(F4, FALSE, "asin(1) = pi/2", lambda: (asin(x) < pi / 2, [x >= -1, x <= 1]), {x: 1})
P(F4, UNDEFINED, "acosh(1/2) is not real", lambda: acosh(x) >= 0, {x: Rational(1, 2)})
P(F4, UNDEFINED, "acosh(0) = I*pi/2 is not real", lambda: (acosh(x) >= 0, [x > -1]), {x: 0})
P(F4, TRUE, "acosh maps [1, oo) onto [0, oo)", lambda: (acosh(x) >= 0, [x >= 1]))
P(F4, FALSE, "acosh(1) = 0", lambda: (acosh(x) > 0, [x >= 1]), {x: 1})
P(F4, UNDEFINED, "atanh(1) is infinite", lambda: (atanh(x) >= x, [x >= 0, x <= 1]), {x: 1})
P(F4, UNDEFINED, "atanh(2) is not real", lambda: atanh(x) ** 2 >= 0, {x: 2})
P(F4, TRUE, "atanh(x) = x + x**3/3 + ... >= x on [0, 1)", lambda: (atanh(x) >= x, [x >= 0, x < 1]))
P(F4, UNDEFINED, "asec(1/2) = acos(2) is not real", lambda: asec(x) >= 0, {x: Rational(1, 2)})
P(F4, TRUE, "asec maps |x| >= 1 into [0, pi]", lambda: (asec(x) >= 0, [x >= 1]))
P(F4, UNDEFINED, "acsc(1/2) = asin(2) is not real", lambda: acsc(x) ** 2 >= 0, {x: Rational(1, 2)})
P(F4, UNDEFINED, "tan(pi/2) is undefined", lambda: ge(tan(x) ** 2, 0), {x: _half_pi})
P(F4, UNDEFINED, "tan(pi/2) is undefined and pi/2 < 2", lambda: (ge(tan(x) ** 2, 0), [x >= 0, x <= 2]), {x: _half_pi})
P(F4, TRUE, "1 < pi/2: tan is real on [0, 1]", lambda: (ge(tan(x) ** 2, 0), [x >= 0, x <= 1]))
P(F4, TRUE, "tan(x) >= x on [0, pi/2), here on [0, 1]", lambda: (tan(x) >= x, [x >= 0, x <= 1]))
P(F4, FALSE, "tan(0) = 0", lambda: (tan(x) > x, [x >= 0, x <= 1]), {x: 0})
P(F4, UNDEFINED, "cot(0) is undefined", lambda: ge(cot(x) ** 2, 0), {x: 0})
P(F4, UNDEFINED, "sec(pi/2) is undefined", lambda: sec(x) ** 2 >= 1, {x: _half_pi})
P(F4, UNDEFINED, "csc(0) is undefined", lambda: csc(x) ** 2 >= 1, {x: 0})
P(F4, TRUE, "sec(x)**2 = 1 + tan(x)**2 >= 1 where cos != 0; |x| <= 1 < pi/2", lambda: (sec(x) ** 2 >= 1, [x >= -1, x <= 1]))
P(F4, UNDEFINED, "Mod(x, 0) is undefined", lambda: (Mod(x, y) >= 0, [x > 0]), {x: 1, y: 0})
P(F4, UNDEFINED, "Mod(1, 0) is undefined", lambda: Mod(x, y) ** 2 >= 0, {x: 1, y: 0})
P(F4, TRUE, "SymPy's Mod(x, y) has the sign of y: 0 <= Mod(x, y) < y for y > 0", lambda: (Mod(x, y) >= 0, [y > 0]))
P(F4, TRUE, "0 <= Mod(x, y) < y for y > 0", lambda: (Mod(x, y) < y, [y > 0]))
P(F4, FALSE, "Mod(0, 1) = 0", lambda: (Mod(x, y) > 0, [y > 0]), {x: 0, y: 1})
P(F4, FALSE, "Mod(1, -2) = -1", lambda: (Mod(x, y) >= 0, [Ne(y, 0)]), {x: 1, y: -2})
P(F4, FALSE, "Mod(3/2, 2) = 3/2", lambda: Mod(x, 2) <= 1, {x: Rational(3, 2)})
P(F4, TRUE, "Mod(n, 2) is 0 or 1 for an integer n", lambda: Mod(n, 2) <= 1)
P(F4, UNDEFINED, "LambertW(-1) is not real (-1 < -1/e)", lambda: LambertW(x) >= -1, {x: -1})
P(F4, TRUE, "the principal branch is >= -1 on [-1/e, oo)", lambda: (LambertW(x) >= -1, [x >= -exp(-1)]))
P(F4, TRUE, "W(x) > -1 for x > -1/e", lambda: (LambertW(x) > -1, [x > -exp(-1)]))
P(F4, TRUE, "W(x) >= 0 for x >= 0", lambda: (LambertW(x) >= 0, [x >= 0]))
P(F4, FALSE, "W(0) = 0", lambda: (LambertW(x) > 0, [x >= 0]), {x: 0})
P(F4, TRUE, "W e**W = x and e**W >= 1 for W >= 0, so W <= x", lambda: (LambertW(x) <= x, [x >= 0]))
P(F4, TRUE, "the branch k = -1 takes values <= -1 on [-1/e, 0)", lambda: (LambertW(x, -1) <= -1, [x >= -exp(-1), x < 0]))
P(F4, UNDEFINED, "LambertW(1, -1) is not real", lambda: LambertW(x, -1) <= -1, {x: 1})
P(F4, UNDEFINED, "log(0) is undefined", lambda: log(x) <= x - 1, {x: 0})
P(F4, TRUE, "log(x) <= x - 1 for x > 0 (tangent line of a concave function)", lambda: (log(x) <= x - 1, [x > 0]))
P(F4, UNDEFINED, "log(-1) = I*pi is not real", lambda: (Eq(log(x ** 2), 2 * log(x)), [Ne(x, 0)]), {x: -1})
P(F4, UNDEFINED, "log(-1) is not real", lambda: (Eq(log(x * y), log(x) + log(y)), [x < 0, y < 0]), {x: -1, y: -1})
P(F4, TRUE, "log(xy) = log x + log y for x, y > 0", lambda: (Eq(log(x * y), log(x) + log(y)), [x > 0, y > 0]))
P(F4, TRUE, "x - log2(x) is smallest at x = 1/ln 2, where it is 0.914 > 0", lambda: (log(x, 2) < x, [x > 0]))
P(F4, UNDEFINED, "gamma has a pole at 0", lambda: gamma(x) > 0, {x: 0})
P(F4, TRUE, "gamma > 0 on (0, oo)", lambda: (gamma(x) > 0, [x > 0]))
P(F4, FALSE, "gamma(3/2) = sqrt(pi)/2 = 0.886", lambda: (gamma(x) >= 1, [x > 0]), {x: Rational(3, 2)})
P(F4, UNDEFINED, "gamma has a pole at 0", lambda: Eq(gamma(x + 1), x * gamma(x)), {x: 0})
P(F4, TRUE, "the functional equation of gamma", lambda: (Eq(gamma(x + 1), x * gamma(x)), [x > 0]))
P(F4, FALSE, "gamma(-1/2) = -2 sqrt(pi) < 0", lambda: (gamma(x) > 0, [x > -1, x < 0]), {x: Rational(-1, 2)})
P(F4, UNDEFINED, "factorial(-1) = gamma(0) is a pole", lambda: factorial(x) >= 1, {x: -1})
P(F4, TRUE, "n! >= 1 for n >= 0", lambda: ge(factorial(nnint), 1))
P(F4, TRUE, "n! >= n for n >= 0", lambda: factorial(nnint) >= nnint)
P(F4, FALSE, "1! = 1", lambda: factorial(nnint) > nnint, {nnint: 1})
P(F4, FALSE, "1! = 1 < 2**1", lambda: factorial(nnint) >= 2 ** nnint, {nnint: 1})
P(F4, TRUE, "n! >= 2**n for n >= 4 (24 >= 16, then factors >= 2)", lambda: (factorial(nnint) >= 2 ** nnint, [nnint >= 4]))
P(F4, TRUE, "gamma(x + 1) > 0 for x > -1", lambda: (factorial(x) > 0, [x > -1]))
P(F4, TRUE, "x**y = exp(y log x) > 0 for x > 0", lambda: (x ** y > 0, [x > 0]))
P(F4, UNDEFINED, "(-1)**(1/2) is not real", lambda: x ** y > 0, {x: -1, y: Rational(1, 2)})
P(F4, TRUE, "0**y = 0 and x**y > 0 for y > 0", lambda: (x ** y >= 0, [x >= 0, y > 0]))
P(F4, FALSE, "0**1 = 0", lambda: (x ** y > 0, [x >= 0, y > 0]), {x: 0, y: 1})
P(F4, UNDEFINED, "sqrt(-1/2) is not real", lambda: (sqrt(x - 5) >= 0, [x > 4]), {x: Rational(9, 2)})
P(F4, TRUE, "acot is real everywhere, SymPy's range is (-pi/2, pi/2]", lambda: acot(x) <= pi / 2)
P(F4, FALSE, "acot(-1) = -pi/4", lambda: acot(x) > 0, {x: -1})
P(F4, UNDEFINED, "1/0", lambda: (1 / x > 0, [x >= 0]), {x: 0})
P(F4, UNDEFINED, "(x**2 - 1)/(x - 1) is 0/0 at x = 1", lambda: Eq((x ** 2 - 1) / (x - 1), x + 1), {x: 1})
P(F4, TRUE, "(x**2 - 1)/(x - 1) = x + 1 for x != 1", lambda: (Eq((x ** 2 - 1) / (x - 1), x + 1), [Ne(x, 1)]))
P(F4, UNDEFINED, "no branch of Piecewise((x, x > 0)) applies at x = -1", lambda: Piecewise((x, x > 0)) > -5, {x: -1})
P(F4, TRUE, "the only branch applies when x > 0", lambda: (Piecewise((x, x > 0)) > 0, [x > 0]))
P(F4, UNDEFINED, "no branch applies at x = 0", lambda: (Piecewise((x, x > 0)) >= 0, [x >= 0]), {x: 0})
P(F4, UNDEFINED, "loggamma(-1/2) is not real", lambda: sp.loggamma(x) <= x ** 2, {x: Rational(-1, 2)})
P(F4, UNDEFINED, "sqrt(x)/x: 0/0 at x = 0", lambda: (sqrt(x) / x >= 0, [x >= 0]), {x: 0})
X(F4, NONE, "acosh(x) < 0 has no real instance (acosh >= 0 where defined, x >= 1)", lambda: acosh(x) < 0)
X(F4, WITNESS, "acosh(2) = 1.317 > 1", lambda: (acosh(x) > 1, [x >= 1]), {x: 2})
X(F4, WITNESS, "tan(1) = 1.557 > 3/2", lambda: (tan(x) > Rational(3, 2), [x >= 0, x <= 1]), {x: 1})


# == family 4: a verdict must not depend on earlier calls in the process ======================================
# Each entry runs its prelude first (in the same process), then the decided call.  The prelude primes the
# engine with the same relation built over one abstracted term; the decided call's assumptions are about
# another term of the same function.
F5 = "order"


def _primer(rel):
    return lambda: ("prove", rel(), (rel(),))


for _rel, _assume, _pt, _why in [
    (lambda: exp(x) >= 1, lambda: [exp(y) >= 5], {x: -1, y: 2}, "x = -1, y = 2: exp(2) >= 5 but exp(-1) < 1"),
    (lambda: exp(x) > 2, lambda: [exp(y) > 3], {x: 0, y: 2}, "x = 0, y = 2: exp(0) = 1 < 2"),
    (lambda: exp(2 * x) <= 3, lambda: [exp(2 * y) <= 1], {x: 1, y: 0}, "x = 1, y = 0: exp(2) = 7.39 > 3"),
    (lambda: log(x) >= 1, lambda: [x > 0, y > 0, log(y) >= 2], {x: 1, y: 10}, "x = 1, y = 10: log(1) = 0 < 1"),
    (lambda: sqrt(x) >= 1, lambda: [x >= 0, y >= 0, sqrt(y) >= 2], {x: 0, y: 4}, "x = 0, y = 4: sqrt(0) = 0 < 1"),
    (lambda: cbrt(x) <= 1, lambda: [x >= 0, y >= 0, cbrt(y) <= Rational(1, 2)], {x: 27, y: 0}, "x = 27, y = 0: cbrt(27) = 3 > 1"),
    (lambda: sin(x) <= Rational(1, 2), lambda: [sin(y) <= 0], {x: _half_pi, y: 0}, "x = pi/2, y = 0: sin(pi/2) = 1"),
    (lambda: atan(x) < 1, lambda: [atan(y) <= 0], {x: 10, y: 0}, "x = 10, y = 0: atan(10) = 1.47"),
    (lambda: f(x) > 0, lambda: [f(y) > 1], None, "f = the identity, x = 0, y = 2: f(y) = 2 > 1 but f(0) = 0"),
    (lambda: x < pi, lambda: [exp(y) > x], {x: 4, y: 2}, "x = 4, y = 2: exp(2) = 7.39 > 4 but 4 > pi"),
    (lambda: exp(x) + exp(-x) > 3, lambda: [exp(y) + exp(-y) > 3], {x: 0, y: 3}, "x = 0: 1 + 1 = 2 < 3"),
    (lambda: cosh(x) > 2, lambda: [cosh(y) > 2], {x: 0, y: 3}, "x = 0: cosh(0) = 1"),
]:
    P(F5, FALSE, _why, lambda _r=_rel, _a=_assume: (_r(), _a()), _pt, prelude=(_primer(_rel),))

# the same decided call twice in one process; true claims primed with a related call
P(F5, TRUE, "exp(x) >= 1 + x, primed with the same call", lambda: exp(x) >= 1 + x,
  prelude=(lambda: ("prove", exp(x) >= 1 + x, ()),))
P(F5, TRUE, "exp(x) > 0 whatever exp(y) is", lambda: (gt(exp(x), 0), [exp(y) >= 5]), prelude=(_primer(lambda: gt(exp(x), 0)),))
P(F5, FALSE, "x = -1: exp(-1) < 1; primed with the true claim over exp(x) >= 1 + x",
  lambda: exp(x) >= 1, {x: -1}, prelude=(lambda: ("prove", exp(x) >= 1 + x, ()), _primer(lambda: exp(x) >= 1)))
P(F5, FALSE, "x = 1/2: x**2 < x; primed with an assumption-less call on the same relation",
  lambda: x ** 2 >= x, {x: Rational(1, 2)}, prelude=(lambda: ("prove", x ** 2 >= x, (x >= 1,)),))
P(F5, TRUE, "x >= 1 implies x**2 >= x; primed with the false unconditional claim",
  lambda: (x ** 2 >= x, [x >= 1]), prelude=(lambda: ("prove", x ** 2 >= x, ()),))
P(F5, FALSE, "y = 0, x = 1: exp(0) = 1 is not > 1; primed by a call with the atoms in the other order",
  lambda: (exp(y) > 1, [exp(x) > 1]), {x: 1, y: 0},
  prelude=(lambda: ("prove", exp(y) > 1, (exp(y) > 1, exp(x) > 1)),))
X(F5, NONE, "exp(x) > 0 everywhere; primed with a witness query over exp(y)",
  lambda: le(exp(x), 0), prelude=(lambda: ("exists", exp(y) <= 1, ()), lambda: ("exists", le(exp(x), 0), (le(exp(x), 0),))))
X(F5, WITNESS, "x = 0: exp(0) = 1 <= 1; primed with the cached relation over another atom",
  lambda: (exp(x) <= 1, [exp(y) > 5]), {x: 0, y: 2}, prelude=(_primer(lambda: exp(x) <= 1),))
P(F5, VACUOUS, "exp(y) < 0 is impossible; primed with the same relation over exp(x)",
  lambda: (exp(x) < 1, [lt(exp(y), 0)]), prelude=(_primer(lambda: exp(x) < 1),))
P(F5, FALSE, "the same symbol name with other assumptions: u = 1/2 real; primed with the positive u",
  lambda: (Symbol("u", real=True) ** 2 >= Symbol("u", real=True)),
  lambda: {Symbol("u", real=True): Rational(1, 2)},
  prelude=(lambda: ("prove", Symbol("u", positive=True) ** 2 >= Symbol("u", positive=True),
                    (Symbol("u", positive=True) >= 1,)),))
P(F5, TRUE, "x integer: x**2 >= x; primed with the real x", lambda: n ** 2 >= n,
  prelude=(lambda: ("prove", Symbol("n", real=True) ** 2 >= Symbol("n", real=True), ()),))
P(F5, FALSE, "the real x = 1/2 fails; primed with the integer n of the same name",
  lambda: Symbol("n", real=True) ** 2 >= Symbol("n", real=True), lambda: {Symbol("n", real=True): Rational(1, 2)},
  prelude=(lambda: ("prove", n ** 2 >= n, ()),))


# == family 5: crashes, hangs, odd inputs ======================================================================
F6 = "crashes"
P(F6, FALSE, "x = 1, y = -1: (x > 0) is true, (y > 0) false", lambda: Eq(x > 0, y > 0), {x: 1, y: -1}, may_reject=True)
P(F6, FALSE, "x = y = 1: both true, so they are not different", lambda: Ne(x > 0, y > 0), {x: 1, y: 1}, may_reject=True)
P(F6, TRUE, "x > 0 iff 2x > 0", lambda: Eq(x > 0, 2 * x > 0), may_reject=True)
P(F6, FALSE, "x = -1: x > 0 false, x**2 > 0 true", lambda: Eq(x > 0, x ** 2 > 0), {x: -1}, may_reject=True)
P(F6, TRUE, "(x > 1) and (x <= 1) always differ", lambda: Ne(x > 1, x <= 1), may_reject=True)
P(F6, FALSE, "x = 2, y = 0", lambda: Eq(And(x > 0, y > 0), Or(x > 1, y > 1)), {x: 2, y: 0}, may_reject=True)
X(F6, WITNESS, "x = 1, y = 1", lambda: Eq(x > 0, y > 0), {x: 1, y: 1}, may_reject=True)
P(F6, TRUE, "an infinite time limit on an easy claim", lambda: x ** 2 + 1 > x, timeout=float("inf"), may_reject=True,
  kill_after=30.0)
P(F6, TRUE, "a huge time limit on an easy claim", lambda: x ** 2 + 1 > x, timeout=1e300, may_reject=True, kill_after=30.0)
P(F6, TRUE, "an integer time limit too large for a float", lambda: x ** 2 + 1 > x, timeout=10 ** 400, may_reject=True,
  kill_after=30.0)
P(F6, TRUE, "a NaN time limit must be refused", lambda: x ** 2 + 1 > x, timeout=float("nan"), may_reject=True)
P(F6, TRUE, "a zero time limit must be refused or answered unknown", lambda: x ** 2 + 1 > x, timeout=0, may_reject=True)
P(F6, TRUE, "a negative time limit", lambda: x ** 2 + 1 > x, timeout=-1, may_reject=True)
P(F6, TRUE, "a tiny time limit", lambda: x ** 2 + 1 > x, timeout=1e-9, may_reject=True)
P(F6, TRUE, "a time limit given as a Fraction", lambda: x ** 2 + 1 > x, timeout=Fraction(1, 2), may_reject=True)
P(F6, TRUE, "a time limit given as a string", lambda: x ** 2 + 1 > x, timeout="5", may_reject=True)
P(F6, TRUE, "a time limit of None", lambda: x ** 2 + 1 > x, timeout=None, may_reject=True)
P(F6, TRUE, "a bool time limit (True == 1)", lambda: x ** 2 + 1 > x, timeout=True, may_reject=True)
P(F6, REJECT, "an expression is not a claim", lambda: x + 1)
P(F6, REJECT, "a string must not be parsed", lambda: "x > 0")
P(F6, REJECT, "a Python bool is not a SymPy Boolean", lambda: True)
P(F6, REJECT, "assumptions must be Booleans", lambda: (x > 0, [x + 1]))
P(F6, REJECT, "an integer is not an assumption list", lambda: (x > 0, 5))
P(F6, UNDEFINED, "a bare Symbol used as a Boolean has no meaning over the reals", lambda: (x > 0, [x]),
  may_reject=True)
P(F6, TRUE, "a Python True among the assumptions is harmless", lambda: (x > 0, [x > 1, True]), may_reject=True)
P(F6, TRUE, "assumptions as a name -> Boolean mapping", lambda: (x > 0, {"big": x > 1}))
P(F6, TRUE, "sympy.true is proved", lambda: S.true)
P(F6, FALSE, "sympy.false is refuted", lambda: S.false, {})
X(F6, NONE, "sympy.false has no instance", lambda: S.false)
X(F6, WITNESS, "sympy.true holds at the empty point", lambda: S.true, {})
P(F6, VACUOUS, "a false assumption", lambda: (x > 0, [S.false]))
P(F6, FALSE, "x = 0 is real and not I", lambda: Eq(x, sp.I), may_reject=True)
P(F6, TRUE, "nested Piecewise (12 levels, each branch shares the previous one): x**2 + #{i < x} >= 0",
  lambda: ge(_nested_piecewise(12), 0))
P(F6, TRUE, "x < 10 < exp(exp(exp(10)))", lambda: (lt(x, exp(exp(exp(10)))), [x < 10]), timeout=2.0)
P(F6, TRUE, "a huge integer", lambda: (x < 10 ** 5000, [x < 10 ** 4999]))
P(F6, TRUE, "x > 0 with core=False default, big conjunction", lambda: (x > 0, [x > i for i in range(200)]))
P(F6, FALSE, "x0 = ... = x29 = 0", lambda: Implies(And(*[Symbol(f"x{i}", real=True) <= Symbol(f"x{i + 1}", real=True)
                                                          for i in range(29)]),
                                                    Symbol("x0", real=True) < Symbol("x29", real=True)),
  lambda: {Symbol(f"x{i}", real=True): 0 for i in range(30)})
P(F6, TRUE, "a strict chain is transitive", lambda: Implies(And(*[Symbol(f"x{i}", real=True) < Symbol(f"x{i + 1}", real=True)
                                                               for i in range(29)]),
                                                         Symbol("x0", real=True) < Symbol("x29", real=True)))


def _nested_piecewise(depth):
    e = x ** 2
    for i in range(depth):
        e = Piecewise((e + 1, x > i), (e, True), evaluate=False)  # evaluated nesting is slow in SymPy
    return e


# == symbols whose names collide with the engine's or z3's ===================================================
F7 = "names"
for _name in ["atom!0", "atom!1", "assumption!0", "x!1", "atom!", "and", "or", "not", "true", "false", "ite", "let",
              "=>", "forall", "Real", "Int", "div", "|x|", "x y", "(", "check-sat", "!", "#", "α", "θ₁", "名前", "𝑥",
              "E", "pi", "I", "oo", "lambda", "None", "1", "-x", "x'", ""]:
    _fast_timeout = 2.0
    _s = lambda _name=_name: Symbol(_name, real=True)
    P(F7, TRUE, f"symbol named {_name!r}: s > 1 implies s**2 > s", lambda _s=_s: (Implies(_s() > 1, _s() ** 2 > _s())),
      timeout=_fast_timeout)
    P(F7, FALSE, f"symbol named {_name!r}: s = 1/2 gives s**2 < s", lambda _s=_s: _s() ** 2 >= _s(),
      lambda _s=_s: {_s(): Rational(1, 2)}, timeout=_fast_timeout)
# a user symbol named like the engine's renaming of a homonym
P(F7, FALSE, "two different symbols, 'x' (positive) and 'x!1' (real): x!1 = 0, x = 1",
  lambda: Implies(Symbol("x", positive=True) > 0, Symbol("x!1", real=True) > 0),
  lambda: {Symbol("x", positive=True): 1, Symbol("x!1", real=True): 0})
P(F7, FALSE, "three symbols printed 'x', 'x', 'x!1'", lambda: Implies(And(x > 1, Symbol("x", positive=True) > 1),
                                                                       Symbol("x!1", real=True) > 1),
  lambda: {x: 2, Symbol("x", positive=True): 2, Symbol("x!1", real=True): 0})


# == distinct symbols that share a name ========================================================================
F8 = "homonyms"
u_pos, u_real, u_plain, u_int = Symbol("u", positive=True), Symbol("u", real=True), Symbol("u"), Symbol("u", integer=True)
u_dummy = sp.Dummy("u", real=True)
P(F8, FALSE, "u (positive) = 3, u (real) = 0", lambda: Implies(u_pos > 2, u_real > 2), {u_pos: 3, u_real: 0})
P(F8, TRUE, "u (positive) > 0", lambda: gt(u_pos + u_real, u_real))
P(F8, FALSE, "u (positive) = 1, u (real) = 0", lambda: Eq(u_pos, u_real), {u_pos: 1, u_real: 0})
X(F8, WITNESS, "u (positive) = 1, u (real) = -1", lambda: And(u_pos > 0, u_real < 0), {u_pos: 1, u_real: -1})
X(F8, WITNESS, "u (integer) = 1, u (real) = 2", lambda: Eq(u_int, u_real / 2), {u_int: 1, u_real: 2})
X(F8, WITNESS, "u (integer) = 1, u (real) = 1/2", lambda: And(u_int > u_real, u_int < 2 * u_real + 1), {u_int: 1, u_real: Rational(1, 2)})
P(F8, FALSE, "u (plain) = -1, u (positive) = 1", lambda: Implies(u_pos > 0, u_plain > 0), {u_pos: 1, u_plain: -1})
P(F8, FALSE, "the Dummy u = -1, the Symbol u = 1", lambda: Implies(u_real > 0, u_dummy > 0), {u_real: 1, u_dummy: -1})
P(F8, TRUE, "the positive u squared is positive, whatever the integer u is", lambda: gt(u_pos ** 2 + u_int ** 2, u_int ** 2))
P(F8, FALSE, "u (integer) = 0, u (positive) = 1/2", lambda: u_int >= u_pos, {u_int: 0, u_pos: Rational(1, 2)})
X(F8, NONE, "u (positive) + u (real)**2 > 0",
  lambda: lt(u_pos + u_real ** 2, 0))
P(F8, FALSE, "four homonyms: u_int = 0, u_real = 0, u_plain = 0, u_pos = 1",
  lambda: Eq(u_int + u_real + u_plain, u_pos), {u_int: 0, u_real: 0, u_plain: 0, u_pos: 1})


# == Boolean structure ========================================================================================
F9 = "boolean"
P(F9, TRUE, "exactly one of x > 0, 2x <= 0", lambda: Xor(x > 0, 2 * x <= 0))
P(F9, FALSE, "x = 0: neither", lambda: Xor(x > 0, x < 0), {x: 0})
P(F9, FALSE, "x = 2: both", lambda: Xor(x > 0, x > 1), {x: 2})
P(F9, FALSE, "x = y = 0: all three false", lambda: Xor(x > 0, y > 0, x * y > 0), {x: 0, y: 0})
P(F9, TRUE, "x, y != 0: an odd number of (x > 0, y > 0, xy > 0) hold (check the four sign cases)",
  lambda: (Xor(x > 0, y > 0, x * y > 0), [Ne(x, 0), Ne(y, 0)]))
P(F9, TRUE, "x > 0 iff 2x > 0", lambda: Equivalent(x > 0, 2 * x > 0))
P(F9, FALSE, "x = -1", lambda: Equivalent(x > 0, x ** 2 > 0), {x: -1})
P(F9, TRUE, "x**3 has the sign of x", lambda: Equivalent(x > 0, x ** 3 > 0))
P(F9, FALSE, "x = y = -1: x > 0, y > 0 false, xy > 0 true", lambda: Equivalent(x > 0, y > 0, x * y > 0), {x: -1, y: -1})
P(F9, TRUE, "x > 0 gives x > -1, else x <= 0 < 1", lambda: ITE(x > 0, x > -1, x < 1))
P(F9, FALSE, "x = 1/2", lambda: ITE(x > 0, x > 1, x < -1), {x: Rational(1, 2)})
X(F9, NONE, "both branches contradict the condition", lambda: ITE(x > 0, x < 0, x > 0))
X(F9, WITNESS, "x = 2", lambda: ITE(x > 1, x > Rational(3, 2), x < -5), {x: 2})
P(F9, TRUE, "x > 0 and x < 0 never both", lambda: Nand(x > 0, x < 0))
P(F9, FALSE, "x = y = 1", lambda: Nand(x > 0, y > 0), {x: 1, y: 1})
P(F9, FALSE, "x = 2", lambda: Nor(x > 1, x < 0), {x: 2})
P(F9, TRUE, "on [0, 1] neither x > 1 nor x < 0", lambda: (Nor(x > 1, x < 0), [x >= 0, x <= 1]))
X(F9, WITNESS, "x = 1/2", lambda: Nor(x > 1, x < 0), {x: Rational(1, 2)})
P(F9, TRUE, "(x>0 -> y>0) -> (x>1 -> y>0)", lambda: Implies(Implies(x > 0, y > 0), Implies(x > 1, y > 0)))
P(F9, FALSE, "x = -1, y = 1", lambda: Implies(Implies(x > 0, y > 0), Implies(y > 0, x > 0)), {x: -1, y: 1})
P(F9, TRUE, "Peirce's law over relations", lambda: Implies(Implies(Implies(x > 0, y > 0), x > 0), x > 0))
P(F9, FALSE, "x = 2", lambda: Not(Implies(x > 0, x > 1)), {x: 2})
P(F9, TRUE, "y < 0 and Xor(x > 0, y > 0) give x > 0", lambda: (x > 0, [Or(x > 1, x < -1), Xor(x > 0, y > 0), y < 0]))
P(F9, TRUE, "every real is >= 0 or <= 0", lambda: Or(x >= 0, x <= 0))
P(F9, FALSE, "x = 0", lambda: Or(x > 0, x < 0), {x: 0})
P(F9, TRUE, "a chain of Equivalents of equivalent relations", lambda: Equivalent(x > 1, 2 * x > 2, x - 1 > 0, 3 * x > 3))
P(F9, TRUE, "ITE inside an assumption", lambda: (x ** 2 >= 1, [ITE(y > 0, x >= 1, x <= -1)]))
P(F9, FALSE, "y = -1, x = -1: the assumption picks x <= -1", lambda: (x >= 1, [ITE(y > 0, x >= 1, x <= -1)]),
  {x: -1, y: -1})
P(F9, TRUE, "Xor of a relation with itself negated is always true", lambda: Xor(x ** 2 > y, x ** 2 - y <= 0))
P(F9, TRUE, "Nand/Nor De Morgan over relations", lambda: Equivalent(Nand(x > 0, y > 0), Or(x <= 0, y <= 0)))
P(F9, FALSE, "x = 0, y = 1: Nor(x > 0, y > 0) is false, And(x <= 0, y > 0) true", lambda: Equivalent(Nor(x > 0, y > 0), And(x <= 0, y > 0)),
  {x: 0, y: 1})
X(F9, VACUOUS, "x > 1 and x < 0 contradict", lambda: (Xor(x > 0, y > 0), [x > 1, x < 0]))


# == family 6: floats are read one way: the decimal they print as (the engine's documented reading) =============
F10 = "floats"


def decimal(f, dps=None) -> sp.Rational:
    """The documented reading of ``Float(f)``: the decimal SymPy prints for it (0.1 is 1/10)."""
    return Rational(str(Float(f) if dps is None else Float(f, dps)))


P(F10, FALSE, "Float(0.1) reads 1/10, so x > 1/10 fails at x = 1/10", lambda: (x > Rational(1, 10), [Eq(x, Float(0.1))]),
  {x: Rational(1, 10)})
P(F10, TRUE, "x = 1: 0.1*1 reads 1/10", lambda: (Eq(Float(0.1) * x, Rational(1, 10)), [Eq(x, 1)]))
P(F10, FALSE, "x = 1: 0.1*1 reads 1/10", lambda: (Ne(Float(0.1) * x, Rational(1, 10)), [Eq(x, 1)]), {x: 1})
P(F10, FALSE, "x = 1: 0.1*1 reads 1/10, not above it", lambda: (Float(0.1) * x > Rational(1, 10), [Eq(x, 1)]), {x: 1})
P(F10, TRUE, "x = 1: 0.1*1 <= 1/10", lambda: (Float(0.1) * x <= Rational(1, 10), [Eq(x, 1)]))
X(F10, WITNESS, "x = Float(0.1) reads 1/10", lambda: (Eq(x, Rational(1, 10)), [Eq(x, Float(0.1))]), {x: Rational(1, 10)})
P(F10, FALSE, "Float(0.1) reads 1/10, not above it", lambda: gt(Float(0.1), Rational(1, 10)), {})
P(F10, FALSE, "Float(0.1) reads 1/10", lambda: ne(Float(0.1), Rational(1, 10)), {})
P(F10, TRUE, "Float(0.1) reads 1/10", lambda: eq(Float(0.1), Rational(1, 10)))
P(F10, FALSE, "y > 0: 0.1 y reads y/10, not above it", lambda: (gt(Float(0.1) * y, y / 10), [y > 0]), {y: 1})
P(F10, TRUE, "0.1 y reads y/10", lambda: (eq(Float(0.1) * y, y / 10), [y > 0]))
P(F10, TRUE, "0.1 x reads x/10", lambda: eq(x * Float(0.1), x / 10))
P(F10, FALSE, "0.1 + 0.2 reads 3/10, not above 0.3", lambda: (x + y > z, [Eq(x, Float(0.1)), Eq(y, Float(0.2)),
                                                                        Eq(z, Float(0.3))]),
  {x: Rational(1, 10), y: Rational(1, 5), z: Rational(3, 10)})
P(F10, TRUE, "0.1 + 0.2 reads exactly 0.3", lambda: (Eq(x + y, z), [Eq(x, Float(0.1)), Eq(y, Float(0.2)),
                                                                   Eq(z, Float(0.3))]))
P(F10, TRUE, "x <= 0.3 = 3/10 gives 3x < 1", lambda: (3 * x < 1, [x <= Float(0.3)]))
P(F10, FALSE, "x <= 0.1 = 1/10 allows x = 1/10, where 10x = 1", lambda: (10 * x < 1, [x <= Float(0.1)]),
  {x: Rational(1, 10)})
P(F10, TRUE, "0.1 exceeds 0.09", lambda: (x > Float(0.09), [x >= Float(0.1)]))
P(F10, TRUE, "0.5 is exactly 1/2", lambda: (Eq(2 * x, 1), [Eq(x, Float(0.5))]))
P(F10, TRUE, "3.0 is exactly 3", lambda: (Eq(x, 3), [Eq(x, Float(3.0))]))
P(F10, TRUE, "Float('0.1', 50) and Float(0.1) both read 1/10", lambda: (Eq(x, Float(0.1)), [Eq(x, Float("0.1", 50))]))
P(F10, FALSE, "Float('0.1', 50) reads 1/10", lambda: (x > Rational(1, 10), [Eq(x, Float("0.1", 50))]), {x: Rational(1, 10)})
P(F10, TRUE, "1e300 reads 10**300 and 1e-300 reads 10**-300", lambda: (Eq(x * y, 1), [Eq(x, Float(1e300)),
                                                                                  Eq(y, Float(1e-300))]))
P(F10, TRUE, "1e300 > 10**299", lambda: (x > 10 ** 299, [x >= Float(1e300)]))
P(F10, FALSE, "1e300 reads 10**300, not above it", lambda: (x > 10 ** 300, [Eq(x, Float(1e300))]), {x: 10 ** 300})
P(F10, TRUE, "1e-300 > 0", lambda: (x > 0, [x >= Float(1e-300)]))
X(F10, WITNESS, "x = 2**-1000 lies in (0, 1e-300)", lambda: And(x > 0, x < Float(1e-300)), {x: Rational(1, 2 ** 1000)})
P(F10, UNDEFINED, "x = -1: (-1)**0.5 is I", lambda: x ** Float(0.5) <= 10, {x: -1})
P(F10, TRUE, "x**2.0 is x**2", lambda: x ** Float(2.0) >= x ** 2 - 1)
P(F10, TRUE, "x >= 1.5 (exact) gives 2x >= 3", lambda: (2 * x >= 3, [x >= Float(1.5)]))
P(F10, TRUE, "0.7 reads 7/10", lambda: (x >= Rational(7, 10), [Eq(x, Float(0.7))]))
P(F10, FALSE, "0.7 reads 7/10, not below it", lambda: (x < Rational(7, 10), [Eq(x, Float(0.7))]), {x: Rational(7, 10)})
P(F10, TRUE, "Float(1/3) reads 0.333333333333333, below 1/3", lambda: (3 * x < 1, [Eq(x, Float(1.0 / 3.0))]))
X(F10, NONE, "Float(1/3) reads 0.333333333333333, not 1/3", lambda: (Eq(3 * x, 1), [Eq(x, Float(1.0 / 3.0))]))
P(F10, TRUE, "two spellings of one number: x = 0.1 and y = 1/10 are equal", lambda: (Eq(x, y), [Eq(x, Float(0.1)),
                                                                                             Eq(y, Rational(1, 10))]))
P(F10, FALSE, "x = 0.1 reads y = 1/10", lambda: (x > y, [Eq(x, Float(0.1)), Eq(y, Rational(1, 10))]),
  {x: Rational(1, 10), y: Rational(1, 10)})
P(F10, TRUE, "Float(0.25) is exact", lambda: (Eq(4 * x, 1), [Eq(x, Float(0.25))]))


# == constants against rationals very close to them ==========================================================
F11 = "constants"
#: decimal expansions (70 significant digits, from mpmath at 80 digits; only the first 62 are used)
_DIGITS = {
    "pi": (lambda: pi, "3.141592653589793238462643383279502884197169399375105820974944592307816"),
    "E": (lambda: E, "2.718281828459045235360287471352662497757247093699959574966967627724077"),
    "sqrt(2)": (lambda: sqrt(2), "1.414213562373095048801688724209698078569671875376948073176679737990732"),
    "EulerGamma": (lambda: S.EulerGamma, "0.5772156649015328606065120900824024310421593359399235988057672348848677"),
    "log(2)": (lambda: log(2), "0.6931471805599453094172321214581765680755001343602552541206800094933936"),
    "pi**2": (lambda: pi ** 2, "9.869604401089358618834490999876151135313699407240790626413349376220045"),
    "GoldenRatio": (lambda: S.GoldenRatio, "1.61803398874989484820458683436563811772030917980576286213544862270526"),
}


def _trunc(digits: str, k: int) -> Rational:
    whole, frac_ = digits.split(".")
    return Rational(int(whole + frac_[:k]), 10 ** k)


for _name, _places in [("pi", 2), ("pi", 20), ("pi", 35), ("pi", 60), ("E", 20), ("E", 35), ("sqrt(2)", 16),
                       ("sqrt(2)", 40), ("EulerGamma", 10), ("EulerGamma", 35), ("log(2)", 33), ("pi**2", 30),
                       ("GoldenRatio", 45)]:
    _const, _digits = _DIGITS[_name]
    _lo = _trunc(_digits, _places)
    _hi = _lo + Rational(1, 10 ** _places)
    _w = _trunc(_digits, _places + 2) + Rational(1, 10 ** (_places + 2))
    _tag = f"{_name} = {_digits[:_places + 4]}..."
    P(F11, TRUE, f"{_tag} > its {_places}-place truncation", lambda _c=_const, _lo=_lo: gt(_c(), _lo))
    P(F11, FALSE, f"{_tag} is below the truncation + 10**-{_places}", lambda _c=_const, _hi=_hi: gt(_c(), _hi), {})
    X(F11, WITNESS, f"{_tag}: the {_places + 2}-place truncation + 10**-{_places + 2} lies between",
      lambda _c=_const, _hi=_hi: And(x > _c(), x < _hi), {x: _w})
    X(F11, NONE, f"{_tag} exceeds its truncation", lambda _c=_const, _lo=_lo: And(x > _c(), x < _lo))

P(F11, TRUE, "pi < 355/113 = 3.14159292...", lambda: lt(pi, Rational(355, 113)))
P(F11, FALSE, "pi < 355/113", lambda: gt(pi, Rational(355, 113)), {})
P(F11, TRUE, "exp(pi sqrt(163)) = 262537412640768743.99999999999925...", lambda: lt(exp(pi * sqrt(163)), 262537412640768744))
P(F11, FALSE, "exp(pi sqrt(163)) = 262537412640768743.99999999999925...", lambda: ge(exp(pi * sqrt(163)), 262537412640768744), {})
P(F11, TRUE, "exp(pi sqrt(163)) = 262537412640768743.999999999999250072597...",
  lambda: gt(exp(pi * sqrt(163)), Rational(26253741264076874399999999999925007259, 10 ** 20)))
P(F11, TRUE, "E**pi = 23.1406926... > pi**E = 22.4591577...", lambda: gt(E ** pi, pi ** E))
P(F11, FALSE, "E**pi > pi**E", lambda: le(E ** pi, pi ** E), {})
P(F11, TRUE, "pi > 3 and sqrt(2) < 3/2, so x = pi - sqrt(2) > 3/2", lambda: (x > Rational(3, 2), [Eq(x, pi - sqrt(2))]))
P(F11, TRUE, "sqrt(2) + sqrt(3) = 3.14626... > pi", lambda: gt(sqrt(2) + sqrt(3), pi))
P(F11, FALSE, "sqrt(2) + sqrt(3) = 3.14626... > pi", lambda: lt(sqrt(2) + sqrt(3), pi), {})
P(F11, FALSE, "Float(2.718281828459045) reads as it prints, 2.71828182845905, which is above e",
  lambda: gt(E, Float(2.718281828459045)), {})
P(F11, TRUE, "Float(1.4142135623730951) reads 1.41421356237310 > sqrt(2)", lambda: lt(sqrt(2), Float(1.4142135623730951)))
P(F11, FALSE, "Float(3.141592653589793) reads 3.14159265358979 < pi", lambda: le(pi, Float(3.141592653589793)), {})
X(F11, WITNESS, "x = pi/4 is between 3/4 and 4/5 and x = atan(1)", lambda: And(Eq(x, atan(1)), x > Rational(3, 4)), {x: pi / 4})
X(F11, WITNESS, "x = 355/113 is above pi", lambda: (x > pi, [x < Rational(22, 7)]), {x: Rational(355, 113)})
X(F11, NONE, "333/106 = 3.14150... < pi", lambda: And(x > pi, x < Rational(333, 106)))


# == exp and log ==============================================================================================
F12 = "exp-log"
P(F12, TRUE, "exp is convex, tangent at 0", lambda: exp(x) >= 1 + x)
P(F12, FALSE, "equality at x = 0", lambda: exp(x) > 1 + x, {x: 0})
P(F12, FALSE, "x = -1: exp(-1) = 0.368 < 1/2", lambda: exp(x) >= 1 + x + x ** 2 / 2, {x: -1})
P(F12, TRUE, "Taylor with positive remainder for x >= 0", lambda: (exp(x) >= 1 + x + x ** 2 / 2, [x >= 0]))
P(F12, TRUE, "log is concave, tangent at 1", lambda: (log(x) <= x - 1, [x > 0]))
P(F12, FALSE, "equality at x = 1", lambda: (log(x) < x - 1, [x > 0]), {x: 1})
P(F12, TRUE, "log(x) >= 1 - 1/x for x > 0 (apply log(1/x) <= 1/x - 1)", lambda: (log(x) >= 1 - 1 / x, [x > 0]))
P(F12, FALSE, "x = -1: exp(-1) < 1", lambda: exp(x) > x ** 2, {x: -1})
P(F12, TRUE, "exp(x) > x**2 for x >= 0 (exp(x) >= 1 + x + x**2/2 + x**3/6 > x**2)", lambda: (exp(x) > x ** 2, [x >= 0]))
P(F12, TRUE, "exp is increasing", lambda: (exp(2 * x) >= exp(x), [x >= 0]))
P(F12, FALSE, "x = -1", lambda: exp(2 * x) >= exp(x), {x: -1})
P(F12, TRUE, "exp is increasing", lambda: (exp(x) >= exp(y), [x >= y]))
P(F12, UNDEFINED, "log(-1) is not real", lambda: (log(x) >= log(y), [x >= y]), {x: -1, y: -1})
P(F12, TRUE, "log is increasing on (0, oo)", lambda: (log(x) >= log(y), [x >= y, y > 0]))
P(F12, FALSE, "x = y = 1", lambda: (log(x) > log(y), [x >= y, y > 0]), {x: 1, y: 1})
X(F12, WITNESS, "exp(-700) = 9.86e-305 < 10**-300", lambda: exp(x) < Rational(1, 10 ** 300), {x: -700})
X(F12, NONE, "exp(x) > 0", lambda: le(exp(x), 0))
X(F12, WITNESS, "x = log(2)", lambda: Eq(exp(x), 2), {x: log(2)})
X(F12, WITNESS, "x = 1", lambda: (Eq(log(x), 0), [x > 0]), {x: 1})
P(F12, TRUE, "-x**2 <= 0", lambda: exp(-x ** 2) <= 1)
P(F12, FALSE, "x = 0", lambda: exp(-x ** 2) < 1, {x: 0})
P(F12, TRUE, "x exp(-x) has its maximum exp(-1) at x = 1", lambda: x * exp(-x) <= exp(-1))
P(F12, FALSE, "equality at x = 1", lambda: x * exp(-x) < exp(-1), {x: 1})
P(F12, TRUE, "exp is convex, tangent at 1: exp(x) >= e x", lambda: exp(x) >= E * x)
P(F12, FALSE, "equality at x = 1", lambda: exp(x) > E * x, {x: 1})
P(F12, TRUE, "2**x = exp(x log 2) >= 1 + x log 2", lambda: 2 ** x >= 1 + x * log(2))
P(F12, TRUE, "2**x > x for every real x", lambda: 2 ** x > x)
P(F12, FALSE, "x = 3: 8 < 9", lambda: 2 ** x >= x ** 2, {x: 3})
P(F12, TRUE, "log(1 + x) <= x for x > -1", lambda: (log(1 + x) <= x, [x > -1]))
P(F12, TRUE, "log(1 + x) >= x/(1 + x) for x > -1", lambda: (log(1 + x) >= x / (1 + x), [x > -1]))
P(F12, FALSE, "equality at 0", lambda: (log(1 + x) < x, [x > -1]), {x: 0})
P(F12, FALSE, "x = -1, y = 2: exp(2) >= 5 but exp(-1) < 1 (no earlier call)", lambda: (exp(x) >= 1, [exp(y) >= 5]),
  {x: -1, y: 2})
P(F12, TRUE, "log(N V) - log(V) = log N >= log 2 for N >= 2", lambda: (log(N * V) - log(V) >= log(2), [N >= 2]))
P(F12, FALSE, "N = 2, V = 1: log 2 = 0.693 < 1", lambda: (log(N * V) - log(V) >= 1, [N >= 2]), {N: 2, V: 1})
P(F12, TRUE, "AM-GM in logs: log((a + b)/2) >= (log a + log b)/2", lambda: log((a + b) / 2) >= (log(a) + log(b)) / 2)
P(F12, FALSE, "equality at a = b", lambda: log((a + b) / 2) > (log(a) + log(b)) / 2, {a: 1, b: 1})
P(F12, TRUE, "exp(x) exp(-x) = 1", lambda: eq(exp(x) * exp(-x) + exp(y), 1 + exp(y)))
P(F12, TRUE, "x log x >= x - 1 for x > 0", lambda: (x * log(x) >= x - 1, [x > 0]))
P(F12, FALSE, "x = 1/2: (1/2) log(1/2) = -0.347 < 0", lambda: (x * log(x) >= 0, [x > 0]),
  {x: Rational(1, 2)})
P(F12, TRUE, "exp(log(a) + log(b)) = a b", lambda: eq(exp(log(a) + log(b)), a * b))


# == trigonometric, hyperbolic and inverse functions ======================================================
F13 = "trig"
P(F13, TRUE, "|sin| <= 1", lambda: sin(x) <= 1)
P(F13, FALSE, "x = pi/2", lambda: sin(x) < 1, {x: _half_pi})
P(F13, TRUE, "Pythagoras", lambda: Eq(sin(x) ** 2 + cos(x) ** 2, 1))
P(F13, TRUE, "Pythagoras", lambda: sin(x) ** 2 + cos(x) ** 2 <= 1)
P(F13, TRUE, "|sin x| <= |x|", lambda: Abs(sin(x)) <= Abs(x))
P(F13, FALSE, "x = 0", lambda: Abs(sin(x)) < Abs(x), {x: 0})
P(F13, TRUE, "|sin x| < |x| for x != 0", lambda: (Abs(sin(x)) < Abs(x), [Ne(x, 0)]))
P(F13, TRUE, "sin x <= x for x >= 0", lambda: (sin(x) <= x, [x >= 0]))
P(F13, TRUE, "cos x >= 1 - x**2/2", lambda: cos(x) >= 1 - x ** 2 / 2)
P(F13, FALSE, "x = 0", lambda: cos(x) > 1 - x ** 2 / 2, {x: 0})
P(F13, TRUE, "cos x <= 1 - x**2/2 + x**4/24", lambda: cos(x) <= 1 - x ** 2 / 2 + x ** 4 / 24)
P(F13, TRUE, "the double-angle formula", lambda: Eq(sin(2 * x), 2 * sin(x) * cos(x)))
P(F13, TRUE, "the double-angle formula", lambda: Eq(cos(2 * x), 1 - 2 * sin(x) ** 2))
P(F13, FALSE, "x = 0: 1 != -1", lambda: Eq(cos(2 * x), 2 * sin(x) ** 2 - 1), {x: 0})
P(F13, TRUE, "sin >= 0 on [0, pi]", lambda: (sin(x) >= 0, [x >= 0, x <= pi]))
P(F13, FALSE, "sin(4) = -0.757", lambda: (sin(x) >= 0, [x >= 0, x <= 4]), {x: 4})
P(F13, TRUE, "cosh >= 1", lambda: cosh(x) >= 1)
P(F13, FALSE, "cosh(0) = 1", lambda: cosh(x) > 1, {x: 0})
P(F13, TRUE, "cosh**2 - sinh**2 = 1", lambda: Eq(cosh(x) ** 2 - sinh(x) ** 2, 1))
P(F13, TRUE, "sinh x >= x for x >= 0", lambda: (sinh(x) >= x, [x >= 0]))
P(F13, FALSE, "sinh(-1) = -1.175 < -1", lambda: sinh(x) >= x, {x: -1})
P(F13, TRUE, "|tanh| < 1", lambda: tanh(x) < 1)
P(F13, TRUE, "|tanh x| <= |x|", lambda: Abs(tanh(x)) <= Abs(x))
X(F13, NONE, "|tanh| < 1", lambda: tanh(x) >= 1)
P(F13, TRUE, "cosh x >= 1 + x**2/2 (even Taylor coefficients are positive)", lambda: cosh(x) >= 1 + x ** 2 / 2)
P(F13, TRUE, "atan < pi/2", lambda: atan(x) < pi / 2)
P(F13, FALSE, "atan(100) = 1.5608 > 3/2", lambda: atan(x) <= Rational(3, 2), {x: 100})
P(F13, TRUE, "atan x + atan(1/x) = pi/2 for x > 0", lambda: (Eq(atan(x) + atan(1 / x), pi / 2), [x > 0]))
P(F13, FALSE, "x = -1: -pi/4 - pi/4 = -pi/2", lambda: (Eq(atan(x) + atan(1 / x), pi / 2), [x < 0]), {x: -1})
P(F13, UNDEFINED, "1/0 at x = 0", lambda: Eq(atan(x) + atan(1 / x), pi / 2), {x: 0})
P(F13, TRUE, "asin x + acos x = pi/2 on [-1, 1]", lambda: (Eq(asin(x) + acos(x), pi / 2), [x >= -1, x <= 1]))
P(F13, UNDEFINED, "asin(2), acos(2) are not real", lambda: Eq(asin(x) + acos(x), pi / 2), {x: 2})
P(F13, UNDEFINED, "asin(2), acos(2) are not real", lambda: (Eq(asin(x) + acos(x), pi / 2), [x > 1]), {x: 2})
P(F13, TRUE, "asinh x <= x for x >= 0", lambda: (asinh(x) <= x, [x >= 0]))
P(F13, FALSE, "x = 0", lambda: (asinh(x) < x, [x >= 0]), {x: 0})
P(F13, TRUE, "asin(sin x) = x on [-pi/2, pi/2]", lambda: (Eq(asin(sin(x)), x), [x >= -pi / 2, x <= pi / 2]))
P(F13, FALSE, "x = 2: asin(sin 2) = pi - 2", lambda: Eq(asin(sin(x)), x), {x: 2})
X(F13, WITNESS, "x = pi/6", lambda: Eq(sin(x), Rational(1, 2)), {x: pi / 6})
P(F13, TRUE, "|sin x sin y| <= 1", lambda: sin(x) * sin(y) <= 1)
P(F13, TRUE, "x = y", lambda: (Eq(sin(x), sin(y)), [Eq(x, y)]))
P(F13, FALSE, "x = 0, y = pi", lambda: (Implies(Eq(sin(x), sin(y)), Eq(x, y))), {x: 0, y: pi})
P(F13, TRUE, "tanh(x) = sinh(x)/cosh(x)", lambda: Eq(tanh(x) * cosh(x), sinh(x)))
X(F13, NONE, "cos(x) <= 1", lambda: cos(x) > 1)
P(F13, TRUE, "sin(x)**2 <= 1", lambda: sin(x) ** 2 <= 1)


# == Abs, sign, Min/Max, Heaviside, Piecewise =================================================================
F14 = "piecewise"
P(F14, TRUE, "the triangle inequality", lambda: Abs(x + y) <= Abs(x) + Abs(y))
P(F14, FALSE, "x = y = 0", lambda: Abs(x + y) < Abs(x) + Abs(y), {x: 0, y: 0})
P(F14, TRUE, "the reverse triangle inequality", lambda: Abs(x) - Abs(y) <= Abs(x - y))
P(F14, TRUE, "sign(x)|x| = x", lambda: Eq(sign(x) * Abs(x), x))
P(F14, FALSE, "sign(0) = 0", lambda: Eq(sign(x) ** 2, 1), {x: 0})
P(F14, TRUE, "sign(x) = +-1 for x != 0", lambda: (Eq(sign(x) ** 2, 1), [Ne(x, 0)]))
P(F14, FALSE, "sign(-1) = -1", lambda: sign(x) >= 0, {x: -1})
P(F14, TRUE, "sign(x) = 1 for x > 0", lambda: (sign(x) >= 0, [x >= 0]))
P(F14, TRUE, "|sign| <= 1", lambda: sign(x) ** 2 <= 1)
P(F14, TRUE, "Max(x, y) >= x", lambda: Max(x, y) >= x)
P(F14, FALSE, "x = y = 0", lambda: Max(x, y) > x, {x: 0, y: 0})
P(F14, TRUE, "Min + Max = x + y", lambda: Eq(Min(x, y) + Max(x, y), x + y))
P(F14, TRUE, "Min * Max = x y", lambda: Eq(Min(x, y) * Max(x, y), x * y))
P(F14, TRUE, "Max >= the mean", lambda: Max(x, y) >= (x + y) / 2)
P(F14, FALSE, "x = y = 0", lambda: Min(x, y) > (x + y) / 2, {x: 0, y: 0})
P(F14, TRUE, "Max(x, -x) = |x|", lambda: Eq(Max(x, -x), Abs(x)))
P(F14, TRUE, "x = x+ - x-", lambda: Eq(Max(x, 0) - Max(-x, 0), x))
P(F14, TRUE, "Max(x, y, z) >= Min(x, y, z)", lambda: Max(x, y, z) >= Min(x, y, z))
P(F14, TRUE, "Max(x**2, y**2) >= |x y| >= x y", lambda: Max(x ** 2, y ** 2) >= x * y)
P(F14, FALSE, "x = y = 0", lambda: Max(x, y) < Abs(x) + Abs(y), {x: 0, y: 0})
P(F14, TRUE, "H >= 0", lambda: Heaviside(x) >= 0)
P(F14, TRUE, "H <= 1", lambda: Heaviside(x) <= 1)
P(F14, FALSE, "H(-1) = 0", lambda: Heaviside(x) > 0, {x: -1})
P(F14, TRUE, "H(x) + H(-x) = 1 (H(0) = 1/2)", lambda: Eq(Heaviside(x) + Heaviside(-x), 1))
P(F14, TRUE, "H = 1 on (0, oo)", lambda: (Eq(Heaviside(x), 1), [x > 0]))
P(F14, FALSE, "SymPy's H(0) = 1/2", lambda: (Eq(Heaviside(x), 1), [x >= 0]), {x: 0})
P(F14, TRUE, "x H(x) >= 0", lambda: x * Heaviside(x) >= 0)
P(F14, TRUE, "Heaviside(x, 1) = 1 on [0, oo)", lambda: (Eq(Heaviside(x, 1), 1), [x >= 0]))
P(F14, TRUE, "the Piecewise is |x|", lambda: Eq(Piecewise((x, x >= 0), (-x, True)), Abs(x)))
P(F14, TRUE, "max(x, 0) >= 0", lambda: Piecewise((x, x > 0), (0, True)) >= 0)
P(F14, TRUE, "the sign times x is |x| >= 0", lambda: Piecewise((1, x > 0), (-1, True)) * x >= 0)
P(F14, FALSE, "x = 0", lambda: Piecewise((1, x > 0), (-1, True)) * x > 0, {x: 0})
P(F14, TRUE, "x * (1/x) = 1 for x != 0, and 0 <= 1 at 0 (the undefined branch is not taken)",
  lambda: Piecewise((1 / x, Ne(x, 0)), (0, True)) * x <= 1)
P(F14, TRUE, "the two branches cover the line", lambda: Piecewise((x ** 2, x < 0), (x, x >= 0)) >= 0)
P(F14, TRUE, "on x > 0 the value is 2 (x > 1) or 1", lambda: (Piecewise((2, x > 1), (1, x > 0), (0, True)) >= 1, [x > 0]))
P(F14, FALSE, "x = 1/2 gives 1", lambda: (Piecewise((2, x > 1), (1, x > 0), (0, True)) > 1, [x > 0]), {x: Rational(1, 2)})
P(F14, FALSE, "the first true condition wins: x = 2 gives 1", lambda: (Eq(Piecewise((1, x > 0), (2, x > 1), (0, True)), 2), [x > 1]),
  {x: 2})
P(F14, TRUE, "each branch is a square root of a non-negative number",
  lambda: Piecewise((sqrt(x), x >= 0), (sqrt(-x), True)) >= 0)
X(F14, NONE, "x > 0 gives x != 0, else -1 != 0", lambda: Eq(Piecewise((x, x > 0), (-1, True)), 0))
P(F14, TRUE, "Abs(x) = 0 iff x = 0", lambda: Equivalent(Eq(Abs(x), 0), Eq(x, 0)))
P(F14, FALSE, "x = -1, y = -2: Max = -1 but 1 + 2 - 2 = 1", lambda: Eq(Max(x, y), Abs(x) + Abs(y) - Abs(Min(x, y))), {x: -1, y: -2})


# == floor, ceiling, frac, Mod ===============================================================================
F15 = "floor"
P(F15, TRUE, "floor(x) <= x", lambda: le(floor(x), x))
P(F15, FALSE, "x = 0", lambda: floor(x) < x, {x: 0})
P(F15, TRUE, "x - 1 < floor(x)", lambda: floor(x) > x - 1)
P(F15, TRUE, "ceiling(x) >= x", lambda: ge(ceiling(x), x))
P(F15, TRUE, "ceiling - floor is 0 or 1", lambda: ceiling(x) - floor(x) <= 1)
P(F15, FALSE, "x = 0: 0 - 0 = 0", lambda: Eq(ceiling(x) - floor(x), 1), {x: 0})
P(F15, TRUE, "0 <= frac < 1", lambda: lt(frac(x), 1))
P(F15, TRUE, "0 <= frac < 1", lambda: ge(frac(x), 0))
P(F15, FALSE, "frac(0) = 0", lambda: frac(x) > 0, {x: 0})
P(F15, TRUE, "floor + frac = x", lambda: Eq(floor(x) + frac(x), x))
P(F15, TRUE, "floor is superadditive", lambda: floor(x + y) >= floor(x) + floor(y))
P(F15, TRUE, "floor(x + y) <= floor(x) + floor(y) + 1", lambda: floor(x + y) <= floor(x) + floor(y) + 1)
P(F15, FALSE, "x = y = 1/2: 1 != 0", lambda: Eq(floor(x + y), floor(x) + floor(y)), {x: Rational(1, 2), y: Rational(1, 2)})
P(F15, FALSE, "x = 1/2: 1 != 0", lambda: Eq(floor(2 * x), 2 * floor(x)), {x: Rational(1, 2)})
P(F15, TRUE, "floor(x/2) <= x/2", lambda: le(floor(x / 2), x / 2))
X(F15, WITNESS, "frac(1/2) = 1/2", lambda: Eq(frac(x), Rational(1, 2)), {x: Rational(1, 2)})
X(F15, NONE, "floor(x) <= x < x + 1/2", lambda: eq(floor(x), x + Rational(1, 2)))
P(F15, FALSE, "x = 1/2", lambda: Eq(floor(x), x), {x: Rational(1, 2)})
X(F15, NONE, "floor(x) <= x", lambda: gt(floor(x), x))
P(F15, TRUE, "an integer n has floor(x + n) = floor(x) + n", lambda: eq(floor(x + n), floor(x) + n))
P(F15, FALSE, "x = 1/2, y = 1/2", lambda: Eq(ceiling(x + y), ceiling(x) + ceiling(y)), {x: Rational(1, 2), y: Rational(1, 2)})
P(F15, TRUE, "Mod(x, 1) = frac(x)", lambda: Eq(Mod(x, 1), frac(x)))
P(F15, FALSE, "Mod(-1/2, 1) = 1/2", lambda: Eq(Mod(x, 1), x), {x: Rational(-1, 2)})
P(F15, TRUE, "n(n + 1) is even", lambda: eq(Mod(n * (n + 1), 2), 0))
P(F15, FALSE, "n = 1: 1*1 = 1 is odd", lambda: Eq(Mod(n * n, 2), 0), {n: 1})
P(F15, TRUE, "squares are 0 or 1 mod 4", lambda: Mod(n ** 2, 4) <= 1)
P(F15, FALSE, "n = 2: 4 mod 3 = 1", lambda: Eq(Mod(n ** 2, 3), 0), {n: 2})


# == undefined functions and derivatives ======================================================================
F16 = "functions"
P(F16, TRUE, "f is real: f(x)**2 >= 0", lambda: ge(f(x) ** 2, 0))
P(F16, UNDEFINED, "g is not declared real (g(x).is_real is None): g(x) = I gives -1 >= 0",
  lambda: g(x) ** 2 >= 0)
P(F16, TRUE, "x = y gives f(x) = f(y) (a function has one value)", lambda: Implies(Eq(x, y), Eq(f(x), f(y))))
P(F16, FALSE, "f constant: f(0) = f(1) with 0 != 1", lambda: Implies(Eq(f(x), f(y)), Eq(x, y)))
P(F16, TRUE, "f(y) = f(x) when y = x", lambda: (f(x) + f(y) >= 2 * f(x), [Eq(x, y)]))
P(F16, FALSE, "f = 0", lambda: f(x) > 0)
P(F16, FALSE, "f(x) = x: the derivative is 1", lambda: Eq(sp.Derivative(f(x), x), 0))
P(F16, FALSE, "f(x) = -x: the derivative is -1", lambda: sp.Derivative(f(x), x) >= 0)
P(F16, TRUE, "d/dx x**2 = 2x", lambda: Eq(sp.Derivative(x ** 2, x), 2 * x))
P(F16, TRUE, "d/dx x**3 = 3x**2 >= 0", lambda: sp.Derivative(x ** 3, x) >= 0)
P(F16, FALSE, "3*0**2 = 0", lambda: sp.Derivative(x ** 3, x) > 0, {x: 0})
P(F16, TRUE, "d/dx sin x = cos x <= 1", lambda: sp.Derivative(sin(x), x) <= 1)
P(F16, TRUE, "d/dx exp x = exp x > 0", lambda: sp.Derivative(exp(x), x) > 0)
P(F16, TRUE, "f(x) < f(x) + 1 however f is chosen", lambda: (f(x) < f(y) + 1, [Eq(x, y)]))
P(F16, FALSE, "f(x) = x, x = 0, y = 1: f(x) < f(y)", lambda: f(x) >= f(y))
P(F16, TRUE, "the integral of x**2 over [0, 1] is 1/3", lambda: Eq(sp.Integral(t ** 2, (t, 0, 1)), Rational(1, 3)))
P(F16, TRUE, "f(x)**2 + 1 > 0 for real f", lambda: gt(f(x) ** 2 + 1, 0))


# == integers, rationals, parity ==============================================================================
F17 = "integers"
_n2, _m2 = Symbol("n2", integer=True), Symbol("m2", integer=True)
P(F17, TRUE, "sqrt(2) is irrational", lambda: Ne(n ** 2, 2))
P(F17, TRUE, "n**2 - n = n(n - 1) >= 0 for integers (no integer in (0, 1))", lambda: n ** 2 - n >= 0)
P(F17, FALSE, "x = 1/2: -1/4", lambda: x ** 2 - x >= 0, {x: Rational(1, 2)})
P(F17, TRUE, "2n is even, 1 odd", lambda: ne(2 * n, 1))
X(F17, NONE, "2n = 1 has no integer solution", lambda: eq(2 * n, 1))
X(F17, WITNESS, "n = 1, m = 1: 3 = 3", lambda: Eq(3 * n, 2 * m + 1), {n: 1, m: 1})
X(F17, NONE, "no integer in (0, 1)", lambda: And(n > 0, n < 1))
X(F17, NONE, "n**2 in (2, 4) has no integer solution", lambda: And(n ** 2 > 2, n ** 2 < 4))
X(F17, WITNESS, "n = 2", lambda: Eq(n ** 2, 4), {n: 2})
P(F17, TRUE, "n**3 >= n for integers n >= 0", lambda: (n ** 3 >= n, [n >= 0]))
P(F17, FALSE, "n = 1", lambda: (n ** 3 > n, [n >= 1]), {n: 1})
P(F17, TRUE, "an integer above 0 is >= 1", lambda: Implies(n > 0, n >= 1))
P(F17, TRUE, "an integer above 1/2 is >= 1", lambda: Implies(n > Rational(1, 2), n >= 1))
P(F17, FALSE, "x = 1/2", lambda: Implies(x > 0, x >= 1), {x: Rational(1, 2)})
P(F17, TRUE, "an integer below 3 is <= 2", lambda: Implies(n < 3, n <= 2))
P(F17, TRUE, "distinct integers differ by >= 1", lambda: (Abs(n - m) >= 1, [Ne(n, m)]))
P(F17, TRUE, "odd != even", lambda: ne(2 * n + 1, 2 * m))
P(F17, TRUE, "squares are 0 or 1 mod 3", lambda: Ne(n ** 2, 3 * m + 2))
P(F17, TRUE, "sums of two squares are 0, 1 or 2 mod 4", lambda: Ne(n ** 2 + m ** 2, 4 * k + 3))
P(F17, TRUE, "Fermat's last theorem for exponent 3 (Euler)", lambda: Ne(pint ** 3 + Symbol("j", integer=True, positive=True) ** 3,
                                                                          Symbol("i", integer=True, positive=True) ** 3),
  timeout=2.0)
P(F17, FALSE, "3, 4, 5", lambda: Ne(pint ** 2 + Symbol("j", integer=True, positive=True) ** 2,
                                     Symbol("i", integer=True, positive=True) ** 2),
  lambda: {pint: 3, Symbol("j", integer=True, positive=True): 4, Symbol("i", integer=True, positive=True): 5})
X(F17, WITNESS, "Pell: 3**2 - 2*2**2 = 1", lambda: And(Eq(n ** 2 - 2 * m ** 2, 1), n > 1), {n: 3, m: 2})
X(F17, NONE, "x**2 - 2 y**2 = 0 has only x = y = 0 in integers (sqrt 2 irrational)", lambda: And(Eq(n ** 2, 2 * m ** 2), m > 0))
X(F17, WITNESS, "x = sqrt(2), y = 1 over the reals", lambda: And(Eq(x ** 2, 2 * y ** 2), y > 0), {x: sqrt(2), y: 1})
P(F17, TRUE, "for an integer n >= -2 one of n, n + 1, n + 2 is 0 or all three are positive",
  lambda: (n * (n + 1) * (n + 2) >= 0, [n >= -2]))
P(F17, FALSE, "x = -1/2: (-1/2)(1/2)(3/2) = -3/8",
  lambda: (x * (x + 1) * (x + 2) >= 0, [x >= -2]), {x: Rational(-1, 2)})
P(F17, TRUE, "integer n with 2n > 3 has n >= 2", lambda: (n >= 2, [2 * n > 3]))
P(F17, FALSE, "n = -1: n**2 = 1 > n", lambda: (Eq(n ** 2, n), [n ** 2 <= 1]), {n: -1})
P(F17, TRUE, "integers with n**2 <= 1 are -1, 0, 1, so n**3 = n", lambda: (Eq(n ** 3, n), [n ** 2 <= 1]))
P(F17, VACUOUS, "no integer in (2**64, 2**64 + 1)", lambda: (n < 0, [n > 2 ** 64, n < 2 ** 64 + 1]))
P(F17, TRUE, "a rational x**2 + y**2 != 3 (3 is not a sum of two rational squares)",
  lambda: Ne(q ** 2 + Symbol("y", rational=True) ** 2, 3))
X(F17, WITNESS, "integers n = 1, n2 = 1, m2 = 2: 1 + 1 = 2", lambda: Eq(n ** 2 + _n2 ** 2, _m2), {n: 1, _n2: 1, _m2: 2})


# == contradictory assumptions ================================================================================
F18 = "vacuous"
P(F18, VACUOUS, "x > 1 and x < 0", lambda: (x > 5, [x > 1, x < 0]))
P(F18, VACUOUS, "x**2 >= 0", lambda: (x > 0, [lt(x ** 2, 0)]))
P(F18, VACUOUS, "x**2 + y**2 >= 0", lambda: (x > 0, [lt(x ** 2 + y ** 2, 0)]))
P(F18, VACUOUS, "a cycle x > y > z > x", lambda: (x < 0, [x > y, y > z, z > x]))
P(F18, VACUOUS, "no integer in (0, 1)", lambda: (n > 5, [n > 0, n < 1]))
P(F18, VACUOUS, "exp > 0", lambda: (x > 0, [le(exp(x), 0)]))
P(F18, VACUOUS, "sqrt(x) >= 0", lambda: (x > 1, [sqrt(x) < 0, x >= 0]))
P(F18, VACUOUS, "|x| >= 0", lambda: (x > 0, [lt(Abs(x), 0)]))
P(F18, VACUOUS, "x is declared negative", lambda: (gt(Symbol("x", negative=True), 1), [gt(Symbol("x", negative=True), 0)]))
P(F18, VACUOUS, "m is even, 3 is odd", lambda: (ev > 5, [eq(ev, 3)]))
P(F18, VACUOUS, "q is rational, sqrt(2) is not", lambda: (q > 5, [Eq(q ** 2, 2)]))
P(F18, VACUOUS, "4 is not prime", lambda: (pr > 5, [Eq(pr, 4)]))
P(F18, VACUOUS, "5 is not composite", lambda: (co > 5, [Eq(co, 5)]))
P(F18, VACUOUS, "s is declared not positive", lambda: (npos > 5, [npos > 0]))
P(F18, VACUOUS, "w is declared not an integer", lambda: (ni > 5, [eq(ni, 2)]))
P(F18, VACUOUS, "z is declared nonzero", lambda: (nz > 5, [eq(nz, 0)]))
P(F18, VACUOUS, "r is declared irrational", lambda: (r > 5, [eq(r, 1)]))
P(F18, VACUOUS, "n is an integer", lambda: (n > 5, [eq(n, Rational(1, 2))]))
P(F18, VACUOUS, "sin <= 1", lambda: (x > 0, [sin(x) > 1]))
P(F18, VACUOUS, "cosh >= 1", lambda: (x > 0, [cosh(x) < 1]))
P(F18, VACUOUS, "x > 2 gives sqrt(x) > sqrt(2) > 1", lambda: (lt(K, 0), [K > 2, sqrt(K) < 1]))
P(F18, VACUOUS, "sqrt(K) > cbrt(K) needs K > 1", lambda: (K > 5, [sqrt(K) > cbrt(K), K < 1]))
P(F18, VACUOUS, "sqrt(3) > cbrt(5) (1.732 > 1.710)", lambda: (x > 0, [lt(sqrt(3), cbrt(5))]))
X(F18, VACUOUS, "x < -1 and x > 1", lambda: (x > 0, [x < -1, x > 1]))
P(F18, VACUOUS, "(x > 1e-300) and (x < 1e-300)", lambda: (x > 1, [x > Float(1e-300), x < Float(1e-300)]))
P(F18, VACUOUS, "x**2 = -1 has no real solution", lambda: (x > 0, [eq(x ** 2, -1)]))
P(F18, VACUOUS, "W >= -1 on its real domain", lambda: (x > 0, [LambertW(x) < -1, x >= -exp(-1)]))
P(F18, VACUOUS, "a positive integer below 1", lambda: (pint > 2, [lt(pint, 1)]))
P(F18, VACUOUS, "odd o with o = 2k", lambda: (od > 0, [eq(od, 2 * k)]))
P(F18, VACUOUS, "u (positive) is not -1 even though u (real) may be", lambda: (u_real > 0, [eq(u_pos, -1)]))
P(F18, TRUE, "not vacuous: sqrt(K) > cbrt(K) holds for K > 1, and then K > 1", lambda: (K > 1, [sqrt(K) > cbrt(K)]))
P(F18, FALSE, "not vacuous: x = 2 satisfies both", lambda: (x > 5, [x > 1, x < 3]), {x: 2})
P(F18, FALSE, "not vacuous: 0.1 is in [0.1, 0.1]", lambda: (x > 1, [x >= Float(0.1), x <= Float(0.1)]), {x: Rational(1, 10)})


# == high-degree polynomials with short time limits =============================================================
F19 = "high-degree"
for _deg, _to in [(2000, 3.0), (1000, 2.0), (500, 1.0), (3000, 3.0), (200, 0.5), (1200, 1.5)]:
    P(F19, TRUE, f"x**{_deg} - x + 1 > 0: for x <= 1 both x**{_deg} >= 0 and 1 - x >= 0, not both 0; for x > 1 x**{_deg} > x",
      lambda _d=_deg: (x ** _d - x + 1 > 0, [x > -5]), timeout=_to)
    P(F19, TRUE, f"Bernoulli: x**{_deg} >= 1 + {_deg}(x - 1) for x >= 0",
      lambda _d=_deg: (x ** _d - _d * x + _d - 1 >= 0, [x >= 0]), timeout=_to)
    P(F19, FALSE, "x = 1 gives -1", lambda _d=_deg: (x ** _d - _d * x + _d - 2 >= 0, [x >= 0]), {x: 1}, timeout=_to)
    X(F19, WITNESS, f"x = 2**(1/{_deg})", lambda _d=_deg: (Eq(x ** _d, 2), [x > 0]), {x: root(2, _deg)}, timeout=_to)
P(F19, TRUE, "(x - 1)**60 >= 0, expanded", lambda: sp.expand((x - 1) ** 60) >= 0, timeout=2.0)
P(F19, FALSE, "x = 1, expanded", lambda: sp.expand((x - 1) ** 60) > 0, {x: 1}, timeout=2.0)
P(F19, TRUE, "AM-GM: x**100 + y**100 >= 2 (xy)**50", lambda: x ** 100 + y ** 100 >= 2 * (x * y) ** 50, timeout=2.0)
P(F19, FALSE, "x = -2", lambda: x ** 101 + 1 > 0, {x: -2}, timeout=1.0)
P(F19, FALSE, "x = sqrt(2): (x**2 - 2)**10 = 0", lambda: (x ** 2 - 2) ** 10 > 0, {x: sqrt(2)}, timeout=1.0)
P(F19, TRUE, "sum of x**(2i) for i <= 150 is >= 1 (the i = 0 term)", lambda: ge(sum(x ** (2 * i) for i in range(151)), 1), timeout=1.0)
P(F19, TRUE, "a degree-40 polynomial in two variables that is a sum of squares",
  lambda: ge((x ** 20 - y ** 20) ** 2 + (x - 1) ** 40, 0), timeout=1.0)
P(F19, FALSE, "x = y = 1", lambda: (x ** 20 - y ** 20) ** 2 + (x - 1) ** 40 > 0, {x: 1, y: 1}, timeout=1.0)


# == paper-like economic claims, with wrong thresholds and boundary flips =====================================
F20 = "economics"
_n1 = Symbol("n", nonnegative=True)
# knowledge spillovers: a modern firm earns A n - C, a backward one 1 (docs/model.md §2)
P(F20, TRUE, "n = 1 is an equilibrium iff A - C >= 1", lambda: Equivalent(A - C >= 1, ge(A - C - 1, 0)))
P(F20, TRUE, "n = 1: modern payoff A n - C >= 1 iff A - C >= 1", lambda: (Equivalent(A * _n1 - C >= 1, A - C >= 1), [Eq(_n1, 1)]))
P(F20, FALSE, "A = 2, C = 1: A - C = 1 is an equilibrium but not A - C > 1 (boundary)",
  lambda: (Equivalent(A * _n1 - C >= 1, A - C > 1), [Eq(_n1, 1)]), {A: 2, C: 1, _n1: 1})
P(F20, FALSE, "A = 5/2, C = 1: an equilibrium with A - C < 2 (wrong threshold 2)",
  lambda: (Equivalent(A * _n1 - C >= 1, A - C >= 2), [Eq(_n1, 1)]), {A: Rational(5, 2), C: 1, _n1: 1})
P(F20, TRUE, "n* = (1 + C)/A lies in (0, 1) iff A - C > 1",
  lambda: Equivalent(And((1 + C) / A > 0, (1 + C) / A < 1), A - C > 1))
P(F20, FALSE, "A = 2, C = 1: n* = 1 is not < 1 but A - C >= 1",
  lambda: Equivalent(And((1 + C) / A > 0, (1 + C) / A < 1), A - C >= 1), {A: 2, C: 1})
P(F20, TRUE, "W(1) - W(0) = A - C - 1 > 0 iff A - C > 1", lambda: Equivalent(gt(A - C - 1, 0), A - C > 1))
P(F20, TRUE, "W(n*) = 1 at n* = (1 + C)/A", lambda: (Eq(_n1 * (A * _n1 - C) + 1 - _n1, 1), [Eq(A * _n1, 1 + C)]))
P(F20, FALSE, "W(n*) = 1, not 2", lambda: (Eq(_n1 * (A * _n1 - C) + 1 - _n1, 2), [Eq(A * _n1, 1 + C)]), {A: 2, C: 1, _n1: 1})
P(F20, FALSE, "A = 3, C = 1, n = 1/2: W = 1/2 (3/2 - 1) + 1/2 = 3/4 < 1: W is not increasing everywhere",
  lambda: (_n1 * (A * _n1 - C) + 1 - _n1 >= 1, [A - C > 1, _n1 <= 1]), {A: 3, C: 1, _n1: Rational(1, 2)})
# country brand: switching L -> H changes a firm's payoff by Dp/N - Dc
P(F20, TRUE, "all-H is an equilibrium iff N <= Dp/Dc", lambda: Equivalent(Dp / N - Dc >= 0, N <= Dp / Dc))
P(F20, FALSE, "N = 2, Dp = 2, Dc = 1: N Dc = Dp, a tie", lambda: Equivalent(Dp / N - Dc > 0, N <= Dp / Dc), {N: 2, Dp: 2, Dc: 1})
P(F20, TRUE, "Dc < Dp < N Dc is a prisoner's dilemma: each gains by L, all gain by all-H",
  lambda: (And(Dp / N - Dc < 0, Dp - Dc > 0), [Dc < Dp, Dp < N * Dc]))
P(F20, FALSE, "N = 1: Dp/N - Dc = Dp - Dc > 0", lambda: (Dp / N - Dc < 0, [Dc < Dp]), {N: 1, Dp: 2, Dc: 1})
# markups and free entry
P(F20, TRUE, "a markup c/alpha > c for alpha < 1", lambda: (c / alpha > c, [alpha < 1]))
P(F20, FALSE, "alpha = 3/4: c/alpha = 4c/3 < 2c", lambda: (c / alpha >= 2 * c, [alpha < 1]), {alpha: Rational(3, 4), c: 1})
P(F20, TRUE, "m = (1 - alpha) L/F >= 1 iff L >= F/(1 - alpha)", lambda: ((1 - alpha) * L / F >= 1, [alpha < 1, L >= F / (1 - alpha)]))
P(F20, FALSE, "L = F, alpha = 1/2: m = 1/2 (wrong threshold L >= F)", lambda: ((1 - alpha) * L / F >= 1, [alpha < 1, L >= F]),
  {alpha: Rational(1, 2), L: 1, F: 1})
P(F20, TRUE, "modern unit cost w m**(-(1 - alpha)/alpha)/alpha falls in m: m1 < m2 gives m1**(-1) > m2**(-1) at alpha = 1/2",
  lambda: (Implies(a < b, a ** -1 / Rational(1, 2) > b ** -1 / Rational(1, 2)), []))
P(F20, TRUE, "the real wage alpha m**((1 - alpha)/alpha) >= 1 at the threshold m >= alpha**(-alpha/(1 - alpha)), alpha = 1/2",
  lambda: (Rational(1, 2) * a >= 1, [a >= 2]))
P(F20, FALSE, "a = 2: the real wage equals 1 at the threshold, not more", lambda: (Rational(1, 2) * a > 1, [a >= 2]), {a: 2})
# Acemoglu training: mu = 1 iff Delta >= k + c; mu = 0 iff (1 - s) Delta <= k + c
P(F20, FALSE, "s = 1/2, Delta = 1, k + c = 1: (1 - s) Delta = 1/2 < 1",
  lambda: (Implies(Delta >= kk + cc, (1 - s_) * Delta >= kk + cc), [s_ <= 1]), {s_: Rational(1, 2), Delta: 1, kk: Rational(1, 2), cc: Rational(1, 2)})
P(F20, TRUE, "(1 - s) Delta <= Delta", lambda: (Implies((1 - s_) * Delta >= kk + cc, Delta >= kk + cc), [s_ <= 1]))
P(F20, TRUE, "both equilibria iff (1 - s) Delta <= k + c <= Delta; then Delta - (k + c) <= s Delta",
  lambda: (Delta - kk - cc <= s_ * Delta, [(1 - s_) * Delta <= kk + cc, kk + cc <= Delta]))
# infrastructure: phi N pi >= R
P(F20, TRUE, "phi <= 1", lambda: (Implies(phi * N * pi_ >= R, N * pi_ >= R), [phi <= 1]))
P(F20, FALSE, "phi = 1/2, N = pi = R = 1", lambda: (Implies(N * pi_ >= R, phi * N * pi_ >= R), [phi <= 1]),
  {phi: Rational(1, 2), N: 1, pi_: 1, R: 1})
# FMD: E_N = log V, E* = log(N V)
P(F20, TRUE, "E* - E_N = log N > 0 for N >= 2", lambda: (log(N * V) > log(V), [N >= 2]))
P(F20, FALSE, "N = 2: log 2 < 1", lambda: (log(N * V) - log(V) >= 1, [N >= 2]), {N: 2, V: 3})
P(F20, TRUE, "a matching grant s = 1 - 1/N: (1 - s) N = 1", lambda: eq((1 - (1 - 1 / N)) * N * V, V))
# Section 5, condition (*)
_ratio = lambda: (l1S / l1N) / (lkS / lkN)
P(F20, TRUE, "strict (*) implies weak (*)", lambda: Implies(_ratio() < th1, _ratio() <= th1))
P(F20, FALSE, "on the boundary ratio = theta_1 the weak condition holds and the strict one fails",
  lambda: Implies(_ratio() <= th1, _ratio() < th1), {l1S: 2, l1N: 1, lkS: 1, lkN: 1, th1: 2})
X(F20, WITNESS, "E(k,C) with theta_1 exactly the ratio: 2 = 2", lambda: And(Eq(_ratio(), th1), th1 > 1),
  {l1S: 2, l1N: 1, lkS: 1, lkN: 1, th1: 2})
P(F20, TRUE, "w(k,C) = lambda_kS/lambda_kN theta_1 ... w(1,U) = lambda_1S/lambda_1N <= theta_1 lambda_kS/lambda_kN iff (*)",
  lambda: Equivalent(l1S / l1N <= th1 * lkS / lkN, _ratio() <= th1))
P(F20, FALSE, "theta_1 = ratio gives a tie w(1,U) = w(k,C), not <", lambda: (l1S / l1N < th1 * lkS / lkN, [_ratio() <= th1]),
  {l1S: 2, l1N: 1, lkS: 1, lkN: 1, th1: 2})
P(F20, TRUE, "paper's theta_1 = 3/2: ratio 4/3 satisfies (*) strictly",
  lambda: (_ratio() < th1, [Eq(th1, Rational(3, 2)), Eq(l1S, 4), Eq(l1N, 1), Eq(lkS, 3), Eq(lkN, 1)]))
P(F20, FALSE, "ratio 3/2 with theta_1 = 3/2 is the boundary",
  lambda: (_ratio() < th1, [Eq(th1, Rational(3, 2)), Eq(l1S, 3), Eq(l1N, 1), Eq(lkS, 2), Eq(lkN, 1)]),
  {th1: Rational(3, 2), l1S: 3, l1N: 1, lkS: 2, lkN: 1})


# == claims whose truth flips at a boundary point ===============================================================
F21 = "boundary"
for _weak, _strict, _assume, _pt, _why in [
    (lambda: x ** 2 >= 2, lambda: x ** 2 > 2, lambda: [x >= sqrt(2)], {x: sqrt(2)}, "x = sqrt(2)"),
    (lambda: exp(x) >= 1, lambda: exp(x) > 1, lambda: [x >= 0], {x: 0}, "x = 0"),
    (lambda: x * y <= ((x + y) / 2) ** 2, lambda: x * y < ((x + y) / 2) ** 2, lambda: [], {x: 1, y: 1}, "x = y = 1"),
    (lambda: (x + y) / 2 >= sqrt(x * y), lambda: (x + y) / 2 > sqrt(x * y), lambda: [x >= 0, y >= 0], {x: 2, y: 2}, "x = y = 2"),
    (lambda: x + 1 / x >= 2, lambda: x + 1 / x > 2, lambda: [x > 0], {x: 1}, "x = 1"),
    (lambda: x ** 3 >= 8, lambda: x ** 3 > 8, lambda: [x >= 2], {x: 2}, "x = 2"),
    (lambda: log(x) >= 0, lambda: log(x) > 0, lambda: [x >= 1], {x: 1}, "x = 1"),
    (lambda: 2 * x * y <= x ** 2 + y ** 2, lambda: 2 * x * y < x ** 2 + y ** 2, lambda: [], {x: 3, y: 3}, "x = y = 3"),
    (lambda: x ** 2 + y ** 2 >= 2, lambda: x ** 2 + y ** 2 > 2, lambda: [x + y >= 2], {x: 1, y: 1}, "x = y = 1"),
    (lambda: cbrt(x) >= 2, lambda: cbrt(x) > 2, lambda: [x >= 8], {x: 8}, "x = 8"),
    (lambda: x / (1 + x) <= Rational(1, 2), lambda: x / (1 + x) < Rational(1, 2), lambda: [x >= 0, x <= 1], {x: 1}, "x = 1"),
    (lambda: Abs(x - 1) + Abs(x + 1) >= 2, lambda: Abs(x - 1) + Abs(x + 1) > 2, lambda: [], {x: 0}, "x = 0"),
]:
    P(F21, TRUE, f"weak inequality; equality at {_why}", lambda _w=_weak, _a=_assume: (_w(), _a()))
    P(F21, FALSE, f"equality at {_why}", lambda _s=_strict, _a=_assume: (_s(), _a()), _pt)
P(F21, UNDEFINED, "x = -1: 1 + x = 0", lambda: (x / (1 + x) < 1, [x >= -1]), {x: -1})
P(F21, TRUE, "x/(1 + x) < 1 for x > -1", lambda: (x / (1 + x) < 1, [x > -1]))
X(F21, NONE, "x > 1 and x <= 1", lambda: And(x > 1, 2 * x <= 2))
X(F21, WITNESS, "x = 1", lambda: And(x >= 1, x <= 1), {x: 1})
X(F21, WITNESS, "x = sqrt(2) is the only instance", lambda: And(x ** 2 >= 2, x <= sqrt(2), x > 0), {x: sqrt(2)})
X(F21, NONE, "x**2 > 2 and 0 < x <= sqrt(2) contradict", lambda: And(x ** 2 > 2, x <= sqrt(2), x > 0))


# == huge rationals ===========================================================================================
F22 = "huge"
P(F22, TRUE, "x > 10**300 + 1 > 10**300", lambda: (x > 10 ** 300, [x > 10 ** 300 + 1]))
P(F22, TRUE, "(10**400 + 1)/10**400 > 1", lambda: (Rational(10 ** 400 + 1, 10 ** 400) * x > x, [x > 0]))
P(F22, TRUE, "x <= 10**1000 - 1", lambda: (x < 10 ** 1000, [x <= 10 ** 1000 - 1]))
P(F22, TRUE, "x < 10**500", lambda: (x * Rational(1, 10 ** 500) < 1, [x < 10 ** 500]))
X(F22, WITNESS, "x = (1 + 10**100/(10**100 + 1))/2", lambda: And(x > Rational(10 ** 100, 10 ** 100 + 1), x < 1),
  {x: (1 + Rational(10 ** 100, 10 ** 100 + 1)) / 2})
X(F22, WITNESS, "1 - 10**-100 < 1 - 1/(10**100 + 2): take their mean",
  lambda: And(x > Rational(10 ** 100 - 1, 10 ** 100), x < Rational(10 ** 100 + 1, 10 ** 100 + 2)),
  {x: (Rational(10 ** 100 - 1, 10 ** 100) + Rational(10 ** 100 + 1, 10 ** 100 + 2)) / 2})
X(F22, NONE, "1 - 1/(10**100 + 2) > 1 - 10**-100", lambda: And(x < Rational(10 ** 100 - 1, 10 ** 100),
                                                              x > Rational(10 ** 100 + 1, 10 ** 100 + 2)))
P(F22, TRUE, "x**2 = 2**2000, x > 0 gives x = 2**1000", lambda: (Eq(x, 2 ** 1000), [Eq(x ** 2, 2 ** 2000), x > 0]))
X(F22, WITNESS, "x = 2**1000 sqrt(2)", lambda: (Eq(x ** 2, 2 ** 2001), [x > 0]), {x: 2 ** 1000 * sqrt(2)})
P(F22, TRUE, "a 50-digit decimal is not 1/3", lambda: ((x - Rational(1, 3)) ** 2 > 0, [Eq(x, Rational(int("3" * 50), 10 ** 50))]))
P(F22, TRUE, "3 floor(10**200/3) < 10**200", lambda: (3 * x < 1, [x <= Rational(10 ** 200 // 3, 10 ** 200)]))
P(F22, FALSE, "x = (floor(10**200/3) + 1)/10**200 > 1/3", lambda: (3 * x < 1, [x <= Rational(10 ** 200 // 3 + 1, 10 ** 200)]),
  {x: Rational(10 ** 200 // 3 + 1, 10 ** 200)})
P(F22, FALSE, "x = 10**-300 is positive and below 10**-299", lambda: (x >= Rational(1, 10 ** 299), [x > 0]), {x: Rational(1, 10 ** 300)})
P(F22, TRUE, "x y <= 10**600 for x, y in [0, 10**300]", lambda: (x * y <= 10 ** 600, [x >= 0, y >= 0, x <= 10 ** 300, y <= 10 ** 300]))
P(F22, FALSE, "x = y = 10**300 gives 10**600", lambda: (x * y < 10 ** 600, [x >= 0, y >= 0, x <= 10 ** 300, y <= 10 ** 300]),
  {x: 10 ** 300, y: 10 ** 300})


# == index ======================================================================================================
_BY_ID = {e.id: e for e in ENTRIES}
assert len(_BY_ID) == len(ENTRIES), "duplicate ids"
FAMILIES = tuple(dict.fromkeys(e.family for e in ENTRIES))


def by_id(entry_id: str) -> Entry:
    """The entry with this id (KeyError names the id)."""
    return _BY_ID[entry_id]


def _fast_subset(quota: int = 60) -> tuple[str, ...]:
    """About ``quota`` entries spread over the families, each quick to decide (no long time limit, no hang
    candidates except one short one), first entries of each family first."""
    slow_families = {"high-degree"}
    picked: list[str] = []
    per_family = max(3, quota // len(FAMILIES))
    for fam in FAMILIES:
        if fam in slow_families:
            continue
        entries = [e for e in ENTRIES if e.family == fam and e.kill_after is None
                   and isinstance(e.timeout, (int, float)) and not isinstance(e.timeout, bool)
                   and 0 < e.timeout <= DEFAULT_TIMEOUT and "atom!" not in e.why and "assumption!" not in e.why]
        step = max(1, len(entries) // per_family)
        picked += [e.id for e in entries[::step][:per_family]]
    # a certain hang (a symbol named like the engine's placeholders) and a short high-degree call
    picked += ["names-001", "high-degree-017"]
    picked += ["floats-002", "crashes-008"]  # a float read two ways, an infinite time limit
    return tuple(picked)


FAST_IDS = _fast_subset()
