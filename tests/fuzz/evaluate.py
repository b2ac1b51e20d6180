r"""The oracle's own arithmetic: exact and interval evaluation of claims at exact points.

This module shares no code with the engine (:mod:`symbolic.engine`,
:mod:`symbolic.translate`, :mod:`symbolic.certify`, :mod:`symbolic.solver`).
From the table of constructs (:mod:`symbolic.constructs`) it takes only *what*
is supported and *where* each construct is defined (:func:`construct_of`,
:func:`domain_conditions`, :func:`unsupported_in`); the *values* are its own:

* rational arithmetic in :class:`fractions.Fraction` (``+``, ``*``, integer
  powers, ``Abs``, ``sign``, ``Min``/``Max``, ``Piecewise``, ``floor``,
  ``ceiling``, ``frac``, ``Mod``, perfect rational powers, and the rational
  values of the elementary functions: :math:`e^0 = 1`, :math:`\log 1 = 0`...);
* everything else in interval arithmetic on a *private* mpmath interval
  context (:data:`IV`, 256 bits, then 1024): ``exp``, ``log``, ``sin``,
  ``cos`` directly; ``atan`` as ``atan2(u, 1)``; ``asin``, ``acos``,
  ``sinh``, ``cosh``, ``tanh``, ``asinh``, ``acosh``, ``atanh`` and roots
  through identities in ``exp``, ``log``, ``sqrt`` and ``atan2``, which give
  valid (if wider) enclosures;
* where an interval cannot separate a difference from zero and the point is
  algebraic, SymPy's minimal polynomial settles whether it is exactly zero.

Floats are read as the decimal SymPy prints for them (``Fraction(str(f))``:
the documented reading, implemented here independently).

Three outcomes at a point: a truth value; :class:`Undefined` (the value is
not a real number there); :class:`Unsettled` (the oracle cannot tell: too
close to call, an abstract function, a construct outside the table).  An
unsettled point gives no verdict.

>>> import sympy as sp
>>> x = sp.Symbol("x", real=True)
>>> claim = Compiled(sp.exp(x) >= 1 + x)
>>> claim.at({x: sp.Rational(1, 3)}), claim.at({x: sp.Integer(0)})
(True, True)
>>> Compiled(sp.log(x) > 0).at({x: sp.Integer(-1)}) is None    # undefined there (the table: x > 0)
True
>>> Compiled(sp.Eq(x**2, 2)).at({x: sp.sqrt(2)})               # settled exactly (minimal polynomial)
True
>>> Compiled(sp.Eq(x, 0.1)).at({x: sp.Rational(1, 10)})        # 0.1 is read as 1/10
True
"""

from __future__ import annotations

import math
from fractions import Fraction
from functools import lru_cache
from typing import Callable, Mapping

import sympy as sp
from mpmath.ctx_iv import MPIntervalContext
from sympy.core.function import AppliedUndef
from sympy.core.relational import Relational

from symbolic.constructs import CONSTRUCTS, construct_of, domain_conditions, unsupported_in

__all__ = ["IV", "PRECISIONS", "Undefined", "Unsettled", "TableGap", "Compiled", "Env", "read_floats",
           "number_value", "sign_of", "admits", "complex_parts", "EVALUATED_CLASSES", "OPAQUE_CLASSES"]

#: a private interval context: its precision is ours to change, mpmath's global ``iv`` is left alone
IV = MPIntervalContext()
_IVTYPE = type(IV.mpf(1))
#: working precisions (bits), tried in turn while a comparison is too close to call
PRECISIONS = (256, 1024)


class Undefined(ArithmeticError):
    """The value is not a real number at this point."""


class Unsettled(Exception):
    """The oracle cannot tell the value or truth at this point (no verdict on it)."""


class _TooClose(Unsettled):
    """An interval still contains zero: a higher precision may settle it."""


class TableGap(Exception):
    """The oracle's arithmetic found a value undefined where the table's domain conditions all hold."""


Value = Fraction  # or an interval of IV


# -- reading ---------------------------------------------------------------------------

