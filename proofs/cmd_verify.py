"""``coordfail verify``: decide every registered claim and compare with MODEL.md.

Exit status 0 iff every computed verdict equals its expected verdict and no
numeric spot check disagrees with a symbolic verdict; 1 otherwise; 2 on bad
input.  Progress goes to stderr, the table (or ``--json``) to stdout.
"""

from __future__ import annotations

import json
import sys
import textwrap
import time

from symbolic import point_as_text

from .cli import UsageError, positive_count, positive_seconds
from .registry import SPOT_CHECKS, ClaimResult, SpotCheck, claims, decide_claim

__all__ = ["add_parser", "run_verify", "result_as_json"]


def add_parser(sub) -> None:
    p = sub.add_parser("verify", help="decide every claim of the paper and compare with MODEL.md",
                       description=__doc__.splitlines()[0])
    p.add_argument("--only", metavar="PREFIX[,PREFIX...]", default="",
                   help="only claims whose id starts with one of these prefixes (e.g. S5 or S5.4,S5.6)")
    p.add_argument("--json", action="store_true", help="print one JSON array, one object per claim")
    p.add_argument("--timeout", type=positive_seconds, default=10.0, metavar="SECONDS",
                   help="time limit of each claim's decision (default 10)")
    p.add_argument("--samples", type=positive_count, default=100_000, metavar="N",
                   help="draws per numeric spot check (default 100000)")
    p.add_argument("--seed", type=int, default=0, help="seed of the spot-check draws (default 0)")
    p.add_argument("--no-spot-checks", action="store_true", help="skip the numeric spot checks")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    p.add_argument("--cross-check", action="store_true",
                   help="confirm every verdict by a second route (cvc5 in QF_NRA, or exact re-evaluation); "
                        "a disagreement turns the verdict into unknown with both answers")
    p.add_argument("--no-timings", action="store_true",
                   help="leave out every time measurement, so that the same command prints the same bytes")
    p.set_defaults(func=run_verify)


def run_verify(args) -> int:
    start = time.perf_counter()
    prefixes = [p for p in args.only.split(",") if p.strip()] if args.only else None
    selected = claims(prefixes)
    if not selected:
        raise UsageError(f"--only: no claim id starts with {args.only!r}")
    results: list[tuple[ClaimResult, SpotCheck | None]] = []
    second_opinions: dict = {}  # claim id -> its cross-check (with --cross-check)
    progress = (lambda msg: print(msg, file=sys.stderr, flush=True)) if not args.quiet else (lambda msg: None)
    try:
        for i, claim in enumerate(selected, 1):
            result = decide_claim(claim, timeout=args.timeout)
            checked = None
            if args.cross_check:
                from .second_opinion import with_cross_check

                result, checked = with_cross_check(result, timeout=args.timeout)
                second_opinions[claim.id] = checked
            spot = None
            if not args.no_spot_checks and claim.id in SPOT_CHECKS:
                spot = SPOT_CHECKS[claim.id](result, args.samples, args.seed)
            results.append((result, spot))
            mark = "ok" if result.as_expected and (spot is None or spot.agrees) else "MISMATCH"
            extra = f", cross-check {checked.outcome.value}" if checked is not None else ""
            progress(f"[{i}/{len(selected)}] {claim.id}: {result.status.value} "
                     f"({result.verdict.seconds:.2f} s{extra}) {mark}")
    except KeyboardInterrupt:
        progress(f"interrupted after {len(results)} of {len(selected)} claims; results so far:")
        _emit(results, args, time.perf_counter() - start, second_opinions)
        return 130
    return _emit(results, args, time.perf_counter() - start, second_opinions)


