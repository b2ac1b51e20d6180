"""``coordfail``: the command line.  Each sub-command lives in its own module
(``proofs/cmd_<name>.py``) exposing ``add_parser(subparsers)``; the parser sets
``func(args) -> exit status``.

Exit status: 0 success, 1 a verdict differs from its expectation (``verify``),
2 bad input (a one-line error on stderr, no traceback).
"""

from __future__ import annotations

import argparse
import importlib
import sys

__all__ = ["main", "UsageError", "positive_seconds", "positive_count"]

#: sub-command modules, in the order ``--help`` lists them
COMMANDS = ["verify", "derive", "report", "equilibria", "economy", "grants"]


class UsageError(Exception):
    """Bad input from the command line or a file: reported in one line, exit status 2."""


def positive_seconds(text: str) -> float:
    """argparse type: a finite positive number of seconds (``--timeout``)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {text!r}") from None
    if not (0 < value < float("inf")):
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, got {text!r}")
    return value


def positive_count(text: str) -> int:
    """argparse type: a positive whole number (``--samples``)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {text!r}")
    return value


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2, like every other bad input
        raise SystemExit(_fail(f"{self.prog}: {message} (see '{self.prog} --help')"))


def _fail(message: str) -> int:
    print(f"coordfail: error: {message}", file=sys.stderr)
    return 2


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="coordfail", description=(
        "Derive, decide and check the claims of Rodríguez-Clare (2005), "
        "'Coordination Failures, Clusters and Microeconomic Interventions'."))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for name in COMMANDS:
        importlib.import_module(f"proofs.cmd_{name}").add_parser(sub)
    return parser


def main(argv=None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        return int(args.func(args) or 0)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2
    except UsageError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        print("coordfail: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
