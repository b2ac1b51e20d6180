"""examples/walkthrough.ipynb runs from top to bottom without an error."""

from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_walkthrough_notebook_executes(tmp_path):
    nb = nbformat.read(ROOT / "examples" / "walkthrough.ipynb", as_version=4)
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": ROOT}})
    client.execute()  # raises CellExecutionError on any error
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert any("text/latex" in o.get("data", {}) for o in outputs)  # verdicts rendered as math
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the figure


def test_notebook_is_generated_from_its_script():
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_walkthrough", ROOT / "examples" / "make_walkthrough.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    stored = nbformat.read(ROOT / "examples" / "walkthrough.ipynb", as_version=4)
    assert [c.source for c in stored.cells] == [c.source for c in module.CELLS]
