r"""A second opinion on the engine's verdicts: cvc5 in QF_NRA and exact re-evaluation.

:func:`cross_check` confirms a :class:`~symbolic.verdict.Verdict` by a route
that shares no code with the engine's z3 route (:mod:`symbolic.translate`):

* ``proved`` (:math:`\forall x.\ A \Rightarrow C`): cvc5 answers ``unsat`` for
  :math:`A \wedge \neg C` (every domain condition asserted), ``unsat`` for
  :math:`A \wedge d = 0` for each denominator :math:`d`, and ``sat`` for
  :math:`A` (the assumptions are not contradictory);
* ``refuted`` (``forall``) and ``witness``: the point is re-evaluated exactly
  (:mod:`symbolic.fraction_eval` for rational points) and pinned in cvc5 --
  rational values as equations, algebraic ones by their minimal polynomial and
  an isolating interval -- which must answer ``sat``;
* ``refuted`` (``exists``): cvc5 answers ``unsat`` for :math:`A \wedge C`, the
  denominators cannot vanish and :math:`A` is satisfiable;
* ``vacuous``: cvc5 answers ``unsat`` for :math:`A`.

The translation is this module's own: symbols are cvc5 reals keyed by the
SymPy symbol (not its name), symbol assumptions become facts, a relation
:math:`n/d \mathrel{op} 0` is sent as :math:`n \mathrel{op} 0` where SymPy knows
:math:`d > 0` (as :math:`-n` where :math:`d < 0`) and as :math:`n d \mathrel{op} 0`
otherwise, with every denominator -- read from both sides of the relation
*before* they are subtracted -- required non-zero; integer symbols make the
logic QF_NIRA.  ``exp``, ``log`` and real powers are outside this fragment: the answer is then
*could not confirm*, which is honest, not a failure.  cvc5 is much weaker than
z3 on these problems (it often times out where z3 answers at once), so every query has a time limit.

>>> from sympy import symbols
>>> from symbolic import prove
>>> x, y = symbols("x y", positive=True)
>>> claim = x**2 + y**2 >= 2*x*y
>>> check = cross_check("forall", claim, [], prove(claim), timeout=5)
>>> check.outcome.value, check.second
('agree', 'proved')
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from enum import Enum
from fractions import Fraction

import sympy as sp
from sympy.core.relational import Relational

from .engine import normalize_assumptions
from .fraction_eval import Undefined, Unsupported, compile_boolean, compile_expr, sympy_truth, truth_valued
from .verdict import Kind, Status, Verdict, point_as_text

__all__ = ["Outcome", "CrossCheck", "cross_check", "cvc5_available"]

try:  # cvc5 is a declared dependency; without it every answer is "could not confirm"
    from cvc5 import pythonic as _cvc5
except ImportError:  # pragma: no cover - exercised only where cvc5 is missing
    _cvc5 = None



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


def cvc5_available() -> bool:
    """Whether the cvc5 Python bindings import."""
    return _cvc5 is not None


class Outcome(str, Enum):
    """How the second route answered."""

    AGREE = "agree"
    DISAGREE = "disagree"
    COULD_NOT_CONFIRM = "could-not-confirm"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class CrossCheck:
    """The second opinion on one verdict, with both answers.

    ``second`` is the second route's answer in the engine's vocabulary
    (``proved``, ``refuted``, ``witness``, ``vacuous``, ``unknown``) or a
    description such as ``"the point fails"``.
    """

    outcome: Outcome
    kind: Kind
    engine: str  #: the engine's verdict, as text (status, method and point)
    second: str  #: the second route's answer
    method: str  #: "cvc5", "exact evaluation", "exact evaluation + cvc5", ...
    reason: str
    seconds: float
    #: a point the second route found (a counterexample or an instance), exact, or None
    point: tuple | None = None

    @property
    def agrees(self) -> bool:
        return self.outcome is Outcome.AGREE

    @property
    def disagrees(self) -> bool:
        return self.outcome is Outcome.DISAGREE

    def as_dict(self) -> dict:
        """A JSON-ready dictionary."""
        out = {"outcome": self.outcome.value, "engine": self.engine, "second": self.second,
               "method": self.method, "reason": self.reason, "seconds": round(self.seconds, 4)}
        if self.point is not None:
            out["point"] = point_as_text(dict(self.point))
        return out

    def __str__(self) -> str:
        by = "" if self.method == "none" else f"{self.method} "  # nothing was asked of a second route
        text = f"{self.outcome.value}: engine {self.engine}; {by}{self.second}"
        return text + (f" ({self.reason})" if self.reason else "")


class _Outside(Exception):
    """A construct outside the second route's fragment."""


