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

__all__ = ["section5_wages", "plot_equilibria", "worked_section5_instance", "section4_wages", "save_figure", "FIGURES",
           "worked_section7_economy", "worked_section7_proposals", "plot_economy", "section7_economy",
           "section7_grants", "plot_grant_rules"]


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
    """Bar chart of w(j,C) by sector, coordinated equilibria marked, with the uncoordinated wage and the (*) cut-off.

    Sectors appear in the order of South's comparative advantage (the paper's
    numbering), whatever the order of the data; exact inputs (ints, Fractions,
    ``"p/q"``) are decided exactly by :func:`numeric.equilibria`.
    """
    import numeric

    return plot_equilibria(numeric.equilibria(lambda_S, lambda_N, theta, names=names), title=title)


def _plotted_wages(result, order):
    """w(j,C) in ``order`` and the wage of each uncoordinated equilibrium, as floats or -- when some wage is
    beyond the float range (exact data) -- as base-10 logarithms; and the axis label that says which."""
    import math

    import numpy as np

    from numeric.equilibria import normal_float

    if result.exact_values is None:
        return np.asarray(result.wage_C, dtype=float)[order], {e.sector: e.wage for e in result.records()
                                                               if not e.coordinated}, "wage (North's wage = 1)"
    r = result.exact_values[0]
    uncoordinated = {e.sector: e.wage_exact for e in result.records() if not e.coordinated}
    values = [r[j] for j in order] + list(uncoordinated.values())
    if all(normal_float(v) is not None for v in values):
        return (np.array([normal_float(r[j]) for j in order]),
                {k: normal_float(v) for k, v in uncoordinated.items()}, "wage (North's wage = 1)")

    def log10(v):  # exact enough at any size: math.log10 takes integers of any length
        return math.log10(v.numerator) - math.log10(v.denominator)

    return (np.array([log10(r[j]) for j in order]), {k: log10(v) for k, v in uncoordinated.items()},
            "log10 of the wage (North's wage = 1)")


def plot_equilibria(result, title: str = "South's wage in each equilibrium"):
    """The figure of an :class:`numeric.Equilibria` result (``coordfail equilibria FILE --plot``).

    Sectors appear in comparative-advantage order, labelled by name where the
    data names them (by their number in the input otherwise); wages beyond the
    float range are drawn on a log10 scale, computed from the exact values.
    """
    import numpy as np

    order = [j - 1 for j in result.comparative_advantage_order]
    wages, uncoordinated, ylabel = _plotted_wages(result, order)
    is_eq = np.asarray(result.coordinated, dtype=bool)[order]
    name = lambda j: (result.names[j - 1] if result.names and result.names[j - 1] else f"sector {j}")  # noqa: E731
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    xs = np.arange(1, result.J + 1)
    if result.J <= 60:
        from matplotlib.patches import Patch

        ax.bar(xs, wages, color=np.where(is_eq, "tab:blue", "lightgray"), edgecolor="black", linewidth=0.6)
        proxies = [Patch(facecolor=c, edgecolor="black", label=t)  # one legend entry per bar colour
                   for c, t in (("tab:blue", "$w(j,C)$, $E(j,C)$ an equilibrium"),
                                ("lightgray", "$w(j,C)$, not an equilibrium"))]
        named = bool(result.names)
        labels = [name(j + 1) if named else str(j + 1) for j in order]
        upright = result.J <= 8 and max(map(len, labels)) <= 12  # few short names read best level
        ax.set_xticks(xs)
        ax.set_xticklabels(labels, rotation=0 if upright else 90, fontsize=9 if upright else 7)
    else:  # many sectors: points, not bars
        proxies = []
        ax.scatter(xs[is_eq], wages[is_eq], s=4, color="tab:blue", label="$w(j,C)$, $E(j,C)$ an equilibrium")
        ax.scatter(xs[~is_eq], wages[~is_eq], s=4, color="lightgray", label="$w(j,C)$, not an equilibrium")
    for sector, wage in uncoordinated.items():
        ax.axhline(wage, color="tab:red", linestyle="--", label=f"$w(U)$ in {name(sector)}: no coordination")
    boundary = int(np.flatnonzero(is_eq).max()) + 1 if is_eq.any() else None
    if boundary is not None and boundary < result.J and is_eq[:boundary].all():
        ax.axvline(boundary + 0.5, color="black", linestyle=":", label="(*) cut-off")
    ax.set_xlabel("sectors by South's comparative advantage, strongest first")
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    handles, _ = ax.get_legend_handles_labels()
    ax.legend(handles=proxies + handles, fontsize=7, loc="upper right")
    fig.tight_layout()
    return fig


