"""``coordfail report``: the front page, the claims' sections, determinism, atomic output, the compiled PDF."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from proofs import claims

ROOT = Path(__file__).resolve().parents[1]

#: a user's paper: two sections, no figures, no model, no regions
CLAIMS_FILE = '''
"""Markups and varieties: a two-section example."""
import sympy as sp
from proofs import Claim, Paper

c, alpha, beta = sp.symbols("c alpha beta", positive=True)
m, theta_1 = sp.symbols("m theta_1", positive=True)

paper = Paper(
    title="Markups and Varieties",
    citation="A. Author (2024), Markups and Varieties, Working Paper 1",
    sections=(("1", "Section 1 of the paper: markups"), ("2", "Section 2 of the paper: varieties")),
    claims=(
        Claim(id="M.1", section="1", place="Section 1, the markup rule",
              statement="the price c/alpha falls as alpha rises, for beta < 1",
              claim=sp.Implies(alpha < beta, c / alpha > c / beta), assumptions={"beta < 1": beta < 1},
              expected="proved"),
        Claim(id="M.2", section="1", place="Section 1, a claim that is false",
              statement="c/alpha >= 2 c for every alpha < 1", claim=c / alpha >= 2 * c,
              assumptions={"alpha < 1": alpha < 1}, expected="refuted"),
        Claim(id="V.1", section="2", place="Section 2, an existence claim", kind="exists",
              statement="some m has m^2 = 2 theta_1 with theta_1 = 1",
              claim=sp.And(sp.Eq(m**2, 2 * theta_1), sp.Eq(theta_1, 1)), expected="witness"),
    ),
)
'''


def run(*args, env=None, timeout=600):
    return subprocess.run([sys.executable, "-m", "proofs", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT, env=env)


@pytest.fixture()
def claims_file(tmp_path):
    path = tmp_path / "markups.py"
    path.write_text(CLAIMS_FILE)
    return path


def _write(tmp_path, claims_file, name, **kw):
    from proofs import Settings, load_paper
    from proofs.report import write_report

    paper = load_paper(str(claims_file))
    out = tmp_path / name
    write_report(out, paper=paper, settings=Settings(samples=500), **kw)
    return out


def test_a_users_claims_file_gives_a_report_with_its_title_and_sections(tmp_path, claims_file):
    out = _write(tmp_path, claims_file, "r", jobs=1)
    tex = (out / "report.tex").read_text(encoding="utf-8")
    assert "Markups and Varieties" in tex and "A. Author (2024)" in tex
    # the paper's own section titles, in its order, not renumbered
    assert tex.index(r"\section*{Section 1 of the paper: markups}") \
        < tex.index(r"\section*{Section 2 of the paper: varieties}")
    assert r"\section{" not in tex
    for cid in ("M.1", "M.2", "V.1"):
        assert f"\\subsection*{{{cid}: " in tex
    assert r"\includegraphics" not in tex  # a figure-less paper
    assert "Thresholds derived from the models" not in tex  # a paper without regions
    assert "Appendix" not in tex  # the toolkit's own kernels belong to its own paper only
    # the front page: how it was checked, the verdicts at a glance, the errata found
    front = tex[:tex.index(r"\newpage")]
    assert "The verdicts at a glance" in front and "Errata found" in front
    assert "M.2" in front and "V.1" not in front.split("Errata found")[1]
    assert "3 of 3 as expected" in front
    # words that are formulas are typeset; symbols named as the paper writes them
    assert r"$c/\alpha \geq 2 c$" in tex and r"\theta_{1}" in tex
    assert not re.search(r"(?<!\\)\b(?:alpha|theta)", tex.split(r"\begin{document}")[1])  # only \alpha
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary files left behind


def test_the_report_is_the_same_serial_and_in_parallel(tmp_path, claims_file):
    one = _write(tmp_path, claims_file, "one", jobs=1)
    two = _write(tmp_path, claims_file, "two", jobs=2)
    assert (one / "report.tex").read_bytes() == (two / "report.tex").read_bytes()


def test_the_report_shows_what_issue_11_asks(tmp_path, claims_file):
    tex = (_write(tmp_path, claims_file, "r", jobs=1) / "report.tex").read_text(encoding="utf-8")
    m1 = tex.split(r"\subsection*{M.1: ")[1].split(r"\subsection*{")[0]
    assert "Mutants &" in m1 and "refuted" in m1.split("Mutants &")[1].splitlines()[0]
    assert "Sufficient &" in m1 and "Necessary &" in m1
    assert r"positivity of $\alpha$" in m1  # ablation includes the positivity of each group
    summary = tex.split(r"\section*{Every claim}")[1].split(r"\end{longtable}")[0]
    assert re.search(r"M\.1 & .* & proved & 0 / [\d,]+ & \d+/\d+\\\\", summary)
    assert "Counterexample, exact, certified" in tex.split(r"\subsection*{M.2: ")[1]
    # each refuted claim among the errata is a paragraph of its own: a line's end after the display was a space
    # that indented the next entry (a new user's report)
    errata = tex.split(r"\subsection*{Claims that are false as stated}")[1].split(r"\subsection*")[0]
    assert "\\end{align*}}\n\n" in errata and "\\end{align*}}\n\\textbf" not in errata, errata


def test_figures_sit_beside_the_claims_they_illustrate():
    import sympy as sp

    from proofs import Claim, Paper
    from proofs.paper import Figure
    from proofs.report import ClaimReport, render_report
    from symbolic import Kind, Status

    x = sp.Symbol("x", positive=True)
    paper = Paper(title="T", sections=(("1", "Section 1"),), claims=(
        Claim(id="A.1", section="1", statement="x + 1 > x", claim=x + 1 > x),
        Claim(id="A.2", section="1", statement="x >= 0", claim=x >= 0)),
        figures=(Figure("fig_a2", "1", lambda: None, "A figure of A.2", ("A.2",)),))

    def item(cid):
        return ClaimReport(id=cid, section="1", status=Status.PROVED, kind=Kind.FORALL, verdict="proved", scope="",
                           expected=None, expected_source="", statement="x", place="here", quote="",
                           formalization="paper", spot=None)

    tex = render_report([item("A.1"), item("A.2")], {"fig_a2": ("fig_a2.pdf", "A figure of A.2")}, paper=paper)
    assert tex.index(r"\subsection*{A.2") < tex.index("fig_a2.pdf") and r"\begin{figure}[H]" in tex


def test_report_to_an_unwritable_place_is_one_line_exit_2(tmp_path):
    target = tmp_path / "a-file"
    target.write_text("not a directory")
    r = run("report", "--only", "S5.1", "--out", str(target), "--quiet")
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1
    assert target.read_text() == "not a directory"


def test_pdf_without_tex_says_how_to_install_it(tmp_path):
    env = dict(os.environ, PATH=str(Path(sys.executable).parent))  # python, but no pdflatex
    r = run("report", "--only", "S5.1", "--out", str(tmp_path / "r"), "--pdf", "--quiet", env=env)
    assert r.returncode == 2
    assert "pdflatex not found" in r.stderr and "apt-get install texlive" in r.stderr
    assert not (tmp_path / "r" / "report.pdf").exists()


needs_tex = pytest.mark.skipif(shutil.which("pdflatex") is None and not os.environ.get("CI"),
                               reason="pdflatex is not installed (CI installs it and runs this test)")

#: what must never reach a reader of the PDF
IDENTIFIER = re.compile(r"[A-Za-z]+_[0-9A-Za-z]+")
SPELLED = re.compile(r"\b(?:lambda|theta|Delta|vartheta|alpha)\b")


def _pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def _typography(out: Path) -> str:
    """The checks every report must pass; returns the PDF's text."""
    log = (out / "report.log").read_text(errors="replace")
    assert "Undefined control sequence" not in log
    overfull = re.findall(r"Overfull \\hbox \(([\d.]+)pt too wide\)", log)
    assert not overfull, f"overfull boxes: {overfull}"
    text = _pdf_text(out / "report.pdf")
    assert "**" not in text
    assert "->" not in text
    assert not IDENTIFIER.findall(text), sorted(set(IDENTIFIER.findall(text)))[:10]
    assert not SPELLED.findall(text), sorted(set(SPELLED.findall(text)))
    assert "”if" not in text and "”the" not in text  # opening quotes open
    return text


