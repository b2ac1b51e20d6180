r"""Derivations as values: steps built from SymPy objects, rendered as text, LaTeX or Markdown.

A :class:`Derivation` is a frozen sequence of :class:`Step` s.  Each step holds
a sentence saying what the step is and, usually, the SymPy object it is about
(an equation, a relation, a Boolean) -- or a *chain* of objects joined by
``<=>``, ``=>`` or ``=`` (a relation and its rewrite).  Nothing is typed
twice: the math is whatever object the model or the engine produced, and every
rendering names symbols as the paper does (:mod:`symbolic.notation`); formulas
written inside a sentence ("theta_k >= 1") are typeset too.

Steps with ``role="heading"`` open a group (one decision of a claim, with its
own assumptions): Markdown gives it a ``###`` heading, text a blank line.

:mod:`symbolic.clearing` adds the steps that show the engine's rewrite of a relation.

>>> import sympy as sp
>>> x, y = sp.symbols("x y", positive=True)
>>> d = Derivation("demo", (Step("A relation between ratios", x / y > 1),))
>>> print(d.as_text(columns=70))
demo
  A relation between ratios:
        x
        ─ > 1
        y
>>> print(d.as_latex().splitlines()[1])
\intertext{A relation between ratios:}
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

import sympy as sp
from sympy.core.relational import Relational
from sympy.printing.pretty.stringpict import prettyForm

from .notation import CONDITION_BUDGET
from .notation import latex as _notation_latex
from .notation import PaperPretty, one_line, pretty, renamed_for_text, width
from .prose import escape_text, prose_latex, prose_markdown, prose_text

__all__ = ["Step", "Derivation", "latex_of", "latex_lines", "text_of", "escape_latex", "OmittedLine", "omitted",
           "shape", "tree_nodes", "TREE_OMIT", "EXPAND_NODES", "CONNECTIVES", "WideLine", "latex", "display_latex",
           "is_wide"]

#: connectives of a chain of formulas: LaTeX and Unicode
CONNECTIVES = {"<=>": (r"\iff", "⟺"), "=>": (r"\implies", "⟹"), "=": ("=", "="),
               "becomes": (r"\quad\text{becomes}\quad", "  becomes  ")}

#: width (in characters of SymPy's pretty printer) above which a display formula is broken
DISPLAY_BUDGET = 72
#: width above which a part that cannot be broken (a long Piecewise) is not typeset as mathematics but
#: written out as text that wraps: TeX stops at boxes wider than 16384pt ("Dimension too large")
WIDE_COLUMNS = 3 * DISPLAY_BUDGET
#: the same, in characters of LaTeX source
WIDE_LATEX = 900
#: a display whose wide lines hold more text than this is summarised, not written out (pages of it help no one)
WIDE_OMIT = 4000
#: a display with more LaTeX source than this is summarised too (a formula pages long is not read)
DISPLAY_OMIT = 12000
#: a formula whose expression tree (repeated subtrees counted each time) has more nodes than this is not
#: laid out at all: written out it would run past DISPLAY_OMIT characters, and SymPy's printers take
#: minutes over it (a greedy rule written out for every ordering of the proposals)
TREE_OMIT = 2 * DISPLAY_OMIT
#: a part with more nodes than this is taken as too wide to typeset without printing it to measure: it
#: prints as more LaTeX than WIDE_LATEX (each leaf at least a character), only a Piecewise whose long
#: conditions are set a conjunct a line could escape, and a tree that size is not read as one formula anyway
WIDE_NODES = 4 * WIDE_LATEX
#: a numerator with more nodes than this is shown as the engine has it, not expanded for the reader
EXPAND_NODES = 2000


#: SymPy sets an implication and an equivalence inside a formula with short arrows; the steps of a derivation
#: join formulas with long ones (CONNECTIVES): one arrow of each kind throughout
_ARROWS = ((re.compile(r"\\Rightarrow(?![A-Za-z])"), r"\\implies"),
           (re.compile(r"\\Leftrightarrow(?![A-Za-z])"), r"\\iff"))


def latex(obj) -> str:
    r"""LaTeX of ``obj`` in the paper's notation, implications and equivalences with the derivation's arrows.

    >>> a, b = sp.symbols("a b")
    >>> latex(sp.Implies(a > 1, b > 1)), latex(sp.Equivalent(a > 1, b > 1))
    ('a > 1 \\implies b > 1', 'a > 1 \\iff b > 1')
    """
    tex = _notation_latex(obj)
    for pattern, arrow in _ARROWS:
        tex = pattern.sub(arrow, tex)
    return tex


class WideLine(str):
    r"""A line of a display too wide to typeset as mathematics: its one-line text, escaped for LaTeX text.

    Renderers put it in a paragraph that wraps (see :func:`display_latex`), never inside ``align*``.
    """


class OmittedLine(WideLine):
    """A formula too big to lay out (see :data:`TREE_OMIT`): only its size is shown."""


def tree_nodes(obj, limit: int = TREE_OMIT) -> int:
    """The nodes of ``obj``'s expression tree, as printers walk it (counting stops past ``limit``).

    >>> x = sp.Symbol("x")
    >>> tree_nodes(x**2 + 1)
    5
    """
    count = 0
    if isinstance(obj, sp.Basic):
        for count, _ in enumerate(sp.preorder_traversal(obj), start=1):
            if count > limit:
                break
    return count


def omitted(obj) -> OmittedLine | None:
    """An :class:`OmittedLine` for ``obj`` if its tree is over :data:`TREE_OMIT` nodes, else ``None``.

    >>> x = sp.Symbol("x")
    >>> omitted(x + 1) is None
    True
    """
    if tree_nodes(obj) <= TREE_OMIT:
        return None
    from .constructs import distinct_subtrees

    distinct = sum(1 for _ in distinct_subtrees(obj))
    return OmittedLine(f"{shape(obj)}, more than {TREE_OMIT:,} nodes long when written out "
                       f"({distinct:,} distinct subexpressions)")


def shape(obj) -> str:
    """What a formula is at its top, in words (for one too big to lay out).

    >>> a, b = sp.symbols("a b")
    >>> shape(sp.And(a > 1, b > 1, a > b)), shape(sp.Implies(a > 1, b > 1)), shape(a + b >= 1)
    ('a conjunction of 3 conditions', 'an implication between two conditions', 'a comparison (≥) of two expressions')
    """
    n = len(obj.args) if isinstance(obj, sp.Basic) else 0
    if isinstance(obj, sp.And):
        return f"a conjunction of {n} conditions"
    if isinstance(obj, sp.Or):
        return f"a disjunction of {n} conditions"
    if isinstance(obj, sp.Implies):
        return "an implication between two conditions"
    if isinstance(obj, sp.Equivalent):
        return "an equivalence between two conditions"
    if isinstance(obj, sp.Not):
        return "the negation of " + shape(obj.args[0])
    if isinstance(obj, Relational):
        op = {"==": "=", "!=": "≠", ">=": "≥", "<=": "≤", ">": ">", "<": "<"}.get(obj.rel_op, obj.rel_op)
        return f"a comparison ({op}) of two expressions"
    if isinstance(obj, sp.Piecewise):
        return f"a case distinction with {n} cases"
    if isinstance(obj, sp.Add):
        return f"a sum of {n} terms"
    if isinstance(obj, sp.Mul):
        return f"a product of {n} factors"
    if isinstance(obj, (sp.Max, sp.Min)):
        return f"the {'maximum' if isinstance(obj, sp.Max) else 'minimum'} of {n} expressions"
    return "an expression"


def _inline(e, form: str) -> str:
    r"""A formula named in a sentence, in ``form``; its size instead when it is too big to lay out.

    Plain parentheses, not ``\left( \right)``: TeX cannot break a line inside a ``\left``-group, and a
    product of two long factors in a sentence ran off the page."""
    too_big = omitted(e)
    if too_big is not None:
        return f"({too_big})"
    return form.format(re.sub(r"\\(?:left|right)(?=[()\[\]])", "", latex(e)))


def escape_latex(text: str) -> str:
    r"""Plain words (no formulas) made safe for pdflatex (see :func:`symbolic.prose.escape_text`).

    >>> print(escape_latex('50% & "quoted" θ ≥ 1'))
    50\% \& ``quoted'' $\theta$ $\ge$ 1
    """
    return escape_text(text)


@dataclass(frozen=True)
class Step:
    """One step: a sentence and, usually, the SymPy object (or chain of objects) it is about.

    ``text`` may hold formulas in the project's plain notation (``theta_k >= 1``)
    and placeholders ``{0}``, ``{1}`` for the SymPy objects in ``inline``.
    """

    text: str
    math: sp.Basic | None = None
    #: a LaTeX string used instead of ``math`` (a step that shows several objects)
    latex: str = ""
    plain: str = ""  #: plain-text counterpart of ``latex`` (formulas in the project's notation)
    #: ``(object, connective, object, ...)`` shown as one formula; connectives are keys of CONNECTIVES
    chain: tuple = ()
    inline: tuple = ()  #: SymPy objects named in ``text`` as ``{0}``, ``{1}``
    role: str = ""  #: "heading" opens a group (a decision); "item" is a line of a list under it

    @property
    def label_is_formula(self) -> bool:
        """The sentence is the formula itself (an assumption named by its own text, ``y > 1``)."""
        return self.math is not None and not self.chain and not self.inline and \
            prose_text(self.text) == one_line(self.math)

    @property
    def has_math(self) -> bool:
        return self.math is not None or bool(self.latex or self.plain or self.chain)

    # -- the sentence --------------------------------------------------------------------------
    def _sentence(self, words, formula) -> str:
        parts = re.split(r"\{(\d+)\}", self.text) if self.inline else [self.text]
        out = []
        for n, part in enumerate(parts):
            if n % 2:
                out.append(formula(self.inline[int(part)]))
            elif part:
                out.append(words(part))
        return "".join(out)

    def text_latex(self) -> str:
        return self._sentence(prose_latex, lambda e: _inline(e, "${}$"))

    def text_plain(self) -> str:
        return self._sentence(prose_text, lambda e: prose_text(sp.sstr(e)))

    def text_markdown(self) -> str:
        return self._sentence(prose_markdown, lambda e: _inline(e, "${}$"))

    # -- the formula ---------------------------------------------------------------------------
    def math_lines(self) -> list[str]:
        """The formula as LaTeX lines for ``align*`` (broken where it would not fit)."""
        if self.chain:
            return _chain_lines(self.chain)
        if self.latex:
            return self.latex.split(r" \\ & ")
        return latex_lines(self.math) if self.math is not None else []

    def math_latex(self) -> str:
        return r" \\ & ".join(self.math_lines())

    def math_text(self, columns: int | None = None) -> str:
        """The formula in plain Unicode, SymPy's pretty printer, at most ``columns`` wide."""
        columns = columns or width()
        if self.chain:
            return _chain_text(self.chain, columns)
        if self.plain:
            return "\n".join(textwrap.wrap(prose_text(self.plain), columns, break_long_words=False)) or ""
        if self.math is not None:
            return text_of(self.math, columns)
        if self.latex:
            return self.latex
        return ""