def section2_spillover_payoffs(A=3, C=1):
    """Payoffs of the modern and backward technologies against the share n (S2.spill).

    The equilibria (n = 0, n = 1 and the interior n*) and their stability under
    replicator dynamics come from :class:`symbolic.games.PopulationGame`.
    """
    import numpy as np

    from numeric.kernels import compile_kernel
    from symbolic.games import ADOPT, STAY
    from symbolic.section2 import n, spillover_game

    game = spillover_game(sp.Integer(A), sp.Integer(C))
    grid = np.linspace(0.0, 1.0, 201)
    modern = compile_kernel(game.payoff(ADOPT, n), (n,))(grid)
    backward = compile_kernel(game.payoff(STAY, n), (n,))(grid)
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    ax.plot(grid, modern, color="tab:blue", label=f"modern: $A n - C$ ($A = {A}$, $C = {C}$)")
    ax.plot(grid, backward, color="tab:orange", label="backward: 1")
    for profile in game.profiles():  # numeric A, C: every condition is already true or false
        if profile.condition is not sp.true:
            continue
        stable = game.stable(profile) is sp.true
        y = float(game.payoff(ADOPT if profile.share > 0 else STAY, profile.share))
        ax.plot([float(profile.share)], [y], marker="o", markersize=8, color="black" if stable else "white",
                markeredgecolor="black", linestyle="none",
                label=f"{profile.name} ($n = {sp.sstr(profile.share)}$): {'stable' if stable else 'unstable'}")
    ax.set_xlabel("share $n$ of firms with the modern technology")
    ax.set_ylabel("net output per firm")
    ax.set_title("Knowledge spillovers: three equilibria when $A - C > 1$")
    ax.legend(fontsize=7, loc="upper left")
    fig.tight_layout()
    return fig


def section2_prevention(V=4, largest_N=20):
    """Nash against first-best total prevention spending as the number of producers grows (S2.fmd)."""
    from symbolic.section2 import N, V as V_symbol, worked_first_best_spending, worked_nash_spending

    ns = list(range(2, largest_N + 1))
    nash = [float(worked_nash_spending().subs(V_symbol, V)) for _ in ns]
    best = [float(worked_first_best_spending().subs({V_symbol: V, N: k})) for k in ns]
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    ax.plot(ns, best, marker="o", markersize=3, label=r"first best $E^* = \log(N V)$")
    ax.plot(ns, nash, marker="s", markersize=3, label=r"Nash $E_N = \log V$")
    ax.fill_between(ns, nash, best, alpha=0.15, label=r"under-provision, $\log N$")
    ax.set_xlabel("number of producers $N$")
    ax.set_ylabel("total prevention spending")
    ax.set_title(f"Foot-and-mouth eradication, $P(E) = 1 - e^{{-E}}$, $V = {V}$")
    ax.legend(fontsize=7, loc="upper left")
    fig.tight_layout()
    return fig


def section2_division_of_labour_region():
    """The (alpha, L/F) region where all-modern is an equilibrium besides all-backward (S2.dol)."""
    import numpy as np

    from numeric.kernels import compile_kernel
    from symbolic.section2 import alpha, modern_threshold, variety_count

    labour_per_fixed_cost = sp.Symbol("ell", positive=True)  # L / F, with F = 1 as the unit of labour
    # all-modern iff the varieties the whole labour force supports reach the threshold count
    condition = sp.Ge(variety_count(labour_per_fixed_cost, alpha, sp.Integer(1)), modern_threshold())
    kernel = compile_kernel(condition, (alpha, labour_per_fixed_cost))
    a = np.linspace(0.02, 0.98, 240)
    ell = np.linspace(0.1, 12.0, 240)
    A, Lg = np.meshgrid(a, ell)
    region = kernel(A, Lg)
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    ax.contourf(A, Lg, region.astype(float), levels=[-0.5, 0.5, 1.5], colors=["white", "tab:green"], alpha=0.5)
    ax.contour(A, Lg, region.astype(float), levels=[0.5], colors="black", linewidths=0.8)
    ax.set_xlabel(r"$\alpha$ (varieties are closer substitutes as $\alpha$ rises)")
    ax.set_ylabel("$L/F$ (market size)")
    ax.set_title("Division of labour: multiple equilibria in the shaded region")
    fig.tight_layout()
    return fig


