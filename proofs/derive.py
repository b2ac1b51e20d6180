"""Derivations of decided claims.

:func:`derive` turns a :class:`~proofs.claim.ClaimResult` into a
:class:`~symbolic.derivation.Derivation`: the model's primitives and derived
conditions, the assumptions, each decided statement (as derived, before SymPy
simplified it) with the engine's rewrite of its relations, the verdict, and
the certificate -- the exact point evaluated, or the route of the proof; then
which assumptions are sufficient and which necessary, and where a refuted
claim fails (computed in :mod:`proofs.ablation`).
"""

from __future__ import annotations

from typing import Callable, Sequence

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.core.relational import Relational

from symbolic import Kind, Status, Verdict
from symbolic.clearing import clearing_steps
from symbolic.derivation import Derivation, Step, is_wide
from symbolic.notation import latex
from symbolic.prose import method_words, prose_text
from symbolic.obligation import Obligation
from symbolic.settings import Settings
from symbolic.verdict import value_text

from .ablation import (AssumptionUse, assumption_use, declared_assumptions, necessity, necessity_sentence,
                       refutation_class)
from .claim import ClaimResult
from .scopes import BY_REDUCTION, covers_every_size

__all__ = ["derive", "point_latex", "point_text"]


# -- the derivation -------------------------------------------------------------------------------

def _relations(b) -> list[Relational]:
    return sorted(b.atoms(Relational), key=sp.default_sort_key)


def _sorted_point(point: dict):
    return sorted(point.items(), key=lambda kv: kv[0].name)


def point_latex(point: dict, per_line: int = 4) -> str:
    r"""An exact point as LaTeX, ``per_line`` coordinates a line (for ``align*``).

    >>> x = sp.Symbol("lambda_1S", positive=True)
    >>> point_latex({x: sp.Rational(3, 2)})
    '\\lambda_{1S} = \\frac{3}{2}'
    """
    items = [f"{latex(s)} = {latex(v)}" for s, v in _sorted_point(point)]
    rows = [", \\quad ".join(items[i:i + per_line]) for i in range(0, len(items), per_line)]
    return r", \\ & ".join(rows)


#: declarations every symbol here has, or that say nothing beyond "a real number"
_PLAIN_KEYS = frozenset({"real", "commutative", "complex", "finite", "extended_real", "hermitian", "infinite",
                         "imaginary", "irrational", "transcendental", "algebraic"})


def _declarations(obligations) -> str:
    """``integer, positive: m; positive: δ₁, δ₂``: the symbols' declarations as written (not those SymPy
    derives), beyond a real number, each set of them once; ``''`` where no symbol has any."""
    symbols = sorted(set().union(*[ob.free_symbols for ob in obligations]), key=lambda s: s.name)
    by_words: dict[str, list[str]] = {}
    for s in symbols:
        words = [k if v else f"not {k}" for k, v in sorted(declared_assumptions(s).items()) if k not in _PLAIN_KEYS]
        if words:
            by_words.setdefault(", ".join(words), []).append(s.name)  # each output writes it its way (θ₁, \theta_{1})
    return "; ".join(f"{words}: {', '.join(names)}" for words, names in by_words.items())


def point_text(point: dict) -> str:
    """An exact point in plain Unicode: ``λ_1S = 3/2, θ₁ = 1``."""
    return ", ".join(f"{prose_text(s.name)} = {prose_text(value_text(v))}" for s, v in _sorted_point(point))


def _truth(rel, point: dict, sides: Callable[[], tuple]) -> str:
    """``"true"``, ``"false"`` or ``"not settled"``: the relation at the point, settled exactly (``sides()``,
    its two sides at the point, only where the certifier cannot tell: substituting into a wide relation is slow)."""
    from symbolic.certify import Uncertifiable, holds

    try:
        return "true" if holds(rel, point) else "false"
    except Uncertifiable:
        truth = type(rel)(*sides())
        return "true" if truth is sp.true else "false" if truth is sp.false else "not settled"


#: relations evaluated at a point that are each shown; beyond, only those not true are, the rest counted
SHOWN_RELATIONS = 12


def _point_steps(ob: Obligation, verdict: Verdict, decision: int | None = None) -> list[Step]:
    """The relations of ``ob`` evaluated at the verdict's point (with the concrete function it was found with);
    symbols the point leaves free said so (SymPy settled the statement without them: any admissible value will do)."""
    point = verdict.point
    free = sorted(s.name for s in ob.free_symbols - set(point))
    steps = []
    if free:
        names = ", ".join(free)
        steps.append(Step(f"The point leaves {names} free: SymPy settles the statement whatever "
                          f"{'its value' if len(free) == 1 else 'their values'}, so any value the assumptions "
                          "allow will do", role="item"))
    return steps + _evaluation_steps(ob.with_family(verdict.family).decided_statement, point, decision)


