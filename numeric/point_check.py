"""A single point -- a counterexample, a witness -- re-evaluated exactly (decides) and in floats (reported)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np
import sympy as sp

from symbolic.certify import Uncertifiable, holds, respects_symbol_assumptions
from symbolic.constructs import exact_floats

from .draws import NotCheckable, as_sympy, assumption_tuple, plan_for
from .exact import RationalArray, as_fraction
from .kernels import KernelError
from .samplers import flatten_atoms
from .sympy_points import TIE_BUDGET, all_hold, is_undefined, with_ties

__all__ = ["PointCheck", "evaluate_point"]


@dataclass(frozen=True)
class PointCheck:
    """A point re-evaluated: exactly (decides) and in floats (reported)."""

    assumptions_hold: bool
    statement_holds: bool | None  #: ``None`` where the statement is undefined at the point
    float_assumptions_hold: bool | None  #: ``None`` where floats cannot hold a value (10**400)
    float_statement_holds: bool | None
    exact: bool  #: False when the point or the expressions have no exact rational evaluation

    @property
    def float_agrees(self) -> bool:
        return (self.float_assumptions_hold, self.float_statement_holds) == (self.assumptions_hold,
                                                                             self.statement_holds)


def evaluate_point(statement, assumptions, point: Mapping, paper_samplers: Sequence | None = None) -> PointCheck:
    """Evaluate assumptions and statement at ``point`` ({Symbol: exact value}).

    >>> x = sp.Symbol("x", positive=True)
    >>> evaluate_point(x < 1, [x >= 1], {x: sp.Integer(1)})
    PointCheck(assumptions_hold=True, statement_holds=False, float_assumptions_hold=True, float_statement_holds=False, exact=True)
    """
    # Floats are read as the decimals they print as, as the engine and the kernels read them (SymPy's own
    # evaluation would take 3*0.1 > 0.3 in binary): in the statement, the assumptions and the point alike
    assumptions = tuple(exact_floats(a)[0] for a in assumption_tuple(assumptions))
    statement = exact_floats(as_sympy(statement))[0]
    plan = plan_for((statement,), assumptions, paper_samplers)
    kernel = plan.statements[0]
    by_name = {getattr(k, "name", str(k)): exact_floats(v)[0] if isinstance(v, sp.Basic) else v
               for k, v in point.items()}
    missing = [s.name for s in plan.symbols if s.name not in by_name]
    if missing:
        raise ValueError(f"the point gives no value for {', '.join(missing)}")
    raw = [by_name[s.name] for s in plan.symbols]
    raw = [as_sympy(v, f"the value of {s.name}") for s, v in zip(plan.symbols, raw)]
    if any(v.is_extended_real is False for v in raw):  # x = I: no point of a claim on real numbers
        return PointCheck(False, None, False, None, True)
    try:
        floats = [np.array([float(sp.N(v, 30)) if isinstance(v, sp.Basic) else float(v)]) for v in raw]
        # a closed statement (no symbols left) evaluates to one value, not an array of one
        fa, fs = bool(np.ravel(plan.assumptions(*floats))[0]), bool(np.ravel(kernel(*floats))[0])
    except OverflowError:  # a value or a constant beyond the float range: the exact reading alone
        fa = fs = None
    try:
        exact_args = [RationalArray.from_values([as_fraction(v)]) for v in raw]
        ea, es = bool(plan.assumptions.exact(*exact_args)[0]), bool(kernel.exact(*exact_args)[0])
        exact = True
    except (TypeError, ValueError, KernelError, ZeroDivisionError):
        # an algebraic point (a root object): SymPy decides it exactly
        subs = {s: sp.sympify(v) for s, v in zip(plan.symbols, raw)}
        try:
            until = time.monotonic() + TIE_BUDGET
            ea = all_hold(flatten_atoms(assumptions), subs, until)
        except Uncertifiable as exc:
            if not is_undefined(exc):
                return _in_floats(fa, fs)
            ea = False  # an assumption undefined there holds nowhere there (floats may call 1/0 inf)
        try:
            es = with_ties(holds, statement, subs, time.monotonic() + TIE_BUDGET)
        except Uncertifiable as exc:
            if not is_undefined(exc):
                return _in_floats(fa, fs)
            es = None  # undefined exactly: neither a counterexample nor an instance
        exact = True
    # a point that breaks a symbol's own assumption (p = 4 for a prime p, a = -1 for a positive a) is outside
    # every claim about that symbol, whatever the kernels, which take any real, say
    if not respects_symbol_assumptions({s: sp.sympify(v) for s, v in zip(plan.symbols, raw)}):
        ea = fa = False
    return PointCheck(ea, es, fa, fs, exact)


def _in_floats(fa, fs) -> PointCheck:
    """A point SymPy could not settle exactly: its float reading, where floats could read it at all."""
    if fa is None:
        raise NotCheckable("beyond the float range, and not settled exactly")
    return PointCheck(fa, fs, fa, fs, False)