@needs_tex
def test_a_users_claims_file_compiles(tmp_path, claims_file):
    out = tmp_path / "r"
    r = run("report", "--claims", str(claims_file), "--pdf", "--out", str(out), "--quiet", "--samples", "500")
    assert r.returncode == 0, r.stderr
    text = _typography(out)
    assert "Markups and Varieties" in text.split("\f")[0] and "A. Author (2024)" in text.split("\f")[0]


@pytest.mark.slow
@needs_tex
def test_full_report_compiles_and_reads_well(tmp_path):
    out = tmp_path / "report"
    r = run("report", "--pdf", "--out", str(out), "--quiet")
    assert r.returncode == 0, r.stderr
    assert (out / "report.pdf").exists() and (out / "report.tex").exists()
    text = _typography(out)
    missing = [c.id for c in claims() if c.id not in text]
    assert not missing, f"claim ids missing from the PDF: {missing}"
    front = text.split("\f")[0]
    for words in ("guez-Clare (2005)", "What was checked, and how", "The verdicts at a glance",
                  "Errata found", "S5.6", "S5.10"):
        assert words in front, words
    assert text.split("\f")[1].lstrip().startswith("Every claim")  # the front page is one page
    assert "Thresholds derived from the models" in text
    assert "Section 5 of the paper" in text and "Section 4 of the paper" in text
    tex = (out / "report.tex").read_text(encoding="utf-8")
    # the Section 4 figure sits after the first claim it illustrates
    assert tex.index(r"\subsection*{S4.2: ") < tex.index("section4_wages.pdf") < tex.index(r"\subsection*{S4.3: ")
    # scope wherever a verdict is shown
    assert r"\subsection*{S5.4: proved (every $J$, by reduction)}" in tex
    # no heading stranded at a page's foot: each heading is followed by text on its own page
    for page in text.split("\f"):
        lines = [line for line in page.strip().splitlines() if line.strip() and not line.strip().isdigit()]
        if lines:
            assert lines[-1].strip() not in ("Derivation", "The model"), lines[-3:]


