"""The paper's notation: symbols as the paper writes them, worded formulas typeset, no identifier left as text."""

from __future__ import annotations

import re

import pytest
import sympy as sp

from symbolic.names import symbol_latex, symbol_text
from symbolic.notation import latex, one_line, pretty
from symbolic.prose import prose_latex, prose_markdown, prose_text

# identifiers as a programmer writes them: what must never reach a reader as words
IDENTIFIER = re.compile(r"[A-Za-z]+_[0-9A-Za-z{]+")
GREEK_WORD = re.compile(r"\b(?:var)?(?:lambda|theta|Delta|alpha|vartheta|gamma|phi|mu|pi)\b")


@pytest.mark.parametrize("text, expected", [
    ("n = 1 is an equilibrium iff A - C >= 1", r"$n = 1$ is an equilibrium iff $A - C \geq 1$"),
    ("switching L -> H changes a firm's payoff by Delta_p/N - Delta_c",
     r"switching $L \to H$ changes a firm's payoff by $\Delta_{p}/N - \Delta_{c}$"),
    ("for k > 1, E(k,C) is an equilibrium iff (lambda_1S/lambda_1N)/(lambda_kS/lambda_kN) <= theta_1 (weak)",
     r"for $k > 1$, $E(k,C)$ is an equilibrium iff "
     r"$(\lambda_{1S}/\lambda_{1N})/(\lambda_{kS}/\lambda_{kN}) \leq \theta_{1}$ (weak)"),
    ("modern unit cost w m^(-(1-alpha)/alpha)/alpha, falling in m",
     r"modern unit cost $w m^{-(1-\alpha)/\alpha}/\alpha$, falling in $m$"),
    ("E* > E_N for every N >= 2 (N V P'(0) > 1)", r"$E^{*} > E_{N}$ for every $N \geq 2$ ($N V P'(0) > 1$)"),
    ("all-H Pareto-dominates all-L", r"all-$H$ Pareto-dominates all-$L$"),
    ("A universal claim is false", "A universal claim is false"),  # the article, not the parameter A
    ("the paper: 'no profitable deviation to k'", r"the paper: `no profitable deviation to $k$'"),
    ("M's wage", r"$M$'s wage"),
    ("every k = 2..J, see S5.4 and (ii)", r"every $k = 2,\ldots,J$, see S5.4 and (ii)"),
    ("c_H > c_L (Delta_p, Delta_c > 0)", r"$c_{H} > c_{L}$ ($\Delta_{p}$, $\Delta_{c} > 0$)"),
    ("vartheta_j >= 1 and theta nondecreasing", r"$\vartheta_{j} \geq 1$ and $\theta$ nondecreasing"),
    ("Ethier/Romer love of variety; dn/dt = n(1-n)", r"Ethier/\allowbreak{}Romer love of variety; "
                                                     r"$dn/dt = n(1-n)$"),
    # the variable a where no noun follows it, a product of letters beside an operator, a starred derivative
    ("positivity of a", r"positivity of $a$"),
    ("a and b are positive, a firm is", r"$a$ and $b$ are positive, a firm is"),
    ("p* = (a + bc)/(2b - d) rises in d", r"$p^{*} = (a + bc)/(2b - d)$ rises in $d$"),
    ("dp*/dc = b/(2b - d)", r"$dp^{*}/dc = b/(2b - d)$"),
    ("case (a) holds for a-priori reasons", r"case (a) holds for a-priori reasons"),
    ("good 1 with 50% & more", r"good 1 with 50\% \& more"),
    # braces group an exponent as in LaTeX (no literal braces); a tower is read to the right
    ("x^{b+c} > 0 and e^{-r t}", r"$x^{b+c} > 0$ and $e^{-r t}$"),
    ("a^b^c = a^(b^c)", r"$a^{b^{c}} = a^{b^{c}}$"),
    ("the set {j, k}", r"the set $\{j, k\}$"),
    # the letter a beside a relation is the variable, not the article
    ("whenever a >= b c, and a firm is a monopolist", r"whenever $a \geq b c$, and a firm is a monopolist"),
    # a list with an ellipsis is one formula, not three
    ("If (*) is satisfied for j = 1, ..., k", r"If (*) is satisfied for $j = 1, \ldots, k$"),
    ("x_1, ..., x_n > 0, and so on, ..., etc", r"$x_{1}, \ldots, x_{n} > 0$, and so on, ..., etc"),
    # absolute values in math mode (a bare | in pdflatex's text fonts prints as an em dash)
    ("interior iff |c_1 - c_2| < 3 t", r"interior iff $\lvert c_{1} - c_{2}\rvert < 3 t$"),
    ("|x| <= 1 and E|y - 1| > 2", r"$\lvert x\rvert \leq 1$ and $E\lvert y - 1\rvert > 2$"),
    ("a | b as words", r"a \textbar{} $b$ as words"),
    # a new user's report: raw "[U+2248]" in the report's "Where it fails", "w ˆ*" and "\bar{q}" in its
    # "Necessary" row (group names carry symbols' names as written), "$O$-ring"
    ("the root ≈ 1.87939 of x**3 - 3*x - 1 = 0", r"the root $\approx$ 1.87939 of $x^{3} - 3\,x - 1 = 0$"),
    ("positivity of w^*", r"positivity of $w^{*}$"),
    ("positivity of \\bar{q}, q", r"positivity of $\bar{q}$, $q$"),
    ("x^* and y^* define X^*", r"$x^{*}$ and $y^{*}$ define $X^{*}$"),
    ("the O-ring model, A-C > 1", r"the O-ring model, $A-C > 1$"),
    ("Gödel's q\u0304 ± 1", r"G\"{o}del's \={q} $\pm 1$"),  # ± read as an operator: its operand is math too
    # a red team: one accented letter, an accented name with an index, w^**, Naïve, Y-wl (math), N-firm
    ("à la carte, the CES é case, é_1, q\u0304_1", r"\`{a} la carte, the CES \'e case, \'e\_1, \={q}\_1"),
    ("Naïve w^** and Y-wl is profit", r"Na\"{\i}ve $w$\^{}** and $Y-wl$ is profit"),
    # a new user (Salop): the radical covered only "(", and the -th of an ordinal was math (minus t h)
    ("v >= c + (3/2) sqrt(t f)", r"$v \geq c + (3/2) \sqrt{t f}$"),
    ("sqrt(sqrt(x) + 1) > 1", r"$\sqrt{\sqrt{x} + 1} > 1$"),
    ("the (n+1)-th firm loses, the k-th and (k+1)-st", r"the ($n+1$)-th firm loses, the $k$-th and ($k+1$)-st"),
    ("x - th > 0", r"$x - th > 0$"),
    # names written for LaTeX (the user's Symbol(r"\pi^*")): math, not a backslash and a word
    ("profit \\pi^* = \\bar{p} - c and \\alpha_1 > 0", r"profit $\pi^{*} = \bar{p} - c$ and $\alpha_{1} > 0$"),
    # a red team: a prime after a star was a second superscript (pdflatex stopped: "Double superscript")
    ("w^*' > 0 and \\bar{p}^*' < 1", r"$w^{*\prime} > 0$ and $\bar{p}^{*\prime} < 1$"),
    ("\\bar{p}^*^2 > 0", r"${\bar{p}^{*}}^{2} > 0$"),
    # a new user's words: -+ was a text hyphen beside math, and b(v) the math b beside the numeral "(v)"
    ("the equilibria are e = (1 -+ sqrt(1-4k))/2", r"the equilibria are $e = (1 \mp \sqrt{1-4k})/2$"),
    ("e = (1 +- sqrt(1-4k))/2 and x = ±1", r"$e = (1 \pm \sqrt{1-4k})/2$ and $x = \pm 1$"),
    ("bid shading v - b(v) falls as n grows", r"bid shading $v - b(v)$ falls as $n$ grows"),
    ("b(v) = (n-1)v/n in case (v) and (ii)", r"$b(v) = (n-1)v/n$ in case (v) and (ii)"),
])
def test_prose_latex_exact(text, expected):
    assert prose_latex(text) == expected


