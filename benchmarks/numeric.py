"""Benchmarks of the numeric core (issue 3 §7).  Run: ``python benchmarks/numeric.py [--quick]``.

Targets, each measured in this one run (ratios, so the machine's speed cancels):

1. enumeration at J = 10^6 float sectors: median within 1.5x of a hand-fused NumPy
   expression of the same test, run side by side;
2. at least 100x faster than the O(J^2) pairwise check at J = 10^4;
3. peak memory (tracemalloc, which sees NumPy's buffers) under 200 MB at J = 10^6;
4. spot checks: at least 10^6 instance-checks per second for the S5 conditions at J = 5
   (an instance-check: one admissible draw of a J = 5 economy, its assumptions and the
   statement "E(k,C) iff weak (*), every k" evaluated);
5. ``coordfail verify`` with every spot check over every registered claim under 10 s wall,
   cold start included (a fresh interpreter).

Prints one PASS/FAIL line per target; exit status 1 if any fails.  Timings are
medians; the load average is printed because other processes distort them.
"""

from __future__ import annotations

import gc
import os
import statistics
import subprocess
import sys
import time
import tracemalloc

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from numeric.equilibria import equilibria  # noqa: E402


def hand_fused(lam_S, lam_N, theta):
    """The same test written directly in NumPy: E(j,C) iff r_j >= max_{k != j} s_k (and E(j,U) likewise)."""
    r = lam_S / lam_N
    s = r / theta
    top = int(np.argmax(s))
    second = max(s[:top].max(initial=-np.inf), s[top + 1:].max(initial=-np.inf))
    threshold = np.full_like(s, s[top])
    threshold[top] = second
    return r >= threshold, s >= threshold


def pairwise(lam_S, lam_N, theta):
    """The O(J^2) check: every sector against every deviation, as a J x J broadcast."""
    r = lam_S / lam_N
    s = r / theta
    J = len(r)
    other = ~np.eye(J, dtype=bool)
    return np.all((r[:, None] >= s[None, :]) | ~other, axis=1), np.all((s[:, None] >= s[None, :]) | ~other, axis=1)


def economy(J, seed=0):
    rng = np.random.default_rng(seed)
    return rng.uniform(0.5, 2.0, J), rng.uniform(0.5, 2.0, J), 1 + rng.exponential(0.2, J)


def median_time(fn, repeats):
    times = []
    for _ in range(repeats):
        gc.collect()
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def interleaved(fns, repeats):
    """Medians of several functions timed alternately (so load spikes hit all of them)."""
    times = [[] for _ in fns]
    for _ in range(repeats):
        for i, fn in enumerate(fns):
            gc.collect()
            t = time.perf_counter()
            fn()
            times[i].append(time.perf_counter() - t)
    return [statistics.median(t) for t in times]


def report(ok: bool, text: str) -> bool:
    print(f"{'PASS' if ok else 'FAIL'}  {text}", flush=True)
    return ok


def main(argv=None) -> int:
    quick = "--quick" in (argv or sys.argv[1:])
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; numpy {np.__version__}", flush=True)
    results = []

    # 1. enumeration vs hand-fused, J = 10^6
    J = 10**6
    lS, lN, th = economy(J)
    eq = equilibria(lS, lN, th)
    c, u = hand_fused(lS, lN, th)
    assert (eq.coordinated == c).all() and (eq.uncoordinated == u).all(), "the two disagree"
    ours, fused = interleaved([lambda: equilibria(lS, lN, th), lambda: hand_fused(lS, lN, th)], 5 if quick else 11)
    results.append(report(ours <= 1.5 * fused, f"enumeration J=10^6: numeric.equilibria {ours * 1e3:.1f} ms, "
                                               f"hand-fused NumPy {fused * 1e3:.1f} ms, ratio {ours / fused:.2f} "
                                               "(target <= 1.5)"))

    # 2. vs the O(J^2) pairwise check, J = 10^4
    J2 = 10**4
    a, b, t = economy(J2, 1)
    eq2 = equilibria(a, b, t)
    pc, pu = pairwise(a, b, t)
    assert (eq2.coordinated == pc).all() and (eq2.uncoordinated == pu).all(), "pairwise disagrees"
    ours2 = median_time(lambda: equilibria(a, b, t), 21)
    pair = median_time(lambda: pairwise(a, b, t), 3)
    results.append(report(pair >= 100 * ours2, f"J=10^4: numeric.equilibria {ours2 * 1e3:.2f} ms, O(J^2) pairwise "
                                               f"{pair * 1e3:.0f} ms, speed-up {pair / ours2:.0f}x (target >= 100x)"))

    # 3. peak memory at J = 10^6 (the inputs are allocated before tracing starts)
    gc.collect()
    tracemalloc.start()
    equilibria(lS, lN, th)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    results.append(report(peak < 200 * 2**20, f"peak memory of enumeration at J=10^6: {peak / 2**20:.1f} MiB "
                                              "(target < 200 MB)"))

    # 4. spot-check throughput at J = 5
    from numeric.spot import check_statement
    from symbolic import section5 as s5

    import sympy as sp

    S = s5.sectors(5)
    statement = sp.And(*[sp.Equivalent(s5.equilibrium(k, True, S), s5.condition_star(k, strict=False))
                         for k in S[1:]])
    assumptions = s5.standing_assumptions(S)
    check_statement(statement, assumptions, samples=1000, exact_samples=0)  # compile once
    n = 200_000 if quick else 1_000_000
    best = None
    for _ in range(3):
        t0 = time.perf_counter()
        chk = check_statement(statement, assumptions, samples=n, exact_samples=0, seed=_)
        dt = time.perf_counter() - t0
        assert chk.failures == 0
        best = dt if best is None else min(best, dt)
    rate = chk.admissible / best
    results.append(report(rate >= 1e6, f"spot checks at J=5: {chk.admissible:,} admissible draws (sampling, "
                                        f"assumptions and S5.4's statement for every k) in {best:.3f} s = "
                                        f"{rate / 1e6:.2f} M instance-checks/s (target >= 1 M/s)"))

    # 5. coordfail verify, all claims and spot checks, cold start
    walls = []
    for _ in range(1 if quick else 3):
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "proofs", "verify"], cwd=ROOT, capture_output=True, text=True)
        walls.append(time.perf_counter() - t0)
    wall = statistics.median(walls)
    tail = (proc.stdout.strip().splitlines() or [""])[-1]
    results.append(report(wall < 10.0 and proc.returncode == 0,
                          f"coordfail verify (all claims, all spot checks, cold start): {wall:.2f} s wall, exit "
                          f"{proc.returncode} (target < 10 s) -- {tail[:150]}"))
    print(f"{sum(results)}/{len(results)} targets met", flush=True)
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
