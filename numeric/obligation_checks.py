"""Spot checks of decided obligations: a claim's verdicts confronted with numbers.

For each ``(obligation, verdict)`` pair the statement *as derived* is evaluated
on admissible draws (:func:`numeric.spot.check_statement`'s machinery, draws
shared by obligations with the same assumptions), and a counterexample or
witness is re-evaluated exactly (:func:`numeric.spot.evaluate_point`).  What
must be seen depends on the verdict -- the table is in :mod:`numeric.spot`.
A float failure counts only once re-decided exactly.

>>> import sympy as sp
>>> from symbolic import Obligation, prove
>>> x = sp.Symbol("x", positive=True)
>>> ob = Obligation.forall("AM-GM", x**2 + 1 >= 2*x)
>>> result = spot_check([(ob, prove(ob.statement))], samples=2000)
>>> result.agrees, result.samples >= 2000
(True, True)
"""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass, field, replace
from typing import Sequence

import sympy as sp

from symbolic import Kind, Status
from symbolic.obligation import Role
from symbolic.sizes import written_out

from .spot import (CONSTANT, CROSS_CHECK_SHARE, DEFAULT_BOUNDARY_SHARE, DEFAULT_EXACT_SAMPLES, DEFAULT_SAMPLES,
                   SYMPY_EXACT_DRAWS, NotCheckable, StatementCheck, check_group, format_point, why_uncheckable,
                   evaluate_point)

__all__ = ["spot_check", "check_obligation", "with_admissible_family", "ObligationCheck", "SpotResult", "AT_SIZES"]


@dataclass(frozen=True)
class ObligationCheck:
    """The spot check of one obligation against its symbolic verdict."""

    label: str
    verdict: str
    role: Role
    samples: int  #: admissible draws evaluated
    violations: int  #: disagreements with the verdict (exactly confirmed)
    note: str
    first_violation: dict | None = field(default=None, compare=False)
    #: draws that bear a refuted/witness verdict out: counterexamples (for all) or instances (exists), exactly confirmed
    found: int = 0
    #: more such draws seen in floats and not re-decided exactly (past the re-decision limit)
    found_more: int = 0
    #: an implication: the draws on which its hypothesis held (``None`` for other statements; 0: not exercised)
    hypothesis_held: int | None = None
    #: float failures that would be violations, past the re-decision limit: neither counted nor dismissed
    unsettled: int = 0
    #: no rational evaluation: exact draws and float failures decided on balls (interval arithmetic), ties in SymPy
    float_only: bool = False
    #: SymPy settled the statement to a constant: nothing evaluated
    constant: bool = False
    #: why the statement was not evaluated at all (``"involves D, which has no numeric value"``), else ``""``
    unchecked: str = ""
    #: admissible draws where the statement is undefined (a NaN): neither a failure nor open
    undefined: int = 0
    #: no symbol left to draw values of: the statement was evaluated once (``samples`` is 1)
    once: bool = False
    #: constant only once a size of the scope was set (the claim itself has the size as a symbol)
    constant_at_size: bool = False
    #: the distinct points among ``found`` (boundary draws repeat a point); ``None`` where not counted
    found_points: int | None = 0
    #: of ``undefined``, the draws with no float value not settled exactly (undefined, or beyond floats' range)
    undefined_in_floats: int = 0


@dataclass
class _Tally:
    """One obligation's check while its draws are evaluated (frozen into an :class:`ObligationCheck`)."""

    label: str
    status: Status
    role: Role
    violations: int
    notes: list
    first: dict | None
    samples: int = 0
    found: int = 0
    found_more: int = 0
    hypothesis_held: int | None = None
    unsettled: int = 0
    float_only: bool = False
    constant: bool = False
    unchecked: str = ""
    undefined: int = 0
    once: bool = False
    constant_at_size: bool = False
    found_points: int | None = 0
    undefined_in_floats: int = 0

    def frozen(self) -> ObligationCheck:
        return ObligationCheck(self.label, self.status.value, self.role, self.samples, self.violations,
                               "; ".join(self.notes), self.first, self.found, self.found_more, self.hypothesis_held,
                               self.unsettled, self.float_only, self.constant, self.unchecked, self.undefined,
                               self.once, self.constant_at_size, self.found_points, self.undefined_in_floats)