def test_prose_text_and_markdown_exact():
    assert prose_text("x^{b+c} and a^b^c") == "x^(b+c) and a^(b^c)"
    assert prose_text("E(k,C) => strict (*), theta_k >= 1, L -> H") == "E(k,C) ⇒ strict (*), θₖ ≥ 1, L → H"
    assert prose_text("Eq(w/lambda_jS, 1/(lambda_jN*theta_j))") == "w/λ_jS = 1/(λ_jN·θ_j)"
    assert prose_markdown("strict (*) => E(k,C), theta_k >= 1") == r"strict (\*) $\implies E(k,C)$, $\theta_{k} \geq 1$"


def test_symbols_print_as_the_paper_writes_them():
    assert [symbol_latex(n) for n in ("lambda_1S", "theta_k", "Delta_p", "alpha", "E_star", "vartheta_j", "a_MN")] \
        == [r"\lambda_{1S}", r"\theta_{k}", r"\Delta_{p}", r"\alpha", "E^{*}", r"\vartheta_{j}", "a_{MN}"]
    assert [symbol_text(n) for n in ("lambda_1S", "theta_1", "E_star", "vartheta_j")] == ["λ_1S", "θ₁", "E*", "ϑ_j"]
    e = sp.Gt(sp.Symbol("E_star", positive=True), sp.Symbol("E_N", positive=True))
    assert latex(e) == r"E^{*} > E_{N}" and one_line(e) == "E* > E_N" and pretty(e) == "E* > E_N"


