"""``coordfail region ID``: for which parameters a claim's derived condition holds, beside the paper's threshold.

For each row of the claim's entry in :data:`proofs.regions.REGION_TABLE`:
the derived region (:func:`symbolic.region`: SymPy or QEPCAD B), whether the
engine certified it equivalent to the condition, the paper's threshold and the
engine's verdict on the two, and a numeric spot check on admissible draws.

Exit status 0 when every region is derived, certified and agrees with its
spot check on at least one admissible draw; 1 otherwise; 2 on bad input or when QEPCAD B is not installed.
"""

from __future__ import annotations

import argparse
import json
import sys

from .cli import HELP_FORMAT, UsageError, add_claims_option, help_text, positive_count, positive_seconds

__all__ = ["add_parser", "run_region", "entry_as_json"]


def add_parser(sub) -> None:
    p = sub.add_parser("region", help="derive for which parameters a claim's condition holds",
                       description=help_text(__doc__, (0, 2)), formatter_class=HELP_FORMAT)
    p.add_argument("claim_id", metavar="ID", help="a claim id with a derived region, e.g. S2.spill.2 or S5.4")
    add_claims_option(p)
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true",
                     help='one JSON object: {"id", "region", "latex", "method", "certified", "rows": [...]}')
    fmt.add_argument("--latex", action="store_true", help="a LaTeX align* block")
    p.add_argument("--timeout", type=positive_seconds, default=30.0, metavar="SECONDS",
                   help="time limit of each derivation (QEPCAD is killed at it) and of each proof (default 30)")
    p.add_argument("--samples", type=positive_count, default=100_000, metavar="N",
                   help="admissible draws of each numeric spot check (default 100000)")
    p.add_argument("--seed", type=int, default=0, help="seed of the spot-check draws (default 0)")
    p.add_argument("--eliminate", type=_symbol_names, default=(), metavar="NAMES",
                   help="symbols to eliminate, by name, comma-separated (e_1,e_2): the region is then of the "
                        "others, where some values of these meet the condition")
    p.set_defaults(func=run_region)


def _symbol_names(text: str) -> tuple[str, ...]:
    """``"e_1, e_2"`` -> ``("e_1", "e_2")``: names only, never parsed as expressions."""
    parts = [n.strip() for n in text.split(",")]
    names = tuple(dict.fromkeys(parts))
    bad = [n for n in names if not n.replace("_", "a").replace("'", "a").isalnum()]  # "" too: "p_1,,p_2"
    if not names or bad:
        raise argparse.ArgumentTypeError(f"expected symbol names separated by commas, got {text!r}")
    return names


def run_region(args) -> int:
    from sympy.logic.boolalg import BooleanAtom

    from symbolic.qepcad import QepcadUnavailable

    from .paper import load_paper
    from .regions import claim_entry, derive_rows, why_no_region

    paper = load_paper(args.claims)
    claim = paper.claim(args.claim_id)  # an unknown id is a one-line error with near matches
    table = getattr(paper.regions, "REGION_TABLE", {}) if paper.regions is not None else {}
    entry = table.get(claim.id) or claim_entry(claim)
    if entry is None and claim.claim is not None and isinstance(claim.claim, BooleanAtom) and claim.derived is None:
        raise UsageError(f"claim {claim.id!r} is the constant {claim.claim}: SymPy settled its statement when it was "
                         "built (from the symbols' own assumptions), so there is no region to derive; build the "
                         "statement with evaluate=False, or give the condition as derived in derived=")
    if entry is None:
        with_one = ", ".join(c.id for c in paper.claims if c.id in table or claim_entry(c) is not None) or "none"
        raise UsageError(f"claim {claim.id!r} has no derived region ({why_no_region(claim)}); claims with one: "
                         f"{with_one}")
    try:
        rows = derive_rows(entry, args.timeout, args.eliminate)
    except QepcadUnavailable as exc:
        raise UsageError(str(exc)) from None
    checks = [_spot(d, args.samples, args.seed, paper.samplers) for d in rows]
    if args.json:
        sys.stdout.write(json.dumps(entry_as_json(claim.id, rows, checks, entry.note), indent=2, sort_keys=False) + "\n")
    elif args.latex:
        sys.stdout.write(_latex(claim.id, rows) + "\n")
    else:
        sys.stdout.write(_text(entry, rows, checks))
    ok = all(d.region.certified and (c is None or _check_ok(d.region, c)) for d, c in zip(rows, checks))
    return 0 if ok else 1


def _check_ok(region, check) -> bool:
    """The spot check bears the region out: it agrees on some draw, or SymPy wrote every part as a constant, or
    the region is empty because no parameters meet the assumptions and indeed no draw did."""
    if region.empty:
        return check.agrees and not check.compared
    return check.agrees and bool(check.compared or check.nothing_to_compare)


