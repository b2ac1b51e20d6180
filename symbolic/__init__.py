"""coordfail's symbolic layer: the decision engine and the paper's models in SymPy.

>>> from sympy import Symbol
>>> from symbolic import prove, exists
>>> x = Symbol("x", positive=True)
>>> prove(x + 1 > x).status.value
'proved'
"""

from .engine import exists, normalize_assumptions, prove
from .verdict import Kind, Status, Verdict, point_as_text
from .region import Region, region  # noqa: E402  (after the engine: region builds on prove/exists)

__all__ = ["prove", "exists", "region", "Region", "Verdict", "Status", "Kind", "point_as_text",
           "normalize_assumptions"]
