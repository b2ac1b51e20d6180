r"""The LaTeX report a co-author can read: a front page, then every claim with its derivation.

:func:`write_report` decides every selected claim and gathers, for each, what
was checked: the verdict and its scope, the numeric spot check, the mutants
(near misses that must be refuted), which assumptions are *sufficient* (the
set the proof's cores use) and which are *necessary* (the claim re-decided
without each), where a refuted claim does hold, and the derived region of its
threshold.  :func:`~proofs.report_tex.render_report` lays this out -- a short front page (title,
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
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from sympy.core.function import AppliedUndef
from sympy.logic.boolalg import BooleanAtom

from symbolic import Kind, Status
from symbolic.derivation import latex_lines
from symbolic.errors import BadInputError, BadInputTypeError, CoordfailError
from symbolic.notation import latex
from symbolic.settings import Settings
from symbolic.z3_routes import THROUGH_FACTS

from .claim import Claim, SpotCheck, is_identity
from .decide import decide_claim, decide_obligation_once
from .files import atomic_save, atomic_write
from .paper import Paper, load_paper
from .parallel import default_jobs, imap_in_order
from .report_tex import keeps_its_point, render_report

__all__ = ["write_report", "render_report", "ReportError", "compile_pdf", "ClaimReport", "claim_report"]


class ReportError(CoordfailError):
    """The report could not be produced (e.g. no TeX installation); the message is one line."""


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
    #: an existence claim's decisions with no instance (they combine by "or"), in words, or ""
    no_instance: str = ""
    #: the concrete function the counterexample or witness was found with (a Family's label), or ""
    family: str = ""
    point_label: str = ""  #: the decision the point belongs to (it may fix a parameter, e.g. alpha = 1/2)
    #: that decision is a constant SymPy settled (at a size): no draw evaluates it
    point_from_constant: bool = False
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
    #: the claim's check lines (a possible slip in its input, a proof about no case), words
    checks: tuple[str, ...] = ()
    #: what a proof rests on besides the algebra (facts z3 was given about exp, log, real powers), in words
    rests_on: tuple[str, ...] = ()

    @property
    def as_expected(self) -> bool:
        return self.expected is not None and self.status is self.expected


def claim_report(paper: Paper, claim: Claim, settings: Settings, *, mutants: bool = True,
                 regions: bool = True) -> ClaimReport:
    """Decide ``claim`` and gather what the report says about it (each question asked once per process)."""
    from .ablation import ablation_cell, ablation_row, assumption_use, necessity, necessity_sentence, refutation_class
    from .derive import derive, point_latex
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
    dropped = necessity(result, settings, use) if proved else ()
    necessary = necessity_sentence(dropped, caveat=False) if proved else ""  # the report says it once
    cells: tuple = ()
    if proved:  # the claim's ablation row is these very decisions: each group dropped in turn
        cells = tuple((r.group, ablation_cell(r)) for r in dropped)
    elif not keeps_its_point(claim.kind, result.status):
        cells = ablation_row(claim, settings)
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
    of = result.point_decision
    if of is not None and not claim.latex:  # show the decision the point belongs to, not the first one
        formal = result.decisions[of[0] - 1][0].statement
        point = "counterexample" if result.verdict.counterexample is not None else "witness"
        label = f"Formally (decision {of[0]} of {of[1]}, {of[2]}, the one the {point} belongs to)"
    if claim.latex:
        formal_lines: tuple[str, ...] = (claim.latex,)
    elif isinstance(formal, (bool, BooleanAtom)):  # settled while derived: the derivation says so
        formal_lines, label = (), ""
    elif is_identity(formal):  # 'w/alpha = w/alpha': the derived side came out as stated; show it once
        formal_lines = tuple(latex_lines(formal.lhs))
        label = "Derived from the model, the expression comes out exactly as stated"
    else:
        formal_lines = tuple(latex_lines(formal))
        functions = " and functions" if formal.atoms(AppliedUndef) else ""  # an abstract D is quantified too
        label += (f", for all admissible parameters{functions}" if claim.kind is Kind.FORALL else
                  f", for some admissible parameters{functions}")
    return ClaimReport(
        id=claim.id, section=claim.section, status=result.status, kind=claim.kind,
        verdict=result.scoped_verdict(), scope=claim.scope, expected=claim.expected,
        expected_source=claim.expected_source, statement=claim.statement, place=claim.where,
        quote=claim.quote, formalization=claim.formalization, spot=spot, mutants=mutant, sufficient=sufficient,
        necessary=necessary, ablation=cells, reading=reading, no_instance=result.no_instance_words(),
        family=result.verdict.family, point_from_constant=result.point_from_constant,
        point_label=next((ob.label for ob, v in result.decisions if v.point is not None
                          and v.point == result.verdict.point), "") if len(result.decisions) > 1 else "",
        refutation=refuted.sentence() if refuted is not None else "",
        refutation_short=_refutation_short(refuted),
        point=point_latex(result.verdict.point) if result.verdict.point is not None else "",
        formal=formal_lines, formal_label=label, derivation=derivation.as_latex_blocks(),
        regions=_regions(paper, claim.id) if regions else (), seconds=result.verdict.seconds,
        checks=tuple(result.checks or ()),
        rests_on=tuple(dict.fromkeys(n for _, v in result.decisions for n in v.notes if THROUGH_FACTS in n)))


def _refutation_short(refuted) -> str:
    """The class of a refutation in a few words; "false everywhere" is qualified as the long form is, with the
    decision it is about and the concrete function it was found with (of decision 2 it says nothing of
    decision 1)."""
    if refuted is None or refuted.everywhere is None:
        return ""
    at = f" with {refuted.fixed}" if refuted.fixed else ""  # other sizes are decisions of their own
    if refuted.everywhere:  # "everywhere" is about that decision, with that function; "somewhere" holds as is
        if refuted.decision:
            at += f" (decision {refuted.decision[0]} of {refuted.decision[1]})"
        if refuted.family:
            at += f" with {refuted.family}"
    edge = {True: ", and fails on an open set too (not only at a tie)", False: ", and fails only on a knife edge",
            None: ""}[refuted.strictly] if refuted.everywhere is False else ""
    if refuted.implication:
        return (f"false wherever its hypothesis holds{at}" if refuted.everywhere
                else f"false somewhere{at}, though it holds elsewhere with its hypothesis met{edge}")
    return (f"false everywhere the assumptions hold{at}" if refuted.everywhere
            else f"false somewhere{at}, though it holds elsewhere{edge}")


def _regions(paper: Paper, claim_id: str) -> tuple[RegionRow, ...]:
    region_for = getattr(paper.regions, "region_for", None)
    if region_for is None:
        return ()
    rows = []
    for d in region_for(claim_id):
        t = d.threshold
        rows.append(RegionRow(t.label, t.scope, d.kind,
                              latex(d.region.condition) if d.region.known else r"\text{unknown}",
                              latex(t.paper) if t.paper is not None else "",
                              # an unknown region says why (QEPCAD cannot eliminate an integer, a time limit)
                              d.verdict_text() if d.region.known else
                              f"not compared: the region is unknown ({d.region.reason or 'no reason given'})",
                              d.region.method, d.region.certified))
    return tuple(rows)


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
    progress(f"{len(claims)} claim(s), {jobs} worker process(es): each is decided, spot-checked and derived, and "
             "its assumptions dropped in turn; a line as each ends")
    work = imap_in_order(lambda claim: claim_report(paper, claim, settings), claims, jobs=jobs, meanwhile=meanwhile)
    for i, it in enumerate(work, 1):
        out.append(it)
        progress(f"[{i}/{len(claims)}] {it.id}: {it.verdict}")
    return out


def _refuse_unbuildable(claims: Sequence[Claim]) -> None:
    """Every claim that cannot be decided as written (a size where it is undefined, a scope without a basis),
    named at once, before minutes of deciding the others: a report is of every selected claim or none."""
    bad = []
    for claim in claims:
        try:
            claim.validate()
        except CoordfailError as exc:
            words = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            bad.append(f"{claim.id}: {words.removeprefix(f'claim {claim.id}: ')}")
    if len(bad) == 1:
        raise BadInputError(f"claim {bad[0]}")
    if bad:
        raise BadInputError(f"{len(bad)} claims cannot be decided as written -- " + "; ".join(bad))


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
    _refuse_unbuildable(selected)
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
