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
from sympy.core.function import AppliedUndef

from symbolic import Status, prove
from symbolic.verdict import point_as_text
from symbolic.constructs import exact_floats

__all__ = ["label_disagreement", "label_relation"]

_NUMBER = re.compile(r"\d+(?:\.\d+)?(?:/\d+)?")
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_RELATION = re.compile(r"<=|>=|==|!=|[<>=≤≥≠]")
_CANONICAL = {"≤": "<=", "≥": ">=", "≠": "!=", "==": "="}
#: a name longer than this is words, not a relation
_MAX_NAME = 80


_TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d+)?)|([A-Za-z][A-Za-z0-9_]*)|(\*\*|[-+*/^()]))")
#: a number in a name longer than this, or a power beyond this, is not read (no name needs 10^100000); nor a
#: power of a number past this many bits, or of a sum or product past this exponent
_MAX_DIGITS, _MAX_EXPONENT, _MAX_BITS, _MAX_COMPOUND_EXPONENT = 30, 100, 4096, 8


class _Unreadable(Exception):
    pass


def _side(text: str, symbols: dict, unknown: list | None = None):
    """A side of a relation: sums, products, quotients and powers of the formula's symbols (by their exact
    names), numbers and brackets, built with SymPy's constructors (no ``sympify``); ``None`` for anything
    else.  With ``unknown``, a name that is no symbol is read as a fresh one and listed there."""
    tokens, at = [], 0
    text = text.strip()
    while at < len(text):
        m = _TOKEN.match(text, at)
        if m is None or m.end() == at:
            return None
        number, name, op = m.groups()
        if number is not None and len(number) > _MAX_DIGITS:
            return None
        tokens.append(("num", number) if number else ("name", name) if name else ("op", op))
        at = m.end()
    if not tokens:
        return None
    try:
        value, rest = _sum(tokens, symbols, unknown)
    except (_Unreadable, ZeroDivisionError, RecursionError):
        return None
    return value if not rest else None


def _sum(tokens, symbols, unknown):
    value, tokens = _product(tokens, symbols, unknown)
    while tokens and tokens[0] in (("op", "+"), ("op", "-")):
        sign = 1 if tokens[0][1] == "+" else -1
        other, tokens = _product(tokens[1:], symbols, unknown)
        value = sp.Add(value, sign * other)
    return value, tokens


def _product(tokens, symbols, unknown):
    value, tokens = _unary(tokens, symbols, unknown)
    while tokens and tokens[0] in (("op", "*"), ("op", "/")):
        divide = tokens[0][1] == "/"
        other, tokens = _unary(tokens[1:], symbols, unknown)
        if divide and other == 0:
            raise _Unreadable()
        value = sp.Mul(value, sp.Pow(other, -1)) if divide else sp.Mul(value, other)
    return value, tokens


def _unary(tokens, symbols, unknown):
    if tokens and tokens[0] == ("op", "-"):
        value, tokens = _unary(tokens[1:], symbols, unknown)
        return -value, tokens
    base, tokens = _atom(tokens, symbols, unknown)
    if tokens and tokens[0] in (("op", "^"), ("op", "**")):
        exponent, tokens = _unary(tokens[1:], symbols, unknown)
        if exponent.is_Number and (abs(exponent) > _MAX_EXPONENT or _too_large(base, exponent)):
            raise _Unreadable()
        return sp.Pow(base, exponent), tokens
    return base, tokens


def _too_large(base, exponent) -> bool:
    """A power SymPy would compute into a huge number (``((99^99)^99)^99``) or multiply out into many terms
    when name and formula are compared (``(a + b + c + d + e)^100``)."""
    if base.is_Rational:
        return max(abs(base.p), base.q).bit_length() * abs(exponent) > _MAX_BITS
    return not base.is_Symbol and abs(exponent) > _MAX_COMPOUND_EXPONENT


def _atom(tokens, symbols, unknown):
    if not tokens:
        raise _Unreadable()
    kind, text = tokens[0]
    if kind == "num":
        return sp.Rational(text), tokens[1:]
    if kind == "name":
        if text in symbols:
            return symbols[text], tokens[1:]
        loose = [v for k, v in symbols.items() if k.replace("_", "") == text.replace("_", "")]
        if len(loose) == 1:  # "c1" for c_1: a name written without the subscript's underscore
            return loose[0], tokens[1:]
        if unknown is None:
            raise _Unreadable()
        unknown.append(text)
        return sp.Symbol(text, real=True), tokens[1:]
    if text == "(":
        value, rest = _sum(tokens[1:], symbols, unknown)
        if not rest or rest[0] != ("op", ")"):
            raise _Unreadable()
        return value, rest[1:]
    raise _Unreadable()