# -- translation to cvc5 ------------------------------------------------------------

_OPS = {"==": lambda a: a == 0, "!=": lambda a: a != 0, "<": lambda a: a < 0,
        "<=": lambda a: a <= 0, ">": lambda a: a > 0, ">=": lambda a: a >= 0}


def _rational(q) -> object:
    q = sp.Rational(q)
    return _cvc5.RealVal(f"{q.p}/{q.q}")


class _Translation:
    """SymPy to cvc5 terms for one problem.

    Collects *domain conditions* -- ``(expression, need)`` with need ``nonzero``
    (denominators), ``positive`` (arguments of ``log``, bases of negative real
    powers) or ``nonnegative`` (bases of positive real powers).  Subterms cvc5
    cannot reason about (``exp``, ``log``, real powers, undefined functions and
    their derivatives) become fresh real variables: sound for ``unsat`` (the
    claim then holds whatever values they take), so a ``sat`` answer on such an
    abstraction is no evidence and is reported as *could not confirm*.
    """

    def __init__(self):
        self.integers = False  #: an integer symbol was seen: the logic is QF_NIRA, not QF_NRA
        self.vars: dict = {}
        self.atoms: dict = {}  # abstracted SymPy subterm -> cvc5 real
        self.atom_facts: list = []
        self.domain: list = []  # (SymPy expression, need)

    @property
    def abstracted(self) -> bool:
        return bool(self.atoms)

    def abstracted_words(self, shown: int = 3) -> str:
        """The subterms read as free values, as written: ``sign(x), exp(y)`` (the first few, then a count)."""
        names = sorted({sp.sstr(e) for e in self.atoms}, key=lambda t: (len(t), t))
        text = ", ".join(t if len(t) <= 40 else f"{t[:37]}...{t[-1]}" for t in names[:shown])
        return text + (f" and {len(names) - shown} more" if len(names) > shown else "")

    def var(self, s: sp.Symbol):
        if s not in self.vars:
            # keyed by the symbol, named uniquely: two SymPy symbols may share a name
            name = f"{s.name}!{len(self.vars)}"
            if s.is_integer:
                self.integers = True
                self.vars[s] = _cvc5.Int(name)
            else:
                self.vars[s] = _cvc5.Real(name)
        v = self.vars[s]
        return _cvc5.ToReal(v) if s.is_integer else v

    def facts(self) -> list:
        return [f for s in list(self.vars) for f in sign_facts(s, self.var(s))] + self.atom_facts

    def expr(self, e):
        if isinstance(e, sp.Symbol):
            return self.var(e)
        if e.is_Rational:
            return _rational(e)
        if isinstance(e, sp.Float):
            return _rational(sp.Rational(e))
        if e.has(sp.I, sp.zoo, sp.nan, sp.oo):
            raise _Outside(f"{sp.sstr(e)} (not a finite real expression)")
        if isinstance(e, sp.Add):
            out = self.expr(e.args[0])
            for a in e.args[1:]:
                out = out + self.expr(a)
            return out
        if isinstance(e, sp.Mul):
            out = self.expr(e.args[0])
            for a in e.args[1:]:
                out = out * self.expr(a)
            return out
        if isinstance(e, sp.Pow) and e.exp.is_Integer:
            n = int(e.exp)
            base = self.expr(e.base)
            out = _rational(1)
            for _ in range(abs(n)):
                out = out * base
            if n < 0:
                self.require(e.base, "nonzero")
                return _rational(1) / out
            return out
        if isinstance(e, sp.Abs):
            a = self.expr(e.args[0])
            return _cvc5.If(a >= 0, a, -a)
        if isinstance(e, (sp.Min, sp.Max)):
            args = [self.expr(a) for a in e.args]
            out = args[0]
            for a in args[1:]:
                out = _cvc5.If(a < out, a, out) if isinstance(e, sp.Min) else _cvc5.If(a > out, a, out)
            return out
        if isinstance(e, sp.Piecewise) or (e.is_number and not e.is_real):
            raise _Outside(f"{sp.sstr(e)}")
        return self._atom(e)

    def _atom(self, e):
        if e in self.atoms:
            return self.atoms[e]
        if isinstance(e, sp.log):
            if len(e.args) != 1:
                raise _Outside("log with a base")
            self.require(e.args[0], "positive")
        elif isinstance(e, sp.Pow):  # a real power: SymPy's value is real only for a base >= 0
            self.require(e.base, "nonnegative" if e.exp.is_positive else "positive")
        elif e.is_number and e.is_real is not True:
            raise _Outside(f"{sp.sstr(e)}")
        t = _cvc5.Real(f"atom!{len(self.atoms)}")
        self.atoms[e] = t
        if isinstance(e, sp.exp) or (isinstance(e, sp.Pow) and e.base.is_positive):
            self.atom_facts.append(t > 0)
        return t

    def require(self, e: sp.Expr, need: str) -> None:
        known = {"nonzero": e.is_nonzero, "positive": e.is_positive, "nonnegative": e.is_nonnegative}[need]
        if known is not True and (e, need) not in self.domain:
            self.domain.append((e, need))

    def boolean(self, b):
        if b is sp.true or b is True:
            return _cvc5.BoolVal(True)
        if b is sp.false or b is False:
            return _cvc5.BoolVal(False)
        if isinstance(b, Relational):
            return self.relation(b)
        parts = [self.boolean(a) for a in getattr(b, "args", ())]
        if isinstance(b, sp.And):
            return _cvc5.And(*parts)
        if isinstance(b, sp.Or):
            return _cvc5.Or(*parts)
        if isinstance(b, sp.Not):
            return _cvc5.Not(parts[0])
        if isinstance(b, sp.Implies):
            return _cvc5.Implies(parts[0], parts[1])
        if isinstance(b, sp.Equivalent):
            return _cvc5.And(*[p == parts[0] for p in parts[1:]])
        if isinstance(b, sp.Xor):
            out = _cvc5.BoolVal(False)
            for p in parts:
                out = _cvc5.Xor(out, p)
            return out
        if isinstance(b, sp.ITE):
            return _cvc5.If(*parts)
        raise _Outside(f"the Boolean {sp.sstr(b)}")

    def relation(self, r: Relational):
        op = r.rel_op
        if op not in _OPS:
            raise _Outside(f"the relation {op}")
        if truth_valued(r.lhs) or truth_valued(r.rhs):  # Eq(x > 1, True): truth values compared
            if op not in ("==", "!="):
                raise _Outside(f"the relation {sp.sstr(r)} between truth values")
            same = self.boolean(r.lhs) == self.boolean(r.rhs)
            return same if op == "==" else _cvc5.Not(same)
        # denominators of each side as written: lhs - rhs may cancel one (1/x + 1 > 1/x)
        for side in (r.lhs, r.rhs):
            for node in sp.preorder_traversal(side):
                if isinstance(node, sp.Pow) and node.exp.is_Integer and node.exp < 0:
                    self.require(node.base, "nonzero")
        num, den = (r.lhs - r.rhs).as_numer_denom()
        if den.is_number:
            return _OPS[op](self.expr(sp.expand(num) * (1 if den > 0 else -1)))
        self.require(den, "nonzero")
        num = sp.expand(num)
        if op in ("==", "!=") or den.is_positive:
            return _OPS[op](self.expr(num))
        if den.is_negative:
            return _OPS[op](self.expr(-num))
        # sign unknown: n/d op 0 iff n*d op 0 wherever d != 0 (a domain condition)
        return _OPS[op](self.expr(num) * self.expr(den))

    def holds(self, e: sp.Expr, need: str):
        """The domain condition as a cvc5 fact (``!= 0`` on the numerator of ``e``)."""
        if need == "nonzero":
            num, den = sp.together(e).as_numer_denom()
            if not den.is_number:
                self.require(den, "nonzero")
            return self.expr(sp.expand(num)) != 0
        x = self.expr(e)
        return x > 0 if need == "positive" else x >= 0

    def violated(self, e: sp.Expr, need: str):
        return _cvc5.Not(self.holds(e, need))