def test_an_undecided_claim_settled_by_exact_draws_is_listed_up_front_and_in_the_table():
    # outside trial: such a claim showed "0 / 100,000" in the table and was missing from the front page
    import sympy as sp

    from proofs import Claim, Paper
    from proofs.report import claim_reports
    from proofs.report_tex import render_report
    from symbolic.settings import Settings

    u = sp.Symbol("u", positive=True)  # false near u = pi/20, which neither z3 nor simple rationals reach
    paper = Paper(title="t", claims=(Claim(id="U.1", statement="s",
                                           claim=sp.Abs(sp.sin(10 * u)) < sp.Rational(99, 100) + u**4),))
    items = claim_reports(paper, list(paper.claims), Settings(samples=5000))
    tex = render_report(items, {}, paper=paper)
    assert "Claims the engine left undecided but exact draws settle" in tex
    assert r"settle it} / 5" in tex


def test_an_unknown_region_says_why_in_the_thresholds_table():
    """A user's report: the thresholds table showed an unknown region as "unknown; none, not certified", the
    reason (QEPCAD eliminates real variables, and k is an integer) dropped."""
    import types

    import sympy as sp

    from proofs import Claim, Paper
    from proofs.regions import RegionEntry, Threshold, derive_rows
    from proofs.report import _regions

    t, f = sp.symbols("t f", positive=True)
    k = sp.Symbol("k", positive=True, integer=True)
    entry = RegionEntry("K.1", lambda: [Threshold("some k fits", sp.And(4 * f * k <= t, t < 4 * f * (k + 1)), (),
                                                  eliminate=(k,))], "holds where")
    paper = Paper(title="t", claims=(Claim(id="K.1", statement="s", claim=t > 0),),
                  regions=types.SimpleNamespace(region_for=lambda claim_id: derive_rows(entry, 10.0)))
    (row,) = _regions(paper, "K.1")
    assert row.derived == r"\text{unknown}"
    assert row.comparison.startswith("not compared: the region is unknown (") and "integer" in row.comparison, row


