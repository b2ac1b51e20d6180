"""``coordfail equilibria FILE``: the Section 5 equilibria of an economy given as data.

FILE is JSON ``{"lambda_S": [...], "lambda_N": [...], "theta": [...], "sectors": [...]}``
(``sectors`` optional) or comma-separated CSV with the columns
``sector,lambda_S,lambda_N,theta`` in any case and order (``sector``
optional).  Values are numbers or exact rationals ``"p/q"`` (strings in JSON;
in CSV a cell ``p/q`` or an integer is exact, a decimal is measured data,
decided with a relative tolerance).  With every value exact, the equilibria are
decided exactly; numbers beyond the range of floats (``1e400``, a 500-digit
integer beside decimals) are decided in exact rational arithmetic.  Sector names
must be unique.  A1 and A2 are checked with the sectors in comparative-advantage
order, whatever their order in FILE.

Bad input gives a one-line error naming the field and the reason (exit status
2); the file is only read.

Importing this command needs neither SymPy nor z3 (matplotlib only with
``--plot``): it starts about as fast as NumPy (``benchmarks/cli_startup.py``).
"""

from __future__ import annotations

import json
import math
import os
import re
import sys

from .cli import HELP_FORMAT, UsageError, help_text
from .datafile import MAX_DIGITS, check_delimiter, csv_rows, exact_text, json_cell, read_decimal, unique_keys

__all__ = ["add_parser", "run", "load_economy"]

_KEYS = ("lambda_S", "lambda_N", "theta")
_OPTIONAL = ("sectors",)
_CSV_COLUMNS = ("sector",) + _KEYS
#: a decimal cell: a plain decimal or scientific literal (no nan/inf, no underscores), read exactly as a Decimal;
#: possessive quantifiers keep the match linear in the length of the cell
# re.ASCII: \d is 0-9, not every Unicode digit (Arabic-Indic three is no number here)
_FLOAT = re.compile(r"[+-]?(?:\d++(?:\.\d*+)?|\.\d++)(?:[eE][+-]?\d++)?", re.ASCII)
#: an exact cell: an integer or p/q (at most MAX_DIGITS digits a side: exact_text checks)
_EXACT = re.compile(r"[+-]?\d++(?:/\d++)?", re.ASCII)
#: the longest number read: MAX_DIGITS digits on each side of a '/' or '.', a sign and an exponent
_MAX_NUMBER_CHARS = 2 * MAX_DIGITS + 20
_MAX_BYTES = 200 * 1024 * 1024


def add_parser(subparsers) -> None:
    p = subparsers.add_parser("equilibria", help="enumerate the Section 5 equilibria of an economy (JSON or CSV)",
                              description=help_text(__doc__, paragraphs=3), formatter_class=HELP_FORMAT)
    p.add_argument("file", metavar="FILE", help="JSON or CSV file with lambda_S, lambda_N, theta per sector")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--rtol", type=float, default=None, metavar="R",
                   help="relative tolerance of float data (default 1e-9); exact data ignores it")
    p.add_argument("--plot", metavar="OUT", default=None,
                   help="also draw the wages by sector to OUT (.png or .pdf; no suffix: both)")
    p.set_defaults(func=run)


