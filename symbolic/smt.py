"""Translate SymPy Booleans into z3 terms over the reals.

Why a translator of our own: SymPy's SMT-LIB printer drops symbol assumptions,
prints division as ``(pow y -1)`` and floats as decimals (ENGINE-NOTES.md).
Here every construct is translated exactly or refused, and every fact the
translation relies on is returned explicitly:

* symbol assumptions (``positive=True`` gives ``x > 0``),
* *domain conditions* -- denominators that must not vanish, arguments of
  ``log`` that must be positive, bases of fractional powers that must be
  non-negative.  The engine proves them from the assumptions before it trusts
  any answer, because z3 gives ``x/0`` an arbitrary value,
* *atoms*: a subterm z3 cannot reason about (``exp``, ``log``, fractional
  powers, undefined functions) becomes a fresh real variable together with
  true facts about it (``exp(u) > 0``, ``exp(u) >= 1 + u``, monotonicity
  between atoms of one function).  Deciding the abstraction is sound for
  proofs; a counterexample found through it is only reported after exact
  certification in SymPy.

A relation ``n/d op 0`` is sent to z3 as ``n op 0`` when SymPy establishes the
sign of ``d`` from the symbol assumptions, and otherwise as ``n*d op 0``,
which is equivalent wherever ``d != 0`` -- a domain condition the engine
proves first.  Polynomial atoms are much faster for z3 than division.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache

import sympy as sp
import z3
from sympy.core.relational import Relational
from sympy.logic.boolalg import BooleanFunction

__all__ = ["Untranslatable", "Translator", "DomainCondition"]


class Untranslatable(Exception):
    """A construct the translator refuses (the engine reports ``unknown``)."""


@dataclass(frozen=True)
class DomainCondition:
    """``expr`` must be ``nonzero``, ``positive`` or ``nonnegative`` for the claim to be defined."""

    expr: sp.Expr
    need: str  # "nonzero" | "positive" | "nonnegative"

    def describe(self) -> str:
        what = {"nonzero": "!= 0", "positive": "> 0", "nonnegative": ">= 0"}[self.need]
        return f"{sp.sstr(self.expr)} {what}"


def rational_value(num: sp.Expr) -> z3.ArithRef:
    q = sp.Rational(num)
    return z3.RealVal(f"{q.p}/{q.q}")


_SIGN_KNOWN = {"positive": "is_positive", "nonnegative": "is_nonnegative", "nonzero": "is_nonzero"}


@dataclass
class Translator:
    """Stateful translation of one decision problem (one claim plus its assumptions)."""

    symbols: tuple = ()
    vars: dict = field(default_factory=dict)
    atoms: dict = field(default_factory=dict)  # sympy atom -> (z3 var, family, z3 argument or None)
    side: list = field(default_factory=list)  # z3 facts about atoms
    domain: list = field(default_factory=list)  # DomainCondition, in order of discovery
    opaque: set = field(default_factory=set)
    clear_denominators: bool = True

    # -- symbols and their SymPy assumptions -----------------------------------
    def var(self, s: sp.Symbol):
        if s not in self.vars:
            name = z3_name(s)
            self.vars[s] = z3.Int(name) if s.is_integer else z3.Real(name)
        v = self.vars[s]
        return z3.ToReal(v) if s.is_integer else v

    def symbol_facts(self) -> list:
        """z3 facts implied by the SymPy assumptions of the symbols seen."""
        return [f for s in list(self.vars) for f in sign_facts(s, self.var(s))]

    # -- domain ---------------------------------------------------------------
    def _require(self, expr: sp.Expr, need: str) -> None:
        if getattr(expr, _SIGN_KNOWN[need]) is True:
            return  # SymPy establishes it from the symbol assumptions
        cond = DomainCondition(expr, need)
        if cond not in self.domain:
            self.domain.append(cond)

    # -- arithmetic -------------------------------------------------------------
    def expr(self, e: sp.Expr):
        if isinstance(e, sp.Symbol):
            return self.var(e)
        if e.is_Rational:
            return rational_value(e)
        if isinstance(e, sp.Float):
            return rational_value(sp.Rational(e))  # the exact binary value the user typed
        if e is sp.zoo or e is sp.nan or e in (sp.oo, -sp.oo):
            raise Untranslatable(f"the expression contains {e}")
        if e.has(sp.I) or (e.is_number and e.is_real is False):
            raise ValueError(f"the claim involves a non-real number: {sp.sstr(e)}")
        if isinstance(e, sp.Add):
            return z3.Sum([self.expr(a) for a in e.args])
        if isinstance(e, sp.Mul):
            return z3.Product([self.expr(a) for a in e.args])
        if isinstance(e, sp.Pow):
            return self._pow(e)
        if isinstance(e, sp.Abs):
            a = self.expr(e.args[0])
            return z3.If(a >= 0, a, -a)
        if isinstance(e, (sp.Min, sp.Max)):
            args = [self.expr(a) for a in e.args]
            out = args[0]
            for a in args[1:]:
                out = z3.If(a < out, a, out) if isinstance(e, sp.Min) else z3.If(a > out, a, out)
            return out
        if isinstance(e, sp.Piecewise):
            return self._piecewise(e)
        if isinstance(e, sp.exp):
            return self._atom(e, "exp")
        if isinstance(e, sp.log):
            if len(e.args) != 1:
                raise Untranslatable("log with a base")
            self._require(e.args[0], "positive")
            return self._atom(e, "log")
        if e.is_number and e.is_real:
            return self._atom(e, "constant")
        if not e.is_real and e.is_real is not None:
            raise ValueError(f"the claim involves a non-real expression: {sp.sstr(e)}")
        # undefined functions, derivatives, other functions: an opaque real value
        self.opaque.add(e)
        return self._atom(e, "opaque")

    def _pow(self, e: sp.Pow):
        base, expo = e.args
        if expo.is_Integer:
            n = int(expo)
            if n >= 0:
                b = self.expr(base)
                return z3.Product([b] * n) if n > 0 else z3.RealVal(1)
            self._require(base, "nonzero")
            b = self.expr(base)
            return 1 / z3.Product([b] * (-n))
        if expo.is_Rational:
            # base**(p/q): SymPy's value is real only for base >= 0 (principal root)
            p, q = int(expo.p), int(expo.q)
            self._require(base, "positive" if p < 0 else "nonnegative")
            root = self._atom(sp.Pow(base, sp.Rational(1, q), evaluate=False), "root", q=q, base=base)
            value = z3.Product([root] * abs(p))
            return 1 / value if p < 0 else value
        if base is sp.E:
            return self._atom(sp.exp(expo), "exp")
        self._require(base, "positive")
        self.opaque.add(e)
        return self._atom(e, "power", base=base)

    def _piecewise(self, e: sp.Piecewise):
        pieces = list(e.args)
        if pieces[-1].cond is not sp.true:
            raise Untranslatable("a Piecewise without a default (otherwise) branch")
        out = self.expr(pieces[-1].expr)
        for piece in reversed(pieces[:-1]):
            out = z3.If(self.boolean(piece.cond), self.expr(piece.expr), out)
        return out

    def _atom(self, e: sp.Expr, family: str, q: int | None = None, base: sp.Expr | None = None):
        if e in self.atoms:
            return self.atoms[e][0]
        t = z3.Real(f"atom!{len(self.atoms)}")
        arg = None
        if family == "exp":
            arg = self.expr(e.args[0])
            self.side += [t > 0, t >= 1 + arg]
        elif family == "log":
            arg = self.expr(e.args[0])
            # log u <= u - 1 and u*log u >= u - 1 for u > 0 (tangent bounds)
            self.side += [z3.Implies(arg > 0, z3.And(t <= arg - 1, arg * t >= arg - 1))]
        elif family == "root":
            arg = self.expr(base)
            self.side += [t >= 0, z3.Implies(arg >= 0, z3.Product([t] * q) == arg)]
        elif family == "power":
            # b**e > 0 for real e wherever b > 0 (the domain condition the engine proves)
            self.side += [z3.Implies(self.expr(base) > 0, t > 0)]
        elif family == "constant":
            lo, hi = _enclosure(e)
            self.side += [t > rational_value(lo), t < rational_value(hi)]
        self.atoms[e] = (t, family, arg)
        return t

    def monotonicity_facts(self) -> list:
        """exp, log and q-th roots are increasing: compare every pair of atoms of one family."""
        facts = []
        by_family: dict = {}
        for t, family, arg in self.atoms.values():
            if family in ("exp", "log", "root") and arg is not None:
                by_family.setdefault(family, []).append((t, arg))
        for family, items in by_family.items():
            for i, (t1, a1) in enumerate(items):
                for t2, a2 in items[i + 1:]:
                    guard = z3.BoolVal(True) if family == "exp" else z3.And(a1 > 0, a2 > 0)
                    facts.append(z3.Implies(guard, z3.And(
                        z3.Implies(a1 < a2, t1 < t2), z3.Implies(a1 > a2, t1 > t2),
                        z3.Implies(a1 == a2, t1 == t2))))
        return facts

    # -- Booleans --------------------------------------------------------------
    def boolean(self, b):
        if b is sp.true or b is True:
            return z3.BoolVal(True)
        if b is sp.false or b is False:
            return z3.BoolVal(False)
        if isinstance(b, Relational):
            return self._relation(b)
        if isinstance(b, sp.And):  # canonical order: SymPy's arg order follows hash randomisation
            return z3.And([self.boolean(a) for a in sorted(b.args, key=sp.default_sort_key)])
        if isinstance(b, sp.Or):
            return z3.Or([self.boolean(a) for a in sorted(b.args, key=sp.default_sort_key)])
        if isinstance(b, sp.Not):
            return z3.Not(self.boolean(b.args[0]))
        if isinstance(b, sp.Implies):
            return z3.Implies(self.boolean(b.args[0]), self.boolean(b.args[1]))
        if isinstance(b, sp.Equivalent):
            parts = [self.boolean(a) for a in b.args]
            return z3.And([p == parts[0] for p in parts[1:]])
        if isinstance(b, sp.Xor):
            out = z3.BoolVal(False)
            for a in b.args:
                out = z3.Xor(out, self.boolean(a))
            return out
        if isinstance(b, sp.ITE):
            c, x, y = (self.boolean(a) for a in b.args)
            return z3.If(c, x, y)
        if isinstance(b, BooleanFunction):
            raise Untranslatable(f"the Boolean connective {type(b).__name__}")
        raise Untranslatable(f"{sp.sstr(b)} is not a relation or a Boolean connective")

    def _relation(self, r: Relational):
        key = (r, self.clear_denominators)
        hit = _RELATION_CACHE.get(key)
        if hit is not None:
            z3_rel, conds = hit
            for c in conds:
                self._require(c.expr, c.need)
            return z3_rel
        n_domain, n_atoms = len(self.domain), len(self.atoms)
        z3_rel = self._relation_uncached(r)
        if len(self.atoms) == n_atoms and not any(v.is_integer for v in r.free_symbols):
            # polynomial relations over real symbols translate the same in every problem
            _RELATION_CACHE[key] = (z3_rel, tuple(self.domain[n_domain:]))
        return z3_rel

    def _relation_uncached(self, r: Relational):
        op = r.rel_op
        if op not in ("==", "!=", "<", "<=", ">", ">="):
            raise Untranslatable(f"the relation {op}")
        # each side as written: in lhs - rhs SymPy may cancel a fraction present on both sides
        self._record_domain(r.lhs)
        self._record_domain(r.rhs)
        diff = r.lhs - r.rhs
        if not self.clear_denominators:
            return _compare(self.expr(r.lhs) - self.expr(r.rhs), op)
        num, den = _numer_denom(diff)
        if den.is_number:
            sign = 1 if den > 0 else -1
            return _compare(self.expr(sign * num), op)
        if op in ("==", "!="):
            return _compare(self.expr(num), op)  # n/d = 0 iff n = 0 where d != 0
        if den.is_positive:
            return _compare(self.expr(num), op)
        if den.is_negative:
            return _compare(self.expr(-num), op)
        # sign of d unknown: n/d op 0 iff n*d op 0 where d != 0 (a proved domain condition)
        return _compare(self.expr(num) * self.expr(den), op)

    def _record_domain(self, e: sp.Expr) -> None:
        """Collect the domain conditions of ``e`` without building z3 terms."""
        for sub in sp.preorder_traversal(e):
            if isinstance(sub, sp.Pow):
                base, expo = sub.args
                if expo.is_Integer and expo < 0:
                    self._require(base, "nonzero")
                elif expo.is_Rational and not expo.is_Integer:
                    self._require(base, "positive" if expo < 0 else "nonnegative")
            elif isinstance(sub, sp.log):
                self._require(sub.args[0], "positive")

    def domain_violation(self, cond: DomainCondition):
        """A z3 formula true where ``cond`` fails (translated without clearing)."""
        saved = self.clear_denominators
        self.clear_denominators = False
        try:
            x = self.expr(cond.expr)
        finally:
            self.clear_denominators = saved
        return {"nonzero": x == 0, "positive": x <= 0, "nonnegative": x < 0}[cond.need]

    def domain_fact(self, cond: DomainCondition):
        return z3.Not(self.domain_violation(cond))


#: (relation, clearing?) -> (z3 term, domain conditions it adds); z3 terms live in z3's
#: global context, and a SymPy symbol always maps to the same z3 variable (z3_name)
_RELATION_CACHE: dict = {}

#: SymPy symbol -> its z3 name; distinct symbols never share one, even with the same name
#: (``Symbol('u', positive=True)`` and ``Symbol('u')`` are different symbols)
_Z3_NAMES: dict = {}
_Z3_TAKEN: set = set()


def z3_name(s: sp.Symbol) -> str:
    """A z3 variable name unique to the SymPy symbol ``s`` (its own name when that is free)."""
    name = _Z3_NAMES.get(s)
    if name is None:
        name, i = s.name, 1
        while name in _Z3_TAKEN or name.startswith("atom!") or name.startswith("assumption!"):
            name, i = f"{s.name}!{i}", i + 1
        _Z3_NAMES[s] = name
        _Z3_TAKEN.add(name)
    return name


def sign_facts(s: sp.Symbol, x) -> list:
    """The sign facts of symbol ``s``'s SymPy assumptions, stated about the solver term ``x``.

    ``x`` may be a z3 or a cvc5 (pythonic) term: only comparison operators are used.
    """
    facts = []
    if s.is_positive:
        facts.append(x > 0)
    elif s.is_nonnegative:
        facts.append(x >= 0)
    if s.is_negative:
        facts.append(x < 0)
    elif s.is_nonpositive:
        facts.append(x <= 0)
    if s.is_zero:
        facts.append(x == 0)
    elif s.is_nonzero and not (s.is_positive or s.is_negative):
        facts.append(x != 0)
    return facts


def _compare(x, op):
    return {"==": x == 0, "!=": x != 0, "<": x < 0, "<=": x <= 0, ">": x > 0, ">=": x >= 0}[op]


def _enclosure(number: sp.Expr) -> tuple[sp.Rational, sp.Rational]:
    """Exact rationals strictly around a real constant such as ``pi`` or ``E``."""
    value = sp.Rational(str(sp.N(number, 40)))
    eps = sp.Rational(1, 10**30) * max(1, abs(value))
    return value - eps, value + eps


def z3_value_to_sympy(v) -> sp.Expr:
    """An exact SymPy number for a z3 model value (rational or algebraic)."""
    if isinstance(v, z3.IntNumRef):
        return sp.Integer(v.as_long())
    if isinstance(v, z3.RatNumRef):
        f = v.as_fraction()
        return sp.Rational(f.numerator, f.denominator)
    if isinstance(v, z3.AlgebraicNumRef):
        coeffs = [z3_value_to_sympy(c) for c in v.poly()]  # lowest degree first
        t = sp.Dummy("t")
        poly = sum(c * t**i for i, c in enumerate(coeffs))
        return sp.rootof(poly, int(v.index()) - 1)  # z3 counts real roots from 1
    raise Untranslatable(f"a model value of unexpected form: {v}")


def fraction_of(v: sp.Rational) -> Fraction:
    return Fraction(int(v.p), int(v.q))


@lru_cache(maxsize=65536)
def _numer_denom(diff: sp.Expr) -> tuple[sp.Expr, sp.Expr]:
    # as_numer_denom is much cheaper than together() and exact (z3 needs no expanded form); cached because
    # the same assumption atoms recur across many decisions
    num, den = diff.as_numer_denom()
    return num, den