class _Budget:
    def __init__(self, timeout: float, tr: "_Translation"):
        self.deadline = time.perf_counter() + float(timeout)
        self.tr = tr

    def ms(self) -> int:
        return max(1, int((self.deadline - time.perf_counter()) * 1000))

    def check(self, *formulas):
        """cvc5's answer ("sat"/"unsat"/"unknown") and the model when sat."""
        s = _cvc5.SolverFor("QF_NIRA" if self.tr.integers else "QF_NRA")
        s.set("tlimit-per", self.ms())
        s.add(*formulas)
        r = s.check()
        if r == _cvc5.sat:
            return "sat", s.model()
        if r == _cvc5.unsat:
            return "unsat", None
        return "unknown", None


def _read_point(model, tr: _Translation):
    """The model as an exact rational point, or None if some value is not rational."""
    point = {}
    for s, v in tr.vars.items():
        value = model[v]
        if value is None:
            return None
        if _cvc5.is_int_value(value):
            f = Fraction(value.as_long())
        elif _cvc5.is_rational_value(value):
            f = Fraction(value.as_fraction())
        else:
            return None
        point[s] = sp.Rational(f.numerator, f.denominator)
    return point


def _flags_hold(point: dict) -> bool:
    for s, v in point.items():
        checks = [(s.is_positive, v > 0), (s.is_nonnegative, v >= 0), (s.is_negative, v < 0),
                  (s.is_nonpositive, v <= 0), (s.is_zero, v == 0), (s.is_nonzero, v != 0)]
        if any(flag and not bool(ok) for flag, ok in checks):
            return False
    return True