@dataclass(frozen=True)
class SpotResult:
    """The spot check of a claim.

    ``samples`` is the fewest admissible draws any *decision* obligation got
    (cross-check obligations get :data:`CROSS_CHECK_SHARE` of them);
    ``violations`` counts disagreements with the symbolic verdicts over all
    obligations, cross-checks included.
    """

    samples: int
    violations: int
    seconds: float
    detail: str
    obligations: tuple[ObligationCheck, ...] = field(default=(), compare=False)
    found: int = 0  #: draws bearing a refuted or witness verdict out (see :attr:`ObligationCheck.found`)
    found_more: int = 0  #: more of them in floats, not re-decided (see :attr:`ObligationCheck.found_more`)
    #: the fewest draws on which a decision's hypothesis held (implications only; ``None``: no decision is one;
    #: 0: some decision was never exercised)
    exercised: int | None = None
    #: float failures that would disagree with the verdict, not re-decided exactly (past the limit): the draws
    #: neither confirm nor refute the verdict there
    unsettled: int = 0
    #: exact draws on the boundaries in rational arithmetic: ``"all"`` decisions had them, ``"some"``, or ``"none"``
    #: (no rational evaluation: exact draws on balls, ties in SymPy)
    exact_draws: str = "all"
    #: why nothing was evaluated: ``"constant"`` (SymPy settled every statement), a decision's reason it could
    #: not be evaluated (``"involves D, ..."``), else ``""``
    unchecked: str = ""
    #: admissible draws where a statement is undefined (summed over the obligations): they decide nothing
    undefined: int = 0
    #: no decision has a symbol left: each was evaluated once, nothing drawn
    once: bool = False
    #: every statement was a constant only once a size of the scope was set (see :data:`AT_SIZES`)
    constant_at_sizes: bool = False
    #: of ``undefined``, the draws with no float value not settled exactly (undefined, or beyond floats' range)
    undefined_in_floats: int = 0

    @property
    def agrees(self) -> bool:
        return self.violations == 0

    @property
    def found_points(self) -> int | None:
        """The distinct points among ``found`` (summed over the obligations); ``None`` where not counted."""
        counts = [c.found_points for c in self.obligations]
        return None if None in counts else sum(counts)


#: float failures re-decided exactly: all of them (up to this) where they would be violations -- an identity
#: fails in floats on most of 100,000+ draws, and rationals re-decide each in microseconds ...
_CONFIRM_MUST = 200_000
#: ... and a sample where they are only reported (a refuted claim failing on most draws)
_CONFIRM_INFO = 200


def check_obligation(obligation, verdict, *, samples: int = DEFAULT_SAMPLES,
                     exact_samples: int = DEFAULT_EXACT_SAMPLES, seed: int = 0) -> ObligationCheck:
    """Spot-check one obligation against its verdict (a :class:`symbolic.Verdict`)."""
    return spot_check([(obligation, verdict)], samples=samples, exact_samples=exact_samples,
                      seed=seed).obligations[0]


def _expectation(kind: Kind, status: Status):
    """(statement value wanted on draws, whether a failure is a violation)."""
    if status is Status.VACUOUS:
        return True, True  # checked on the statement False: any admissible draw is a violation
    if kind is Kind.FORALL:
        return True, status is Status.PROVED
    return False, status is Status.REFUTED


def _decided(obligation):
    """What was decided: the statement as derived where the obligation keeps one, else its statement."""
    return obligation.decided_statement