def section4_allocations(value_T=sp.Rational(3, 2), value_M=1, labour=4, agglomeration=None):
    r"""The allocations :math:`L_M` that are equilibria of a concrete Section 4 economy, decided exactly.

    ``value_T`` is :math:`p_T a_T`, ``value_M`` is :math:`p_M a_M`; ``agglomeration`` a
    :class:`sympy.Lambda` (default :math:`g(L_M) = 1 + L_M/2`).  Candidates are the two corners and
    the interior allocations where the two wages are equal; each is kept when
    :func:`symbolic.section4.equilibrium` (no worker gains by moving) is true there.

    >>> [(sp.sstr(x), name) for x, name in section4_allocations()]
    [('0', 'everybody in T'), ('1', 'interior'), ('4', 'everybody in M')]
    """
    from symbolic import section4 as s4

    g = agglomeration if agglomeration is not None else sp.Lambda(sp.Symbol("x"), 1 + sp.Symbol("x") / 2)
    numbers = {s4.p_T: sp.sympify(value_T), s4.a_T: 1, s4.p_M: sp.sympify(value_M), s4.a_M: 1}
    labour = sp.sympify(labour)
    level = sp.Symbol("level", positive=True)
    interior = [x for x in sp.solve(sp.Eq(s4.wage_in_T().subs(numbers), s4.wage_in_M(level, agglomeration=g)
                                          .subs(numbers)), level) if x.is_real and 0 < x < labour]
    names = {0: "everybody in T", labour: "everybody in M"}
    out = []
    for x in sorted([sp.Integer(0), *interior, labour]):
        if s4.equilibrium(x, labour, g).subs(numbers) is sp.true:
            out.append((x, names.get(x, "interior")))
    return out


def section4_wages(value_T=sp.Rational(3, 2), value_M=1, labour=4, agglomeration=None):
    r"""Wages in T and in M against the allocation :math:`L_M` (Section 4), with the equilibria marked.

    The M wage :math:`p_M a_M g(L_M)` rises with employment (agglomeration); T pays
    :math:`p_T a_T`.  Both specialisations are equilibria (filled markers: no worker gains by
    moving, S4.1, S4.2); the interior crossing is an equilibrium too but unstable (open marker).
    The dashed line is M made in the backward mode, stuck at :math:`g(0)` (S4.5).
    """
    import numpy as np

    from numeric.kernels import compile_kernel
    from symbolic import section4 as s4

    g = agglomeration if agglomeration is not None else sp.Lambda(sp.Symbol("x"), 1 + sp.Symbol("x") / 2)
    numbers = {s4.p_T: sp.sympify(value_T), s4.a_T: 1, s4.p_M: sp.sympify(value_M), s4.a_M: 1}
    grid = np.linspace(0.0, float(labour), 201)
    wage_M = compile_kernel(s4.wage_in_M(s4.L_M, agglomeration=g).subs(numbers), (s4.L_M,))(grid)
    wage_T = np.full_like(grid, float(s4.wage_in_T().subs(numbers)))
    backward = float(s4.wage_in_M(s4.L_M, agglomeration=s4.backward_mode(g)).subs(numbers))
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    ax.plot(grid, wage_T, color="tab:orange", label="wage in $T$: $p_T a_T$")
    ax.plot(grid, wage_M, color="tab:blue", label="wage in $M$: $p_M a_M g(L_M)$")
    ax.axhline(backward, color="tab:blue", linestyle="--", linewidth=0.8,
               label="$M$ in the backward mode: $p_M a_M g(0)$")
    for x, name in section4_allocations(value_T, value_M, labour, g):
        y = float(s4.income_per_worker(x, sp.sympify(labour), g).subs(numbers))
        corner = name != "interior"
        ax.plot([float(x)], [y], marker="o", markersize=8, linestyle="none", color="black" if corner else "white",
                markeredgecolor="black",
                label=f"equilibrium, {name} ($L_M = {sp.sstr(x)}$)" + ("" if corner else ", unstable"))
    ax.set_xlabel("workers in the advanced sector $M$, $L_M$")
    ax.set_ylabel("wage")
    ax.set_title("Infant industry: two specialisations are equilibria")
    ax.legend(fontsize=7, loc="upper left")
    fig.tight_layout()
    return fig


def worked_section7_economy() -> dict:
    """Eight sectors (exact data), none coordinated: Section 7's worked economy (docs/model.md §9.1)."""
    return {"names": ["coffee", "bananas", "software", "tourism", "textiles", "medical devices", "flowers", "cocoa"],
            "lambda_S": ["6", "5", "9", "4", "3", "8", "2", "3"],
            "lambda_N": ["2", "2", "6", "2", "2", "7", "1", "3"],
            "theta": ["3/2", "5/4", "3", "2", "6/5", "5/2", "7/4", "3/2"]}


