"""The routes of :mod:`symbolic.engine` that decide without z3: what SymPy settled, exact evaluation of a
claim without symbols, SymPy's sign rules, SymPy identities.

Each is a plain function ``(problem, domain) -> Verdict | None`` (``exact_constant`` takes the problem
alone: it runs before translation).  SymPy's judgement is used only where it is a proof: small expressions
(its sign reasoning cannot be stopped at a time limit), symbols with sign assumptions only, rational
constants; a point is reported only once certified.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.core.relational import Relational

from .certify import Uncertifiable, holds
from .constructs import is_truth_value, sympy_algebra_reliable, sympy_settles_reliably
from .points import certified_point, certify, default_point
from .timebox import OutOfTime, time_box
from .verdict import Kind, Status, Verdict

if TYPE_CHECKING:
    from .problem import Domain, Problem

__all__ = ["settled_false", "sympy_constant", "exact_constant", "sympy_sign", "sympy_identity",
           "SYMPY_ROUTE_MAX_OPS", "SYMPY_ROUTE_MAX_DEGREE"]


#: the SymPy routes only look at expressions up to this size and degree (their cost is not bounded otherwise:
#: SymPy's sign reasoning factors polynomials, and cannot be stopped at a time limit)
SYMPY_ROUTE_MAX_OPS = 150
SYMPY_ROUTE_MAX_DEGREE = 6


def _small_for_sympy(b) -> bool:
    if sp.count_ops(b) > SYMPY_ROUTE_MAX_OPS:
        return False
    return all(not p.exp.is_Integer or abs(int(p.exp)) <= SYMPY_ROUTE_MAX_DEGREE for p in b.atoms(sp.Pow))


def settled_false(named) -> tuple[str, str] | None:
    """``(name, words)`` for an assumption SymPy already evaluated to False (not a contradiction the solver
    found: SymPy's evaluation may rest on number kinds), else ``None``."""
    name = next((n for n, a in named if a is sp.false), None)
    if name is None:
        return None
    which = "an assumption" if name == "False" else f"the assumption {name!r}"  # given unnamed
    return name, (f"SymPy evaluated {which} to False when it was written (from the symbols' own assumptions; "
                  "write it with evaluate=False if that is wrong)")


def sympy_constant(p: Problem, d: Domain) -> Verdict | None:
    """A claim SymPy evaluated to True or False before the engine saw it: said so, never called a z3 proof."""
    t = p.target
    if not isinstance(t, sp.logic.boolalg.BooleanAtom):
        return None
    method, why = "sympy-constant", f"SymPy evaluated the statement to the constant {t} before the engine saw it"
    holds_everywhere = t is sp.true
    if p.kind is Kind.FORALL and holds_everywhere:
        return p.verdict(Status.PROVED, method, reason=why)
    if p.kind is Kind.EXISTS and not holds_everywhere:
        return p.verdict(Status.REFUTED, method, reason=why)
    # a point is needed (a counterexample to False, an instance of True): any admissible one
    point = {s: v for s, name, _ in p.encoding.symbols if (v := d.satisfiable.model.get(name)) is not None}
    found = certified_point(p, point, want=(p.kind is Kind.EXISTS))
    if found is None:
        return None
    status = Status.REFUTED if p.kind is Kind.FORALL else Status.WITNESS
    return p.verdict(status, method, reason=why, point=found)


def exact_constant(p: Problem) -> Verdict | None:
    """Assumptions without symbols, evaluated exactly (interval arithmetic, minimal polynomials, exact zero
    tests of logarithms): one that is false makes the claim vacuous.  A claim without symbols is then
    decided the same way.  ``None`` where nothing is settled so.  Only constructs of the table: a number
    that is not real (``I*pi``) is never compared."""
    if p.unsupported is not None or settled_false(p.named):
        return None  # the routes say what SymPy evaluated before the engine saw it, or what is not supported
    method = "exact-evaluation"
    constant = [(n, a) for n, a in p.named if not a.free_symbols and not a.atoms(AppliedUndef)
                and not isinstance(a, sp.logic.boolalg.BooleanAtom)]
    decides_claim = not (p.symbols or isinstance(p.target, sp.logic.boolalg.BooleanAtom)
                         or p.target.atoms(AppliedUndef) or len(constant) < len(p.named))
    try:
        with time_box(max(p.remaining(), 0.0)):
            for name, a in constant:
                try:
                    if not holds(a, {}):
                        return p.verdict(Status.VACUOUS, method, core=(name,),
                                         reason=f"the assumption {name!r} is false (it has no symbols; evaluated "
                                                "exactly)")
                except Uncertifiable:
                    decides_claim = False
            if not decides_claim:
                return None
            truth = holds(p.target, {})
    except (Uncertifiable, OutOfTime):
        return None
    if p.kind is Kind.FORALL:
        return p.verdict(Status.PROVED if truth else Status.REFUTED, method, point=None if truth else {},
                         reason=f"the statement has no symbols: it is {'true' if truth else 'false'}, "
                                "evaluated exactly")
    return p.verdict(Status.WITNESS if truth else Status.REFUTED, method, point={} if truth else None,
                     reason=f"the condition has no symbols: it is {'true' if truth else 'false'}, evaluated exactly")


def sympy_sign(p: Problem, d: Domain) -> Verdict | None:
    t = p.target
    if p.named or not isinstance(t, Relational) or d.claim or is_truth_value(t.lhs):
        return None
    if not sympy_settles_reliably(t):
        return None
    if not _small_for_sympy(t):
        return None
    truth = _relation_truth(t)
    if truth is None:
        return None
    if p.kind is Kind.FORALL and truth:
        return p.verdict(Status.PROVED, "sympy-sign",
                         reason="SymPy settles the sign from the symbols' assumptions")
    if p.kind is Kind.EXISTS and not truth:
        return p.verdict(Status.REFUTED, "sympy-sign", reason="the condition is false everywhere")
    point = default_point(p.symbols)  # a point is needed: the claim fails (forall) or holds (exists) everywhere
    if point is None:
        return None
    try:
        ok = certify(p, point, want=(p.kind is Kind.EXISTS))
    except Uncertifiable:
        return None
    if not ok:
        return None
    status = Status.REFUTED if p.kind is Kind.FORALL else Status.WITNESS
    return p.verdict(status, "sympy-sign", point=point)


def sympy_identity(p: Problem, d: Domain) -> Verdict | None:
    t = p.target
    if not (isinstance(t, sp.Eq) and p.kind is Kind.FORALL) or is_truth_value(t.lhs):
        return None
    # simplify() evaluates a Piecewise's conditions and reasons by number kinds: only where that is a proof
    if not sympy_algebra_reliable(t):
        return None
    if not _small_for_sympy(t) or p.remaining() <= 0:
        return None
    if d.defined[0] is not True:
        return None  # an identity "where defined" is not a proof where it may be undefined
    if d.satisfiable.result != "sat":
        return None
    try:
        with time_box(p.remaining()):  # simplify has no limit of its own (tanh identities: 20 s)
            how = "the two sides simplify to the same expression"
            diff = sp.simplify(sp.expand_log(t.lhs - t.rhs))
            denest = diff != 0 and _powers_denest(t)
            if denest:
                diff = sp.simplify(sp.powdenest(t.lhs - t.rhs, force=True))
            if diff != 0 and denest and _positive_where_defined(t.rhs):
                # s A k**alpha = (n + delta) k with k a real power: as a quotient the powers cancel (the right
                # side is positive, so the two are equal iff their quotient is 1)
                diff = sp.simplify(sp.powdenest(t.lhs / t.rhs, force=True)) - 1
                how = "the quotient of the two sides simplifies to 1, and the right side is positive"
    except OutOfTime:
        return None
    if diff != 0:
        return None
    # the identity holds where both sides are defined: which assumptions keep them so is the core
    core = d.defined_core if p.want_core else ()
    return p.verdict(Status.PROVED, "sympy-identity", reason=how, core=core)


def _powers_denest(t) -> bool:
    """Whether ``(b**c)**d = b**(c d)`` may be used throughout ``t`` (SymPy's ``powdenest(force=True)``): every
    symbol is declared positive (so its forcing assumes nothing more) and every base of a power with an
    exponent that is not an integer is positive by SymPy's sign rules; the exponents are real, as the route
    applies only to a claim defined everywhere under its assumptions.  SymPy alone does not denest
    ``((a p/w)**(1/(1 - a)))**(a - 1)``: it cannot see that ``1/(1 - a)`` is real."""
    if not all(s.is_positive for s in t.free_symbols):
        return False
    return all(_positive_where_defined(e.base) for e in t.atoms(sp.Pow) if not e.exp.is_integer)


def _positive_where_defined(b) -> bool:
    """Positive by SymPy's sign rules, or a power, product or sum of such (``b**c`` with ``b > 0`` and a real
    ``c`` is positive; SymPy does not know ``c`` is real when it is ``1/(1 - a)``)."""
    if b.is_positive:
        return True
    if isinstance(b, sp.Pow):
        return _positive_where_defined(b.base)
    if isinstance(b, (sp.Mul, sp.Add)):
        return all(_positive_where_defined(a) for a in b.args)
    return False


def _relation_truth(rel: Relational):
    """True/False if SymPy settles ``rel`` everywhere from symbol assumptions, else None."""
    diff = rel.lhs - rel.rhs
    op = rel.rel_op
    checks = {
        ">": ("is_positive", "is_nonpositive"), ">=": ("is_nonnegative", "is_negative"),
        "<": ("is_negative", "is_nonnegative"), "<=": ("is_nonpositive", "is_positive"),
        "==": ("is_zero", "is_nonzero"), "!=": ("is_nonzero", "is_zero"),
    }
    if op not in checks:
        return None
    sure_true, sure_false = checks[op]
    if getattr(diff, sure_true):
        return True
    if getattr(diff, sure_false):
        return False
    return None
