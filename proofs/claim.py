r"""A claim of a paper, as a keyword-only record, and the record of its result.

A :class:`Claim` says *what* is claimed -- its id, its place in the paper, a
short quote, the statement in words -- and *how it is checked*: either one
SymPy statement (``claim=``) with named assumptions (``assumptions=``), or a
builder of :class:`~symbolic.obligation.Obligation` s (``build=``) for claims
that need several decisions (one per sector, a generic-index argument, fixed-J
cross-checks).  Its expected verdict, if any, is data kept beside it to be
*compared* with the computed verdict; :func:`proofs.decide.decide_claim` never reads it.

>>> import sympy as sp
>>> q, c, a = sp.symbols("q c a", positive=True)
>>> claim = Claim(id="C.1", statement="the monopoly output falls with cost",
...               claim=sp.Implies(c < a, (a - c) / 2 > 0), assumptions={"a > c": a > c},
...               expected="proved")
>>> from proofs.decide import decide_claim
>>> decide_claim(claim).status.value
'proved'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Callable, Sequence

import sympy as sp
from sympy import Equality
from sympy.logic.boolalg import Boolean, BooleanAtom

from symbolic import Kind, Status, Verdict
from symbolic.certify import respects_symbol_assumptions
from symbolic.engine import normalize_assumptions
from symbolic.errors import BadInputError, BadInputTypeError
from symbolic.obligation import Family, Obligation, Role
from symbolic.notation import latex
from symbolic.prose import escape_markdown, prose_markdown
from symbolic.sizes import obligation_at_size

from .inputs import input_checks, lone_symbols, unrelated_assumptions
from .scopes import BY_REDUCTION, checked_scope, fixed_sizes, quantifies_over, scoped_verdict, size_of

__all__ = ["Claim", "ClaimResult", "SpotCheck", "is_identity", "Family", "Obligation", "Role", "FORMALIZATIONS",
           "excluded_sizes_of"]

#: where a claim's formal statement comes from
FORMALIZATIONS = ("paper", "project")


def _check_scope_basis(claim: "Claim") -> None:
    """A claim for every size must quantify over the size or say, in ``note``, how its decisions cover it; a
    claim for fixed sizes must have the size as a symbol (the engine decides each size) or say so in ``note``."""
    fixed = fixed_sizes(claim.scope)
    if fixed and not claim.note.strip() and not _instantiated(claim):
        name, sizes = fixed
        if isinstance(claim.claim, BooleanAtom):
            raise BadInputError(f"claim {claim.id}: scope={claim.scope!r}, but SymPy evaluated the statement to the "
                                f"constant {claim.claim} when it was built, so no {name} is left to set: build it "
                                "with evaluate=False, or leave the scope out")
        raise BadInputError(f"claim {claim.id}: scope={claim.scope!r}, but no decision has a symbol {name}"
                            f"{_other_case(claim, name)}, so nothing shows they are for {claim.scope}: build them "
                            f"with {name} a symbol (each size is then decided on its own) or say in note= how they "
                            "are those sizes")
    size = size_of(claim.scope)
    if not size or claim.note.strip() or quantifies_over(claim.decisions, size):
        return
    if not any(size in {s.name for s in ob.free_symbols} for ob in claim.decisions):
        raise BadInputError(f"claim {claim.id}: scope={claim.scope!r}, but no decision has a symbol {size}"
                            f"{_other_case(claim, size)} and it has no note=: make {size} a symbol of the claim, say "
                            f"in note= how the decisions cover every {size} (the verdict is then reported "
                            f"'{BY_REDUCTION}'), or leave the scope out")
    raise BadInputError(f"claim {claim.id}: scope={claim.scope!r}, but not every decision is about a symbol {size}"
                        f"{_other_case(claim, size)} "
                        f"(some are for fixed or generic sizes) and it has no note=: say in note= how the decisions "
                        f"cover every {size} (the verdict is then reported '{BY_REDUCTION}'), make {size} a symbol of "
                        f"each decision, or give the scope the decisions have (scope='{size} = 4')")


def _other_case(claim: "Claim", name: str) -> str:
    """`` (it has n: scope='every n'?)`` where the claim's symbol differs from the scope's only in case."""
    names = sorted({s.name for ob in _built(claim) for s in ob.free_symbols if s.name.lower() == name.lower()}
                   - {name})
    if not names:
        return ""
    return f" (its decisions have {names[0]}: scope={claim.scope.replace(name, names[0])!r}?)"


#: the verdicts a claim of each kind can get (``unknown`` is never an expectation: verify fails on it)
_REACHABLE = {Kind.FORALL: (Status.PROVED, Status.REFUTED, Status.VACUOUS),
              Kind.EXISTS: (Status.WITNESS, Status.REFUTED, Status.VACUOUS)}


@dataclass(frozen=True, kw_only=True)
class Claim:
    """A claim of a paper (or of a project's formalization of it).

    Give either ``claim`` (one SymPy Boolean; with ``kind="exists"`` an
    existence claim) and its ``assumptions`` as SymPy Booleans (a mapping name
    -> Boolean, or a sequence), or ``build``: a function returning the
    obligations.  ``assumptions`` may also be words (a string) when ``build``
    states them itself.
    """

    id: str
    statement: str  #: the claim in words
    claim: Boolean | None = None  #: the SymPy statement (simple claims)
    build: Callable[[], Sequence[Obligation]] | None = field(default=None, repr=False)
    kind: Kind = Kind.FORALL
    assumptions: object = ""  #: words (str), or named SymPy Booleans (mapping or sequence)
    section: str = ""  #: the section of the paper it belongs to (groups the report)
    place: str = ""  #: section, footnote, paragraph
    quote: str = ""  #: a short quote from the paper
    expected: Status | None = None  #: compared with, never fed to, the decision
    expected_source: str = ""  #: where the expectation comes from
    formalization: str = "paper"  #: "paper", or "project" where the formal statement is the project's reading
    note: str = ""  #: how the decision covers the claim (e.g. a generic-index argument)
    #: what sizes the verdict covers: "every J", "J = 4" (a fixed size only) or "" where sizes do not apply
    scope: str = ""
    families: tuple = ()  #: concrete instances of abstract functions in ``claim`` (see Family)
    #: the claim as SymPy built it before simplification, when SymPy settled ``claim`` to a constant
    derived: Boolean | None = None
    #: named SymPy assumptions (filled from ``assumptions`` when they are SymPy Booleans)
    given: tuple = ()
    #: a short statement in LaTeX for reports (default: SymPy's LaTeX of ``claim`` or of the first decision)
    latex: str = ""
    #: the named assumptions are instances of indexed ones (``A1(1,k)``, ``theta_k >= 1``: one group per stem,
    #: dropped together in the ablation, "for sectors 1 and k"); otherwise each named assumption stands alone
    indexed_assumptions: bool = False
    #: ``(name, what it is about)`` of each assumption that shares no symbol with ``claim``: kept, and noted
    unrelated: tuple = field(default=(), init=False, repr=False, compare=False)
    #: ``(symbol, assumption, near names)`` of each symbol only one assumption (and not the claim) mentions
    lone: tuple = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self):
        if not isinstance(self.id, str) or not self.id.strip():
            raise BadInputError(f"a claim needs a non-empty string id, got {self.id!r}")
        if not isinstance(self.statement, str):
            raise BadInputTypeError(f"claim {self.id}: statement must be words (a str), got {type(self.statement).__name__}")
        for name in ("section", "place", "quote", "expected_source", "note"):
            value = getattr(self, name)
            if not isinstance(value, str):  # a list or a number would fail later, far from here, or print oddly
                raise BadInputTypeError(f"claim {self.id}: {name}= must be words (a str), got "
                                        f"{type(value).__name__} {value!r}")
        try:
            object.__setattr__(self, "kind", Kind(self.kind))
        except ValueError:
            raise BadInputError(f"claim {self.id}: kind must be 'forall' or 'exists', got {self.kind!r}") from None
        if self.expected is not None:
            reachable = _REACHABLE[self.kind]
            try:
                object.__setattr__(self, "expected", Status(self.expected))
            except ValueError:
                near = _near_verdict(self.expected, [s.value for s in Status])
                hint = f" (did you mean {near!r}?)" if near else ""
                if near and Status(near) not in reachable:  # "proven" of an existence claim
                    hint = (f" (it reads as {near!r}, which {'an existence' if self.kind is Kind.EXISTS else 'a universal'}"
                            f" claim never is)")
                raise BadInputError(f"claim {self.id}: expected must be one of "
                                    f"{', '.join(s.value for s in reachable)}, got {self.expected!r}{hint}") from None
            if self.expected not in reachable:
                why = ("an unknown verdict always fails verify; leave expected out to report the claim without "
                       "judging it") if self.expected is Status.UNKNOWN else (f"{'an existence' if self.kind is Kind.EXISTS else 'a universal'} claim is never "
                           f"{self.expected.value}")
                # a witness expected of a claim left universal: the kind was left out, not the verdict mistyped
                kind = (" -- or kind='exists', if the claim asks whether an instance exists"
                        if self.expected is Status.WITNESS and self.kind is Kind.FORALL else "")
                raise BadInputError(f"claim {self.id}: expected={self.expected.value!r} cannot be met ({why}); "
                                    f"give one of {', '.join(s.value for s in reachable)}{kind}")
        if self.formalization not in FORMALIZATIONS:
            raise BadInputError(f"claim {self.id}: formalization must be 'paper' or 'project', "
                                f"got {self.formalization!r}")
        if (self.claim is None) == (self.build is None):
            raise BadInputError(f"claim {self.id}: give exactly one of claim= (a SymPy statement) and build= "
                                "(a function returning obligations)")
        if isinstance(self.claim, bool):
            raise BadInputTypeError(f"claim {self.id}: claim= is the Python bool {self.claim}, not a SymPy Boolean: "
                                    "Python already compared the expressions structurally (write sympy.Eq(a, b) or "
                                    "sympy.Ne(a, b), not == or !=; for a constant give sympy.true)")
        if self.claim is not None and not isinstance(self.claim, Boolean):
            raise BadInputTypeError(f"claim {self.id}: claim= must be a SymPy Boolean, got "
                                    f"{type(self.claim).__name__}")
        if (isinstance(self.assumptions, str) and self.given and self.claim is not None
                and self.assumptions == ", ".join(name for name, _ in self.given)):
            # dataclasses.replace(claim, ...) passes the normalised form back: the names of ``given``
            object.__setattr__(self, "assumptions", dict(self.given))
        if isinstance(self.assumptions, str) and self.assumptions.strip() and self.claim is not None:
            # words are never parsed: with claim= they would be shown and silently not assumed
            raise BadInputError(f"claim {self.id}: assumptions={self.assumptions!r} are words; with claim= give "
                                "them as SymPy Booleans, a mapping name -> Boolean (e.g. {'x > 2': x > 2}); "
                                "words describe the assumptions of a build= claim only")
        if self.build is not None and not isinstance(self.assumptions, str):
            # a mapping here would be shown as the claim's assumptions and assumed by no decision
            raise BadInputError(f"claim {self.id}: assumptions= of a build= claim are words; each Obligation states "
                                "its own SymPy assumptions: Obligation.forall(label, statement, {'x > 2': x > 2})")
        object.__setattr__(self, "scope", checked_scope(self.id, self.scope))
        if not isinstance(self.assumptions, str):
            given = normalize_assumptions(self.assumptions)
            object.__setattr__(self, "given", given)
            object.__setattr__(self, "assumptions", ", ".join(name for name, _ in given) or "none")
            if self.claim is not None:
                object.__setattr__(self, "unrelated", unrelated_assumptions(self.claim, given))
                unrelated = {name for name, _ in self.unrelated}
                object.__setattr__(self, "lone", tuple(one for one in lone_symbols(self.claim, given)
                                                       if not isinstance(one[1], str) or one[1] not in unrelated))
        object.__setattr__(self, "families", tuple(self.families))
        for f in self.families:
            if not isinstance(f, Family):
                raise BadInputTypeError(f"claim {self.id}: families= must hold Family objects (Family(D, "
                                        f"Lambda(p, 1 - p), 'D(p) = 1 - p')), got {type(f).__name__} {f!r}")
        if not isinstance(self.latex, str):
            raise BadInputTypeError(f"claim {self.id}: latex= must be a LaTeX string, got {type(self.latex).__name__}")
        if self.claim is not None:
            _built(self)  # its checks (one symbol per name) when the file is loaded, not once claims are decided

    @property
    def where(self) -> str:
        """Where the claim is in the paper, in words: ``place``, else its section ("Section 2")."""
        return self.place or (f"Section {self.section}" if self.section else "")

    def obligations(self) -> tuple[Obligation, ...]:
        """The obligations that decide this claim (built once per claim and cached)."""
        return _obligations(self)

    def as_stated(self) -> tuple[Obligation, ...]:
        """The obligations as the claim states them, before a fixed scope sets its sizes."""
        return _built(self)

    def validate(self) -> None:
        """The checks that need the claim built (``build()`` run, sizes set, the scope's basis): a
        :class:`~symbolic.errors.CoordfailError` naming the claim where it cannot be decided as written."""
        _check_scope_basis(self)
        self.obligations()

    @property
    def decisions(self) -> tuple[Obligation, ...]:
        return tuple(ob for ob in self.obligations() if ob.role is Role.DECISION)

    def formal_statement(self) -> Boolean:
        """The SymPy statement shown beside the words: ``claim=``, else the first decision's statement.

        A statement SymPy settled to a constant while it was built says nothing to a reader: then the
        first decision whose statement is not a constant, or the condition as derived, is shown.
        """
        if self.claim is not None:
            return self.derived if isinstance(self.claim, BooleanAtom) and self.derived is not None \
                else self.claim
        decisions = self.decisions
        for ob in decisions:  # an identity (w/alpha = w/alpha, a derived side as stated) tells least
            if not isinstance(ob.statement, BooleanAtom) and not is_identity(ob.statement):
                return ob.statement
        for ob in decisions:
            if not isinstance(ob.statement, BooleanAtom):
                return ob.statement
        for ob in decisions:
            if not isinstance(ob.decided_statement, BooleanAtom):
                return ob.decided_statement
        return decisions[0].statement

    def latex_statement(self) -> str:
        r"""The claim in mathematics: ``latex=`` if given, else the quantified :meth:`formal_statement`.

        Symbols are named as the paper writes them (``lambda_1S`` is :math:`\lambda_{1S}`).
        """
        if self.latex:
            return self.latex
        quant = r"\forall" if self.kind is Kind.FORALL else r"\exists"
        return rf"{quant}\; {latex(self.formal_statement())}"

    def formal_label(self) -> str:
        """What :meth:`formal_statement` is: the claim, or one of its several decisions."""
        n = len(self.decisions)
        if self.latex or self.claim is not None or n == 1:
            return "Formally"
        index = next(i for i, ob in enumerate(self.decisions, 1)
                     if self.formal_statement() in (ob.statement, ob.decided_statement))
        return f"Formally (decision {index} of {n})"

    def _repr_markdown_(self) -> str:
        where = f" ({escape_markdown(self.where)})" if self.where else ""
        text = f"**{self.id}**{where}: {prose_markdown(self.statement)}"
        if self.quote:
            text += f'\n\n> "{self.quote}"'
        text += f"\n\nAssumptions: {prose_markdown(self.assumptions)}."
        if self.expected is not None:
            text += f" Expected: *{self.expected.value}*" + (f" ({self.expected_source})." if self.expected_source
                                                              else ".")
        return text

    def _repr_latex_(self) -> str:
        label = self.formal_label()  # "Formally (decision 1 of 2)": say which one is shown
        which = rf"\quad\text{{({label[len('Formally ('):-1]})}}" if label.startswith("Formally (") else ""
        given = self._shown_assumptions()  # a statement shown without them may read as false (a/2 + c/2 > c)
        under = (r"\quad\text{given } " + r",\ ".join(latex(a) for a in given)) if given else ""
        return rf"${latex_id(self.id)}\text{{: }} {self.latex_statement()}{under}{which}$"

    def _shown_assumptions(self) -> tuple:
        """The assumptions of the statement :meth:`latex_statement` shows (of that decision, for a claim of
        several), as SymPy Booleans; none where the statement is the claim's own ``latex=``."""
        if self.latex:
            return ()
        shown = self.formal_statement()
        for ob in self.decisions:
            if shown in (ob.statement, ob.decided_statement):
                return tuple(a for _, a in ob.assumptions if a not in (sp.true,))
        return ()


def latex_id(claim_id: str) -> str:
    r"""A claim's id in math mode, its specials escaped so that both pdflatex and MathJax read it.

    >>> latex_id("S5.4"), latex_id("prop_1 #2")
    ('\\text{S5.4}', '\\text{prop}\\_\\text{1}\\ \\#\\text{2}')
    """
    special = {"_": r"\_", "#": r"\#", "%": r"\%", "&": r"\&", "$": r"\$", "{": r"\{", "}": r"\}", " ": r"\ ",
               "~": r"\sim", "^": r"\hat{}", "\\": r"\backslash"}
    out, run = [], ""
    for c in claim_id:
        if c in special:
            out += [rf"\text{{{run}}}"] if run else []
            out.append(special[c])
            run = ""
        else:
            run += c
    out += [rf"\text{{{run}}}"] if run else []
    return "".join(out)


@lru_cache(maxsize=4096)
def _obligations(claim: Claim) -> tuple[Obligation, ...]:
    """The claim's obligations, each with the size symbol a fixed scope names set to each of its sizes."""
    obs = _built(claim)
    fixed = fixed_sizes(claim.scope)
    if not fixed or not _instantiated(claim):
        return obs
    name, sizes = fixed  # at most MAX_FIXED_SIZES: the scope was checked when the claim was made
    out = []
    for ob in obs:
        symbol = next((x for x in ob.free_symbols if x.name == name), None)
        if symbol is None:
            out.append(ob)
            continue
        for k in sizes:
            if not respects_symbol_assumptions({symbol: sp.Integer(k)}):
                raise BadInputError(f"claim {claim.id}: scope={claim.scope!r} has {name} = {k}, which the symbol "
                                    f"{name} does not admit (declared {_declared(symbol)})")
            try:
                out.append(obligation_at_size(ob, symbol, sp.Integer(k)))
            except BadInputError as exc:
                raise type(exc)(f"claim {claim.id}: {exc}") from None
    return tuple(out)


def _where_raised(exc: BaseException) -> str:
    """`` (mypaper.py, line 12)``: the deepest line of the user's own code in the traceback (not SymPy's, not
    ours), or ``""``."""
    import traceback
    from pathlib import Path

    ours = {Path(__file__).resolve().parents[1] / layer for layer in ("symbolic", "numeric", "proofs")}
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        path = Path(frame.filename)
        if "site-packages" in path.parts or path.parent in ours or path.suffix != ".py":
            continue
        return f" ({path.name}, line {frame.lineno})"
    return ""


def _declared(symbol) -> str:
    written = getattr(symbol, "_assumptions_orig", None) or symbol.assumptions0  # as declared (SymPy >= 1.12)
    return ", ".join(k if v else f"{k}=False" for k, v in sorted(written.items()) if k != "commutative") or "real"


def _instantiated(claim: Claim) -> bool:
    """A fixed scope's size is a symbol of some decision: the engine sets it to each size."""
    fixed = fixed_sizes(claim.scope)
    return bool(fixed) and any(fixed[0] in {x.name for x in ob.free_symbols}
                               for ob in _built(claim) if ob.role is Role.DECISION)


@lru_cache(maxsize=4096)
def _built(claim: Claim) -> tuple[Obligation, ...]:
    """The obligations as the claim states them (``claim=``, or what ``build()`` returns), checked."""
    if claim.build is None:
        obs = (Obligation(claim.id, claim.kind, claim.claim, claim.given, Role.DECISION, claim.families,
                          claim.derived),)
    else:
        try:
            made = claim.build()
            iterable = hasattr(made, "__iter__") and not isinstance(made, (sp.Basic, Obligation))
            obs = tuple(made) if iterable else None  # a generator's own code runs here, inside the try
        except BadInputError as exc:  # an Obligation the builder made refused its input: say which claim
            if str(exc).startswith(f"claim {claim.id}"):
                raise
            raise type(exc)(f"claim {claim.id}: {exc}{_where_raised(exc)}") from exc
        except Exception as exc:  # the user's builder failed: bad input, named, not a traceback
            raise BadInputError(f"claim {claim.id}: build() raised {type(exc).__name__}: {exc}"
                                f"{_where_raised(exc)}") from exc
        if obs is None:  # what it returned, not a failure of the builder's own
            raise BadInputTypeError(f"claim {claim.id}: build() must return a list of Obligations, got "
                                    f"{type(made).__name__} {str(made)[:80]!r}")
    if not obs:
        raise BadInputError(f"claim {claim.id} built no obligations")
    for ob in obs:
        if not isinstance(ob, Obligation):
            raise BadInputTypeError(f"claim {claim.id}: build() must return Obligations, got {type(ob).__name__}")
        if ob.role is Role.DECISION and ob.kind is not claim.kind:
            raise BadInputError(f"claim {claim.id} is {claim.kind} but obligation {ob.label!r} is {ob.kind}")
    if not any(ob.role is Role.DECISION for ob in obs):
        raise BadInputError(f"claim {claim.id} has no decision obligation (only cross-checks)")
    for ob in obs:
        _one_symbol_per_name(claim.id, ob)
    return obs


def _one_symbol_per_name(claim_id: str, ob: Obligation) -> None:
    """Two different symbols printed alike (``Symbol("a", positive=True)`` and ``Symbol("a")``) are two
    variables to SymPy and the engine, one to a reader and to anything that goes by name: refused."""
    by_name: dict = {}
    for s in ob.free_symbols:
        by_name.setdefault(s.name, []).append(s)
    for name, symbols in sorted(by_name.items()):
        if len(symbols) > 1:
            kinds = "; ".join(sorted(next((k for k in ("positive", "negative", "nonnegative", "nonpositive",
                                                        "integer", "rational", "real") if s.assumptions0.get(k)),
                                               "no assumptions") for s in symbols))
            raise BadInputError(f"claim {claim_id}, obligation {ob.label!r}: {len(symbols)} different symbols are "
                                f"named {name!r} ({kinds}); declare each symbol once and use it everywhere")
    _names_printed_apart(claim_id, ob, sorted(by_name))


def _names_printed_apart(claim_id: str, ob: Obligation, names: list[str]) -> None:
    """Two names printed alike (``lambda`` and ``λ`` are both λ, ``\\lambda`` in LaTeX) would make a derivation
    read "λ < λ becomes 1 < 1": refused, as two symbols of one name are."""
    from symbolic.notation import latex, one_line

    for printer, where in ((one_line, "in text"), (latex, "in LaTeX")):
        seen: dict = {}
        for name in names:
            shown = printer(sp.Symbol(name))
            if shown in seen:
                raise BadInputError(f"claim {claim_id}, obligation {ob.label!r}: the symbols {seen[shown]!r} and "
                                    f"{name!r} are printed alike ({shown} {where}), so a derivation or a "
                                    "counterexample could not tell them apart; give them names that print "
                                    "differently")
            seen[shown] = name


#: what an expected verdict is often written as, for the "did you mean" of a slip
_VERDICT_WORDS = {"proven": "proved", "prove": "proved", "true": "proved", "holds": "proved",
                  "refute": "refuted", "disproved": "refuted", "disproven": "refuted", "false": "refuted",
                  "witnessed": "witness", "exists": "witness", "instance": "witness"}


def _near_verdict(given, values: list[str]) -> str:
    """The verdict a misspelt expectation most likely means (``"Proven"`` -> ``"proved"``), or ``""``.

    >>> _near_verdict("Proven", ["proved", "refuted"]), _near_verdict("refued", ["proved", "refuted"])
    ('proved', 'refuted')
    """
    import difflib

    word = str(given).strip().lower()
    word = _VERDICT_WORDS.get(word, word)
    if word in values:
        return word
    close = difflib.get_close_matches(word, values, n=1, cutoff=0.75)
    return close[0] if close else ""


@dataclass(frozen=True)
class ClaimResult:
    """A claim with its computed verdict and the verdict of each obligation."""

    claim: Claim
    verdict: Verdict
    obligations: tuple[tuple[Obligation, Verdict], ...]
    #: what a verdict about every size rests on (see :attr:`scope_basis`), read where the obligations were built:
    #: a result sent from a worker process comes back with SymPy objects rebuilt, and evaluated (an unevaluated
    #: ``Eq(a, a)`` returns as ``True``)
    basis: str | None = None
    #: :func:`input_checks` of the claim, read where its obligations were built (a worker process): the parent
    #: that prints them need not build them again
    checks: tuple[str, ...] | None = None

    def __post_init__(self):
        if self.basis is None and self.claim is not None:
            object.__setattr__(self, "basis", self._basis())
        if self.checks is None and self.claim is not None:
            object.__setattr__(self, "checks", input_checks(self.claim))

    @property
    def status(self) -> Status:
        return self.verdict.status

    @property
    def judged(self) -> bool:
        """Whether the claim carries an expected verdict to compare with."""
        return self.claim.expected is not None

    @property
    def as_expected(self) -> bool:
        """The verdict equals the expectation (a claim without one is never 'as expected')."""
        return self.judged and self.verdict.status is self.claim.expected

    @property
    def decisions(self) -> tuple[tuple[Obligation, Verdict], ...]:
        return tuple((ob, v) for ob, v in self.obligations if ob.role is Role.DECISION)

    @property
    def cross_checks(self) -> tuple[tuple[Obligation, Verdict], ...]:
        return tuple((ob, v) for ob, v in self.obligations if ob.role is Role.CROSS_CHECK)

    @property
    def point_decision(self) -> tuple[int, int, str] | None:
        """``(i, n, label)``: the decision (i of n) whose point is the claim's counterexample or witness, where
        the claim has several decisions (a point of one is not a point of the others)."""
        decisions = self.decisions
        point = self.verdict.point
        if point is None or len(decisions) < 2:
            return None
        return next(((i, len(decisions), ob.label) for i, (ob, v) in enumerate(decisions, 1) if v.point == point),
                    None)

    @property
    def point_from_constant(self) -> bool:
        """The claim's counterexample or witness is that of a decision SymPy settled to a constant (at a size of
        its scope, or as written): no draw evaluates that decision, so the spot check's draws cannot find it."""
        point = self.verdict.point
        return point is not None and any(v.point == point and isinstance(ob.decided_statement, BooleanAtom)
                                         for ob, v in self.decisions)

    @property
    def decisions_without_instance(self) -> tuple[str, ...]:
        """An existence claim of several decisions: the labels of those with no instance.  The claim's
        decisions combine by "or" (a witness of one witnesses the claim), so these do not change its
        verdict, but a reader of a witnessed claim should know them."""
        if self.claim.kind is not Kind.EXISTS or len(self.decisions) < 2:
            return ()
        return tuple(ob.label for ob, v in self.decisions if v.status is Status.REFUTED)

    @property
    def scope_basis(self) -> str:
        """What a verdict about every size (proved for every size; no instance for any) rests on:
        ``"quantified"`` (every decision is about the size's symbol), ``"constant"`` (SymPy settled every
        decision while the claim was built: it never mentions the size) or ``"reduction in the note"`` (the
        decisions are for generic sectors or fixed sizes; that they cover every size is the note's argument,
        not something the engine decided); ``""`` for other verdicts (a counterexample or a witness at one
        size needs no such argument) and other scopes.  A scope of fixed sizes (any verdict): ``"instantiated"``
        (the engine set the size symbol to each size, one decision each) or ``"sizes in the note"``."""
        about_every_size = (self.claim.kind, self.status) in ((Kind.FORALL, Status.PROVED), (Kind.EXISTS, Status.REFUTED))
        if not about_every_size and not fixed_sizes(self.claim.scope):  # fixed sizes: whatever the verdict
            return ""
        return self.basis if self.basis is not None else self._basis()

    def _basis(self) -> str:
        """How the decisions relate to the claim's size, whatever the verdict (see :attr:`scope_basis`)."""
        if fixed_sizes(self.claim.scope):
            return "instantiated" if _instantiated(self.claim) else "sizes in the note"
        size = size_of(self.claim.scope)
        if not size:
            return ""
        decisions = [ob for ob, _ in self.decisions]
        if decisions and all(isinstance(ob.statement, BooleanAtom) for ob in decisions):
            return "constant"
        return "quantified" if quantifies_over(decisions, size) else "reduction in the note"

    @property
    def scope_by_reduction(self) -> bool:
        """The verdict is about every size and rests on the note's reduction (see :attr:`scope_basis`)."""
        return self.scope_basis in ("reduction in the note", "sizes in the note")

    @cached_property  # computed once: a frozen dataclass still has a __dict__ for it
    def excluded(self) -> frozenset[int]:
        """Positions in :attr:`obligations` of the sizes the assumptions exclude (see :func:`excluded_sizes_of`)."""
        return excluded_sizes_of(self.obligations)

    @property
    def excluded_sizes(self) -> tuple[str, ...]:
        """The fixed sizes at which the assumptions of every decision admit nothing (``("n = 3",)``), each
        decision admitting some at another size (a size only some decisions exclude is in the notes)."""
        at: dict = {}
        excluded = self.excluded
        for i, (ob, _) in enumerate(self.obligations):
            if ob.role is Role.DECISION and ob.fixed:
                at.setdefault(ob.fixed_text(), []).append(i in excluded)
        return tuple(size for size, gone in at.items() if all(gone))

    @cached_property
    def admitted_decisions(self) -> tuple[tuple[Obligation, Verdict], ...]:
        """:attr:`decisions` without those at sizes the assumptions exclude (nothing to draw, mutate or drop)."""
        excluded = self.excluded
        return tuple(pair for i, pair in enumerate(self.obligations)
                     if pair[0].role is Role.DECISION and i not in excluded)

    def admits(self, obligation: Obligation) -> bool:
        """Whether ``obligation`` (one of this result's own) is a decision at a size the assumptions admit."""
        return any(ob is obligation for ob, _ in self.admitted_decisions)

    def scoped_verdict(self) -> str:
        """The verdict with its scope, in words that say what was shown (see :func:`scoped_verdict`)."""
        return scoped_verdict(self.status.value, self.claim.scope, self.claim.kind, reduced=self.scope_by_reduction,
                              constant=self.scope_basis == "constant", excluded=self.excluded_sizes)

    def no_instance_words(self) -> str:
        """A witnessed claim's :attr:`decisions_without_instance` in words, or ``""``."""
        none = self.decisions_without_instance
        if not none or self.status is not Status.WITNESS:
            return ""
        return (f"no instance in {len(none)} of {len(self.decisions)} decisions ({'; '.join(none)}): an existence "
                "claim's decisions combine by 'or'")

    def _repr_markdown_(self) -> str:
        if not self.judged:
            mark = "no expectation given"
        elif self.as_expected:
            mark = "as expected"
        else:
            mark = f"**expected {self.claim.expected.value}**"
        return (f"**{self.claim.id}** — {self.verdict._repr_markdown_()} — {mark}\n\n"
                f"{prose_markdown(self.claim.statement)}")

    def _repr_latex_(self) -> str:
        return rf"${latex_id(self.claim.id)}\text{{: }}" + self.verdict._latex_body() + "$"


@dataclass(frozen=True)
class SpotCheck:
    """A numeric spot check of a decided claim on admissible random draws."""

    samples: int
    violations: int  #: draws that disagree with the symbolic verdict
    seconds: float
    detail: str = ""  #: what was evaluated, and the first disagreeing draw, exactly
    #: for a refuted (witness) claim: draws where the claim fails (that are instances), exactly confirmed
    found: int = 0
    #: more such draws seen in floats and not re-decided exactly (so ``found`` is a lower bound)
    found_more: int = 0
    #: the fewest draws on which a decision's hypothesis held (implications; ``None`` for other statements)
    exercised: int | None = None
    #: float failures that would disagree with the verdict, past the limit of exact re-decisions: unsettled
    unsettled: int = 0
    #: exact draws on the boundaries in rational arithmetic: ``"all"`` decisions had them, ``"some"``, or ``"none"``
    #: (no rational evaluation: on balls, ties in SymPy)
    exact_draws: str = "all"
    #: why nothing was evaluated: ``"constant"`` or a reason (see :meth:`why_nothing`), else ``""``
    unchecked: str = ""
    #: admissible draws where the statement is undefined: they decide nothing
    undefined: int = 0
    #: of those, draws with no float value not settled exactly (undefined there, or beyond the range of floats)
    undefined_in_floats: int = 0
    #: no decision has a symbol left: each was evaluated once, nothing drawn
    once: bool = False
    #: SymPy settled every statement to a constant only once a size of the scope was set
    constant_at_sizes: bool = False
    #: admissible draws evaluated over every obligation (decisions and cross-checks), which ``found`` and
    #: ``undefined`` count over; 0 where not counted (``samples`` stands in: see :attr:`in_all`)
    draws: int = 0
    #: the distinct points among ``found`` (exact boundary draws repeat a point); ``None`` where not counted
    found_points: int | None = None

    @classmethod
    def of(cls, out, detail: str | None = None) -> "SpotCheck":
        """From a :class:`numeric.obligation_checks.SpotResult` (``detail`` replaces its words)."""
        return cls(samples=out.samples, violations=out.violations, seconds=out.seconds,
                   detail=out.detail if detail is None else detail, found=out.found, found_more=out.found_more,
                   exercised=out.exercised, unsettled=out.unsettled, exact_draws=out.exact_draws,
                   unchecked=out.unchecked, undefined=out.undefined, undefined_in_floats=out.undefined_in_floats,
                   once=out.once,
                   constant_at_sizes=out.constant_at_sizes, draws=sum(c.samples for c in out.obligations),
                   found_points=out.found_points)

    @property
    def in_all(self) -> int:
        """Admissible draws evaluated in all: over every obligation, where ``samples`` is the fewest any one
        decision got (a claim at six sizes has six decisions' draws)."""
        return max(self.draws, self.samples)

    @property
    def several(self) -> bool:
        """The draws are those of several obligations (``in_all`` exceeds any one decision's)."""
        return self.in_all > self.samples

    def why_nothing(self) -> str:
        """Why no draw was evaluated: ``"constant"`` (SymPy settled the statement), the reason a statement was
        not checkable (``"involves D, which has no numeric value ..."``), ``"no admissible draw"``,
        ``"hypothesis never met"`` (an implication held vacuously on every draw), ``"undefined at every
        admissible draw"`` (there were draws: the statement has no value at any); ``""`` when draws were
        evaluated."""
        if self.samples:
            return "hypothesis never met" if self.exercised == 0 and self.agrees else ""
        if not self.unchecked and self.undefined:
            return "undefined at every admissible draw"
        return self.unchecked or "no admissible draw"

    def unsettled_text(self) -> str:
        """``"; 3,754 float failures not re-decided exactly"`` where the draws left some open (and ``"; 382 where
        it is undefined"`` where some were outside its domain: they decide nothing), else ``""``."""
        if not self.undefined:
            undefined = ""
        elif not self.undefined_in_floats:
            undefined = f"; {self.undefined:,} where it is undefined"
        elif self.undefined_in_floats == self.undefined:
            undefined = f"; {self.undefined:,} with no float value (undefined there, or beyond the range of floats)"
        else:
            undefined = (f"; {self.undefined:,} where it is undefined ({self.undefined_in_floats:,} of them seen only "
                         "as no float value, not settled exactly)")
        return (f"; {self.unsettled:,} float failures not re-decided exactly" if self.unsettled else "") + undefined

    def found_text(self) -> str:
        """``"50"``, and ``"201 (at 1 distinct point)"`` where the draws repeat a point: the draws exactly confirmed
        (those floats alone saw are :meth:`more_text`, said after what the 50 are)."""
        return f"{self.found:,}" + self.points_text()

    def more_text(self) -> str:
        """``"; 25,075 more seemed so in floats, not re-decided"`` where floats saw more than were re-decided
        exactly (rounding near a tie may be all they saw), else ``""``."""
        return f"; {self.found_more:,} more seemed so in floats, not re-decided" if self.found_more else ""

    def points_text(self) -> str:
        """``" (at 1 distinct point)"`` where the exactly confirmed draws repeat points, else ``""``."""
        p = self.found_points
        return f" (at {p:,} distinct point{'s' if p > 1 else ''})" if p and p < self.found else ""

    @property
    def agrees(self) -> bool:
        return self.violations == 0

    def as_dict(self) -> dict:
        out = {"samples": self.samples, "violations": self.violations, "seconds": round(self.seconds, 4)}
        if self.several:  # samples is the fewest one decision got; found and undefined count over all of them
            out["draws_in_all"] = self.in_all
        if self.found:
            out["found"] = self.found
            if self.found_points is not None:
                out["found_distinct_points"] = self.found_points
        if self.found_more:
            out["found_more_in_floats"] = self.found_more
        if self.exercised is not None:
            out["hypothesis_held"] = self.exercised
        if self.unsettled:
            out["float_failures_not_re_decided"] = self.unsettled
        if self.undefined:
            out["undefined_draws"] = self.undefined
        if self.undefined_in_floats:
            out["draws_without_float_value"] = self.undefined_in_floats  # of undefined_draws, not settled exactly
        if self.detail:
            out["detail"] = self.detail
        return out


def is_identity(statement) -> bool:
    """An equation whose two sides are the same expression (a derived side that came out as stated)."""
    return isinstance(statement, Equality) and statement.lhs == statement.rhs


def _size_groups(obs: Sequence[Obligation]) -> list:
    """For each obligation a fixed scope set a size in (``n = 3: label``, see :func:`_obligations`), the
    obligation it was made from (role and label); ``None`` for the others."""
    out = []
    for ob in obs:
        last = ob.fixed[-1] if ob.fixed else None
        prefix = f"{last[0]} = {last[1]}: " if last is not None else ""
        out.append((ob.role, ob.label[len(prefix):]) if prefix and ob.label.startswith(prefix) else None)
    return out


def excluded_sizes_of(pairs: Sequence[tuple[Obligation, Verdict]]) -> frozenset[int]:
    """Positions of the ``(obligation, verdict)`` pairs that are sizes the assumptions exclude: vacuous at a
    size of the claim's fixed scope, while the same obligation at another size admits parameters (is proved,
    refuted or witnessed).  A contradiction at every size, or in an obligation no scope made, excludes
    nothing: it is the claim's."""
    groups = _size_groups([ob for ob, _ in pairs])
    admits = {g for g, (_, v) in zip(groups, pairs)
              if g is not None and v.status in (Status.PROVED, Status.REFUTED, Status.WITNESS)}
    return frozenset(i for i, (g, (_, v)) in enumerate(zip(groups, pairs))
                     if g in admits and v.status is Status.VACUOUS)
