"""Rodríguez-Clare (2005) as a :class:`~proofs.paper.Paper`: the toolkit's own claims, through the public API.

Exposed as the entry point ``rodriguez-clare-2005`` in the group ``coordfail.claims``
(``coordfail verify`` without ``--claims`` loads it).
"""

from __future__ import annotations

from .paper import Erratum, Figure, Paper

__all__ = ["paper", "TITLE", "CITATION", "SECTIONS", "ERRATA", "FIGURE_CLAIMS", "appendix"]

TITLE = "Coordination Failures, Clusters and Microeconomic Interventions"
CITATION = ("Andrés Rodríguez-Clare (2005), Coordination Failures, Clusters and Microeconomic Interventions, "
            "Inter-American Development Bank, Research Department Working Paper 544")

SECTIONS = (
    ("2", "Sections 2 and 3 of the paper: coordination failures"),
    ("4", "Section 4 of the paper: agglomeration economies or coordination failures?"),
    ("5", "Section 5 of the paper: coordination failures and comparative advantage"),
    ("7", "Section 7 of the paper: several active sectors and the choice among proposals"),
)

#: errata of the extracted text (docs/model.md, Section 5, "Errata in the extracted text")
ERRATA = (
    Erratum("Section 5, equilibrium conditions with coordination",
            r"$w_j \lambda_{jS} = 1/\theta_j\lambda_{jN}$ and $w_j\lambda_{kS} \ge 1/\theta_k\lambda_{kN}$",
            r"$w/(\theta_j \lambda_{jS}) = 1/(\theta_j \lambda_{jN})$ and $w/\lambda_{kS} \ge 1/(\theta_k \lambda_{kN})$",
            "the conditions derived here (zero profit, no deviation)"),
    Erratum("Section 5, the list of equilibria",
            "``good 1 with coordination'' printed three times",
            r"(a) good 1 \emph{without} coordination, (b) good 1 with coordination, (c) good $k$ with "
            r"coordination when (*) holds", "the equilibria derived here"),
    Erratum("Section 5, condition (*)", r"$\lambda_{IS}$", r"$\lambda_{1S}$", "the definition of (*)"),
    Erratum("Section 5, gains from coordination", r"$\theta_i - 1 > 0$",
            r"$\theta_j - 1 > 0$ (and the model uses $\theta_j \ge 1$, with $\theta_k = 1$ allowed)",
            "the paper's own notation"),
)


def _models():
    from symbolic.section5 import model_steps
    from symbolic.section7 import model_steps as section7_model

    return (("5", model_steps), ("7", section7_model))


#: the claims each figure illustrates (the report places a figure after the first of them)
FIGURE_CLAIMS = {
    "section2_spillovers": ("S2.spill.5", "S2.spill.4"),
    "section2_prevention": ("S2.fmd.4",),
    "section2_division_of_labour": ("S2.dol.4",),
    "section4_wages": ("S4.2", "S4.1", "S4.5"),
    "section5_wages": ("S5.4", "S5.10"),
    "section7_economy": ("S7.sf.5", "S7.sf.6"),
    "section7_grants": ("S7.grant.3", "S7.grant.4"),
}


def _figures():
    from .figures import FIGURES

    out = []
    for name, (build, caption) in FIGURES.items():
        section = name.split("_")[0].removeprefix("section")
        out.append(Figure(name, section, build, caption, FIGURE_CLAIMS.get(name, ())))
    return tuple(out)


def appendix() -> str:
    """The report's appendix for this paper: each numeric kernel beside the SymPy expression it is tested against."""
    try:
        from numeric import latex as kernel_latex
    except ImportError:  # latexify-py missing: no appendix
        return ""
    render = getattr(kernel_latex, "appendix_latex", None)
    return render() if callable(render) else ""


def _paper() -> Paper:
    from numeric.grants import ProposalSampler
    from numeric.spot import DEFAULT_SAMPLERS

    from . import regions, section2, section4, section5, section7, spotchecks_s2s4, spotchecks_s7

    claims = (*section2.CLAIMS, *section4.CLAIMS, *section5.CLAIMS, *section7.CLAIMS)
    checks = {**spotchecks_s2s4.spot_checks(), **spotchecks_s7.spot_checks()}
    return Paper(title=TITLE, citation=CITATION, claims=claims, sections=SECTIONS, models=_models(),
                 figures=_figures(), errata=ERRATA, spec="docs/model.md", spot_checks=tuple(checks.items()),
                 regions=regions, readings=(("S7.grant.3", section7.grant_counterexample_reading),
                                            ("S7.grant.4", section7.grant_counterexample_reading)),
                 # Section 7's proposals, Sections 4 and 5's economies, drawn admissible by construction -- for
                 # this paper only: a user's c and pi are not proposal data
                 samplers=(ProposalSampler(), *DEFAULT_SAMPLERS))


paper = _paper()
