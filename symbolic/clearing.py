r"""The engine's rewrite of a relation without denominators, explained as derivation steps.

:mod:`symbolic.translate` hands z3 each relation ``lhs op rhs`` as ``n op 0`` (or ``n*d op 0``) where
``(lhs - rhs) = n/d``; a derivation shows the very same rewrite, in words a reader follows: which
denominator is multiplied out, why its sign is known, and whether the inequality reverses.

>>> import sympy as sp
>>> from symbolic.derivation import Derivation
>>> x, y = sp.symbols("x y", positive=True)
>>> print(Derivation("demo", (clearing_step(x / y > 1),)).as_text(columns=70))
demo
  Multiply by the denominator y, positive under the assumptions:
        x
        ─ > 1  ⟺  x - y > 0
        y
"""

from __future__ import annotations

import sympy as sp
from sympy.core.relational import Relational

from .denominators import numer_denom, sign_carrier
from .derivation import EXPAND_NODES, Step, is_wide, tree_nodes

__all__ = ["clearing", "clearing_step", "clearing_steps"]


def clearing(rel: Relational):
    """``(denominator, how, rewritten, combined)``: the engine's rewrite of ``rel``, without denominators.

    ``how`` is ``"none"`` (no denominator), ``"positive"``, ``"negative"`` (the inequality reverses), the
    same ``"... where defined"`` (never negative, or never positive, and non-zero where the claim is defined) or
    ``"square"`` (multiplied by the denominator's square, of unknown sign but non-zero where defined) or
    ``"even powers"`` (by ``d*c``, ``c`` the factor of ``d`` that carries its sign, returned in place of the
    denominator: ``u**4`` for ``u**3``, which leaves ``n*u``);
    ``combined``: powers of one base were multiplied out for the reader (``m^a m^b`` is ``m^(a+b)``).
    """
    num, den = numer_denom(rel.lhs - rel.rhs)  # the exact rewrite the engine uses
    # expanded for the reader (z3 gets the product form), powers left whole: expanding
    # Y**(1 - alpha) into Y/Y**alpha would bring back the division just cleared; a big numerator is not
    # expanded (expanding a tree of Max and Piecewise takes minutes and no reader follows the result)
    # powers of one base are multiplied out (m^(1/alpha - 1) m^(1 - 1/alpha) is 1), valid wherever they are defined
    combined = False
    if tree_nodes(num, EXPAND_NODES) <= EXPAND_NODES:
        plain = sp.expand(num, power_exp=False, power_base=False)
        num = sp.expand(sp.powsimp(num, combine="exp"), power_exp=False, power_base=False)
        combined = num != plain
    op = type(rel)
    if den == 1:
        return den, "none", op(num, 0, evaluate=False), combined
    # as the engine reads it: the denominator's sign carrier (its even powers, positive where it is non-zero,
    # dropped); a denominator never negative is positive where defined
    carrier, sign = sign_carrier(den)
    strict = den.is_positive or den.is_negative
    if sign > 0:
        return den, "positive" if strict else "positive where defined", op(num, 0, evaluate=False), combined
    if sign < 0:
        return den, "negative" if strict else "negative where defined", op(-num, 0, evaluate=False), combined
    rewritten = op(sp.expand(num * carrier, power_exp=False, power_base=False), 0, evaluate=False)
    # (n/d) * d*c = n*c: d*c has only even powers of the denominator's factors (d**2 when c is d itself)
    if carrier == den:
        return den, "square", rewritten, combined
    multiplier = sp.powsimp(den * carrier)
    if tree_nodes(multiplier, 60) <= 60:  # 2 b^2 (n + 1)(2 n + 2) is shown as 4 b^2 (n + 1)^2
        multiplier = sp.factor(multiplier)
    return multiplier, "even powers", rewritten, combined


