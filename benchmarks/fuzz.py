"""Benchmark of the soundness fuzzer (issue 6, part 1): verdict counts and time per claim.

Decides ``--claims`` random claims of stream ``--seed`` (see :mod:`symbolic.fuzz`) and
reports how many were proved, refuted, witnessed, vacuous and unknown, the time per
claim (median, 95th percentile, max) and every disagreement with the oracle, each with
a runnable reproducer.

Run: ``python benchmarks/fuzz.py [--claims 2000] [--seed 20050544] [--workers 2] [--timeout 5]``.
Exit status 1 if the oracle disagrees with any verdict.
"""

from __future__ import annotations

import argparse
import json
import sys

from symbolic.fuzz import run_fuzz


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=20050544)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=5.0, help="time limit of each decision, seconds")
    parser.add_argument("--families", default="", help="comma-separated families (default: the standard mix)")
    parser.add_argument("--json", action="store_true", help="print the counts and timings as JSON")
    args = parser.parse_args(argv)
    families = [f for f in args.families.split(",") if f] or None
    summary = run_fuzz(args.claims, seed=args.seed, timeout=args.timeout, workers=args.workers,
                       families=families)
    if args.json:
        print(json.dumps({"claims": summary.n, "seed": summary.seed, "counts": dict(summary.counts),
                          "median_ms": round(1000 * summary.median_seconds, 2),
                          "p95_ms": round(1000 * summary.p95_seconds, 2),
                          "max_ms": round(1000 * summary.max_seconds, 2),
                          "wall_s": round(summary.wall_seconds, 2),
                          "disagreements": [d.reproducer for d in summary.disagreements]}, indent=2))
    else:
        print(summary.as_text())
    return 1 if summary.disagreements else 0


if __name__ == "__main__":
    sys.exit(main())
