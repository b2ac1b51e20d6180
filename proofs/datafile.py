"""Reading column data (CSV or JSON) for the command line, with the conventions of ``coordfail equilibria``.

A file is JSON -- an object of equally long lists, ``{"cost": [...], ...}`` --
or CSV with a header row.  Values are numbers or exact rationals ``"p/q"``
(strings in JSON; in CSV a cell ``p/q`` or an integer is exact, a decimal is a
float, or with ``exact_decimals`` the :class:`~decimal.Decimal` it is); name columns are strings.  Rows may come in any order.  Every problem
is a :class:`~proofs.cli.UsageError` naming the file, the field and the reason
(one line, exit status 2); nothing is ever evaluated, and the file is only read.

>>> import tempfile, os
>>> with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as fh:
...     _ = fh.write("name,cost\\nA,3/2\\nB,0.5\\n")
>>> load_columns(fh.name, numbers=("cost",), names="name")
{'cost': ['3/2', 0.5], 'name': ['A', 'B']}
>>> os.remove(fh.name)
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Sequence

from .cli import UsageError
from .files import atomic_write

__all__ = ["load_columns", "write_atomically", "exact_or_float", "exact_text", "read_decimal", "unique_keys",
           "check_delimiter", "csv_rows", "json_cell", "shown", "MAX_BYTES", "MAX_DIGITS"]

#: a CSV float cell: a plain decimal or scientific literal (no nan/inf, no underscores)
# re.ASCII: \d is 0-9, not every Unicode digit (Arabic-Indic three is no number here)
_FLOAT = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)
_EXACT = re.compile(r"[+-]?\d+(?:/\d+)?", re.ASCII)
MAX_BYTES = 200 * 1024 * 1024
#: digits of an exact integer, or of each side of a 'p/q' (Python refuses to read longer ones as int)
MAX_DIGITS = 4000


def shown(text: str, limit: int = 40) -> str:
    """``text`` quoted for an error message, a long one cut (a 5,000-digit number is not echoed whole)."""
    return repr(text) if len(text) <= limit else f"{text[:limit // 2]!r}... ({len(text):,} characters)"


def exact_text(where: str, text: str) -> str:
    """An exact integer or ``p/q`` cell as written (stripped), once checked: at most :data:`MAX_DIGITS` digits
    a side (read before any ``int``, which refuses 4,300 digits with a traceback), no zero denominator."""
    text = text.strip()
    num, _, den = text.partition("/")
    longest = max(len(num.lstrip("+-")), len(den))
    if longest > MAX_DIGITS:
        raise UsageError(f"{where}: an exact number with {longest:,} digits (at most {MAX_DIGITS:,} on each side "
                         "of '/')")
    if den and not den.strip("0"):
        raise UsageError(f"{where}: {shown(text)} has a zero denominator")
    return text


def _float_text(where: str, text: str) -> float:
    """A decimal cell as a float: refused beyond the float range either way (1e400 is not inf, 1e-400 not 0)."""
    value = float(text)
    if not math.isfinite(value):
        raise UsageError(f"{where}: {shown(text)} is beyond the floating-point range; write it as an integer or "
                         "'p/q'")
    if value == 0 and any(c in "123456789" for c in text.lower().split("e")[0]):
        raise UsageError(f"{where}: {shown(text)} is below the floating-point range (it would be read as 0); "
                         "write it as 'p/q'")
    return value


def load_columns(path: str, *, numbers: Sequence[str], optional_numbers: Sequence[str] = (),
                 names: str | None = None, name_aliases: Sequence[str] = (), exact_decimals: bool = False) -> dict:
    """The columns of FILE: ``numbers`` required, ``optional_numbers`` and the ``names`` column optional.

    ``name_aliases`` are other accepted spellings of the names column (e.g.
    ``sectors`` in JSON); the result always uses ``names``.  ``exact_decimals``:
    a decimal (``0.1`` in CSV or JSON) is the :class:`~decimal.Decimal` written,
    not the nearest float (where a sum must meet a bound exactly: ``0.1 + 0.2 = 0.3``).
    """
    text = _read(path)
    stripped = text.lstrip()
    if path.lower().endswith(".json") or stripped.startswith("{") or stripped.startswith("["):
        return _from_json(path, text, tuple(numbers), tuple(optional_numbers), names, tuple(name_aliases),
                          exact_decimals)
    return _from_csv(path, text, tuple(numbers), tuple(optional_numbers), names, tuple(name_aliases),
                     exact_decimals)


def _read(path: str) -> str:
    if not os.path.exists(path):
        raise UsageError(f"{path}: no such file")
    if os.path.isdir(path):
        raise UsageError(f"{path}: is a directory, not a file")
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise UsageError(f"{path}: file too large ({size} bytes; the limit is {MAX_BYTES})")
        with open(path, "rb") as fh:  # read only, never written; bounded (a pipe or device has no size)
            data = fh.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise UsageError(f"{path}: input too large (more than {MAX_BYTES} bytes)")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot read ({exc.strerror or exc})") from None


def _check_names(path: str, key: str, values: Sequence[str]) -> None:
    """Names identify rows in the output (JSON keys, tables): each one line, non-empty, used once."""
    seen: dict[str, int] = {}
    for i, n in enumerate(values):
        if not n.strip():
            raise UsageError(f"{path}: {key}[{i}]: empty name")
        if any(ord(c) < 32 or ord(c) == 127 for c in n):
            raise UsageError(f"{path}: {key}[{i}]: a name must be one line of printable text, got {n!r}")
        same = unicodedata.normalize("NFC", n.strip()).casefold()  # "a " and "a", "café" composed or not: one name
        if same in seen:
            first = values[seen[same]]
            alike = "" if first == n else f" as {first!r} (the same once surrounding spaces, case and Unicode composition are set aside)"
            raise UsageError(f"{path}: {key}[{i}]: {n!r} appears twice{alike} (also {key}[{seen[same]}])")
        seen[same] = i


def unique_keys(pairs: list) -> dict:
    """A JSON object's pairs as a dict, refusing a key given twice (``json`` silently keeps the last)."""
    out: dict = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"the key {key!r} appears twice in one object")
        out[key] = value
    return out