def _divides(obj) -> bool:
    """A quotient is left somewhere in ``obj``: inside the base of a power, a function or an exponent."""
    return isinstance(obj, sp.Basic) and any(
        isinstance(e, sp.Pow) and e.exp.is_number and e.exp.is_negative for e in sp.preorder_traversal(obj))


def _identity(rewritten) -> bool:
    """The rewrite left nothing: both sides are zero (the relation holds, or fails, identically)."""
    return rewritten.lhs == 0 and rewritten.rhs == 0


#: how each kind of multiplication is said (``{0}``: the multiplier)
_MULTIPLY = {
    "positive": "by {0}, positive under the assumptions",
    "negative": "by {0}, negative under the assumptions, which reverses the inequality",
    "square": "by the square of {0}, which is non-zero where the claim is defined",
    "even powers": "by {0}, even powers of its denominator's factors, positive where the claim is defined",
    "positive where defined": "by {0}, never negative under the assumptions and non-zero where the claim is defined",
    "negative where defined": "by {0}, never positive under the assumptions and non-zero where the claim is defined, "
                              "which reverses the inequality",
}


def clearing_step(rel: Relational) -> Step:
    """The engine's rewrite of ``lhs op rhs`` into a form without denominators.

    Mirrors :mod:`symbolic.translate`: ``(lhs - rhs) = n/d``; with ``d`` of known sign the
    relation becomes ``n op 0`` (flipped for ``d < 0``); otherwise ``n*c op 0``, ``c`` the
    factor of ``d`` that carries its sign (``d`` without even powers), valid where ``d != 0`` (a domain condition the engine proves first).  The
    rewrite shown is the relation it produces, with no division left outside powers
    and functions; the words say so where a quotient stays inside one, and a
    relation whose two sides cancel is said to hold identically (no ``0 = 0`` display).
    """
    den, how, rewritten, combined = clearing(rel)
    if how == "none":
        return Step("The relation as a comparison with zero", rewritten, chain=(rel, "<=>", rewritten))
    powers = ", combining powers of one base" if combined else ""
    if _identity(rewritten):
        truth = "holds" if type(rewritten)(0, 0) is sp.true else "fails"
        return Step(f"Multiply {_MULTIPLY[how]}, and expand{powers}: the two sides cancel, so the relation "
                    f"{truth} identically (wherever it is defined)", inline=(den,))
    text = "Multiply " + (_MULTIPLY[how] if how == "even powers" else
                          _MULTIPLY[how].replace("{0}", "the denominator {0}", 1)) + powers
    if _divides(rewritten):
        text += "; quotients inside powers and functions are not cleared (only expanded)"
    # ``math`` is the rewritten relation; the chain shows it beside the original
    return Step(text, rewritten, chain=(rel, "<=>", rewritten), inline=(den,))


#: a polynomial with more nodes than this is not factored for the reader
FACTOR_NODES = 60


def _divided(rewritten) -> list[Step]:
    """The rewrite with a positive common factor divided out and, where small, factored, for the reader.

    Only factors whose sign is certain from their form are divided: positive rationals and integer powers of
    symbols declared positive (``2048 b^10`` from ``14336 a^2 b^10 - ...``); the engine decides the rewrite
    itself, not this.
    """
    if not isinstance(rewritten, Relational) or rewritten.rhs != 0 or _identity(rewritten) or _divides(rewritten):
        return []
    positive, rest = [], []
    for f in sp.Mul.make_args(sp.factor_terms(rewritten.lhs)):
        base = f.base if isinstance(f, sp.Pow) and f.exp.is_Integer else f
        if (f.is_Rational and f > 0) or (isinstance(base, sp.Symbol) and base.is_positive is True):
            positive.append(f)
        else:
            rest.append(f)
    if not rest:
        return []
    factor, left = sp.Mul(*positive), sp.Mul(*rest)
    factored = False
    if tree_nodes(left, FACTOR_NODES) <= FACTOR_NODES:
        product = sp.factor(left)
        if sum(1 for f in sp.Mul.make_args(product) if f.is_Add or (f.is_Pow and f.base.is_Add)) >= 2 \
                and product != left:
            left, factored = product, True
    if factor == 1 and not factored:
        return []
    reduced = type(rewritten)(left, 0, evaluate=False)
    # shown alone: the step before ends with the rewrite it divides
    if factor == 1:
        return [Step("Factor", reduced)]
    return [Step("Divide by the common factor {0}, positive under the assumptions" + (", and factor" if factored
                                                                                     else ""), reduced,
                 inline=(factor,))]


