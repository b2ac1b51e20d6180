r"""Obligations: one engine decision each, with its role, its assumptions and how it was derived.

A claim of a paper is decided through one or more :class:`Obligation` s: a
statement :math:`C`, its quantifier, named assumptions :math:`A`, and a
:class:`Role` -- a *decision* makes the claim's verdict, a *cross-check*
(e.g. the same statement at a fixed number of sectors) must agree with it.

Where SymPy settles a derived condition while it is being built (the
equilibrium condition *is* the stated threshold, so ``Equivalent`` collapses
to ``True``), the obligation keeps the condition **as derived**, unevaluated,
in :attr:`Obligation.derived`; that is what the engine decides and what the
spot checks evaluate, so the evidence is never a constant.

:class:`Family` gives a concrete instance of an abstract function (``g(L) =
1 + L`` for an increasing ``g``), used only to search for a certified
counterexample when the abstract decision is ``unknown``.

>>> import sympy as sp
>>> x = sp.Symbol("x", positive=True)
>>> ob = Obligation.forall("AM-GM", x + 1 / x >= 2)
>>> ob.role is Role.DECISION, decide_obligation(ob).status.value
(True, 'proved')
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import Enum

import sympy as sp
from sympy.core.function import AppliedUndef, UndefinedFunction
from sympy.logic.boolalg import Boolean

from .certify import Uncertifiable, holds
from .constructs import condition_text, domain_conditions
from .engine import exists, normalize_assumptions, prove
from .errors import BadInputError, BadInputTypeError
from .settings import Settings
from .verdict import Kind, Status, Verdict

__all__ = ["Role", "Family", "Obligation", "decide_obligation"]


class Role(str, Enum):
    """What an obligation's verdict is for."""

    DECISION = "decision"  #: makes the claim's verdict
    CROSS_CHECK = "cross-check"  #: must agree with the decisions (else the claim is unknown)

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Family:
    r"""A concrete instance of an abstract function, used only to *search* for certified counterexamples.

    An abstract increasing :math:`g` leaves a wrong threshold ``unknown``: the
    engine knows nothing of :math:`g` beyond what the assumptions say.  A family
    such as :math:`g(L) = 1 + L` is one admissible :math:`g`; a counterexample
    found with it, after the ``requirements`` (e.g. :math:`g' > 0` on
    ``domain``) are *proved* for the family, is a counterexample to the
    abstract claim, reported with the family named.  A family never proves anything.
    """

    function: object  #: the undefined SymPy function, e.g. ``sp.Function("g")``
    definition: sp.Lambda  #: e.g. ``sp.Lambda(x, 1 + x)``
    label: str  #: e.g. ``"g(L) = 1 + L"``
    #: what the abstract function is assumed to satisfy, in the Lambda's variable
    requirements: tuple = ()
    #: where the requirements must hold, in the Lambda's variable (e.g. ``x >= 0``)
    domain: Boolean = sp.true

    def __post_init__(self):
        if not isinstance(self.function, UndefinedFunction):
            raise BadInputError(f"family {self.label!r}: its function must be an abstract function such as "
                                f"Function('g', real=True), got {self.function!r}")
        if not isinstance(self.definition, sp.Lambda):
            raise BadInputTypeError(f"family {self.label!r}: its definition must be a sympy Lambda, e.g. "
                                    f"Lambda(x, 1 + x), got {type(self.definition).__name__}")
        requirements = self.requirements
        if isinstance(requirements, Mapping):  # {"increasing": g' > 0}, as a claim's assumptions are given
            requirements = tuple(requirements.items())
        if not isinstance(requirements, (tuple, list)) or not all(
                isinstance(r, (tuple, list)) and len(r) == 2 and isinstance(r[0], str) and isinstance(r[1], Boolean)
                for r in requirements):
            raise BadInputTypeError(f"family {self.label!r}: its requirements must be (name, relation) pairs or a "
                                    "name -> relation mapping in its Lambda's variable, e.g. "
                                    "requirements=((\"increasing\", Derivative(g(t), t) > 0),), proved for the "
                                    f"function the Lambda defines, got {requirements!r}")
        object.__setattr__(self, "requirements", tuple(tuple(r) for r in requirements))
        if not isinstance(self.domain, Boolean):
            raise BadInputTypeError(f"family {self.label!r}: its domain must be a SymPy condition such as t >= 0, "
                                    f"got {self.domain!r}")

    def instantiate(self, expr):
        """``expr`` with the abstract function replaced by this family (derivatives evaluated)."""
        return expr.replace(self.function, lambda *args: self.definition(*args)).doit()

    def inadmissible(self, timeout: float = 10.0) -> str:
        """Why this family may not stand for the abstract function (``""`` if it may).

        It must be smooth -- built without branches or kinks (``Piecewise``, ``Abs``, ``Max``, ``floor``,
        ...), whose SymPy derivative is silent about the points where none exists (``Piecewise((x, x < 1),
        (x - 1, True))`` differentiates to 1 everywhere, its jump included) -- and the engine must prove
        each requirement on the domain.
        """
        kinks = sorted({type(a).__name__ for a in sp.preorder_traversal(self.definition.expr)
                        if isinstance(a, _NOT_SMOOTH)})
        if kinks:
            return f"it is not smooth ({', '.join(kinks)}): its derivative may not exist where SymPy gives one"
        extra = self.definition.expr.free_symbols - set(self.definition.variables)
        if extra:  # a symbol of the claim would be captured by the substitution
            return f"its definition uses symbols other than its arguments ({', '.join(sorted(map(str, extra)))})"
        declared = _declared(self.function, len(self.definition.variables))
        if declared:  # positive=True, integer=True, ...: a property no requirement here checks
            return f"the function is declared {declared}, which is not checked for a concrete function"
        deadline = time.monotonic() + timeout
        for name, req in self.requirements:
            left = deadline - time.monotonic()
            # a requirement about the abstract function (g' > 0) is about this family once it is put in
            concrete = self.instantiate(req)
            if left <= 0 or prove(sp.Implies(self.domain, concrete), timeout=left).status is not Status.PROVED:
                return f"its requirement {name} is not proved on its domain"
        return ""

    def undefined_in(self, ob: "Obligation", point: dict) -> str:
        """Why this family has no value (or no derivative) where ``ob`` applies it at ``point`` (``""`` if it has).

        SymPy simplifies as it substitutes: ``(x - 1)/(x - 1)`` is 1 and ``exp(log(x))`` is ``x`` even at
        ``x = 1`` or ``x = 0``, where the function substituted is undefined -- so a point found with a
        family is checked against the function itself: every application in the claim and its assumptions,
        each derivative of the orders used, must be a finite real number there.  Where the point leaves an
        argument free, the function and those derivatives must be continuous on all the reals.
        """
        variables, body = self.definition.variables, self.definition.expr
        for expr in ob.expressions:
            for node in sp.preorder_traversal(expr):
                app, orders = (node.expr, node.variable_count) if isinstance(node, sp.Derivative) else (node, ())
                if not (isinstance(app, AppliedUndef) and app.func == self.function):
                    continue
                if len(app.args) != len(variables):
                    return f"it takes {len(variables)} argument(s), the claim gives {len(app.args)}"
                f = body
                for v, n in orders:
                    if v not in app.args:
                        return f"the claim differentiates {app} with respect to {v}, not one of its arguments"
                    f = sp.diff(f, variables[list(app.args).index(v)], int(n))
                what = f"{'a derivative of ' if orders else ''}{self.label} at {app}"
                if not all(a.free_symbols <= set(point) for a in app.args):
                    try:
                        everywhere = all(sp.calculus.util.continuous_domain(f, v, sp.S.Reals) == sp.S.Reals
                                         for v in variables)
                    except (NotImplementedError, ValueError, TypeError):
                        everywhere = False
                    if not everywhere:
                        return f"{what} is not known to be defined for every value the point leaves free"
                    continue
                at = dict(zip(variables, [sp.sympify(a).xreplace(point) for a in app.args]))
                value = f.xreplace(at)
                if value.has(sp.zoo, sp.nan, sp.oo, -sp.oo) or value.is_real is not True or \
                        value.is_finite is not True:
                    return f"{what} has no finite real value at the point"
        return ""