def worked_section7_proposals(private_share=Fraction(1, 3)) -> dict:
    """One coordination proposal per sector of :func:`worked_section7_economy`.

    The social return is the GDP gain of coordinating the sector (beta = 1/2);
    the proposing cluster organisation captures ``private_share`` of it (it speaks
    for part of the sector only); the costs are fixed.
    """
    from numeric.economy import solve_economy

    w = worked_section7_economy()
    eq = solve_economy(w["lambda_S"], w["lambda_N"], w["theta"], [0] * len(w["names"]), beta="1/2", names=w["names"])
    social = [float(g) for g in eq.coordination_gain]
    return {"name": w["names"], "cost": ["3/10", "1/5", "4/25", "11/50", "1/20", "1/10", "9/50", "1/25"],
            "social_return": social, "private_return": [float(private_share) * r for r in social]}


def plot_economy(result, title: str = "Social return of coordinating each sector"):
    """GDP gain of coordinating each sector beside its comparative advantage (``coordfail economy --plot``)."""
    import numpy as np

    order = np.argsort(-result.comparative_advantage, kind="stable")
    ca, gain = result.comparative_advantage[order], result.coordination_gain[order]
    done = result.coordinated[order]
    plt = _pyplot()
    fig, (left, right) = plt.subplots(1, 2, figsize=(7.2, 3.8), sharex=True)
    xs = np.arange(1, result.J + 1)
    colours = np.where(done, "lightgray", "tab:green")
    if result.J <= 60:
        left.bar(xs, ca, color="tab:blue", edgecolor="black", linewidth=0.6)
        right.bar(xs, gain, color=colours, edgecolor="black", linewidth=0.6)
        if result.J <= 20:  # the gain from coordination beside each bar
            for x, g, t in zip(xs, gain, result.theta[order]):
                right.annotate(f"$\\theta = {t:.3g}$", (x, g), ha="center", va="bottom", fontsize=7, rotation=90,
                               xytext=(0, 2), textcoords="offset points")
            right.set_ylim(top=max(float(np.max(gain)), 0.0) * 1.35 or None)  # room for the labels
        labels = [result.name(int(j)) for j in order]
        for ax in (left, right):
            ax.set_xticks(xs)
            ax.set_xticklabels(labels, rotation=90, fontsize=8)
    else:
        left.scatter(xs, ca, s=2, color="tab:blue")
        right.scatter(xs, gain, s=2, c=colours)
    left.set_ylabel(r"$\lambda_{jS} / \lambda_{jN}$")
    left.set_title("comparative advantage", fontsize=9)
    right.set_title("social return of coordinating sector $j$", fontsize=9)
    right.set_ylabel("GDP gain at world prices")
    for ax in (left, right):
        ax.set_xlabel("sectors by comparative advantage, strongest first")
    if done.any():
        from matplotlib.patches import Patch

        right.legend(handles=[Patch(color="tab:green", label="uncoordinated: gain from coordinating"),
                              Patch(color="lightgray", label="coordinated: loss if it stopped")], fontsize=7)
    fig.suptitle(title, fontsize=10)
    fig.tight_layout()
    return fig


def section7_economy():
    """The worked Section 7 economy: gains from coordination against comparative advantage (S7.sf.5, S7.sf.6)."""
    from numeric.economy import solve_economy

    w = worked_section7_economy()
    eq = solve_economy(w["lambda_S"], w["lambda_N"], w["theta"], [0] * len(w["names"]), beta="1/2", names=w["names"])
    return plot_economy(eq, title="Section 7, eight sectors, $y_j = A_j L_j^{1/2}$: the social return of coordination")


