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
import importlib.util
import sys


class _RepairSympyOnImport:  # a meta path finder (importlib.abc is not imported: it costs start-up time)
    """Weakens SymPy's wrong rules (:mod:`symbolic.kind_rules`) the moment SymPy is imported after
    ``import symbolic``: a statement built then is built by the repaired rules, even before any name of this
    package is used.  (SymPy imported before: repaired at once, below.)"""

    def find_spec(self, name, path=None, target=None):
        if name != "sympy":
            return None
        sys.meta_path.remove(self)  # once; the other finders locate SymPy
        spec = importlib.util.find_spec("sympy")
        if spec is not None and spec.loader is not None and hasattr(spec.loader, "exec_module"):
            load = spec.loader.exec_module

            def exec_module(module):
                load(module)
                importlib.import_module(f"{__name__}.kind_rules")

            spec.loader.exec_module = exec_module
        return spec


if "sympy" in sys.modules:
    importlib.import_module(f"{__name__}.kind_rules")
elif not any(isinstance(f, _RepairSympyOnImport) for f in sys.meta_path):
    sys.meta_path.insert(0, _RepairSympyOnImport())

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
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(list(globals()) + __all__)
