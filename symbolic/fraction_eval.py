r"""Exact evaluation at rational points with :class:`fractions.Fraction`.

An evaluator that shares no code with the engine, :mod:`symbolic.translate` or
:mod:`symbolic.certify`: the SymPy tree (``Add``, ``Mul``, integer ``Pow``,
rationals, symbols, ``Abs``, ``Min``/``Max``, ``Piecewise``; relations and
``And``/``Or``/``Not``/``Implies``/``Equivalent``/``Xor``/``ITE``) is compiled
once into Python closures that compute with :class:`~fractions.Fraction` only.
The second opinion (:mod:`symbolic.second_opinion`) uses it to re-evaluate
rational points (the soundness fuzzer in ``tests/fuzz/`` has an oracle of its
own).

A relation is *undefined* at a point where one of its denominators vanishes;
the connectives read undefined parts as the engine does (Kleene's strong
logic): an ``Or`` is true where one part is true, whatever the others, an
``And`` false where one part is false, ``Implies(h, c)`` is ``Or(Not(h), c)``;
a ``Piecewise`` (an ``ITE``) is undefined where a condition it reads is, or no
branch is taken.

>>> from fractions import Fraction
>>> from sympy import symbols, Implies
>>> x, y = symbols("x y", real=True)
>>> truth = compile_boolean(Implies(x > 0, x / y >= 1))
>>> truth({x: Fraction(1), y: Fraction(1, 2)})
True
>>> truth({x: Fraction(1), y: Fraction(0)})
Traceback (most recent call last):
...
symbolic.fraction_eval.Undefined: division by zero
>>> truth({x: Fraction(-1), y: Fraction(0)})  # the hypothesis fails: true, whatever x/y
True
"""

from __future__ import annotations

from fractions import Fraction
from typing import Callable, Mapping

import sympy as sp
from sympy.core.relational import Relational
from sympy.logic.boolalg import BooleanAtom, BooleanFunction

__all__ = ["Undefined", "Unsupported", "compile_expr", "compile_boolean", "truth_at", "as_fraction", "sympy_truth",
           "truth_valued"]


class Undefined(ArithmeticError):
    """The expression has no value at this point (a denominator vanishes)."""


class Unsupported(TypeError):
    """The expression uses a construct this evaluator does not handle (``exp``, ``sqrt`` ...)."""


Point = Mapping[sp.Symbol, Fraction]


def as_fraction(value) -> Fraction:
    """A SymPy or Python rational as an exact :class:`Fraction` (floats refused).

    >>> as_fraction(sp.Rational(-3, 4))
    Fraction(-3, 4)
    """
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Fraction(value)
    try:
        v = sp.sympify(value, strict=True)  # never text: sympify would run it as Python code
    except sp.SympifyError:
        raise Unsupported(f"{value!r} is not a rational number") from None
    if v.is_Rational:
        return Fraction(int(v.p), int(v.q))
    raise Unsupported(f"{value!r} is not a rational number")


def compile_expr(e: sp.Expr) -> Callable[[Point], Fraction]:
    """A closure that evaluates ``e`` exactly at a point of Fractions.

    >>> x = sp.Symbol("x")
    >>> compile_expr((x + sp.Rational(1, 3))**2 / x)({x: Fraction(2, 3)})
    Fraction(3, 2)
    """
    if isinstance(e, sp.Symbol):
        return lambda p: p[e]
    if e.is_Rational:
        c = Fraction(int(e.p), int(e.q))
        return lambda p: c
    if isinstance(e, sp.Add):
        parts = [compile_expr(a) for a in e.args]
        return lambda p: sum((f(p) for f in parts), Fraction(0))
    if isinstance(e, sp.Mul):
        parts = [compile_expr(a) for a in e.args]

        def product(p):
            out = Fraction(1)
            for f in parts:  # evaluate every factor: a zero factor must not hide a 1/0
                out *= f(p)
            return out
        return product
    if isinstance(e, sp.Pow) and e.exp.is_Integer:
        base, n = compile_expr(e.base), int(e.exp)

        def power(p):
            b = base(p)
            if n < 0 and b == 0:
                raise Undefined("division by zero")
            return b**n
        return power
    if isinstance(e, sp.Abs):
        inner = compile_expr(e.args[0])
        return lambda p: abs(inner(p))
    if isinstance(e, (sp.Min, sp.Max)):
        parts = [compile_expr(a) for a in e.args]
        pick = min if isinstance(e, sp.Min) else max
        return lambda p: pick([f(p) for f in parts])
    if isinstance(e, sp.Piecewise):
        branches = [(compile_boolean(piece.cond), compile_expr(piece.expr)) for piece in e.args]

        def piecewise(p):
            for taken, value in branches:  # in order: the first branch whose condition holds
                if taken(p):
                    return value(p)
            raise Undefined("no branch of the Piecewise is taken")
        return piecewise
    raise Unsupported(f"cannot evaluate {sp.sstr(e)} with Fractions")


