r"""Regions: *for which parameters* a condition holds, by quantifier elimination.

:func:`region` answers: given a condition :math:`C(p, e)` on parameters
:math:`p` and variables :math:`e` to eliminate, and assumptions :math:`A(p)`
(with the symbols' own SymPy assumptions, e.g. ``positive=True``), what is the
simplest quantifier-free condition :math:`R(p)` with

.. math::  A(p) \;\Longrightarrow\; \bigl(R(p) \iff \exists e.\; A_e(p, e) \wedge C(p, e)\bigr),

where :math:`A_e` are the assumptions that mention :math:`e` (they restrict
the eliminated variables, e.g. a share :math:`0 \le n \le 1`)?

Back ends, in order:

1. **SymPy** for one parameter and nothing to eliminate: the solution set of
   a rational condition (``solve_univariate_inequality`` / ``solveset``) on
   the domain the assumptions allow, read back as relations with exact
   (possibly algebraic) endpoints -- ``x < sqrt(2)``, not ``x**2 - 2 < 0``.
2. **QEPCAD B** (:mod:`symbolic.qepcad`) for polynomial conditions in several
   parameters, with or without variables to eliminate.  A conjunction or
   disjunction in more variables than one CAD handles comfortably is split:
   each part's region is derived on its own (under the assumptions about its
   own symbols), the parts are recombined, and parts the others imply are
   dropped (each drop proved by :func:`symbolic.prove`).
3. Anything else: ``unknown`` with the reason -- never a guess.

Before either back end sees a relation, its denominators are cleared -- only
where their sign is *proved* from the assumptions, as the engine does; a
denominator that may vanish where the assumptions hold leaves the region
``unknown``.

**Certification.**  With ``certify=True`` (the default) the engine proves the
region equivalent to the condition under the assumptions:

* nothing eliminated: :math:`A \Rightarrow (R \iff C)`;
* :math:`\exists \Rightarrow R`: :math:`A \wedge A_e \wedge C \Rightarrow R`
  with :math:`e` universally quantified;
* :math:`R \Rightarrow \exists`: a witness construction -- candidate values
  of :math:`e` are solved from the condition's equations (or its boundary
  roots, their midpoints and neighbours), and the engine proves
  :math:`A \wedge R \Rightarrow \bigvee_c (A_e \wedge C)[e := c]`.

``.certified`` is set only when every part is proved.  If the engine finds a
certified point where region and condition disagree, the region is withdrawn
(``unknown``): a wrong region is worse than none.  The numeric spot check
(on :math:`10^5` admissible draws) lives in :mod:`numeric.region`.

With QEPCAD B installed, ``region(sp.And(sp.Eq(A*n - C, 1), n < 1), eliminate=[n])`` for positive
``A, C`` and ``n >= 0`` gives ``A - C > 1`` (method ``qepcad``, certified with the witness
``n = (C + 1)/A``); one parameter needs SymPy only:

>>> import sympy as sp
>>> x = sp.Symbol("x", positive=True)
>>> r = region(x**2 < 2)
>>> r.condition, r.method, r.certified
(x < sqrt(2), 'sympy', True)
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from itertools import combinations

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.core.relational import Relational
from sympy.solvers.inequalities import solve_univariate_inequality

from .certify import declared_sign
from .constructs import domain_conditions, exact_floats, is_truth_value, sympy_settles_reliably, unsupported_in
from .engine import exists, normalize_assumptions, prove, settled_false
from .qepcad import (NotPolynomial, QepcadFailed, QepcadOutputError, QepcadProblem, QepcadTimeout, run_qepcad)
from .verdict import Status, point_as_text
from .sizes import written_out

__all__ = ["Region", "region", "tidy", "DIRECT_VARIABLES"]

#: a condition in more variables than this is split into its parts before QEPCAD sees it
DIRECT_VARIABLES = 6
#: the largest degree the SymPy route solves (higher degrees go to QEPCAD)
SYMPY_MAX_DEGREE = 8


@dataclass(frozen=True)
class Region:
    r"""The region where a condition holds: a quantifier-free SymPy condition on the parameters.

    ``condition`` is ``None`` when the region is unknown (``reason`` says why).
    ``certified`` is ``True`` only when the engine proved the region equivalent
    to the original condition under the assumptions (``certificate`` says how,
    or why not).  ``witnesses`` are the candidate values of the eliminated
    variables the certificate used.
    """

    condition: sp.Boolean | None
    original: sp.Boolean
    assumptions: tuple[tuple[str, sp.Boolean], ...]
    eliminate: tuple[sp.Symbol, ...]
    variables: tuple[sp.Symbol, ...]
    method: str
    seconds: float
    certified: bool = False
    certificate: str = ""
    reason: str = ""
    witnesses: tuple[tuple[tuple[sp.Symbol, sp.Expr], ...], ...] = field(default=(), repr=False)
    #: the assumptions admit no parameters at all (the engine found them contradictory): the region is False
    empty: bool = False

    @property
    def known(self) -> bool:
        return self.condition is not None

    @property
    def status(self) -> str:
        """``certified``, ``derived`` (not certified) or ``unknown``."""
        return "unknown" if not self.known else "certified" if self.certified else "derived"

    def as_text(self) -> str:
        return sp.sstr(self.condition) if self.known else "unknown"

    def latex(self) -> str:
        """The region's LaTeX (``\\text{unknown}`` when unknown)."""
        return sp.latex(self.condition) if self.known else r"\text{unknown}"

    def as_dict(self) -> dict:
        """A JSON-ready dictionary."""
        out = {"region": self.as_text(), "latex": self.latex(), "method": self.method,
               "certified": self.certified, "variables": [s.name for s in self.variables],
               "eliminated": [s.name for s in self.eliminate], "seconds": round(self.seconds, 4)}
        if self.certificate:
            out["certificate"] = self.certificate
        if self.reason:
            out["reason"] = self.reason
        if self.empty:
            out["empty"] = True
        return out

    def _latex(self, printer=None) -> str:
        return self.latex()

    def _repr_latex_(self) -> str:
        from .derivation import escape_latex

        what = "certified" if self.certified else "not certified" if self.known else self.reason
        return "$" + self.latex() + r"\quad\text{(%s)}$" % escape_latex(f"{self.method}, {what}")

    def __str__(self) -> str:
        if not self.known:
            return f"unknown ({self.reason})"
        return f"{self.as_text()}  [{self.method}, {'certified' if self.certified else 'not certified'}]"


