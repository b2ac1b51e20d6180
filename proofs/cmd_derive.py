"""``coordfail derive ID``: the derivation of one claim, as text, LaTeX or Markdown."""

from __future__ import annotations

import sys

from .cli import add_claims_option, positive_seconds

__all__ = ["add_parser", "run_derive"]


def add_parser(sub) -> None:
    p = sub.add_parser("derive", help="print the derivation of one claim",
                       description="Decide one claim and print its derivation: the model, each decision with its own "
                                   "assumptions, each transformation, the verdict, the assumptions it uses, the "
                                   "certificate. Text is wrapped at the terminal's width (COLUMNS). Exit status 0 once the "
                                   "derivation is printed, whatever the verdict (unknown included: the derivation "
                                   "says why); 2 on bad input. 'coordfail verify --only ID' judges the verdict.")
    p.add_argument("claim_id", metavar="ID", help="a claim id, e.g. S5.4")
    add_claims_option(p)
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--latex", action="store_true", help="a LaTeX align* block")
    fmt.add_argument("--markdown", action="store_true",
                     help="Markdown for notes: one ### section per decision, math as $...$")
    p.add_argument("--timeout", type=positive_seconds, default=10.0, metavar="SECONDS", help="time limit of each decision (default 10)")
    p.set_defaults(func=run_derive)


def run_derive(args) -> int:
    from symbolic.settings import Settings

    from .decide import decide_claim
    from .derive import derive
    from .paper import load_paper

    paper = load_paper(args.claims)
    claim = paper.claim(args.claim_id)
    settings = Settings(timeout=args.timeout)
    d = derive(decide_claim(claim, settings=settings), settings=settings, paper=paper)
    if args.latex:
        sys.stdout.write(d.as_latex() + "\n")
    elif args.markdown:
        sys.stdout.write(d.as_markdown())
    else:  # wrapped at the terminal's width (COLUMNS honoured)
        from symbolic.notation import width

        sys.stdout.write(d.as_text(columns=width()) + "\n")
    return 0
