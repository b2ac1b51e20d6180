"""Shared fixtures: ready-made economies and decided claims, computed once per session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def decided_claims():
    """Every registered claim decided once (claim id -> ClaimResult)."""
    from proofs import claims, decide_claim

    return {c.id: decide_claim(c) for c in claims()}
