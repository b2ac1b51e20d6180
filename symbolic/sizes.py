r"""An obligation with a size set: a fixed scope's ``n`` replaced by each integer, read as the engine reads it.

A claim with ``scope="n = 1..4"`` is decided once per size with ``n`` set to it.  Setting a size never lets
SymPy's evaluation decide what is undefined: each relation is judged with the size set (a condition of its
definition that fails, ``2 - n >= 0`` of ``sqrt(2 - n)`` at ``n = 3``; a value at a pole, or not real), and
And, Or, Not and Implies are read with Kleene's logic, as the engine reads them.  An assumption undefined at a
size holds nowhere there (the size is excluded); a statement undefined at a size is an error unless the rest
settles it or an assumption excludes the size; a part whose truth this does not settle is an error, never a
guess.

>>> import sympy as sp
>>> from symbolic.obligation import Obligation
>>> n = sp.Symbol("n", integer=True, positive=True)
>>> ob = Obligation.forall("root", sp.Or(n >= 3, sp.sqrt(2 - n) >= 0))
>>> obligation_at_size(ob, n, 3).statement
True
>>> obligation_at_size(Obligation.forall("root", sp.sqrt(2 - n) >= 0), n, 3)
Traceback (most recent call last):
  ...
symbolic.errors.BadInputError: the claim is undefined at n = 3 (sqrt(2 - 3) is I, not a real number there, and nothing else settles it); give a scope of sizes where it is defined
"""

from __future__ import annotations

import re
from dataclasses import replace

import sympy as sp
from sympy.core.relational import Relational
from sympy.logic.boolalg import BooleanAtom

from .constructs import (POWER_BITS, condition_text, domain_conditions, exact_floats, huge_power_bits,
                         unsupported_in)
from .certify import respects_symbol_assumptions
from .engine import exists, prove
from .errors import BadInputError
from .obligation import Obligation
from .verdict import Status

__all__ = ["obligation_at_size", "IMPLIED_SECONDS", "written_out", "MAX_TERMS"]


def obligation_at_size(ob: Obligation, symbol: sp.Symbol, k: sp.Integer) -> Obligation:
    """``ob`` with ``symbol`` set to ``k`` (its label ``"n = k: ..."``, the size in :attr:`Obligation.fixed`): an
    assumption undefined there is False (listed in :attr:`Obligation.undefined_at_size`); where an assumption
    is False the size is excluded and the statement is True.  :class:`BadInputError` where a part's truth at
    the size is not settled (the message names the size, not the claim)."""
    k = sp.Integer(k)
    at, size = {symbol: k}, f"{symbol} = {k}"
    # a decimal is the decimal it prints as, as the engine reads it, before any arithmetic with the size:
    # SymPy would compute n*0.1 at n = 3 in binary, 0.30000000000000004, which is not 3*0.1 as written
    floats = [note for e in (ob.statement, ob.derived, *(a for _, a in ob.assumptions)) if e is not None
              for note in exact_floats(e)[1]]
    ob = replace(ob, statement=exact_floats(ob.statement)[0],
                 derived=None if ob.derived is None else exact_floats(ob.derived)[0],
                 assumptions=tuple((name, exact_floats(a)[0]) for name, a in ob.assumptions),
                 notes=ob.notes + tuple(n for n in dict.fromkeys(floats) if n not in ob.notes))
    try:
        assumptions, undefined = [], []
        for name, a in ob.assumptions:
            try:
                held, unheld = _kleene_at_size(a, at)
            except _Unsettled as exc:
                raise BadInputError(f"setting {size} makes the assumption {name!r} pass through an undefined value "
                                    f"({exc}), and whether it holds there is not settled; give a scope of sizes "
                                    "where it is defined") from None
            if held is sp.false and unheld is not sp.false:
                undefined.append(name)
            assumptions.append((name, held))
        # where an assumption is False at the size the size is excluded, whatever the statement is there
        excluded = any(held is sp.false for _, held in assumptions)
        statement, derived = (None if e is None else _statement_at_size(e, at, excluded, assumptions)
                              for e in (ob.statement, ob.derived))
    except _Unsettled as exc:
        if not _admits_something(assumptions):  # the assumptions exclude the size: nothing is decided there
            statement, derived = sp.true, None
        else:
            raise BadInputError(f"the claim is undefined at {size} ({exc} there, and nothing else settles it); "
                                "give a scope of sizes where it is defined") from None
    except BadInputError:
        raise
    except ArithmeticError as exc:  # Mod(x, 0) where no condition of definition was read (inside a Derivative)
        raise BadInputError(f"setting {size} divides by zero or overflows ({type(exc).__name__}: {exc}) where the "
                            "engine reads no condition of definition; give a scope of sizes where it is defined") \
            from None
    except (ValueError, TypeError) as exc:  # n is also bound inside (a Sum's index): SymPy refuses
        raise BadInputError(f"setting {size} failed ({type(exc).__name__}: {exc}); is {symbol} also bound inside "
                            "the claim (a Sum's index)?") from None
    return replace(ob, label=f"{size}: {ob.label}", statement=statement, assumptions=tuple(assumptions),
                   derived=derived, fixed=ob.fixed + ((symbol, k),),
                   undefined_at_size=ob.undefined_at_size + tuple(undefined))


