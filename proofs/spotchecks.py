"""The numeric spot check of a decided claim: the paper's own check if it has one, else the generic one.

The generic check is driven by the claim's decided obligations (their
statements, assumptions and verdicts) through :func:`numeric.obligation_checks.spot_check`,
so any claim -- of this paper or of a user's claims file -- gets one without
code of its own.  Symbols of new models are drawn by the samplers of
:mod:`numeric.spot` (bounds, orderings and positivity read from the
assumptions); a paper may register samplers of its own.

>>> from proofs import decide_claim, load_paper, Settings
>>> paper = load_paper()
>>> check = spot_check_claim(paper, decide_claim(paper.claim("S5.6")), Settings(samples=2000))
>>> check.violations, check.samples >= 2000
(0, True)
"""

from __future__ import annotations

from numeric.obligation_checks import spot_check
from symbolic.settings import Settings

from .claim import ClaimResult, SpotCheck

__all__ = ["generic_spot_check", "spot_check_claim"]


def generic_spot_check(result: ClaimResult, samples: int, seed: int, paper_samplers=None) -> SpotCheck:
    """Spot-check a decided claim: every obligation against its own verdict.

    A proved obligation must hold on ``samples`` admissible float draws and the
    exact boundary draws; a refuted one's counterexample and a witness are
    re-evaluated (exactly and in floats); an impossible existence must show no
    instance.  ``samples`` is the fewest admissible draws any obligation got.  ``paper_samplers``: the
    paper's samplers (``None``: this toolkit's paper's).
    """
    excluded = result.excluded  # sizes the assumptions exclude: no admissible draw to make there
    kept = [pair for i, pair in enumerate(result.obligations) if i not in excluded]
    out = spot_check(kept, samples=samples, seed=seed, paper_samplers=paper_samplers)
    if not excluded:
        return SpotCheck.of(out)
    return SpotCheck.of(out, detail=f"{out.detail}; no draw at {', '.join(result.excluded_sizes)}, a size the "
                                    "assumptions exclude")


def spot_check_claim(paper, result: ClaimResult, settings: Settings | None = None) -> SpotCheck:
    """The paper's own spot check of this claim, or the generic one."""
    settings = settings or Settings()
    own = paper.spot_check_for(result.claim.id)
    if own is not None:
        return own(result, settings.samples, settings.seed)
    # a paper's symbols are drawn by its own samplers (a user's theta_1 is not Section 5's theta_1)
    return generic_spot_check(result, settings.samples, settings.seed, paper.samplers)
