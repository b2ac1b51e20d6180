"""Benchmark of the paper's derived regions (not a timed unit test): time per region against QEPCAD's start-up.

For every row of ``proofs.regions.REGION_TABLE`` (the threshold claims of Sections 2 and 5 at J = 2, 3, 4,
and the regions where refuted claims hold) this measures, as medians over ``--runs`` runs with QEPCAD's
answer cache cleared before each run:

- the derivation alone (``region(..., certify=False)``: QEPCAD, or SymPy, plus the engine's pruning);
- the derivation with the engine's certification (what ``coordfail region`` does);
- each as a multiple of QEPCAD's own start-up time (a trivial problem, measured in the same run).

Target (issue 13): every region of the paper, certification included, under 1 s.  Large conditions are
split into pairwise parts (one "no profitable deviation" condition per pair of sectors) rather than handed
to QEPCAD as one conjunction, whose cost grows steeply with the number of sectors.

Run: ``python benchmarks/region.py [--runs N]``.  Exit status 1 if a target is missed or a region is not
certified.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from proofs.regions import REGION_TABLE  # noqa: E402
from symbolic import qepcad, region  # noqa: E402
from symbolic import section5 as s5  # noqa: E402

import symbolic.regions as REGION_MODULE  # the module of symbolic.region (the function)

TARGET_SECONDS = 1.0
STARTUP_PROBLEM = "[ start-up ]\n(x1)\n1\n[ x1 > 0 ].\nfinish\n"


def qepcad_startup(runs: int) -> float:
    times = []
    for _ in range(runs):
        _, seconds = qepcad.run_session(STARTUP_PROBLEM, timeout=30)
        times.append(seconds)
    return statistics.median(times)


def time_region(t, certify: bool) -> tuple[float, object]:
    qepcad._CACHE.clear()  # every run pays for its own QEPCAD calls
    start = time.perf_counter()
    r = region(t.condition, dict(t.assumptions), eliminate=t.eliminate, certify=certify)
    return time.perf_counter() - start, r


def whole_conjunction(runs: int) -> None:
    """For information: E(J,C) as one CAD (all 3J variables) against the pairwise parts."""
    print("formulation of E(J,C) (derivation only):   pairwise parts   |  the whole conjunction in one CAD")
    saved = REGION_MODULE.DIRECT_VARIABLES
    try:
        for J in (4, 5, 6):
            S = s5.sectors(J)
            cells = []
            for direct in (saved, 10**6):
                REGION_MODULE.DIRECT_VARIABLES = direct
                times, r = [], None
                for _ in range(runs):
                    qepcad._CACHE.clear()
                    start = time.perf_counter()
                    r = region(s5.equilibrium(J, True, S), s5.standing_assumptions(S), timeout=20, certify=False)
                    times.append(time.perf_counter() - start)
                cells.append(f"{statistics.median(times) * 1000:7.0f} ms" + ("" if r.known else f" (unknown: {r.reason[:50]})"))
            print(f"  J = {J}, {3 * J} variables:                     {cells[0]}       |  {cells[1]}")
    finally:
        REGION_MODULE.DIRECT_VARIABLES = saved


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    qepcad.find_qepcad()
    # warm-up: imports, SymPy caches, the engine's caches (not QEPCAD's)
    for entry in REGION_TABLE.values():
        for t in entry.build():
            time_region(t, True)
    startup = qepcad_startup(args.runs)
    print(f"QEPCAD start-up (trivial problem, +N2000000, wall): {startup * 1000:.1f} ms (median of {args.runs})")
    print(f"{'claim':<12}{'row':<58}{'derive':>9}{'x start':>9}{'+ certify':>11}{'x start':>9}  method")
    worst, failures = 0.0, []
    for cid, entry in REGION_TABLE.items():
        for t in entry.build():
            derive = statistics.median(time_region(t, False)[0] for _ in range(args.runs))
            timed = [time_region(t, True) for _ in range(args.runs)]
            total = statistics.median(s for s, _ in timed)
            r = timed[-1][1]
            label = (t.label + (f" ({t.scope})" if t.scope else ""))[:56]
            print(f"{cid:<12}{label:<58}{derive * 1000:>7.0f}ms{derive / startup:>8.1f}x"
                  f"{total * 1000:>9.0f}ms{total / startup:>8.1f}x  {r.method}")
            worst = max(worst, total)
            if not r.certified:
                failures.append(f"{cid} {label}: not certified ({r.reason or r.certificate})")
            if total >= TARGET_SECONDS:
                failures.append(f"{cid} {label}: {total:.2f} s >= {TARGET_SECONDS} s")
    print(f"slowest region, certification included: {worst * 1000:.0f} ms (target < {TARGET_SECONDS * 1000:.0f} ms)")
    whole_conjunction(args.runs)
    for f in failures:
        print("MISSED:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
