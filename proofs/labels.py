"""An assumption's name read against its formula: ``{"c > a": c < a}`` is shown as ``c > a`` in every table
and derivation, while ``c < a`` is what is assumed.

Only names that are a plain relation between symbols of the formula (by their exact names) and numbers are
read, with a small tokenizer and never ``sympify``; a name that says anything else (``A2(1,k)``, ``theta >= 1``
beside ``theta_k >= 1``, words) is not compared.  The two are said to differ only when SymPy shows it: the
sides' differences are a constant multiple of each other and the direction or strictness disagrees, or
they relate the same symbols alike to another number (``alpha < 1/2`` beside ``alpha < 1/3``).
"""

from __future__ import annotations

import re

import sympy as sp

from symbolic.constructs import exact_floats

__all__ = ["label_disagreement", "label_relation"]

_NUMBER = re.compile(r"\d+(?:\.\d+)?(?:/\d+)?")
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_RELATION = re.compile(r"<=|>=|==|!=|[<>=≤≥≠]")
_CANONICAL = {"≤": "<=", "≥": ">=", "≠": "!=", "==": "="}
#: a name longer than this is words, not a relation
_MAX_NAME = 80


def _side(text: str, symbols: dict):
    """A side of a relation: ``[-]name`` or ``[-]number``; ``None`` for anything else."""
    text = text.strip()
    sign = 1
    if text.startswith("-"):
        sign, text = -1, text[1:].strip()
    if _NUMBER.fullmatch(text):
        number = sp.Rational(text.split("/")[0]) if "/" in text else sp.Rational(text)
        if "/" in text:
            denominator = sp.Integer(text.split("/")[1])
            if denominator == 0:  # "x < 1/0" says nothing comparable
                return None
            number /= denominator
        return sign * number
    if _NAME.fullmatch(text) and text in symbols:
        return sign * symbols[text]
    return None


def _relations(label: str, symbols: dict) -> list | None:
    """The relations a label states (``a < b < c`` is two) as ``(lhs, op, rhs)``; ``None`` where it is not
    that plain."""
    if len(label) > _MAX_NAME:
        return None
    ops = [_CANONICAL.get(m.group(), m.group()) for m in _RELATION.finditer(label)]
    parts = _RELATION.split(label)
    if not 1 <= len(ops) <= 2:
        return None
    sides = [_side(p, symbols) for p in parts]
    if any(s is None for s in sides):
        return None
    return list(zip(sides, ops, sides[1:]))


def _read(label: str, symbols: dict) -> list | None:
    """:func:`_relations` as ``(difference, op)``, ``op`` one of ``<``, ``<=``, ``=``, ``!=`` and the relation
    ``difference op 0``."""
    relations = _relations(label, symbols)
    return None if relations is None else [_normal(*r) for r in relations]


def _normal(lhs, op: str, rhs):
    if op in (">", ">="):
        return rhs - lhs, "<" if op == ">" else "<="
    return lhs - rhs, op


_OPS = {sp.StrictLessThan: "<", sp.LessThan: "<=", sp.Equality: "=", sp.Unequality: "!="}
_FLIPPED = {sp.StrictGreaterThan: "<", sp.GreaterThan: "<="}


def _formula_relations(formula) -> list | None:
    parts = formula.args if isinstance(formula, sp.And) else (formula,)
    out = []
    for r in parts:
        if isinstance(r, sp.core.relational.Relational) and not all(
                isinstance(side, sp.Expr) for side in (r.lhs, r.rhs)):
            return None  # Eq(r > 1, s > 1): a relation of truth values, not of numbers
        if type(r) in _OPS:
            out.append((r.lhs - r.rhs, _OPS[type(r)]))
        elif type(r) in _FLIPPED:
            out.append((r.rhs - r.lhs, _FLIPPED[type(r)]))
        else:
            return None
    return out