def _point_note(obligation, kind, status, verdict, paper_samplers=None):
    point = verdict.counterexample if (kind is Kind.FORALL and status is Status.REFUTED) else \
        verdict.witness if (kind is Kind.EXISTS and status is Status.WITNESS) else None
    if point is None:
        return 0, None, None
    assumptions = tuple(a for _, a in obligation.assumptions)
    what = "counterexample" if kind is Kind.FORALL else "witness"
    try:
        pc = evaluate_point(_decided(obligation), assumptions, point, paper_samplers)
    except NotCheckable as exc:
        return 0, None, f"{what} not re-evaluated: {exc}"
    except ValueError as exc:  # a point without a value for a symbol of the statement is no point of it
        return 1, {k.name: v for k, v in point.items()}, f"the {what} is incomplete: {exc}"
    if not (pc.assumptions_hold and pc.statement_holds == (kind is Kind.EXISTS)):
        statement = "undefined" if pc.statement_holds is None else pc.statement_holds
        return 1, {k.name: v for k, v in point.items()}, (
            f"the {what} does not re-evaluate: assumptions {pc.assumptions_hold}, statement {statement}")
    how = "exactly" if pc.exact else "in floats only"
    agree = ("no float evaluation: beyond the float range" if pc.float_assumptions_hold is None
             else "floats agree" if pc.float_agrees else "floats disagree (a boundary point: rounding)")
    return 0, None, f"{what} re-evaluated {how} ({agree})"


def _for_every_function(kind: Kind, status: Status) -> bool:
    """The verdict says the statement holds for every admissible abstract function (so for any one of them)."""
    return (kind is Kind.FORALL and status is Status.PROVED) or (kind is Kind.EXISTS and status is Status.REFUTED)


def with_admissible_family(obligation):
    """``(concrete obligation, label)`` with the first admissible family of ``obligation`` that makes it
    numerically checkable, or ``None``."""
    for family in obligation.families:
        if not _admissible(family):
            continue
        concrete = obligation.with_family(family.label)
        if why_uncheckable(concrete.expressions) is None:
            return concrete, family.label
    return None


@functools.lru_cache(maxsize=64)
def _admissible(family) -> bool:
    """The family may stand for the abstract function (as the engine asks before searching with it)."""
    return not family.inadmissible()


def _written_out(ob):
    """``ob`` with its finite sums and products written out term by term, as the engine decides it."""
    if not any(e.has(sp.Sum, sp.Product) for e in ob.expressions):
        return ob
    return replace(ob, statement=written_out(sp.sympify(ob.statement))[0],
                   derived=None if ob.derived is None else written_out(sp.sympify(ob.derived))[0],
                   assumptions=tuple((name, written_out(sp.sympify(a))[0]) for name, a in ob.assumptions))