def test_the_errata_summary_keeps_the_size_a_refutation_is_at():
    """A new user's report: a claim for n = 1..5, true at n = 1, 2 and false everywhere at n = 3, was listed as
    "false everywhere the assumptions hold" on the report's first page."""
    from proofs.ablation import RefutationClass
    from proofs.report import _refutation_short

    assert _refutation_short(RefutationClass(True, fixed="n = 3")) == "false everywhere the assumptions hold with n = 3"
    assert _refutation_short(RefutationClass(False, fixed="n = 3")) == "false somewhere with n = 3, though it holds elsewhere"
    assert _refutation_short(RefutationClass(True)) == "false everywhere the assumptions hold"
    assert _refutation_short(RefutationClass(True, implication=True, fixed="n = 2")) == \
        "false wherever its hypothesis holds with n = 2"



def test_the_errata_summary_keeps_the_decision_and_the_function_a_refutation_is_about():
    """A red team's report: g(x) > x for an increasing g, refuted with g(t) = t - 1, and a claim false everywhere
    in its second decision only, were both listed as "false everywhere the assumptions hold" (g(t) = t + 1
    makes the first true everywhere; the first decision of the second holds everywhere)."""
    from proofs.ablation import RefutationClass
    from proofs.report import _refutation_short

    assert _refutation_short(RefutationClass(True, decision=(2, 2))) == \
        "false everywhere the assumptions hold (decision 2 of 2)"
    assert _refutation_short(RefutationClass(True, family="g(t) = t - 1")) == \
        "false everywhere the assumptions hold with g(t) = t - 1"

def test_the_report_counts_float_only_refutations_and_undefined_draws_as_verify_does():
    """A new user's report: a refuted claim whose refuting draws were all float failures past the re-decision
    limit read "0 (+5,296 more in floats ...)" in verify but "0 / 100,000" in the report; and the draws where a
    claim is undefined, counted by verify, were not in the report's sentence."""
    from proofs.claim import SpotCheck
    from proofs.report_tex import _spot_cell, _spot_sentence
    from symbolic import Kind, Status

    floats = SpotCheck(samples=100_000, violations=0, seconds=0.1, found=0, found_more=5296)
    assert _spot_cell(floats, Status.REFUTED) == "5,296 in floats refute / 100,000"
    assert _spot_cell(SpotCheck(samples=10, violations=0, seconds=0.1, found=3, found_more=2),
                      Status.REFUTED) == "3+ refute / 10"
    undefined = SpotCheck(samples=100_200, violations=0, seconds=0.1, undefined=10_412)
    assert "(10,412 of them where the statement is undefined, deciding nothing)" in \
        _spot_sentence(undefined, Status.UNKNOWN, Kind.FORALL)