class _Unsupported(Exception):
    """The condition is outside what the back ends take; the message is the reason."""


class _OutOfTime(Exception):
    pass


# -- the public function -----------------------------------------------------------------

def region(condition, assumptions=(), *, eliminate=(), timeout: float = 30.0, certify: bool = True) -> Region:
    r"""The simplest quantifier-free condition equivalent to :math:`\exists e.\ C` under the assumptions.

    ``condition`` is a SymPy Boolean; ``assumptions`` a Boolean, a sequence or
    a name -> Boolean mapping (as for :func:`symbolic.prove`); ``eliminate``
    the symbols to quantify existentially; ``timeout`` bounds the derivation
    (QEPCAD is killed at it) and, separately, the certification.

    Raises :class:`symbolic.qepcad.QepcadUnavailable` when the problem needs
    QEPCAD B and it is not installed (the message says how to install it).

    >>> import sympy as sp
    >>> x = sp.Symbol("x")
    >>> region(x**2 < 2).condition
    (x < sqrt(2)) & (x > -sqrt(2))
    >>> region(x**2 < 0).condition, region(x**2 >= 0).condition
    (False, True)
    """
    start = time.perf_counter()
    named = normalize_assumptions({"condition": condition})  # type and symbol checks, as the engine's
    condition = named[0][1]
    named = normalize_assumptions(assumptions)
    eliminate = _check_eliminate(eliminate)
    if not (isinstance(timeout, (int, float)) and 0 < timeout < float("inf")):
        raise ValueError(f"timeout must be a positive number of seconds, got {timeout!r}")
    # a finite sum at a fixed size is its terms, as the engine reads it (the region of sum_{t<2} (-d)**t)
    # and a float is the decimal it prints as (0.5 is 1/2), as the engine reads it
    scope = _Scope.of(written_out(exact_floats(condition)[0])[0],
                      tuple((n, written_out(exact_floats(a)[0])[0]) for n, a in named), eliminate)
    base = Region(None, condition, named, eliminate, scope.variables, "none", 0.0)
    deadline = start + float(timeout)
    try:
        derived = _derive(scope, deadline)
    except _Unsupported as exc:
        return replace(base, reason=str(exc), seconds=time.perf_counter() - start)
    except _OutOfTime:
        return replace(base, reason="time limit reached", seconds=time.perf_counter() - start)
    result = replace(base, condition=derived.condition, method=derived.method)
    if certify:
        result = _certify(result, scope, float(timeout))
    return replace(result, seconds=time.perf_counter() - start)


def _check_eliminate(eliminate) -> tuple[sp.Symbol, ...]:
    if isinstance(eliminate, sp.Symbol):
        eliminate = (eliminate,)
    try:
        items = tuple(eliminate)
    except TypeError:
        raise TypeError(f"eliminate must be a sequence of SymPy Symbols, got {type(eliminate).__name__}") from None
    for s in items:
        if not isinstance(s, sp.Symbol):
            raise TypeError(f"eliminate must list SymPy Symbols, got {s!r} of type {type(s).__name__}")
    return tuple(dict.fromkeys(items))


