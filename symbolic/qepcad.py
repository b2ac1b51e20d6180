r"""QEPCAD B as a subprocess: quantifier elimination by cylindrical algebraic decomposition.

`QEPCAD B <https://www.usna.edu/Users/cs/wcbrown/qepcad/B/QEPCAD.html>`_ (Debian
package ``qepcad``) reads a problem on standard input -- a variable list, the
number of free variables, a prenex formula, an optional ``assume`` -- and
prints "An equivalent quantifier-free formula".  This module

* **translates** a SymPy Boolean of polynomial relations with rational
  coefficients into QEPCAD's syntax (each relation scaled by the positive
  least common multiple of its denominators, negations pushed into the
  relations, symbols renamed ``x1, x2, ...``), refusing anything else
  (:class:`NotPolynomial`);
* **runs** QEPCAD with its own memory option (``+N2000000``; the default
  setting adds about a second of start-up), in its own process group, killed
  at the time limit (:class:`QepcadTimeout`);
* **reads the answer back with a restricted parser**: a tokenizer and a
  recursive-descent parser for the fragment QEPCAD prints (integers, the
  problem's own variable names, ``+ - ^``, juxtaposition for products,
  ``= /= < > <= >=``, ``/\ \/ ~ ==> <== <==>``, brackets, ``TRUE``/``FALSE``)
  that builds SymPy objects from the known symbols only.  Anything else --
  an unknown name, an extended-Tarski ``_root_``, a stray character, absurd
  sizes -- is rejected (:class:`QepcadOutputError`).  Solver text is never
  passed to ``eval`` or ``sympify``.

QEPCAD decides over the reals: the caller must check that the assumptions
are satisfiable (QEPCAD answers ``TRUE`` under contradictory ones) and must
not eliminate integer variables.

>>> import sympy as sp
>>> x, y = sp.symbols("x y")
>>> to_qepcad(sp.And(x**2 < 2, sp.Not(y > sp.Rational(1, 3))), {x: "x1", y: "x2"})
'[ 3 x2 - 1 <= 0 /\\ x1^2 - 2 < 0 ]'
>>> parse_formula("x1^2 - 2 < 0 /\\ [ x2 = 0 \\/ 3 x1 x2 + 1 >= 0 ]", {"x1": x, "x2": y})
(x**2 - 2 < 0) & (Eq(y, 0) | (3*x*y + 1 >= 0))
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass
from functools import reduce
from typing import Mapping

import sympy as sp
from sympy.core.relational import Relational
from .errors import CoordfailError, NotSupportedError

__all__ = ["QepcadError", "QepcadUnavailable", "QepcadFailed", "QepcadTimeout", "QepcadOutputError",
           "NotPolynomial", "QepcadProblem", "QepcadAnswer", "find_qepcad", "qepcad_available", "run_qepcad",
           "to_qepcad", "parse_formula", "INSTALL_HINT", "MEMORY_OPTION"]

#: how to get QEPCAD B (said by every "not installed" error)
INSTALL_HINT = "install it with 'apt-get install qepcad' (Debian/Ubuntu)"
#: QEPCAD's garbage-collected space in cells: enough for the paper's problems, fast to start
MEMORY_OPTION = "+N2000000"
#: environment variable naming the qepcad executable (default: ``qepcad`` on the PATH)
ENV_EXECUTABLE = "COORDFAIL_QEPCAD"


class QepcadError(CoordfailError):
    """Base of the errors of this module."""


class QepcadUnavailable(QepcadError, NotSupportedError):
    """QEPCAD B is not installed (or not where ``COORDFAIL_QEPCAD`` says)."""


class QepcadFailed(QepcadError):
    """QEPCAD ran but gave no formula (an error message, a warning, a crash)."""


class QepcadTimeout(QepcadError):
    """QEPCAD did not finish within the time limit and was killed."""


class QepcadOutputError(QepcadError, ValueError):
    """QEPCAD's answer is outside the fragment the restricted parser accepts."""


class NotPolynomial(QepcadError, ValueError):
    """The formula has a relation that is not polynomial with rational coefficients."""


# -- finding the executable -------------------------------------------------------------

def find_qepcad() -> str:
    """The path of the ``qepcad`` executable, or :class:`QepcadUnavailable` with how to install it."""
    explicit = os.environ.get(ENV_EXECUTABLE)
    if explicit:
        if os.path.isfile(explicit) and os.access(explicit, os.X_OK):
            return explicit
        raise QepcadUnavailable(f"QEPCAD B not found at {ENV_EXECUTABLE}={explicit!r}: {INSTALL_HINT}, "
                                f"or point {ENV_EXECUTABLE} at the qepcad executable")
    exe = shutil.which("qepcad")
    if exe is None:
        raise QepcadUnavailable(f"QEPCAD B (qepcad) not found: {INSTALL_HINT}")
    return exe


