"""The layers import one way: ``symbolic`` <- ``numeric`` <- ``proofs`` (every import, also inside functions)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: the packages a layer may not import: those above it
ABOVE = {"symbolic": ("numeric", "proofs"), "numeric": ("proofs",)}


def imported_packages(source: str, module: str) -> set[str]:
    """The top-level packages ``source`` (the module ``module``, for relative imports) imports."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolved against the module's own package
                package = module.split(".")[: -node.level]
                found.add((package or [""])[0])
            elif node.module:
                found.add(node.module.split(".")[0])
    return found


def test_imported_packages_sees_every_form():
    source = "import numeric.spot\nfrom proofs import Claim\ndef f():\n    from .engine import x\n"
    assert imported_packages(source, "symbolic.translate") == {"numeric", "proofs", "symbolic"}


@pytest.mark.parametrize("layer", sorted(ABOVE))
def test_no_import_runs_back_up_the_layers(layer):
    offenders = []
    for path in sorted((ROOT / layer).rglob("*.py")):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        wrong = imported_packages(path.read_text(encoding="utf-8"), module) & set(ABOVE[layer])
        if wrong:
            offenders.append(f"{module} imports {', '.join(sorted(wrong))}")
    assert not offenders, offenders
