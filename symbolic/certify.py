r"""Certification of a point: is a Boolean true there, rigorously?

A counterexample or witness is reported only after :func:`holds` has settled
every assumption and the claim at that point.  Values are enclosed in balls
by interval arithmetic (python-flint's ``arb``, with each construct's
evaluator from :mod:`symbolic.constructs`), at rising precision, until the
sign of every comparison is certain; a ball that still contains zero is
settled exactly where the value is algebraic (SymPy's minimal polynomial) or
where SymPy proves it zero, and otherwise the point is *not* certified.
Every domain condition (a denominator, the argument of a logarithm, the base
of a fractional power) is checked the same way first: a point where the
claim is undefined is never certified.

:func:`respects_symbol_assumptions` checks **every** SymPy assumption of each
symbol on its value (``positive``, ``rational``, ``even``, ``prime``,
``positive=False``...).

>>> import sympy as sp
>>> x = sp.Symbol("x")
>>> holds(sp.exp(x) > x**2, {x: -1}), holds(sp.sqrt(x) > 1, {x: 4})
(False, True)
>>> exact_sign(sp.sqrt(2) - sp.Rational(141, 100))
1
>>> exact_sign((1 + sp.sqrt(2))**2 - 3 - 2*sp.sqrt(2))
0
"""

from __future__ import annotations

import math
from typing import Mapping

import sympy as sp
from flint import arb, ctx, fmpq, fmpz
from sympy.core.relational import Relational

from .constructs import (SETTLED_NUMERICALLY, condition_text, construct_of, domain_conditions,
                         enclosure_function, is_truth_value)
from .kind_rules import is_algebraic_zero

__all__ = ["holds", "exact_sign", "Uncertifiable", "NoEvaluator", "respects_symbol_assumptions", "declared_sign",
           "rational_enclosure", "enclose", "value_enclosure"]

#: working precisions in bits, tried in turn until a sign is certain
PRECISIONS = (128, 512, 2048)


class Uncertifiable(Exception):
    """The truth value at the point cannot be settled rigorously."""


class NoEvaluator(Uncertifiable):
    """No ball can be made for a construct at all (not merely for this point): a Float, an unknown constant or
    function."""


def _arb_of_rational(q: sp.Rational) -> arb:
    return arb(fmpq(fmpz(int(q.p)), fmpz(int(q.q))))


def _to_rational(b: arb) -> sp.Rational:
    m, e = b.man_exp()
    m, e = int(m), int(e)
    return sp.Integer(m) * sp.Integer(2) ** e


def _root_ball(r: sp.CRootOf, prec: int) -> arb:
    if not r.is_real:
        raise Uncertifiable(f"{r} is not real")
    dx = sp.Rational(1, 2 ** (prec + 8))
    mid = r.eval_rational(dx=dx, dy=dx)
    return _arb_of_rational(mid - dx).union(_arb_of_rational(mid + dx))


_CONSTANTS = {
    sp.pi: lambda: arb.pi(), sp.E: lambda: arb(1).exp(), sp.EulerGamma: lambda: arb.const_euler(),
    sp.Catalan: lambda: arb.const_catalan(), sp.GoldenRatio: lambda: (1 + arb(5).sqrt()) / 2,
}


def _certainly(b: arb, op: str) -> bool | None:
    """``True``/``False`` when the comparison of ball ``b`` with zero is certain, else ``None``."""
    if b.is_zero():
        s = 0
    elif b > 0:
        s = 1
    elif b < 0:
        s = -1
    else:
        return None
    return _CMP[op](s)


