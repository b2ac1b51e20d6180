r"""SymPy Booleans to SMT-LIB text for z3, one problem at a time, by the table of :mod:`symbolic.constructs`.

A :class:`Translator` belongs to one decision: its variables are named by
position (``r1``, ``i2``, ``a3``...), never by the user's symbol names, so no
user name can collide with an internal one and nothing is shared between
calls.  It emits SMT-LIB terms as text (the z3 worker parses them), and records

* the variable of each symbol, with the facts its SymPy assumptions give
  (:func:`symbol_facts`: what z3 can state exactly -- sign, zero, integer,
  parity, non-integer -- and the names of the assumptions it could only
  *weaken*, such as ``rational`` or ``prime``, which certification checks);
* the *atoms*: applications of abstract functions (``exp``, ``log``...), each
  a fresh real with facts that are true of that function, and the algebraic
  and integer helper variables of roots and ``floor``;
* facts relating two atoms only where they hold for those two atoms: the
  same monotone function at two arguments, or equal arguments.

A relation ``n/d op 0`` goes to z3 as ``n op 0`` when SymPy establishes the
sign of ``d`` from the symbol assumptions (``-n`` for a negative ``d``) and as
``n*c op 0`` otherwise, ``c`` the factor of ``d`` that carries its sign
(:func:`symbolic.denominators.sign_carrier`: ``u`` for ``u**3``): equivalent wherever ``d != 0``, a
domain condition the engine proves first.  Polynomial atoms are much faster for
z3 than division.  The SMT-LIB text itself is written by :mod:`symbolic.smtlib`.

>>> import sympy as sp
>>> x = sp.Symbol("x", positive=True)
>>> tr = Translator()
>>> tr.boolean(x**2 > 1 / x)
'(> (- (* (* r1 r1) r1) 1.0) 0.0)'
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.core.relational import Relational
from sympy.logic.boolalg import Boolean

from .constructs import MONOTONE, Encoding, construct_of, is_truth_value, unsupported_in
from .denominators import side
from .errors import BadInputTypeError
from .smtlib import (Unsupported, all_of, any_of, app, compare, implies, int_literal, ite, negation, num,
                     power_of, product_of, sum_of)

__all__ = ["Unsupported", "Translator", "Atom", "symbol_facts"]


#: sums and products up to this many terms are split into the atoms of their terms (exp(a+b) = exp(a)exp(b))
_MAX_SPLIT = 8


@dataclass
class Atom:
    """A fresh z3 real standing for an application of an abstract function."""

    var: str  #: the SMT-LIB variable
    func: object  #: the SymPy function class (``sp.exp``...) or ``"root"``
    arg: sp.Expr | None  #: the argument as a SymPy expression (``None`` for constants)
    arg_term: str | None = None  #: the argument in SMT-LIB
    expr: sp.Expr | None = None  #: the SymPy expression the atom stands for


# -- symbol assumptions ---------------------------------------------------------------------

#: SymPy assumption -> (comparison with zero when True, when False)
_SIGN_FACTS = {
    "positive": (">", "<="), "negative": ("<", ">="), "nonnegative": (">=", "<"), "nonpositive": ("<=", ">"),
    "zero": ("==", "!="), "nonzero": ("!=", "=="),
    "extended_positive": (">", "<="), "extended_negative": ("<", ">="), "extended_nonnegative": (">=", "<"),
    "extended_nonpositive": ("<=", ">"), "extended_nonzero": ("!=", "=="),
}
#: assumptions that say nothing beyond "a real number" here (every symbol is a finite real)
_IMPLIED_BY_REAL = {"real", "complex", "commutative", "hermitian", "finite", "extended_real", "imaginary",
                    "infinite", "antihermitian"}
_NUMBER_KINDS = ("rational", "irrational", "algebraic", "transcendental")


def symbol_facts(s: sp.Symbol, v: str, is_int: bool, fresh_int) -> tuple[list[str], list[str]]:
    """Facts for the SymPy assumptions of ``s`` on its variable ``v``, and the assumptions only weakened.

    ``fresh_int()`` names a fresh integer variable (for ``integer=False``).
    Weakened assumptions (``rational``, ``prime``...) are replaced by a
    consequence z3 can state (or by nothing): sound for proofs and for "no
    instance"; a counterexample or witness must still satisfy them, which
    certification checks.

    >>> symbol_facts(sp.Symbol("m", even=True), "i1", True, None)[0]
    ['(= (mod i1 2) 0)']
    """
    facts, weakened = [], []
    a = s.assumptions0
    zero = "0" if is_int else "0.0"
    real_v = f"(to_real {v})" if is_int else v
    for key, value in sorted(a.items()):
        if key in _SIGN_FACTS:
            facts.append(compare(_SIGN_FACTS[key][0 if value else 1], v, zero))
        elif key in ("integer", "noninteger"):
            non_integer = (key == "integer" and not value) or (key == "noninteger" and value)
            if non_integer:
                facts.append(negation(app("is_int", real_v)))
        elif key in ("even", "odd"):
            if is_int:
                parity = 0 if (key == "even") == bool(value) else 1
                facts.append(app("=", app("mod", v, "2"), str(parity)))
            elif value:
                weakened.append(key)
        elif key in ("prime", "composite"):
            if value:
                facts.append(app(">=", v, ("2" if key == "prime" else "4") if is_int
                                  else ("2.0" if key == "prime" else "4.0")))
                if key == "prime" and is_int:  # true of every prime: an even prime is 2 (p > 2 and even: vacuous)
                    facts += [f"(or (= {v} {d}) (not (= (mod {v} {d}) 0)))" for d in (2, 3)]
                weakened.append(key)
            elif is_int:
                weakened.append(f"{key}=False")
        elif key in _NUMBER_KINDS:
            if value and not is_int:
                weakened.append(key)
        elif key in _IMPLIED_BY_REAL:
            continue
        else:  # an assumption this table does not know: weakened, so certification checks it
            weakened.append(f"{key}={value}")
    return list(dict.fromkeys(facts)), weakened


# -- the translator -------------------------------------------------------------------------

@dataclass
class Translator:
    """Translation state of one decision problem (never shared between problems)."""

    vars: dict = field(default_factory=dict)  # SymPy symbol -> SMT-LIB name
    sorts: dict = field(default_factory=dict)  # SMT-LIB name -> "Real" | "Int" | "Bool" | function signature
    atoms: dict = field(default_factory=dict)  # key -> Atom
    facts: list = field(default_factory=list)  # facts about symbols, atoms and helper variables
    weakened: dict = field(default_factory=dict)  # SymPy symbol -> assumptions only weakened
    functions: dict = field(default_factory=dict)  # (SymPy function, arity, derivative signature) -> name
    _powers: list = field(default_factory=list)  # (exponent, base term, value term) of real-exponent powers
    #: a second pass adds true facts that help some claims and slow others down: exp(a + b) = exp(a) exp(b),
    #: log(a b) = log(a) + log(b), exp(-a) exp(a) = 1, Taylor bounds of exp, tangents between powers
    second_pass: bool = False
    _count: int = 0
    #: translations already made: a derived rule repeats the same subtrees many times, and translating is a
    #: pure function of the subtree here (atoms, functions and variables are themselves looked up by key)
    _done: dict = field(default_factory=dict, repr=False)

    # -- names -----------------------------------------------------------------------
    def _name(self, prefix: str, sort: str) -> str:
        self._count += 1
        name = f"{prefix}{self._count}"
        self.sorts[name] = sort
        return name

    def fresh_int(self) -> str:
        return self._name("i", "Int")

    def var(self, s: sp.Symbol) -> str:
        """The symbol's variable as a real term."""
        v = self.vars.get(s)
        is_int = bool(s.is_integer)
        if v is None:
            v = self._name("i" if is_int else "r", "Int" if is_int else "Real")
            self.vars[s] = v
            facts, weakened = symbol_facts(s, v, is_int, self.fresh_int)
            self.facts += facts
            if weakened:
                self.weakened[s] = tuple(weakened)
        return f"(to_real {v})" if is_int else v

    def _integer_linear(self, r: Relational) -> str | None:
        """A linear relation between integer symbols with integer coefficients, as an Int term compared with 0.

        In the reals (``to_real``) z3 has no cuts: ``n < N`` and ``n + 1 > N`` sent it branching forever;
        in Int sort it is linear integer arithmetic, decided at once.  The same variables, so it is the same
        query."""
        form = _integer_linear_form(r)
        if form is None:
            return None
        constant, terms = form
        parts = [app("*", int_literal(c), self._int_var(x)) for c, x in terms]
        return sum_of(parts + [int_literal(constant)])

    def _int_var(self, s: sp.Symbol) -> str:
        """An integer symbol's Int variable (declared, with its facts, as :meth:`var` does)."""
        self.var(s)
        return self.vars[s]

    def declarations(self) -> str:
        lines = []
        for name, sort in self.sorts.items():
            if isinstance(sort, tuple):  # an uninterpreted function
                lines.append(f"(declare-fun {name} ({' '.join(sort[0])}) {sort[1]})")
            else:
                lines.append(f"(declare-fun {name} () {sort})")
        return "\n".join(lines)

    # -- arithmetic ------------------------------------------------------------------
    def _once(self, translate, obj) -> str:
        key = (translate.__name__, obj)
        text = self._done.get(key)
        if text is None:
            text = self._done[key] = translate(obj)
        return text

    def term(self, e: sp.Expr) -> str:
        return self._once(self._term, e)

    def _bind(self, text: str, body) -> str:
        """``body(name)`` with ``text`` bound once (SMT-LIB ``let``): a term used twice is written once, so
        nested Abs, sign, Min and Max stay linear in size (written out, they doubled at every level)."""
        if "(" not in text and " " not in text:  # a variable or a number
            return body(text)
        self._count += 1
        name = f"_let{self._count}"  # a let-bound name, never declared, never a user's (those are r1, i2, ...)
        return f"(let (({name} {text})) {body(name)})"

    def _term(self, e: sp.Expr) -> str:
        if isinstance(e, sp.Symbol):
            if e.is_real is False:
                raise ValueError(f"symbol {e.name} is declared non-real; the engine decides claims over the reals")
            return self.var(e)
        if isinstance(e, sp.Rational):
            return num(e)
        if isinstance(e, sp.Float):
            raise Unsupported("an unread Float (internal: floats are read before translation)")
        if e in (sp.zoo, sp.nan, sp.oo, -sp.oo) or (e.is_number and e.is_finite is False):
            raise Unsupported(f"the non-finite value {e}")
        if isinstance(e, sp.Add):
            return sum_of([self.term(a) for a in e.args])
        if isinstance(e, sp.Mul):
            return product_of([self.term(a) for a in e.args])
        if isinstance(e, sp.Pow):
            return self._pow(e)
        if isinstance(e, sp.Abs):
            return self._bind(self.term(e.args[0]), lambda a: ite(app(">=", a, "0.0"), a, app("-", a)))
        if isinstance(e, sp.sign):
            return self._bind(self.term(e.args[0]), lambda a: ite(app(">", a, "0.0"), "1.0",
                                                                   ite(app("<", a, "0.0"), "(- 1.0)", "0.0")))
        if isinstance(e, (sp.Min, sp.Max)):
            op = "<" if isinstance(e, sp.Min) else ">"
            args = [self.term(a) for a in e.args]
            out = args[0]
            for a in args[1:]:
                out = self._bind(out, lambda m, a=a: self._bind(a, lambda x: ite(app(op, x, m), x, m)))
            return out
        if isinstance(e, sp.Piecewise):
            out = self.term(e.args[-1].expr)
            for piece in reversed(e.args[:-1]):
                out = ite(self.boolean(piece.cond), self.term(piece.expr), out)
            return out
        if isinstance(e, sp.re):
            return self.term(e.args[0])  # the engine's expressions are real wherever defined
        if isinstance(e, sp.im):
            self.term(e.args[0])
            return "0.0"
        if isinstance(e, (sp.floor, sp.ceiling)):
            return f"(to_real {self._integer_part(e)})"
        if isinstance(e, sp.frac):
            x = e.args[0]
            return app("-", self.term(x), f"(to_real {self._integer_part(sp.floor(x, evaluate=False))})")
        if isinstance(e, sp.Mod):
            x, y = e.args
            q = self._integer_part(sp.floor(x / y, evaluate=False))
            return app("-", self.term(x), app("*", self.term(y), f"(to_real {q})"))
        if isinstance(e, (AppliedUndef, sp.Derivative, sp.Subs)):
            return self._uninterpreted(e)
        if isinstance(e, sp.exp):
            return self._exp(e.args[0])
        if isinstance(e, sp.log):
            return self._log(e.args[0])
        if isinstance(e, sp.NumberSymbol):
            return self._abstract(type(e), None, e)
        if isinstance(e, sp.CRootOf):
            return self._algebraic_number(e)
        row = construct_of(e)
        if row is not None and row.encoding is Encoding.ABSTRACT and len(e.args) == 1:
            return self._abstract(type(e), e.args[0], e)
        raise Unsupported(unsupported_in(e) or type(e).__name__)

    def _pow(self, e: sp.Pow) -> str:
        base, expo = e.args
        if base is sp.E:
            return self._exp(expo)
        if expo.is_Integer:
            n = int(expo)
            if n == 0:
                return "1.0"
            value = power_of(self.term(base), abs(n))
            return app("/", "1.0", value) if n < 0 else value
        if expo.is_Rational:
            p, q = int(expo.p), int(expo.q)
            value = power_of(self._root(base, q), abs(p))
            return app("/", "1.0", value) if p < 0 else value
        # a real exponent on a positive base (the domain condition): exp(expo * log(base)), the logarithm
        # of a product of positive factors written as a sum (SymPy's expand_log without force), so that
        # x**a * x**b, x**(a + b) and (x y)**a meet as the same atoms and products of them
        if base.is_number and base.is_positive is not True:  # log(-2) is not real: say what was written
            raise Unsupported(f"{sp.sstr(e)}: a power with a non-rational exponent is read as exp(y log x), "
                              "which needs a positive base")
        arg = sp.expand(expo * sp.expand_log(sp.log(base, evaluate=False), force=False))
        if isinstance(arg, sp.exp) or arg.has(sp.zoo, sp.nan):
            arg = sp.Mul(expo, sp.log(base, evaluate=False), evaluate=False)
        t = self._exp(arg)
        y = self.term(expo)
        x = self.term(base)
        line = app("+", "1.0", app("*", y, app("-", x, "1.0")))
        # Bernoulli: for x > 0, x**y <= 1 + y(x - 1) when 0 <= y <= 1, >= otherwise
        self.facts += [
            implies(all_of([app(">", x, "0.0"), app(">=", y, "0.0"), app("<=", y, "1.0")]), app("<=", t, line)),
            implies(all_of([app(">", x, "0.0"), any_of([app(">=", y, "1.0"), app("<=", y, "0.0")])]),
                     app(">=", t, line)),
            implies(app("=", x, "1.0"), app("=", t, "1.0")),
        ]
        # the same at another power with the same exponent: Bernoulli for x/z, times z**y z > 0 --
        # x**y z <= z**y (z + y (x - z)) when 0 < y < 1, strictly where x != z; >= where y > 1 or y < 0
        # (between monomial bases only, and kept apart: the engine adds them only when a first try fails)
        monomial = not base.has(sp.Add)
        for (expo2, z, tz, z_monomial) in self._powers:
            if not self.second_pass or expo2 != expo or z == x or not (monomial and z_monomial):
                continue
            for (b1, t1, b2, t2) in ((x, t, z, tz), (z, tz, x, t)):
                tangent = app("*", t2, app("+", b2, app("*", y, app("-", b1, b2))))
                lhs = app("*", t1, b2)
                positive = [app(">", b1, "0.0"), app(">", b2, "0.0")]
                self.facts += [
                    implies(all_of(positive + [app(">", y, "0.0"), app("<", y, "1.0")]),
                             all_of([app("<=", lhs, tangent),
                                   implies(negation(app("=", b1, b2)), app("<", lhs, tangent))])),
                    implies(all_of(positive + [any_of([app(">", y, "1.0"), app("<", y, "0.0")])]),
                             all_of([app(">=", lhs, tangent),
                                   implies(negation(app("=", b1, b2)), app(">", lhs, tangent))])),
                ]
        self._powers.append((expo, x, t, monomial))
        return t

    def _root(self, base: sp.Expr, q: int) -> str:
        key = ("root", base, q)
        atom = self.atoms.get(key)
        if atom is None:
            y = self._name("a", "Real")
            b = self.term(base)
            # the principal q-th root of a non-negative base (the domain condition the engine proves)
            self.facts += [app(">=", y, "0.0"), implies(app(">=", b, "0.0"), app("=", power_of(y, q), b))]
            atom = Atom(y, "root", base, b, sp.Pow(base, sp.Rational(1, q), evaluate=False))
            self.atoms[key] = atom
        return atom.var

    def _algebraic_number(self, r: sp.CRootOf) -> str:
        """A real root of a polynomial: y with p(y) = 0 in a rational interval that isolates it (exact)."""
        key = ("algebraic", r)
        atom = self.atoms.get(key)
        if atom is None:
            if not r.is_real:
                raise Unsupported(f"the non-real number {sp.sstr(r)}")
            poly = sp.Poly(r.poly.as_expr(), r.poly.gen)
            (lo, hi), _ = poly.intervals()[int(r.index)]
            y = self._name("a", "Real")
            coeffs = poly.all_coeffs()[::-1]  # lowest degree first
            value = sum_of([app("*", num(c), power_of(y, i)) if i else num(c) for i, c in enumerate(coeffs) if c != 0])
            self.facts += [app("=", value, "0.0"), app(">=", y, num(lo)), app("<=", y, num(hi))]
            atom = Atom(y, "algebraic", None, None, r)
            self.atoms[key] = atom
        return atom.var

    def _integer_part(self, e) -> str:
        key = ("int", e)
        atom = self.atoms.get(key)
        if atom is None:
            n = self.fresh_int()
            x = self.term(e.args[0])
            nr = f"(to_real {n})"
            if isinstance(e, sp.floor):
                self.facts += [app("<=", nr, x), app("<", x, app("+", nr, "1.0"))]
            else:
                self.facts += [app("<", app("-", nr, "1.0"), x), app("<=", x, nr)]
            atom = Atom(n, type(e), e.args[0], x, e)
            self.atoms[key] = atom
        return atom.var

    def _exp(self, arg: sp.Expr, arg_term: str | None = None) -> str:
        key = (sp.exp, arg)
        atom = self.atoms.get(key)
        if atom is None:
            u = self.term(arg) if arg_term is None else arg_term
            t = self._name("a", "Real")
            taylor = app("+", "1.0", u, app("*", "0.5", u, u), app("*", num(sp.Rational(1, 6)), u, u, u))
            self.facts += [app(">", t, "0.0"), app(">=", t, app("+", "1.0", u)),
                           app("=", app("=", u, "0.0"), app("=", t, "1.0")),
                           app("=", app("<", u, "0.0"), app("<", t, "1.0"))]
            # Taylor: exp(u) >= 1 + u + u^2/2 + u^3/6 for u >= 0; exp(u) (1 - u) <= 1 for u <= 0 (second pass:
            # true, but cubic terms slow nlsat down on claims that do not need them)
            if self.second_pass:
                self.facts += [
                    implies(app(">=", u, "0.0"), app(">=", t, taylor)),
                    implies(app("<=", u, "0.0"), app("<=", app("*", t, app("-", "1.0", u)), "1.0"))]
            atom = Atom(t, sp.exp, arg, u, sp.exp(arg, evaluate=False))
            self._relate(atom)
            self.atoms[key] = atom
            opposite = self.atoms.get((sp.exp, -arg))
            if opposite is not None and self.second_pass:  # exp(-a) exp(a) = 1
                self.facts.append(app("=", app("*", t, opposite.var), "1.0"))
            if self.second_pass and isinstance(arg, sp.Add) and len(arg.args) <= _MAX_SPLIT:
                # exp(a + b) = exp(a) exp(b), true for all reals
                parts = [self._exp(term) for term in arg.args]
                self.facts.append(app("=", t, product_of(parts)))
            else:
                c, rest = arg.as_coeff_Mul()
                if isinstance(rest, sp.log) and c.is_Rational and c != 0:
                    # exp((p/q) log(v)) = v**(p/q) wherever log(v) is defined: t**q = v**p, exactly
                    v = self.term(rest.args[0])
                    p_, q_ = int(c.p), int(c.q)
                    lhs, rhs = power_of(t, q_), power_of(v, abs(p_))
                    rel = app("=", lhs, rhs) if p_ > 0 else app("=", app("*", lhs, rhs), "1.0")
                    self.facts.append(implies(app(">", v, "0.0"), rel))
        return atom.var

    def _log(self, arg: sp.Expr) -> str:
        key = (sp.log, arg)
        atom = self.atoms.get(key)
        if atom is None:
            u = self.term(arg)
            t = self._name("a", "Real")
            # tangent bounds, true for u > 0 (the domain condition)
            self.facts.append(implies(app(">", u, "0.0"), all_of([
                app("<=", t, app("-", u, "1.0")), app(">=", app("*", u, t), app("-", u, "1.0")),
                app("=", app("=", u, "1.0"), app("=", t, "0.0"))])))
            atom = Atom(t, sp.log, arg, u, sp.log(arg, evaluate=False))
            inner = next((a for a in self.atoms.values() if a.func is sp.exp and a.var == u), None)
            if inner is not None:  # log(exp(v)) = v: the two functions are inverses
                self.facts.append(app("=", t, inner.arg_term))
            self._relate(atom)
            self.atoms[key] = atom
            if self.second_pass and isinstance(arg, sp.Mul) and len(arg.args) <= _MAX_SPLIT:
                # log(a b) = log(a) + log(b) where every factor is positive
                factors = list(arg.args)
                parts = [self._log(f) for f in factors]
                positive = all_of([app(">", self.term(f), "0.0") for f in factors])
                self.facts.append(implies(positive, app("=", t, sum_of(parts))))
            elif isinstance(arg, sp.Pow) and not arg.exp.has(*arg.base.free_symbols):
                # log(b**e) = e log(b) where b > 0
                b = self.term(arg.base)
                self.facts.append(implies(app(">", b, "0.0"),
                                           app("=", t, app("*", self.term(arg.exp), self._log(arg.base)))))
        return atom.var

    def _abstract(self, func, arg, expr) -> str:
        key = (func, arg) if arg is not None else (func, expr)
        atom = self.atoms.get(key)
        if atom is not None:
            return atom.var
        t = self._name("a", "Real")
        u = self.term(arg) if arg is not None else None
        half_pi_hi, pi_hi = num(sp.Rational(15708, 10000)), num(sp.Rational(31416, 10000))  # > pi/2, > pi
        pos, neg = (app("=", app(">", t, "0.0"), app(">", u, "0.0")),
                    app("=", app("<", t, "0.0"), app("<", u, "0.0"))) if u is not None else ("true", "true")
        f: list[str] = []
        if func in (sp.sin, sp.cos):
            f += [app(">=", t, "(- 1.0)"), app("<=", t, "1.0"),
                  implies(app("=", u, "0.0"), app("=", t, "0.0" if func is sp.sin else "1.0"))]
        elif func is sp.atan:
            f += [app(">", t, app("-", half_pi_hi)), app("<", t, half_pi_hi), pos, neg]
        elif func is sp.asin:
            f += [implies(all_of([app(">=", u, "(- 1.0)"), app("<=", u, "1.0")]), all_of([
                app(">=", t, app("-", half_pi_hi)), app("<=", t, half_pi_hi), pos, neg]))]
        elif func is sp.acos:
            f += [implies(all_of([app(">=", u, "(- 1.0)"), app("<=", u, "1.0")]), all_of([
                app(">=", t, "0.0"), app("<=", t, pi_hi), app("=", app("=", u, "1.0"), app("=", t, "0.0"))]))]
        elif func in (sp.sinh, sp.asinh, sp.atanh):
            f += [pos, neg]
        elif func is sp.tanh:
            f += [pos, neg, app("<", t, "1.0"), app(">", t, "(- 1.0)")]
        elif func is sp.cosh:
            f += [app(">=", t, app("+", "1.0", app("*", "0.5", u, u)))]
        elif func is sp.acosh:
            f += [implies(app(">=", u, "1.0"), all_of([app(">=", t, "0.0"),
                                                       app("=", app("=", u, "1.0"), app("=", t, "0.0"))]))]
        self.facts += f
        atom = Atom(t, func, arg, u, expr)
        if arg is None or not arg.free_symbols:
            self._enclose(atom)
        self._relate(atom)
        if func in (sp.sin, sp.cos):
            other = self.atoms.get((sp.cos if func is sp.sin else sp.sin, arg))
            if other is not None:
                self.facts.append(app("=", app("+", app("*", t, t), app("*", other.var, other.var)), "1.0"))
        self.atoms[key] = atom
        return t

    def _enclose(self, atom: Atom) -> None:
        """Rational bounds around a constant atom (``pi``, ``log(2)``...), by interval arithmetic."""
        from .certify import rational_enclosure

        bounds = rational_enclosure(atom.expr)
        if bounds is not None:
            lo, hi = bounds
            self.facts += [app(">=", atom.var, num(lo)), app("<=", atom.var, num(hi))]

    def _relate(self, atom: Atom) -> None:
        """Facts between this atom and earlier atoms of the same function, where they hold for both."""
        if atom.arg is None:
            return
        direction = MONOTONE.get(atom.func)
        for other in self.atoms.values():
            if other.func is not atom.func or other.arg is None or other.arg_term is None:
                continue
            u1, u2, t1, t2 = atom.arg_term, other.arg_term, atom.var, other.var
            self.facts.append(implies(app("=", u1, u2), app("=", t1, t2)))  # equal arguments, equal values
            if direction is not None:
                up, down = ("<", ">") if direction > 0 else (">", "<")
                rel = all_of([implies(app("<", u1, u2), app(up, t1, t2)),
                            implies(app(">", u1, u2), app(down, t1, t2))])
                guard = _monotone_domain(atom.func, u1, u2)
                self.facts.append(implies(guard, rel) if guard else rel)

    def _uninterpreted(self, e) -> str:
        """An abstract function (or a derivative of one) as an uninterpreted z3 function.

        Only functions declared real (``Function("g", real=True)``) are: an undeclared
        function may take complex values, where the engine's reals say nothing.
        """
        inner = e if isinstance(e, AppliedUndef) else e.expr if isinstance(e, sp.Derivative) else \
            e.expr.expr if isinstance(e, sp.Subs) and isinstance(e.expr, sp.Derivative) else None
        if isinstance(inner, AppliedUndef) and inner.is_real is not True:
            raise Unsupported(f"the abstract function {inner.func} is not declared real: write "
                              f"Function('{inner.func}', real=True)")
        if isinstance(e, AppliedUndef):
            func, signature, args = e.func, (), e.args
        elif isinstance(e, sp.Derivative) and isinstance(e.expr, AppliedUndef):
            inner = e.expr
            _distinct_symbols(inner, e)
            if any(v not in inner.args for v, _ in e.variable_count):  # d f(x)/dy: not an argument of f
                raise Unsupported(f"{e} differentiates with respect to a variable {inner.func} does not take")
            signature = tuple((inner.args.index(v), int(n)) for v, n in e.variable_count)
            func, args = inner.func, inner.args
        elif (isinstance(e, sp.Subs) and isinstance(e.expr, sp.Derivative)
              and isinstance(e.expr.expr, AppliedUndef)):
            d, inner = e.expr, e.expr.expr
            _distinct_symbols(inner, e)
            signature = tuple((inner.args.index(v), int(n)) for v, n in d.variable_count)
            values = dict(zip(e.variables, e.point))
            func, args = inner.func, tuple(values.get(a, a) for a in inner.args)
        else:
            raise Unsupported(type(e).__name__)
        key = (func, len(args), signature)
        name = self.functions.get(key)
        if name is None:
            name = self._name("f", (("Real",) * len(args), "Real"))
            self.functions[key] = name
        return app(name, *[self.term(a) for a in args]) if args else name

    # -- Booleans --------------------------------------------------------------------
    def boolean(self, b) -> str:
        return self._once(self._boolean, b)

    def _boolean(self, b) -> str:
        if b is sp.true or b is True:
            return "true"
        if b is sp.false or b is False:
            return "false"
        if isinstance(b, Relational):
            if is_truth_value(b.lhs) or is_truth_value(b.rhs):
                if not (is_truth_value(b.lhs) and is_truth_value(b.rhs)) or b.rel_op not in ("==", "!="):
                    raise BadInputTypeError(f"{sp.sstr(b)[:120]} compares a truth value with a number (or orders "
                                            "truth values): write the two conditions with Equivalent/Xor, or "
                                            "compare numbers")
                return compare(b.rel_op, self.boolean(b.lhs), self.boolean(b.rhs))
            return self._relation(b)
        if isinstance(b, sp.And):  # canonical order: SymPy's arg order follows hash randomisation
            return all_of([self.boolean(a) for a in sorted(b.args, key=sp.default_sort_key)])
        if isinstance(b, sp.Or):
            return any_of([self.boolean(a) for a in sorted(b.args, key=sp.default_sort_key)])
        if isinstance(b, sp.Not):
            return negation(self.boolean(b.args[0]))
        if isinstance(b, sp.Implies):
            return implies(self.boolean(b.args[0]), self.boolean(b.args[1]))
        if isinstance(b, sp.Equivalent):
            parts = [self.boolean(a) for a in b.args]
            return all_of([app("=", p, parts[0]) for p in parts[1:]])
        if isinstance(b, sp.Xor):
            out = "false"
            for a in b.args:
                out = app("xor", out, self.boolean(a))
            return out
        if isinstance(b, sp.ITE):
            return ite(*(self.boolean(a) for a in b.args))
        if isinstance(b, sp.Nand):
            return negation(all_of([self.boolean(a) for a in b.args]))
        if isinstance(b, sp.Nor):
            return negation(any_of([self.boolean(a) for a in b.args]))
        if isinstance(b, Boolean):
            raise Unsupported(f"the Boolean {type(b).__name__} (in {sp.sstr(b)[:80]})")
        raise BadInputTypeError(f"{sp.sstr(b)[:120]} is not a relation or a Boolean connective")

    def _relation(self, r: Relational) -> str:
        op = r.rel_op
        if op not in ("==", "!=", "<", "<=", ">", ">="):
            raise Unsupported(f"the relation {op}")
        integral = self._integer_linear(r)
        if integral is not None:
            return compare(op, integral, "0")
        # lhs - rhs = n1/d1 - n2/d2 = (n1 d2 - n2 d1)/(d1 d2) wherever d1, d2 != 0: domain conditions of the
        # sides as written, which the engine proves first (sides recur across relations: each is split once);
        # an inequality of unknown sign is multiplied by the square of the sign carriers c1, c2 (positive even
        # powers of the denominators dropped): n*c op 0
        n1, d1, c1, s1 = side(r.lhs)
        n2, d2, c2, s2 = side(r.rhs)
        if d2 == 1:
            num_, dens = app("-", self.term(n1), app("*", self.term(n2), self.term(d1))), ((c1, s1),)
        elif d1 == 1:
            num_, dens = app("-", app("*", self.term(n1), self.term(d2)), self.term(n2)), ((c2, s2),)
        elif d1 == d2:
            num_, dens = app("-", self.term(n1), self.term(n2)), ((c1, s1),)
        else:
            num_ = app("-", app("*", self.term(n1), self.term(d2)), app("*", self.term(n2), self.term(d1)))
            dens = ((c1, s1), (c2, s2))
        if op in ("==", "!="):
            return compare(op, num_, "0.0")  # n/d = 0 iff n = 0 where d != 0
        # a denominator of known sign divides out (reversing for a negative one); one of unknown sign: n/d op 0
        # iff n*c op 0 where d != 0 (a proved domain condition), c its sign carrier
        if math.prod(sign for _, sign in dens if sign) < 0:
            num_ = app("-", num_)
        unknown = [self.term(c) for c, sign in dens if not sign]
        return compare(op, app("*", num_, *unknown) if unknown else num_, "0.0")