def qepcad_available() -> bool:
    """Whether :func:`find_qepcad` finds an executable."""
    try:
        find_qepcad()
    except QepcadUnavailable:
        return False
    return True


# -- SymPy -> QEPCAD ------------------------------------------------------------------------

_FLIP = {"<": ">=", "<=": ">", ">": "<=", ">=": "<", "==": "!=", "!=": "=="}
_QEPCAD_OP = {"==": "=", "!=": "/=", "<": "<", "<=": "<=", ">": ">", ">=": ">="}


def _polynomial(expr: sp.Expr, gens: tuple) -> sp.Poly:
    try:
        poly = sp.Poly(expr, *gens, domain="QQ")
    except (sp.PolynomialError, sp.GeneratorsNeeded, sp.CoercionFailed) as exc:
        raise NotPolynomial(f"{sp.sstr(expr)} is not a polynomial with rational coefficients "
                            f"in {', '.join(map(str, gens))} ({type(exc).__name__})") from None
    return poly


def _poly_text(poly: sp.Poly, names: Mapping[sp.Symbol, str]) -> str:
    if poly.is_zero:
        return "0"
    gens = poly.gens
    parts = []
    for monom, coeff in poly.terms():
        c = int(coeff)
        factors = [names[g] + (f"^{e}" if e > 1 else "") for g, e in zip(gens, monom) if e]
        mag = abs(c)
        body = " ".join(([str(mag)] if mag != 1 or not factors else []) + factors)
        sign = "-" if c < 0 else "+"
        parts.append((sign, body))
    first_sign, first = parts[0]
    text = ("- " if first_sign == "-" else "") + first
    for sign, body in parts[1:]:
        text += f" {sign} {body}"
    return text


def _relation_text(rel: Relational, names: Mapping[sp.Symbol, str], negate: bool) -> str:
    op = rel.rel_op
    if op not in _QEPCAD_OP:
        raise NotPolynomial(f"the relation {op} is not one QEPCAD takes")
    if negate:
        op = _FLIP[op]
    gens = tuple(names)
    poly = _polynomial(rel.lhs - rel.rhs, gens)
    # integer coefficients: scale by the positive lcm of the denominators (the relation is unchanged)
    den = reduce(sp.ilcm, [sp.Rational(c).q for c in poly.coeffs()], 1)
    poly = sp.Poly(poly.as_expr() * den, *gens, domain="ZZ")
    return f"{_poly_text(poly, names)} {_QEPCAD_OP[op]} 0"


def to_qepcad(formula, names: Mapping[sp.Symbol, str], negate: bool = False) -> str:
    r"""QEPCAD text for ``formula`` (negation normal form; only ``/\`` and ``\/`` between relations).

    ``names`` maps every symbol of ``formula`` to its QEPCAD variable name.
    """
    if formula is sp.true or formula is True:
        return "0 /= 0" if negate else "0 = 0"
    if formula is sp.false or formula is False:
        return "0 = 0" if negate else "0 /= 0"
    if isinstance(formula, Relational):
        return _relation_text(formula, names, negate)
    if isinstance(formula, sp.Not):
        return to_qepcad(formula.args[0], names, not negate)
    if isinstance(formula, (sp.And, sp.Or)):
        conj = isinstance(formula, sp.And) != negate
        op = " /\\ " if conj else " \\/ "
        parts = [to_qepcad(a, names, negate) for a in sorted(formula.args, key=sp.default_sort_key)]
        return "[ " + op.join(parts) + " ]"
    if isinstance(formula, sp.Implies):
        a, b = formula.args
        return to_qepcad(sp.Or(sp.Not(a), b, evaluate=False), names, negate)
    if isinstance(formula, sp.Equivalent):
        args = list(formula.args)
        both = sp.Or(sp.And(*args, evaluate=False), sp.And(*[sp.Not(a) for a in args], evaluate=False),
                     evaluate=False)
        return to_qepcad(both, names, negate)
    raise NotPolynomial(f"{type(formula).__name__} is not a connective QEPCAD takes here: {sp.sstr(formula)}")


# -- the problem and the run ----------------------------------------------------------------

_NAME = re.compile(r"^x[1-9][0-9]{0,4}$")


