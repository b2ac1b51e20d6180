"""Spot checks of S7.sf.*: the claims' obligations on admissible draws, and random economies solved from scratch.

Each check runs the generic check of the claim's obligations
(:func:`numeric.obligation_checks.spot_check`) and then solves random economies with
:func:`numeric.economy.solve_economy` -- brentq on labour-market clearing, GDP
summed sector by sector from the primitives :math:`\\lambda_{jS}, \\lambda_{jN},
\\theta_j` -- and checks the claim on them: real quantities, not the formulas the
engine decided.  Float comparisons allow only rounding (relative
:data:`ROUNDING`); anything beyond counts as a violation.
"""

from __future__ import annotations

import time
from dataclasses import replace
from fractions import Fraction
from functools import lru_cache

import numpy as np
import sympy as sp

from numeric.economy import solve_economy
from numeric.kernels import compile_kernel
from numeric.obligation_checks import spot_check
from symbolic import section7 as s7

from .claim import ClaimResult, SpotCheck

__all__ = ["ROUNDING", "economies"]

#: relative differences below this are rounding (sums of up to 40 sectors, a root found to full precision)
ROUNDING = 1e-11
#: the labour shares drawn (each compiles its technology once)
BETAS = ("1/10", "1/4", "1/3", "1/2", "2/3", "3/4", "9/10")


@lru_cache(maxsize=None)
def _closed_gdp():
    """S7.sf.1's closed form Y = L^beta S^(1/sigma), compiled from its SymPy derivation (on first use)."""
    return compile_kernel(s7.equilibrium().gdp, (s7.labour_force, s7.aggregate, s7.sigma))


def economies(rng: np.random.Generator, n: int, *, coordinated: str = "random", common_theta: bool = False):
    """``n`` random economies: (beta, labour, lambda_S, lambda_N, theta, flags)."""
    for _ in range(n):
        J = int(rng.integers(2, 41))
        beta = BETAS[int(rng.integers(len(BETAS)))]
        labour = float(rng.uniform(0.1, 10))
        lam_S, lam_N = rng.uniform(0.2, 5, J), rng.uniform(0.2, 5, J)
        if common_theta:
            theta = np.full(J, 1 + rng.exponential(0.5) + 1e-3)
        else:
            theta = np.where(rng.random(J) < 0.1, 1.0, 1 + rng.exponential(0.5, J))
        flags = {"random": rng.random(J) < 0.3, "none": np.zeros(J, bool), "all": np.ones(J, bool)}[coordinated]
        yield beta, labour, lam_S, lam_N, theta, flags


def _sigma(beta: str) -> float:
    return float(1 / (1 - Fraction(beta)))


class _Tally:
    def __init__(self):
        self.checked = self.violations = 0
        self.first = ""

    def check(self, ok: bool, what: str) -> None:
        self.checked += 1
        if not ok:
            self.violations += 1
            self.first = self.first or what


def _close(a, b) -> bool:
    return abs(a - b) <= ROUNDING * max(abs(a), abs(b), 1e-300)


def _sf1(rng, n, t: _Tally):
    for beta, L, lS, lN, th, fl in economies(rng, n):
        eq = solve_economy(lS, lN, th, fl, beta=beta, labour=L)
        sig = _sigma(beta)
        x = (eq.price * eq.productivity) ** sig
        S = float(np.sum(x))
        closed = float(_closed_gdp()(L, S, sig))
        t.check(_close(eq.gdp, closed), f"GDP {eq.gdp!r} against the closed form {closed!r} (beta = {beta})")
        t.check(_close(eq.wage, float(Fraction(beta)) * eq.gdp / L), f"wage {eq.wage!r} != beta Y / L")
        t.check(bool(np.all(np.abs(eq.labour - L * x / S) <= ROUNDING * L)), "allocation != L v^sigma / S")
        t.check(bool(eq.active.all()), "a sector is inactive")


def _sf2(rng, n, t: _Tally):
    for beta, L, lS, lN, th, fl in economies(rng, n):
        eq = solve_economy(lS, lN, th, fl, beta=beta, labour=L, gains="none")
        b, v = float(Fraction(beta)), eq.price * eq.productivity
        J = eq.J
        others = rng.dirichlet(np.ones(J), 20) * L  # arbitrary allocations of the same labour
        nudges = eq.labour + 1e-3 * L * (rng.dirichlet(np.ones(J), 20) - 1 / J)  # small moves away from L*
        for alloc in np.vstack([others, np.maximum(nudges, 0)]):
            alloc = alloc * (L / alloc.sum())
            y = float(np.sum(v * alloc ** b))
            t.check(y <= eq.gdp * (1 + ROUNDING), f"another allocation gives GDP {y!r} > {eq.gdp!r}")


