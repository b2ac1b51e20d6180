"""``coordfail economy FILE``: Section 7's economy with several active sectors, and what coordinating each is worth.

FILE is CSV with the columns ``sector,lambda_S,lambda_N,theta`` and an optional
``coordinated`` (0/1, default 0), or JSON ``{"lambda_S": [...], "lambda_N": [...],
"theta": [...], "sectors": [...], "coordinated": [...]}``.  Values are numbers or
exact rationals ``"p/q"``.  Each sector produces ``A_j L_j^beta`` (``--beta``,
default 1/2; ``--technology shifted`` for ``A_j((1 + L_j)^beta - 1)``, where
sectors can be inactive) and sells at Section 5's world price.  The output is the
equilibrium wage, GDP at world prices, the allocation, and the social return of
coordinating each uncoordinated sector, largest first.  ``--proposals OUT.csv
--cost C`` writes those returns as a proposals file for ``coordfail grants``.

This is the project's formalization of Section 7 (docs/model.md §9.1).  Bad input
gives a one-line error naming the field and the reason, exit status 2; FILE is
only read, and every file written is written whole or not at all.
"""

from __future__ import annotations

import csv
import io
import json
import math
import sys
import warnings
from fractions import Fraction
from pathlib import Path

from .cli import help_text, UsageError
from .datafile import exact_or_float, load_columns, write_atomically

__all__ = ["add_parser", "run", "proposals_csv"]

_TECHNOLOGIES = ("cobb-douglas", "shifted")


def add_parser(subparsers) -> None:
    p = subparsers.add_parser("economy", help="Section 7: equilibrium with several active sectors and the social "
                                              "return of coordinating each (JSON or CSV)",
                              description=help_text(__doc__))
    p.add_argument("file", metavar="FILE", help="CSV or JSON with lambda_S, lambda_N, theta (and coordinated) per sector")
    p.add_argument("--beta", default=None, metavar="B", help="labour share in each sector's technology, 0 < B < 1 "
                                                             "(default 1/2; 'p/q' is exact)")
    p.add_argument("--labour", default="1", metavar="L", help="South's labour force (default 1)")
    p.add_argument("--technology", choices=_TECHNOLOGIES, default="cobb-douglas",
                   help="A L^beta (default) or A((1 + L)^beta - 1), whose sectors can be inactive")
    p.add_argument("--gains", choices=("auto", "exact", "bounds"), default="auto",
                   help="how social returns are computed for a technology without a closed form (default auto)")
    p.add_argument("--top", type=int, default=20, metavar="N", help="sectors shown in the ranking (default 20)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--plot", metavar="OUT", default=None,
                   help="draw the gains by sector beside comparative advantage to OUT (.png or .pdf; no suffix: both)")
    p.add_argument("--proposals", metavar="OUT.csv", default=None,
                   help="write a proposals file (name,cost,social_return,private_return) for 'coordfail grants'")
    p.add_argument("--cost", default=None, metavar="C", help="with --proposals: the cost of each coordination proposal")
    p.add_argument("--private-share", default=None, metavar="F",
                   help="with --proposals: proposers capture this share of the social return (default: the change "
                        "in their sector's specific-factor income, from the model)")
    p.set_defaults(func=run)


