r"""Assertions for your own tests, in the manner of ``numpy.testing``.

* :func:`assert_holds` -- a claim (a SymPy Boolean, or an object with
  ``obligations()`` such as a registered :class:`proofs.Claim`) holds on
  admissible random draws and on exact boundary draws; the failure message
  shows the violating draw exactly.
* :func:`assert_never` -- no admissible draw is an instance (an impossibility).
* :func:`assert_equilibrium` / :func:`assert_not_equilibrium` -- South
  specialised in a sector is (not) an equilibrium of the Section 5 model;
  the message names the profitable deviation.

A ten-line user test::

    import sympy as sp
    from symbolic import section5 as s5
    from numeric.testing import assert_holds, assert_equilibrium

    def test_coordination_in_sector_1_pays():
        S = s5.sectors(3)
        assert_holds(s5.wage_coordinated(1) > s5.wage_coordinated(2), s5.standing_assumptions(S),
                     samples=20_000)
        assert_equilibrium(["3", "2", "1"], [1, 1, 1], ["3/2", "4/3", 1], sector=2, coordinated=True)

>>> import sympy as sp
>>> x = sp.Symbol("x", positive=True)
>>> assert_holds(x**2 + 1 >= 2*x, samples=1000)
>>> assert_holds(x >= 1, [x > 0], samples=1000)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
AssertionError: claim fails on an admissible draw: x >= 1
  draw: x = ...
"""

from __future__ import annotations

import warnings
from fractions import Fraction
from numbers import Integral
from typing import Mapping

import sympy as sp

from symbolic import Kind
from symbolic.obligation import Role

from .draws import as_sympy, assumption_tuple
from .equilibria import DEFAULT_RTOL, fraction_text, approximate_text, equilibria
from .obligation_checks import with_admissible_family
from .spot import check_statement

__all__ = ["assert_holds", "assert_never", "assert_equilibrium", "assert_not_equilibrium"]


def _statements(claim, assumptions, kind: Kind = Kind.FORALL):
    """(label, statement, assumptions) triples: from a Boolean or from an object with obligations().

    A claim's decisions must be of ``kind``: universal for :func:`assert_holds`, existence statements
    (asserted to have no instance) for :func:`assert_never`.  A statement about an abstract function
    is evaluated with the first admissible concrete family the obligation gives (a claim that holds for
    every such function holds for that one).
    """
    if hasattr(claim, "obligations"):
        out = []
        for ob in claim.obligations():
            if ob.role is not Role.DECISION:
                continue
            if ob.kind is not kind:
                other = "assert_never" if kind is Kind.FORALL else "assert_holds"
                words = "an existence statement" if ob.kind is Kind.EXISTS else "a universal statement"
                raise TypeError(f"obligation {ob.label!r} is {words}: use {other}")
            # the statement as derived where SymPy settled the stated one to a constant
            concrete = with_admissible_family(ob) if ob.families else None
            label = f"{ob.label} (with {concrete[1]})" if concrete is not None else ob.label
            statement, *assumed = (concrete[0] if concrete is not None else ob).expressions
            out.append((label, statement, tuple(assumed)))
        return out
    if hasattr(claim, "statement") and hasattr(claim, "assumptions"):
        return [(getattr(claim, "label", ""), claim.statement, tuple(a for _, a in claim.assumptions))]
    if isinstance(claim, bool):
        raise TypeError("the claim is a Python bool: SymPy already evaluated it; pass a SymPy Boolean")
    if isinstance(assumptions, Mapping):
        assumptions = tuple(assumptions.values())
    elif isinstance(assumptions, sp.Basic):
        assumptions = (assumptions,)
    return [("", as_sympy(claim, "the claim"), assumption_tuple(assumptions))]


class NothingCheckedWarning(UserWarning):
    """An assertion whose every statement SymPy had settled before any draw: it could not have failed."""


def _number_text(value) -> str:
    """An exact rational with its decimal beside it (``3/7 (~0.4285714286)``); floats and integers as they are."""
    if isinstance(value, Fraction) or (hasattr(value, "p") and hasattr(value, "q")):
        f = value if isinstance(value, Fraction) else Fraction(int(value.p), int(value.q))
        text = fraction_text(f)
        if f.denominator == 1 and len(text) <= 17:
            return text
        return f"{text} (~{approximate_text(f, 10)})"
    if isinstance(value, float):
        return f"{value:.17g}"
    return str(value)