#: constructs with branches or kinks: a family built with one may have no derivative where SymPy gives one
_NOT_SMOOTH = (sp.Piecewise, sp.Abs, sp.sign, sp.floor, sp.ceiling, sp.Heaviside, sp.Min, sp.Max, sp.Mod,
               sp.frac, sp.DiracDelta)
#: constructs that bind a variable: a function substituted under one is evaluated away from any point
_BINDING = (sp.Integral, sp.Subs, sp.Sum, sp.Product, sp.Limit)
#: properties a function may be declared with (``Function("h", positive=True)``)
_PROPERTIES = ("positive", "negative", "nonnegative", "nonpositive", "zero", "nonzero", "integer", "rational",
               "irrational", "algebraic", "transcendental", "even", "odd", "prime", "composite", "finite",
               "infinite", "imaginary")


def _declared(function, arity: int) -> str:
    """The properties ``function`` is declared with beyond being real (``"positive"``), or ``""``."""
    args = [sp.Dummy() for _ in range(max(arity, 1))]
    value, real = function(*args), sp.Function("_real", real=True)(*args)
    extra = [("" if getattr(value, f"is_{k}") else "not ") + k for k in _PROPERTIES
             if getattr(value, f"is_{k}") is not None and getattr(value, f"is_{k}") != getattr(real, f"is_{k}")]
    said = [e for e in extra if not e.startswith("not ")] or extra  # "positive", not its consequences
    return ", ".join(said[:3])