def _relations(label: str, symbols: dict, unknown: list | None = None) -> list | None:
    """The relations a label states (``a < b < c`` is two) as ``(lhs, op, rhs)``; ``None`` where it is not
    that plain (with ``unknown``: names that are no symbols are read as fresh ones, listed there)."""
    if len(label) > _MAX_NAME:
        return None
    ops = [_CANONICAL.get(m.group(), m.group()) for m in _RELATION.finditer(label)]
    parts = _RELATION.split(label)
    if not 1 <= len(ops) <= 2:
        return None
    sides = [_side(p, symbols, unknown) for p in parts]
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
    if said is None:
        # "D > 0" for D(p) > 0: the name says the function, which is no symbol but is in the formula
        functions = {f.func.__name__ for f in formula.atoms(AppliedUndef)}
        return _misspelt(name, symbols, functions)
    if meant is None:
        return ""
    reason = _difference(said, meant, symbols)
    read = label_relation(name, list(symbols.values()))
    # a difference of form may be none of meaning under the symbols' declarations ("n >= 1" for n > 0 with an
    # integer n, "a != 0" for a > 0 with a nonnegative a): said only where the engine does not prove them alike
    if reason and _equivalent(read, formula):
        return ""
    # "c_1 < a" for c_1 < 2a: no difference of form, relation for relation (a name that sums up a conjunction,
    # "r > 0" for And(r >= 0, Ne(r, 0)), is left alone)
    if not reason and read is not None and read != formula and len(said) == len(meant):
        return _differ_at(read, formula)
    return reason


def _difference(said: list, meant: list, symbols: dict) -> str:
    """Why the name's relations (``said``) differ in form from the formula's (``meant``), or ``""``."""
    # a part the symbols' declarations settle ("0 < a" for a positive a) is gone from the formula SymPy built
    said = [(d, op) for d, op in said if _BUILD[op](d, 0) is not sp.true]
    if len(said) != len(meant):  # "r > 0" beside And(r >= 0, Ne(r, 0)): equivalent, and no pairing shows it
        return ""
    paired, unpaired = set(), []
    for one in said:  # each relation of the name beside the formula's relation between the same sides
        other = next((k for k, o in enumerate(meant) if k not in paired and o[0] != 0
                      and sp.cancel(one[0] / o[0]).is_Number), None)
        if other is None:
            unpaired.append(one)
            continue
        paired.add(other)
        reason = _differ(one, meant[other])
        if reason:
            return reason
    for one in unpaired:  # beside a relation of the formula no other part of the name was paired with
        reason = next((r for k, o in enumerate(meant) if k not in paired
                       and (r := _other_number(one, o, list(symbols.values())))), "")
        if reason:
            return reason
    # no pairing showed a difference, yet a relation of other symbols is another relation ("c_1 < 2" for c_1 < c_2)
    missing = set().union(*(d.free_symbols for d, _ in meant)) - set().union(*(d.free_symbols for d, _ in said))
    if missing:
        return f"the formula has {', '.join(sorted(s.name for s in missing))}, which the name does not mention"
    return ""


def _differ_at(read, formula) -> str:
    """``"they differ at a = 1, c_1 = 3/2"`` where the engine refutes the name's relation and the formula alike,
    with a certified point; else ``""``."""
    v = prove(sp.Equivalent(read, formula), timeout=_EQUIVALENCE_SECONDS)
    if v.status is not Status.REFUTED or not v.counterexample:
        return ""
    return "they differ at " + ", ".join(f"{k} = {value}" for k, value in point_as_text(v.counterexample).items())


def _equivalent(read, formula) -> bool:
    """The engine proves the name's relation and the formula alike for every value the declarations allow."""
    if read is None:
        return False
    return prove(sp.Equivalent(read, formula), timeout=_EQUIVALENCE_SECONDS).status is Status.PROVED


#: at most this long to prove a name and its formula alike (only where their forms differ)
_EQUIVALENCE_SECONDS = 2.0


def _misspelt(name: str, symbols: dict, functions=frozenset()) -> str:
    """``"the name says alpah, which is no symbol of the formula (alpha?)"`` where the name reads as a
    relation once one word one letter away from a symbol's name is read as that symbol; else ``""``.  A stem
    (``theta`` beside ``theta_k``, an indexed assumption's name) is no slip, nor a name of one or two letters.

    >>> alpha, w = sp.symbols("alpha w", positive=True)
    >>> _misspelt("w >= alpah^2", {"alpha": alpha, "w": w}), _misspelt("c > w", {"w": w})
    ('the name says alpah, which is no symbol of the formula (alpha?)', '')
    >>> _misspelt("c < w + alpha", {"alpha": alpha, "w": w}), _misspelt("c < w", {"alpha": alpha, "w": w})
    ('', 'the name says c, which is no symbol of the formula (alpha?)')
    """
    unknown: list = []
    if _relations(name, symbols, unknown) is None or len(set(unknown)) != 1:
        return ""
    word = unknown[0]
    if word in functions:  # an abstract function of the formula, named as such
        return ""
    if any(s.startswith(word + "_") for s in symbols):  # theta beside theta_k: a stem, not a typo
        return ""
    if len(word) < 3:  # c beside a: another symbol, a slip only where it stands for the one the name leaves out
        said = {x.name for side in _relations(name, symbols, []) for part in side[::2] for x in part.free_symbols}
        left_out = sorted(set(symbols) - said)
        return f"the name says {word}, which is no symbol of the formula ({left_out[0]}?)" if len(left_out) == 1 \
            else ""
    close = [s for s in symbols if _one_edit(word, s)]
    if len(close) == 1:
        return f"the name says {word}, which is no symbol of the formula ({close[0]}?)"
    # a subscripted name (c_3 beside c_1 and c_2) is a symbol's name, not a word
    return f"the name says {word}, which is no symbol of the formula" if close and "_" in word else ""


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one letter changed, added, removed, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                                  and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


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