def enclose(e: sp.Expr, point: Mapping, prec: int) -> arb:
    """A ball containing the value of ``e`` at ``point`` (domain violations raise :class:`Uncertifiable`)."""
    if isinstance(e, sp.Symbol):
        if e not in point:
            raise Uncertifiable(f"the point gives no value to {e}")
        return value_enclosure(sp.sympify(point[e]), prec)
    if isinstance(e, sp.Rational):
        return _arb_of_rational(e)
    if isinstance(e, sp.CRootOf):
        return _root_ball(e, prec)
    if isinstance(e, sp.NumberSymbol):
        make = _CONSTANTS.get(e)
        if make is None:
            raise NoEvaluator(f"the constant {e}")
        return make()
    if isinstance(e, sp.Float):
        raise NoEvaluator("a Float (floats are read as exact decimals first)")
    if e.is_number and e.is_finite is False or e in (sp.zoo, sp.nan):
        raise Uncertifiable(f"undefined at this point ({e})")
    if isinstance(e, sp.Add):
        out = arb(0)
        for a in e.args:
            out += enclose(a, point, prec)
        return out
    if isinstance(e, sp.Mul):
        out = arb(1)
        for a in e.args:
            out *= enclose(a, point, prec)
        return out
    if isinstance(e, sp.Pow):
        return _pow(e, point, prec)
    if isinstance(e, sp.Piecewise):
        return enclose(_branch_at(e, point), point, prec)
    if isinstance(e, sp.re):
        return enclose(e.args[0], point, prec)
    if isinstance(e, sp.im):
        enclose(e.args[0], point, prec)
        return arb(0)
    if isinstance(e, (sp.floor, sp.ceiling, sp.frac, sp.Mod)):
        return _integer_valued(e, point, prec)
    if isinstance(e, sp.sign):  # the exact sign of the argument: a ball around 0 would say "-1, 0 or 1"
        return arb(_sign(point, e.args[0]))
    f = enclosure_function(e) or _special_function(e)
    if f is None:
        row = construct_of(e)
        raise NoEvaluator(f"no rigorous evaluator for {type(e).__name__}" if row is not None
                          else f"{type(e).__name__} is not supported")
    args = [enclose(a, point, prec) for a in e.args]
    out = f(*args)
    if not out.is_finite():
        raise Uncertifiable(f"{sp.sstr(e)} is undefined or not certainly defined at this point")
    return out


#: functions outside the engine's table that python-flint encloses (SymPy's comparisons of constants such as
#: ``li(1.451369235) > 0`` use them, :mod:`symbolic.kind_rules`; a claim with them is not supported)
_SPECIAL_FUNCTIONS = {sp.gamma: arb.gamma, sp.loggamma: arb.lgamma, sp.zeta: arb.zeta, sp.erf: arb.erf,
                      sp.erfc: arb.erfc, sp.li: arb.li, sp.Ei: arb.ei, sp.Si: arb.si, sp.Ci: arb.ci,
                      sp.Shi: arb.shi, sp.Chi: arb.chi, sp.LambertW: arb.lambertw, sp.digamma: arb.digamma,
                      sp.tan: arb.tan, sp.factorial: lambda x: (x + 1).gamma(),
                      sp.besselj: lambda nu, x: x.bessel_j(nu)}


def _special_function(e):
    if isinstance(e, sp.LambertW) and len(e.args) == 2:  # the branches python-flint has (W_0 and W_-1)
        k = e.args[1]
        return (lambda x, _k: x.lambertw(int(k))) if k.is_Integer and int(k) in (0, -1) else None
    f = _SPECIAL_FUNCTIONS.get(type(e))
    arity = 2 if isinstance(e, sp.besselj) else 1
    return f if f is not None and len(e.args) == arity else None


def _int_power(b: arb, n: int) -> arb:
    """``b**n`` by squaring: python-flint's ``**`` gives NaN for a ball around 0 (an exact tie under a square
    then could not be certified)."""
    out, square = arb(1), b
    while n:
        if n & 1:
            out *= square
        n >>= 1
        if n:
            square *= square
    return out