def _spot(d, samples: int, seed: int, paper_samplers):
    if not d.region.known:
        return None
    from numeric.region import check_region

    return check_region(d.region, samples=samples, seed=seed, paper_samplers=paper_samplers)


def _row_json(d, check) -> dict:
    out = d.as_dict()
    if check is not None:
        out["spot_check"] = check.as_dict()
    return out


def entry_as_json(cid: str, rows, checks, note: str = "") -> dict:
    """``{"id", "region", "latex", "method", "certified", "rows"}`` (and the entry's ``note``, where it has one:
    what the rows are, sizes the assumptions exclude); one row: its own fields at the top."""
    from symbolic.derivation import escape_latex

    data = [_row_json(d, c) for d, c in zip(rows, checks)]
    if len(rows) == 1:
        top = {k: data[0][k] for k in ("region", "latex", "method", "certified")}
    else:  # several economies or conditions: one line each, certified only if all are
        top = {"region": "; ".join(f"{_heading(d)}: {r['region']}" for d, r in zip(rows, data)),
               "latex": r" \\ ".join(rf"\text{{{escape_latex(_heading(d))}}}: {r['latex']}"
                                      for d, r in zip(rows, data)),
               "method": ", ".join(dict.fromkeys(r["method"] for r in data)),
               "certified": all(r["certified"] for r in data)}
    return {"id": cid, **top, **({"note": note} if note else {}), "rows": data}


def _heading(d) -> str:
    t = d.threshold
    return f"{t.label} ({t.scope})" if t.scope else t.label


def _text(entry, rows, checks) -> str:
    from symbolic.notation import one_line

    lines = [f"{entry.claim_id}: derived regions" + (f" -- {entry.note}" if entry.note else "")]
    for d, check in zip(rows, checks):
        r, t = d.region, d.threshold
        lines.append(f"  {_heading(d)}")
        if r.known:
            state = "certified" if r.certified else "not certified"
            lines.append(f"    derived:    {one_line(r.condition)}   ({r.method}, {state}, {r.seconds:.2f} s)")
            if (not r.certified or r.empty) and r.certificate:
                lines.append(f"    certificate: {r.certificate}")
        else:
            lines.append(f"    derived:    unknown ({r.reason})")
        if t.eliminate:
            lines.append(f"    for some:   {', '.join(one_line(s) for s in t.eliminate)} (eliminated: the region is "
                         "where some value of it meets the condition)")
        if t.paper is not None:
            lines.append(f"    {t.stated_by + ':':<12}{one_line(t.paper)}")
        lines.append(f"    engine:     {d.verdict_text()}")
        if check is not None:
            lines.append(_spot_line(check, r))
        if t.note:
            lines.append(f"    note:       {t.note}")
    return "\n".join(lines) + "\n"


def _spot_line(check, region=None) -> str:
    from sympy import Equality

    from symbolic.constructs import atoms_of

    constant = f" ({', '.join(check.constant)}: written by SymPy as a constant, nothing to compare)" \
        if check.constant else ""
    if check.nothing_to_compare:
        return (f"    spot check: nothing to compare: SymPy wrote {', '.join(check.constant)} as a constant (the "
                f"region is the condition as written){'' if check.agrees else '; it is FALSE'}")
    empty = region is not None and region.empty
    if empty and check.compared:
        return (f"    spot check: {check.compared:,} admissible draws, though the engine found the assumptions "
                "contradictory: it DISAGREES with the empty region")
    if not check.compared:
        if empty:
            return "    spot check: no admissible draw, as the certificate says: the assumptions admit no parameters"
        return "    spot check: NOT CHECKED: no draw met the assumptions, so nothing was compared" + (
            " (an equation among them is almost never met at random)" if region is not None and any(
                atoms_of(a, Equality) for _, a in region.assumptions) else "")
    return f"    spot check: {check.compared:,} admissible draws, {check.disagreements} disagreements{constant}"


def _latex(cid: str, rows) -> str:
    import sympy as sp

    from symbolic.derivation import escape_latex

    body = []
    for d in rows:
        t = d.threshold
        paper = rf" && \text{{{t.stated_by}: }} {sp.latex(t.paper)}" if t.paper is not None else ""
        some = (rf" \quad \text{{(for some }} {', '.join(sp.latex(s) for s in t.eliminate)}\text{{)}}"
                if t.eliminate else "")
        body.append(rf"\text{{{escape_latex(_heading(d))}}}:\quad & {d.region.latex()}{some}{paper}")
    return "\\begin{align*}\n" + " \\\\\n".join(body) + "\n\\end{align*}"
