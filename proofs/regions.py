r"""The paper's thresholds, derived: the region of each equilibrium condition beside the paper's words.

Every "iff" or threshold claim has an entry in :data:`REGION_TABLE`: the
condition is built from the model's own equilibrium conditions
(:mod:`symbolic.section2`, :mod:`symbolic.games`, :mod:`symbolic.section5` --
nothing typed), :func:`symbolic.region` derives *for which parameters* it
holds, and the engine decides whether that region is the paper's threshold.
A refuted universal claim that holds somewhere gets the exact region where it
*does* hold (kind ``"holds where"``).

The table is data: an entry is one line,

.. code-block:: python

    add_entry("S4.1", lambda: [threshold("specialisation in T", condition, paper, assumptions)])

so Section 4's and Section 7's entries can be added by the helpers who derive
those models.  :func:`report_rows` and :func:`latex_table` give the report its
"Thresholds derived from the models" table (docs/model.md lists the claims).

>>> entry = REGION_TABLE["S2.spill.2"]
>>> [t.label for t in entry.build()]
['n = 1 is an equilibrium']
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Callable, Mapping, Sequence

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.logic.boolalg import BooleanAtom

from symbolic import Status, Verdict, exists, point_as_text, prove
from symbolic import section2 as s2
from symbolic import section5 as s5
from symbolic.engine import normalize_assumptions
from symbolic.errors import BadInputError
from symbolic.regions import Region, region

__all__ = ["Threshold", "RegionEntry", "DerivedThreshold", "REGION_TABLE", "add_entry", "threshold",
           "derive_entry", "derive_rows", "claim_entry", "region_for", "derived_regions", "report_rows", "latex_table", "FIXED_J"]

#: the economy sizes at which Section 5 regions are derived
FIXED_J = (2, 3, 4)


@dataclass(frozen=True)
class Threshold:
    """One condition derived from a model, the assumptions it lives under, and the paper's threshold."""

    label: str
    condition: sp.Boolean
    assumptions: tuple[tuple[str, sp.Boolean], ...] = ()
    #: the threshold in the paper's words (``None`` for a "holds where" row)
    paper: sp.Boolean | None = None
    eliminate: tuple[sp.Symbol, ...] = ()
    scope: str = ""  #: "J = 3" where a fixed economy size applies
    note: str = ""
    #: whose threshold ``paper`` is: "paper", or "claim" where the claim states a form the paper does not print
    stated_by: str = "paper"


def threshold(label: str, condition, paper=None, assumptions: Mapping | Sequence = (), *, eliminate=(),
              scope: str = "", note: str = "", stated_by: str = "paper") -> Threshold:
    """A :class:`Threshold` (assumptions as a name -> Boolean mapping or a sequence)."""
    named = normalize_assumptions(assumptions)  # one name, one assumption: the region reads them as a map
    return Threshold(label, condition, named, paper, tuple(eliminate), scope, note, stated_by)


@dataclass(frozen=True)
class RegionEntry:
    """A claim id and how to build its derived conditions (one or more rows)."""

    claim_id: str
    build: Callable[[], Sequence[Threshold]] = field(compare=False, repr=False)
    kind: str = "threshold"  #: "threshold" or "holds where"
    note: str = ""


REGION_TABLE: dict[str, RegionEntry] = {}


def add_entry(claim_id: str, build: Callable[[], Sequence[Threshold]], *, kind: str = "threshold",
              note: str = "") -> RegionEntry:
    """Register the derived regions of one claim (one line per claim)."""
    if kind not in ("threshold", "holds where"):
        raise ValueError(f"kind must be 'threshold' or 'holds where', got {kind!r}")
    if claim_id in REGION_TABLE:
        raise ValueError(f"claim {claim_id} has a region entry already")
    entry = RegionEntry(claim_id, build, kind, note)
    REGION_TABLE[claim_id] = entry
    return entry


# == Section 2 =========================================================================

A, C, n = s2.A, s2.C, s2.n


def _spill():
    g = s2.spillover_game()
    return g, g.none_adopt(), g.all_adopt()


def _spill2(subsidy=0):
    g = s2.spillover_game(backward_spillover=True, subsidy=subsidy)
    return g, g.none_adopt(), g.all_adopt()


add_entry("S2.spill.2", lambda: [threshold("n = 1 is an equilibrium", _spill()[2].condition, A - C >= 1)])
add_entry("S2.spill.3", lambda: [threshold("n = 0 and n = 1 are both equilibria",
                                           sp.And(_spill()[1].condition, _spill()[2].condition), A - C > 1)],
          note="the paper: 'If A-C > 1 then there are multiple equilibria' (n = 0 and n = 1)")