def _integer_linear_form(r: Relational):
    """``lhs - rhs`` as ``(constant, ((coefficient, symbol), ...))`` when it is linear with integer
    coefficients in integer symbols only, else ``None``.  Linearity is read off the tree first, so that
    nothing is expanded that is not already linear (``(n + 1)**20000`` is never multiplied out)."""
    free = r.free_symbols
    if not free or not all(s.is_integer for s in free):
        return None
    diff = r.lhs - r.rhs
    if not _linear_tree(diff):
        return None
    terms, constant = {}, 0
    for term, coefficient in sp.expand(diff).as_coefficients_dict().items():
        if not coefficient.is_Integer:
            return None
        if term == 1:
            constant += int(coefficient)
        elif isinstance(term, sp.Symbol):
            terms[term] = terms.get(term, 0) + int(coefficient)
        else:
            return None
    terms = tuple((c, x) for x, c in sorted(terms.items(), key=lambda kv: sp.default_sort_key(kv[0])) if c)
    return (constant, terms) if terms else None


def _linear_tree(e) -> bool:
    """Sums of numbers and numbers times linear trees: linear in the symbols as written."""
    if isinstance(e, (sp.Symbol, sp.Rational)):
        return True
    if isinstance(e, sp.Add):
        return all(_linear_tree(a) for a in e.args)
    if isinstance(e, sp.Mul):
        with_symbols = [a for a in e.args if a.free_symbols]
        return len(with_symbols) <= 1 and all(a.is_Rational for a in e.args if not a.free_symbols) \
            and all(_linear_tree(a) for a in with_symbols)
    return False


def _distinct_symbols(inner, e):
    if not all(isinstance(a, sp.Symbol) for a in inner.args) or len(set(inner.args)) != len(inner.args):
        raise Unsupported(f"the derivative {sp.sstr(e)} (the function's arguments must be distinct symbols)")


def _monotone_domain(func, u1, u2) -> str:
    if func is sp.log:
        return all_of([app(">", u1, "0.0"), app(">", u2, "0.0")])
    if func in (sp.asin, sp.acos):
        return all_of([app(">=", u, "(- 1.0)") for u in (u1, u2)] + [app("<=", u, "1.0") for u in (u1, u2)])
    if func is sp.acosh:
        return all_of([app(">=", u1, "1.0"), app(">=", u2, "1.0")])
    if func is sp.atanh:
        return all_of([app(">", u, "(- 1.0)") for u in (u1, u2)] + [app("<", u, "1.0") for u in (u1, u2)])
    return ""