def _size_set(e, at: dict, assumed=()) -> tuple:
    """``(e with the size set, "", False)``, or ``(None, why, certain)`` where setting the size passes through
    an undefined value -- ``certain`` where the part is then certainly undefined:

    * a value with no symbols left is ``zoo``, ``nan``, infinite or not real (SymPy makes ``Ne(zoo, x)`` True,
      ``loggamma(0)`` is ``oo``, ``exp(-Abs(zoo))`` is 0);
    * a condition of a construct's definition fails (``2 - n >= 0`` of ``sqrt(2 - n)`` at ``n = 3``), read from
      the expression with the size set unevaluated -- but exponents evaluated: ``(1 - 2/n)**n`` at ``n = 2`` is
      ``0**2``, an integer power, not the engine's ``exp(n log(1 - 2/n))`` (each exponent is checked as set,
      unevaluated, too: ``2**((n - 2) log(y))`` at ``n = 2`` needs ``y > 0``);

    and not certain where SymPy refuses to build the result, or its evaluation drops a condition of definition
    that ``assumed`` (the assumptions with the size set) does not imply (``(n - 2) log(x)`` at ``n = 2`` is 0:
    the ``x > 0`` of ``log(x)`` is gone).  ValueError/TypeError from setting it unevaluated (a Sum's index)
    pass up."""
    exponents: list = []
    held = _held_at_size(e, at, exponents)
    parts = [held, *exponents]  # decimals were read exactly before (obligation_at_size)
    bits = max(huge_power_bits(part) for part in parts)
    if bits > POWER_BITS:  # evaluated, it would fill the memory
        raise BadInputError(f"setting {', '.join(f'{s} = {v}' for s, v in at.items())} makes a power of a number "
                            f"of about {bits:,} bits (the engine takes up to {POWER_BITS:,}); give smaller sizes")
    for node in (n for part in parts for n in sp.preorder_traversal(part)):
        if isinstance(node, sp.Expr) and node.args and not node.free_symbols:
            try:
                with sp.evaluate(True):
                    value = node.doit()
            except (TypeError, ValueError, ArithmeticError):
                return None, f"{_text(node)} cannot be evaluated", False
            if value.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
                return None, f"{_text(node)} is {sp.sstr(value)}, a pole or a division by zero", True
            if value.is_number and value.is_extended_real is False:
                return None, f"{_text(node)} is {sp.sstr(value)}, not a real number", True
    try:
        conditions = [c for part in parts for c in domain_conditions(part)]
    except Exception as exc:  # noqa: BLE001 - an expression the table cannot read: not set, said why
        return None, f"its conditions of definition cannot be read ({type(exc).__name__})", False
    # the engine's x**y with y a symbol is read on x > 0 only, which makes a verdict open, not x**y undefined
    narrow = {c for part in parts for p in part.atoms(sp.Pow) if p.exp.free_symbols for c in domain_conditions(p)}
    for c in conditions:
        try:
            if c.doit() is sp.false:
                return None, f"the condition {_text(c, condition_text)} of its definition fails", c not in narrow
        except (TypeError, ValueError):
            return None, f"{_text(c, condition_text)} cannot be evaluated", False
    try:
        plain = e.xreplace(at)
    except (TypeError, ValueError) as exc:
        return None, f"SymPy cannot build it ({exc})", False
    if plain.has(sp.zoo, sp.nan):
        return None, "it holds zoo or nan", True
    kept = plain.atoms(sp.Function) if isinstance(plain, sp.Basic) else set()
    for atom in (a for part in parts for a in part.atoms(sp.Function)):
        # outside the table, a construct has no conditions of definition to compare: it must survive as it is
        # (rf(x, n - 2) is 1/(x - 1) at n = 1, (n - 2) tan(x) is 0 at n = 2: poles the engine never saw)
        if atom.free_symbols and unsupported_in(atom) is not None and (evaluated := atom.doit()) not in kept:
            if evaluated == atom:
                return None, (f"SymPy's evaluation drops {_text(atom)}, outside the engine's constructs (its "
                              "poles would go unseen)"), False
            return None, (f"{_text(atom)}, outside the engine's constructs, becomes {sp.sstr(evaluated)} when "
                          "SymPy evaluates it"), False
    present = {_normal_condition(c) for c in domain_conditions(plain)} if isinstance(plain, sp.Basic) else set()
    missing = [needed for c in conditions if (needed := _normal_condition(c)) is not sp.true and needed not in present]
    if missing and not _implied(missing, assumed):
        return None, (f"SymPy's evaluation drops the condition {condition_text(missing[0])} of its definition, "
                      "which the assumptions do not imply"), False
    return plain, "", False


