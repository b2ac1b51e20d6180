r"""Statements evaluated on admissible draws and at points: the machinery of the spot checks.

The spot check of a decided claim (:func:`numeric.obligation_checks.spot_check`) is built on it.

An obligation is a statement :math:`C(x)`, a quantifier and named assumptions
:math:`A(x)` (see :class:`symbolic.obligation.Obligation`; anything with
``label``, ``kind``, ``statement`` and ``assumptions`` will do).  Where the
obligation keeps its statement *as derived* (``decided_statement``, which
differs from ``statement`` when SymPy settled the latter to a constant while
building it), that is what is evaluated: the payoffs, gaps and first-order
conditions at the draws, never a constant.  A statement about an abstract
function (a general protection probability :math:`P`) has no numeric value;
when the obligation names admissible concrete ``families`` (see
:class:`symbolic.obligation.Family`) and its verdict says the statement holds
for *every* admissible function, it is evaluated with the first family whose
requirements the engine proves.  Its spot check
draws admissible :math:`x` and evaluates the lambdified :math:`A` and
:math:`C` (:mod:`numeric.kernels`) on all draws at once.  What must be seen
depends on the obligation's symbolic verdict:

=====================  =================================================================
verdict                numeric check
=====================  =================================================================
proved (forall)        :math:`C` holds on every admissible draw
refuted (forall)       the counterexample satisfies :math:`A` and violates :math:`C`
witness (exists)       the witness satisfies :math:`A` and :math:`C`
refuted (exists)       no admissible draw satisfies :math:`C` (no instance exists)
vacuous                no draw satisfies :math:`A` (the assumptions are contradictory)
unknown                nothing to disagree with; failures found are reported, not counted
=====================  =================================================================

**Arithmetic and tolerance.**  Float draws are decided in IEEE double
precision with *no* tolerance; every float draw whose outcome disagrees with
the verdict is re-decided exactly (a float is an exact binary rational), so a
reported violation is never a rounding artefact.  The converse risk -- a float
draw within about :math:`10^{-12}` (relative) of a boundary decided on the
claim's side by rounding -- is why draws *on* the boundaries are exact
rationals decided in exact arithmetic (:class:`~numeric.exact.RationalArray`).
Counterexamples and witnesses are re-evaluated both ways; the exact evaluation
decides, the float one is reported.

**Samplers: the plug-in API for other models.**  The symbols of an obligation
are split among registered samplers (:func:`register_sampler`); the first
sampler whose ``owns(symbol)`` is true draws that symbol.  A sampler is any
object with

* ``name`` -- a short string used in reports;
* ``owns(symbol) -> bool``;
* ``draw(problem, n, rng, *, exact=False, boundary_share=0.1) -> {symbol: values}``,
  where ``problem`` is a :class:`~numeric.samplers.SamplingProblem` (its
  ``symbols``, the assumption ``atoms`` among them, the ``statement``), and
  ``values`` are float arrays of length ``n`` -- or, with ``exact=True``,
  :class:`~numeric.exact.RationalArray` s (use
  ``RationalArray.from_integers(p, q)``) that should mostly lie *on* the
  boundaries of the atoms and the statement.

Draws should satisfy the atoms by construction; the spot check still filters
every draw through the compiled assumptions (rejection), so a sampler that
only covers part of the assumptions is correct, merely slower.  Symbols no
sampler owns fall to :class:`~numeric.samplers.BoundsSampler` (bounds read
from atoms like ``x >= 1`` and from the symbol's own assumptions).

A paper names its own samplers (``Paper(samplers=...)``); they are used for its claims only, so a
symbol that happens to share a name with another paper's is drawn as its own paper says.  This
toolkit's paper gives :data:`DEFAULT_SAMPLERS` (also used where no paper is named, e.g. by
:mod:`numeric.testing`): Section 5 symbols (``lambda_jS``, ``lambda_jN``, ``theta_j``) are owned by
:class:`~numeric.paper_samplers.Section5Sampler`, generic labels (``lambda_kS``) included; Section 4's
prices, productivities and agglomeration values ``g_0``, ``g_L`` by
:class:`~numeric.paper_samplers.Section4Sampler`, which puts draws on the paper's thresholds.  Code that
adds claims for new symbols -- Section 2's ``A``, ``C``, ``n`` for instance -- may also register a
sampler for every paper::

    from numeric.spot import register_sampler

    class SpilloverSampler:
        name = "section2.spill"
        def owns(self, symbol):
            return symbol.name in {"A", "C", "n"}
        def draw(self, problem, n, rng, *, exact=False, boundary_share=0.25):
            ...  # construct A - C - 1 > 0 etc. by construction; exact=True: on the boundaries

    register_sampler(SpilloverSampler())

Every registered claim gets the generic spot check from
``proofs/spotchecks.py``; nothing per claim is needed.  Register the sampler in
a module imported before spot checks run (a module listed in
``proofs.registry.SPOT_CHECK_MODULES``, or the section module itself).

>>> import sympy as sp
>>> x = sp.Symbol("x", positive=True)
>>> check = check_statement(x**2 + 1 >= 2*x, [], samples=2000, seed=0)
>>> check.failures, check.admissible >= 2000
(0, True)
>>> check_statement(x > 1, [x >= 1], samples=2000, seed=0).failures > 0   # x = 1 is drawn exactly
True
"""

from __future__ import annotations

import functools
import itertools
import time
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import Sequence

import numpy as np
import sympy as sp
from sympy.functions.elementary.trigonometric import TrigonometricFunction

from symbolic.certify import Uncertifiable, holds, respects_symbol_assumptions
from symbolic.constructs import atoms_of
from symbolic.points import simplest_first

from .draws import (DEFAULT_SAMPLERS, NotCheckable, Plan, as_exact, as_sympy, assumption_tuple, draw_points,
                    exact_row, format_point, plan_for, register_sampler, samplers, seed_for, unregister_sampler,
                    why_uncheckable)
