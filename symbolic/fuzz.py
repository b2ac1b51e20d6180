r"""Soundness fuzzing: random claims decided by the engine, judged by an independent oracle.

:func:`generate_claim` draws claim ``index`` of a seeded stream -- polynomial
and rational inequalities over 2 to 6 real variables, with sign assumptions
(as symbol assumptions or explicit facts), strict and weak relations mixed,
implications, conjunctions, disjunctions, contradictory assumption sets,
claims true only up to a boundary, and families whose answer is known by
construction (AM-GM, Cauchy-Schwarz, sums of squares, things false at a chosen
admissible point).  :func:`run_fuzz` decides each with :func:`~symbolic.prove`
or :func:`~symbolic.exists` and checks the verdict against

* **exact evaluation** (:mod:`symbolic.fraction_eval`, ``Fraction``
  arithmetic, no engine code) at many rational points: random draws inside the
  bounds the assumptions state, the bounds themselves, ``0`` and ``1``, points
  with tied coordinates, and an admissible *anchor* point the claim was built
  around;
* the **known answer** of the family, where it has one.

A *disagreement* is

* ``proved`` while some admissible point violates the claim, or makes it
  undefined;
* a ``refuted`` (``forall``) or ``witness`` point that exact evaluation does
  not confirm (inadmissible, or the claim has the wrong truth value there);
* ``refuted`` (``exists``) while some admissible point satisfies the condition;
* ``vacuous`` while some point satisfies every assumption;
* a definite verdict other than the known answer (``unknown`` is honest and
  never a disagreement).

Each disagreement is shrunk (assumptions dropped, terms and sub-formulas
removed while the disagreement persists) and reported as runnable Python
source that fails with ``AssertionError`` while the bug is present.

>>> summary = run_fuzz(12, seed=1, timeout=5.0)
>>> summary.n, summary.disagreements
(12, ())
>>> sum(count for _, count in summary.counts) == 12
True
"""

from __future__ import annotations

import math
import random
import statistics
import time
from dataclasses import dataclass
from fractions import Fraction
from typing import Callable, Sequence

import sympy as sp
from sympy.core.relational import Relational
from sympy.printing.str import StrPrinter

from .engine import exists, prove
from .fraction_eval import Undefined, Unsupported, as_fraction, compile_boolean, sympy_truth
from .verdict import Kind, Status, Verdict

__all__ = ["FuzzClaim", "FuzzOutcome", "Disagreement", "FuzzSummary", "generate_claim", "check_verdict",
           "decide_and_check", "run_fuzz", "reproducer_source", "source", "FAMILIES", "DEFAULT_FAMILIES",
           "ENGINE_BUGS"]

NAMES = ("x", "y", "z", "u", "v", "w")
FLAGS = ("real", "positive", "nonnegative", "negative")


# -- values -----------------------------------------------------------------------

@dataclass(frozen=True)
class FuzzClaim:
    """One generated decision problem, with what is known about it by construction."""

    seed: int
    index: int
    family: str
    kind: Kind
    statement: sp.Basic
    assumptions: tuple = ()
    #: the verdict the family guarantees (None: no known answer)
    expected: Status | None = None
    #: an admissible point the claim was built around (symbol, Rational) pairs, or None
    anchor: tuple | None = None
    #: why the expected verdict holds
    why: str = ""

    @property
    def symbols(self) -> tuple[sp.Symbol, ...]:
        syms = set(self.statement.free_symbols)
        for a in self.assumptions:
            syms |= a.free_symbols
        return tuple(sorted(syms, key=lambda s: s.name))

    def decide(self, timeout: float) -> Verdict:
        fn = prove if self.kind is Kind.FORALL else exists
        return fn(self.statement, list(self.assumptions), timeout=timeout)


@dataclass(frozen=True)
class Disagreement:
    """An engine verdict the oracle contradicts, with a minimal runnable reproducer."""

    seed: int
    index: int
    family: str
    verdict: str  #: the engine's verdict, as text
    problem: str  #: what the oracle found
    reproducer: str  #: Python source that fails (AssertionError) while the bug is present

    def __str__(self) -> str:
        return (f"claim {self.index} (seed {self.seed}, family {self.family}): {self.problem}\n"
                f"engine: {self.verdict}\nreproducer:\n{self.reproducer}")


@dataclass(frozen=True)
class FuzzOutcome:
    """The decision of one fuzzed claim and the oracle's judgement of it."""

    index: int
    family: str
    kind: Kind
    status: Status
    seconds: float  #: wall time of the engine call
    points: int  #: admissible points the oracle evaluated
    disagreement: Disagreement | None = None
    #: the verdict's point is not rational and SymPy could not settle it (neither confirmed nor refuted)
    unconfirmed: bool = False
    #: the family has a known answer for this claim
    known: bool = False


@dataclass(frozen=True)
class FuzzSummary:
    """Counts, timings and disagreements of a fuzzing run."""

    n: int
    seed: int
    timeout: float
    counts: tuple[tuple[str, int], ...]  #: (status, how many), every status listed
    counts_by_kind: tuple[tuple[str, str, int], ...]  #: (kind, status, how many), non-zero only
    families: tuple[tuple[str, int], ...]
    median_seconds: float
    p95_seconds: float
    max_seconds: float
    slowest: tuple[int, str, float]  #: (index, family, seconds) of the slowest claim
    known_answers: int  #: claims whose family has a known answer
    oracle_points: int  #: admissible points evaluated in all
    unconfirmed: int
    disagreements: tuple[Disagreement, ...]
    wall_seconds: float

    def count(self, status: Status | str) -> int:
        return dict(self.counts)[Status(status).value]

    def as_text(self) -> str:
        """A short human-readable report."""
        lines = [f"fuzzed {self.n} claims (seed {self.seed}, time limit {self.timeout:g} s each) "
                 f"in {self.wall_seconds:.1f} s wall"]
        lines.append("  " + ", ".join(f"{s}: {c}" for s, c in self.counts))
        for kind in ("forall", "exists"):
            part = [f"{s} {c}" for k, s, c in self.counts_by_kind if k == kind]
            lines.append(f"  {'prove ' if kind == 'forall' else 'exists'} : " + ", ".join(part))
        lines.append(f"  time per claim: median {1000 * self.median_seconds:.1f} ms, "
                     f"95th percentile {1000 * self.p95_seconds:.1f} ms, max {1000 * self.max_seconds:.1f} ms "
                     f"(claim {self.slowest[0]}, {self.slowest[1]})")
        lines.append(f"  oracle: {self.oracle_points} admissible points evaluated exactly, "
                     f"{self.known_answers} claims with a known answer, {self.unconfirmed} points unconfirmable")
        lines.append("  families: " + ", ".join(f"{f} {c}" for f, c in self.families))
        lines.append(f"  disagreements: {len(self.disagreements)}")
        for d in self.disagreements:
            lines.append("")
            lines.append(str(d))
        return "\n".join(lines)


# -- symbols and small random pieces -------------------------------------------------

def make_symbol(name: str, flag: str) -> sp.Symbol:
    """A real symbol with one sign flag: ``real``, ``positive``, ``nonnegative`` or ``negative``."""
    return sp.Symbol(name, **{flag: True})


def symbol_flag(s: sp.Symbol) -> str:
    if s.is_positive:
        return "positive"
    if s.is_nonnegative:
        return "nonnegative"
    if s.is_negative:
        return "negative"
    if s.is_nonpositive:
        return "nonpositive"
    return "real" if s.is_real else "plain"


def _flag_ok(flag: str, value: Fraction) -> bool:
    return {"positive": value > 0, "nonnegative": value >= 0, "negative": value < 0,
            "nonpositive": value <= 0}.get(flag, True)


def _rat(rng: random.Random, lo: Fraction, hi: Fraction, dens=(1, 1, 2, 3, 4, 8)) -> Fraction:
    """A random rational in [lo, hi] with a small denominator (an endpoint if none fits)."""
    q = rng.choice(dens)
    a, b = math.ceil(lo * q), math.floor(hi * q)
    if a > b:
        return rng.choice((lo, hi))
    return Fraction(rng.randint(a, b), q)