add_entry("S2.spill.4", lambda: [threshold(
    "some interior share 0 < n < 1 is an equilibrium",
    sp.And(n > 0, n < 1, _spill()[0].equilibrium_at(n)), A - C > 1, eliminate=(n,))],
    note="n is eliminated: the region is where an interior equilibrium exists.")
add_entry("S2.spill2.3", lambda: [threshold("everybody is better off at n = 1 than at n = 0",
                                            _spill2()[0].pareto_dominates(_spill2()[2], _spill2()[1]), A - C > 1)])
add_entry("S2.spill2.4", lambda: [threshold("n = 1 is an equilibrium with a subsidy s per modern firm",
                                            _spill2(s2.subsidy)[2].condition, s2.subsidy >= 1 + C)])

N, dp, dc = s2.N, s2.Delta_p, s2.Delta_c
_N2 = {"N >= 2": sp.Ge(N, 2)}


def _brand():
    g = s2.brand_game()
    return g, g.none_adopt(), g.all_adopt()


add_entry("S2.brand.2", lambda: [threshold("all-H is an equilibrium", _brand()[2].condition, N <= dp / dc, _N2)])
add_entry("S2.brand.3", lambda: [threshold("all-H is not an equilibrium", sp.Not(_brand()[2].condition),
                                           N > dp / dc, _N2)])
add_entry("S2.brand.4", lambda: [threshold("all-H Pareto-dominates all-L",
                                           _brand()[0].pareto_dominates(_brand()[2], _brand()[1]), dp > dc, _N2)])

alpha, w, X = s2.alpha, s2.w, s2.X


def _dol4():
    cost_in_X = s2.in_productivity_index(s2.modern_unit_cost())
    paper_m = alpha ** (-alpha / (1 - alpha))  # the paper's variety threshold
    paper_in_X = s2.in_productivity_index(s2.productivity_index(paper_m))
    return [threshold("all-modern is an equilibrium (modern unit cost <= w), in X = m^((1-alpha)/alpha)",
                      sp.Le(cost_in_X, w), sp.Ge(X, paper_in_X), {"alpha < 1": alpha < 1},
                      note="The real powers are rewritten by the increasing substitution X = m^((1-alpha)/alpha) "
                           "at m = (1-alpha)L/F; the paper's "
                           "(1-alpha)L/F >= alpha^(-alpha/(1-alpha)) maps to X >= 1/alpha.")]


add_entry("S2.dol.4", _dol4)

Delta, sep, kf, cw = s2.Delta, s2.s, s2.k_firm, s2.c_worker
_S1 = {"s <= 1": sep <= 1}


def _train():
    g = s2.training_game()
    return g.none_adopt(), g.all_adopt()


add_entry("S2.train.1", lambda: [threshold("mu = 1 is an equilibrium", _train()[1].condition, Delta >= kf + cw, _S1)])
add_entry("S2.train.2", lambda: [threshold("mu = 0 is an equilibrium", _train()[0].condition,
                                           (1 - sep) * Delta <= kf + cw, _S1)])
add_entry("S2.train.3", lambda: [threshold("mu = 0 and mu = 1 are both equilibria",
                                           sp.And(*(p.condition for p in _train())),
                                           sp.And((1 - sep) * Delta <= kf + cw, kf + cw <= Delta), _S1)])

Ns, pi, R, phi = s2.N_sectors, s2.pi, s2.R, s2.phi
_PHI = {"phi <= 1": phi <= 1}


def _infra3():
    g = s2.infrastructure_game()
    worth = sp.Ge(g.surplus(1, 1), g.surplus(0, 0))
    return [threshold("socially worth building", worth, Ns * pi >= R, _PHI),
            threshold("worth building, yet (built, all industrialise) is not an equilibrium",
                      sp.And(worth, sp.Not(g.equilibrium(1, 1))), sp.And(phi * Ns * pi < R, R <= Ns * pi), _PHI)]


def _infra4():
    r1, c1, r2, c2 = sp.symbols("r_1 c_1 r_2 c_2", positive=True)
    g = s2.complementary_investments((r1, c1), (r2, c2))
    return [threshold("both investing is an equilibrium", g.equilibrium(1, 1), sp.And(r1 >= c1, r2 >= c2))]


