"""A claim's scope: for every size of the model (``every N``), for fixed sizes (``N = 2..5``), or none.

A scope is checked when the claim is made (:func:`checked_scope`: only words the
verdict can stand behind) and printed with the verdict (:func:`scoped_verdict`).

>>> checked_scope("C.1", "n = 02, 3..4")
'n = 2..4'
>>> scoped_verdict("proved", "every N"), scoped_verdict("refuted", "N = 3")
('proved (every N)', 'refuted (N = 3 only)')
"""

from __future__ import annotations

import re
from typing import Sequence

from sympy.logic.boolalg import BooleanAtom

from symbolic import Kind, Status
from symbolic.errors import BadInputError, BadInputTypeError

__all__ = ["covers_every_size", "size_of", "scoped_verdict", "quantifies_over", "fixed_sizes", "checked_scope",
           "BY_REDUCTION", "BY_NOTE", "MAX_FIXED_SIZES"]


def covers_every_size(scope: str) -> bool:
    """A scope such as ``every J`` or ``every N``: the verdict holds for every size of the model."""
    return scope.strip().startswith("every ")


def size_of(scope: str) -> str:
    """The model's size a scope is about: ``"J"`` for ``"every J"``; ``""`` for a fixed or no scope."""
    return scope.strip()[len("every "):].strip() if covers_every_size(scope) else ""


#: what a verdict for every size says when the decisions do not quantify over the size
BY_REDUCTION = "by reduction"
#: what a verdict for fixed sizes says when the decisions are not built with the size as a symbol
BY_NOTE = "sizes as the note says"


def scoped_verdict(status: str, scope: str, kind: Kind | str = Kind.FORALL, *, reduced: bool = False,
                   constant: bool = False, excluded: Sequence[str] = ()) -> str:
    """The verdict with its scope, in words that say what was shown.

    A claim over every size is *proved* for every size; *refuted* (or undecided) it was only claimed for
    every size (one counterexample refutes it); an existence claim over every size is witnessed by some
    size, and refuted when no size has an instance.  ``reduced``: the decisions do not quantify over the
    size (generic sectors, fixed sizes); that they cover every size is the argument of the claim's note,
    which the engine did not check -- a verdict about every size says so.  ``constant``: SymPy settled every
    decision while the claim was built (it holds or fails whatever the size, which it never mentions).

    >>> scoped_verdict("proved", "every N"), scoped_verdict("refuted", "every N"), scoped_verdict("refuted", "J = 4")
    ('proved (every N)', 'refuted (claimed for every N)', 'refuted (J = 4 only)')
    >>> scoped_verdict("witness", "every J", "exists"), scoped_verdict("refuted", "every J", "exists")
    ('witness (some J)', 'refuted (no instance for any J)')
    >>> scoped_verdict("proved", "every J", reduced=True), scoped_verdict("refuted", "every J", reduced=True)
    ('proved (every J, by reduction)', 'refuted (claimed for every J)')
    >>> scoped_verdict("proved", "every N", constant=True)
    'proved (every N, a constant SymPy settled)'
    >>> scoped_verdict("proved", "n = 1..3", reduced=True)   # decisions for fixed sizes the engine did not set
    'proved (n = 1..3 only, sizes as the note says)'
    >>> scoped_verdict("witness", "n = 1..3", "exists"), scoped_verdict("refuted", "n = 1, 2", "exists")
    ('witness (for some n = 1..3)', 'refuted (no instance for any n = 1, 2)')
    >>> scoped_verdict("refuted", "n = 1..4")
    'refuted (fails at some n = 1..4)'

    ``excluded``: fixed sizes at which the assumptions admit nothing (the verdict is the other sizes').

    >>> scoped_verdict("proved", "n = 1..3", excluded=("n = 3",))
    'proved (n = 1..3 only; the assumptions exclude n = 3)'
    """
    if not scope:
        return status
    if not covers_every_size(scope):
        fixed = fixed_sizes(scope)
        note = f", {BY_NOTE}" if reduced else ""
        if excluded:
            note += "; the assumptions exclude " + ", ".join(excluded)
        if Kind(kind) is Kind.EXISTS and fixed and len(fixed[1]) > 1:  # its sizes combine by "or"
            if status == Status.WITNESS.value:
                return f"{status} (for some {scope}{note})"
            if status == Status.REFUTED.value:
                return f"{status} (no instance for any {scope}{note})"
        if Kind(kind) is Kind.FORALL and fixed and len(fixed[1]) > 1 and status == Status.REFUTED.value:
            return f"{status} (fails at some {scope}{note})"  # not "n = 1..4 only": it may hold at most of them
        return f"{status} ({scope} only{note})"
    size = size_of(scope)
    how = ", a constant SymPy settled" if constant else f", {BY_REDUCTION}" if reduced else ""
    if Kind(kind) is Kind.FORALL:
        return f"{status} ({scope}{how})" if status == Status.PROVED.value else f"{status} (claimed for {scope})"
    if status == Status.WITNESS.value:
        return f"{status} (some {size})"
    if status == Status.REFUTED.value:
        return f"{status} (no instance for any {size}{how})"
    return f"{status} (claimed for some {size})"