#: seconds the engine is given to show that the assumptions imply a condition SymPy's evaluation dropped
IMPLIED_SECONDS = 2.0


def _implied(conditions: list, assumed) -> bool:
    """Whether the assumptions (``(name, Boolean)``, the size set) imply every condition: the engine proves it
    (``b > 0`` implies the ``b != 0`` that ``b q / b`` dropped)."""
    if not assumed:
        return False
    verdict = prove(sp.And(*conditions), [a for _, a in assumed if a is not sp.false], timeout=IMPLIED_SECONDS)
    return verdict.status is Status.PROVED


def _held_at_size(e, at: dict, exponents: list):
    """``e`` with the size set and nothing evaluated but exponents (``(-1)**(n + 1)`` at ``n = 1`` is
    ``(-1)**2``: an integer power, whose conditions of definition are an integer power's); each exponent so
    evaluated is appended to ``exponents`` as set, unevaluated (its own conditions still count)."""
    if e in at:
        return at[e]
    if not e.args or not (e.free_symbols & set(at)):
        return e
    if isinstance(e, sp.Pow):
        base, exp = _held_at_size(e.base, at, exponents), e.exp.xreplace(at)
        if e.exp.free_symbols & set(at):
            exponents.append(_held_at_size(e.exp, at, exponents))
        with sp.evaluate(False):
            return sp.Pow(base, exp)
    args = [_held_at_size(a, at, exponents) for a in e.args]
    with sp.evaluate(False):
        return e.func(*args)


def _text(e, printer=sp.sstr) -> str:
    """``e`` as printed, without the unit factors setting it unevaluated leaves (``2 - 1*3``: ``2 - 3``)."""
    return _UNIT_FACTOR.sub("", printer(e))


def _normal_condition(c):
    """A condition of definition evaluated, a relation to 0 with its positive content divided out
    (``4 x >= 0`` and ``x >= 0`` are one condition), to compare the conditions before and after evaluation."""
    c = c.doit()
    if isinstance(c, sp.core.relational.Relational) and isinstance(c.lhs, sp.Expr) and isinstance(c.rhs, sp.Expr):
        content, rest = sp.factor_terms(c.lhs - c.rhs).as_content_primitive()
        if content.is_positive:
            return c.func(rest, 0).canonical  # 1 < x and x > 1 are one condition
    elif isinstance(c, (sp.And, sp.Or, sp.Not, sp.Implies)):  # a Piecewise's guard: (1 < x) => (x - 1 != 0)
        return c.func(*(_normal_condition(a) for a in c.args))
    return c


#: a factor 1 SymPy leaves in an expression built unevaluated (``2 - 1*3``)
_UNIT_FACTOR = re.compile(r"(?<![\w.])1\*")