add_entry("S2.infra.2", lambda: [threshold("(built, all industrialise) is an equilibrium",
                                           s2.infrastructure_game().equilibrium(1, 1), phi * Ns * pi >= R, _PHI)])
add_entry("S2.infra.3", _infra3)
add_entry("S2.infra.4", _infra4)

# == Section 5, at fixed J =============================================================


def _s54():
    rows = []
    for J in FIXED_J:
        S = s5.sectors(J)
        for k in S[1:]:
            rows.append(threshold(f"E({k},C) is an equilibrium", s5.equilibrium(k, True, S),
                                  s5.condition_star(k, strict=False), s5.standing_assumptions(S), scope=f"J = {J}",
                                  stated_by="claim"))  # the weak form: the paper prints (*) strictly
    return rows


# == Section 4: g enters only through g(0) and g(L) (symbolic.section4.at_allocations) ==================
from symbolic import section4 as s4  # noqa: E402

add_entry("S4.1", lambda: [threshold("everybody in T is an equilibrium", s4.at_allocations(s4.specialised_in_T()),
                                     s4.p_M * s4.a_M * s4.g_0 <= s4.p_T * s4.a_T)],
          note="g enters only as g(0) = g_0 (every g_0 >= 0 is some increasing g's value at 0)")
add_entry("S4.2", lambda: [threshold("everybody in M is an equilibrium", s4.at_allocations(s4.specialised_in_M()),
                                     s4.p_T * s4.a_T <= s4.p_M * s4.a_M * s4.g_L)],
          note="g enters only as g(L) = g_L")

add_entry("S5.4", _s54, note="compared with the claim's weak form of (*); the paper prints (*) strictly (S5.5, S5.6)")


def _holds_where(statement_for_k):
    def build():
        rows = []
        for J in FIXED_J:
            S = s5.sectors(J)
            rows.append(threshold("where the claim holds", sp.And(*[statement_for_k(k, S) for k in S[1:]]),
                                  None, s5.standing_assumptions(S), scope=f"J = {J}"))
        return rows
    return build


add_entry("S5.6", _holds_where(lambda k, S: sp.Implies(s5.equilibrium(k, True, S), s5.condition_star(k))),
          kind="holds where", note="'strict (*) is necessary for E(k,C)', for every k > 1")
add_entry("S5.10", _holds_where(lambda k, S: sp.Implies(s5.equilibrium(k, True, S),
                                                        sp.Lt(s5.wage_uncoordinated(1), s5.wage_coordinated(k)))),
          kind="holds where", note="'w(1,U) < w(k,C) whenever E(k,C) is an equilibrium', for every k > 1")
add_entry("S5.14", lambda: [threshold("where the claim holds", s5.theta_nondecreasing(s5.sectors(J)), None,
                                      s5.standing_assumptions(s5.sectors(J)), scope=f"J = {J}") for J in FIXED_J],
          kind="holds where", note="'A1 and A2 imply theta nondecreasing'")


# == deriving ============================================================================

@dataclass(frozen=True)
class DerivedThreshold:
    """A row: the derived region beside the paper's threshold and the engine's verdict on them."""

    claim_id: str
    kind: str
    threshold: Threshold
    region: Region
    #: threshold rows: region <=> paper; "holds where" rows: does the claim hold somewhere (exists)?
    verdict: Verdict | None
    #: threshold rows where region <=> paper is refuted: is the paper's threshold sufficient (paper => region)?
    #: "holds where" rows: does the claim fail somewhere (exists not region)?
    second: Verdict | None = None
    #: why the region was not compared with the threshold, where it was not though it is known
    not_compared: str = ""

    @property
    def agrees(self) -> bool | None:
        """Threshold rows: whether the engine proved the region equal to the paper's threshold."""
        if self.verdict is None:
            return None
        want = Status.PROVED if self.kind == "threshold" else Status.WITNESS
        return self.verdict.status is want

    def verdict_text(self) -> str:
        if self.verdict is None:
            return f"not compared ({self.not_compared or 'region unknown'})"
        s = self.verdict.status
        if self.kind == "holds where":
            if self.region.known and self.region.condition == sp.true and s is Status.WITNESS:
                return "holds everywhere (every admissible parameter)"
            if s is not Status.WITNESS:
                return "holds nowhere" if s is Status.REFUTED else s.value
            fails = self.second.status if self.second is not None else Status.UNKNOWN
            if fails is Status.REFUTED:  # no admissible point where it fails, though the region is written out
                return "holds everywhere (the engine finds no admissible point where it fails)"
            return "holds somewhere, fails elsewhere" if fails is Status.WITNESS else \
                "holds somewhere (whether it fails anywhere is undecided)"
        whose = f"the {self.threshold.stated_by}'s threshold"
        if s is Status.PROVED:
            return f"equal to {whose}"
        if s is Status.REFUTED:
            at = ", ".join(f"{k} = {v}" for k, v in (point_as_text(self.verdict.counterexample) or {}).items())
            if self.second is not None and self.second.status is Status.PROVED:
                return f"{whose} is sufficient, not necessary (they differ at {at})"
            return f"differs from {whose} (at {at})"
        return f"{s.value} ({self.verdict.reason})" if self.verdict.reason else s.value

    def as_dict(self) -> dict:
        t = self.threshold
        out = {"label": t.label, **({"scope": t.scope} if t.scope else {}), **self.region.as_dict()}
        if t.paper is not None:
            out["paper"] = sp.sstr(t.paper)
            out["paper_latex"] = sp.latex(t.paper)
            out["stated_by"] = t.stated_by  # "claim": the claim's form of the paper's threshold
        if self.verdict is not None or self.not_compared:
            out["comparison"] = self.verdict_text()
        if self.verdict is not None:
            out["verdict"] = self.verdict.as_dict()
        if self.second is not None:
            out["paper_sufficient" if self.kind == "threshold" else "fails_somewhere"] = self.second.as_dict()
        return out


