r"""Numeric spot checks of the Section 2 and Section 4 claims.

Most S2/S4 obligations are polynomial in parameters with simple bounds, so the
generic check of :mod:`numeric.spot` (admissible draws by rejection from the
bounds sampler, exact boundary draws) covers them: each obligation is checked
on at least ``samples`` admissible draws.

Obligations about a *general* function -- the protection probability
:math:`P` of S2.fmd, the agglomeration :math:`g` of Section 4 -- have no
numeric value.  Their claims are checked here on concrete families instead,
in floating point with NumPy, each draw a new member of the family:

* :math:`P(E) = 1 - e^{-bE}` and :math:`P(E) = 1 - (1+E)^{-b}` (increasing,
  strictly concave), with Nash and first-best totals computed from the
  families' closed-form first-order conditions and checked against the
  producer's and the planner's payoffs by finite differences;
* :math:`g(L) = c L^\gamma` and :math:`g(L) = c(1 - e^{-L})` for Section 4.

Float comparisons there use a relative tolerance of :math:`10^{-9}` (stated in
each detail line); a disagreement beyond it is a violation.
"""

from __future__ import annotations

import time

import numpy as np

from numeric.spot import spot_check

from .registry import REGISTRY, SPOT_CHECKS, ClaimResult, SpotCheck, register_spot_check

__all__ = ["generic_check", "fmd_check", "infant_industry_check", "CUSTOM"]

_TOL = 1e-9


def generic_check(result: ClaimResult, samples: int, seed: int) -> SpotCheck:
    """Every obligation against its own verdict, on admissible draws (:func:`numeric.spot.spot_check`)."""
    out = spot_check(result.obligations, samples=samples, seed=seed)
    return SpotCheck(samples=out.samples, violations=out.violations, seconds=out.seconds, detail=out.detail)


# -- S2.fmd: concrete protection functions -------------------------------------------------


def _fmd_draws(samples: int, rng: np.random.Generator):
    N = rng.integers(2, 60, samples).astype(float)
    V = np.exp(rng.uniform(-3, 4, samples))  # V from 0.05 to 55: corner and interior solutions
    b = np.exp(rng.uniform(-2, 2, samples))
    family = rng.random(samples) < 0.5  # True: 1 - exp(-bE); False: 1 - (1+E)^(-b)
    return N, V, b, family


def _P(E, b, family):
    return np.where(family, -np.expm1(-b * E), 1 - (1 + E) ** (-b))


def _dP(E, b, family):
    return np.where(family, b * np.exp(-b * E), b * (1 + E) ** (-b - 1))


def _solve_marginal(target, b, family):
    """Total spending E >= 0 with P'(E) = target (0 when P'(0) <= target): the families' closed forms."""
    with np.errstate(divide="ignore", invalid="ignore"):
        exp_form = np.log(b / target) / b
        pow_form = (b / target) ** (1 / (b + 1)) - 1
    return np.maximum(0.0, np.where(family, exp_form, pow_form))


def fmd_check(claim_id: str):
    """A spot check of an S2.fmd claim on the concrete protection families."""

    def check(result: ClaimResult, samples: int, seed: int) -> SpotCheck:
        start = time.perf_counter()
        rng = np.random.default_rng([seed, 2, 3])
        N, V, b, family = _fmd_draws(samples, rng)
        E_N = _solve_marginal(1 / V, b, family)  # V P'(E) = 1
        E_star = _solve_marginal(1 / (N * V), b, family)  # N V P'(E) = 1
        scale = 1 + np.abs(E_star)
        if claim_id == "S2.fmd.1":
            # the derived condition V P'(E) = 1 is where one producer's payoff V P(e + E_-i) - e stops rising,
            # and N V P'(E) = 1 where the planner's N V P(E) - E does: central differences at the solutions
            h = 1e-6
            others = E_N * rng.random(samples)  # any split of E_N among producers
            e = E_N - others
            own = (V * _P(others + e + h, b, family) - (e + h) - V * _P(others + e - h, b, family) + (e - h)) / (2 * h)
            plan = (N * V * _P(E_star + h, b, family) - (E_star + h)
                    - N * V * _P(E_star - h, b, family) + (E_star - h)) / (2 * h)
            interior_N, interior_star = E_N > 1e-3, E_star > 1e-3
            bad = (interior_N & (np.abs(own) > 1e-5 * (1 + V))) | (interior_star & (np.abs(plan) > 1e-5 * (1 + N * V)))
            what = "finite-difference marginal payoffs vanish at the derived interior totals (tolerance 1e-5)"
        elif claim_id == "S2.fmd.2":
            interior = N * V * _dP(np.zeros(samples), b, family) > 1
            bad = (E_star < E_N - _TOL * scale) | (interior & ~(E_star > E_N))
            what = "E* >= E_N always and E* > E_N when N V P'(0) > 1"
        elif claim_id == "S2.fmd.3":
            interior = E_star > 0
            marginal = V * _dP(E_star, b, family) - 1  # each producer at E*/N, total E*
            bad = interior & ~(marginal < 0)
            what = "at every firm spending E*/N (E* > 0) each producer's marginal payoff is negative"
        elif claim_id == "S2.fmd.5":
            s = 1 - 1 / N
            E_grant = _solve_marginal((1 - s) / V, b, family)  # V P'(E) = 1 - s
            bad = np.abs(E_grant - E_star) > 1e-7 * scale
            what = "the Nash total under the grant s = 1 - 1/N equals the first best (tolerance 1e-7)"
        else:  # pragma: no cover - registration below lists the ids
            raise KeyError(claim_id)
        violations = int(bad.sum())
        detail = (f"{samples:,} draws of N in 2..59, V, b and P in {{1 - exp(-bE), 1 - (1+E)^(-b)}}: {what}")
        if violations:
            i = int(np.flatnonzero(bad)[0])
            detail += (f"; first disagreeing draw N = {N[i]:g}, V = {V[i]!r}, b = {b[i]!r}, "
                       f"exp-family = {bool(family[i])}")
        return SpotCheck(samples, violations, time.perf_counter() - start, detail)

    return check


