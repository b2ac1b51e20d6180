"""Benchmark: ``coordfail report --pdf`` for all claims, cold start included (target < 60 s wall).

Run: ``python benchmarks/report.py [--runs N]``; exit status 1 if the target is missed.
Needs pdflatex (``.ci/run`` installs TeX).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    times = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "proofs", "report", "--pdf", "--out", out, "--quiet"],
                                  capture_output=True, text=True)
            times.append(time.perf_counter() - start)
            if done.returncode != 0:
                raise SystemExit(f"coordfail report --pdf failed: {done.stderr.strip()}")
    median = statistics.median(times)
    ok = median < 60
    print(f"{'PASS' if ok else 'FAIL'}  coordfail report --pdf, all claims: median {median:.1f} s over "
          f"{args.runs} runs (target < 60 s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
