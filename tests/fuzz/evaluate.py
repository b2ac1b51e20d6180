r"""The oracle's evaluation of claims at exact points: definedness from the table, truth from its own arithmetic.

This module shares no code with the engine (:mod:`symbolic.engine`,
:mod:`symbolic.translate`, :mod:`symbolic.certify`, :mod:`symbolic.solver`).
From the table of constructs (:mod:`symbolic.constructs`) it takes only *what*
is supported and *where* each construct is defined (:func:`construct_of`,
:func:`domain_conditions`, :func:`unsupported_in`); the *values* are its own
(:mod:`tests.fuzz.arithmetic`):

* rational arithmetic in :class:`fractions.Fraction` (``+``, ``*``, integer
  powers, ``Abs``, ``sign``, ``Min``/``Max``, ``Piecewise``, ``floor``,
  ``ceiling``, ``frac``, ``Mod``, perfect rational powers, and the rational
  values of the elementary functions: :math:`e^0 = 1`, :math:`\log 1 = 0`...);
* everything else in interval arithmetic on a *private* mpmath interval
  context (:data:`tests.fuzz.arithmetic.IV`, 256 bits, then 1024): ``exp``, ``log``, ``sin``,
  ``cos`` directly; ``atan`` as ``atan2(u, 1)``; ``asin``, ``acos``,
  ``sinh``, ``cosh``, ``tanh``, ``asinh``, ``acosh``, ``atanh`` and roots
  through identities in ``exp``, ``log``, ``sqrt`` and ``atan2``, which give
  valid (if wider) enclosures;
* where an interval cannot separate a difference from zero and the point is
  algebraic, SymPy's minimal polynomial settles whether it is exactly zero.

Floats are read as the decimal SymPy prints for them (``Fraction(str(f))``:
the documented reading, implemented here independently).

Three outcomes at a point: a truth value; ``None`` where a domain condition of
the table fails (undefined); :class:`~tests.fuzz.arithmetic.Unsettled` (the
oracle cannot tell: too close to call, an abstract function, a construct
outside the table).  An unsettled point gives no verdict.  Where the table's
conditions all hold but the arithmetic still meets an undefined value, the
table has a gap: :class:`TableGap`.

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

from fractions import Fraction
from functools import lru_cache
from typing import Callable, Mapping

import sympy as sp
from sympy.core.relational import Relational

from symbolic.constructs import construct_of, domain_conditions, unsupported_in

from .arithmetic import (CONSTANTS, FUNCTIONS, IV, OPAQUE_CLASSES, PRECISIONS, TooClose, Undefined, Unsettled, Value,
                         add, as_interval, hull, mul, power, sign_of)

__all__ = ["TableGap", "Compiled", "Env", "read_floats", "complex_parts", "number_value", "compile_expr",
           "compile_boolean", "algebraic", "algebraic_number"]


class TableGap(Exception):
    """The oracle's arithmetic found a value undefined where the table's domain conditions all hold."""



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
    with sp.evaluate(False):  # a relation between non-real values is built, not re-decided (and not refused)
        return b.xreplace(mapping)


def complex_parts(b: sp.Basic) -> list:
    """``re``/``im`` applications to a value with a non-real constant in it: re/im of complex numbers.

    Outside ``re``/``im`` a non-real value is simply undefined (the table's
    reading); inside them it makes a real number the table cannot see (the
    oracle, like the table, cannot evaluate it either).  SymPy
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
        return hull(as_interval(Fraction(int(lo.p), int(lo.q))), as_interval(Fraction(int(hi.p), int(hi.q))))
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
    if e in CONSTANTS:
        make = CONSTANTS[e]
        return lambda env: make()
    if isinstance(e, OPAQUE_CLASSES):
        name = type(e).__name__
        return _unsettled(f"the abstract function {name}")
    if construct_of(e) is None:  # the table does not support it: no value, whatever SymPy knows
        return _unsettled(f"outside the table: {type(e).__name__}")
    if isinstance(e, sp.Add):
        parts = [compile_expr(a) for a in e.args]
        return lambda env: add(*[f(env) for f in parts])
    if isinstance(e, sp.Mul):
        parts = [compile_expr(a) for a in e.args]
        return lambda env: mul(*[f(env) for f in parts])
    if isinstance(e, sp.Pow):
        base, expo = compile_expr(e.base), compile_expr(e.exp)
        if e.base is sp.E:
            return lambda env: FUNCTIONS[sp.exp](expo(env))
        return lambda env: power(base(env), expo(env) if not e.exp.is_Rational else None, e.exp)
    if isinstance(e, sp.Piecewise):
        pieces = [(compile_expr(p.expr), compile_boolean(p.cond)) for p in e.args]

        def piecewise(env):
            for value, cond in pieces:
                if cond(env):
                    return value(env)
            raise Undefined("no branch of a Piecewise applies")
        return piecewise
    for cls in type(e).__mro__:
        f = FUNCTIONS.get(cls)
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
    exact_fallback = algebraic(r.lhs) and algebraic(r.rhs)

    def relation(env):
        a, b = lhs(env), rhs(env)
        try:
            return op(sign_of(add(a, mul(Fraction(-1), b))))
        except TooClose:
            if exact_fallback and IV.prec >= PRECISIONS[-1] and _exactly_zero(r.lhs - r.rhs, env):
                return op(0)
            raise
    return relation


def algebraic(e: sp.Expr) -> bool:
    """Built from symbols and numbers by +, * and rational powers (its values at algebraic points are algebraic)."""
    if isinstance(e, (sp.Symbol, sp.Rational, sp.Float, sp.CRootOf)):
        return True
    if isinstance(e, (sp.Add, sp.Mul)):
        return all(algebraic(a) for a in e.args)
    if isinstance(e, sp.Pow):
        return e.exp.is_Rational and algebraic(e.base)
    return False


def _exactly_zero(diff: sp.Expr, env: Env) -> bool:
    """Is ``diff`` exactly zero at the (algebraic) point?  (SymPy's minimal polynomial; False if unsure.)"""
    v = read_floats(diff).xreplace({s: sp.sympify(x) for s, x in env.exact.items()})
    if v.free_symbols or not all(algebraic_number(a) for a in sp.preorder_traversal(v) if a.is_Atom):
        return False
    try:
        t = sp.Dummy("t")
        return sp.minimal_polynomial(v, t) == t
    except (NotImplementedError, ValueError, sp.PolynomialError):
        return False


def algebraic_number(a) -> bool:
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
    if isinstance(b, sp.Implies):  # Or(Not(h), c): Kleene's logic, as the table reads connectives
        hypothesis, conclusion = parts
        return lambda env: not _all([hypothesis, _negation(conclusion)], env)
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
    """True iff every part is true; a false part settles it even if another is unsettled or undefined."""
    pending = None
    for p in parts:
        try:
            if not p(env):
                return False
        except (Unsettled, Undefined) as exc:
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

    def at(self, point: Mapping[sp.Symbol, sp.Expr], envs: dict | None = None):
        """True, False, or ``None`` where undefined; raises :class:`Unsettled` or :class:`TableGap`.

        ``envs`` (precision -> :class:`Env` of this point) lets several Booleans share the
        enclosures of one point.
        """
        envs = {} if envs is None else envs
        last = None
        for prec in PRECISIONS:
            IV.prec = prec
            try:
                env = envs.get(prec)
                if env is None:
                    env = envs[prec] = Env(point)
                return self._at(env)
            except TooClose as exc:
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