# -- the problem's scope -------------------------------------------------------------------

@dataclass(frozen=True)
class _Scope:
    """Which symbols stay, which assumptions restrict the eliminated variables, which the parameters."""

    condition: sp.Boolean
    named: tuple[tuple[str, sp.Boolean], ...]  #: every assumption (certification uses them all)
    eliminate: tuple[sp.Symbol, ...]
    variables: tuple[sp.Symbol, ...]  #: the region's symbols
    local: tuple[sp.Boolean, ...]  #: assumptions that mention an eliminated symbol (inside the quantifier)
    given: tuple[tuple[str, sp.Boolean], ...]  #: assumptions on the region's symbols only

    @classmethod
    def of(cls, condition, named, eliminate) -> "_Scope":
        gone = set(eliminate)
        local = tuple(a for _, a in named if a.free_symbols & gone)
        syms = set(condition.free_symbols)
        for a in local:
            syms |= a.free_symbols
        variables = tuple(sorted(syms - gone, key=sp.default_sort_key))
        keep = set(variables)
        given = tuple((n, a) for n, a in named if a.free_symbols and a.free_symbols <= keep)
        return cls(condition, named, eliminate, variables, local, given)

    @property
    def bound(self) -> tuple[sp.Symbol, ...]:
        present = set(self.condition.free_symbols)
        for a in self.local:
            present |= a.free_symbols
        return tuple(s for s in self.eliminate if s in present)

    def given_about(self, symbols) -> tuple[tuple[str, sp.Boolean], ...]:
        """The given assumptions that mention only ``symbols``."""
        symbols = set(symbols)
        return tuple((n, a) for n, a in self.given if a.free_symbols <= symbols)


@dataclass(frozen=True)
class _Derived:
    condition: sp.Boolean
    method: str


def _remaining(deadline: float) -> float:
    left = deadline - time.perf_counter()
    if left <= 0:
        raise _OutOfTime()
    return left


#: classes of numbers narrower than the reals (or than a sign): an eliminated variable in one is refused
_NUMBER_CLASSES = ("integer", "rational", "transcendental", "algebraic", "irrational", "noninteger", "zero")


#: the one sign QEPCAD is told of an eliminated variable (see :func:`_beyond_a_sign`)
_SIGNS = ("positive", "negative", "nonnegative", "nonpositive", "nonzero")


def _beyond_a_sign(s: sp.Symbol) -> str | None:
    """What an eliminated variable is declared beyond a real number of one sign -- all QEPCAD is told of it --
    as ``key=value`` (``positive=False``: t <= 0, ``extended_negative``: t may be -oo), else ``None``."""
    own = s.assumptions0
    sign = next((k for k in _SIGNS if own.get(k) is True), None)
    told = sp.Symbol(s.name, real=True, **({sign: True} if sign else {})).assumptions0
    if own in (told, sp.Symbol(s.name).assumptions0):  # a plain symbol is read as real
        return None
    declared = getattr(s, "_assumptions_orig", None) or own  # as written (SymPy >= 1.12 keeps it), else all
    key = next((k for k in sorted(declared) if declared[k] != told.get(k)), None) or \
        next(k for k in sorted(set(own) | set(told)) if own.get(k) != told.get(k))
    if key not in declared:
        return f"{key}={own.get(key)}"
    return f"{key}={declared[key]}"


