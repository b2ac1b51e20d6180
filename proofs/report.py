"""The LaTeX report: every claim with its derivation, a summary, ablations, errata, figures.

:func:`write_report` decides every selected claim, writes ``report.tex`` and
the figures into a directory (each file atomically: a temporary file, then a
rename), and with ``pdf=True`` compiles ``report.pdf`` with pdflatex in a
temporary build directory, moving the PDF in only when compilation succeeded.
The body has no timestamps, so the same claims give the same ``.tex``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from symbolic import point_as_text
from symbolic.derivation import Derivation, escape_latex

from symbolic.settings import Settings

from .claim import ClaimResult, SpotCheck, decide_claim
from .derive import ablation, derive
from .paper import Paper, load_paper
from .spotchecks import spot_check_claim
from symbolic.errors import CoordfailError

__all__ = ["write_report", "render_report", "ReportError", "compile_pdf"]


class ReportError(CoordfailError):
    """The report could not be produced (e.g. no TeX installation); the message is one line."""


_PREAMBLE = r"""\documentclass[10pt]{article}
\usepackage[margin=2.2cm]{geometry}
\usepackage{amsmath,amssymb}
\usepackage{graphicx}
\usepackage{longtable,booktabs,array}
\usepackage[hidelinks]{hyperref}
\allowdisplaybreaks
\setlength{\emergencystretch}{3em}
\title{Checking @TITLE@: derivations and verdicts}
\author{coordfail}
\date{}
\begin{document}
\maketitle
"""


@dataclass(frozen=True)
class ClaimReport:
    result: ClaimResult
    derivation: Derivation
    spot: SpotCheck | None


def _status_cell(result: ClaimResult) -> str:
    s = result.status.value
    return s if result.as_expected else r"\textbf{" + s + "}"


def _spot_text(spot: SpotCheck | None) -> str:
    if spot is None:
        return "--"
    if spot.agrees:
        return f"{spot.samples:,} draws, 0 violations"
    return f"{spot.violations:,} of {spot.samples:,} draws DISAGREE"


def render_report(items: Sequence[ClaimReport], ablations: dict, figures: dict[str, tuple[str, str]],
                  appendix: str = "", paper: Paper | None = None) -> str:
    """The report's LaTeX source (pure function of its inputs)."""
    paper = paper or load_paper()
    out = [_PREAMBLE.replace("@TITLE@", escape_latex(paper.title))]
    n = len(items)
    good = sum(1 for it in items if it.result.as_expected)
    out.append(
        r"\noindent This report was produced by \texttt{coordfail report}. Each claim of the paper is "
        r"stated in words, formalised in SymPy, and decided by an engine (z3 for nonlinear real arithmetic, "
        r"SymPy for the algebra); every counterexample and witness was checked by exact substitution. "
        r"Expected verdicts come from \texttt{docs/model.md} and were compared with, never used by, the decisions. "
        f"{good} of {n} claims were decided as \\texttt{{docs/model.md}} expects.\n")
    out.append(r"\section*{Summary of verdicts}" "\n")
    out.append(r"\begin{longtable}{@{}p{1.9cm}p{7.2cm}p{1.4cm}p{1.4cm}p{2.6cm}@{}}" "\n"
               r"\toprule id & claim & verdict & expected & spot check\\ \midrule \endhead" "\n")
    for it in items:
        c = it.result.claim
        out.append(f"{escape_latex(c.id)} & {escape_latex(c.statement)} & {_status_cell(it.result)} & "
                   f"{c.expected.value if c.expected else '--'} & {escape_latex(_spot_text(it.spot))}\\\\\n")
    out.append(r"\bottomrule\end{longtable}" "\n")

    for section in _sections(items):
        out.append(f"\\section{{{escape_latex(paper.section_title(section))}}}\n")
        model = paper.model(section)
        if model:
            out.append("\\subsection*{The model}\n" + Derivation("model", model).as_latex() + "\n")
        for name, (fname, caption) in figures.items():
            if any(f.name == name and f.section == section for f in paper.figures):
                out.append(r"\begin{figure}[ht]\centering" "\n"
                           f"\\includegraphics[width=0.8\\textwidth]{{{fname}}}\n"
                           f"\\caption{{{caption}}}\n\\end{{figure}}\n")
        for it in items:
            if it.result.claim.section != section:
                continue
            out.append(_claim_section(it))
        if section in ablations:
            out.append(_ablation_table(section, *ablations[section]))

    out.append(r"\section{Where the paper's text needs correcting}" "\n")
    out.append(r"\subsection*{Claims that are false as stated}" "\n")
    refuted = [it for it in items if it.result.status.value == "refuted" and it.result.claim.kind.value == "forall"]
    impossible = [it for it in items if it.result.status.value == "refuted" and it.result.claim.kind.value == "exists"]
    if not refuted and not impossible:
        out.append("None of the selected claims was refuted.\n")
    out.append(r"\begin{itemize}" "\n" if (refuted or impossible) else "")
    for it in refuted:
        c, v = it.result.claim, it.result.verdict
        point = ", ".join(f"{k} = {val}" for k, val in point_as_text(v.counterexample).items())
        out.append(f"\\item \\textbf{{{escape_latex(c.id)}}} ({escape_latex(c.place)}): "
                   f"{escape_latex(c.statement)}. Counterexample: {escape_latex(point)}.\n")
    for it in impossible:
        c = it.result.claim
        out.append(f"\\item \\textbf{{{escape_latex(c.id)}}} ({escape_latex(c.place)}): "
                   f"{escape_latex(c.statement)}: no instance exists under the stated assumptions.\n")
    out.append(r"\end{itemize}" "\n" if (refuted or impossible) else "")
    out.append(r"\subsection*{Errata of the extracted formulas}" "\n")
    out.append(r"\begin{longtable}{@{}p{3.2cm}p{4.2cm}p{5.6cm}p{2.2cm}@{}}" "\n"
               r"\toprule where & printed & corrected & source\\ \midrule \endhead" "\n")
    for e in paper.errata:
        out.append(f"{escape_latex(e.where)} & {e.printed} & {e.corrected} & {escape_latex(e.source)}\\\\\n")
    out.append(r"\bottomrule\end{longtable}" "\n")
    if appendix:
        out.append(r"\appendix" "\n" + appendix)
    out.append(r"\end{document}" "\n")
    return "".join(out)