def _anchor_value(rng: random.Random, flag: str) -> Fraction:
    if flag == "positive":
        return _rat(rng, Fraction(1, 8), Fraction(3))
    if flag == "nonnegative":
        return Fraction(0) if rng.random() < 0.3 else _rat(rng, Fraction(1, 8), Fraction(3))
    if flag == "negative":
        return _rat(rng, Fraction(-3), Fraction(-1, 8))
    return Fraction(0) if rng.random() < 0.15 else _rat(rng, Fraction(-3), Fraction(3))


def _S(q: Fraction) -> sp.Rational:
    return sp.Rational(q.numerator, q.denominator)


def _coefficient(rng: random.Random) -> sp.Rational:
    c = rng.choice((1, 1, 1, 2, 2, 3, Fraction(1, 2), Fraction(3, 2), Fraction(1, 3)))
    return _S(Fraction(c)) * rng.choice((1, -1))


def _monomial(rng: random.Random, syms: Sequence[sp.Symbol], degree: int) -> sp.Expr:
    out = sp.Integer(1)
    for _ in range(degree):
        out *= rng.choice(syms)
    return out


def _poly(rng: random.Random, syms: Sequence[sp.Symbol], max_degree: int = 3, terms: int | None = None) -> sp.Expr:
    terms = terms or rng.randint(1, 4)
    return sp.Add(*[_coefficient(rng) * _monomial(rng, syms, rng.randint(0, max_degree)) for _ in range(terms)])


def _value(expr: sp.Expr, anchor: dict) -> Fraction:
    return Fraction(str(expr.xreplace({s: _S(v) for s, v in anchor.items()})))


# Relations are built unevaluated: SymPy's evaluation of ``p > c`` asks the assumption
# system about ``p - c`` and cost more than deciding the claim; it also would hide the
# relations it settles from the engine.
def _lt(a, b):
    return sp.Lt(a, b, evaluate=False)


def _le(a, b):
    return sp.Le(a, b, evaluate=False)


def _gt(a, b):
    return sp.Gt(a, b, evaluate=False)


def _ge(a, b):
    return sp.Ge(a, b, evaluate=False)


def _eq(a, b):
    return sp.Eq(a, b, evaluate=False)


def _ne(a, b):
    return sp.Ne(a, b, evaluate=False)


def _rel(rng: random.Random, ops: str = "<,<=,>,>=") -> Callable:
    return {"<": _lt, "<=": _le, ">": _gt, ">=": _ge, "==": _eq, "!=": _ne}[rng.choice(ops.split(","))]


class _Setup:
    """The variables of one claim, their sign flags and an admissible anchor point."""

    def __init__(self, rng: random.Random, n: int | None = None, flags: Sequence[str] | None = None):
        self.rng = rng
        n = n or rng.randint(2, 6)
        names = rng.sample(NAMES, n)
        flags = flags or [rng.choice(("real", "real", "positive", "positive", "nonnegative", "negative"))
                          for _ in range(n)]
        self.syms = [make_symbol(nm, fl) for nm, fl in zip(names, flags)]
        self.anchor = {s: _anchor_value(rng, fl) for s, fl in zip(self.syms, flags)}

    def assumptions(self, extra_relations: int | None = None) -> list:
        """Assumptions that hold at the anchor: signs, boxes, orderings, a polynomial bound."""
        rng, out = self.rng, []
        for s in self.syms:
            p = self.anchor[s]
            pick = rng.random()
            if pick < 0.35:
                continue
            if pick < 0.6:  # a sign fact (may repeat the symbol's own flag)
                if p > 0:
                    out.append(s > 0 if rng.random() < 0.6 else s >= 0)
                elif p < 0:
                    out.append(s < 0 if rng.random() < 0.6 else s <= 0)
                else:
                    out.append(s >= 0 if rng.random() < 0.5 else s <= 0)
            else:  # a box around the anchor, closed where it touches it
                lo = p - rng.choice((0, Fraction(1, 2), 1, 2))
                hi = p + rng.choice((0, Fraction(1, 2), 1, 3))
                out.append((s >= _S(lo)) if lo == p or rng.random() < 0.5 else (s > _S(lo)))
                out.append((s <= _S(hi)) if hi == p or rng.random() < 0.5 else (s < _S(hi)))
        for _ in range(rng.randint(0, 2) if extra_relations is None else extra_relations):
            a, b = rng.sample(self.syms, 2)
            pa, pb = self.anchor[a], self.anchor[b]
            if pa == pb:
                out.append(rng.choice((a <= b, a >= b, sp.Eq(a, b))))
            elif pa < pb:
                out.append(a < b if rng.random() < 0.6 else a <= b)
            else:
                out.append(a > b if rng.random() < 0.6 else a >= b)
        if rng.random() < 0.25:  # a nonlinear assumption, tight or slack at the anchor
            q = _poly(rng, self.syms, max_degree=2, terms=rng.randint(1, 3))
            bound = _value(q, self.anchor) + rng.choice((0, 0, Fraction(1, 2), 2))
            tight = rng.random() < 0.5 or bound == _value(q, self.anchor)
            out.append(_le(q, _S(bound)) if tight else _lt(q, _S(bound)))
        rng.shuffle(out)
        return out

    def point(self) -> tuple:
        return tuple((s, _S(v)) for s, v in self.anchor.items())


# -- families --------------------------------------------------------------------------

def _atom(rng: random.Random, st: _Setup) -> sp.Basic:
    """A random polynomial or rational relation, often tight at the anchor."""
    p = _poly(rng, st.syms)
    shape = rng.random()
    if shape < 0.2:
        p = p / _denominator(rng, st)
    if shape > 0.85:
        return _rel(rng, "<,<=,>,>=,==,!=")(p, _poly(rng, st.syms, max_degree=2))
    try:
        at_anchor = _value(p, st.anchor)
    except (ValueError, ZeroDivisionError):
        at_anchor = Fraction(0)
    rhs = at_anchor if rng.random() < 0.4 else Fraction(rng.randint(-3, 3))
    return _rel(rng, "<,<=,>,>=,<,<=,>,>=,==,!=")(p, _S(rhs))


def _denominator(rng: random.Random, st: _Setup) -> sp.Expr:
    """A denominator: positive by construction, positive by symbol flags, or of unknown sign."""
    pick = rng.random()
    if pick < 0.4:
        a = rng.choice(st.syms)
        return a**2 + _S(rng.choice((Fraction(1, 2), Fraction(1), Fraction(2))))
    if pick < 0.75:
        pos = [s for s in st.syms if s.is_positive]
        if pos:
            return sp.Mul(*rng.sample(pos, min(len(pos), rng.randint(1, 2))))
        return sp.Add(*[s**2 for s in st.syms[:2]]) + 1
    a, b = rng.sample(st.syms, 2)  # may vanish where the assumptions hold: usually unknown
    return a - b + _S(Fraction(rng.randint(-1, 1)))


def _boolean(rng: random.Random, st: _Setup, depth: int = 2) -> sp.Basic:
    if depth == 0 or rng.random() < 0.3:
        return _atom(rng, st)
    pick = rng.random()
    parts = [_boolean(rng, st, depth - 1) for _ in range(rng.randint(2, 3))]
    if pick < 0.3:
        return sp.And(*parts)
    if pick < 0.6:
        return sp.Or(*parts)
    if pick < 0.9:
        return sp.Implies(parts[0], parts[1])
    return sp.Not(parts[0])


def _random_kind(rng: random.Random) -> Kind:
    return Kind.FORALL if rng.random() < 0.6 else Kind.EXISTS


def fam_polynomial(rng, seed, index):
    """One random polynomial relation under assumptions that hold at an anchor."""
    st = _Setup(rng)
    p = _poly(rng, st.syms)
    rhs = _value(p, st.anchor) if rng.random() < 0.4 else Fraction(rng.randint(-3, 3))
    claim = _rel(rng, "<,<=,>,>=,<,<=,>,>=,==,!=")(p, _S(rhs))
    return FuzzClaim(seed, index, "polynomial", _random_kind(rng), claim, tuple(st.assumptions()),
                     anchor=st.point())


