"""Who draws what: the sampler registry, a statement's sampling plan with its compiled kernels, and draws.

A plan (:func:`plan_for`) splits the symbols of statements and assumptions among the samplers in use
(:func:`samplers`: those registered with :func:`register_sampler`, then the paper's, then
:class:`~numeric.samplers.BoundsSampler`) and compiles the statements and the assumptions into kernels
(:mod:`numeric.kernels`, the one lambdify boundary).  Plans are kept per statements, assumptions and
samplers.  :mod:`numeric.spot` evaluates statements on the draws of a plan; the sampler API is
described there.
"""

from __future__ import annotations

import functools
import zlib
from dataclasses import dataclass
from fractions import Fraction
from typing import Mapping, Sequence

import numpy as np
import sympy as sp

from symbolic.constructs import atoms_of, domain_conditions

from .exact import RationalArray
from .kernels import Kernel, compile_conjunction, compile_kernel, free_symbols_of
from .paper_samplers import Section4Sampler, Section5Sampler
from .samplers import BoundsSampler, SamplingProblem, flatten_atoms

__all__ = ["as_sympy", "DEFAULT_SAMPLERS", "register_sampler", "unregister_sampler", "samplers", "Plan", "plan_for",
           "NotCheckable", "seed_for", "draw_points", "exact_row", "as_exact", "format_point", "assumption_tuple",
           "why_uncheckable"]

#: the samplers of this toolkit's own paper, used where no paper names its own (numeric.testing, a plain
#: check_statement); a paper's spot checks use the paper's samplers instead (``samplers=``)
DEFAULT_SAMPLERS = (Section5Sampler(), Section4Sampler())
#: samplers registered by code (register_sampler): used everywhere, ahead of the paper's
_SAMPLERS: list = []
_FALLBACK = BoundsSampler()


def register_sampler(sampler, *, first: bool = True):
    """Add a sampler; ``first=True`` lets it take precedence over those already registered."""
    for attr in ("name", "owns", "draw"):
        if not hasattr(sampler, attr):
            raise TypeError(f"a sampler needs a {attr!r} attribute (see numeric.spot)")
    global _SAMPLERS
    rest = [s for s in _SAMPLERS if s.name != sampler.name]
    _SAMPLERS = [sampler, *rest] if first else [*rest, sampler]
    _PLANS.clear()
    return sampler


def unregister_sampler(name: str) -> None:
    """Remove the sampler called ``name`` (tests that register a temporary sampler)."""
    global _SAMPLERS
    _SAMPLERS = [s for s in _SAMPLERS if s.name != name]
    _PLANS.clear()


def samplers(paper_samplers: Sequence | None = None) -> tuple:
    """The samplers in use, in order of precedence (the fallback not included): those registered, then the
    paper's (``paper_samplers``; ``None``: :data:`DEFAULT_SAMPLERS`)."""
    return tuple(_SAMPLERS) + (DEFAULT_SAMPLERS if paper_samplers is None else tuple(paper_samplers))


# -- plans: which sampler draws what, compiled kernels --------------------------------

@dataclass(frozen=True)
class Plan:
    symbols: tuple[sp.Symbol, ...]
    parts: tuple  # (sampler, SamplingProblem)
    assumptions: Kernel
    statements: tuple[Kernel, ...]
    #: where each statement is defined, in floats (``None``: everywhere, or not compiled): to tell a draw where
    #: it is undefined (NaN) from one that refutes it, past the exact re-decisions
    defined: tuple = ()


_PLANS: dict = {}


class NotCheckable(ValueError):
    """The statement or its assumptions have no numeric evaluation (e.g. an undefined function ``P(E)``)."""


def plan_for(statements: tuple, assumptions: tuple, paper_samplers: Sequence | None = None) -> Plan:
    chosen = samplers(paper_samplers)
    key = (statements, assumptions, tuple(s.name for s in chosen))
    plan = _PLANS.get(key)
    if plan is None:
        try:
            plan = _make_plan(statements, assumptions, chosen)
        except NotCheckable as exc:
            plan = exc
        _PLANS[key] = plan
    if isinstance(plan, NotCheckable):
        raise plan
    return plan