def _draw_text(point: Mapping[str, Fraction] | None) -> str:
    if not point:
        return "(a closed statement)"
    return ", ".join(f"{k} = {_number_text(v)}" for k, v in sorted(point.items()))


def _run(claim, assumptions, samples, exact_samples, seed, want: bool, err_msg: str, what: str):
    __tracebackhide__ = True  # pytest shows the user's assert_holds line and the message, not this machinery
    statements = _statements(claim, assumptions, Kind.FORALL if want else Kind.EXISTS)
    settled = [label or "the statement" for label, statement, _ in statements if statement is (sp.true if want else sp.false)]
    if settled and len(settled) == len(statements):  # a check that could not have failed: said, not passed silently
        warnings.warn(f"nothing was checked: SymPy evaluated {', '.join(settled)} to {sp.true if want else sp.false} "
                      "before any draw (from the symbols' own assumptions, or numbers compared); build it with "
                      "evaluate=False, or leave a symbol free, to check it numerically", NothingCheckedWarning,
                      stacklevel=3)
    for label, statement, assum in statements:
        if statement is (sp.true if want else sp.false):  # settled: no draw can bear on it
            continue
        chk = check_statement(statement, assum, samples=samples, exact_samples=exact_samples, seed=seed,
                              label=label or sp.sstr(statement)[:200], want=want)
        if chk.admissible == 0:
            raise AssertionError(f"no admissible draw for {label or sp.sstr(statement)}: the assumptions may "
                                 "be contradictory, or the symbols need a sampler (numeric.spot.register_sampler)")
        if chk.hypothesis_held == 0:  # a check that could not have failed
            raise AssertionError(f"{err_msg + chr(10) if err_msg else ''}nothing was checked: the hypothesis of "
                                 f"{label or sp.sstr(statement)[:300]} held on none of the {chk.admissible:,} "
                                 "admissible draws (an equation is almost never met at random: solve it for one "
                                 "symbol, or draw on it with a sampler)")
        if chk.failures:
            head = f"{what}: {label or sp.sstr(statement)[:300]}"
            raise AssertionError(f"{err_msg + chr(10) if err_msg else ''}{head}\n"
                                 f"  draw: {_draw_text(chk.first_failure)}\n"
                                 f"  ({chk.failures} of {chk.admissible:,} admissible draws, exactly confirmed"
                                 + (f"; {chk.unconfirmed:,} more in floats, not re-decided" if chk.unconfirmed
                                    else "") + ")")


def assert_holds(claim, assumptions=(), *, samples: int = 10_000, exact_samples: int = 200, seed: int = 0,
                 err_msg: str = "") -> None:
    """Assert that ``claim`` holds on ``samples`` admissible draws and ``exact_samples`` exact boundary draws.

    ``assumptions``: a Boolean, a sequence of Booleans or a name -> Boolean map
    (ignored when ``claim`` carries its own obligations).
    """
    __tracebackhide__ = True
    _run(claim, assumptions, samples, exact_samples, seed, True, err_msg, "claim fails on an admissible draw")


def assert_never(statement, assumptions=(), *, samples: int = 10_000, exact_samples: int = 200, seed: int = 0,
                 err_msg: str = "") -> None:
    """Assert that no admissible draw satisfies ``statement`` (an impossibility, like S5.7a)."""
    __tracebackhide__ = True
    _run(statement, assumptions, samples, exact_samples, seed, False, err_msg, "an instance exists")