from .balls import ball_truth
from .exact import RationalArray, exact_truth, exact_truth_split
from .kernels import Kernel, KernelError
from .point_check import PointCheck, evaluate_point
from .samplers import linear_root, own_assumptions_hold, rational_function
from .sympy_points import (TIE_BUDGET, all_hold, holds_high_precision, is_undefined, surely_undefined,
                           symbolic_exponents, with_ties)

# the sampler registry, the plans and the single-point check live in numeric.draws and numeric.point_check;
# they are named here too, where the spot checks' users have always found them
__all__ = ["register_sampler", "unregister_sampler", "samplers", "DEFAULT_SAMPLERS", "check_statement",
           "StatementCheck", "PointCheck", "evaluate_point", "DEFAULT_SAMPLES", "DEFAULT_EXACT_SAMPLES",
           "draw_admissible", "NotCheckable", "SYMPY_EXACT_DRAWS", "check_group", "format_point",
           "why_uncheckable", "CONSTANT", "CROSS_CHECK_SHARE", "DEFAULT_BOUNDARY_SHARE"]

#: how a spot check's detail begins when an obligation was a constant (nothing to evaluate)
CONSTANT = "constant"
#: float draws per obligation (at least 100,000 per claim)
DEFAULT_SAMPLES = 100_000
#: exact rational draws per obligation, most of them on a boundary
DEFAULT_EXACT_SAMPLES = 400
#: the share of float draws placed next to a boundary (the exact draws are mostly *on* one)
DEFAULT_BOUNDARY_SHARE = 0.1
#: the share of ``samples`` a cross-check obligation gets (it re-states a decision obligation)
CROSS_CHECK_SHARE = 0.1
#: extra rounds of drawing when rejection leaves fewer admissible draws than asked
_TOP_UP_ROUNDS = 3

#: float failures re-decided by SymPy when the kernel has no rational evaluation (each costs milliseconds)
_SYMPY_CONFIRM_LIMIT = 50
#: exact draws the balls leave open (ties) decided in SymPy when the kernel has no rational evaluation
SYMPY_EXACT_DRAWS = 16
#: confirmed failures whose points are compared to count the distinct ones
_DISTINCT_POINTS = 20_000
#: seconds for exact powers with per-draw exponents (v**n) taken in parts, once taking them all at once is too
#: large; the draws left are decided as those of a kernel without rational evaluation
EXACT_POWER_SECONDS = 0.2


# -- statements on shared draws ----------------------------------------------------------

@dataclass(frozen=True)
class StatementCheck:
    """Outcome of drawing admissible points and evaluating a statement on them."""

    drawn: int  #: float + exact draws made
    admissible: int  #: draws on which the assumptions hold
    exact_draws: int  #: admissible exact (boundary) draws, decided exactly
    failures: int  #: admissible draws where the statement is not as wanted (exactly confirmed)
    rounding_resolved: int  #: float draws whose float failure was a rounding artefact
    first_failure: dict | None = field(default=None, compare=False)  #: symbol name -> exact Fraction
    #: no rational evaluation: exact draws and float failures decided on balls, ties (at most SYMPY_EXACT_DRAWS) in
    #: SymPy
    exact_unavailable: bool = False
    unconfirmed: int = 0  #: float failures beyond the re-decision limit (neither counted nor dismissed)
    seconds: float = 0.0
    #: an implication: the admissible draws on which its hypothesis held (``None`` for other statements);
    #: 0 means the draws never exercised the claim (an equation as hypothesis is almost never met at random)
    hypothesis_held: int | None = None
    #: admissible draws where the statement is undefined (exactly, or in floats past the re-decision limit):
    #: they decide nothing, and are neither failures nor open
    undefined: int = 0
    #: of those, the ones settled exactly (Kleene's logic in SymPy): a proof of a universal claim excludes them
    undefined_exact: int = 0
    first_undefined: dict | None = field(default=None, compare=False)  #: the first of them
    #: float draws that met the assumptions within float tolerance only (an equation, x = pi): their failures
    #: were re-decided and the assumptions found exactly false; not counted as admissible
    inadmissible: int = 0
    #: the statement and its assumptions have no symbol: evaluated once, exactly (see :func:`_closed`)
    closed: bool = False
    #: a statement with no symbol SymPy could not settle exactly (a tie of transcendental numbers): nothing shown
    unsettled_closed: bool = False
    #: the distinct points among the ``failures`` (exact boundary draws repeat a point); ``None`` if not counted
    failure_points: int | None = None
    #: a time budget stopped the exact draws on the assumptions' equations before all were made: the counts
    #: depend on the machine's speed, and another run may differ
    time_bound: bool = False

    @property
    def holds(self) -> bool:
        return self.failures == 0


class _Tally:
    def __init__(self):
        self.failures = self.resolved = self.unconfirmed = self.exact_checked = self.undefined = 0
        # float failures whose re-decision found the assumptions exactly false: a float draw meets an equation
        # within a tolerance (x = pi), so it was never admissible
        self.excluded = 0
        self.undefined_exact, self.first_undefined = 0, None
        self.first = None
        self.unavailable = False
        self.points: set = set()  # the distinct points of the confirmed failures (boundary draws repeat)
        self.points_complete = True  # every confirmed failure's point is in ``points``
        self.looked = 0
        self.time_bound = False  # a time budget stopped the exact draws: another run may count others

    def failed(self, values, symbols, rows) -> None:
        """Count confirmed failures at ``rows`` of ``values``, the first one's point, and their distinct points
        (up to :data:`_DISTINCT_POINTS` of them; past that the distinct count is not known)."""
        self.failures += len(rows)
        if len(rows) and self.first is None:
            self.first = exact_row(values, symbols, int(rows[0]))
        self.looked += len(rows)
        if self.looked > _DISTINCT_POINTS:
            self.points_complete = False
            return
        columns = []
        for sym in symbols:
            column = values[sym]
            if isinstance(column, RationalArray):
                columns.append([Fraction(n, d) for n, d in zip(column.num[rows].tolist(), column.den[rows].tolist())])
            else:
                columns.append([Fraction(v) for v in np.asarray(column)[rows].tolist()])
        self.points.update(zip(*columns))