def test_an_undecided_claims_float_failures_settle_nothing_and_counts_cover_every_decision():
    """A new user's true claim, equal at m = 1, left unknown: rounding at the tie failed 9,760 float draws, and the
    table said "9,760 in floats settle it" in bold (verify: "refute it in floats", pytest: "settle what the engine
    did not").  A claim at six sizes said "100,402 draws, 1,047 of them violate (110,754 more in floats)": its
    refuting draws were counted over six decisions, its draws for one."""
    from types import SimpleNamespace

    from proofs.claim import SpotCheck
    from proofs.cmd_verify import _spot_text
    from proofs.report_tex import _spot_cell, _spot_sentence
    from symbolic import Kind, Status

    floats = SpotCheck(samples=100_019, violations=0, seconds=0.1, found=0, found_more=9760)
    assert _spot_cell(floats, Status.UNKNOWN) == "0 exact (9,760 in floats) / 100,019"
    sentence = _spot_sentence(floats, Status.UNKNOWN, Kind.FORALL)
    assert "none of them violates the claim exactly; 9,760 float failures were not re-decided" in sentence
    unknown = SimpleNamespace(status=Status.UNKNOWN, claim=SimpleNamespace(kind=Kind.FORALL))
    assert _spot_text(floats, unknown) == ("no draw refutes it exactly, of 100,019; 9,760 float failures not "
                                           "re-decided (they decide nothing)")
    confirmed = SpotCheck(samples=1000, violations=0, seconds=0.1, found=3)
    assert _spot_cell(confirmed, Status.UNKNOWN) == r"\textbf{3 settle it} / 1,000"
    six = SpotCheck(samples=100_402, violations=0, seconds=0.1, found=1047, found_more=110_754, draws=602_412)
    assert _spot_cell(six, Status.REFUTED) == "1,047+ refute / 602,412"
    assert ("602,412 admissible draws over its obligations, at least 100,402 for each decision"
            in _spot_sentence(six, Status.REFUTED, Kind.FORALL))
    assert six.as_dict()["draws_in_all"] == 602_412 and "draws_in_all" not in floats.as_dict()
    # a second red team: a proved claim's cell and row still showed one decision's draws
    proved = SpotCheck(samples=100_414, violations=0, seconds=0.1, draws=401_656, exercised=32_723)
    assert _spot_cell(proved, Status.PROVED) == "0 / 401,656"
    # a new user's witness whose instances no draw met read "0 / 100,448", as if 0 disagreed: said what it is
    missed = SpotCheck(samples=100_448, violations=0, seconds=0.1)
    assert _spot_cell(missed, Status.WITNESS, Kind.EXISTS) == "0 instances / 100,448"
    assert _spot_cell(missed, Status.REFUTED, Kind.FORALL) == "0 refute / 100,448"
    assert _spot_cell(missed, Status.REFUTED, Kind.EXISTS) == "0 / 100,448"  # no instance: none of them is one
    assert _spot_cell(SpotCheck(samples=0, violations=0, seconds=0.1), Status.PROVED) == "none evaluated"
    assert _spot_cell(SpotCheck(samples=0, violations=0, seconds=0.1, draws=5000), Status.PROVED) == \
        "a decision none / 5,000"
    holds = SimpleNamespace(status=Status.PROVED, claim=SimpleNamespace(kind=Kind.FORALL), verdict=None)
    assert _spot_text(proved, holds) == "401,656 draws ok (at least 32,723 meet the hypothesis in each implication)"


def test_a_fixed_scope_is_typeset_as_derive_writes_it():
    """The report wrote "N = 1..4" where derive writes "N = 1, …, 4"."""
    from proofs.report_tex import _verdict_tex

    assert _verdict_tex("proved (N = 1..4 only)") == r"proved ($N$ = $1, \ldots, 4$ only)"
    assert _verdict_tex("proved (every J)") == r"proved \mbox{(every $J$)}"