def spot_check(obligations: Sequence[tuple], *, samples: int = DEFAULT_SAMPLES,
               exact_samples: int = DEFAULT_EXACT_SAMPLES, seed: int = 0,
               paper_samplers: Sequence | None = None) -> SpotResult:
    """Spot-check ``(obligation, verdict)`` pairs (a claim's decided obligations).

    Obligations with the same assumptions share one set of draws.  ``paper_samplers``: the samplers of the
    paper the claim belongs to (see :func:`numeric.spot.samplers`; ``None``: this toolkit's paper's).
    """
    start = time.perf_counter()
    obligations = list(obligations)
    if not obligations:
        raise ValueError("a spot check needs at least one obligation")
    rows: list[_Tally] = []
    groups: dict = {}
    for i, (ob, verdict) in enumerate(obligations):
        kind, status = Kind(ob.kind), Status(verdict.status)
        role = Role(ob.role)
        label = ob.label
        family = verdict.family
        # a point found with a concrete function is a point of the claim with it; sums as the engine reads them
        ob = _written_out(ob.with_family(family))
        violations, first, note = _point_note(ob, kind, status, verdict, paper_samplers)
        notes = [f"evaluated with the concrete {family} the point was found with"] if family else []
        rows.append(_Tally(label, status, role, violations, notes + ([note] if note else []), first))
        assumptions = tuple(sp.sympify(a) for _, a in ob.assumptions)
        decided = sp.sympify(ob.decided_statement)
        if isinstance(decided, sp.logic.boolalg.BooleanAtom) and status is not Status.VACUOUS:
            when = f" once {ob.fixed_text()} was set" if ob.fixed else ""
            rows[i].notes.append(f"{CONSTANT}: the statement is the constant {decided} (SymPy evaluated it{when}); "
                              "nothing was evaluated")
            rows[i].constant, rows[i].constant_at_size = True, bool(ob.fixed)
            continue
        statement = sp.false if status is Status.VACUOUS else decided
        reason = why_uncheckable((statement, *assumptions))
        if reason and _for_every_function(kind, status):  # the statement as decided (never VACUOUS here)
            concrete = with_admissible_family(ob)
            if concrete is not None:
                (statement, *assumptions), label = concrete[0].expressions, concrete[1]
                assumptions = tuple(assumptions)
                rows[i].notes.append(f"evaluated with the admissible concrete {label}")
                reason = None
        if reason:
            rows[i].notes.append(f"not checked numerically: {reason}")
            rows[i].unchecked = str(reason)
            continue
        # cross-checks re-state a decision at fixed sizes: a share of the draws each
        scale = CROSS_CHECK_SHARE if role is Role.CROSS_CHECK else 1
        want, must = _expectation(kind, status)
        # an implication is exercised only where its hypothesis holds: counted for a proof, and for an unknown
        # universal claim, whose draws are all the evidence there is
        count = kind is Kind.FORALL and status in (Status.PROVED, Status.UNKNOWN)
        groups.setdefault((assumptions, scale), []).append((i, statement, want, must, count))

    pending = list(groups.items())
    while pending:
        (assumptions, scale), members = pending.pop(0)
        n, n_exact = max(1, int(samples * scale)), max(1, int(exact_samples * scale))
        try:
            checks = check_group(tuple(m[1] for m in members), tuple(m[2] for m in members), assumptions,
                                  samples=n, exact_samples=n_exact, seed=seed,
                                  label=obligations[members[0][0]][0].label,
                                  boundary_share=DEFAULT_BOUNDARY_SHARE,
                                  confirm_limits=tuple(_CONFIRM_MUST if m[3] else _CONFIRM_INFO for m in members),
                                  paper_samplers=paper_samplers,
                                  counted=tuple(m[4] for m in members))
        except NotCheckable as exc:
            if len(members) > 1:  # one statement NumPy cannot take leaves the others checkable: each on its own
                pending[:0] = [((assumptions, scale), [m]) for m in members]
                continue
            for i, *_ in members:
                rows[i].notes.append(f"not checked numerically: {exc}")
                rows[i].unchecked = str(exc)
            continue
        for (i, _statement, want, must, _count), chk in zip(members, checks):
            _record(rows[i], chk, obligations[i][0], want, must)
            rows[i].once = closed = chk.closed  # nothing to draw: evaluated once, not counted as many draws
            if chk.unsettled_closed:
                rows[i].unchecked = "has no symbol, and SymPy could not settle it exactly (a tie?)"
                rows[i].notes.append(f"not checked numerically: it {rows[i].unchecked}")
            if closed and not must and rows[i].status in (Status.REFUTED, Status.WITNESS) and chk.exact_draws \
                    and not (chk.failures or chk.unconfirmed or chk.undefined or rows[i].violations):
                # one exact evaluation decides a statement with no symbol: as wanted, there is no
                # counterexample (no instance) anywhere, whatever point the verdict gives
                rows[i].violations += 1
                rows[i].first = rows[i].first or {}
                rows[i].notes.append(f"the statement has no symbol and is exactly {want}: "
                                     + ("no counterexample exists" if want else "no instance exists"))

    checks = tuple(row.frozen() for row in rows)
    return _summarise(checks, exact_samples, time.perf_counter() - start)


#: where SymPy settled each statement once the scope's size was set (the claim itself has the size as a symbol)
AT_SIZES = "once each size of the scope was set"