def check_group(statements: tuple, wants: Sequence[bool], assumptions: tuple, *, samples: int,
                 exact_samples: int, seed: int, label: str, boundary_share: float,
                 confirm_limits: Sequence[int], paper_samplers: Sequence | None = None,
                 counted: Sequence[bool] | None = None) -> list[StatementCheck]:
    """Evaluate several statements on the same admissible draws (one sampling, one assumption pass).

    ``counted[i]``: statement ``i``, if an implication, also counts the draws meeting its hypothesis
    (:attr:`StatementCheck.hypothesis_held`), evaluated on the same draws and never re-decided."""
    hypotheses = [(i, _hypothesis_of(st)) for i, st in enumerate(statements) if counted is not None and counted[i]]
    hypotheses = [(i, h) for i, h in hypotheses if h is not None]
    # a hypothesis with an equation holds in floats within a tolerance (x = pi at 3.141592653589793): its
    # negation is evaluated instead, so that the draws where it holds are re-decided and only exact ones count
    negated = [bool(atoms_of(h, sp.Equality)) for _, h in hypotheses]
    try:
        checks = _evaluate_group(tuple(statements) + tuple(sp.Not(h) if neg else h
                                                           for (_, h), neg in zip(hypotheses, negated)),
                                 tuple(wants) + (True,) * len(hypotheses), assumptions, samples=samples,
                                 exact_samples=exact_samples, seed=seed, label=label,
                                 boundary_share=boundary_share,
                                 confirm_limits=tuple(confirm_limits) + tuple(_HYPOTHESIS_CONFIRM if neg else 0
                                                                              for neg in negated),
                                 paper_samplers=paper_samplers)
    except OverflowError as exc:  # x < 10**400: no float holds the constant, so no float draw decides anything
        raise NotCheckable(f"a number beyond the float range ({exc})") from None
    out = checks[:len(statements)]
    for (i, _), count, neg in zip(hypotheses, checks[len(statements):], negated):
        # false in floats counts as false: an exact equation is almost never true in floats, exact draws decide it
        held = count.failures if neg else max(0, count.admissible - count.failures - count.unconfirmed
                                               - count.undefined)
        out[i] = replace(out[i], hypothesis_held=held)
    return out


#: draws where a hypothesis with an equation held in floats, re-decided to count where it holds exactly
_HYPOTHESIS_CONFIRM = 2_000


def _evaluate_group(statements: tuple, wants: Sequence[bool], assumptions: tuple, *, samples: int,
                    exact_samples: int, seed: int, label: str, boundary_share: float,
                    confirm_limits: Sequence[int], paper_samplers: Sequence | None = None) -> list[StatementCheck]:
    start = time.perf_counter()
    plan = plan_for(statements, assumptions, paper_samplers)
    tallies = [_Tally() for _ in statements]
    if not plan.symbols:
        return _closed(plan, wants, start)
    rng = seed_for(seed, label)
    drawn = admissible = 0

    # float draws, topped up when rejection removes some
    need = int(samples)
    for _ in range(1 + _TOP_UP_ROUNDS):
        if need <= 0:
            break
        n = need if drawn == 0 else min(4 * need, 4 * int(samples))
        values = draw_points(plan, n, rng, False, boundary_share)
        args = [values[s] for s in plan.symbols]
        ok = plan.assumptions(*args) & own_assumptions_hold(plan.symbols, args)
        drawn += n
        n_ok = int(ok.sum())
        admissible += n_ok
        for kernel, defined, want, tally, limit in zip(plan.statements, plan.defined, wants, tallies,
                                                       confirm_limits):
            as_wanted = kernel(*args) == want
            rows = np.flatnonzero(ok & ~as_wanted)
            # as wanted in floats where it is undefined (1/0 is inf, inf > 5): no evidence either way
            pole = np.flatnonzero(ok & as_wanted & ~np.asarray(defined(*args), dtype=bool)) \
                if defined is not None else rows[:0]
            if not limit:  # counted, not re-decided (a hypothesis's count of draws)
                tally.unconfirmed += rows.size
                tally.undefined += pole.size
                continue
            if rows.size:
                _confirm(plan, kernel, values, rows, want, tally, limit, defined)
            if pole.size:
                _undefined_in_floats(plan, kernel, values, pole, want, tally)
        if n_ok == 0:
            break
        need = int(samples) - admissible

    # exact draws, mostly on the boundaries; then simple values and the statement's own constants, which no
    # sampler of the assumptions' bounds reaches (x < 1500 fails at 1500, Ne(x, 0) at 0)
    if exact_samples > 0:
        values = draw_points(plan, int(exact_samples), rng, True, boundary_share)
        drawn += int(exact_samples)
        _exact_stage(plan, values, wants, tallies)
        values = _simple_draws(plan, SIMPLE_DRAWS)
        if values:
            drawn += len(values[plan.symbols[0]].num)
            _exact_stage(plan, values, wants, tallies)
    if exact_samples > 0:
        _pinned_draws(plan, wants, tallies, rng, boundary_share)
    seconds = time.perf_counter() - start
    # an equation among the assumptions is met by float draws only within a tolerance (x = pi at
    # 3.141592653589793): where no exact draw met it either, the float draws show nothing but confirmed failures
    equation = any(atoms_of(a, sp.Equality) for a in plan.assumptions.expr)
    for t in tallies:
        if equation and not t.exact_checked:
            t.excluded = max(t.excluded, admissible - t.failures)
    # an exact draw counts only for the statements that were evaluated on it
    return [StatementCheck(drawn, max(0, admissible - t.excluded) + t.exact_checked, t.exact_checked, t.failures,
                           max(0, t.resolved - t.excluded), t.first,
                           t.unavailable, t.unconfirmed, seconds, undefined=t.undefined, inadmissible=t.excluded,
                           undefined_exact=t.undefined_exact, first_undefined=t.first_undefined,
                           failure_points=len(t.points) if t.points_complete else None,
                           time_bound=t.time_bound) for t in tallies]