def _differ(said, meant) -> str:
    """Why two normal relations differ, ``""`` where they agree or SymPy cannot tell."""
    (d1, op1), (d2, op2) = said, meant
    if d2 == 0:
        return ""
    ratio = sp.cancel(d1 / d2)
    if not ratio.is_Number or ratio == 0:  # a Float formula (r < 0.1) has a Float ratio
        return ""
    if op1 in ("=", "!=") or op2 in ("=", "!="):
        return "" if op1 == op2 else "one is an equation, the other not"
    if ratio < 0:
        return "the inequality is the other way round"
    return "" if op1 == op2 else "one is strict, the other not"


def label_disagreement(name: str, formula) -> str:
    """Why the assumption's ``name`` says other than its ``formula``, or ``""`` (agreeing, or not comparable).

    >>> a, c = sp.symbols("a c", positive=True)
    >>> label_disagreement("c > a", c < a)
    'the inequality is the other way round'
    >>> label_disagreement("a > c", c < a), label_disagreement("A2", c < a), label_disagreement("c <= a", c < a)
    ('', '', 'one is strict, the other not')
    >>> label_disagreement("a < 1/2", a < sp.Rational(1, 3)), label_disagreement("a < 0.5", a < sp.Rational(1, 2))
    ('the numbers differ', '')
    """
    if not isinstance(formula, sp.Basic):
        return ""
    formula = exact_floats(formula)[0]  # as the engine reads it: 0.1 is 1/10, as a name's 0.1 is
    symbols = {s.name: s for s in formula.free_symbols if isinstance(s, sp.Symbol)}
    said = _read(name, symbols)
    meant = _formula_relations(formula)
    if said is None or meant is None:
        return ""
    # a part the symbols' declarations settle ("0 < a" for a positive a) is gone from the formula SymPy built
    said = [(d, op) for d, op in said if _BUILD[op](d, 0) is not sp.true]
    if len(said) != len(meant):  # "r > 0" beside And(r >= 0, Ne(r, 0)): equivalent, and no pairing shows it
        return ""
    for one in said:  # each relation of the name beside the formula's relation between the same sides
        other = next((o for o in meant if o[0] != 0 and sp.cancel(one[0] / o[0]).is_Number), None)
        if other is not None:
            reason = _differ(one, other)
            if reason:
                return reason
            continue
        reason = next((r for o in meant if (r := _other_number(one, o, list(symbols.values())))), "")
        if reason:
            return reason
    return ""


def _other_number(said, meant, symbols) -> str:
    """``"the numbers differ"`` where the two relate the same symbols alike but to another number
    (``alpha < 1/2`` beside ``alpha < 1/3``; ``alpha = 1/3`` beside ``Eq(alpha, 0.33)``), else ``""``."""
    (d1, _), (d2, _) = said, meant
    c1, v1 = d1.as_independent(*symbols, as_Add=True)
    c2, v2 = d2.as_independent(*symbols, as_Add=True)
    if v1 == 0 or v2 == 0 or not (c1.is_Number and c2.is_Number):
        return ""
    ratio = sp.cancel(v1 / v2)
    if not ratio.is_Number or ratio == 0 or c1 == ratio * c2:
        return ""
    return "the numbers differ"


_BUILD = {"<": sp.StrictLessThan, "<=": sp.LessThan, "=": sp.Equality, "!=": sp.Unequality,
          ">": sp.StrictGreaterThan, ">=": sp.GreaterThan}


def label_relation(name: str, symbols) -> sp.Basic | None:
    """The relation an assumption's ``name`` states about ``symbols`` (found by their exact names), or ``None``
    where the name is not a plain relation of them and numbers.

    >>> t = sp.Symbol("t", real=True)
    >>> label_relation("t >= 0", [t]), label_relation("A1", [t])
    (t >= 0, None)
    """
    by_name = {s.name: s for s in symbols if isinstance(s, sp.Symbol)}
    said = _relations(name, by_name)
    if said is None:
        return None
    return sp.And(*(_BUILD[op](lhs, rhs) for lhs, op, rhs in said))