def _derive(scope: _Scope, deadline: float) -> _Derived:
    for b in (scope.condition, *(a for _, a in scope.named)):
        outside = unsupported_in(b)  # a symbol used as a truth value, gamma, ...: as the engine would say
        if isinstance(b, sp.Symbol):
            outside = f"the symbol {b} used as a truth value (a condition such as {b} > 0 was meant?)"
        if outside is not None:
            raise _Unsupported(f"not supported: {outside}")
    for s in scope.bound:
        narrower = [k for k in _NUMBER_CLASSES if getattr(s, f"is_{k}") is True]
        if narrower:
            raise _Unsupported(f"{s} is declared {narrower[0]}: QEPCAD eliminates real variables, and the real "
                               f"region of a quantifier over {narrower[0]} numbers would be wrong")
        beyond = _beyond_a_sign(s)
        if beyond is not None:  # t with positive=False is t <= 0: QEPCAD, told nothing, quantified over every real
            raise _Unsupported(f"{s} is declared {beyond}: QEPCAD is told an eliminated variable's sign only "
                               "(positive, nonnegative, negative, nonpositive or nonzero, with real=True), and "
                               "over every real number the region would be wrong; declare it that way")
    settled = settled_false(scope.named)
    if settled:
        raise _Unsupported(f"{settled[1]}: no region")
    if scope.given:
        sat = exists(sp.And(*[a for _, a in scope.given]), timeout=max(1.0, _remaining(deadline)))
        if sat.status is Status.REFUTED or sat.status is Status.VACUOUS:
            # no parameters: the region is empty, which the certificate confirms (or not) as any region's
            return _Derived(sp.false, "contradiction")
    body = sp.And(scope.condition, *scope.local)
    if body in (sp.true, sp.false):
        return _Derived(body, "trivial")
    context = scope.named  # clearing a denominator may use every assumption
    # where the condition is undefined it does not hold: clearing x/(x - a) > a/(x - a) gives 1 > 0, and the
    # point x = a it leaves out must stay out (conditions the assumptions prove are not repeated)
    undefined = [c for c in domain_conditions(body)
                 if prove(c, dict(context), timeout=max(0.5, min(5.0, _remaining(deadline)))).status
                 is not Status.PROVED]
    poly = sp.to_nnf(_polynomial_form(sp.And(body, *undefined), context, deadline), simplify=False)
    if poly in (sp.true, sp.false):
        return _Derived(poly, "sympy")
    if not scope.bound and len(scope.variables) == 1 and _univariate_ok(poly, scope.variables[0]):
        got = _sympy_univariate(poly, scope, deadline)
        if got is not None:
            return _Derived(got, "sympy")
    if scope.bound:
        return _Derived(_prune(_qepcad(poly, scope, scope.variables, scope.bound, deadline), scope.given, deadline),
                        "qepcad")
    cond, split = _split_region(poly, scope, deadline)
    if not split:  # QEPCAD's use of the assumptions is partial: a disjunct they exclude can survive it
        cond = _prune(cond, scope.given, deadline)
    return _Derived(cond, "qepcad (split into parts)" if split else "qepcad")


# -- denominators ---------------------------------------------------------------------------

def _sign_of(den: sp.Expr, context, deadline) -> str | None:
    """"positive", "negative" or "nonzero" when proved from the assumptions, else ``None``."""
    settled = sympy_settles_reliably(den)  # SymPy's sign is a proof only then (its number-kind rules are not)
    if settled and den.is_positive:
        return "positive"
    if settled and den.is_negative:
        return "negative"
    for make, sign in ((sp.Gt, "positive"), (sp.Lt, "negative"), (sp.Ne, "nonzero")):
        rel = make(den, 0, evaluate=settled)
        if rel is sp.true:
            return sign
        if rel is sp.false:
            continue
        v = prove(rel, dict(context), timeout=max(0.5, min(5.0, _remaining(deadline))))
        if v.status is Status.PROVED:
            return sign
    return None


def _polynomial_form(b, context, deadline):
    """``b`` with every relation ``n/d op 0`` written as a polynomial relation (denominators cleared)."""
    if b in (sp.true, sp.false):
        return b
    if isinstance(b, Relational):
        cases = _piecewise_cases(b)
        if cases is not None:  # a relation between branches: one case per branch, each a plain relation, whose
            # denominators may take their sign from the branch's guard (1/x where x > 0)
            return sp.Or(*[sp.And(_polynomial_form(guard, context, deadline),
                                  _polynomial_form(rel, (*tuple(context), ("the branch's guard", guard)), deadline))
                           for guard, rel in cases])
        return _clear(b, context, deadline)
    if isinstance(b, (sp.And, sp.Or, sp.Not, sp.Implies, sp.Equivalent, sp.Xor)):
        return b.func(*[_polynomial_form(a, context, deadline) for a in b.args])
    raise _Unsupported(f"{type(b).__name__} is not a relation or a Boolean connective: {sp.sstr(b)}")


def _piecewise_cases(rel: Relational):
    """``rel`` with its ``Piecewise`` folded out: ``[(branch i taken, relation on branch i), ...]``; ``None`` if
    it has none.  A point no branch covers (no ``True`` condition) satisfies none of the cases, as the relation
    is undefined there.  ``Min``, ``Max`` and ``Abs`` are read as the Piecewise they are (for real arguments,
    as the engine reads every symbol)."""
    if is_truth_value(rel.lhs):
        return None
    if rel.has(sp.Min, sp.Max, sp.Abs):
        rel = rel.func(*(side.replace(sp.Abs, lambda e: sp.Piecewise((e, e >= 0), (-e, True))).rewrite(sp.Piecewise)
                         for side in rel.args), evaluate=False)
    if not rel.has(sp.Piecewise):
        return None
    folded = sp.piecewise_fold(rel.lhs - rel.rhs)
    if not isinstance(folded, sp.Piecewise) or any(p.expr.has(sp.Piecewise) for p in folded.args):
        raise _Unsupported(f"{sp.sstr(rel)[:120]}: its Piecewise could not be split into branches")
    cases, taken = [], sp.true
    for piece in folded.args:
        cases.append((sp.And(taken, piece.cond), rel.func(piece.expr, 0)))
        taken = sp.And(taken, sp.Not(piece.cond))
    return cases


