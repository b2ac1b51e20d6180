"""Benchmark: ``coordfail report --pdf`` against ``coordfail verify``, measured in the same run.

Targets: the report (every claim decided, spot-checked, mutated, its assumptions
analysed -- sufficient and necessary --, its regions derived, the PDF compiled)
takes under 60 s wall, and at most twice what ``verify`` takes on the same
machine at the same time (runs alternate, so both see the same load).  Cold
starts included: each run is a fresh process.

Run: ``python benchmarks/report.py [--runs N] [--jobs N]``; exit status 1 if a target
is missed.  Needs pdflatex (``.ci/run`` installs TeX).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

TARGET_SECONDS = 60.0
TARGET_RATIO = 2.0


def _timed(args: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "proofs", *args], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"coordfail {' '.join(args)} failed: {done.stderr.strip()[-400:]}")
    return seconds


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=None, help="worker processes of the report (default: its own)")
    args = parser.parse_args(argv)
    verify, report = [], []
    extra = ["--jobs", str(args.jobs)] if args.jobs else []
    for _ in range(args.runs):
        verify.append(_timed(["verify", "--quiet"]))
        with tempfile.TemporaryDirectory() as out:
            report.append(_timed(["report", "--pdf", "--out", out, "--quiet", *extra]))
    v, r = statistics.median(verify), statistics.median(report)
    ratio = r / v
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    ok_time, ok_ratio = r < TARGET_SECONDS, ratio <= TARGET_RATIO
    print(f"{'PASS' if ok_time else 'FAIL'}  coordfail report --pdf: median {r:.1f} s over {args.runs} runs "
          f"(target < {TARGET_SECONDS:.0f} s)")
    print(f"{'PASS' if ok_ratio else 'FAIL'}  report / verify: {ratio:.2f} (verify median {v:.1f} s; "
          f"target <= {TARGET_RATIO:.1f}); {cores} cores, load average {load:.1f}")
    return 0 if ok_time and ok_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
