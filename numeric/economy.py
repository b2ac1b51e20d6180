r"""General equilibrium of South with several active sectors (Section 7, docs/model.md §9.1).

Each sector :math:`j` has a concave technology :math:`y_j = F(L_j; A_j)`, sells at
the world price :math:`p_j = 1/(\theta_j\lambda_{jN})` (Section 5), and its
productivity is :math:`A_j = \theta_j\lambda_{jS}` if it is coordinated and
:math:`\lambda_{jS}` if not.  Competitive sectors hire until the value marginal
product equals the wage, and labour clears:

.. math::  p_j F'(L_j; A_j) = w \ \text{ where } L_j > 0, \qquad
           p_j F'(0; A_j) \le w \ \text{ where } L_j = 0, \qquad \sum_j L_j = L.

Everything that depends on the technology is derived from its SymPy expression
and compiled through :func:`numeric.kernels.compile_kernel` (the one lambdify
boundary): the value marginal product, its value at zero (finite: sectors can be
inactive, e.g. :math:`A((1+L)^\beta - 1)`), the labour demand (the first-order
condition solved by SymPy when it can; otherwise inverted sector by sector with
SciPy's vectorised :func:`scipy.optimize.newton`).  Aggregate demand
:math:`D(w) = \sum_j L_j(w)` is decreasing, and :math:`D(w) = L` is solved by
SciPy's :func:`scipy.optimize.brentq`.  When the demand separates as
:math:`c\,h(w)\,g(p, A)` (SymPy's ``separatevars``; Cobb-Douglas does) the sum
:math:`\sum_j g(p_j, A_j)` is computed once and the root finder works on a scalar.

**Social return of coordinating a sector** -- GDP at world prices with sector
:math:`j` coordinated minus GDP without, everything else as given -- is computed

* in **closed form** for Cobb-Douglas :math:`F = A L^\beta` (claim S7.sf.1:
  :math:`Y = L^\beta S^{1/\sigma}`, :math:`S = \sum_i (p_iA_i)^\sigma`): for every
  sector at once, :math:`L^\beta S^{1/\sigma}\,\mathrm{expm1}(\log1p(\Delta_j/S)/\sigma)`;
* by a **re-solve** per sector (labour clearing solved again with sector
  :math:`j`'s productivity changed) when :math:`J` times the number of sectors is
  at most :data:`EXACT_RESOLVE_LIMIT` -- in double precision, a difference of
  two GDPs: its error is not bounded (``gain_error_bound`` is ``nan``);
* otherwise with **rigorous bounds** and their midpoint: the new wage is
  bracketed on a grid (aggregate demand evaluated once per grid wage), and since
  every other sector's output changes by :math:`w\,dL_i` along the way, the gain
  lies between the values at the bracket's ends (see :func:`_bounded_gains`).
  :attr:`Economy.gain_error_bound` is half the width of each bracket of the
  gain; the result says which method was used.

The specific factor's income in sector :math:`j` (:math:`p_jF - wL_j`) and its
change when :math:`j` is coordinated (the part of the social return the
sector's own factor owners capture) come with it.

>>> eq = solve_economy([2, 1, 1], [1, 1, 1], [2, 2, 1], [0, 0, 0], beta="1/2")
>>> round(eq.wage, 12), round(eq.gdp, 12), eq.active.tolist()      # Y = sqrt(1 + 1/4 + 1)
(0.75, 1.5, [True, True, True])
>>> [round(float(g), 6) for g in eq.coordination_gain]   # sector 1: the strongest comparative advantage
[0.791288, 0.232051, 0.0]
>>> eq.gain_method
'closed form (Cobb-Douglas, S7.sf.1)'
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import Sequence

import numpy as np
import sympy as sp

from symbolic import section5 as s5
from symbolic import section7 as s7

from .equilibria import InputError
from .exact import as_fraction
from .kernels import compile_kernel
from .technology import CompiledTechnology, Technology, compile_technology, increasing_and_concave

__all__ = ["Technology", "Economy", "solve_economy", "EXACT_RESOLVE_LIMIT", "BOUND_GRID", "InputError"]

#: sectors x sectors up to which each social return is an exact re-solve (each re-solve evaluates D(w) a few dozen times)
EXACT_RESOLVE_LIMIT = 4_000_000
#: wages on the grid that brackets the new wage when social returns are bounded
BOUND_GRID = 48


# -- results ----------------------------------------------------------------------------------

@dataclass(frozen=True, eq=False)
class Economy:
    """The equilibrium of one economy and the social return of coordinating each sector.

    Arrays are per sector, in input order.  ``coordination_gain[j]`` is GDP with
    sector ``j`` coordinated minus GDP without (the others as given), for every
    sector: for a sector that is already coordinated it is what losing
    coordination would cost.
    """

    names: tuple | None
    technology: Technology
    total_labour: float
    price: np.ndarray = field(repr=False)
    productivity: np.ndarray = field(repr=False)
    coordinated: np.ndarray = field(repr=False)
    wage: float
    gdp: float
    labour: np.ndarray = field(repr=False)
    active: np.ndarray = field(repr=False)
    coordination_gain: np.ndarray = field(repr=False)
    gain_method: str = ""
    gain_error_bound: np.ndarray = field(default=None, repr=False)  #: |computed - exact| <= this, per sector
    private_gain: np.ndarray = field(default=None, repr=False)  #: change of sector j's specific-factor income
    private_gain_error_bound: np.ndarray = field(default=None, repr=False)
    comparative_advantage: np.ndarray = field(default=None, repr=False)  #: lambda_jS / lambda_jN
    theta: np.ndarray = field(default=None, repr=False)
    exact_input: bool = False
    residual: float = 0.0  #: |sum L_j - L| / L at the solution

    @property
    def J(self) -> int:
        return len(self.price)

    @property
    def approximate(self) -> bool:
        """Some social return is not exact: bounded (``> 0``) or not bounded at all (``nan``)."""
        return bool(np.any(~(self.gain_error_bound == 0)))

    def name(self, j: int) -> str:
        return self.names[j] if self.names else str(j + 1)

    def ranking(self) -> list[int]:
        """Uncoordinated sectors (0-based), largest social return of coordinating them first."""
        idx = np.flatnonzero(~self.coordinated)
        return [int(j) for j in idx[np.argsort(-self.coordination_gain[idx], kind="stable")]]

    def as_dict(self, limit: int | None = None) -> dict:
        """The JSON document of ``coordfail economy --json``."""
        names = [self.name(j) for j in range(self.J)]
        ranked = self.ranking()
        shown = ranked if limit is None else ranked[:limit]
        return {
            "wage": self.wage, "gdp": self.gdp, "total_labour": self.total_labour,
            "technology": self.technology.name,
            "labour": {names[j]: float(self.labour[j]) for j in range(self.J)},
            "active": [names[j] for j in np.flatnonzero(self.active)],
            "coordination_gain": {names[j]: float(self.coordination_gain[j]) for j in shown},
            # null: not bounded (a re-solve in floats)
            "coordination_gain_error_bound": {names[j]: _bound(self.gain_error_bound[j]) for j in shown},
            "private_gain": {names[j]: float(self.private_gain[j]) for j in shown},
            "private_gain_error_bound": {names[j]: _bound(self.private_gain_error_bound[j]) for j in shown},
            "gain_method": self.gain_method,
            "formalization": "project (docs/model.md §9.1)",
        }

    def table(self, limit: int = 20) -> str:
        """The ranking as text; where the social returns are bounded, not exact, each with its bound (``± b``),
        and the ranks whose brackets overlap named as not established."""
        ranked = self.ranking()[:limit]
        bounded = self.gain_error_bound is not None and bool(np.any(np.isfinite(self.gain_error_bound)
                                                                    & (self.gain_error_bound > 0)))
        width = 22 if bounded else 14

        def value(x, bound) -> str:
            if not bounded or not np.isfinite(bound) or bound == 0:
                return f"{x:.8g}"
            return _with_bound(x, bound)

        header = (f"{'rank':>4}  {'sector':<20} {'r_j = lS/lN':>12} {'theta':>8} {'L_j':>12} {'gain':>{width}} "
                  f"{'captured':>{width}}")
        lines = [header, "-" * len(header)]
        for rank, j in enumerate(ranked, start=1):
            lines.append(f"{rank:>4}  {self.name(j)[:20]:<20} {self.comparative_advantage[j]:>12.6g} "
                         f"{self.theta[j]:>8.4g} {self.labour[j]:>12.6g} "
                         f"{value(self.coordination_gain[j], self.gain_error_bound[j]):>{width}} "
                         f"{value(self.private_gain[j], self.private_gain_error_bound[j]):>{width}}")
        if bounded:
            g, b = self.coordination_gain[ranked], np.nan_to_num(self.gain_error_bound[ranked], nan=np.inf)
            ties = [f"{r}-{r + 1}" for r in range(1, len(ranked)) if g[r - 1] - b[r - 1] <= g[r] + b[r]]
            if ties:
                lines.append("ranks whose gain brackets (value ± bound) overlap, so their order is not established: "
                             + ", ".join(ties[:20]) + (f", ... ({len(ties) - 20} more)" if len(ties) > 20 else ""))
        return "\n".join(lines)

    def _repr_markdown_(self) -> str:
        rows = "\n".join(f"| {self.name(j)} | {self.labour[j]:.6g} | {self.coordination_gain[j]:.6g} |"
                         for j in self.ranking()[:20])
        return (f"Wage {self.wage:.6g}, GDP {self.gdp:.6g} ({self.technology.name}; social returns: "
                f"{self.gain_method})\n\n| sector | L_j | gain from coordinating |\n|---|---|---|\n{rows}")


# -- validation -------------------------------------------------------------------------------

def _vector(name: str, values, minimum: float, what: str, J: int | None) -> tuple[np.ndarray, bool]:
    if isinstance(values, (str, bytes)) or not hasattr(values, "__len__"):
        raise InputError(name, f"must be a list of numbers, got {type(values).__name__}")
    exact = not isinstance(values, np.ndarray) and all(isinstance(v, (int, Fraction, str)) and not isinstance(v, bool)
                                                       for v in values)
    try:
        if isinstance(values, np.ndarray):
            arr = np.asarray(values, dtype=float)
        else:  # each value as it is: "3/2" beside a Decimal 1.2 in one column
            arr = np.array([_as_float(f"{name}[{i}]", v) for i, v in enumerate(values)], dtype=float)
    except (TypeError, ValueError) as exc:
        if isinstance(exc, InputError):
            raise
        raise InputError(name, f"not numbers: {exc}") from None
    if arr.ndim != 1:
        raise InputError(name, f"must be one-dimensional, got shape {arr.shape}")
    if J is not None and len(arr) != J:
        raise InputError(name, f"ragged lengths: {len(arr)} values for {J} sectors")
    if len(arr) == 0:
        raise InputError(name, "empty input: give at least one sector")
    if not np.all(np.isfinite(arr)):
        bad = int(np.flatnonzero(~np.isfinite(arr))[0])
        raise InputError(f"{name}[{bad}]", f"must be finite, got {arr[bad]}")
    low = arr <= minimum if minimum == 0 else arr < minimum
    if low.any():
        bad = int(np.flatnonzero(low)[0])
        raise InputError(f"{name}[{bad}]", f"must be {what}, got {arr[bad]:g}")
    return arr, exact


def _as_float(where: str, v) -> float:
    """A value for the float solver: a float as it is, anything else from its exact value; one beyond the float
    range (1e400 written as a decimal) is refused, not read as inf."""
    if isinstance(v, float):
        return v
    try:
        exact = as_fraction(v.item() if isinstance(v, np.generic) else v)
        x = float(exact)
    except OverflowError:
        raise InputError(where, f"{str(v).lower().replace('e+', 'e')} is beyond the floating-point range "
                                "(the economy is solved in floats): rescale the data") from None
    if x == 0 and exact != 0:  # 1e-400 is positive, not the 0 its float is
        raise InputError(where, f"{str(v).lower()} is below the floating-point range (the economy is solved in "
                                "floats): rescale the data")
    return x


def _with_bound(x: float, bound: float) -> str:
    """``x ± b`` with ``x`` rounded to the place of the bound's leading digit (the digits it supports) and ``b``
    the bound widened by that rounding and rounded *up* to two digits, so that the interval printed contains
    the one computed: ``261.05471`` within ``36.6`` is ``260 ± 38``.

    >>> _with_bound(261.05471, 36.6), _with_bound(25.63, 0.61), _with_bound(0.3715, 0.2432)
    ('260 ± 38', '25.6 ± 0.64', '0.4 ± 0.28')
    """
    place = math.floor(math.log10(bound))
    shown = round(x, -place)
    wider = bound + abs(x - shown)
    step = math.floor(math.log10(wider)) - 1  # two digits
    wider = math.ceil(wider / 10.0 ** step) * 10.0 ** step
    return f"{shown:.{max(0, -place)}f} ± {wider:.{max(0, -step)}f}"


def _bound(x) -> float | None:
    return None if math.isnan(float(x)) else float(x)


def _excess_over_one(name: str, values, arr: np.ndarray) -> np.ndarray:
    """``theta - 1`` from each value as given (``1 + 10**-15`` written exactly is not the float
    1.000000000000001, 11 % off once 1 is subtracted); a value given exactly below 1 is refused, even where its
    float rounds to 1 (0.99999999999999999999)."""
    if isinstance(values, np.ndarray):
        return arr - 1.0
    out = arr - 1.0
    for i, v in enumerate(values):
        if isinstance(v, float):
            continue
        excess = as_fraction(v.item() if isinstance(v, np.generic) else v) - 1
        if excess < 0:
            raise InputError(f"{name}[{i}]", f"must be >= 1 (coordination cannot lower productivity), got {v}")
        out[i] = float(excess)
    return out


def _flags(coordinated, J: int) -> np.ndarray:
    """0/1 flags: bools, 0/1 numbers or the strings "0"/"1" (as a CSV cell gives them)."""
    if coordinated is None:
        return np.zeros(J, dtype=bool)
    if isinstance(coordinated, (str, bytes)) or not hasattr(coordinated, "__len__"):
        raise InputError("coordinated", f"must be a list of 0/1 flags, got {type(coordinated).__name__}")
    if len(coordinated) != J:
        raise InputError("coordinated", f"ragged lengths: {len(coordinated)} flags for {J} sectors")
    if isinstance(coordinated, np.ndarray) and coordinated.dtype.kind in "biuf":
        values = coordinated
    else:
        values = np.array([_flag(i, v) for i, v in enumerate(coordinated)], dtype=float)
    if values.ndim != 1 or not bool(np.all((values == 0) | (values == 1))):
        bad = int(np.flatnonzero(~((values == 0) | (values == 1)))[0])
        raise InputError(f"coordinated[{bad}]", f"must be 0 or 1, got {coordinated[bad]!r}")
    return values.astype(bool)


def _flag(i: int, v) -> float:
    if isinstance(v, str) and v.strip() in ("0", "1"):
        return float(v.strip())
    if isinstance(v, (bool, int, float, Fraction, Decimal, np.integer, np.floating, np.bool_)) and v in (0, 1):
        return float(v)  # 1.0 in a CSV is the Decimal 1.0: the flag 1
    raise InputError(f"coordinated[{i}]", f"must be 0 or 1, got {v if isinstance(v, Decimal) else repr(v)}")


# -- the solver ---------------------------------------------------------------------------------

def solve_economy(lambda_S: Sequence, lambda_N: Sequence, theta: Sequence, coordinated: Sequence | None = None, *,
                  beta=None, labour=1, technology: Technology | None = None, names: Sequence[str] | None = None,
                  gains: str = "auto") -> Economy:
    r"""Solve South's equilibrium and the social return of coordinating each sector.

    ``lambda_S``, ``lambda_N`` (positive), ``theta`` (:math:`\ge 1`) per sector,
    ``coordinated`` 0/1 flags (default: none), total ``labour`` :math:`L > 0`.
    The technology is Cobb-Douglas :math:`A L^\beta` with ``beta`` (default
    ``1/2``) unless ``technology`` is given.  ``gains``: ``"auto"`` (closed form
    for Cobb-Douglas, else an exact re-solve when affordable, else bounds),
    ``"exact"``, ``"bounds"`` or ``"none"``.

    Raises :class:`InputError` (a ``ValueError``) naming the field and the reason.
    """
    lam_S, exact_S = _vector("lambda_S", lambda_S, 0, "positive", None)
    J = len(lam_S)
    lam_N, exact_N = _vector("lambda_N", lambda_N, 0, "positive", J)
    th, exact_T = _vector("theta", theta, 1, ">= 1 (coordination cannot lower productivity)", J)
    th_excess = _excess_over_one("theta", theta, th)
    flags = _flags(coordinated, J)
    if names is not None:
        names = tuple(names)
        if len(names) != J:
            raise InputError("sectors", f"ragged lengths: {len(names)} names for {J} sectors")
    total = _positive_number("labour", labour)
    if technology is None:
        technology = Technology.cobb_douglas("1/2" if beta is None else beta)
    elif beta is not None:
        raise InputError("beta", "give beta or a technology, not both")
    if gains not in ("auto", "exact", "bounds", "none", "closed form"):
        raise InputError("gains", f"must be auto, exact, bounds or none, got {gains!r}")
    if not increasing_and_concave(technology):
        raise InputError("technology", "must be increasing and concave in labour")
    kern = compile_technology(technology)

    _PRICE, _PRODUCTIVITY_C, _PRODUCTIVITY_U, _RAW_CA = _section5_kernels()
    price = _PRICE(lam_N, th)
    A_now = np.where(flags, _PRODUCTIVITY_C(lam_S, th), _PRODUCTIVITY_U(lam_S, th))
    A_other = np.where(flags, _PRODUCTIVITY_U(lam_S, th), _PRODUCTIVITY_C(lam_S, th))
    wage, alloc, active = _equilibrium(kern, price, A_now, total)
    _check_first_order_conditions(kern, wage, alloc, active, price, A_now, total)
    _check_concave(kern, alloc, active, price, A_now)
    gdp = float(np.sum(kern.value_output(alloc, price, A_now)))
    residual = abs(float(np.sum(alloc)) - total) / total
    if not residual <= FIRST_ORDER_TOLERANCE:  # L = 1e-17 in the shifted technology: sectors hired 111 L
        raise FloatingPointError(f"labour does not clear at the computed wage (demand off by {residual:.2g} of L)")

    cd = technology.cobb_douglas_exponent
    private_bound = np.zeros(J)
    if gains == "none":
        gain = bound = private = private_bound = np.full(J, np.nan)
        method = "not computed"
    elif cd is not None and gains in ("auto", "closed form"):
        gain, private = _closed_form_gains(float(cd), price, A_now, th_excess, total, gdp, flags)
        bound, method = np.zeros(J), "closed form (Cobb-Douglas, S7.sf.1)"
    elif gains == "exact" or (gains == "auto" and J * J <= EXACT_RESOLVE_LIMIT):
        gain, private = _exact_gains(kern, price, A_now, A_other, total, wage, alloc, active, gdp, flags)
        # a difference of two GDPs, each from a root finder in floats: no bound is claimed (an outside red team
        # measured errors of 2e-5 relative where "4 J eps Y" had been promised)
        bound = private_bound = np.full(J, np.nan)
        method = "re-solve per sector (brentq in double precision; rounding and root-finding error not bounded)"
    else:
        gain, bound, private, private_bound = _bounded_gains(kern, price, A_now, A_other, total, wage, alloc, active,
                                                             flags)
        method = (f"bounds from a {BOUND_GRID}-wage bracket of each new wage (midpoint reported; "
                  f"max error bound {float(np.max(bound)):.3g})")
    if gains != "none" and not (np.all(np.isfinite(gain)) and np.all(np.isfinite(private))):
        raise FloatingPointError("the social returns are not finite numbers in double precision")
    return Economy(names, technology, total, price, A_now, flags, wage, gdp, alloc, active, gain, method, bound,
                   private, private_bound, _RAW_CA(lam_S, lam_N), th, exact_S and exact_N and exact_T, residual)


#: how far an active sector's value marginal product may be from the wage, relatively, at the solution
FIRST_ORDER_TOLERANCE = 1e-6


def _check_first_order_conditions(kern: CompiledTechnology, wage: float, alloc, active, price, A, total: float) -> None:
    """Every active sector pays the wage its value marginal product (FloatingPointError where double precision
    could not hold the equilibrium: near beta = 1 a labour demand ~ x^(1/(1 - beta)) leaves the float range
    while the root finder still reports a root)."""
    if not (math.isfinite(wage) and wage > 0 and np.all(np.isfinite(alloc))):
        raise FloatingPointError("the equilibrium wage or allocation is not a finite number")
    normal = active & (alloc > 1e-250 * total)  # denormal allocations carry too few bits to test
    if not normal.any():
        return
    gap = np.abs(kern.value_mp(alloc[normal], price[normal], A[normal]) / wage - 1)
    if not (np.all(np.isfinite(gap)) and float(np.max(gap)) <= FIRST_ORDER_TOLERANCE):
        raise FloatingPointError(f"the first-order conditions fail at the computed allocation (off by "
                                 f"{float(np.nanmax(gap)) if np.isfinite(gap).any() else float('inf'):.2g})")


def _positive_number(name: str, value) -> float:
    try:
        x = float(as_fraction(value)) if not isinstance(value, float) else float(value)
    except (TypeError, ValueError) as exc:
        raise InputError(name, f"must be a number, got {value!r} ({exc})") from None
    if not (math.isfinite(x) and x > 0):
        raise InputError(name, f"must be a positive finite number, got {value!r}")
    return x


@lru_cache(maxsize=None)
def _section5_kernels():
    """Section 5's world price, the two productivities and comparative advantage, from their SymPy sources."""
    j = "j"
    return (compile_kernel(s5.world_price(j), (s5.lam_N(j), s5.theta(j))),
            compile_kernel(s7.productivity(j, True), (s5.lam_S(j), s5.theta(j))),
            compile_kernel(s7.productivity(j, False), (s5.lam_S(j), s5.theta(j))),
            compile_kernel(s5.raw_comparative_advantage(j), (s5.lam_S(j), s5.lam_N(j))))


