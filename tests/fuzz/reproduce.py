"""Minimal reproducers: greedy shrinking of a disagreement, and runnable Python source for it.

A reproducer re-decides the claim with the public API and fails with
``AssertionError`` while the disagreement stands; it imports only SymPy and
``symbolic``, so it runs from a fresh clone.  Symbols keep their exact SymPy
assumptions and names (``Symbol('atom!0', positive=True)``); each gets a
Python variable that cannot clash with SymPy's names, a keyword, or another
symbol sharing its name.
"""

from __future__ import annotations

import builtins
import keyword
import unicodedata
from dataclasses import replace
from typing import Callable

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.printing.str import StrPrinter

from symbolic import Kind, Verdict

from .claim import FuzzClaim, Judgement, symbol_key
from .evaluate import read_floats

__all__ = ["shrink", "source", "python_names", "declared", "reproducer_source", "declarations"]

#: names a reproducer's own code uses (a symbol's Python variable must not shadow them)
_RESERVED = set(dir(builtins)) | set(sp.__all__) | {
    "prove", "exists", "claim", "condition", "assumptions", "verdict", "point", "confirmed", "subprocess", "sys",
    "fresh", "first", "status", "previous"}


# -- shrinking -----------------------------------------------------------------------------

def _simpler(b) -> list:
    """Candidate simplifications of a Boolean or expression, one step each."""
    out = []
    symbols = sorted(b.free_symbols, key=symbol_key) if isinstance(b, sp.Basic) else []
    for node in sp.preorder_traversal(b):
        reps = []
        if isinstance(node, (sp.And, sp.Or, sp.Xor, sp.Equivalent, sp.Nand, sp.Nor)) and len(node.args) > 1:
            reps += list(node.args)
            if len(node.args) > 2:
                reps += [node.func(*[a for a in node.args if a is not drop]) for drop in node.args]
        elif isinstance(node, (sp.Implies, sp.ITE)):
            reps += list(node.args[1:])
        elif isinstance(node, sp.Not):
            reps += [node.args[0]]
        elif isinstance(node, sp.Add) and len(node.args) > 1:
            reps += [sp.Add(*[a for a in node.args if a is not drop]) for drop in node.args]
        elif isinstance(node, sp.Mul):
            coeff, rest = node.as_coeff_Mul()
            if coeff not in (1, -1):
                reps += [rest, -rest]
            elif len(node.args) > 1:
                reps += [sp.Mul(*[a for a in node.args if a is not drop]) for drop in node.args]
        elif isinstance(node, sp.Pow) and node.exp.is_Integer and abs(node.exp) > 1:
            n = int(node.exp)
            reps += [node.base ** (n // 2), node.base ** (n - (1 if n > 0 else -1))]
        elif isinstance(node, sp.Piecewise):
            reps += [piece.expr for piece in node.args]
        elif isinstance(node, sp.Function) and node.args:
            reps += [a for a in node.args if isinstance(a, sp.Expr)]
        elif isinstance(node, sp.Float):
            reps += [read_floats(node)]
        elif isinstance(node, sp.Rational) and not node.is_Integer:
            reps += [sp.Integer(int(node))]
        elif isinstance(node, sp.Symbol) and len(symbols) > 1:
            reps += [sp.Integer(0), sp.Integer(1)] + [t for t in symbols[:2] if t != node]
        for r in reps:
            try:
                new = b.xreplace({node: r})
            except (TypeError, ValueError, AttributeError):
                continue
            if new != b and isinstance(new, sp.Basic):
                out.append(new)
    return out


def shrink(claim: FuzzClaim, verdict: Verdict, judged: Judgement, judge: Callable, timeout: float,
           budget: int = 150):
    """Greedy shrinking while the disagreement persists with the same kind of evidence.

    ``judge(claim, verdict, extra_points) -> Judgement`` is the oracle.  A claim
    built with a known answer is kept as built (a changed claim loses it).
    """
    if judged.evidence in ("known", "late", "twin", "raised", "order"):
        return claim, verdict, judged
    extra = [dict(judged.point)] if judged.point else []
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
        for i, a in enumerate(c0.assumptions):
            candidates += [replace(c0, assumptions=c0.assumptions[:i] + (s,) + c0.assumptions[i + 1:])
                           for s in _simpler(a)[:6] if isinstance(s, sp.logic.boolalg.Boolean)]
        for cand in candidates:
            tries += 1
            if tries > budget:
                break
            cand = replace(cand, expected=None, anchor=None, twin=None)
            try:
                v = cand.decide(timeout)
                j = judge(cand, v, extra)
            except Exception:  # a candidate the engine or the oracle refuses is simply not simpler
                continue
            if j.problem and j.evidence == judged.evidence:
                best = (cand, v, j)
                if j.point:
                    extra = [dict(j.point)]
                improved = True
                break
    return best


# -- source --------------------------------------------------------------------------------

_REL_CALL = {"==": "Eq", "!=": "Ne", "<": "Lt", "<=": "Le", ">": "Gt", ">=": "Ge"}


class _SourcePrinter(StrPrinter):
    """``sstr`` that Python reads back exactly.

    Rationals print as ``Rational(p, q)`` (``1/2`` would be a Python float),
    floats as ``Float('<decimal>', precision=<bits>)`` (the same printed
    decimal, hence the same reading), connectives as calls, symbols by their
    Python variables, and a relation SymPy would evaluate on construction as
    ``Gt(..., evaluate=False)``.
    """

    def __init__(self, names=None):
        super().__init__()
        self.names = names or {}

    def _print_Symbol(self, e):
        return self.names.get(e, e.name)

    def _print_Function(self, e):
        if isinstance(e, AppliedUndef):
            return f"{self.names.get(e.func, e.func.__name__)}({', '.join(self._print(a) for a in e.args)})"
        return super()._print_Function(e)

    _print_Dummy = _print_Symbol

    def _print_Rational(self, e):
        return f"Rational({e.p}, {e.q})"

    def _print_Float(self, e):
        return f"Float({str(e)!r}, precision={e._prec})"

    def _connective(self, name, e):
        return f"{name}(" + ", ".join(self._print(a) for a in e.args) + ")"

    def _print_And(self, e):
        return self._connective("And", e)

    def _print_Or(self, e):
        return self._connective("Or", e)

    def _print_Not(self, e):
        return self._connective("Not", e)

    def _print_Xor(self, e):
        return self._connective("Xor", e)

    def _print_Relational(self, e):
        try:
            same = e.func(e.lhs, e.rhs) == e
        except TypeError:
            same = False
        truth_values = isinstance(e.lhs, sp.logic.boolalg.Boolean) and not isinstance(e.lhs, sp.Expr)
        if same and not truth_values:
            return super()._print_Relational(e)
        return f"{_REL_CALL[e.rel_op]}({self._print(e.lhs)}, {self._print(e.rhs)}, evaluate=False)"

    def _print_BooleanTrue(self, e):
        return "true"

    def _print_BooleanFalse(self, e):
        return "false"


def _usable(name: str) -> bool:
    return (name.isidentifier() and not keyword.iskeyword(name) and name not in _RESERVED
            and unicodedata.normalize("NFKC", name) == name and not name.startswith("_"))


def _name_of(obj) -> str:
    return obj.name if isinstance(obj, sp.Symbol) else obj.__name__


def python_names(objects) -> dict:
    """A distinct Python variable for each symbol or abstract function (its name when usable, else ``s1``...).

    >>> a, b = sp.Symbol("x", positive=True), sp.Symbol("x", negative=True)
    >>> python_names([a, b, sp.Symbol("and"), sp.Symbol("atom!0"), sp.Function("f")])
    {x: 'x', x: 'x_2', and: 's3', atom!0: 's4', f: 'f'}
    """
    names, used = {}, set()
    for i, s in enumerate(objects, 1):
        own = _name_of(s)
        base = own if _usable(own) else f"s{i}"
        name, k = base, 1
        while name in used or (name != own and name in _RESERVED):
            k += 1
            name = f"{base}_{k}"
        used.add(name)
        names[s] = name
    return names


def declared(*claims) -> list:
    """The symbols, then the abstract functions, of some claims (each once, in a stable order)."""
    symbols: list = []
    functions: list = []
    for c in claims:
        symbols += [s for s in c.symbols if s not in symbols]
        for b in (c.statement, *c.assumptions):
            if isinstance(b, sp.Basic):
                found = sorted({type(a) for a in b.atoms(AppliedUndef)}, key=lambda f: f.__name__)
                functions += [f for f in found if f not in functions]
    return symbols + functions


def source(b, names=None) -> str:
    """Python source for a SymPy Boolean or expression.

    >>> x = sp.Symbol("x")
    >>> source(sp.And(x > sp.Rational(1, 2), x < 2))
    'And(x > Rational(1, 2), x < 2)'
    >>> source(sp.Gt(sp.Symbol("y", positive=True), 0, evaluate=False))
    'Gt(y, 0, evaluate=False)'
    >>> source(x < 0.1)
    "x < Float('0.100000000000000', precision=53)"
    """
    return _SourcePrinter(names).doprint(b)


def _assumption_args(s: sp.Symbol) -> str:
    given = getattr(s, "_assumptions_orig", None)
    if given is None:
        given = s.assumptions0
    return "".join(f", {k}={bool(v)!r}" for k, v in sorted(given.items()))


def declarations(objects, names) -> list[str]:
    """``x = Symbol('x', positive=True)`` lines (``Dummy`` for dummies, ``Function`` for abstract functions)."""
    lines = []
    for s in objects:
        if not isinstance(s, sp.Symbol):
            lines.append(f"{names[s]} = Function({s.__name__!r})")
            continue
        cls = "Dummy" if isinstance(s, sp.Dummy) else "Symbol"
        lines.append(f"{names[s]} = {cls}({s.name!r}{_assumption_args(s)})")
    return lines


def reproducer_source(claim: FuzzClaim, verdict: Verdict, judged: Judgement, timeout: float) -> str:
    """Runnable Python that re-decides ``claim`` and fails (AssertionError) while the disagreement stands."""
    fn = "prove" if claim.kind is Kind.FORALL else "exists"
    limit = claim.limit(timeout)
    lines = [f"# coordfail fuzz reproducer: seed {claim.seed}, claim {claim.index}, family {claim.family}",
             f"# oracle: {judged.problem}",
             "from sympy import *",
             f"from symbolic import {fn}", ""]
    objects = declared(claim, claim.twin) if judged.evidence == "twin" and claim.twin else declared(claim)
    names = python_names(objects)
    lines += declarations(objects, names)
    what = "claim" if claim.kind is Kind.FORALL else "condition"
    lines.append(f"{what} = {source(claim.statement, names)}")
    lines.append("assumptions = [" + ", ".join(source(a, names) for a in claim.assumptions) + "]")
    if judged.evidence == "late":
        lines.append("import time")
        lines.append("start = time.monotonic()")
    lines.append(f"verdict = {fn}({what}, assumptions, timeout={limit!r})")
    lines.append("print(verdict)")
    point = "{" + ", ".join(f"{names[s]}: {source(v)}" for s, v in (judged.point or ()) if s in names) + "}"
    ev = judged.evidence
    if ev == "violates":
        lines += [f"point = {point}  # admissible, and the claim is false there",
                  'assert verdict.status.value != "proved", "unsound: proved a claim that fails at point"']
    elif ev == "satisfies":
        lines += [f"point = {point}  # admissible, and the condition holds there",
                  'assert verdict.status.value != "refuted", "unsound: no instance, yet point is one"']
    elif ev == "undefined":
        lines += [f"point = {point}  # admissible, and the claim is undefined there",
                  f'assert verdict.status.value != "proved", "proved a {what} that is undefined at an admissible point"']
    elif ev == "admissible":
        lines += [f"point = {point}  # every assumption holds here",
                  'assert verdict.status.value != "vacuous", "the assumptions are satisfiable"']
    elif ev == "bad-point":
        lines += [f"bad = {point}  # what the engine reported; the oracle: {judged.problem}",
                  'assert verdict.status.value == "unknown" or verdict.point != bad, '
                  '"the engine reports a point that is not one"']
    elif ev == "unsupported":
        from .oracle import expected_unknown

        outside, names = expected_unknown(claim)
        if not outside:  # re/im of a complex value: "nothing satisfies it" is what must not be said
            lines.append('assert verdict.status.value not in ("refuted", "vacuous") or verdict.kind.value == "forall" '
                         'and verdict.status.value == "refuted", "re/im of a complex value read as undefined"')
        else:
            lines.append('assert verdict.status.value == "unknown", "a claim outside the engine must be unknown"')
        if names:
            lines.append(f'assert any(name in verdict.reason for name in {names!r}), "the reason must name the construct"')
    elif ev == "late":
        lines.append(f"assert time.monotonic() - start <= {limit!r} + max(1.0, 0.2 * {limit!r}), "
                     '"the answer came too late"')
    elif ev == "raised":
        lines.append("# the call above raises instead of returning a verdict")
    elif ev == "twin" and claim.twin is not None:
        twin = claim.twin
        lines.append(f"twin = {source(twin.statement, names)}  # the same claim, symbols renamed")
        lines.append("twin_assumptions = [" + ", ".join(source(a, names) for a in twin.assumptions) + "]")
        lines.append(f"twin_verdict = {fn}(twin, twin_assumptions, timeout={limit!r})")
        lines.append("print(twin_verdict)")
        lines.append('definite = {verdict.status.value, twin_verdict.status.value} - {"unknown"}')
        lines.append('assert len(definite) <= 1, "renaming the symbols changed the verdict"')
    else:
        lines.append(f"# known answer: {claim.expected} ({claim.why})")
        lines.append(f'assert verdict.status.value in ("{claim.expected}", "unknown"), verdict')
    return "\n".join(lines) + "\n"
