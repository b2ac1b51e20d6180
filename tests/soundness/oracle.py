r"""An evaluator of SymPy Booleans at a point, written independently of the engine.

The soundness corpus never asks :mod:`symbolic` (and never :mod:`symbolic.certify`)
whether a counterexample or a witness is right: this module evaluates the claim,
each assumption and each symbol's SymPy assumptions at the point itself.

Semantics (the ones the corpus's ground truths use):

* symbols range over the **reals**; a SymPy ``Float`` denotes the decimal it
  prints as (``Float(0.1)`` is ``1/10``), the reading the engine documents;
* a term is **undefined** where it is not a real number: a zero denominator,
  the log of a non-positive number, a fractional power of a negative number
  (SymPy's principal root is complex), ``acos`` outside ``[-1, 1]``, ``tan`` at
  ``pi/2``, ``Mod(x, 0)``, a pole of ``gamma``, ``LambertW`` below ``-1/e``, a
  ``Piecewise`` none of whose conditions holds...;
* a relation is undefined where one of its terms is; the connectives follow
  Kleene's strong logic, the reading the engine documents: an ``Or`` is true
  where one part is true, whatever the others (``x < 0 | log(x) > 1`` is true at
  ``x = -1``), an ``And`` false where one part is false, ``Implies(h, c)`` is
  ``Or(Not(h), c)``, an ``ITE`` reads its condition and the branch taken;
  otherwise a Boolean with an undefined part is undefined, which is the reading
  under which the engine promises ``unknown`` for claims "undefined somewhere
  the assumptions hold".

Rational arithmetic is exact (:class:`fractions.Fraction`); anything else is
evaluated with mpmath at 320 bits, and an approximate sign is accepted only when
the same term evaluated at 640 bits agrees with it to 80 bits (which rejects
cancellation and residues such as ``sin(pi)`` computed as ``1e-97``); an exact
zero is recognised through SymPy's own evaluation of the substituted term, a
minimal polynomial, or ``simplify``.
What cannot be settled raises :class:`Unsure`, never a guess.

>>> import sympy as sp
>>> x = sp.Symbol("x", real=True)
>>> try:
...     truth(sp.acos(x) >= 0, {x: sp.Integer(2)})
... except Undefined as exc:
...     print("undefined:", exc)
undefined: acos(x) is not real
>>> truth(sp.sqrt(x) > sp.cbrt(x), {x: sp.Integer(64)})
True
>>> truth(sp.Gt(sp.Float(0.1), sp.Rational(1, 10), evaluate=False), {})
False
"""

from __future__ import annotations

from fractions import Fraction
from typing import Mapping

import mpmath
import sympy as sp
from sympy.core.facts import InconsistentAssumptions
from sympy.core.relational import Relational

__all__ = ["Undefined", "Unsure", "truth", "value", "symbol_violations", "exact_fraction_of_float"]

PRECISIONS = (320, 640)  # bits


class Undefined(Exception):
    """The expression is not a real number at the point (or a Boolean has such a term)."""


class Unsure(Exception):
    """The value or truth cannot be settled at the working precision."""


def exact_fraction_of_float(f: sp.Float) -> Fraction:
    """A SymPy Float as the engine documents reading it: the decimal it prints as (0.1 is 1/10)."""
    sign, man, exp, _bc = f._mpf_
    if man == 0 and exp != 0:  # mpmath encodes inf / nan with a zero mantissa and a special exponent
        raise Undefined(f"the Float {f} is not a finite real number")
    return Fraction(str(f))


def _to_mpf(v):
    if isinstance(v, Fraction):
        return mpmath.mpf(v.numerator) / v.denominator
    return v