def read_decimal(where: str, text: str) -> Decimal:
    """The decimal ``text`` is, exactly; an exponent beyond what :class:`~decimal.Decimal` holds
    (``1e99999999999999999999``) is bad input, not a traceback."""
    try:
        return Decimal(text)
    except ArithmeticError:
        raise UsageError(f"{where}: {text[:40]} is out of range") from None


def _from_json(path, text, numbers, optional, names, aliases, exact_decimals=False) -> dict:
    def decimal(t: str) -> Decimal:
        return read_decimal("a number", t)

    try:
        # NaN/Infinity parse to floats and are rejected below
        doc = json.loads(text, object_pairs_hook=unique_keys, parse_float=decimal if exact_decimals else float)
    except UsageError as exc:  # a number out of range, from the hook above
        raise UsageError(f"{path}: {exc}") from None
    except ValueError as exc:
        msg = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
        where = f" (line {exc.lineno}, column {exc.colno})" if isinstance(exc, json.JSONDecodeError) else ""
        raise UsageError(f"{path}: malformed JSON: {msg}{where}") from None
    except RecursionError:
        raise UsageError(f"{path}: malformed JSON: nested too deeply (the document is a flat object of lists)") \
            from None
    allowed = numbers + optional + ((names,) + aliases if names else ())
    if not isinstance(doc, dict):
        raise UsageError(f"{path}: the JSON document must be an object with keys {', '.join(numbers)}")
    unknown = sorted(set(doc) - set(allowed))
    if unknown:
        raise UsageError(f"{path}: unknown key {unknown[0]!r} (allowed: {', '.join(allowed)})")
    for key in numbers:
        if key not in doc:
            raise UsageError(f"{path}: missing key {key!r}")
    out = {}
    for key in numbers + optional:
        if key not in doc or (key in optional and doc[key] is None):
            continue
        values = doc[key]
        if not isinstance(values, list):
            raise UsageError(f"{path}: {key}: must be a list of numbers, got {type(values).__name__}")
        out[key] = [json_cell(path, key, i, v) for i, v in enumerate(values)]
    if names:
        given = [k for k in (names,) + aliases if k in doc and doc[k] is not None]
        if len(given) > 1:
            raise UsageError(f"{path}: give the names once ({' or '.join(given)})")
        if given:
            values = doc[given[0]]
            if not isinstance(values, list):
                raise UsageError(f"{path}: {given[0]}: must be a list of names, got {type(values).__name__}")
            for i, n in enumerate(values):
                if not isinstance(n, str):
                    raise UsageError(f"{path}: {given[0]}[{i}]: a name must be a string, got {json.dumps(n)}")
            _check_names(path, given[0], values)
            out[names] = values
    _same_lengths(path, out)
    return out


def json_cell(path, key, i, v):
    """A JSON array's entry ``v`` (``key[i]``) as a number or an exact ``p/q`` text, checked."""
    if isinstance(v, bool) or v is None or isinstance(v, (list, dict)):
        raise UsageError(f"{path}: {key}[{i}]: must be a number or a 'p/q' string, got {json.dumps(v)}")
    if isinstance(v, str):
        if not _EXACT.fullmatch(v.strip()):
            raise UsageError(f"{path}: {key}[{i}]: {shown(v)} is not an exact rational 'p/q' or integer")
        return exact_text(f"{path}: {key}[{i}]", v)
    if isinstance(v, float) and not math.isfinite(v):
        raise UsageError(f"{path}: {key}[{i}]: must be finite, got {v}")
    return v