def _clear(rel: Relational, context, deadline):
    op = rel.rel_op
    if op not in ("==", "!=", "<", "<=", ">", ">="):
        raise _Unsupported(f"the relation {op} is not supported")
    if rel.lhs.has(sp.oo, -sp.oo, sp.zoo, sp.nan) or rel.rhs.has(sp.oo, -sp.oo, sp.zoo, sp.nan):
        raise _Unsupported(f"{sp.sstr(rel)} involves infinity")
    num, den = sp.together(rel.lhs - rel.rhs).as_numer_denom()
    syms = tuple(sorted(num.free_symbols | den.free_symbols, key=sp.default_sort_key))
    if rel.atoms(AppliedUndef) or rel.has(sp.Derivative):
        raise _Unsupported(f"{sp.sstr(rel)[:120]} involves an abstract function: a region is a condition on "
                           "numbers, so substitute a concrete function (a Family's definition) first")
    for part in (num, den):
        if not _is_rational_polynomial(part, syms):
            constants = sorted({c for c in part.atoms(sp.Pow, sp.NumberSymbol, sp.Function)
                                if c.is_number and not c.is_Rational}, key=sp.default_sort_key)
            stand_ins = {c: sp.Dummy() for c in constants}
            if constants and not _is_rational_polynomial(part.xreplace(stand_ins), (*syms, *stand_ins.values())):
                constants = []  # not the constants alone: sqrt(x) beside sqrt(2)
            if constants:
                how = (": name it a symbol defined by its equation, r**2 = 2 with r > 0 for sqrt(2), and "
                       "eliminate that symbol)" if constants[0].is_algebraic else
                       "; it is transcendental: no polynomial equation defines it)")
                raise _Unsupported(f"{sp.sstr(rel)} has the irrational coefficient {sp.sstr(constants[0])} "
                                   f"(QEPCAD takes rational coefficients{how}")
            raise _Unsupported(f"{sp.sstr(rel)} is not a rational function with rational coefficients "
                               "(QEPCAD and the univariate solver take those; rewrite powers and logarithms "
                               "first, e.g. by a monotone substitution)")
    if den.is_number:
        new = num if den > 0 else -num
    else:
        sign = _sign_of(den, context, deadline)
        if sign is None:
            raise _Unsupported(f"the denominator {sp.sstr(den)} of {sp.sstr(rel)} may vanish where the "
                               "assumptions hold (its sign is not established)")
        new = num if sign == "positive" or op in ("==", "!=") else -num if sign == "negative" else num * den
    return {"==": sp.Eq, "!=": sp.Ne, "<": sp.Lt, "<=": sp.Le, ">": sp.Gt, ">=": sp.Ge}[op](sp.expand(new), 0)


def _is_rational_polynomial(e: sp.Expr, syms) -> bool:
    if not syms:
        return e.is_Rational is True
    try:
        poly = sp.Poly(e, *syms)
    except sp.PolynomialError:
        return False
    return all(c.is_Rational for c in poly.coeffs())


# -- SymPy: one parameter ---------------------------------------------------------------------

def _univariate_ok(b, x) -> bool:
    for rel in b.atoms(Relational):
        if sp.degree(rel.lhs - rel.rhs, x) > SYMPY_MAX_DEGREE:
            return False
    return True


def _symbol_domain(x: sp.Symbol) -> sp.Set:
    if x.is_positive:
        return sp.Interval.open(0, sp.oo)
    if x.is_nonnegative:
        return sp.Interval(0, sp.oo)
    if x.is_negative:
        return sp.Interval.open(-sp.oo, 0)
    if x.is_nonpositive:
        return sp.Interval(-sp.oo, 0)
    if x.is_nonzero:
        return sp.Union(sp.Interval.open(-sp.oo, 0), sp.Interval.open(0, sp.oo))
    return sp.Reals