def _compare(kind: str, t: Threshold, r: Region, timeout: float) -> Verdict | None:
    derived = r.condition if r.known else None
    if derived is None:
        return None
    named = _about_the_region(t)
    if kind == "holds where":
        return _about_derived(exists(derived, named, timeout=timeout), derived)
    return prove(sp.Equivalent(derived, t.paper), named, timeout=timeout)


def _about_the_region(t: Threshold) -> dict:
    """The row's assumptions a comparison with its region may use: not those about an eliminated symbol (read for
    every value of it, ``k < e`` with ``e < 0`` would restrict ``k`` to ``k < 0``, a region over every ``k``)."""
    gone = set(t.eliminate)
    return {name: a for name, a in t.assumptions if not a.free_symbols & gone}


def _about_derived(v: Verdict, derived) -> Verdict:
    """A verdict on a region this toolkit derived, without the engine's warning that SymPy settled the condition
    before it was decided (meant for a user's own statement: here the region is True or False as derived)."""
    if not isinstance(derived, BooleanAtom):
        return v
    notes = tuple(n for n in v.notes if not n.startswith(f"the condition is the constant {derived}"))
    return replace(v, notes=notes, reason=f"the derived region is the constant {derived}" if v.reason else "")


@lru_cache(maxsize=None)
def derive_entry(claim_id: str, timeout: float = 30.0) -> tuple[DerivedThreshold, ...]:
    """Derive every row of ``claim_id``'s entry (cached per process)."""
    entry = REGION_TABLE.get(claim_id)
    if entry is None:
        raise KeyError(f"no derived region for {claim_id!r}; claims with one: {', '.join(REGION_TABLE)}")
    return derive_rows(entry, timeout)


def derive_rows(entry: RegionEntry, timeout: float = 30.0, eliminate: Sequence[str] = ()
                ) -> tuple[DerivedThreshold, ...]:
    """Derive the region of every row of ``entry`` and compare it with the paper's threshold.

    ``eliminate`` names symbols to eliminate in every row besides the row's own (``["e_1", "e_2"]``: the region
    is then of the other symbols, where some values of these meet the condition); a name no row has is a
    :class:`~symbolic.errors.BadInputError`.
    """
    rows = []
    for t in with_eliminated(entry.build(), eliminate):
        r = region(t.condition, dict(t.assumptions), eliminate=t.eliminate, timeout=timeout)
        gone = sorted(set(t.eliminate) & (t.paper.free_symbols if t.paper is not None else set()),
                      key=sp.default_sort_key)
        if gone and entry.kind == "threshold":  # the region is free of them; the threshold is not: no comparison
            rows.append(DerivedThreshold(entry.claim_id, entry.kind, t, r, None, None, not_compared=(
                f"the {t.stated_by}'s threshold is about {', '.join(s.name for s in gone)}, which the region "
                "eliminates")))
            continue
        verdict = _compare(entry.kind, t, r, timeout)
        second = None
        if verdict is not None and entry.kind == "threshold" and verdict.status is Status.REFUTED:
            second = prove(sp.Implies(t.paper, r.condition), _about_the_region(t), timeout=timeout)
        elif verdict is not None and entry.kind == "holds where":
            second = _about_derived(exists(sp.Not(r.condition), _about_the_region(t), timeout=timeout),
                                    sp.Not(r.condition))
        rows.append(DerivedThreshold(entry.claim_id, entry.kind, t, r, verdict, second))
    return tuple(rows)


