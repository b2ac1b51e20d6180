"""``coordfail verify``: decide every claim of a paper and compare with the expected verdicts.

Exit status 0 iff every claim that carries an expected verdict gets it, no
claim is ``unknown``, no numeric spot check disagrees with a symbolic verdict
(and, with ``--mutants``, every proved claim with a mutant to make kills one);
1 otherwise; 2 on bad input (a claim that cannot be decided as written is an
error row, and the other claims are still decided).  Progress goes to stderr, the table (or
``--json``) to stdout.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import textwrap
import time
from dataclasses import dataclass, replace

from .cli import HELP_FORMAT, add_claims_option, add_only_option, help_text, positive_count, positive_seconds

__all__ = ["add_parser", "run_verify", "result_as_json", "format_table"]


def add_parser(sub) -> None:
    p = sub.add_parser("verify", help="decide every claim and compare with the expected verdicts",
                       description=help_text(__doc__, 2), formatter_class=HELP_FORMAT)
    add_claims_option(p)
    add_only_option(p)
    p.add_argument("--json", action="store_true", help="print one JSON array, one object per claim")
    p.add_argument("--timeout", type=positive_seconds, default=10.0, metavar="SECONDS",
                   help="time limit of each claim's decision (default 10); a claim past it is unknown")
    p.add_argument("--samples", type=positive_count, default=100_000, metavar="N",
                   help="draws per numeric spot check (default 100000)")
    p.add_argument("--seed", type=int, default=0, help="seed of the spot-check draws (default 0)")
    p.add_argument("--no-spot-checks", action="store_true", help="skip the numeric spot checks")
    p.add_argument("--quiet", action="store_true",
                   help="no progress on stderr (with --json, no summary line either: only errors)")
    p.add_argument("--cross-check", action="store_true",
                   help="confirm every verdict by a second route (cvc5 in QF_NRA, or exact re-evaluation); "
                        "a disagreement turns the verdict into unknown with both answers")
    p.add_argument("--mutants", action="store_true",
                   help="decide mutants of every proved claim (shifted thresholds, flipped inequalities, "
                        "swapped parameters, dropped conjuncts); a proved claim with no refuted mutant fails "
                        "(one whose statement is a constant has none to make: reported, not failed)")
    p.add_argument("--no-timings", action="store_true",
                   help="leave out every time measurement, so that the same command prints the same bytes "
                        "(unless a time limit is reached: see the README)")
    p.add_argument("--jobs", type=positive_count, default=None, metavar="N",
                   help="worker processes deciding claims (default: one per core, at most 4); the output is "
                        "the same whatever N")
    p.set_defaults(func=run_verify)


@dataclass(frozen=True)
class Row:
    """One claim's line of the report: its result and what was checked beside it."""

    result: object  #: a ClaimResult; None where the claim could not be decided (``error``)
    spot: object = None  #: a SpotCheck
    cross: object = None  #: a ClaimCrossCheck with --cross-check
    mutants: object = None  #: a MutantReport with --mutants
    error: str = ""  #: why the claim could not be decided as written (bad input): the others still are
    failed: object = None  #: the Claim of an error row (no result carries it)

    @property
    def claim(self):
        return self.failed if self.result is None else self.result.claim


