"""Write examples/walkthrough.ipynb (run: python examples/make_walkthrough.py).

The notebook is generated so that its cells stay plain, reviewable Python; a
test executes it with nbclient and fails on any error.
"""

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

CELLS = [
    new_markdown_cell(
        "# Walking through Rodríguez-Clare (2005) with coordfail\n\n"
        "Each claim of the paper is stated in SymPy and decided for *all* admissible parameters: "
        "**proved**, **refuted** with an exact counterexample, **witness** for an existence claim, "
        "or honestly **unknown**. Verdicts, claims and derivations render as math in this notebook."),
    new_code_cell(
        "import sympy as sp\n"
        "from symbolic import prove, exists\n"
        "from proofs import claims, get_claim, decide_claim\n"
        "from proofs.derive import derive\n\n"
        "# a claim of your own: the markup c/alpha falls as alpha rises\n"
        "c, alpha, beta = sp.symbols('c alpha beta', positive=True)\n"
        "prove(sp.Implies(alpha < beta, c / alpha > c / beta), [alpha < 1, beta < 1])"),
    new_markdown_cell("## Section 5: the model\n\nThe world price, zero profit solved for the wage, the "
                      "no-deviation condition and condition (*), as the toolkit derives them:"),
    new_code_cell(
        "from symbolic.derivation import Derivation\n"
        "from symbolic.section5 import model_steps\n"
        "Derivation('Section 5 model', model_steps())"),
    new_markdown_cell("## S5.4: only the deviation to sector 1 binds, for every number of sectors"),
    new_code_cell("s54 = decide_claim(get_claim('S5.4'))\nassert s54.status.value == 'proved'\ns54"),
    new_code_cell("derive(s54, include_model=False)"),
    new_markdown_cell("## Where the paper's text is false as stated\n\n"
                      "Strict (*) is not necessary: at equality the deviator breaks even (S5.6); and with A2 "
                      "a sector with no coordination gain cannot host a coordinated equilibrium (S5.7a)."),
    new_code_cell(
        "s56 = decide_claim(get_claim('S5.6'))\n"
        "assert s56.status.value == 'refuted'\n"
        "s56.verdict.counterexample"),
    new_code_cell("get_claim('S5.7a')"),
    new_code_cell("decide_claim(get_claim('S5.7a'))"),
    new_markdown_cell("## All claims"),
    new_code_cell(
        "results = [decide_claim(c) for c in claims()]\n"
        "mismatches = [r.claim.id for r in results if not r.as_expected]\n"
        "print(f'{len(results) - len(mismatches)}/{len(results)} claims decided as MODEL.md expects')\n"
        "assert not mismatches, mismatches"),
    new_markdown_cell("## The Section 5 wages of a worked economy"),
    new_code_cell(
        "%matplotlib inline\n"
        "from proofs.figures import section5_wages, worked_section5_instance\n"
        "fig = section5_wages(*worked_section5_instance())\nfig"),
]


def main() -> None:
    nb = new_notebook(cells=CELLS, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                            "language": "python"}})
    path = Path(__file__).with_name("walkthrough.ipynb")
    nbformat.write(nb, path)
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
