"""What in a claim's input reads other than it is decided, in words that every output repeats.

A symbol only one assumption mentions (a misspelling, ``c_l`` for the claim's ``c_L``), an assumption that
shares no symbol with the claim, an assumption whose name says other than its formula (the name is what
tables and derivations show), an assumption SymPy settled when it was built.
"""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.logic.boolalg import BooleanAtom

from .labels import label_disagreement, label_relation

if TYPE_CHECKING:
    from .claim import Claim

__all__ = ["named_not_kept", "about", "unrelated_assumptions", "lone_symbols", "lone_words", "input_checks", "unrelated_words",
           "unrelated_check", "quoted"]


def quoted(name: str) -> str:
    """An assumption's name in quotes as written (``repr`` doubles each backslash: ``'\\\\bar{w} < 1'``).

    >>> print(quoted(r"\\bar{w} < 1"), quoted("w's share"))
    '\\bar{w} < 1' "w's share"
    """
    return f'"{name}"' if "'" in name else f"'{name}'"


def about(e) -> frozenset:
    """The symbols and abstract functions ``e`` is about (``f(y) > 0`` is about the ``f`` of a claim on ``f(x)``)."""
    return frozenset(e.free_symbols) | {f.func for f in e.atoms(AppliedUndef)}


def unrelated_assumptions(statement, given) -> tuple:
    """``(name, what it is about)`` of each assumption that shares no symbol with the claim, even through other
    assumptions: it restricts nothing the claim is about.  A model's whole list of assumptions given to each
    claim has such (``b > 0`` beside a claim SymPy cancelled ``b`` from); a misspelt symbol makes one too,
    which :class:`~proofs.paper.Paper` refuses where no claim of the paper mentions the symbol."""
    claim_is_about = about(statement)
    if not claim_is_about:
        return ()  # a statement SymPy settled: nothing to relate to
    each = [(name, about(a)) for name, a in given]
    reached, linked = set(claim_is_about), True
    while linked:  # symbols tied to the claim through assumptions ("y > 0" matters beside "x > y")
        linked = False
        for _, things in each:
            if things & reached and not things <= reached:
                reached |= things
                linked = True
    return tuple((name, things) for name, things in each if things and not things & reached)


def _near_names(name: str, claim_names) -> list[str]:
    """The claim's symbol names ``name`` may be a misspelling of (``dleta``: ``delta``)."""
    return difflib.get_close_matches(name, claim_names, n=2, cutoff=0.75)


def lone_symbols(statement, given) -> tuple:
    """``(symbol name, assumption name, near names)`` for each symbol that only one assumption mentions, and not
    the claim: the assumption then says only that *some* value of it makes it hold (for every other value the
    claim is asked nothing), which a misspelt symbol makes silently (``c_l`` for the claim's ``c_L``).  Near
    names: the claim's symbols it may be a misspelling of."""
    claim_names = sorted({str(s) for s in about(statement)})
    if not claim_names:
        return ()
    count: dict = {}
    for name, a in given:
        for s in about(a):
            count.setdefault(s, []).append(name)
    out = []
    for s, names in sorted(count.items(), key=lambda kv: str(kv[0])):
        if str(s) in claim_names or not isinstance(s, sp.Symbol):
            continue
        same = [c for c in claim_names if c.lower() == str(s).lower()]  # c_l beside c_L: however often it is used
        if len(names) == 1 or same:
            near = same + [c for c in _near_names(str(s), claim_names) if c not in same]
            out.append((str(s), names[0] if len(names) == 1 else tuple(names), tuple(near)))
    return tuple(out)


def lone_words(symbol: str, assumption, near: tuple) -> str:
    """A symbol only one assumption mentions (``assumption`` its name), or one the claim does not mention that
    differs from a claim's symbol only in case (``assumption`` the names of those that mention it), in words."""
    guess = f" (a misspelt {' or '.join(near)}?)" if near else ""
    if not isinstance(assumption, str):
        return (f"the symbol {symbol} is in the assumptions {', '.join(map(repr, assumption))}, not in the "
                f"claim{guess}: they ask only that some value of {symbol} satisfies them")
    return (f"the symbol {symbol} is in the assumption {quoted(assumption)} only, not in the claim nor in another "
            f"assumption{guess}: that assumption asks only that some value of {symbol} satisfies it")