def fam_rational(rng, seed, index):
    """A relation between a rational function and a constant or a polynomial."""
    st = _Setup(rng)
    den = _denominator(rng, st)
    p = _poly(rng, st.syms, max_degree=2) / den
    rhs = _poly(rng, st.syms, max_degree=1, terms=1) if rng.random() < 0.3 else sp.Integer(rng.randint(-2, 2))
    claim = _rel(rng)(p, rhs)
    assumptions = st.assumptions()
    sign = _value(den, st.anchor)
    if den.is_positive is None and sign != 0 and rng.random() < 0.6:
        # the sign of the denominator follows from an explicit assumption only (SymPy cannot see it)
        assumptions.append(_gt(den, 0) if sign > 0 else _lt(den, 0))
    return FuzzClaim(seed, index, "rational", _random_kind(rng), claim, tuple(assumptions),
                     anchor=st.point())


def fam_boolean(rng, seed, index):
    """Implications, conjunctions, disjunctions and negations of random relations."""
    st = _Setup(rng)
    claim = _boolean(rng, st)
    return FuzzClaim(seed, index, "boolean", _random_kind(rng), claim, tuple(st.assumptions()),
                     anchor=st.point())


def fam_contradictory(rng, seed, index):
    """Assumption sets with no admissible point, hidden among satisfiable ones: always ``vacuous``."""
    st = _Setup(rng)
    a, b = rng.sample(st.syms, 2)
    c = _S(Fraction(rng.randint(-3, 3), rng.choice((1, 2))))
    pick = rng.randrange(7)
    if pick == 0:  # bounds that cross, or touch with one side strict
        gap = rng.choice((0, Fraction(1, 2), 1))
        contra = [a > c, a < c - _S(Fraction(gap))] if gap == 0 else [a >= c, a <= c - _S(Fraction(gap))]
        why = f"{a} is bounded below by {c} and above by something no larger"
    elif pick == 1:  # a sum too large for its parts' bounds
        s1, s2 = Fraction(rng.randint(-2, 2)), Fraction(rng.randint(-2, 2))
        contra = [a <= _S(s1), b <= _S(s2), a + b > _S(s1 + s2)]
        why = "a + b > s1 + s2 while a <= s1 and b <= s2"
    elif pick == 2:  # a strict cycle of inequalities
        c3 = rng.choice([s for s in st.syms if s not in (a, b)] or [a])
        contra = [a < b, b <= c3, c3 <= a] if c3 is not a else [a < b, b < a]
        why = "a strict cycle a < b <= c <= a"
    elif pick == 3:  # a sum of squares (plus a constant >= 0) below zero
        sq = sp.Add(*[_poly(rng, st.syms, max_degree=1, terms=2)**2 for _ in range(rng.randint(1, 2))])
        k = _S(Fraction(rng.randint(0, 2)))
        contra = [_lt(sq + k, 0)]
        why = "a sum of squares plus a non-negative constant is negative"
    elif pick == 4:  # same-sign product with opposite signs
        contra = [a * b > 0, a > 0, b < 0]
        why = "a*b > 0 with a > 0 and b < 0"
    elif pick == 5:  # a quadratic with no real zero below zero
        contra = [_le(a**2 - a + 1, 0)] if rng.random() < 0.5 else [_le(a**2 + 1, 2 * a - 1)]
        why = "a**2 - a + 1 and (a - 1)**2 + 1 are positive"
    else:  # contradicts the symbol's own sign flag, or a flag-free equivalent
        if a.is_nonnegative:
            contra = [a < 0]
        elif a.is_negative:
            contra = [a >= 0]
        else:
            contra = [a**2 < 0]
        why = "contradicts the sign of the symbol"
    assumptions = st.assumptions(extra_relations=rng.randint(0, 1)) + contra
    rng.shuffle(assumptions)
    claim = _boolean(rng, st, depth=1)
    return FuzzClaim(seed, index, "contradictory", _random_kind(rng), claim, tuple(assumptions),
                     expected=Status.VACUOUS, why=why)


def fam_boundary(rng, seed, index):
    """A sum of squares of linear forms vanishing at an admissible anchor: zero only on a boundary."""
    st = _Setup(rng)
    forms = []
    for _ in range(rng.randint(1, 3)):
        used = rng.sample(st.syms, rng.randint(1, min(3, len(st.syms))))
        forms.append(sp.Add(*[rng.choice((1, -1, 2, -3)) * (s - _S(st.anchor[s])) for s in used]))
    weights = [_S(Fraction(rng.randint(1, 3), rng.choice((1, 2)))) for _ in forms]
    sos = sp.Add(*[w * f**2 for w, f in zip(weights, forms)])
    if rng.random() < 0.5:
        sos = sp.expand(sos)
    variants = [
        (Kind.FORALL, _ge(sos, 0), Status.PROVED, "a sum of squares is non-negative"),
        (Kind.FORALL, _gt(sos, 0), Status.REFUTED, "the sum of squares is zero at the admissible anchor"),
        (Kind.FORALL, _gt(sos + _S(Fraction(1, rng.randint(1, 8))), 0), Status.PROVED, "a positive constant added"),
        (Kind.EXISTS, _lt(sos, 0), Status.REFUTED, "a sum of squares is never negative"),
        (Kind.EXISTS, _eq(sos, 0), Status.WITNESS, "the anchor is a zero"),
        (Kind.EXISTS, _le(sos, 0), Status.WITNESS, "the anchor is a zero"),
    ]
    a, b = rng.sample(st.syms, 2)
    variants.append((Kind.FORALL, sp.Implies(_ne(a, b), _gt((a - b)**2, 0)), Status.PROVED,
                     "a square is positive off its zero"))
    variants.append((Kind.FORALL, _gt((a - b)**2, 0), None, "false exactly where a = b, if admissible"))
    kind, claim, expected, why = rng.choice(variants)
    assumptions = st.assumptions()
    if rng.random() < 0.2:  # pinch a variable: a >= c and a <= c leave exactly a = c
        s = rng.choice(st.syms)
        c = _S(st.anchor[s])
        assumptions += [s >= c, s <= c]
        if rng.random() < 0.5:
            kind, claim, expected, why = rng.choice([
                (Kind.FORALL, sp.Eq(s, c), Status.PROVED, "the assumptions pinch the variable"),
                (Kind.FORALL, s > c, Status.REFUTED, "the only admissible value is the boundary"),
                (Kind.EXISTS, s < c, Status.REFUTED, "the only admissible value is the boundary"),
                (Kind.EXISTS, sp.Eq(s, c), Status.WITNESS, "the only admissible value is the boundary")])
    return FuzzClaim(seed, index, "boundary", kind, claim, tuple(assumptions), expected=expected,
                     anchor=st.point(), why=why)


def _known_inequalities(v: Sequence[sp.Symbol]):
    """(name, lhs, rhs, domain, equality case possible): lhs >= rhs on the domain, with equality somewhere."""
    a, b, c, d, e, f = v
    yield "two squares", a**2 + b**2, 2 * a * b, "real"
    yield "AM-GM 2", (a + b)**2, 4 * a * b, "real"
    yield "AM-GM 3 (sum of cubes)", a**3 + b**3 + c**3, 3 * a * b * c, "nonnegative"
    yield "AM-GM 3", (a + b + c)**3, 27 * a * b * c, "nonnegative"
    yield "AM-HM", (a + b) * (1 / a + 1 / b), sp.Integer(4), "positive"
    yield "ratio and inverse", a / b + b / a, sp.Integer(2), "positive"
    yield "Cauchy-Schwarz", (a**2 + b**2) * (c**2 + d**2), (a * c + b * d)**2, "real"
    yield "Nesbitt", a / (b + c) + b / (a + c) + c / (a + b), sp.Rational(3, 2), "positive"
    yield "Schur t=1", a * (a - b) * (a - c) + b * (b - a) * (b - c) + c * (c - a) * (c - b), sp.Integer(0), \
        "nonnegative"
    for n in (3, 4, 5, 6):
        xs = v[:n]
        yield f"QM-AM {n}", n * sp.Add(*[x**2 for x in xs]), sp.Add(*xs)**2, "real"
    yield "three squares", a**2 + b**2 + c**2, a * b + b * c + c * a, "real"
    yield "Bernoulli-like", (1 + a)**3, 1 + 3 * a, "nonnegative"
    yield "a**4 + b**4 >= a**3 b + a b**3", a**4 + b**4, a**3 * b + a * b**3, "real"
    yield "AM-GM 2 rational", (a + b) / 2, a * b / ((a + b) / 2), "positive"  # AM >= HM