# -- LaTeX layout --------------------------------------------------------------------------------

def _ordered(args):
    return sorted(args, key=sp.default_sort_key)


def _width(obj) -> int:
    """How wide ``obj`` prints (SymPy's pretty printer, in characters): a proxy for its typeset width."""
    try:
        return max(len(line) for line in pretty(obj, columns=10_000).splitlines())
    except Exception:  # a printer failure must not stop a report
        return len(sp.sstr(obj))


def latex_lines(obj, budget: int = DISPLAY_BUDGET) -> list[str]:
    r"""LaTeX of ``obj`` as lines of an ``align*``: conjunctions, implications and long relations broken.

    >>> a, b = sp.symbols("a b", positive=True)
    >>> latex_lines(sp.Implies(a > 1, sp.And(b > a, b < 2)))
    ['a > 1 \\implies \\left(b > a \\wedge b < 2\\right)']
    >>> latex_lines(sp.Implies(a > 1, sp.And(b > a, b < 2)), budget=10)
    ['a > 1', '\\implies \\bigl(b > a', '\\wedge b < 2\\bigr)']

    An implication among conjuncts keeps its parentheses when the conjunction is set over lines:

    >>> k = sp.Symbol("k", real=True)
    >>> latex_lines(sp.And(sp.Implies(a > 1, sp.Eq(k, 0)), b <= 2), budget=20)
    ['\\bigl(\\left(a > 1 \\implies k = 0\\right)', '\\wedge b \\leq 2\\bigr)']
    """
    too_big = omitted(obj)
    if too_big is not None:
        return [too_big]
    wide = _width(obj)
    if wide <= budget:
        return [latex(obj)]
    if isinstance(obj, (sp.And, sp.Or)) and len(obj.args) > 1:
        joiner = r"\wedge " if isinstance(obj, sp.And) else r"\vee "
        parts = [_grouped(a, latex_lines(a, budget), (sp.Implies, sp.Equivalent, sp.And, sp.Or))
                 for a in _ordered(obj.args)]
        lines = list(parts[0])
        for p in parts[1:]:
            lines += [_joined(joiner, p[0])] + p[1:]
        return _enclosed(lines)
    if isinstance(obj, (sp.Implies, sp.Equivalent)) and len(obj.args) == 2:
        left, right = (_grouped(a, latex_lines(a, budget), (sp.Implies, sp.Equivalent)) for a in obj.args)
        arrow = r"\implies " if isinstance(obj, sp.Implies) else r"\iff "
        return left + [_joined(arrow, right[0])] + right[1:]
    if isinstance(obj, sp.Not) and isinstance(obj.args[0], (sp.And, sp.Or)):
        inner = latex_lines(obj.args[0], budget)
        return [_joined(r"\neg ", inner[0])] + inner[1:]
    if isinstance(obj, Relational):
        op = latex(type(obj)(sp.Symbol("x"), sp.Symbol("y"), evaluate=False)).split(" ", 1)[1].rsplit(" ", 1)[0]
        return _sum_lines(obj.lhs, budget) + [_joined(f"{op} ", line) if n == 0 else line
                                              for n, line in enumerate(_sum_lines(obj.rhs, budget))]
    return [_leaf(obj, wide)]


