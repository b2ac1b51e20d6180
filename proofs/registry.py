"""This toolkit's own paper, for the convenience of tests, notebooks and the command line.

The claims of Rodríguez-Clare (2005) are ordinary :class:`~proofs.claim.Claim`
records kept in each section module's ``CLAIMS`` list;
:mod:`proofs.rodriguez_clare` assembles them into the
:class:`~proofs.paper.Paper` that every command uses, through the same public
API as a user's claims file.  Expected verdicts cite ``docs/model.md``.
"""

from __future__ import annotations

from typing import Iterable

from symbolic.obligation import Family, Obligation, Role
from symbolic.settings import Settings

from .claim import Claim, ClaimResult, SpotCheck
from .decide import decide_claim

__all__ = ["Family", "Obligation", "Role", "Settings", "Claim", "ClaimResult", "SpotCheck", "claims", "get_claim",
           "decide_claim"]


def claims(prefixes: Iterable[str] | None = None) -> list[Claim]:
    """This paper's claims in paper order (``prefixes``: as ``coordfail verify --only``)."""
    from .paper import load_paper

    return load_paper().select(list(prefixes) if prefixes else None)


def get_claim(claim_id: str) -> Claim:
    from .paper import load_paper

    return load_paper().claim(claim_id)
