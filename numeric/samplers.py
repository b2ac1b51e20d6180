r"""Seeded samplers of *admissible* parameters: the assumptions hold by construction.

A sampler is handed a :class:`SamplingProblem` -- the symbols it owns, the
assumption atoms among them and the statements to be checked -- and returns
``n`` draws: a NumPy float array per symbol, or, with ``exact=True``, a
:class:`~numeric.exact.RationalArray` per symbol.  Draws are reproducible from
the ``numpy.random.Generator`` passed in.

The generic :class:`BoundsSampler` reads each symbol's bounds from the atoms
and puts a share of the draws on them, every draw on the equations among the assumptions' conjuncts and a
share on the other equations (rational roots only, so that exact draws meet them exactly); the paper's own samplers, which build Section
5 and Section 4 economies, are in :mod:`numeric.paper_samplers` and use the
two arithmetic backends here (:class:`FloatDraws`, :class:`ExactDraws`).

>>> import numpy as np
>>> x = sp.Symbol("x", real=True)
>>> d = BoundsSampler().draw(SamplingProblem.build([x], [x >= 1]), 1000, np.random.default_rng(0), exact=True)
>>> bool((d[x] >= 1).all()), bool((d[x] == 1).any())   # admissible, and on the boundary in a share
(True, True)
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from fractions import Fraction
from typing import Iterable, Protocol

import numpy as np
import sympy as sp
from sympy.core.relational import Relational

from symbolic.constructs import exact_floats

from .exact import RationalArray, exact_value, where

__all__ = ["SamplingProblem", "Sampler", "BoundsSampler", "FloatDraws", "ExactDraws", "flatten_atoms",
           "own_assumptions_hold", "linear_root", "rational_function"]


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
    #: symbols another sampler draws first, and the equation conjuncts that set one of these ``symbols`` from them
    #: (``w_k = lambda_kS/lambda_kN`` beside a paper's sampler of the lambdas): placed on the drawn values
    given: tuple = ()
    links: tuple = ()

    @classmethod
    def build(cls, symbols, assumptions=(), statements=(), given=()) -> "SamplingProblem":
        symbols = tuple(sorted(set(symbols), key=lambda s: s.name))
        own, given = set(symbols), tuple(sorted(set(given) - set(symbols), key=lambda s: s.name))
        flat = flatten_atoms(assumptions)
        atoms = tuple(a for a in flat if a.free_symbols and a.free_symbols <= own)
        links = tuple(a for a in flat if isinstance(a, sp.Eq) and a.free_symbols & own
                      and a.free_symbols & set(given) and a.free_symbols <= own | set(given))
        return cls(symbols, atoms, tuple(statements), given if links else (), links)


class Sampler(Protocol):
    """The plug-in interface (see :mod:`numeric.spot`)."""

    name: str

    def owns(self, symbol: sp.Symbol) -> bool:
        """Whether this sampler draws ``symbol``."""

    def draw(self, problem: SamplingProblem, n: int, rng: np.random.Generator, *, exact: bool = False,
             boundary_share: float = 0.25) -> dict:
        """``n`` draws for every symbol of ``problem``, admissible for its atoms by construction."""


# -- two arithmetic backends for the same construction ------------------------------

class FloatDraws:
    """Draws as float arrays (the same construction as :class:`ExactDraws`)."""

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


class ExactDraws:
    """Draws as :class:`~numeric.exact.RationalArray` s, small denominators."""

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


#: the share of draws of a symbol unbounded on a side that go far from 1 (the rest within a factor of ~20)
WIDE_SHARE = 0.2
#: the log-range of those draws: a real from about 1e-3 to 1e3, an integer up to about 10,000
WIDE_LOG_RANGE = {False: (-7.0, 7.0), True: (-1.0, 9.2)}


def _magnitudes(ops, rng, n: int, symbol):
    """Positive distances from a bound (or from 0): mostly within a factor of ~20 of 1, where a model's
    parameters usually are, and a share far from it, so that "n < 6" for every n is not checked on n <= 4 only."""
    lo, hi = WIDE_LOG_RANGE[bool(symbol.is_integer)]
    return ops.where(rng.random(n) < WIDE_SHARE, ops.positive(lo, hi), ops.positive())


class BoundsSampler:
    """Any real symbol: bounds from atoms such as ``x >= 1`` and the symbol's own assumptions.

    Between two bounds draws are uniform; from one bound (or around 0) they are log-uniform, mostly within a
    factor of about 20 (0.22 to 4.5 away) and a share :data:`WIDE_SHARE` over :data:`WIDE_LOG_RANGE`.

    Draws land on an inclusive bound exactly in a share of the draws, and on
    the value an equation gives a symbol: every draw where the equation is a
    conjunct of the assumptions, another share where it is in the statement
    (``Eq(n, (1 + C)/A)``: a point the statement is about, such as the root of
    a payoff gap) or in a disjunction (:func:`_equations`).  Other atoms that relate several symbols
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
             boundary_share: float = 0.25, given: dict | None = None) -> dict:
        """Draws of ``problem``'s symbols; ``given``: the draws of ``problem.given`` (another sampler's), which
        equations of ``problem.links`` may place a symbol on."""
        ops = (ExactDraws if exact else FloatDraws)(rng, n)
        out = {s: (given or {})[s] for s in problem.given}
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
                v = ops.const(base) + _magnitudes(ops, rng, n, sym)
                if lo_incl:
                    v = ops.where(edge, ops.const(base), v)
            elif hi is not None:
                base = Fraction(hi.p, hi.q)
                v = ops.const(base) - _magnitudes(ops, rng, n, sym)
                if hi_incl:
                    v = ops.where(edge, ops.const(base), v)
            else:
                sign = rng.random(n) < 0.5
                mag = _magnitudes(ops, rng, n, sym)
                v = ops.where(sign, mag, ops.const(0) - mag)
                v = ops.where(edge, ops.const(int(rng.integers(-2, 3))), v)
            if sym.is_integer:  # rounded onto the integers the bounds allow (a positive 0.3 is 1, not 0)
                rounded = _integers_within(np.round(v.to_float() if exact else v), lo, lo_incl, hi, hi_incl)
                v = RationalArray.from_integers(rounded.astype(np.int64)) if exact else rounded
            out[sym] = ops.finish(v)
        for sym, value, share in _equations(problem):
            self._place(out, sym, value, rng, n, exact, share if share is not None else 0.5 if exact else
                        boundary_share, self.bounds(sym, problem.atoms))
        return {s: out[s] for s in problem.symbols}

    @staticmethod
    def _place(out: dict, sym, value, rng, n: int, exact: bool, share: float, bounds=(None, False, None, False)) -> None:
        """Put ``sym`` on ``value`` (an expression in the other drawn symbols) in a ``share`` of the draws.

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
            elif not value.free_symbols:  # sqrt(2): floats only (no exact draw can be on it)
                if exact:
                    return
                v = np.full(n, float(value))
            else:
                kernel = compile_kernel(value, args)
                drawn = [out[a] for a in args]
                v, defined = exact_value(kernel.exact, drawn) if exact else (kernel(*drawn), True)
            x = v.to_float() if exact else np.asarray(v, dtype=float)
        except (KernelError, ValueError, TypeError, OverflowError):
            return  # no (exact) value here, or none a float holds: the draws stay where the bounds put them
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
    """``(symbol, value, share)`` for each equation of the problem that gives a symbol a value, in placing order.

    ``Eq(symbol, value)`` is read as written.  Any other equation is solved for a symbol it is *linear* in
    once denominators are cleared, so that a hypothesis stating a first-order condition is met on draws:
    the value is then a rational function of the other symbols, so exact draws land on it exactly (a float
    draw on an irrational root would meet the equation only within rounding, and a failure there could
    never be confirmed).  Equations are taken from the widest down, each solved for a symbol no wider one
    took -- a real one before an integer (which a quotient rarely is), one without bounds before one with
    them, a symbol of the statement before a parameter: ``Eq(V/(1 + E)**2, 1)`` places ``V`` on ``(1 + E)**2``.  A value may rest on symbols
    placed before it; placements in a cycle are not made.  An equation whose symbols are all taken is put
    through the placements so far and placed by a linear factor (:func:`_factor_root`).

    In this order: the assumptions' own conjuncts, on every draw (``share`` 1: a draw off them is not
    admissible); conjuncts that factor, ``mu (K - q) = 0``, a disjunction in disguise, each factor on
    :data:`BRANCH_SHARE` of the draws (every branch is drawn: ``mu = 0`` and ``K = q``); then the statement's
    equations and last those inside the assumptions' disjunctions and negations, on symbols still free and on
    the caller's boundary share (``share`` ``None``): they aim at a boundary.  A placement that makes an
    assumption false (``e_2 = e_1`` beside ``e_1 < e_2``) is not made.  Deterministic: no time limit decides
    anything.
    """
    own = set(problem.symbols) | set(problem.given)  # another sampler's symbols: values to rest on, not to place
    conjuncts = [a for a in problem.atoms + problem.links if isinstance(a, sp.Eq)]

    def inside(booleans):  # in a fixed order (a set's order follows the hash seed; placements draw from it)
        return [eq for b in booleans if isinstance(b, sp.Basic)
                for eq in sorted(b.atoms(sp.Eq), key=sp.default_sort_key) if eq not in conjuncts]
    stated = inside(problem.statements)
    nested = [eq for eq in inside(problem.atoms) if eq not in stated]
    about = set().union(*(b.free_symbols for b in problem.statements if isinstance(b, sp.Basic)))

    bounded = {s for s in own if BoundsSampler().bounds(s, problem.atoms) != (None, False, None, False)}

    def rank(s):  # a real symbol before an integer, a free one before one with bounds (which a value may miss:
        # x = a with a > 1000 fails on most draws, a = x on none), a symbol of the statement before a parameter
        return bool(s.is_integer), s in bounded, s not in about, sp.default_sort_key(s)

    def fits(sym, value):  # e_2 = e_1 beside e_1 < e_2 would leave no admissible draw
        return not any(a.xreplace({sym: value}) is sp.false for a in problem.atoms if isinstance(a, Relational))

    found: list = []
    taken: set = set(problem.given)
    whole, split = [], []
    for eq in dict.fromkeys(conjuncts):
        branches = _branches(eq)
        (split.append(branches) if branches else whole.append(eq))
    _place_group(whole, 1.0, own, found, taken, rank, fits)
    for branches in split:  # each branch on symbols free before any of them: two may place the same one
        before, added = set(taken), set()
        for branch in branches:
            alone = set(before)
            _place_group([branch], BRANCH_SHARE, own, found, alone, rank, fits)
            added |= alone - before
        taken |= added
    for group in (stated, nested):
        _place_group(list(dict.fromkeys(group)), None, own, found, taken, rank, fits)
    return _placing_order(list(dict.fromkeys(found)))


#: the share of the draws each factor of a factored equation conjunct is placed on
BRANCH_SHARE = 0.5


def _branches(eq) -> list | None:
    """``[Eq(f, 0), Eq(g, 0)]`` for an equation ``f g = 0`` with two or more distinct factors that have
    symbols; ``None`` for any other (one factor, not a polynomial once denominators are cleared)."""
    if not (isinstance(eq.lhs, sp.Expr) and isinstance(eq.rhs, sp.Expr)) or sp.count_ops(eq) > 200:
        return None
    numerator, _ = sp.fraction(sp.together(eq.lhs - eq.rhs))
    gens = sorted(numerator.free_symbols, key=sp.default_sort_key)
    if len(gens) < 1:
        return None
    try:
        factors = [f.as_expr() for f, _ in sp.factor_list(sp.Poly(numerator, *gens))[1] if f.free_symbols]
    except (sp.PolynomialError, sp.GeneratorsNeeded, sp.CoercionFailed):
        return None
    # a factor SymPy settles (x**2 + 1 = 0 is False for a real x) is no branch
    branches = [b for b in (sp.Eq(f, 0) for f in factors) if isinstance(b, sp.Eq)]
    return branches if len(branches) > 1 else None


def _place_group(equations: list, share, own: set, found: list, taken: set, rank, fits) -> None:
    """Add the placements of ``equations`` to ``found`` (``(symbol, value, share)``), on symbols not in
    ``taken``, which grows with them; only placements that ``fits`` (an assumption made false is not)."""
    to_solve = []
    for eq in equations:
        if not (isinstance(eq.lhs, sp.Expr) and isinstance(eq.rhs, sp.Expr)):
            continue  # Eq(x > 0, y > 0) relates truth values: it places no symbol
        eq = exact_floats(eq)[0]  # Eq(2 f, 0.3) places f on 3/20, as the engine reads the decimal
        if not eq.free_symbols <= own:
            continue
        as_written = [(sym, value) for sym, value in ((eq.lhs, eq.rhs), (eq.rhs, eq.lhs))
                      if isinstance(sym, sp.Symbol) and sym not in taken and sym not in value.free_symbols
                      and not any(sym in _resting_on(found, dep) for dep in value.free_symbols)
                      and fits(sym, value)]
        if as_written:
            found.append((*as_written[0], share))
            taken.add(as_written[0][0])
        else:
            to_solve.append(eq)
    unplaced = []
    for eq in sorted(to_solve, key=lambda e: -len(e.free_symbols)):
        for sym in sorted(eq.free_symbols - taken, key=rank):
            root = _linear_root(eq, sym)
            if root is not None and not any(sym in _resting_on(found, dep) for dep in root.free_symbols) \
                    and fits(sym, root):
                found.append((sym, root, share))
                taken.add(sym)
                break
        else:
            unplaced.append(eq)
    for eq in unplaced:  # once the others are placed, a linear factor may place a symbol no one took
        placement = _factor_root(eq, found, taken, rank, fits)
        if placement is not None:
            found.append((*placement, share))
            taken.add(placement[0])


def _factor_root(eq, found: list, taken: set, rank, fits):
    """``(symbol, value)`` from a factor linear in a symbol not yet ``taken``, once the placements ``found`` so
    far are put into ``eq``; ``None`` where none is.

    Two equilibrium conditions ``e_1 = k + e_1^2`` and ``e_2 = k + e_2^2`` are each linear only in ``k``: the
    first places ``k = e_1 - e_1^2``, and the second becomes ``(e_2 - e_1)(1 - e_1 - e_2) = 0``, which places
    ``e_2 = 1 - e_1`` (a factor that sets a symbol equal to another, ``e_2 = e_1``, comes last: an ordering
    among them usually excludes it).  Both hold on every draw where both placements are made.
    """
    values = {sym: value for sym, value, _ in found}
    difference = eq.lhs - eq.rhs
    for _ in range(len(values)):  # through chains of placements (they have no cycle)
        difference, before = difference.xreplace(values), difference
        if difference == before:
            break
    if sp.count_ops(difference) > 200:
        return None
    numerator, _ = sp.fraction(sp.together(difference))
    gens = sorted(numerator.free_symbols, key=sp.default_sort_key)
    try:
        factors = sp.factor_list(sp.Poly(numerator, *gens))[1] if gens else []
    except (sp.PolynomialError, sp.GeneratorsNeeded):
        return None
    options = []
    for sym in sorted(numerator.free_symbols - taken, key=rank):
        for factor, _ in factors:
            if sym not in factor.free_symbols:
                continue
            root = _linear_root(sp.Eq(factor.as_expr(), 0, evaluate=False), sym)
            if root is not None and not any(sym in _resting_on(found, dep) for dep in root.free_symbols) \
                    and fits(sym, root):
                options.append((isinstance(root, sp.Symbol), len(options), sym, root))
    if not options:
        return None
    _, _, sym, root = min(options, key=lambda o: o[:2])
    return sym, root


def _resting_on(found: list, sym) -> set:
    """The symbols the placements of ``sym`` rest on, directly or through other placements."""
    seen, stack = set(), [sym]
    while stack:
        current = stack.pop()
        for placed, value, *_ in found:
            if placed == current:
                new = value.free_symbols - seen
                seen |= new
                stack.extend(new)
    return seen


def _placing_order(found: list) -> tuple:
    """``found`` with every placement after all placements of the symbols its value rests on."""
    placed = {p[0] for p in found}
    ordered, left = [], list(found)
    while left:
        waiting = {p[0] for p in left}
        ready = [p for p in left if not p[1].free_symbols & placed & waiting]
        if not ready:
            break  # the rest rest on each other
        ordered.extend(ready)
        left = [p for p in left if p not in ready]
    return tuple(ordered)


def _linear_root(eq, sym):
    """The value of ``sym`` that solves ``eq``, where ``eq`` is linear in it once denominators are cleared and
    the value is a rational function of the other symbols; ``None`` otherwise."""
    root = linear_root(eq, sym)
    return root if root is not None and rational_function(root) else None


def linear_root(eq, sym):
    """The value of ``sym`` that solves the equation ``eq``, where ``eq`` is linear in it once denominators are
    cleared (any coefficients); ``None`` otherwise."""
    if not (isinstance(eq.lhs, sp.Expr) and isinstance(eq.rhs, sp.Expr)) or sp.count_ops(eq) > 200:
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
    return root if sym not in root.free_symbols else None


def rational_function(expr) -> bool:
    """A quotient of polynomials with rational coefficients (``sqrt(2) x`` is not: exact draws cannot land on it)."""
    gens = sorted(expr.free_symbols, key=sp.default_sort_key)
    if not gens:
        return bool(expr.is_Rational)
    numerator, denominator = sp.fraction(sp.together(expr))
    try:
        return all(sp.Poly(part, *gens).domain in (sp.ZZ, sp.QQ) for part in (numerator, denominator))
    except sp.PolynomialError:
        return False