def quantifies_over(obligations, size: str) -> bool:
    """Every obligation has the size (a symbol named ``size``) among its free symbols, or is a constant SymPy
    settled while it was built (true or false whatever the size)."""
    return bool(obligations) and all(isinstance(ob.statement, BooleanAtom) or size in {s.name for s in ob.free_symbols}
                                     for ob in obligations)


_EVERY_SIZE = re.compile(r"every\s+([A-Za-z]\w*)")
_SOME_SIZES = re.compile(r"([A-Za-z]\w*)\s*=\s*(\d+(?:\s*\.\.\s*\d+)?(?:\s*,\s*\d+(?:\s*\.\.\s*\d+)?)*)")


#: fixed sizes a scope may name (each is a decision of its own)
MAX_FIXED_SIZES = 64


def fixed_sizes(scope: str) -> tuple[str, tuple[int, ...]] | None:
    """The size's name and the sizes of a fixed scope (``"n = 2..4"`` is ``("n", (2, 3, 4))``), else ``None``.

    >>> fixed_sizes("n = 2..4"), fixed_sizes("J = 2, 5"), fixed_sizes("every J")
    (('n', (2, 3, 4)), ('J', (2, 5)), None)
    """
    m = _SOME_SIZES.fullmatch(scope.strip())
    if not m:
        return None
    sizes: list[int] = []
    for part in m.group(2).split(","):
        lo, _, hi = part.strip().partition("..")
        sizes += range(int(lo), int(hi) + 1) if hi else [int(lo)]
    return m.group(1), tuple(dict.fromkeys(sizes))


#: digits of a size in a fixed scope (a size is an integer the claim is decided at)
_SIZE_DIGITS = 100


def _checked_sizes(claim_id: str, scope: str, name: str, text: str) -> str:
    """A fixed scope's sizes, checked before any is listed and written plainly (``n = 02, 2..3`` is ``n = 2..3``):
    ranges that rise, at most :data:`MAX_FIXED_SIZES` sizes, each of at most :data:`_SIZE_DIGITS` digits."""
    parts, count = [], 0
    for part in text.split(","):
        lo_text, _, hi_text = part.strip().partition("..")
        if any(len(t.strip()) > _SIZE_DIGITS for t in (lo_text, hi_text)):
            raise BadInputError(f"claim {claim_id}: scope={scope!r} has a size of more than {_SIZE_DIGITS} digits")
        lo = int(lo_text)
        hi = int(hi_text) if hi_text else lo
        if hi < lo:
            raise BadInputError(f"claim {claim_id}: scope={scope!r} has the range {lo}..{hi}, which holds no size "
                                f"(write {hi}..{lo})")
        count += hi - lo + 1
        if count > MAX_FIXED_SIZES:
            raise BadInputError(f"claim {claim_id}: scope={scope!r} names more than {MAX_FIXED_SIZES} sizes, each "
                                f"a decision of its own (for every size: scope='every {name}')")
        parts.append((lo, hi))
    sizes = list(dict.fromkeys(k for lo, hi in parts for k in range(lo, hi + 1)))
    # written back as runs of consecutive sizes: "n = 2..4", "n = 2, 4"
    runs: list[list[int]] = []
    for k in sorted(sizes):
        if runs and k == runs[-1][1] + 1:
            runs[-1][1] = k
        else:
            runs.append([k, k])
    return f"{name} = " + ", ".join(str(a) if a == b else f"{a}, {b}" if b == a + 1 else f"{a}..{b}" for a, b in runs)


def checked_scope(claim_id: str, scope) -> str:
    """``"every N"``, ``"N = 3"``, ``"N = 2..5"``, ``"N = 2, 4"`` or ``""`` (spacing normalised); anything else is
    refused, not printed as words the verdict cannot stand behind (``scope="all sizes"`` read "proved (all sizes
    only)")."""
    if not isinstance(scope, str):
        raise BadInputTypeError(f"claim {claim_id}: scope must be words (a str), got {type(scope).__name__}")
    text = scope.strip()
    if not text:
        return ""
    if m := _EVERY_SIZE.fullmatch(text):
        return f"every {m.group(1)}"
    if m := _SOME_SIZES.fullmatch(text):
        return _checked_sizes(claim_id, scope, m.group(1), m.group(2))
    raise BadInputError(f"claim {claim_id}: scope={scope!r} is not a scope the verdict can state: give 'every N' "
                        "(every size of the model, N its symbol), 'N = 3', 'N = 2..5' or 'N = 2, 4' (those sizes "
                        "only) or leave it out")