def _pow(e: sp.Pow, point, prec) -> arb:
    base, expo = e.args
    if base is sp.E:
        return enclose(expo, point, prec).exp()
    b = enclose(base, point, prec)
    if expo.is_Integer:
        n = int(expo)
        if n >= 0:
            return _int_power(b, n)
        if _certainly(b, "!=") is not True:
            raise Uncertifiable(f"{sp.sstr(base)} is zero or not certainly non-zero at this point")
        return 1 / _int_power(b, -n)
    if expo.is_Rational:
        p, q = int(expo.p), int(expo.q)
        if b.is_zero():
            if p > 0:
                return arb(0)
            raise Uncertifiable(f"{sp.sstr(e)}: division by zero at this point")
        if not b > 0:
            raise Uncertifiable(f"the base of {sp.sstr(e)} is not certainly positive at this point")
        r = b.root(q)
        return r ** p if p > 0 else 1 / r ** (-p)
    if not b > 0:
        raise Uncertifiable(f"the base of {sp.sstr(e)} is not certainly positive at this point")
    return (enclose(expo, point, prec) * b.log()).exp()


def substitute(e: sp.Basic, point: Mapping) -> sp.Basic:
    """``e`` at ``point``, leaving the polynomials inside algebraic numbers (``CRootOf``) alone."""
    roots = {r: sp.Dummy() for r in e.atoms(sp.CRootOf)}
    try:
        out = e.xreplace(roots).xreplace({s: sp.sympify(v) for s, v in point.items()})
    except ValueError as exc:  # Derivative(f(x), x) at x = 2: SymPy has no value for it
        raise Uncertifiable(f"has no value at the point ({str(exc).strip().splitlines()[-1]})") from None
    return out.xreplace({d: r for r, d in roots.items()})


def _integer_valued(e, point, prec) -> arb:
    """floor, ceiling, frac, Mod: exactly, where the arguments are rational at the point; else from a ball,
    or by the exact sign of the argument minus the one integer its ball holds."""
    if not any(a.has(*SETTLED_NUMERICALLY) for a in e.args):
        args = [substitute(a, point) for a in e.args]
        if all(a.is_Rational for a in args):  # SymPy's floor of a rational is exact; of a radical it is not
            return _arb_of_rational(e.func(*args))
    if isinstance(e, sp.Mod):
        x, y = (enclose(a, point, prec) for a in e.args)
        if _certainly(y, "!=") is not True:
            raise Uncertifiable("Mod by zero or by a number not certainly non-zero")
        q = (x / y).floor()
        if not q.is_exact():
            raise Uncertifiable("Mod: the quotient is too close to an integer to tell")
        return x - y * q
    x = enclose(e.args[0], point, prec)
    n = x.floor() if not isinstance(e, sp.ceiling) else x.ceil()
    if not n.is_exact():
        n = arb(_floor_or_ceiling_exactly(e, point, x))
    return x - n if isinstance(e, sp.frac) else n


def _floor_or_ceiling_exactly(e, point, ball: arb) -> int:
    """The floor (ceiling) of an argument whose ball holds one integer k: from the exact sign of arg - k."""
    lo, hi = math.floor(float(ball.lower())), math.ceil(float(ball.upper()))
    if hi - lo > 2:
        raise Uncertifiable(f"{sp.sstr(e)}: the argument is too close to an integer to tell")
    k = next((j for j in range(lo, hi + 1) if ball.contains(j)), None)
    if k is None or sum(ball.contains(j) for j in range(lo, hi + 1)) != 1:
        raise Uncertifiable(f"{sp.sstr(e)}: the argument is too close to an integer to tell")
    side = _sign(point, e.args[0] - k)  # exact where the argument is algebraic (else Uncertifiable)
    if isinstance(e, sp.ceiling):
        return k if side <= 0 else k + 1
    return k if side >= 0 else k - 1


def value_enclosure(v: sp.Expr, prec: int) -> arb:
    """A ball around the exact number ``v`` (rational, algebraic or a supported constant expression)."""
    if v.free_symbols:
        raise Uncertifiable(f"{sp.sstr(v)} is not a number")
    return enclose(v, {}, prec)