def fam_inequality(rng, seed, index):
    """Classical inequalities with a known answer: weak proved, strict refuted, reversed refuted."""
    names = rng.sample(NAMES, 6)
    explicit = rng.random() < 0.4  # the domain as explicit facts on real symbols, not as symbol flags
    catalogue = list(_known_inequalities([sp.Dummy(nm) for nm in names]))
    name, lhs, rhs, domain = rng.choice(catalogue)
    dummies = sorted((lhs - rhs).free_symbols, key=lambda s: s.name)
    flag = "real" if explicit else domain
    syms = {dm: make_symbol(dm.name, flag) for dm in dummies}
    # a positive rescaling of every variable keeps the inequality and its equality case
    scale = {dm: syms[dm] * _S(Fraction(rng.randint(1, 3), rng.randint(1, 3))) for dm in dummies}
    lhs, rhs = lhs.xreplace(scale), rhs.xreplace(scale)
    assumptions = []
    if explicit and domain != "real":
        assumptions = [(s > 0) if domain == "positive" else (s >= 0) for s in syms.values()]
    variant = rng.randrange(6)
    kind, claim, expected, why = [
        (Kind.FORALL, _ge(lhs, rhs), Status.PROVED, f"{name}"),
        (Kind.FORALL, _gt(lhs, rhs), Status.REFUTED, f"{name}: equality when the variables are equal"),
        (Kind.FORALL, _le(lhs, rhs), Status.REFUTED, f"{name}: strict somewhere"),
        (Kind.EXISTS, _lt(lhs, rhs), Status.REFUTED, f"{name}"),
        (Kind.EXISTS, _eq(lhs, rhs), Status.WITNESS, f"{name}: the equality case"),
        (Kind.EXISTS, _gt(lhs, rhs), Status.WITNESS, f"{name}: strict somewhere"),
    ][variant]
    if domain != "real" and rng.random() < 0.15 and not explicit and variant == 0 and "rational" not in name \
            and name not in ("AM-HM", "ratio and inverse", "Nesbitt"):
        # the same polynomial inequality over all reals: known false for the odd-degree ones
        plain = {s: make_symbol(s.name, "real") for s in syms.values()}
        claim = claim.xreplace(plain)
        expected = Status.REFUTED if name in ("AM-GM 3 (sum of cubes)", "AM-GM 3", "Schur t=1", "Bernoulli-like") \
            else None
        why = f"{name} without its sign assumption"
    return FuzzClaim(seed, index, "inequality", kind, claim, tuple(assumptions), expected=expected, why=why)


def fam_constructed(rng, seed, index):
    """Claims false at a chosen admissible point, tautologies, and monotonicity facts."""
    st = _Setup(rng)
    pick = rng.randrange(8)
    p = _poly(rng, st.syms)
    pv = _S(_value(p, st.anchor))
    if pick == 0:
        kind, claim, expected, why = rng.choice([
            (Kind.FORALL, _gt(p, pv), Status.REFUTED, "false at the anchor"),
            (Kind.FORALL, _lt(p, pv), Status.REFUTED, "false at the anchor"),
            (Kind.FORALL, _ne(p, pv), Status.REFUTED, "false at the anchor"),
            (Kind.EXISTS, _eq(p, pv), Status.WITNESS, "true at the anchor")])
    elif pick == 1:
        q = _poly(rng, st.syms)
        qv = _S(_value(q, st.anchor))
        kind, claim, expected, why = rng.choice([
            (Kind.FORALL, sp.Implies(_le(p, pv), _gt(q, qv)), Status.REFUTED, "antecedent true, consequent false at the anchor"),
            (Kind.EXISTS, sp.And(_ge(p, pv), _le(q, qv)), Status.WITNESS, "true at the anchor"),
            (Kind.FORALL, sp.Or(_lt(p, pv), _gt(q, qv)), Status.REFUTED, "false at the anchor")])
    elif pick == 2:  # transitivity with strict and weak links
        x, y, z = (st.syms * 2)[:3] if len(st.syms) < 3 else rng.sample(st.syms, 3)
        r1, r2 = rng.choice(((sp.Lt, "<"), (sp.Le, "<="))), rng.choice(((sp.Lt, "<"), (sp.Le, "<=")))
        strict_goal = rng.random() < 0.5
        goal = (x < z) if strict_goal else (x <= z)
        claim = sp.Implies(sp.And(r1[0](x, y), r2[0](y, z)), goal)
        kind = Kind.FORALL
        if not strict_goal or "<" in (r1[1], r2[1]):
            expected, why = Status.PROVED, "transitivity"
        else:
            expected, why = None, "x = y = z violates it, if admissible"
        return FuzzClaim(seed, index, "constructed", kind, claim, (), expected=expected, why=why)
    elif pick == 3:  # the square of a difference, expanded
        q = _poly(rng, st.syms, max_degree=2)
        kind, claim, expected, why = Kind.FORALL, _ge(sp.expand(p**2 - 2 * p * q + q**2), 0), Status.PROVED, \
            "(p - q)**2 >= 0, expanded"
        if sp.expand(p - q) == 0:
            claim = sp.true
    elif pick == 4:  # monotone powers
        a, b = rng.sample(st.syms, 2)
        n = rng.choice((2, 3, 4))
        claim = sp.Implies(a > b, _gt(a**n, b**n))
        kind = Kind.FORALL
        if n == 3:
            expected, why = Status.PROVED, "odd powers are increasing"
        elif b.is_nonnegative:
            expected, why = Status.PROVED, "even powers are increasing on the non-negative reals"
        else:
            expected, why = Status.REFUTED, "a = 1, b = -2 (or similar) violates it"
            if a.is_negative:  # a > b with both negative: a**n < b**n always
                expected, why = Status.REFUTED, "both negative: the power reverses the order"
        return FuzzClaim(seed, index, "constructed", kind, claim, (), expected=expected, why=why)
    elif pick == 5:  # products of ordered positives
        x, y = rng.sample(st.syms, 2)
        u, w = (make_symbol(nm, "positive") for nm in rng.sample([n for n in NAMES if n not in (x.name, y.name)], 2))
        claim = sp.Implies(sp.And(x > y, u > w, y > 0, w > 0), x * u > y * w)
        return FuzzClaim(seed, index, "constructed", Kind.FORALL, claim, (), expected=Status.PROVED,
                         why="x > y > 0, u > w > 0 give x*u > y*w")
    elif pick == 6:  # an algebraic witness, or none
        s = rng.choice(st.syms)
        k = rng.choice((2, 3, 5, 6, 7))
        if s.is_negative:
            assumptions = (s < -1,) if rng.random() < 0.5 else ()
        else:
            assumptions = (s > 0,) if rng.random() < 0.5 else ()
        if rng.random() < 0.7:
            return FuzzClaim(seed, index, "constructed", Kind.EXISTS, sp.Eq(s**2, k), assumptions,
                             expected=Status.WITNESS, why=f"+-sqrt({k}) (an irrational witness)")
        return FuzzClaim(seed, index, "constructed", Kind.EXISTS, sp.Eq(s**2, -k), assumptions,
                         expected=Status.REFUTED, why="a square is never negative")
    else:  # AM-GM in product form with an equality constraint
        x, y = (make_symbol(nm, "positive") for nm in rng.sample(NAMES, 2))
        kind, claim, expected, why = rng.choice([
            (Kind.EXISTS, sp.And(sp.Eq(x * y, 1), x + y < 2), Status.REFUTED, "x*y = 1 forces x + y >= 2"),
            (Kind.EXISTS, sp.And(sp.Eq(x * y, 1), sp.Eq(x + y, 2)), Status.WITNESS, "x = y = 1"),
            (Kind.FORALL, sp.Implies(sp.Eq(x * y, 1), x + y > 2), Status.REFUTED, "x = y = 1"),
            (Kind.FORALL, sp.Implies(sp.Eq(x * y, 1), x + y >= 2), Status.PROVED, "AM-GM")])
        return FuzzClaim(seed, index, "constructed", kind, claim, (), expected=expected, why=why)
    return FuzzClaim(seed, index, "constructed", kind, claim, tuple(st.assumptions()), expected=expected,
                     anchor=st.point(), why=why)


