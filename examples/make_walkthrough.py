"""Write examples/walkthrough.ipynb, executed (run: python examples/make_walkthrough.py).

The notebook is generated so that its cells stay plain, reviewable Python, and
committed *executed*, with its outputs and its figure, so that it reads on a
repository page.  Cell ids are fixed and no timings are recorded, so running
this script again changes the file only where an output changed; a test
re-executes the notebook and compares its text outputs with the committed ones.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parents[1]
PATH = Path(__file__).with_name("walkthrough.ipynb")

CELLS = [
    new_markdown_cell(
        "# Walking through Rodríguez-Clare (2005) with coordfail\n\n"
        "Each claim of the paper is stated in SymPy and decided for *all* admissible parameters: "
        "**proved**, **refuted** with an exact counterexample, **witness** for an existence claim, "
        "or honestly **unknown**. Claims, verdicts, derivations and regions render as math in this notebook."),
    new_code_cell(
        "import sympy as sp\n"
        "from proofs import Claim, Settings, decide_claim, load_paper\n"
        "from proofs.derive import derive\n\n"
        "paper = load_paper()                # the toolkit's own paper; load_paper('mine.py') loads yours\n"
        "settings = Settings(timeout=10)     # seconds per claim, spot-check draws, seed: one frozen value\n"
        "print(paper.citation)\n"
        "print(len(paper.claims), 'claims in', [title for _, title in paper.sections])"),
    new_markdown_cell(
        "## A claim of your own\n\n"
        "A `Claim` is a keyword-only record: the statement in words, the statement in SymPy, named "
        "assumptions, and (optionally) the verdict you expect, which is compared with, never fed to, the "
        "decision. Here: a monopolist's price $c/\\alpha$ falls as $\\alpha$ rises."),
    new_code_cell(
        "c, alpha, beta = sp.symbols('c alpha beta', positive=True)\n"
        "markup = Claim(id='mine.1', statement='the price c/alpha falls as alpha rises',\n"
        "               claim=sp.Implies(alpha < beta, c / alpha > c / beta),\n"
        "               assumptions={'alpha < 1': alpha < 1, 'beta < 1': beta < 1}, expected='proved')\n"
        "markup"),
    new_code_cell("result = decide_claim(markup, settings=settings)\nassert result.as_expected\nresult"),
    new_code_cell("derive(result, settings=settings)"),
    new_markdown_cell("## Section 5: the model\n\nThe world price, zero profit solved for the wage, the "
                      "no-deviation condition and condition (*), as the toolkit derives them:"),
    new_code_cell(
        "from symbolic.derivation import Derivation\n"
        "from symbolic.section5 import model_steps\n"
        "Derivation('Section 5 model', model_steps())"),
    new_markdown_cell("## S5.4: only the deviation to sector 1 binds, for every number of sectors"),
    new_code_cell("s54 = decide_claim(paper.claim('S5.4'), settings=settings)\n"
                  "assert s54.status.value == 'proved'\ns54"),
    new_code_cell("derive(s54, settings=settings, include_model=False)"),
    new_markdown_cell("## Where the paper's text is false as stated\n\n"
                      "Strict (*) is not necessary: at equality the deviator breaks even (S5.6); and with A2 "
                      "a sector with no coordination gain cannot host a coordinated equilibrium (S5.7a)."),
    new_code_cell(
        "s56 = decide_claim(paper.claim('S5.6'), settings=settings)\n"
        "assert s56.status.value == 'refuted'\n"
        "s56  # the counterexample: (*) holds with equality"),
    new_code_cell("paper.claim('S5.7a')"),
    new_code_cell("decide_claim(paper.claim('S5.7a'), settings=settings)"),
    new_markdown_cell(
        "## For which parameters? A derived region\n\n"
        "`symbolic.region` derives the simplest condition on the parameters equivalent to a condition, with "
        "variables eliminated, and certifies it with the engine. With knowledge spillovers (Section 2), an "
        "interior share $0 < n < 1$ of modern firms is an equilibrium exactly when $A - C > 1$, the paper's "
        "threshold:"),
    new_code_cell(
        "from symbolic import region\n"
        "from symbolic import section2 as s2\n"
        "game = s2.spillover_game()\n"
        "interior = sp.And(s2.n > 0, s2.n < 1, game.equilibrium_at(s2.n))  # derived from the payoffs\n"
        "region(interior, eliminate=(s2.n,))"),
    new_code_cell(
        "# and for a claim that is false as stated: where does c/alpha >= 2c hold?\n"
        "region(c / alpha >= 2 * c, {'alpha < 1': alpha < 1})"),
    new_markdown_cell("## All claims"),
    new_code_cell(
        "results = [decide_claim(claim, settings=settings) for claim in paper.claims]\n"
        "mismatches = [r.claim.id for r in results if not r.as_expected]\n"
        "print(f'{len(results) - len(mismatches)}/{len(results)} claims decided as {paper.spec} expects')\n"
        "assert not mismatches, mismatches"),
    new_markdown_cell(
        "## Section 7: from an economy to a grant round\n\n"
        "With specific factors South produces in several sectors. The social return of coordinating each "
        "sector (its GDP gain at world prices) becomes a coordination proposal; a matching-grant round then "
        "funds the best selection under the budget, an exact 0/1 knapsack, beside the paper's ranking rules "
        "(the same pipeline as `coordfail economy --proposals` and `coordfail grants`)."),
    new_code_cell(
        "from numeric.economy import solve_economy\n"
        "from numeric.grants import grant_round\n"
        "from proofs.figures import worked_section7_economy, worked_section7_proposals\n\n"
        "w = worked_section7_economy()\n"
        "economy = solve_economy(w['lambda_S'], w['lambda_N'], w['theta'], beta='1/2', names=w['names'])\n"
        "print(economy.table(limit=8))\n"
        "proposals = worked_section7_proposals()   # social return = GDP gain; a third captured by proposers\n"
        "grant_round(proposals['name'], proposals['cost'], proposals['social_return'], proposals['private_return'],\n"
        "            budget=0.3)"),
    new_markdown_cell("## The Section 5 wages of a worked economy"),
    new_code_cell(
        "%matplotlib inline\n"
        "from proofs.figures import section5_wages, worked_section5_instance\n"
        "fig = section5_wages(*worked_section5_instance())\n"
        "fig"),
]

#: what may differ between two executions: timings and memory addresses
_VOLATILE = [(re.compile(r"seconds=[0-9.e+-]+"), "seconds=<t>"), (re.compile(r"\b\d+(?:\.\d+)?\s?s\b"), "<t> s"),
             (re.compile(r"0x[0-9a-f]+"), "0x")]


def text_outputs(nb) -> list[list[str]]:
    """The text of every code cell's outputs as a reader sees it, timings and addresses masked (no images)."""
    out = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        texts = []
        for o in cell.get("outputs", []):
            data = o.get("data", {})
            # what a reader sees: the math where there is math, else the plain text (a repr may list a
            # set's members in an order that changes from one process to the next)
            rich = [data[kind] for kind in ("text/latex", "text/markdown") if kind in data]
            parts = [o.get("text", "")] if o.get("output_type") == "stream" else (rich or [data.get("text/plain", "")])
            for part in parts:
                text = "".join(part) if isinstance(part, list) else part
                for pattern, repl in _VOLATILE:
                    text = pattern.sub(repl, text)
                texts.append(text)
        out.append(texts)
    return out


def build(execute: bool = True):
    """The notebook, executed in the repository's root (cell ids fixed, no timings recorded)."""
    nb = new_notebook(cells=[nbformat.from_dict(dict(c)) for c in CELLS],
                      metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                               "language": "python"},
                                "language_info": {"name": "python"}})
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i:02d}"
    if execute:
        from nbclient import NotebookClient

        NotebookClient(nb, timeout=600, kernel_name="python3", record_timing=False,
                       resources={"metadata": {"path": str(ROOT)}}).execute()
    return nb


def main() -> None:
    nb = build(execute="--no-execute" not in sys.argv)
    nbformat.write(nb, PATH)
    print(f"wrote {PATH}")


if __name__ == "__main__":
    main()
