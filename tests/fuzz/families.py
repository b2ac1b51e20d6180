"""The families of fuzzed claims, their weights, and the seeded stream :func:`generate_claim`.

=================  ==========================================================================
family             what it generates
=================  ==========================================================================
polynomial         a random polynomial relation under assumptions that hold at an anchor
rational           a rational function against a constant or a polynomial
boolean            And/Or/Implies/Not of random relations
contradictory      assumption sets with no admissible point (known: vacuous)
boundary           sums of squares vanishing at an admissible anchor (known answers)
inequality         AM-GM, Cauchy-Schwarz, Nesbitt, Schur... weak, strict, reversed (known)
constructed        claims false at a chosen point, transitivity, monotone powers (known)
piecewise          Abs, Min, Max: the triangle inequality and friends (known)
removable          ``expand(p*q)/q = p`` with ``q`` vanishing at an admissible point
cancelled          the same fraction on both sides, undefined where its denominator vanishes
homonyms           distinct symbols sharing a name (other assumptions, or Dummy)
assumption_kinds   rational, irrational, integer, integer=False, even, odd, prime, composite,
                   zero=False, positive=False, nonnegative=False, nonzero, mixtures
names              adversarial symbol names (``atom!0``, ``r1``, ``and``, unicode...), each
                   with a twin under plain names that must get the same definite verdict
functions          the table's functions: exp, log, sin, cos, atan, asin, acos, sinh, cosh,
                   tanh, acosh, atanh, floor, ceiling, frac, Mod, Abs, sign, Min, Max,
                   Piecewise with and without a default, real powers, constants
outside            constructs outside the table (gamma, factorial, LambertW, tan, zeta,
                   Heaviside, erf, non-real numbers...): unknown, naming the construct
roots              sqrt, cbrt, root(x, n), x**(p/q), nested and composed roots
floats             0.1, 2.675, 1e-300, Float("0.1", 50), Float(0.1, 30): the documented reading
malformed          Eq/Ne between relations, ITE, Xor, Equivalent, Nand, Nor, truth values
                   compared with numbers
high_degree        high-degree polynomials under short time limits (answers within
                   max(1 s, 20 %) of the limit)
constants          zeros SymPy cannot see (sin(1)**2 + cos(1)**2 - 1) and numbers very close
                   to zero, as denominators, coefficients and in relations
identities         transcendental and piecewise identities, and near misses
abstract           abstract functions f(x), g(x, y) and derivatives: congruence, and nothing more
=================  ==========================================================================

>>> a = generate_claim(7, 3); b = generate_claim(7, 3)
>>> a == b and a.family in DEFAULT_FAMILIES
True
>>> generate_claim(7, 3, families=["boundary"]).family
'boundary'
"""

from __future__ import annotations

import random
from typing import Callable, Sequence

from .claim import FuzzClaim
from .family_algebra import (fam_boolean, fam_boundary, fam_cancelled, fam_constructed, fam_contradictory,
                             fam_inequality, fam_piecewise, fam_polynomial, fam_rational, fam_removable)
from .family_constants import fam_constants, fam_identities
from .family_functions import fam_abstract, fam_floats, fam_functions, fam_outside, fam_roots
from .family_logic import fam_high_degree, fam_malformed
from .family_symbols import fam_assumption_kinds, fam_homonyms, fam_names

__all__ = ["FAMILIES", "DEFAULT_FAMILIES", "ENGINE_BUGS", "generate_claim"]

#: family name -> (generator, weight in the default mix)
FAMILIES: dict[str, tuple[Callable, int]] = {
    "polynomial": (fam_polynomial, 14),
    "rational": (fam_rational, 8),
    "boolean": (fam_boolean, 12),
    "contradictory": (fam_contradictory, 7),
    "boundary": (fam_boundary, 10),
    "inequality": (fam_inequality, 10),
    "constructed": (fam_constructed, 10),
    "piecewise": (fam_piecewise, 5),
    "removable": (fam_removable, 1),
    "cancelled": (fam_cancelled, 2),
    "homonyms": (fam_homonyms, 3),
    "assumption_kinds": (fam_assumption_kinds, 10),
    "names": (fam_names, 6),
    "functions": (fam_functions, 12),
    "outside": (fam_outside, 4),
    "roots": (fam_roots, 8),
    "floats": (fam_floats, 6),
    "malformed": (fam_malformed, 6),
    "high_degree": (fam_high_degree, 1),
    "constants": (fam_constants, 4),
    "identities": (fam_identities, 4),
    "abstract": (fam_abstract, 2),
}
#: the default mix: every family with a positive weight
DEFAULT_FAMILIES = tuple(f for f, (_, w) in FAMILIES.items() if w > 0)

#: families that exposed engine bugs the fuzzer found (all fixed); they stay in the default mix and in
#: regression tests so that the bugs cannot come back
ENGINE_BUGS: dict[str, str] = {
    "homonyms": "the z3 translation identified symbols by name: two different SymPy symbols named 'x' "
                "(other assumptions, or Dummy) became one z3 variable, and false claims were proved",
    "removable": "the sympy-identity route proved an equation after z3 reported it undefined somewhere the "
                 "assumptions hold (a vanishing denominator)",
    "cancelled": "domain conditions were collected from lhs - rhs after SymPy cancelled a fraction that "
                 "appears on both sides, so a claim undefined at admissible points was decided",
}


def generate_claim(seed: int, index: int, families: Sequence[str] | None = None) -> FuzzClaim:
    """Claim ``index`` of the stream ``seed`` (the same arguments always give the same claim).

    ``families`` restricts the mix (equal weights among those named); the
    default is :data:`DEFAULT_FAMILIES` with their weights.
    """
    rng = random.Random(f"coordfail-fuzz/{seed}/{index}")
    if families is None:
        names = list(DEFAULT_FAMILIES)
        weights = [FAMILIES[f][1] for f in names]
    else:
        names = list(families)
        unknown = [f for f in names if f not in FAMILIES]
        if unknown or not names:
            raise ValueError(f"families must name some of {', '.join(FAMILIES)}; got {families!r}")
        weights = [1] * len(names)
    family = rng.choices(names, weights=weights)[0]
    for attempt in range(8):
        try:
            return FAMILIES[family][0](rng, seed, index)
        except (TypeError, ValueError):  # SymPy refused a random construction: draw again, deterministically
            rng = random.Random(f"coordfail-fuzz/{seed}/{index}/retry{attempt}")
    raise RuntimeError(f"family {family} could not build claim {index} of stream {seed}")
