r"""The report's LaTeX: a pure function of the claims' :class:`~proofs.report.ClaimReport` s and the paper.

A short front page (title, citation, how it was checked, the verdicts at a
glance, the errata found), the summary table, one section per section of the
paper (its model, its claims, its figures beside the claims they illustrate,
its ablation table), the thresholds derived from the models, the errata --
every formula from SymPy's LaTeX printer, every symbol named as the paper
writes it, words with formulas typeset by :mod:`symbolic.prose`.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Sequence

from numeric.obligation_checks import AT_SIZES
from symbolic import Kind, Status
from symbolic.derivation import Derivation, display_latex
from symbolic.prose import escape_text, method_words, prose_latex

from .claim import SpotCheck
from .scopes import BY_REDUCTION, covers_every_size
from .ablation import NECESSITY_TIMEOUT
from .paper import Paper, load_paper

if TYPE_CHECKING:
    from .report import ClaimReport

__all__ = ["render_report", "keeps_its_point"]

_PREAMBLE = r"""\documentclass[10pt]{article}
\usepackage[margin=2.2cm]{geometry}
\usepackage{amsmath,amssymb}
\usepackage{graphicx}
\usepackage{float}
\usepackage{longtable,booktabs,array}
\usepackage[hidelinks]{hyperref}
\makeatletter
\newcommand{\needspace}[1]{\par\penalty-100\begingroup\setlength{\dimen@}{#1}%
  \dimen@ii\pagegoal\advance\dimen@ii-\pagetotal
  \ifdim\dimen@>\dimen@ii\ifdim\dimen@ii>\z@\vfil\fi\break\fi\endgroup}
\makeatother
\allowdisplaybreaks
\setlength{\emergencystretch}{3em}
\setlength{\parindent}{0pt}
\setlength{\parskip}{0.45ex plus 0.2ex}
\newcolumntype{L}[1]{>{\raggedright\arraybackslash}p{#1}}
\begin{document}
"""


def keeps_its_point(kind: Kind, status: Status) -> bool:
    """A counterexample (or a witness) satisfies every weaker set of assumptions: dropping one cannot
    change the verdict, so the ablation does not re-decide such claims."""
    return (kind is Kind.FORALL and status is Status.REFUTED) or (kind is Kind.EXISTS and status is Status.WITNESS)


def _tex(text: str) -> str:
    """Words that may hold formulas, as LaTeX."""
    return prose_latex(text)


def _at_least(spot: SpotCheck) -> str:
    """``100+`` where floats saw more than were re-decided exactly (the claim's section gives both counts);
    ``5,296 in floats`` where none was re-decided."""
    if not spot.found:
        return f"{spot.found_more:,} in floats"
    return f"{spot.found:,}" + ("+" if spot.found_more else "")


def _spot_cell(spot: SpotCheck | None, status: Status | None = None, kind: Kind = Kind.FORALL) -> str:
    """The table's cell: how many draws bear the verdict out (or disagree), of how many in all."""
    if spot is None:
        return "--"
    if not spot.agrees:
        return rf"\textbf{{{spot.violations:,} / {spot.in_all:,}}}"
    found = spot.found or spot.found_more
    if status is Status.REFUTED and found:
        return f"{_at_least(spot)} refute / {spot.in_all:,}"
    if status is Status.WITNESS and found:
        return f"{_at_least(spot)} instances / {spot.in_all:,}"
    if status is Status.UNKNOWN and spot.found:  # the draws answer what the engine did not: said, not "0"
        return rf"\textbf{{{_at_least(spot)} settle it}} / {spot.in_all:,}"
    if status is Status.UNKNOWN and found:  # float failures alone settle nothing (rounding at a tie does it)
        return f"0 exact ({spot.found_more:,} in floats) / {spot.in_all:,}"
    if spot.samples == 0:  # a constant, no admissible draw, or no numeric value (an abstract function)
        if status is Status.VACUOUS and not spot.in_all and spot.why_nothing() == "no admissible draw":
            return "none admissible"
        return "none evaluated" if not spot.in_all else f"a decision none / {spot.in_all:,}"
    if status is Status.REFUTED and kind is Kind.FORALL:  # none of the draws refutes: not "0 disagree"
        return f"0 refute / {spot.in_all:,}"
    if status is Status.WITNESS:
        return f"0 instances / {spot.in_all:,}"
    if spot.exercised == 0:  # an implication whose hypothesis no draw met: its draws tested nothing
        return f"not exercised / {spot.in_all:,}"
    return f"0 / {spot.in_all:,}" + (f" ({spot.unsettled:,} open)" if spot.unsettled else "")


#: what a spot check's draws were, by :attr:`SpotCheck.exact_draws`
_EXACT_DRAWS = {"all": "(floats, and exact draws on the boundaries)",
                "some": "(floats, and exact draws on the boundaries: in rational arithmetic where a statement has "
                        "a rational evaluation, in interval arithmetic where not, a few ties in SymPy)",
                "none": "(floats, and exact draws on the boundaries decided in interval arithmetic, a few ties in "
                        "SymPy: the statement has no rational evaluation)"}


def _spot_sentence(spot: SpotCheck | None, status: Status | None = None, kind: Kind = Kind.FORALL,
                   point_from_constant: bool = False) -> str:
    """What the spot check evaluated and found, in words fitting the verdict (a refuted existence claim has
    no counterexample: none of its draws is an instance)."""
    if spot is None:
        return "none"
    if not spot.agrees:
        return f"{spot.violations:,} of {spot.in_all:,} draws DISAGREE with the verdict: {spot.detail}"
    nothing = spot.why_nothing()
    if nothing == "constant":
        if spot.constant_at_sizes:
            return f"nothing evaluated: SymPy settled the statement to a constant {AT_SIZES}"
        return "nothing evaluated: SymPy settled the statement to a constant before the engine saw it"
    if nothing == "undefined at every admissible draw":
        return (f"nothing evaluated: the statement is undefined at every one of the {spot.undefined:,} admissible "
                "draws")
    if nothing and nothing not in ("no admissible draw", "hypothesis never met"):
        return f"not checked numerically: the statement {nothing}"
    if nothing == "no admissible draw" and not spot.in_all:
        if status is Status.VACUOUS:
            return "no draw met the assumptions, as the verdict says (they are contradictory): nothing to evaluate"
        return ("NOT CHECKED: no draw met the assumptions, so nothing was evaluated (were an equation among them, "
                "it is almost never met at random: a sampler that solves it is needed, see numeric.spot)")
    if spot.once:  # no symbol left: one evaluation, not a count of draws
        return "no symbol is left in the statement, so nothing was drawn: it was evaluated once, in agreement"
    draws = (f"{spot.in_all:,} admissible draws over its obligations, at least {spot.samples:,} for each decision "
             if spot.several else f"{spot.samples:,} admissible draws ") + _EXACT_DRAWS[spot.exact_draws]
    open_ = (f"; {spot.unsettled:,} float failures were not re-decided exactly (past the limit): they neither "
             "confirm nor refute the verdict" if spot.unsettled else "")
    if nothing == "hypothesis never met":
        return (f"NOT EXERCISED: on all {spot.samples:,} admissible draws the hypothesis of the implication failed, "
                "so the claim held vacuously; the draws tested nothing")
    if spot.exercised is not None:
        draws += (f", at least {spot.exercised:,} meeting the hypothesis in each implication" if spot.several
                  else f", {spot.exercised:,} of them meeting the hypothesis")
    if spot.undefined:  # they decide nothing, but a reader should know the claim is undefined there
        draws += f" ({spot.undefined:,} of them where the statement is undefined, deciding nothing)"
    if nothing == "no admissible draw":  # some obligations had draws, one at least had none
        draws = (f"NOT FULLY CHECKED: a decision had no admissible draw; {spot.in_all:,} admissible draws over the "
                 "other obligations " + _EXACT_DRAWS[spot.exact_draws]
                 + (f" ({spot.undefined:,} of them where the statement is undefined, deciding nothing)"
                    if spot.undefined else ""))
    point = ""
    if status in (Status.REFUTED, Status.WITNESS) and not (kind is Kind.EXISTS and status is Status.REFUTED):
        what = "counterexample" if status is Status.REFUTED else "witness"
        how = next((h for h in ("re-evaluated exactly", "re-evaluated in floats only", "not re-evaluated")
                    if f"{what} {h}" in spot.detail), None)
        point = f"the {what} {how}; " if how else ""
    confirmed = "exactly confirmed" + spot.more_text()
    if kind is Kind.FORALL and status is Status.REFUTED:
        if not spot.found and not spot.found_more:  # the claim fails only where the draws did not land
            if point_from_constant:
                return (f"{point}{draws}; none of them violates the claim: the decision the counterexample is "
                        "from is a constant SymPy settled, which no draw evaluates")
            return f"{point}{draws}; none of them violates the claim (it fails on a set the draws missed)"
        return (f"{point}{draws}, {spot.found:,}{spot.points_text()} of them {'violates' if spot.found == 1 else 'violate'} the claim "
                f"({confirmed}); none disagrees with the verdict")
    if status is Status.WITNESS:
        if not spot.found and not spot.found_more:
            if point_from_constant:
                return (f"{point}{draws}; none of them is an instance: the decision the witness is from is a "
                        "constant SymPy settled, which no draw evaluates")
            return f"{point}{draws}; none of them is an instance (the instances lie on a set the draws missed)"
        return (f"{point}{draws}, {spot.found:,}{spot.points_text()} of them {'is an instance' if spot.found == 1 else 'are instances'} "
                f"({confirmed}); none disagrees with the verdict")
    if kind is Kind.EXISTS and status is Status.REFUTED:
        return f"{draws}; none of them is an instance{open_}"
    if status is Status.UNKNOWN and spot.found:  # what the draws say where the engine did not
        what = "violate the claim" if kind is Kind.FORALL else "are instances"
        return f"{draws}, {spot.found:,}{spot.points_text()} of them {what} ({confirmed}); the engine decided nothing to compare"
    if status is Status.UNKNOWN and spot.found_more:  # floats alone: rounding at a tie fails a true equality too
        what = "violates the claim" if kind is Kind.FORALL else "is an instance"
        return (f"{draws}; none of them {what} exactly; {spot.found_more:,} float failures were not re-decided "
                "(they decide nothing); the engine decided nothing to compare")
    return f"{draws}; none disagrees{open_}"


def _key(claim_id: str) -> str:
    """A claim's LaTeX label: its id with every character but letters, digits, '.', '-' and ':' written as
    its code (an id may hold '#', '&', '%' or '_', which break a label)."""
    return "claim:" + "".join(c if c.isascii() and (c.isalnum() or c in ".-:") else f"+{ord(c):x}+"
                              for c in claim_id)


def _mutant_cell(m) -> str:
    return f"{m.killed}/{m.generated}" if m is not None else "--"


def _mutant_sentence(m) -> str:
    """LaTeX: how many mutants were refuted, and which were not (each named once, with its count)."""
    implied = (f"; {len(m.implied)} not counted: weaker than the claim itself, which implies them whatever the "
               "assumptions (no check could refute them)") if m.implied else ""
    if not m.generated and m.implied:
        return f"every mutant made ({len(m.implied)}) is weaker than the claim itself: nothing shows that the " \
               "check can fail"
    if not m.generated:
        return "none could be made from the decided statements (nothing to shift, flip or drop)"
    if not m.killed and m.undecided and not m.survivors:
        return (f"none of {m.generated} decided (each undecided: " + _each_once(m.undecided_latex or m.undecided)
                + "): nothing shows that the check can fail, nor that it cannot" + implied)
    if not m.killed:
        return f"none of {m.generated} refuted: the check may be vacuous" + implied
    text = f"{m.killed} of {m.generated} refuted"
    if m.survivors:
        text += ("; still proved (true as well: equivalent, weaker, or true for another reason): "
                 + _each_once(m.survivors_latex or m.survivors))
    if m.undecided:
        text += "; undecided: " + _each_once(m.undecided_latex or m.undecided)
    return text + implied


def _each_once(items: Sequence[str]) -> str:
    return "; ".join(x if n == 1 else f"{x} (in {n} decisions)" for x, n in Counter(items).items())


def _verdict_tex(text: str) -> str:
    """A verdict with its scope: the model's size (J, N) set as mathematics, the scope kept on one line."""
    def scope(m: re.Match) -> str:  # a short scope on one line; a sentence ("claimed for every N") may wrap
        inner = re.sub(r"\b([A-Za-z])\b", r"$\1$", m.group(1))
        inner = re.sub(r"(\d+)\.\.(\d+)", r"$\1, \\ldots, \2$", inner)  # as derive writes it: 1, …, 4
        return r"\mbox{(" + inner + ")}" if len(m.group(1)) <= 12 else f"({inner})"

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
    # "about any J": proved for every J, or witnessed by an economy of one J (an existence claim)
    heads = (f"scope: any ${size}$", f"scope: stated ${size}$ only", f"${size}$ does not apply")
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
    draws = sum(s.in_all for s in spots)
    disagree = sum(1 for s in spots if not s.agrees)
    idle = sum(1 for s in spots if s.exercised == 0 and s.agrees)
    unsettled = [s.unsettled for s in spots if s.unsettled]
    unevaluated = sum(1 for it in items if it.spot is None or not it.spot.samples)
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
    out.append(r"\subsection*{What was checked, and how}" "\n")
    out.append(
        f"Each of the {n} claims is stated in the paper's words and formalised in SymPy from the model's "
        r"primitives. An engine (SymPy for the algebra, z3 for nonlinear real arithmetic) decides it for "
        r"\emph{all} admissible parameters"
        + (r" ($J$ is the number of sectors where a model has sectors)" if _size_name(items) == "J" else "")
        + ": "
        r"\emph{proved}, \emph{refuted} with a counterexample, \emph{witness} (an instance of an existence "
        r"claim), " + (r"\emph{vacuous} (the assumptions are contradictory: nothing to claim about), "
                       if any(it.status is Status.VACUOUS for it in items) else "")
        + r"or \emph{unknown}; counterexamples and witnesses are certified in exact arithmetic. "
        + ("Each verdict is" if not unevaluated else f"{n - unevaluated} of the {n} verdicts are")
        + f" spot-checked numerically ({draws:,} admissible draws in all; "
        + ("none disagrees" if not disagree else rf"\textbf{{{disagree} claims disagree}}")
        + (f"; {sum(unsettled):,} float failures of {len(unsettled)} claims left open, past the limit of exact "
           "re-decisions" if unsettled else "")
        + (f"; for {idle} the hypothesis held on no draw, so their draws tested nothing" if idle else "")
        + (f"; {unevaluated} evaluated no draw, each for the reason its table row gives" if unevaluated else "")
        + "). ")
    if generated:
        weak = [(it.id, it.mutants) for it in items if it.mutants is not None and it.mutants.generated
                and 2 * it.mutants.killed < it.mutants.generated]
        out.append(f"Each proved claim is mutated (thresholds shifted, inequalities flipped, hypotheses dropped...) "
                   f"to show that its check can fail: {killed} of {generated} mutants are refuted"
                   + ("; fewer than half are for " + ", ".join(
                       rf"{escape_text(cid)} ({m.killed} of {m.generated})" for cid, m in weak) if weak else "")
                   + ". ")
    out.append(r"Each proof says which assumptions are \emph{sufficient} (its cores') and which are "
               r"\emph{necessary} (each dropped in turn, declared signs included: re-decided within "
               f"{NECESSITY_TIMEOUT:g} s, or still proved by the proof's cores). ")
    reduced = sum(1 for it in items if BY_REDUCTION in it.verdict)
    if reduced:
        size = f"${_size_name(items) or 'N'}$"
        out.append(f"\\emph{{By reduction}} ({reduced} verdicts for every {size}): decided for generic sectors or "
                   f"fixed {size}; that this covers every {size} is the claim's stated argument, not the engine's. ")
    if regions:
        out.append("Where the paper states a threshold, the region where the model's own condition holds is "
                   "derived and compared with it. ")
    if judged:
        spec = ("the project's specification of the models, each derived by hand" if paper.spec else
                "given in the claims file")
        out.append(f"Expected verdicts ({spec}) were compared with, never used by, the decisions: "
                   f"{good} of {len(judged)} as expected.")
    checked = [it for it in items if it.checks]
    if checked:  # a verdict beside a possible slip in its input, or a proof about no case: said up front
        out.append(f" {len(checked)} claim{'s' if len(checked) > 1 else ''} carr{'y' if len(checked) > 1 else 'ies'} "
                   "a check (a possible slip in the input, or a proof that holds only vacuously), said beside "
                   "the verdict: " + ", ".join(rf"{escape_text(it.id)} (p.~\pageref{{{_key(it.id)}}})"
                                                for it in checked) + ".")
    out.append("\n\n" r"\subsection*{The verdicts at a glance}" "\n" + _summary_counts(items) + "\n")
    out.append(r"\subsection*{Errata found}" "\n")
    false = [it for it in items if it.status is Status.REFUTED]
    # the source's own statements apart from the project's readings of it (a converse, a rule the text only
    # suggests): refuting those is no erratum of the source
    for group, head in (([it for it in false if it.formalization != "project"],
                         "Claims false as stated:"),
                        ([it for it in false if it.formalization == "project"],
                         "The project's readings (a converse, a strict reading: not the source's words), refuted:")):
        if not group:
            continue
        out.append(head + "\n" + _ITEMIZE)
        for it in group:
            what = (it.refutation_short or "false as stated") if it.kind is Kind.FORALL else \
                "impossible under the stated assumptions"
            out.append(rf"\item \textbf{{{escape_text(it.id)}}}, {_tex(it.statement)}: {escape_text(what)} "
                       rf"(p.~\pageref{{{_key(it.id)}}})." "\n")
        out.append(r"\end{itemize}" "\n")
    if not false:
        out.append("No claim was refuted.\n\n")
    undecided = [it for it in items if it.status is Status.UNKNOWN and it.spot is not None and it.spot.found]
    if undecided:  # not decided by the engine, but settled on exact draws: said here, not left to its page
        out.append("Claims the engine left undecided but exact draws settle (counterexamples to a universal claim, "
                   "instances of an existence claim):\n" + _ITEMIZE)
        for it in undecided:
            what = "counterexamples" if it.kind is Kind.FORALL else "instances"
            out.append(rf"\item \textbf{{{escape_text(it.id)}}}, {_tex(it.statement)}: {it.spot.found:,} exactly "
                       rf"confirmed {what} among {it.spot.in_all:,} draws (p.~\pageref{{{_key(it.id)}}})." "\n")
        out.append(r"\end{itemize}" "\n")
    if paper.errata:  # listed on their own page: the front page stays one page
        where = "; ".join(dict.fromkeys(escape_text(e.where) for e in paper.errata))
        out.append(f"Formulas the source prints wrongly: {len(paper.errata)}, listed with their corrections on "
                   f"p.~\\pageref{{errata}} ({where}).\n\n")
    out.append(r"\endgroup" "\n\n")
    return "".join(out)


def _summary_table(items: Sequence[ClaimReport]) -> str:
    out = [r"\section*{Every claim}" "\n",
           r"A verdict in bold differs from the expected one (shown beside it). The spot check counts the "
           r"admissible draws that disagree with the verdict, of all drawn over the claim's obligations (for a "
           r"refuted claim, the draws found to refute it too; for a witness, the instances found; for an undecided "
           r"claim, the draws that settle it, exactly confirmed; ``in floats'': float failures not re-decided, "
           r"which decide nothing alone); mutants: refuted of generated.",
           "\n" r"{\small\begin{longtable}{@{}L{1.8cm}L{7.6cm}L{2.5cm}L{1.9cm}L{1.2cm}@{}}" "\n"
           r"\toprule id & claim & verdict & spot check & mutants\\ \midrule \endhead \bottomrule \endlastfoot" "\n"]
    for it in items:
        out.append(f"{escape_text(it.id)} & {_tex(it.statement)} & {_verdict_cell(it)} & {_spot_cell(it.spot, it.status, it.kind)} & "
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
           f"\\phantomsection\\label{{{_key(it.id)}}}\n",
           f"{_tex(it.statement)}.\n\n",
           f"\\emph{{Where:}} {escape_text(it.place)}." if it.place else ""]
    if it.quote:
        out.append(f" \\emph{{The paper:}} {_tex(chr(34) + it.quote + chr(34))}.")
    if it.formalization == "project":
        out.append(r" \emph{This is the project's formalization (a reading, converse or probe), not the paper's "
                   "words.}")
    if it.formal:
        out.append("\n\n" + f"{_tex(it.formal_label)}:\n" + _display(it.formal))
    rows = []
    # where the expectation comes from is said once, on the front page
    expected = f"; expected {it.expected.value}" if it.expected is not None else "; no expected verdict given"
    rows.append(("Verdict", _verdict_tex(it.verdict) + expected + (f"; {_tex(it.no_instance)}" if it.no_instance
                                                                     else "")))
    rows += [("Check", _tex(c[0].upper() + c[1:])) for c in it.checks]  # beside the verdict they qualify
    rows.append(("Spot check", escape_text(_spot_sentence(it.spot, it.status, it.kind, it.point_from_constant))))
    if it.mutants is not None:
        rows.append(("Mutants", _mutant_sentence(it.mutants)))
    if it.sufficient:
        rows.append(("Sufficient", _tex(it.sufficient[0].upper() + it.sufficient[1:])))
    rows += [("May rest on", _tex(n)) for n in it.rests_on]  # facts z3 was given, beside the cores ("z3" stays lower case)
    if it.necessary:
        rows.append(("Necessary", _tex(it.necessary[0].upper() + it.necessary[1:])))
    if it.refutation:
        rows.append(("Where it fails", _tex(it.refutation[0].upper() + it.refutation[1:])))
    if it.reading:
        rows.append(("In the model", _tex(it.reading)))
    for r in it.regions:
        scope = f" ({_verdict_tex(r.scope)})" if r.scope else ""
        paper = f"; stated: ${r.paper}$" if r.paper else ""  # the claim's threshold (S5.4's weak (*), not the paper's)
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
    kept = [it.id for it in items if keeps_its_point(it.kind, it.status)]
    if not rows:
        return ""
    # the heading, its paragraph, the table's head and a first row stay together
    out = [r"\needspace{14\baselineskip}\subsection*{Ablation: each claim with one assumption dropped}" "\n",
           f"{_tex(section_title)}: each claim's decisions re-decided (its cross-checks, which only confirm, are "
           "not) with every instance of one named assumption removed, or with the declared sign of one group of "
           "parameters dropped (its positivity, or a symbol's integrality); where the claim was decided with all of "
           "them, a changed verdict shows that the assumption matters (from an unknown verdict it only tells what "
           "the weaker claim is); \\emph{undefined}: without it the claim is undefined at an exact point the "
           "others admit (a zero denominator, a non-integer power of a base that is not positive), so it is needed "
           "for the claim to be defined, whether or not it holds wherever it is. A named "
           "assumption no core of a proof uses is not re-decided: the cores alone prove the claim. A sign "
           "is dropped from the statement as SymPy holds it, which SymPy may have simplified with the sign when the "
           r"claim was written ($\lvert x\rvert$ is $x$ for a positive $x$)." "\n\n",
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
        how = "" if r.method == "none" else f"{escape_text(method_words(r.method))}, "  # no method ran
        out.append(f"{escape_text(it.id)} & {_tex(r.label)}{scope} & ${r.derived}$ & {paper} & "
                   f"{_tex(r.comparison)}; {how}{cert}\\\\\n")
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
            if it.family:  # a point of a claim about an abstract function means nothing without the function
                where += f" with the concrete function {_tex(it.family)}"
            out.append(f"\\textbf{{{escape_text(it.id)}}}{_where(it)}: {_tex(it.statement)}. "
                       f"Counterexample{where}:\n" + _display(it.point.split(r", \\ & ")) + "\n")  # a paragraph each
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
