r"""SymPy's number-kind rules that are wrong, weakened to "unknown" before any statement is built.

SymPy evaluates a relation while it is constructed, from what it infers about
its sides.  A few of its inferences about *kinds of numbers* are false, and a
false one turns a statement into ``True`` or ``False`` before the engine sees
it -- so no decision afterwards can be sound.  Measured (SymPy 1.13-1.14):

* ``atan(n)``, ``asin(n)`` are "irrational" for a rational ``n`` (``n = 0`` gives 0),
  ``acos(n)`` too (``n = 1`` gives 0): ``Eq(atan(n), 0)`` became ``False``;
* an integer power of an irrational is "irrational": ``Eq(r**2, 2)`` became ``False``
  for an irrational ``r`` (``r = sqrt(2)``);
* a positive integer power is "even"/"odd" only if its base is, even for a base
  that is no integer (``sqrt(3)**2 = 3`` is odd);
* a non-integer rational to a positive power is "no integer", also for an
  irrational exponent (``(9/4)**(log 2/log(9/4)) = 2``);
* a negative base to an exponent that may be an integer is "not real" (and
  "imaginary"): ``(-1)**(n/2)`` for an integer ``n`` (``n = 2`` gives -1), and
  ``sin(pi*s/2)`` for an odd ``s``, which SymPy rewrites as such a power;
* ``gamma(x)`` "not positive" for an ``x`` of unknown sign that is no integer (the rule
  ``floor(x)`` even holds for a negative ``x`` only): ``gamma(1 + sqrt(5))`` came out zero;
* SymPy rules that read an *unknown* fact as false (an audit of its handlers): ``LambertW(x, -1)``
  "not real" for ``-1/e <= x < 0`` (``W_-1(-1/e) = -1``), ``genocchi(4 m)`` "positive" for ``m = 0``,
  ``genocchi(m + 2)`` "odd" unread at ``m = 0``, ``factorial2(4 m + 1)`` "not positive" for ``m = 0``,
  ``log(x)`` "finite" where ``x`` may be 0, and ``(-E)**(I*pi)`` (real: ``-exp(-pi**2)``) "not real";
* ``binomial(n, k)`` "negative" for integers with an odd ``k`` (a rule for a
  negative ``n`` and ``k >= 0``: ``binomial(1, 1) = 1``, ``binomial(-3, -1) = 0``), and
  "no integer" for a non-integer ``k`` (``binomial(sqrt(2), sqrt(2)) = 1``);
* two constants are compared by a 2-digit numeric evaluation that need not be
  significant: ``sqrt(9 + 4 sqrt(5)) + sqrt(11 + 4 sqrt(7)) - 4 - sqrt(5) - sqrt(7)``
  is exactly 0, and ``c < 0`` became ``True``.  Now a comparison SymPy settles
  numerically needs its 2 digits *certified* (``evalf(strict=True)``);
* a term undefined somewhere is judged from the values it has: ``1/x`` is "not
  zero" for a real ``x`` (SymPy's 1/0 is ``zoo``), so ``Ne(1/x, 0)`` became
  ``True`` and ``Eq(1/x, 1/x)`` too; ``Piecewise((1, x > 0)) > 0`` (no branch
  at ``x <= 0``), ``Max(1/x, 0) > -1``, ``Abs(log(x)) >= 0``, ``Mod(1/x, 1) >= 0``
  and ``cosh(1/x) > 0`` became ``True``.  An equation or an order with a side
  undefined somewhere (or with a function outside the table: ``gamma``,
  ``LambertW``), and the signs of a ``Piecewise``, ``Max`` or ``Min`` undefined
  somewhere, are left open.

One repair is of another kind: ``RealInterval.b`` (SymPy's isolating interval of a real root) wrote to the
interval while it read it, and a time box's exception in between left a cached root mirrored (a sign flip of
``CRootOf`` for the rest of the process); it now only reads.

Each rule is *weakened*: where SymPy's answer rests on the wrong inference, it
becomes ``None`` (unknown); everywhere else SymPy answers as before.  An
unknown is always sound; SymPy then leaves the relation unevaluated and the
engine decides it.  Applied once, by ``import symbolic`` (which any of its
modules imports first): at once if SymPy is loaded, else the moment it is.
Build statements after importing it.  Not covered:
``Relational._eval_simplify`` still signs a constant from 2 unchecked digits
(``simplify(c < 0)`` for the exact zero above is ``True``); the engine never
simplifies a relation.

>>> import sympy as sp
>>> n, r = sp.Symbol("n", integer=True), sp.Symbol("r", irrational=True)
>>> sp.Eq(sp.atan(n), 0), sp.Ne(r**2, 2)
(Eq(atan(n), 0), Ne(r**2, 2))
>>> sp.atan(sp.Symbol("m", integer=True, nonzero=True)).is_rational   # still known where it is true
False
>>> x = sp.Symbol("x", real=True)
>>> sp.Ne(1 / x, 0), sp.Piecewise((1, x > 0)) > 0, sp.Ne(1 / (x**2 + 1), 0)
(Ne(1/x, 0), Piecewise((1, x > 0)) > 0, True)
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable

import sympy as sp
from sympy.core import relational
from sympy.core.cache import clear_cache
from sympy.core.evalf import PrecisionExhausted
from sympy.core.logic import fuzzy_not
from sympy.core.power import Pow
from sympy.functions.elementary.integers import RoundFunction
from sympy.functions.elementary.miscellaneous import MinMaxBase

from .timebox import OutOfTime, time_box

__all__ = ["REPAIRS", "repair", "is_algebraic_zero"]


def _at(arg, point) -> bool:
    """Whether ``arg`` may equal ``point`` (SymPy cannot rule it out)."""
    return fuzzy_not((arg - point).is_zero) is not True


def _inverse_trig_at(point) -> Callable:
    # f(q) is rational for a rational q only at f(q) = 0, i.e. q = point (Lindemann-Weierstrass)
    return lambda e, value: value is False and _at(e.args[0], point)


def _irrational_base(e, value) -> bool:
    # r**k with r irrational and integer k: rational for r = 2**(1/k); only k = 1, -1 keep r's kind
    b, x = e.as_base_exp()
    return value is False and b.is_rational is not True and not (x.is_Integer and abs(x) == 1)


def _parity_of_base(e, value) -> bool:
    # b**k has b's parity only for an integer b
    return value is False and e.base.is_integer is not True


def _rational_exponent(e, value) -> bool:
    # p/q to a rational power is never an integer; to a real one it may be
    return value is False and e.base.is_rational and e.base.is_integer is False and e.exp.is_rational is not True


def _complex_exponent_of_a_base_not_positive(e) -> bool:
    # b**z with z non-real: SymPy reads log(b) as real, so (-E)**(I*pi) = -exp(-pi**2) (log(-E) = 1 + I*pi) was
    # "not real" and (-E)**(I*pi/2) = I*exp(-pi**2/2) "not imaginary"
    return e.exp.is_extended_real is not True and e.base.is_positive is not True


def _integer_exponent_possible(e, value) -> bool:
    # b**x for a negative b is real when x is an integer: "not real" needs x known not to be one
    return value is False and (e.exp.is_integer is not False or _complex_exponent_of_a_base_not_positive(e))


def _imaginary_needs_non_integer_exponent(e, value) -> bool:
    if value is False:
        return _complex_exponent_of_a_base_not_positive(e)
    return value is True and e.exp.is_integer is not False


def _unknown_read_as_false(rule: Callable[..., bool]) -> Callable:
    """A SymPy rule that reads an unknown fact of an argument as False (an auditor's list, each below): its
    answer stands only where ``rule(*args)`` -- what the answer assumed -- is known."""
    return lambda e, value: value is not None and not rule(*e.args)


def _genocchi_nonzero(n, *rest) -> bool:
    # genocchi's sign "(n/2) even" holds for an even n >= 2, read also where n = 0 was not ruled out:
    # genocchi(4*m) "positive" for an integer m >= 0 (m = 0 gives 0)
    return n.is_zero is not None and n.is_odd is not None


def _genocchi_parity_known(n, *rest) -> bool:
    # its parity "(n - 1) > 0" holds for an odd n, read also where n may be even: genocchi(m + 2) "odd" (= -1 at m = 0
    # is odd, but genocchi(2 + 2) = 1 too; genocchi(0 + 2) = -1 was built as not equal to -1)
    return n.is_even is not None


def _factorial2_sign_read(n, *rest) -> bool:
    # factorial2(n) for an odd n "positive iff (n + 1)/2 even" holds for n <= -1 only: factorial2(4*m + 1) "not
    # positive" (1!! = 1) where n + 1 >= 0 was not known
    return (n + 1).is_nonnegative is not None


def _binomial_sign(e, value) -> bool:
    # binomial(n, k) < 0 only for a negative n and an odd k >= 0 (a negative k gives 0: binomial(-3, -1) = 0)
    n, k = e.args
    return value is False and not (n.is_negative and k.is_nonnegative)


def _binomial_integer(e, value) -> bool:
    return value is False  # a non-integer k can still give an integer (the gamma-function definition)


def _mul_parts(e):
    """The integer numerators and the denominators of a product, as SymPy's ``Mul._eval_is_integer`` reads it
    (``None`` where it reads no parts)."""
    numerators, denominators = [], []
    for a in e.args:
        if a.is_integer:
            numerators.append(a)
        elif a.is_Rational:
            numerators.append(a.p)
            denominators.append(a.q)
        elif a.is_Pow and a.exp.is_negative:
            denominators.append(1 / a)
        else:
            return None
    return numerators, denominators


def _mul_integer(e, value) -> bool:
    # SymPy: "even over odd (> 1) is not an integer" (6/3 = 2), and "even over an even integer is an integer
    # when the twos cancel" counting only the twos (e/6 at e = 2 is 1/3).  Sound are: odd over even, 1 over
    # d > 1, and the twos of a power of two.
    parts = _mul_parts(e)
    if value is None or parts is None:
        return False
    numerators, denominators = parts
    if not denominators:
        return False
    if value is True:
        return not all(sp.sympify(d).is_Integer and d > 0 and (int(d) & (int(d) - 1)) == 0 for d in denominators)
    rational = e._eval_is_rational()
    return rational is not False and bool(numerators) and all(sp.sympify(d).is_odd for d in denominators)


def _of_a_non_real(e, value) -> bool:
    # floor, ceiling, frac of a+bi act on a and b apart: floor(i/2) = 0, frac(2i) = 0 (real, an integer, zero)
    return value is False and e.args[0].is_extended_real is not True


def _gamma_sign_known(x, *rest) -> bool:
    # gamma's rule: "positive if x is, else (x no integer) as floor(x) is even" -- the second part holds only for
    # a negative x, but SymPy applies it to an x of unknown sign: gamma(1 + sqrt(5)) came out "not positive"
    # (and then zero) wherever 1 + sqrt(5) had no sign yet
    return x.is_positive is True or x.is_negative is True


def _uncertified_sign(side: int) -> Callable:
    # a constant's sign from a 2-digit evaluation: an exact zero printed as -0.e+0, and evalf's "strict" digits
    # of li, Ei, loggamma, besselj near their zeros had the wrong sign (li(1.451369235) "negative"): the answer
    # stands only where interval arithmetic confirms it (a ball that excludes 0)
    def unfounded(e, value) -> bool:
        if value is None or not e.is_number:
            return False
        sign = _enclosed_sign(e)
        if sign is _NO_BALL:  # as SymPy has it, where evalf certifies its digits and they are not 0
            digits = _evalf_digits(e)
            return digits is None or value != ((digits > 0) if side == 1 else (digits < 0))
        return sign is None or value != (sign == side)

    return unfounded


def _power_may_be_undefined(e, value) -> bool:
    # 1/x "is not zero" for a real x: SymPy reads 1/0 as zoo, which is nonzero; here 1/0 is undefined, and
    # Ne(1/x, 0) became True, so exists(And(Eq(x, 0), Ne(1/x, 0))) had the witness x = 0
    return value is False and e.exp.is_extended_nonnegative is not True and e.base.is_zero is not False


_UNDER_TEST: set = set()  # a reentrancy guard: the conditions of e may ask SymPy about e again

#: operations defined wherever their arguments are (with non-negative integer powers)
_TOTAL = (sp.Symbol, sp.Number, sp.NumberSymbol, sp.Add, sp.Mul, sp.Abs, sp.Max, sp.Min, sp.exp)


@lru_cache(maxsize=65536)
def _total(e) -> bool:
    """Built by operations defined everywhere: no denominator, root, log or partial function (the quick
    answer for most relations SymPy evaluates)."""
    return all(isinstance(n, _TOTAL) or (isinstance(n, Pow) and n.exp.is_Integer and n.exp >= 0)
               for n in sp.preorder_traversal(e))


def _may_be_undefined(e, value) -> bool:
    # a Piecewise without a branch taken somewhere, a condition undefined somewhere (1/x > 5 at x = 0), a Max of
    # 1/x: SymPy signs it from the values it has, so Piecewise((1, x > 0)) > 0 and Max(1/x, 0) > -1 became True
    if value is None or _total(e):
        return False
    if e in _UNDER_TEST:
        return True
    from .constructs import domain_conditions, unsupported_in

    _UNDER_TEST.add(e)
    try:  # a function outside the table (gamma, tan, zeta...) has poles the table does not list
        return bool(domain_conditions(e)) or unsupported_in(e) is not None
    finally:
        _UNDER_TEST.discard(e)


_SIGN_FACTS = ("positive", "negative", "nonnegative", "nonpositive", "zero", "nonzero", "real", "extended_real",
               "extended_positive", "extended_negative", "extended_nonnegative", "extended_nonpositive",
               "extended_nonzero", "integer", "even", "odd", "imaginary", "finite", "complex", "irrational",
               "rational")

#: (class, fact, when SymPy's answer is unfounded): the rules weakened, each with its counterexample above
REPAIRS = (
    (sp.atan, "rational", _inverse_trig_at(0)),
    (sp.asin, "rational", _inverse_trig_at(0)),
    (sp.acos, "rational", _inverse_trig_at(1)),
    (Pow, "rational", _irrational_base),
    (Pow, "even", _parity_of_base),
    (Pow, "odd", _parity_of_base),
    (Pow, "integer", _rational_exponent),
    (Pow, "extended_real", _integer_exponent_possible),
    (Pow, "imaginary", _imaginary_needs_non_integer_exponent),
    (sp.Mul, "integer", _mul_integer),
    (RoundFunction, "real", _of_a_non_real),
    (RoundFunction, "integer", _of_a_non_real),
    (sp.floor, "negative", _of_a_non_real),
    (sp.floor, "nonnegative", _of_a_non_real),
    (sp.ceiling, "positive", _of_a_non_real),
    (sp.ceiling, "nonpositive", _of_a_non_real),
    (sp.frac, "real", _of_a_non_real),
    (sp.frac, "integer", _of_a_non_real),
    (sp.frac, "zero", _of_a_non_real),
    (sp.frac, "imaginary", lambda e, value: value is True),  # frac(2i) = 0 is not imaginary
    (sp.binomial, "nonnegative", _binomial_sign),
    (sp.gamma, "positive", _unknown_read_as_false(_gamma_sign_known)),
    # real for some branches and arguments SymPy's rule calls not real (W_-1(-1/5), W_0(-1/e) = -1, W_-1(-1/e))
    (sp.LambertW, "extended_real", lambda e, value: value is False),
    (sp.LambertW, "finite", lambda e, value: value is True and len(e.args) > 1 and e.args[1].is_zero is not True),
    (sp.genocchi, "positive", _unknown_read_as_false(_genocchi_nonzero)),
    (sp.genocchi, "even", _unknown_read_as_false(_genocchi_parity_known)),
    (sp.genocchi, "odd", _unknown_read_as_false(_genocchi_parity_known)),
    (sp.factorial2, "positive", _unknown_read_as_false(_factorial2_sign_read)),
    (sp.log, "finite", lambda e, value: value is True and e.args[0].is_zero is not False),  # log(0) = zoo
    (sp.binomial, "integer", _binomial_integer),
    (sp.Expr, "extended_positive", _uncertified_sign(1)),
    (sp.Expr, "extended_negative", _uncertified_sign(-1)),
    (Pow, "zero", _power_may_be_undefined),
    *((cls, fact, _may_be_undefined) for cls in (sp.Piecewise, MinMaxBase, sp.Max, sp.Min) for fact in _SIGN_FACTS
      if f"_eval_is_{fact}" in cls.__dict__),  # the handlers each class has (Max has its own signs)
)


#: the constants being enclosed, innermost last.  Enclosing one may ask SymPy about its parts (is 1 + sqrt(5)
#: positive?), whose signs are enclosed in turn; only a constant already being enclosed, or one nested this
#: deep, is left unsigned.  (Leaving every nested sign unknown made SymPy cache "unknown" for 1 + sqrt(5),
#: and then gamma's rule read gamma(1 + sqrt(5)) as not positive, hence zero.)
_IN_ENCLOSURE: list = []
MAX_NESTED_ENCLOSURES = 8


def _certified_difference(a, b):
    """``(a - b)`` as a Float of the right sign if both are comparable numbers and the sign is certain, else
    ``None``.  Interval arithmetic signs it (a ball that excludes 0: :func:`_enclosed_sign`); a constant no
    ball can be made for falls back to evalf's digits, as SymPy has it, never to an evalf zero.  SymPy's own
    ``_n2`` returned ``-0.e-108`` for an exact zero and signed it, evalf gave ``log(1 + 10**-100)`` as 0
    (neither > 0 nor < 0) and ``li(1.451369235)``, ``Ei(0.37250751)`` with the wrong sign.  Infinities compare
    as SymPy compares them."""
    from .constructs import POWER_BITS, huge_power_bits  # constructs imports this module's rules

    if huge_power_bits(a) > POWER_BITS or huge_power_bits(b) > POWER_BITS:
        return None  # 2**(2**40): never multiplied out (SymPy's own evalf signs it)
    if not (a.is_comparable and b.is_comparable):
        return None
    if a.is_infinite or b.is_infinite:
        dif = (a - b).evalf(2)
        return dif if dif.is_infinite else None
    sign = _enclosed_sign(a - b)
    if sign is _NO_BALL:
        return _evalf_digits(a - b)
    if sign is None and _radical_zero(a - b):  # a tie no ball separates: radicals are decided exactly
        return sp.Integer(0)
    return None if sign is None else sp.Float(sign)


#: a tie of radicals is tested exactly only up to this size, and for this long (minimal polynomials can be slow)
EXACT_ZERO_MAX_OPS = 200
EXACT_ZERO_SECONDS = 1.0


def _radical_zero(d) -> bool | None:
    """Whether ``d``, a sum, product and rational power of rationals (and ``I``), is exactly 0 -- by expansion,
    else its minimal polynomial; ``None`` for anything else, or past the size and time allowed.  SymPy read a
    real tie from evalf's digits (left open, a Piecewise conditioned on one was rebuilt without end:
    ``Ne(m, y (m + y))`` at ``m = 2``, ``y = -sqrt(3) - 1``), and called two equal non-real constants unequal
    (``Eq(1/(1/3 + (-2)**(1/3)), 3/(1 + 3 (-2)**(1/3)))`` was False: the numerator of the difference is 0 and
    its denominator "not zero" because it is not real)."""
    if not all(isinstance(e, (sp.Add, sp.Mul, sp.Rational)) or e is sp.I
               or (isinstance(e, sp.Pow) and e.exp.is_Rational) for e in sp.preorder_traversal(d)):
        return None
    if sp.count_ops(d) > EXACT_ZERO_MAX_OPS:
        return None
    try:
        with time_box(EXACT_ZERO_SECONDS):
            return sp.expand(d) == 0 or is_algebraic_zero(d)
    except (OutOfTime, NotImplementedError, sp.PolynomialError, ValueError):
        return None


def is_algebraic_zero(v) -> bool:
    """Whether the algebraic number ``v`` is exactly 0: its minimal polynomial is the variable itself.  Raises
    what :func:`sympy.minimal_polynomial` raises for a number it cannot handle.

    >>> is_algebraic_zero(sp.sqrt(2) + sp.sqrt(3) - sp.sqrt(5 + 2*sp.sqrt(6))), is_algebraic_zero(sp.sqrt(2) - 1)
    (True, False)
    """
    return bool(sp.minimal_polynomial(v, sp.Dummy("m")).is_Symbol)


#: digits at which a constant no ball is made for is evaluated twice; the two values must agree to
#: :data:`STABLE_DIGITS` digits (an exact zero evaluates to ever smaller values as the digits rise)
EVALF_DIGITS = (30, 60)
STABLE_DIGITS = 10


def _evalf_digits(d):
    """A constant no ball can be made for, read from evalf as SymPy would -- but only a value that stays put
    when evalf's digits double: "strict" 2 digits of ``LambertW(-1/e + z, -1) + 1`` for an exact zero ``z``
    (a branch point) were negative, and the value shrinks with every digit (it is 0).  Nothing with a jump
    (``sign``, ``floor``, ``Piecewise``, ...): evalf's ``sign(z)`` of an exact zero ``z`` is 1 or -1 at any digits,
    so ``genocchi(4 sign(z)**2)`` read as ``genocchi(4) = 1`` (it is ``genocchi(0) = 0``)."""
    from .constructs import SETTLED_NUMERICALLY  # constructs imports this module's rules

    if d.has(*SETTLED_NUMERICALLY, sp.arg):
        return None
    try:
        low, high = (d.evalf(n, strict=True) for n in EVALF_DIGITS)
    except (PrecisionExhausted, ValueError, TypeError, ArithmeticError):
        return None
    if not (low.is_comparable and high.is_comparable) or low == 0 or high == 0 or (low > 0) != (high > 0):
        return None
    if abs(low - high) > abs(high) * sp.Float(10) ** -STABLE_DIGITS:
        return None
    return sp.Float(high, 2)


#: what :func:`_enclosed_sign` says of a constant with a construct no ball can be made for
_NO_BALL = "no ball"

def _enclosed_sign(d):
    """The sign of the constant ``d`` from a ball that excludes zero (64, then 256 bits), made by the
    engine's evaluator (:func:`symbolic.certify.enclose`, special functions included).  ``None`` if no ball
    excludes zero (or while one is being made), :data:`_NO_BALL` if no ball can be made."""
    from flint import ctx

    from .certify import NoEvaluator, Uncertifiable, enclose

    if len(_IN_ENCLOSURE) >= MAX_NESTED_ENCLOSURES or d.has(sp.oo, -sp.oo, sp.zoo, sp.nan) \
            or any(d == outer for outer in _IN_ENCLOSURE):
        return None
    _IN_ENCLOSURE.append(d)
    try:
        for prec in (64, 256):
            try:
                with ctx.workprec(prec):
                    ball = enclose(d, {}, prec)
            except (Uncertifiable, ValueError, TypeError, ZeroDivisionError, OverflowError, AttributeError):
                continue  # a ball too wide at 64 bits (a cancellation) may be fine at 256
            if ball > 0:
                return 1
            if ball < 0:
                return -1
    except NoEvaluator:
        return _NO_BALL
    finally:
        _IN_ENCLOSURE.pop()
    return None


def _subclasses(cls) -> list:
    out, stack = [], [cls]
    while stack:
        c = stack.pop()
        out.append(c)
        stack.extend(c.__subclasses__())
    return out


def _weaken(cls, fact: str, unfounded: Callable) -> None:
    name = f"_eval_is_{fact}"
    original = cls.__dict__.get(name)
    if original is None or getattr(original, "_coordfail_weakened", False):
        return  # SymPy changed this rule (nothing to weaken), or done already

    def handler(self):
        value = original(self)
        return None if value is not None and unfounded(self, value) else value

    handler._coordfail_weakened = True
    setattr(cls, name, handler)
    for sub in _subclasses(cls):  # SymPy looks handlers up in a table made when each class was created
        if sub.__dict__.get("_prop_handler", {}).get(fact) is original:
            sub._prop_handler[fact] = handler


#: seconds SymPy may take to compare two constants while a relation is built; past it the relation stays open
RELATION_SECONDS = 2.0


def _open_where_undefined(original: Callable) -> Callable:
    # SymPy's equality and order where a side may be undefined: Eq(1/x, 0) is False by "n/d = 0 needs d
    # infinite" (1/0 is zoo to SymPy), Eq(1/x, 1/x) True by structure, Abs(log(x)) >= 0 and Mod(1/x, 1) >= 0
    # True by the class's own sign, cosh(1/x) > 0 too; at x = 0 (x <= 0) each is undefined here: all stay open
    def relation(lhs, rhs, assumptions=None):
        constants = (all(isinstance(side, sp.Expr) and side.is_number for side in (lhs, rhs))
                     and not all(side.is_Rational for side in (lhs, rhs)))
        try:
            if constants:  # evalf raises its digits without end on an exact zero (floor of a radical tie)
                with time_box(RELATION_SECONDS):
                    value = original(lhs, rhs, assumptions)
            else:
                value = original(lhs, rhs, assumptions)
        except RecursionError:  # Eq(floor(c), n) for a constant floor left open: floor -> ceiling -> floor ...
            return None
        except OutOfTime:
            return None
        if value is None or assumptions is not None:
            return value
        if value is False and original.__name__ == "is_eq" and all(
                isinstance(side, sp.Expr) and side.is_number for side in (lhs, rhs)) \
                and not (lhs.is_extended_real and rhs.is_extended_real):
            zero = _radical_zero(lhs - rhs)  # SymPy's "unequal" for non-real numbers: confirmed exactly, or open
            return None if zero is None else zero
        if any(isinstance(side, sp.Basic) and side.has(sp.nan) for side in (lhs, rhs)):
            return None  # nan is no number: Ne(x, nan) was True, a claim undefined everywhere "proved"
        if any(isinstance(side, sp.Expr) and not side.is_number and _may_be_undefined(side, value)
               for side in (lhs, rhs)):
            return None
        return value

    relation._coordfail_weakened = True
    relation.__name__ = original.__name__
    return relation


def _binomial_eval(original: Callable) -> Callable:
    """``binomial.eval`` that leaves ``binomial(n, k)`` unevaluated for a negative integer ``n`` and a ``k``
    that may be an integer: SymPy wrote ``zoo`` (``binomial(-1, y)`` at ``y = 0`` is 1, ``binomial(-1, 4)`` is 1);
    ``zoo`` is right only for a ``k`` known not to be an integer."""
    def eval(cls, n, k):
        value = original(cls, n, k)
        if value is sp.zoo and sp.sympify(k).is_integer is not False:
            return None
        return value

    eval._coordfail_weakened = True
    return classmethod(eval)


def _mod_eval(original: Callable) -> Callable:
    """``Mod.eval`` whose value for two constants stands only where interval arithmetic places it in the
    residues (``0 <= r < q``, or ``q < r <= 0``): SymPy's "by ratio" step truncates ``p/q`` toward zero and
    corrects with ``(r q < 0) == True``, a comparison that may stay open (``Mod(-7, gamma(1/3))`` came out
    negative), and some constants made it recurse without end.  Otherwise ``Mod`` stays unevaluated."""
    def eval(cls, p, q):
        constants = p.is_number and q.is_number and not (p.is_Rational and q.is_Rational)
        try:
            value = original(cls, p, q)
        except (RecursionError, TypeError):
            if constants:
                return None
            raise
        if value is None or not constants or value is sp.nan or value == 0:
            return value
        side = _enclosed_sign(q)
        if side is not None and _enclosed_sign(value) == side and _enclosed_sign(q - value) == side:
            return value
        return None

    eval._coordfail_weakened = True
    return classmethod(eval)


def _certified_integer_part(original: Callable) -> Callable:
    """SymPy's ``get_integer_part`` for ``floor``/``ceiling`` of a constant, standing only where interval
    arithmetic places the constant between the integer and the next: evalf lost the cancellation inside
    ``LambertW(-1/e + 10**-20, -1)`` and ``floor(10**20 c)`` came out 331 too high ("proved" by sympy-constant).
    Otherwise PrecisionExhausted, which SymPy's rounding functions catch: the floor stays unevaluated."""
    def get_integer_part(expr, no, options, return_ints=False):
        value = original(expr, no, options, return_ints)
        if not return_ints or expr.is_Rational:
            return value
        r, i = value
        below = sp.Integer(r) if no < 0 else sp.Integer(r) - 1  # floor r: r <= expr < r + 1; ceiling r: r - 1 < expr <= r
        # strictly inside (below, below + 1): an exact integer is never certified
        if i != 0 or _enclosed_sign(expr - below) != 1 or _enclosed_sign(expr - below - 1) != -1:
            raise PrecisionExhausted(f"the integer part of {expr} is not certified")
        return value

    get_integer_part._coordfail_weakened = True
    return get_integer_part