def _pins(plan: Plan) -> dict:
    """``{symbol: values}`` for each symbol an equation pins where no rational draw is, in an order where a value
    rests only on drawn symbols and the pins before it (a cycle is dropped):

    * ``Eq(f, sqrt(2))``, ``Eq(x, pi*y)``: one value, an irrational number or an expression of other symbols
      with one;
    * a factor of an equation (of the assumptions or the statement's) that is a polynomial in one symbol,
      ``x**2 = 2`` or ``mu (x**2 - 2) = 0``: its irrational real roots (``-sqrt(2)``, ``sqrt(2)``; a cubic's are
      ``CRootOf``); one quadratic in a symbol with others beside it, ``x**2 = 2 y**2``: its two roots in radicals;
    * then an equation that sets a symbol to an expression of pinned ones, ``y = x + 1`` beside ``x**2 = 2``:
      that expression (a draw of ``y`` would miss it)."""
    found: dict = {}
    own = set(plan.symbols)
    equations = [eq for a in plan.assumptions.expr for eq in atoms_of(a, sp.Equality)]
    stated = [eq for st in plan.statements for eq in atoms_of(st.expr, sp.Equality) if eq not in equations]
    for eq in equations:
        for sym, value in ((eq.lhs, eq.rhs), (eq.rhs, eq.lhs)):
            if sym in own and isinstance(value, sp.Expr) and sym not in value.free_symbols \
                    and value.free_symbols <= own and _irrational(value):
                found.setdefault(sym, (value,))
    for univariate in (True, False):
        for eq in equations + stated:
            for sym, roots in _irrational_roots(eq, univariate):
                if sym in own and sym not in found:
                    found[sym] = roots
    def resting_on(values) -> set:  # the symbols values rest on, through the pins among them
        seen, stack = set(), [v for v in values]
        while stack:
            for sym in stack.pop().free_symbols - seen:
                seen.add(sym)
                stack.extend(found.get(sym, ()))
        return seen

    for _ in range(len(own)):  # through chains: y = x + 1, then z = 2 y (not x = pi y read back as y = x/pi)
        solved = ((sym, linear_root(eq, sym)) for eq in equations
                  for sym in sorted(eq.free_symbols & (own - set(found)), key=sp.default_sort_key))
        more = {sym: (value,) for sym, value in solved
                if value is not None and value.free_symbols & set(found) and sym not in resting_on([value])}
        if not more:
            break
        found.update(more)
    ordered: dict = {}
    for _ in range(len(found)):
        for sym, values in found.items():
            if sym not in ordered and not set().union(*(v.free_symbols for v in values)) & (set(found) - set(ordered)):
                ordered[sym] = values
    return ordered


#: the highest degree of a polynomial equation whose irrational roots pin draws (exact roots of higher ones cost)
PIN_DEGREE = 8


def _irrational_roots(eq, univariate: bool) -> list:
    """``[(symbol, roots)]``: for each factor of the equation ``eq`` (denominators cleared, rational coefficients)
    that is a polynomial in one symbol (``univariate``), its irrational real roots, exactly; otherwise for each
    factor quadratic in a symbol with others beside it, its two roots in radicals where they are not rational
    functions.  A symbol that cannot take an irrational value (an integer, a rational) is left out."""
    if not (isinstance(eq.lhs, sp.Expr) and isinstance(eq.rhs, sp.Expr)) or sp.count_ops(eq) > 200:
        return []
    numerator = sp.fraction(sp.together(eq.lhs - eq.rhs))[0]
    gens = sorted(numerator.free_symbols, key=sp.default_sort_key)
    try:
        factors = [f for f, _ in sp.factor_list(sp.Poly(numerator, *gens))[1]] if gens else []
    except (sp.PolynomialError, sp.GeneratorsNeeded, sp.CoercionFailed):
        return []
    out = []
    for factor in factors:
        if factor.domain not in (sp.ZZ, sp.QQ):
            continue
        symbols = sorted(factor.free_symbols, key=sp.default_sort_key)
        try:
            if univariate and len(symbols) == 1 and 1 < factor.degree(symbols[0]) <= PIN_DEGREE:
                (sym,) = symbols
                roots = tuple(dict.fromkeys(r for r in sp.real_roots(sp.Poly(factor.as_expr(), sym))
                                            if not r.is_Rational))
            elif not univariate and len(symbols) > 1:
                sym = next((s for s in symbols if factor.degree(s) == 2), None)
                if sym is None:
                    continue
                found = sp.roots(sp.Poly(factor.as_expr(), sym))
                roots = tuple(r for r in found if not rational_function(r))
            else:
                continue
        except (sp.PolynomialError, NotImplementedError, ValueError):
            continue
        if roots and sym.is_rational is not True:
            out.append((sym, roots))
    return out


def _irrational(value: sp.Expr) -> bool:
    """Whether ``value`` is irrational at rational values of its symbols, as far as its form shows: a number
    that is not rational, or an expression with ``pi``, ``E``, a root, ``exp``, ``log`` or a trigonometric function."""
    if value.is_number:
        return not value.is_Rational
    return bool(value.atoms(sp.NumberSymbol) or any(not p.exp.is_Integer for p in value.atoms(sp.Pow))
                or value.atoms(sp.exp, sp.log, TrigonometricFunction))


#: at most this many combinations of pinned roots are drawn (each at one or more exact points)
PIN_COMBINATIONS = 128


