r"""Seeded samplers of *admissible* parameters: the assumptions hold by construction.

A sampler is handed a :class:`SamplingProblem` -- the symbols it owns, the
assumption atoms among them and the statements to be checked -- and returns
``n`` draws: a NumPy float array per symbol, or, with ``exact=True``, a
:class:`~numeric.exact.RationalArray` per symbol.  Draws are reproducible from
the ``numpy.random.Generator`` passed in.

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
from typing import Iterable, Protocol, Sequence

import numpy as np
import sympy as sp
from sympy.core.relational import Relational

from symbolic import section4 as s4
from symbolic import section5 as s5

from .exact import RationalArray, exact_value, where

__all__ = ["SamplingProblem", "Sampler", "Section5Sampler", "Section4Sampler", "BoundsSampler", "Section5Structure",
           "section5_structure", "flatten_atoms", "own_assumptions_hold", "NEAR_TIE"]

#: the relative size of a near-tie (well above float rounding, far below any economic difference)
NEAR_TIE = Fraction(1, 10**9)


def flatten_atoms(booleans: Iterable) -> tuple:
    """The conjuncts of a list of Booleans (``And`` flattened, ``True`` dropped)."""
    out = []
    stack = list(booleans)[::-1]
    while stack:
        b = stack.pop()
        if b is sp.true or b is True:
            continue
        if isinstance(b, sp.And):
            stack.extend(list(b.args)[::-1])
        else:
            out.append(b)
    return tuple(out)


@dataclass(frozen=True)
class SamplingProblem:
    """What a sampler must draw: its ``symbols``, the assumption ``atoms`` among
    them (conjuncts that mention only these symbols) and the ``statements``
    under test (so a sampler can aim at their boundaries)."""

    symbols: tuple[sp.Symbol, ...]
    atoms: tuple = ()
    statements: tuple = ()

    @classmethod
    def build(cls, symbols, assumptions=(), statements=()) -> "SamplingProblem":
        symbols = tuple(sorted(set(symbols), key=lambda s: s.name))
        own = set(symbols)
        atoms = tuple(a for a in flatten_atoms(assumptions) if a.free_symbols and a.free_symbols <= own)
        return cls(symbols, atoms, tuple(statements))


class Sampler(Protocol):
    """The plug-in interface (see :mod:`numeric.spot`)."""

    name: str

    def owns(self, symbol: sp.Symbol) -> bool:
        """Whether this sampler draws ``symbol``."""

    def draw(self, problem: SamplingProblem, n: int, rng: np.random.Generator, *, exact: bool = False,
             boundary_share: float = 0.25) -> dict:
        """``n`` draws for every symbol of ``problem``, admissible for its atoms by construction."""


# -- two arithmetic backends for the same construction ------------------------------

class _FloatOps:
    exact = False

    def __init__(self, rng, n):
        self.rng, self.n = rng, n

    def positive(self, lo=-1.5, hi=1.5):
        # log-uniform over about a factor 20: productivities of very different sectors
        x = self.rng.uniform(lo, hi, self.n)
        return np.exp(x, out=x)

    def unit(self):
        return self.rng.uniform(0.02, 0.98, self.n)

    def const(self, c):
        return np.full(self.n, float(c))

    def where(self, mask, a, b):
        if isinstance(mask, np.ndarray) and not mask.any():
            return b if isinstance(b, np.ndarray) else np.full(self.n, float(b))
        return np.where(mask, a, b)

    def finish(self, x):
        return np.asarray(x, dtype=float)


class _ExactOps:
    exact = True

    def __init__(self, rng, n):
        self.rng, self.n = rng, n

    def positive(self, lo=-1.5, hi=1.5):
        # small-denominator rationals spread over about the same range
        q = self.rng.integers(1, 9, self.n)
        p = np.maximum(1, np.round(np.exp(self.rng.uniform(lo, hi, self.n)) * q)).astype(np.int64)
        return RationalArray.from_integers(p, q)

    def unit(self):
        return RationalArray.from_integers(self.rng.integers(1, 64, self.n), np.full(self.n, 64))

    def const(self, c):
        return RationalArray.full(self.n, c)

    def where(self, mask, a, b):
        return where(mask, a, b)

    def finish(self, x):
        return x.reduced()


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
        ops = (_ExactOps if exact else _FloatOps)(rng, n)
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
        ops = (_ExactOps if exact else _FloatOps)(rng, n)
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


def own_assumptions_hold(symbols, args) -> np.ndarray:
    """Which draws respect the symbols' own assumptions (sign, nonzero, integrality, parity, primality), for
    float arrays or :class:`RationalArray` s: the compiled assumptions are the named atoms only, and SymPy
    settles ``M > 0`` for a positive ``M`` to True, so the spot check and the placements check them here."""
    ok = np.ones(len(args[0]) if args else 1, dtype=bool)
    for sym, a in zip(symbols, args):
        exact = isinstance(a, RationalArray)
        if sym.is_positive:
            ok &= np.asarray(a > 0, dtype=bool)
        elif sym.is_nonnegative:
            ok &= np.asarray(a >= 0, dtype=bool)
        if sym.is_negative:
            ok &= np.asarray(a < 0, dtype=bool)
        elif sym.is_nonpositive:
            ok &= np.asarray(a <= 0, dtype=bool)
        if sym.is_zero is False and not (sym.is_positive or sym.is_negative):  # nonzero, sign unknown
            ok &= np.asarray(a != 0, dtype=bool)
        whole = (a.reduced().den == 1) if exact else (np.asarray(a) == np.round(a))
        if sym.is_integer:
            ok &= whole
        elif sym.is_integer is False:
            ok &= ~whole
        if sym.is_irrational:  # every draw is a rational number: none is admissible
            ok &= False
        if sym.is_even or sym.is_odd or sym.is_prime or sym.is_composite:
            ok &= _integer_kind_holds(sym, a.reduced().num if exact else np.round(np.asarray(a)), whole)
    return ok


def _integer_kind_holds(sym, integers, whole) -> np.ndarray:
    """Parity and primality of integer draws (``whole`` marks the draws that are integers at all)."""
    out = np.array(whole, dtype=bool)
    for i, v in enumerate(integers):
        if not out[i]:
            continue
        n = int(v)
        if sym.is_even:
            out[i] = n % 2 == 0
        elif sym.is_odd:
            out[i] = n % 2 == 1
        if sym.is_prime:
            out[i] = out[i] and sp.isprime(n)
        elif sym.is_composite:
            out[i] = out[i] and n > 1 and not sp.isprime(n)
    return out



# -- the fallback: bounds read from single-symbol atoms ------------------------------

def _integers_within(rounded: np.ndarray, lo, lo_incl: bool, hi, hi_incl: bool) -> np.ndarray:
    """``rounded`` moved onto the nearest integer the bounds allow (where none is allowed, left as it is)."""
    least = None if lo is None else (sp.ceiling(lo) if lo_incl else sp.floor(lo) + 1)
    most = None if hi is None else (sp.floor(hi) if hi_incl else sp.ceiling(hi) - 1)
    if least is not None and most is not None and least > most:
        return rounded
    if least is not None:
        rounded = np.maximum(rounded, float(least))
    if most is not None:
        rounded = np.minimum(rounded, float(most))
    return rounded


class BoundsSampler:
    """Any real symbol: bounds from atoms such as ``x >= 1`` and the symbol's own assumptions.

    Draws land on an inclusive bound exactly in a share of the draws, and on
    the value an equation of the statements or atoms gives a symbol
    (``Eq(n, (1 + C)/A)``: a point the statement is about, such as the root of
    a payoff gap) in another share.  Other atoms that relate several symbols
    are not constructed: :mod:`numeric.spot` filters by them (rejection), which
    is why samplers for other models should be registered.

    >>> x = sp.Symbol("x", positive=True)
    >>> d = BoundsSampler().draw(SamplingProblem.build([x], [x >= 1]), 500, np.random.default_rng(1))
    >>> bool((d[x] >= 1).all()), bool((d[x] == 1).any())
    (True, True)
    >>> a, b = sp.symbols("a b", positive=True)
    >>> problem = SamplingProblem.build([a, b], statements=[sp.Implies(sp.Eq(b, 1 + 1 / a), b > 1)])
    >>> d = BoundsSampler().draw(problem, 500, np.random.default_rng(1), exact=True)
    >>> bool((d[b] == d[a].__rtruediv__(1) + 1).any())   # exactly on b = 1 + 1/a in a share of the draws
    True
    """

    name = "bounds"

    def owns(self, symbol: sp.Symbol) -> bool:
        return True

    def bounds(self, symbol, atoms):
        lo, lo_incl, hi, hi_incl = None, False, None, False
        if symbol.is_positive:
            lo, lo_incl = sp.Integer(0), False
        elif symbol.is_nonnegative:
            lo, lo_incl = sp.Integer(0), True
        elif symbol.is_negative:
            hi, hi_incl = sp.Integer(0), False
        elif symbol.is_nonpositive:
            hi, hi_incl = sp.Integer(0), True
        for atom in atoms:
            if not isinstance(atom, Relational) or atom.free_symbols != {symbol}:
                continue
            lhs, rhs = atom.lhs, atom.rhs
            if lhs == symbol and rhs.is_Rational:
                c, op = rhs, atom.rel_op
            elif rhs == symbol and lhs.is_Rational:
                c, op = lhs, {">": "<", ">=": "<=", "<": ">", "<=": ">="}.get(atom.rel_op, atom.rel_op)
            else:
                continue
            if op in (">", ">=") and (lo is None or c > lo or (c == lo and op == ">")):
                lo, lo_incl = c, op == ">="
            elif op in ("<", "<=") and (hi is None or c < hi or (c == hi and op == "<")):
                hi, hi_incl = c, op == "<="
        return lo, lo_incl, hi, hi_incl

    def draw(self, problem: SamplingProblem, n: int, rng: np.random.Generator, *, exact: bool = False,
             boundary_share: float = 0.25) -> dict:
        ops = (_ExactOps if exact else _FloatOps)(rng, n)
        out = {}
        for sym in problem.symbols:
            lo, lo_incl, hi, hi_incl = self.bounds(sym, problem.atoms)
            edge = rng.random(n) < (0.5 if exact else boundary_share)
            if lo is not None and hi is not None:
                v = ops.const(Fraction(lo.p, lo.q)) + ops.unit() * ops.const(Fraction(hi.p, hi.q) - Fraction(lo.p, lo.q))
                if lo_incl:
                    v = ops.where(edge & (rng.random(n) < 0.5), ops.const(Fraction(lo.p, lo.q)), v)
                if hi_incl:
                    v = ops.where(edge & (rng.random(n) < 0.5), ops.const(Fraction(hi.p, hi.q)), v)
            elif lo is not None:
                base = Fraction(lo.p, lo.q)
                v = ops.const(base) + ops.positive()
                if lo_incl:
                    v = ops.where(edge, ops.const(base), v)
            elif hi is not None:
                base = Fraction(hi.p, hi.q)
                v = ops.const(base) - ops.positive()
                if hi_incl:
                    v = ops.where(edge, ops.const(base), v)
            else:
                sign = rng.random(n) < 0.5
                mag = ops.positive()
                v = ops.where(sign, mag, ops.const(0) - mag)
                v = ops.where(edge, ops.const(int(rng.integers(-2, 3))), v)
            if sym.is_integer:  # rounded onto the integers the bounds allow (a positive 0.3 is 1, not 0)
                rounded = _integers_within(np.round(v.to_float() if exact else v), lo, lo_incl, hi, hi_incl)
                v = RationalArray.from_integers(rounded.astype(np.int64)) if exact else rounded
            out[sym] = ops.finish(v)
        for sym, value in _equations(problem):
            self._place(out, sym, value, rng, n, exact, 0.5 if exact else boundary_share,
                        self.bounds(sym, problem.atoms))
        return out

    @staticmethod
    def _place(out: dict, sym, value, rng, n: int, exact: bool, share: float, bounds=(None, False, None, False)) -> None:
        """Put ``sym`` on ``value`` (an expression in the other drawn symbols) in a share of the draws.

        Only where the value respects the symbol's own sign and integrality and its ``bounds``
        (:meth:`bounds`): a draw moved out of them would be rejected, and exact draws are not topped up.
        """
        from .kernels import KernelError, compile_kernel

        args = tuple(sorted(value.free_symbols, key=lambda s: s.name))
        defined = True  # where the value is defined (a division by zero on some exact draws: not there)
        try:
            if isinstance(value, sp.Symbol) or value.is_Rational:  # another symbol's draws, or a number: no kernel
                v = out[value] if isinstance(value, sp.Symbol) else \
                    (RationalArray.full(n, Fraction(value.p, value.q)) if exact else np.full(n, float(value)))
            else:
                kernel = compile_kernel(value, args)
                drawn = [out[a] for a in args]
                v, defined = exact_value(kernel.exact, drawn) if exact else (kernel(*drawn), True)
            x = v.to_float() if exact else np.asarray(v, dtype=float)
        except (KernelError, ValueError, TypeError):
            return  # no (exact) value here: the draws stay where the bounds put them
        ok = np.isfinite(x) & defined & (rng.random(n) < share)
        ok &= own_assumptions_hold([sym], [v if exact else np.where(np.isfinite(x), x, 0.0)])
        lo, lo_incl, hi, hi_incl = bounds
        if lo is not None:
            ok &= (x >= float(lo)) if lo_incl else (x > float(lo))
        if hi is not None:
            ok &= (x <= float(hi)) if hi_incl else (x < float(hi))
        if ok.any():
            out[sym] = where(ok, v.reduced(), out[sym]) if exact else np.where(ok, x, out[sym])


@functools.lru_cache(maxsize=1024)
def _equations(problem: SamplingProblem) -> tuple:
    """``(symbol, value)`` for each equation of the problem that gives a symbol a value, in placing order.

    ``Eq(symbol, value)`` is read as written.  Any other equation is solved for a symbol it is *linear* in
    once denominators are cleared, so that a hypothesis stating a first-order condition is met on draws:
    the value is then a rational function of the other symbols, so exact draws land on it exactly (a float
    draw on an irrational root would meet the equation only within rounding, and a failure there could
    never be confirmed).  Equations are taken from the widest down, each solved for a symbol no wider one
    took -- a symbol of the statement before a parameter, a real one before an integer (which a quotient
    rarely is): ``Eq(V/(1 + E)**2, 1)`` places ``V`` on ``(1 + E)**2``.  A value may rest on symbols
    placed before it; placements in a cycle are dropped.  Deterministic: no time limit decides anything.
    """
    own = set(problem.symbols)
    # in a fixed order (a set's order follows the hash seed; each placement draws from the generator)
    equations = list(dict.fromkeys(eq for b in (*problem.atoms, *problem.statements) if isinstance(b, sp.Basic)
                                   for eq in sorted(b.atoms(sp.Eq), key=sp.default_sort_key)))
    about = set().union(*(b.free_symbols for b in problem.statements if isinstance(b, sp.Basic)))
    found, to_solve = [], []
    for eq in equations:
        as_written = [(sym, value) for sym, value in ((eq.lhs, eq.rhs), (eq.rhs, eq.lhs))
                      if sym in own and isinstance(sym, sp.Symbol) and sym not in value.free_symbols
                      and value.free_symbols <= own]
        if as_written:
            found.append(as_written[0])
        elif eq.free_symbols <= own:
            to_solve.append(eq)
    taken: set = set()
    for eq in sorted(to_solve, key=lambda e: -len(e.free_symbols)):
        several = len(eq.free_symbols) > 1
        ranked = sorted(eq.free_symbols - taken if several else eq.free_symbols,
                        key=lambda s: (bool(s.is_integer), s not in about, sp.default_sort_key(s)))
        for sym in ranked:
            root = _linear_root(eq, sym)
            if root is not None and not any(sym in _resting_on(found, dep) for dep in root.free_symbols):
                found.append((sym, root))
                taken |= {sym} if several else set()
                break
    return _placing_order(list(dict.fromkeys(found)))


def _resting_on(found: list, sym) -> set:
    """The symbols the placements of ``sym`` rest on, directly or through other placements."""
    seen, stack = set(), [sym]
    while stack:
        current = stack.pop()
        for placed, value in found:
            if placed == current:
                new = value.free_symbols - seen
                seen |= new
                stack.extend(new)
    return seen


def _placing_order(found: list) -> tuple:
    """``found`` with every placement after all placements of the symbols its value rests on."""
    placed = {sym for sym, _ in found}
    ordered, left = [], list(found)
    while left:
        waiting = {sym for sym, _ in left}
        ready = [(sym, value) for sym, value in left if not value.free_symbols & placed & waiting]
        if not ready:
            break  # the rest rest on each other
        ordered.extend(ready)
        left = [p for p in left if p not in ready]
    return tuple(ordered)


def _linear_root(eq, sym):
    """The value of ``sym`` that solves ``eq``, where ``eq`` is linear in it once denominators are cleared and
    the value is a rational function of the other symbols; ``None`` otherwise."""
    if sp.count_ops(eq) > 200:
        return None
    numerator, _ = sp.fraction(sp.together(eq.lhs - eq.rhs))
    try:
        poly = sp.Poly(numerator, sym)
    except sp.PolynomialError:
        return None
    if poly.degree() != 1:
        return None
    slope, intercept = poly.all_coeffs()
    root = sp.cancel(-intercept / slope)
    return root if sym not in root.free_symbols and _rational_with_rational_coefficients(root) else None


def _rational_with_rational_coefficients(expr) -> bool:
    """A quotient of polynomials with rational coefficients (``sqrt(2) x`` is not: exact draws cannot land on it)."""
    gens = sorted(expr.free_symbols, key=sp.default_sort_key)
    if not gens:
        return bool(expr.is_Rational)
    numerator, denominator = sp.fraction(sp.together(expr))
    try:
        return all(sp.Poly(part, *gens).domain in (sp.ZZ, sp.QQ) for part in (numerator, denominator))
    except sp.PolynomialError:
        return False