def _demand(kern: CompiledTechnology, w, price, A, mp0=None) -> np.ndarray:
    """Each sector's labour at wage ``w`` (0 where the value marginal product at zero is at most ``w``).

    ``w``: one wage or one per sector; ``mp0``: :math:`p F'(0; A)` if already computed (it does not
    depend on the wage, and the bounds evaluate demand at a hundred wages).
    """
    active = None
    if kern.mp_at_zero is not None:
        active = (kern.mp_at_zero(price, A) if mp0 is None else mp0) > w
    if kern.demand is not None:
        # the closed form on every sector, kept where active: no gathers and scatters of J-sized arrays
        out = kern.demand(w, price, A)
        return np.maximum(out, 0.0) if active is None else np.where(active, np.maximum(out, 0.0), 0.0)
    out = np.zeros(price.shape)
    if active is None:
        active = np.ones(price.shape, dtype=bool)
    if active.any():  # Newton sector by sector, on the active ones only (no root where p F'(0) <= w)
        w_arr = np.broadcast_to(w, price.shape)
        out[active] = _invert(kern, w_arr[active], price[active], A[active])
    return np.maximum(out, 0.0)


def _invert(kern: CompiledTechnology, w, price, A) -> np.ndarray:
    """Solve p F'(L; A) = w for L > 0, sector by sector, in log L (vectorised Newton)."""
    from scipy import optimize

    def f(u, w, price, A):
        return np.log(kern.value_mp(np.exp(u), price, A)) - np.log(w)

    def fprime(u, w, price, A):
        L = np.exp(u)
        return L * kern.value_mp_slope(L, price, A) / kern.value_mp(L, price, A)

    u0 = np.zeros_like(w)
    with np.errstate(all="ignore"):
        try:
            u = optimize.newton(f, u0, fprime=fprime, args=(w, price, A), maxiter=200, tol=1e-14)
        except RuntimeError:  # Newton from log L = 0 can miss (a sector nearly inactive): bisect instead
            u = None
        if u is None or not np.all(np.isfinite(u)):
            u = _bisect_decreasing(f, w, price, A)
    return np.exp(u)


