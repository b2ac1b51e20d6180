r"""The 0/1 knapsack, exactly: a selection is called optimal only when exact arithmetic proves it.

.. math::  \max \sum_i v_i x_i \quad\text{s.t.}\quad \sum_i w_i x_i \le C,\ x_i \in \{0, 1\},

with :math:`v_i, w_i > 0` and every number a :class:`~fractions.Fraction` (a float is
an exact binary rational).  The steps:

1. **Reduction** (Dembo and Hammer): with items in decreasing order of value per
   unit and the LP relaxation's critical ratio :math:`r_b` (value :math:`U`),
   forcing item :math:`k` away from its LP value lowers the bound by at least
   :math:`|v_k - r_b w_k|`; where :math:`U - |v_k - r_b w_k|` is below a feasible
   selection's value, no better selection moves item :math:`k`, and it is fixed.
2. A **candidate**: greedy by value per unit; where the core is too large for
   the quick exact search of step 3, **HiGHS** (:func:`scipy.optimize.milp`,
   relative gap 0) in floats, its answer re-checked for feasibility exactly.
   HiGHS's integrality and feasibility tolerances (about :math:`10^{-6}`) make
   its "optimal" unreliable where weights are large (:math:`10^{13}`) or nearly
   proportional to values: a candidate is never reported optimal on its word.
3. **Proof**, exactly: the candidate meets the LP bound; or an exhaustive search
   of the core -- meet in the middle for up to 40 items, otherwise depth-first
   branch and bound with the LP bound -- finishes within the time limit (and
   returns a better selection where HiGHS missed one).  Otherwise the selection
   is the best found, *not* proved optimal, and says so.

>>> s = solve_knapsack([10, 6, 6], [10, 5, 5], 10)
>>> s.chosen, s.proved_optimal
((1, 2), True)
"""

from __future__ import annotations

import contextlib
import math
import os
import sys
import time
from dataclasses import dataclass
from fractions import Fraction
from typing import Sequence

import numpy as np

__all__ = ["Selection", "solve_knapsack", "lp_bound", "knapsack_dp", "quiet_stdout"]

#: the core an exhaustive meet-in-the-middle search takes (2 x 2^20 subsets)
MEET_IN_THE_MIDDLE_ITEMS = 40


@dataclass(frozen=True)
class Selection:
    """A feasible selection (indices into the items) and what is known about it."""

    chosen: tuple[int, ...]
    proved_optimal: bool
    method: str  #: how it was found and, if so, how optimality was proved (words)


def solve_knapsack(values: Sequence, weights: Sequence, capacity, *, time_limit: float = 60.0) -> Selection:
    """The best selection the steps above find within ``time_limit`` seconds, exactly feasible."""
    deadline = time.monotonic() + time_limit
    v, w, cap = [Fraction(x) for x in values], [Fraction(x) for x in weights], Fraction(capacity)
    if len(v) != len(w) or any(x <= 0 for x in (*v, *w)) or cap < 0:
        raise ValueError("the knapsack takes positive values and weights, as many of each, and a capacity >= 0")
    if not v:
        return Selection((), True, "no proposal needs public money: nothing to choose among")
    fixed_in, core = _reduce(v, w, cap)
    too_large = sum(x > cap for x in w)
    note = f"{len(v) - len(core) - too_large} of {len(v)} fixed by exact LP bounds" + (
        f", {too_large} over the budget alone" if too_large else "")
    if not core:
        return Selection(tuple(sorted(fixed_in)), True, f"exact LP-bound reduction ({note}); nothing left")
    room = cap - sum((w[k] for k in fixed_in), Fraction(0))
    vc, wc = [v[k] for k in core], [w[k] for k in core]
    where = f"the core of {len(core)} ({note})"
    best, source = _greedy_by_ratio(vc, wc, room), "greedy by value per unit"
    bound, said = lp_bound(vc, wc, room), ""
    open_question = _value(vc, best) < bound  # else the greedy selection meets the LP bound: nothing to search
    V, W, C = _integers(vc, wc, room) if open_question else ((), (), 0)
    quick = open_question and _meet_in_the_middle_fits(V, W)
    if open_question and not quick:  # HiGHS only where no exact search is quick
        candidate, said = _highs(vc, wc, room, deadline)
        if candidate is not None and _value(vc, candidate) >= _value(vc, best):
            best, source = candidate, "HiGHS"
    found = f"{source} on {where}" + (f" (HiGHS: {said})" if said else "")
    if _value(vc, best) == bound:
        method, proved = f"{found}; proved optimal: it meets the exact LP bound", True
    else:
        searched, search = _exhaustive(V, W, C, quick, best, deadline)
        proved = searched is not None
        if not proved:
            method = f"{found}; not proved optimal: {search} did not finish within the time limit"
        elif _value(vc, searched) > _value(vc, best):
            method = f"{search} of {where}, proved optimal ({source} found less)"
        else:
            method = f"{found}; proved optimal by {search}"
        best = searched if proved else best
    return Selection(tuple(sorted(fixed_in + [core[i] for i in best])), proved, method)


