"""Claims of papers, decided: the public API for this paper's claims and for yours.

Names are imported on first use (the command line starts fast).

>>> from proofs import load_paper, decide_claim
>>> paper = load_paper()              # Rodríguez-Clare (2005), the toolkit's own paper
>>> result = decide_claim(paper.claim("S5.6"))
>>> result.status.value, result.claim.expected.value
('refuted', 'refuted')
"""

import importlib

_EXPORTS = {
    "Claim": "claim", "ClaimResult": "claim", "SpotCheck": "claim", "decide_claim": "decide",
    "Paper": "paper", "Figure": "paper", "Erratum": "paper", "load_paper": "paper",
    "claims": "registry", "get_claim": "registry",
}
_FROM_SYMBOLIC = {"Obligation": "symbolic.obligation", "Family": "symbolic.obligation",
                  "Role": "symbolic.obligation", "Settings": "symbolic.settings"}

__all__ = list(_EXPORTS) + list(_FROM_SYMBOLIC)


def __getattr__(name):
    if name in _EXPORTS:
        value = getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    elif name in _FROM_SYMBOLIC:
        value = getattr(importlib.import_module(_FROM_SYMBOLIC[name]), name)
    else:
        raise AttributeError(f"module 'proofs' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__():
    return sorted(list(globals()) + __all__)