def _bisect_decreasing(f, *args, lo: float = -700.0, hi: float = 700.0, steps: int = 200) -> np.ndarray:
    """The root of ``f(u, *args)``, decreasing in ``u`` (F' falls as L grows), by vectorised bisection on
    [lo, hi]: slower than Newton, never lost."""
    shape = np.shape(args[0])
    lo_u, hi_u = np.full(shape, lo), np.full(shape, hi)
    for _ in range(steps):
        mid = (lo_u + hi_u) / 2
        right = f(mid, *args) > 0  # the value marginal product is still above the wage: more labour
        lo_u, hi_u = np.where(right, mid, lo_u), np.where(right, hi_u, mid)
    return (lo_u + hi_u) / 2


def _equilibrium(kern: CompiledTechnology, price, A, total: float) -> tuple[float, np.ndarray, np.ndarray]:
    """The wage that clears the labour market (brentq), the allocation and the active sectors
    (FloatingPointError where the data's scale leaves double precision: a demand that underflows to 0)."""
    try:
        return _clearing(kern, price, A, total)
    except (ValueError, ZeroDivisionError, OverflowError) as exc:  # math.log(0) of an underflowed demand
        raise FloatingPointError(f"labour demand left the float range ({exc})") from None


def _clearing(kern: CompiledTechnology, price, A, total: float) -> tuple[float, np.ndarray, np.ndarray]:
    from scipy import optimize  # imported on first use: loading the package stays cheap
    if kern.separable is not None:
        h, g = kern.separable
        G = float(np.sum(g(price, A)))  # the sum over sectors, once

        def excess(log_w):
            return math.log(float(h(np.array([math.exp(log_w)]))[0]) * G) - math.log(total)
    else:
        def excess(log_w):
            d = float(np.sum(_demand(kern, math.exp(log_w), price, A)))
            return (math.log(d) if d > 0 else -745.0) - math.log(total)

    lo, hi = _bracket(excess, _initial_wage(kern, price, A, total))
    log_w = optimize.brentq(excess, lo, hi, xtol=1e-15, rtol=4 * np.finfo(float).eps, maxiter=500)
    w = math.exp(log_w)
    alloc = _demand(kern, w, price, A)
    return w, alloc, alloc > 0