def _sections(items) -> list[str]:
    return sorted({it.result.claim.section for it in items}, key=lambda s: (len(s), s))


def _claim_section(it: ClaimReport) -> str:
    c, v = it.result.claim, it.result.verdict
    parts = [f"\\subsection*{{{escape_latex(c.id)}: {v.status.value}}}\n",
             f"\\noindent\\textbf{{Where:}} {escape_latex(c.place)}. "
             f"\\textbf{{Assumptions:}} {escape_latex(c.assumptions)}. "
             f"\\textbf{{Expected:}} {c.expected.value} ({escape_latex(c.expected_source)}). "
             f"\\textbf{{Spot check:}} {escape_latex(_spot_text(it.spot))}.",
             (" \\emph{This is the project's formalization of informal text.}" if c.formalization == "project" else ""),
             "\n", it.derivation.as_latex(), "\n"]
    return "".join(parts)


def _ablation_table(section: str, groups: list[str], rows: list) -> str:
    out = [f"\\subsection*{{Ablation: Section {escape_latex(section)} claims with one assumption dropped}}\n",
           "Each claim re-decided with every instance of one named assumption removed; "
           "a change of verdict shows that the assumption matters.\n\n",
           r"\begin{longtable}{@{}p{1.9cm}p{1.4cm}p{11.6cm}@{}}" "\n"
           r"\toprule claim & all & with one assumption dropped\\ \midrule \endhead" "\n"]
    for cid, base, cells in rows:
        dropped = "; ".join(f"without {escape_latex(g)}: {v}" for g, v in cells.items() if v != "-")
        out.append(f"{escape_latex(cid)} & {base} & {dropped or '(no named assumptions)'}\\\\\n")
    out.append(r"\bottomrule\end{longtable}" "\n")
    return "".join(out)


def _atomic_write(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; a report is for sharing
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


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
                raise ReportError(f"pdflatex failed on {tex_path.name}: {first.strip()}")
        pdf = Path(build, tex_path.with_suffix(".pdf").name)
        for produced in (pdf, pdf.with_suffix(".log")):
            fd, tmp = tempfile.mkstemp(dir=out_dir, prefix=f".{produced.name}.", suffix=".tmp")
            os.close(fd)
            shutil.copy2(produced, tmp)
            os.replace(tmp, out_dir / produced.name)
    return out_dir / "report.pdf"


def write_report(out_dir: Path | str = "report", *, paper: Paper | None = None, claims=None, pdf: bool = False,
                 settings: Settings | None = None, progress: Callable[[str], None] = lambda msg: None) -> list[Path]:
    """Decide the claims, write ``report.tex`` and its figures to ``out_dir``; ``pdf=True`` compiles it."""
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
    items = []
    for i, claim in enumerate(selected, 1):
        result = decide_claim(claim, settings=settings)
        spot = spot_check_claim(paper, result, settings)
        items.append(ClaimReport(result, derive(result, settings=settings, paper=paper, include_model=False,
                                                assumptions_as_math=False), spot))
        progress(f"[{i}/{len(selected)}] {claim.id}: {result.status.value}")
    ablations = {}
    for section in _sections(items):
        progress(f"ablation for Section {section}")
        ablations[section] = ablation([c for c in selected if c.section == section], settings=settings)
    from .figures import save_figure

    # everything is built in a private directory and moved in at the end: an error or
    # Ctrl-C leaves the output directory as it was, never half a report
    stage = Path(tempfile.mkdtemp(dir=out, prefix=".coordfail-report-"))
    try:
        figures = {}
        sections = {it.result.claim.section for it in items}
        for fig in paper.figures:
            if fig.section in sections:
                save_figure(fig.build(), stage / fig.name)
                figures[fig.name] = (f"{fig.name}.pdf", fig.caption)
        tex = stage / "report.tex"
        _atomic_write(tex, render_report(items, ablations, figures, appendix=_appendix(), paper=paper))
        if pdf:
            progress("compiling report.pdf with pdflatex")
            compile_pdf(tex)
        written = []
        for produced in sorted(stage.iterdir()):
            os.replace(produced, out / produced.name)
            written.append(out / produced.name)
        return written
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _appendix() -> str:
    """What the code computes: numeric kernels beside their symbolic sources (when available)."""
    try:
        from numeric import latex as kernel_latex  # provided by the numeric core
    except ImportError:
        return ""
    render = getattr(kernel_latex, "appendix_latex", None)
    return render() if callable(render) else ""