def _evaluation_steps(statement, point: dict, decision: int | None = None) -> list[Step]:
    """Each relation of ``statement`` evaluated at ``point``; the ones too long to print summed up in a sentence."""
    from symbolic.certify import substitute

    shown, wide = [], []  # (truth, step) of each relation printed; the truth of each too large to print
    of = f" of decision {decision}" if decision is not None else ""  # the heading names it; the summary too
    for rel in _relations(statement):
        if is_wide(rel):  # written out, the relation would take pages: its value at the point says it all
            wide.append(_truth(rel, point, lambda: (substitute(rel.lhs, point), substitute(rel.rhs, point))))
            continue
        lhs, rhs = _readable(substitute(rel.lhs, point)), _readable(substitute(rel.rhs, point))
        truth = _truth(rel, point, lambda: (lhs, rhs))
        shown.append((truth, Step(f"At this point the relation is {truth}",
                                  chain=(rel, "becomes", type(rel)(lhs, rhs, evaluate=False)), role="item")))
    steps = [step for _, step in shown]
    if len(shown) > SHOWN_RELATIONS:  # pages of relations: those that are not true, and the true ones counted
        others = [step for truth, step in shown if truth != "true"]
        kept = others if others else steps[:SHOWN_RELATIONS]
        steps = kept + [Step(f"The other {len(shown) - len(kept)} relations are true at this point (each "
                             "evaluated exactly)", role="item")]
    if wide:
        counts = [f"{wide.count(t)} {t}" for t in ("true", "false", "not settled") if wide.count(t)]
        many = len(wide) > 1
        steps.insert(0, Step(f"{len(wide)} relation{'s' if many else ''}{of} too large to print here "
                             f"{'were each' if many else 'was'} evaluated exactly at this point: "
                             + (", ".join(counts) if many else wide[0]), role="item"))
    return steps


def _readable(value):
    """``value`` in a simpler exact form (``sqrt(8)/2`` as ``sqrt(2)``) only where it is shown equal to it:
    ``nsimplify`` alone moves a number within 1e-10 of a simple one onto it (1000000001/3000000000 to 1/3)."""
    from symbolic.certify import Uncertifiable, holds
    from symbolic.timebox import OutOfTime, time_box

    if not isinstance(value, sp.Expr) or value.is_Rational or not value.is_number:
        return value
    try:
        with time_box(1.0):
            simpler = sp.nsimplify(value)
            return simpler if simpler == value or holds(sp.Eq(simpler, value, evaluate=False), {}) else value
    except (Uncertifiable, OutOfTime, ArithmeticError, ValueError, TypeError):
        return value


def _said(reason: str, steps: Sequence[Step]) -> bool:
    """The reason is already in a step (``no instance exists`` after the sentence that says so)."""
    return any(reason.lower() in s.text.lower() for s in steps)


def _reduction_sentence(ob: Obligation) -> str:
    """What SymPy made of a condition it settled while building it (no bare ``True`` display after it)."""
    value = "true" if ob.statement is sp.true else "false"
    how = f": {ob.reduction}" if ob.reduction else ""
    if isinstance(ob.derived, sp.Equivalent):
        if value == "true":
            return f"The derived condition and the stated one coincide (SymPy reduces their equivalence to true{how})"
        return f"The derived condition and the stated one differ (SymPy reduces their equivalence to false{how})"
    return f"SymPy reduces this condition, as derived, to {value} while building it{how}"


def _scope_words(scope: str, kind: Kind = Kind.FORALL) -> str:
    if scope == "every J":
        # an existence claim is about economies of any size, and one instance at one size decides it
        return ("economies of any number of sectors J (an instance at one J witnesses it)" if kind is Kind.EXISTS
                else "every J (every number of sectors)")
    return scope if covers_every_size(scope) else f"{scope} only"