def _initial_wage(kern: CompiledTechnology, price, A, total: float) -> float:
    J = len(price)
    guess = kern.value_mp(np.full(min(J, 1000), total / J), price[:1000], A[:1000])
    return float(np.median(guess)) if np.all(np.isfinite(guess)) else 1.0


def _bracket(excess, w0: float) -> tuple[float, float]:
    """log-wages with excess demand > 0 and < 0 (demand falls as the wage rises)."""
    lo = hi = math.log(w0) if w0 > 0 and math.isfinite(w0) else 0.0
    step = 1.0
    for _ in range(200):
        if excess(lo) > 0:
            break
        lo -= step
        step *= 2
    else:
        raise OverflowError("no wage gives excess demand for labour in double precision")
    step = 1.0
    for _ in range(200):
        if excess(hi) < 0:
            break
        hi += step
        step *= 2
    else:
        raise OverflowError("no wage clears the labour market in double precision: demand stays above supply")
    return lo, hi


def _check_concave(kern: CompiledTechnology, alloc, active, price, A) -> None:
    L = np.where(active, alloc, 1.0)
    slope = kern.value_mp_slope(L, price, A)
    mp = kern.value_mp(L, price, A)
    if np.any(mp <= 0) or np.any(slope > 1e-12 * np.abs(mp) / np.maximum(L, 1e-300)):
        raise InputError("technology", "must be increasing and concave in labour where it is used")


