r"""A competitive matching-grant round (Section 7, docs/model.md §9.2): shares, the optimal selection, the paper's rules.

Proposal :math:`i` costs :math:`c_i > 0`, returns :math:`R_i` to society, of
which its proposers capture :math:`\pi_i` (:math:`0 \le \pi_i \le R_i`).  With a
public share :math:`s_i` of the cost they go ahead iff
:math:`\pi_i \ge (1 - s_i)c_i`; the smallest such share, derived in
:func:`symbolic.section7.minimal_share` and compiled here, is
:math:`s_i^* = \max(0, 1 - \pi_i/c_i)`, so the public money it needs is
:math:`g_i = s_i^* c_i = \max(0, c_i - \pi_i)` (claim S7.grant.1).

Funding :math:`i` is worth its net social return :math:`R_i - c_i` (public money
is a transfer).  Proposals with :math:`R_i < c_i` are never funded, and those
that need no public money (:math:`g_i = 0`) go ahead at share 0.  The rest is a
0/1 knapsack,

.. math::  \max \sum_i (R_i - c_i)\,x_i \quad\text{s.t.}\quad \sum_i g_i x_i \le B,\ x_i \in \{0, 1\},

solved by :mod:`numeric.knapsack`: an exact reduction, HiGHS on the core, and an
exact proof of optimality (the LP bound met, or an exhaustive exact search) --
or, past the time limit, the best selection found, said not to be proved
optimal.  Every total is exact (Fractions: a float is an exact binary rational, a
:class:`~decimal.Decimal` the decimal it is, as the command line reads data).  Proposals
adding nothing (:math:`R_i = c_i` and :math:`g_i > 0`) are left out of every
selection: they cannot raise the total.

The paper's rules, "invest in the proposals that entail the highest social
returns" (by net return :math:`R_i - c_i`) and its refinement by net return per
unit of public money, fund greedily down their ranking, skipping a proposal
that no longer fits; ties are broken by name.  Claims S7.grant.3 and S7.grant.4
refute both as maximisers; here they are measured on the data.

>>> r = grant_round(["A", "B", "C"], [10, 5, 5], [20, 11, 11], [0, 0, 0], budget=10)
>>> r.selected, str(r.total_net_return)
(('B', 'C'), '12')
>>> {name: (rule.selected, str(rule.total_net_return)) for name, rule in r.rules.items()}
{'net return': (('A',), '10'), 'net return per public unit': (('B', 'C'), '12')}
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import Sequence

import numpy as np

from symbolic import section7 as s7

from .equilibria import InputError
from .exact import RationalArray, as_fraction, is_exact_number
from .kernels import compile_kernel
from .knapsack import knapsack_dp, lp_bound, solve_knapsack

__all__ = ["grant_round", "GrantRound", "RuleOutcome", "knapsack_dp", "greedy_by", "RULES", "ProposalSampler", "short_number",
           "InputError"]


@lru_cache(maxsize=None)
def _share_kernels():
    """The smallest public share and the public contribution, compiled from their SymPy derivations (once)."""
    return (compile_kernel(s7.minimal_share(), (s7.cost, s7.private_return)),
            compile_kernel(s7.public_contribution(), (s7.cost, s7.private_return)))

Number = Fraction | float


@dataclass(frozen=True)
class RuleOutcome:
    """What a ranking rule funds and how far it falls short of the optimum."""

    rule: str
    selected: tuple[str, ...]
    total_net_return: Number
    public_spending: Number
    shortfall: Number  #: optimum minus this rule's total (>= 0)

    @property
    def shortfall_share(self) -> float:
        """The shortfall as a share of the optimum (0 when the optimum is 0)."""
        best = self.total_net_return + self.shortfall
        return 0.0 if best == 0 else float(_fraction(self.shortfall) / _fraction(best))

    def as_dict(self) -> dict:
        return {"selected": list(self.selected), "total_net_return": _text(self.total_net_return),
                "public_spending": _text(self.public_spending), "shortfall": _text(self.shortfall),
                "shortfall_share": self.shortfall_share}


@dataclass(frozen=True, eq=False)
class GrantRound:
    """The outcome of one round: every proposal's share, the optimal selection, the rules beside it."""

    names: tuple[str, ...]  #: sorted by name
    budget: Number
    #: values are shown exactly (Fractions): every input was exact, or a value is beyond (or below) the range of floats
    exact: bool
    shares: dict  #: name -> s*
    contributions: dict  #: name -> g = s* c
    net_returns: dict  #: name -> R - c
    eligible: tuple[str, ...]  #: R >= c
    selected: tuple[str, ...]
    total_net_return: Number
    public_spending: Number
    lp_bound: Number  #: the fractional knapsack's value: no selection does better
    solver: str
    rules: dict = field(default_factory=dict)  #: rule name -> RuleOutcome
    #: no selection does better, proved in exact arithmetic (the LP bound met, or an exhaustive exact search);
    #: otherwise the selection is the best found within the time limit
    certified_optimal: bool = False

    def as_dict(self) -> dict:
        """The JSON document of ``coordfail grants --json``."""
        return {"selected": list(self.selected), "total_net_return": _text(self.total_net_return),
                "public_spending": _text(self.public_spending), "budget": _text(self.budget),
                "shares": {n: _text(self.shares[n]) for n in self.names},
                "public_contributions": {n: _text(self.contributions[n]) for n in self.names},
                "eligible": list(self.eligible), "exact": self.exact,
                "lp_bound": _text(self.lp_bound), "certified_optimal": self.certified_optimal,
                "solver": self.solver, "rules": {k: r.as_dict() for k, r in self.rules.items()},
                "formalization": "project (docs/model.md §9.2)"}

    def table(self, limit: int = 30) -> str:
        chosen = set(self.selected)
        header = f"{'proposal':<20} {'share s*':>12} {'public g':>14} {'net R - c':>14}  funded"
        lines = [header, "-" * len(header)]
        for n in sorted(self.names, key=lambda n: (n not in chosen, n))[:limit]:
            lines.append(f"{n[:20]:<20} {short_number(self.shares[n]):>12} {short_number(self.contributions[n]):>14} "
                         f"{short_number(self.net_returns[n]):>14}  {'yes' if n in chosen else ''}")
        return "\n".join(lines)

    def _repr_markdown_(self) -> str:
        rules = "\n".join(f"| {r.rule} | {short_number(r.total_net_return)} | {short_number(r.shortfall)} |"
                          for r in self.rules.values())
        which = "Optimal selection" if self.certified_optimal else "Best selection found (NOT proved optimal)"
        against = "optimum" if self.certified_optimal else "best found"
        return (f"{which}: {', '.join(self.selected) or '(none)'}; total net return "
                f"{short_number(self.total_net_return)} for public money {short_number(self.public_spending)} of "
                f"{short_number(self.budget)}.\n\n| rule | total | short of the {against} by |\n|---|---|---|\n{rules}")


