"""Keep the README's table of claims generated from computed verdicts.

``python -m proofs.readme`` decides every claim and rewrites the block between
``<!-- claims:begin -->`` and ``<!-- claims:end -->`` in README.md; a test fails
when the README's block differs from what the claims decide today.
"""

from __future__ import annotations

import sys
from pathlib import Path

from symbolic import Status

from .claim import ClaimResult
from .decide import decide_claim
from .files import atomic_write
from .paper import load_paper

BEGIN, END = "<!-- claims:begin -->", "<!-- claims:end -->"
#: the table of supported constructs (generated from symbolic.constructs)
CONSTRUCTS_BEGIN, CONSTRUCTS_END = "<!-- constructs:begin -->", "<!-- constructs:end -->"


def claims_table_markdown(results: list[ClaimResult]) -> str:
    """A Markdown table: id, place, the claim in words, computed and expected verdicts."""
    rows = ["| id | where | claim | verdict | expected (docs/model.md) |", "|---|---|---|---|---|"]
    for r in results:
        c = r.claim
        text = c.statement.replace("|", "\\|") + (" *(project formalization)*" if c.formalization == "project" else "")
        verdict = r.scoped_verdict()
        verdict = f"**{verdict}**" if r.status in (Status.REFUTED, Status.UNKNOWN) else verdict
        expected = c.expected.value if c.expected is not None else "—"
        rows.append(f"| {c.id} | {c.place.replace('|', '/')} | {text} | {verdict} | {expected} |")
    return "\n".join(rows) + "\n"


def splice(readme: str, table: str, begin: str = BEGIN, end: str = END) -> str:
    if begin not in readme or end not in readme:
        raise ValueError(f"README has no {begin} ... {end} block")
    head, rest = readme.split(begin, 1)
    _, tail = rest.split(end, 1)
    return f"{head}{begin}\n{table}{end}{tail}"


def current_block(readme: str, begin: str = BEGIN, end: str = END) -> str:
    return readme.split(begin, 1)[1].split(end, 1)[0].lstrip("\n")


def main(argv=None) -> int:
    path = Path((argv or sys.argv[1:] or ["README.md"])[0])
    table = claims_table_markdown([decide_claim(c) for c in load_paper().claims])
    from symbolic.constructs import supported_constructs_markdown

    new = splice(path.read_text(encoding="utf-8"), table)
    new = splice(new, supported_constructs_markdown(), CONSTRUCTS_BEGIN, CONSTRUCTS_END)
    atomic_write(path, new)  # never a half-written README
    print(f"updated the claims table in {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
