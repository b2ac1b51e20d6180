"""``coordfail grants FILE --budget B``: a competitive matching-grant round, optimal and by the paper's rules.

FILE is CSV with the columns ``name,cost,social_return,private_return`` or JSON
``{"name": [...], "cost": [...], "social_return": [...], "private_return": [...]}``.
Values are numbers or exact rationals ``"p/q"``; rows may come in any order.
Each proposal gets the smallest public share that gets it undertaken,
``s* = max(0, 1 - private_return/cost)``; the selection that maximises total net
social return ``sum (social_return - cost)`` with public money at most B is a
0/1 knapsack, solved and proved optimal in exact arithmetic -- or, past
``--timeout``, the best selection found, said not to be proved optimal; beside
it, what the paper's ranking rules (by net return, by net return per unit of
public money) would fund and how far they fall short.  A decimal in FILE or
``--budget`` is the decimal written (0.1 + 0.2 is 0.3 exactly), shown rounded
unless a value lies beyond or below the range of floats.

This is the project's formalization of Section 7 (docs/model.md §9.2).  Bad input
gives a one-line error naming the field and the reason, exit status 2; FILE is
only read.
"""

from __future__ import annotations

import json
import math
import sys
from fractions import Fraction

from .cli import help_text, positive_seconds, UsageError
from .datafile import exact_or_float, load_columns

__all__ = ["add_parser", "run"]

_COLUMNS = ("cost", "social_return", "private_return")
#: optional: how far each return may lie from the value written (``coordfail economy --proposals`` writes them
#: where it bounded the returns rather than computing them)
_BOUNDS = ("social_return_error_bound", "private_return_error_bound")


def add_parser(subparsers) -> None:
    p = subparsers.add_parser("grants", help="Section 7: choose among proposals for a matching-grant round under a "
                                             "budget (JSON or CSV)", description=help_text(__doc__))
    p.add_argument("file", metavar="FILE", help="CSV or JSON with name, cost, social_return, private_return")
    p.add_argument("--budget", required=True, metavar="B", help="public money available ('p/q' is exact)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--top", type=int, default=30, metavar="N", help="proposals listed (default 30)")
    p.add_argument("--timeout", type=positive_seconds, default=60.0, metavar="SECONDS",
                   help="time to find and prove the optimal selection (default 60); past it, the best selection "
                        "found is reported as not proved optimal")
    p.set_defaults(func=run)


