r"""Mutants of a statement: small changes a correct check must notice.

A proof that no mutant of its statement can fail to pass may be vacuous (a
condition typed rather than derived, a constant, assumptions that decide
everything).  :func:`mutants` makes, from a statement's own relations:

* **flipped strictness** -- ``<`` for ``<=`` and back, ``=`` for ``!=``: the
  paper's errata live on such boundaries;
* **shifted thresholds** -- ``lhs op rhs + 1``, ``lhs op rhs - 1`` and
  ``lhs op 2 rhs``;

but no flip or shift that surely weakens the statement (``<=`` for ``<`` in a
conclusion, ``<`` for ``<=`` in a hypothesis, ``x < c + 1`` for ``x < c``): a
proved statement's weaker mutant is proved too, and shows nothing.
* **reversed inequalities** -- ``>=`` for ``<=``, ``>`` for ``<`` and back (a
  sign condition such as ``-C - 1 <= 0`` survives every shift by 1);
* **dropped hypotheses** -- one conjunct of an implication's hypothesis, or of
  one side of an equivalence, removed;
* **swapped parameters** -- two symbols with the same assumptions exchanged (not where the claim's
  assumptions treat them alike: the claim again under other names).

Each mutant is decided like the original (:func:`proofs.mutants.mutant_report`);
one that is *refuted* with a certified counterexample is killed.

>>> import sympy as sp
>>> x = sp.Symbol("x", positive=True)
>>> [m.description for m in mutants(sp.Implies(x > 1, x**2 > 1))][:3]
['x > 1 made weak (>=)', 'x**2 > 1 shifted to x**2 > 2', 'x**2 > 1 reversed to x**2 < 1']
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import sympy as sp
from sympy.core.relational import Relational
from sympy.logic.boolalg import Boolean

from .constructs import is_truth_value

__all__ = ["Mutant", "mutants"]

_FLIP = {sp.StrictGreaterThan: sp.GreaterThan, sp.GreaterThan: sp.StrictGreaterThan,
         sp.StrictLessThan: sp.LessThan, sp.LessThan: sp.StrictLessThan,
         sp.Equality: sp.Unequality, sp.Unequality: sp.Equality}
_WORD = {sp.GreaterThan: "weak (>=)", sp.StrictGreaterThan: "strict (>)", sp.LessThan: "weak (<=)",
         sp.StrictLessThan: "strict (<)", sp.Equality: "an equation", sp.Unequality: "an inequation"}
_WORD_TEX = {sp.GreaterThan: r"weak ($\geq$)", sp.StrictGreaterThan: "strict ($>$)", sp.LessThan: r"weak ($\leq$)",
             sp.StrictLessThan: "strict ($<$)", sp.Equality: "an equation", sp.Unequality: "an inequation"}


def _m(e) -> str:
    """Inline LaTeX of a part of a statement, its symbols named as the paper writes them."""
    from .notation import latex

    return f"${latex(e)}$"


@dataclass(frozen=True)
class Mutant:
    """A changed statement and what was changed."""

    description: str
    statement: Boolean
    latex: str = ""  #: the description with its formulas typeset (for the report)


def _canonical(e):
    """A sort key that does not depend on hash randomisation (SymPy's key, its text breaking ties)."""
    return sp.default_sort_key(e), sp.sstr(e)


def _relations(b) -> list:
    """The relations of ``b``; those of an implication's conclusion first (a changed conclusion tells most)."""
    rels = [r for r in sorted(b.atoms(Relational), key=_canonical) if not is_truth_value(r.lhs)]
    if isinstance(b, sp.Implies):
        concl = b.args[1].atoms(Relational)
        rels = [r for r in rels if r in concl] + [r for r in rels if r not in concl]
    return rels


def _replace(b, old, new):
    return b.xreplace({old: new})


def _polarities(b) -> dict:
    """Each relation's polarity in ``b``: 1 where a stronger relation makes ``b`` stronger (a conclusion), -1
    where weaker (a hypothesis, under a Not), 0 where neither is known (inside an Equivalent, an ITE, an
    expression; or at places of both signs)."""
    seen: dict = {}

    def walk(e, sign):
        if isinstance(e, Relational):
            seen.setdefault(e, set()).add(sign)
        elif isinstance(e, (sp.And, sp.Or)):
            for a in e.args:
                walk(a, sign)
        elif isinstance(e, sp.Not):
            walk(e.args[0], -sign)
        elif isinstance(e, sp.Implies):
            walk(e.args[0], -sign)
            walk(e.args[1], sign)
        else:
            for a in e.args:
                walk(a, 0)

    walk(b, 1)
    return {r: signs.pop() if len(signs) == 1 else 0 for r, signs in seen.items()}


def _weakens(b, r, change: int) -> bool:
    """Whether making ``r`` stronger (``change`` 1) or weaker (-1) surely makes ``b`` weaker: a proved
    statement's weaker mutant is proved too, so it can never show that the check can fail."""
    return change * _polarities(b).get(r, 0) == -1


def _flips(b):
    for r in _relations(b):
        new = _FLIP.get(type(r))
        if new is not None:
            change = {sp.GreaterThan: -1, sp.LessThan: -1, sp.StrictGreaterThan: 1, sp.StrictLessThan: 1}.get(new, 0)
            if not _weakens(b, r, change):
                yield (f"{sp.sstr(r)} made {_WORD[new]}", f"{_m(r)} made {_WORD_TEX[new]}",
                       _replace(b, r, new(r.lhs, r.rhs, evaluate=False)))


def _shifts(b):
    for r in _relations(b):
        if isinstance(r, (sp.Equality, sp.Unequality)):
            continue
        up = 1 if isinstance(r, (sp.StrictGreaterThan, sp.GreaterThan)) else -1  # a larger rhs is stronger
        doubled = up if r.rhs.is_positive else -up if r.rhs.is_negative else 0
        for rhs, change in ((r.rhs + 1, up), (r.rhs - 1, -up), (2 * r.rhs, doubled)):
            if rhs == r.rhs or _weakens(b, r, change):
                continue
            new = type(r)(r.lhs, rhs, evaluate=False)
            yield f"{sp.sstr(r)} shifted to {sp.sstr(new)}", f"{_m(r)} shifted to {_m(new)}", _replace(b, r, new)


_REVERSE = {sp.StrictGreaterThan: sp.StrictLessThan, sp.StrictLessThan: sp.StrictGreaterThan,
            sp.GreaterThan: sp.LessThan, sp.LessThan: sp.GreaterThan}


def _reversals(b):
    for r in _relations(b):
        new = _REVERSE.get(type(r))
        if new is not None:
            m = new(r.lhs, r.rhs, evaluate=False)
            yield f"{sp.sstr(r)} reversed to {sp.sstr(m)}", f"{_m(r)} reversed to {_m(m)}", _replace(b, r, m)


def _dropped(b):
    def conjuncts(x):
        return sorted(x.args, key=_canonical) if isinstance(x, sp.And) and len(x.args) > 1 else []

    # in a canonical order: SymPy's order of an And's arguments can follow hash randomisation, and the
    # mutants made first are the ones kept
    nodes = {n for n in sp.preorder_traversal(b) if isinstance(n, (sp.Implies, sp.Equivalent))}
    for node in sorted(nodes, key=_canonical):
        if isinstance(node, sp.Implies):
            hyp, concl = node.args
            for c in conjuncts(hyp):
                rest = sp.And(*[a for a in hyp.args if a != c])
                yield (f"hypothesis {sp.sstr(c)} dropped", f"hypothesis {_m(c)} dropped",
                       _replace(b, node, sp.Implies(rest, concl)))
        elif isinstance(node, sp.Equivalent) and len(node.args) == 2:
            left, right = node.args
            for side, other, name in ((left, right, "left"), (right, left, "right")):
                for c in conjuncts(side):
                    rest = sp.And(*[a for a in side.args if a != c])
                    yield (f"{sp.sstr(c)} dropped from the {name} side", f"{_m(c)} dropped from the {name} side",
                           _replace(b, node, sp.Equivalent(rest, other)))


def _swaps(b, assumptions=()):
    syms = sorted(b.free_symbols, key=lambda s: s.name)
    for s, t in combinations(syms, 2):
        if s.assumptions0 == t.assumptions0 and not _symmetric_in(assumptions, {s: t, t: s}):
            yield f"{s} and {t} swapped", f"{_m(s)} and {_m(t)} swapped", b.xreplace({s: t, t: s})


def _symmetric_in(assumptions, swap: dict) -> bool:
    """Whether exchanging two symbols maps the assumptions onto themselves: then the swapped statement is the
    claim itself with its names exchanged (the same proposition), and no check can refute it.  Compared as
    written, each relation in its canonical form: an assumption set not seen to be symmetric keeps the mutant.

    >>> import sympy as sp
    >>> a, b, c = sp.symbols("a b c", positive=True)
    >>> _symmetric_in([a + b < 1, a > c, b > c], {a: b, b: a}), _symmetric_in([a < b], {a: b, b: a})
    (True, False)
    """
    def canonical(e):
        return e.canonical if isinstance(e, Relational) else e

    written = {canonical(a) for a in assumptions}
    return {canonical(a.xreplace(swap)) for a in assumptions} == written


def mutants(statement: Boolean, limit: int = 12, assumptions=()) -> tuple[Mutant, ...]:
    """Up to ``limit`` distinct, non-constant mutants of ``statement``, taking each kind in turn; no swap of two
    symbols the ``assumptions`` (Booleans) treat alike, which would be the claim again under other names."""
    out: list[Mutant] = []
    seen = {statement}
    streams = [family(statement) for family in (_flips, _shifts, _reversals, _dropped)]
    streams.append(_swaps(statement, tuple(assumptions)))
    while streams and len(out) < limit:
        for stream in list(streams):
            for description, tex, m in stream:
                if isinstance(m, sp.logic.boolalg.BooleanAtom) or m in seen:
                    continue
                seen.add(m)
                out.append(Mutant(description, m, tex))
                break
            else:
                streams.remove(stream)
            if len(out) >= limit:
                break
    return tuple(out)