def _words_outside_math(tex: str) -> str:
    return re.sub(r"\$[^$]*\$", " ", tex)


def test_every_symbol_of_every_section_prints_as_notation():
    """Each symbol of each claim, decision and assumption: no identifier and no spelled-out Greek name."""
    from proofs import load_paper

    paper = load_paper()
    names = set()
    for c in paper.claims:
        for ob in c.obligations():
            for e in (ob.decided_statement, ob.statement, *[a for _, a in ob.assumptions]):
                names |= {s.name for s in e.free_symbols}
    assert len(names) > 50
    for name in sorted(names):
        tex = symbol_latex(name)
        assert not IDENTIFIER.search(tex.replace("_{", "{")), (name, tex)
        assert not GREEK_WORD.search(tex.replace("\\", " \\")) or tex.startswith("\\"), (name, tex)
        text = symbol_text(name)
        assert not GREEK_WORD.search(text), (name, text)


def test_no_worded_formula_of_the_paper_leaves_an_identifier_in_the_words():
    """Every statement, place, quote, note, decision label and assumption name: identifiers end up in math."""
    from proofs import load_paper

    paper = load_paper()
    texts = set()
    for c in paper.claims:
        texts |= {c.statement, c.place, c.quote, c.note, c.assumptions}
        for ob in c.obligations():
            texts.add(ob.label)
            texts |= {n for n, _ in ob.assumptions}
    bad = []
    for t in sorted(t for t in texts if t):
        words = _words_outside_math(prose_latex(t))
        if IDENTIFIER.search(words.replace(r"\_", "_")) or GREEK_WORD.search(words) or "->" in words \
                or "**" in words:
            bad.append((t, prose_latex(t)))
    # expand_log is the name of a SymPy function in a note: it stays words, upright, without the underscore
    assert not [b for b in bad if "expand_log" not in b[0]], bad[:5]


def test_prose_never_evaluates_text():
    """A recogniser, not a parser: text that looks like code is typeset, never run."""
    hostile = "__import__('os').system('echo pwned') and lambda_1S >= 1"
    out = prose_latex(hostile)
    assert r"\lambda_{1S} \geq 1" in out and "pwned" in out


def test_a_piecewise_beside_a_relation_sign_is_parenthesised():
    # "... for r <= v <= v": the branch's condition ran into the relation
    r, v = sp.symbols("r v", positive=True)
    text = pretty(sp.Le(sp.Piecewise(((r**2 + v**2) / (2 * v), v >= r)), v, evaluate=False), columns=200)
    assert "for r ≤ v⎟ ≤ v" in text  # the brace closes before the relation sign



def test_a_letter_with_an_accent_after_it_is_typeset_with_the_accent():
    """``pbar`` was \\mathrm{pbar} in LaTeX while the terminal (SymPy's pretty printer) showed p̅; a word that is
    not one letter and an accent stays a word."""
    names = ("pbar", "alphahat", "ptilde_H", "xdot", "Thetabar", "cost", "wage_bar")
    assert [symbol_latex(n) for n in names] == [
        r"\bar{p}", r"\hat{\alpha}", r"\tilde{p}_{H}", r"\dot{x}", r"\bar{\Theta}", r"\mathrm{cost}",
        r"\mathrm{wage}_{bar}"]
    assert [symbol_text(n) for n in names[:2]] == ["p\u0305", "α\u0302"]


def test_names_written_for_latex_print_as_their_letters_in_plain_text():
    """A user's report: the terminal's derive printed ``\\bar{p}`` and ``\\pi*`` for Symbol(r"\\bar{p}"),
    Symbol(r"\\pi^*")."""
    assert symbol_text(r"\bar{p}") == "p\u0304" and symbol_text(r"\pi^*") == "π*"
    assert symbol_text(r"\hat{x}_1") == "x\u0302₁" and symbol_text(r"\alpha_1") == "α₁"
    assert symbol_text(r"\pix") == r"\pix"  # not a Greek letter: as written
    assert one_line(sp.Eq(sp.Symbol(r"\pi^*"), sp.Symbol(r"\bar{p}") + 1)) == "π* = p\u0304 + 1"
    assert symbol_latex(r"\pi^*") == r"\pi^{*}" and symbol_latex(r"\bar{p}") == r"\bar{p}"