def _pinned_draws(plan: Plan, wants, tallies, rng, boundary_share: float) -> None:
    """Exact draws at the irrational values equations pin symbols to (``f = sqrt(2)``, ``x = pi*y``, the roots of
    ``x**2 = 2``), the other symbols at exact draws (which meet the samplers' rational placements), decided in
    SymPy: what shows a claim there exactly.  The assumptions are decided at each point in SymPy (a float draw
    meets none of these equations).  Where pins have several roots, the draws go through every combination in
    turn (up to :data:`PIN_COMBINATIONS`); a point where a root is not real (the radical of a negative number)
    is no draw."""
    pins = _pins(plan)
    if not pins:
        return
    choices = list(itertools.islice(itertools.product(*pins.values()), PIN_COMBINATIONS))
    everything = set(pins) == set(plan.symbols)  # every symbol pinned: the draws are those points
    wanted = len(choices) if everything else max(SYMPY_EXACT_DRAWS, len(choices))
    n = len(choices) if everything else 2 * wanted + 2 * SYMPY_EXACT_DRAWS
    values = draw_points(plan, n, rng, True, boundary_share)
    until = time.monotonic() + TIE_BUDGET
    admitted = 0
    for row in range(n):
        if admitted >= wanted:
            break
        if time.monotonic() >= until:
            for tally in tallies:
                tally.time_bound = True
            break
        exact = exact_row(values, plan.symbols, row)
        point = {s: sp.Rational(exact[s.name].numerator, exact[s.name].denominator) for s in plan.symbols
                 if s not in pins}
        for s, v in zip(pins, choices[row % len(choices)]):
            point[s] = v.xreplace(point)
        if any(point[s].is_extended_real is not True for s in pins):
            continue
        try:
            if not respects_symbol_assumptions(point) or not all_hold(plan.assumptions.expr, point, until):
                continue
        except Uncertifiable:
            continue
        admitted += 1
        for kernel, want, tally in zip(plan.statements, wants, tallies):
            try:
                value = with_ties(holds, kernel.expr, point, until)
            except Uncertifiable:
                continue
            tally.exact_checked += 1
            if value != want:
                tally.failures += 1
                tally.points.add(tuple(exact[s.name] for s in plan.symbols if s not in pins)
                                 + tuple(str(point[s]) for s in pins))
                if tally.first is None:
                    tally.first = {s.name: v for s, v in point.items()}


def _closed(plan: Plan, wants, start: float) -> list[StatementCheck]:
    """Statements with no symbol (``Eq(sqrt(6), sqrt(6) + 10**-30)`` held unevaluated): one evaluation, exact
    (floats call that equation true), counted as one draw; one SymPy cannot settle is left open."""
    until = time.monotonic() + TIE_BUDGET
    try:
        ok = all_hold(plan.assumptions.expr, {}, until)
    except Uncertifiable:
        ok = False  # an assumption undefined or unsettled: no admissible draw
    out = []
    for kernel, want in zip(plan.statements, wants):
        value, undefined = None, False
        if ok:
            try:
                value = with_ties(holds, kernel.expr, {}, until)
            except Uncertifiable as exc:
                undefined = is_undefined(exc)
        bad = value is not None and value != want
        unsettled = ok and value is None and not undefined  # no float stands in for it: nothing is shown
        out.append(StatementCheck(1, int(ok and not unsettled), int(ok and value is not None), int(bad), 0,
                                  {} if bad else None, False, 0, time.perf_counter() - start,
                                  undefined=int(undefined), undefined_exact=int(undefined),
                                  first_undefined={} if undefined else None, closed=True,
                                  unsettled_closed=unsettled))
    return out


def _exact_stage(plan: Plan, values: dict, wants, tallies) -> None:
    """Exact draws decided in rational arithmetic (in SymPy where a kernel has none, or where a zero
    denominator stops the eager evaluation); counted in ``tallies``."""
    args = [values[s] for s in plan.symbols]
    try:
        held, held_defined, held_done = exact_truth_split(plan.assumptions.exact, args,
                                                          time.monotonic() + EXACT_POWER_SECONDS)
    except KernelError:
        for kernel, want, tally in zip(plan.statements, wants, tallies):
            tally.unavailable = True
            _exact_in_sympy(plan, kernel, values, args, want, tally)
        return
    own = own_assumptions_hold(plan.symbols, args)
    ok = held & held_defined & own & held_done  # an undefined assumption excludes
    for kernel, want, tally in zip(plan.statements, wants, tallies):
        try:
            value, defined, done = exact_truth_split(kernel.exact, args, time.monotonic() + EXACT_POWER_SECONDS)
        except KernelError:
            tally.unavailable = True
            _exact_in_sympy(plan, kernel, values, args, want, tally)
            continue
        evaluated = ok & done & defined  # a draw where the statement is undefined decides nothing
        rows = np.flatnonzero(evaluated & (value != want))
        tally.exact_checked += int(evaluated.sum())
        tally.failed(values, plan.symbols, rows)
        # a draw whose powers are too large to take exactly (v**n at n = 10**6) is decided on balls
        _exact_on_balls(plan, kernel, values, args,
                        np.flatnonzero(own & (~held_done | (held & held_defined & ~done))), want, tally)
        # a zero denominator stopped the eager rational evaluation, where Kleene's logic may settle the draw
        # (Or(x != 0, 1/x > 5) is true at x = 0): decided in SymPy, as the engine reads it
        stopped = np.flatnonzero(own & held_done & done & (~held_defined | (ok & ~defined)))
        if stopped.size:
            done = _redecide(plan, kernel, values, stopped, [a[stopped] for a in args], want, tally)
            tally.exact_checked += done.admitted
            # the rest (past SymPy's limit, too close to call) were evaluated neither way: not counted