def run_verify(args) -> int:
    from symbolic import Status
    from symbolic.errors import BadInputError, CoordfailError, InternalError
    from symbolic.settings import Settings

    from .decide import decide_claim
    from .paper import load_paper
    from .parallel import default_jobs, imap_in_order
    from .spotchecks import spot_check_claim

    start = time.perf_counter()
    paper = load_paper(args.claims)
    selected = paper.select(args.only)
    settings = Settings(timeout=args.timeout, samples=args.samples, seed=args.seed)
    rows: list[Row] = []
    progress = (lambda msg: print(msg, file=sys.stderr, flush=True)) if not args.quiet else (lambda msg: None)

    def work(claim) -> Row:
        try:
            return decided(claim)
        except InternalError as exc:  # a bug: said as one, and the other claims still decided
            return Row(None, error=f"internal error (please report it): {exc}")
        except CoordfailError as exc:  # the claim as written cannot be decided: one row, not the whole run
            words = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            return Row(None, error=words.removeprefix(f"claim {claim.id}: "))  # the row names the claim

    def decided(claim) -> Row:
        result = decide_claim(claim, settings=settings)
        cross = None
        if args.cross_check:
            from .second_opinion import with_cross_check

            result, cross = with_cross_check(result, timeout=args.timeout)
        spot = None
        if not args.no_spot_checks:
            try:
                spot = spot_check_claim(paper, result, settings)
            except CoordfailError:
                raise
            except Exception as exc:  # a sampler or reading of the paper's own raised: this claim's row says so
                raise BadInputError(f"its spot check raised {type(exc).__name__}: {exc} (a sampler or check of the "
                                    "paper's own, or a bug of the toolkit's: please report it)") from exc
        mutants = None
        if args.mutants and result.status is Status.PROVED:
            from .mutants import mutant_report

            mutants = mutant_report(result, settings)
        # the claim stays here: it may hold builders (closures) a worker process cannot send back
        return Row(replace(result, claim=None), spot, cross, mutants)

    # a few claims are decided faster here than a pool of processes starts
    jobs = (default_jobs() if len(selected) >= 8 else 1) if args.jobs is None else args.jobs
    rows_ready = imap_in_order(work, selected, jobs=jobs)
    try:
        for i, (claim, row) in enumerate(zip(selected, rows_ready), 1):
            if row.error:
                rows.append(replace(row, failed=claim))
                progress(f"[{i}/{len(selected)}] {claim.id}: ERROR {row.error}")
                continue
            row = replace(row, result=replace(row.result, claim=claim))
            rows.append(row)
            result, cross = row.result, row.cross
            extra = f", cross-check {cross.outcome.value}" if cross is not None else ""
            progress(f"[{i}/{len(selected)}] {result.claim.id}: {result.scoped_verdict()} "
                     f"({result.verdict.seconds:.2f} s{extra}) {'ok' if _row_ok(row) else 'NOT OK'}")
    except KeyboardInterrupt:
        rows_ready.close()  # stops the workers
        progress(f"interrupted after {len(rows)} of {len(selected)} claims; the results so far:")
        _emit(rows, args, time.perf_counter() - start, interrupted=len(selected))
        return 130
    return _emit(rows, args, time.perf_counter() - start)


def _row_ok(row: Row) -> bool:
    from symbolic import Status

    r = row.result
    if row.error or r.status is Status.UNKNOWN:
        return False
    if r.judged and not r.as_expected:
        return False
    if row.spot is not None and not row.spot.agrees:
        return False
    if row.mutants is not None and not row.mutants.killed and row.mutants.made_any:
        return False  # a constant statement has no mutant to make: reported, not failed
    return True