_OPS = {"==": lambda d: d == 0, "!=": lambda d: d != 0, "<": lambda d: d < 0,
        "<=": lambda d: d <= 0, ">": lambda d: d > 0, ">=": lambda d: d >= 0}


def compile_boolean(b) -> Callable[[Point], bool]:
    """A closure giving the exact truth value of ``b``; raises :class:`Undefined` where undefined."""
    if b is sp.true or b is True:
        return lambda p: True
    if b is sp.false or b is False:
        return lambda p: False
    if isinstance(b, Relational):
        if b.rel_op not in _OPS:
            raise Unsupported(f"the relation {b.rel_op}")
        lhs, rhs, op = compile_expr(b.lhs), compile_expr(b.rhs), _OPS[b.rel_op]
        return lambda p: op(lhs(p) - rhs(p))
    parts = [compile_boolean(a) for a in getattr(b, "args", ())]
    if isinstance(b, sp.And):
        return lambda p: not _one_settles([(f, False) for f in parts], p)
    if isinstance(b, sp.Or):
        return lambda p: _one_settles([(f, True) for f in parts], p)
    if isinstance(b, sp.Implies):
        return lambda p: _one_settles([(parts[0], False), (parts[1], True)], p)
    if isinstance(b, sp.Nand):
        return lambda p: _one_settles([(f, False) for f in parts], p)
    if isinstance(b, sp.Nor):
        return lambda p: not _one_settles([(f, True) for f in parts], p)
    if isinstance(b, sp.Not):
        return lambda p: not parts[0](p)
    if isinstance(b, sp.ITE):
        return lambda p: parts[1](p) if parts[0](p) else parts[2](p)
    if isinstance(b, sp.Equivalent):
        return lambda p: len({f(p) for f in parts}) == 1
    if isinstance(b, sp.Xor):
        return lambda p: sum(f(p) for f in parts) % 2 == 1
    raise Unsupported(f"cannot evaluate {sp.sstr(b)} with Fractions")


def _one_settles(parts, p) -> bool:
    """Whether one ``(part, value)`` takes its value at ``p``; False where every part is defined and none
    does; :class:`Undefined` where an undefined part could still have settled it."""
    undefined = None
    for part, value in parts:
        try:
            if part(p) is value:
                return True
        except Undefined as exc:
            undefined = exc
    if undefined is not None:
        raise undefined
    return False


def truth_at(b, point: Mapping[sp.Symbol, object]) -> bool:
    """The exact truth value of ``b`` at a rational point (SymPy or Fraction values).

    >>> x, y = sp.symbols("x y")
    >>> truth_at((x - y)**2 > 0, {x: sp.Rational(1, 2), y: sp.Rational(1, 2)})
    False
    """
    return compile_boolean(b)({s: as_fraction(v) for s, v in point.items()})


def truth_valued(e) -> bool:
    """``e`` is a truth value (a relation, a connective, true/false), not a number (a Symbol is a Boolean to SymPy)."""
    return isinstance(e, (Relational, BooleanFunction, BooleanAtom))