class _Unsettled(Exception):
    """A part that setting a size passes through an undefined value in, and whose truth there is not certain."""


def _strict_relation(e) -> bool:
    """A relation of arithmetic sides without a Piecewise, ITE or Boolean inside: undefined wherever a part of a
    side is (arithmetic is strict; only a Piecewise or a connective can leave an undefined part aside)."""
    return isinstance(e, sp.core.relational.Relational) and all(
        isinstance(side, sp.Expr) and not side.has(sp.Piecewise, sp.ITE)
        and not side.atoms(sp.core.relational.Relational, sp.logic.boolalg.BooleanFunction)  # (a Symbol is a Boolean)
        for side in e.args)


def _kleene_at_size(e, at: dict, positive: bool = True, assumed=(), reasons: list | None = None) -> tuple:
    """``e`` with the size set, read as the engine reads it (Kleene's logic over And, Or, Not, Implies), as two
    readings ``(low, high)``: a strict relation undefined at the size becomes False in ``low`` and True in
    ``high`` where it would make the whole hold, the reverse where it would make the whole fail (under a Not).
    ``low`` holds exactly where ``e`` is defined and true; ``high`` fails exactly where it is defined and
    false; they differ only where an undefined part decides.  Each undefined part's reason is appended to
    ``reasons``.  Any other part that passes through an undefined value (an ``ITE``, ``Xor``, ``Piecewise``, a
    condition that cannot be evaluated) raises :class:`_Unsettled`: not guessed."""
    if isinstance(e, (sp.And, sp.Or)):
        parts = [_kleene_at_size(a, at, positive, assumed, reasons) for a in e.args]
        return tuple(_rebuilt(e.func, [part[i] for part in parts], assumed) for i in (0, 1))
    if isinstance(e, sp.Not):
        low, high = _kleene_at_size(e.args[0], at, not positive, assumed, reasons)
        return _rebuilt(sp.Not, [low], assumed), _rebuilt(sp.Not, [high], assumed)
    if isinstance(e, sp.Implies):
        (if_low, if_high), (then_low, then_high) = (_kleene_at_size(e.args[0], at, not positive, assumed, reasons),
                                                    _kleene_at_size(e.args[1], at, positive, assumed, reasons))
        return _rebuilt(sp.Implies, [if_low, then_low], assumed), _rebuilt(sp.Implies, [if_high, then_high], assumed)
    held, why, certain = _size_set(e, at, assumed)
    if not why:
        return held, held
    if _strict_relation(e) and certain:
        if reasons is not None:
            reasons.append(why)
        return (sp.false, sp.true) if positive else (sp.true, sp.false)
    raise _Unsettled(why)


def _admits_something(assumptions) -> bool:
    """Whether the assumptions (the size set) may hold somewhere: ``False`` only where the engine shows they
    are contradictory (``x > n`` and ``x < 3`` at ``n = 4``)."""
    if any(a is sp.false for _, a in assumptions):
        return False
    if not assumptions:
        return True
    verdict = exists(sp.true, [a for _, a in assumptions], timeout=IMPLIED_SECONDS)
    return verdict.status is not Status.REFUTED and verdict.status is not Status.VACUOUS


def _rebuilt(func, parts: list, assumed=()):
    """``func(*parts)`` as SymPy builds it, where that folds no more than truth constants (``And(x > 0, True)``
    is ``x > 0``) or parts defined wherever the assumptions hold.  SymPy also folds a part beside its negation
    (``Or(log(x) > 0, log(x) <= 0)`` is True, ``Implies(A, A)`` is True), which drops where the parts are
    undefined (x <= 0): :class:`_Unsettled` there, not guessed."""
    built = func(*parts)
    if _only_constants_folded(func, parts, built):
        return built
    conditions = [c for part in parts for c in domain_conditions(part)]
    if not conditions or _implied([_normal_condition(c) for c in conditions], assumed):
        return built
    raw = sp.Basic.__new__(func, *parts)  # as written, for the message
    raise _Unsettled(f"SymPy's evaluation makes {_text(raw)} {sp.sstr(built)}, which drops where its parts are "
                     f"undefined ({condition_text(conditions[0])} may fail)")