def _emit(rows: list[Row], args, seconds: float, interrupted: int | None = None) -> int:
    from symbolic import Status

    if args.json:
        data = [result_as_json(row, timings=not args.no_timings) for row in rows]
        json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_table(rows, timings=not args.no_timings))
        from .scopes import BY_NOTE, BY_REDUCTION

        basis = [row.result.scope_basis for row in rows if not row.error]
        for how, which, covered in ((BY_REDUCTION, "reduction in the note", "for every size were decided for "
                                     "generic sectors or fixed sizes; that this covers every size is the argument "
                                     "in each claim's note"),
                                    (BY_NOTE, "sizes in the note", "for fixed sizes were decided through obligations "
                                     "built for them; that they are those sizes is what each claim's note says")):
            if basis.count(which):
                print(textwrap.fill(f"{how}: {basis.count(which)} claim(s) {covered} (coordfail derive ID shows "
                                    "it), not a decision of the engine",
                                    width=shutil.get_terminal_size((120, 24)).columns))
    out = sys.stderr if args.json else sys.stdout
    failed = [row for row in rows if row.error]
    rows = [row for row in rows if not row.error]  # the summary counts what was decided
    for row in failed:
        print(f"coordfail: error: {row.claim.id} was not decided: {row.error}", file=sys.stderr)
    for row in rows:
        r = row.result
        if row.spot is not None and not row.spot.agrees:
            print(f"coordfail: SPOT CHECK DISAGREES with the symbolic verdict of {r.claim.id}: "
                  f"{row.spot.violations} of {row.spot.in_all} draws; first: {row.spot.detail}", file=sys.stderr)
        if r.judged and not r.as_expected:
            print(f"coordfail: {r.claim.id}: computed {r.status.value}, expected {r.claim.expected.value}"
                  + (f" ({r.claim.expected_source})" if r.claim.expected_source else "")
                  + (f": {r.verdict.reason}" if r.verdict.reason else ""), file=sys.stderr)
        elif r.status is Status.UNKNOWN:
            print(f"coordfail: {r.claim.id}: unknown: {r.verdict.reason}", file=sys.stderr)
        if row.mutants is not None and not row.mutants.killed:
            print(f"coordfail: {r.claim.id}: {row.mutants.summary()}"
                  + ("" if row.mutants.made_any else " (not counted against the exit status)"), file=sys.stderr)
    n = len(rows)
    judged = [row for row in rows if row.result.judged]
    good = sum(row.result.as_expected for row in judged)
    if judged:
        text = f"{good}/{len(judged)} claims decided as expected"
        if len(judged) < n:
            text += f" ({n - len(judged)} without an expectation, reported only)"
    else:  # nothing to compare: say what was decided, not "0/0"
        text = (f"{n} claim{'s' if n != 1 else ''} decided, none with an expected verdict (reported only)" if n
                else "no claim decided")
    if failed:
        text += (f"; {len(failed)} claim{'s' if len(failed) > 1 else ''} not decided (bad input: "
                 f"{', '.join(row.claim.id for row in failed)}; see the messages above)")
    if interrupted is not None:  # count what was decided: a claim cut short is not there, an unknown is not decided
        decided = sum(row.result.status is not Status.UNKNOWN for row in rows)
        text = (f"interrupted: {decided} of {interrupted} claims decided"
                + (f", {n - decided} unknown" if n > decided else "")
                + f", {interrupted - n} not run; " + text)
    counts = {}
    for row in rows:
        counts[row.result.status.value] = counts.get(row.result.status.value, 0) + 1
    text += " [" + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) + "]"
    if not args.no_timings:
        text += f" in {seconds:.1f} s"
    checked = [row.spot for row in rows if row.spot is not None]
    if checked:
        bad = sum(not s.agrees for s in checked)
        text += (f"; {len(checked)} spot check{'s' if len(checked) != 1 else ''}, "
                 f"{sum(s.in_all for s in checked):,} draws, {bad} disagreeing")
        empty = sum(not s.samples for s in checked)
        if empty:
            text += f", {empty} evaluated no draw (see the table)"
        open_ = sum(bool(s.unsettled) for s in checked)
        if open_:
            text += f", {open_} with float failures not re-decided exactly (see the table)"
        idle = sum(s.exercised == 0 and s.agrees for s in checked)
        if idle:
            text += f", {idle} not exercised (the hypothesis held on no draw)"
        answered = sum(row.result.status is Status.UNKNOWN and row.spot is not None and row.spot.found > 0
                       for row in rows)
        if answered:
            text += f", {answered} unknown claim(s) refuted or instanced on exactly confirmed draws (see the table)"
    crosses = [(row.claim.id, row.cross) for row in rows if row.cross is not None]
    if crosses:
        tally: dict = {}
        for cid, c in crosses:
            tally.setdefault(c.outcome.value, []).append(cid)
        # which claims did not agree is what a reader acts on: named (the first few), not only counted
        text += "; cross-check: " + ", ".join(
            f"{len(ids)} {k}" + ("" if k == "agree" else f" ({', '.join(ids[:5])}{', ...' if len(ids) > 5 else ''})")
            for k, ids in sorted(tally.items()))
    mutated = [row.mutants for row in rows if row.mutants is not None]
    if mutated:
        constant = sum(not m.made_any for m in mutated)
        implied = sum(len(m.implied) for m in mutated)
        text += (f"; mutants: {sum(m.generated for m in mutated)} generated, {sum(m.killed for m in mutated)} "
                 f"refuted, {sum(not m.killed and m.made_any for m in mutated)} proved claims with none refuted"
                 + (f", {constant} with none to make (a constant statement)" if constant else "")
                 + (f", {implied} not counted (weaker than their claims themselves)" if implied else ""))
    if not (args.json and args.quiet):  # with --json the data is on stdout; --quiet silences the rest
        print(text, file=out)
    if failed:
        return 2
    return 0 if rows and all(_row_ok(row) for row in rows) and interrupted is None else 1


