"""Benchmarks of the decisions (medians over several runs; not a timed unit test).

Targets (issues 2-4):
- ``coordfail verify --only S5``, cold start included: under 5 s wall -- the decisions, as issue 2 set it
  (measured with ``--no-spot-checks``; the same command with the numeric spot checks that issue 3 added
  is measured and printed beside it, for information);
- the fixed-J cross-check of S5.4 for J = 2..12 (every k): under 1 s;
- ``coordfail verify`` over all claims with all spot checks, cold start included: under 10 s.

Run: ``python benchmarks/verify.py [--runs N]``.  Exit status 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

CROSS_CHECK = """
import time
from proofs import get_claim
obs = [ob for ob in get_claim("S5.4").obligations() if ob.role == "cross-check"]
start = time.perf_counter()
verdicts = [ob.decide() for ob in obs]
elapsed = time.perf_counter() - start
assert all(v.status.value == "proved" for v in verdicts), verdicts
print(elapsed)
"""


def wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"benchmark command failed ({done.returncode}): {' '.join(cmd)}\n{done.stderr}")
    return elapsed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    py = sys.executable
    rows = []

    s5 = [wall([py, "-m", "proofs", "verify", "--only", "S5", "--quiet", "--no-spot-checks"])
          for _ in range(args.runs)]
    rows.append(("coordfail verify --only S5 --no-spot-checks (cold start, wall)", statistics.median(s5), 5.0))
    s5_spot = [wall([py, "-m", "proofs", "verify", "--only", "S5", "--quiet"]) for _ in range(args.runs)]
    rows.append(("coordfail verify --only S5 with spot checks (cold start, wall)", statistics.median(s5_spot), None))

    cross = []
    for _ in range(args.runs):
        out = subprocess.run([py, "-c", CROSS_CHECK], capture_output=True, text=True, check=True)
        cross.append(float(out.stdout.strip()))
    rows.append(("S5.4 fixed-J cross-check, J = 2..12, every k", statistics.median(cross), 1.0))

    every = [wall([py, "-m", "proofs", "verify", "--quiet"]) for _ in range(args.runs)]
    rows.append(("coordfail verify, all claims and spot checks (cold start, wall)", statistics.median(every), 10.0))

    missed = 0
    for name, seconds, target in rows:
        if target is None:
            print(f"INFO  {name}: median {seconds:.2f} s over {args.runs} runs")
            continue
        ok = seconds < target
        missed += not ok
        print(f"{'PASS' if ok else 'FAIL'}  {name}: median {seconds:.2f} s over {args.runs} runs (target < {target:g} s)")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