def _exact(b, point: dict):
    """Exact truth of ``b`` at ``point``: True, False, "undefined", or None when it cannot be settled.

    Rational points with polynomial or rational claims: Fraction arithmetic;
    otherwise SymPy's own evaluation after substitution.
    """
    if all(sp.sympify(v).is_Rational for v in point.values()):
        try:
            return compile_boolean(b)({s: Fraction(int(v.p), int(v.q)) for s, v in point.items()})
        except Undefined:
            return "undefined"
        except (Unsupported, KeyError):
            pass
    return sympy_truth(b, point)


def _certify_violation(e: sp.Expr, need: str, point: dict, assume) -> bool:
    """Exactly: the point is admissible and the domain condition fails there."""
    if not (_flags_hold(point) and all(_exact(a, point) is True for a in assume)):
        return False
    try:
        value = compile_expr(e)({s: Fraction(int(v.p), int(v.q)) for s, v in point.items()})
    except Undefined:
        return True  # a nested denominator vanishes: undefined all the same
    except (Unsupported, KeyError):
        return False
    return {"nonzero": value == 0, "positive": value <= 0, "nonnegative": value < 0}[need]


def _describe(point: dict | None) -> str:
    if not point:
        return ""
    return ", ".join(f"{k} = {v}" for k, v in point_as_text(point).items())


# -- the cross-check -------------------------------------------------------------------