def result_as_json(row, spot=None, timings: bool = True) -> dict:
    """The ``--json`` object of one claim (a Row or a ClaimResult; ``timings=False``: no time measurement)."""
    if not isinstance(row, Row):
        row = Row(row, spot)
    if row.error:
        claim = row.claim
        return {"id": claim.id, "section": claim.section, "statement": claim.statement, "kind": claim.kind.value,
                "status": "error", "scope": claim.scope or None,
                "expected": claim.expected.value if claim.expected is not None else None, "error": row.error}
    result = row.result
    claim, v = result.claim, result.verdict
    verdict = v.as_dict()  # status, kind, method, seconds, reason, notes, counterexample / witness
    out = {"id": claim.id, "section": claim.section, "statement": claim.statement, "kind": verdict.pop("kind"),
           "status": verdict.pop("status"), "scope": result.claim.scope or None,
           "expected": claim.expected.value if claim.expected is not None else None,
           "method": verdict.pop("method"), "seconds": verdict.pop("seconds"), "place": claim.place,
           "assumptions": claim.assumptions, "formalization": claim.formalization, **verdict}
    if claim.scope:  # what the verdict covers, in words: "proved (n = 1..4 only; ...)", "refuted (claimed for every n)"
        out["scoped_verdict"] = result.scoped_verdict()
    if result.scope_basis:  # the decisions quantify over the size, or cover every size by the note's argument
        out["scope_basis"] = result.scope_basis
    of = result.point_decision
    if of is not None:
        out["point_decision"] = {"index": of[0], "of": of[1], "label": of[2]}
    if result.decisions_without_instance:
        out["decisions_without_instance"] = list(result.decisions_without_instance)
    if row.spot is not None:
        out["spot_check"] = row.spot.as_dict()
    if row.cross is not None:
        out["cross_check"] = row.cross.outcome.value
        if row.cross.why:
            out["cross_check_reason"] = row.cross.why
    if row.mutants is not None:
        out["mutants"] = row.mutants.as_dict()
    if not timings:
        out.pop("seconds")
        if "spot_check" in out:
            out["spot_check"].pop("seconds", None)
    return out


def _spot_text(spot, result) -> str:
    from symbolic import Kind, Status

    if spot is None:
        return "-"
    if not spot.agrees:
        return f"{spot.violations} of {spot.in_all:,} DISAGREE"
    nothing = spot.why_nothing()
    if nothing == "hypothesis never met":
        return f"NOT EXERCISED: hypothesis met on 0 of {spot.samples:,}"
    several = re.match(r"(?:[2-9]|\d\d+) obligation", spot.detail)
    if nothing == "no admissible draw" and several:
        return "no admissible draw for some decision (see the detail)"  # others may have had many
    if nothing == "undefined at every admissible draw":
        return ("no draw where it is defined, for some decision (see the detail)" if several else
                f"undefined at all {spot.undefined:,} admissible draws")
    if nothing:
        if nothing in ("constant", "no admissible draw"):
            return "nothing evaluated (constant)" if nothing == "constant" else nothing
        return "not checked (abstract function)" if "without a concrete form" in nothing else "not checked"
    if result.status is Status.UNKNOWN and (spot.found or spot.found_more):  # the draws answer what the engine did not
        what = "refute it" if result.claim.kind is Kind.FORALL else "are instances"
        if not spot.found:  # floats alone decide nothing: rounding at a tie fails a true claim's equality
            none = "no draw refutes it" if result.claim.kind is Kind.FORALL else "no draw is an instance"
            return (f"{none} exactly, of {spot.in_all:,}; {spot.found_more:,} float failures not re-decided "
                    "(they decide nothing)")
        return f"{spot.found_text()} of {spot.in_all:,} draws {what}, exactly confirmed{spot.more_text()}"
    if result.status is Status.UNKNOWN and result.claim.kind is Kind.EXISTS:  # nothing to agree with
        return f"none of {spot.in_all:,} draws is an instance"
    if spot.once:  # no symbol left: one evaluation, which is no count of draws
        return "no symbol: evaluated once, agrees"
    # found is summed over the decisions, samples is the fewest any one got
    of = (f"of {spot.in_all:,} draws" if spot.found + spot.found_more <= spot.in_all
          else f"draws (summed over the decisions, each on >= {spot.samples:,})")
    # a point from a decision SymPy settled to a constant: no draw evaluates that decision, so none can find it
    pointed = result.status in (Status.REFUTED, Status.WITNESS)
    from_constant = (" (its decision a constant: not drawn)" if pointed and not spot.found
                     and result.point_from_constant else "")
    if result.status is Status.REFUTED and result.verdict.counterexample is not None:
        return f"cex exact{from_constant}; {spot.found_text()} {of} refute it{spot.more_text()}"
    if result.status is Status.WITNESS:
        return f"witness exact{from_constant}; {spot.found_text()} {of} are instances{spot.more_text()}"
    # not "ok" where some float failures stay open; and where no draw had an exact evaluation, not "exact" either
    ok = ("draws ok" if not spot.unsettled else "draws with no exact disagreement" if spot.exact_draws != "none"
          else "draws, none confirmed to disagree (no rational evaluation: exact draws on balls)")
    if spot.exercised is not None:  # the fewest of any one implication: "of them" only where there is one
        met = (f"at least {spot.exercised:,} meet the hypothesis in each implication" if spot.several
               else f"{spot.exercised:,} meet the hypothesis")
        return f"{spot.in_all:,} {ok} ({met}){spot.unsettled_text()}"
    return f"{spot.in_all:,} {ok}{spot.unsettled_text()}"


