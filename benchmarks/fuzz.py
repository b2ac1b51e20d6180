"""Benchmark of the soundness fuzzer: verdicts per family, time per claim, disagreements as reproducers.

Decides ``--claims`` random claims of stream ``--seed`` (the fuzzer is ``tests/fuzz/``) and
prints how many each family got proved, refuted, witnessed, vacuous and unknown, the time
per claim (50th, 90th, 99th percentile and max), and every disagreement with the oracle as
a runnable reproducer.  ``--orders K`` also decides the first ``--order-claims`` claims in K
shuffled orders in fresh processes (and some alone) and reports verdicts that changed.

Run from the repository root: ``python benchmarks/fuzz.py [--claims 5000] [--seed 20050544]
[--workers 2] [--timeout 5] [--families a,b] [--orders 2] [--json]``.
Exit status 1 if the oracle disagrees with any verdict, 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the fuzzer is test tooling, not installed

from proofs.cli import positive_count, positive_seconds  # noqa: E402  (the command line's own types)
from tests.fuzz import FAMILIES, check_orders, run_fuzz  # noqa: E402


def _non_negative_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 0, got {text!r}")
    return value


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit status 2
        self.exit(2, f"benchmarks/fuzz.py: {message}\n")


def main(argv=None) -> int:
    parser = _Parser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=positive_count, default=5000)
    parser.add_argument("--seed", type=int, default=20050544)
    parser.add_argument("--workers", type=positive_count, default=2)
    parser.add_argument("--timeout", type=positive_seconds, default=5.0, help="time limit of each decision, seconds")
    parser.add_argument("--families", default="", help="comma-separated families (default: the standard mix)")
    parser.add_argument("--orders", type=_non_negative_int, default=0, help="shuffled orders to compare verdicts across")
    parser.add_argument("--order-claims", type=positive_count, default=200)
    parser.add_argument("--no-shrink", action="store_true", help="report disagreements unshrunk (faster)")
    parser.add_argument("--json", action="store_true", help="print the counts and timings as JSON")
    args = parser.parse_args(argv)
    families = [f for f in args.families.split(",") if f] or None
    unknown = [f for f in families or () if f not in FAMILIES]
    if unknown:
        parser.error(f"unknown families {', '.join(unknown)}; known: {', '.join(FAMILIES)}")
    summary = run_fuzz(args.claims, seed=args.seed, timeout=args.timeout, workers=args.workers,
                       families=families, shrink=not args.no_shrink)
    orders = None
    if args.orders > 0:
        orders = check_orders(min(args.order_claims, args.claims), seed=args.seed, timeout=max(args.timeout, 10.0),
                              orders=args.orders, fresh=8, families=families, workers=args.workers)
    if args.json:
        print(json.dumps({
            "claims": summary.n, "seed": summary.seed, "counts": dict(summary.counts),
            "families": {f: dict(c) for f, c, _, _ in summary.by_family},
            "percentiles_ms": {k: round(1000 * v, 2) for k, v in summary.percentiles},
            "wall_s": round(summary.wall_seconds, 2),
            "disagreements": [d.reproducer for d in summary.disagreements],
            "order_changes": [d.reproducer for d in orders.changed] if orders else []}, indent=2))
    else:
        print(summary.as_text())
        if orders is not None:
            print()
            print(orders.as_text())
    return 1 if summary.disagreements or (orders is not None and orders.changed) else 0


if __name__ == "__main__":
    sys.exit(main())