def _make_plan(statements: tuple, assumptions: tuple, chosen: tuple) -> Plan:
    reason = why_uncheckable((*statements, *assumptions))
    if reason:
        raise NotCheckable(reason)
    atoms = flatten_atoms(assumptions)
    symbols = set()
    for e in (*statements, *atoms):
        symbols |= free_symbols_of(e)
    symbols = tuple(sorted(symbols, key=lambda s: s.name))
    groups: dict = {}
    for sym in symbols:
        owner = next((s for s in chosen if s.owns(sym)), _FALLBACK)
        groups.setdefault(id(owner), (owner, []))[1].append(sym)
    # the fallback draws last: an equation conjunct may set one of its symbols from another sampler's draws
    others = [(owner, syms) for owner, syms in groups.values() if owner is not _FALLBACK]
    parts = tuple((owner, SamplingProblem.build(syms, atoms, statements)) for owner, syms in others)
    if id(_FALLBACK) in groups:
        syms = groups[id(_FALLBACK)][1]
        parts += ((_FALLBACK, SamplingProblem.build(syms, atoms, statements,
                                                   given=[s for _, theirs in others for s in theirs])),)
    try:
        return Plan(symbols, parts, compile_conjunction(atoms, symbols),
                     tuple(compile_kernel(st, symbols) for st in statements),
                     tuple(_definedness(st, symbols) for st in statements))
    except Exception as exc:  # lambdify refuses it: report, do not crash the verify run
        raise NotCheckable(f"cannot be compiled to NumPy ({type(exc).__name__}: {str(exc).splitlines()[0]})") from None


def _definedness(statement, symbols) -> Kernel | None:
    """A kernel of where ``statement`` is defined (its conditions of definition), or ``None``."""
    try:
        conditions = domain_conditions(statement)
        return compile_kernel(sp.And(*conditions), symbols) if conditions else None
    except Exception:  # noqa: BLE001 - a condition NumPy cannot evaluate: every failure is then re-decided or open
        return None


def seed_for(seed: int, label: str) -> np.random.Generator:
    # stable across processes (str hash is salted)
    return np.random.default_rng([int(seed) & 0xFFFFFFFF, zlib.crc32(label.encode())])


def draw_points(plan: Plan, n: int, rng, exact: bool, boundary_share: float) -> dict:
    values = {}
    for sampler, problem in plan.parts:
        given = {"given": {s: values[s] for s in problem.given}} if problem.given else {}
        values.update(sampler.draw(problem, n, rng, exact=exact, boundary_share=boundary_share, **given))
    missing = [s for s in plan.symbols if s not in values]
    if missing:
        raise RuntimeError(f"samplers drew no values for {', '.join(map(str, missing))}")
    return values


def exact_row(values: Mapping, symbols, index: int) -> dict[str, Fraction]:
    out = {}
    for s in symbols:
        v = values[s]
        out[s.name] = v[index].to_fractions()[0] if isinstance(v, RationalArray) else Fraction(float(v[index]))
    return out


def as_exact(values: Mapping, symbols, rows) -> list[RationalArray]:
    return [RationalArray.from_floats(np.asarray(values[s])[rows]) for s in symbols]


def format_point(point: Mapping[str, Fraction]) -> str:
    """``a = 1/2, b = 3``: a draw, exactly, its symbols in order."""
    return ", ".join(f"{k} = {v}" for k, v in sorted(point.items()))


def as_sympy(value, what: str = "a statement"):
    """``value`` as a SymPy object, never by parsing text: a string is refused (SymPy's ``sympify`` would run it as
    Python code).  Python bools and numbers convert as SymPy converts them."""
    from symbolic.errors import BadInputTypeError

    if isinstance(value, (str, bytes)):
        raise BadInputTypeError(f"{what} is the string {value[:80]!r}: pass a SymPy expression (strings are not "
                                "parsed: sympify would run them as Python code)")
    if not isinstance(value, (sp.Basic, bool, int, float, Fraction, np.number, np.bool_)):
        # a tuple, list, set or dict: SymPy converts its items without the strict check (a string in one ran)
        raise BadInputTypeError(f"{what} is a {type(value).__name__}, not a SymPy expression")
    try:
        return sp.sympify(value, strict=True)
    except sp.SympifyError:
        raise BadInputTypeError(f"{what} is a {type(value).__name__}, not a SymPy expression") from None


def assumption_tuple(assumptions) -> tuple:
    if isinstance(assumptions, Mapping):
        assumptions = tuple(assumptions.values())
    if isinstance(assumptions, (sp.Basic, bool, str)):
        return (as_sympy(assumptions, "an assumption"),)
    return tuple(as_sympy(a, "an assumption") for a in assumptions)


def why_uncheckable(exprs) -> str | None:
    """Why these expressions have no numeric value at a draw (an abstract function, a derivative of one), else
    ``None``."""
    for e in exprs:
        reason = _uncheckable_one(e)
        if reason:
            return reason
    return None


@functools.lru_cache(maxsize=8192)
def _uncheckable_one(expr) -> str | None:
    found = atoms_of(expr, sp.core.function.AppliedUndef, sp.Derivative, sp.Integral, sp.Subs)
    if not found:
        return None
    undefined = sorted({str(f.func) for f in found if isinstance(f, sp.core.function.AppliedUndef)})
    names = ", ".join(undefined) or "a derivative"
    return f"involves {names}, which has no numeric value without a concrete form"