def run(args) -> int:
    from numeric.equilibria import DEFAULT_RTOL, EXACT_BELOW_RTOL, InputError, equilibria

    data = load_economy(args.file)
    rtol = DEFAULT_RTOL if args.rtol is None else args.rtol
    if not (math.isfinite(rtol) and 0 <= rtol < 1):
        raise UsageError(f"--rtol: must be a number in [0, 1), got {args.rtol}")
    try:
        result = equilibria(data["lambda_S"], data["lambda_N"], data["theta"], names=data.get("sectors"), rtol=rtol)
    except InputError as exc:
        raise UsageError(f"{args.file}: {exc}") from None
    if args.plot:
        _plot(result, args.plot, args.file)
    if args.json:
        # allow_nan=False: a non-finite number would be a bug, never the JSON tokens Infinity or NaN
        sys.stdout.write(json.dumps(result.as_dict(), indent=2, allow_nan=False) + "\n")
    else:
        mode = {"exact": "exact arithmetic",
                "float": f"floats, relative tolerance {result.rtol:g}",
                "rational": ("no tolerance: exact rational arithmetic on the data's exact values" if result.rtol == 0
                             else "a tolerance finer than float rounding: exact rational arithmetic, relative "
                                  f"tolerance {result.rtol:g}" if result.rtol < EXACT_BELOW_RTOL
                             else "beyond the float range: exact rational arithmetic, relative tolerance "
                                  f"{result.rtol:g}"),
                }[result.arithmetic]
        print(f"{result.J} sectors ({mode}); {len(result)} equilibria, highest wage first:")
        print(result.table())
        print(result.assumptions_text())
        print(result.reading())
    return 0


# -- reading the file ---------------------------------------------------------------

def load_economy(path: str) -> dict:
    """Read and validate the structure of FILE; values are checked by :func:`numeric.equilibria`."""
    text = _read(path)
    stripped = text.lstrip()
    if path.lower().endswith(".json") or stripped.startswith("{") or stripped.startswith("["):
        return _from_json(path, text)
    return _from_csv(path, text)


def _read(path: str) -> str:
    if not os.path.exists(path):
        raise UsageError(f"{path}: no such file")
    if os.path.isdir(path):
        raise UsageError(f"{path}: is a directory, not a file")
    try:
        size = os.path.getsize(path)
        if size > _MAX_BYTES:
            raise UsageError(f"{path}: file too large ({size} bytes; the limit is {_MAX_BYTES})")
        with open(path, "r", encoding="utf-8-sig", newline="") as fh:  # read only, never written
            return fh.read()
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot read ({exc.strerror or exc})") from None


def _from_json(path: str, text: str) -> dict:
    try:
        # decimals are kept as the decimals they are (1e400 is 10**400, not inf); NaN/Infinity are refused below
        doc = json.loads(text, parse_float=_json_decimal, parse_int=_json_int, object_pairs_hook=unique_keys)
    except UsageError as exc:  # a number too long, from the hooks above
        raise UsageError(f"{path}: {exc}") from None
    except ValueError as exc:
        msg = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
        where = f" (line {exc.lineno}, column {exc.colno})" if isinstance(exc, json.JSONDecodeError) else ""
        raise UsageError(f"{path}: malformed JSON: {msg}{where}") from None
    except RecursionError:
        raise UsageError(f"{path}: malformed JSON: nested too deeply (the document is a flat object of lists)") \
            from None
    if not isinstance(doc, dict):
        raise UsageError(f"{path}: the JSON document must be an object with keys {', '.join(_KEYS)}")
    unknown = sorted(set(doc) - set(_KEYS) - set(_OPTIONAL))
    if unknown:
        raise UsageError(f"{path}: unknown key {unknown[0]!r} (allowed: {', '.join(_KEYS + _OPTIONAL)})")
    for key in _KEYS:
        if key not in doc:
            raise UsageError(f"{path}: missing key {key!r}")
    out = {}
    for key in _KEYS:
        values = doc[key]
        if not isinstance(values, list):
            raise UsageError(f"{path}: {key}: must be a list of numbers, got {type(values).__name__}")
        out[key] = [json_cell(path, key, i, v) for i, v in enumerate(values)]
    if "sectors" in doc and doc["sectors"] is not None:
        names = doc["sectors"]
        if not isinstance(names, list):
            raise UsageError(f"{path}: sectors: must be a list of names, got {type(names).__name__}")
        for i, n in enumerate(names):
            if not isinstance(n, str):
                raise UsageError(f"{path}: sectors[{i}]: a sector name must be a string, got {json.dumps(n)}")
        out["sectors"] = names
    return out


def _json_decimal(text: str):
    if len(text) > _MAX_NUMBER_CHARS:
        raise UsageError(f"a number of {len(text)} characters (numbers have up to {MAX_DIGITS} digits)")
    return read_decimal("a number", text)