def _record(row: _Tally, chk: StatementCheck, obligation, want: bool, must: bool) -> None:
    row.samples = chk.admissible
    notes = row.notes
    row.hypothesis_held = chk.hypothesis_held
    if chk.hypothesis_held == 0:
        notes.append("NOT EXERCISED: its hypothesis held on none of the draws (the implication held vacuously "
                     "on every one)")
    elif chk.hypothesis_held is not None:
        notes.append(f"its hypothesis held on {chk.hypothesis_held:,} of them")
    kind = Kind(obligation.kind)
    if row.status is Status.VACUOUS:
        if chk.failures:
            row.violations += chk.failures
            row.first = row.first or chk.first_failure
            notes.append(f"{chk.failures} draws satisfy the supposedly contradictory assumptions")
        return
    if must and (chk.failures or chk.unconfirmed):
        row.violations += chk.failures
        row.unsettled += chk.unconfirmed
        row.first = row.first or chk.first_failure
        what = "counterexample" if kind is Kind.FORALL else "instance"
        if chk.failures:
            notes.append(f"{chk.failures} admissible draws are a numeric {what} (exactly confirmed)"
                         + (f", {chk.unconfirmed} more float failures not re-decided" if chk.unconfirmed else ""))
        else:  # not "0 draws are a counterexample": nothing was confirmed either way
            notes.append(f"{chk.unconfirmed:,} float failures not re-decided exactly (none confirmed: they neither "
                         "confirm nor refute the verdict)")
    elif chk.failures or chk.unconfirmed:
        if row.status in (Status.REFUTED, Status.WITNESS, Status.UNKNOWN):  # unknown: what the draws say instead
            row.found += chk.failures
            row.found_more += chk.unconfirmed
            row.found_points = (None if row.found_points is None or chk.failure_points is None
                                else row.found_points + chk.failure_points)
        what = "refute it" if kind is Kind.FORALL else "are instances"
        more = f"; {chk.unconfirmed:,} more seemed so in floats, not re-decided" if chk.unconfirmed else ""
        # an undecided claim: show one such draw (a lead for the reader; the verdict stays the engine's)
        lead = (f", e.g. {format_point(chk.first_failure)} (a draw, not a verdict)"
                if row.status is Status.UNKNOWN and chk.failures and chk.first_failure else "")
        at = (f" (at {chk.failure_points:,} distinct point{'s' if chk.failure_points > 1 else ''}: boundary draws "
              "repeat a point)" if chk.failure_points and chk.failure_points < chk.failures else "")
        notes.append(f"{chk.failures:,} of {chk.admissible:,} draws {what}{lead}, exactly confirmed{at}{more}")
    if chk.rounding_resolved:
        notes.append(f"{chk.rounding_resolved:,} float failures were rounding, resolved exactly")
    if chk.time_bound:
        notes.append("a time budget stopped the exact draws on the assumptions' equations: these counts depend on "
                     "the machine's speed, and another run may differ")
    if chk.inadmissible:
        why = "an equation no exact draw met" if not chk.exact_draws else "an equation floats meet only within a tolerance"
        notes.append(f"{chk.inadmissible:,} float draws met the assumptions only within float tolerance ({why}): not "
                     "counted")
    row.undefined += chk.undefined
    row.undefined_in_floats += chk.undefined - chk.undefined_exact
    if must and want and kind is Kind.FORALL and chk.undefined_exact:
        # a proof of a universal claim says it is defined wherever the assumptions hold
        row.violations += chk.undefined_exact
        row.first = row.first or chk.first_undefined
        notes.append(f"{chk.undefined_exact:,} admissible draws are where the statement is undefined (exactly "
                     "confirmed), which a proof excludes")
    elif chk.undefined:  # a NaN is no counterexample: the statement says nothing there
        if chk.undefined_exact:
            notes.append(f"{chk.undefined_exact:,} admissible draws are where the statement is undefined (exactly "
                         "confirmed; not counted)")
        if chk.undefined > chk.undefined_exact:  # a NaN in floats may be inf/inf beyond their range, not undefined
            notes.append(f"{chk.undefined - chk.undefined_exact:,} admissible draws have no float value of the "
                         "statement (undefined there, or beyond the range of floats) and were not settled exactly "
                         "(not counted)")
    if chk.exact_unavailable:
        row.float_only = True
        # the kernel has no rational form (a real power, a root, exp): balls decide exact draws on the boundaries
        # and re-decide float failures (what "exactly confirmed" counts), SymPy a few ties
        notes.append(f"no rational evaluation: {chk.exact_draws:,} exact draws settled on balls (interval "
                     "arithmetic) or, at a tie, in SymPy, and float failures re-decided so up to a limit")