def fam_piecewise(rng, seed, index):
    """``Abs``, ``Min`` and ``Max``: the triangle inequality and friends, with known answers."""
    st = _Setup(rng, n=rng.randint(2, 4))
    a, b = rng.sample(st.syms, 2)
    p, q = _poly(rng, st.syms, max_degree=2, terms=2), _poly(rng, st.syms, max_degree=2, terms=2)
    kind, claim, expected, why = rng.choice([
        (Kind.FORALL, _le(sp.Abs(p + q), sp.Abs(p) + sp.Abs(q)), Status.PROVED, "triangle inequality"),
        (Kind.FORALL, _ge(sp.Abs(a - b), sp.Abs(sp.Abs(a) - sp.Abs(b))), Status.PROVED,
         "reverse triangle inequality"),
        (Kind.FORALL, _ge(sp.Max(p, q), sp.Min(p, q)), Status.PROVED, "max >= min"),
        (Kind.FORALL, _eq(sp.Max(a, b) + sp.Min(a, b), a + b), Status.PROVED, "max + min = sum"),
        (Kind.FORALL, _ge(sp.Abs(p), p), Status.PROVED, "|p| >= p"),
        (Kind.FORALL, _gt(sp.Max(a, b), a), None, "false where a >= b, if admissible"),
        (Kind.EXISTS, _lt(sp.Abs(p) + sp.Abs(q), sp.Abs(p + q)), Status.REFUTED, "triangle inequality"),
        (Kind.EXISTS, _eq(sp.Abs(p - _S(_value(p, st.anchor))), 0), Status.WITNESS, "zero at the anchor"),
        (Kind.FORALL, _rel(rng)(sp.Abs(p) + sp.Min(a, q), _S(Fraction(rng.randint(-2, 2)))), None, "random"),
    ])
    return FuzzClaim(seed, index, "piecewise", kind, claim, tuple(st.assumptions()), expected=expected,
                     anchor=st.point(), why=why)


def fam_homonyms(rng, seed, index):
    """Two different symbols with the same name (other sign flags, or ``Dummy`` s).

    SymPy treats them as independent variables; so must the engine.
    """
    name = rng.choice(NAMES)
    if rng.random() < 0.5:
        a, b = make_symbol(name, "positive"), make_symbol(name, "real")
    else:
        a, b = sp.Dummy(name, real=True), sp.Dummy(name, real=True)
    others = [make_symbol(nm, "real") for nm in rng.sample([n for n in NAMES if n != name], rng.randint(0, 2))]
    c = _S(Fraction(rng.randint(0, 2)))
    kind, claim, expected, why = rng.choice([
        (Kind.FORALL, sp.Implies(_gt(a, c), _gt(b, c)), Status.REFUTED, "b is free: b = c - 1"),
        (Kind.FORALL, _eq(a, b), Status.REFUTED, "two independent variables"),
        (Kind.EXISTS, sp.And(_gt(a, c), _lt(b, c)), Status.WITNESS, "two independent variables"),
        (Kind.FORALL, _ge(a * b + sp.Add(*others), 0), None, "a product of independent variables"),
    ])
    return FuzzClaim(seed, index, "homonyms", kind, claim, (), expected=expected, why=why)


def fam_removable(rng, seed, index):
    """An identity ``expand(p*q)/q = p`` whose denominator ``q`` vanishes at an admissible anchor.

    The claim is undefined there, so the engine must not prove it (issue 1:
    "a denominator that can vanish ... is reported as unknown").
    """
    st = _Setup(rng, flags=None)
    a, b = rng.sample(st.syms, 2)
    q = a - b - _S(st.anchor[a] - st.anchor[b])  # zero at the anchor
    p = _poly(rng, st.syms, max_degree=2, terms=rng.randint(1, 3))
    claim = _eq(sp.expand(p * q) / q, p)
    return FuzzClaim(seed, index, "removable", Kind.FORALL, claim, tuple(st.assumptions()), anchor=st.point(),
                     why="undefined where the denominator vanishes")


def fam_cancelled(rng, seed, index):
    """The same fraction on both sides: ``r/q + p op r/q + c`` with ``q`` zero at an admissible anchor.

    ``lhs - rhs`` no longer contains ``q``; the claim is still undefined where ``q = 0``.
    """
    st = _Setup(rng)
    a, b = rng.sample(st.syms, 2)
    q = a - b - _S(st.anchor[a] - st.anchor[b])
    r = _poly(rng, st.syms, max_degree=1, terms=rng.randint(1, 2)) + 1
    p = _poly(rng, st.syms, max_degree=2, terms=rng.randint(1, 2))
    kind = _random_kind(rng)
    claim = _rel(rng)(r / q + p, r / q + _S(Fraction(rng.randint(-2, 2))))
    return FuzzClaim(seed, index, "cancelled", kind, claim, tuple(st.assumptions()), anchor=st.point(),
                     why="undefined where the denominator vanishes")


#: families that exposed engine bugs the fuzzer found (all fixed); they stay in the default mix
#: and in regression tests so that the bugs cannot come back
ENGINE_BUGS: dict[str, str] = {
    "homonyms": "the z3 translation identifies symbols by name: two different SymPy symbols named 'x' "
                "(other assumptions, or Dummy) become one z3 variable, and false claims are proved",
    "removable": "the sympy-identity route proves an equation after z3 reported it undefined somewhere the "
                 "assumptions hold (a vanishing denominator)",
    "cancelled": "domain conditions are collected from lhs - rhs after SymPy cancelled a fraction that "
                 "appears on both sides, so a claim undefined at admissible points is decided",
}

#: family name -> (generator, weight)
FAMILIES: dict[str, tuple[Callable, int]] = {
    "polynomial": (fam_polynomial, 18),
    "rational": (fam_rational, 10),
    "boolean": (fam_boolean, 16),
    "contradictory": (fam_contradictory, 10),
    "boundary": (fam_boundary, 16),
    "inequality": (fam_inequality, 15),
    "constructed": (fam_constructed, 15),
    "piecewise": (fam_piecewise, 6),
    "homonyms": (fam_homonyms, 2),
    "removable": (fam_removable, 1),
    "cancelled": (fam_cancelled, 2),
}
#: the default mix: every family with a positive weight
DEFAULT_FAMILIES = tuple(f for f, (_, w) in FAMILIES.items() if w > 0)


def generate_claim(seed: int, index: int, families: Sequence[str] | None = None) -> FuzzClaim:
    """Claim ``index`` of the stream ``seed`` (the same arguments always give the same claim).

    ``families`` restricts the mix (equal weights among those named); the
    default is :data:`DEFAULT_FAMILIES` with their weights.

    >>> a = generate_claim(7, 3); b = generate_claim(7, 3)
    >>> a == b and a.family in DEFAULT_FAMILIES
    True
    >>> generate_claim(7, 3, families=["boundary"]).family
    'boundary'
    """
    rng = random.Random(f"coordfail-fuzz/{seed}/{index}")
    if families is None:
        names = list(DEFAULT_FAMILIES)
        weights = [FAMILIES[f][1] for f in names]
    else:
        names = list(families)
        unknown = [f for f in names if f not in FAMILIES]
        if unknown or not names:
            raise ValueError(f"families must name some of {', '.join(FAMILIES)}; got {families!r}")
        weights = [1] * len(names)
    family = rng.choices(names, weights=weights)[0]
    return FAMILIES[family][0](rng, seed, index)