@dataclass(frozen=True)
class QepcadProblem:
    r""":math:`\exists \text{bound}.\ \text{formula}` with ``free`` variables left, under ``assume`` (free only)."""

    free: tuple[sp.Symbol, ...]
    bound: tuple[sp.Symbol, ...]
    formula: sp.Boolean
    assume: sp.Boolean = sp.true
    #: extra assumption text on free variables (sign facts of symbols, which SymPy cannot state as relations)
    assume_facts: tuple[str, ...] = ()
    #: extra formula text conjoined inside the quantifier (sign facts of bound symbols)
    formula_facts: tuple[str, ...] = ()

    @property
    def names(self) -> dict[sp.Symbol, str]:
        """Symbol -> QEPCAD name, ``x1, x2, ...`` in variable order (free first)."""
        return {s: f"x{i}" for i, s in enumerate(self.free + self.bound, 1)}

    def sign_facts(self, symbol: sp.Symbol) -> tuple[str, ...]:
        """QEPCAD text of ``symbol``'s SymPy sign assumptions (``positive=True`` gives ``x1 > 0``)."""
        v = self.names[symbol]
        out = []
        if symbol.is_positive:
            out.append(f"{v} > 0")
        elif symbol.is_nonnegative:
            out.append(f"{v} >= 0")
        if symbol.is_negative:
            out.append(f"{v} < 0")
        elif symbol.is_nonpositive:
            out.append(f"{v} <= 0")
        if symbol.is_zero:
            out.append(f"{v} = 0")
        elif symbol.is_nonzero and not (symbol.is_positive or symbol.is_negative):
            out.append(f"{v} /= 0")
        return tuple(out)

    def text(self) -> str:
        """The whole QEPCAD session: description, variables, formula, ``assume``, ``finish``."""
        names = self.names
        variables = self.free + self.bound
        if not variables:
            raise ValueError("a QEPCAD problem needs at least one variable")
        body = [to_qepcad(self.formula, names)] + [f for s in self.bound for f in self.sign_facts(s)]
        body += list(self.formula_facts)
        quantifiers = "".join(f"(E {names[s]})" for s in self.bound)
        lines = ["[ coordfail region ]", "(" + ",".join(names[s] for s in variables) + ")", str(len(self.free)),
                 f"{quantifiers}[ " + " /\\ ".join(body) + " ]."]
        assume = [f for s in self.free for f in self.sign_facts(s)] + list(self.assume_facts)
        if self.assume is not sp.true:
            assume.append(to_qepcad(self.assume, names))
        if assume:
            lines.append("assume [ " + " /\\ ".join(assume) + " ]")
        lines.append("finish")
        return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class QepcadAnswer:
    """QEPCAD's quantifier-free formula, parsed into SymPy, with the raw text and the wall time."""

    formula: sp.Boolean
    text: str
    seconds: float


#: input text -> (QEPCAD's formula text, seconds): the same atoms recur across the regions of one claim and
#: across claims.  The text uses the generic names x1, x2, ..., so it is parsed again for each problem's symbols.
_CACHE: dict[str, tuple[str, float]] = {}

_START = "An equivalent quantifier-free formula:"
_END = "=====================  The End  ======================="
_TROUBLE = re.compile(r"Error|Failure occurred|WARNING!|Warning!|Incomplete Implementation|Unable to determine")


def run_qepcad(problem: QepcadProblem, timeout: float = 30.0) -> QepcadAnswer:
    """Run QEPCAD on ``problem``; the answer's formula is in ``problem``'s own symbols.

    Raises :class:`QepcadUnavailable`, :class:`QepcadTimeout` (the process group
    was killed), :class:`QepcadFailed` or :class:`QepcadOutputError`.
    """
    text = problem.text()
    hit = _CACHE.get(text)
    if hit is None:
        out, seconds = run_session(text, timeout)
        hit = (answer_text(out), seconds)
        if len(_CACHE) < 4096:
            _CACHE[text] = hit
    formula_text, seconds = hit
    by_name = {name: s for s, name in problem.names.items() if s in problem.free}
    return QepcadAnswer(parse_formula(formula_text, by_name), formula_text, seconds)


#: the longest wait handed to the OS (seconds; ten days)
_LONGEST_WAIT = 10 * 24 * 3600.0