def _only_constants_folded(func, parts: list, built) -> bool:
    """SymPy built ``func(*parts)`` folding truth constants and repeated parts only."""
    if func is sp.Not:
        (part,) = parts
        return isinstance(part, (BooleanAtom, Relational, sp.Not)) or (isinstance(built, sp.Not)
                                                                         and built.args[0] == part)
    if func is sp.Implies:
        condition, then = parts
        if condition is sp.false or then is sp.true:
            return built is sp.true
        if condition is sp.true:
            return built == then
        if then is sp.false:
            return built == _rebuilt(sp.Not, [condition])
        return isinstance(built, sp.Implies) and built.args == (condition, then)
    absorbing, neutral = (sp.false, sp.true) if func is sp.And else (sp.true, sp.false)
    if any(part is absorbing for part in parts):
        return built is absorbing
    kept = {part for part in parts if part is not neutral}
    if not kept:
        return built is neutral
    if len(kept) == 1:
        return built == next(iter(kept))
    flat = {arg for part in kept for arg in (part.args if isinstance(part, func) else (part,))}  # And in And
    return isinstance(built, func) and set(built.args) == flat


def _statement_at_size(e, at: dict, excluded: bool, assumed=()):
    """A statement with the size set: :class:`_Unsettled` where a part undefined there decides whether it holds
    (where the rest settles it, ``Or(n >= 3, sqrt(2 - n) >= 0)`` at ``n = 3``, it is set), unless the size is
    ``excluded`` by an assumption (nothing is decided there)."""
    reasons: list = []
    try:
        low, high = _kleene_at_size(e, at, assumed=assumed, reasons=reasons)
    except _Unsettled:
        if excluded:
            return sp.true
        raise
    if low == high:
        return low
    if excluded:
        return sp.true
    raise _Unsettled(reasons[0])


# -- finite sums and products, written out ---------------------------------------------------------

#: a Sum or Product of more terms than this is left as it is (outside the engine)
MAX_TERMS = 200
#: a sum written out is shown in the notes up to this many characters
_NOTE_CHARS = 200


def written_out(e) -> tuple:
    """``(e, notes)`` with every ``Sum``/``Product`` over integer bounds written out term by term, each term its
    index set as a size is (a term whose evaluation drops a condition of its definition, ``(i - 2) log(x)`` at
    ``i = 2``, leaves its sum as it was, said in the notes; so does the whole written out where SymPy's adding
    up drops one, ``-log(x) + log(x)``).  Bounds that are not integers, a reversed range, or more than
    :data:`MAX_TERMS` terms leave it as it was.

    >>> x, i = sp.symbols("x i")
    >>> written_out(sp.Sum(x**i / i, (i, 1, 3)))[0]
    x**3/3 + x**2/2 + x
    """
    notes: list[str] = []
    if not isinstance(e, sp.Basic) or not e.has(sp.Sum, sp.Product):
        return e, ()
    out = _written(e, notes)
    notes = list(dict.fromkeys(notes))
    done = [n for n in notes if _WRITTEN in n]
    if len(done) > _NOTES_SHOWN:  # a product of sums writes out one sum per factor: not a note each
        notes = [n for n in notes if _WRITTEN not in n] + done[:_NOTES_SHOWN - 1] + [
            f"... and {len(done) - _NOTES_SHOWN + 1} more sums or products written out; the last: {done[-1]}"]
    return out, tuple(notes)


#: at most this many "written out" notes are kept, the last among them
_NOTES_SHOWN = 4
_WRITTEN = "is written out term by term"


class _TooManyTerms(Exception):
    """Nested sums together past :data:`MAX_TERMS`: the outermost is left as it was."""