def run(args) -> int:
    from numeric.economy import InputError, Technology, solve_economy

    if args.top < 1:
        raise UsageError(f"--top: must be a positive whole number, got {args.top}")
    if (args.cost is None) != (args.proposals is None):
        raise UsageError("--proposals and --cost go together: give both or neither")
    if args.private_share is not None and args.proposals is None:
        raise UsageError("--private-share needs --proposals")
    cost = share = None
    if args.cost is not None:
        cost = _positive("--cost", exact_or_float("--cost", args.cost))
    if args.private_share is not None:
        share = exact_or_float("--private-share", args.private_share)
        if not 0 <= _as_fraction(share) <= 1:
            raise UsageError(f"--private-share: must lie between 0 and 1, got {args.private_share}")
    _check_outputs(args)
    # decimals as written: theta = 1.000000000000001 is 1 + 10**-15, not the float's 1 + 1.11e-15
    data = load_columns(args.file, numbers=("lambda_S", "lambda_N", "theta"), optional_numbers=("coordinated",),
                        names="sector", name_aliases=("sectors",), exact_decimals=True)
    beta = "1/2" if args.beta is None else exact_or_float("--beta", args.beta)
    labour = exact_or_float("--labour", args.labour)
    try:
        technology = Technology.cobb_douglas(beta) if args.technology == "cobb-douglas" else Technology.shifted(beta)
        # overflow on the way is caught by the result's own checks (finite, first-order conditions): one line, not
        # a screen of NumPy warnings before it
        import numpy as np

        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore", RuntimeWarning)
            result = solve_economy(data["lambda_S"], data["lambda_N"], data["theta"], data.get("coordinated"),
                                   labour=labour, technology=technology, names=data.get("sector"), gains=args.gains)
    except (OverflowError, FloatingPointError) as exc:
        raise UsageError(f"{args.file}: the numbers are beyond floating-point range in this economy ({exc}); "
                         "rescale lambda_S, lambda_N or --labour, or take a --beta further from 1 (labour demand "
                         "grows like a power 1/(1 - beta))") from None
    except RuntimeError as exc:  # a root finder that did not converge: said in one line, not a traceback
        raise UsageError(f"{args.file}: the equilibrium could not be computed ({exc})") from None
    except InputError as exc:
        if exc.field in ("beta", "labour"):
            raise UsageError(f"--{exc.field}: {exc.reason}") from None
        raise UsageError(f"{args.file}: {exc}") from None
    if args.proposals and not result.ranking():
        raise UsageError("--proposals: every sector is already coordinated: there is no proposal to write")
    if args.proposals:
        write_atomically(args.proposals, proposals_csv(result, cost, share), inputs=[args.file])
    if args.plot:
        _plot(result, args.plot, args.file)
    if args.json:
        json.dump(result.as_dict(), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        _print(result, args)
    return 0


def _positive(option, value):
    if _as_fraction(value) <= 0:
        raise UsageError(f"{option}: must be positive, got {value}")
    return value


def _as_fraction(value) -> Fraction:
    return Fraction(value) if isinstance(value, (int, float)) else Fraction(str(value))


def _check_outputs(args) -> None:
    """Fail before any work (and before writing anything) when an output path is unusable."""
    for option, target in (("--proposals", args.proposals), ("--plot", args.plot)):
        if target is None:
            continue
        path = Path(target)
        if path.exists() and path.resolve() == Path(args.file).resolve():
            raise UsageError(f"{option}: {target} is the input file; it is never written")
        if not path.parent.is_dir():
            raise UsageError(f"{option}: the directory {path.parent} does not exist")
        if path.is_dir():
            raise UsageError(f"{option}: {target} is a directory")
    if args.plot and Path(args.plot).suffix not in ("", ".png", ".pdf"):
        raise UsageError(f"--plot: {args.plot} must end in .png or .pdf (or have no suffix for both)")


def proposals_csv(result, cost, private_share=None) -> str:
    """A proposals file: one coordination proposal per uncoordinated sector, its social return from the model.

    ``private_return`` is the change in the sector's specific-factor income (what the
    cluster's own factor owners capture), or ``private_share`` times the social return.
    Where the economy bounded the returns rather than computing them (a large economy),
    two more columns keep each bound: ``social_return_error_bound`` and
    ``private_return_error_bound`` (``coordfail grants`` reads them).
    """
    out = io.StringIO()
    rows = csv.writer(out, lineterminator="\n")  # quoted as CSV quotes: a name is written as it is
    # returns bounded rather than computed exactly (large economies) keep their bounds: nothing is lost
    ranked = result.ranking()
    bounded = bool(ranked) and all(0 <= float(result.gain_error_bound[j]) < math.inf for j in ranked) \
        and any(float(result.gain_error_bound[j]) > 0 for j in ranked)  # re-solved in floats: no bound to keep
    rows.writerow(["name", "cost", "social_return", "private_return"]
                  + (["social_return_error_bound", "private_return_error_bound"] if bounded else []))
    cost_text = str(cost)
    for j in ranked:
        gain = float(result.coordination_gain[j])
        if private_share is None:
            captured = min(max(float(result.private_gain[j]), 0.0), max(gain, 0.0))
            # min(private, social): within the larger of the two bounds of its arguments
            captured_bound = max(result.private_gain_error_bound[j], result.gain_error_bound[j])
        else:
            share = float(_as_fraction(private_share))
            captured, captured_bound = share * max(gain, 0.0), share * result.gain_error_bound[j]
        bounds = [_bound_cell(result.gain_error_bound[j]), _bound_cell(captured_bound)] if bounded else []
        rows.writerow([result.name(j), cost_text, repr(max(gain, 0.0)), repr(captured)] + bounds)
    return out.getvalue()


def _bound_cell(bound) -> str:
    """An error bound as a cell (rounded up: still a bound)."""
    return repr(math.nextafter(float(bound), math.inf))


def _print(result, args) -> None:
    active = int(result.active.sum())
    print(f"{result.J} sectors, {active} active; {result.technology.name}; labour L = {result.total_labour:g}")
    print(f"wage w = {result.wage:.10g}; GDP at world prices Y = {result.gdp:.10g}")
    uncoordinated = len(result.ranking())
    if uncoordinated:
        print(f"Social return of coordinating each uncoordinated sector ({result.gain_method}), largest first"
              + (f" (top {args.top} of {uncoordinated})" if uncoordinated > args.top else "") + ":")
        print(result.table(limit=args.top))
        print("'captured' is the change in the sector's specific-factor income: the part of the social return the "
              "sector's own factor owners receive.")
    else:
        print("Every sector is already coordinated.")
    print("This economy is the project's formalization of Section 7 (docs/model.md §9.1).")
    if args.proposals:
        print(f"Wrote {uncoordinated} coordination proposals to {args.proposals}.")


def _plot(result, out: str, source: str) -> None:
    from .figures import plot_economy, save_figure

    try:
        name = Path(source).name.replace("$", r"\$")  # matplotlib reads $...$ as mathematics
        save_figure(plot_economy(result, title=f"Social return of coordination, {name}"), Path(out))
    except OSError as exc:
        raise UsageError(f"--plot: cannot write {out}: {exc.strerror or exc}") from None
