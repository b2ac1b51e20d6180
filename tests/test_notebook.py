"""examples/walkthrough.ipynb: generated from its script, committed executed, and reproducible."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

ROOT = Path(__file__).resolve().parents[1]


def _maker():
    spec = importlib.util.spec_from_file_location("make_walkthrough", ROOT / "examples" / "make_walkthrough.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _stored():
    return nbformat.read(ROOT / "examples" / "walkthrough.ipynb", as_version=4)


def test_notebook_is_generated_from_its_script():
    assert [c.source for c in _stored().cells] == [c.source for c in _maker().CELLS]


def test_notebook_is_committed_executed_with_its_outputs_and_figure():
    nb = _stored()
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.get("execution_count") for c in code), "every code cell was executed"
    assert all(c.get("outputs") for c in code), "every code cell shows something"
    outputs = [o for c in code for o in c.outputs]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert any("text/latex" in o.get("data", {}) for o in outputs)  # claims and verdicts as math
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the figure
    sources = "\n".join(c.source for c in code)
    assert "load_paper(" in sources and "Claim(" in sources and "Settings(" in sources  # the current API
    assert "region(" in sources  # a derived region


@pytest.mark.slow
def test_reexecuting_the_notebook_reproduces_its_outputs():
    maker = _maker()
    fresh = maker.build(execute=True)
    assert maker.text_outputs(fresh) == maker.text_outputs(_stored())