#: exact draws of simple values and of the constants of the statements and assumptions, per group
SIMPLE_DRAWS = 48
#: values every symbol takes first among them (those its own assumptions allow)
_SIMPLE = tuple(sp.Rational(v) for v in ("0", "1", "-1", "1/2", "2", "-2", "3", "1/3"))
#: constants of larger or smaller magnitude than this are not drawn (a power of one could fill the memory)
_CONSTANT_RANGE = (sp.Rational(1, 10**9), sp.Integer(10**9))
#: ... where no symbol is in an exponent
_WIDE_CONSTANT_RANGE = (sp.Rational(1, 10**100), sp.Integer(10**100))


@functools.lru_cache(maxsize=4096)
def _constants_of(e) -> tuple[bool, frozenset]:
    """Whether a symbol is in an exponent of ``e``, and the absolute values of its rational constants: one
    traversal, kept per expression (the claims of a paper share their assumptions)."""
    found = e.atoms(sp.Pow, sp.Rational)
    return (any(a.exp.free_symbols for a in found if isinstance(a, sp.Pow)),
            frozenset(abs(a) for a in found if isinstance(a, sp.Rational)))


def _simple_draws(plan: Plan, n: int) -> dict:
    """Up to ``n`` exact points, simplest first (every symbol's simple values together before any one's
    rarer ones): :data:`_SIMPLE` and the rational constants of the statements and assumptions with their
    neighbours (``c``, ``c + 1``, ``c - 1``, ``-c``), each where its symbol's own assumptions allow it."""
    found = [_constants_of(e) for e in (*(k.expr for k in plan.statements), *plan.assumptions.expr)]
    # a symbol in an exponent (2**x at x = 10**30) keeps the range; else the statement's own 10**-40 is drawn
    low, high = _CONSTANT_RANGE if any(exponent for exponent, _ in found) else _WIDE_CONSTANT_RANGE
    every = sorted({c for _, constants in found for c in constants if low <= c <= high}, key=lambda c: (c.q, c.p))
    # the simplest six, and the smallest and the largest (Ne(x, 10**-40) beside eight small integers)
    constants = list(dict.fromkeys(every[:6] + ([min(every), max(every)] if every else [])))
    near = [v for c in constants for v in (c, c + 1, c - 1, -c)]
    candidates = list(dict.fromkeys((*_SIMPLE, *near)))
    per_symbol = [[v for v in candidates if respects_symbol_assumptions({s: v})] for s in plan.symbols]
    if not plan.symbols or any(not v for v in per_symbol):
        return {}
    rows = []
    for index in simplest_first([len(v) for v in per_symbol]):
        rows.append([vals[i] for vals, i in zip(per_symbol, index)])
        if len(rows) >= n:
            break
    return {s: RationalArray.from_values([Fraction(int(r[j].p), int(r[j].q)) for r in rows])
            for j, s in enumerate(plan.symbols)}


def _exact_in_sympy(plan: Plan, kernel: Kernel, values, args, want, tally: _Tally) -> None:
    """Where a kernel has no rational evaluation (a root, a real power, exp), its exact draws -- mostly on the
    boundaries -- decided on balls and the first the balls leave open in SymPy (:func:`_exact_on_balls`)."""
    _exact_on_balls(plan, kernel, values, args, np.flatnonzero(own_assumptions_hold(plan.symbols, args)), want,
                    tally)


def _exact_on_balls(plan: Plan, kernel: Kernel, values, args, rows, want, tally: _Tally) -> None:
    """Exact draws ``rows`` without a rational evaluation (a root, exp, powers too large to take exactly) decided
    on balls (:mod:`numeric.balls`), the first :data:`BALL_ROWS`; the first :data:`SYMPY_EXACT_DRAWS` the balls
    leave open -- ties such as ``sqrt(3 x) > 1`` at ``x = 1/3``, which no float is -- in SymPy."""
    if not rows.size:
        return
    take = rows[:BALL_ROWS]
    held, value = _on_balls(plan, kernel, [a[take].to_fractions() for a in args])
    counted = (held == True) & (value != None)  # noqa: E711,E712 (Kleene's truth values: True, False or None)
    tally.exact_checked += int(counted.sum())
    tally.failed(values, plan.symbols, take[counted & (value != want)])
    left = take[~((held == False) | counted)][:SYMPY_EXACT_DRAWS]  # noqa: E712
    if left.size:
        tally.exact_checked += _redecide(plan, kernel, values, left, [a[left] for a in args], want, tally).admitted


def _confirm(plan: Plan, kernel: Kernel, values, rows, want, tally: _Tally, limit: int,
             defined_in_floats: Kernel | None = None) -> None:
    """Re-decide float failures exactly (a float is an exact binary rational); only confirmed ones count.
    Past ``limit``, a failure where the statement is undefined in floats (``defined_in_floats``) is no failure."""
    if rows.size > limit:
        _left_open(plan, values, rows[limit:], defined_in_floats, tally)
        rows = rows[:limit]
    exact_args = as_exact(values, plan.symbols, rows)
    try:
        held, held_defined, held_done = exact_truth_split(plan.assumptions.exact, exact_args,
                                                          time.monotonic() + EXACT_POWER_SECONDS)
        value, value_defined, value_done = exact_truth_split(kernel.exact, exact_args,
                                                             time.monotonic() + EXACT_POWER_SECONDS)
    except KernelError:
        # no rational evaluation (real powers, roots): balls, then SymPy, decide the draws
        tally.unavailable = True
        _confirm_on_balls(plan, kernel, values, rows, want, tally, defined_in_floats)
        return
    # v**n at n = 10**6 is beyond exact powers: balls decide such draws, then SymPy a few (at high precision),
    # unless the assumptions are false there
    done = held_done & (value_done | (held_defined & ~held))
    if not done.all():
        _confirm_on_balls(plan, kernel, values, rows[~done], want, tally, defined_in_floats)
        rows, held, held_defined, value, value_defined = (a[done] for a in (rows, held, held_defined, value,
                                                                             value_defined))
    # a zero denominator stops the eager rational evaluation of a draw where Kleene's logic may still settle
    # it (Or(x != 0, 1/x > 5) is true at x = 0, an assumption too): such draws are decided in SymPy, as the
    # engine reads them; a draw whose assumptions are defined and false is no admissible draw
    decided = (held_defined & ~held) | (held_defined & value_defined)
    _confirm_in_sympy_rows(plan, kernel, values, rows[~decided], want, tally, defined_in_floats)
    _count(plan, values, rows[decided], (held & value_defined & (value != want))[decided], tally)
    tally.excluded += int((held_defined & ~held).sum())