def _interval_right_end(self):
    """``RealInterval.b`` without writing to the interval.  SymPy's flips the interval's ``neg`` flag, reads the
    left end, and flips it back: a time box's exception raised in between (SIGALRM) left a cached root's
    interval mirrored, and ``CRootOf(P, 1)`` of a Mignotte-like pair read as -1e-6 in every later use of the
    process, which certified a false order of two roots as proved."""
    field = self.dom.get_field()
    a, b, c, d = self.mobius
    if not self.neg:  # the left end with the flag flipped, negated
        return field(a, c) if a * d > b * c else field(b, d)
    return -(field(a, c) if a * d < b * c else field(b, d))


_interval_right_end._coordfail_weakened = True


def repair() -> None:
    """Weaken every rule of :data:`REPAIRS`, certify SymPy's numeric comparisons of constants, leave
    ``binomial(-1, k)`` unevaluated unless ``k`` is known not to be an integer and ``Mod`` of two constants
    unless its value is certified (idempotent), and forget what SymPy inferred before."""
    for cls, fact, unfounded in REPAIRS:
        _weaken(cls, fact, unfounded)
    relational._n2 = _certified_difference
    for name in ("is_eq", "is_ge"):  # is_le, is_gt, is_lt and is_neq are written with these two
        if not getattr(getattr(relational, name), "_coordfail_weakened", False):
            setattr(relational, name, _open_where_undefined(getattr(relational, name)))
    if not getattr(sp.binomial.eval, "_coordfail_weakened", False):
        sp.binomial.eval = _binomial_eval(sp.binomial.eval.__func__)
    if not getattr(sp.Mod.eval, "_coordfail_weakened", False):
        sp.Mod.eval = _mod_eval(sp.Mod.eval.__func__)
    from sympy.functions.elementary import integers

    if not getattr(integers.get_integer_part, "_coordfail_weakened", False):
        integers.get_integer_part = _certified_integer_part(integers.get_integer_part)
    from sympy.polys.rootisolation import RealInterval

    if not getattr(RealInterval.b.fget, "_coordfail_weakened", False):
        RealInterval.b = property(_interval_right_end, doc=RealInterval.b.__doc__)
    clear_cache()


repair()