def _equilibrium_case(lambda_S, lambda_N, theta, sector, coordinated, rtol):
    """Whether E(sector, C/U) is an equilibrium, and the text naming its best deviation.

    The best deviation is the *other* sector with the highest break-even wage
    :math:`w(k,U)`: a lone uncoordinated producer there gains :math:`w(k,U) - w`
    per worker over South's wage :math:`w`, so it profits iff that is positive.
    """
    eq = equilibria(lambda_S, lambda_N, theta, rtol=rtol)
    if isinstance(sector, bool) or not isinstance(sector, Integral) or not 1 <= sector <= eq.J:
        raise ValueError(f"sector must be a 1-based sector number in 1..{eq.J} (the input's order), got {sector!r}")
    j = int(sector) - 1
    is_eq = bool((eq.coordinated if coordinated else eq.uncoordinated)[j])
    if eq.exact_values is not None:
        r, s, _ = eq.exact_values
        wage = r[j] if coordinated else s[j]
        k = max((i for i in range(eq.J) if i != j), key=lambda i: (s[i], -i))
        best = s[k]
    else:
        wage = float((eq.wage_C if coordinated else eq.wage_U)[j])
        k = max((i for i in range(eq.J) if i != j), key=lambda i: (eq.wage_U[i], -i))
        best = float(eq.wage_U[k])
    own = f"w({j + 1},{'C' if coordinated else 'U'})"
    text = (f"its break-even wage w({k + 1},U) = {_number_text(best)} "
            f"{'exceeds' if best > wage else 'does not exceed'} South's wage {own} = {_number_text(wage)}")
    if is_eq and best > wage:  # float data: above, but within the tolerance
        text += f", by less than the relative tolerance {eq.rtol:g} (near the boundary: give exact data)"
    return eq, is_eq, _sector_text(eq, k + 1), text


def _sector_text(eq, sector: int) -> str:
    """``sector 3``, and its number in the paper's order when the input is in another order."""
    if eq.input_in_comparative_advantage_order:
        return f"sector {sector}"
    rank = eq.comparative_advantage_order.index(sector) + 1
    return f"sector {sector} (the paper's sector {rank}, numbering by comparative advantage)"


def assert_equilibrium(lambda_S, lambda_N, theta, sector: int, *, coordinated: bool = True,
                       rtol: float = DEFAULT_RTOL, err_msg: str = "") -> None:
    """Assert that South specialised in ``sector`` (1-based) is an equilibrium, E(sector, C) or E(sector, U).

    Exact inputs (ints, Fractions, ``"p/q"``) are decided exactly; floats within ``rtol``.

    >>> assert_equilibrium(["3", "2", "1"], [1, 1, 1], ["3/2", "4/3", 1], sector=2)   # (*) at equality
    >>> assert_equilibrium(["3", "2", "1"], [1, 1, 1], ["3/2", "4/3", 1], sector=3)
    Traceback (most recent call last):
    ...
    AssertionError: E(3,C) is not an equilibrium: a lone uncoordinated producer in sector 1 profits: its break-even wage w(1,U) = 2 exceeds South's wage w(3,C) = 1
    >>> assert_equilibrium(["3", "2"], [1, 3], ["3/2", 1], sector=2, coordinated=False)
    Traceback (most recent call last):
    ...
    AssertionError: E(2,U) is not an equilibrium: a lone uncoordinated producer in sector 1 profits: its break-even wage w(1,U) = 2 exceeds South's wage w(2,U) = 2/3 (~0.6666666667)
    """
    __tracebackhide__ = True
    _, is_eq, deviator, text = _equilibrium_case(lambda_S, lambda_N, theta, sector, coordinated, rtol)
    if not is_eq:
        label = f"E({sector},{'C' if coordinated else 'U'})"
        raise AssertionError(f"{err_msg + chr(10) if err_msg else ''}{label} is not an equilibrium: a lone "
                             f"uncoordinated producer in {deviator} profits: {text}")


def assert_not_equilibrium(lambda_S, lambda_N, theta, sector: int, *, coordinated: bool = True,
                           rtol: float = DEFAULT_RTOL, err_msg: str = "") -> None:
    """Assert that E(sector, C) (or E(sector, U)) is *not* an equilibrium.

    >>> assert_not_equilibrium([3.0, 2.0], [1.0, 1.0], [1.0, 1.0], sector=2)
    """
    __tracebackhide__ = True
    _, is_eq, deviator, text = _equilibrium_case(lambda_S, lambda_N, theta, sector, coordinated, rtol)
    if is_eq:
        label = f"E({sector},{'C' if coordinated else 'U'})"
        raise AssertionError(f"{err_msg + chr(10) if err_msg else ''}{label} is an equilibrium: no lone "
                             f"deviator profits (the best is in {deviator}: {text})")