def _value(values, chosen) -> Fraction:
    return sum((values[i] for i in chosen), Fraction(0))


def _greedy_by_ratio(v, w, cap) -> list[int]:
    """A feasible start: down the ratio order, skipping what does not fit; or the best single item."""
    room, picked = cap, []
    for k in sorted(range(len(v)), key=lambda k: v[k] / w[k], reverse=True):
        if w[k] <= room:
            picked.append(k)
            room -= w[k]
    single = max((k for k in range(len(v)) if w[k] <= cap), key=lambda k: v[k], default=None)
    if single is not None and v[single] > _value(v, picked):
        picked = [single]
    return sorted(picked)


def _reduce(v: list, w: list, cap: Fraction) -> tuple[list[int], list[int]]:
    """Items fixed in the optimum by exact LP bounds, and the core left to decide (indices)."""
    fits = [k for k in range(len(v)) if w[k] <= cap]
    order = sorted(fits, key=lambda k: v[k] / w[k], reverse=True)
    room, upper, critical = cap, Fraction(0), None
    for pos, k in enumerate(order):
        if w[k] <= room:
            room, upper = room - w[k], upper + v[k]
        else:
            critical = pos
            break
    if critical is None:  # everything that fits at all fits together
        return order, []
    b = order[critical]
    ratio = v[b] / w[b]
    upper += room * ratio
    incumbent = max(_value(v, _greedy_by_ratio(v, w, cap)), max(v[k] for k in fits))
    fixed_in, core = [], []
    for pos, k in enumerate(order):
        if k != b and upper - abs(v[k] - ratio * w[k]) < incumbent:
            if pos < critical:
                fixed_in.append(k)
            # items after the critical one are fixed out: simply not selected
        else:
            core.append(k)
    return fixed_in, core


def lp_bound(values, weights, capacity) -> Fraction:
    """The fractional knapsack (the LP relaxation), exactly: no selection is worth more."""
    room, total = Fraction(capacity), Fraction(0)
    for k in sorted(range(len(values)), key=lambda k: Fraction(values[k]) / Fraction(weights[k]), reverse=True):
        if weights[k] <= room:
            room, total = room - weights[k], total + values[k]
        else:
            return total + Fraction(values[k]) * room / Fraction(weights[k])
    return total


@contextlib.contextmanager
def quiet_stdout():
    """HiGHS's C++ code may print to file descriptor 1: that would corrupt ``--json`` output."""
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 1)
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def _highs(v, w, room: Fraction, deadline: float) -> tuple[list[int] | None, str]:
    """HiGHS's candidate on the items (indices), exactly feasible, or None; and what HiGHS said."""
    from scipy import optimize  # imported when a round is solved, not when the package loads

    try:
        vc, wc, limit = np.array([float(x) for x in v]), np.array([float(x) for x in w]), float(room)
    except OverflowError:
        return None, "not run: the numbers are beyond floating-point range"
    for attempt in range(8):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return None, "no time left"
        with quiet_stdout():
            res = optimize.milp(c=-vc, constraints=optimize.LinearConstraint(wc[None, :], -np.inf, limit),
                                integrality=np.ones(len(v)), bounds=optimize.Bounds(0, 1),
                                options={"mip_rel_gap": 0.0, "presolve": True, "time_limit": remaining})
        if res.x is None:
            return None, "no selection within the time limit" if res.status == 1 else f"no solution ({res.message})"
        chosen = [i for i in range(len(v)) if res.x[i] > 0.5]
        if sum((w[i] for i in chosen), Fraction(0)) <= room:
            said = {0: "optimal in floats, relative gap 0", 1: "its best at the time limit"}.get(res.status, res.message)
            tightened = "" if attempt == 0 else f", after the budget was tightened {attempt} time(s)"
            return chosen, f"{said}{tightened}"
        # within HiGHS's feasibility tolerance but over the budget exactly: ask again with less room
        limit = float(room) - float(sum((w[i] for i in chosen), Fraction(0)) - room) - abs(limit) * 1e-12 - 1e-300
    return None, "its selections stayed over the budget in exact arithmetic"


def _integers(v, w, room: Fraction) -> tuple[list[int], list[int], int]:
    """The same knapsack in integers: weights and capacity times one common denominator, values another."""
    scale_w = math.lcm(*(x.denominator for x in w), room.denominator)
    scale_v = math.lcm(*(x.denominator for x in v))
    return [int(x * scale_v) for x in v], [int(x * scale_w) for x in w], int(room * scale_w)