#: a statement with more nodes than this has its relations' rewrites shown one by one, not the whole statement
STATEMENT_NODES = 160


def _and_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def clearing_steps(statement) -> list[Step]:
    """The engine's rewrite of every relation of ``statement`` with a denominator, as derivation steps.

    A relation alone, or a small Boolean (an implication, an equivalence), is shown whole: the statement
    and the statement with each relation multiplied out, so that no part of it (the conclusion of an
    implication) drops out of the display.  A bigger statement gets one step per relation, each said to
    be one of its relations.  Relations whose two sides cancel are said to hold identically, never shown
    as ``0 = 0``; a relation without a denominator is left as it is.
    """
    relations = sorted(statement.atoms(Relational), key=sp.default_sort_key) if isinstance(statement, sp.Basic) \
        else []
    rewrites = [(rel, *clearing(rel)) for rel in relations]
    rewrites = [r for r in rewrites if r[2] != "none"]
    if not rewrites:
        return []
    if isinstance(statement, Relational):
        return [clearing_step(statement), *_divided(rewrites[0][3])]
    if tree_nodes(statement, STATEMENT_NODES) > STATEMENT_NODES or is_wide(statement):
        out = []
        for rel, _, _, rewritten, _ in rewrites:
            step = clearing_step(rel)
            out.append(Step("One of its relations: " + step.text[0].lower() + step.text[1:], step.math,
                            chain=step.chain, inline=step.inline))
            out += _divided(rewritten)
        return out
    mapping, inline, phrases = {}, [], {how: [] for how in _MULTIPLY}
    for rel, den, how, rewritten, _ in rewrites:
        mapping[rel] = type(rewritten)(0, 0) if _identity(rewritten) else rewritten
        if den not in inline:
            inline.append(den)
            phrases[how].append("{%d}" % (len(inline) - 1))
    after = statement.xreplace(mapping)
    said = []
    for how, dens in phrases.items():
        if dens:
            tail = _MULTIPLY[how].split("{0}", 1)[1]  # what follows the multiplier: ", positive under ..."
            if how == "square":
                said.append(_and_list([f"the square of {d}" for d in dens]) + tail)
            else:
                said.append(_and_list(dens) + tail.replace("the inequality", "its inequality"))
    if len(rewrites) == 1:
        text = "Multiply the relation with a denominator by " + said[0]
    else:
        text = "Multiply each relation by its denominator (" + "; ".join(said) + ")"
    if any(r[4] for r in rewrites):
        text += ", combining powers of one base"
    for truth in (sp.true, sp.false):
        n = sum(1 for value in mapping.values() if value is truth)
        if n:
            text += ("; the two sides of " + ("one relation cancel, so it is " if n == 1 else
                                               f"{n} relations cancel, so they are ")
                     + ("true" if truth is sp.true else "false") + " identically")
    if _divides(after):
        text += "; quotients inside powers and functions are not cleared (only expanded)"
    if after is sp.true or after is sp.false:
        return [Step(text + f"; the statement then reduces to {'true' if after is sp.true else 'false'} (wherever it "
                     "is defined)",
                     inline=tuple(inline))]
    # the statement is the display just above: shown again beside its rewrite, two arrows of the same kind
    # (the statement's own and the rewrite's) would be ambiguous
    return [Step(text + "; the statement becomes", after, inline=tuple(inline))]