def rational_enclosure(e: sp.Expr, prec: int = 128) -> tuple[sp.Rational, sp.Rational] | None:
    """Rationals ``lo <= e <= hi`` for a real constant expression, or ``None``.

    >>> lo, hi = rational_enclosure(sp.pi)
    >>> lo < sp.Rational(314159265358979, 10**14) < hi or lo < sp.pi < hi
    True
    """
    try:
        with ctx.workprec(prec):
            b = value_enclosure(e, prec)
    except Uncertifiable:
        return None
    if not b.is_finite():
        return None
    lo, hi = b.lower(), b.upper()
    if any(abs(int(x.man_exp()[1])) > 4096 for x in (lo, hi)):
        return None  # beyond any size a bound is useful at (and 2**e would take a long time to write)
    return _to_rational(lo), _to_rational(hi)


_CMP = {
    "==": lambda s: s == 0, "!=": lambda s: s != 0, "<": lambda s: s < 0,
    "<=": lambda s: s <= 0, ">": lambda s: s > 0, ">=": lambda s: s >= 0,
}


def _is_algebraic_expr(v: sp.Expr) -> bool:
    """Built from rationals and real algebraic numbers by +, *, rational powers only."""
    if isinstance(v, (sp.Rational, sp.CRootOf)):
        return True
    if isinstance(v, (sp.Add, sp.Mul)):
        return all(_is_algebraic_expr(a) for a in v.args)
    if isinstance(v, sp.Pow) and v.exp.is_Rational:
        return _is_algebraic_expr(v.base)
    return False


def exact_sign(value) -> int:
    """The sign (-1, 0, 1) of a real constant, decided rigorously (or :class:`Uncertifiable`)."""
    value = sp.sympify(value)
    if value.is_Rational:
        return int(bool(value > 0)) - int(bool(value < 0))
    if value.free_symbols:
        raise Uncertifiable(f"{sp.sstr(value)} is not a number at this point")
    return _sign({}, value)


def _sign(point: Mapping, e: sp.Expr) -> int:
    for prec in PRECISIONS:
        with ctx.workprec(prec):
            b = enclose(e, point, prec)
        if b.is_zero():
            return 0
        if b > 0:
            return 1
        if b < 0:
            return -1
        if not b.is_finite():
            raise Uncertifiable(f"{sp.sstr(e)} is not certainly finite at this point")
    # the ball still contains 0: settle it exactly, or give up
    if e.has(sp.Piecewise):  # the branch taken, chosen exactly (a tax of y/10 at y = 10 is exactly 1)
        e = _branches_taken(e, point)
    if e.has(*SETTLED_NUMERICALLY):  # substituting would let SymPy evaluate them numerically, at a tie
        raise Uncertifiable(f"cannot separate {sp.sstr(e)[:80]} from zero at this point")
    v = substitute(e, point) if point else e
    if v.is_Rational:  # exact (huge numbers cancel beyond any working precision)
        return int(bool(v > 0)) - int(bool(v < 0))
    v = v.subs(_RADICAL_FORMS)
    if _is_algebraic_expr(v):
        if _algebraic_is_zero(v):
            return 0
        raise Uncertifiable(f"{sp.sstr(v)} is non-zero but too close to zero to give its sign")
    if _log_linear_is_zero(v):
        return 0
    raise Uncertifiable(f"cannot separate {sp.sstr(v)} from zero")  # SymPy's is_zero is no proof here


def _branches_taken(e: sp.Expr, point: Mapping) -> sp.Expr:
    """``e`` with every ``Piecewise`` replaced by the branch its conditions select at ``point`` (settled
    rigorously, as :func:`holds` settles them)."""
    if isinstance(e, sp.Piecewise):
        return _branches_taken(_branch_at(e, point), point)
    if not e.args or not e.has(sp.Piecewise):
        return e
    return e.func(*[_branches_taken(a, point) for a in e.args])


def _branch_at(e: sp.Piecewise, point: Mapping) -> sp.Expr:
    """The expression of the first branch whose condition holds at ``point``."""
    for piece in e.args:
        if holds(piece.cond, point, _checked=True):
            return piece.expr
    raise Uncertifiable("no branch of a Piecewise applies at this point")