def declares_something(s: sp.Symbol) -> bool:
    """Whether ``s`` is declared with a sign or as an integer: what SymPy settles relations with as it builds them."""
    return any(getattr(s, f"is_{k}") is not None for k in ("positive", "negative", "nonnegative", "nonpositive",
                                                            "zero", "integer"))


#: a relation with a number, after a symbol (``b > 0``, ``n >= 1``) or before one (``0 < b``): what SymPy settles
#: from a symbol's declared sign or integrality as it builds the relation
_REL = r"(?:<=|>=|==|!=|<|>|=|≤|≥|≠)"
_SIGN_RELATION = r"\s*" + _REL + r"\s*[-+]?\d+(?:\.\d+)?(?![\w.(^*/])(?!\s*[-+*/^·×])"
_NUMBER_RELATION = r"(?<![\w.)])[-+]?\d+(?:\.\d+)?\s*" + _REL + r"\s*"
#: an operator or factor just before a symbol, or an operator just after one: it is part of a side, not a side
_TERM_BEFORE = re.compile(r"(?:[-+*/^·×]|\d)\s*$")
_TERM_AFTER = re.compile(r"\s*[-+*/^·×]|\(")


def named_not_kept(name: str, formula, symbols) -> tuple:
    """The ``symbols`` an assumption's ``name`` compares with a number (``b`` in ``"b > 0 and 2 c_1 < a + c_2"``)
    that its ``formula`` does not have: SymPy settled that part with their declarations when it was built
    (``And(b > 0, ...)`` is ``...`` for a positive ``b``), and the formula says less than the name without them.

    >>> b, c = sp.symbols("b c", positive=True)
    >>> named_not_kept("b > 0 and c < 1", c < 1, {b, c}), named_not_kept("a cost c below 1", c < 1, {b, c})
    ((b,), ())
    >>> named_not_kept("c + b < 1", c < 1, {b, c}), named_not_kept("0 < b - c", c < 1, {b, c})
    ((), ())
    """
    if not isinstance(formula, sp.Basic):
        return ()
    kept = formula.free_symbols
    out = []
    for s in sorted(symbols, key=lambda s: s.name):
        if s in kept:
            continue
        token = r"(?<![\w'])" + re.escape(s.name) + r"(?![\w'])"
        # the symbol must be a whole side: b in "a + b < 1" or "0 < 2 b" is compared with a number only with a, 2
        alone = [m for m in re.finditer(token + _SIGN_RELATION, name) if not _TERM_BEFORE.search(name[:m.start()])]
        alone += [m for m in re.finditer(_NUMBER_RELATION + token, name) if not _TERM_AFTER.match(name[m.end():])]
        if alone:
            out.append(s)
    return tuple(out)


