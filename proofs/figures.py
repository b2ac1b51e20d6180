"""Figures (matplotlib, PNG and PDF) drawn from the symbolic models.

Every curve is evaluated from the SymPy expressions of :mod:`symbolic`, exactly
where it matters (which sectors are equilibria), so a figure shows what the
claims are about, not a second copy of the formulas.  matplotlib is imported
lazily with the non-interactive Agg backend: importing this module changes no
global setting.
"""

from __future__ import annotations

import os
import tempfile
from fractions import Fraction
from pathlib import Path
from typing import Sequence

import sympy as sp

__all__ = ["section5_wages", "worked_section5_instance", "save_figure", "FIGURES"]


def _pyplot():
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    return plt


def save_figure(fig, path: Path) -> list[Path]:
    """Write ``path`` (its suffix picks the format) atomically; with no suffix, both .png and .pdf."""
    path = Path(path)
    targets = [path] if path.suffix else [path.with_suffix(".png"), path.with_suffix(".pdf")]
    for target in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}.", suffix=target.suffix)
        os.close(fd)
        try:
            # metadata pinned so that the same figure gives the same bytes on every run
            meta = {"CreationDate": None} if target.suffix == ".pdf" else {"Software": None}
            fig.savefig(tmp, format=target.suffix[1:], dpi=150, bbox_inches="tight", metadata=meta)
            os.chmod(tmp, 0o644)  # mkstemp makes 0600
            os.replace(tmp, target)
        finally:
            if os.path.exists(tmp):
                os.remove(tmp)
    _pyplot().close(fig)
    return targets


def worked_section5_instance() -> tuple[list[Fraction], list[Fraction], list[Fraction]]:
    """A six-sector economy satisfying A1, A2 and theta >= 1, with (*) holding for sectors 2-4 only."""
    lambda_S = [Fraction(6), Fraction(5), Fraction(4), Fraction(3), Fraction(2), Fraction(1)]
    lambda_N = [Fraction(1)] * 6
    theta = [Fraction(2), Fraction(2), Fraction(2), Fraction(2), Fraction(2), Fraction(2)]
    return lambda_S, lambda_N, theta


def section5_wages(lambda_S: Sequence, lambda_N: Sequence, theta: Sequence, names: Sequence[str] | None = None,
                   title: str = "South's wage in each equilibrium"):
    """Bar chart of w(j,C) by sector, equilibria marked, with w(1,U) and the (*) cut-off.

    Sectors are shown in the order given; equilibrium status is decided exactly
    from :func:`symbolic.section5.equilibrium` on rational inputs.
    """
    from symbolic import section5 as m
    from symbolic.certify import holds

    J = len(lambda_S)
    labels = m.sectors(J)
    point = {}
    for j, ls, ln, th in zip(labels, lambda_S, lambda_N, theta):
        point[m.lam_S(j)], point[m.lam_N(j)], point[m.theta(j)] = (sp.Rational(str(Fraction(v))) for v in (ls, ln, th))
    coord = [float(m.wage_coordinated(j).xreplace(point)) for j in labels]
    is_eq = [holds(m.equilibrium(j, True, labels), point) for j in labels]
    w1u = float(m.wage_uncoordinated(1).xreplace(point))
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    xs = list(range(1, J + 1))
    colors = ["tab:blue" if e else "lightgray" for e in is_eq]
    ax.bar(xs, coord, color=colors, edgecolor="black", linewidth=0.6, label="w(j,C), E(j,C) an equilibrium")
    ax.bar([], [], color="lightgray", edgecolor="black", label="w(j,C), not an equilibrium")
    ax.axhline(w1u, color="tab:red", linestyle="--", label="w(1,U): uncoordinated in sector 1")
    last = max((j for j, e in zip(xs, is_eq) if e), default=None)
    if last is not None and last < J:
        ax.axvline(last + 0.5, color="black", linestyle=":", label="(*) cut-off")
    ax.set_xticks(xs)
    ax.set_xticklabels(list(names) if names else [str(x) for x in xs])
    ax.set_xlabel("sector j (South's comparative advantage falls with j)" if not names else "sector")
    ax.set_ylabel("wage (North's wage = 1)")
    ax.set_title(title)
    ax.legend(fontsize=7, loc="upper right")
    fig.tight_layout()
    return fig


#: figure name -> (function building it from no arguments, caption)
FIGURES = {
    "section5_wages": (lambda: section5_wages(*worked_section5_instance()),
                       "Section 5, worked instance ($\\lambda_{jS} = 7 - j$, $\\lambda_{jN} = 1$, "
                       "$\\theta_j = 2$): coordinated equilibria exist exactly where condition (*) holds "
                       "(weakly), their wages fall with $j$, and $w(1,U)$ is the lowest; at sector 4 (*) holds "
                       "with equality and $w(4,C) = w(1,U)$, the tie of S5.10."),
}