def _grouped(arg, lines: list, kinds: tuple) -> list:
    """``lines`` of ``arg`` in parentheses when ``arg`` is one of ``kinds`` and not already enclosed: an
    implication inside a conjunction set over lines would otherwise read as taking the next conjunct in."""
    if not isinstance(arg, kinds) or any(isinstance(line, OmittedLine) for line in lines):
        return lines
    if len(lines) > 1 and isinstance(arg, (sp.And, sp.Or)):  # set over lines, it brought its own
        return lines
    if len(lines) == 1 and not isinstance(lines[0], WideLine):
        return [r"\left(" + lines[0] + r"\right)"]
    return _enclosed(lines)


def _enclosed(lines: list) -> list:
    """``lines`` in parentheses that open on the first line and close on the last."""
    if len(lines) == 1:
        return [_joined(r"\bigl(", lines[0], r"\bigr)")]
    return [_joined(r"\bigl(", lines[0])] + lines[1:-1] + [_joined("", lines[-1], r"\bigr)")]


def _leaf(obj, wide: int | None = None) -> str:
    """LaTeX of a part not broken further; a :class:`WideLine` if it is too wide to typeset (``wide``: its width)."""
    if not _big(obj):  # a big part is not printed to be measured
        tex = latex(obj)
        if not _too_wide(obj, tex, wide):
            return tex
    return WideLine(escape_text(sp.sstr(obj)))