def _from_csv(path, text, numbers, optional, names, aliases, exact_decimals=False) -> dict:
    columns = ((names,) if names else ()) + numbers + optional
    if not text.strip():
        raise UsageError(f"{path}: empty file: give a header {','.join(columns)} and one row per entry")
    rows, lines = csv_rows(path, text)
    if not rows:  # only separators (",,"): nothing to read
        raise UsageError(f"{path}: no cell holds anything: give a header {','.join(columns)} and one row per entry")
    check_delimiter(path, rows[0], columns)
    accepted = columns + aliases
    spelled = {a.casefold(): a for a in accepted}  # Sector, LAMBDA_S ... as equilibria reads them
    header = [spelled.get(h.strip().casefold(), h.strip()) for h in rows[0]]
    unknown = [h for h in header if h not in accepted]
    if unknown:
        raise UsageError(f"{path}: unknown column {unknown[0]!r} (allowed: {', '.join(columns)})")
    if len(set(header)) != len(header):
        dup = next(h for h in header if header.count(h) > 1)
        raise UsageError(f"{path}: column {dup!r} appears twice")
    for key in numbers:
        if key not in header:
            raise UsageError(f"{path}: missing column {key!r} (the header must name {', '.join(numbers)})")
    name_column = next((h for h in header if names and h in (names,) + aliases), None)
    out = {key: [] for key in numbers + optional if key in header}
    if name_column:
        out[names] = []
    for i, (line, row) in enumerate(zip(lines[1:], rows[1:])):
        if len(row) != len(header):
            raise UsageError(f"{path}: line {line} (entry [{i}]): {len(row)} cells for {len(header)} columns")
        cells = dict(zip(header, (c.strip() for c in row)))
        for key in out:
            if key == names:
                out[key].append(cells[name_column])
            else:
                out[key].append(_csv_value(f"{path}: line {line}", key, i, cells[key], exact_decimals))
    if not out[numbers[0]]:
        raise UsageError(f"{path}: {numbers[0]}: empty input: give at least one row")
    if name_column:
        _check_names(path, name_column, out[names])
    return out


def csv_rows(path: str, text: str) -> tuple[list[list[str]], list[int]]:
    """The rows of a CSV text that hold anything, and the line of the file each ends on (error messages give
    it beside the entry's index ``key[i]``, counted from 0 over the rows after the header, as in JSON)."""
    reader = csv.reader(io.StringIO(text), strict=True)
    rows, lines = [], []
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append(row)
                lines.append(reader.line_num)
    except csv.Error as exc:
        raise UsageError(f"{path}: malformed CSV: {exc}") from None
    return rows, lines


def check_delimiter(path: str, header: list[str], columns: Sequence[str]) -> None:
    """A header that is one cell holding semicolons or tabs: the file uses another delimiter."""
    if len(header) != 1:
        return
    for sign, name in ((";", "semicolons"), ("\t", "tabs")):
        if sign in header[0]:
            raise UsageError(f"{path}: the header {header[0].strip()!r} is separated by {name}, not commas: "
                             f"save the file as comma-separated CSV ({','.join(columns)}) with a point as the "
                             "decimal separator, or use JSON")


def _csv_value(path, key, i, cell, exact_decimals=False):
    if _EXACT.fullmatch(cell):
        return exact_text(f"{path}: {key}[{i}]", cell)
    if exact_decimals and _FLOAT.fullmatch(cell):
        return read_decimal(f"{path}: {key}[{i}]", cell)
    if _FLOAT.fullmatch(cell):
        return _float_text(f"{path}: {key}[{i}]", cell)
    what = "empty" if not cell else shown(cell)
    raise UsageError(f"{path}: {key}[{i}]: {what} is not a number or an exact rational 'p/q'")


def _same_lengths(path, out: dict) -> None:
    lengths = {k: len(v) for k, v in out.items()}
    if len(set(lengths.values())) > 1:
        raise UsageError(f"{path}: ragged lengths " + ", ".join(f"{k}={v}" for k, v in lengths.items()))
    if lengths and not next(iter(lengths.values())):
        raise UsageError(f"{path}: {next(iter(lengths))}: empty input: give at least one entry")


def exact_or_float(option: str, text: str, *, exact_decimals: bool = False):
    """A command-line number: exact ``p/q`` or integer as a string, a decimal as a float (with
    ``exact_decimals``, the :class:`~decimal.Decimal` written); nothing evaluated."""
    t = text.strip()
    if _EXACT.fullmatch(t):
        return exact_text(option, t)
    if exact_decimals and _FLOAT.fullmatch(t):
        return read_decimal(option, t)
    if _FLOAT.fullmatch(t):
        return _float_text(option, t)
    raise UsageError(f"{option}: {shown(text)} is not a number or an exact rational 'p/q'")


def write_atomically(target: str | Path, text: str, *, inputs: Sequence[str] = ()) -> Path:
    """Write ``text`` to ``target`` whole or not at all (a temporary file renamed into place)."""
    target = Path(target)
    for src in inputs:
        if target.exists() and target.resolve() == Path(src).resolve():
            raise UsageError(f"{target}: is an input file; it is never written")
    if not target.parent.is_dir():
        raise UsageError(f"{target}: the directory {target.parent} does not exist")
    if target.is_dir():
        raise UsageError(f"{target}: is a directory")
    try:
        atomic_write(target, text.encode("utf-8"))  # bytes: the text's own line ends, as a CSV needs
    except OSError as exc:
        raise UsageError(f"{target}: cannot write ({exc.strerror or exc})") from None
    return target