def _solution_set(b, x, domain: sp.Set) -> sp.Set:
    if b is sp.true:
        return domain
    if b is sp.false:
        return sp.EmptySet
    if isinstance(b, sp.And):
        out = domain
        for a in b.args:
            out = sp.Intersection(out, _solution_set(a, x, domain))
        return out
    if isinstance(b, sp.Or):
        return sp.Union(*[_solution_set(a, x, domain) for a in b.args])
    if isinstance(b, sp.Not):
        return sp.Complement(domain, _solution_set(b.args[0], x, domain))
    if isinstance(b, Relational):
        if b.rel_op in ("==", "!="):
            zeros = sp.solveset(b.lhs - b.rhs, x, domain)
            return zeros if b.rel_op == "==" else sp.Complement(domain, zeros)
        return solve_univariate_inequality(b, x, relational=False, domain=domain)
    return sp.to_nnf(b)  # Implies/Equivalent: rewritten, then solved (never a set: refused below)


def _set_condition(s: sp.Set, x: sp.Symbol):
    """Relations with exact endpoints for a union of intervals and points; ``None`` for anything else."""
    if s is sp.EmptySet:
        return sp.false
    if s == sp.Reals:
        return sp.true
    if isinstance(s, sp.Union):
        parts = [_set_condition(a, x) for a in s.args]
        return None if any(p is None for p in parts) else sp.Or(*parts)
    if isinstance(s, sp.FiniteSet):
        if not all(v.is_real for v in s.args):
            return None
        return sp.Or(*[sp.Eq(x, v) for v in s.args])
    if isinstance(s, sp.Interval):
        parts = []
        if s.start != -sp.oo:
            parts.append(sp.Gt(x, s.start) if s.left_open else sp.Ge(x, s.start))
        if s.end != sp.oo:
            parts.append(sp.Lt(x, s.end) if s.right_open else sp.Le(x, s.end))
        return sp.And(*parts)
    return None


def _sympy_univariate(poly, scope: _Scope, deadline):
    x = scope.variables[0]
    domain = _symbol_domain(x)
    try:
        for _, a in scope.given:
            a_poly = sp.to_nnf(_polynomial_form(a, scope.named, deadline), simplify=False)
            got = _solution_set(a_poly, x, domain)
            if not isinstance(got, sp.Set):
                return None
            domain = got
        solved = _solution_set(poly, x, domain)
    except (NotImplementedError, ValueError, TypeError, _Unsupported):
        return None
    if not isinstance(solved, sp.Set):
        return None
    cond = _set_condition(solved, x)
    if cond is None or cond.has(sp.CRootOf):
        # endpoints without radicals: the engine cannot certify a CRootOf bound; QEPCAD's polynomial form it can
        return None
    return _prune(tidy(cond), scope.given, deadline)


# -- QEPCAD -------------------------------------------------------------------------------------

def _qepcad(formula, scope: _Scope, free, bound, deadline):
    """One QEPCAD call: the region of ``∃ bound: formula`` under the given assumptions about ``free``."""
    facts = scope.given_about(free)
    assume = []
    for _, a in facts:
        try:
            assume.append(_polynomial_form(a, (), deadline))  # signs from symbol assumptions only
        except _Unsupported:
            continue  # an assumption QEPCAD cannot take is left out: fewer assumptions, still sound
    problem = QepcadProblem(tuple(free), tuple(bound), formula, sp.And(*assume))
    try:
        answer = run_qepcad(problem, timeout=_remaining(deadline))
    except QepcadTimeout:
        raise _OutOfTime() from None
    except (QepcadFailed, QepcadOutputError, NotPolynomial) as exc:
        raise _Unsupported(f"QEPCAD: {exc}") from None
    return tidy(answer.formula)


def _split_region(formula, scope: _Scope, deadline):
    """The region of ``formula`` (no quantifier), split into parts where it has too many variables.

    Returns ``(condition, split?)``.  A part's region is derived under the
    assumptions about its own symbols -- fewer assumptions, so it is equivalent
    to the part under all of them too; the recombination is then simplified
    under all of them.
    """
    syms = formula.free_symbols
    if len(syms) <= DIRECT_VARIABLES or not isinstance(formula, (sp.And, sp.Or)):
        return _qepcad(formula, scope, _ordered(syms), (), deadline), False
    parts = [_split_region(a, scope, deadline)[0] for a in formula.args]
    combined = _prune(formula.func(*parts), scope.given, deadline)
    if combined in (sp.true, sp.false) or isinstance(combined, Relational):
        return combined, True
    if len(combined.free_symbols) <= DIRECT_VARIABLES:
        return _qepcad(combined, scope, _ordered(combined.free_symbols), (), deadline), True
    return combined, True


def _ordered(symbols) -> tuple[sp.Symbol, ...]:
    return tuple(sorted(symbols, key=sp.default_sort_key))


# -- simplification under the assumptions --------------------------------------------------------

def _proved(claim, given, deadline) -> bool:
    if claim is sp.true:
        return True
    if claim is sp.false:
        return False
    v = prove(claim, dict(given), timeout=max(0.5, min(10.0, _remaining(deadline))))
    return v.status is Status.PROVED