def _big(obj) -> bool:
    """Over :data:`WIDE_NODES` nodes: too wide, whatever it prints as."""
    return tree_nodes(obj, WIDE_NODES) > WIDE_NODES


def _too_wide(obj, tex: str, wide: int | None = None) -> bool:
    if len(tex) > WIDE_LATEX and isinstance(obj, sp.Basic) and obj.has(sp.Piecewise):
        # long conditions of a Piecewise are set one conjunct a line: measure it with only the widest conjunct
        obj = _narrowed(obj)
        tex, wide = latex(obj), None
    return (_width(obj) if wide is None else wide) > WIDE_COLUMNS or len(tex) > WIDE_LATEX


def _narrowed(obj):
    """``obj`` with each long Piecewise condition replaced by its widest conjunct (a stand-in for measuring)."""
    budget = CONDITION_BUDGET

    def narrow(pw):
        pieces = []
        for e, c in pw.args:
            if isinstance(c, (sp.And, sp.Or)) and len(latex(c)) > budget:
                c = max(c.args, key=lambda a: len(latex(a)))
            pieces.append((e, c))
        return sp.Piecewise(*pieces, evaluate=False)

    try:
        with sp.evaluate(False):
            return obj.replace(lambda e: isinstance(e, sp.Piecewise), narrow)
    except Exception:  # a stand-in that SymPy will not build: measure the original
        return obj