def _emit(results, args, seconds: float, opinions: dict) -> int:
    if args.json:
        data = [result_as_json(r, s, timings=not args.no_timings) for r, s in results]
        for d in data:
            checked = opinions.get(d["id"])
            if checked is not None:
                d["cross_check"] = checked.outcome.value
        json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_table(results, timings=not args.no_timings))
    failures = [r for r, s in results if not r.as_expected]
    disagreements = [(r, s) for r, s in results if s is not None and not s.agrees]
    for r, s in disagreements:
        print(f"coordfail: SPOT CHECK DISAGREES with the symbolic verdict of {r.claim.id}: "
              f"{s.violations} of {s.samples} draws; first: {s.detail}", file=sys.stderr)
    for r in failures:
        print(f"coordfail: {r.claim.id}: computed {r.status.value}, MODEL.md expects "
              f"{r.claim.expected.value} ({r.claim.expected_source})"
              + (f": {r.verdict.reason}" if r.verdict.reason else ""), file=sys.stderr)
    n = len(results)
    good = n - len(failures)
    summary = f"{good}/{n} claims decided as MODEL.md expects" + (f" in {seconds:.1f} s" if not args.no_timings else "")
    if opinions:
        counts = {}
        for c in opinions.values():
            counts[c.outcome.value] = counts.get(c.outcome.value, 0) + 1
        print("cross-check: " + ", ".join(f"{n} {k}" for k, n in sorted(counts.items())),
              file=sys.stderr if args.json else sys.stdout)
    checked = [s for _, s in results if s is not None]
    if checked:
        summary += (f"; {len(checked)} spot checks, {sum(s.samples for s in checked):,} draws, "
                    f"{len(disagreements)} disagreeing")
    print(summary, file=sys.stderr if args.json else sys.stdout)
    return 0 if not failures and not disagreements else 1


def result_as_json(result: ClaimResult, spot: SpotCheck | None = None, timings: bool = True) -> dict:
    """The ``--json`` object of one claim (``timings=False``: without any time measurement)."""
    claim, v = result.claim, result.verdict
    verdict = v.as_dict()  # status, kind, method, seconds, reason, counterexample / witness
    out = {"id": claim.id, "section": claim.section, "statement": claim.statement, "kind": verdict.pop("kind"),
           "status": verdict.pop("status"), "expected": claim.expected.value, "method": verdict.pop("method"),
           "seconds": verdict.pop("seconds"), "place": claim.place, "assumptions": claim.assumptions,
           "formalization": claim.formalization, **verdict}
    if spot is not None:
        out["spot_check"] = spot.as_dict()
    if not timings:
        out.pop("seconds")
        if "spot_check" in out:
            out["spot_check"].pop("seconds", None)
    return out


_COLUMNS = (("id", 6), ("claim", 54), ("verdict", 8), ("expected", 8), ("method", 22), ("time", 7), ("spot check", 16))


def format_table(results, timings: bool = True) -> str:
    """A plain-text table; long statements wrap inside their column."""
    header = " ".join(name.ljust(width) for name, width in _COLUMNS).rstrip()
    lines = [header, "-" * len(header)]
    for result, spot in results:
        claim, v = result.claim, result.verdict
        text = claim.statement + (" [project formalization]" if claim.formalization == "project" else "")
        wrapped = textwrap.wrap(text, _COLUMNS[1][1]) or [""]
        verdict = v.status.value + ("" if result.as_expected else "!")
        spot_text = "-" if spot is None else f"{spot.samples:,} ok" if spot.agrees else f"{spot.violations} BAD"
        when = f"{v.seconds:.2f}s" if timings else "-"
        cells = [claim.id, wrapped[0], verdict, claim.expected.value, v.method[:22], when, spot_text]
        lines.append(" ".join(c.ljust(w) for c, (_, w) in zip(cells, _COLUMNS)).rstrip())
        pad = " " * (_COLUMNS[0][1] + 1)
        lines += [pad + more for more in wrapped[1:]]
        point = point_as_text(v.point)
        if point:
            label = "counterexample" if v.counterexample is not None else "witness"
            values = ", ".join(f"{k} = {val}" for k, val in point.items())
            lines += [pad + line for line in textwrap.wrap(f"{label}: {values}", 100)]
        if v.reason and v.status.value == "unknown":
            lines += [pad + line for line in textwrap.wrap(f"reason: {v.reason}", 100)]
    return "\n".join(lines) + "\n"