def run(args) -> int:
    from numeric.grants import InputError, grant_round

    if args.top < 1:
        raise UsageError(f"--top: must be a positive whole number, got {args.top}")
    # a decimal is the decimal written: costs 0.1 and 0.2 fit a budget of 0.3
    budget = exact_or_float("--budget", args.budget, exact_decimals=True)
    data = load_columns(args.file, numbers=_COLUMNS, optional_numbers=_BOUNDS, names="name", exact_decimals=True)
    if "name" not in data:
        raise UsageError(f"{args.file}: missing column 'name' (each proposal needs a name)")
    uncertain = _within_bounds(args.file, data)  # bad bounds are refused before the knapsack is solved
    try:
        result = grant_round(data["name"], data["cost"], data["social_return"], data["private_return"], budget,
                             time_limit=args.timeout)
    except (OverflowError, FloatingPointError) as exc:
        raise UsageError(f"{args.file}: the numbers are beyond floating-point range ({exc}); rescale them or "
                         "write them exactly as integers or 'p/q'") from None
    except InputError as exc:
        if exc.field == "budget":
            raise UsageError(f"--budget: {exc.reason}") from None
        raise UsageError(f"{args.file}: {exc}") from None
    if args.json:
        doc = result.as_dict()
        if uncertain is not None:
            doc["error_bounds"] = uncertain
        json.dump(doc, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    mode = "exact arithmetic" if result.exact else "decimals read as written and computed with exactly, shown rounded"
    print(f"{len(result.names)} proposals, {len(result.eligible)} with social return >= cost; budget "
          f"{_fmt(result.budget)} ({mode})")
    if result.certified_optimal:
        print(f"Optimal selection ({result.solver}):")
    else:
        bound = _bound_above(result.lp_bound, result.total_net_return)
        print(f"Best selection found, NOT proved optimal ({result.solver}; no selection is worth more than {bound}):")
    shown = ", ".join(result.selected[:args.top]) or "(none)"
    more = len(result.selected) - args.top
    print(f"  {shown}" + (f", and {more:,} more (--top N shows more; --json lists all)" if more > 0 else ""))
    print(f"  total net social return {_fmt(result.total_net_return)}, public money {_fmt(result.public_spending)}")
    print(result.table(limit=args.top))
    print("The paper's ranking rules on the same proposals (fund down the ranking while the budget allows):")
    best = "optimum" if result.certified_optimal else "best selection found"
    for rule in result.rules.values():
        print(f"  by {rule.rule}: total {_fmt(rule.total_net_return)}, public money {_fmt(rule.public_spending)}; "
              f"short of the {best} by {_fmt(rule.shortfall)} ({100 * rule.shortfall_share:.3g}%)")
    if uncertain is not None:
        names = uncertain["eligibility_uncertain"]
        print(f"The returns carry error bounds (social up to {uncertain['largest_social']}, private up to "
              f"{uncertain['largest_private']}): the selection is optimal for the values written; "
              + (f"{len(names)} proposal(s) lie within their bound of eligibility (social return = cost), so "
                 f"whether they are eligible is not known: {', '.join(names[:args.top])}"
                 + (", ..." if len(names) > args.top else "") if names else
                 "no proposal's eligibility (social return >= cost) changes within the bounds") + ".")
    print("This grant round is the project's formalization of Section 7 (docs/model.md §9.2).")
    return 0


def _within_bounds(path: str, data: dict) -> dict | None:
    """Where the file gives error bounds: the largest of each, and the proposals whose eligibility (social
    return >= cost) the bounds leave open; ``None`` without bounds."""
    if not any(key in data for key in _BOUNDS):
        return None
    n = len(data["cost"])
    social, private = (data.get(key, [0] * n) for key in _BOUNDS)
    for key in _BOUNDS:
        for i, b in enumerate(data.get(key, ())):
            if Fraction(b) < 0:
                raise UsageError(f"{path}: {key}[{i}]: an error bound must be >= 0, got {b}")
    open_ = [name for name, c, r, b in zip(data["name"], data["cost"], data["social_return"], social)
             if abs(Fraction(r) - Fraction(c)) <= Fraction(b)]
    return {"largest_social": _fmt(max(social, key=Fraction, default=0)),  # as written (a decimal stays one)
            "largest_private": _fmt(max(private, key=Fraction, default=0)),
            "eligibility_uncertain": sorted(open_)}


def _bound_above(bound, total) -> str:
    """An upper bound for the text: rounded up (still a bound) to the fewest digits that show it above ``total``,
    the selection it bounds (``5e+14`` printed above a total of 500000024148516 read as less).

    >>> _bound_above(Fraction(5000000515575628, 10), 500000024148516), _bound_above(Fraction(7, 3), 1)
    ('500001000000000', '2.33334')
    """
    b, t = Fraction(bound), Fraction(total)
    if b <= 0:
        return _fmt(bound)
    for digits in range(6, 40):
        place = math.floor(math.log10(b)) - digits + 1
        up = math.ceil(b / Fraction(10) ** place) * Fraction(10) ** place
        if up > t:
            break
    if place >= 0:
        return str(int(up))
    n, d = int(up * 10 ** -place), -place  # exact: up is a whole number of steps
    return f"{n // 10 ** d}.{n % 10 ** d:0{d}d}"


def _fmt(x) -> str:
    from numeric.grants import short_number

    return short_number(x)