def _json_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise UsageError(f"an integer with {len(text.lstrip('-'))} digits (the limit is {MAX_DIGITS})")
    return int(text)


def _from_csv(path: str, text: str) -> dict:
    if not text.strip():
        raise UsageError(f"{path}: empty file: give a header sector,lambda_S,lambda_N,theta and one row per sector")
    rows, lines = csv_rows(path, text)
    if not rows:
        raise UsageError(f"{path}: every cell is blank: give a header sector,lambda_S,lambda_N,theta and one row "
                         "per sector")
    check_delimiter(path, rows[0], ("sector", "lambda_S", "lambda_N", "theta"))
    # the header is case-insensitive: Lambda_S, LAMBDA_S and lambda_s all name lambda_S
    canonical = {c.casefold(): c for c in _CSV_COLUMNS}
    given = [h.strip() for h in rows[0]]
    unknown = [h for h in given if h.casefold() not in canonical]
    if unknown:
        raise UsageError(f"{path}: unknown column {unknown[0]!r} (allowed, in any case: {', '.join(_CSV_COLUMNS)})")
    header = [canonical[h.casefold()] for h in given]
    if len(set(header)) != len(header):
        twice = next(c for c in header if header.count(c) > 1)
        first, second = [g for g, c in zip(given, header) if c == twice][:2]
        same = "appears twice" if first == second else f"and {second!r} both name {twice}"
        raise UsageError(f"{path}: column {first!r} {same} (column names are case-insensitive)")
    for key in _KEYS:
        if key not in header:
            raise UsageError(f"{path}: missing column {key!r} (the header must name {', '.join(_KEYS)})")
    out = {key: [] for key in _KEYS}
    names = [] if "sector" in header else None
    for i, (line, row) in enumerate(zip(lines[1:], rows[1:])):
        if len(row) != len(header):
            hint = " (a decimal comma? write decimals with a point: 1.5, not 1,5)" if len(row) > len(header) else ""
            raise UsageError(f"{path}: line {line} (entry [{i}]): {len(row)} cells for {len(header)} columns{hint}")
        cells = dict(zip(header, (c.strip() for c in row)))
        for key in _KEYS:
            out[key].append(_csv_value(f"{path}: line {line}", key, i, cells[key]))
        if names is not None:
            names.append(cells["sector"])
    if not out["lambda_S"]:
        raise UsageError(f"{path}: lambda_S: empty input: the model needs at least 2 sectors")
    if names is not None:
        out["sectors"] = names
    return out


def _csv_value(path, key, i, cell):
    where = f"{path}: {key}[{i}]"
    if len(cell) > _MAX_NUMBER_CHARS:
        raise UsageError(f"{where}: a cell of {len(cell)} characters (numbers have up to {MAX_DIGITS} digits)")
    if _EXACT.fullmatch(cell):
        return exact_text(where, cell)
    if _FLOAT.fullmatch(cell):
        return read_decimal(where, cell)  # the decimal it is: 1e400 is 10**400 (numeric.equilibria decides beyond floats)
    what = "empty" if not cell else repr(cell[:40] + ("..." if len(cell) > 40 else ""))
    raise UsageError(f"{where}: {what} is not a number or an exact rational 'p/q'")


def _plot(result, out: str, source: str) -> None:
    from pathlib import Path

    from .figures import plot_equilibria, save_figure

    target = Path(out)
    if target.suffix not in ("", ".png", ".pdf"):
        raise UsageError(f"--plot: {out} must end in .png or .pdf (or have no suffix for both)")
    if target.resolve() == Path(source).resolve():
        raise UsageError(f"--plot: {out} is the input file; it is never written")
    if not target.parent.is_dir():
        raise UsageError(f"--plot: the directory {target.parent} does not exist")
    try:
        save_figure(plot_equilibria(result, title=f"Equilibrium wages, {Path(source).name}"), target)
    except OSError as exc:
        raise UsageError(f"--plot: cannot write {out}: {exc.strerror or exc}") from None