# -- social returns ------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _coordination_multiplies_by_theta() -> bool:
    """Coordination multiplies a sector's productivity by exactly theta_j (A_C / A_U, from symbolic.section7)."""
    return sp.simplify(s7.productivity("j", True) / s7.productivity("j", False)) == s5.theta("j")


def _closed_form_gains(beta: float, price, A_now, theta_excess, total, gdp, flags):
    r"""Cobb-Douglas: :math:`Y = L^\beta S^{1/\sigma}` (S7.sf.1), for every sector at once.

    Switching sector :math:`j` (coordinating it, or for a coordinated sector
    removing coordination) multiplies its productivity by :math:`\theta_j^{\pm 1}`,
    so :math:`S` changes by :math:`d_j = x_j\,\mathrm{expm1}(\pm\sigma\log1p(\theta_j - 1))`,
    :math:`x_j = (p_jA_j)^\sigma`, and GDP becomes :math:`Y\,(1 + e_j)` with
    :math:`e_j = \mathrm{expm1}(\log1p(d_j/S)/\sigma)`: no cancellation however
    small one sector is or however close :math:`\theta_j` is to 1.  The specific
    factor in :math:`j` earns the share :math:`(1-\beta)\,x_j/S` of GDP.
    """
    if not _coordination_multiplies_by_theta():
        raise RuntimeError("the closed form assumes coordination multiplies productivity by theta")
    sigma = 1.0 / (1.0 - beta)
    sign = np.where(flags, -1.0, 1.0)  # a coordinated sector's switch removes coordination
    x_now = (price * A_now) ** sigma
    S = float(np.sum(x_now))
    d = x_now * np.expm1(sign * sigma * np.log1p(theta_excess))
    e = np.expm1(np.log1p(d / S) / sigma)
    rent_now = (1 - beta) * gdp * x_now / S
    rent_switched = (1 - beta) * gdp * (1 + e) * (x_now + d) / (S + d)
    return sign * gdp * e, sign * (rent_switched - rent_now)