def cross_check(kind, statement, assumptions, verdict: Verdict, *, timeout: float = 10.0) -> CrossCheck:
    r"""Confirm ``verdict`` on :math:`\forall/\exists` ``statement`` under ``assumptions`` by a second route.

    ``kind`` is ``"forall"``/``"exists"`` (or :class:`~symbolic.verdict.Kind`),
    ``assumptions`` anything :func:`symbolic.prove` accepts.  Never raises on a
    claim the engine accepted: outside cvc5's fragment, past the time limit or
    when cvc5 answers ``unknown``, the outcome is *could not confirm*.

    >>> from sympy import Symbol
    >>> from symbolic import Verdict
    >>> x = Symbol("x", real=True)
    >>> wrong = Verdict.make("proved", "forall", "fabricated", 0.0)
    >>> cross_check("forall", x**2 > 0, [], wrong, timeout=5).outcome.value
    'disagree'
    """
    start = time.perf_counter()
    kind = Kind(kind)
    named = normalize_assumptions(assumptions)
    assume = [a for _, a in named]
    if not (isinstance(timeout, (int, float)) and timeout > 0):
        raise ValueError(f"timeout must be a positive number of seconds, got {timeout!r}")
    if not isinstance(verdict, Verdict):
        raise TypeError(f"verdict must be a symbolic.Verdict, got {type(verdict).__name__}")
    engine = str(verdict.status) + f" by {verdict.method}"
    if verdict.point is not None or verdict.counterexample is not None:
        engine += " at " + (_describe(verdict.counterexample if kind is Kind.FORALL else verdict.witness) or "()")

    def result(outcome, second, method, reason="", point=None):
        return CrossCheck(Outcome(outcome), kind, engine, second, method, reason, time.perf_counter() - start,
                          tuple(sorted(point.items(), key=lambda kv: kv[0].name)) if point else None)

    status = verdict.status
    if verdict.kind is not kind:
        return result("disagree", f"a {kind} claim", "input check", f"the verdict is for a {verdict.kind} claim")
    if status is Status.UNKNOWN:
        return result("could-not-confirm", "nothing to confirm", "none", "the engine gave no verdict")
    if status in (Status.WITNESS, Status.REFUTED) and (status is Status.WITNESS or kind is Kind.FORALL):
        point = verdict.witness if status is Status.WITNESS else verdict.counterexample
        return _check_point(kind, statement, assume, point, status, timeout, result)
    if isinstance(statement, sp.logic.boolalg.BooleanAtom) and status is not Status.VACUOUS:
        # Not(True) is unsatisfiable under any assumptions: an "agree" from cvc5 would confirm nothing
        if (statement is sp.true) != (status is Status.PROVED):
            return result("disagree", f"the constant {statement}", "input check",
                          f"a {kind} claim whose statement is the constant {statement} cannot be {status}")
        return result("could-not-confirm", "nothing to decide", "none",
                      f"the statement is the constant {statement} (SymPy settled it from the symbols' own "
                      "assumptions, a division it cancelled, or numbers compared): a second route has nothing to "
                      "decide")
    if _cvc5 is None:
        return result("could-not-confirm", "unavailable", "cvc5", "the cvc5 Python bindings are not installed")
    if _kleene_sensitive(statement) or any(_kleene_sensitive(a) for a in assume):
        return result("could-not-confirm", "unknown", "cvc5", "a connective with a part whose definedness the "
                      "symbols' declarations alone do not settle (a denominator, a root, a log; the assumptions "
                      "may settle it): the engine reads it in Kleene's logic, this route asks every part to be "
                      "defined, so it does not compare")

    tr = _Translation()
    try:
        for s in sorted(set().union(statement.free_symbols, *[a.free_symbols for a in assume]),
                        key=lambda s: s.name):
            tr.var(s)
        a_terms = [tr.boolean(a) for a in assume]
        c_term = tr.boolean(statement)
        domain = []
        i = 0
        while i < len(tr.domain):  # a condition may add conditions of its own (nested fractions)
            e, need = tr.domain[i]
            domain.append((e, need, tr.holds(e, need)))
            i += 1
    except (_Outside, Unsupported) as exc:
        return result("could-not-confirm", "unknown", "cvc5", f"outside the second route's fragment: {exc}")
    facts = tr.facts()
    budget = _Budget(timeout, tr)
    domain_facts = [f for _, _, f in domain]

    def confirm_satisfiable():
        """None when the assumptions are satisfiable (cvc5 sat), else a CrossCheck."""
        answer, model = budget.check(*facts, *domain_facts, *a_terms)
        if answer == "unsat":
            return result("disagree", "vacuous", "cvc5", "cvc5 finds the assumptions contradictory")
        if answer == "unknown":
            return result("could-not-confirm", "unknown", "cvc5",
                          "cvc5 could not show the assumptions satisfiable within the time limit")
        return None

    def confirm_defined():
        """None when every domain condition holds where the assumptions hold, else a CrossCheck."""
        for e, need, fact in domain:
            answer, model = budget.check(*facts, *a_terms, _cvc5.Not(fact))
            what = {"nonzero": "= 0", "positive": "<= 0", "nonnegative": "< 0"}[need]
            if answer == "sat":
                point = _read_point(model, tr)
                certified = point is not None and _certify_violation(e, need, point, assume)
                if certified:
                    return result("disagree", "undefined", "cvc5",
                                  f"{sp.sstr(e)} {what} at {_describe(point)}, where the assumptions hold", point)
                return result("could-not-confirm", "unknown", "cvc5",
                              f"cvc5 finds {sp.sstr(e)} {what} possible (not certified exactly)")
            if answer == "unknown":
                return result("could-not-confirm", "unknown", "cvc5",
                              f"cvc5 could not show that {sp.sstr(e)} {what} is impossible within the time limit")
        return None

    if status is Status.VACUOUS:
        answer, model = budget.check(*facts, *a_terms)
        if answer == "unsat":
            return result("agree", "vacuous", "cvc5", "the assumptions are contradictory")
        if answer == "unknown":
            return result("could-not-confirm", "unknown", "cvc5", "time limit or cvc5 unknown")
        point = _read_point(model, tr)
        certified = point is not None and _flags_hold(point) and all(_exact(a, point) is True for a in assume)
        if tr.abstracted and not certified:
            return result("could-not-confirm", "unknown", "cvc5",
                          "cvc5 finds the abstracted assumptions satisfiable (not certified exactly)")
        return result("disagree", "satisfiable", "cvc5",
                      "cvc5 finds the assumptions satisfiable" + (
                          f"; exact evaluation confirms {_describe(point)}" if certified else
                          " (its point could not be certified exactly)"), point)

    # proved (forall) or refuted (exists): no counterexample / no instance exists
    goal = _cvc5.Not(c_term) if kind is Kind.FORALL else c_term
    answer, model = budget.check(*facts, *domain_facts, *a_terms, goal)
    if answer == "sat":
        point = _read_point(model, tr)
        want = kind is Kind.EXISTS
        certified = point is not None and _evaluate_point(statement, assume, point, want) is True
        second = "refuted" if kind is Kind.FORALL else "witness"
        what = "a counterexample" if kind is Kind.FORALL else "an instance"
        if tr.abstracted and not certified:  # the model may ignore what exp, log, ... really are
            return result("could-not-confirm", "unknown", "cvc5",
                          f"cvc5 finds {what} of an abstraction ({tr.abstracted_words()} read as free values); "
                          "it says nothing about the claim")
        return result("disagree", second, "cvc5",
                      f"cvc5 finds {what}" + (f", certified exactly: {_describe(point)}" if certified else
                                                 " (not certified exactly)"), point)
    if answer == "unknown":
        return result("could-not-confirm", "unknown", "cvc5", "cvc5 answered unknown or reached the time limit" + (
            " (integer symbols: nonlinear integer arithmetic, which cvc5 rarely decides)" if tr.integers else ""))
    # an existence claim needs no definedness: a point where its condition is undefined is no instance
    for check in (confirm_defined, confirm_satisfiable) if kind is Kind.FORALL else (confirm_satisfiable,):
        bad = check()
        if bad is not None:
            return bad
    second = "proved" if kind is Kind.FORALL else "refuted"
    return result("agree", second, "cvc5", "unsat, every denominator non-zero, assumptions satisfiable"
                  if kind is Kind.FORALL else "unsat, assumptions satisfiable")


