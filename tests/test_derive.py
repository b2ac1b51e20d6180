"""Derivations: exact-string LaTeX regressions, assumption use, refutation classes, ablation, the CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import sympy as sp

from symbolic.denominators import numer_denom

from proofs import Claim, get_claim
from proofs.decide import decide_claim
from symbolic import Status
from proofs.ablation import ablation, assumption_group, assumption_use, refutation_class
from proofs.derive import derive
from symbolic.clearing import clearing, clearing_step, clearing_steps
from symbolic.derivation import Derivation, Step, escape_latex
from symbolic.section5 import condition_star, model_steps, no_profitable_deviation

ROOT = Path(__file__).resolve().parents[1]

MODEL_LATEX = r"""\begin{align*}
\intertext{World price (North coordinated, North wage the numeraire):}
& p_{j} = \frac{1}{\lambda_{jN} \theta_{j}} \\
\intertext{Zero profit with coordination in $j$:}
& \frac{w}{\lambda_{jS} \theta_{j}} = \frac{1}{\lambda_{jN} \theta_{j}} \implies w_{j,C} = \frac{\lambda_{jS}}{\lambda_{jN}} \\
\intertext{Zero profit without coordination in $j$:}
& \frac{w}{\lambda_{jS}} = \frac{1}{\lambda_{jN} \theta_{j}} \implies w_{j,U} = \frac{\lambda_{jS}}{\lambda_{jN} \theta_{j}} \\
\intertext{No profitable deviation from $E(j,C)$ to $k$ (a lone deviator is uncoordinated):}
& \frac{\lambda_{jS}}{\lambda_{jN} \lambda_{kS}} \geq \frac{1}{\lambda_{kN} \theta_{k}} \\
\intertext{Condition (*) for sector $k$:}
& \frac{\lambda_{1S} \lambda_{kN}}{\lambda_{1N} \lambda_{kS}} < \theta_{1} \\
& \text{A1 between sectors $j < k$:}\quad \frac{\lambda_{jS}}{\lambda_{jN}} > \frac{\lambda_{kS}}{\lambda_{kN}} \\
& \text{A2 between sectors $j < k$:}\quad \frac{\lambda_{jS}}{\lambda_{jN} \theta_{j}} > \frac{\lambda_{kS}}{\lambda_{kN} \theta_{k}}
\end{align*}"""


def test_section5_model_latex_is_pinned():
    assert Derivation("model", model_steps()).as_latex() == MODEL_LATEX


def test_clearing_step_is_the_engines_rewrite():
    step = clearing_step(no_profitable_deviation("k", True, "1"))
    assert step.text.startswith("Multiply by the denominator")
    assert sp.latex(step.math) == r"\lambda_{1N} \lambda_{kS} \theta_{1} - \lambda_{1S} \lambda_{kN} \geq 0"
    # the rewrite is equivalent where the denominator is positive: check at a point
    pt = {s: sp.Rational(i + 2, 3) for i, s in enumerate(sorted(step.math.free_symbols, key=str))}
    assert bool(step.math.subs(pt)) == bool(no_profitable_deviation("k", True, "1").subs(pt))


def test_weak_star_derivation_latex_is_pinned():
    d = Derivation("(*)", (Step("Weak (*)", condition_star("k", strict=False)),
                           clearing_step(condition_star("k", strict=False))))
    assert d.as_latex() == (
        "\\begin{align*}\n"
        r"& \text{Weak (*):}\quad \frac{\lambda_{1S} \lambda_{kN}}{\lambda_{1N} \lambda_{kS}} \leq \theta_{1} \\"
        "\n"
        r"\intertext{Multiply by the denominator $\lambda_{1N} \lambda_{kS}$, positive under the assumptions:}"
        "\n"
        r"& \frac{\lambda_{1S} \lambda_{kN}}{\lambda_{1N} \lambda_{kS}} \leq \theta_{1} \iff "
        r"- \lambda_{1N} \lambda_{kS} \theta_{1} + \lambda_{1S} \lambda_{kN} \leq 0"
        "\n\\end{align*}")


def test_a_step_that_multiplies_by_the_denominator_leaves_no_division(decided_claims):
    """Every rewrite the derivations show, for every claim, is free of denominators."""
    for result in decided_claims.values():
        for ob, _ in result.decisions:
            for rel in ob.decided_statement.atoms(sp.core.relational.Relational):
                rewritten = clearing(rel)[2]
                for side in (rewritten.lhs, rewritten.rhs):
                    _, den = numer_denom(side)  # the engine's notion of a denominator (exp(-t) is not one)
                    assert den.free_symbols == set(), (result.claim.id, rel, rewritten)


def _quotients(obj) -> bool:
    return any(isinstance(e, sp.Pow) and e.exp.is_number and e.exp.is_negative for e in sp.preorder_traversal(obj))


def test_a_multiplication_step_says_what_it_does(decided_claims):
    """No step claims to clear what it leaves, none shows an empty 0 = 0, and an implication keeps its conclusion."""
    for result in decided_claims.values():
        for ob, _ in result.decisions:
            before = None
            for step in clearing_steps(ob.decided_statement):
                if step.text.startswith("Divide by the common factor"):  # the rewrite just shown, divided
                    factor = step.inline[0]
                    assert factor.is_positive and type(step.math) is type(before), (result.claim.id, step.text)
                    assert sp.expand(step.math.lhs * factor - before.lhs) == 0, (result.claim.id, step.math)
                    before = step.math
                    continue
                assert step.text.startswith(("Multiply", "One of its relations: multiply")), step.text
                shown = step.chain[-1] if step.chain else step.math
                if shown is None:  # said in words: the two sides cancel, or the statement reduces to a constant
                    assert "identically" in step.text or "reduces to" in step.text, (result.claim.id, step.text)
                    continue
                assert shown != sp.Eq(0, 0, evaluate=False), (result.claim.id, step.text)
                assert shown != before and shown != ob.decided_statement, (result.claim.id, step.text)
                if _quotients(shown):
                    assert "quotients inside powers and functions are not cleared" in step.text, (result.claim.id, shown)
                before = shown
            if isinstance(ob.decided_statement, sp.Implies):
                for step in clearing_steps(ob.decided_statement):
                    if step.math is not None and not step.text.startswith("One of"):
                        assert isinstance(step.math, (sp.Implies, sp.Or)) or step.math in (sp.true, sp.false), \
                            (result.claim.id, step.math)


def test_a_positive_common_factor_is_divided_out_and_a_small_polynomial_factored():
    a, b, c_F, c_L = sp.symbols("a b c_F c_L", positive=True)
    welfare = (a + c_F - 2 * c_L) * (7 * a + 31 * c_F - 38 * c_L) * 13824 * b**11
    steps = clearing_steps(sp.Gt(welfare / (3981312 * b**12), 0, evaluate=False))  # SymPy cancels to 288 b
    assert [s.text for s in steps] == ["Multiply by the denominator {0}, positive under the assumptions", "Factor"]
    assert steps[1].math == sp.Gt((a + c_F - 2 * c_L) * (7 * a + 31 * c_F - 38 * c_L), 0, evaluate=False)
    steps = clearing_steps(sp.Gt(a**2 * b / (a + b) - c_F * b**2 / (a + b), 0, evaluate=False))
    assert steps[1].text == "Divide by the common factor {0}, positive under the assumptions"
    assert steps[1].inline == (b,) and steps[1].math == sp.Gt(a**2 - b * c_F, 0, evaluate=False)
    # a factor whose sign is not certain from its form stays: 4 x^3 - 2 x y is divided by 2, not by x
    x, y = sp.Symbol("x", real=True), sp.Symbol("y", positive=True)
    steps = clearing_steps(4 * x**3 / y > 2 * x)
    assert steps[1].inline == (2,) and steps[1].math == sp.Gt(x * (2 * x**2 - y), 0, evaluate=False)


def test_identities_and_quotients_left_in_powers_are_said_in_words():
    a, L, F, w = sp.symbols("alpha L F w", positive=True)
    step = clearing_step(sp.Eq(L / a + F / a, (L + F) / a, evaluate=False))
    assert step.math is None and not step.chain and "the two sides cancel" in step.text and "holds" in step.text
    power = sp.Le(-w + w * (L / F - L * a / F) ** (1 - 1 / a) / a, 0)
    step = clearing_step(power)
    assert "quotients inside powers and functions are not cleared (only expanded)" in step.text
    assert not step.text.startswith("Multiply by the denominator {0}, positive under the assumptions:")
    # an implication is rewritten whole: its conclusion stays in the display
    steps = clearing_steps(sp.Implies(L / F > 1, w > 1))
    assert len(steps) == 1 and steps[0].math == sp.Implies(L - F > 0, w > 1)
    # powers of one base are combined: m^(1/alpha - 1) m^(1 - 1/alpha) w = w is an identity, said in words
    m = sp.Symbol("m", positive=True)
    step = clearing_step(sp.Eq(m ** ((1 - a) / a) * m ** (1 - 1 / a) * w / a, w / a, evaluate=False))
    assert step.math is None and "combining powers of one base" in step.text and "identically" in step.text


def test_escape_latex_handles_specials_quotes_and_unicode():
    assert escape_latex("50% & $x_1$ {a} #") == r"50\% \& \$x\_1\$ \{a\} \#"
    assert escape_latex("θ ≥ 1 => λ") == r"$\theta$ $\ge$ 1 $\Rightarrow$ $\lambda$"
    assert escape_latex("Rodríguez-Clare §8") == r"Rodr\'{\i}guez-Clare \S{}8"
    assert escape_latex('the paper: "if n = 0", \'quoted\'') == r"the paper: ``if n = 0'', `quoted'"


def test_derivation_of_s54_explains_the_generic_argument_and_cross_checks(decided_claims):
    from proofs import load_paper

    text = " ".join(derive(decided_claims["S5.4"], paper=load_paper()).as_text(columns=100).split())
    assert "only two relative orders of j" in text
    assert "fixed J = 12: E(k,C) iff weak (*), every k = 2,…,12: proved" in text
    assert "sufficient for this proof with the symbols' own assumptions (signs, integer, ...) (the decisions' cores together" in text
    assert "necessary (dropping it changes the verdict): A2" in text
    assert "not needed (still proved without it): A1" in text   # what the old single core hid
    assert "Zero profit with coordination in j" in text  # the model, from section5.model_steps
    # each decision lists its own assumptions: A1(j,k) under decision 2, A1(k,j) under decision 3
    second, third = text.split("Decision 2 of 3")[1].split("Decision 3 of 3")
    assert "A1(j,k)" in second and "A1(k,j)" not in second
    assert "A1(k,j)" in third and "A1(j,k)" not in third


def test_assumption_use_names_what_a_proof_needs(decided_claims):
    s59 = assumption_use(decided_claims["S5.12"])
    assert s59.used == ()
    assert "such as positivity, suffice" in s59.sentence()
    assert "does not use A1, A2, theta >= 1" in s59.sentence()
    s51 = assumption_use(decided_claims["S5.1"])
    assert {assumption_group(n, indexed=True) for n in s51.used} == {"A2"}
    assert assumption_use(decided_claims["S5.6"]) is None  # refuted: no proof to analyse


def test_refutation_classes(decided_claims):
    s56 = refutation_class(decided_claims["S5.6"])
    assert s56.everywhere is False and s56.holds_at  # strict (*) necessary: false only somewhere
    assert refutation_class(decided_claims["S5.4"]) is None


def test_where_a_refuted_claim_fails_and_holds_are_certified_points_of_one_decision(decided_claims):
    """The 'Where it fails' row: the counterexample, then a point where the same decision holds, each satisfying
    every assumption of that decision exactly (S2.dol.5a once got alpha = 1 against alpha < 1, its statement
    put together from two decisions with the first one's assumptions only)."""
    from symbolic import Kind, Status
    from symbolic.certify import holds, respects_symbol_assumptions

    seen = 0
    for cid, result in decided_claims.items():
        if result.status is not Status.REFUTED or result.claim.kind is not Kind.FORALL:
            continue
        rc = refutation_class(result)
        assert rc.fails_at == result.verdict.point, cid
        index = rc.decision[0] - 1 if rc.decision else 0
        ob = result.decisions[index][0]
        allowed = ob.decided_statement.free_symbols | {s for _, a in ob.assumptions for s in a.free_symbols}
        for point, truth in ((rc.fails_at, False), (rc.holds_at, True)):
            if point is None:
                continue
            assert set(point) <= allowed, (cid, point)  # no symbol of another decision
            assert respects_symbol_assumptions(point), (cid, point)
            assert all(holds(a, point) for _, a in ob.assumptions), (cid, point)
            assert holds(ob.decided_statement, point) is truth, (cid, point)
        sentence = rc.sentence()
        assert sentence.startswith("the claim") and " fails at " in sentence, sentence
        if rc.everywhere is False:
            assert "; it holds at some other points" in sentence and ", e.g. at " in sentence, sentence
        if rc.implication and rc.holds_at is not None:  # not a vacuous point: the hypothesis is met there
            assert holds(ob.decided_statement.args[0], rc.holds_at), (cid, rc.holds_at)
        seen += 1
    assert seen >= 5
    dol = refutation_class(decided_claims["S2.dol.5a"])
    assert dol.decision == (1, 2) and sp.Symbol("alpha", positive=True) not in (dol.holds_at or {})


def test_ablation_shows_which_assumption_matters():
    groups, rows = ablation([get_claim("S5.1"), get_claim("S5.7a")])
    table = {cid: (base, cells) for cid, base, cells in rows}
    assert table["S5.1"][0] == "proved" and table["S5.1"][1]["A2"] == "refuted"
    assert table["S5.1"][1]["A1"] == "-"  # S5.1 does not assume A1
    # dropping A2 from S5.7a gives S5.7b's verdict: the claim becomes possible
    assert table["S5.7a"][0] == "refuted" and table["S5.7a"][1]["A2"] == "witness"
    assert set(groups) >= {"A1", "A2", "theta >= 1", "positivity of theta"}
    # the report's row for one claim: the same cells, the claim's own groups only, its verdict not decided again
    from proofs.ablation import ablation_row
    row = dict(ablation_row(get_claim("S5.7a")))
    assert row == {g: v for g, v in table["S5.7a"][1].items() if v != "-"} and row["A2"] == "witness"


def test_necessity_separates_necessary_from_not_needed(decided_claims):
    from proofs.ablation import necessity

    rows = {r.group: r for r in necessity(decided_claims["S5.1"])}
    assert rows["A2"].necessary is True and rows["A2"].verdict.counterexample
    s52 = {r.group: r for r in necessity(decided_claims["S5.2"])}
    assert s52["A1"].necessary is True


def test_derivations_render_in_notebooks(decided_claims):
    d = derive(decided_claims["S5.10"], with_assumption_use=False)
    assert d._repr_latex_().startswith(r"\begin{align*}")
    md = d._repr_markdown_()
    assert md.startswith("**S5.10: refuted") and "Counterexample" in md


def run(*args):
    return subprocess.run([sys.executable, "-m", "proofs", *args], capture_output=True, text=True, timeout=120,
                          cwd=ROOT)


def test_derive_cli_formats():
    text = run("derive", "S5.6")
    assert text.returncode == 0 and "Counterexample" in text.stdout
    latex = run("derive", "S5.6", "--latex")
    assert latex.stdout.startswith(r"\begin{align*}") and latex.stdout.rstrip().endswith(r"\end{align*}")
    md = run("derive", "S5.6", "--markdown")
    assert md.stdout.startswith("**S5.6: refuted")


def test_derive_cli_unknown_id_is_one_line_exit_2():
    r = run("derive", "S9.9")
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1 and "S9.9" in r.stderr


# -- exact renderings of a small claim's derivation --------------------------------------------------

SMALL_TEXT = """T.1: proved (expected proved)
  Claim T.1 (a test): x/y < 1 whenever x < y
  The paper: "ratios below one"
  Its symbols are declared: positive: x, y

  Decision 1 of 1: T.1
  Its assumptions:
    y > 1
  For all admissible parameters:
                x
        x < y → ─ < 1
                y
  Multiply the relation with a denominator by y, positive under the
    assumptions; the statement becomes:
        x < y → x - y < 0
  Proved by z3: the assumptions together with the negation are
    unsatisfiable; a sufficient set of its assumptions (its core): none
    of the named ones
  Which assumptions: sufficient for this proof: none of the named
    assumptions (the symbols' own assumptions, such as positivity,
    suffice); this proof does not use y > 1
  Which assumptions are necessary (each dropped in turn): not needed
    (still proved without it): y > 1 (no decision's core uses it),
    positivity of x, positivity of y; a sign or integrality is dropped
    from the statement as SymPy holds it, which SymPy may have
    simplified with it when it was written (|x| is x for a positive x)"""

SMALL_MARKDOWN = r"""**T.1: proved (expected proved)**

- Claim T.1 (a test): $x/y < 1$ whenever $x < y$
- The paper: "ratios below one"
- Its symbols are declared: positive: $x$, $y$

### Decision 1 of 1: T.1

- Its assumptions:
  - $y > 1$
- For all admissible parameters: $x < y \implies \frac{x}{y} < 1$
- Multiply the relation with a denominator by $y$, positive under the assumptions; the statement becomes: $x < y \implies x - y < 0$
- Proved by z3: the assumptions together with the negation are unsatisfiable; a sufficient set of its assumptions (its core): none of the named ones
- Which assumptions: sufficient for this proof: none of the named assumptions (the symbols' own assumptions, such as positivity, suffice); this proof does not use $y > 1$
- Which assumptions are necessary (each dropped in turn): not needed (still proved without it): $y > 1$ (no decision's core uses it), positivity of $x$, positivity of $y$; a sign or integrality is dropped from the statement as SymPy holds it, which SymPy may have simplified with it when it was written ($\lvert x\rvert$ is $x$ for a positive $x$)
"""

SMALL_LATEX = r"""\begin{align*}
\intertext{Claim T.1 (a test): $x/y < 1$ whenever $x < y$}
\intertext{The paper: ``ratios below one''}
\intertext{Its symbols are declared: positive: $x$, $y$}
\intertext{Decision 1 of 1: T.1}
\intertext{Its assumptions:}
& y > 1 \\
\intertext{For all admissible parameters:}
& x < y \implies \frac{x}{y} < 1 \\
\intertext{Multiply the relation with a denominator by $y$, positive under the assumptions; the statement becomes:}
& x < y \implies x - y < 0 \\
\intertext{Proved by z3: the assumptions together with the negation are unsatisfiable; a sufficient set of its assumptions (its core): none of the named ones}
\intertext{Which assumptions: sufficient for this proof: none of the named assumptions (the symbols' own assumptions, such as positivity, suffice); this proof does not use $y > 1$}
\intertext{Which assumptions are necessary (each dropped in turn): not needed (still proved without it): $y > 1$ (no decision's core uses it), positivity of $x$, positivity of $y$; a sign or integrality is dropped from the statement as SymPy holds it, which SymPy may have simplified with it when it was written ($\lvert x\rvert$ is $x$ for a positive $x$)}
\end{align*}"""


def _small_derivation():
    from proofs import Claim, decide_claim

    x, y = sp.symbols("x y", positive=True)
    claim = Claim(id="T.1", statement="x/y < 1 whenever x < y", claim=sp.Implies(x < y, x / y < 1),
                  assumptions={"y > 1": y > 1}, place="a test", quote="ratios below one", expected="proved")
    return derive(decide_claim(claim))


def test_small_derivation_text_is_pinned_and_wrapped():
    d = _small_derivation()
    assert d.as_text(columns=72) == SMALL_TEXT
    assert all(len(line) <= 72 for line in d.as_text(columns=72).splitlines())
    assert "Implies(" not in d.as_text() and "Eq(" not in d.as_text()


def test_small_derivation_markdown_and_latex_are_pinned():
    d = _small_derivation()
    assert d.as_markdown() == SMALL_MARKDOWN
    assert d.as_latex() == SMALL_LATEX


def test_derive_cli_wraps_at_the_terminal_width_and_prints_no_constructors():
    import os

    r = subprocess.run([sys.executable, "-m", "proofs", "derive", "S5.4"], capture_output=True, text=True,
                       timeout=300, cwd=ROOT, env=dict(os.environ, COLUMNS="80"))
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    for constructor in ("Eq(", "Implies(", "And(", "Equivalent(", "lambda_", "theta_", "**"):
        assert constructor not in r.stdout, constructor
    assert "λ_1S" in r.stdout and "θ₁" in r.stdout
    md = run("derive", "S5.4", "--markdown").stdout
    assert md.count("\n### Decision ") == 3  # one section per decision


# -- formulas too wide or too long to typeset (the grant round's Piecewise stopped TeX) --------------------

def _greedy_like(n: int = 3):
    R, c = sp.symbols(f"R_1:{n + 1}", positive=True), sp.symbols(f"c_1:{n + 1}", positive=True)
    B = sp.Symbol("B", positive=True)
    spend = [c[j] * sp.Max(0, (c[j] - R[j]) / c[j]) for j in range(n)]
    return sp.Piecewise(*[(R[i] - c[i], sp.And(*[s <= B for s in spend], R[i] > c[i] + i)) for i in range(n)],
                        (0, True)), B


def test_long_piecewise_conditions_are_set_one_conjunct_a_line():
    from symbolic.notation import latex

    pw, _ = _greedy_like()
    tex = latex(pw)
    assert tex.count(r"\begin{aligned}[t]") == 3 and r"\\ & \wedge " in tex
    x, y = sp.symbols("x y")
    short = sp.Piecewise((x, sp.And(x > 1, y < 2)), (0, True))
    assert latex(short) == sp.latex(short)  # short conditions stay as SymPy sets them


def test_a_wide_formula_that_cannot_be_broken_is_text_that_wraps():
    from symbolic.derivation import WideLine, display_latex, latex_lines

    xs = sp.symbols("x_1:90", positive=True)
    product = sp.Mul(*xs)  # one term: nothing to break at
    lines = latex_lines(sp.Gt(product, 1))
    assert any(isinstance(line, WideLine) for line in lines)
    out = display_latex(lines)
    assert r"\ttfamily\raggedright" in out and "x\\_89" in out and r"\begin{align*}" in out  # "> 1" stays math


def test_a_formula_pages_long_is_summarised_by_its_size():
    from symbolic.derivation import display_latex, latex_lines

    pw, B = _greedy_like()
    huge = sp.And(*[sp.Implies(B > k, pw + pw.subs(B, k * B) >= k) for k in range(1, 12)])
    out = display_latex(latex_lines(huge))
    assert "Too long to typeset here: a formula of about" in out and r"\begin{align*}" not in out
    assert "coordfail" not in out and "JSON" not in out  # a report reads like a paper: no tool instructions


def test_a_formula_with_a_huge_tree_is_summarised_without_being_printed():
    """A derived rule repeats its subtrees: about 2**23 nodes as printers walk it, few distinct. Printing any
    of it would not finish in this test run."""
    from symbolic.clearing import clearing_step
    from symbolic.derivation import OmittedLine, display_latex, is_wide, latex_lines, omitted

    x = sp.Symbol("x", real=True)
    e = x
    for i in range(22):
        e = sp.Piecewise((e + 1, x > i), (e - 1, True), evaluate=False)
    lines = latex_lines(sp.Gt(e, 0))
    assert len(lines) == 1 and isinstance(lines[0], OmittedLine)
    assert "24,000 nodes" in lines[0] and "distinct subexpressions" in lines[0]
    out = display_latex(lines)
    assert "Too long to typeset here: a comparison (>) of two expressions" in out and r"\begin{align*}" not in out
    assert "coordfail" not in out
    assert is_wide(e)
    step = clearing_step(sp.Gt(e, 1))  # not expanded: no reader sees it
    assert isinstance(step.math_lines()[0], OmittedLine)
    assert omitted(x ** 2 + 1) is None and latex_lines(x ** 2 > 1) == ["x^{2} > 1"]


def test_a_statement_sympy_settled_is_said_to_be_a_constant_not_an_unsatisfiability():
    from proofs import Claim
    from proofs.decide import decide_claim

    x = sp.Symbol("x", positive=True)
    cases = [(Claim(id="K.1", statement="x is x", claim=sp.Eq(x, x)), "Proved by", "the statement is the constant True"),
             (Claim(id="K.2", statement="x < 0", claim=sp.Lt(x, 0)), "Refuted by", "the statement is the constant False"),
             (Claim(id="K.3", statement="some x", claim=sp.Eq(x, x), kind="exists"), "An instance exists",
              "the condition is the constant True")]
    for claim, opening, settled in cases:
        text = derive(decide_claim(claim), with_assumption_use=False).as_text(columns=1000)
        # the verdict's line (a Check: line says the statement was constant as written, too)
        line = next(ln for ln in text.splitlines() if settled in ln and not ln.strip().startswith("Check:"))
        assert line.strip().startswith(opening), line
        assert any(ln.strip().startswith("Check: the statement is the constant") for ln in text.splitlines())
        assert "unsatisfiable" not in text, text


def test_a_users_assumptions_are_not_grouped_as_sectors():
    # a_1 > 0 and a_2 > 0 are two assumptions of the user's, not one group "a > 0 for sectors 1 and 2";
    # c and c_1 are two parameters (an outside trial found "necessary: a > 0" and "c ‹ c₂ for sector 1")
    from proofs import Claim
    from proofs.decide import decide_claim
    from proofs.ablation import necessity, necessity_sentence

    a1, a2 = sp.symbols("a_1 a_2", real=True)
    b, c, c1 = sp.symbols("b c c_1", positive=True)
    claim = Claim(id="N.1", statement="a_1 + b + c > 0", claim=a1 + b + c > 0,
                  assumptions={"a_1 > 0": a1 > 0, "a_2 > 0": a2 > 0, "a_1 < a_2": a1 < a2, "c_1 < c": c1 < c})
    result = decide_claim(claim)
    use = assumption_use(result)
    assert use.sentence().endswith("a_1 > 0; this proof does not use a_2 > 0, a_1 < a_2, c_1 < c")
    rows = {r.group: r.necessary for r in necessity(result)}
    assert rows["a_2 > 0"] is False and rows["a_1 < a_2"] is False  # each dropped alone
    # c and c_1 each alone (a stem "c" would drop both, and say only c)
    assert rows["positivity of c"] is False and rows["positivity of c_1"] is False
    assert "sector" not in use.sentence() + necessity_sentence(necessity(result))
    assert assumption_group("a_1 > 0", indexed=claim.indexed_assumptions) == "a_1 > 0"


def test_dropping_an_assumption_of_a_claim_for_every_size_is_still_decided():
    # the necessity row re-decides the decisions alone: the claim's scope is no question there
    from proofs import Claim
    from proofs.decide import decide_claim
    from proofs.ablation import necessity

    N = sp.Symbol("N", integer=True, positive=True)
    a = sp.Symbol("a", positive=True)
    claim = Claim(id="Z.3", statement="a share a/(N + 1) is at most a/2", claim=a / (N + 1) <= a / 2,
                  assumptions={"N >= 2": N >= 2}, scope="every N")
    rows = {r.group: r for r in necessity(decide_claim(claim))}
    assert rows["N >= 2"].necessary is False, rows["N >= 2"].verdict  # still proved for N >= 1


def test_a_boolean_set_over_lines_keeps_its_grouping_in_text():
    # outside trial: (m = 0 ∨ X) ∧ (m = N ∨ Y) printed as "m = 0 ∨ X / ∧ m = N ∨ Y", which reads otherwise
    from symbolic.derivation import text_of

    a, b, c, d = sp.symbols("a b c d")
    assert text_of(sp.And(sp.Or(a > 1, b > 1), sp.Or(c > 1, d > 1)), columns=20) == \
        "(a > 1\n∨ b > 1)\n∧ (c > 1\n∨ d > 1)"
    assert text_of(sp.Implies(a > 1, sp.Equivalent(b > 1, c > 1)), columns=12) == "a > 1\n⟹ (b > 1\n⟺ c > 1)"
    assert text_of(sp.Or(sp.And(a > 1, b > 1), c > 1), columns=12) == "a > 1\n∧ b > 1\n∨ c > 1"  # ∧ binds tighter


def test_integrality_is_an_assumption_dropped_in_turn():
    # a new user's claim true for whole numbers of firms only: "sufficient: a > c" with signs only, and the
    # table never dropped integrality
    from proofs import Claim
    from proofs.decide import decide_claim
    from proofs.ablation import assumption_use, necessity

    n = sp.Symbol("n", integer=True, positive=True)
    a, c = sp.symbols("a c", positive=True)
    claim = Claim(id="I.1", statement="n^2 (a - c) >= n (a - c)", claim=n**2 * (a - c) >= n * (a - c),
                  assumptions={"a > c": a > c})
    result = decide_claim(claim)
    assert result.status.value == "proved"
    rows = {r.group: r for r in necessity(result, use=assumption_use(result))}
    assert rows["integrality of n"].necessary is True  # n = 1/2 once n is any positive real
    assert rows["integrality of n"].verdict.counterexample is not None
    assert "own assumptions (signs, integer" in assumption_use(result).sentence()


def test_a_connective_stays_with_the_first_piece_of_a_side_the_printer_wrapped():
    """A new user's report: at 70 columns ``⟺`` stood between the two pieces of one wrapped side of an
    equivalence, so that the equivalence read as one between the pieces."""
    import sympy as sp

    from symbolic.derivation import text_of

    n, r = sp.symbols("n r", positive=True)
    long_side = sp.Eq(sum(r**(n - k) * (n - k) / (n**2 + k) for k in range(6)), 0)
    lines = text_of(sp.Equivalent(sp.Eq(r, sp.Rational(1, 2)), long_side), 70).splitlines()
    arrow = next(i for i, line in enumerate(lines) if "⟺" in line)
    wrapped = [i for i, line in enumerate(lines) if line.lstrip().startswith("↪")]
    assert wrapped and arrow < wrapped[0], "\n".join(lines)
    assert lines[arrow].split("⟺")[1].strip(), "the connective is on a line of the formula, not alone"


# -- a red team of the secondary statements (necessity, sufficiency, the evaluation at a point) ----------------

def _necessity_rows(claim):
    from proofs.ablation import assumption_use, necessity

    result = decide_claim(claim)
    assert result.status is Status.PROVED
    return {row.group: row for row in necessity(result, None, assumption_use(result))}


def test_an_assumption_named_like_a_sign_group_is_dropped_as_the_named_assumption_it_is():
    """``{"positivity of y": y > 0}`` for a real y was read as "drop y's declared sign" (y has none), so the row
    said "not needed" of an assumption without which y + 1/y >= 2 fails at y = -1."""
    y = sp.Symbol("y", real=True)
    rows = _necessity_rows(Claim(id="T.gn", statement="s", claim=y + 1 / y >= 2, assumptions={"positivity of y": y > 0}))
    assert list(rows) == ["positivity of y"] and rows["positivity of y"].necessary is True
    yp = sp.Symbol("y", positive=True)  # the same name for the declared sign too: two rows, told apart
    rows = _necessity_rows(Claim(id="T.gn2", statement="s", claim=yp + 1 / yp >= 2,
                                 assumptions={"positivity of y": sp.Gt(yp, 0, evaluate=False)}))
    assert "positivity of y (as declared)" in rows


def test_dropping_a_declared_sign_keeps_the_parity_and_no_sign_is_invented_from_one():
    """An odd positive k lost its oddness with its sign (the row's counterexample was k = 2), and an odd j got a
    "sign of j" row from the nonzero SymPy derives from odd=True."""
    k = sp.Symbol("k", odd=True, positive=True)
    rows = _necessity_rows(Claim(id="T.odd", statement="s", claim=sp.Ne(k**3 + k, 10)))
    assert rows["positivity of k"].necessary is False  # k**3 + k = 10 only at k = 2, which is even
    j = sp.Symbol("j", odd=True)
    rows = _necessity_rows(Claim(id="T.odd2", statement="s", claim=sp.Ne(j**3 + j, 10)))
    assert not [g for g in rows if g.startswith(("sign", "positivity"))]


def test_a_named_assumption_sympy_settled_from_a_sign_leaves_the_sign_undetermined():
    """``{"y > 0": y > 0}`` for a positive y is True as SymPy builds it: dropping y's sign dropped the user's
    assumption too, and "positivity of y" was called necessary.  Read again from its name it was wrong the other
    way (a red team's ``{"w > 0": w >= 0}``: "not needed", while w = 0 refutes the claim): what such an
    assumption says without the declarations is not known, so the row is undetermined."""
    x, y, w, r = sp.symbols("x y w r", positive=True)
    rows = _necessity_rows(Claim(id="T.nt", statement="s", claim=x * y + 1 / (x * y) >= 2, assumptions={"y > 0": y > 0}))
    assert rows["positivity of y"].necessary is None and "constant True" in rows["positivity of y"].verdict.reason
    # which symbols the folded assumption was about is lost with it: every sign's row is undetermined
    assert rows["positivity of x"].necessary is None
    rr = sp.Symbol("r", real=True)
    rows = _necessity_rows(Claim(id="T.nt2", statement="s", claim=sp.Implies(rr > 1, rr * w > 0),
                                 assumptions={"w > 0": w >= 0}))
    assert rows["positivity of w"].necessary is not False


def test_a_point_is_shown_with_its_exact_values_not_a_nearby_simple_number():
    """nsimplify moved 1000000001/3000000000 onto 1/3: "x <= 1/3 becomes 1/3 <= 1/3" beside "false"."""
    from proofs.derive import _readable

    assert _readable(sp.Rational(10**9 + 1, 3 * 10**9)) == sp.Rational(10**9 + 1, 3 * 10**9)
    assert _readable(sp.sqrt(2) + sp.Rational(1, 10**30)) == sp.sqrt(2) + sp.Rational(1, 10**30)
    assert _readable(sp.sqrt(8) / 2) == sp.sqrt(2)


def test_an_implication_refuted_with_a_family_is_classified_as_an_implication():
    """With g(t) = t - 1, Implies(x > 0, g(x) > g(0) + x) becomes x <= 0 as SymPy builds it: the refutation
    class said "it holds elsewhere, e.g. at x = 0", where the hypothesis fails (vacuously true)."""
    from proofs import Obligation
    from symbolic.obligation import Family

    x, t = sp.Symbol("x", real=True), sp.Symbol("t", real=True)
    g = sp.Function("g", real=True)
    fam = Family(g, sp.Lambda(t, t - 1), "g(t) = t - 1", requirements=(("increasing", sp.diff(t - 1, t) > 0),))
    claim = Claim(id="T.fam", statement="s", build=lambda: [Obligation.forall(
        "d", sp.Implies(x > 0, g(x) > g(0) + x), {"g increasing": sp.Derivative(g(x), x) > 0}, families=(fam,))])
    result = decide_claim(claim)
    assert result.status is Status.REFUTED
    rc = refutation_class(result)
    assert rc.implication and rc.everywhere is True and "true only where its hypothesis fails" in rc.sentence()


def test_an_assumption_needed_only_for_the_claim_to_be_defined_is_necessary_with_the_point():
    """Without the sign of x, sqrt(x) sqrt(x + 1) >= x is undefined at an exact admissible point (x < 0): the group is
    needed, and the row says so with the point, instead of searching the whole near-copy limit for a
    counterexample where the claim is defined (there is none).  A counterexample where it is defined is still
    the row's verdict where one is found (y + 1/y >= 2 at y = -1)."""
    x, y = sp.symbols("x y", positive=True)
    rows = _necessity_rows(Claim(id="T.def", statement="s", claim=sp.sqrt(x) * sp.sqrt(x + 1) >= x))
    row = rows["positivity of x"]
    assert row.necessary is True and row.verdict.status is Status.UNKNOWN and row.verdict.counterexample is None
    assert row.undefined.startswith("sqrt(x) has no real value") and " at x = -" in row.undefined, row.undefined
    rows = _necessity_rows(Claim(id="T.def2", statement="s", claim=y + 1 / y >= 2))
    assert rows["positivity of y"].necessary is True and not rows["positivity of y"].undefined
    assert rows["positivity of y"].verdict.counterexample[sp.Symbol("y", real=True)] < 0
    # a named assumption: log(z) < z needs z > 0 only to be defined; a real z with z != 0 is not enough
    z = sp.Symbol("z", real=True)
    rows = _necessity_rows(Claim(id="T.def3", statement="s", claim=sp.log(z) < z,
                                 assumptions={"z positive": z > 0, "z nonzero": sp.Ne(z, 0)}))
    assert rows["z positive"].necessary is True and "log(z) has no real value" in rows["z positive"].undefined
    from proofs.ablation import necessity_sentence

    words = necessity_sentence(tuple(rows.values()))
    assert "needed for the claim to be defined" in words and "z positive (log(z) has no real value" in words, words
    # at a fixed size, the point names the size (a second red team: "at x = 0" without n = 1)
    n = sp.Symbol("n", integer=True, positive=True)
    rows = _necessity_rows(Claim(id="T.def4", statement="s", claim=sp.sqrt(z - n) >= 0,
                                 assumptions={"z >= 3": z >= 3}, scope="n = 1..3"))
    assert " at n = 1, z = " in rows["z >= 3"].undefined, rows["z >= 3"].undefined


def test_undefined_is_said_from_sympys_exact_values_not_from_the_engines_reading_of_powers():
    """The engine reads x**y for x > 0 only; v**sigma at v = 0, sigma = 2 is 0, and y**n at y = -1, n = 3 is -1:
    a necessity row must not call the claim undefined there.  Kleene's logic as the engine's: a part that
    settles an Or gives it a value."""
    from proofs.ablation import _without_value

    v, s, y, x = sp.symbols("v sigma y x", real=True)
    n = sp.Symbol("n", integer=True)
    assert _without_value(v**s + 1 > 0, {v: 0, s: 2}) == ""
    assert _without_value(y**n >= -1, {y: -1, n: 3}) == ""
    assert _without_value(sp.Or(x < 0, 1 / x > 2), {x: -1}) == ""
    assert _without_value(sp.Or(x < 0, 1 / x > 2), {x: 0}) == "1/x has no real value there (no finite value)"
    assert _without_value(sp.sqrt(x) * sp.sqrt(x + 1) >= x, {x: -2}) == \
        "sqrt(x) has no real value there (the value sqrt(2)*i, not real)"
    assert _without_value(sp.cbrt(x) < 5, {x: -8}).startswith("x**(1/3) has no real value")
    assert _without_value(sp.Piecewise((1 / x, x > 0), (0, True)) >= 0, {x: 0}) == ""


def test_a_finite_sum_at_a_counterexample_is_evaluated_and_where_it_holds_is_found():
    """A new user's finite-horizon bargaining share, sum_{t<T} (-delta)^t >= 1/2 for T = 1..3: the certified
    counterexample (T = 2) was shown as "not settled" and where it holds "could not be decided": the certifier
    did not write the sum out, as the engine does."""
    from proofs.ablation import refutation_class

    d = sp.Symbol("delta", real=True)
    T, t = sp.symbols("T t", integer=True)
    claim = Claim(id="T.sum", statement="s", claim=sp.Sum((-d) ** t, (t, 0, T - 1)) >= sp.Rational(1, 2),
                  assumptions={"0 < delta": d > 0, "delta < 1": d < 1}, scope="T = 1..3")
    result = decide_claim(claim)
    assert result.status is Status.REFUTED
    text = " ".join(derive(result).as_text(columns=100).split())
    assert "At this point the relation is false" in text and "not settled" not in text, text
    assert refutation_class(result).everywhere is False  # it holds at delta = 1/4, say


def test_the_ablation_table_says_undefined_as_the_necessity_rows_do():
    """ablation() re-decided a proved claim's rows on their own and showed 'unknown' where necessity (and the
    report) said the claim is undefined without the group."""
    x = sp.Symbol("x", positive=True)
    claim = Claim(id="T.abl", statement="s", claim=sp.sqrt(x) * sp.sqrt(x + 1) >= x)
    groups, rows = ablation([claim])
    assert rows == [("T.abl", "proved", {"positivity of x": "undefined"})], rows


def test_an_assumption_folded_to_true_leaves_only_its_own_symbols_declarations_undetermined():
    """A new user wrote {"0 < a": a > 0} for a positive a: SymPy folds it to True, what it says without the
    declarations is unknown, and every declaration's row was undetermined -- n's too, which it is not about.
    Decided with the folded assumption dropped as well, fewer assumptions still prove it: n's rows are
    'not needed', and a's (which the folded assumption may be about) stay undetermined."""
    from proofs.ablation import necessity

    a, w = sp.symbols("a w", positive=True)
    n = sp.Symbol("n", integer=True, positive=True)
    claim = Claim(id="Z.9", statement="s", claim=sp.And(w / a > w, a * w < w + n**2),
                  assumptions={"0 < a": a > 0, "a < 1": a < 1})
    rows = {r.group: r.necessary for r in necessity(decide_claim(claim))}
    assert rows["positivity of n"] is False and rows["integrality of n"] is False, rows
    assert rows["positivity of a"] is None and rows["a < 1"] is True, rows  # refuted with fewer: says nothing
    # and where fewer assumptions still prove it, a's row too: a w < w + n^2 holds for any real a < 1
    fewer = Claim(id="Z.10", statement="s", claim=a * w < w + n**2, assumptions={"0 < a": a > 0, "a < 1": a < 1})
    assert {r.group: r.necessary for r in necessity(decide_claim(fewer))}["positivity of a"] is False


def test_an_assumption_sympy_folded_in_part_leaves_that_declaration_undetermined():
    """A red team's trial: {"b > 0 and 2 c_1 < a + c_2": And(b > 0, ...)} for a positive b is built as 2 c_1 < a +
    c_2, and b's positivity was called necessary (the claim as written does not need it: its assumption says b >
    0); {"b < 0 or ...": Or(b < 0, ...)} is built likewise, and b's positivity was called not needed (at b = -1 the
    claim as written fails).  A name that compares a symbol with a number its formula does not have leaves that
    declaration undetermined, and is a check line; a name about the formula's own symbols is not."""
    from proofs.ablation import necessity
    from proofs.inputs import input_checks

    a, b, c1, c2 = sp.symbols("a b c_1 c_2", positive=True)
    both = Claim(id="E1", statement="s", claim=(a - 2 * c1 + c2) / (3 * b) > 0,
                 assumptions={"b > 0 and 2 c_1 < a + c_2": sp.And(b > 0, 2 * c1 < a + c2)})
    either = Claim(id="G1", statement="s", claim=(a + c2 - 2 * c1) * (b**2 + 1) > 0,
                   assumptions={"b < 0 or 2 c_1 < a + c_2": sp.Or(b < 0, 2 * c1 < a + c2)})
    for claim in (both, either):
        rows = {r.group: r for r in necessity(decide_claim(claim))}
        assert rows["positivity of b"].necessary is None, rows["positivity of b"]
        assert rows["positivity of c_1"].necessary is False
        checks = input_checks(claim)
        assert any("its name compares b with a number, and its formula does not have it" in c for c in checks), checks
    plain = Claim(id="P1", statement="s", claim=(a - 2 * c1 + c2) / (3 * b) > 0,
                  assumptions={"2 c_1 < a + c_2": 2 * c1 < a + c2})
    assert not input_checks(plain) and {r.group: r.necessary for r in necessity(decide_claim(plain))}[
        "positivity of b"] is True  # b < 0 reverses the sign: needed, and decided so


def test_an_equivalence_undefined_without_an_assumption_says_so():
    """Consumers bear the whole tax iff demand is vertical, Equivalent(Eq(D/(B + D), 1), Eq(B, 0)), needs B >= 0
    and D > 0 only to be defined; the rows said 'undetermined' (an equivalence had no Kleene value)."""
    from proofs.ablation import necessity

    B, D = sp.symbols("B D", real=True)
    claim = Claim(id="T3", statement="s", claim=sp.Equivalent(sp.Eq(D / (B + D), 1), sp.Eq(B, 0)),
                  assumptions={"B >= 0": B >= 0, "D > 0": D > 0})
    rows = {r.group: r for r in necessity(decide_claim(claim))}
    assert rows["B >= 0"].undefined and rows["D > 0"].undefined, rows


def test_a_derived_expression_that_comes_out_as_stated_is_not_called_a_sign_argument():
    """A referee's reading: S4.4 showed a_MS g_S/(a_MN g_N) = a_MS g_S/(a_MN g_N) "Proved by SymPy's sign rules"."""
    from proofs import get_claim

    text = derive(decide_claim(get_claim("S4.4")), with_assumption_use=False).as_text(columns=1000)
    assert "Proved: the derived expression is the stated one, term for term" in text
    assert "Proved by SymPy's sign rules" not in text


def test_an_existence_claim_about_any_size_says_one_size_witnesses_it_and_signs_say_they_are_as_built():
    """The same reading: S5.7c, 'witness (some J)', said "Scope: every J"; the report's 'not needed: positivity
    of C' of S2.spill.3 was re-decided on a statement SymPy had built with C > 0."""
    from proofs import get_claim
    from proofs.ablation import necessity, necessity_sentence

    text = derive(decide_claim(get_claim("S5.7c")), with_assumption_use=False).as_text(columns=1000)
    assert "Scope: economies of any number of sectors J (an instance at one J witnesses it)" in text
    words = necessity_sentence(necessity(decide_claim(get_claim("S2.spill.3"))), caveat=False)
    assert "in the statement as SymPy built it, which may have used the sign when the claim was written: " \
           "positivity of" in words and "not needed (still proved without it): positivity" not in words, words


def test_a_refuted_claim_says_whether_it_fails_on_an_open_set_or_only_on_a_knife_edge():
    """A user's: "payoff dominance implies risk dominance" was refuted at a tie (a - c = d - b), which a referee
    could dismiss as a knife edge; nothing said that it also fails on an open set.  With every inequality of
    the negation, the assumptions and the conditions of definition strict, does it still fail?  A knife edge
    (x = 1 for x >= 1 => x**2 > 1) is said to be one.  A tester's cases where either sentence would be false
    say nothing: integers (sqrt(n) >= 1 fails only at n = 0, the edge of sqrt's domain), Max (0 on all of
    p < c), an equation written as two inequalities, a relation that is an equation identically (also once a
    float is read as the decimal it prints: 0.1*3*x > 3x/10), and an equation forcing a tie (q_1 = q_2 by the
    model)."""
    def classified(claim, assumptions=None):
        return refutation_class(decide_claim(Claim(id="T", statement="s", claim=claim, assumptions=assumptions or {})))

    a, b, c, d = sp.symbols("a b c d", real=True)
    rc = classified(sp.Implies(a > d, a - c > d - b), {"a > c": a > c, "d > b": d > b})
    assert rc.everywhere is False and rc.strictly is True, rc
    at = rc.strictly_at
    assert at[a] > at[d] and at[a] - at[c] < at[d] - at[b] and at[a] > at[c] and at[d] > at[b]  # strict, each
    assert "so on an open set of points (not only at a tie" in rc.sentence()
    x, y = sp.symbols("x y", real=True)
    edge = classified(sp.Implies(x >= 1, x**2 > 1))
    assert edge.everywhere is False and edge.strictly is False and edge.fails_at == {x: 1}, edge
    assert "its failures have no interior (a knife edge)" in edge.sentence()
    inside = classified(sp.Or(sp.sqrt(x) >= 1, x >= sp.Rational(1, 2)))  # fails on 0 <= x < 1/2: a point inside
    assert inside.strictly is True and 0 < inside.strictly_at[x] < sp.Rational(1, 2), inside
    n, m = sp.symbols("n m", integer=True)
    p, k = sp.symbols("p k", positive=True)
    q1, q2, t = sp.symbols("q_1 q_2 t", positive=True)
    for claim, assumptions in ((sp.sqrt(n) >= 1, None), (sp.Or(n >= m + 1, n <= m - 1), None),
                               (sp.Max(p - k, 0) > 0, None), (sp.Abs(x) + x > 0, None),
                               (x < 0, {"x >= y": x >= y, "x <= y": x <= y}),
                               (sp.Or((x + 1)**2 > x**2 + 2 * x + 1, y > 0), None),
                               (sp.Or(y > 0, sp.Float(0.1) * 3 * x > sp.Rational(3, 10) * x), None),  # 0.1 read as 1/10
                               (sp.Or(q2 > q1, t > 5), {"q1": sp.Eq(1 - q1, q1 * y), "q2": sp.Eq(1 - q2, q2 * y)})):
        rc = classified(claim, assumptions)
        assert rc.everywhere is False and rc.strictly is None, (claim, rc)
        assert "knife" not in rc.sentence() and "open set" not in rc.sentence()
