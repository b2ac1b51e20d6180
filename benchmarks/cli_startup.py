"""Start-up of ``coordfail equilibria`` against ``import numpy``.  Run: ``python benchmarks/cli_startup.py [--runs N]``.

Targets, measured in this one run (a ratio, so the machine's speed cancels):

1. ``python -m proofs equilibria FILE`` on a 3-sector CSV takes at most 2x the wall
   time of ``python -c "import numpy"``: medians of ``--runs`` fresh interpreters each
   (default 9), the two commands alternating so that load on the machine hits both;
2. that command imports neither SymPy nor z3 nor matplotlib (``python -X importtime``);
   with ``--plot`` it may import matplotlib, and still not z3.

Prints one PASS/FAIL line per target; exit status 1 if any fails.  The load average
is printed because other processes distort timings.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ECONOMY = "sector,lambda_S,lambda_N,theta\ntextiles,3,1,3/2\nwine,2,1,4/3\nsoftware,1,1,1\n"
#: the largest ratio allowed (start-up of the command / start-up of NumPy)
TARGET_RATIO = 2.0
HEAVY = ("sympy", "z3", "matplotlib")


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = ROOT + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("PYTHONSTARTUP", None)
    return env


def _wall(argv: list[str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, text=True, env=_env(), cwd=ROOT)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"benchmark: {' '.join(argv)} failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")
    return seconds


def imported_top_level(argv: list[str]) -> set[str]:
    """The top-level packages a command imports, from ``python -X importtime``."""
    proc = subprocess.run([sys.executable, "-X", "importtime", *argv], capture_output=True, text=True, env=_env(),
                          cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"benchmark: {' '.join(argv)} failed: {proc.stderr.strip()[-500:]}")
    names = set()
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return names


def _report(ok: bool, text: str) -> bool:
    print(f"{'PASS' if ok else 'FAIL'}  {text}", flush=True)
    return ok


def main(argv=None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    runs = int(args[args.index("--runs") + 1]) if "--runs" in args else 9
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; {runs} runs each", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "economy.csv")
        with open(data, "w", encoding="utf-8") as fh:
            fh.write(ECONOMY)
        numpy_cmd = [sys.executable, "-c", "import numpy"]
        cli_cmd = [sys.executable, "-m", "proofs", "equilibria", data]
        _wall(numpy_cmd), _wall(cli_cmd)  # warm the file cache, not measured
        numpy_times, cli_times = [], []
        for _ in range(runs):
            numpy_times.append(_wall(numpy_cmd))
            cli_times.append(_wall(cli_cmd))
        base, cli = statistics.median(numpy_times), statistics.median(cli_times)
        ok = _report(cli <= TARGET_RATIO * base,
                     f"coordfail equilibria (3 sectors) {cli * 1000:.0f} ms = {cli / base:.2f}x import numpy "
                     f"({base * 1000:.0f} ms); target <= {TARGET_RATIO:g}x")
        heavy = sorted(imported_top_level(cli_cmd[1:]) & set(HEAVY))
        ok &= _report(not heavy, "without --plot it imports none of sympy, z3, matplotlib"
                      + (f" (imported: {', '.join(heavy)})" if heavy else ""))
        plot = imported_top_level(cli_cmd[1:] + ["--plot", os.path.join(tmp, "wages.png")])
        ok &= _report("z3" not in plot, "with --plot it imports no z3" + (" (it does)" if "z3" in plot else ""))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
