r"""The paper's notation for SymPy objects: a derived condition, a counterexample, as a reader expects them.

Rendered in LaTeX, in plain Unicode (for a terminal) and on one line inside a
sentence, with every symbol named as the paper writes it (:mod:`symbolic.names`):
``lambda_1S`` is :math:`\lambda_{1S}` (λ_1S in a terminal), ``E_star`` is
:math:`E^{*}`, never the identifier.  Formulas written in words are
:mod:`symbolic.prose`'s.

>>> import sympy as sp
>>> print(latex(sp.Symbol("E_star") > sp.Symbol("E_N")))
E^{*} > E_{N}
"""

from __future__ import annotations

import shutil

import sympy as sp
from sympy.printing.latex import LatexPrinter
from sympy.printing.pretty.pretty import PrettyPrinter
from sympy.printing.str import StrPrinter

from .names import symbol_latex, symbol_text
from .prose import prose_text

__all__ = ["latex", "pretty", "one_line", "renamed_for_text", "width", "CONDITION_BUDGET", "PaperPretty"]


def _display_symbols(expr) -> dict:
    """Symbols whose SymPy name prints wrongly, mapped to their LaTeX."""
    out = {}
    for s in getattr(expr, "free_symbols", ()):
        if isinstance(s, sp.Symbol):
            want = symbol_latex(s.name)
            if want != sp.latex(s):
                out[s] = want
    return out


#: characters of LaTeX above which a condition of a Piecewise is set one conjunct a line
CONDITION_BUDGET = 120


class _PaperLatex(LatexPrinter):
    """SymPy's LaTeX printer, except that a long condition of a Piecewise is set one conjunct a line."""

    def _print_Piecewise(self, expr):
        rows, broken = [], False
        for e, c in expr.args:
            if c == sp.true:
                cond = r"\text{otherwise}"
            else:
                tex = self._print(c)
                if len(tex) > CONDITION_BUDGET and isinstance(c, (sp.And, sp.Or)):
                    joiner = r"\wedge " if isinstance(c, sp.And) else r"\vee "
                    parts = [self._print(a) for a in sorted(c.args, key=sp.default_sort_key)]
                    tex = r"\begin{aligned}[t] & " + (r" \\ & " + joiner).join(parts) + r" \end{aligned}"
                    broken = True
                cond = r"\text{for}\: " + tex
            rows.append(self._print(e) + " & " + cond)
        if not broken:
            return super()._print_Piecewise(expr)
        return r"\begin{cases} " + r" \\".join(rows) + r" \end{cases}"


def latex(expr, **options) -> str:
    r"""SymPy's LaTeX of ``expr`` with every symbol named as the paper writes it.

    >>> x = sp.Symbol("vartheta_j", positive=True)
    >>> latex(1 / x)
    '\\frac{1}{\\vartheta_{j}}'
    """
    if isinstance(expr, bool):
        expr = sp.true if expr else sp.false
    names = _display_symbols(expr)
    if names:
        options = {**options, "symbol_names": {**names, **options.get("symbol_names", {})}}
    return _PaperLatex(options).doprint(expr)


def renamed_for_text(expr):
    """``expr`` with each symbol renamed as it is written in plain Unicode (for SymPy's pretty printer)."""
    repl = {}
    for s in getattr(expr, "free_symbols", ()):
        if isinstance(s, sp.Symbol):
            want = symbol_text(s.name)
            if want != sp.pretty(s, use_unicode=True):
                repl[s] = sp.Symbol(want, **s.assumptions0)
    return expr.xreplace(repl) if repl else expr


def width(default: int = 100) -> int:
    """The terminal's width (``COLUMNS`` honoured), at least 40 characters."""
    return max(40, shutil.get_terminal_size((default, 24)).columns)


def pretty(expr, columns: int | None = None) -> str:
    """SymPy's pretty printer (Unicode), symbols as the paper writes them, wrapped at ``columns``.

    >>> print(pretty(sp.Symbol("lambda_1S") / sp.Symbol("lambda_1N") <= sp.Symbol("theta_1")))
    λ_1S     
    ──── ≤ θ₁
    λ_1N     
    """
    if isinstance(expr, bool):
        expr = sp.true if expr else sp.false
    from sympy.printing.pretty.pretty_symbology import pretty_use_unicode

    previous = pretty_use_unicode(True)
    try:
        return PaperPretty({"use_unicode": True, "num_columns": columns or width(), "wrap_line": True}).doprint(
            renamed_for_text(expr))
    finally:
        pretty_use_unicode(previous)


class PaperPretty(PrettyPrinter):
    """SymPy's pretty printer, with ``max``/``min`` set as functions of pretty arguments (SymPy prints
    ``Max(0, b**2/4)`` as code)."""

    def _print_Max(self, expr):
        return self._print_Function(expr, func_name="max")

    def _print_Min(self, expr):
        return self._print_Function(expr, func_name="min")

    def _print_Relational(self, e):
        # a Piecewise beside a relation sign reads as its last condition ("for r <= v <= v"): parenthesise it
        if any(isinstance(side, sp.Piecewise) for side in e.args):
            from sympy.printing.pretty.pretty_symbology import xsym
            from sympy.printing.pretty.stringpict import prettyForm, stringPict

            lhs, rhs = (prettyForm(*self._print(side).parens()) if isinstance(side, sp.Piecewise) else self._print(side)
                        for side in e.args)
            return prettyForm(*stringPict.next(lhs, prettyForm(" " + xsym(e.rel_op) + " "), rhs),
                              binding=prettyForm.OPEN)
        return super()._print_Relational(e)

    def _print_Pow(self, power):
        # SymPy prints (-3/4)**t as -3/4 with a superscript t, which reads -(3/4)**t (and (3/4)**t as 3/4**t)
        base, exponent = power.as_base_exp()
        if isinstance(base, sp.Rational) and not base.is_Integer:
            from sympy.printing.pretty.stringpict import prettyForm

            return prettyForm(*self._print(base).parens()) ** self._print(exponent)
        return super()._print_Pow(power)

    def _print_Symbol(self, e, bold_name=False):
        form = super()._print_Symbol(e, bold_name)
        if "__" in str(form) and "__" not in e.name:  # a superscript Unicode lacks ("p^m" read "p__m"): as written
            from sympy.printing.pretty.stringpict import prettyForm

            return prettyForm(e.name)
        return form


def one_line(expr) -> str:
    """``expr`` on one line in plain Unicode (``λ_1N·λ_kS``), for a formula inside a sentence.

    >>> one_line(sp.Symbol("lambda_1N", positive=True) * sp.Symbol("theta_k", positive=True))
    'λ_1N·θₖ'
    """
    return prose_text(_Readable().doprint(expr))


class _Readable(StrPrinter):
    """SymPy's string printer with equations and inequations as relations (``a != b``, not ``Ne(a, b)``)."""

    def _print_Equality(self, expr):
        return f"{self._print(expr.lhs)} = {self._print(expr.rhs)}"

    def _print_Unequality(self, expr):
        return f"{self._print(expr.lhs)} != {self._print(expr.rhs)}"