def sympy_truth(b, point: Mapping[sp.Symbol, sp.Expr]):
    """SymPy's own truth value of ``b`` after substitution: True, False, "undefined" or None (unsettled).

    The fallback for points that are not rational (``sqrt(2)``) or claims with
    ``exp``/``log``: each relation is substituted and the sign of its two sides'
    difference settled rigorously (interval arithmetic, then minimal polynomials;
    SymPy's own numeric comparison signs a radical zero).  A relation with
    ``floor``, ``sign``, a ``Piecewise``... is left unsettled: substituting lets
    SymPy evaluate them numerically.

    >>> x = sp.Symbol("x")
    >>> sympy_truth(sp.Eq(x**2, 2), {x: sp.sqrt(2)}), sympy_truth(x > 0, {x: -sp.sqrt(2)})
    (True, False)
    >>> sympy_truth(1 / x > 0, {x: 0})
    'undefined'
    """
    if b is sp.true or b is True:
        return True
    if b is sp.false or b is False:
        return False
    if isinstance(b, Relational) and truth_valued(b.lhs) and truth_valued(b.rhs):
        # Eq(x > 1, x > 2): two truth values compared, not a difference of numbers
        sides = [sympy_truth(side, point) for side in (b.lhs, b.rhs)]
        if b.rel_op not in ("==", "!=") or any(not isinstance(v, bool) for v in sides):
            return "undefined" if "undefined" in sides else None
        return (sides[0] == sides[1]) is (b.rel_op == "==")
    if isinstance(b, Relational):
        from .certify import Uncertifiable, exact_sign
        from .constructs import SETTLED_NUMERICALLY

        if b.has(*SETTLED_NUMERICALLY):
            return None
        try:
            lhs, rhs = b.lhs.xreplace(dict(point)), b.rhs.xreplace(dict(point))
            if any(v.has(sp.zoo, sp.nan, sp.oo, -sp.oo) for v in (lhs, rhs)):
                return "undefined"
            if lhs.is_real is False or rhs.is_real is False:
                return None  # SymPy's "non-real" can rest on a numeric sign: not settled here
            sign = exact_sign(lhs - rhs)
        except ValueError:  # a number put where SymPy needs a variable: Derivative(f(x), x) at x = 2
            return None
        except Uncertifiable:
            return None
        except TypeError:  # SymPy refuses to compare a non-real (undefined) value
            return "undefined"
        return {"==": sign == 0, "!=": sign != 0, "<": sign < 0, "<=": sign <= 0, ">": sign > 0,
                ">=": sign >= 0}[b.rel_op]
    if isinstance(b, sp.ITE):
        chosen = sympy_truth(b.args[0], point)
        return sympy_truth(b.args[1] if chosen else b.args[2], point) if isinstance(chosen, bool) else chosen
    values = [sympy_truth(a, point) for a in getattr(b, "args", ())]
    # Kleene's reading, as the engine's: a part that settles an Or (And) settles it, whatever the others
    settles = {sp.Or: True, sp.Nor: True, sp.And: False, sp.Nand: False}.get(type(b))
    if settles is not None and settles in values:
        return settles if isinstance(b, (sp.Or, sp.And)) else not settles
    if isinstance(b, sp.Implies) and (values[0] is False or values[1] is True):
        return True
    if "undefined" in values:
        return "undefined"
    if None in values:
        return None
    if isinstance(b, (sp.And, sp.Nand)):
        return all(values) is isinstance(b, sp.And)
    if isinstance(b, (sp.Or, sp.Nor)):
        return any(values) is isinstance(b, sp.Or)
    if isinstance(b, sp.Not):
        return not values[0]
    if isinstance(b, sp.Implies):
        return (not values[0]) or values[1]
    if isinstance(b, sp.Equivalent):
        return len(set(values)) == 1
    if isinstance(b, sp.Xor):
        return sum(values) % 2 == 1
    return None
