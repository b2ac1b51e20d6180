"""``coordfail derive ID``: the derivation of one claim, as text, LaTeX or Markdown."""

from __future__ import annotations

import sys

from .cli import UsageError, positive_seconds
from .derive import derive
from .registry import claims, decide_claim

__all__ = ["add_parser", "run_derive"]


def add_parser(sub) -> None:
    p = sub.add_parser("derive", help="print the derivation of one claim",
                       description="Decide one claim and print its derivation: the model, the conditions, each "
                                   "transformation, the verdict, the assumptions it uses, the certificate.")
    p.add_argument("claim_id", metavar="ID", help="a claim id, e.g. S5.4")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--latex", action="store_true", help="a LaTeX align* block")
    fmt.add_argument("--markdown", action="store_true", help="Markdown for notes")
    p.add_argument("--timeout", type=positive_seconds, default=10.0, help="time limit of each decision (default 10)")
    p.set_defaults(func=run_derive)


def run_derive(args) -> int:
    known = {c.id: c for c in claims()}
    claim = known.get(args.claim_id)
    if claim is None:
        close = [i for i in known if i.lower().startswith(args.claim_id.lower()[:4])][:8]
        hint = f"; did you mean {', '.join(close)}?" if close else f"; known ids: {', '.join(known)}"
        raise UsageError(f"no claim with id {args.claim_id!r}{hint}")
    d = derive(decide_claim(claim, timeout=args.timeout), timeout=args.timeout)
    sys.stdout.write(d.as_latex() + "\n" if args.latex else d.as_markdown() if args.markdown else d.as_text() + "\n")
    return 0