def is_wide(obj) -> bool:
    """Too wide to typeset as one unbreakable formula (see :data:`WIDE_COLUMNS`, :data:`WIDE_NODES`)."""
    return _big(obj) or _too_wide(obj, latex(obj))


def _joined(before: str, line: str, after: str = "") -> str:
    """``before + line + after`` (LaTeX math); around a :class:`WideLine` the math is set inline in its text."""
    if isinstance(line, WideLine):
        return WideLine((f"${before.strip()}$ " if before.strip() else "") + line
                        + (f" ${after.strip()}$" if after.strip() else ""))
    return before + line + after


#: displays of at most this many lines are kept on one page
KEEP_TOGETHER = 8


def display_latex(lines) -> str:
    r"""Display lines as LaTeX for a document: runs of formulas in ``align*``, a :class:`WideLine` as text.

    >>> print(display_latex(["x > 1", WideLine("a very long text"), "y < 2"]))
    {\interdisplaylinepenalty=10000 \begin{align*}
    & x > 1
    \end{align*}}
    \par\noindent{\small\ttfamily\raggedright a very long text\par}
    {\interdisplaylinepenalty=10000 \begin{align*}
    & y < 2
    \end{align*}}
    <BLANKLINE>
    """
    out, run = [], []
    too_big = next((line for line in lines if isinstance(line, OmittedLine)), None)
    if too_big is not None:
        return r"\par\noindent\emph{Too long to typeset here: " + too_big + r".}\par" "\n"
    size = sum(len(line) for line in lines)
    if sum(len(line) for line in lines if isinstance(line, WideLine)) > WIDE_OMIT or size > DISPLAY_OMIT:
        return (r"\par\noindent\emph{Too long to typeset here: a formula of about " + f"{size:,}"
                + r" characters when written out.}\par" "\n")

    def flush():
        if run:
            body = r"\begin{align*}" "\n& " + " \\\\\n& ".join(run) + "\n" r"\end{align*}"
            # a display of a few lines is not broken across pages (the report allows breaks in long ones)
            out.append((f"{{\\interdisplaylinepenalty=10000 {body}}}" if len(run) <= KEEP_TOGETHER else body) + "\n")
            run.clear()

    for line in lines:
        if isinstance(line, WideLine):
            flush()
            out.append(r"\par\noindent{\small\ttfamily\raggedright " + line + r"\par}" "\n")
        else:
            run.append(line)
    flush()
    return "".join(out)


def _sum_lines(expr, budget: int) -> list[str]:
    """A long sum one group of terms per line (``\\quad`` indented continuation)."""
    wide = _width(expr)
    if not isinstance(expr, sp.Add) or wide <= budget:
        return [_leaf(expr, wide)]
    lines, current = [], []
    for term in sp.Add.make_args(expr):
        if current and _width(sp.Add(*current, term, evaluate=False)) > budget:
            lines.append(current)
            current = []
        current.append(term)
    lines.append(current)
    out = []
    for n, terms in enumerate(lines):
        body = _leaf(sp.Add(*terms, evaluate=False))
        if isinstance(body, WideLine):
            out.append(_joined("+" if n and not body.startswith("-") else "", body))
            continue
        if n and not body.startswith("-"):
            body = "+ " + body
        out.append(body if n == 0 else r"\quad " + body)
    return out


def latex_of(obj) -> str:
    """LaTeX of a SymPy object laid out for ``align*``: long Booleans and relations one part per line."""
    return r" \\ & ".join(latex_lines(obj))


def _chain_lines(chain) -> list[str]:
    too_big = next((o for x in chain[::2] if (o := omitted(x)) is not None), None)
    if too_big is not None:
        return [too_big]
    pieces = [latex(x) if n % 2 == 0 else CONNECTIVES[x][0] for n, x in enumerate(chain)]
    one = " ".join(pieces)
    if sum(_width(x) for x in chain[::2]) <= DISPLAY_BUDGET:
        return [one]
    lines = latex_lines(chain[0])
    for conn, obj in zip(chain[1::2], chain[2::2]):
        rest = latex_lines(obj)
        lines += [CONNECTIVES[conn][0] + " " + rest[0]] + rest[1:]
    return lines


# -- text layout ---------------------------------------------------------------------------------