def _family_barrier(ob: "Obligation", family: Family) -> str:
    """Why ``family`` cannot be put into ``ob`` at all (``""`` if it can)."""
    for expr in ob.expressions:
        bound = sorted({type(n).__name__ for n in sp.preorder_traversal(expr) if isinstance(n, _BINDING)})
        if bound:
            return f"the claim binds a variable ({', '.join(bound)}), where a substituted function is not checked"
        for app in expr.atoms(AppliedUndef):
            if any(a.has(AppliedUndef) for a in app.args):
                return f"the claim applies a function to a function ({app})"
    return ""


@dataclass(frozen=True)
class Obligation:
    """One engine decision: a statement, its quantifier, its named assumptions and its role."""

    label: str
    kind: Kind
    statement: Boolean
    assumptions: tuple = ()  #: ``(name, Boolean)`` pairs
    role: Role = Role.DECISION
    #: concrete instances of the abstract functions in the statement (see :class:`Family`)
    families: tuple = ()
    #: the statement as derived, before SymPy simplified it (decided and spot-checked in its place)
    derived: Boolean | None = None
    #: how SymPy reduces ``derived`` to ``statement`` (shown in derivations)
    reduction: str = ""
    #: the sizes a fixed scope set, ``((symbol, value), ...)``: part of every point of this decision
    fixed: tuple = ()
    #: names of assumptions undefined once those sizes were set (``sqrt(2 - n) >= 0`` at ``n = 3``): they hold
    #: nowhere there and stand as ``False``
    undefined_at_size: tuple = ()
    #: said with every verdict on it (a decimal read as the decimal it prints as while a size was set)
    notes: tuple = ()

    def __post_init__(self):
        for what in ("statement", "derived"):  # text is never parsed: sympify would run it as Python code
            value = getattr(self, what)
            if isinstance(value, (str, bytes)):
                raise BadInputTypeError(f"obligation {self.label!r}: its {what} is the string "
                                        f"{value[:80]!r}; pass a SymPy Boolean")
            if isinstance(value, (tuple, list, set, frozenset, dict)):  # sympify converts what is inside
                raise BadInputTypeError(f"obligation {self.label!r}: its {what} is a {type(value).__name__}; "
                                        "pass a SymPy Boolean")
        object.__setattr__(self, "kind", Kind(self.kind))
        object.__setattr__(self, "role", Role(self.role))
        object.__setattr__(self, "assumptions", normalize_assumptions(self.assumptions))
        object.__setattr__(self, "families", tuple(self.families))
        labels = [f.label for f in self.families]
        if len(set(labels)) != len(labels):  # a verdict names its family by label
            raise BadInputError(f"obligation {self.label!r}: two concrete functions share the label "
                                f"{next(x for x in labels if labels.count(x) > 1)!r}")

    @classmethod
    def forall(cls, label, statement, assumptions=(), role=Role.DECISION, families=(), *, derived=None,
               reduction="") -> "Obligation":
        return cls(label, Kind.FORALL, statement, assumptions, role, families, derived, reduction)

    @classmethod
    def exists(cls, label, statement, assumptions=(), role=Role.DECISION, families=(), *, derived=None,
               reduction="") -> "Obligation":
        return cls(label, Kind.EXISTS, statement, assumptions, role, families, derived, reduction)

    @property
    def decided_statement(self) -> Boolean:
        """What the engine decides: the statement as derived where it was kept, else the statement."""
        return self.derived if self.derived is not None else self.statement

    @property
    def expressions(self) -> tuple:
        """The statement as decided and each assumption: everything the engine reads of this obligation."""
        return (sp.sympify(self.decided_statement), *(sp.sympify(a) for _, a in self.assumptions))

    @property
    def free_symbols(self) -> set:
        """The symbols of the statement as decided and of the assumptions."""
        return set().union(*[e.free_symbols for e in self.expressions])

    @property
    def settled_at_construction(self) -> bool:
        """SymPy reduced the statement to a constant while building it."""
        return isinstance(self.statement, sp.logic.boolalg.BooleanAtom)

    def fixed_text(self) -> str:
        """``"n = 2"``: the sizes a fixed scope set in this decision, or ``""``."""
        return ", ".join(f"{s} = {v}" for s, v in self.fixed)

    def with_family(self, label: str) -> "Obligation":
        """This obligation with the concrete family named ``label`` put in for its abstract function.

        A verdict found with a family (:attr:`Verdict.family`) is a verdict on this obligation: its point is
        evaluated here, not in the abstract statement (where ``Derivative(D(p), p)`` has no value at a number).
        ``self`` when ``label`` is empty.
        """
        if not label:
            return self
        family = next((f for f in self.families if f.label == label), None)
        if family is None:
            raise ValueError(f"obligation {self.label!r} has no family {label!r}")
        return Obligation(self.label, self.kind, family.instantiate(self.decided_statement),
                          tuple((n, family.instantiate(a)) for n, a in self.assumptions), self.role, fixed=self.fixed)

    def decide(self, timeout: float = 10.0, core: bool = False) -> Verdict:
        return decide_obligation(self, Settings(timeout=timeout, core=core))