def with_eliminated(thresholds, names: Sequence[str]) -> list[Threshold]:
    """``thresholds`` with the symbols called ``names`` eliminated too (each name must be a symbol of a row's
    condition or assumptions; eliminating every symbol leaves no region)."""
    thresholds = list(thresholds)
    if not names:
        return thresholds
    out, unused = [], set(names)
    for t in thresholds:
        symbols = {s.name: s for s in t.condition.free_symbols.union(*(a.free_symbols for _, a in t.assumptions))}
        extra = tuple(symbols[n] for n in names if n in symbols)
        unused -= {s.name for s in extra}
        kept = set(symbols.values()) - set(t.eliminate) - set(extra)
        if extra and not kept:
            raise BadInputError(f"eliminating {', '.join(names)} leaves no symbol in the row "
                                f"{t.label!r}: a region is of the symbols that stay")
        out.append(replace(t, eliminate=tuple(dict.fromkeys((*t.eliminate, *extra)))))
    if unused:
        have = sorted({s.name for t in thresholds for s in t.condition.free_symbols.union(
            *(a.free_symbols for _, a in t.assumptions))})
        raise BadInputError(f"no symbol named {', '.join(sorted(unused))} in this region; its symbols: "
                            f"{', '.join(have) or 'none'}")
    return out


def _region_cases(claim) -> tuple[list, str, str]:
    """``(cases, excluded, why_none)``: the ``(statement, assumptions, size)`` that have a region (one per fixed
    size the assumptions admit), the sizes they exclude in words, and -- where no case is left -- why, in
    words.  :func:`claim_entry` and :func:`why_no_region` both read it, so the two never disagree."""
    decisions = claim.decisions
    excluded = ""
    if claim.claim is not None and not any(ob.fixed for ob in decisions):
        cases = [(claim.derived if claim.derived is not None else claim.claim, tuple(claim.given), "")]
    elif claim.claim is not None:  # a fixed scope: one region per size, the size set as the verdict sets it
        # a size where an assumption is False (n <= 3 at n = 4) has no parameters, so no region
        gone = [ob.fixed_text() for ob in decisions if any(a is sp.false for _, a in ob.assumptions)]
        cases = [(ob.decided_statement, tuple(ob.assumptions), ob.fixed_text()) for ob in decisions
                 if ob.fixed_text() not in gone]
        excluded = (f"the assumptions exclude {', '.join(gone)} (no parameters there, so no region)" if gone
                    else "")
        if not cases:
            return [], excluded, f"the assumptions exclude every size ({', '.join(gone)}): no parameters, so no region"
    elif len(decisions) != 1:
        return [], "", f"it is built as {len(decisions)} decisions, not one statement"
    elif decisions[0].families:
        return [], "", "its decision is decided with concrete functions (a Family), which have no region"
    else:
        cases = [(decisions[0].decided_statement, tuple(decisions[0].assumptions), "")]
    kept = [c for c in cases if isinstance(c[0], sp.Basic) and not isinstance(c[0], BooleanAtom)]
    if not kept:
        sizes = ", ".join(scope for _, _, scope in cases if scope)
        return [], excluded, (f"once each size was set ({sizes}), the statement is a constant: no parameter is left "
                              "to have a region" if sizes else
                              "the statement is a constant: no parameter is left to have a region")
    constant = [f"{scope} (the statement is {st} there)" for st, _, scope in cases
                if scope and isinstance(st, BooleanAtom)]
    if constant:  # said beside the excluded sizes: a size left out silently reads as one never looked at
        excluded = "; ".join(filter(None, [excluded, "no region at " + ", ".join(constant)
                                           + ": SymPy settled it once the size was set"]))
    functions = sorted({f for st, given, _ in kept for f in _abstract(st, given)})
    if functions:
        return [], excluded, (f"it is about the abstract function(s) {', '.join(functions)}: a region is a set of "
                              "parameters, and a function is none")
    return kept, excluded, ""