def _confirm_on_balls(plan: Plan, kernel: Kernel, values, rows, want, tally: _Tally,
                      defined_in_floats: Kernel | None) -> None:
    """Float failures without an exact evaluation re-decided on balls (:mod:`numeric.balls`), the first
    :data:`BALL_ROWS` of them; those the balls do not settle (a tie, a value undefined there), in SymPy."""
    if not rows.size:
        return
    take = rows[:BALL_ROWS]
    held, value = _on_balls(plan, kernel, [a.to_fractions() for a in as_exact(values, plan.symbols, take)])
    admitted = held == True  # noqa: E712 (Kleene's truth values: True, False or None)
    excluded = held == False  # noqa: E712
    settled = excluded | (admitted & (value != None))  # noqa: E711
    _count(plan, values, take[settled], (admitted & (value != want) & (value != None))[settled], tally)  # noqa: E711
    tally.excluded += int(excluded.sum())
    _confirm_in_sympy_rows(plan, kernel, values, np.concatenate([take[~settled], rows[BALL_ROWS:]]), want, tally,
                           defined_in_floats)


#: float failures re-decided on balls per kernel and call (each a few tens of microseconds)
BALL_ROWS = 20_000


def _on_balls(plan: Plan, kernel: Kernel, columns) -> tuple[np.ndarray, np.ndarray]:
    """The assumptions and the statement at each draw on balls: Kleene's truth values (True, False or None)."""
    return (np.array(ball_truth(plan.assumptions, columns), dtype=object),
            np.array(ball_truth(kernel, columns), dtype=object))


def _confirm_in_sympy_rows(plan: Plan, kernel: Kernel, values, rows, want, tally: _Tally,
                           defined_in_floats: Kernel | None) -> None:
    """Float failures re-decided in SymPy (up to its limit; the rest left open, or undefined in floats)."""
    if not rows.size:
        return
    done = _redecide(plan, kernel, values, rows, as_exact(values, plan.symbols, rows), want, tally)
    tally.resolved += done.settled - done.failed  # rounding, or a draw the assumptions exclude
    tally.excluded += done.settled - done.admitted
    tally.unconfirmed += done.open.size
    _left_open(plan, values, done.past, defined_in_floats, tally)


def _undefined_in_floats(plan: Plan, kernel: Kernel, values, rows, want, tally: _Tally) -> None:
    """Draws as wanted in floats but where the statement is undefined in floats: re-decided in SymPy (up to its
    limit), where an exactly undefined one is counted as such (a proof excludes it) and one Kleene's logic
    settles against the verdict is a failure; the others, and those past the limit, count as undefined."""
    done = _redecide(plan, kernel, values, rows, as_exact(values, plan.symbols, rows), want, tally)
    tally.undefined += done.open.size + done.past.size


@dataclass(frozen=True)
class _Redecided:
    settled: int  # draws SymPy settled: failures, as wanted, or outside the assumptions
    failed: int  # of those, confirmed failures
    admitted: int  # of those, inside the assumptions
    open: np.ndarray  # rows it could not settle (too close to a boundary), the statement defined
    past: np.ndarray  # rows past its limit of distinct points, not re-decided


def _redecide(plan: Plan, kernel: Kernel, values, rows, exact_args, want, tally: _Tally) -> _Redecided:
    """Draws ``rows`` (exactly ``exact_args``) re-decided in SymPy, as the engine reads them, each distinct point
    once (exact draws repeat a boundary point hundreds of times), up to its limit of distinct points.

    Counts in ``tally`` the confirmed failures and the draws where the statement is exactly undefined (which
    a proof excludes); what the rest means is the caller's to say."""
    points = list(zip(*(a.num.tolist() for a in exact_args), *(a.den.tolist() for a in exact_args)))
    first: dict = {}
    for i, point in enumerate(points):
        first.setdefault(point, i)
    distinct = np.fromiter(first.values(), dtype=np.intp, count=len(first))
    bad_d, settled_d, undefined_d, admitted_d = _confirm_in_sympy(plan, kernel, [a[distinct] for a in exact_args],
                                                                  want)
    which = {points[i]: j for j, i in enumerate(distinct[:bad_d.size])}
    index = np.fromiter((which.get(point, -1) for point in points), dtype=np.intp, count=len(points))
    covered = index >= 0
    bad, settled, undefined, admitted = (np.zeros(len(points), dtype=bool) for _ in range(4))
    for out, part in ((bad, bad_d), (settled, settled_d), (undefined, undefined_d), (admitted, admitted_d)):
        out[covered] = part[index[covered]]
    tally.undefined += int(undefined.sum())
    tally.undefined_exact += int(undefined.sum())
    if undefined.any() and tally.first_undefined is None:
        tally.first_undefined = exact_row(values, plan.symbols, int(rows[np.flatnonzero(undefined)[0]]))
    tally.failed(values, plan.symbols, rows[settled & bad])
    return _Redecided(int(settled.sum()), int((settled & bad).sum()), int((settled & admitted).sum()),
                      rows[covered & ~settled & ~undefined], rows[~covered])


def _count(plan: Plan, values, rows, bad, tally: _Tally) -> None:
    """Re-decided rows: the failures confirmed, the rest rounding."""
    tally.failed(values, plan.symbols, rows[bad])
    tally.resolved += rows.size - int(bad.sum())