#: constants of the table that are algebraic numbers, written with radicals (so minimal polynomials apply)
_RADICAL_FORMS = {sp.GoldenRatio: (1 + sp.sqrt(5)) / 2}


def _algebraic_is_zero(v: sp.Expr) -> bool:
    try:
        return is_algebraic_zero(v)
    except (NotImplementedError, sp.PolynomialError, ValueError) as exc:
        raise Uncertifiable(f"cannot decide whether {sp.sstr(v)} is zero: {exc}") from None


def _log_linear_is_zero(v: sp.Expr) -> bool:
    r"""Whether ``v = alpha + sum_i c_i log(a_i)`` (``alpha`` algebraic, ``c_i`` rational, ``a_i`` positive
    algebraic) is zero; ``False`` for any other form (not decided here).

    Exact: if ``alpha != 0``, ``e**alpha = prod a_i**(-c_i)`` would be algebraic, which Lindemann--Weierstrass
    forbids; so ``v = 0`` iff ``alpha = 0`` and ``prod a_i**(N c_i) = 1`` (``N`` the common denominator of the
    ``c_i``; the real logarithm is one-to-one).

    >>> _log_linear_is_zero(sp.log(2) + sp.log(3) - sp.log(6)), _log_linear_is_zero(sp.log(8) - 3*sp.log(2))
    (True, True)
    >>> _log_linear_is_zero(sp.log(2) + sp.log(3) - sp.log(7))
    False
    """
    alpha, logs = [], {}
    v = sp.expand(v)  # exact: splits log(a*b) only for positive a, b
    if v == 0:
        return True
    for term in sp.Add.make_args(v):
        coeff, rest = term.as_coeff_Mul()
        if isinstance(rest, sp.log) and coeff.is_Rational:
            a = rest.args[0]
            if not (_is_algebraic_expr(a) and exact_sign(a) > 0):
                return False
            logs[a] = logs.get(a, 0) + coeff
        elif _is_algebraic_expr(term):
            alpha.append(term)
        else:
            return False
    if not logs or (alpha and not _algebraic_is_zero(sp.Add(*alpha))):
        return False
    n = math.lcm(*[int(c.q) for c in logs.values()])
    product = sp.Mul(*[a ** int(c * n) for a, c in logs.items()])
    return product == 1 or (_is_algebraic_expr(product - 1) and _algebraic_is_zero(product - 1))


def holds(b, point: Mapping, _checked: bool = False) -> bool:
    """The truth value of the Boolean ``b`` at ``point``, settled rigorously.

    Raises :class:`Uncertifiable` where it cannot be settled: a symbol without
    a value, a construct without a rigorous evaluator, a value undefined at
    the point (a zero denominator, the log of a non-positive number), or a
    comparison too close to call.
    """
    if not _checked and isinstance(b, sp.Basic) and b.has(sp.Sum, sp.Product):
        from .sizes import written_out  # sizes certifies with this module: imported here, not at the top

        b = written_out(b)[0]  # a finite sum has the value of its terms (the engine decides it so)
    if not _checked and not isinstance(b, bool):
        for cond in domain_conditions(b):
            if not holds(cond, point, _checked=True):
                raise Uncertifiable(f"undefined at this point: {condition_text(cond)} fails")
    if b is sp.true or b is True:
        return True
    if b is sp.false or b is False:
        return False
    if isinstance(b, Relational):
        lhs, rhs = b.lhs, b.rhs
        if is_truth_value(lhs) and is_truth_value(rhs):
            same = holds(lhs, point, True) == holds(rhs, point, True)
            if b.rel_op == "==":
                return same
            if b.rel_op == "!=":
                return not same
            raise Uncertifiable(f"{sp.sstr(b)} compares truth values")
        return _CMP[b.rel_op](_sign(point, lhs - rhs))
    if isinstance(b, sp.And):
        return not _some_part_settles(((a, False) for a in b.args), point)
    if isinstance(b, sp.Or):
        return _some_part_settles(((a, True) for a in b.args), point)
    if isinstance(b, sp.Not):
        return not holds(b.args[0], point, True)
    if isinstance(b, sp.Implies):
        return _some_part_settles(((b.args[0], False), (b.args[1], True)), point)
    if isinstance(b, sp.Equivalent):
        return len({holds(a, point, True) for a in b.args}) <= 1
    if isinstance(b, sp.Xor):
        return sum(holds(a, point, True) for a in b.args) % 2 == 1
    if isinstance(b, sp.ITE):
        c, x, y = b.args
        return holds(x, point, True) if holds(c, point, True) else holds(y, point, True)
    if isinstance(b, sp.Nand):
        return _some_part_settles(((a, False) for a in b.args), point)
    if isinstance(b, sp.Nor):
        return not _some_part_settles(((a, True) for a in b.args), point)
    raise Uncertifiable(f"cannot evaluate {sp.sstr(b)}")