def test_a_formula_in_single_quotes_is_typeset_whole():
    """A new user's report: check lines quote assumption names with repr, and 'c_1 < c_2' came out as
    'c_1 < c₂' (the opening quote read as the apostrophe of firm's)."""
    from symbolic.prose import prose_latex, prose_text

    assert prose_text("the assumption named 'c_1 < c_2' is c_1 <= c_2") == \
        "the assumption named 'c₁ < c₂' is c₁ ≤ c₂"
    assert prose_latex("the assumption named 'c_1 < c_2'") == "the assumption named `$c_{1} < c_{2}$'"
    assert prose_text("firm's profit") == "firm's profit"


def test_a_fraction_raised_to_a_power_is_parenthesised():
    """A new user's counterexample read "-3/4" with a superscript t, which reads -(3/4)**t; SymPy prints (3/4)**t
    as 3/4 with the t over the 4 too."""
    from symbolic.notation import pretty

    t = sp.Symbol("t")
    assert pretty(sp.Pow(sp.Rational(-3, 4), t)) == "      t\n(-3/4) "
    assert pretty(sp.Pow(sp.Rational(3, 4), t)) == "     t\n(3/4) "
    assert pretty(sp.Pow(2, t)) == " t\n2 "


def test_letter_subscripts_of_the_text_form_are_typeset_in_latex():
    """A user's symbol g_i is declared in text as gᵢ (SymPy's pretty subscript): the report printed g[U+1D62]."""
    from symbolic.prose import escape_text, prose_latex

    assert escape_text("gᵢ, xⁿ, zᵦ, θ₁₂") == r"g$_{i}$, x$^{n}$, z$_{\beta}$, $\theta$$_{1}$$_{2}$"
    assert prose_latex("positive: a, gᵢ, w") == "positive: $a$, $g$$_{i}$, $w$"
    from sympy.printing.pretty.pretty_symbology import sub, sup

    every = "".join(ch for table in (sub, sup) for ch in table.values() if ch)
    assert len(every) > 40 and "[U+" not in escape_text(every)


def test_symbols_that_are_english_words_are_typeset_where_no_word_follows():
    """A new user's report read "positive: $E$, I, $\\lambda$" and "A is in the assumption ... some a satisfies it"
    for the symbols I and a; a symbol named θₖ (a typed subscript) printed as \\theta \\text{[U+2096]}."""
    from proofs.inputs import lone_words
    from symbolic.notation import latex
    from symbolic.prose import prose_latex

    assert prose_latex("positive: E, I, lambda") == r"positive: $E$, $I$, $\lambda$"
    assert prose_latex("positivity of I; not needed: positivity of a") == "positivity of $I$; not needed: positivity of $a$"
    assert prose_latex("I think a firm of a kind is here") == "I think a firm of a kind is here"
    line = lone_words("a", "tau < a - c", ())
    assert prose_latex(line[0].upper() + line[1:]) == (
        r"The symbol $a$ is in the assumption `$\tau < a - c$' only, not in the claim nor in another assumption: "
        "that assumption asks only that some value of $a$ satisfies it")
    assert [latex(sp.Symbol(n)) for n in ("θₖ", "x₁₂", "x²")] == [r"\theta_{k}", "x_{12}", "x^{2}"]


def test_identifiers_of_words_and_quoted_code_are_set_as_text():
    """A new user's report: a note's cost_of_capital read as cost with the subscript 'of', a section Stress_section
    as Stress with the subscript 'section'; sp.Rational(1, 9) and evaluate=False were set in roman."""
    from symbolic.prose import prose_latex

    assert prose_latex("the cost_of_capital rises") == r"the cost\_of\_capital rises"
    assert prose_latex("Stress_section") == r"Stress\_section"
    assert prose_latex("c_max beside k_ss and lambda_1S") == r"$c_{max}$ beside $k_{ss}$ and $\lambda_{1S}$"
    assert prose_latex("a Symbol('t', positive=True) or sp.Lt(x, 1, evaluate=False)") == (
        r"a \texttt{Symbol(`t', positive=True)} or \texttt{sp.Lt(x, 1, evaluate=False)}")