class _Evaluator:
    def __init__(self, point: Mapping[sp.Symbol, sp.Expr], prec: int, check_prec: int | None = None):
        self.point = {s: sp.sympify(v) for s, v in point.items()}
        self.prec = prec
        self.tiny = mpmath.mpf(2) ** (-(prec // 2))
        self._cache: dict = {}
        self._check_prec = check_prec if check_prec is not None else 2 * prec
        self._hi: _Evaluator | None = None

    def _higher(self) -> "_Evaluator":
        """The same point at twice the precision: an approximate sign counts only if both agree closely."""
        if self._hi is None:
            self._hi = _Evaluator(self.point, self._check_prec, check_prec=self._check_prec)
        return self._hi

    # -- signs -------------------------------------------------------------------------------
    def sign(self, e: sp.Expr, v=None) -> int:
        """Sign of the real value of ``e`` at the point (exact or well separated from zero)."""
        if v is None:
            v = self.val(e)
        if isinstance(v, Fraction):
            return (v > 0) - (v < 0)
        if self._check_prec > self.prec and v != 0:
            try:
                vh = self._higher().val(e)
            except (Undefined, Unsure):
                vh = None
            if vh is not None:
                vh = _to_mpf(vh)
                # both precisions agree to a quarter of the digits: cancellation or a spurious residue
                # (sin(pi) computed as 1e-97) would make them disagree
                with mpmath.workprec(self._check_prec):
                    if (vh > 0) == (v > 0) and vh != 0 and abs(v - vh) <= abs(vh) * mpmath.mpf(2) ** (-(self.prec // 4)):
                        return 1 if v > 0 else -1
        elif abs(v) > self.tiny:  # the confirming evaluator itself: a value far above its last bits
            return 1 if v > 0 else -1
        return self._exact_sign_fallback(e)

    def _substituted(self, e: sp.Expr) -> sp.Expr:
        try:
            return sp.sympify(e.xreplace(self.point))
        except (ValueError, TypeError) as exc:  # e.g. a derivative with respect to a symbol now a number
            raise Unsure(f"cannot substitute the point: {exc}".splitlines()[0]) from None

    def _exact_sign_fallback(self, e: sp.Expr) -> int:
        sub = self._substituted(e)
        try:
            if sub == 0 or sub.is_zero:
                return 0
        except InconsistentAssumptions:  # SymPy's own fact base contradicted itself (seen on gamma sums)
            raise Unsure(f"SymPy's assumptions failed on {sp.sstr(sub)}") from None
        if sub.is_number and sub.is_algebraic and not sub.has(sp.Float):
            try:
                t = sp.Dummy("t")
                mp_ = sp.minimal_polynomial(sub, t)
            except (NotImplementedError, sp.PolynomialError, ValueError):
                raise Unsure(f"cannot separate {sp.sstr(sub)} from zero") from None
            if mp_ == t:
                return 0
        if sub.is_number and not sub.has(sp.Float):
            try:
                if sp.simplify(sub) == 0:  # e.g. sin(3)**2 + cos(3)**2 - 1
                    return 0
            except Exception:  # noqa: BLE001 - SymPy's simplify may fail in many ways; then we are unsure
                pass
        raise Unsure(f"cannot separate {sp.sstr(sub)} from zero at {self.prec} bits")

    # -- values ------------------------------------------------------------------------------
    def val(self, e):
        key = e
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        with mpmath.workprec(self.prec):
            out = self._val(e)
        self._cache[key] = out
        return out

    def _val(self, e):
        if isinstance(e, sp.Symbol):
            if e not in self.point:
                raise Unsure(f"no value for the symbol {e.name!r}")
            v = self.point[e]
            if v.free_symbols:
                raise Unsure(f"the value of {e.name!r} is not a number: {v}")
            return self.val(v)
        if e.is_Integer:
            return Fraction(int(e))
        if e.is_Rational:
            return Fraction(int(e.p), int(e.q))
        if isinstance(e, sp.Float):
            return exact_fraction_of_float(e)
        if e in (sp.oo, -sp.oo, sp.zoo, sp.nan):
            raise Undefined(f"{e} is not a real number")
        if e is sp.I or isinstance(e, sp.core.numbers.ImaginaryUnit):
            raise Undefined("I is not real")
        if e is sp.pi:
            return +mpmath.mp.pi
        if e is sp.E:
            return +mpmath.mp.e
        if e is sp.EulerGamma:
            return +mpmath.mp.euler
        if e is sp.GoldenRatio:
            return +mpmath.mp.phi
        if e is sp.Catalan:
            return +mpmath.mp.catalan
        if isinstance(e, sp.CRootOf):
            if not e.is_real:
                raise Undefined(f"{e} is not real")
            digits = int(self.prec * 0.302) + 20
            return mpmath.mpf(str(sp.N(e, digits)))
        if isinstance(e, sp.Add):
            vals = [self.val(a) for a in e.args]
            if all(isinstance(v, Fraction) for v in vals):
                return sum(vals, Fraction(0))
            return mpmath.fsum([_to_mpf(v) for v in vals])
        if isinstance(e, sp.Mul):
            vals = [self.val(a) for a in e.args]
            if all(isinstance(v, Fraction) for v in vals):
                out = Fraction(1)
                for v in vals:
                    out *= v
                return out
            return mpmath.fprod([_to_mpf(v) for v in vals])
        if isinstance(e, sp.Pow):
            return self._pow(e)
        if isinstance(e, sp.exp):
            return mpmath.exp(_to_mpf(self.val(e.args[0])))
        if isinstance(e, sp.Piecewise):
            for piece in e.args:
                if self.truth(piece.cond):
                    return self.val(piece.expr)
            raise Undefined(f"no branch of {sp.sstr(e)} applies")
        fn = _FUNCTIONS.get(type(e).__name__)
        if fn is not None and not isinstance(e, sp.core.function.AppliedUndef):
            return fn(self, e)
        if isinstance(e, (sp.Derivative, sp.Integral)) and not e.atoms(sp.core.function.AppliedUndef):
            done = e.doit()
            if not isinstance(done, (sp.Derivative, sp.Integral)):
                return self.val(done)
        if isinstance(e, (sp.core.function.AppliedUndef, sp.Derivative, sp.Subs, sp.Integral)):
            raise Unsure(f"cannot evaluate {sp.sstr(e)} (an unknown function)")
        raise Unsure(f"the oracle does not know {type(e).__name__}")

    def _pow(self, e: sp.Pow):
        base, ex = e.args
        if base is sp.E:
            return mpmath.exp(_to_mpf(self.val(ex)))
        b = self.val(base)
        if ex.is_Integer:
            n = int(ex)
            if isinstance(b, Fraction):
                if b == 0 and n < 0:
                    raise Undefined(f"{sp.sstr(e)}: division by zero")
                return b ** n
            if n < 0 and self.sign(base, b) == 0:
                raise Undefined(f"{sp.sstr(e)}: division by zero")
            return b ** n
        if ex.is_Rational:
            p, q = int(ex.p), int(ex.q)
            sb = self.sign(base, b)
            if sb < 0:
                raise Undefined(f"{sp.sstr(e)}: a fractional power of a negative number is not real")
            if sb == 0:
                if p < 0:
                    raise Undefined(f"{sp.sstr(e)}: division by zero")
                return Fraction(0)
            if isinstance(b, Fraction):
                rn = _exact_root(b.numerator, q)
                rd = _exact_root(b.denominator, q)
                if rn is not None and rd is not None:
                    return Fraction(rn, rd) ** p
            return mpmath.root(_to_mpf(b), q) ** p
        ev = self.val(ex)
        sb = self.sign(base, b)
        if sb > 0:
            return mpmath.power(_to_mpf(b), _to_mpf(ev))
        if sb == 0:
            if self.sign(ex, ev) > 0:
                return Fraction(0)
            raise Undefined(f"{sp.sstr(e)}: zero to a non-positive power")
        if isinstance(ev, Fraction) and ev.denominator == 1:
            return _to_mpf(b) ** int(ev)
        raise Undefined(f"{sp.sstr(e)}: a negative number to a non-integer power is not real")

    # -- Booleans -----------------------------------------------------------------------------
    def truth(self, b) -> bool:
        if b is sp.true or b is True:
            return True
        if b is sp.false or b is False:
            return False
        if isinstance(b, Relational):
            lhs, rhs = b.args
            if _is_truth_value(lhs) or _is_truth_value(rhs):
                if b.rel_op not in ("==", "!="):
                    raise Unsure(f"an order relation between truth values: {sp.sstr(b)}")
                same = self.truth(lhs) == self.truth(rhs)
                return same if b.rel_op == "==" else not same
            lv, rv = self.val(lhs), self.val(rhs)
            d = sp.Add(lhs, -rhs, evaluate=False)
            if isinstance(lv, Fraction) and isinstance(rv, Fraction):
                s = (lv > rv) - (lv < rv)
            else:
                with mpmath.workprec(self.prec):
                    dv = _to_mpf(lv) - _to_mpf(rv)
                s = self.sign(d, dv)
            return {"==": s == 0, "!=": s != 0, "<": s < 0, "<=": s <= 0, ">": s > 0, ">=": s >= 0}[b.rel_op]
        if isinstance(b, (sp.And, sp.Nand)):
            every = not self._some((a, False) for a in b.args)
            return every if isinstance(b, sp.And) else not every
        if isinstance(b, (sp.Or, sp.Nor)):
            one = self._some((a, True) for a in b.args)
            return one if isinstance(b, sp.Or) else not one
        if isinstance(b, sp.Implies):
            return self._some(((b.args[0], False), (b.args[1], True)))
        if isinstance(b, sp.ITE):
            c, t, f = b.args
            return self.truth(t) if self.truth(c) else self.truth(f)
        args = [self.truth(a) for a in b.args]
        if isinstance(b, sp.Not):
            return not args[0]
        if isinstance(b, sp.Equivalent):
            return len(set(args)) == 1
        if isinstance(b, sp.Xor):
            return sum(args) % 2 == 1
        raise Unsure(f"the oracle does not know the Boolean {type(b).__name__}")

    def _some(self, parts) -> bool:
        """Whether one ``(Boolean, value)`` takes its value (Kleene: the others may be undefined); False where
        every part is settled otherwise.  Unsure if an unsettled part could decide, else Undefined."""
        pending = []
        for part, value in parts:
            try:
                if self.truth(part) is value:
                    return True
            except (Undefined, Unsure) as exc:
                pending.append(exc)
        unsure = [e for e in pending if isinstance(e, Unsure)]
        if unsure or pending:
            raise (unsure or pending)[0]
        return False


def _is_truth_value(e) -> bool:
    # a Symbol is a Boolean too in SymPy; only non-Expr Booleans (relations, And, true...) are truth values
    return isinstance(e, sp.logic.boolalg.Boolean) and not isinstance(e, sp.Expr)


def _exact_root(n: int, q: int):
    if n < 0:
        return None
    r = round(n ** (1.0 / q)) if n < 2**1000 else int(mpmath.root(n, q))
    for c in (r - 1, r, r + 1):
        if c >= 0 and c**q == n:
            return c
    return None


# -- the functions the oracle knows ------------------------------------------------------------

def _arg(ev: _Evaluator, e, i=0):
    a = e.args[i]
    return a, ev.val(a)


def _nonzero_or_undefined(ev, what, sub_expr_builder, v):
    """``v`` is the value of ``sub_expr_builder()``; raise Undefined if it is exactly zero."""
    if isinstance(v, Fraction):
        if v == 0:
            raise Undefined(what)
        return
    if abs(v) > ev.tiny:
        return
    if ev._exact_sign_fallback(sub_expr_builder()) == 0:
        raise Undefined(what)


def _trig(name):
    def f(ev, e):
        a, v = _arg(ev, e)
        x = _to_mpf(v)
        if name in ("tan", "sec"):
            c = mpmath.cos(x)
            _nonzero_or_undefined(ev, f"{sp.sstr(e)}: cos of the argument is 0", lambda: sp.cos(a), c)
        if name in ("cot", "csc"):
            s = mpmath.sin(x) if not (isinstance(v, Fraction) and v == 0) else Fraction(0)
            _nonzero_or_undefined(ev, f"{sp.sstr(e)}: sin of the argument is 0", lambda: sp.sin(a), s)
        if isinstance(v, Fraction) and v == 0 and name in ("sin", "tan"):
            return Fraction(0)
        if isinstance(v, Fraction) and v == 0 and name in ("cos", "sec"):
            return Fraction(1)
        return getattr(mpmath, name)(x)
    return f


def _bounded(name, lo=None, hi=None, lo_open=False, hi_open=False, nonzero=False):
    """A function real only for lo <= arg <= hi (bounds exact rationals)."""
    def f(ev, e):
        a, v = _arg(ev, e)
        if lo is not None:
            s = ev.sign(sp.Add(a, -lo, evaluate=False), _sub(v, lo))
            if s < 0 or (s == 0 and lo_open):
                raise Undefined(f"{sp.sstr(e)} is not real")
        if hi is not None:
            s = ev.sign(sp.Add(a, -hi, evaluate=False), _sub(v, hi))
            if s > 0 or (s == 0 and hi_open):
                raise Undefined(f"{sp.sstr(e)} is not real")
        if nonzero and ev.sign(a, v) == 0:
            raise Undefined(f"{sp.sstr(e)} is not defined at 0")
        return getattr(mpmath, name)(_to_mpf(v))
    return f


def _sub(v, c):
    if isinstance(v, Fraction):
        return v - Fraction(c)
    return v - _to_mpf(Fraction(c))


def _outside_unit(name, allow_one=True):
    """A function real only for |arg| >= 1 (asec, acsc) or |arg| > 1 (acoth)."""
    def f(ev, e):
        a, v = _arg(ev, e)
        s = ev.sign(sp.Add(sp.Abs(a), -1, evaluate=False), _sub(abs(v), 1))
        if s < 0 or (s == 0 and not allow_one):
            raise Undefined(f"{sp.sstr(e)} is not real")
        return getattr(mpmath, name)(_to_mpf(v))
    return f


def _abs(ev, e):
    v = ev.val(e.args[0])
    return abs(v)


def _sign_fn(ev, e):
    return Fraction(ev.sign(e.args[0]))


def _minmax(pick):
    def f(ev, e):
        vals = [(ev.val(a), a) for a in e.args]
        best_v, best_a = vals[0]
        for v, a in vals[1:]:
            s = ev.sign(sp.Add(a, -best_a, evaluate=False), _to_mpf(v) - _to_mpf(best_v)
                        if not (isinstance(v, Fraction) and isinstance(best_v, Fraction)) else v - best_v)
            if (s > 0) == (pick == "max") and s != 0:
                best_v, best_a = v, a
        return best_v
    return f


def _heaviside(ev, e):
    a = e.args[0]
    s = ev.sign(a)
    if s > 0:
        return Fraction(1)
    if s < 0:
        return Fraction(0)
    if len(e.args) > 1:
        return ev.val(e.args[1])
    raise Undefined("Heaviside(0) without a value at 0")


def _floorlike(kind):
    def f(ev, e):
        a, v = _arg(ev, e)
        if isinstance(v, Fraction):
            fl = v.numerator // v.denominator
        else:
            fl = int(mpmath.floor(v))
            dist = min(v - fl, fl + 1 - v)
            if dist < ev.tiny:
                sub = ev._substituted(a)
                exact = sp.floor(sub)
                if not exact.is_Integer:
                    raise Unsure(f"cannot decide floor({sp.sstr(sub)})")
                fl = int(exact)
                v = Fraction(fl) if sub.is_Integer else v
        if kind == "floor":
            return Fraction(fl)
        is_int = isinstance(v, Fraction) and v.denominator == 1
        if kind == "ceiling":
            return Fraction(fl if is_int else fl + 1)
        # frac
        return v - fl if isinstance(v, Fraction) else _to_mpf(v) - fl
    return f


def _mod(ev, e):
    a, b = e.args
    va, vb = ev.val(a), ev.val(b)
    if ev.sign(b, vb) == 0:
        raise Undefined(f"{sp.sstr(e)}: modulo by zero")
    if isinstance(va, Fraction) and isinstance(vb, Fraction):
        return va - vb * ((va / vb).numerator // (va / vb).denominator)
    q = _to_mpf(va) / _to_mpf(vb)
    fl = mpmath.floor(q)
    if min(q - fl, fl + 1 - q) < ev.tiny:
        raise Unsure(f"cannot decide {sp.sstr(e)} near a multiple")
    return _to_mpf(va) - _to_mpf(vb) * fl


def _gamma_like(shift):
    def f(ev, e):
        a, v = _arg(ev, e)
        if isinstance(v, Fraction):
            z = v + shift
            if z.denominator == 1 and z <= 0:
                raise Undefined(f"{sp.sstr(e)}: a pole of gamma")
            if z.denominator == 1 and z <= 200:
                out = Fraction(1)
                for k in range(2, int(z)):
                    out *= k
                return out
            return mpmath.gamma(_to_mpf(z))
        z = _to_mpf(v) + shift
        n = mpmath.nint(z)
        if n <= 0 and abs(z - n) < ev.tiny:
            raise Unsure(f"cannot decide whether {sp.sstr(e)} is at a pole")
        return mpmath.gamma(z)
    return f


def _loggamma(ev, e):
    a, v = _arg(ev, e)
    if ev.sign(a, v) <= 0:
        raise Undefined(f"{sp.sstr(e)} is not real for a non-positive argument")
    return mpmath.loggamma(_to_mpf(v))


def _lambertw(ev, e):
    a, v = _arg(ev, e)
    k = 0
    if len(e.args) > 1:
        kv = ev.val(e.args[1])
        if not (isinstance(kv, Fraction) and kv.denominator == 1):
            raise Unsure("a non-integer LambertW branch")
        k = int(kv)
    x = _to_mpf(v)
    lim = -1 / mpmath.e  # a rational point is never exactly -1/e
    exact_limit = (not isinstance(v, Fraction)) and abs(x - lim) < ev.tiny
    if exact_limit:
        raise Unsure(f"cannot decide whether {sp.sstr(a)} is -1/e")
    if k == 0:
        if x < lim:
            raise Undefined(f"{sp.sstr(e)} is not real below -1/e")
        if isinstance(v, Fraction) and v == 0:
            return Fraction(0)
        return mpmath.lambertw(x).real
    if k == -1:
        if x < lim or x >= 0:
            raise Undefined(f"{sp.sstr(e)} is real only on [-1/e, 0)")
        return mpmath.lambertw(x, -1).real
    raise Undefined(f"{sp.sstr(e)}: branch {k} is never real")


def _log(ev, e):
    a, v = _arg(ev, e)
    if ev.sign(a, v) <= 0:
        raise Undefined(f"{sp.sstr(e)} is not real")
    if isinstance(v, Fraction) and v == 1:
        out = Fraction(0)
    else:
        out = mpmath.log(_to_mpf(v))
    if len(e.args) == 2:
        b, bv = _arg(ev, e, 1)
        if ev.sign(b, bv) <= 0 or (isinstance(bv, Fraction) and bv == 1):
            raise Undefined(f"{sp.sstr(e)}: bad base")
        return _to_mpf(out) / mpmath.log(_to_mpf(bv))
    return out


def _re(ev, e):
    return ev.val(e.args[0])


def _im(ev, e):
    ev.val(e.args[0])
    return Fraction(0)


def _real_root(ev, e):  # sympy.real_root normally rewrites itself; kept for unevaluated forms
    raise Unsure("unevaluated real_root")


_FUNCTIONS = {
    "log": _log,
    "sin": _trig("sin"), "cos": _trig("cos"), "tan": _trig("tan"), "cot": _trig("cot"),
    "sec": _trig("sec"), "csc": _trig("csc"),
    "asin": _bounded("asin", -1, 1), "acos": _bounded("acos", -1, 1),
    "atan": _bounded("atan"), "acot": _bounded("acot"),
    "asec": _outside_unit("asec"), "acsc": _outside_unit("acsc"),
    "sinh": _bounded("sinh"), "cosh": _bounded("cosh"), "tanh": _bounded("tanh"),
    "asinh": _bounded("asinh"), "sech": _bounded("sech"),
    "coth": _bounded("coth", nonzero=True), "csch": _bounded("csch", nonzero=True),
    "acosh": _bounded("acosh", lo=1), "atanh": _bounded("atanh", -1, 1, lo_open=True, hi_open=True),
    "acoth": _outside_unit("acoth", allow_one=False),
    "asech": _bounded("asech", 0, 1, lo_open=True), "acsch": _bounded("acsch", nonzero=True),
    "Abs": _abs, "sign": _sign_fn, "Min": _minmax("min"), "Max": _minmax("max"),
    "Heaviside": _heaviside, "floor": _floorlike("floor"), "ceiling": _floorlike("ceiling"),
    "frac": _floorlike("frac"), "Mod": _mod,
    "gamma": _gamma_like(0), "factorial": _gamma_like(1), "loggamma": _loggamma,
    "LambertW": _lambertw, "re": _re, "im": _im,
}


# -- public entry points ---------------------------------------------------------------------

def _at_both_precisions(fn):
    """``fn(prec)`` at the working precision; its approximate signs are confirmed at twice that precision."""
    return fn(PRECISIONS[0])


def truth(b, point: Mapping[sp.Symbol, sp.Expr]) -> bool:
    """The truth value of the SymPy Boolean ``b`` at ``point`` (raises Undefined / Unsure)."""
    return _at_both_precisions(lambda prec: _Evaluator(point, prec).truth(b))


def value(e: sp.Expr, point: Mapping[sp.Symbol, sp.Expr]):
    """The value of ``e`` at ``point``: a Fraction when exact, else an mpf at 640 bits."""
    return _Evaluator(point, PRECISIONS[-1]).val(sp.sympify(e))


# -- symbol assumptions ----------------------------------------------------------------------

def _number_facts(v: sp.Expr, sign: int) -> dict:
    """Facts of a real number ``v`` (None where they cannot be settled)."""
    v = sp.sympify(v)
    rational = True if v.is_Rational else v.is_rational
    if isinstance(v, sp.Float):
        rational = True
    as_int = None
    if v.is_Rational and v.q == 1:
        as_int = int(v.p)
    elif isinstance(v, sp.Float):
        q = exact_fraction_of_float(v)
        as_int = q.numerator if q.denominator == 1 else None
        rational = True
    integer = (as_int is not None) if rational is True else (False if rational is False else None)
    facts = {
        "positive": sign > 0, "negative": sign < 0, "zero": sign == 0, "nonzero": sign != 0,
        "nonnegative": sign >= 0, "nonpositive": sign <= 0,
        "real": True, "finite": True, "infinite": False, "complex": True, "hermitian": True,
        "commutative": True, "imaginary": False, "antihermitian": sign == 0,
        "rational": rational,
        "irrational": None if rational is None else not rational,
        "integer": integer,
        "noninteger": None if integer is None else not integer,
        "even": None if integer is None else (integer and as_int % 2 == 0),
        "odd": None if integer is None else (integer and as_int % 2 == 1),
        "prime": None if integer is None else (integer and as_int >= 2 and sp.isprime(as_int)),
        "composite": None if integer is None else (integer and as_int >= 4 and not sp.isprime(as_int)),
        "algebraic": True if rational else v.is_algebraic,
        "transcendental": False if rational else v.is_transcendental,
    }
    for k in ("positive", "negative", "zero", "nonzero", "nonnegative", "nonpositive", "real"):
        facts["extended_" + k] = facts[k]
    return facts


def symbol_violations(point: Mapping[sp.Symbol, sp.Expr]) -> list[str]:
    """Which symbol assumptions (``positive=True``, ``even=True``, ``zero=False``...) the point violates.

    >>> import sympy as sp
    >>> m = sp.Symbol("m", even=True)
    >>> symbol_violations({m: sp.Integer(1)})
    ['m = 1 violates even=True', 'm = 1 violates odd=False']
    """
    out = []
    for s, v in point.items():
        v = sp.sympify(v)
        try:
            sign = _at_both_precisions(lambda prec: _Evaluator({}, prec).sign(v))
        except (Undefined, Unsure) as exc:
            out.append(f"{s.name} = {sp.sstr(v)}: the value cannot be checked ({exc})")
            continue
        facts = _number_facts(v, sign)
        for key, want in sorted(s.assumptions0.items()):
            have = facts.get(key)
            if want is None or key not in facts:
                continue
            if have is None:
                out.append(f"{s.name} = {sp.sstr(v)}: cannot tell whether {key}={want} holds")
            elif have != want:
                out.append(f"{s.name} = {sp.sstr(v)} violates {key}={want}")
    return out