def _written(e, notes: list, budget: list | None = None):
    if not e.args or not e.has(sp.Sum, sp.Product):
        return e
    if isinstance(e, (sp.Sum, sp.Product)) and budget is None:
        # the terms of nested sums count together (a product of 40 sums of 40 terms is 1,640): one budget each
        # outermost sum, so that the engine's time limit is not spent writing out before it starts
        said = len(notes)
        try:
            return _written(e, notes, [MAX_TERMS])
        except _TooManyTerms:
            del notes[said:]  # what was written out inside it is not
            notes.append(f"{_short(e)} is not written out: with the sums inside it, it has more than "
                         f"{MAX_TERMS} terms")
            return e
    if isinstance(e, (sp.Sum, sp.Product)):
        # outer first: an inner sum's bound may be this one's index (a Product of Sums up to j)
        terms, why = _terms(e.function, e.limits)
        if terms is None:
            notes.append(f"{_short(e)} is not written out: {why}")
            inner = _written(e.function, notes, budget)
            return e.func(inner, *e.limits) if inner is not e.function else e
        budget[0] -= len(terms)
        if budget[0] < 0:
            raise _TooManyTerms
        terms = [_written(t, notes, budget) for t in terms]
        whole = sp.Add(*terms) if isinstance(e, sp.Sum) else sp.Mul(*terms)
        needed = {_normal_condition(c) for t in terms for c in domain_conditions(t)}
        present = {_normal_condition(c) for c in domain_conditions(whole)}
        lost = [c for c in needed if c is not sp.true and c not in present]
        if lost:
            notes.append(f"{_short(e)} is not written out: adding up its terms drops the condition "
                         f"{condition_text(lost[0])} of their definition")
            return e
        written = _clipped(sp.sstr(whole), _NOTE_CHARS, f" ... ({len(terms)} terms)")
        notes.append(f"{_short(e)} {_WRITTEN}: {written}")
        return whole
    args = [_written(a, notes, budget) for a in e.args]
    if all(a is b for a, b in zip(args, e.args)):
        return e
    with sp.evaluate(False):  # SymPy's adding up or comparing around it must not fold what it had no part in
        return e.func(*args)


def _clipped(text: str, limit: int, more: str = " ...") -> str:
    """``text`` up to ``limit`` characters, ``more`` said where it goes on."""
    return text if len(text) <= limit else text[:limit] + more


def _short(e) -> str:
    return _clipped(sp.sstr(e), _NOTE_CHARS)


def _terms(function, limits) -> tuple:
    """The terms of ``function`` over ``limits`` (the first limit innermost), or ``(None, why)``."""
    points: list[dict] = [{}]
    for index, low, high in reversed(limits):  # outer limits first: an inner bound may use an outer index
        nxt = []
        for at in points:
            lo, hi = sp.sympify(low).xreplace(at), sp.sympify(high).xreplace(at)
            if not (lo.is_Integer and hi.is_Integer):
                free = sorted(str(x) for x in (lo.free_symbols | hi.free_symbols))
                hint = (f" (a claim's scope such as scope='{free[0]} = 1..5' decides it at each of those sizes, "
                        "where it is written out)" if free else "")
                return None, f"its bounds {sp.sstr(lo)}, {sp.sstr(hi)} are not both whole numbers{hint}"
            if hi < lo - 1:
                return None, "its range is reversed (SymPy's convention for it is Karr's, not an empty range)"
            if len(nxt) + int(hi - lo + 1) > MAX_TERMS:
                return None, f"it has more than {MAX_TERMS} terms"
            # SymPy may have used the index's declaration on the term when it was built ((-1)**o is -1 for
            # an odd o): a range holding a value the declaration rules out is not this term's range
            ruled_out = next((k for k in range(int(lo), int(hi) + 1)
                              if not respects_symbol_assumptions({index: sp.Integer(k)})), None)
            if ruled_out is not None:
                value = sp.Integer(ruled_out)
                as_given = getattr(index, "_assumptions_orig", None) or index.assumptions0  # as the user wrote
                declared = " and ".join(key for key, want in sorted(as_given.items())
                                        if want is True and getattr(value, f"is_{key}", None) is False)
                return None, (f"its index {index} is declared {declared or 'so'}, which rules out {ruled_out}, a "
                              "value of its range (SymPy may have used the declaration on the term when it was "
                              "built)")
            nxt += [{**at, index: sp.Integer(k)} for k in range(int(lo), int(hi) + 1)]
        points = nxt
    terms = []
    for at in points:
        try:
            term, why, _ = _size_set(function, at)
        except (ValueError, TypeError) as exc:
            # not a whole fact dictionary (InconsistentAssumptions)
            return None, f"SymPy cannot set its index ({type(exc).__name__}: {_clipped(str(exc), 120)})"
        if term is None:
            where = ", ".join(f"{s} = {v}" for s, v in at.items())
            return None, f"its term at {where}: {why}"
        terms.append(term)
    return terms, ""