def _evaluate_point(statement, assume, point: dict, want: bool):
    """True if the point is admissible with ``statement`` equal to ``want``, False if not, None if unsettled."""
    for s, v in point.items():
        v = sp.sympify(v)
        for flag, test in (("positive", v.is_positive), ("nonnegative", v.is_nonnegative),
                           ("negative", v.is_negative), ("nonpositive", v.is_nonpositive)):
            if getattr(s, f"is_{flag}") and test is not True:
                return None if test is None else False
    values = [_exact(a, point) for a in assume] + [_exact(statement, point)]
    if any(v == "undefined" for v in values) or False in values[:-1] or values[-1] is (not want):
        return False
    if None in values:
        return None
    return True


def _kleene_sensitive(b, top: bool = True) -> bool:
    """Whether Kleene's reading of ``b`` (an Or true where one part is, the others undefined) may differ from
    this route's, which asks every denominator, log argument... of ``b`` to be defined.  A conjunction at the
    top (the assumptions, a claim's parts) reads alike: where one part is false nothing holds either way."""
    if isinstance(b, Relational) or not isinstance(b, sp.logic.boolalg.BooleanFunction):
        return False
    if isinstance(b, sp.And) and top:
        return any(_kleene_sensitive(a, True) for a in b.args)
    return any(_partial(a) for a in b.args)


def _partial(e) -> bool:
    """Whether ``e`` may have an operation undefined somewhere: a negative power of a base the symbols' signs
    do not make non-zero, a fractional power of one they do not make positive (non-negative for a positive
    exponent), a log of one they do not make positive, or a function other than Abs, Min, Max, exp, log."""
    for node in sp.preorder_traversal(e):
        if isinstance(node, sp.Pow) and not node.base.is_number:
            if node.exp.is_Integer:
                if node.exp < 0 and node.base.is_nonzero is not True:
                    return True
            elif not (node.base.is_positive or (node.base.is_nonnegative and node.exp.is_positive)):
                return True
        if isinstance(node, sp.log) and node.args[0].is_positive is not True:
            return True
        if isinstance(node, (sp.Function, sp.Piecewise)) and not isinstance(node, (sp.Abs, sp.Min, sp.Max, sp.exp,
                                                                                   sp.log)):
            return True
    return False


