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

__all__ = ["Step", "Derivation", "clearing_step", "latex_of", "text_of"]


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
    """LaTeX of a SymPy object; long conjunctions one conjunct per line (``\\\\`` inside align*)."""
    if isinstance(obj, sp.And) and len(obj.args) > 2:
        return r" \\ & \wedge ".join(sp.latex(a) for a in _ordered(obj.args))
    return sp.latex(obj)


def text_of(obj) -> str:
    if isinstance(obj, sp.And) and len(obj.args) > 2:
        return "\n      and ".join(sp.sstr(a) for a in _ordered(obj.args))
    return sp.sstr(obj)


def _ordered(args):
    return sorted(args, key=sp.default_sort_key)


def _escape(text: str) -> str:
    out = text
    for a, b in (("\\", r"\textbackslash{}"), ("&", r"\&"), ("%", r"\%"), ("$", r"\$"), ("#", r"\#"),
                 ("_", r"\_"), ("{", r"\{"), ("}", r"\}"), ("~", r"\textasciitilde{}"), ("^", r"\^{}")):
        if a == "\\":
            out = out.replace(a, "\x00")
        else:
            out = out.replace(a, b)
    out = out.replace("\x00", r"\textbackslash{}")
    # keep math the author wrote between $...$? no: every sentence is plain text here
    return out.replace("<=", r"$\le$").replace(">=", r"$\ge$").replace("!=", r"$\ne$")


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
            lines.append(r"\intertext{" + _escape(s.text) + (":" if math else "") + "}")
            if math:
                lines.append("& " + math + r" \\")
        if lines[-1].endswith(r" \\"):
            lines[-1] = lines[-1][: -len(r" \\")]
        lines.append(r"\end{align*}")
        return "\n".join(lines)

    def as_markdown(self) -> str:
        lines = [f"**{self.title}**", ""]
        for s in self.steps:
            math = s.math_latex().replace(r" \\ & ", " ")
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

    Mirrors :mod:`symbolic.smt`: ``(lhs - rhs) = n/d``; with ``d`` of known sign the
    relation becomes ``n op 0`` (flipped for ``d < 0``); otherwise ``n*d op 0``,
    valid where ``d != 0`` (a domain condition the engine proves first).
    """
    from .smt import _numer_denom  # the exact rewrite the engine uses

    num, den = _numer_denom(rel.lhs - rel.rhs)
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