def _prune(b, given, deadline):
    """Drop the parts of a top-level And/Or that the rest implies (each drop proved by the engine)."""
    if isinstance(b, Relational) or b in (sp.true, sp.false):
        if not isinstance(b, Relational):
            return b
        if _proved(b, given, deadline):
            return sp.true
        if _proved(sp.Not(b), given, deadline):
            return sp.false
        return b
    if not isinstance(b, (sp.And, sp.Or)):
        return b
    conj = isinstance(b, sp.And)
    parts = sorted(b.args, key=lambda a: (-sp.count_ops(a), sp.default_sort_key(a)))  # try the big ones first
    kept = list(parts)
    for p in parts:
        others = [q for q in kept if q is not p]
        if not others:
            break
        rest = sp.And(*others) if conj else sp.Or(*others)
        if _proved(sp.Implies(rest, p) if conj else sp.Implies(p, rest), given, deadline):
            kept = others
    out = sp.And(*kept) if conj else sp.Or(*kept)
    if conj and _proved(sp.Not(out), given, deadline):
        return sp.false
    if not conj and _proved(out, given, deadline):
        return sp.true
    return out


def tidy(b):
    r"""Relations written the way a reader states a threshold: constants on the right, no minus signs in front.

    >>> A, C = sp.symbols("A C")
    >>> tidy(C - A + 1 < 0), tidy(A - C - 1 >= 0)
    (A - C > 1, A - C >= 1)
    >>> a, c1, c2 = sp.symbols("a c_1 c_2")
    >>> tidy(2*c2 - a - c1 < 0)
    a + c_1 > 2*c_2
    """
    if isinstance(b, Relational):
        return _tidy_relation(b)
    if isinstance(b, (sp.And, sp.Or, sp.Not)):
        return b.func(*[tidy(a) for a in b.args])
    return b


_MIRROR = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}
_REL = {"==": sp.Eq, "!=": sp.Ne, "<": sp.Lt, "<=": sp.Le, ">": sp.Gt, ">=": sp.Ge}


def _tidy_relation(rel: Relational):
    op = rel.rel_op
    if op not in _REL:
        return rel
    diff = sp.expand(rel.lhs - rel.rhs)
    if diff.is_number:
        return _REL[op](diff, 0)
    terms = sp.Add.make_args(diff)
    const = sp.Add(*[t for t in terms if t.is_number])
    terms = [t for t in terms if not t.is_number]
    pos = [t for t in terms if not t.could_extract_minus_sign()]
    neg = [-t for t in terms if t.could_extract_minus_sign()]
    # orient: more variable terms positive than negative; on a tie, a positive right-hand side
    if len(neg) > len(pos) or (len(neg) == len(pos) and (const > 0 or (const == 0 and not pos))):
        const, pos, neg, op = -const, neg, pos, _MIRROR[op]
    if const != 0:
        return _REL[op](sp.Add(*pos) - sp.Add(*neg), -const, evaluate=False)
    if neg:
        return _REL[op](sp.Add(*pos), sp.Add(*neg), evaluate=False)
    return _REL[op](sp.Add(*pos), 0, evaluate=False)


# -- certification ----------------------------------------------------------------------------------

def _certify(result: Region, scope: _Scope, timeout: float) -> Region:
    """Prove the region equivalent to the condition; withdraw it if the engine shows it is wrong."""
    R = result.condition
    # the condition (with its assumptions about eliminated variables) *holds*: where it is undefined (x/(x - a)
    # at x = a) it does not, as the region reads it; x/(x - a) at a witness x = 2a is 2a/a, which SymPy writes 2
    # even at a = 0, so an instance keeps these conditions of definition too
    held = sp.And(scope.condition, *scope.local, *domain_conditions(scope.condition),
                  *domain_conditions(sp.And(*scope.local)))
    named = dict(scope.named)
    until = time.perf_counter() + timeout  # one limit for every proof of the certificate, not one each

    def left() -> float:
        return max(0.05, until - time.perf_counter())
    if not scope.bound:
        v = prove(sp.Equivalent(R, held), named, timeout=left())
        if v.status is Status.PROVED:
            return replace(result, certified=True,
                           certificate=f"the engine proved region <=> condition under the assumptions ({v.method})")
        return _not_certified(result, v, "region <=> condition")
    # the existential direction: every instance lies in the region (eliminated variables universal)
    v = prove(sp.Implies(held, R), named, timeout=left())
    if v.status is not Status.PROVED:
        return _not_certified(result, v, "condition => region")
    # the other direction: a witness for every point of the region
    given = dict(scope.given)
    # a witness must also have the eliminated variable's declared sign (t positive: t = a - 1 is none)
    instance = sp.And(held, *[r for t in scope.bound for r in declared_sign(t)])
    for candidates in _witness_candidates(held, scope.bound):
        if time.perf_counter() >= until:
            return replace(result, certificate="proved condition => region; the time limit was reached before a "
                                               "witness construction proved region => condition (not certified)")
        candidates = sorted(candidates, key=lambda c: [sp.default_sort_key(e) for _, e in c])  # a stable order
        try:
            # a witness value holds only where it is defined: t = 1/x makes x t = 1 read 1 = 1, also at x = 0
            instances = [sp.And(instance.xreplace(dict(c)), *[d for _, e in c for d in domain_conditions(e)])
                         for c in candidates]
        except (TypeError, ValueError):  # SymPy refuses the substitution (a Piecewise without a branch: nan)
            continue
        w = prove(sp.Implies(R, sp.Or(*instances)), given, timeout=left())
        if w.status is Status.PROVED:
            shown = "; ".join(", ".join(f"{s} = {sp.sstr(e)}" for s, e in c) for c in candidates)
            return replace(result, certified=True, witnesses=tuple(candidates),
                           certificate=f"the engine proved condition => region, and region => the condition "
                                       f"holds at one of the witnesses {shown} ({v.method})")
    return replace(result, certificate="proved condition => region; no witness construction proved "
                                       "region => condition (not certified)")