def format_table(rows: list[Row], timings: bool = True, width: int | None = None) -> str:
    """A plain-text table whose columns align at any terminal width; long statements wrap in their column."""
    from symbolic import Status, point_as_text

    rows = [row if isinstance(row, Row) else Row(*row) for row in rows]
    width = width or shutil.get_terminal_size((120, 24)).columns
    cells = []
    for row in rows:
        r = row.result
        if row.error:
            claim = row.claim
            cells.append([claim.id, "ERROR", claim.expected.value if claim.expected is not None else "-", "-", "-",
                          "-"])
            continue
        mark = "" if (not r.judged or r.as_expected) else "!"
        expected = r.claim.expected.value if r.claim.expected is not None else "-"
        when = f"{r.verdict.seconds:.2f}s" if timings else "-"
        cells.append([r.claim.id, r.scoped_verdict() + mark, expected, r.verdict.method, when,
                      _spot_text(row.spot, r)])
    heads = ["id", "verdict", "expected", "method", "time", "spot check"]
    widths = [max([len(h)] + [len(c[i]) for c in cells]) for i, h in enumerate(heads)]
    fixed = sum(widths) + len(widths) + 1
    narrow = width - fixed < 24  # the columns do not fit beside a readable claim: one block per claim
    claim_width = max(24, width - widths[0] - 1) if narrow else width - fixed
    pad = " " * (widths[0] + 1)
    if narrow:
        lines = ["id".ljust(widths[0]) + " verdict; claim; checks",
                 "-" * max(min(width, 80), 20)]
    else:
        header = " ".join([heads[0].ljust(widths[0]), "claim".ljust(claim_width)]
                          + [h.ljust(w) for h, w in zip(heads[1:], widths[1:])]).rstrip()
        lines = [header, "-" * min(len(header), max(width, 40))]
    for row, c in zip(rows, cells):
        claim = row.claim
        text = claim.statement + (" [project formalization]" if claim.formalization == "project" else "")
        wrapped = textwrap.wrap(text, claim_width) or [""]
        if narrow:
            lines.append(f"{c[0].ljust(widths[0])} {c[1]}")
            lines += [pad + line for line in wrapped]
            facts = f"expected {c[2]}; {c[3]}" + (f"; {c[4]}" if timings else "") + f"; spot check: {c[5]}"
            lines += [pad + line for line in textwrap.wrap(facts, claim_width)]
        else:
            first = [c[0].ljust(widths[0]), wrapped[0].ljust(claim_width)] + [x.ljust(w) for x, w in
                                                                             zip(c[1:], widths[1:])]
            lines.append(" ".join(first).rstrip())
            lines += [pad + more for more in wrapped[1:]]
        if row.error:
            lines += [pad + line for line in textwrap.wrap(f"not decided: {row.error}", max(24, width - len(pad)))]
            continue
        v = row.result.verdict
        point = point_as_text(v.point)
        notes = []
        if point:
            label = "counterexample" if v.counterexample is not None else "witness"
            of = row.result.point_decision
            if of is not None:
                label += f" (decision {of[0]} of {of[1]}: {of[2]})"
            notes.append(f"{label}: " + ", ".join(f"{k} = {val}" for k, val in point.items()))
        if row.result.no_instance_words():
            notes.append(row.result.no_instance_words())
        notes += [f"check: {words}" for words in row.result.checks or ()]  # a misspelt symbol reads as a parameter
        if v.reason and v.status is Status.UNKNOWN:
            notes.append(f"reason: {v.reason}")
        if row.cross is not None and row.cross.why:
            notes.append(f"cross-check {row.cross.outcome.value}: {row.cross.why}")
        if row.mutants is not None:
            notes.append(f"mutants: {row.mutants.summary()}")
        for note in notes:
            lines += [pad + line for line in textwrap.wrap(note, max(24, width - len(pad)))]
    return "\n".join(lines) + "\n"