def _meet_in_the_middle_fits(V: list[int], W: list[int]) -> bool:
    """Small enough for the exact meet-in-the-middle search (its sums in 64-bit integers)."""
    return len(V) <= MEET_IN_THE_MIDDLE_ITEMS and sum(W) < 2**62 and sum(V) < 2**62


def _exhaustive(V: list[int], W: list[int], C: int, quick: bool, start: list[int],
                deadline: float) -> tuple[list[int] | None, str]:
    """The optimum of the knapsack in integers by an exhaustive exact search (meet in the middle where
    ``quick``, else branch and bound; None if it did not finish in time), and the search's name."""
    if quick:
        return _meet_in_the_middle(V, W, C), f"an exact search of all 2^{len(V)} selections (meet in the middle)"
    try:
        return _branch_and_bound(V, W, C, start, deadline), "an exact branch and bound"
    except TimeoutError:
        return None, "an exact branch and bound"


def _subset_sums(V, W):
    """Values and weights of every subset of the items, subset ``s`` at index ``s`` (bit k: item k)."""
    values, weights = np.zeros(1, dtype=np.int64), np.zeros(1, dtype=np.int64)
    for v, w in zip(V, W):
        values, weights = np.concatenate([values, values + v]), np.concatenate([weights, weights + w])
    return values, weights


def _meet_in_the_middle(V, W, C) -> list[int]:
    half = len(V) // 2
    va, wa = _subset_sums(V[:half], W[:half])
    vb, wb = _subset_sums(V[half:], W[half:])
    order = np.argsort(wb, kind="stable")
    wb_sorted = wb[order]
    # for each weight bound, the most valuable subset of the second half within it
    best_at = np.maximum.accumulate(vb[order])
    best_index = order[np.maximum.accumulate(np.where(vb[order] == best_at, np.arange(len(order)), 0))]
    fits = wa <= C
    pos = np.searchsorted(wb_sorted, C - wa, side="right") - 1
    totals = np.where(fits & (pos >= 0), va + best_at[np.maximum(pos, 0)], -1)
    a = int(np.argmax(totals))
    b = int(best_index[pos[a]])
    return [k for k in range(half) if a >> k & 1] + [half + k for k in range(len(V) - half) if b >> k & 1]


def _branch_and_bound(V, W, C, start: list[int], deadline: float) -> list[int]:
    """Depth first over the items in ratio order, pruned by the LP bound (integers, exact); TimeoutError past
    ``deadline``."""
    order = sorted(range(len(V)), key=lambda k: Fraction(V[k], W[k]), reverse=True)
    v, w = [V[k] for k in order], [W[k] for k in order]
    n = len(v)
    best_value, best = sum(V[k] for k in start), [order.index(k) for k in start]

    def bound(k, room, value):  # the LP relaxation from item k on, rounded down (totals are integers)
        for i in range(k, n):
            if w[i] <= room:
                room, value = room - w[i], value + v[i]
            else:
                return value + room * v[i] // w[i]
        return value

    stack = [(0, C, 0, ())]
    nodes = 0
    while stack:
        k, room, value, taken = stack.pop()
        nodes += 1
        if nodes % 64 == 0 and time.monotonic() > deadline:
            raise TimeoutError
        if value > best_value:
            best_value, best = value, list(taken)
        if k == n or bound(k, room, value) <= best_value:
            continue
        stack.append((k + 1, room, value, taken))  # without item k, explored after
        if w[k] <= room:
            stack.append((k + 1, room - w[k], value + v[k], taken + (k,)))
    return sorted(order[i] for i in best)


def knapsack_dp(values: Sequence[int], weights: Sequence[int], capacity: int) -> tuple[int, list[int]]:
    """The exact 0/1 knapsack optimum by dynamic programming over integer capacities (a referee for tests).

    >>> knapsack_dp([10, 6, 6], [10, 5, 5], 10)
    (12, [1, 2])
    """
    if any(not isinstance(x, int) or x < 0 for x in (*values, *weights)) or capacity < 0:
        raise ValueError("the referee takes non-negative integers")
    best = [0] * (capacity + 1)
    keep = []
    for v, w in zip(values, weights):
        row = [False] * (capacity + 1)
        for cap in range(capacity, w - 1, -1):
            if best[cap - w] + v > best[cap]:
                best[cap] = best[cap - w] + v
                row[cap] = True
        keep.append(row)
    cap, chosen = capacity, []
    for k in range(len(values) - 1, -1, -1):
        if keep[k][cap]:
            chosen.append(k)
            cap -= weights[k]
    return best[capacity], sorted(chosen)