def read_floats(b: sp.Basic) -> sp.Basic:
    """Every Float replaced by the rational of the decimal it prints as (the documented reading).

    >>> x = sp.Symbol("x")
    >>> read_floats(x > sp.Float(2.675)), read_floats(x < sp.Float("0.1", 50))
    (x > 107/40, x < 1/10)
    """
    floats = b.atoms(sp.Float)
    if not floats:
        return b
    mapping = {}
    for f in floats:
        q = Fraction(str(f))
        mapping[f] = sp.Rational(q.numerator, q.denominator)
    return b.xreplace(mapping)


def complex_parts(b: sp.Basic) -> list:
    """``re``/``im`` applications to a value with a non-real constant in it: re/im of complex numbers.

    Outside ``re``/``im`` a non-real value is simply undefined (the table's
    reading); inside them it makes a real number the table cannot see.  SymPy
    writes ``re(root(x, 3, 1))`` as ``-im((-1)**(1/6)*x**(1/3))``:

    >>> complex_parts(sp.re(sp.root(sp.Symbol("x", real=True), 3, 1)) > 0)
    [im((-1)**(1/6)*x**(1/3))]
    """
    out = []
    for node in sp.preorder_traversal(b):
        if isinstance(node, (sp.re, sp.im)) and any(
                isinstance(n, sp.Expr) and n.is_number and n.is_extended_real is False
                for n in sp.preorder_traversal(node.args[0])):
            out.append(node)
    return out


# -- intervals ---------------------------------------------------------------------------

def _iv(v) -> object:
    if isinstance(v, _IVTYPE):
        return v
    return IV.mpf(v.numerator) / v.denominator


def _thin(v) -> bool:
    return isinstance(v, Fraction)


def sign_of(v) -> int:
    """-1, 0 or 1 for an exact value or an interval that excludes zero (else :class:`Unsettled`)."""
    if isinstance(v, Fraction):
        return (v > 0) - (v < 0)
    if v.a > 0:
        return 1
    if v.b < 0:
        return -1
    if v.a == 0 and v.b == 0:
        return 0
    raise _TooClose("an interval contains zero")


def _hull(lo, hi):
    return IV.mpf([lo.a, hi.b])


