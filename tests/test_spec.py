"""The repository carries its own specification: docs/model.md names every registered claim."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = (ROOT / "docs" / "model.md").read_text(encoding="utf-8")


def test_every_claim_id_is_in_the_spec_and_every_expectation_cites_it():
    from proofs import load_paper

    paper = load_paper()
    rows = set(re.findall(r"^\| (S[0-9][\w.]*) \|", SPEC, re.M))
    for claim in paper.claims:
        assert claim.id in rows, f"{claim.id} is missing from docs/model.md"
        assert claim.expected_source.startswith("docs/model.md"), (claim.id, claim.expected_source)


def test_the_spec_table_expectations_equal_the_claims_expectations():
    from proofs import load_paper

    table = {}
    for cid, expected in re.findall(r"^\| (S[0-9][\w.]*) \|.*\| ([^|]*)\|\s*$", SPEC, re.M):
        words = expected.strip().strip("*").lower()
        for status in ("proved", "refuted", "witness"):
            if words.startswith(status) or words.startswith("**" + status):
                table[cid] = status
    for claim in load_paper().claims:
        if claim.id in table:
            assert claim.expected.value == table[claim.id], claim.id


def test_nothing_in_the_product_points_outside_the_repository():
    for path in list((ROOT / "proofs").glob("*.py")) + list((ROOT / "symbolic").glob("*.py")) + \
            list((ROOT / "numeric").glob("*.py")) + [ROOT / "README.md"]:
        text = path.read_text(encoding="utf-8")
        assert "../shared" not in text and "MODEL.md" not in text and "ENGINE-NOTES" not in text, path
