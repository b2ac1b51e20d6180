"""The paper's claims, each with its place in the paper, its assumptions and its decision.

>>> from proofs import get_claim, decide_claim
>>> result = decide_claim(get_claim("S5.6"))
>>> result.status.value, result.claim.expected.value
('refuted', 'refuted')
"""

from .registry import (REGISTRY, SPOT_CHECKS, Claim, ClaimResult, Obligation, claims, decide_claim,
                       get_claim, register, register_spot_check)

__all__ = ["Claim", "ClaimResult", "Obligation", "claims", "decide_claim", "get_claim", "register",
           "register_spot_check", "REGISTRY", "SPOT_CHECKS"]
