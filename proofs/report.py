r"""The LaTeX report a co-author can read: a front page, then every claim with its derivation.

:func:`write_report` decides every selected claim and gathers, for each, what
was checked: the verdict and its scope, the numeric spot check, the mutants
(near misses that must be refuted), which assumptions are *sufficient* (a
minimal set the proof uses) and which are *necessary* (the claim re-decided
without each), where a refuted claim does hold, and the derived region of its
threshold.  :func:`render_report` lays this out -- a short front page (title,
citation, how it was checked, the verdicts at a glance, the errata found), the
summary table, one section per section of the paper (its model, its claims,
its figures beside the claims they illustrate, its ablation table), the
thresholds derived from the models, the errata -- with every formula from
SymPy's LaTeX printer and every symbol named as the paper writes it.

Everything comes from the :class:`~proofs.paper.Paper`: its title, citation,
sections, models, figures and errata; nothing in this module is specific to
one paper.  Files are written whole or not at all (a private directory, then
renames); ``pdf=True`` compiles ``report.pdf`` with pdflatex in a temporary
directory and moves it in only when compilation succeeded.  The body has no
timestamps, so the same claims give the same ``.tex``.

Claims are worked on in parallel processes where the platform forks (each
claim's questions are its own; the run cache of :mod:`proofs.claim` makes
each process ask each question once).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from sympy.logic.boolalg import BooleanAtom

from symbolic import Kind, Status
from symbolic.derivation import Derivation, display_latex, latex_lines
from symbolic.errors import BadInputError, BadInputTypeError, CoordfailError
from symbolic.notation import latex
from symbolic.prose import escape_text, method_words, prose_latex
from symbolic.settings import Settings

from .claim import (Claim, SpotCheck, covers_every_size, decide_claim, decide_obligation_once, is_identity,
                    scoped_verdict)
from .derive import NECESSITY_TIMEOUT
from .files import atomic_save, atomic_write
from .paper import Paper, load_paper
from .parallel import default_jobs, imap_in_order


__all__ = ["write_report", "render_report", "ReportError", "compile_pdf", "ClaimReport", "claim_report"]


class ReportError(CoordfailError):
    """The report could not be produced (e.g. no TeX installation); the message is one line."""


_PREAMBLE = r"""\documentclass[10pt]{article}
\usepackage[margin=2.2cm]{geometry}
\usepackage{amsmath,amssymb}
\usepackage{graphicx}
\usepackage{float}
\usepackage{longtable,booktabs,array}
\usepackage[hidelinks]{hyperref}
\IfFileExists{needspace.sty}{\usepackage{needspace}}{}
\makeatletter
\providecommand{\needspace}[1]{\begingroup\setlength{\dimen@}{#1}\vskip\z@\@plus\dimen@\penalty -100%
  \vskip\z@\@plus -\dimen@\vskip\dimen@\penalty 9999\vskip -\dimen@\vskip\z@skip\endgroup}
\makeatother
\allowdisplaybreaks
\setlength{\emergencystretch}{3em}
\setlength{\parindent}{0pt}
\setlength{\parskip}{0.45ex plus 0.2ex}
\newcolumntype{L}[1]{>{\raggedright\arraybackslash}p{#1}}
\begin{document}
"""


# -- what the report knows about one claim ------------------------------------------------------

@dataclass(frozen=True)
class RegionRow:
    """A derived region of a claim, ready to print (LaTeX in the math fields)."""

    label: str  #: words
    scope: str
    kind: str  #: "threshold" or "holds where"
    derived: str  #: LaTeX
    paper: str  #: LaTeX, or "" for a "holds where" row
    comparison: str  #: words
    method: str
    certified: bool


@dataclass(frozen=True)
class ClaimReport:
    """Everything the report prints about one claim: plain values and LaTeX, no live objects.

    Built by :func:`claim_report` (in a worker process when claims are worked
    on in parallel); rendering is a pure function of these values.
    """

    id: str
    section: str
    status: Status
    kind: Kind
    verdict: str  #: with its scope: "proved (every J)"
    scope: str
    expected: Status | None
    expected_source: str
    statement: str  #: words
    place: str
    quote: str
    formalization: str
    spot: SpotCheck | None
    mutants: object = None  #: a MutantReport (proved claims)
    sufficient: str = ""  #: words
    necessary: str = ""  #: words
    reading: str = ""  #: the counterexample or witness in the model's terms (words), where the paper gives one
    point_label: str = ""  #: the decision the point belongs to (it may fix a parameter, e.g. alpha = 1/2)
    #: (assumption group, verdict with it dropped) for each of the claim's groups
    ablation: tuple[tuple[str, str], ...] = ()
    refutation: str = ""  #: where a refuted claim fails (words)
    refutation_short: str = ""  #: "false everywhere the assumptions hold" or "false only somewhere"
    point: str = ""  #: the counterexample or witness (LaTeX)
    formal: tuple[str, ...] = ()  #: the formal statement, LaTeX lines
    formal_label: str = ""
    derivation: str = ""  #: LaTeX blocks
    regions: tuple[RegionRow, ...] = ()
    seconds: float = 0.0

    @property
    def as_expected(self) -> bool:
        return self.expected is not None and self.status is self.expected


def _verdict_words(status: Status, scope: str) -> str:
    return scoped_verdict(status.value, scope)


def claim_report(paper: Paper, claim: Claim, settings: Settings, *, mutants: bool = True,
                 regions: bool = True) -> ClaimReport:
    """Decide ``claim`` and gather what the report says about it (each question asked once per process)."""
    from .derive import (ablation, assumption_use, derive, necessity, necessity_sentence, point_latex,
                         refutation_class)
    from .spotchecks import spot_check_claim

    # decisions with their cores first: the verdict answers the question without one too, so the
    # decision and the sufficient assumptions (assumption_use) cost one solver call, not two
    start = time.monotonic()
    for ob in claim.decisions:  # within the claim's time limit, as decide_claim shares it
        remaining = settings.timeout - (time.monotonic() - start)
        if remaining > 0:
            decide_obligation_once(ob, settings.merge(core=True, timeout=remaining))
    result = decide_claim(claim, settings=settings)
    spot = spot_check_claim(paper, result, settings)
    proved = result.status is Status.PROVED
    use = assumption_use(result, settings) if proved else None
    sufficient = use.sentence() if use is not None else ""
    dropped = necessity(result, settings) if proved else ()
    necessary = necessity_sentence(dropped) if proved else ""
    cells: tuple = ()
    if proved:  # the claim's ablation row is these very decisions: each group dropped in turn
        cells = tuple((r.group, r.verdict.status.value) for r in dropped)
    elif not _keeps_its_point(claim.kind, result.status):
        _, rows = ablation([claim], settings=settings)
        cells = tuple((g, v) for g, v in rows[0][2].items() if v != "-") if rows else ()
    refuted = refutation_class(result, settings)
    read = paper.reading_for(claim.id)
    reading = ""
    if read is not None and result.verdict.point is not None:
        try:
            reading = read(result.verdict.point)
        except Exception as exc:  # the paper's own reading failed: bad input, named, not a traceback
            raise BadInputError(f"claim {claim.id}: its reading raised {type(exc).__name__}: {exc}") from exc
        if not isinstance(reading, str):
            raise BadInputTypeError(f"claim {claim.id}: its reading must return words (a str), got "
                                    f"{type(reading).__name__}")
    mutant = None
    if mutants and proved:
        from .mutants import mutant_report

        mutant = mutant_report(result, settings)
    derivation = derive(result, settings=settings, paper=paper, with_assumption_use=False, include_model=False,
                        assumptions_as_math=False, header=False, use=use)
    formal = claim.formal_statement()
    label = claim.formal_label()
    if claim.latex:
        formal_lines: tuple[str, ...] = (claim.latex,)
    elif isinstance(formal, (bool, BooleanAtom)):  # settled while derived: the derivation says so
        formal_lines, label = (), ""
    elif is_identity(formal):  # 'w/alpha = w/alpha': the derived side came out as stated; show it once
        formal_lines = tuple(latex_lines(formal.lhs))
        label = "Derived from the model, the expression comes out exactly as stated"
    else:
        formal_lines = tuple(latex_lines(formal))
        label += ", for all admissible parameters" if claim.kind is Kind.FORALL else \
            ", for some admissible parameters"
    return ClaimReport(
        id=claim.id, section=claim.section, status=result.status, kind=claim.kind,
        verdict=_verdict_words(result.status, claim.scope), scope=claim.scope, expected=claim.expected,
        expected_source=claim.expected_source, statement=claim.statement, place=claim.where,
        quote=claim.quote, formalization=claim.formalization, spot=spot, mutants=mutant, sufficient=sufficient,
        necessary=necessary, ablation=cells, reading=reading,
        point_label=next((ob.label for ob, v in result.decisions if v.point is not None
                          and v.point == result.verdict.point), ""),
        refutation=refuted.sentence() if refuted is not None else "",
        refutation_short=_refutation_short(refuted),
        point=point_latex(result.verdict.point) if result.verdict.point is not None else "",
        formal=formal_lines, formal_label=label, derivation=derivation.as_latex_blocks(),
        regions=_regions(paper, claim.id) if regions else (), seconds=result.verdict.seconds)


def _keeps_its_point(kind: Kind, status: Status) -> bool:
    """A counterexample (or a witness) satisfies every weaker set of assumptions: dropping one cannot
    change the verdict, so the ablation does not re-decide such claims."""
    return (kind is Kind.FORALL and status is Status.REFUTED) or (kind is Kind.EXISTS and status is Status.WITNESS)


def _refutation_short(refuted) -> str:
    if refuted is None or refuted.everywhere is None:
        return ""
    return ("false everywhere the assumptions hold" if refuted.everywhere
            else "false somewhere, though it holds elsewhere")


def _regions(paper: Paper, claim_id: str) -> tuple[RegionRow, ...]:
    region_for = getattr(paper.regions, "region_for", None)
    if region_for is None:
        return ()
    rows = []
    for d in region_for(claim_id):
        t = d.threshold
        rows.append(RegionRow(t.label, t.scope, d.kind,
                              latex(d.region.condition) if d.region.known else r"\text{unknown}",
                              latex(t.paper) if t.paper is not None else "", d.verdict_text(), d.region.method,
                              d.region.certified))
    return tuple(rows)


# -- rendering -----------------------------------------------------------------------------------

def _tex(text: str) -> str:
    """Words that may hold formulas, as LaTeX."""
    return prose_latex(text)


def _at_least(spot: SpotCheck) -> str:
    """``100+`` where floats saw more than were re-decided exactly (the claim's section gives both counts)."""
    return f"{spot.found:,}" + ("+" if spot.found_more else "")


def _spot_cell(spot: SpotCheck | None, status: Status | None = None) -> str:
    if spot is None:
        return "--"
    if not spot.agrees:
        return rf"\textbf{{{spot.violations:,} / {spot.samples:,}}}"
    if status is Status.REFUTED and spot.found:
        return f"{_at_least(spot)} refute / {spot.samples:,}"
    if status is Status.WITNESS and spot.found:
        return f"{_at_least(spot)} instances / {spot.samples:,}"
    if spot.samples == 0:  # a constant, or a statement with no numeric value (an abstract function)
        return "none evaluated"
    return f"0 / {spot.samples:,}"


def _spot_sentence(spot: SpotCheck | None, status: Status | None = None, kind: Kind = Kind.FORALL) -> str:
    """What the spot check evaluated and found, in words fitting the verdict (a refuted existence claim has
    no counterexample: none of its draws is an instance)."""
    if spot is None:
        return "none"
    if not spot.agrees:
        return f"{spot.violations:,} of {spot.samples:,} draws DISAGREE with the verdict: {spot.detail}"
    if spot.samples == 0:
        if spot.detail.startswith("constant"):
            return "nothing evaluated: SymPy settled the statement to a constant before the engine saw it"
        reason = re.search(r"not checked numerically: ([^;]*)", spot.detail)
        if reason:
            return f"not checked numerically: the statement {reason.group(1)}"
    draws = f"{spot.samples:,} admissible draws (floats, and exact draws on the boundaries)"
    point = ""
    if status in (Status.REFUTED, Status.WITNESS) and not (kind is Kind.EXISTS and status is Status.REFUTED):
        what = "counterexample" if status is Status.REFUTED else "witness"
        how = next((h for h in ("re-evaluated exactly", "re-evaluated in floats only", "not re-evaluated")
                    if f"{what} {h}" in spot.detail), None)
        point = f"the {what} {how}; " if how else ""
    confirmed = "exactly confirmed" + (f"; {spot.found_more:,} more in floats, not re-decided" if spot.found_more
                                       else "")
    if kind is Kind.FORALL and status is Status.REFUTED:
        return (f"{point}{draws}, {spot.found:,} of them violate the claim ({confirmed}); none disagrees "
                "with the verdict")
    if status is Status.WITNESS:
        return f"{point}{draws}, {spot.found:,} of them are instances ({confirmed}); none disagrees with the verdict"
    if kind is Kind.EXISTS and status is Status.REFUTED:
        return f"{draws}; none of them is an instance"
    return f"{draws}; none disagrees"


def _mutant_cell(m) -> str:
    return f"{m.killed}/{m.generated}" if m is not None else "--"


def _mutant_sentence(m) -> str:
    """LaTeX: how many mutants were refuted, and which were not (each named once, with its count)."""
    if not m.generated:
        return "none could be made from the decided statements (nothing to shift, flip or drop)"
    if not m.killed:
        return f"none of {m.generated} refuted: the check may be vacuous"
    text = f"{m.killed} of {m.generated} refuted"
    if m.survivors:
        text += "; still proved (equivalent or weaker statements): " + _each_once(m.survivors_latex or m.survivors)
    if m.undecided:
        text += "; undecided: " + _each_once(m.undecided_latex or m.undecided)
    return text


def _each_once(items: Sequence[str]) -> str:
    return "; ".join(x if n == 1 else f"{x} (in {n} decisions)" for x, n in Counter(items).items())


def _verdict_tex(text: str) -> str:
    """A verdict with its scope: the model's size (J, N) set as mathematics, the scope kept on one line."""
    def scope(m: re.Match) -> str:
        return r"\mbox{(" + re.sub(r"\b([A-Za-z])\b", r"$\1$", m.group(1)) + ")}"

    return re.sub(r"\(([^()]*)\)", scope, escape_text(text))


def _verdict_cell(it: ClaimReport) -> str:
    text = _verdict_tex(it.verdict)
    if it.as_expected or it.expected is None:
        return text
    return r"\textbf{" + text + "} (expected " + escape_text(it.expected.value) + ")"


def _size_name(items: Sequence[ClaimReport]) -> str:
    """The letter the claims' scopes give a model's size (``J`` in ``every J``, ``N = 3``); ``""`` without scopes."""
    for it in items:
        m = re.match(r"\s*(?:every\s+)?([A-Za-z]\w*)", it.scope or "")
        if m:
            return m.group(1)
    return ""


def _summary_counts(items: Sequence[ClaimReport]) -> str:
    size = _size_name(items)
    heads = (f"for every ${size}$", f"for one ${size}$ only", f"${size}$ does not apply")
    counts = []
    for status in Status:
        these = [it for it in items if it.status is status]
        if not these:
            continue
        every = sum(1 for it in these if covers_every_size(it.scope))
        fixed = sum(1 for it in these if it.scope and not covers_every_size(it.scope))
        counts.append((status.value, len(these), (every, fixed, len(these) - every - fixed)))
    keep = [i for i in range(3) if any(c[2][i] for c in counts)]  # an empty column says nothing
    if keep == [2]:
        keep = []  # no claim has sizes: the J columns say nothing (a model without sectors)
    rows = [" & ".join([v, str(n)] + [str(by[i] or "") for i in keep]) + r"\\" for v, n, by in counts]
    head = " & ".join(["verdict", "claims"] + [heads[i] for i in keep])
    return ("\\begin{tabular}{@{}lr" + "r" * len(keep) + "@{}}\\toprule " + head + "\\\\ \\midrule\n"
            + "\n".join(rows) + "\n\\bottomrule\\end{tabular}\n")


_ITEMIZE = r"\begin{itemize}\setlength{\itemsep}{0pt}\setlength{\parskip}{0pt}" "\n"


def _front_page(items: Sequence[ClaimReport], paper: Paper) -> str:
    n = len(items)
    judged = [it for it in items if it.expected is not None]
    good = sum(1 for it in judged if it.as_expected)
    spots = [it.spot for it in items if it.spot is not None]
    draws = sum(s.samples for s in spots)
    disagree = sum(1 for s in spots if not s.agrees)
    mutants = [it.mutants for it in items if it.mutants is not None]
    killed = sum(m.killed for m in mutants)
    generated = sum(m.generated for m in mutants)
    regions = sum(len(it.regions) for it in items)
    out = [r"\begin{center}", r"{\Large Checking the claims of}\\[1ex]",
           r"{\LARGE\bfseries " + escape_text(paper.title) + r"}\\[1.5ex]"]
    if paper.citation:
        out.append(r"{\normalsize " + escape_text(paper.citation) + r"}\\[1ex]")
    out.append(r"{\small produced with the coordfail toolkit}")
    out.append(r"\end{center}" "\n")
    out.append(r"\begingroup\small" "\n")  # the front page is one page, the errata of every claim included
    out.append(r"\section*{What was checked, and how}" "\n")
    out.append(
        f"Each of the {n} claims is stated in the paper's words and formalised in SymPy from the model's "
        r"primitives. An engine (SymPy for the algebra, z3 for nonlinear real arithmetic) decides it for "
        r"\emph{all} admissible parameters"
        + (r" ($J$ is the number of sectors where a model has sectors)" if _size_name(items) == "J" else "")
        + ": "
        r"\emph{proved}, \emph{refuted} with a counterexample, \emph{witness} (an instance of an existence "
        r"claim), or \emph{unknown}; counterexamples and witnesses are certified in exact arithmetic. "
        f"Each verdict is spot-checked numerically ({draws:,} admissible draws in all; "
        + ("none disagrees" if not disagree else rf"\textbf{{{disagree} claims disagree}}") + "). ")
    if generated:
        out.append(f"Each proved claim is mutated (shifted thresholds, flipped inequalities, dropped hypotheses, "
                   f"swapped parameters) to show that its check can fail: {killed} of {generated} mutants are "
                   f"refuted. ")
    out.append(r"Each proof says which assumptions are \emph{sufficient} (a minimal set) and which are "
               r"\emph{necessary} (the claim re-decided with each dropped, the declared sign of each group of "
               f"parameters included, within {NECESSITY_TIMEOUT:g} s each). ")
    if regions:
        out.append("Where the paper states a threshold, the region where the model's own condition holds is "
                   "derived and compared with it. ")
    if judged:
        spec = ("the project's specification of the models, each derived by hand" if paper.spec else
                "given in the claims file")
        out.append(f"Expected verdicts ({spec}) were compared with, never used by, the decisions: "
                   f"{good} of {len(judged)} as expected.")
    out.append("\n\n" r"\section*{The verdicts at a glance}" "\n" + _summary_counts(items) + "\n")
    out.append(r"\section*{Errata found}" "\n")
    false = [it for it in items if it.status is Status.REFUTED]
    if false:
        out.append("Claims false as stated (details on the pages given):\n" + _ITEMIZE)
        for it in false:
            what = (it.refutation_short or "false as stated") if it.kind is Kind.FORALL else \
                "impossible under the stated assumptions"
            out.append(rf"\item \textbf{{{escape_text(it.id)}}}, {_tex(it.statement)}: {escape_text(what)} "
                       rf"(p.~\pageref{{claim:{it.id}}})." "\n")
        out.append(r"\end{itemize}" "\n")
    else:
        out.append("No claim was refuted.\n\n")
    if paper.errata:
        out.append("Formulas the source prints wrongly (p.~\\pageref{errata}):\n" + _ITEMIZE)
        for e in paper.errata:
            out.append(rf"\item {escape_text(e.where)}: {e.printed} should read {e.corrected}." "\n")
        out.append(r"\end{itemize}" "\n")
    out.append(r"\endgroup" "\n\n")
    return "".join(out)


def _summary_table(items: Sequence[ClaimReport]) -> str:
    out = [r"\section*{Every claim}" "\n",
           r"A verdict in bold differs from the expected one (shown beside it). The spot check counts the "
           r"admissible draws that disagree with the verdict, of all drawn; mutants: refuted of generated.",
           "\n" r"{\small\begin{longtable}{@{}L{1.8cm}L{7.6cm}L{2.5cm}L{1.9cm}L{1.2cm}@{}}" "\n"
           r"\toprule id & claim & verdict & spot check & mutants\\ \midrule \endhead \bottomrule \endlastfoot" "\n"]
    for it in items:
        out.append(f"{escape_text(it.id)} & {_tex(it.statement)} & {_verdict_cell(it)} & {_spot_cell(it.spot, it.status)} & "
                   f"{_mutant_cell(it.mutants)}\\\\\n")
    out.append(r"\end{longtable}}" "\n")
    return "".join(out)


def _display(lines: Sequence[str]) -> str:
    return display_latex(lines)


def _where(it: ClaimReport) -> str:
    """`` (Section 2, footnote 5)`` after a claim's id, or nothing where the claim gives no place."""
    return f" ({escape_text(it.place)})" if it.place else ""


def _claim_section(it: ClaimReport) -> str:
    out = [f"\\needspace{{8\\baselineskip}}\n\\subsection*{{{escape_text(it.id)}: {_verdict_tex(it.verdict)}}}\n"
           f"\\phantomsection\\label{{claim:{it.id}}}\n",
           f"{_tex(it.statement)}.\n\n",
           f"\\emph{{Where:}} {escape_text(it.place)}." if it.place else ""]
    if it.quote:
        out.append(f" \\emph{{The paper:}} {_tex(chr(34) + it.quote + chr(34))}.")
    if it.formalization == "project":
        out.append(r" \emph{The paper is informal here; this is the project's formalization.}")
    if it.formal:
        out.append("\n\n" + f"{it.formal_label}:\n" + _display(it.formal))
    rows = []
    # where the expectation comes from is said once, on the front page
    expected = f"; expected {it.expected.value}" if it.expected is not None else "; no expected verdict given"
    rows.append(("Verdict", _verdict_tex(it.verdict) + expected))
    rows.append(("Spot check", escape_text(_spot_sentence(it.spot, it.status, it.kind))))
    if it.mutants is not None:
        rows.append(("Mutants", _mutant_sentence(it.mutants)))
    if it.sufficient:
        rows.append(("Sufficient", _tex(it.sufficient[0].upper() + it.sufficient[1:])))
    if it.necessary:
        rows.append(("Necessary", _tex(it.necessary[0].upper() + it.necessary[1:])))
    if it.refutation:
        rows.append(("Where it fails", _tex(it.refutation[0].upper() + it.refutation[1:])))
    if it.reading:
        rows.append(("In the model", _tex(it.reading)))
    for r in it.regions:
        scope = f" ({_verdict_tex(r.scope)})" if r.scope else ""
        paper = f"; the paper: ${r.paper}$" if r.paper else ""
        what = "holds where" if r.kind == "holds where" else "derived region"
        # 'Holds where: where the claim holds' says it twice
        label = "" if r.kind == "holds where" and r.label == "where the claim holds" else _tex(r.label)
        head = f"{label}{scope}: " if label else (f"{scope.strip()}: " if scope else "")
        rows.append((what.capitalize(), f"{head}${r.derived}${paper}; "
                                        f"{_tex(r.comparison)} ({escape_text(method_words(r.method))}, "
                                        f"{'certified' if r.certified else 'not certified'})"))
    # the verdict and the spot check stay together, and with what precedes them
    out.append(r"\needspace{5\baselineskip}\begin{longtable}{@{}>{\bfseries}L{2.4cm}L{13.6cm}@{}}" "\n")
    out += [f"{k} & {v}" + ("\\\\*\n" if n < 1 else "\\\\\n") for n, (k, v) in enumerate(rows)]
    out.append(r"\end{longtable}" "\n")
    # the counterexample or witness is shown in the derivation, each relation evaluated there
    out.append(r"\needspace{5\baselineskip}\subsubsection*{Derivation}" "\n" + it.derivation)
    return "".join(out)


def _ablation_table(section_title: str, items: Sequence[ClaimReport]) -> str:
    rows = [it for it in items if it.ablation]
    kept = [it.id for it in items if _keeps_its_point(it.kind, it.status)]
    if not rows:
        return ""
    # the heading, its paragraph, the table's head and a first row stay together
    out = [r"\needspace{14\baselineskip}\subsection*{Ablation: each claim with one assumption dropped}" "\n",
           f"{_tex(section_title)}: each claim re-decided with every instance of one named assumption removed, or "
           "with the declared sign of one group of parameters dropped (its positivity); a changed verdict shows that "
           "the assumption "
           "matters.\n\n",
           r"\begin{longtable}{@{}L{1.8cm}L{2.4cm}L{11.4cm}@{}}" "\n"
           r"\toprule claim & with all & with one dropped\\ \midrule \endhead \bottomrule \endlastfoot" "\n"]
    for it in rows:
        dropped = "; ".join(f"without {_tex(g)}: {v}" for g, v in it.ablation)
        out.append(f"{escape_text(it.id)} & {_verdict_tex(it.verdict)} & {dropped}\\\\\n")
    out.append(r"\end{longtable}" "\n")
    if kept:
        out.append(f"Not re-decided: {', '.join(escape_text(k) for k in kept)} (a counterexample or a witness "
                   "satisfies every weaker set of assumptions, so dropping one keeps the verdict).\n\n")
    return "".join(out)


def _thresholds_section(items: Sequence[ClaimReport]) -> str:
    rows = [(it, r) for it in items for r in it.regions]
    if not rows:
        return ""
    out = [r"\needspace{16\baselineskip}\section*{Thresholds derived from the models}" "\n",
           r"\addcontentsline{toc}{section}{Thresholds derived from the models}" "\n",
           "For each claim that states a threshold, the model's own condition (built from its equilibrium "
           "conditions) is reduced to a quantifier-free region of the parameters, certified by the engine, and "
           "compared with the paper's threshold. For a refuted claim, the region where it \\emph{does} hold.\n\n",
           r"\begin{longtable}{@{}L{1.7cm}L{3.1cm}L{3.9cm}L{2.6cm}L{3.1cm}@{}}" "\n"
           r"\toprule claim & condition & derived region & the paper & the engine\\ \midrule \endhead \bottomrule \endlastfoot" "\n"]
    for it, r in rows:
        scope = f" ({_verdict_tex(r.scope)})" if r.scope else ""
        paper = f"${r.paper}$" if r.paper else "--"
        cert = "certified" if r.certified else "not certified"
        out.append(f"{escape_text(it.id)} & {_tex(r.label)}{scope} & ${r.derived}$ & {paper} & "
                   f"{_tex(r.comparison)}; {escape_text(method_words(r.method))}, {cert}\\\\\n")
    out.append(r"\end{longtable}" "\n")
    return "".join(out)


def _figure(fname: str, caption: str) -> str:
    return (r"\begin{figure}[H]\centering" "\n"
            f"\\includegraphics[width=0.8\\textwidth]{{{fname}}}\n\\caption{{{caption}}}\n\\end{{figure}}\n")


def render_report(items: Sequence[ClaimReport], figures: dict[str, tuple[str, str]] | None = None,
                  appendix: str = "", paper: Paper | None = None) -> str:
    """The report's LaTeX source (a pure function of its inputs)."""
    paper = paper or load_paper()
    figures = figures or {}
    out = [_PREAMBLE, r"\pdfbookmark[0]{Front page}{front}" "\n", _front_page(items, paper), r"\newpage" "\n",
           _summary_table(items)]
    present = {it.id for it in items}
    for section in paper.section_ids():
        these = [it for it in items if it.section == section]
        if not these:
            continue
        title = paper.section_title(section)
        out.append(f"\\needspace{{10\\baselineskip}}\\section*{{{_tex(title)}}}\n"
                   f"\\addcontentsline{{toc}}{{section}}{{{_tex(title)}}}\n")
        model = paper.model(section)
        if model:
            out.append("\\subsection*{The model}\n" + Derivation("model", tuple(model)).as_latex_blocks() + "\n")
        # each figure after the first claim it illustrates; a figure that names none opens the section
        placed: dict[str, list[str]] = {}
        for fig in paper.figures:
            if fig.section != section or fig.name not in figures:
                continue
            anchor = next((c for c in fig.claims if c in present), None)
            if fig.claims and anchor is None:  # it illustrates claims that were not selected
                continue
            placed.setdefault(anchor or "", []).append(fig.name)
        out += [_figure(*figures[name]) for name in placed.get("", [])]
        for it in these:
            out.append(_claim_section(it))
            out += [_figure(*figures[name]) for name in placed.get(it.id, [])]
        out.append(_ablation_table(title, these))
    out.append(_thresholds_section(items))
    out.append(r"\needspace{10\baselineskip}\section*{Where the paper's text needs correcting}" "\n"
               r"\addcontentsline{toc}{section}{Where the paper's text needs correcting}" "\n")
    out.append(r"\subsection*{Claims that are false as stated}" "\n")
    false = [it for it in items if it.status is Status.REFUTED]
    if not false:
        out.append("None of the selected claims was refuted.\n")
    for it in false:
        if it.kind is Kind.FORALL:
            where = f" to the decision `{_tex(it.point_label)}'" if it.point_label else ""
            out.append(f"\\textbf{{{escape_text(it.id)}}}{_where(it)}: {_tex(it.statement)}. "
                       f"Counterexample{where}:\n" + _display(it.point.split(r", \\ & ")))
        else:
            out.append(f"\\textbf{{{escape_text(it.id)}}}{_where(it)}: {_tex(it.statement)}: no instance "
                       "exists under the stated assumptions.\n\n")
    if paper.errata:
        out.append(r"\subsection*{Errata of the extracted formulas}\label{errata}" "\n")
        out.append(r"\begin{longtable}{@{}L{3.0cm}L{4.0cm}L{5.2cm}L{2.6cm}@{}}" "\n"
                   r"\toprule where & printed & corrected & source\\ \midrule \endhead \bottomrule \endlastfoot" "\n")
        for e in paper.errata:
            out.append(f"{escape_text(e.where)} & {e.printed} & {e.corrected} & {escape_text(e.source)}\\\\\n")
        out.append(r"\end{longtable}" "\n")
    if appendix:
        out.append(r"\appendix" "\n" + appendix)
    out.append(r"\end{document}" "\n")
    return "".join(out)


# -- files ---------------------------------------------------------------------------------------

def _pdflatex() -> str:
    exe = shutil.which("pdflatex")
    if exe is None:
        raise ReportError("pdflatex not found: install TeX, e.g. 'apt-get install texlive-latex-base "
                          "texlive-latex-recommended texlive-fonts-recommended' (Debian/Ubuntu)")
    return exe


def compile_pdf(tex_path: Path, timeout: float = 120.0) -> Path:
    """Compile ``tex_path`` with pdflatex (twice, for the tables) in a temporary directory.

    The PDF and the log are moved next to the ``.tex`` only on success.
    """
    exe = _pdflatex()
    out_dir = tex_path.parent
    with tempfile.TemporaryDirectory(prefix="coordfail-tex-") as build:
        for f in out_dir.iterdir():
            if f.suffix in (".png", ".pdf") and f.name != "report.pdf":
                shutil.copy2(f, build)
        shutil.copy2(tex_path, build)
        for _ in range(2):
            done = subprocess.run([exe, "-interaction=nonstopmode", "-halt-on-error", tex_path.name],
                                  cwd=build, capture_output=True, text=True, errors="replace", timeout=timeout)
            if done.returncode != 0:
                log = Path(build, tex_path.with_suffix(".log").name)
                first = next((l for l in log.read_text(errors="replace").splitlines() if l.startswith("!")),
                             "see the log") if log.exists() else done.stdout[-200:]
                if log.exists():  # kept beside the .tex, for whoever reads the error
                    shutil.copy2(log, out_dir / log.name)
                raise ReportError(f"pdflatex failed on {tex_path.name}: {first.strip()}")
        pdf = Path(build, tex_path.with_suffix(".pdf").name)
        for produced in (pdf, pdf.with_suffix(".log")):
            atomic_save(out_dir / produced.name, lambda tmp: shutil.copy2(produced, tmp))
    return out_dir / "report.pdf"


# -- deciding, in parallel where the platform forks ----------------------------------------------


def claim_reports(paper: Paper, claims: Sequence[Claim], settings: Settings, *, jobs: int = 1,
                  progress: Callable[[str], None] = lambda msg: None,
                  meanwhile: Callable[[], None] = lambda: None) -> list[ClaimReport]:
    """:func:`claim_report` for every claim, in order; ``jobs > 1`` works on claims in forked processes.

    ``meanwhile`` runs in this process while the workers decide (the figures, say).
    """
    out: list[ClaimReport] = []
    work = imap_in_order(lambda claim: claim_report(paper, claim, settings), claims, jobs=jobs, meanwhile=meanwhile)
    for i, it in enumerate(work, 1):
        out.append(it)
        progress(f"[{i}/{len(claims)}] {it.id}: {it.verdict}")
    return out


def write_report(out_dir: Path | str = "report", *, paper: Paper | None = None, claims=None, pdf: bool = False,
                 settings: Settings | None = None, progress: Callable[[str], None] = lambda msg: None,
                 appendix: str | Callable[[], str] = "", jobs: int | None = None) -> list[Path]:
    """Decide the claims, write ``report.tex`` and its figures to ``out_dir``; ``pdf=True`` compiles it.

    ``appendix`` is LaTeX (or a function returning it) put after the errata;
    ``jobs`` worker processes work on claims (default: :func:`default_jobs`).
    """
    paper = paper or load_paper()
    settings = settings or Settings()
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise ReportError(f"--out {out} exists and is not a directory")
    selected = list(claims) if claims is not None else list(paper.claims)
    if not selected:
        raise ReportError("no claims selected")
    if pdf:
        _pdflatex()  # the one-line install hint before any work is done
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = tempfile.NamedTemporaryFile(dir=out, prefix=".write-test.", delete=True)
        probe.close()
    except OSError as exc:
        raise ReportError(f"cannot write to {out}: {exc.strerror or exc}") from None
    from .figures import save_figure

    # everything is built in a private directory and moved in at the end: an error or
    # Ctrl-C leaves the output directory as it was, never half a report
    stage = Path(tempfile.mkdtemp(dir=out, prefix=".coordfail-report-"))
    try:
        figures: dict[str, tuple[str, str]] = {}
        sections = {c.section for c in selected}

        def draw() -> None:  # while the claims are decided
            for fig in paper.figures:
                if fig.section in sections:
                    save_figure(fig.build(), stage / f"{fig.name}.pdf")  # what pdflatex includes
                    figures[fig.name] = (f"{fig.name}.pdf", fig.caption)

        items = claim_reports(paper, selected, settings, jobs=default_jobs() if jobs is None else jobs,
                              progress=progress, meanwhile=draw)
        tex = stage / "report.tex"
        text = appendix() if callable(appendix) else appendix
        atomic_write(tex, render_report(items, figures, appendix=text, paper=paper))
        if pdf:
            progress("compiling report.pdf with pdflatex")
            try:
                compile_pdf(tex)
            except ReportError as exc:  # the source and the log are what the error is about: keep them
                kept = [p for p in (tex, tex.with_suffix(".log")) if p.exists()]
                for p in kept:
                    os.replace(p, out / p.name)
                raise ReportError(f"{exc}; kept for inspection: {', '.join(str(out / p.name) for p in kept)}") \
                    from exc
        written = []
        for produced in sorted(stage.iterdir()):
            os.replace(produced, out / produced.name)
            written.append(out / produced.name)
        return written
    finally:
        shutil.rmtree(stage, ignore_errors=True)