def decide_obligation(ob: Obligation, settings: Settings | None = None) -> Verdict:
    """The engine's verdict on ``ob`` (concrete families searched when the abstract answer is unknown).

    The time limit covers the whole: the abstract decision and the search with every family.
    """
    settings = settings or Settings()
    deadline = time.monotonic() + settings.timeout
    fn = prove if ob.kind is Kind.FORALL else exists
    v = fn(ob.decided_statement, dict(ob.assumptions), timeout=settings.timeout, core=settings.core)
    if ob.derived is not None and ob.settled_at_construction:
        note = ("the statement SymPy reduced to a constant was decided as derived, before simplification"
                + (f" ({ob.reduction})" if ob.reduction else ""))
        v = replace(v, notes=v.notes + (note,))
    if v.status is Status.UNKNOWN and ob.families:
        v = _search_families(ob, v, settings, deadline)
    if ob.notes:
        v = replace(v, notes=v.notes + tuple(n for n in ob.notes if n not in v.notes))
    return v


def _undefined_with(family: Family, ob: Obligation, point: dict) -> str:
    """Why the claim (or an assumption) is undefined at ``point`` with ``family`` put in, else ``""``.

    Its conditions of definition are read from the claim as written, then the family put into them: SymPy
    simplifies as it substitutes (``(g(x) - x) log(x)`` with ``g(x) = x`` is 0, and the ``x > 0`` of ``log(x)``
    is gone), so a point certified on the substituted claim may be outside the claim's domain."""
    for expr in ob.expressions:
        for condition in domain_conditions(expr):
            try:
                held = holds(family.instantiate(condition), point)
            except (Uncertifiable, TypeError, ValueError, ArithmeticError):
                held = False
            if not held:
                return f"the claim is undefined there ({condition_text(condition)} fails or cannot be settled)"
    return ""