def run_session(text: str, timeout: float) -> tuple[str, float]:
    """Feed ``text`` to ``qepcad +N2000000``; its standard output and the wall time."""
    exe = find_qepcad()
    if not (isinstance(timeout, (int, float)) and timeout > 0):
        raise ValueError(f"timeout must be a positive number of seconds, got {timeout!r}")
    start = time.perf_counter()
    # its own session (process group): a time-out kills QEPCAD and anything it started (Singular)
    proc = subprocess.Popen([exe, MEMORY_OPTION], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, errors="replace", start_new_session=True)
    try:
        # poll() waits at most 2**31 ms (~24 days): a longer limit (1e300 s) is as good as ten days
        out, _ = proc.communicate(text, timeout=min(timeout, _LONGEST_WAIT))
    except subprocess.TimeoutExpired:
        _kill(proc)
        raise QepcadTimeout(f"QEPCAD did not finish within {timeout:g} s (killed)") from None
    except BaseException:  # Ctrl-C: do not leave QEPCAD running
        _kill(proc)
        raise
    _kill_leftovers(proc.pid)  # QEPCAD has exited, but the Singular it started may still be computing
    return out, time.perf_counter() - start


def _kill_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _kill_leftovers(session: int) -> None:
    """Kill what is left of QEPCAD's session after QEPCAD itself was reaped: only processes of that very
    session (``/proc``), since its id, free again, could in principle be reused by an unrelated group."""
    try:
        entries = os.listdir("/proc")
    except OSError:  # no /proc: the group, as at a time-out
        _kill_group(session)
        return
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # gone meanwhile
        if len(fields) > 4 and fields[0] != "Z" and int(fields[3]) == session:  # state, ppid, pgrp, session
            try:
                os.kill(int(entry), signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass


def _kill(proc: subprocess.Popen) -> None:
    _kill_group(proc.pid)
    proc.communicate()


def answer_text(out: str) -> str:
    """The formula between "An equivalent quantifier-free formula:" and "The End", or :class:`QepcadFailed`."""
    trouble = next((line.strip() for line in out.splitlines() if _TROUBLE.search(line)), None)
    if trouble is not None:
        why = ("an internal failure of its algorithm, usually a problem beyond its reach (too many variables or too "
               "high a degree, or out of its memory): " if "Failure occurred" in trouble else "")
        raise QepcadFailed(f"QEPCAD reported {why}{trouble[:200]}")
    start = out.find(_START)
    end = out.find(_END, start + 1)
    if start < 0 or end < 0:
        tail = " ".join(out.split())[-200:]
        raise QepcadFailed(f"QEPCAD gave no quantifier-free formula (output ends: {tail!r})")
    return " ".join(out[start + len(_START):end].split())


# -- the restricted parser -------------------------------------------------------------------

#: limits that keep a hostile answer from exhausting memory or the stack
MAX_TEXT = 200_000
MAX_DEPTH = 100
MAX_EXPONENT = 1000
MAX_DIGITS = 1000

_TOKEN = re.compile(r"(?P<int>[0-9]+)|(?P<name>[A-Za-z][A-Za-z0-9]*)|"
                    r"(?P<op><==>|==>|<==|/\\|\\/|/=|<=|>=|[-+^()\[\]<>=~])")
_SPACE = re.compile(r"[ \t\r\n]*")


def _tokens(text: str) -> list[tuple[str, str]]:
    out, pos = [], _SPACE.match(text).end()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:
            raise QepcadOutputError(f"unexpected character {text[pos:pos + 1]!r} at position {pos} of QEPCAD's answer")
        kind = m.lastgroup
        out.append((kind, m.group(kind)))
        pos = _SPACE.match(text, m.end()).end()
    return out


class _Parser:
    _RELATIONS = {"=": sp.Eq, "/=": sp.Ne, "<": sp.Lt, ">": sp.Gt, "<=": sp.Le, ">=": sp.Ge}

    def __init__(self, tokens, symbols: Mapping[str, sp.Symbol]):
        self.tokens, self.i, self.symbols, self.depth = tokens, 0, symbols, 0

    # helpers
    def peek(self):
        return self.tokens[self.i] if self.i < len(self.tokens) else ("end", "")

    def take(self, value=None):
        tok = self.peek()
        if tok[0] == "end" or (value is not None and tok[1] != value):
            want = repr(value) if value is not None else "more input"
            raise QepcadOutputError(f"expected {want} in QEPCAD's answer, found {tok[1] or 'the end'!r}")
        self.i += 1
        return tok

    def nest(self):
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise QepcadOutputError("QEPCAD's answer is nested too deeply")

    # formula := disjunction [ (==> | <== | <==>) disjunction ]
    def formula(self):
        self.nest()
        left = self.disjunction()
        op = self.peek()[1]
        if op in ("==>", "<==", "<==>"):
            self.take()
            right = self.disjunction()
            left = {"==>": lambda: sp.Implies(left, right), "<==": lambda: sp.Implies(right, left),
                    "<==>": lambda: sp.Equivalent(left, right)}[op]()
        self.depth -= 1
        return left

    def disjunction(self):
        parts = [self.conjunction()]
        while self.peek()[1] == "\\/":
            self.take()
            parts.append(self.conjunction())
        return sp.Or(*parts)

    def conjunction(self):
        parts = [self.unary()]
        while self.peek()[1] == "/\\":
            self.take()
            parts.append(self.unary())
        return sp.And(*parts)

    def unary(self):
        kind, value = self.peek()
        if value == "~":
            self.take()
            self.nest()
            inner = self.unary()
            self.depth -= 1
            return sp.Not(inner)
        if value == "[":
            self.take()
            inner = self.formula()
            self.take("]")
            return inner
        if kind == "name" and value in ("TRUE", "FALSE") and value not in self.symbols:
            self.take()
            return sp.true if value == "TRUE" else sp.false
        return self.relation()

    def relation(self):
        left = self.polynomial()
        kind, op = self.peek()
        if op not in self._RELATIONS:
            raise QepcadOutputError(f"expected a relation (= /= < > <= >=) in QEPCAD's answer, found {op or 'the end'!r}")
        self.take()
        right = self.polynomial()
        return self._RELATIONS[op](left, right)

    # polynomial := [+|-] term { (+|-) term };  term := factor { factor } (juxtaposition)
    def polynomial(self):
        self.nest()
        sign = 1
        if self.peek()[1] in ("+", "-"):
            sign = -1 if self.take()[1] == "-" else 1
        total = sign * self.term()
        while self.peek()[1] in ("+", "-"):
            sign = -1 if self.take()[1] == "-" else 1
            total += sign * self.term()
        self.depth -= 1
        return total

    def term(self):
        factors = [self.factor()]
        while self._starts_factor():
            factors.append(self.factor())
        return sp.Mul(*factors)

    def _starts_factor(self) -> bool:
        kind, value = self.peek()
        return kind == "int" or value == "(" or (kind == "name" and value not in ("TRUE", "FALSE"))

    def factor(self):
        kind, value = self.peek()
        if kind == "int":
            self.take()
            if len(value) > MAX_DIGITS:
                raise QepcadOutputError("an integer in QEPCAD's answer is too long")
            base = sp.Integer(int(value))
        elif kind == "name":
            if value not in self.symbols:
                raise QepcadOutputError(f"unknown name {value[:40]!r} in QEPCAD's answer")
            self.take()
            base = self.symbols[value]
        elif value == "(":
            self.take()
            base = self.polynomial()
            self.take(")")
        else:
            raise QepcadOutputError(f"expected a number, a variable or '(' in QEPCAD's answer, found {value or 'the end'!r}")
        if self.peek()[1] == "^":
            self.take()
            kind, value = self.take()
            if kind != "int" or len(value) > 6 or int(value) > MAX_EXPONENT:
                raise QepcadOutputError(f"bad exponent {value[:20]!r} in QEPCAD's answer")
            base = base ** int(value)
        return base


def parse_formula(text: str, symbols: Mapping[str, sp.Symbol]) -> sp.Boolean:
    r"""A SymPy Boolean from QEPCAD's formula text; names are looked up in ``symbols`` only.

    >>> x = sp.Symbol("x")
    >>> parse_formula("TRUE", {"x1": x})
    True
    >>> parse_formula("x1 - 1 > 0 \\/ __import__", {"x1": x})
    Traceback (most recent call last):
    ...
    symbolic.qepcad.QepcadOutputError: unexpected character '_' at position 14 of QEPCAD's answer
    """
    if not isinstance(text, str):
        raise TypeError(f"QEPCAD's answer must be text, got {type(text).__name__}")
    if len(text) > MAX_TEXT:
        raise QepcadOutputError(f"QEPCAD's answer is too long ({len(text)} characters)")
    for name, sym in symbols.items():
        if not (isinstance(sym, sp.Symbol) and _NAME.match(name) or name in ("TRUE", "FALSE")):
            raise ValueError(f"parser symbols must map QEPCAD names x1, x2, ... to SymPy Symbols, got {name!r}")
    tokens = _tokens(text)
    if not tokens:
        raise QepcadOutputError("QEPCAD's answer is empty")
    parser = _Parser(tokens, dict(symbols))
    try:
        result = parser.formula()
    except RecursionError:
        raise QepcadOutputError("QEPCAD's answer is nested too deeply") from None
    if parser.i != len(tokens):
        raise QepcadOutputError(f"unexpected {tokens[parser.i][1][:40]!r} after the formula in QEPCAD's answer")
    return result
