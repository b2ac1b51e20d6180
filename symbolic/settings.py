"""Settings of a run, as one frozen value passed down (never set in modules or attributes).

>>> Settings().timeout, Settings(samples=1000).samples
(10.0, 1000)
>>> Settings(timeout=0)
Traceback (most recent call last):
...
symbolic.errors.BadInputError: timeout must be a finite positive number of seconds, got 0
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from .errors import BadInputError

__all__ = ["Settings"]


@dataclass(frozen=True)
class Settings:
    """How long each decision may take, how many draws a spot check makes, with which seed."""

    timeout: float = 10.0  #: seconds per claim's decision
    samples: int = 100_000  #: float draws per numeric spot check
    seed: int = 0  #: seed of the spot-check draws
    core: bool = False  #: compute the minimal set of assumptions each proof uses

    def __post_init__(self):
        t = self.timeout
        if isinstance(t, bool) or not isinstance(t, (int, float)) or not (math.isfinite(t) and t > 0):
            raise BadInputError(f"timeout must be a finite positive number of seconds, got {t!r}")
        if isinstance(self.samples, bool) or not isinstance(self.samples, int) or self.samples < 1:
            raise BadInputError(f"samples must be a positive whole number, got {self.samples!r}")
        object.__setattr__(self, "timeout", float(t))

    def merge(self, **changes) -> "Settings":
        """A copy with some fields changed (latexify's ``merge`` habit)."""
        return replace(self, **changes)