def _text(x: Number):
    if isinstance(x, Fraction):
        return str(x.numerator) if x.denominator == 1 else f"{x.numerator}/{x.denominator}"
    return float(x)


def short_number(x: Number) -> str:
    """An exact number as a short fraction (3/7), or in 6 significant digits where the fraction is long
    (numbers beyond the float range too: ``1e+401``).

    >>> short_number(Fraction(3, 7)), short_number(Fraction(10**401)), short_number(0.1)
    ('3/7', '1e+401', '0.1')
    """
    if isinstance(x, Fraction) and x.denominator < 10**6 and len(str(x.numerator)) <= 16:
        return str(_text(x))
    try:
        return f"{_in_float_range(x):.6g}"
    except OverflowError:  # beyond the float range: the decimal exponent from the exact value
        q = _fraction(x)
        exponent = len(str(abs(q.numerator) // q.denominator)) - 1 if abs(q) >= 1 else \
            -len(str(q.denominator // abs(q.numerator)))  # 1e-400: 10**400 // 1 has 401 digits
        mantissa = float(q / Fraction(10) ** exponent)
        if abs(float(f"{mantissa:.6g}")) >= 10:  # 9.9999996 rounds to 10
            mantissa, exponent = mantissa / 10, exponent + 1
        return f"{mantissa:.6g}e{exponent:+d}"


def _in_float_range(x) -> float:
    """``float(x)``; OverflowError also where a non-zero ``x`` would be shown as 0 (1e-400 is no 0)."""
    f = float(x)
    if x != 0 and abs(f) < sys.float_info.min:
        raise OverflowError(f"{x} is below the range of normal floats")
    return f


# -- validation -----------------------------------------------------------------------------------

def _column(name: str, values, n: int | None) -> tuple[list, bool]:
    if isinstance(values, (str, bytes)) or not hasattr(values, "__len__"):
        raise InputError(name, f"must be a list of numbers, got {type(values).__name__}")
    values = list(values)
    if n is not None and len(values) != n:
        raise InputError(name, f"ragged lengths: {len(values)} values for {n} proposals")
    exact = all(is_exact_number(v) for v in values)
    out = []
    for i, v in enumerate(values):
        try:  # a Decimal is the decimal written (0.1 is 1/10): computed exactly, shown as a decimal
            x = as_fraction(v) if exact or isinstance(v, Decimal) else float(v)
        except (TypeError, ValueError, ArithmeticError) as exc:
            raise InputError(f"{name}[{i}]", str(exc) if isinstance(v, Decimal) else f"not a number: {v!r} ({exc})") \
                from None
        if isinstance(v, bool) or (isinstance(x, float) and not math.isfinite(x)):
            raise InputError(f"{name}[{i}]", f"must be a finite number, got {v!r}")
        out.append(x)
    return out, exact


def _validate(names, costs, social, private, budget):
    if isinstance(names, (str, bytes)) or not hasattr(names, "__len__"):
        raise InputError("name", "must be a list of proposal names")
    names = list(names)
    if not names:
        raise InputError("name", "empty input: give at least one proposal")
    for i, n in enumerate(names):
        if not isinstance(n, str) or not n.strip():
            raise InputError(f"name[{i}]", f"a proposal needs a non-empty name, got {n!r}")
    seen = set()
    for i, n in enumerate(names):
        if n in seen:
            raise InputError(f"name[{i}]", f"duplicate proposal name {n!r}")
        seen.add(n)
    c, e1 = _column("cost", costs, len(names))
    R, e2 = _column("social_return", social, len(names))
    pi, e3 = _column("private_return", private, len(names))
    exact = e1 and e2 and e3 and is_exact_number(budget)
    # every value is computed with exactly (a float is the binary rational it stores; an integer stays whole):
    # a share, a contribution or a net return rounded in floats could make a selection "optimal" for rounded
    # data only; ``exact`` only says how results are shown
    c, R, pi = ([_fraction(x) for x in column] for column in (c, R, pi))
    for i in range(len(names)):
        if not c[i] > 0:
            raise InputError(f"cost[{i}]", f"must be positive, got {_text(c[i])}")
        if R[i] < 0:
            raise InputError(f"social_return[{i}]", f"must be >= 0, got {_text(R[i])}")
        if not 0 <= pi[i] <= R[i]:
            raise InputError(f"private_return[{i}]",
                             f"must lie between 0 and the social return {_text(R[i])}, got {_text(pi[i])}")
    try:
        if isinstance(budget, bool):
            raise TypeError("a truth value")
        B = _fraction(float(budget) if isinstance(budget, float) else as_fraction(budget))
    except (TypeError, ValueError, OverflowError) as exc:
        raise InputError("budget", str(exc) if isinstance(budget, Decimal) else
                         f"not a finite number: {budget!r} ({exc})") from None
    if not B >= 0:
        raise InputError("budget", f"must be a number >= 0, got {budget if isinstance(budget, Decimal) else repr(budget)}")
    return names, c, R, pi, B, exact


# -- the round -------------------------------------------------------------------------------------

def grant_round(names: Sequence[str], costs: Sequence, social_returns: Sequence, private_returns: Sequence,
                budget, *, time_limit: float = 60.0) -> GrantRound:
    """Shares, the optimal selection under ``budget`` and the paper's rules on the same proposals.

    Values are numbers or exact rationals (ints, Fractions, ``"p/q"``); with every
    value exact, shares and totals are Fractions.  A Decimal is computed with as the
    decimal it is (``Decimal("0.1")`` is 1/10) and shown as a float; a float as the
    binary number it stores (``0.1 + 0.2 > 0.3``).  The selection is proved optimal
    exactly or said not to be (``certified_optimal``), within ``time_limit`` seconds
    (:mod:`numeric.knapsack`).  Raises :class:`InputError`.
    """
    names, c, R, pi, B, exact = _validate(names, costs, social_returns, private_returns, budget)
    order = sorted(range(len(names)), key=lambda i: names[i])  # results do not depend on the row order
    names = tuple(names[i] for i in order)
    c, R, pi = [c[i] for i in order], [R[i] for i in order], [pi[i] for i in order]
    shares, contributions = _shares(c, pi)
    net = [R[i] - c[i] for i in range(len(names))]
    eligible = [i for i in range(len(names)) if R[i] >= c[i]]
    free = [i for i in eligible if contributions[i] == 0]
    candidates = [i for i in eligible if contributions[i] > 0 and net[i] > 0]

    found = solve_knapsack([net[i] for i in candidates], [contributions[i] for i in candidates], B,
                           time_limit=time_limit)
    selected_idx = sorted(free + [candidates[k] for k in found.chosen])
    x_net, x_g = [_fraction(v) for v in net], [_fraction(v) for v in contributions]
    spending = sum((x_g[i] for i in selected_idx), Fraction(0))
    if spending > _fraction(B):  # never report an infeasible selection
        raise RuntimeError("internal error: the knapsack selection exceeds the budget in exact arithmetic")
    total = sum((x_net[i] for i in selected_idx), Fraction(0))
    bound = sum((x_net[i] for i in free), Fraction(0)) + lp_bound([x_net[i] for i in candidates],
                                                                 [x_g[i] for i in candidates], _fraction(B))
    picks = {rule: sorted(free + [candidates[k] for k in greedy_by(rule, [x_net[i] for i in candidates],
                                                                    [x_g[i] for i in candidates], _fraction(B))])
             for rule in RULES}
    rule_totals = {rule: sum((x_net[i] for i in picked), Fraction(0)) for rule, picked in picks.items()}
    method = found.method
    better = max(RULES, key=lambda rule: rule_totals[rule])
    if rule_totals[better] > total:
        if found.proved_optimal:
            raise RuntimeError("internal error: a rule beats the optimal selection")
        # not proved optimal: the best selection known is the rule's (feasible: it funds only what fits)
        selected_idx, total = picks[better], rule_totals[better]
        spending = sum((x_g[i] for i in selected_idx), Fraction(0))
        method += f"; the rule by {better} funds more, and is taken"

    def outcome(show, exact: bool) -> GrantRound:
        rules = {rule: RuleOutcome(rule, tuple(names[i] for i in picked), show(rule_totals[rule]),
                                   show(sum((x_g[i] for i in picked), Fraction(0))), show(total - rule_totals[rule]))
                 for rule, picked in picks.items()}
        shown = lambda values: {n: show(v) for n, v in zip(names, values)}  # noqa: E731
        return GrantRound(names, show(B), exact, shown(shares), shown(contributions),
                          shown(net), tuple(names[i] for i in eligible), tuple(names[i] for i in selected_idx),
                          show(total), show(spending), show(bound), method, rules, found.proved_optimal)

    # every value was computed exactly; shown as floats for float or decimal input, unless one is beyond them
    if not exact:
        try:
            return outcome(_in_float_range, False)
        except OverflowError:
            pass
    return outcome(lambda x: x, True)


def _fraction(x) -> Fraction:
    return x if isinstance(x, Fraction) else Fraction(x)


def _shares(c, pi):
    """The minimal shares and public contributions, exactly (the compiled kernels' exact arithmetic)."""
    _SHARE, _CONTRIBUTION = _share_kernels()
    cost, private = RationalArray.from_values(c), RationalArray.from_values(pi)
    return _SHARE.exact(cost, private).to_fractions(), _CONTRIBUTION.exact(cost, private).to_fractions()


#: the paper's ranking rules: name -> key (larger first) of (net return, public contribution)
RULES = {
    "net return": lambda v, g: Fraction(v),
    "net return per public unit": lambda v, g: Fraction(v) / Fraction(g),
}


def greedy_by(rule: str, values, weights, budget) -> list[int]:
    """Fund down the ranking, skipping what no longer fits; ties keep the given order (sorted names).

    The same rule as :func:`symbolic.section7.greedy_selection` (the tests compare them).
    """
    key = RULES[rule]
    order = sorted(range(len(values)), key=lambda k: (-key(values[k], weights[k]), k))
    room = Fraction(budget) if not isinstance(budget, Fraction) else budget
    picked = []
    for k in order:
        w = Fraction(weights[k])
        if w <= room:
            picked.append(k)
            room -= w
    return sorted(picked)


# -- a sampler for the spot checks of S7.grant ---------------------------------------------------------

class ProposalSampler:
    """Spot-check draws of proposal data that satisfy the claims' assumptions by construction.

    Owns ``c``, ``R``, ``pi``, ``B`` and their numbered forms ``c_1``, ``R_1``,
    ``pi_1``...: a cost; a private return (below the cost when an atom
    ``pi < c`` asks for it, otherwise up to 1.5 times the cost: no public money
    needed); a social return at least the private return (and at least the cost
    when an atom ``R >= c`` asks for it); a budget between 0 and the sum of the
    contributions.  Exact draws sit on the boundaries (``R = c``, ``R = pi``,
    ``pi = 0``, ``pi = c``, a budget that is exactly a sum of contributions).
    Atoms the construction does not cover (no ties in a ranking) are left to the
    spot check's rejection.
    """

    name = "section7.grants"
    _BASES = ("c", "R", "pi", "B")

    def owns(self, symbol) -> bool:
        base, _, index = symbol.name.partition("_")
        return base in self._BASES and (index == "" or index.isdigit())

    @staticmethod
    def _has(atoms, small, large, strict: bool) -> bool:
        """Whether ``small < large`` (or ``<=``) is one of the atoms."""
        ops = ("<",) if strict else ("<=",)
        for a in atoms:
            op = getattr(a, "rel_op", None)
            if op in ops and a.lhs == small and a.rhs == large:
                return True
            flipped = {"<": ">", "<=": ">="}[ops[0]]
            if op == flipped and a.lhs == large and a.rhs == small:
                return True
        return False

    def draw(self, problem, n, rng, *, exact=False, boundary_share=0.1) -> dict:
        groups: dict = {}
        for sym in problem.symbols:
            base, _, index = sym.name.partition("_")
            groups.setdefault(index, {})[base] = sym
        out, contributions = {}, []
        for index, syms in sorted(groups.items()):
            if set(syms) == {"B"}:
                continue
            c_sym, pi_sym, R_sym = syms.get("c"), syms.get("pi"), syms.get("R")
            needs_public = self._has(problem.atoms, pi_sym, c_sym, strict=True)
            covers_cost = self._has(problem.atoms, c_sym, R_sym, strict=False)
            if exact:
                cost = [Fraction(int(x)) for x in rng.integers(1, 9, n)]
                top = 7 if needs_public else 12  # pi / c in eighths
                pi = [cc * Fraction(int(k), 8) for cc, k in zip(cost, rng.integers(0, top + 1, n))]
                extra = [Fraction(int(x), 4) * int(e) for x, e in zip(rng.integers(0, 17, n), rng.random(n) > 0.5)]
                floor = [max(cc, p) if covers_cost else p for cc, p in zip(cost, pi)]
                social = [f + e for f, e in zip(floor, extra)]
                contributions.append([max(Fraction(0), cc - p) for cc, p in zip(cost, pi)])
                values = {"c": RationalArray.from_values(cost), "pi": RationalArray.from_values(pi),
                          "R": RationalArray.from_values(social)}
            else:
                cost = rng.uniform(0.1, 10, n)
                pi = rng.uniform(0, 1.0 - 1e-9 if needs_public else 1.5, n) * cost
                floor = np.maximum(cost, pi) if covers_cost else pi
                social = floor + rng.exponential(2.0, n) * (rng.random(n) > boundary_share)
                contributions.append(np.maximum(0, cost - pi))
                values = {"c": cost, "pi": pi, "R": social}
            for base, sym in syms.items():
                if base != "B":
                    out[sym] = values[base]
        budget = next((s for s in problem.symbols if s.name == "B"), None)
        if budget is not None:
            out[budget] = self._budget(contributions, n, rng, exact)
        return out

    @staticmethod
    def _budget(contributions, n, rng, exact):
        if not exact:
            total = np.sum(contributions, axis=0) if contributions else np.ones(n)
            return rng.uniform(0, 1, n) * total
        values = []
        for i in range(n):
            gs = [g[i] for g in contributions]
            if gs and rng.random() < 0.5:  # exactly what some subset needs: the budget binds
                values.append(sum((g for g, take in zip(gs, rng.random(len(gs)) < 0.5) if take), Fraction(0)))
            else:
                values.append(sum(gs, Fraction(1)) * Fraction(int(rng.integers(0, 9)), 8))
        return RationalArray.from_values(values)