def _exact_gains(kern, price, A_now, A_other, total, wage, alloc, active, gdp, flags):
    """Re-solve labour clearing with each sector's productivity switched (brentq per sector)."""
    J = len(price)
    gain, private = np.zeros(J), np.zeros(J)
    output_now = kern.value_output(alloc, price, A_now)
    rent_now = output_now - wage * alloc
    for j in range(J):
        A_j = A_now.copy()
        A_j[j] = A_other[j]
        w_j, alloc_j, _ = _equilibrium(kern, price, A_j, total)
        out_j = kern.value_output(alloc_j, price, A_j)
        delta = float(np.sum(out_j - output_now))  # sector by sector, then summed
        rent_j = float(out_j[j] - w_j * alloc_j[j])
        sign = -1.0 if flags[j] else 1.0  # coordinated now: the switch removes coordination
        gain[j], private[j] = sign * delta, sign * (rent_j - rent_now[j])
    return gain, private


def _bounded_gains(kern, price, A_now, A_other, total, wage, alloc, active, flags):
    r"""Bounds on each sector's social return from a bracket of its new wage.

    Switching sector :math:`j` to its other productivity moves the wage from
    :math:`w^*` to :math:`w'`.  Every other sector's value output changes by
    :math:`\int w\,dL_i` (its first-order condition), and the others' labour
    falls by exactly what :math:`j` gains (clearing), so

    .. math::  \Delta Y = p_jF(L_j', A_j') - p_jF(L_j^*, A_j) - \bar w\,(L_j' - L_j^*),
               \qquad \bar w \text{ between } w^* \text{ and } w'.

    Aggregate demand on a grid of wages brackets each :math:`w'`; the expression
    is linear in :math:`\bar w` and concave in :math:`L_j'`, so its extremes over
    the bracket are at its ends (or at :math:`L_j'` solving the sector's own
    first-order condition).  Sectors whose switch lowers the wage are handled
    the same way with the bracket below :math:`w^*`.  A sector whose value
    marginal product at zero is at most :math:`w^*` both as it is and switched
    stays out at :math:`w^*`: its switch changes nothing, its return is exactly 0
    (most sectors of a large economy with a finite marginal product at zero).
    """
    J = len(price)
    has_floor = kern.mp_at_zero is not None
    mp0_now = kern.mp_at_zero(price, A_now) if has_floor else None
    mp0_other = kern.mp_at_zero(price, A_other) if has_floor else None

    # switching j raises its demand at every wage when A_other > A_now (to coordinate), lowers it otherwise
    up = _demand(kern, wage, price, A_other, mp0_other) >= alloc
    # the grid: offsets from w* growing geometrically, up to a wage where every switch has excess supply
    span = 1.0
    while True:
        hi, lo = wage * (1 + span), wage / (1 + span)
        now_hi, now_lo = _demand(kern, hi, price, A_now, mp0_now), _demand(kern, lo, price, A_now, mp0_now)
        ok_hi = np.sum(now_hi) + np.max(_demand(kern, hi, price, A_other, mp0_other) - now_hi, initial=0) <= total
        ok_lo = np.sum(now_lo) + np.min(_demand(kern, lo, price, A_other, mp0_other) - now_lo, initial=0) >= total
        if (ok_hi or not up.any()) and (ok_lo or up.all()):
            break
        span *= 2
        if span > 1e12:
            raise RuntimeError("could not bracket the wages after coordination")

    # a sector inactive at w* both as it is and switched stays out at w*: its switch changes nothing (its
    # social return is exactly 0); the bounds are computed for the others, aggregate demand over all
    moves = (mp0_now > wage) | (mp0_other > wage) if has_floor else np.ones(J, dtype=bool)
    gain, half, private, private_half = (np.zeros(J) for _ in range(4))
    if not moves.any():
        return gain, half, private, private_half
    w_low = wage / (1 + span)
    rest = ~moves & (mp0_now > w_low) if has_floor else np.zeros(J, dtype=bool)  # active below w* only
    rest_args = (price[rest], A_now[rest], mp0_now[rest]) if rest.any() else None

    def demand_rest(w):  # the non-switching sectors' aggregate demand (0 at and above w*)
        if rest_args is None or w >= wage:
            return 0.0
        return float(np.sum(_demand(kern, w, *rest_args)))

    price, A_now, A_other, up, L_star = price[moves], A_now[moves], A_other[moves], up[moves], alloc[moves]
    mp0_now = mp0_now[moves] if has_floor else None
    mp0_other = mp0_other[moves] if has_floor else None
    n = len(price)
    y_star = kern.value_output(L_star, price, A_now)

    def demand_other(w):
        return _demand(kern, w, price, A_other, mp0_other)

    def demand_now(w):
        return _demand(kern, w, price, A_now, mp0_now)

    offsets = np.geomspace(1e-15, span, BOUND_GRID)
    w_a = np.full(n, wage)
    w_b = np.where(up, wage * (1 + span), w_low)
    found = np.zeros(n, dtype=bool)
    for direction, members in ((1, up), (-1, ~up)):
        if not members.any():
            continue
        for off in offsets:
            w = wage * (1 + off) if direction > 0 else wage / (1 + off)
            now = demand_now(w)
            # per sector: excess demand for labour at w once that sector is switched
            balance = float(np.sum(now)) + demand_rest(w) - now + demand_other(w) - total
            crossed = members & ~found & ((balance <= 0) if direction > 0 else (balance >= 0))
            w_b[crossed] = w
            found |= crossed
            w_a[members & ~found] = w
    # bounds of Delta Y over L' in [phi(w_b), phi(w_a)] and w-bar between w* and w_b
    L_hi, L_lo = demand_other(np.minimum(w_a, w_b)), demand_other(np.maximum(w_a, w_b))
    w_near, w_far = np.full(n, wage), w_b

    def H(Lp, wbar):
        return kern.value_output(Lp, price, A_other) - y_star - wbar * (Lp - L_star)

    corners = [H(Lx, wx) for Lx in (L_lo, L_hi) for wx in (w_near, w_far)]
    lower = np.minimum.reduce(corners)
    candidates = corners + [H(np.clip(demand_other(wx), L_lo, L_hi), wx) for wx in (w_near, w_far)]
    upper = np.maximum.reduce(candidates)
    mid = (lower + upper) / 2
    rent = kern.value_output(L_star, price, A_now) - wage * L_star

    def rent_after(w):
        Lp = demand_other(w)
        return kern.value_output(Lp, price, A_other) - w * Lp

    # the new income of j's specific factor falls as the wage rises (envelope): bounded by the bracket's ends
    r_a, r_b = rent_after(w_a), rent_after(w_b)
    sign = np.where(flags[moves], -1.0, 1.0)
    gain[moves], half[moves] = sign * mid, (upper - lower) / 2
    private[moves], private_half[moves] = sign * ((r_a + r_b) / 2 - rent), np.abs(r_a - r_b) / 2
    return gain, half, private, private_half