# -- the oracle ----------------------------------------------------------------------

def _bounds(claim: FuzzClaim) -> dict:
    """Per symbol, [lo, hi] from its flag and the assumptions of the form ``symbol op constant``."""
    out = {}
    for s in claim.symbols:
        flag = symbol_flag(s)
        lo = Fraction(0) if flag in ("positive", "nonnegative") else None
        hi = Fraction(0) if flag in ("negative", "nonpositive") else None
        out[s] = [lo, hi]
    for a in claim.assumptions:
        if not isinstance(a, Relational) or a.rel_op in ("!=",):
            continue
        lhs, rhs, op = a.lhs, a.rhs, a.rel_op
        if isinstance(rhs, sp.Symbol) and lhs.is_Rational:
            lhs, rhs, op = rhs, lhs, {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "=="}[op]
        if not (isinstance(lhs, sp.Symbol) and rhs.is_Rational and lhs in out):
            continue
        c = as_fraction(rhs)
        lo, hi = out[lhs]
        if op in (">", ">=", "=="):
            out[lhs][0] = c if lo is None else max(lo, c)
        if op in ("<", "<=", "=="):
            out[lhs][1] = c if hi is None else min(hi, c)
    for s, (lo, hi) in out.items():
        if lo is None and hi is None:
            lo, hi = Fraction(-4), Fraction(4)
        elif lo is None:
            lo = hi - 4
        elif hi is None:
            hi = lo + 4
        out[s] = (lo, hi) if lo <= hi else (hi, lo)
    return out


def oracle_points(claim: FuzzClaim, samples: int = 64, extra: Sequence[dict] = ()) -> list[dict]:
    """Rational candidate points: the anchor, bounds, 0 and 1, random draws and ties (not filtered)."""
    rng = random.Random(f"coordfail-oracle/{claim.seed}/{claim.index}")
    syms = claim.symbols
    if not syms:
        return [{}]
    bounds = _bounds(claim)
    pts: list[dict] = [dict(p) for p in extra]
    if claim.anchor is not None:
        pts.append({s: as_fraction(v) for s, v in claim.anchor})
    for c in (Fraction(0), Fraction(1), Fraction(-1), Fraction(1, 2)):
        pts.append({s: c for s in syms})
    pts.append({s: bounds[s][0] for s in syms})
    pts.append({s: bounds[s][1] for s in syms})
    for _ in range(samples):
        p = {s: _rat(rng, *bounds[s]) for s in syms}
        r = rng.random()
        if r < 0.25 and len(syms) > 1:  # a tie: boundaries like x = y
            a, b = rng.sample(syms, 2)
            p[b] = p[a]
        elif r < 0.35:  # everything equal: the equality case of symmetric inequalities
            c = p[syms[0]]
            p = {s: c for s in syms}
        elif r < 0.45:  # some coordinates at a bound
            for s in rng.sample(syms, rng.randint(1, len(syms))):
                p[s] = rng.choice(bounds[s])
        pts.append(p)
    for s in syms:  # one coordinate at zero: where sign conditions and denominators change
        p = {t: _rat(rng, *bounds[t]) for t in syms}
        p[s] = Fraction(0)
        pts.append(p)
    pts += _denominator_zeros(claim, rng, bounds)
    seen, out = set(), []
    for p in pts:
        if not all(s in p for s in syms):
            continue
        p = {s: p[s] for s in syms}  # a shrunk claim may have lost symbols of an earlier point
        key = tuple(p.values())
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _denominator_zeros(claim: FuzzClaim, rng: random.Random, bounds: dict, per: int = 3) -> list[dict]:
    """Points where a denominator of the claim vanishes, solving it for a variable it is linear in."""
    out = []
    for d in _denominators(claim.statement)[:6]:
        for _ in range(per):
            p = {s: _rat(rng, *bounds[s]) for s in claim.symbols}
            linear = [s for s in sorted(d.free_symbols, key=lambda s: s.name) if sp.degree(d, s) == 1]
            if not linear:
                break
            v = rng.choice(linear)
            a, b = sp.Poly(d, v).all_coeffs()
            others = {s: sp.Rational(q.numerator, q.denominator) for s, q in p.items() if s != v}
            a, b = a.xreplace(others), b.xreplace(others)
            if a.is_Rational and b.is_Rational and a != 0:
                p[v] = as_fraction(-b / a)
                out.append(p)
    return out


@dataclass(frozen=True)
class _Judgement:
    problem: str = ""  #: "" when the verdict stands
    point: tuple | None = None  #: the oracle's evidence, (symbol, Rational) pairs
    evidence: str = ""  #: "violates" | "undefined" | "satisfies" | "admissible" | "bad-point" | "known"
    points: int = 0
    unconfirmed: bool = False


class _Oracle:
    """Compiled exact evaluation of one claim."""

    def __init__(self, claim: FuzzClaim):
        self.claim = claim
        self.flags = {s: symbol_flag(s) for s in claim.symbols}
        self.assume = [compile_boolean(a) for a in claim.assumptions]
        self.target = compile_boolean(claim.statement)

    def admissible(self, p: dict) -> bool:
        if not all(_flag_ok(self.flags[s], v) for s, v in p.items()):
            return False
        try:
            return all(f(p) for f in self.assume)
        except Undefined:
            return False

    def truth(self, p: dict):
        """True/False, or None where the claim is undefined."""
        try:
            return self.target(p)
        except Undefined:
            return None


def _as_point(p: dict) -> tuple:
    return tuple(sorted(((s, sp.Rational(v.numerator, v.denominator)) for s, v in p.items()),
                        key=lambda kv: kv[0].name))


def _point_fails(claim: FuzzClaim, oracle: _Oracle, point: dict, want: bool):
    """Does the engine's point fail to be admissible with claim truth ``want``? (True/False/None: unsure)."""
    if all(v.is_Rational for v in point.values()):
        p = {s: as_fraction(v) for s, v in point.items()}
        if set(p) != set(claim.symbols):
            return True
        return not (oracle.admissible(p) and oracle.truth(p) is want)
    for s, v in point.items():
        flag = oracle.flags.get(s, "real")
        sign_ok = {"positive": v.is_positive, "nonnegative": v.is_nonnegative, "negative": v.is_negative,
                   "nonpositive": v.is_nonpositive}.get(flag, v.is_real)
        if sign_ok is None:
            return None
        if not sign_ok:
            return True
    truths = [sympy_truth(a, point) for a in claim.assumptions] + [sympy_truth(claim.statement, point)]
    if "undefined" in truths:
        return True
    if None in truths:
        return None
    return not (all(truths[:-1]) and truths[-1] is want)