def _some_part_settles(parts, point: Mapping) -> bool:
    """Whether some ``(part, value)`` has its value at ``point`` (an ``Or`` is true where one part is);
    ``False`` where every part was settled otherwise.  A part that cannot be settled (undefined there, as
    Kleene's logic allows when another part settles the whole, or too close to call) is passed over."""
    unsettled = None
    for part, value in parts:
        try:
            if holds(part, point, True) is value:
                return True
        except Uncertifiable as exc:
            unsettled = exc
    if unsettled is not None:
        raise unsettled
    return False


_SIGN_KEYS = {
    "positive": lambda s: s > 0, "negative": lambda s: s < 0, "nonnegative": lambda s: s >= 0,
    "nonpositive": lambda s: s <= 0, "zero": lambda s: s == 0, "nonzero": lambda s: s != 0,
    "extended_positive": lambda s: s > 0, "extended_negative": lambda s: s < 0,
    "extended_nonnegative": lambda s: s >= 0, "extended_nonpositive": lambda s: s <= 0,
    "extended_nonzero": lambda s: s != 0,
}


def declared_sign(s: sp.Symbol, value=None) -> tuple:
    """``s``'s declared sign as a relation kept unevaluated, about ``value`` (``s`` itself by default): the sign
    a witness of an eliminated variable, or ``M q + r`` in a residue class of ``s``, must keep.

    >>> t = sp.Symbol("t", positive=True)
    >>> declared_sign(t), declared_sign(t, 2 * t - 1), declared_sign(sp.Symbol("u"))
    ((t > 0,), (2*t - 1 > 0,), ())
    """
    value = s if value is None else value
    for holds, rel in ((s.is_positive, sp.Gt), (s.is_negative, sp.Lt), (s.is_nonnegative, sp.Ge),
                       (s.is_nonpositive, sp.Le), (s.is_nonzero, sp.Ne)):
        if holds:
            return (rel(value, 0, evaluate=False),)
    return ()


def respects_symbol_assumptions(point: Mapping) -> bool:
    """Whether each value satisfies **every** SymPy assumption of its symbol.

    Sign assumptions are decided rigorously; the others (``integer``,
    ``rational``, ``even``, ``prime``...) by SymPy's own predicate on the exact
    value -- an undecided predicate does not certify.

    >>> import sympy as sp
    >>> respects_symbol_assumptions({sp.Symbol("m", even=True): 1})
    False
    >>> respects_symbol_assumptions({sp.Symbol("s", positive=False): -2})
    True
    """
    for s, v in point.items():
        v = sp.sympify(v)
        sign = None
        for key, want in s.assumptions0.items():
            if key in _SIGN_KEYS:
                if sign is None:
                    sign = exact_sign(v)
                if _SIGN_KEYS[key](sign) != want:
                    return False
                continue
            got = getattr(v, f"is_{key}", None)
            if got is None or bool(got) != bool(want):
                return False
    return True
