"""Benchmark of the Section 7 solver (numeric.economy).  Run: ``python benchmarks/economy.py [--quick]``.

Targets, measured in this one run (ratios, so the machine's speed cancels):

1. J = 10^6 Cobb-Douglas sectors -- equilibrium by brentq on labour clearing, GDP summed
   sector by sector, the social return of coordinating every sector -- in about a second
   (wall, median; target <= 1.5 s), and within 10x of a hand-written NumPy baseline of the
   closed form measured side by side (the solver also validates input, evaluates the
   technology's kernels and computes each specific factor's income);
2. agreement with S7.sf.1's closed form Y = L^beta S^(1/sigma) to 1e-12 relative error
   (GDP, wage, every sector's labour and social return);
3. the shifted technology A((1 + L)^beta - 1) at J = 10^6 (inactive sectors; no closed form, so
   each social return is bounded from aggregate demand on a wage grid): the equilibrium and
   every sector's bounds in about a second too (wall, median; target <= 2 s).

Prints one PASS/FAIL line per target; exit status 1 if any fails.  File I/O is not timed.
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from numeric.economy import Technology, solve_economy  # noqa: E402


def economy(J, seed=0):
    rng = np.random.default_rng(seed)
    return (rng.uniform(0.5, 2.0, J), rng.uniform(0.5, 2.0, J), 1 + rng.exponential(0.3, J), rng.random(J) < 0.3)


def baseline(lam_S, lam_N, theta, flags, beta, L):
    """The closed form written directly in NumPy: Y = L^beta S^(1/sigma), the gain of switching each sector."""
    sigma = 1 / (1 - beta)
    r = lam_S / lam_N
    x_now = np.where(flags, r, r / theta) ** sigma
    S = x_now.sum()
    Y = L ** beta * S ** (1 / sigma)
    labour = L * x_now / S
    sign = np.where(flags, -1.0, 1.0)
    # switching j multiplies x_j by theta_j^(+-sigma); expm1/log1p keep small changes accurate
    d = x_now * np.expm1(sign * sigma * np.log1p(theta - 1))
    gain = sign * Y * np.expm1(np.log1p(d / S) / sigma)
    return Y, beta * Y / L, labour, gain


def interleaved(fns, repeats):
    times = [[] for _ in fns]
    for _ in range(repeats):
        for i, fn in enumerate(fns):
            gc.collect()
            t = time.perf_counter()
            fn()
            times[i].append(time.perf_counter() - t)
    return [statistics.median(t) for t in times]


def main(argv=None) -> int:
    quick = "--quick" in (argv or sys.argv[1:])
    J = 10**5 if quick else 10**6
    repeats = 3 if quick else 5
    print(f"load average {os.getloadavg()[0]:.2f}; J = {J:,}")
    lam_S, lam_N, theta, flags = economy(J)
    beta, L = 0.5, 1.0
    solve_economy(lam_S[:10], lam_N[:10], theta[:10], flags[:10], beta="1/2")  # compile the kernels once
    ours, base = interleaved([lambda: solve_economy(lam_S, lam_N, theta, flags, beta="1/2"),
                              lambda: baseline(lam_S, lam_N, theta, flags, beta, L)], repeats)
    ok = True
    fast = ours <= 1.5 and ours <= 10 * base
    ok &= fast
    print(f"{'PASS' if fast else 'FAIL'} 1. J = {J:,}: solver {ours:.3f} s, hand-written closed form {base:.3f} s "
          f"(ratio {ours / base:.1f}; target <= 1.5 s and <= 10x)")

    eq = solve_economy(lam_S, lam_N, theta, flags, beta="1/2")
    Y, w, labour, gain = baseline(lam_S, lam_N, theta, flags, beta, L)
    errors = {"GDP": abs(eq.gdp - Y) / Y, "wage": abs(eq.wage - w) / w,
              "labour": float(np.max(np.abs(eq.labour - labour) / labour)),
              "social return": float(np.max(np.abs(eq.coordination_gain - gain) / np.abs(gain)))}
    agree = all(e <= 1e-12 for e in errors.values())
    ok &= agree
    print(f"{'PASS' if agree else 'FAIL'} 2. closed form of S7.sf.1: max relative errors "
          + ", ".join(f"{k} {v:.1e}" for k, v in errors.items()) + " (target 1e-12)")

    tech = Technology.shifted("1/2")
    solve_economy(lam_S[:10], lam_N[:10], theta[:10], flags[:10], technology=tech)
    shifted_time, equilibrium_time = interleaved(
        [lambda: solve_economy(lam_S, lam_N, theta, flags, technology=tech, labour=J / 100),
         lambda: solve_economy(lam_S, lam_N, theta, flags, technology=tech, labour=J / 100, gains="none")], repeats)
    shifted = solve_economy(lam_S, lam_N, theta, flags, technology=tech, labour=J / 100)
    rel = float(np.max(shifted.gain_error_bound / np.maximum(np.abs(shifted.coordination_gain), 1e-300)))
    fast = shifted_time <= 2.0
    ok &= fast
    print(f"{'PASS' if fast else 'FAIL'} 3. shifted technology at J = {J:,}: {shifted_time:.2f} s "
          f"(equilibrium alone {equilibrium_time:.2f} s; target <= 2 s), {int(shifted.active.sum()):,} active sectors, "
          f"social returns by {shifted.gain_method.split(' (')[0]}; largest relative error bound {rel:.1e}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