def test_a_refuted_reading_of_the_project_is_no_erratum_and_a_proof_says_the_facts_it_rests_on(tmp_path):
    """A referee's reading of the PDF: the converse S5.14, a rule the text only suggests (S7.grant.4) were listed
    under "Claims false as stated" as errors of the paper; S7.sf.2's summary said "Sufficient: 0 < beta < 1" of a
    proof that rests on Bernoulli's inequality, given to z3 as a fact."""
    from proofs import Settings, load_paper
    from proofs.report import write_report

    path = tmp_path / "mine.py"
    path.write_text(
        "import sympy as sp\nfrom proofs import Claim\n"
        "x, b, c = sp.symbols('x b c', positive=True)\n"
        "claims = [Claim(id='P.1', statement='c/x >= 2c for x < 1', claim=c / x >= 2 * c,\n"
        "                assumptions={'x < 1': x < 1}, expected='refuted'),\n"
        "          Claim(id='R.1', statement='the converse', claim=c / x <= 2 * c, assumptions={'x < 1': x < 1},\n"
        "                expected='refuted', formalization='project'),\n"
        "          Claim(id='B.1', statement='Bernoulli', claim=x**b <= 1 + b * (x - 1),\n"
        "                assumptions={'b < 1': b < 1}, expected='proved')]\n")
    out = tmp_path / "r"
    write_report(out, paper=load_paper(str(path)), settings=Settings(samples=500), jobs=1)
    tex = (out / "report.tex").read_text(encoding="utf-8")
    false_as_stated = tex.index("Claims false as stated")
    readings = tex.index("The project's readings (a converse, a strict reading: not the source's words), refuted")
    assert false_as_stated < tex.index(r"\textbf{P.1}") < readings < tex.index(r"\textbf{R.1}")
    assert "May rest on & z3 saw exp, log only through true facts given with the query (Bernoulli" in tex


def test_a_claim_whose_mutants_are_all_undecided_is_not_called_possibly_vacuous():
    """S2.fmd.2's eight mutants were all undecided (an abstract P), and its page said 'none of 8 refuted: the
    check may be vacuous', which nothing showed; verify's summary already said 'nothing shows the check can
    fail, nor that it cannot'.  A mutant implied by its claim is named apart."""
    from proofs.mutants import MutantReport
    from proofs.report_tex import _mutant_sentence

    undecided = MutantReport(2, 0, (), ("x > 1 made weak (>=)", "x > 1 shifted to x > 2"))
    text = _mutant_sentence(undecided)
    assert text.startswith("none of 2 decided") and "nor that it cannot" in text and "vacuous" not in text
    survived = MutantReport(2, 0, ("x > 1 made weak (>=)",), ("x > 1 shifted to x > 2",))
    assert _mutant_sentence(survived) == "none of 2 refuted: the check may be vacuous"
    implied = MutantReport(1, 1, (), (), implied=("x > 1 shifted to x > 0",))
    assert _mutant_sentence(implied).startswith("1 of 1 refuted; 1 not counted: weaker than the claim itself")


@pytest.mark.skipif(shutil.which("pdflatex") is None, reason="needs pdflatex")
def test_claim_ids_with_latex_specials_compile_and_their_labels_are_distinct(tmp_path):
    """A packager's: ids with '#', '&' or '%' (verify accepts them) went into \\label{} unescaped and pdflatex
    failed; Claim._repr_latex_ wrote them unescaped too ('prop_1' broke a notebook's LaTeX export)."""
    from proofs import Settings, load_paper
    from proofs.report import write_report
    from proofs.report_tex import _key

    path = tmp_path / "odd.py"
    path.write_text(
        "import sympy as sp\nfrom proofs import Claim\nx = sp.Symbol('x', positive=True)\n"
        "claims = [Claim(id='P#1 & 50%', statement='s', claim=x / 2 >= x, expected='refuted'),\n"
        "          Claim(id='prop_1', statement='t', claim=x + 1 > x, expected='proved')]\n")
    out = tmp_path / "r"
    write_report(out, paper=load_paper(str(path)), settings=Settings(samples=200), jobs=1, pdf=True)
    assert (out / "report.pdf").stat().st_size > 0
    assert _key("P#1 & 50%") != _key("P#1 & 50_") and _key("S5.4") == "claim:S5.4"
    tex = r"\documentclass{article}\usepackage{amsmath}\begin{document}" + "\n".join(
        c._repr_latex_() for c in load_paper(str(path)).claims) + r"\end{document}"
    (tmp_path / "repr.tex").write_text(tex)
    done = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "repr.tex"], cwd=tmp_path,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-800:]


