r"""Derivations as values: steps built from SymPy objects, rendered as text, LaTeX or Markdown.

A :class:`Derivation` is a frozen sequence of :class:`Step` s.  Each step holds a
SymPy object (an equation, a relation, a Boolean) and a sentence saying what
the step is; nothing is typed twice, the math is whatever object the model or
the engine produced.  :func:`clearing_step` shows the transformation the engine
applies to a relation before z3 sees it (denominators cleared where their sign
is known).

>>> import sympy as sp
>>> x, y = sp.symbols("x y", positive=True)
>>> d = Derivation("demo", (Step("A relation between ratios", x / y > 1), clearing_step(x / y > 1)))
>>> print(d.as_text())
demo
  A relation between ratios:
      x/y > 1
  Multiply by the denominator y > 0 (the sign is known from the assumptions):
      x - y > 0
>>> print(d.as_latex().splitlines()[1])
\intertext{A relation between ratios:}
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp
from sympy.core.relational import Relational

__all__ = ["Step", "Derivation", "clearing_step", "latex_of", "text_of", "escape_latex"]


@dataclass(frozen=True)
class Step:
    """One step: a sentence and, usually, the SymPy object it is about."""

    text: str
    math: sp.Basic | None = None
    #: a LaTeX string used instead of ``math`` when a step shows several objects (e.g. ``a \iff b``)
    latex: str = ""
    plain: str = ""  #: plain-text counterpart of ``latex``

    def math_latex(self) -> str:
        if self.latex:
            return self.latex
        return latex_of(self.math) if self.math is not None else ""

    def math_text(self) -> str:
        if self.plain:
            return self.plain
        return text_of(self.math) if self.math is not None else ""


def latex_of(obj) -> str:
    """LaTeX of a SymPy object laid out for ``align*``: long Booleans one part per line."""
    return r" \\ & ".join(_latex_lines(obj))


def _latex_lines(obj) -> list[str]:
    # a conjunction, implication or equivalence of relations: one relation per line, so that
    # a statement about J sectors never runs off the page
    if isinstance(obj, (sp.And, sp.Or)) and len(obj.args) > 1:
        joiner = r"\wedge " if isinstance(obj, sp.And) else r"\vee "
        parts = [_latex_lines(a) for a in _ordered(obj.args)]
        lines = [r"\bigl(" + parts[0][0]] + parts[0][1:]
        for p in parts[1:]:
            lines += [joiner + p[0]] + p[1:]
        lines[-1] += r"\bigr)"
        return lines
    if isinstance(obj, (sp.Implies, sp.Equivalent)) and len(obj.args) == 2:
        left, right = (_latex_lines(a) for a in obj.args)
        arrow = r"\implies " if isinstance(obj, sp.Implies) else r"\iff "
        return left + [arrow + right[0]] + right[1:]
    if isinstance(obj, sp.Not) and isinstance(obj.args[0], sp.And):
        inner = _latex_lines(obj.args[0])
        return [r"\neg " + inner[0]] + inner[1:]
    return [sp.latex(obj)]


def text_of(obj) -> str:
    if isinstance(obj, sp.And) and len(obj.args) > 2:
        return "\n      and ".join(sp.sstr(a) for a in _ordered(obj.args))
    return sp.sstr(obj)


def _ordered(args):
    return sorted(args, key=sp.default_sort_key)


_UNICODE = {
    "θ": r"$\theta$", "ϑ": r"$\vartheta$", "λ": r"$\lambda$", "Δ": r"$\Delta$", "α": r"$\alpha$",
    "γ": r"$\gamma$", "μ": r"$\mu$", "φ": r"$\phi$", "π": r"$\pi$", "≥": r"$\ge$", "≤": r"$\le$",
    "≠": r"$\ne$", "∝": r"$\propto$", "×": r"$\times$", "→": r"$\to$", "⇒": r"$\Rightarrow$",
    "⇔": r"$\Leftrightarrow$", "∈": r"$\in$", "—": "---", "–": "--", "’": "'", "‘": "`", "“": "``",
    "”": "''", "…": r"\ldots{}", "é": r"\'e", "á": r"\'a", "í": r"\'{\i}", "ó": r"\'o", "ú": r"\'u",
    "ñ": r"\~n", "É": r"\'E", "§": r"\S{}", "\u00a0": "~",
}


def escape_latex(text: str) -> str:
    """Plain text (from claims, quotes, reasons) made safe for pdflatex, with break points.

    >>> print(escape_latex("w_1 >= 50% & θ*lambda_1S"))
    w\\_1 $\\ge$ 50\\% \\& $\\theta$*\\allowbreak{}lambda\\_1S
    """
    for a, b in (("<=>", "⇔"), ("=>", "⇒"), (">=", "≥"), ("<=", "≤"), ("!=", "≠")):
        text = text.replace(a, b)
    out = []
    for ch in text:
        if ch == "\\":
            out.append(r"\textbackslash{}")
        elif ch in "&%$#_{}":
            out.append("\\" + ch)
        elif ch == "~":
            out.append(r"\textasciitilde{}")
        elif ch == "^":
            out.append(r"\^{}")
        elif ch in "<>":
            out.append(f"${ch}$")  # OT1 text fonts print < and > as inverted punctuation
        elif ch in "*/,=":
            out.append(ch + r"\allowbreak{}")  # long products and lists may break here
        elif ch in _UNICODE:
            out.append(_UNICODE[ch])
        elif ord(ch) > 127:
            out.append(f"[U+{ord(ch):04X}]")
        else:
            out.append(ch)
    text = "".join(out)
    return text


@dataclass(frozen=True)
class Derivation:
    """A titled sequence of steps that renders itself in a terminal, in LaTeX and in Jupyter."""

    title: str
    steps: tuple[Step, ...]

    def as_text(self) -> str:
        lines = [self.title]
        for s in self.steps:
            lines.append(f"  {s.text}" + (":" if s.math is not None or s.plain else ""))
            body = s.math_text()
            if body:
                lines.append(f"      {body}")
        return "\n".join(lines)

    def as_latex(self) -> str:
        r"""One ``align*`` block; sentences are ``\intertext`` so that they wrap."""
        lines = [r"\begin{align*}"]
        for s in self.steps:
            math = s.math_latex()
            if math and len(s.text) <= 24:
                # a short label sits beside its formula: half the height of an \intertext
                lines.append(r"& \text{" + escape_latex(s.text) + r":}\quad " + math + r" \\")
                continue
            lines.append(r"\intertext{" + escape_latex(s.text) + (":" if math else "") + "}")
            if math:
                lines.append("& " + math + r" \\")
        if lines[-1].endswith(r" \\"):
            lines[-1] = lines[-1][: -len(r" \\")]
        lines.append(r"\end{align*}")
        return "\n".join(lines)

    def as_markdown(self) -> str:
        lines = [f"**{self.title}**", ""]
        for s in self.steps:
            math = s.math_latex().replace(r" \\ & ", " ").replace(r"\bigl(", "(").replace(r"\bigr)", ")")
            lines.append(f"- {s.text}" + (f": ${math}$" if math else ""))
        return "\n".join(lines) + "\n"

    def _repr_latex_(self) -> str:
        return self.as_latex()

    def _repr_markdown_(self) -> str:
        return self.as_markdown()

    def __str__(self) -> str:
        return self.as_text()


def clearing_step(rel: Relational) -> Step:
    """The engine's rewrite of ``lhs op rhs`` into a form without denominators.

    Mirrors :mod:`symbolic.translate`: ``(lhs - rhs) = n/d``; with ``d`` of known sign the
    relation becomes ``n op 0`` (flipped for ``d < 0``); otherwise ``n*d op 0``,
    valid where ``d != 0`` (a domain condition the engine proves first).
    """
    from .translate import numer_denom as _numer_denom  # the exact rewrite the engine uses

    num, den = _numer_denom(rel.lhs - rel.rhs)
    num = sp.expand(num)  # expanded for the reader; z3 gets the product form
    op = type(rel)
    if den == 1:
        return Step("The relation as a comparison with zero", op(num, 0, evaluate=False))
    if den.is_positive or (den.is_number and den > 0):
        return Step(f"Multiply by the denominator {sp.sstr(den)} > 0 (the sign is known from the assumptions)",
                    op(num, 0, evaluate=False))
    if den.is_negative or (den.is_number and den < 0):
        return Step(f"Multiply by the denominator {sp.sstr(den)} < 0, which reverses the inequality",
                    op(-num, 0, evaluate=False))
    return Step(f"Multiply by the square of the denominator {sp.sstr(den)}, which is non-zero where the claim "
                "is defined", op(sp.expand(num * den), 0, evaluate=False))