def check_verdict(claim: FuzzClaim, verdict: Verdict, samples: int = 64, extra: Sequence[dict] = ()) -> _Judgement:
    """The oracle's judgement of ``verdict`` on ``claim`` (``problem`` is empty when it stands).

    >>> x = make_symbol("x", "real")
    >>> c = FuzzClaim(0, 0, "example", Kind.FORALL, x**2 > 0)
    >>> fake = Verdict.make("proved", "forall", "fabricated", 0.0)
    >>> check_verdict(c, fake).problem
    'proved, but the claim is false at the admissible point x = 0'
    """
    oracle = _Oracle(claim)
    kind, status = claim.kind, verdict.status
    allowed = {Kind.FORALL: (Status.PROVED, Status.REFUTED, Status.VACUOUS, Status.UNKNOWN),
               Kind.EXISTS: (Status.WITNESS, Status.REFUTED, Status.VACUOUS, Status.UNKNOWN)}[kind]
    if verdict.kind is not kind or status not in allowed:
        return _Judgement(f"a {verdict.kind} verdict {status} for a {kind} claim", evidence="known")

    counted = 0
    if status in (Status.PROVED, Status.VACUOUS) or (status is Status.REFUTED and kind is Kind.EXISTS):
        for p in oracle_points(claim, samples, extra):
            if not oracle.admissible(p):
                continue
            counted += 1
            t = oracle.truth(p)
            text = ", ".join(f"{s} = {v}" for s, v in _as_point(p))
            if status is Status.VACUOUS:
                return _Judgement(f"vacuous, but every assumption holds at {text}", _as_point(p), "admissible",
                                  counted)
            if t is None and status is Status.REFUTED and kind is Kind.EXISTS:
                continue  # an undefined point is not an instance: "no instance" stands
            if t is None:
                return _Judgement(f"{status}, but the claim is undefined (a denominator vanishes) at the "
                                  f"admissible point {text}", _as_point(p), "undefined", counted)
            if status is Status.PROVED and t is False:
                return _Judgement(f"proved, but the claim is false at the admissible point {text}",
                                  _as_point(p), "violates", counted)
            if status is Status.REFUTED and t is True:
                return _Judgement(f"refuted (no instance), but the condition holds at the admissible point {text}",
                                  _as_point(p), "satisfies", counted)
    unconfirmed = False
    if status is Status.WITNESS or (status is Status.REFUTED and kind is Kind.FORALL):
        # not verdict.point: it is None for the empty point of a claim without symbols
        point = verdict.witness if status is Status.WITNESS else verdict.counterexample
        if point is None:
            return _Judgement(f"{status} without a point", evidence="bad-point")
        fails = _point_fails(claim, oracle, point, want=status is Status.WITNESS)
        text = ", ".join(f"{s} = {v}" for s, v in sorted(point.items(), key=lambda kv: kv[0].name))
        if fails:
            what = "witness" if status is Status.WITNESS else "counterexample"
            return _Judgement(f"the engine's {what} {text} is not one under exact evaluation", evidence="bad-point")
        unconfirmed = fails is None
    if claim.expected is not None and status is not Status.UNKNOWN and status is not claim.expected:
        return _Judgement(f"{status}, but the known answer is {claim.expected} ({claim.why})", evidence="known",
                          points=counted)
    return _Judgement(points=counted, unconfirmed=unconfirmed)


# -- decisions, shrinking, reproducers ------------------------------------------------

def decide_and_check(claim: FuzzClaim, timeout: float, samples: int = 64, shrink: bool = True) -> FuzzOutcome:
    """Decide ``claim``, judge the verdict, and on a disagreement shrink it to a reproducer."""
    start = time.perf_counter()
    try:
        verdict = claim.decide(timeout)
    except Exception as exc:  # the engine must answer every well-formed claim, never raise
        seconds = time.perf_counter() - start
        problem = f"the engine raised {type(exc).__name__}: {exc}"
        judged = _Judgement(problem, evidence="raised")
        fake = Verdict.make(Status.UNKNOWN, claim.kind, "raised", seconds, reason=problem)
        return FuzzOutcome(claim.index, claim.family, claim.kind, Status.UNKNOWN, seconds, 0,
                           Disagreement(claim.seed, claim.index, claim.family, problem, problem,
                                        reproducer_source(claim, fake, judged, timeout)),
                           known=claim.expected is not None)
    seconds = time.perf_counter() - start
    judged = check_verdict(claim, verdict, samples)
    disagreement = None
    if judged.problem:
        small, small_verdict, small_judged = (_shrink(claim, verdict, judged, timeout, samples) if shrink
                                              else (claim, verdict, judged))
        disagreement = Disagreement(claim.seed, claim.index, claim.family, str(verdict), judged.problem,
                                    reproducer_source(small, small_verdict, small_judged, timeout))
    return FuzzOutcome(claim.index, claim.family, claim.kind, verdict.status, seconds, judged.points,
                       disagreement, judged.unconfirmed, claim.expected is not None)


def _simpler(b) -> list:
    """Candidate simplifications of a Boolean or expression, one step each."""
    out = []
    for node in sp.preorder_traversal(b):
        reps = []
        if isinstance(node, (sp.And, sp.Or)) and len(node.args) > 1:
            reps += list(node.args)
            if len(node.args) > 2:
                reps += [node.func(*[a for a in node.args if a is not drop]) for drop in node.args]
        elif isinstance(node, sp.Implies):
            reps += [node.args[1]]
        elif isinstance(node, sp.Not):
            reps += [node.args[0]]
        elif isinstance(node, sp.Add) and len(node.args) > 1:
            reps += [sp.Add(*[a for a in node.args if a is not drop]) for drop in node.args]
        elif isinstance(node, sp.Mul):
            coeff, rest = node.as_coeff_Mul()
            if coeff not in (1, -1):
                reps += [rest, -rest]
        elif isinstance(node, sp.Rational) and not node.is_Integer:
            reps += [sp.Integer(int(node))]
        for r in reps:
            try:
                new = b.xreplace({node: r})
            except (TypeError, ValueError):
                continue
            if new != b and isinstance(new, sp.Basic):
                out.append(new)
    return out


def _shrink(claim: FuzzClaim, verdict: Verdict, judged: _Judgement, timeout: float, samples: int,
            budget: int = 200):
    """Greedy shrinking while the disagreement persists (same evidence kind)."""
    if judged.evidence == "known":
        return claim, verdict, judged  # built small; a changed claim loses its known answer
    from dataclasses import replace

    extra = [{s: as_fraction(v) for s, v in judged.point}] if judged.point else []
    best = (claim, verdict, judged)
    tries = 0
    improved = True
    while improved and tries < budget:
        improved = False
        c0 = best[0]
        candidates = [replace(c0, assumptions=c0.assumptions[:i] + c0.assumptions[i + 1:])
                      for i in range(len(c0.assumptions))]
        candidates += [replace(c0, statement=s) for s in _simpler(c0.statement)
                       if isinstance(s, sp.logic.boolalg.Boolean) and not isinstance(s, bool)]
        for cand in candidates:
            tries += 1
            if tries > budget:
                break
            cand = replace(cand, expected=None, anchor=None)
            try:
                v = cand.decide(timeout)
                j = check_verdict(cand, v, samples, extra)
            except (TypeError, ValueError, Unsupported):
                continue
            if j.problem and j.evidence == judged.evidence:
                best = (cand, v, j)
                if j.point:
                    extra = [{s: as_fraction(val) for s, val in j.point}]
                improved = True
                break
    return best


_REL_CALL = {"==": "Eq", "!=": "Ne", "<": "Lt", "<=": "Le", ">": "Gt", ">=": "Ge"}


class _SourcePrinter(StrPrinter):
    """``sstr`` that Python reads back exactly.

    Rationals print as ``Rational(p, q)`` (``1/2`` would be a float), connectives
    as calls, symbols by their Python names (two symbols may share a SymPy name),
    and a relation SymPy would evaluate on construction as ``Gt(..., evaluate=False)``.
    """

    def __init__(self, names=None):
        super().__init__()
        self.names = names or {}

    def _print_Symbol(self, e):
        return self.names.get(e, e.name)

    _print_Dummy = _print_Symbol

    def _print_Rational(self, e):
        return f"Rational({e.p}, {e.q})"

    def _connective(self, name, e):
        return f"{name}(" + ", ".join(self._print(a) for a in e.args) + ")"

    def _print_And(self, e):
        return self._connective("And", e)

    def _print_Or(self, e):
        return self._connective("Or", e)

    def _print_Not(self, e):
        return self._connective("Not", e)

    def _print_Relational(self, e):
        try:
            same = e.func(e.lhs, e.rhs) == e
        except TypeError:
            same = False
        if same:
            return super()._print_Relational(e)
        return f"{_REL_CALL[e.rel_op]}({self._print(e.lhs)}, {self._print(e.rhs)}, evaluate=False)"

    def _print_BooleanTrue(self, e):
        return "true"

    def _print_BooleanFalse(self, e):
        return "false"