def test_vacuous_and_constant_point_claims_say_what_their_spot_checks_could_show():
    """A trial's big-push file: a vacuous claim's spot check said "NOT CHECKED ... an equation among them is almost
    never met at random" (there was none, and the verdict itself says no draw exists), the front page listed
    the verdicts without "vacuous", and a claim refuted at N = 1, where SymPy settled the statement to False,
    said "0 of 199,432 draws refute it" as if the draws had looked there."""
    import sympy as sp

    from proofs import Claim
    from proofs.claim import SpotCheck
    from proofs.cmd_verify import _spot_text
    from proofs.decide import decide_claim
    from proofs.report_tex import _spot_cell, _spot_sentence
    from symbolic import Kind, Status

    nothing = SpotCheck(samples=0, violations=0, seconds=0.0)
    said = _spot_sentence(nothing, Status.VACUOUS, Kind.FORALL)
    assert "as the verdict says" in said and "NOT CHECKED" not in said and "equation" not in said
    assert _spot_cell(nothing, Status.VACUOUS) == "none admissible"
    assert "NOT CHECKED" in _spot_sentence(nothing, Status.PROVED, Kind.FORALL)  # not said of another verdict

    L, f, a = sp.symbols("L f alpha", positive=True)
    N = sp.Symbol("N", integer=True, positive=True)
    lone, full = a * (L - f) - L, N * (a * (L - f) - L)  # equal at N = 1: SymPy settles '<' to False there
    result = decide_claim(Claim(id="S.1", statement="s", claim=lone < full / N + (N - 1) * f,
                                assumptions={"alpha > 1": a > 1}, scope="N = 1..3"))
    assert result.status is Status.REFUTED and result.point_from_constant, result.verdict
    missed = SpotCheck(samples=1000, violations=0, seconds=0.1, draws=2000)
    assert "constant SymPy settled" in _spot_sentence(missed, Status.REFUTED, Kind.FORALL, True)
    assert "a set the draws missed" in _spot_sentence(missed, Status.REFUTED, Kind.FORALL, False)
    assert "(its decision a constant: not drawn)" in _spot_text(missed, result)
    found = SpotCheck(samples=1000, violations=0, seconds=0.1, found=4)  # draws that refute it: nothing to add
    assert "not drawn" not in _spot_text(found, result)
    symbolic = decide_claim(Claim(id="S.2", statement="s", claim=L * N > 2 * f, scope="N = 1..2"))
    assert symbolic.status is Status.REFUTED and not symbolic.point_from_constant, symbolic.verdict


def test_the_front_page_names_vacuous_among_the_verdicts_where_a_claim_is_vacuous():
    from dataclasses import replace

    import sympy as sp

    from proofs import Claim, Paper
    from proofs.report import ClaimReport
    from proofs.report_tex import _front_page
    from symbolic import Kind, Status

    x = sp.Symbol("x", positive=True)
    paper = Paper(title="T", sections=(("1", "Section 1"),), claims=(
        Claim(id="A.1", section="1", statement="x + 1 > x", claim=x + 1 > x),))
    item = ClaimReport(id="A.1", section="1", status=Status.PROVED, kind=Kind.FORALL, verdict="proved", scope="",
                       expected=None, expected_source="", statement="x", place="here", quote="",
                       formalization="paper", spot=None)
    assert r"\emph{vacuous}" not in _front_page([item], paper)
    assert r"\emph{vacuous} (the assumptions are contradictory" in _front_page(
        [item, replace(item, id="A.2", status=Status.VACUOUS, verdict="vacuous")], paper)