def _check_point(kind, statement, assume, point, status, timeout, result) -> CrossCheck:
    """Exact re-evaluation of a counterexample/witness, and cvc5 with the point pinned."""
    want = status is Status.WITNESS
    what = "witness" if want else "counterexample"
    if point is None:
        return result("disagree", "no point", "exact evaluation", f"a {status} verdict without its {what}")
    missing = set(statement.free_symbols).union(*[a.free_symbols for a in assume]) - set(point)
    if missing:
        return result("disagree", "the point fails", "exact evaluation",
                      f"the {what} gives no value to {', '.join(sorted(s.name for s in missing))}")
    settled = _evaluate_point(statement, assume, point, want)
    if settled is False:
        return result("disagree", "the point fails", "exact evaluation",
                      f"the {what} {_describe(point) or '()'} is not one under exact evaluation")
    exact_note = "exact evaluation confirms the point" if settled else ""
    if _cvc5 is None:
        if settled:
            return result("agree", str(status), "exact evaluation", exact_note)
        return result("could-not-confirm", "unknown", "exact evaluation", "unsettled, and cvc5 is not installed")
    tr = _Translation()
    budget = _Budget(timeout, tr)
    try:
        pins = []
        for s, v in point.items():
            pins += _pin(tr.var(s), sp.sympify(v))
        target = tr.boolean(statement) if want else _cvc5.Not(tr.boolean(statement))
        formulas = tr.facts() + [tr.boolean(a) for a in assume] + [target] + pins
        i = 0
        while i < len(tr.domain):
            formulas.append(tr.holds(*tr.domain[i]))
            i += 1
    except (_Outside, Unsupported, NotImplementedError, sp.PolynomialError) as exc:
        if settled:
            return result("agree", str(status), "exact evaluation", exact_note + f"; cvc5 not asked ({exc})")
        return result("could-not-confirm", "unknown", "cvc5", f"outside the second route's fragment: {exc}")
    if tr.abstracted:  # pinned variables do not pin exp(x), log(x), ...: cvc5 adds nothing
        if settled:
            return result("agree", str(status), "exact evaluation", exact_note)
        return result("could-not-confirm", "unknown", "exact evaluation",
                      "the point could not be settled exactly and cvc5 abstracts its functions")
    answer, _ = budget.check(*formulas)
    if settled:  # exact evaluation is decisive; cvc5 only adds confidence
        if answer == "sat":
            return result("agree", str(status), "exact evaluation + cvc5", exact_note + "; cvc5 sat at the point")
        return result("agree", str(status), "exact evaluation", exact_note + f"; cvc5 answered {answer} "
                      "at the pinned point")
    if answer == "sat":
        return result("agree", str(status), "cvc5", "cvc5 sat at the pinned point")
    if answer == "unsat":
        return result("disagree", "the point fails", "cvc5", f"cvc5: the {what} {_describe(point)} is not one")
    return result("could-not-confirm", "unknown", "cvc5", "cvc5 could not evaluate the point in time")


def _pin(var, value: sp.Expr) -> list:
    """cvc5 facts that pin ``var`` to the real number ``value`` (rational or algebraic)."""
    if value.is_Rational:
        return [var == _rational(value)]
    t = sp.Dummy("t")
    poly = sp.Poly(sp.minimal_polynomial(value, t), t)
    approx = sp.N(value, 50)
    for lo, hi in (iv for iv, _ in poly.intervals(eps=sp.Rational(1, 10**12))):
        if lo <= approx <= hi:
            break
    else:
        raise NotImplementedError(f"no isolating interval found for {sp.sstr(value)}")
    poly_term = _rational(0)
    for (k,), c in poly.terms():
        term = _rational(c)
        for _ in range(k):
            term = term * var
        poly_term = poly_term + term
    if lo == hi:
        return [var == _rational(lo)]
    return [poly_term == 0, var >= _rational(lo), var <= _rational(hi)]