def python_names(symbols) -> dict:
    """A distinct Python identifier for each symbol (``x``, then ``x_2`` for a homonym)."""
    names, used = {}, set()
    for s in symbols:
        base = s.name if s.name.isidentifier() else "s"
        name, k = base, 1
        while name in used:
            k += 1
            name = f"{base}_{k}"
        used.add(name)
        names[s] = name
    return names


def source(b, names=None) -> str:
    """Python source for a SymPy Boolean or expression.

    >>> x = sp.Symbol("x")
    >>> source(sp.And(x > sp.Rational(1, 2), x < 2))
    'And(x > Rational(1, 2), x < 2)'
    >>> source(sp.Gt(sp.Symbol("y", positive=True), 0, evaluate=False))
    'Gt(y, 0, evaluate=False)'
    """
    return _SourcePrinter(names).doprint(b)


def _declarations(symbols, names) -> list[str]:
    lines = []
    for s in symbols:
        flag = symbol_flag(s)
        args = f"{s.name!r}" + (f", {flag}=True" if flag != "plain" else "")
        lines.append(f"{names[s]} = Symbol({args})")
    return lines


def reproducer_source(claim: FuzzClaim, verdict: Verdict, judged: _Judgement, timeout: float) -> str:
    """Runnable Python that re-decides ``claim`` and fails (AssertionError) while the disagreement stands."""
    fn = "prove" if claim.kind is Kind.FORALL else "exists"
    lines = [f"# coordfail fuzz reproducer: seed {claim.seed}, claim {claim.index}, family {claim.family}",
             f"# oracle: {judged.problem}",
             "from sympy import (Abs, And, Eq, Ge, Gt, Implies, Le, Lt, Max, Min, Ne, Not, Or, Rational, Symbol,",
             "                   false, true)",
             f"from symbolic import {fn}", ""]
    names = python_names(claim.symbols)
    lines += _declarations(claim.symbols, names)
    what = "claim" if claim.kind is Kind.FORALL else "condition"
    lines.append(f"{what} = {source(claim.statement, names)}")
    lines.append("assumptions = [" + ", ".join(source(a, names) for a in claim.assumptions) + "]")
    lines.append(f"verdict = {fn}({what}, assumptions, timeout={timeout!r})")
    lines.append("print(verdict)")
    if judged.point is not None:
        pt = "{" + ", ".join(f"{names[s]}: {source(v)}" for s, v in judged.point) + "}"
        lines.append(f"point = {pt}")
        lines.append("assert all(a.subs(point).doit() == True for a in assumptions)  # the point is admissible")
    if judged.evidence == "violates":
        lines.append(f"assert {what}.subs(point).doit() == False  # and the claim fails there")
        lines.append('assert verdict.status.value != "proved", "unsound: proved a claim that fails at point"')
    elif judged.evidence == "satisfies":
        lines.append(f"assert {what}.subs(point).doit() == True  # and the condition holds there")
        lines.append('assert verdict.status.value != "refuted", "unsound: no instance, yet point is one"')
    elif judged.evidence == "undefined":
        dens = [d for d in _denominators(claim.statement)
                if d.xreplace(dict(judged.point)) == 0]
        if dens:
            lines.append(f"assert ({source(dens[0], names)}).subs(point) == 0  # a denominator of the {what} vanishes")
        lines.append(f'assert verdict.status.value not in ("proved", "refuted"), '
                     f'"answered a {what} that is undefined at an admissible point"')
    elif judged.evidence == "raised":
        lines.append("# the call above raises instead of returning a verdict")
    elif judged.evidence == "admissible":
        lines.append('assert verdict.status.value != "vacuous", "the assumptions are satisfiable"')
    elif judged.evidence == "bad-point":
        want = "False" if claim.kind is Kind.FORALL else "True"
        lines.append(f"point = verdict.{'counterexample' if claim.kind is Kind.FORALL else 'witness'}")
        lines.append("try:")
        lines.append("    confirmed = point is not None and all(a.subs(point).doit() == True for a in assumptions) "
                     f"and {what}.subs(point).doit() == {want}")
        lines.append("except TypeError:  # SymPy refuses to compare an undefined value (zoo): no confirmation")
        lines.append("    confirmed = False")
        lines.append('assert confirmed, f"the engine reported the uncertified point {point}"')
    else:
        lines.append(f"# known answer: {claim.expected} ({claim.why})")
        lines.append(f'assert verdict.status.value in ("{claim.expected}", "unknown"), verdict')
    return "\n".join(lines) + "\n"


def _denominators(b) -> list:
    return [node.base for node in sp.preorder_traversal(b)
            if isinstance(node, sp.Pow) and node.exp.is_Integer and node.exp < 0]


# -- running ---------------------------------------------------------------------------

def _run_chunk(args) -> list[FuzzOutcome]:
    seed, indices, timeout, samples, families, shrink = args
    return [decide_and_check(generate_claim(seed, i, families), timeout, samples, shrink) for i in indices]


def _percentile(sorted_values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    if not sorted_values:
        return 0.0
    k = max(0, math.ceil(q * len(sorted_values)) - 1)
    return sorted_values[k]


def run_fuzz(n: int, seed: int = 0, timeout: float = 5.0, *, workers: int = 1, samples: int = 64,
             start: int = 0, families: Sequence[str] | None = None, shrink: bool = True) -> FuzzSummary:
    """Fuzz ``n`` claims (indices ``start .. start+n-1`` of stream ``seed``); see the module docstring.

    ``workers > 1`` decides chunks in separate processes; the claims, verdict
    counts and disagreements do not depend on it (only the timings do, and a
    claim near its time limit may come out ``unknown`` on a busier machine).
    ``families`` restricts the mix (see :func:`generate_claim`); ``shrink=False``
    reports disagreements unshrunk (faster when many are expected).
    """
    if not (isinstance(n, int) and n >= 1):
        raise ValueError(f"n must be a positive whole number of claims, got {n!r}")
    if not (isinstance(timeout, (int, float)) and timeout > 0):
        raise ValueError(f"timeout must be a positive number of seconds, got {timeout!r}")
    if not (isinstance(workers, int) and workers >= 1):
        raise ValueError(f"workers must be a positive whole number, got {workers!r}")
    wall = time.perf_counter()
    indices = list(range(start, start + n))
    if workers == 1:
        outcomes = _run_chunk((seed, indices, timeout, samples, families, shrink))
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        size = max(1, min(50, n // (4 * workers) or 1))
        chunks = [(seed, indices[i:i + size], timeout, samples, families, shrink) for i in range(0, n, size)]
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            outcomes = [o for part in pool.map(_run_chunk, chunks) for o in part]
    return summarize(outcomes, seed, timeout, time.perf_counter() - wall)


def summarize(outcomes: Sequence[FuzzOutcome], seed: int, timeout: float, wall_seconds: float) -> FuzzSummary:
    counts = {s.value: 0 for s in Status}
    by_kind: dict = {}
    families: dict = {}
    for o in outcomes:
        counts[o.status.value] += 1
        by_kind[(o.kind.value, o.status.value)] = by_kind.get((o.kind.value, o.status.value), 0) + 1
        families[o.family] = families.get(o.family, 0) + 1
    times = sorted(o.seconds for o in outcomes)
    slowest = max(outcomes, key=lambda o: o.seconds)
    known = sum(1 for o in outcomes if o.known)
    return FuzzSummary(
        n=len(outcomes), seed=seed, timeout=float(timeout),
        counts=tuple(counts.items()),
        counts_by_kind=tuple((k, s, c) for (k, s), c in sorted(by_kind.items())),
        families=tuple(sorted(families.items())),
        median_seconds=statistics.median(times), p95_seconds=_percentile(times, 0.95), max_seconds=times[-1],
        slowest=(slowest.index, slowest.family, slowest.seconds),
        known_answers=known, oracle_points=sum(o.points for o in outcomes),
        unconfirmed=sum(o.unconfirmed for o in outcomes),
        disagreements=tuple(o.disagreement for o in outcomes if o.disagreement is not None),
        wall_seconds=wall_seconds)
