"""SMT-LIB text: exact numerals of any size and the applications the translator writes (z3 parses them).

>>> num(sp.Rational(-1, 3)), compare("!=", "r1", "0.0"), power_of("r1", 3)
('(- (/ 1.0 3.0))', '(not (= r1 0.0))', '(* r1 r1 r1)')
"""

from __future__ import annotations

import sympy as sp

from .errors import NotSupportedError

__all__ = ["Unsupported", "MAX_INTEGER_BITS", "decimal_digits", "num", "app", "sum_of", "product_of", "power_of",
           "all_of", "any_of", "implies", "negation", "ite", "int_literal", "compare", "script"]


class Unsupported(NotSupportedError):
    """A construct outside the table (the engine reports ``unknown`` naming it)."""


#: integers below 2**_STR_BITS (about 10**3913) print with str(); larger ones are split in halves
_STR_BITS = 13000
#: the largest integer a query may hold, in bits (about 10**100000): beyond it the claim is outside the engine
#: (printing and solving such numbers takes longer than any time limit)
MAX_INTEGER_BITS = 332_200


def decimal_digits(n: int) -> str:
    """The decimal digits of a non-negative integer of any size (Python's str() stops at 4300 digits).

    >>> decimal_digits(10**5000) == "1" + "0" * 5000
    True
    """
    if n.bit_length() > MAX_INTEGER_BITS:
        raise Unsupported(f"an integer of {n.bit_length():,} bits (the engine takes up to {MAX_INTEGER_BITS:,}, "
                          "about 100,000 digits)")
    return _digits(n)


def _digits(n: int) -> str:
    if n.bit_length() <= _STR_BITS:
        return str(n)
    half = int(n.bit_length() * 0.30103) // 2  # half the decimal digits: the recursion is log-deep
    high, low = divmod(n, 10**half)
    return _digits(high) + _digits(low).rjust(half, "0")


def num(q) -> str:
    """An exact real numeral in SMT-LIB: ``3.0``, ``(/ 1.0 3.0)``, ``(- (/ 1.0 3.0))``.

    >>> num(sp.Rational(-1, 3))
    '(- (/ 1.0 3.0))'
    """
    q = q if isinstance(q, sp.Rational) else sp.Rational(q)
    p, d = int(q.p), int(q.q)  # SymPy keeps q >= 1 and the sign on p
    text = decimal_digits(abs(p)) + ".0" if d == 1 else f"(/ {decimal_digits(abs(p))}.0 {decimal_digits(d)}.0)"
    return f"(- {text})" if p < 0 else text


def app(op: str, *args: str) -> str:
    return f"({op} {' '.join(args)})"


def sum_of(args):
    return args[0] if len(args) == 1 else app("+", *args)


def product_of(args):
    return args[0] if len(args) == 1 else app("*", *args)


def power_of(base: str, n: int) -> str:
    # written out up to a small degree (nlsat's favourite form); higher powers as (^ base n), so that the
    # text of x**(10**7) stays short and the time limit is the solver's, not the printer's
    if n <= 0:
        return "1.0"
    return product_of([base] * n) if n <= 16 else app("^", base, f"{n}.0")


def all_of(args):
    args = list(args)
    if not args:
        return "true"
    return args[0] if len(args) == 1 else app("and", *args)


def any_of(args):
    args = list(args)
    if not args:
        return "false"
    return args[0] if len(args) == 1 else app("or", *args)


def implies(a, b):
    return app("=>", a, b)


def negation(a):
    return app("not", a)


def ite(c, a, b):
    return app("ite", c, a, b)


def int_literal(n: int) -> str:
    return decimal_digits(n) if n >= 0 else f"(- {decimal_digits(-n)})"


def compare(op: str, a: str, b: str) -> str:
    if op == "!=":
        return negation(app("=", a, b))
    return app("=" if op == "==" else op, a, b)


def script(declarations: str, *assertion_groups) -> str:
    """An SMT-LIB script: the declarations, then one ``assert`` per term."""
    lines = [declarations]
    for group in assertion_groups:
        lines += [f"(assert {a})" for a in group]
    return "\n".join(lines)