def derive(result: ClaimResult, *, settings: Settings | None = None, paper=None, with_assumption_use: bool = True,
           include_model: bool = True, assumptions_as_math: bool = True, header: bool = True,
           use: AssumptionUse | None = None, timeout: float | None = None) -> Derivation:
    """The derivation of a decided claim, from the SymPy objects the engine used.

    One group per decision (its label, its own assumptions, the statement
    decided, the engine's rewrite of its relations, the verdict and the
    assumptions its core uses), then the certificate, the notes, the
    cross-checks and what is sufficient and what is necessary.
    ``include_model=False``, ``assumptions_as_math=False`` and ``header=False``
    leave out what a report states elsewhere (the model, each assumption's
    formula, the claim's words and place); ``use`` is the claim's
    :func:`assumption_use` when it was computed already.
    """
    settings = settings or Settings(timeout=timeout or 10.0)
    claim, verdict = result.claim, result.verdict
    steps: list[Step] = []
    if header:
        where = claim.where
        steps.append(Step(f"Claim {claim.id}" + (f" ({where})" if where else "") + f": {claim.statement}"))
        if claim.quote:
            steps.append(Step(f'The paper: "{claim.quote}"'))
        if claim.formalization == "project":
            steps.append(Step("This is the project's formalization (a reading, converse or probe), not the paper's "
                              "words"
                              + (f" ({paper.spec})" if paper is not None and paper.spec else "")))
        if claim.scope:
            steps.append(Step(f"Scope: {_scope_words(claim.scope, claim.kind)}"
                              + (f", {BY_REDUCTION}: the decisions are about generic sectors or fixed sizes; that "
                                 "they cover every size is the argument of the note below, not a decision of the "
                                 "engine" if result.scope_by_reduction else "")))
    # what in the input reads other than it is decided (a misspelt symbol, a name that says other than its
    # formula): said where the claim is shown, not only in verify's table
    steps += [Step(f"Check: {words}") for words in result.checks or ()]
    model = paper.model(claim.section) if (include_model and paper is not None) else ()
    if model:
        steps.append(Step("The model", role="heading"))
        steps += list(model)
    decisions = result.decisions
    declared = _declarations(ob for ob, _ in decisions)
    if declared:  # what the symbols are, besides real: an integer m can be all a claim rests on
        steps.append(Step(f"Its symbols are declared: {declared}"))
    if use is None and with_assumption_use:
        use = assumption_use(result, settings)
    seen: set = set()
    told: set = set()
    for i, (ob, v) in enumerate(decisions, 1):
        steps.append(Step(f"Decision {i} of {len(decisions)}: {ob.label}", role="heading"))
        if ob.assumptions:
            names = ", ".join(n for n, _ in ob.assumptions)
            if assumptions_as_math:
                steps.append(Step("Its assumptions:"))
                steps += [Step(name, a, role="item") for name, a in ob.assumptions]
            else:
                steps.append(Step(f"Its assumptions: {names}"))
        functions = " and functions" if ob.decided_statement.atoms(AppliedUndef) else ""  # quantified as well
        quant = (f"For all admissible parameters{functions}" if ob.kind is Kind.FORALL
                 else f"There exist admissible parameters{functions} with")
        steps.append(Step(quant, ob.decided_statement))
        if ob.derived is not None and ob.settled_at_construction:
            steps.append(Step(_reduction_sentence(ob)))
        elif isinstance(ob.decided_statement, sp.logic.boolalg.BooleanAtom):
            how = ("from the symbols' own assumptions (such as positivity), a division it cancelled, or numbers "
                   "compared (a Python float is compared in binary)")
            steps.append(Step(f"Once {ob.fixed_text()} was set, SymPy evaluated the condition to a constant {how}: "
                              "nothing is left for the engine to decide" if ob.fixed else
                              f"SymPy evaluated the condition to a constant while deriving it, {how}: nothing is left "
                              "for the engine to decide"))
        if ob.decided_statement not in seen:  # a statement decided twice is rewritten once
            seen.add(ob.decided_statement)
            steps += clearing_steps(ob.decided_statement)
        sentence = _verdict_sentence(ob, v)
        if not result.admits(ob):
            sentence += (f"; {ob.fixed_text()} is a size the assumptions exclude (the same decision admits "
                         "parameters at another size), so the claim's verdict is the other sizes'")
        elif use is not None:
            core = use.per_decision[i - 1]
            if core is None:
                sentence += "; which assumptions this decision needs was not determined"
            else:
                sentence += "; a sufficient set of its assumptions (its core): " + (", ".join(core) if core
                                                                                 else "none of the named ones")
        steps.append(Step(sentence))
        # how the engine read and decided it (integers read as reals, floats, facts z3 was given): said once
        steps += [Step(f"How: {n}") for n in v.notes if n not in told and not told.add(n)]
    if verdict.point is not None:
        label = "Counterexample" if verdict.counterexample is not None else "Witness"
        if verdict.family:
            label += f" with the concrete function {verdict.family}"
        where = next((i for i, (ob, v) in enumerate(decisions, 1) if v.point == verdict.point), None)
        if not verdict.point:  # SymPy settled the statement with no symbol left: no value to give
            fate = "fails" if verdict.counterexample is not None else "holds"
            steps.append(Step(f"{label}: the statement {fate} whatever the values (SymPy settled it), so any "
                              "point the assumptions allow is one", role="heading"))
        elif where is None or len(decisions) == 1:
            steps.append(Step(f"{label}, exact, certified by substitution into every assumption and the claim",
                              latex=point_latex(verdict.point), plain=point_text(verdict.point), role="heading"))
            if where is not None:
                steps += _point_steps(decisions[0][0], verdict)
        else:
            target = decisions[where - 1][0]
            to = "to" if label.startswith("Counterexample") else "for"
            steps.append(Step(f"{label} {to} decision {where} of {len(decisions)} ({target.label}), exact, "
                              "certified by substitution into its assumptions and its statement",
                              latex=point_latex(verdict.point), plain=point_text(verdict.point), role="heading"))
            steps += _point_steps(target, verdict, where)
    if verdict.reason and verdict.status is not Status.PROVED and not _said(verdict.reason, steps):
        steps.append(Step(f"Reason: {verdict.reason}"))
    if claim.note:
        steps.append(Step(("The reduction (the claim's note): " if result.scope_by_reduction else "") + claim.note))
    cross = result.cross_checks
    if cross:
        steps.append(Step("Cross-checks: " + "; ".join(f"{ob.label}: {v.status.value}" for ob, v in cross)))
    if with_assumption_use:
        if use is not None:
            steps.append(Step(f"Which assumptions: {use.sentence()}"))
            steps.append(Step("Which assumptions are necessary (each dropped in turn): "
                              + necessity_sentence(necessity(result, settings, use))))
        kind = refutation_class(result, settings)
        if kind is not None:
            steps.append(Step(f"Where the claim fails: {kind.sentence()}"))
    expected = (f" (expected {claim.expected.value}" + (f", {claim.expected_source}" if claim.expected_source else "")
                + ")") if claim.expected is not None else " (no expected verdict given)"
    title = f"{claim.id}: {result.scoped_verdict()}{expected}"
    return Derivation(title, tuple(steps))