def plot_grant_rules(proposals: dict, budgets, title: str = "Choosing among proposals"):
    """Total net social return of the optimal selection and of the paper's rules as the budget grows."""
    import numpy as np

    from numeric.grants import grant_round

    totals = {"optimal (0/1 knapsack)": [], "by net return": [], "by net return per public unit": []}
    for B in budgets:
        r = grant_round(proposals["name"], proposals["cost"], proposals["social_return"], proposals["private_return"],
                        B)
        totals["optimal (0/1 knapsack)"].append(float(r.total_net_return))
        totals["by net return"].append(float(r.rules["net return"].total_net_return))
        totals["by net return per public unit"].append(float(r.rules["net return per public unit"].total_net_return))
    xs = np.array([float(b) for b in budgets])
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    styles = {"optimal (0/1 knapsack)": dict(color="black", linewidth=2.0),
              "by net return": dict(color="tab:red", linestyle="--"),
              "by net return per public unit": dict(color="tab:blue", linestyle=":")}
    for label, ys in totals.items():
        ax.step(xs, ys, where="post", label=label, **styles[label])
    best = np.array(totals["optimal (0/1 knapsack)"])
    worst = np.minimum(totals["by net return"], totals["by net return per public unit"])
    ax.fill_between(xs, worst, best, step="post", color="tab:orange", alpha=0.2, label="shortfall of a ranking rule")
    ax.set_xlabel("budget B (public money)")
    ax.set_ylabel("total net social return")
    ax.set_title(title)
    ax.legend(fontsize=7, loc="lower right")
    fig.tight_layout()
    return fig


def section7_grants(points: int = 120):
    """The worked grant round: the knapsack optimum against the paper's ranking rules (S7.grant.3, S7.grant.4)."""
    from numeric.grants import grant_round

    proposals = worked_section7_proposals()
    everything = grant_round(proposals["name"], proposals["cost"], proposals["social_return"],
                             proposals["private_return"], 10**6)
    top = float(sum(everything.contributions[n] for n in everything.eligible))
    budgets = [top * k / (points - 1) for k in range(points)]
    return plot_grant_rules(proposals, budgets,
                            title="Section 7, worked grant round: optimum against the ranking rules")


#: figure name -> (function building it from no arguments, caption)
FIGURES = {
    "section2_spillovers": (section2_spillover_payoffs,
                            "Section 2, knowledge spillovers ($A = 3$, $C = 1$): payoffs of the modern and "
                            "backward technologies against the share $n$; $n = 0$ and $n = 1$ are stable "
                            "equilibria, the interior $n^* = (1 + C)/A$ is unstable (S2.spill.4, S2.spill.5)."),
    "section2_prevention": (section2_prevention,
                            "Section 2, foot-and-mouth eradication with $P(E) = 1 - e^{-E}$ and $V = 4$: "
                            "Nash total spending $\\log V$ against the first best $\\log(NV)$; the gap "
                            "$\\log N$ grows with the number of producers (S2.fmd.4)."),
    "section2_division_of_labour": (section2_division_of_labour_region,
                                    "Section 2, division of labour: parameters $(\\alpha, L/F)$ for which "
                                    "all-modern is an equilibrium, $(1-\\alpha)L/F \\ge "
                                    "\\alpha^{-\\alpha/(1-\\alpha)}$ (S2.dol.4); all-backward always is."),
    "section4_wages": (section4_wages,
                       "Section 4, infant industry with $p_T a_T = 3/2$, $p_M a_M = 1$, $L = 4$ and "
                       "$g(L_M) = 1 + L_M/2$: wages in T and M against the allocation; everybody in T and "
                       "everybody in M are both equilibria (no worker gains by moving, S4.1, S4.2), the "
                       "interior crossing is unstable; made in the backward mode (dashed, $g$ stuck at "
                       "$g(0)$) M pays less than T (S4.5)."),
    "section5_wages": (lambda: section5_wages(*worked_section5_instance()),
                       "Section 5, worked instance ($\\lambda_{jS} = 7 - j$, $\\lambda_{jN} = 1$, "
                       "$\\theta_j = 2$): coordinated equilibria exist exactly where condition (*) holds "
                       "(weakly), their wages fall with $j$, and $w(1,U)$ is the lowest; at sector 4 (*) holds "
                       "with equality and $w(4,C) = w(1,U)$, the tie of S5.10."),
    "section7_economy": (section7_economy,
                         "Section 7 (project formalization), eight sectors with specific factors, "
                         "$y_j = A_j L_j^{1/2}$, none coordinated: the GDP gain from coordinating each sector "
                         "beside its comparative advantage $\\lambda_{jS}/\\lambda_{jN}$. Stronger comparative "
                         "advantage is worth more at equal $\\theta$ (S7.sf.5), but a larger $\\theta_j$ can "
                         "outweigh it (S7.sf.6)."),
    "section7_grants": (section7_grants,
                        "Section 7 (project formalization), a matching-grant round over the eight coordination "
                        "proposals (social return = GDP gain, a third of it captured by the proposers): total net "
                        "social return of the optimal selection (an exact 0/1 knapsack) and of the paper's ranking "
                        "rules as the budget grows; both rules fall short at some budgets (S7.grant.3, S7.grant.4)."),
}
