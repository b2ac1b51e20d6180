"""Which assumptions a verdict needs, and where a refuted claim fails.

Which assumptions a proof needs is said two ways, which must not be confused:

* **sufficient** -- :func:`assumption_use`: a set of assumption instances
  the proof uses: each decision's unsatisfiable core (z3's, reduced by
  dropping one instance at a time) with the assumptions that keep the claim
  defined, over all decisions.  It suffices; it need not be minimal (the
  union of two cores can hold one that the other makes redundant), and other
  sufficient sets may exist.
* **necessary** -- :func:`necessity` (one claim) and :func:`ablation` (a
  table of claims): the claim re-decided with one group of assumptions dropped
  (a named assumption, the positivity of a group of parameters, or a symbol's
  integrality); *necessary* when the verdict changes (or the claim is
  undefined without it at an exact point the others admit: needed for the
  claim to be defined), *not needed* when the claim is still proved without
  it.  Abstract functions are searched with the claim's concrete families, so
  a row can be ``refuted`` where that is the truth.

:func:`refutation_class` says whether a refuted claim is false everywhere the
assumptions hold or only somewhere (the classes TheoryGuru reports).
:func:`proofs.derive.derive` shows all three in a claim's derivation.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, replace
from typing import Sequence

import sympy as sp
from sympy.core.relational import Relational
from sympy.logic.boolalg import BooleanAtom

from symbolic import Kind, Status, Verdict, exists, prove
from symbolic.constructs import condition_text, domain_conditions
from symbolic.errors import BadInputError
from symbolic.names import GREEK
from symbolic.obligation import Obligation, Role
from symbolic.settings import Settings
from symbolic.verdict import value_text

from .claim import Claim, ClaimResult
from .decide import decide_claim, decide_obligation_once
from .inputs import named_not_kept, quoted

__all__ = ["assumption_group", "AssumptionUse", "assumption_use", "refutation_class", "RefutationClass",
           "ablation", "Ablation", "ablation_row", "necessity", "Necessity", "necessity_sentence", "NECESSITY_TIMEOUT",
           "declared_assumptions", "ablation_cell"]


def assumption_group(name: str, *, indexed: bool) -> str:
    """The named assumption an instance belongs to: ``A2(1,k)`` -> ``A2``, ``theta_k >= 1`` -> ``theta >= 1``.

    Only for a claim whose assumptions are instances of indexed ones (``Claim(indexed_assumptions=True)``,
    this paper's sectors); otherwise (``indexed=False``) every named assumption is its own group: a user's
    ``a_1 > 0`` and ``a_2 > 0`` are two assumptions, not one.  ``x_i >= c`` is an instance only where ``c``
    is not indexed itself (``R_1 >= c_1`` is an assumption of its own).

    >>> [assumption_group(n, indexed=True) for n in ("A1(k,j)", "theta_3 >= 1", "V > 1")]
    ['A1', 'theta >= 1', 'V > 1']
    >>> assumption_group("g(0) >= 0", indexed=True)  # a relation about a function's value, not an instance
    'g(0) >= 0'
    >>> assumption_group("R_1 >= c_1", indexed=True), assumption_group("theta_3 >= 1", indexed=False)
    ('R_1 >= c_1', 'theta_3 >= 1')
    """
    if not indexed:
        return name
    m = re.match(r"^([A-Za-z]\w*)\([^()]*\)$", name)
    if m:
        return m.group(1)
    m = re.match(r"^([A-Za-z]+)_\w+ (>=|<=|>|<) ([^_]+)$", name)
    if m:
        return f"{m.group(1)} {m.group(2)} {m.group(3)}"
    return name


def _instance(name: str) -> str:
    m = re.match(r"^[A-Za-z]\w*\((.*)\)$", name)
    if m:
        return "sectors " + " and ".join(m.group(1).split(","))
    m = re.match(r"^[A-Za-z]+_(\w+) (>=|<=|>|<) [^_]+$", name)
    if m:
        return f"sector {m.group(1)}"
    return name


@dataclass(frozen=True)
class AssumptionUse:
    """A set of named assumption instances sufficient for the proof (the decisions' cores together)."""

    used: tuple[str, ...]
    unused_groups: tuple[str, ...]
    #: the core of each decision, in order (``None`` where the re-decision with cores was not a proof)
    per_decision: tuple = ()
    #: every decision's core is known (else ``used`` is only part of a sufficient set)
    complete: bool = True
    #: the claim's assumptions are instances of indexed ones (see :func:`assumption_group`)
    indexed: bool = False

    @property
    def used_groups(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(assumption_group(n, indexed=self.indexed) for n in self.used))

    def sentence(self) -> str:
        if not self.complete:
            known = "; ".join(self.used) or "none named"
            return ("not determined for every decision (no core was found in time, or the core alone did not "
                    "give the same verdict); "
                    f"the decisions that were: {known}")
        if not self.used:
            text = ("sufficient for this proof: none of the named assumptions (the symbols' own assumptions, "
                    "such as positivity, suffice)")
        else:
            parts = []
            for g in self.used_groups:
                inst = [n for n in self.used if assumption_group(n, indexed=self.indexed) == g]
                parts.append(g if inst == [g] else f"{g} for " + ", ".join(_instance(n) for n in inst))
            text = ("sufficient for this proof with the symbols' own assumptions (signs, integer, ...) (the "
                    "decisions' cores together: a set that suffices, not necessarily minimal; others may exist): "
                    + "; ".join(parts))
        if self.unused_groups:
            text += "; this proof does not use " + ", ".join(self.unused_groups)
        return text


def assumption_use(result: ClaimResult, settings: Settings | None = None) -> AssumptionUse | None:
    """A sufficient set of assumption instances of a *proved* claim, over all its decisions (see above)."""
    if result.status is not Status.PROVED:
        return None
    settings = (settings or Settings()).merge(core=True)
    indexed = result.claim.indexed_assumptions
    used: list[str] = []
    groups: list[str] = []
    cores = []
    complete = True
    for ob, v in result.decisions:
        if not result.admits(ob):  # a size the assumptions exclude: no proof, nothing it uses
            cores.append(None)
            continue
        again = decide_obligation_once(ob, settings)
        # a core is evidence only from a proof: a re-decision that ran out of time says nothing (nor a proof
        # whose tracked re-check gave no core: its core is None)
        core = again.core if again.status is Status.PROVED else None
        cores.append(core)
        complete = complete and core is not None
        used += [n for n in (core or ()) if n not in used]
        groups += [assumption_group(n, indexed=indexed) for n, _ in ob.assumptions]
    used_groups = {assumption_group(n, indexed=indexed) for n in used}
    unused = tuple(g for g in dict.fromkeys(groups) if g not in used_groups) if complete else ()
    return AssumptionUse(tuple(used), unused, tuple(cores), complete, indexed)


@dataclass(frozen=True)
class RefutationClass:
    """Where a refuted claim fails: everywhere the assumptions hold, or only somewhere.

    Both points belong to one decision (the one the counterexample refutes), with its own assumptions:
    ``fails_at`` is the counterexample, ``holds_at`` a point where the same decision holds, each
    certified exactly by substitution into every one of its assumptions and its statement.
    """

    everywhere: bool | None  #: None when the engine could not tell
    holds_at: dict | None = None  #: an exact point where the claim does hold (when not false everywhere)
    fails_at: dict | None = None  #: the counterexample
    #: which decision both points belong to, ``(index, count)``, when the claim has several
    decision: tuple | None = None
    #: the concrete function both points are points with (a counterexample found through a Family), or ""
    family: str = ""
    #: the claim is an implication: "holds" means with its hypothesis met (a point where the hypothesis
    #: fails satisfies it vacuously and shows nothing)
    implication: bool = False
    #: the sizes a fixed scope set in that decision (``"n = 1"``): both points are at them, other sizes are
    #: decisions of their own
    fixed: str = ""
    #: whether the claim also fails with every inequality of its negation and of its assumptions strict (not
    #: only at a tie or on a boundary): True with ``strictly_at``, False where it was shown to fail only where
    #: one of them holds with equality, None where not decided
    strictly: bool | None = None
    strictly_at: dict | None = None

    def sentence(self) -> str:
        """In the project's plain notation (``lambda_1N = 1/2``), which the report typesets."""
        of = f" (decision {self.decision[0]} of {self.decision[1]})" if self.decision else ""
        of += f" with {self.family}" if self.family else ""
        fails = f"the claim{of} fails at {_plain(self.fails_at)}" if self.fails_at else f"the claim{of} fails"
        at = f" with {self.fixed}" if self.fixed else ""
        where = f"its hypothesis holds{at}" if self.implication else f"the assumptions hold{at}"
        if self.everywhere is None:
            return f"{fails}; whether it holds anywhere {where} could not be decided"
        if self.everywhere:
            return (f"{fails}, and so it does wherever else {where}: it is true only where its hypothesis fails "
                    f"(vacuously){at}" if self.implication
                    else f"{fails}, and everywhere else {where}: it holds nowhere{at}") + self._strict()
        met = " with its hypothesis met" if self.implication else ""
        return f"{fails}; it holds at some other points{at}{met}, e.g. at {_plain(self.holds_at)}" + self._strict()

    def _strict(self) -> str:
        """Whether a claim that holds somewhere fails only at ties (a knife edge) or also strictly."""
        if self.everywhere is not False:
            return ""
        if self.strictly and self.strictly_at:
            return (f"; it also fails where every inequality of its negation, of the assumptions and of its "
                    f"conditions of definition is strict, so on an open set of points (not only at a tie or on a "
                    f"boundary), e.g. at {_plain(self.strictly_at)}")
        if self.strictly is False:
            return ("; it fails only where an inequality of the claim or of its assumptions holds with equality: "
                    "its failures have no interior (a knife edge)")
        return ""

    def point(self) -> dict | None:
        return self.holds_at


def _plain(point: dict) -> str:
    return ", ".join(f"{s} = {value_text(v)}" for s, v in sorted(point.items(), key=lambda kv: kv[0].name))


def _certified(ob: Obligation, point: dict, want: bool) -> bool:
    """``point`` gives every symbol of ``ob`` a value that satisfies its assumptions and the symbols' own
    (positivity...), and the statement evaluates exactly to ``want`` there."""
    from symbolic.certify import Uncertifiable, holds, respects_symbol_assumptions

    try:
        return (respects_symbol_assumptions(point) and all(holds(a, point) for _, a in ob.assumptions)
                and holds(ob.decided_statement, point) == want)
    except Uncertifiable:
        return False


def refutation_class(result: ClaimResult, settings: Settings | None = None) -> RefutationClass | None:
    """For a refuted universal claim: is it false everywhere or only somewhere?

    Asked of the decision the counterexample refutes, under that decision's own assumptions: decisions
    are separate formalizations, each with its own symbols and assumptions, so a point is never put
    together from two of them.
    """
    if result.status is not Status.REFUTED or result.claim.kind is not Kind.FORALL:
        return None
    settings = settings or Settings()
    decisions = result.decisions
    point = result.verdict.point
    index = next((i for i, (_, v) in enumerate(decisions) if point is not None and v.point == point), None)
    if index is None:
        index = next(i for i, (_, v) in enumerate(decisions) if v.status is Status.REFUTED)
        point = decisions[index][1].point
    ob = decisions[index][0].with_family(decisions[index][1].family)  # the claim the point refutes
    which = (index + 1, len(decisions)) if len(decisions) > 1 else None
    family = decisions[index][1].family
    statement = ob.decided_statement
    # an implication "holds" at a point only where its hypothesis does: elsewhere it holds vacuously.  Read
    # before the family is put in: SymPy may fold Implies(x > 0, False) (g(t) = t - 1) into x <= 0
    written = decisions[index][0].decided_statement
    implication = isinstance(written, sp.Implies)
    if implication:
        hypothesis, conclusion = (replace(decisions[index][0], statement=part, derived=None)
                                  .with_family(family).decided_statement for part in written.args)
        statement = sp.Implies(hypothesis, conclusion, evaluate=False)
    sought = sp.And(*statement.args) if implication else statement
    v = exists(sought, dict(ob.assumptions), timeout=settings.timeout)
    if v.status is Status.WITNESS and _certified(ob, v.witness, True) \
            and (not implication or _holds_at(statement.args[0], v.witness)):
        strictly, strictly_at = _fails_strictly(ob, statement, settings)
        return RefutationClass(False, {**dict(ob.fixed), **v.witness}, point, which, family, implication,
                               ob.fixed_text(), strictly, strictly_at)
    if v.status is Status.REFUTED:
        return RefutationClass(True, None, point, which, family, implication, ob.fixed_text())
    return RefutationClass(None, None, point, which, family, implication, ob.fixed_text())


#: time limit of asking whether a refuted claim also fails strictly
STRICT_TIMEOUT = 3.0


def _smooth(e, rational: bool) -> bool:
    """Whether ``e`` is built of numbers, symbols, +, *, powers (integer ones if ``rational``) and, unless
    ``rational``, exp and log: functions continuous inside their domains, where 'strict' means an open set.
    Min, Max, Abs, floor, a Piecewise hold ties of their own (Max(p - c, 0) is 0 on all of p < c)."""
    for a in sp.preorder_traversal(e):
        if isinstance(a, (sp.Symbol, sp.Number, sp.NumberSymbol, sp.Add, sp.Mul)):
            continue
        if isinstance(a, sp.Pow) and (not rational or a.exp.is_Integer):
            continue
        if not rational and isinstance(a, (sp.exp, sp.log)):
            continue
        return False
    return True


def _strict(b):
    """``b`` (in negation normal form) with every weak inequality made strict, or None where it holds anything
    but And, Or and relations between smooth expressions (see :func:`_smooth`)."""
    if isinstance(b, (sp.And, sp.Or)):
        parts = [_strict(a) for a in b.args]
        return None if any(p is None for p in parts) else b.func(*parts)
    if isinstance(b, Relational):
        if not all(_smooth(side, rational=False) for side in b.args):
            return None
        strict = {sp.GreaterThan: sp.StrictGreaterThan, sp.LessThan: sp.StrictLessThan}.get(type(b))
        return strict(b.lhs, b.rhs, evaluate=False) if strict else b
    return b if isinstance(b, BooleanAtom) else None


def _relations(b) -> list:
    return [r for r in sp.preorder_traversal(b) if isinstance(r, Relational)]


def _fails_strictly(ob: Obligation, statement, settings: Settings) -> tuple[bool | None, dict | None]:
    """Whether the claim fails at a point where every inequality of its negation, of its assumptions and of
    its conditions of definition holds strictly, and such a point, certified: there every function is
    continuous and defined around it, so the claim fails on an open set of points (never said where an
    equation is among them).

    ``False`` (it fails only where one of those inequalities holds with equality: its failures have no
    interior, a knife edge) is said only where that follows: relations between rational functions none of
    which is identically an equation (each then holds with equality on a set without interior), no integer
    or rational symbol, no float, and strict assumptions that some point meets (otherwise the admissible points themselves have no
    interior).  Else ``None``: not said."""
    symbols = statement.free_symbols | set().union(*(a.free_symbols for _, a in ob.assumptions))
    if any(s.is_integer or s.is_rational for s in symbols):  # their points are no open set of reals
        return None, None
    if any(e.atoms(sp.Float) for e in (statement, *(a for _, a in ob.assumptions))):
        # z3 reads 0.1 as 1/10, SymPy's identity test below the binary float: 0.1*3*x > 3*x/10 is an equation
        # identically to one and not to the other, and a knife edge would be said of a half-plane
        return None, None
    written = [sp.Not(statement)] + [a for _, a in ob.assumptions]
    defined = [c for e in (statement, *(a for _, a in ob.assumptions)) for c in domain_conditions(e)]
    parts = [_strict(sp.to_nnf(b)) for b in written + defined]
    if any(p is None for p in parts):
        return None, None
    negation, conditions = parts[0], parts[1:]
    # a declared sign's boundary (a nonnegative symbol at 0) is a boundary too
    signs = [s > 0 if s.is_nonnegative else s < 0 for s in symbols
             if s.is_nonnegative and not s.is_positive or s.is_nonpositive and not s.is_negative]
    named = {f"strict {i}": c for i, c in enumerate(conditions + signs)}
    limit = min(settings.timeout, STRICT_TIMEOUT)
    relations = [r for p in parts for r in _relations(p)]
    if any(isinstance(r, sp.Eq) for r in relations):
        return None, None  # points on an equation's set are never inside an open set
    v = exists(negation, named, timeout=limit)
    if v.status is Status.WITNESS and _certified(ob, v.witness, False) and _holds_at(negation, v.witness) \
            and all(_holds_at(c, v.witness) for c in named.values()):
        return True, {**dict(ob.fixed), **v.witness}
    # the negation and the assumptions, as made strict above, between rational functions only
    rational = all(_smooth(side, rational=True) for part in parts[:len(written)] for r in _relations(part)
                   for side in r.args)
    if v.status is not Status.REFUTED or not rational:
        return None, None
    if any(sp.cancel(sp.together(r.lhs - r.rhs)) == 0 for r in relations):
        return None, None  # a relation that is an equation identically forces ties on whole regions
    inside = exists(sp.And(*named.values()), timeout=limit) if named else None
    if inside is not None and inside.status is not Status.WITNESS:
        return None, None  # the admissible points may have no interior (x >= y and x <= y)
    return False, None


def _holds_at(condition, point: dict) -> bool:
    from symbolic.certify import Uncertifiable, holds

    try:
        return holds(condition, point)
    except Uncertifiable:
        return False


# -- ablation: which assumptions are necessary ----------------------------------------------------

def _parameter_group(s: sp.Symbol) -> str:
    """The group a parameter belongs to for ablation: ``lambda_2S`` -> ``lambda``, ``theta_k`` -> ``theta``."""
    return s.name.split("_")[0] or s.name


_SIGN_KEYS = ("positive", "negative", "nonnegative", "nonpositive", "nonzero", "zero")
_ANY_SIGN_KEYS = _SIGN_KEYS + tuple("extended_" + k for k in _SIGN_KEYS)


def declared_assumptions(s: sp.Symbol) -> dict:
    """The assumptions ``s`` was declared with (``odd=True``), not those SymPy derives from them (``nonzero``)."""
    orig = getattr(s, "_assumptions_orig", None)  # SymPy >= 1.12 keeps them; else the derived ones stand in
    return dict(orig) if orig is not None else dict(s.assumptions0)


def _has_sign(s: sp.Symbol) -> bool:
    """A sign was declared (``positive=True``, ``nonnegative=True``...): one derived from ``odd`` or ``prime``
    is no group of its own (it cannot be dropped while the parity is kept)."""
    return any(declared_assumptions(s).get(k) is not None for k in _ANY_SIGN_KEYS)


@dataclass(frozen=True)
class _SymbolGroup:
    """Assumptions of symbols dropped together: their declared signs, or their integrality."""

    label: str  #: ``positivity of c_1``, ``sign of H``, ``integrality of n``
    names: frozenset  #: the symbols' names, or their stem (``lambda``) where ``by_stem``
    integer: bool = False
    by_stem: bool = False


def _symbol_groups(claim: Claim) -> list[_SymbolGroup]:
    """One group per symbol with a declared sign (``positivity of c_1``); for a claim of indexed assumptions,
    one per stem: ``positivity of lambda`` (a stem the paper writes as a symbol), or of the members by name
    (``positivity of p_M, p_T``: a stem such as ``p`` is no symbol of the paper's).  A label that is also the
    name of one of the claim's own assumptions gets ``(as declared)``: the two are different groups."""
    syms = set().union(*[ob.free_symbols for ob in claim.decisions])
    named = set(_named_groups(claim))
    out: list[_SymbolGroup] = []
    if not claim.indexed_assumptions:  # each symbol's sign alone: c and c_1 are two parameters, not one
        ordered = sorted(syms, key=lambda s: s.name)
        out += [_SymbolGroup(f"{'positivity' if declared_assumptions(s).get('positive') else 'sign'} of {s.name}",
                             frozenset({s.name})) for s in ordered if _has_sign(s)]
        out += [_SymbolGroup(f"integrality{_with_kind(s)} of {s.name}", frozenset({s.name}), integer=True)
                for s in ordered if s.is_integer]
    else:
        members: dict[str, list[str]] = {}
        positive: dict[str, bool] = {}
        for s in sorted(syms, key=lambda s: s.name):
            if _has_sign(s):
                stem = _parameter_group(s)
                members.setdefault(stem, []).append(s.name)
                positive[stem] = positive.get(stem, True) and bool(declared_assumptions(s).get("positive"))
        names = {s.name for s in syms}
        for stem, group in members.items():
            # "positivity" where every member is declared positive; "sign" where one is nonnegative, negative...
            word = "positivity" if positive[stem] else "sign"
            if stem in names or stem in GREEK or len(group) > 4:
                out.append(_SymbolGroup(f"{word} of {stem}", frozenset({stem}), by_stem=True))
            else:
                out.append(_SymbolGroup(f"{word} of {', '.join(group)}", frozenset(group)))
    return [replace(g, label=f"{g.label} (as declared)") if g.label in named else g for g in out]


def _with_kind(s: sp.Symbol) -> str:
    """``" and parity"`` for an odd or even symbol, ``" and primality"`` for a prime or composite one: dropping
    its integrality drops those too (and a sign they imply)."""
    declared = declared_assumptions(s)
    for keys, words in ((("odd", "even"), " and parity"), (("prime", "composite"), " and primality")):
        if any(declared.get(k) is not None for k in keys):
            return words
    return ""


def _signed_twin(s: sp.Symbol) -> sp.Symbol:
    """``s`` as a real number of its declared sign (its integrality, parity, primality dropped, and with them
    the signs SymPy derived from them: an odd k is nonzero only as long as it is odd)."""
    keep = {k: v for k, v in declared_assumptions(s).items() if k in _ANY_SIGN_KEYS}
    return sp.Symbol(s.name, **{"real": True, **keep})


def _real_twin(s: sp.Symbol) -> sp.Symbol:
    """``s`` without its declared sign, every other declaration kept (an odd k stays odd, so nonzero)."""
    keep = {k: v for k, v in declared_assumptions(s).items() if k not in _ANY_SIGN_KEYS}
    return sp.Symbol(s.name, **{"real": True, **keep})


def _restored(name: str, formula, twins: dict, fixed: tuple, stated: dict, relax: bool = False):
    """A named assumption, its symbols' declarations changed by ``twins``.  One SymPy settled to True can be
    built again only where a fixed scope's size settled it (``n <= 2`` at ``n = 1``): from the assumption as
    stated, the size set again.  One the declarations settled (``{"y > 0": y > 0}`` for a positive y) is lost:
    its name may say other than its formula did (``{"w > 0": w >= 0}``), so the row is undetermined -- unless
    ``relax``: then it is dropped (True), which leaves fewer assumptions (see :func:`_row_without`)."""
    # "b > 0 and c < 1" built as c < 1 for a positive b (one folded whole is said below)
    folded = named_not_kept(name, formula, twins) if formula is not sp.true else ()
    if formula is not sp.true and not folded:
        return formula.xreplace(twins)
    if relax:
        return sp.true
    if folded:
        raise BadInputError(f"the assumption {quoted(name)} names {', '.join(s.name for s in folded)}, which its formula "
                            f"{sp.sstr(formula)} does not have: SymPy settled that part with the declaration when "
                            "it was built, and what it says without it is not known")
    sizes = dict(fixed)
    before = stated.get(name)
    if sizes and before is not None and not isinstance(before, BooleanAtom) and before.xreplace(sizes) is sp.true:
        again = before.xreplace(twins).xreplace(sizes)
        if not isinstance(again, BooleanAtom) or again is sp.true:
            return again
    raise BadInputError(f"the assumption {quoted(name)} is the constant True as SymPy built it (from the symbols' "
                        "declarations, or a case split it folded): what it says without them is not known "
                        "(sp.Ge(x, 0, evaluate=False) keeps a relation as written)")


def _without(claim: Claim, group: str, spec: _SymbolGroup | None = None, relax: bool = False) -> Claim:
    """The claim with one assumption group dropped (its decisions only): a named one, or with ``spec`` the
    declared signs or the integrality of symbols."""
    if spec is not None:
        stated = {}  # each named assumption as the claim states it, before a size is set
        for ob in claim.as_stated():
            for n, a in ob.assumptions:
                stated.setdefault(n, a)

        def drop(ob: Obligation) -> Obligation:
            if isinstance(ob.decided_statement, BooleanAtom):  # x**2 > 0 is True for a positive x: no x is left
                raise BadInputError(f"SymPy settled {ob.label!r} to {ob.decided_statement} when it was written (or "
                                    "once a size was set), before the engine saw it: whether SymPy used the "
                                    "symbols' own assumptions to do so cannot be told from the constant, so what it "
                                    "says without them is not known (sp.Lt(..., evaluate=False) keeps it as "
                                    "written)")
            syms = ob.free_symbols
            if spec.integer:
                twins = {s: _signed_twin(s) for s in syms if s.name in spec.names and s.is_integer}
            else:  # "positivity of lambda": every lambda_jS, lambda_jN
                twins = {s: _real_twin(s) for s in syms if _has_sign(s) and (
                    s.name in spec.names or (spec.by_stem and _parameter_group(s) in spec.names))}
            stmt = ob.decided_statement.xreplace(twins)
            named = tuple((n, _restored(n, a, twins, ob.fixed, stated, relax)) for n, a in ob.assumptions)
            return Obligation(ob.label, ob.kind, stmt, named, Role.DECISION,
                              tuple(_twin_family(f, twins) for f in ob.families),
                              fixed=ob.fixed)  # a size kept: one the assumptions exclude stays excluded
    else:
        def drop(ob: Obligation) -> Obligation:
            return replace(ob, assumptions=tuple((n, a) for n, a in ob.assumptions
                                                 if assumption_group(n, indexed=claim.indexed_assumptions) != group))

    obs = tuple(drop(ob) for ob in claim.decisions)
    # the verdict of the decisions is the question here, not the sizes it covers (no scope to justify)
    return replace(claim, claim=None, build=lambda: obs, given=(), derived=None, scope="")


def _twin_family(family, twins):
    return replace(family, definition=family.definition.xreplace(twins))


@dataclass(frozen=True)
class Necessity:
    """One row of the ablation: an assumption group dropped, and what that does to the verdict."""

    group: str
    verdict: object  #: the Verdict without the group (None: the claim does not use this group)
    by_core: bool = False  #: still proved because no confirmed core uses the group (not re-decided)
    declared: bool = False  #: the group is symbols' declared signs or integrality, not a named assumption
    #: without the group the claim is undefined at an exact admissible point: the decision, the condition of
    #: definition that fails and the point, in words ('' where none was found)
    undefined: str = ""

    @property
    def necessary(self) -> bool | None:
        """True: dropping it changes a proved verdict (or leaves the claim undefined at an admissible point);
        False: still proved; None: undetermined or n/a."""
        if self.undefined:
            return True
        if self.verdict is None:
            return None
        if self.verdict.status is Status.PROVED:
            return False
        if self.verdict.status in (Status.REFUTED, Status.VACUOUS):
            return True
        return None


#: time limit of a claim re-decided without one assumption group (every one decided today takes under 2 s)
NECESSITY_TIMEOUT = 5.0


def necessity(result: ClaimResult, settings: Settings | None = None,
              use: AssumptionUse | None = None) -> tuple[Necessity, ...]:
    """For a proved claim: each of its assumption groups dropped in turn, re-decided.

    With ``use`` (:func:`assumption_use` of the same result), a named group no decision's confirmed core
    uses is not re-decided: each decision keeps its core, which proves it alone (the engine checked that),
    and fewer assumptions than a claim proved with all of them are still satisfiable; so the claim stays
    proved without the group.  The row says so (``by_core``).
    """
    settings = settings or Settings()
    claim = result.claim
    groups = _named_groups(claim)
    signs = _symbol_groups(claim)
    # as for mutants: a near copy of a decided claim; one still open at this limit is said 'undetermined'
    settings = _near_copy(settings)
    # a size the assumptions exclude comes back once a group is dropped, undecided by any core: re-decide
    complete = use is not None and use.complete and result.status is Status.PROVED and not result.excluded
    unused = set(use.unused_groups) if complete else set()
    rows = []
    for g in groups:
        if g in unused:
            rows.append(Necessity(g, Verdict.make(Status.PROVED, claim.kind, "core", 0.0, notes=(
                "not re-decided: no decision's confirmed core uses this group, so each stays proved without it",)),
                by_core=True))
        else:
            rows.append(_row_without(claim, g, settings))
    rows += [_row_without(claim, g.label, settings, g) for g in signs]
    return tuple(rows)


#: a near copy undefined at some admissible point is still searched this long for a counterexample where it
#: is defined (which says more than "undefined"); the search alone took the whole near-copy limit where
#: there is none (real powers of a parameter whose sign was dropped)
WHERE_DEFINED_TIMEOUT = 1.0


def _row_without(claim: Claim, group: str, settings: Settings, spec: _SymbolGroup | None = None) -> Necessity:
    """One necessity row of a proved claim: ``group`` dropped, re-decided.  First asked: is the near copy
    undefined at an exact point its assumptions admit?  Then the group is needed (a proof covers every
    admissible point), whatever the verdict where the claim is defined, which is looked for only briefly."""
    declared = spec is not None
    try:
        dropped = _without(claim, group, spec)
    except BadInputError as exc:
        return _row_relaxed(claim, group, settings, spec) or Necessity(group, _not_dropped(claim, exc),
                                                                       declared=declared)
    start = time.monotonic()
    undefined = _undefined_point(dropped, settings)
    if not undefined:
        return Necessity(group, _decided(dropped, settings), declared=declared)
    v = _decided(dropped, settings.merge(timeout=min(settings.timeout, WHERE_DEFINED_TIMEOUT)))
    if v.status in (Status.REFUTED, Status.VACUOUS):
        return Necessity(group, v, declared=declared)
    return Necessity(group, Verdict.make(Status.UNKNOWN, claim.kind, "z3", time.monotonic() - start,
                                         reason=f"undefined without it: {undefined}"),
                     declared=declared, undefined=undefined)


def _row_relaxed(claim: Claim, group: str, settings: Settings, spec: _SymbolGroup | None) -> Necessity | None:
    """A row for symbols' declarations where an assumption SymPy folded to True hides what it says without them
    (``{"0 < a": a > 0}`` for a positive ``a``): decided with such assumptions dropped as well.  Fewer
    assumptions, still proved, is still proved with them (and satisfiable: dropping declarations only widens
    the claim); anything else says nothing about the group, and ``None`` leaves the row undetermined."""
    if spec is None:
        return None
    try:
        relaxed = _without(claim, group, spec, relax=True)
    except BadInputError:
        return None
    v = _decided(relaxed, settings)
    if v.status is not Status.PROVED:
        return None
    return Necessity(group, replace(v, notes=v.notes + (
        "decided with the assumptions SymPy folded to True dropped as well: still proved with fewer",)),
        declared=True)


def _undefined_point(dropped: Claim, settings: Settings) -> str:
    """Where a decision of ``dropped`` is undefined at an exact point its assumptions admit: the decision,
    the condition of definition that fails there and the point, in words; ``''`` where none was found.
    The point is a certified counterexample to "the decision's conditions of definition all hold"; a
    decision with abstract functions is passed over (its families' requirements are not assumed here)."""
    for ob in dropped.decisions:
        if ob.kind is not Kind.FORALL or ob.families:
            continue
        conditions = domain_conditions(ob.decided_statement)
        if not conditions:
            continue
        v = prove(sp.And(*conditions), dict(ob.assumptions), timeout=min(settings.timeout, WHERE_DEFINED_TIMEOUT))
        point = v.counterexample
        if point is None:
            continue
        # the engine's conditions are its reading (x**y for x > 0 only): v**sigma at v = 0, sigma = 2 is 0.
        # Said only where SymPy's own exact values leave the statement without a truth value
        culprit = _without_value(ob.decided_statement, point)
        if not culprit:
            continue
        n = len(dropped.decisions)
        which = f" (decision {dropped.decisions.index(ob) + 1} of {n})" if n > 1 else ""
        return f"{culprit} at {_plain({**dict(ob.fixed), **point})}{which}"  # the size too, where one was set
    return ""


_UNDEFINED = "undefined"


def _without_value(statement, point: dict) -> str:
    """Words naming a relation of ``statement`` with no real value at ``point`` (``1/x > 2 has no real value``)
    where, by SymPy's exact values at the point, the statement as a whole has no truth value -- read in
    Kleene's logic, as the engine reads it (``x < 0 or 1/x > 2`` is true at ``x = -1``, where its first part
    settles it, and has no value at ``x = 0``); ``''`` where it has one, or that cannot be told."""
    point = {k: sp.sympify(v, strict=True) for k, v in point.items()}  # numbers only, never text
    if statement.has(sp.I) or not all(v.is_number for v in point.values()):
        return ""
    missing: list = []
    if _kleene(statement, point, missing) != _UNDEFINED or not missing:
        return ""
    rel = missing[0]
    part = _smallest_without_value(rel, point)
    if part is not None and len(condition_text(part[0])) <= 80:
        node, value = part
        what = ("no finite value" if value.has(sp.zoo, sp.nan, sp.oo, -sp.oo) else
                f"the value {sp.sstr(value).replace('I', 'i')}, not real" if value.has(sp.I) else
                "a value that is not real")
        return f"{condition_text(node)} has no real value there ({what})"
    text = condition_text(rel)
    return f"{text} has no real value" if len(text) <= 100 else "the statement has no real value"


#: constructs whose parts need not all have a value for the whole to have one (a branch not taken)
_SELECTIVE = (sp.Piecewise, sp.Max, sp.Min, sp.Heaviside, sp.ITE)


def _smallest_without_value(rel, point: dict):
    """``(part, value)``: the smallest part of ``rel``'s sides whose exact value at ``point`` is no real number
    (``1/(Q + v**2)``, ``zoo``), where its parts are all evaluated (no branch left untaken); else ``None``."""
    if rel.has(*_SELECTIVE):
        return None
    for side in (rel.lhs, rel.rhs):
        for node in sp.postorder_traversal(side):
            if not isinstance(node, sp.Expr) or not node.args:
                continue
            try:
                value = node.xreplace(point)
            except (TypeError, ValueError):
                return None
            if _no_real_value(value):
                return node, value
    return None


def _no_real_value(value) -> bool:
    """``zoo``, ``nan``, an infinity, a value with ``I`` in it, or with a power SymPy knows is not real
    (``2 (-1)**(1/3)``, kept as it is): by its structure, not by a numeric sign."""
    if value.has(sp.zoo, sp.nan, sp.oo, -sp.oo, sp.I):
        return True
    return any(p.is_number and p.is_extended_real is False for p in value.atoms(sp.Pow))


def _kleene(b, point: dict, missing: list):
    """``True``, ``False``, :data:`_UNDEFINED` or ``None`` (cannot tell): ``b`` at ``point`` by SymPy's exact
    values; ``missing`` collects the relations without a value."""
    if b in (sp.true, True):
        return True
    if b in (sp.false, False):
        return False
    if isinstance(b, sp.core.relational.Relational):
        value = _relation_value(b, point)
        if value == _UNDEFINED:
            missing.append(b)
        return value
    if isinstance(b, (sp.And, sp.Or)):
        parts = [_kleene(a, point, missing) for a in b.args]
        settles = isinstance(b, sp.Or)  # the value one part gives the whole
        if settles in parts:
            return settles
        if None in parts:
            return None
        return _UNDEFINED if _UNDEFINED in parts else not settles
    if isinstance(b, sp.Not):
        inner = _kleene(b.args[0], point, missing)
        return inner if inner in (None, _UNDEFINED) else not inner
    if isinstance(b, sp.Implies):
        return _kleene(sp.Or(sp.Not(b.args[0], evaluate=False), b.args[1], evaluate=False), point, missing)
    if isinstance(b, (sp.Equivalent, sp.Xor)):  # no part settles the whole: one undefined part leaves it so
        parts = [_kleene(a, point, missing) for a in b.args]
        if _UNDEFINED in parts:
            return _UNDEFINED
        if None in parts:
            return None
        return len(set(parts)) == 1 if isinstance(b, sp.Equivalent) else sum(parts) % 2 == 1
    if isinstance(b, sp.ITE):
        taken = _kleene(b.args[0], point, missing)
        return taken if taken in (None, _UNDEFINED) else _kleene(b.args[1 if taken else 2], point, missing)
    return None


def _relation_value(rel, point: dict):
    """A relation at ``point`` from SymPy's exact values of its sides: :data:`_UNDEFINED` where a side is
    ``zoo``, ``nan`` or visibly non-real (``(-1/16)**(1/2)`` is ``I/4``); ``None`` where it cannot tell."""
    from symbolic.certify import Uncertifiable, exact_sign

    try:
        sides = [side.xreplace(point) for side in (rel.lhs, rel.rhs)]
    except (TypeError, ValueError):
        return None
    if any(not isinstance(v, sp.Expr) for v in sides):  # truth values compared: not read here
        return None
    if any(_no_real_value(v) for v in sides) or _smallest_without_value(rel, point) is not None:
        return _UNDEFINED  # sqrt(-2) sqrt(-1) is -sqrt(2), through values that are not real
    if any(v.free_symbols for v in sides):
        return None
    try:
        sign = exact_sign(sides[0] - sides[1])
    except (Uncertifiable, TypeError, ValueError):
        return None
    return {"==": sign == 0, "!=": sign != 0, "<": sign < 0, "<=": sign <= 0, ">": sign > 0,
            ">=": sign >= 0}[rel.rel_op]


def _named_groups(claim: Claim) -> list[str]:
    """The claim's named assumption groups, in order of first use."""
    return list(dict.fromkeys(assumption_group(n, indexed=claim.indexed_assumptions) for ob in claim.decisions
                              for n, _ in ob.assumptions))


def ablation_row(claim: Claim, settings: Settings | None = None) -> tuple[tuple[str, str], ...]:
    """``(group, verdict)`` for the claim with each group dropped in turn, each re-decided within
    :data:`NECESSITY_TIMEOUT` (a near copy still open then is ``unknown``): a claim not proved, whose own
    verdict is already known, so it is not decided again."""
    settings = _near_copy(settings or Settings())
    return tuple((g, _decided_without(claim, g, settings, spec).status.value) for g, spec in _groups(claim))


def _groups(claim: Claim) -> list[tuple[str, _SymbolGroup | None]]:
    """Every group of the claim's assumptions: ``(label, None)`` for a named one, ``(label, spec)`` for symbols'."""
    return [(g, None) for g in _named_groups(claim)] + [(g.label, g) for g in _symbol_groups(claim)]


def _near_copy(settings: Settings) -> Settings:
    """``settings`` for a near copy of a decided claim: within :data:`NECESSITY_TIMEOUT`."""
    return settings.merge(timeout=min(settings.timeout, NECESSITY_TIMEOUT))


_NOT_DROPPED = "the group could not be dropped: "


def _decided_without(claim: Claim, group: str, settings: Settings, spec: _SymbolGroup | None = None):
    """The claim's verdict with ``group`` dropped; ``unknown`` where dropping it cannot be done (a symbol's
    sign inside a ``Subs`` SymPy keeps as it was): one row of the ablation, never the whole report."""
    try:
        dropped = _without(claim, group, spec)
    except BadInputError as exc:
        return _not_dropped(claim, exc)
    return _decided(dropped, settings)


def _decided(dropped: Claim, settings: Settings) -> Verdict:
    # the decisions alone: a cross-check confirms a verdict, it never makes one (S5.4 has eleven)
    return decide_claim(dropped, settings=settings, cross_checks=False).verdict


def _not_dropped(claim: Claim, exc: BadInputError) -> Verdict:
    return Verdict.make(Status.UNKNOWN, claim.kind, "none", 0.0, reason=f"{_NOT_DROPPED}{exc}")


def necessity_sentence(rows: Sequence[Necessity], caveat: bool = True) -> str:
    """The rows in words; ``caveat``: say once that signs are dropped from the statement as SymPy holds it
    (else each declared sign's row says so: a report's per-claim line is read alone)."""
    def as_built(r) -> bool:  # a declared sign re-decided on the statement SymPy built, perhaps with that sign
        return r.declared and not r.by_core and not caveat

    needed = [r.group for r in rows if r.necessary and not r.undefined and not as_built(r)]
    needed_built = [r.group for r in rows if r.necessary and not r.undefined and as_built(r)]
    for_definition = [r for r in rows if r.undefined]
    not_needed = [r.group + (" (no decision's core uses it)" if r.by_core else "")
                  for r in rows if r.necessary is False and not as_built(r)]
    not_needed_built = [r.group for r in rows if r.necessary is False and as_built(r)]
    open_ = [r.group for r in rows if r.necessary is None and r.verdict is not None]
    built = " in the statement as SymPy built it, which may have used the sign when the claim was written"
    parts = []
    if needed:
        parts.append("necessary (dropping it changes the verdict): " + ", ".join(needed))
    if needed_built:
        parts.append(f"necessary{built}: " + ", ".join(needed_built))
    if for_definition:  # needed, for another reason than a counterexample: the point says which
        parts.append("needed for the claim to be defined (without it, it is undefined at a point the other "
                     "assumptions admit): " + ", ".join(f"{r.group} ({r.undefined})" for r in for_definition))
    if not_needed:  # a group no core uses was not re-decided: say so beside it
        parts.append("not needed (still proved without it): " + ", ".join(not_needed))
    if not_needed_built:
        parts.append(f"still proved without it{built}: " + ", ".join(not_needed_built))
    if open_:
        # why a group could not be dropped at all is said once (a decision SymPy settled from the signs)
        why = list(dict.fromkeys(r.verdict.reason.removeprefix(_NOT_DROPPED) for r in rows
                                 if r.necessary is None and r.verdict is not None
                                 and (r.verdict.reason or "").startswith(_NOT_DROPPED)))
        parts.append("unknown without it (so whether it is needed is open): " + ", ".join(open_)
                     + (f" ({'; '.join(why)})" if why else ""))
    if caveat and any(r.necessary is not None and not r.by_core and r.declared for r in rows):
        # SymPy may have simplified with the sign as the claim was written (Abs(x) is x for a positive x):
        # the row is about the statement it kept, not about the claim as the user typed it
        parts.append("a sign or integrality is dropped from the statement as SymPy holds it, which SymPy may have "
                     "simplified with it when it was written (|x| is x for a positive x)")
    return "; ".join(parts) if parts else ("no assumption to drop: none is named, and no symbol with a declared sign "
                                           "or integrality is left in the statement as SymPy holds it (it may have "
                                           "settled the statement with them when it was written)")


@dataclass(frozen=True)
class Ablation:
    """Each claim's verdict with each assumption group dropped in turn."""

    groups: tuple[str, ...]
    #: (claim id, verdict with all assumptions, {group: Necessity, or None where the claim lacks the group})
    rows: tuple

    def __iter__(self):  # (groups, rows), as before
        yield list(self.groups)
        yield [(cid, base, {g: ablation_cell(n) for g, n in cells.items()}) for cid, base, cells in self.rows]


def ablation_cell(row: Necessity | None) -> str:
    """A row as the tables show it: its verdict, ``undefined`` (needed for the claim to be defined), ``-``."""
    if row is None:
        return "-"
    return "undefined" if row.undefined else row.verdict.status.value


def ablation(claims: Sequence[Claim], settings: Settings | None = None, timeout: float | None = None) -> Ablation:
    """Each claim's verdict with each assumption group (named, or positivity of a parameter group) dropped."""
    settings = settings or Settings(timeout=timeout or 10.0)
    per_claim = []
    groups: list[str] = []
    for c in claims:
        own = dict(_groups(c))
        groups += own
        per_claim.append((c, own))
    groups = list(dict.fromkeys(groups))
    rows = []
    for c, own in per_claim:
        base = decide_claim(c, settings=settings).status
        # a proved claim's rows are its necessity rows (undefined without a group is said); another's, re-decided
        row = ((lambda g: _row_without(c, g, settings, own[g])) if base is Status.PROVED else
               (lambda g: Necessity(g, _decided_without(c, g, settings, own[g]))))
        cells = {g: (row(g) if g in own else None) for g in groups}
        rows.append((c.id, base.value, cells))
    return Ablation(tuple(groups), tuple(rows))