#: what a proof by a route other than a solver's unsatisfiability shows
_PROOF_WORDS = {
    "sympy-identity": "the two sides simplify to the same expression, and both are defined wherever the "
                      "assumptions hold",
    "sympy-sign": "SymPy settles the sign from the symbols' own assumptions",
    "sympy-evaluation": "SymPy evaluated the statement to a constant once its integer symbols were read as real "
                        "numbers (every integer point is one of them)",
    "exact-evaluation": "the statement has no symbols: it was evaluated exactly (interval arithmetic, exact "
                        "zero tests)",
}


def _same_sides(statement) -> bool:
    """An equation, or a conjunction of equations, whose two sides are one expression."""
    parts = statement.args if isinstance(statement, sp.And) else (statement,)
    return all(isinstance(e, sp.Equality) and e.lhs == e.rhs for e in parts)


def _verdict_sentence(ob: Obligation, v) -> str:
    constant = ob.decided_statement if isinstance(ob.decided_statement, sp.logic.boolalg.BooleanAtom) else None
    if constant is not None and v.status in (Status.PROVED, Status.REFUTED, Status.WITNESS):
        # no solver saw it: say what settled it, not a satisfiability argument nobody made
        how = method_words(v.method)
        if ob.kind is Kind.FORALL:
            return f"{v.status.value.capitalize()} by {how}: the statement is the constant {constant}"
        return (f"An instance exists ({how}): the condition is the constant True" if v.status is Status.WITNESS
                else f"No instance exists ({how}): the condition is the constant False")
    if v.status is Status.PROVED and _same_sides(ob.decided_statement):
        # not a sign argument anybody made: the derived expression came out as the stated one
        return ("Proved: the derived expression is the stated one, term for term, as SymPy builds them (a "
                "derivation that gave another expression would leave two sides to compare); the route that "
                f"decided it (the table's method): {v.method}")
    if v.status is Status.PROVED:
        why = _PROOF_WORDS.get(v.method, "the assumptions together with the negation are unsatisfiable")
        return f"Proved by {method_words(v.method)}: {why}"
    if v.status is Status.REFUTED and ob.kind is Kind.FORALL:
        return f"Refuted by {method_words(v.method)}: a counterexample exists (below)"
    if v.status is Status.REFUTED:
        return (f"No instance exists ({method_words(v.method)}: the assumptions together with the condition are "
                "unsatisfiable)")
    if v.status is Status.WITNESS:
        return f"An instance exists ({method_words(v.method)}; below)"
    return f"{v.status.value} ({method_words(v.method)}): {v.reason}"
