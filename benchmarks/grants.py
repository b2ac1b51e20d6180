"""Benchmark of the grant round (numeric.grants).  Run: ``python benchmarks/grants.py [--quick]``.

Targets, measured in this one run:

1. n = 10^4 proposals with integer data: the whole round (shares, the optimal selection
   by HiGHS re-checked exactly, the LP bound, both ranking rules) within a few seconds
   (target <= 5 s wall);
2. the same optimum as a dynamic-programming baseline on the same integer data (NumPy,
   O(n B)), timed side by side (the ratio is printed);
3. float data of the same size: the selection is exactly feasible and within the LP bound.

Prints one PASS/FAIL line per target; exit status 1 if any fails.
"""

from __future__ import annotations

import os
import sys
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from numeric.grants import grant_round  # noqa: E402


def proposals(n, seed=0):
    """Integer proposals: cost, private return below it (so each needs public money), net return >= 0."""
    rng = np.random.default_rng(seed)
    cost = rng.integers(10, 200, n)
    private = (cost * rng.uniform(0, 0.9, n)).astype(int)
    social = cost + rng.integers(0, 300, n)
    return cost, social, private


def dp_baseline(values, weights, capacity):
    """0/1 knapsack by dynamic programming over integer capacities, vectorised over the capacity."""
    best = np.zeros(capacity + 1, dtype=np.int64)
    for v, w in zip(values, weights):
        if w <= capacity:
            np.maximum(best[w:], best[:capacity + 1 - w] + v, out=best[w:])
    return int(best[capacity])


def main(argv=None) -> int:
    quick = "--quick" in (argv or sys.argv[1:])
    n = 2000 if quick else 10**4
    print(f"load average {os.getloadavg()[0]:.2f}; n = {n:,}")
    cost, social, private = proposals(n)
    names = [f"p{i:05d}" for i in range(n)]
    g = cost - private
    budget = int(g.sum() // 4)
    grant_round(names[:5], cost[:5].tolist(), social[:5].tolist(), private[:5].tolist(), 10)  # warm up

    t = time.perf_counter()
    r = grant_round(names, cost.tolist(), social.tolist(), private.tolist(), budget)
    ours = time.perf_counter() - t
    ok = ours <= 5
    print(f"{'PASS' if ok else 'FAIL'} 1. n = {n:,}, budget {budget:,}: the round in {ours:.2f} s (target <= 5 s); "
          f"{len(r.selected):,} selected, proved optimal exactly: {r.certified_optimal} ({r.solver.split('; ')[-1]})")

    net = social - cost
    keep = net > 0
    t = time.perf_counter()
    best = dp_baseline(net[keep].tolist(), g[keep].tolist(), budget)
    base = time.perf_counter() - t
    same = r.total_net_return == best
    ok &= same
    print(f"{'PASS' if same else 'FAIL'} 2. optimum {r.total_net_return} against the DP baseline {best} "
          f"({base:.2f} s; ratio {ours / base:.2f})")
    for rule in r.rules.values():
        print(f"     rule by {rule.rule}: {rule.total_net_return} ({100 * rule.shortfall_share:.3f}% short)")

    rng = np.random.default_rng(1)
    c = rng.uniform(1, 10, n)
    R = c * rng.uniform(1, 3, n)
    pi = R * rng.uniform(0, 0.4, n)
    B = float(np.maximum(0, c - pi).sum() / 5)
    t = time.perf_counter()
    f = grant_round(names, c.tolist(), R.tolist(), pi.tolist(), B)
    elapsed = time.perf_counter() - t
    feasible = f.public_spending <= B and f.total_net_return <= f.lp_bound * (1 + 1e-12)
    ok &= feasible
    print(f"{'PASS' if feasible else 'FAIL'} 3. float data: {elapsed:.2f} s, spending {f.public_spending:.6g} <= "
          f"budget {B:.6g} (checked exactly), optimum {f.total_net_return:.8g} <= LP bound {f.lp_bound:.8g}; "
          f"proved optimal exactly: {f.certified_optimal} ({f.solver.split('; ')[-1]})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