def _left_open(plan: Plan, values, rows, defined: Kernel | None, tally: _Tally) -> None:
    """Float failures not re-decided: open, but for those where the statement is undefined in floats."""
    if defined is None or not rows.size:
        tally.unconfirmed += rows.size
        return
    undefined = int((~np.asarray(defined(*[values[s][rows] for s in plan.symbols]), dtype=bool)).sum())
    tally.undefined += undefined
    tally.unconfirmed += rows.size - undefined


def _confirm_in_sympy(plan: Plan, kernel: Kernel, exact_args, want) -> tuple[np.ndarray, ...]:
    """Re-decide float failures in SymPy: exactly (:func:`symbolic.certify.holds`), or at high
    precision where exponents are symbolic.

    Returns, for the first :data:`_SYMPY_CONFIRM_LIMIT` rows, which are confirmed failures, which
    were settled at all (too close to a boundary is not), where the assumptions hold but the
    statement is undefined (neither), and where the assumptions hold; rows beyond the limit and
    unsettled rows are reported by the caller, not counted.
    """
    n = len(exact_args[0]) if exact_args else 0
    atoms = tuple(plan.assumptions.expr)
    decide = holds_high_precision if symbolic_exponents(kernel.expr, atoms) else holds
    take = min(n, _SYMPY_CONFIRM_LIMIT)
    until = time.monotonic() + TIE_BUDGET
    columns = [a.to_fractions()[:take] for a in exact_args]
    bad, settled, undefined = np.zeros(take, dtype=bool), np.ones(take, dtype=bool), np.zeros(take, dtype=bool)
    admitted = np.zeros(take, dtype=bool)
    for i in range(take):
        point = {s: sp.Rational(col[i].numerator, col[i].denominator) for s, col in zip(plan.symbols, columns)}
        try:
            if not all_hold(atoms, point, until, decide):
                continue
        except Uncertifiable:
            settled[i] = False
            continue
        admitted[i] = True
        try:
            bad[i] = with_ties(decide, kernel.expr, point, until) != want
        except Uncertifiable as exc:
            settled[i] = False
            undefined[i] = is_undefined(exc) and (decide is holds or surely_undefined(
                kernel.expr, point))
    return bad, settled, undefined, admitted


def check_statement(statement, assumptions=(), *, samples: int = DEFAULT_SAMPLES,
                    exact_samples: int = DEFAULT_EXACT_SAMPLES, seed: int = 0, label: str = "",
                    boundary_share: float = DEFAULT_BOUNDARY_SHARE, want: bool = True,
                    confirm_limit: int = 100_000, paper_samplers: Sequence | None = None) -> StatementCheck:
    """Draw admissible points and count those where ``statement`` is not ``want``.

    ``want=True`` checks a universal claim (failures are counterexamples);
    ``want=False`` checks that no instance exists (failures are instances).
    ``assumptions`` is a Boolean, a sequence of them or a name -> Boolean mapping.
    At most ``confirm_limit`` float failures are re-decided exactly.  ``paper_samplers``: see
    :func:`samplers`.
    """
    statement = as_sympy(statement)
    return check_group((statement,), (want,), assumption_tuple(assumptions), samples=samples,
                        exact_samples=exact_samples, seed=seed, label=label or sp.sstr(statement)[:200],
                        boundary_share=boundary_share, confirm_limits=(confirm_limit,),
                        paper_samplers=paper_samplers, counted=(want,))[0]


def _hypothesis_of(statement):
    """The hypothesis of an implication (``A`` of ``Implies(A, B)``), else ``None``."""
    return statement.args[0] if isinstance(statement, sp.Implies) else None


def draw_admissible(statement, assumptions=(), *, n: int = 1000, seed: int = 0, exact: bool = False,
                    boundary_share: float = DEFAULT_BOUNDARY_SHARE) -> dict:
    """``n`` draws (before filtering) with a boolean ``"admissible"`` mask, for users' own checks.

    >>> x = sp.Symbol("x", positive=True)
    >>> d = draw_admissible(x > 0, [x <= 2], n=100)
    >>> bool(d["admissible"].all()) and bool((d[x] <= 2).all())
    True
    """
    statement = as_sympy(statement)
    plan = plan_for((statement,), assumption_tuple(assumptions))
    rng = seed_for(seed, sp.sstr(statement)[:200])
    values = draw_points(plan, n, rng, exact, boundary_share)
    args = [values[s] for s in plan.symbols]
    if exact:  # a zero denominator stops the eager evaluation: Kleene's logic decides (Or(Eq(x, 0), 1/x > 1))
        try:
            held, defined = exact_truth(plan.assumptions.exact, args)
        except KernelError:  # no rational evaluation (Eq(x, GoldenRatio)): every draw as the engine reads it
            held, defined = np.zeros(n, dtype=bool), np.zeros(n, dtype=bool)
        values["admissible"] = held & defined
        stopped = np.flatnonzero(~defined)
        if stopped.size:
            values["admissible"][stopped] = _kleene_holds(plan, [a[stopped] for a in args])
    else:
        values["admissible"] = np.asarray(plan.assumptions(*args), dtype=bool)
    return values


def _kleene_holds(plan: Plan, args) -> np.ndarray:
    """Whether the assumptions hold at exact draws where their eager evaluation stopped: on balls, else in
    SymPy (as the engine reads them, :func:`all_hold`); a draw neither settles is not admissible."""
    columns = [a.to_fractions() for a in args]
    until = time.monotonic() + TIE_BUDGET
    out = []
    for i, ball in enumerate(ball_truth(plan.assumptions, columns)):
        if ball is None:
            point = {s: sp.Rational(col[i].numerator, col[i].denominator) for s, col in zip(plan.symbols, columns)}
            try:
                ball = all_hold(plan.assumptions.expr, point, until)
            except Uncertifiable:
                ball = False
        out.append(bool(ball))
    return np.array(out, dtype=bool)
