"""How this toolkit's own paper collects its claims: the section modules register them here.

The claims of Rodríguez-Clare (2005) are ordinary :class:`~proofs.claim.Claim`
records; :mod:`proofs.rodriguez_clare` assembles them into the
:class:`~proofs.paper.Paper` that every command uses, through the same public
API as a user's claims file.  Expected verdicts cite ``docs/model.md``.
"""

from __future__ import annotations

import importlib
from typing import Callable, Iterable

from symbolic.obligation import Family, Obligation, Role
from symbolic.settings import Settings

from .claim import Claim, ClaimResult, SpotCheck, decide_claim

__all__ = ["Family", "Obligation", "Role", "Settings", "Claim", "ClaimResult", "SpotCheck", "register",
           "register_spot_check", "claims", "get_claim", "decide_claim", "REGISTRY", "SPOT_CHECKS",
           "SECTION_MODULES"]

REGISTRY: dict[str, Claim] = {}
#: claim id -> callable(result: ClaimResult, samples: int, seed: int) -> SpotCheck (claims with a check of their own)
SPOT_CHECKS: dict[str, Callable] = {}
#: modules whose import registers claims (in paper order) and spot checks
SECTION_MODULES = ["proofs.section2", "proofs.section4", "proofs.section5", "proofs.section7"]
SPOT_CHECK_MODULES: list[str] = ["proofs.spotchecks_s2s4", "proofs.spotchecks_s7"]


def register(claim: Claim) -> Claim:
    if claim.id in REGISTRY:
        raise ValueError(f"claim {claim.id} is registered twice")
    REGISTRY[claim.id] = claim
    return claim


def register_spot_check(claim_id: str):
    def deco(fn):
        SPOT_CHECKS[claim_id] = fn
        return fn
    return deco


def _load_all() -> None:
    for name in SECTION_MODULES + SPOT_CHECK_MODULES:
        importlib.import_module(name)


def claims(prefixes: Iterable[str] | None = None) -> list[Claim]:
    """This paper's claims in paper order (``prefixes``: as ``coordfail verify --only``)."""
    from .paper import load_paper

    return load_paper().select(list(prefixes) if prefixes else None)


def get_claim(claim_id: str) -> Claim:
    from .paper import load_paper

    return load_paper().claim(claim_id)