def claim_entry(claim) -> RegionEntry | None:
    """For any claim with one SymPy statement (a user's claim too): where does it hold?

    An "iff" claim, ``Equivalent(condition, threshold)``, derives the region of its condition and sets it
    beside the stated threshold (the region of the whole equivalence of a true claim is everywhere);
    any other statement gets the region where it holds.  A ``build=`` claim qualifies when it has one
    decision and no concrete families (an abstract function has no region).  :func:`why_no_region` says
    why a claim has none.
    """
    cases, excluded, _ = _region_cases(claim)
    if not cases:
        return None
    if all(isinstance(st, sp.Equivalent) and len(st.args) == 2 for st, _, _ in cases):
        # SymPy keeps an equivalence's sides in its own order: the stated threshold is taken to be the
        # simpler side (A - C > 1 beside the condition derived from the model); the claim states it
        def rows():
            return [Threshold("the condition", condition, given, stated, scope=scope, stated_by="claim")
                    for st, given, scope in cases for stated, condition in [sorted(st.args, key=sp.count_ops)]]
        return RegionEntry(claim.id, rows, "threshold", "; ".join(filter(None, (
            "the region where the claim's condition holds, beside its stated threshold", excluded))))
    return RegionEntry(claim.id, lambda: [Threshold("where the claim holds", st, given, scope=scope)
                                          for st, given, scope in cases],
                       "holds where", "; ".join(filter(None, (
                           "the region of the parameters where the claim's statement holds", excluded))))


def _abstract(statement, given) -> list[str]:
    """The abstract functions (``P(Q)``) of a statement and its assumptions: a region is of parameters only."""
    return sorted({str(f.func) for e in (statement, *(a for _, a in given)) if isinstance(e, sp.Basic)
                   for f in e.atoms(AppliedUndef)})


def why_no_region(claim) -> str:
    """Why :func:`claim_entry` has no region for ``claim``, in words."""
    return _region_cases(claim)[2] or "it is not one SymPy statement"


def region_for(claim_id: str, timeout: float = 30.0) -> tuple[DerivedThreshold, ...]:
    """The derived rows of ``claim_id``, or ``()`` for a claim without an entry (for the report's claim sections)."""
    return derive_entry(claim_id, timeout) if claim_id in REGION_TABLE else ()


def derived_regions(prefixes: Sequence[str] | None = None, timeout: float = 30.0,
                    progress: Callable[[str], None] = lambda msg: None) -> list[tuple[RegionEntry, tuple]]:
    """Every entry (optionally those whose id starts with a prefix) with its derived rows."""
    out = []
    for cid, entry in REGION_TABLE.items():
        if prefixes and not any(cid.startswith(p) for p in prefixes):
            continue
        start = time.perf_counter()
        rows = derive_entry(cid, timeout)
        progress(f"{cid}: {len(rows)} region(s) in {time.perf_counter() - start:.2f} s")
        out.append((entry, rows))
    return out


def report_rows(prefixes: Sequence[str] | None = None, timeout: float = 30.0) -> list[dict]:
    """Rows of the report's "Thresholds derived from the models" table (LaTeX in the math fields)."""
    rows = []
    for entry, derived in derived_regions(prefixes, timeout):
        for d in derived:
            t = d.threshold
            rows.append({"id": entry.claim_id, "label": t.label, "scope": t.scope, "kind": entry.kind,
                         "derived": d.region.latex(), "paper": sp.latex(t.paper) if t.paper is not None else "",
                         "stated_by": t.stated_by,
                         "comparison": d.verdict_text(), "method": d.region.method,
                         "certified": d.region.certified})
    return rows


def _tex(text: str) -> str:
    from symbolic.derivation import escape_latex

    return escape_latex(text)


def latex_table(rows: Sequence[dict]) -> str:
    r"""A ``longtable`` of :func:`report_rows` (needs ``longtable`` and ``booktabs``)."""
    lines = [r"\begin{longtable}{@{}p{1.3cm}p{3.6cm}p{4.2cm}p{3.2cm}p{2.6cm}@{}}", r"\toprule",
             r"claim & condition & derived region & stated threshold & engine \\", r"\midrule", r"\endhead"]
    for r in rows:
        scope = f" ({_tex(r['scope'])})" if r["scope"] else ""
        paper = f"${r['paper']}$" if r["paper"] else "--"
        cert = "certified" if r["certified"] else "not certified"
        lines.append(f"{_tex(r['id'])} & {_tex(r['label'])}{scope} & ${r['derived']}$ & {paper} & "
                     f"{_tex(r['comparison'])}; {_tex(r['method'])}, {cert} \\\\")
    lines += [r"\bottomrule", r"\end{longtable}"]
    return "\n".join(lines)