def _text_parts(obj) -> list[list]:
    """``[connective, part, opening, closing]`` of a Boolean broken like :func:`latex_lines`; ``opening`` and
    ``closing`` count the parentheses around a group of parts: a disjunction inside a conjunction, an arrow
    inside a conjunction, a disjunction or another arrow (set over lines without them, ``a ∨ b`` then
    ``∧ c ∨ d`` reads as ``a ∨ (b ∧ c) ∨ d``)."""
    def group(a, looser) -> list:
        parts = _text_parts(a)
        if isinstance(a, looser):
            parts[0][2] += 1
            parts[-1][3] += 1
        return parts

    if isinstance(obj, (sp.And, sp.Or)) and len(obj.args) > 1:
        joiner = "∧ " if isinstance(obj, sp.And) else "∨ "
        looser = (sp.Or, sp.Implies, sp.Equivalent) if isinstance(obj, sp.And) else (sp.Implies, sp.Equivalent)
        out = []
        for n, a in enumerate(_ordered(obj.args)):
            parts = group(a, looser)
            parts[0][0] = ("" if n == 0 else joiner) + parts[0][0]
            out += parts
        return out
    if isinstance(obj, (sp.Implies, sp.Equivalent)) and len(obj.args) == 2:
        arrow = "⟹ " if isinstance(obj, sp.Implies) else "⟺ "
        left, right = (group(a, (sp.Implies, sp.Equivalent)) for a in obj.args)
        right[0][0] = arrow + right[0][0]
        return left + right
    return [["", obj, 0, 0]]


def _part_text(part, columns: int, opening: int, closing: int) -> str:
    if not (opening or closing):
        return pretty(part, columns)
    form = _form(part)
    if opening:
        form = prettyForm(*form.left("(" * opening))
    if closing:
        form = prettyForm(*form.right(")" * closing))
    return "\n".join(line.rstrip() for line in form.render(wrap_line=False).splitlines())


