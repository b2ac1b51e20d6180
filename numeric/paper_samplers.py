r"""The paper's samplers: Section 5 economies and Section 4 thresholds, admissible by construction.

**Section 5** (:class:`Section5Sampler`).  With :math:`r_j = \lambda_{jS}/\lambda_{jN}`
and :math:`s_j = r_j/\theta_j`, the standing assumptions are simple in
:math:`(r, s)`:

* A1: :math:`r` strictly decreasing; A2: :math:`s` strictly decreasing;
* :math:`\theta_j \ge 1` is :math:`s_j \le r_j`.

So :math:`s` is built from cumulative sums of positive gaps, and then forward
in the sector order :math:`r_j = L_j + u_j (r_{j-1} - L_j)` with
:math:`L_j = s_j` and :math:`u_j \in [0, 1)`: A1, A2 and :math:`\theta \ge 1`
hold by construction (:math:`s_j < s_{j-1} \le r_{j-1}` keeps the interval
non-empty).  Finally :math:`\lambda_{jN} > 0` is drawn and
:math:`\lambda_{jS} = r_j\lambda_{jN}`, :math:`\theta_j = r_j/s_j`.  Claims that
assume less (A1 only, A2 only, no :math:`\theta \ge 1`, :math:`\theta`
nondecreasing) get the matching simpler construction; the sampler reads which
assumptions hold by matching the obligation's assumption atoms against
:mod:`symbolic.section5` (and the sector order from them, so generic labels
``1 < k < j`` work too).

A share of the draws lands **on the boundaries** where the paper's errata live:

* :math:`\theta_j = 1` (:math:`u_j = 0`);
* a lone deviator breaking even, :math:`r_k = s_a` for :math:`a < k` --
  with :math:`a` the first sector this is condition (*) at equality;
* near-ties of A1 (:math:`u_j = 1 - 10^{-9}`) and of A2 (a gap of :math:`10^{-9}`).

Float boundary draws are *next to* the boundary after rounding; exact draws
(``exact=True``) are *on* it, as rationals, and are decided exactly.


>>> import numpy as np
>>> from symbolic import section5 as s5
>>> labels = (1, 2, 3)
>>> problem = SamplingProblem.build(s5.model_symbols(labels), s5.standing_assumptions(labels).values())
>>> draws = Section5Sampler().draw(problem, 1000, np.random.default_rng(0), exact=True)
>>> r = [draws[s5.lam_S(j)] / draws[s5.lam_N(j)] for j in labels]
>>> bool(all((r[0] > r[1]) & (r[1] > r[2])))   # A1 holds exactly on every draw
True
>>> bool(all(draws[s5.theta(2)] >= 1))
True
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Iterable, Sequence

import numpy as np
import sympy as sp
from sympy.core.relational import Relational

from symbolic import section4 as s4
from symbolic import section5 as s5

from .samplers import ExactDraws, FloatDraws, SamplingProblem

__all__ = ["Section5Sampler", "Section4Sampler", "Section5Structure", "section5_structure", "NEAR_TIE"]

#: the relative size of a near-tie (well above float rounding, far below any economic difference)
NEAR_TIE = Fraction(1, 10**9)


# -- reading the structure of Section 5 assumptions -----------------------------------

_S5_NAME = re.compile(r"^(?:lambda_(?P<lam>.+)[SN]|theta_(?P<theta>.+))$")


def _section5_label(symbol: sp.Symbol):
    m = _S5_NAME.match(symbol.name)
    if not m:
        return None
    text = m.group("lam") or m.group("theta")
    label = int(text) if text.isdigit() and int(text) >= 1 and str(int(text)) == text else text
    try:
        if symbol in (s5.lam_S(label), s5.lam_N(label), s5.theta(label)):
            return label
    except ValueError:
        return None
    return None


@dataclass(frozen=True)
class Section5Structure:
    """The Section 5 assumptions recognised among an obligation's atoms.

    ``order`` lists the sector labels in the order A1/A2 (or theta
    nondecreasing) impose; the flags say which assumptions the draws must meet.
    """

    order: tuple
    A1: bool
    A2: bool
    theta_ge_1: bool
    theta_nondecreasing: bool
    unrecognised: tuple = ()


def section5_structure(labels: Sequence, atoms: Iterable) -> Section5Structure:
    """Match assumption atoms against :mod:`symbolic.section5` to find A1, A2, theta >= 1, the order.

    >>> section5_structure(("1", "k", "j"), s5.standing_assumptions(("1", "k", "j")).values()).order
    ('1', 'k', 'j')
    """
    labels = list(dict.fromkeys(labels))
    # the model's expressions for each label; an atom is recognised by its two sides
    terms: dict = {sp.Integer(1): ("one", None)}
    for a in labels:
        terms[s5.raw_comparative_advantage(a)] = ("r", a)
        terms[s5.coordinated_comparative_advantage(a)] = ("s", a)
        terms[s5.theta(a)] = ("theta", a)
    found = {"A1": set(), "A2": set(), "M": set(), "T": set()}
    unrecognised = []
    for atom in atoms:
        tag = _classify(atom, terms)
        if tag is None:
            unrecognised.append(atom)
        else:
            found[tag[0]].add((tag[1], tag[2]))
    before = found["A1"] | found["A2"] | found["M"]
    order = _topological(labels, before)
    return Section5Structure(order=tuple(order), A1=bool(found["A1"]), A2=bool(found["A2"]),
                             theta_ge_1=bool(found["T"]), theta_nondecreasing=bool(found["M"]),
                             unrecognised=tuple(unrecognised))


def _classify(atom, terms):
    """``("A1", a, b)`` for r_a > r_b, ``("A2", a, b)``, ``("T", a, None)`` for theta_a >= 1,
    ``("M", a, b)`` for theta_a <= theta_b; ``None`` for anything else."""
    if not isinstance(atom, Relational) or atom.rel_op not in (">", "<", ">=", "<="):
        return None
    big, small = (atom.lhs, atom.rhs) if atom.rel_op in (">", ">=") else (atom.rhs, atom.lhs)
    strict = atom.rel_op in (">", "<")
    tb, ts = terms.get(big), terms.get(small)
    if tb is None or ts is None:
        return None
    if strict and tb[0] == ts[0] == "r":
        return ("A1", tb[1], ts[1])
    if strict and tb[0] == ts[0] == "s":
        return ("A2", tb[1], ts[1])
    if not strict and tb[0] == "theta" and ts[0] == "one":
        return ("T", tb[1], None)
    if not strict and tb[0] == ts[0] == "theta":
        return ("M", ts[1], tb[1])
    return None


def _topological(labels, before) -> list:
    # labels that must come first go first; ties keep the natural order (stable)
    remaining = list(labels)
    out = []
    while remaining:
        free = [x for x in remaining if not any((y, x) in before for y in remaining if y != x)]
        if not free:
            raise ValueError("the ordering assumptions are cyclic")
        out.append(free[0])
        remaining.remove(free[0])
    return out


# -- the Section 5 sampler ----------------------------------------------------------

def _label_key(label):
    # integers in order; among generic labels "1" first, then the rest by name
    if isinstance(label, int):
        return (0, label, "")
    return (1, 0 if label == "1" else 1, label)


@functools.lru_cache(maxsize=1024)
def _structure_of(problem: SamplingProblem) -> Section5Structure:
    labels = sorted({_section5_label(s) for s in problem.symbols}, key=_label_key)
    return section5_structure(labels, problem.atoms)


class Section5Sampler:
    r"""Admissible draws of :math:`\lambda_{jS}, \lambda_{jN}, \theta_j` for Section 5 obligations."""

    name = "section5"

    def owns(self, symbol: sp.Symbol) -> bool:
        return _section5_label(symbol) is not None

    def structure(self, problem: SamplingProblem) -> Section5Structure:
        return _structure_of(problem)

    def draw(self, problem: SamplingProblem, n: int, rng: np.random.Generator, *, exact: bool = False,
             boundary_share: float = 0.25, structure: Section5Structure | None = None) -> dict:
        st = structure or self.structure(problem)
        ops = (ExactDraws if exact else FloatDraws)(rng, n)
        m = len(st.order)
        on_boundary = rng.random(n) < (0.8 if exact else boundary_share)
        r, s, th = self._construct(ops, rng, m, st, on_boundary)
        out = {}
        for i, label in enumerate(st.order):
            lam_N = ops.positive()
            values = {s5.lam_N(label): lam_N, s5.lam_S(label): r[i] * lam_N,
                      s5.theta(label): th[i] if th is not None else r[i] / s[i]}
            for sym, v in values.items():
                if sym in problem.symbols:
                    out[sym] = ops.finish(v)
        return out

    # the construction, column by column (J is small; every step is vectorized over draws)
    def _construct(self, ops, rng, m, st: Section5Structure, on_boundary):
        n = len(on_boundary)
        rows = np.flatnonzero(on_boundary)  # events are drawn for the boundary draws only
        p_one = np.zeros((m, n), dtype=bool)
        p_near = np.zeros((m, n), dtype=bool)
        tie = np.zeros(n, dtype=bool)
        p_one[:, rows] = rng.random((m, rows.size)) < 0.3      # theta_j = 1
        p_near[:, rows] = rng.random((m, rows.size)) < 0.1     # near-ties of A1 / A2
        tie[rows] = (rng.random(rows.size) < 0.6) & (m >= 2)   # a deviator breaks even: r_k = s_a
        a_idx = np.zeros(n, dtype=np.int64)
        a_idx[rows] = rng.integers(0, max(m - 1, 1), rows.size)
        k_idx = a_idx + 1
        k_idx[rows] += rng.integers(0, m, rows.size) % np.maximum(m - 1 - a_idx[rows], 1)
        near = ops.const(NEAR_TIE)

        def decreasing():
            vals = [None] * m
            vals[m - 1] = ops.positive()
            for i in range(m - 2, -1, -1):
                gap = ops.where(p_near[i], vals[i + 1] * near, ops.positive(-2.5, 0.5))
                vals[i] = vals[i + 1] + gap
            return vals

        def free_positive():
            vals = []
            for i in range(m):
                v = ops.positive()
                if i:
                    # A1 not assumed: exact equalities between sectors are admissible
                    v = ops.where(p_near[i], vals[i - 1], v)
                vals.append(v)
            return vals

        def thetas():
            vals = []
            for i in range(m):
                if st.theta_nondecreasing and i:
                    step = ops.where(p_one[i], ops.const(0), ops.positive(-3, 0))
                    vals.append(vals[i - 1] + step)
                    continue
                base = ops.const(1) + ops.positive(-3, 0.5) if st.theta_ge_1 else ops.positive(-1.2, 1.2)
                vals.append(ops.where(p_one[i], ops.const(1), base))
            return vals

        if st.A1 and st.A2 and st.theta_ge_1:
            s = decreasing()
            r = [None] * m
            s_a = _pick(ops, s, a_idx) if tie.any() else None
            for i in range(m):
                in_tie = tie & (a_idx <= i) & (k_idx > i)
                at_k = tie & (k_idx == i)
                if i == 0:
                    grow = ops.const(1) + ops.positive(-3, 0.5)
                    grow = ops.where(p_one[0] & ~in_tie, ops.const(1), grow)
                    r[0] = s[0] * grow
                    continue
                low = s[i]
                if s_a is not None:
                    low = ops.where(in_tie, s_a, low)
                u = ops.unit()
                u = ops.where(p_one[i] & ~in_tie, ops.const(0), u)
                u = ops.where(p_near[i], ops.const(1) - near, u)
                r[i] = low + u * (r[i - 1] - low)
                if s_a is not None:
                    r[i] = ops.where(at_k, s_a, r[i])
            return r, s, None
        if st.A1 and st.A2:
            return decreasing(), decreasing(), None
        if st.A1:
            r = decreasing()
            th = thetas()
            if not st.theta_nondecreasing and tie.any():
                # r_k = s_a  <=>  theta_a = r_a / r_k (>= 1 since a < k and r decreases)
                r_k = _pick(ops, r, k_idx)
                for i in range(m - 1):
                    th[i] = ops.where(tie & (a_idx == i), r[i] / r_k, th[i])
            return r, None, th
        if st.A2:
            s = decreasing()
            th = thetas()
            if not st.theta_nondecreasing and tie.any():
                # r_k = s_a  <=>  theta_k = s_a / s_k (> 1 since a < k and s decreases)
                s_a = _pick(ops, s, a_idx)
                for i in range(1, m):
                    th[i] = ops.where(tie & (k_idx == i), s_a / s[i], th[i])
            return [s[i] * th[i] for i in range(m)], None, th
        r = free_positive()
        th = thetas()
        if not st.theta_nondecreasing and tie.any() and m >= 2:
            s_a = _pick(ops, [r[i] / th[i] for i in range(m)], a_idx)
            for i in range(m):
                r[i] = ops.where(tie & (k_idx == i), s_a, r[i])
        return r, None, th


def _pick(ops, columns, index):
    """Row-wise ``columns[index[row]]``."""
    if not ops.exact:
        return np.stack(columns, axis=1)[np.arange(len(index)), index]
    out = columns[0]
    for i in range(1, len(columns)):
        out = ops.where(index == i, columns[i], out)
    return out


# -- the Section 4 sampler ----------------------------------------------------------

class Section4Sampler:
    r"""Draws of the Section 4 economy with the agglomeration values at the two allocations.

    Prices and productivities are positive; :math:`g_0 = g(0) \ge 0` (exactly 0 in a share
    of the boundary draws, as in the worked form :math:`L^\gamma`) and
    :math:`g_L = g(L) > g_0` (increasing).  A share of the draws lands **on the paper's
    thresholds**: a lone mover into M breaks even, :math:`p_T a_T = p_M a_M g_0`, or a
    mover out of M breaks even, :math:`p_T a_T = p_M a_M g_L` (exactly, with ``exact=True``).
    :math:`L` is left to the bounds sampler: the thresholds do not involve it.

    >>> problem = SamplingProblem.build([s4.p_T, s4.a_T, s4.p_M, s4.a_M, s4.g_0, s4.g_L])
    >>> d = Section4Sampler().draw(problem, 2000, np.random.default_rng(0), exact=True)
    >>> wage_T, entrant = d[s4.p_T] * d[s4.a_T], d[s4.p_M] * d[s4.a_M] * d[s4.g_0]
    >>> bool(((d[s4.g_0] >= 0) & (d[s4.g_0] < d[s4.g_L])).all()), bool((wage_T == entrant).any())
    (True, True)
    """

    name = "section4"

    def owns(self, symbol: sp.Symbol) -> bool:
        return symbol in (s4.p_T, s4.a_T, s4.p_M, s4.a_M, s4.g_0, s4.g_L)

    def draw(self, problem: SamplingProblem, n: int, rng: np.random.Generator, *, exact: bool = False,
             boundary_share: float = 0.25) -> dict:
        ops = (ExactDraws if exact else FloatDraws)(rng, n)
        a_T, a_M, p_M, p_T = (ops.positive() for _ in range(4))
        on = rng.random(n) < (0.8 if exact else boundary_share)
        pick = rng.random(n)
        zero = on & (pick < 0.2)
        g_0 = ops.where(zero, ops.const(0), ops.positive())
        g_L = g_0 + ops.positive(-2.5, 1.0)
        p_T = ops.where(on & ~zero & (pick < 0.6), p_M * a_M * g_0 / a_T, p_T)  # lone mover into M breaks even
        p_T = ops.where(on & (pick >= 0.6), p_M * a_M * g_L / a_T, p_T)  # mover out of M breaks even
        values = {s4.p_T: p_T, s4.a_T: a_T, s4.p_M: p_M, s4.a_M: a_M, s4.g_0: g_0, s4.g_L: g_L}
        return {sym: ops.finish(values[sym]) for sym in problem.symbols if sym in values}
