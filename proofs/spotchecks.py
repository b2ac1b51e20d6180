"""A numeric spot check for every registered claim.

The check is generic: it is driven by the claim's decided obligations (their
statements, assumptions and verdicts) through :func:`numeric.spot.spot_check`,
so a claim of any section gets one as soon as it is registered.  Symbols of
new models need a sampler (see :mod:`numeric.spot`), not code here.

Importing this module (listed in ``SPOT_CHECK_MODULES``) imports the section
modules first and registers :func:`generic_spot_check` for every claim that
has no spot check of its own yet.

>>> from proofs import decide_claim, get_claim
>>> from proofs.registry import SPOT_CHECKS
>>> result = decide_claim(get_claim("S5.6"))
>>> check = SPOT_CHECKS["S5.6"](result, 2000, 0)
>>> check.violations, check.samples >= 2000
(0, True)
"""

from __future__ import annotations

import importlib

from numeric.spot import spot_check

from .registry import REGISTRY, SECTION_MODULES, SPOT_CHECKS, ClaimResult, SpotCheck, register_spot_check

__all__ = ["generic_spot_check", "register_all"]


def generic_spot_check(result: ClaimResult, samples: int, seed: int) -> SpotCheck:
    """Spot-check a decided claim: every obligation against its own verdict.

    A proved obligation must hold on ``samples`` admissible float draws and the
    exact boundary draws; a refuted one's counterexample and a witness are
    re-evaluated (exactly and in floats); an impossible existence must show no
    instance.  ``samples`` is the fewest admissible draws any obligation got.
    """
    out = spot_check(result.obligations, samples=samples, seed=seed)
    return SpotCheck(samples=out.samples, violations=out.violations, seconds=out.seconds, detail=out.detail)


def register_all() -> list[str]:
    """Register the generic check for every claim without one; returns their ids."""
    for name in SECTION_MODULES:
        importlib.import_module(name)
    added = [cid for cid in REGISTRY if cid not in SPOT_CHECKS]
    for cid in added:
        register_spot_check(cid)(generic_spot_check)
    return added


register_all()