def _summarise(checks: tuple, exact_samples: int, seconds: float) -> SpotResult:
    violations = sum(c.violations for c in checks)
    constant = [c for c in checks if c.constant]
    decisions = [c for c in checks if c.role is not Role.CROSS_CHECK and c not in constant]
    if not decisions:
        decisions = [c for c in checks if c not in constant]
    fewest = min((c.samples for c in decisions), default=0)
    bad = next((c for c in checks if c.violations), None)
    if bad is not None:
        point = ("?" if bad.first_violation is None else format_point(bad.first_violation)
                 if bad.first_violation else "none (no symbol left)")
        detail = f"DISAGREES on {bad.label!r} ({bad.verdict}): {bad.note}; draw: {point}"
    elif not decisions:
        at_sizes = all(c.constant_at_size for c in constant)
        detail = (f"{CONSTANT}: every obligation is a constant SymPy evaluated "
                  + (AT_SIZES if at_sizes else "before the engine saw it") + "; nothing was evaluated")
    elif all(c.unchecked and not c.samples for c in decisions):  # not "each on >= 0 draws (... 400 exact)"
        said = [f"{c.label}: {c.note}" for c in checks if c.note and c not in constant]
        detail = f"{len(decisions)} obligation(s), no draw evaluated; " + "; ".join(said[:3]) + (
            f"; ... ({len(said) - 3} more)" if len(said) > 3 else "")
    elif all(c.once for c in decisions):
        detail = (f"{len(decisions)} obligation(s) with no symbol left (nothing to draw): each evaluated once"
                  + (f"; {len(constant)} constant obligation(s) not evaluated" if constant else ""))
    else:
        infos = [f"{c.label}: {c.note}" for c in checks if c.note and c not in constant]
        exact = [c for c in decisions if not c.float_only]
        detail = (f"{len(decisions)} obligation(s), each on >= {fewest:,} admissible draws "
                  + (f"(no rational evaluation: exact draws and float failures decided on balls, up to "
                     f"{SYMPY_EXACT_DRAWS} ties each in SymPy)" if not exact
                     else f"(including up to {exact_samples} exact draws each, mostly on boundaries"
                     + (f", in the {len(exact)} with a rational evaluation)" if len(exact) < len(decisions) else ")")))

        crosses = [c for c in checks if c.role is Role.CROSS_CHECK]
        if crosses:
            detail += f"; {len(crosses)} cross-check(s) on >= {min(c.samples for c in crosses):,} draws each"
        if constant:
            detail += f"; {len(constant)} constant obligation(s) not evaluated"
        if infos:
            detail += "; " + "; ".join(infos[:3]) + (f"; ... ({len(infos) - 3} more)" if len(infos) > 3 else "")
        none = [c for c in decisions if not c.samples]
        if none and all(c.verdict == "vacuous" for c in none):
            # what the verdict says: the draws agree with it, and a sampler would not change that
            detail += ("; no admissible draw for " + ("the obligation" if len(decisions) == 1 else
                       f"{len(none)} obligation(s)") + ", as its verdict says (contradictory assumptions)")
        elif fewest == 0:
            detail += ("; some obligation had NO admissible draws (not checkable, or its symbols need a "
                       "sampler: see numeric.spot)")
    counted = [c.hypothesis_held for c in decisions if c.hypothesis_held is not None]
    if 0 in counted and not bad:
        detail = ("NOT EXERCISED: the hypothesis of a decision held on none of the draws (the implication held "
                  "vacuously on every one); " + detail)
    exact_draws = ("none" if not any(not c.float_only for c in decisions)
                   else "some" if any(c.float_only for c in decisions) else "all")
    unchecked = ("constant" if not decisions and constant
                 else next((c.unchecked for c in decisions if c.unchecked and not c.samples), ""))
    return SpotResult(fewest, violations, seconds, detail, checks, sum(c.found for c in checks),
                      sum(c.found_more for c in checks), min(counted) if counted else None,
                      sum(c.unsettled for c in checks), exact_draws, unchecked, sum(c.undefined for c in checks),
                      bool(decisions) and all(c.once for c in decisions),
                      not decisions and bool(constant) and all(c.constant_at_size for c in constant),
                      sum(c.undefined_in_floats for c in checks))
