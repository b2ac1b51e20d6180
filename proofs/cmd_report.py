"""``coordfail report``: write report.tex (and with --pdf, report.pdf) with every claim's derivation."""

from __future__ import annotations

import sys
from pathlib import Path

from .cli import UsageError, add_claims_option, add_only_option, positive_count, positive_seconds

__all__ = ["add_parser", "run_report"]


def add_parser(sub) -> None:
    p = sub.add_parser("report", help="write a LaTeX report of every claim (and compile it with --pdf)",
                       description="Decide every claim and write report.tex with derivations, a summary table, "
                                   "ablation tables, errata and figures; --pdf compiles report.pdf with pdflatex. "
                                   "Exit status 0 when the report was written, whatever the verdicts (a verdict "
                                   "that differs from its expectation is in bold in it; coordfail verify is the "
                                   "check that fails on one); 2 on bad input or a failed compilation.")
    add_claims_option(p)
    p.add_argument("--out", default="report", metavar="DIR", help="output directory (default ./report)")
    p.add_argument("--pdf", action="store_true", help="compile report.pdf with pdflatex")
    add_only_option(p)
    p.add_argument("--samples", type=positive_count, default=100_000, metavar="N", help="draws per spot check (default 100000)")
    p.add_argument("--seed", type=int, default=0, help="seed of the spot checks (default 0)")
    p.add_argument("--timeout", type=positive_seconds, default=10.0, metavar="SECONDS", help="time limit of each decision (default 10)")
    p.add_argument("--jobs", type=positive_count, default=None, metavar="N",
                   help="worker processes deciding claims (default: one per core, at most 4)")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr (the files written are still listed on stdout)")
    p.set_defaults(func=run_report)


def run_report(args) -> int:
    from symbolic.settings import Settings

    from .paper import DEFAULT_PAPER, load_paper
    from .report import ReportError, write_report

    paper = load_paper(args.claims)
    appendix = ""
    if args.claims in (None, DEFAULT_PAPER):  # the numeric kernels of this toolkit's own paper
        from .rodriguez_clare import appendix
    selected = paper.select(args.only)
    progress = (lambda m: None) if args.quiet else (lambda m: print(m, file=sys.stderr, flush=True))
    settings = Settings(timeout=args.timeout, samples=args.samples, seed=args.seed)
    try:
        written = write_report(Path(args.out), paper=paper, claims=selected, pdf=args.pdf, settings=settings,
                               progress=progress, appendix=appendix, jobs=args.jobs)
    except ReportError as exc:
        raise UsageError(str(exc)) from None
    for path in written:
        print(path)
    return 0
