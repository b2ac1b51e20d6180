r"""The table of supported constructs: one row per SymPy class the engine accepts.

Rules as data (the latexify-py habit): every consumer reads this table -- the
translator to z3 (:mod:`symbolic.translate`), the domain conditions
(:func:`domain_conditions`), the certifier (:mod:`symbolic.certify`), the
fuzzer's oracle and the lambdify boundary (:mod:`numeric.kernels`).  A SymPy
class that is not in the table is **not supported**: a decision involving it
is ``unknown`` with a reason naming the construct; nothing is ever translated
as an unconstrained real.

Each row gives

* the **domain** of the construct: conditions on its arguments (SymPy
  Booleans) under which its value is a real number -- a denominator is
  non-zero, the argument of :math:`\log` is positive, the base of a
  fractional power is non-negative;
* its **encoding** for z3: ``exact`` (polynomial arithmetic and case splits),
  ``algebraic`` (a fresh variable pinned by a polynomial equation, e.g.
  :math:`y \ge 0,\ y^q = x` for :math:`x^{1/q}`), ``integer`` (a fresh integer
  with linear bounds, e.g. :math:`n \le x < n + 1` for :math:`\lfloor x\rfloor`),
  ``abstract`` (a fresh real with facts that are *true* of the function --
  bounds, tangent lines, monotonicity between two applications of the *same*
  function), or ``uninterpreted`` (an abstract function :math:`f(x)`: equal
  arguments give equal values, nothing else);
* its **rigorous evaluator** (python-flint ``arb`` balls), used to certify
  a counterexample or witness and to refine abstractions;
* its **NumPy** name at the lambdify boundary.

Floats are read as the decimal SymPy prints for them (``0.1`` is
:math:`1/10`; a Python float has 15 significant digits), by
:func:`exact_floats`, identically for the solver, the certifier and the spot
checks.

>>> import sympy as sp
>>> x = sp.Symbol("x")
>>> sorted(condition_text(c) for c in domain_conditions(sp.log(x) + 1 / (x - 1)))
['x - 1 != 0', 'x > 0']
>>> construct_of(sp.gamma(x)) is None
True
>>> exact_floats(sp.Float(0.1) * x)[0]
x/10
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from functools import lru_cache
from typing import Callable

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.core.relational import Relational

from .smtlib import MAX_INTEGER_BITS

__all__ = ["Encoding", "Construct", "CONSTRUCTS", "BOOLEAN_CONNECTIVES", "construct_of", "unsupported_in",
           "distinct_subtrees", "atoms_of", "SETTLED_NUMERICALLY", "sympy_settles_reliably", "sympy_algebra_reliable",
           "domain_conditions", "exact_floats", "is_truth_value", "condition_text", "MONOTONE", "supported_constructs_markdown"]


class Encoding(str, Enum):
    """How z3 sees a construct (see the module docstring)."""

    EXACT = "exact"
    ALGEBRAIC = "algebraic"
    INTEGER = "integer"
    ABSTRACT = "abstract"
    UNINTERPRETED = "uninterpreted"

    def __str__(self) -> str:
        return self.value


def _none(args) -> tuple:
    return ()


# a condition SymPy settles is left out only where its settling is a proof (see sympy_settles_reliably)
def _nonzero(b):
    return () if b.is_nonzero and sympy_settles_reliably(b) else (sp.Ne(b, 0, evaluate=False),)


def _positive(b):
    return () if b.is_positive and sympy_settles_reliably(b) else (sp.Gt(b, 0, evaluate=False),)


def _nonnegative(b):
    return () if b.is_nonnegative and sympy_settles_reliably(b) else (sp.Ge(b, 0, evaluate=False),)


def _pow_domain(args) -> tuple:
    base, expo = args
    if base is sp.E:
        return ()
    if expo.is_Integer:
        return _nonzero(base) if expo < 0 else ()
    if expo.is_Rational:
        return _positive(base) if expo < 0 else _nonnegative(base)
    return _positive(base)  # a real exponent: defined (and real) for a positive base


def _piecewise_domain(args) -> tuple:
    if args[-1].cond is sp.true:
        return ()
    return (sp.Or(*[piece.cond for piece in args]),)  # some branch must apply


@dataclass(frozen=True)
class Construct:
    """One row of the table."""

    name: str  #: as the README shows it
    classes: tuple  #: SymPy classes the row covers
    encoding: Encoding
    #: conditions on the arguments under which the value is a real number
    domain: Callable[[tuple], tuple] = _none
    facts: str = ""  #: what z3 is told (abstract and uninterpreted rows)
    #: rigorous evaluator on python-flint ``arb`` balls (``None``: points with it cannot be certified)
    enclose: Callable | None = None
    numpy: str = ""  #: the NumPy function at the lambdify boundary ("" where the printer uses an operator)
    domain_text: str = "all reals"


def _arb_min(*xs):
    out = xs[0]
    for v in xs[1:]:
        out = out.min(v)
    return out


def _arb_max(*xs):
    out = xs[0]
    for v in xs[1:]:
        out = out.max(v)
    return out


def _sign(v):
    if v > 0:
        return type(v)(1)
    if v < 0:
        return type(v)(-1)
    if v.is_zero():
        return type(v)(0)
    return type(v)(0).union(type(v)(1)).union(type(v)(-1))


def _between(lo, hi):
    def cond(args):
        (u,) = args
        return tuple(c for c in (lo(u), hi(u)) if c is not None)
    return cond


CONSTRUCTS: tuple[Construct, ...] = (
    Construct("numbers (integers, rationals)", (sp.Rational,), Encoding.EXACT, numpy=""),
    Construct("real algebraic numbers CRootOf(p, k)", (sp.CRootOf,), Encoding.ALGEBRAIC,
              facts="a fresh y with p(y) = 0 inside a rational interval isolating the k-th real root",
              numpy="(its float value)"),
    Construct("Float", (sp.Float,), Encoding.EXACT, facts="read as the decimal it prints as (0.1 is 1/10)"),
    Construct("pi, E, EulerGamma, Catalan, GoldenRatio", (sp.core.numbers.Pi, sp.core.numbers.Exp1,
              sp.core.numbers.EulerGamma, sp.core.numbers.Catalan, sp.core.numbers.GoldenRatio),
              Encoding.ABSTRACT, facts="a real between two rationals within 2^-120 of it",
              numpy="numpy.pi / numpy.e / constants"),
    Construct("x + y", (sp.Add,), Encoding.EXACT),
    Construct("x * y", (sp.Mul,), Encoding.EXACT),
    Construct("x**n, x**(p/q), x**y", (sp.Pow,), Encoding.ALGEBRAIC, _pow_domain,
              facts=("integer n: exact (x != 0 for n < 0); p/q: a fresh y >= 0 with y**q = x (x >= 0; x > 0 "
                     "for p < 0); real y: exp(y log x) for x > 0, with Bernoulli's bounds"),
              enclose=lambda b, e: b ** e, numpy="numpy.power",
              domain_text="x != 0 (n < 0); x >= 0 (p/q > 0); x > 0 (p/q < 0, real y)"),
    Construct("Abs", (sp.Abs,), Encoding.EXACT, enclose=lambda v: abs(v), numpy="numpy.abs"),
    Construct("sign", (sp.sign,), Encoding.EXACT, enclose=_sign, numpy="numpy.sign"),
    Construct("Min, Max", (sp.Min, sp.Max), Encoding.EXACT, numpy="numpy.minimum / numpy.maximum"),
    Construct("Piecewise", (sp.Piecewise,), Encoding.EXACT, _piecewise_domain, numpy="numpy.select",
              domain_text="some branch applies (always, with a default branch)"),
    Construct("re, im (of real expressions)", (sp.re, sp.im), Encoding.EXACT,
              enclose=None, numpy="numpy.real / numpy.imag"),
    Construct("floor, ceiling, frac", (sp.floor, sp.ceiling, sp.frac), Encoding.INTEGER,
              facts="a fresh integer n with n <= x < n + 1 (floor)",
              enclose=None, numpy="numpy.floor / numpy.ceil"),
    Construct("Mod", (sp.Mod,), Encoding.INTEGER, lambda a: _nonzero(a[1]),
              facts="x - y floor(x/y)", numpy="numpy.mod", domain_text="y != 0"),
    Construct("exp", (sp.exp,), Encoding.ABSTRACT,
              facts=("exp(u) > 0, exp(u) >= 1 + u, exp(0) = 1, strictly increasing; tangent and chord "
                     "lines added at the solver's points until the point certifies"),
              enclose=lambda u: u.exp(), numpy="numpy.exp"),
    Construct("log (natural)", (sp.log,), Encoding.ABSTRACT, lambda a: _positive(a[0]),
              facts=("log(u) <= u - 1, u log(u) >= u - 1, log(1) = 0, strictly increasing; tangent and chord "
                     "lines added at the solver's points"),
              enclose=lambda u: u.log(), numpy="numpy.log", domain_text="u > 0"),
    Construct("sin, cos", (sp.sin, sp.cos), Encoding.ABSTRACT,
              facts="-1 <= value <= 1; sin(u)**2 + cos(u)**2 = 1; sin(0) = 0, cos(0) = 1",
              enclose=None, numpy="numpy.sin / numpy.cos"),
    Construct("atan", (sp.atan,), Encoding.ABSTRACT,
              facts="-pi/2 < atan(u) < pi/2, same sign as u, strictly increasing",
              enclose=lambda u: u.atan(), numpy="numpy.arctan"),
    Construct("asin, acos", (sp.asin, sp.acos), Encoding.ABSTRACT,
              _between(lambda u: sp.Ge(u, -1), lambda u: sp.Le(u, 1)),
              facts="asin in [-pi/2, pi/2] increasing; acos in [0, pi] decreasing",
              enclose=None, numpy="numpy.arcsin / numpy.arccos", domain_text="-1 <= u <= 1"),
    Construct("sinh, tanh, asinh", (sp.sinh, sp.tanh, sp.asinh), Encoding.ABSTRACT,
              facts="same sign as u, strictly increasing; |tanh| < 1",
              enclose=None, numpy="numpy.sinh / numpy.tanh / numpy.arcsinh"),
    Construct("cosh", (sp.cosh,), Encoding.ABSTRACT, facts="cosh(u) >= 1 + u**2/2",
              enclose=lambda u: u.cosh(), numpy="numpy.cosh"),
    Construct("acosh", (sp.acosh,), Encoding.ABSTRACT, lambda a: _nonnegative(a[0] - 1),
              facts="acosh(u) >= 0, strictly increasing", enclose=lambda u: u.acosh(), numpy="numpy.arccosh",
              domain_text="u >= 1"),
    Construct("atanh", (sp.atanh,), Encoding.ABSTRACT,
              _between(lambda u: sp.Gt(u, -1), lambda u: sp.Lt(u, 1)),
              facts="same sign as u, strictly increasing", enclose=lambda u: u.atanh(), numpy="numpy.arctanh",
              domain_text="-1 < u < 1"),
    Construct("abstract functions f(x), their derivatives", (AppliedUndef, sp.Derivative, sp.Subs),
              Encoding.UNINTERPRETED,
              facts=("an uninterpreted real function: equal arguments give equal values; nothing else is "
                     "assumed (state what you know as assumptions) except that mixed partial derivatives are "
                     "equal in any order, as SymPy has them (a C² function; the verdict's notes say so); points "
                     "cannot be certified"),
              numpy="(a concrete function must be substituted)",
              domain_text="real everywhere: declare them so, `Function(\"f\", real=True)` (an undeclared one is "
                          "`unknown`)"),
)

# evaluators that need a second look at the SymPy class
_ENCLOSE_BY_CLASS: dict = {
    sp.sin: lambda u: u.sin(), sp.cos: lambda u: u.cos(), sp.asin: lambda u: u.asin(),
    sp.acos: lambda u: u.acos(), sp.sinh: lambda u: u.sinh(), sp.tanh: lambda u: u.tanh(),
    sp.asinh: lambda u: u.asinh(), sp.Min: _arb_min, sp.Max: _arb_max,
}

#: functions that are strictly monotone on their domain: +1 increasing, -1 decreasing
MONOTONE: dict = {sp.exp: 1, sp.log: 1, sp.atan: 1, sp.asin: 1, sp.acos: -1, sp.sinh: 1, sp.tanh: 1,
                  sp.asinh: 1, sp.acosh: 1, sp.atanh: 1}

#: Boolean connectives and relations the engine decides (Eq/Ne between Booleans read as Equivalent/Xor)
BOOLEAN_CONNECTIVES: tuple = (sp.And, sp.Or, sp.Not, sp.Implies, sp.Equivalent, sp.Xor, sp.ITE, sp.Nand,
                              sp.Nor, Relational)

_BY_CLASS: dict = {}
for _row in CONSTRUCTS:
    for _cls in _row.classes:
        _BY_CLASS[_cls] = _row


def is_truth_value(e) -> bool:
    """A SymPy truth value (relation, connective, true/false), as opposed to a number (a Symbol is both)."""
    return isinstance(e, sp.logic.boolalg.Boolean) and not isinstance(e, sp.Expr)


def construct_of(e: sp.Basic) -> Construct | None:
    """The table row of the head of ``e`` (``None`` when the construct is not supported)."""
    if isinstance(e, sp.Symbol):
        return None
    for cls in type(e).__mro__:
        row = _BY_CLASS.get(cls)
        if row is not None:
            return row
    return None


def enclosure_function(e: sp.Basic) -> Callable | None:
    """The rigorous ``arb`` evaluator of the head of ``e``, if any."""
    f = _ENCLOSE_BY_CLASS.get(type(e))
    if f is not None:
        return f
    row = construct_of(e)
    return row.enclose if row is not None else None


def _describe(e: sp.Basic) -> str:
    if isinstance(e, AppliedUndef):
        return f"the abstract function {e.func}"
    if isinstance(e, sp.Heaviside):  # written by hand, or left by SymPy's derivative of Min, Max or Abs
        return ("Heaviside, the step function (written, or left by SymPy's derivative of a kink of Min, Max or "
                "Abs): state the condition on each side of the step, or rewrite(Piecewise) to take SymPy's "
                "value at it (1/2 unless given)")
    return type(e).__name__


def distinct_subtrees(b: sp.Basic, into=lambda node: True):
    """Every distinct subexpression of ``b`` once, parents before children (the children of a node
    ``into(node)`` refuses are not visited).

    A derived rule repeats the same subtrees many times (a greedy rule written out for every ordering),
    so this walk is linear in the distinct subtrees where ``preorder_traversal`` is linear in the tree.

    >>> x = sp.Symbol("x")
    >>> [str(n) for n in distinct_subtrees(sp.sin(x) + sp.sin(x) ** 2)]
    ['sin(x)**2 + sin(x)', 'sin(x)**2', 'sin(x)', 'x', '2']
    """
    seen, stack = set(), [b]
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        yield node
        if into(node):
            stack.extend(reversed(node.args))


def atoms_of(b: sp.Basic, *types) -> set:
    """``b.atoms(*types)`` by a walk of the distinct subtrees (see :func:`distinct_subtrees`)."""
    return {n for n in distinct_subtrees(b) if isinstance(n, types)}


@lru_cache(maxsize=16384)
def huge_power_bits(b) -> int:
    """The bits of the largest unevaluated power of a rational number in ``b`` (``Pow(2, 2**40,
    evaluate=False)``: 2**40), or 0: such a power is never multiplied out (it would fill the memory).

    >>> huge_power_bits(sp.Symbol("x") < sp.Pow(2, 2**40, evaluate=False)), huge_power_bits(sp.Symbol("x") ** 3)
    (1099511627776, 0)
    """
    if not isinstance(b, sp.Basic):
        return 0
    most = 0
    for e in distinct_subtrees(b):  # not atoms(): a derived rule repeats its subtrees millions of times
        if not isinstance(e, sp.Pow):
            continue
        base, exp = e.base, e.exp
        if base.is_Rational and exp.is_Integer and base not in (0, 1, -1):
            size = max(max(abs(base.p), abs(base.q)).bit_length() - 1, 1)  # about log2 of the base
            most = max(most, abs(int(exp)) * size)
    return most


#: a power of a rational number beyond this many bits is outside the table (the integer limit of SMT-LIB)
POWER_BITS = MAX_INTEGER_BITS


def unsupported_in(b: sp.Basic) -> str | None:
    """A description of the first construct of ``b`` outside the table, or ``None`` (cached by ``b``)."""
    bits = huge_power_bits(b)
    if bits > POWER_BITS:
        return f"a power of a number of about {bits:,} bits (the engine takes up to {POWER_BITS:,})"
    # a CRootOf's polynomial is data, not an expression of the claim
    for sub in distinct_subtrees(b, into=lambda node: not isinstance(node, sp.CRootOf)):
        if isinstance(sub, (sp.Symbol, sp.logic.boolalg.BooleanAtom)):
            continue
        if isinstance(sub, sp.CRootOf):
            if not sub.is_real:
                return f"the non-real number {sp.sstr(sub)}"
            continue
        if isinstance(sub, BOOLEAN_CONNECTIVES):
            continue
        if isinstance(sub, sp.Expr) and sub.is_number and sub.is_real is False:
            return f"the number {sp.sstr(sub)[:80]}, which SymPy finds non-real"
        if isinstance(sub, (sp.Tuple, sp.core.containers.Tuple)) or type(sub).__name__ == "ExprCondPair":
            continue
        if isinstance(sub, sp.Derivative):
            if not isinstance(sub.expr, AppliedUndef):
                return f"a derivative of {sp.sstr(sub.expr)} (only derivatives of abstract functions)"
            continue
        if isinstance(sub, sp.Subs):
            if not (isinstance(sub.expr, sp.Derivative) and isinstance(sub.expr.expr, AppliedUndef)):
                return "Subs (only of derivatives of abstract functions)"
            continue
        if construct_of(sub) is None:
            if sub.is_number and sub.is_real is False:
                return f"the number {sp.sstr(sub)[:80]}, which SymPy finds non-real"
            return f"{_describe(sub)} (in {sp.sstr(sub)[:80]})"
    return None


def domain_conditions(e: sp.Basic) -> tuple[sp.Boolean, ...]:
    """Conditions under which every construct in ``e`` is defined and real, in order of discovery.

    Inside a ``Piecewise`` or ``ITE`` branch the conditions are guarded by the
    branch being taken.  ``Or``, ``And`` and ``Implies`` are read in Kleene's
    strong logic: an ``Or`` is defined where one of its defined parts is true
    (whatever the others) or every part is defined, so
    ``Or(x > -1, 1/x > 5)`` holds at ``x = 0``; ``Implies(h, c)`` is
    ``Or(Not(h), c)``, a ``Nand`` (``Nor``) is defined where its ``And``
    (``Or``) is.  Conditions SymPy settles as true from the symbols'
    assumptions are left out.  A pure function of ``e`` (cached by it).
    """
    if isinstance(e, (sp.Symbol, sp.logic.boolalg.BooleanAtom)) or not e.args:
        return ()
    return _conditions(e)


#: functions SymPy evaluates at a number by a numeric approximation, or whose conditions it settles by its
#: sign rules: at an exact tie (floor of a radical that is an integer, the sign of a radical zero, a
#: Piecewise condition on one) the value can be wrong
SETTLED_NUMERICALLY = (sp.floor, sp.ceiling, sp.frac, sp.Mod, sp.sign, sp.Piecewise, sp.Heaviside)

#: the symbol assumptions whose consequences SymPy's sign rules get right (its reasoning about number kinds
#: is not reliable: it calls u**2 irrational for an irrational u, and r**2 - 2 nonzero)
_SIGN_ONLY = frozenset({"real", "complex", "commutative", "hermitian", "finite", "infinite", "extended_real",
                       "imaginary", "positive", "negative", "nonnegative", "nonpositive", "zero", "nonzero",
                       "extended_positive", "extended_negative", "extended_nonnegative", "extended_nonpositive",
                       "extended_nonzero"})


#: the operations through which SymPy's sign rules are proofs (given sign-only symbols and rational constants)
_SIGN_RULE_FUNCTIONS = (sp.Add, sp.Mul, sp.Pow, sp.exp, sp.Abs, sp.Max, sp.Min)


@lru_cache(maxsize=16384)
def sympy_settles_reliably(e: sp.Basic) -> bool:
    """Whether SymPy's own verdicts on ``e`` (``is_positive``, ``is_zero``, a relation it evaluates) can be
    taken as proofs: its symbols carry sign assumptions only, it is built by +, *, powers, exp, Abs, Max and
    Min alone, and it has no constant other than a rational
    (SymPy signs a constant such as ``sqrt(9 + 4 sqrt(5)) + sqrt(11 + 4 sqrt(7)) - 4 - sqrt(5) - sqrt(7)``,
    which is 0, by a numeric evaluation, and calls it negative)."""
    if not _sign_kinds_only(e.free_symbols):
        return False
    for n in distinct_subtrees(e):
        if isinstance(n, (sp.Symbol, sp.Rational, Relational)):
            continue
        if isinstance(n, sp.Expr) and n.is_number:
            return False
        # any other function brings SymPy's number-kind rules back in: atan(floor(y)) is "irrational", so
        # "nonzero", though floor(0) = 0
        if not isinstance(n, _SIGN_RULE_FUNCTIONS):
            return False
    return True




@lru_cache(maxsize=16384)
def sympy_algebra_reliable(e: sp.Basic) -> bool:
    """Whether SymPy's algebra on ``e`` (``simplify`` to 0) is a proof of an identity: no symbol or abstract
    function with number-kind assumptions, no constant other than a rational, and nothing SymPy settles by
    evaluating it (a ``Piecewise``'s conditions, ``floor``, ``sign``, ...)."""
    if not _sign_kinds_only(e.free_symbols | e.atoms(AppliedUndef)) or e.has(*SETTLED_NUMERICALLY):
        return False
    return not any(isinstance(n, sp.Expr) and n.is_number and not n.is_Rational for n in distinct_subtrees(e))


def _sign_kinds_only(things) -> bool:
    """Symbols (and abstract functions) declared with sign assumptions only, no number kind."""
    return not any(set(k.assumptions0) - _SIGN_ONLY for k in things)


@lru_cache(maxsize=65536)
def _conditions(node) -> tuple:
    out: list = []

    def add(conds, guard=sp.true):
        for c in conds:
            c = c if guard is sp.true else sp.Implies(guard, c)
            if c is not sp.true and c not in out:
                out.append(c)

    if isinstance(node, sp.Piecewise):
        taken = sp.true
        for piece in node.args:
            add(domain_conditions(piece.cond), taken)
            add(domain_conditions(piece.expr), _and(taken, piece.cond))
            taken = _and(taken, sp.Not(piece.cond))
        add(_piecewise_domain(node.args))
        return tuple(out)
    if isinstance(node, sp.ITE):  # a branch counts only where it is taken, as a Piecewise's does
        cond, then, other = node.args
        add(domain_conditions(cond))
        add(domain_conditions(then), cond)
        add(domain_conditions(other), sp.Not(cond))
        return tuple(out)
    if isinstance(node, (sp.Or, sp.And, sp.Implies, sp.Nand, sp.Nor)):
        return _settled_where(node)
    if isinstance(node, sp.Subs):
        for a in node.point:
            add(domain_conditions(a))
        return tuple(out)
    if isinstance(node, (sp.Derivative, sp.CRootOf)):
        return ()
    for a in node.args:
        add(domain_conditions(a))
    row = construct_of(node) if isinstance(node, sp.Expr) else None
    if row is not None:
        conds = row.domain(node.args)
        if any(c is sp.true for c in conds) and not sympy_settles_reliably(node):
            with sp.evaluate(False):  # SymPy's True here is not a proof: keep the condition for the solver
                conds = row.domain(node.args)
        add(conds)
    return tuple(out)


def _settled_where(node) -> tuple:
    """Where a connective has a truth value though a part may be undefined (Kleene's strong logic).

    An ``Or`` is true where one defined part is true, whatever the others; false where every part is
    defined (an ``And`` likewise with false; ``Implies(h, c)`` is ``Or(Not(h), c)``).  The order of the parts
    does not matter: SymPy sorts an ``Or``'s arguments, so a left-to-right reading would depend on its order.
    """
    if isinstance(node, sp.Implies):
        parts, deciding = (sp.Not(node.args[0]), node.args[1]), True
    else:  # the value at which a defined part settles the whole (a Nand is Not(And), a Nor Not(Or))
        parts, deciding = node.args, isinstance(node, (sp.Or, sp.Nor))
    defined = [sp.And(*domain_conditions(a)) for a in parts]
    if all(d is sp.true for d in defined):
        return ()
    settling = [a if deciding else sp.Not(a) for a in parts]
    # where one part alone can be undefined, "every part defined" is its condition and covers "it is defined
    # and settles the whole": the shorter form, as the reason for an unknown prints it
    alone = sum(d is not sp.true for d in defined) == 1
    return (sp.Or(*[_and(d, a) for d, a in zip(defined, settling) if d is sp.true or not alone],
                  sp.And(*defined)),)


def _and(a, b):
    if a is sp.true:
        return b
    if b is sp.true:
        return a
    return sp.And(a, b)


def condition_text(c: sp.Basic) -> str:
    """A domain condition as a reader writes it: ``a != 0``, ``x > 0``, ``x > 0 => y >= 0``.

    >>> import sympy as sp
    >>> condition_text(sp.Ne(sp.Symbol("a"), 0))
    'a != 0'
    """
    c = _absorbed(c)
    if isinstance(c, Relational) and not is_truth_value(c.lhs):
        return f"{sp.sstr(c.lhs)} {c.rel_op} {sp.sstr(c.rhs)}"
    if isinstance(c, sp.Implies):
        return f"({condition_text(c.args[0])}) => ({condition_text(c.args[1])})"
    if isinstance(c, (sp.And, sp.Or)):  # (x <= 1) or (x - 1 != 0), not SymPy's "| Ne(x - 1, 0)"
        word = " and " if isinstance(c, sp.And) else " or "
        return word.join(f"({condition_text(a)})" for a in c.args)
    return sp.sstr(c)


def _absorbed(c: sp.Basic) -> sp.Basic:
    """``c`` with absorbed parts left out, to be read (``a | (a & b)`` is ``a``; ``a & (a | b)`` is ``a``).

    >>> a, b = sp.symbols("a b")
    >>> _absorbed(sp.Or(a, sp.And(a, b), evaluate=False))
    a
    """
    if not isinstance(c, (sp.And, sp.Or)):
        return c
    dual = sp.And if isinstance(c, sp.Or) else sp.Or
    parts = [_absorbed(a) for a in c.args]
    kept = [a for a in parts if not (isinstance(a, dual) and any(b in a.args for b in parts if b is not a))]
    return kept[0] if len(kept) == 1 else c.func(*kept, evaluate=False)


def _rounded_hint(q: sp.Rational) -> str:
    """Where a decimal is a simple fraction rounded (``1/(1 - 0.4)`` is 1.66666666666667), which one: a Float
    Python computed is read as printed, and a claim may then hinge on the rounding.

    >>> _rounded_hint(sp.Rational(166666666666667, 10**14)), _rounded_hint(sp.Rational(3, 10))
    (' (a rounded 5/3? Python computed it in binary floats: if 5/3 is meant, write sympy.Rational(5, 3))', '')
    """
    if q.q < 10**6:  # a short decimal is what was typed
        return ""
    simple = Fraction(int(q.p), int(q.q)).limit_denominator(1000)
    if simple.denominator in (1, 2, 4, 5, 8, 10) or abs(Fraction(int(q.p), int(q.q)) - simple) > abs(simple) * 1e-12:
        return ""
    p, d = simple.numerator, simple.denominator
    return (f" (a rounded {p}/{d}? Python computed it in binary floats: if {p}/{d} is meant, write "
            f"sympy.Rational({p}, {d}))")


@lru_cache(maxsize=16384)  # a pure function of b; an obligation's expressions are read many times
def exact_floats(b: sp.Basic) -> tuple[sp.Basic, tuple[str, ...]]:
    """``b`` with every Float replaced by the decimal it prints as, and a note per Float read.

    >>> import sympy as sp
    >>> x = sp.Symbol("x")
    >>> exact_floats(x > 0.1)
    (x > 1/10, ('the Float 0.100000000000000 was read as 1/10',))
    """
    floats = sorted(atoms_of(b, sp.Float), key=sp.default_sort_key)
    if not floats:
        return b, ()
    mapping, notes = {}, []
    for f in floats:
        if not f.is_finite:
            raise ValueError(f"the claim contains the non-finite number {f}")
        # through Decimal: sp.Rational("1.0e+5000") is refused, and the digits are the decimal printed
        q = sp.Rational(Fraction(Decimal(str(f))))
        mapping[f] = q
        try:
            read_as = sp.sstr(q)
        except ValueError:  # an integer of more than 4,300 digits does not print
            read_as = "the decimal it prints as, exactly"
        notes.append(f"the Float {f} was read as {read_as}{_rounded_hint(q)}")
    with sp.evaluate(False):  # replacing numbers must not let SymPy re-decide the relations around them
        read = b.xreplace(mapping)
    return read, tuple(notes)


def supported_constructs_markdown() -> str:
    """The table as Markdown, for the README (generated, so it cannot drift)."""
    lines = ["| construct | defined where | z3 sees | NumPy |", "|---|---|---|---|"]
    for row in CONSTRUCTS:
        how = f"{row.encoding.value}" + (f": {row.facts}" if row.facts else "")
        cells = [row.name, row.domain_text, how, row.numpy or "operator"]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    lines.append("| Boolean: And, Or, Not, Implies, Equivalent, Xor, ITE, Nand, Nor, ==, !=, <, <=, >, >= | "
                 "always | exact (Eq/Ne between Booleans as Equivalent/Xor) | operator |")
    return "\n".join(lines) + "\n"