# -- S4: concrete agglomeration functions ---------------------------------------------------


def infant_industry_check(claim_id: str):
    """A spot check of an S4 claim on concrete agglomeration functions g (a fresh g per draw)."""

    def check(result: ClaimResult, samples: int, seed: int) -> SpotCheck:
        start = time.perf_counter()
        rng = np.random.default_rng([seed, 4])
        p_T, a_T, p_M, a_M, L, c = (np.exp(rng.uniform(-2, 2, samples)) for _ in range(6))
        gamma = rng.uniform(1e-3, 1 - 1e-3, samples)
        power = rng.random(samples) < 0.5

        def g(x):
            return np.where(power, c * x**gamma, c * -np.expm1(-x))

        wage_T = p_T * a_T  # what a T firm can pay
        entrant_M = p_M * a_M * g(np.zeros(samples))  # a lone firm in M, L_M = 0
        wage_M = p_M * a_M * g(L)  # everybody in M
        if claim_id == "S4.1":
            # T is an equilibrium iff nobody gains by entering M alone; both families have g(0) = 0
            bad = ~(entrant_M <= wage_T)
            what = "specialisation in T is an equilibrium (g(0) = 0 in both families)"
        elif claim_id == "S4.2":
            is_eq = wage_T <= wage_M  # nobody gains by moving to T alone
            region = p_T * a_T <= p_M * a_M * g(L)
            both = (entrant_M <= wage_T) & region  # with g(0) = 0, T is always an equilibrium too
            bad = (is_eq != region) | (both != region)
            what = ("specialisation in M is an equilibrium iff p_T a_T <= p_M a_M g(L), and then both "
                    "specialisations are")
        elif claim_id == "S4.3":
            bad = (wage_M > wage_T) & ~(wage_M - wage_T > 0)
            what = "p_M a_M g(L) > p_T a_T implies the wage rises from T to M"
        elif claim_id == "S4.4":
            a_MS, a_MN, g_S, g_N, t = (np.exp(rng.uniform(-3, 3, samples)) for _ in range(5))
            price = 1 / (a_MN * g_N)
            wage = price * a_MS * g_S
            scaled = (1 / (a_MN * t * g_N)) * a_MS * (t * g_S)
            bad = (np.abs(wage - (a_MS / a_MN) * (g_S / g_N)) > _TOL * wage) | (np.abs(scaled - wage) > _TOL * wage)
            what = "South's wage (a_MS/a_MN)(g_S/g_N), unchanged when g_S and g_N scale together (rel. tol. 1e-9)"
        else:  # pragma: no cover
            raise KeyError(claim_id)
        violations = int(bad.sum())
        detail = f"{samples:,} draws, g(L) in {{c L^gamma, c(1 - exp(-L))}}: {what}"
        return SpotCheck(samples, violations, time.perf_counter() - start, detail)

    return check


#: claims whose obligations involve a general function: checked on concrete families instead
CUSTOM = {"S2.fmd.1": fmd_check, "S2.fmd.2": fmd_check, "S2.fmd.3": fmd_check, "S2.fmd.5": fmd_check,
          "S4.1": infant_industry_check, "S4.2": infant_industry_check, "S4.3": infant_industry_check,
          "S4.4": infant_industry_check}


def _register() -> None:
    from . import section2, section4  # noqa: F401  (registers the claims)

    for cid in REGISTRY:
        if cid in CUSTOM:
            register_spot_check(cid)(CUSTOM[cid](cid))
        elif cid.startswith(("S2.", "S4.")) and cid not in SPOT_CHECKS:
            register_spot_check(cid)(generic_check)


_register()
