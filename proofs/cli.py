"""``coordfail``: the command line.  Each sub-command lives in its own module
(``proofs/cmd_<name>.py``) exposing ``add_parser(subparsers)``; the parser sets
``func(args) -> exit status``.

Exit status: 0 success, 1 a verdict differs from its expectation (``verify``),
2 bad input (a one-line error on stderr, no traceback).
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
import textwrap

from symbolic.errors import BadInputError, CoordfailError

__all__ = ["main", "UsageError", "positive_seconds", "positive_count", "add_claims_option", "add_only_option",
           "help_text", "HELP_FORMAT"]

#: sub-command modules, in the order ``--help`` lists them
COMMANDS = ["verify", "derive", "report", "region", "equilibria", "economy", "grants"]


class UsageError(BadInputError):
    """Bad input from the command line or a file: reported in one line, exit status 2."""


#: the formatter of every sub-command: descriptions keep their paragraphs (see :func:`help_text`)
HELP_FORMAT = argparse.RawDescriptionHelpFormatter

_ROLE = re.compile(r":(?:func|class|mod|data|attr|meth|math|obj|exc):`~?([^`]*)`")
_COMMAND_PREFIX = re.compile(r"^``coordfail [^`]*``:\s*")


def help_text(doc: str, paragraphs=1, width: int = 79) -> str:
    """Paragraphs of a module docstring as a ``--help`` description, without reST markup.

    ``paragraphs``: how many from the start, or a tuple of their indices.  The
    ````coordfail name````: prefix (the usage line says it) and the double
    backticks and roles (``:func:`x``` -> ``x``) go; each paragraph is wrapped.

    >>> help_text('``coordfail verify``: decide the claims in ``FILE``.\\n\\nSee :func:`proofs.claim`.', 2)
    'Decide the claims in FILE.\\n\\nSee proofs.claim.'
    """
    blocks = [" ".join(b.split()) for b in doc.strip().split("\n\n") if b.strip()]
    chosen = blocks[:paragraphs] if isinstance(paragraphs, int) else [blocks[i] for i in paragraphs]
    if chosen and _COMMAND_PREFIX.match(chosen[0]):
        rest = _COMMAND_PREFIX.sub("", chosen[0])
        chosen[0] = rest[:1].upper() + rest[1:]
    return "\n\n".join(textwrap.fill(_ROLE.sub(r"\1", b).replace("``", ""), width) for b in chosen)


def add_claims_option(p) -> None:
    """``--claims FILE_OR_MODULE``: whose claims (default: this toolkit's paper)."""
    p.add_argument("--claims", metavar="FILE_OR_MODULE", default=None,
                   help="a claims file (mypaper.py), a module, or an installed entry point of the group "
                        "coordfail.claims (default: Rodriguez-Clare 2005, the toolkit's own paper)")


def add_only_option(p) -> None:
    """``--only IDS``: claim ids or prefixes (an id also selects its lettered variants)."""
    p.add_argument("--only", metavar="ID[,ID...]", default=None,
                   help="only these claims: an id selects itself and its lettered variants (S5.7 gives S5.7a "
                        "and S5.7b), a prefix a section (S5, S2.spill); S5.1 does not select S5.10")


#: a decimal number of seconds in ASCII (no underscores, no other scripts' digits)
_SECONDS = re.compile(r"[+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?", flags=re.ASCII)


def positive_seconds(text: str) -> float:
    """argparse type: a finite positive number of seconds (``--timeout``), in ASCII digits (``float`` would also
    take ``5_0`` and Arabic-Indic digits)."""
    if not _SECONDS.fullmatch(text.strip()):
        raise argparse.ArgumentTypeError(f"expected a finite positive number of seconds (digits 0-9), got {text!r}")
    value = float(text)
    if not (0 < value < float("inf")):
        raise argparse.ArgumentTypeError(f"expected a finite positive number of seconds, got {text!r}")
    return value


def positive_count(text: str) -> int:
    """argparse type: a positive whole number (``--samples``), in ASCII digits."""
    if not re.fullmatch(r"[+-]?[0-9]+", text.strip(), flags=re.ASCII):
        raise argparse.ArgumentTypeError(f"expected a positive whole number (digits 0-9), got {text!r}")
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {text!r}")
    return value


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2, like every other bad input
        command = self.prog.removeprefix("coordfail").strip()  # 'coordfail: error:' already names the program
        where = f"{command}: " if command else ""
        raise SystemExit(_fail(f"{where}{message} (see '{self.prog} --help')"))


def _fail(message: str) -> int:
    print(f"coordfail: error: {message}", file=sys.stderr)
    return 2


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("coordfail")
    except PackageNotFoundError:  # run from a source tree that is not installed
        return "(not installed)"


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="coordfail", description=(
        "Derive, decide and check the claims of an economics paper: your own with --claims FILE (a claims "
        "file, see the README), by default those of Rodríguez-Clare (2005), 'Coordination Failures, Clusters "
        "and Microeconomic Interventions'."))
    parser.add_argument("--version", action="version", version=f"coordfail {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for name in COMMANDS:
        importlib.import_module(f"proofs.cmd_{name}").add_parser(sub)
    return parser


def main(argv=None) -> int:
    parser = build_parser()
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv:  # no command: say what there is, and succeed
        parser.print_help()
        return 0
    try:
        args = parser.parse_args(argv)
        return int(args.func(args) or 0)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2
    except CoordfailError as exc:  # bad input (UsageError included), a missing tool, an unsupported request
        return _fail(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
    except KeyboardInterrupt:
        print("coordfail: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