def _not_certified(result: Region, v, what: str) -> Region:
    if v.status is Status.VACUOUS:
        # no parameters meet the assumptions: the region of the admissible ones is empty, whatever was derived
        # (the derivation keeps only the assumptions on the region's own symbols)
        return replace(result, condition=sp.false, certified=True, empty=True,
                       certificate=f"the region is empty: {v.reason or 'the assumptions are contradictory'}" + (
                           f" (from the assumptions on its own symbols alone it was derived as {result.as_text()})"
                           if result.condition is not sp.false else ""))
    if v.status is Status.REFUTED and v.counterexample is not None:
        # a certified point where region and condition disagree: the region is wrong, withdraw it
        return replace(result, condition=None, certified=False,
                       reason=f"the derived region ({result.as_text()}, {result.method}) disagrees with the "
                              "condition at " + ", ".join(f"{k} = {val}" for k, val in
                                                          point_as_text(v.counterexample).items()) + ": withdrawn")
    why = v.reason or v.status.value
    return replace(result, certificate=f"the engine did not prove {what}: {v.status.value} ({why})")


def _degree_at_most(e: sp.Expr, gens, most: int) -> bool:
    """Polynomial in ``gens`` of total degree at most ``most`` (solving stays quick and in radicals)."""
    try:
        return sp.Poly(e, *gens).total_degree() <= most
    except sp.PolynomialError:
        return False


def _witness_candidates(body, bound):
    """Lists of candidate assignments of the eliminated variables (each list is tried as one disjunction)."""
    rels = [r for r in body.atoms(Relational)]
    eqs = [sp.together(r.lhs - r.rhs).as_numer_denom()[0] for r in rels if r.rel_op == "=="]
    eqs = [e for e in eqs if e.free_symbols & set(bound)]
    tried = []
    if eqs and len(bound) <= 3 and all(_degree_at_most(e, bound, 4) for e in eqs):
        try:
            sols = sp.solve(eqs, list(bound), dict=True)
        except (NotImplementedError, ValueError, TypeError):
            sols = []
        sols = [s for s in sols if set(s) == set(bound) and all(not v.has(sp.I) for v in s.values())]
        if sols:
            tried.append([tuple((b, sp.factor(s[b])) for b in bound) for s in sols])
    if len(bound) == 1:
        (e,) = bound
        roots = []
        for r in rels:
            num = sp.together(r.lhs - r.rhs).as_numer_denom()[0]
            if not num.has(e):
                continue
            if not _degree_at_most(num, bound, 4):
                continue
            try:
                found = sp.solve(num, e)
            except (NotImplementedError, ValueError, TypeError):
                continue
            roots += [sp.factor(x) for x in found if not x.has(sp.I)]
        roots = list(dict.fromkeys(roots))[:8]
        if e.is_nonnegative or e.is_positive:
            roots = list(dict.fromkeys(roots + [sp.Integer(0)]))
        if roots:
            tried.append([((e, p),) for p in roots])
        points = list(roots)
        points += [(a + b) / 2 for a, b in combinations(roots, 2)]
        points += [r + 1 for r in roots] + [r - 1 for r in roots]
        points = list(dict.fromkeys(points)) or [sp.Integer(0), sp.Integer(1), sp.Integer(-1)]
        tried.append([((e, p),) for p in points[:40]])
    return tried