def _prefixed(prefix: str, picture: str) -> str:
    lines = picture.splitlines() or [""]
    # put the connective on the baseline of a fraction -- of the first piece of one the printer wrapped (the
    # lines after it begin with ↪): between two pieces, it would split the formula in two
    first = next((n for n, line in enumerate(lines) if n and line.lstrip().startswith("↪")), len(lines))
    mid = max(0, (first - 1) // 2)
    for n, line in enumerate(lines):
        lines[n] = (prefix if n == mid else " " * len(prefix)) + line
    return "\n".join(lines)


def text_of(obj, columns: int | None = None) -> str:
    """``obj`` in plain Unicode (SymPy's pretty printer), long Booleans one part per line."""
    columns = columns or width()
    parts = _text_parts(obj)
    if len(parts) == 1 or _width(obj) <= columns:
        return pretty(obj, columns)
    return "\n".join(_prefixed(conn, _part_text(part, columns - len(conn), opening, closing))
                     for conn, part, opening, closing in parts)


def _chain_text(chain, columns: int) -> str:
    if sum(_width(x) for x in chain[::2]) + 6 * (len(chain) // 2) <= columns:
        out = None
        for n, x in enumerate(chain):
            piece = prettyForm(f"  {CONNECTIVES[x][1].strip()}  ") if n % 2 else _form(x)
            out = piece if out is None else prettyForm(*out.right(piece))
        return "\n".join(line.rstrip() for line in out.render(wrap_line=False).splitlines())
    lines = [text_of(chain[0], columns)]
    for conn, obj in zip(chain[1::2], chain[2::2]):
        lines.append(_prefixed(CONNECTIVES[conn][1].strip() + " ", text_of(obj, columns - 3)))
    return "\n".join(lines)


def _form(obj) -> prettyForm:
    if isinstance(obj, bool):
        obj = sp.true if obj else sp.false
    return PaperPretty({"use_unicode": True, "wrap_line": False})._print(renamed_for_text(obj))


# -- the derivation ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Derivation:
    """A titled sequence of steps that renders itself in a terminal, in LaTeX and in Jupyter."""

    title: str
    steps: tuple[Step, ...]

    def as_text(self, columns: int | None = None) -> str:
        """Plain Unicode wrapped at ``columns`` (the terminal's width by default); formulas pretty-printed."""
        columns = columns or width()
        lines = textwrap.wrap(prose_text(self.title), columns, break_long_words=False) or [""]
        for s in self.steps:
            words = s.text_plain() + (":" if s.has_math else "")
            if s.role == "heading":
                lines.append("")
                lines += textwrap.wrap(words, columns, initial_indent="  ", subsequent_indent="  ",
                                       break_long_words=False)
            elif s.role == "item" and s.math is not None and not s.chain:
                # a list under a heading (a decision's assumptions): one line each where it fits
                one = one_line(s.math)
                label = s.text_plain()
                line = f"    {one}" if label == one else f"    {label}:  {one}"
                if len(line) <= columns:
                    lines.append(line)
                    continue
                lines += textwrap.wrap(words, columns, initial_indent="    ", subsequent_indent="      ",
                                       break_long_words=False)
            else:
                indent = "    " if s.role == "item" else "  "
                lines += textwrap.wrap(words, columns, initial_indent=indent, subsequent_indent=indent + "  ",
                                       break_long_words=False)
            if s.has_math:
                body = s.math_text(columns - 8)
                lines += [("        " + line).rstrip() for line in body.splitlines()]
        return "\n".join(lines)

    def as_latex(self) -> str:
        r"""One ``align*`` block; sentences are ``\intertext`` so that they wrap."""
        lines = [r"\begin{align*}"]
        for s in self.steps:
            math = s.math_lines()
            words = s.text_latex()
            if any(isinstance(m, WideLine) for m in math):
                lines.append(r"\intertext{" + words + ":}")
                lines += [r"\intertext{\small\ttfamily\raggedright " + m + "}" if isinstance(m, WideLine)
                          else "& " + m + r" \\" for m in math]
                continue
            if s.label_is_formula:
                lines.append("& " + r" \\ & ".join(math) + r" \\")
                continue
            if math and len(s.text) <= 24 and len(math) == 1 and not s.inline:
                # a short label sits beside its formula: half the height of an \intertext
                lines.append(r"& \text{" + words + r":}\quad " + math[0] + r" \\")
                continue
            lines.append(r"\intertext{" + words + (":" if math else "") + "}")
            if math:
                lines.append("& " + r" \\ & ".join(math) + r" \\")
        if lines[-1].endswith(r" \\"):
            lines[-1] = lines[-1][: -len(r" \\")]
        lines.append(r"\end{align*}")
        return "\n".join(lines)

    def as_latex_blocks(self) -> str:
        r"""Paragraphs and displays (for a document): headings run in, each formula its own ``align*``."""
        out = []
        for n, s in enumerate(self.steps):
            words = s.text_latex()
            math = s.math_lines()
            if s.role == "heading":
                # no break point right after the heading the blocks follow
                keep = r"\needspace{4\baselineskip}" if n else ""
                out.append(keep + r"\paragraph{" + words + (":" if math else ".") + "}")
            else:  # a lead-in and its display are one paragraph: no page break between them
                out.append(r"\noindent " + words + (":" if math else "\n"))
            if math:  # the paragraph ends with its display: the next step starts flush left
                out.append(display_latex(math).rstrip("\n") + r"\par")
        return "\n".join(out) + "\n"

    def as_markdown(self) -> str:
        """Markdown for notes: ``###`` per group (decision), math as ``$...$``."""
        lines = [f"**{prose_markdown(self.title)}**", ""]
        for s in self.steps:
            math = s.math_lines()
            # lines of one display joined: a list broken after a comma keeps its spacing (a = 1, \quad b = 2)
            inline = " ".join(m.rstrip() + r" \quad" if m.rstrip().endswith(",") else m for m in math)
            inline = inline.replace(r"\bigl(", "(").replace(r"\bigr)", ")")
            words = s.text_markdown()
            if s.role == "heading":
                lines += ["", f"### {words}", ""]
                if math:
                    lines.append(f"$${inline}$$")
                continue
            bullet = "  - " if s.role == "item" else "- "
            if s.label_is_formula:
                lines.append(f"{bullet}${inline}$")
                continue
            lines.append(f"{bullet}{words}" + (f": ${inline}$" if math else ""))
        return "\n".join(lines) + "\n"

    def _repr_latex_(self) -> str:
        return self.as_latex()

    def _repr_markdown_(self) -> str:
        return self.as_markdown()

    def __str__(self) -> str:
        return self.as_text()