def _defined_with(family: Family, ob: Obligation) -> tuple[tuple[str, sp.Boolean], ...]:
    """Where the claim as written and the family applied in it are defined, as named assumptions (a guide for
    the search only: every point found is checked by :meth:`Family.undefined_in` and :func:`_undefined_with`)."""
    variables, body = family.definition.variables, family.definition.expr
    conditions = [family.instantiate(c) for expr in ob.expressions for c in domain_conditions(expr)]
    for expr in ob.expressions:
        for app in expr.atoms(AppliedUndef):
            if app.func == family.function and len(app.args) == len(variables):
                conditions += domain_conditions(body.xreplace(dict(zip(variables, app.args))))
    kept = []
    for c in conditions:
        if isinstance(c, Boolean) and c not in (sp.true, sp.false) and c not in kept:
            kept.append(c)
    return tuple((f"defined: {condition_text(c)}", c) for c in kept)


def _search_families(ob: Obligation, abstract: Verdict, settings: Settings, deadline: float) -> Verdict:
    """Re-decide with each admissible concrete family; only a certified point where the family itself is
    defined counts."""
    want = Status.REFUTED if ob.kind is Kind.FORALL else Status.WITNESS
    passed_over = []
    for family in ob.families:
        left = deadline - time.monotonic()
        if left <= 0:
            passed_over.append(f"the concrete function {family.label} was not tried: the time limit was reached")
            continue
        why = _family_barrier(ob, family) or family.inadmissible(left)
        if not why:
            try:
                concrete = ob.with_family(family.label)
            except Exception as exc:  # SymPy cannot put it in (a composite's derivative, ...)
                why = f"it could not be substituted ({type(exc).__name__}: {exc})"
        if why:
            passed_over.append(f"the concrete function {family.label} was not used: {why}")
            continue
        v = decide_obligation(concrete, settings.merge(timeout=max(0.1, deadline - time.monotonic())))
        if v.status is not want:
            continue
        undefined = family.undefined_in(ob, v.point or {}) or _undefined_with(family, ob, v.point or {})
        if undefined and deadline > time.monotonic():
            # look once more, where the claim and the family are defined; the point is checked as before
            defined = _defined_with(family, ob)
            if defined:
                again = decide_obligation(replace(concrete, assumptions=concrete.assumptions + defined),
                                          settings.merge(timeout=max(0.1, deadline - time.monotonic())))
                if again.status is want:
                    v = again
                    undefined = (family.undefined_in(ob, v.point or {})
                                 or _undefined_with(family, ob, v.point or {}))
        if undefined:
            passed_over.append(f"the point found with the concrete function {family.label} was not used: "
                               f"{undefined}")
            continue
        what = "counterexample" if want is Status.REFUTED else "witness"
        return Verdict.make(want, ob.kind, f"{v.method} with {family.label}", v.seconds,
                            reason=f"{what} with the concrete function {family.label}",
                            point=v.point, notes=v.notes, family=family.label)
    if not passed_over:
        return abstract
    # the reason a reader sees first should not hide that a concrete function was never tried
    reason = (abstract.reason + "; " if abstract.reason else "") + passed_over[0] \
        + (f" (and {len(passed_over) - 1} more in the notes)" if len(passed_over) > 1 else "")
    return replace(abstract, reason=reason, notes=abstract.notes + tuple(passed_over))
