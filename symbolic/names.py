r"""Symbol names as the paper writes them: ``lambda_1S`` is :math:`\lambda_{1S}` (λ_1S in a terminal).

The one place that knows the paper's naming conventions -- Greek letters by name or in Unicode, a
subscript after ``_``, ``E_star`` for :math:`E^{*}`, ``g_0`` for :math:`g(0)` -- shared by the printer of
SymPy objects (:mod:`symbolic.notation`) and the reader of formulas in words (:mod:`symbolic.prose`).

>>> symbol_latex("lambda_1S"), symbol_text("theta_1")
('\\lambda_{1S}', 'θ₁')
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import sympy as sp

__all__ = ["GREEK", "GREEK_SET", "UNICODE_GREEK", "FUNCTIONS", "FUNCTION_VALUES", "split_name", "symbol_latex",
           "symbol_text"]

GREEK = ("alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi pi "
         "varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi "
         "Sigma Upsilon Phi Psi Omega").split()
GREEK_SET = frozenset(GREEK)
#: Greek letters typed in Unicode, read as their names
UNICODE_GREEK = {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ζ": "zeta",
                  "η": "eta", "θ": "theta", "ϑ": "vartheta", "ι": "iota", "κ": "kappa", "λ": "lambda",
                  "μ": "mu", "ν": "nu", "ξ": "xi", "π": "pi", "ρ": "rho", "σ": "sigma", "τ": "tau",
                  "υ": "upsilon", "φ": "phi", "ϕ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega", "Γ": "Gamma",
                  "Δ": "Delta", "Θ": "Theta", "Λ": "Lambda", "Ξ": "Xi", "Π": "Pi", "Σ": "Sigma", "Φ": "Phi",
                  "Ψ": "Psi", "Ω": "Omega"}
#: names SymPy's pretty printer does not know as Greek
TEXT_GREEK = {"vartheta": "ϑ", "varphi": "φ", "varepsilon": "ε", "varpi": "ϖ", "varrho": "ϱ",
               "varsigma": "ς"}
#: functions written by name: LaTeX and Unicode
FUNCTIONS = {"exp": r"\exp", "log": r"\log", "ln": r"\ln", "sin": r"\sin", "cos": r"\cos", "tan": r"\tan",
             "max": r"\max", "min": r"\min", "sqrt": r"\sqrt", "det": r"\det",
             "Max": r"\max", "Min": r"\min"}  # Max, Min: as SymPy's sstr writes them
#: suffixes of a symbol name printed as a superscript (``E_star`` is E*)
SUPERSCRIPT_SUFFIX = {"star": ("*", "*"), "prime": ("'", "′")}


#: a letter with an accent written after it (``pbar``, ``alphahat``), as SymPy's printers read it: the terminal
#: form (SymPy's pretty printer) shows p̅, so LaTeX shows \bar{p}, not the word "pbar"
_ACCENTED_LETTER = re.compile(r"(?:[A-Za-z]|" + "|".join(sorted(GREEK_SET, key=len, reverse=True))
                              + r")(?:bar|hat|tilde|ddot|dot|vec|check|breve|acute|grave|prime)")


#: superscripts written after ``^`` in a symbol's name (``q_1^*``), in LaTeX and Unicode
_MARKS = {"*": ("*", "*"), "'": (r"\prime", "′"), "+": ("+", "⁺"), "-": ("-", "⁻")}


def _superscript(name: str) -> tuple[str, str]:
    """``("q_1", "*")`` for ``q_1^*`` (braces dropped: ``c^{max}``); ``(name, "")`` without one."""
    if "^" not in name.strip("^"):
        return name, ""
    head, _, sup = name.partition("^")
    return head, sup[1:-1] if sup.startswith("{") and sup.endswith("}") else sup


from sympy.printing.pretty.pretty_symbology import sub as _PRETTY_SUB  # noqa: E402 (beside its one use)
from sympy.printing.pretty.pretty_symbology import sup as _PRETTY_SUP  # noqa: E402

#: Unicode sub- and superscript characters typed in a name (θₖ, x₁, x²), read as the ASCII they stand for
_TYPED_SUB = {ch: k for k, ch in _PRETTY_SUB.items() if ch and len(k) == 1}
_TYPED_SUP = {ch: k for k, ch in _PRETTY_SUP.items() if ch and len(k) == 1}


def _typed_scripts(name: str) -> str:
    """``θ_k`` for ``θₖ``, ``x^2`` for ``x²``: a trailing run of Unicode sub- or superscripts written out, so
    that it is typeset as one (pdflatex has none of those characters).

    >>> _typed_scripts("θₖ"), _typed_scripts("x₁₂"), _typed_scripts("x²"), _typed_scripts("x_1")
    ('θ_k', 'x_12', 'x^2', 'x_1')
    """
    for table, mark in ((_TYPED_SUB, "_"), (_TYPED_SUP, "^")):
        head = name.rstrip("".join(table))
        if head and head != name and mark not in head:
            return head + mark + "".join(table[ch] for ch in name[len(head):])
    return name


def split_name(name: str) -> tuple[str, str]:
    """``("lambda", "1S")`` for ``lambda_1S``: the base and the subscript."""
    base, _, sub = name.partition("_")
    return base, sub


#: symbols that stand for a function's value, written as the paper writes that value (Section 4's g(0), g(L))
FUNCTION_VALUES = {"g_0": "g(0)", "g_L": "g(L)"}


#: combining accents as math accents (a name written é, or q with U+0304)
#: combining accents (e + U+0301) as LaTeX's (text command, math command); ``None``: no math accent
COMBINING_ACCENTS = {
    "\u0301": ("'", "acute"), "\u0300": ("`", "grave"), "\u0302": ("^", "hat"), "\u0308": ('"', "ddot"),
    "\u0303": ("~", "tilde"), "\u0304": ("=", "bar"), "\u030c": ("v", "check"), "\u0306": ("u", "breve"),
    "\u0307": (".", "dot"), "\u030a": ("r", "mathring"), "\u0327": ("c", None), "\u030b": ("H", None),
}
_MATH_ACCENTS = {mark: math for mark, (_, math) in COMBINING_ACCENTS.items() if math}
#: a name written with a LaTeX accent (``\bar{p}``) in plain text: the letters with the combining mark
_ACCENT_MARKS = {**{math: mark for mark, math in _MATH_ACCENTS.items()},
                 "overline": "\u0305", "underline": "\u0332", "vec": "\u20d7"}
_LATEX_GREEK = re.compile(r"\\(?:" + "|".join(sorted(GREEK_SET, key=len, reverse=True)) + r")(?![A-Za-z])")
_LATEX_ACCENT = re.compile(r"\\(" + "|".join(_ACCENT_MARKS) + r")\{([^{}\\]+)\}")


def _math_ascii(text: str) -> str:
    r"""``text`` for math mode in pdflatex: Greek as commands, accented letters with math accents, anything
    else as its code point (visible, never an error).

    >>> _math_ascii("é"), _math_ascii("q\u0304"), _math_ascii("ø")
    ('\\acute{e}', '\\bar{q}', '\\text{[U+00F8]}')
    """
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", text):
        if ch.isascii():
            out.append(ch)
        elif ch in UNICODE_GREEK:
            out.append(f"\\{UNICODE_GREEK[ch]} ")
        elif ch in _MATH_ACCENTS and out:
            out[-1] = f"\\{_MATH_ACCENTS[ch]}{{{out[-1].strip()}}}"
        else:
            out.append(f"\\text{{[U+{ord(ch):04X}]}}")
    return "".join(out).strip()


@lru_cache(maxsize=4096)
def symbol_latex(name: str) -> str:
    r"""A symbol's name as the paper typesets it.

    >>> symbol_latex("lambda_1S"), symbol_latex("E_star"), symbol_latex("vartheta_j"), symbol_latex("θ_1")
    ('\\lambda_{1S}', 'E^{*}', '\\vartheta_{j}', '\\theta_{1}')
    >>> symbol_latex("count"), symbol_latex("A1")
    ('\\mathrm{count}', '\\mathrm{A1}')
    >>> symbol_latex("g_0"), symbol_latex("q_1^*")
    ('g(0)', 'q_{1}^{*}')
    >>> symbol_latex("pbar_H"), symbol_latex("alphahat"), symbol_latex("what")
    ('\\bar{p}_{H}', '\\hat{\\alpha}', '\\hat{w}')
    """
    if name in FUNCTION_VALUES:
        return FUNCTION_VALUES[name]
    name = _typed_scripts(name)
    head, sup = _superscript(name)
    if sup:
        mark = _MARKS.get(sup, (None,))[0] or symbol_latex(sup)
        return f"{symbol_latex(head)}^{{{mark}}}"
    base, sub = split_name(name)
    base = UNICODE_GREEK.get(base, base)
    if sub in SUPERSCRIPT_SUFFIX:
        return f"{symbol_latex(base)}^{{{SUPERSCRIPT_SUFFIX[sub][0]}}}"
    if sub.startswith("{") and sub.endswith("}"):
        sub = sub[1:-1]
    if not (base + sub).isascii():  # é, q + U+0304: pdflatex has no such characters in math
        return f"{_math_ascii(base)}_{{{_math_ascii(sub)}}}" if sub else _math_ascii(base)
    if base in GREEK_SET or len(base) == 1:
        head = "\\" + base if base in GREEK_SET else base
    elif _ACCENTED_LETTER.fullmatch(base):
        head = sp.latex(sp.Symbol(base))
    elif re.fullmatch(r"[A-Za-z]+\d*", base):  # a word or a name such as A1: upright
        head = rf"\mathrm{{{base}}}"
    else:
        head = sp.latex(sp.Symbol(base))
    return f"{head}_{{{sub}}}" if sub else head


@lru_cache(maxsize=4096)
def symbol_text(name: str) -> str:
    r"""A symbol's name in plain Unicode (SymPy's pretty printer, with the paper's few extras).

    >>> symbol_text("lambda_1S"), symbol_text("theta_1"), symbol_text("E_star"), symbol_text("vartheta_j")
    ('λ_1S', 'θ₁', 'E*', 'ϑ_j')
    >>> symbol_text("q_1^*"), symbol_text(r"\bar{p}") == "p" + chr(0x304)
    ('q₁*', True)
    """
    if name in FUNCTION_VALUES:
        return FUNCTION_VALUES[name]
    if _LATEX_GREEK.match(name):  # \pi^* as written for LaTeX: the Greek letter
        return symbol_text(name[1:])
    if _LATEX_ACCENT.search(name):  # \bar{p} prints as p̄, not as its LaTeX
        name = _LATEX_ACCENT.sub(lambda m: "".join(ch + _ACCENT_MARKS[m.group(1)] for ch in m.group(2)), name)
        return name if not name.isascii() and "_" not in name and "^" not in name else symbol_text(name)
    head, sup = _superscript(name)
    if sup:
        return symbol_text(head) + (_MARKS.get(sup, (None, None))[1] or f"^{sup}")
    base, sub = split_name(name)
    base = UNICODE_GREEK.get(base, base)
    if sub in SUPERSCRIPT_SUFFIX:
        return symbol_text(base) + SUPERSCRIPT_SUFFIX[sub][1]
    if sub.startswith("{") and sub.endswith("}"):
        sub = sub[1:-1].replace(",", ",")
    head = TEXT_GREEK.get(base) or sp.pretty(sp.Symbol(base), use_unicode=True)
    if not sub:
        return head
    if base in TEXT_GREEK:
        return f"{head}_{sub}"
    return sp.pretty(sp.Symbol(f"{base}_{sub}"), use_unicode=True) if "," not in sub else f"{head}_{sub}"
