r"""Formulas in words: a claim's statement, an assumption's name, a label, typeset as the paper writes them.

Worded formulas are found by a small recogniser, not by evaluation: the text
is split into tokens (identifiers, numbers, operators, brackets, words) and
the longest stretches that read as formulas -- operands joined by operators
and relations, or a lone mathematical name -- are transliterated token by
token.  Nothing is parsed into SymPy, so no text is ever evaluated, and text
the recogniser does not read as a formula stays words.

>>> print(prose_latex("n = 1 is an equilibrium iff A - C >= 1"))
$n = 1$ is an equilibrium iff $A - C \geq 1$
>>> print(prose_latex("switching L -> H changes a firm's payoff by Delta_p/N - Delta_c"))
switching $L \to H$ changes a firm's payoff by $\Delta_{p}/N - \Delta_{c}$
>>> print(prose_text("(lambda_1S/lambda_1N)/(lambda_kS/lambda_kN) <= theta_1 (weak)"))
(λ_1S/λ_1N)/(λ_kS/λ_kN) ≤ θ₁ (weak)
>>> print(prose_latex("all-H Pareto-dominates all-L"))
all-$H$ Pareto-dominates all-$L$
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sympy.printing.pretty.pretty_symbology import sub as _PRETTY_SUB
from sympy.printing.pretty.pretty_symbology import sup as _PRETTY_SUP

from .names import COMBINING_ACCENTS, FUNCTIONS, GREEK_SET, UNICODE_GREEK, split_name, symbol_latex, symbol_text

__all__ = ["prose_latex", "prose_text", "prose_markdown", "escape_text", "escape_markdown", "method_words"]

#: the name of a sum: ``sum_i v_i^sigma`` is a sum over i, ``sum_{i!=k}`` over every i but k
SUM = "sum"
#: relations written in a sum's index range, in LaTeX and Unicode
_INDEX_RELATIONS = (("!=", r"\neq ", "≠"), ("<=", r"\leq ", "≤"), (">=", r"\geq ", "≥"))

#: letters of names and words: Latin (accented ones too: Gödel), Greek, and combining accents (q + U+0304)
_LETTER = "A-Za-zÀ-ÖØ-öø-ÿ\u0300-\u036f" + "".join(UNICODE_GREEK)
_TOKEN = re.compile(
    r"(?P<ws>\s+)"
    r"|(?P<keep>\(\*\)|--+|\.\.\.|(?:i\.e|e\.g|cf|etc)\.|\b[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+\b"
    r"|[A-Za-z]{2,}'[a-z]{1,2}\b|(?<![\w'])\((?:i|ii|iii|iv|v|vi)\)"  # claim ids S5.4, firm's, (ii): words
    # (b(v) is b of v: a numeral glued to a name is an argument)
    r"|\b[A-Z]-[a-z]{3,}\b"  # O-ring, U-shaped, T-bill: words
    r"|\b[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+){2,}\b)"  # cost_of_capital: an identifier, written as it is
    # a name: w, w_1, w_{jS}, with a star (w^*), or written as a LaTeX accent (\bar{q}, \hat{x}_1)
    rf"|(?P<id>(?:\\(?:bar|hat|tilde|dot|ddot|check|breve|vec|underline|overline)\{{[{_LETTER}]\}}"
    rf"|\\(?:{'|'.join(sorted(GREEK_SET, key=len, reverse=True))})(?![A-Za-z])"  # \pi^* written for LaTeX
    rf"|[{_LETTER}][{_LETTER}0-9]*)(?:_(?:\{{[^{{}}\s]*\}}|-?[{_LETTER}0-9]+))?(?:\^\*(?!\*))?)"
    r"|(?P<num>\d+(?:\.\d+)?)"
    r"|(?P<op><=>|=>|->|>=|<=|!=|:=|==|\*\*|\.\.|\+-|-\+|[=<>+\-*/^'≥≤≠→⇒⇔×·−±∓])"
    r"|(?P<open>[(\[{])|(?P<close>[)\]}])"
    r"|(?P<other>.)", re.S)

_REL = {"=": ("=", "="), "==": ("=", "="), "<": ("<", "<"), ">": (">", ">"), ">=": (r"\geq", "≥"),
        "<=": (r"\leq", "≤"), "!=": (r"\neq", "≠"), ":=": (r"\mathrel{:=}", ":="), "->": (r"\to", "→"),
        "=>": (r"\implies", "⇒"), "<=>": (r"\iff", "⇔"), "≥": (r"\geq", "≥"), "≤": (r"\leq", "≤"),
        "≠": (r"\neq", "≠"), "→": (r"\to", "→"), "⇒": (r"\implies", "⇒"), "⇔": (r"\iff", "⇔")}
_ADD = {"+": ("+", "+"), "-": ("-", "-"), "−": ("-", "-"), "..": (r",\ldots,", ",…,"), "+-": (r"\pm", "±"),
        "-+": (r"\mp", "∓"), "±": (r"\pm", "±"), "∓": (r"\mp", "∓")}
_MUL = {"*": (r"\,", "·"), "/": ("/", "/"), "×": (r"\times", "×"), "·": (r"\cdot", "·")}
_CLOSE = {"(": ")", "[": "]", "{": "}"}
#: endings of ordinals written after a formula: the (n+1)-th firm, the k-st ... (words, never letters)
_ORDINALS = ("th", "st", "nd", "rd")
#: single letters that are words
_WORD_LETTERS = frozenset({"a", "I"})
#: words that never follow the article "a" ("positivity of a and b", "a is positive": the letter)
_NEVER_AFTER_ARTICLE = frozenset("""and or is are was were be must can may will would has have rises falls
    increases decreases holds equals exceeds satisfies in of to than""".split())
#: English words of two or three lowercase letters (never read as a product of letters such as ``bc``)
_SHORT_WORDS = frozenset("""an as at be by do go he if in is it me my no of on or so to up us we ie eg vs ok
    and are but can did for has had her him his how its let may nor not now off one our out own per put say see
    she the too two use via was way who why yet you all any few new old set big low top end max min sum log exp
    sin cos tan det lim sup inf mod""".split())


@dataclass(frozen=True)
class _Tok:
    kind: str
    text: str
    space_before: bool


def _tokens(text: str) -> list[_Tok]:
    out, space = [], False
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind == "ws":
            space = True
            continue
        out.append(_Tok(kind, m.group(), space))
        space = False
    # a quotation in single quotes ('no profitable deviation to k') is words, not primes
    opening = None
    for i, tok in enumerate(out):
        if tok.text != "'":
            continue
        if opening is None and (i == 0 or tok.space_before or out[i - 1].kind == "open"):
            opening = i
        elif opening is not None and (i + 1 == len(out) or out[i + 1].space_before
                                      or out[i + 1].kind in ("other", "close")):
            out[opening] = _Tok("quote", "'", out[opening].space_before)
            out[i] = _Tok("quote", "'", tok.space_before)
            opening = None
    return out


def _is_sum(name: str) -> bool:
    """``sum_i``, ``sum_{i!=k}``: the summation sign with its index (a bare ``sum`` is a word)."""
    base, sub = split_name(name)
    return base == SUM and bool(sub)


def _sum_operator(name: str, target: str) -> str:
    r"""The summation sign of ``sum_i`` (``\sum_{i}``, ``Σ_i``), relations in the index range typeset.

    >>> _sum_operator("sum_{i!=k}", "latex"), _sum_operator("sum_j", "text")
    ('\\sum_{i\\neq k}', 'Σ_j')
    """
    sub = split_name(name)[1]
    if sub.startswith("{") and sub.endswith("}"):
        sub = sub[1:-1]
    for ascii_, tex, uni in _INDEX_RELATIONS:
        sub = sub.replace(ascii_, tex if target == "latex" else uni)
    if target == "latex":
        return rf"\sum_{{{sub.strip()}}}"
    return f"Σ_{sub}" if len(sub) == 1 else f"Σ_{{{sub}}}"


def _id_class(tok: _Tok) -> str:
    """``math`` (a symbol), ``func``, ``name`` (A1), or ``word``."""
    if any(not ch.isascii() and ch not in UNICODE_GREEK for ch in tok.text):
        return "word"  # é, à, q + U+0304: pdflatex has text accents for them, not math ones
    if tok.text.startswith("\\") or tok.text.endswith("^*"):  # \bar{q}, w^*: a symbol's name as written
        return "math"
    base, sub = split_name(tok.text)
    base = UNICODE_GREEK.get(base, base)
    if sub and len(base) >= 3 and base not in GREEK_SET and base not in FUNCTIONS and re.fullmatch(r"[A-Za-z]{3,}", sub):
        return "word"  # Stress_section, profit_share: an identifier of words, not a symbol with a subscript
    if sub:
        return "math"
    if base in FUNCTIONS:
        return "func"
    if base in GREEK_SET or (len(base) == 1 and base not in _WORD_LETTERS):
        return "math"
    if re.fullmatch(r"[A-Za-z]+\d+", base):
        return "name"
    return "word"


class _Reader:
    """Recognises formulas in a token list and renders them (LaTeX and Unicode, token by token)."""

    def __init__(self, toks: list[_Tok]):
        self.t = toks
        self.closing_bars: set[int] = set()  # token positions of bars that close an absolute value

    def _glued(self, i: int) -> bool:
        return i < len(self.t) and not self.t[i].space_before

    def _is(self, i: int, kind: str, texts=None) -> bool:
        return i < len(self.t) and self.t[i].kind == kind and (texts is None or self.t[i].text in texts)

    # grammar: each returns the end index (exclusive) or None; rendering is a second walk over the span
    def formula(self, i: int):
        start = i
        if self._is(i, "op", _REL):  # "unit cost = w/(alpha X)": a formula may start at its relation
            i += 1
        j = self.expr(i)
        if j is None:
            return None
        while self._is(j, "op", _REL):
            k = self.expr(j + 1)
            if k is None:
                break
            j = k
        # a list written with an ellipsis is one formula: "j = 1, ..., k", "x_1, ..., x_n > 0"
        while self._is(j, "other", (",",)) and self._is(j + 1, "keep", ("...",)) and self._is(j + 2, "other", (",",)):
            k = self.formula(j + 3)
            if k is None:
                break
            j = k
        return j if j > start else None

    def expr(self, i: int):
        if self._is(i, "op", ("-", "+", "−", "+-", "-+", "±", "∓")):
            i += 1
        j = self.term(i)
        if j is None:
            return None
        while self._is(j, "op", _ADD) and not self._ordinal_suffix(j):
            k = self.term(j + 1)
            if k is None:
                break
            j = k
        return j

    def term(self, i: int):
        j = self.factor(i)
        if j is None:
            return None
        while True:
            if self._is(j, "op", _MUL) and not self._star_postfix(j):
                k = self.factor(j + 1)
                if k is None:
                    break
                j = k
            elif self._juxtaposable(j):
                k = self.factor(j)
                if k is None:
                    break
                j = k
            else:
                break
        return j

    def _ordinal_suffix(self, i: int) -> bool:
        """``-th`` in ``(n+1)-th``, ``k-th``: a hyphen glued on both sides to an ordinal ending (words, not minus
        t h)."""
        return self.t[i].text in ("-", "−") and self._glued(i) and self._glued(i + 1) \
            and self._is(i + 1, "id", _ORDINALS) and (not self._glued(i + 2) or self._is(i + 2, "op", ("-",)))

    def _star_postfix(self, i: int) -> bool:
        """``E*`` (a star superscript), as opposed to ``a*b``: the star is glued to its left and not
        followed, glued, by an operand."""
        if not (self._is(i, "op", ("*",)) and self._glued(i)):
            return False
        nxt = i + 1
        return not (nxt < len(self.t) and self._glued(nxt) and self.t[nxt].kind in ("id", "num", "open"))

    def _juxtaposable(self, i: int) -> bool:
        if i >= len(self.t):
            return False
        tok = self.t[i]
        if tok.kind == "id":
            return _id_class(tok) in ("math", "func") and not self._article(i)
        if tok.kind == "open" and tok.text == "(":
            # n (A - C - 1) multiplies; c_L (Delta_p, Delta_c > 0) is a parenthetical remark
            return not tok.space_before or not self._remark(i)
        if tok.kind == "other" and tok.text == "|":  # E|x|: glued, a product with an absolute value
            return not tok.space_before
        return tok.kind == "num" and not tok.space_before

    def _remark(self, i: int) -> bool:
        """A bracket that holds a relation or a list at its top level."""
        depth = 0
        for tok in self.t[i:]:
            if tok.kind == "open":
                depth += 1
            elif tok.kind == "close":
                depth -= 1
                if depth == 0:
                    return False
            elif depth == 1 and (tok.text == "," or (tok.kind == "op" and tok.text in _REL)):
                return True
        return False

    def _article(self, i: int) -> bool:
        """``A`` opening a sentence before a word ("A universal claim ...") is the article."""
        tok = self.t[i]
        if tok.text != "A":
            return False
        starts = i == 0 or (self.t[i - 1].kind == "other" and self.t[i - 1].text in ".:;!?")
        nxt = self.t[i + 1] if i + 1 < len(self.t) else None
        return starts and nxt is not None and nxt.kind == "id" and _id_class(nxt) == "word" \
            and nxt.text[:1].islower()

    def factor(self, i: int):
        j = self.atom(i)
        if j is None:
            return None
        while True:
            if self._is(j, "op", ("'",)) and self._glued(j) and not (
                    self._is(j + 1, "id") and self._glued(j + 1)):  # P', not the apostrophe of M's
                j += 1
            elif self._star_postfix(j):
                j += 1
            else:
                break
        if self._is(j, "open", ("(",)) and self._glued(j):  # f(x) after a postfix: P'(E)
            k = self.group(j)
            if k is not None:
                j = k
        if self._is(j, "op", ("^", "**")):
            k = self.power(j + 1)
            if k is not None:
                j = k
        return j

    def power(self, i: int):
        """An exponent: ``2``, ``-1``, ``(b + c)``, ``{b + c}`` (braces group, as in LaTeX), ``b^c`` (to the right)."""
        if self._is(i, "open", ("(", "{")):
            k = self.group(i)
        else:
            k = self.atom(i + 1 if self._is(i, "op", ("-",)) else i)
        if k is not None and self._is(k, "op", ("^", "**")):
            return self.power(k + 1) or k
        return k

    def group(self, i: int):
        """A bracketed list of formulas: ``(1 - n)``, ``(0,1)``, ``{j, k}``."""
        if not self._is(i, "open"):
            return None
        close = _CLOSE[self.t[i].text]
        j = self.formula(i + 1)
        if j is None:
            return None
        while self._is(j, "other", (",",)):
            k = self.formula(j + 1)
            if k is None:
                return None
            j = k
        return j + 1 if self._is(j, "close", (close,)) else None

    def atom(self, i: int):
        if i >= len(self.t):
            return None
        tok = self.t[i]
        if tok.kind == "num":
            return i + 1
        if tok.kind == "open":
            return self.group(i)
        if tok.kind == "other" and tok.text == "|":  # |c_1 - c_2|: an absolute value
            j = self.expr(i + 1)
            if j is None or not self._is(j, "other", ("|",)):
                return None
            self.closing_bars.add(j)
            return j + 1
        if tok.kind != "id":
            return None
        cls = _id_class(tok)
        glued_call = self._is(i + 1, "open", ("(",)) and self._glued(i + 1)
        if cls == "func":
            if glued_call:
                return self.group(i + 1)
            return self.factor(i + 1)  # log V
        if cls == "word" and (tok.text in _WORD_LETTERS or self.letter_product(i)) and (
                self._between_operators(i) or self._operator_beside(i)):
            return i + 1  # "(a - c)^2", "a + bc": the letter a, not the article; bc is b times c
        if cls == "word" and tok.text in _WORD_LETTERS and self._ends_phrase(i):
            return i + 1  # "positivity of a", "positive: E, I": no noun or verb follows, so not a word
        if cls in ("word", "name"):
            # a word is a formula's name only where it is glued to one: count^(...), dn/dt, A1(1,k)
            if glued_call and self.group(i + 1) is not None:
                return self.group(i + 1)
            if cls == "word" and (self._glued_to_op(i)):
                return i + 1
            return None
        if self._article(i):
            return None
        if glued_call:
            k = self.group(i + 1)
            if k is not None:
                return k
        return i + 1

    def _between_operators(self, i: int) -> bool:
        """An arithmetic operator or a relation and an operand on one side: ``a - c``, ``b + a``, ``a >= b c``
        (the article is not)."""
        ops = ("+", "-", "−", "*", "/", "^", "**", *_REL)

        def operand(k: int) -> bool:
            tok = self.t[k] if 0 <= k < len(self.t) else None
            return tok is not None and (tok.kind in ("num", "open", "close") or (
                tok.kind == "id" and (_id_class(tok) != "word" or tok.text == "a" or self.letter_product(k))))

        return (self._is(i - 1, "op", ops) and i >= 2 and operand(i - 2)) or (
            self._is(i + 1, "op", ops) and operand(i + 2))

    def letter_product(self, i: int) -> bool:
        """``bc`` in ``a + bc``: two or three lowercase letters that are no English word, read as a product
        (only beside an operator, see :meth:`atom`)."""
        text = self.t[i].text
        return bool(re.fullmatch(r"[a-z]{2,3}", text)) and text not in _SHORT_WORDS

    def _operator_beside(self, i: int) -> bool:
        """An arithmetic operator or relation right after the token (spaced, not a hyphen joining words: "a -
        c", not "a-priori"); no article or word is followed by one."""
        if not self._is(i + 1, "op", ("+", "-", "−", "*", "/", "^", "**", *_REL)):
            return False
        hyphen = self.t[i + 1].text in ("-", "−") and self._glued(i + 1) and self._glued(i + 2) \
            and self._is(i + 2, "id")
        return not hyphen and i + 2 < len(self.t)

    def _ends_phrase(self, i: int) -> bool:
        """Nothing, punctuation that ends a phrase, or a word no noun is (``of a.``, ``of a, b``, ``a is``) follows,
        outside a label ``(a)``."""
        if i > 0 and self._is(i - 1, "open") and self._is(i + 1, "close"):
            return False
        return i + 1 == len(self.t) or self._is(i + 1, "other", (",", ";", ".", ":")) or (
            self._is(i + 1, "id", _NEVER_AFTER_ARTICLE) and not self._glued(i + 2))

    def _glued_to_op(self, i: int) -> bool:
        """count^(...) and dn/dt are formulas; Ethier/Romer are names."""
        after = i + 1 < len(self.t) and self._glued(i + 1) and self.t[i + 1].kind == "op"
        power = after and self.t[i + 1].text in ("^", "**")
        short = len(self.t[i].text) <= 2
        star = after and self._star_postfix(i + 1)  # dp*/dc
        after_ratio = self._is(i + 2 if star else i + 1, "op", ("/",)) and self._glued(i + 2 if star else i + 1)
        ratio = short and ((after and after_ratio) or (
            i > 0 and self._glued(i) and self.t[i - 1].kind == "op" and self.t[i - 1].text == "/"))
        return power or ratio

    # -- rendering ------------------------------------------------------------------------------
    def render(self, i: int, j: int, target: str) -> str:
        """Tokens ``i:j`` of a recognised formula in ``latex`` or ``text``."""
        out = ""
        k = i
        while k < j:
            tok = self.t[k]
            if tok.kind == "op" and tok.text in ("^", "**"):
                end = self.power(k + 1)
                inner_start, inner_end = k + 1, end
                if self._is(k + 1, "open", ("(", "{")) and self.group(k + 1) == end:  # the brackets only group
                    inner_start, inner_end = k + 2, end - 1
                inner = self.render(inner_start, inner_end, target)
                if target == "latex":
                    piece = "^{" + inner + "}"
                    out = _braced_superscript_base(out)
                else:
                    piece = "^" + (inner if end - k == 2 else f"({inner})")
                k = end
            elif (target == "latex" and tok.kind == "id" and _id_class(tok) == "func" and FUNCTIONS[tok.text] == r"\sqrt"
                  and self._is(k + 1, "open", ("(",)) and self._glued(k + 1) and (end := self.group(k + 1)) is not None
                  and end <= j):  # sqrt(t f): the radical covers its argument, not "("
                piece = r"\sqrt{" + self.render(k + 2, end - 1, target) + "}"
                if tok.space_before and k > i:
                    piece = " " + piece
                k = end
            else:
                piece = self._token(k, target)
                if tok.space_before and k > i:
                    piece = " " + piece
                k += 1
            if target == "latex" and re.search(r"\\[A-Za-z]+$", out) and piece[:1].isalnum():
                out += " "  # \ldots N, not \ldotsN
            if target == "latex" and piece == "'" and out.endswith("}") and _SUPERSCRIPTED.search(out):
                out, piece = out[:-1] + r"\prime}", ""  # w^*': one superscript (a prime is one, LaTeX has no two)
            out += piece
        return out

    def _token(self, k: int, target: str) -> str:
        tok = self.t[k]
        as_latex = target == "latex"
        if tok.kind == "id":
            cls = _id_class(tok)
            if _is_sum(tok.text):
                return _sum_operator(tok.text, target)
            if cls == "func":
                return FUNCTIONS[tok.text] if as_latex else tok.text
            if not as_latex and cls in ("name", "word"):
                return tok.text
            if cls == "word" and self.letter_product(k):
                return tok.text  # b c, set as the product it is
            return symbol_latex(tok.text) if as_latex else symbol_text(tok.text)
        if tok.kind == "op":
            if self._star_postfix(k):
                return "^{*}" if as_latex else "*"
            for table in (_REL, _ADD, _MUL):
                if tok.text in table:
                    return table[tok.text][0 if as_latex else 1]
            return tok.text
        if as_latex and tok.text in "{}":
            return "\\" + tok.text
        if as_latex and tok.text == "|":  # opening or closing bar, as the parser paired them
            return r"\rvert" if k in self.closing_bars else r"\lvert"
        if as_latex and tok.text == "...":
            return r"\ldots"
        return tok.text


#: a base that already carries a superscript (``x^{*}``, ``P^{'}``) at the end of rendered LaTeX
_SUPERSCRIPTED = re.compile(r"(\\[A-Za-z]+\{[^{}]*\}|\\[A-Za-z]+|[A-Za-z0-9])(_\{[^{}]*\})?\^\{[^{}]*\}$")


def _braced_superscript_base(out: str) -> str:
    r"""``x^{*}`` about to be raised to a power becomes ``{x^{*}}`` (LaTeX has no double superscript).

    >>> _braced_superscript_base(r"a + x^{*}"), _braced_superscript_base("a + x")
    ('a + {x^{*}}', 'a + x')
    """
    m = _SUPERSCRIPTED.search(out)
    return out if m is None else out[:m.start()] + "{" + m.group() + "}"


def _mathy(reader: _Reader, i: int, j: int) -> bool:
    """A recognised stretch is typeset as math unless it is a bare number (``good 1``)."""
    return any(t.kind != "num" for t in reader.t[i:j])


#: words after which a letter or number names a part of the paper ("Section T", "Table 2")
_REFERENCE_WORDS = frozenset({"section", "sections", "appendix", "table", "figure", "footnote", "chapter"})


def _segments(text: str):
    """``(is_math, i, j)`` spans of the token list of ``text``, with the reader."""
    toks = _tokens(text)
    reader = _Reader(toks)
    spans, i, text_start = [], 0, 0
    while i < len(toks):
        tok = toks[i]
        hyphen = (tok.kind == "op" and tok.text in ("-", "−") and not tok.space_before and i > 0
                  and toks[i - 1].kind == "id" and _id_class(toks[i - 1]) == "word")
        apostrophe = (tok.kind == "id" and not tok.space_before and i > 0 and toks[i - 1].text == "'"
                      and toks[i - 1].kind != "quote")  # firm's, not the opening quote of 'c_1 < c_2'
        # "Section T", "footnote 5": a reference, not a variable
        reference = (i > 0 and toks[i - 1].kind == "id" and toks[i - 1].text.lower() in _REFERENCE_WORDS
                     and tok.kind in ("id", "num") and not (i + 1 < len(toks) and toks[i + 1].kind == "op"))
        if tok.kind == "op" and reader._ordinal_suffix(i):  # the -th of k-th: words
            i += 2
            continue
        j = None if (hyphen or apostrophe or reference or tok.kind in ("keep", "quote")) else reader.formula(i)
        if j is not None and tok.text in "([" and reader.group(i) == j:
            j = None  # a bracketed formula: the brackets stay words, the formula inside is found next
        if j is not None and _mathy(reader, i, j):
            if text_start < i:
                spans.append((False, text_start, i))
            spans.append((True, i, j))
            i = text_start = j
        else:
            i += 1
    if text_start < len(toks):
        spans.append((False, text_start, len(toks)))
    return reader, spans


def _plain(toks, i, j) -> str:
    return "".join((" " if (t.space_before and k > i) else "") + t.text for k, t in enumerate(toks[i:j], i))


_CONSTRUCTORS = {"Eq": "=", "Ne": "!="}


def _infix(text: str) -> str:
    """SymPy's ``Eq(a, b)`` (as ``sstr`` prints an equation) written ``a = b``.

    >>> _infix("Eq(w/lambda_jS, 1/(lambda_jN*theta_j)) => w")
    'w/lambda_jS = 1/(lambda_jN*theta_j) => w'
    """
    out, i = [], 0
    pattern = re.compile(r"\b(Eq|Ne)\(")
    while True:
        m = pattern.search(text, i)
        if m is None:
            return "".join(out) + text[i:]
        depth, j, comma = 1, m.end(), None
        while j < len(text) and depth:
            if text[j] in "([{":
                depth += 1
            elif text[j] in ")]}":
                depth -= 1
            elif text[j] == "," and depth == 1 and comma is None:
                comma = j
            j += 1
        if depth or comma is None:  # not a two-argument call: leave it
            out.append(text[i:m.end()])
            i = m.end()
            continue
        inner_left, inner_right = _infix(text[m.end():comma]), _infix(text[comma + 1:j - 1].strip())
        out.append(text[i:m.start()] + f"{inner_left} {_CONSTRUCTORS[m.group(1)]} {inner_right}")
        i = j


def _joined(text: str, target: str, wrap_math, wrap_text) -> str:
    text = _infix(text) if ("Eq(" in text or "Ne(" in text) else text
    reader, spans = _segments(text)
    out = []
    for n, (is_math, i, j) in enumerate(spans):
        lead = " " if (reader.t[i].space_before and n > 0) else ""
        if is_math:
            out.append(lead + wrap_math(reader.render(i, j, target)))
        else:
            glued = n > 0 and not reader.t[i].space_before
            out.append(lead + wrap_text(_plain(reader.t, i, j), "x" if glued else " "))
    # whitespace at the very start of the text is kept
    head = text[: len(text) - len(text.lstrip())]
    tail = text[len(text.rstrip()):] if text.strip() else ""
    return head + "".join(out) + tail


def _greek_command(name: str) -> str:
    return "\\" + name if name in GREEK_SET else name  # beta -> \beta; a letter or digit as itself


_UNICODE_TEXT = {
    "≥": r"$\ge$", "≤": r"$\le$",
    "≠": r"$\ne$", "∝": r"$\propto$", "×": r"$\times$", "→": r"$\to$", "⇒": r"$\Rightarrow$",
    "⇔": r"$\Leftrightarrow$", "∈": r"$\in$", "—": "---", "–": "--", "’": "'", "‘": "`", "“": "``",
    "”": "''", "…": r"\ldots{}", "é": r"\'e", "á": r"\'a", "í": r"\'{\i}", "ó": r"\'o", "ú": r"\'u",
    "ñ": r"\~n", "É": r"\'E", "§": r"\S{}", "\u00a0": "~", "·": r"$\cdot$", "−": "-",
    "≈": r"$\approx$", "±": r"$\pm$", "∞": r"$\infty$", "∂": r"$\partial$", "≡": r"$\equiv$", "∀": r"$\forall$",
    "∃": r"$\exists$", "¬": r"$\neg$", "∧": r"$\wedge$", "∨": r"$\vee$", "√": r"$\surd$", "∑": r"$\sum$",
    "∏": r"$\prod$", "←": r"$\leftarrow$", "↔": r"$\leftrightarrow$", "⊂": r"$\subset$", "⊆": r"$\subseteq$",
    "∪": r"$\cup$", "∩": r"$\cap$", "∅": r"$\emptyset$", "≪": r"$\ll$", "≫": r"$\gg$", "°": r"$^{\circ}$",
    "′": r"$'$", "•": r"\textbullet{}", "ı": r"{\i}",
    **{ch: rf"$\{name}$" for ch, name in UNICODE_GREEK.items()},
    **{chr(0x2080 + d): f"$_{{{d}}}$" for d in range(10)},
    **{ch: f"$^{{{d}}}$" for d, ch in enumerate("⁰¹²³⁴⁵⁶⁷⁸⁹")},
    # the letters SymPy's pretty printer writes as subscripts and superscripts (a name g_i reads gᵢ in text)
    **{ch: f"$_{{{_greek_command(k)}}}$" for k, ch in _PRETTY_SUB.items() if ch},
    **{ch: f"$^{{{_greek_command(k)}}}$" for k, ch in _PRETTY_SUP.items() if ch},
}
#: combining accents (a letter written with one: e + U+0301) as pdflatex's accent commands
_ACCENTS = {mark: text for mark, (text, _) in COMBINING_ACCENTS.items()}


def _accented(ch: str) -> str | None:
    """``\\'{e}`` for é (a letter and accents pdflatex has commands for), else ``None``."""
    base, *marks = unicodedata.normalize("NFD", ch)
    if not marks or not (base.isascii() and base.isalpha()) or any(m not in _ACCENTS for m in marks):
        return None
    out = r"\i" if base == "i" else r"\j" if base == "j" else base  # dotless under an accent: \"{\i}
    for m in marks:
        out = f"\\{_ACCENTS[m]}{{{out}}}"
    return out


def escape_text(text: str, prev: str = " ") -> str:
    r"""Words (no formulas) made safe for pdflatex: specials escaped, quotes opened and closed.

    >>> print(escape_text('the paper: "if n = 0" & 50% of {x}, Rodríguez-Clare §8'))
    the paper: ``if n = 0'' \& 50\% of \{x\}, Rodr\'{\i}guez-Clare \S{}8

    ``prev`` is the character before ``text`` (a quote right after a formula closes).
    """
    for a, b in (("<=>", "⇔"), ("=>", "⇒"), (">=", "≥"), ("<=", "≤"), ("!=", "≠"), ("->", "→")):
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
        elif ch == "|":
            out.append(r"\textbar{}")  # and | as an em dash
        elif ch == '"':
            out.append("``" if prev.isspace() or prev in "([{" else "''")
        elif ch == "'" and (prev.isspace() or prev in "([{"):
            out.append("`")
        elif ch == "/":
            out.append(r"/\allowbreak{}")  # long paths and ratios may break here
        elif ch in _UNICODE_TEXT:
            out.append(_UNICODE_TEXT[ch])
        elif ch in _ACCENTS and out and len(out[-1]) == 1 and out[-1].isascii() and out[-1].isalpha():
            out[-1] = f"\\{_ACCENTS[ch]}{{{out[-1]}}}"  # q + U+0304 (a combining macron): \={q}
        elif ord(ch) > 127:
            out.append(_accented(ch) or f"[U+{ord(ch):04X}]")
        else:
            out.append(ch)
        prev = ch
    return "".join(out)


#: Python code quoted in a sentence (advice such as sp.Rational(1, 9) or evaluate=False): typewriter, as written
_CODE = re.compile(r"\b(?:sp|sympy)\.[A-Za-z_]\w*\((?:[^()]|\([^()]*\))*\)"
                   r"|\bSymbol\((?:[^()]|\([^()]*\))*\)"
                   r"|\b(?:evaluate|positive|real|integer|nonnegative|negative|strict)=(?:True|False)\b")


def prose_latex(text: str) -> str:
    r"""Words with formulas as LaTeX: each formula typeset in ``$...$``, the words escaped, quoted code in
    typewriter.

    >>> print(prose_latex("E* > E_N for every N >= 2 when the first best is interior (N V P'(0) > 1)"))
    $E^{*} > E_{N}$ for every $N \geq 2$ when the first best is interior ($N V P'(0) > 1$)
    >>> print(prose_latex("modern unit cost w m^(-(1-alpha)/alpha)/alpha, falling in m"))
    modern unit cost $w m^{-(1-\alpha)/\alpha}/\alpha$, falling in $m$
    >>> print(prose_latex("write sp.Rational(1, 9), or build it with evaluate=False"))
    write \texttt{sp.Rational(1, 9)}, or build it with \texttt{evaluate=False}
    """
    code = {}

    def stand_in(m) -> str:  # a word the reader leaves alone, so the words around the code read as before
        key = "Zcodeword" + "".join(chr(ord("a") + int(d)) for d in str(len(code)))
        code[key] = r"\texttt{" + escape_text(m.group()).replace("``", "`{}`").replace("''", "'{}'") + "}"
        return key
    out = _joined(_CODE.sub(stand_in, text), "latex", lambda f: f"${f}$", escape_text)
    for key, tex in code.items():
        out = out.replace(key, tex)
    return out


def _unicode_words(text: str, prev: str = " ") -> str:
    for a, b in (("<=>", "⇔"), ("=>", "⇒"), (">=", "≥"), ("<=", "≤"), ("!=", "≠"), ("->", "→")):
        text = text.replace(a, b)
    return text


def prose_text(text: str) -> str:
    """Words with formulas in plain Unicode: Greek letters, ≥, →, subscripts where Unicode has them.

    >>> print(prose_text("for k > 1, E(k,C) is an equilibrium iff ratio <= theta_1; vartheta_j >= 1"))
    for k > 1, E(k,C) is an equilibrium iff ratio ≤ θ₁; ϑ_j ≥ 1
    """
    return _joined(text, "text", lambda m: m, _unicode_words)


def escape_markdown(text: str, prev: str = " ") -> str:
    r"""Words (no formulas) made safe for Markdown: ``*``, ``_``, backquotes, backslashes and ``|`` (a table's
    column separator) escaped.

    >>> print(escape_markdown("condition (*) in Section Z, a | b"))
    condition (\*) in Section Z, a \| b
    """
    return re.sub(r"([*_`\\|])", r"\\\1", text)


def prose_markdown(text: str) -> str:
    r"""Words with formulas as Markdown: formulas in ``$...$``, Markdown's specials escaped in the words.

    >>> print(prose_markdown("strict (*) => E(k,C), theta_k >= 1"))
    strict (\*) $\implies E(k,C)$, $\theta_{k} \geq 1$
    """
    return _joined(text, "latex", lambda m: f"${m}$", escape_markdown)


#: how a method is named to a reader (the engine's names are identifiers)
METHOD_WORDS = (("sympy-identity", "a SymPy identity"), ("sympy-sign", "SymPy's sign rules"),
                ("sympy-constant", "SymPy's evaluation"),
                ("sympy-evaluation", "SymPy's evaluation of the statement with its integers read as reals"),
                ("exact-evaluation", "exact evaluation"), ("qepcad", "quantifier elimination (QEPCAD B)"),
                ("simple-point", "a certified point of simple rationals"),
                ("sympy", "SymPy"))


def method_words(method: str) -> str:
    """An engine's method named for a reader.

    >>> method_words("qepcad (split into parts)"), method_words("sympy-sign"), method_words("z3")
    ('quantifier elimination (QEPCAD B) (split into parts)', "SymPy's sign rules", 'z3')
    """
    for name, words in METHOD_WORDS:
        method = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", words, method)
    return method