def _iroot(n: int, k: int) -> int | None:
    """The exact integer k-th root of ``n >= 0``, or ``None``."""
    if n < 2:
        return n
    r = int(round(n ** (1.0 / k))) if n < 2**1000 else 1 << (n.bit_length() // k)
    for _ in range(200):  # Newton from above
        if r <= 0:
            r = 1
        nxt = ((k - 1) * r + n // r ** (k - 1)) // k
        if nxt >= r and r ** k <= n:
            break
        r = nxt
    for c in (r - 1, r, r + 1):
        if c >= 0 and c ** k == n:
            return c
    return None


def _exact_root(q: Fraction, k: int) -> Fraction | None:
    a, b = _iroot(q.numerator, k), _iroot(q.denominator, k)
    return Fraction(a, b) if a is not None and b is not None else None


# -- the evaluators of the table's constructs --------------------------------------------

def _add(*vs):
    if all(_thin(v) for v in vs):
        return sum(vs, Fraction(0))
    out = IV.mpf(0)
    for v in vs:
        out = out + _iv(v)
    return out


def _mul(*vs):
    if any(_thin(v) and v == 0 for v in vs):
        return Fraction(0)  # every factor was evaluated: a zero factor does not hide an undefined one
    if all(_thin(v) for v in vs):
        out = Fraction(1)
        for v in vs:
            out *= v
        return out
    out = IV.mpf(1)
    for v in vs:
        out = out * _iv(v)
    return out


def _int_power(b, n: int):
    if n == 0:
        return Fraction(1)
    if _thin(b):
        if b == 0 and n < 0:
            raise Undefined("division by zero")
        return b ** n
    if n < 0:
        if sign_of(b) == 0:
            raise Undefined("division by zero")
        return 1 / (b ** (-n))
    return b ** n


def _positive_or_raise(b, what: str):
    s = sign_of(b)
    if s <= 0:
        raise Undefined(what)


def _pow(b, e, e_expr: sp.Expr):
    if e_expr.is_Integer:
        return _int_power(b, int(e_expr))
    if e_expr.is_Rational:
        p, q = int(e_expr.p), int(e_expr.q)
        if _thin(b):
            if b < 0:
                raise Undefined("a fractional power of a negative number")
            if b == 0:
                if p < 0:
                    raise Undefined("a negative power of zero")
                return Fraction(0)
            r = _exact_root(b, q)
            if r is not None:
                return r ** p
        elif sign_of(b) <= 0:
            raise Undefined("a fractional power of a number that is not positive")
        return IV.exp(IV.log(_iv(b)) * p / q)
    # a real exponent: defined for a positive base (the table's convention)
    _positive_or_raise(b, "a real power of a number that is not positive")
    if _thin(b) and b == 1:
        return Fraction(1)
    if _thin(e) and e == 0:
        return Fraction(1)
    return IV.exp(_iv(e) * IV.log(_iv(b)))


def _exp(u):
    if _thin(u) and u == 0:
        return Fraction(1)
    return IV.exp(_iv(u))


def _log(u):
    _positive_or_raise(u, "the logarithm of a number that is not positive")
    if _thin(u) and u == 1:
        return Fraction(0)
    return IV.log(_iv(u))


def _zero_at_zero(f):
    def g(u):
        if _thin(u) and u == 0:
            return Fraction(0)
        return f(_iv(u))
    return g


def _cos(u):
    if _thin(u) and u == 0:
        return Fraction(1)
    return IV.cos(_iv(u))


def _unit_interval(u, closed: bool, what: str):
    lo, hi = (u, u) if _thin(u) else (u.a, u.b)
    if closed and (lo > 1 or hi < -1) or not closed and (lo >= 1 or hi <= -1):
        raise Undefined(what)
    if closed and (hi > 1 or lo < -1) or not closed and (hi >= 1 or lo <= -1):
        raise _TooClose(what)


def _asin(u):
    _unit_interval(u, True, "asin outside [-1, 1]")
    if _thin(u) and u in (1, -1):
        return IV.pi / 2 * int(u)
    if _thin(u) and u == 0:
        return Fraction(0)
    v = _iv(u)
    w = 1 - v * v
    if w.a < 0:
        w = IV.mpf([0, w.b])
    return IV.atan2(v, IV.sqrt(w))


def _acos(u):
    if _thin(u) and u == 1:
        return Fraction(0)
    return IV.pi / 2 - _iv(_asin(u))


def _sinh(v):
    return (IV.exp(v) - IV.exp(-v)) / 2


def _cosh(u):
    if _thin(u) and u == 0:
        return Fraction(1)
    v = _iv(u)
    return (IV.exp(v) + IV.exp(-v)) / 2


def _tanh(v):
    return 1 - 2 / (IV.exp(2 * v) + 1)


def _increasing(thin_f):
    """An increasing function on an interval: the hull of its values at the two ends."""
    def f(v):
        if v.a == v.b:
            return thin_f(v)
        return _hull(thin_f(IV.mpf(v.a)), thin_f(IV.mpf(v.b)))
    return f


def _asinh_thin(v):
    if v.a < 0:
        return -_asinh_thin(-v)
    return IV.log(v + IV.sqrt(v * v + 1))


def _acosh(u):
    lo = u if _thin(u) else u.a
    hi = u if _thin(u) else u.b
    if hi < 1:
        raise Undefined("acosh below 1")
    if lo < 1:
        raise _TooClose("acosh near 1")
    if _thin(u) and u == 1:
        return Fraction(0)
    v = _iv(u)
    w = v * v - 1
    if w.a < 0:
        w = IV.mpf([0, w.b])
    return IV.log(v + IV.sqrt(w))


def _atanh(u):
    _unit_interval(u, False, "atanh outside (-1, 1)")
    if _thin(u) and u == 0:
        return Fraction(0)
    v = _iv(u)
    return (IV.log(1 + v) - IV.log(1 - v)) / 2


def _abs(u):
    if _thin(u):
        return abs(u)
    if u.a >= 0:
        return u
    if u.b <= 0:
        return -u
    return IV.mpf([0, max(-u.a, u.b)])


def _sign(u):
    return Fraction(sign_of(u))


def _min(*vs):
    if all(_thin(v) for v in vs):
        return min(vs)
    ivs = [_iv(v) for v in vs]
    return IV.mpf([min(v.a for v in ivs), min(v.b for v in ivs)])


def _max(*vs):
    if all(_thin(v) for v in vs):
        return max(vs)
    ivs = [_iv(v) for v in vs]
    return IV.mpf([max(v.a for v in ivs), max(v.b for v in ivs)])


def _endpoint(raw) -> Fraction:
    """An endpoint of an interval (a raw mpmath binary number) as an exact Fraction."""
    sign, man, exp, _ = raw
    if man == 0:
        if raw == (0, 0, 0, 0):
            return Fraction(0)
        raise _TooClose("an infinite or undefined interval")
    value = Fraction(man) * Fraction(2) ** exp
    return -value if sign else value


def _floor(u):
    if _thin(u):
        return Fraction(math.floor(u))
    lo, hi = (math.floor(_endpoint(raw)) for raw in u._mpi_)
    if lo != hi:
        raise _TooClose("floor: the argument is too close to an integer")
    return Fraction(lo)


def _ceiling(u):
    if _thin(u):
        return Fraction(math.ceil(u))
    return -_floor(-u)


def _frac(u):
    return _add(u, -_floor(u))


def _mod(x, y):
    if sign_of(y) == 0:
        raise Undefined("Mod by zero")
    if _thin(x) and _thin(y):
        return x - y * math.floor(x / y)
    q = _floor(_iv(x) / _iv(y))
    return _add(x, _mul(Fraction(-1), y, q))


def _real_part(u):
    return u


def _imaginary_part(u):
    return Fraction(0)  # the table reads re/im of expressions that are real wherever defined


_FUNCTIONS: dict = {
    sp.exp: _exp, sp.log: _log, sp.sin: _zero_at_zero(IV.sin), sp.cos: _cos,
    sp.atan: _zero_at_zero(lambda v: IV.atan2(v, IV.mpf(1))), sp.asin: _asin, sp.acos: _acos,
    sp.sinh: _zero_at_zero(_sinh), sp.cosh: _cosh, sp.tanh: _zero_at_zero(_tanh),
    sp.asinh: _zero_at_zero(_increasing(_asinh_thin)), sp.acosh: _acosh, sp.atanh: _atanh,
    sp.Abs: _abs, sp.sign: _sign, sp.Min: _min, sp.Max: _max, sp.floor: _floor, sp.ceiling: _ceiling,
    sp.frac: _frac, sp.Mod: _mod, sp.re: _real_part, sp.im: _imaginary_part,
}

_CONSTANTS: dict = {
    sp.pi: lambda: +IV.pi, sp.E: lambda: +IV.e, sp.EulerGamma: lambda: +IV.euler,
    sp.Catalan: lambda: +IV.catalan, sp.GoldenRatio: lambda: +IV.phi,
}

#: SymPy classes this module evaluates (a test checks that they cover every row of the table)
EVALUATED_CLASSES: tuple = (sp.Rational, sp.Float, sp.Add, sp.Mul, sp.Pow, sp.Piecewise,
                            *_FUNCTIONS, *(type(c) for c in _CONSTANTS))
#: classes of the table the oracle cannot evaluate: points with them give no verdict
OPAQUE_CLASSES: tuple = (AppliedUndef, sp.Derivative, sp.Subs)


# -- compiling expressions and Booleans into closures ------------------------------------------

class Env:
    """A point: exact SymPy values, and their enclosures at the current precision of :data:`IV`."""

    def __init__(self, exact: Mapping[sp.Symbol, sp.Expr]):
        self.exact = dict(exact)
        self.values = {s: number_value(v) for s, v in self.exact.items()}

    def value(self, s: sp.Symbol):
        try:
            return self.values[s]
        except KeyError:
            raise Unsettled(f"the point gives no value to {s}") from None


def number_value(v) -> Value:
    """An exact Fraction, or an interval around an algebraic or constant SymPy number."""
    if isinstance(v, Fraction):
        return v
    if isinstance(v, int) and not isinstance(v, bool):
        return Fraction(v)
    v = sp.sympify(v)
    if v.is_Rational:
        return Fraction(int(v.p), int(v.q))
    return _enclose_number(v, IV.prec)


@lru_cache(maxsize=4096)
def _enclose_number(v: sp.Expr, prec: int) -> Value:
    """An interval around the irrational number ``v`` at ``prec`` bits (cached: points repeat)."""
    if isinstance(v, sp.Float):
        return Fraction(str(v))
    if isinstance(v, sp.CRootOf):
        if not v.is_real:
            raise Unsettled(f"{v} is not real")
        dx = sp.Rational(1, 2 ** (IV.prec + 8))
        mid = v.eval_rational(dx=dx, dy=dx)
        lo, hi = mid - dx, mid + dx
        return _hull(_iv(Fraction(int(lo.p), int(lo.q))), _iv(Fraction(int(hi.p), int(hi.q))))
    if v.free_symbols:
        raise Unsettled(f"{v} is not a number")
    return compile_expr(v)(Env({}))


def compile_expr(e: sp.Expr) -> Callable[[Env], Value]:
    """A closure computing the value of ``e`` at a point (raises Undefined / Unsettled)."""
    if isinstance(e, sp.Symbol):
        return lambda env: env.value(e)
    if isinstance(e, sp.Rational):
        c = Fraction(int(e.p), int(e.q))
        return lambda env: c
    if isinstance(e, sp.Float):
        c = Fraction(str(e))
        return lambda env: c
    if isinstance(e, sp.CRootOf):
        return lambda env: number_value(e)
    if e in _CONSTANTS:
        make = _CONSTANTS[e]
        return lambda env: make()
    if isinstance(e, OPAQUE_CLASSES):
        name = type(e).__name__
        return _unsettled(f"the abstract function {name}")
    if construct_of(e) is None:  # the table does not support it: no value, whatever SymPy knows
        return _unsettled(f"outside the table: {type(e).__name__}")
    if isinstance(e, sp.Add):
        parts = [compile_expr(a) for a in e.args]
        return lambda env: _add(*[f(env) for f in parts])
    if isinstance(e, sp.Mul):
        parts = [compile_expr(a) for a in e.args]
        return lambda env: _mul(*[f(env) for f in parts])
    if isinstance(e, sp.Pow):
        base, expo = compile_expr(e.base), compile_expr(e.exp)
        if e.base is sp.E:
            return lambda env: _exp(expo(env))
        return lambda env: _pow(base(env), expo(env) if not e.exp.is_Rational else None, e.exp)
    if isinstance(e, sp.Piecewise):
        pieces = [(compile_expr(p.expr), compile_boolean(p.cond)) for p in e.args]

        def piecewise(env):
            for value, cond in pieces:
                if cond(env):
                    return value(env)
            raise Undefined("no branch of a Piecewise applies")
        return piecewise
    for cls in type(e).__mro__:
        f = _FUNCTIONS.get(cls)
        if f is not None:
            parts = [compile_expr(a) for a in e.args]
            return lambda env: f(*[p(env) for p in parts])
    return _unsettled(f"no evaluator for {type(e).__name__}")


def _unsettled(why: str):
    def f(env):
        raise Unsettled(why)
    return f


def _is_truth_value(e) -> bool:
    return isinstance(e, sp.logic.boolalg.Boolean) and not isinstance(e, sp.Expr)


_OPS = {"==": lambda s: s == 0, "!=": lambda s: s != 0, "<": lambda s: s < 0, "<=": lambda s: s <= 0,
        ">": lambda s: s > 0, ">=": lambda s: s >= 0}


def _relation(r: Relational) -> Callable[[Env], bool]:
    op = _OPS.get(r.rel_op)
    if op is None:
        return _unsettled(f"the relation {r.rel_op}")
    if _is_truth_value(r.lhs) or _is_truth_value(r.rhs):
        if not (_is_truth_value(r.lhs) and _is_truth_value(r.rhs)) or r.rel_op not in ("==", "!="):
            return _unsettled(f"{sp.sstr(r)} compares a truth value with a number")
        a, b = compile_boolean(r.lhs), compile_boolean(r.rhs)
        return lambda env: (a(env) == b(env)) == (r.rel_op == "==")
    lhs, rhs = compile_expr(r.lhs), compile_expr(r.rhs)
    algebraic = _algebraic(r.lhs) and _algebraic(r.rhs)

    def relation(env):
        a, b = lhs(env), rhs(env)
        try:
            return op(sign_of(_add(a, _mul(Fraction(-1), b))))
        except _TooClose:
            if algebraic and IV.prec >= PRECISIONS[-1] and _exactly_zero(r.lhs - r.rhs, env):
                return op(0)
            raise
    return relation


def _algebraic(e: sp.Expr) -> bool:
    """Built from symbols and numbers by +, * and rational powers (its values at algebraic points are algebraic)."""
    if isinstance(e, (sp.Symbol, sp.Rational, sp.Float, sp.CRootOf)):
        return True
    if isinstance(e, (sp.Add, sp.Mul)):
        return all(_algebraic(a) for a in e.args)
    if isinstance(e, sp.Pow):
        return e.exp.is_Rational and _algebraic(e.base)
    return False


def _exactly_zero(diff: sp.Expr, env: Env) -> bool:
    """Is ``diff`` exactly zero at the (algebraic) point?  (SymPy's minimal polynomial; False if unsure.)"""
    v = read_floats(diff).xreplace({s: sp.sympify(x) for s, x in env.exact.items()})
    if v.free_symbols or not all(_algebraic_number(a) for a in sp.preorder_traversal(v) if a.is_Atom):
        return False
    try:
        t = sp.Dummy("t")
        return sp.minimal_polynomial(v, t) == t
    except (NotImplementedError, ValueError, sp.PolynomialError):
        return False


def _algebraic_number(a) -> bool:
    return isinstance(a, (sp.Rational, sp.CRootOf))


def compile_boolean(b) -> Callable[[Env], bool]:
    """A closure giving the truth of ``b`` at a point, evaluating lazily (raises Undefined / Unsettled)."""
    if b is sp.true or b is True:
        return lambda env: True
    if b is sp.false or b is False:
        return lambda env: False
    if isinstance(b, Relational):
        return _relation(b)
    if not _is_truth_value(b):
        return _unsettled(f"{sp.sstr(b)} is not a truth value")
    parts = [compile_boolean(a) for a in b.args]
    if isinstance(b, (sp.And, sp.Nand)):
        negate = isinstance(b, sp.Nand)
        return lambda env: _all(parts, env) != negate
    if isinstance(b, (sp.Or, sp.Nor)):
        negate = isinstance(b, sp.Nor)
        return lambda env: (not _all([_negation(p) for p in parts], env)) != negate
    if isinstance(b, sp.Not):
        return lambda env: not parts[0](env)
    if isinstance(b, sp.Implies):
        return lambda env: (not parts[0](env)) or parts[1](env)
    if isinstance(b, sp.Equivalent):
        return lambda env: len({p(env) for p in parts}) == 1
    if isinstance(b, sp.Xor):
        return lambda env: sum(p(env) for p in parts) % 2 == 1
    if isinstance(b, sp.ITE):
        c, x, y = parts
        return lambda env: x(env) if c(env) else y(env)
    return _unsettled(f"the Boolean {type(b).__name__}")


def _negation(p):
    return lambda env: not p(env)


def _all(parts, env) -> bool:
    """True iff every part is true; a false part settles it even if another is unsettled."""
    pending = None
    for p in parts:
        try:
            if not p(env):
                return False
        except Unsettled as exc:
            pending = exc
    if pending is not None:
        raise pending
    return True


# -- a compiled claim: definedness from the table, truth from this module -----------------------

class Compiled:
    """A Boolean read (floats), with its domain conditions (the table) and its truth (this module)."""

    def __init__(self, b):
        self.source = b
        self.read = read_floats(b) if isinstance(b, sp.Basic) else b
        self.unsupported = unsupported_in(self.read) if isinstance(self.read, sp.Basic) else None
        self.complex = complex_parts(self.read) if isinstance(self.read, sp.Basic) else []
        conditions = domain_conditions(self.read) if isinstance(self.read, sp.Basic) else ()
        self.conditions = [(c, compile_boolean(c)) for c in conditions]
        self.truth = compile_boolean(self.read)

    def at(self, point: Mapping[sp.Symbol, sp.Expr]):
        """True, False, or ``None`` where undefined; raises :class:`Unsettled` or :class:`TableGap`."""
        last = None
        for prec in PRECISIONS:
            IV.prec = prec
            try:
                return self._at(Env(point))
            except _TooClose as exc:
                last = exc
            finally:
                IV.prec = PRECISIONS[0]
        raise Unsettled(f"too close to call at {PRECISIONS[-1]} bits: {last}")

    def defined(self, env: Env) -> bool:
        for _, cond in self.conditions:
            try:
                if not cond(env):
                    return False
            except Undefined:
                return False
        return True

    def _at(self, env: Env):
        if not self.defined(env):
            return None
        try:
            return self.truth(env)
        except Undefined as exc:
            raise TableGap(f"{exc}, although every domain condition of the table holds") from None


# -- symbol assumptions, checked on exact values by this module -----------------------------------

def _is_prime(n: int) -> bool:
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


def _quadratic_surd(v: sp.Expr) -> bool:
    """``q + r*sqrt(k)`` with rationals ``q``, ``r != 0`` and a non-square integer ``k > 0``: irrational."""
    q, rest = v.as_coeff_Add()
    r, root = rest.as_coeff_Mul()
    if not (q.is_Rational and r.is_Rational and r != 0 and isinstance(root, sp.Pow)):
        return False
    k, e = root.args
    return e == sp.S.Half and k.is_Integer and k > 0 and _iroot(int(k), 2) is None


@lru_cache(maxsize=4096)
def _kind(v: sp.Expr) -> tuple[Fraction | None, bool]:
    """(the value as a Fraction if rational, whether it is algebraic), by its minimal polynomial."""
    if v.is_Rational:
        return Fraction(int(v.p), int(v.q)), True
    if isinstance(v, sp.Float):
        return Fraction(str(v)), True
    if _quadratic_surd(v):
        return None, True
    if not all(_algebraic_number(a) for a in sp.preorder_traversal(v) if a.is_Atom) or not _algebraic(v):
        raise Unsettled(f"cannot classify the number {v}")
    t = sp.Dummy("t")
    poly = sp.Poly(sp.minimal_polynomial(v, t), t)
    if poly.degree() == 1:
        c1, c0 = poly.all_coeffs()
        q = -sp.Rational(c0) / sp.Rational(c1)
        return Fraction(int(q.p), int(q.q)), True
    return None, True


_NUMBER_KINDS = ("rational", "irrational", "algebraic", "transcendental", "integer", "noninteger", "even", "odd",
                 "prime", "composite")


def admits(s: sp.Symbol, v) -> bool:
    """Whether the exact real value ``v`` satisfies every SymPy assumption of ``s`` (or Unsettled).

    >>> admits(sp.Symbol("p", prime=True), 9), admits(sp.Symbol("r", irrational=True), sp.sqrt(2))
    (False, True)
    >>> admits(sp.Symbol("m", integer=False), sp.Rational(1, 2)), admits(sp.Symbol("z", zero=False), 0)
    (True, False)
    """
    facts = s.assumptions0
    if not facts:
        return True
    v = sp.sympify(v)
    if v.is_Rational or any(k in facts for k in _NUMBER_KINDS):
        q, algebraic = _kind(v)
    else:  # only the sign matters: no need to classify the number
        q, algebraic = None, True
    sign = sign_of(q) if q is not None else _sign_of_number(v)
    integer = q is not None and q.denominator == 1
    n = int(q) if integer else None
    have = {
        "rational": q is not None, "irrational": q is None, "algebraic": algebraic, "transcendental": not algebraic,
        "integer": integer, "noninteger": not integer,
        "even": integer and n % 2 == 0, "odd": integer and n % 2 == 1,
        "prime": integer and _is_prime(n), "composite": integer and n > 1 and not _is_prime(n),
        "zero": sign == 0, "nonzero": sign != 0, "positive": sign > 0, "negative": sign < 0,
        "nonnegative": sign >= 0, "nonpositive": sign <= 0,
        "real": True, "complex": True, "finite": True, "infinite": False, "hermitian": True,
        "commutative": True, "imaginary": False, "antihermitian": sign == 0,
    }
    for key, want in facts.items():
        name = key[len("extended_"):] if key.startswith("extended_") else key
        if name not in have:
            raise Unsettled(f"the assumption {key} is not known to the oracle")
        if have[name] != bool(want):
            return False
    return True


def _sign_of_number(v) -> int:
    for prec in PRECISIONS:
        IV.prec = prec
        try:
            return sign_of(number_value(v))
        except _TooClose:
            continue
        finally:
            IV.prec = PRECISIONS[0]
    raise Unsettled(f"cannot tell the sign of {v}")


IV.prec = PRECISIONS[0]

#: table rows whose classes this module evaluates or treats as opaque (checked by the tests)
TABLE_CLASSES: tuple = tuple(cls for row in CONSTRUCTS for cls in row.classes)