def input_checks(claim: "Claim") -> tuple[str, ...]:
    """What in the claim's input reads other than it is decided, in words, for every output to repeat: a symbol
    only one assumption mentions (a misspelling?), an assumption whose name says other than its formula (the
    name is what tables and derivations show), an assumption SymPy settled when it was built."""
    # an assumption about nothing the claim mentions: a paper refuses one no claim mentions, where it can tell
    # (a claim built by a function has its symbols only once built); the others are said with every output
    out = [unrelated_check(claim, name, things) for name, things in claim.unrelated]
    if claim.claim is not None and isinstance(claim.claim, BooleanAtom) and claim.derived is None:
        # nothing says why SymPy settled it: a float slip (1 / 9 for Rational(1, 9)) reads as a proof
        out.append(f"the statement is the constant {claim.claim} as written: SymPy evaluated it when the file was "
                   "loaded, before the engine saw it (from the symbols' own assumptions, a division it cancelled, or "
                   "numbers compared: a Python float such as 1 / 9 is compared in binary); if that is not what was "
                   "meant, write exact numbers (sp.Rational(1, 9)) or build it with evaluate=False")
    out += [lone_words(*one) for one in claim.lone]
    if claim.claim is not None:
        given = claim.given
    else:
        given = tuple(dict.fromkeys(pair for ob in claim.decisions for pair in ob.assumptions))
    symbols = about(claim.claim) if claim.claim is not None else {s for ob in claim.decisions
                                                                    for s in ob.free_symbols}
    for name, formula in given:
        if isinstance(formula, BooleanAtom):
            # a settled name is a concern only where the claim's own symbols do not settle it alike
            again = label_relation(name, symbols)
            if again is None and formula is sp.true:  # not a relation: a case split SymPy folded, say
                out.append(f"the assumption {quoted(name)} is the constant True as written: SymPy evaluated it when the "
                           "file was loaded (a tautology such as Or(A, Not(A)) folds even where A is undefined; "
                           "the symbols' own assumptions), so it restricts nothing; if it was meant to say where a "
                           "term is defined, state that as an assumption of its own (x >= 0 for sqrt(x))")
            elif again is not None and not isinstance(again, BooleanAtom):
                out.append(f"the assumption {quoted(name)} is the constant {formula}: SymPy settled it when it was built, "
                           f"from how its symbols are declared, but with the claim's symbols it is "
                           f"{sp.sstr(again)}, which {'restricts' if formula else 'admits'} something: a symbol "
                           "of one name declared two ways (Symbol('t', positive=True) beside Symbol('t'))?")
            continue
        gone = [s for s in named_not_kept(name, formula, symbols) if declares_something(s)]
        if gone:
            out.append(f"the assumption {quoted(name)} is {sp.sstr(formula)} as SymPy built it: its name compares "
                       f"{', '.join(s.name for s in gone)} with a number, and its formula does not have "
                       f"{'it' if len(gone) == 1 else 'them'}; SymPy settles such a relation from a declared sign "
                       "when the file is loaded (And(b > 0, ...) is ... for a positive b), so what the assumption "
                       "says without the declaration is not known, and the declaration's necessity is not decided")
            continue
        why = label_disagreement(name, formula)
        if why:
            out.append(f"the assumption named {quoted(name)} is {sp.sstr(formula)}: {why}; the name is what is shown, "
                       "the formula is what is assumed")
    statements = (claim.claim,) if claim.claim is not None else tuple(ob.statement for ob in claim.decisions)
    out += folded_fractions([*statements, *(f for _, f in given)])
    return tuple(dict.fromkeys(out))


def folded_fractions(formulas) -> list[str]:
    """A check line for each float that is a fraction cut short (0.333333333333333, which SymPy folds from
    0.5/3*2): the engine reads a float as the decimal it prints as, which is not the fraction.

    >>> t = sp.Symbol("t")
    >>> folded_fractions([t * 0.5 / 3 * 2 > 1])[0][:60]
    'the float 0.333333333333333 is read as the decimal it prints'
    >>> folded_fractions([t * 0.5 > 1, t > 0.1])
    []
    """
    from fractions import Fraction

    out = []
    floats = {f for e in formulas if isinstance(e, sp.Basic) for f in e.atoms(sp.Float)}
    for f in sorted(floats, key=float):
        printed = Fraction(str(f))
        near = printed.limit_denominator(1000)
        if near != printed and abs(near - printed) <= Fraction(1, 10**9) * max(1, abs(printed)):
            out.append(f"the float {f} is read as the decimal it prints as, not as {near}: SymPy folds arithmetic "
                       f"on Python floats (0.5/3) into one float; write sp.Rational({near.numerator}, "
                       f"{near.denominator}) if that fraction is meant")
    return out


def unrelated_check(claim: "Claim", name: str, things) -> str:
    """The unrelated assumption ``name`` as an input check: what it is about, that it restricts nothing, and the
    claim's symbols it may be a misspelling of."""
    claim_names = sorted({str(s) for s in about(claim.claim)})
    near = list(dict.fromkeys(c for t in sorted(map(str, things)) for c in _near_names(t, claim_names)))
    guess = f"; a misspelt {' or '.join(near)}?" if near else ""
    return (f"{unrelated_words(claim, name, things)}: it restricts nothing the claim is about (assumed all the "
            f"same{guess})")


def unrelated_words(claim: "Claim", name: str, things) -> str:
    """The unrelated assumption ``name`` of ``claim`` in words."""
    symbols = ", ".join(sorted(str(s) for s in about(claim.claim)))
    own = ", ".join(sorted(str(s) for s in things))
    return (f"the assumption {quoted(name)} is about {own}, none of the claim's symbols ({symbols}), not even through "
            "the other assumptions")