def _sf3(rng, n, t: _Tally):
    for beta, L, lS, lN, th, fl in economies(rng, n):
        eq = solve_economy(lS, lN, th, fl, beta=beta, labour=L, gains="none")
        for k in np.flatnonzero(~fl & (th > 1))[:3]:
            flipped = fl.copy()
            flipped[k] = True
            after = solve_economy(lS, lN, th, flipped, beta=beta, labour=L, gains="none")
            t.check(after.gdp > eq.gdp and after.wage > eq.wage,
                    f"coordinating sector {k + 1} (theta {th[k]!r}) moved GDP {eq.gdp!r} -> {after.gdp!r}")


def _sf4(rng, n, t: _Tally):
    for beta, L, lS, lN, th, fl in economies(rng, n, coordinated="all"):
        a = solve_economy(lS, lN, th, fl, beta=beta, labour=L, gains="none")
        other = 1 + rng.exponential(2.0, len(th))
        b = solve_economy(lS, lN, other, fl, beta=beta, labour=L, gains="none")
        t.check(_close(a.gdp, b.gdp) and _close(a.wage, b.wage),
                f"all coordinated: GDP {a.gdp!r} with one theta, {b.gdp!r} with another")


def _sf5(rng, n, t: _Tally):
    for beta, L, lS, lN, th, fl in economies(rng, n, coordinated="none", common_theta=True):
        eq = solve_economy(lS, lN, th, fl, beta=beta, labour=L)
        order = np.argsort(-eq.comparative_advantage)
        ca, gain = eq.comparative_advantage[order], eq.coordination_gain[order]
        distinct = ca[:-1] > ca[1:] * (1 + 1e-9)
        t.check(bool(np.all(gain[:-1][distinct] > gain[1:][distinct])),
                "with a common theta, a stronger comparative advantage is not worth more")


def _sf7(rng, n, t: _Tally):
    for beta, L, lS, lN, th, fl in economies(rng, n, coordinated="none"):
        th = np.maximum(th, 1 + 1e-3)
        eq = solve_economy(lS, lN, th, fl, beta=beta, labour=L)
        t.check(bool(np.all(eq.coordination_gain > 0)), "coordinating some sector does not raise GDP")
        b, v = float(Fraction(beta)), eq.price * eq.productivity
        for m in rng.integers(0, eq.J, 3):
            x = float(rng.uniform(0, L))
            if abs(x - eq.labour[m]) < 1e-9 * L:
                continue
            rest = [j for j in range(eq.J) if j != m]
            y_rest = solve_economy(lS[rest], lN[rest], th[rest], fl[rest], beta=beta, labour=L - x,
                                   gains="none").gdp if L - x > 1e-12 else 0.0
            y_push = v[m] * x ** b + y_rest
            t.check(y_push < eq.gdp * (1 + ROUNDING), f"pushing labour into sector {m + 1} gives GDP {y_push!r} >= {eq.gdp!r}")


def _sf6(result: ClaimResult, t: _Tally):
    """Re-solve each witness economy (two sectors, L = 1) with the solver."""
    for ob, verdict in result.obligations:
        point = verdict.witness
        if not point:
            continue
        beta = "1/2" if "beta = 1/2" in ob.label else "2/3"
        value = {k.name: sp.Rational(v) for k, v in point.items()}
        lS = [value["lambda_1S"], value["lambda_2S"]]
        lN = [value["lambda_1N"], value["lambda_2N"]]
        th = [value["theta_1"], value["theta_2"]]
        as_text = lambda xs: [f"{x.p}/{x.q}" for x in xs]  # noqa: E731 -- exact input to the solver
        eq = solve_economy(as_text(lS), as_text(lN), as_text(th), [0, 0], beta=beta, labour=1)
        r = eq.comparative_advantage
        t.check(r[1] < r[0] and th[1] > th[0] and eq.coordination_gain[1] > eq.coordination_gain[0],
                f"the witness of {ob.label!r} does not re-solve as claimed")


_CHECKS = {"S7.sf.1": _sf1, "S7.sf.2": _sf2, "S7.sf.3": _sf3, "S7.sf.4": _sf4, "S7.sf.5": _sf5, "S7.sf.7": _sf7}


def _make(claim_id: str):
    def check(result: ClaimResult, samples: int, seed: int) -> SpotCheck:
        start = time.perf_counter()
        generic = spot_check(result.obligations, samples=samples, seed=seed)
        tally = _Tally()
        if claim_id == "S7.sf.6":
            _sf6(result, tally)
            what = "witness economies re-solved"
        else:
            rng = np.random.default_rng([int(seed) & 0xFFFFFFFF, int(claim_id.split(".")[-1])])
            n = int(min(200, max(20, samples // 2000)))
            _CHECKS[claim_id](rng, n, tally)
            what = f"checks on {n} random economies (J = 2..40) solved by numeric.economy"
        detail = generic.detail + f"; solver: {tally.checked} {what}, {tally.violations} violations"
        if tally.first:
            detail += f" (first: {tally.first})"
        return replace(SpotCheck.of(generic, detail), violations=generic.violations + tally.violations,
                       seconds=time.perf_counter() - start)

    return check


def spot_checks() -> dict:
    """Claim id -> the Section 7 spot checks of their own (solver-based, beside the generic check)."""
    return {cid: _make(cid) for cid in (*_CHECKS, "S7.sf.6")}
