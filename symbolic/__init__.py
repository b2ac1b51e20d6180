"""coordfail's symbolic layer: the decision engine and the models in SymPy.

Names are imported on first use, so that ``symbolic.errors`` (or a command
line that needs neither SymPy nor z3) does not pay for the engine.

>>> from sympy import Symbol
>>> from symbolic import prove, exists
>>> x = Symbol("x", positive=True)
>>> prove(x + 1 > x).status.value
'proved'
"""

import importlib

#: public name -> the module that defines it
_EXPORTS = {
    "prove": "engine", "exists": "engine", "normalize_assumptions": "engine",
    "Verdict": "verdict", "Status": "verdict", "Kind": "verdict", "point_as_text": "verdict",
    "region": "regions", "Region": "regions",
    "Obligation": "obligation", "Role": "obligation", "Family": "obligation", "decide_obligation": "obligation",
    "Settings": "settings",
}

__all__ = list(_EXPORTS)


def __getattr__(name):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'symbolic' has no attribute {name!r}")
    importlib.import_module(f"{__name__}.kind_rules")  # SymPy's wrong number-kind rules weakened first
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(list(globals()) + __all__)
