"""The fuzzer's values: a generated claim, the oracle's judgement, an outcome, a disagreement.

All frozen: a claim is fully described by its fields (the same seed and index
always give an equal claim, up to ``Dummy`` symbols), so it can be sent to a
worker process, shrunk, or printed as a reproducer.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from symbolic import Kind, Status, Verdict, exists, prove

__all__ = ["FuzzClaim", "Judgement", "Disagreement", "FuzzOutcome", "late", "LATE_SLACK_SECONDS",
           "LATE_SLACK_SHARE", "symbol_key", "stable_text"]

#: an answer must arrive within max(LATE_SLACK_SECONDS, LATE_SLACK_SHARE * limit) of the time limit
LATE_SLACK_SECONDS = 1.0
LATE_SLACK_SHARE = 0.2


def late(seconds: float, limit: float) -> bool:
    """Did an answer taking ``seconds`` overrun the time limit ``limit`` beyond its slack?

    >>> late(1.9, 1.0), late(2.1, 1.0), late(11.9, 10.0), late(12.1, 10.0)
    (False, True, False, True)
    """
    return seconds > limit + max(LATE_SLACK_SECONDS, LATE_SLACK_SHARE * limit)


def symbol_key(s: sp.Symbol) -> tuple:
    """A total order on symbols that does not depend on hashing (distinct symbols may share a name).

    Dummies keep their creation order (the same in every process that builds the same claims).
    """
    return (s.name, sorted((k, bool(v)) for k, v in s.assumptions0.items()), isinstance(s, sp.Dummy),
            getattr(s, "dummy_index", 0))


def stable_text(b) -> str:
    """A text of ``b`` that is the same in every process, whatever the hash seed.

    SymPy orders the arguments of ``And``, ``Add``... by keys that tie for symbols sharing a name;
    here symbols carry their assumptions and commutative arguments are sorted by their own text.

    >>> x, y = sp.Symbol("x", positive=True), sp.Symbol("x", negative=True)
    >>> stable_text(sp.And(x > 1, y < -1)) == stable_text(sp.And(y < -1, x > 1))
    True
    """
    if isinstance(b, sp.Symbol):
        tags = ",".join(k for k, v in sorted(b.assumptions0.items()) if v is True)
        return f"{type(b).__name__}({b.name!r}:{tags})"
    if not isinstance(b, sp.Basic) or not b.args:
        return sp.sstr(b)
    parts = [stable_text(a) for a in b.args]
    if isinstance(b, (sp.Add, sp.Mul, sp.And, sp.Or, sp.Xor, sp.Equivalent, sp.Min, sp.Max, sp.Nand, sp.Nor)):
        parts.sort()
    return f"{type(b).__name__}({', '.join(parts)})"


@dataclass(frozen=True)
class FuzzClaim:
    """One generated decision problem, with what is known about it by construction."""

    seed: int
    index: int
    family: str
    kind: Kind
    statement: sp.Basic
    assumptions: tuple = ()
    #: the verdict the family guarantees (None: no known answer); ``unknown`` is always acceptable
    expected: Status | None = None
    #: an admissible point the claim was built around, (symbol, value) pairs, or None
    anchor: tuple | None = None
    #: why the expected verdict holds
    why: str = ""
    #: the claim's own time limit in seconds (None: the run's)
    timeout: float | None = None
    #: the construct the family put outside the table (the oracle requires the reason to name one of
    #: the claim's constructs outside the table, whichever the engine meets first)
    must_name: str = ""
    #: an equivalent claim (renamed symbols, reordered assumptions): two definite verdicts must agree
    twin: "FuzzClaim | None" = None
    #: the input is malformed: the toolkit's BadInputError/BadInputTypeError is an acceptable answer
    bad_input_ok: bool = False

    @property
    def symbols(self) -> tuple[sp.Symbol, ...]:
        syms = set(self.statement.free_symbols) if isinstance(self.statement, sp.Basic) else set()
        for a in self.assumptions:
            syms |= a.free_symbols
        return tuple(sorted(syms, key=symbol_key))

    def limit(self, default: float) -> float:
        return self.timeout if self.timeout is not None else default

    def decide(self, timeout: float) -> Verdict:
        fn = prove if self.kind is Kind.FORALL else exists
        return fn(self.statement, list(self.assumptions), timeout=self.limit(timeout))


@dataclass(frozen=True)
class Judgement:
    """The oracle's judgement of one verdict (``problem`` is empty when the verdict stands)."""

    problem: str = ""
    #: the oracle's evidence point, (symbol, exact value) pairs
    point: tuple | None = None
    #: violates | undefined | satisfies | admissible | bad-point | known | unsupported | late | twin |
    #: raised | table-gap | order
    evidence: str = ""
    points: int = 0  #: admissible points the oracle settled
    unsettled: int = 0  #: admissible points the oracle could not settle
    unconfirmed: bool = False  #: the verdict's own point could not be settled by the oracle


@dataclass(frozen=True)
class Disagreement:
    """An engine verdict the oracle contradicts, with a minimal runnable reproducer."""

    seed: int
    index: int
    family: str
    verdict: str  #: the engine's verdict, as text
    problem: str  #: what the oracle found
    evidence: str
    reproducer: str  #: Python source that fails (AssertionError) while the bug is present

    def __str__(self) -> str:
        return (f"claim {self.index} (seed {self.seed}, family {self.family}, evidence {self.evidence}): "
                f"{self.problem}\nengine: {self.verdict}\nreproducer:\n{self.reproducer}")


@dataclass(frozen=True)
class FuzzOutcome:
    """The decision of one fuzzed claim and the oracle's judgement of it."""

    index: int
    family: str
    kind: Kind
    status: Status
    seconds: float  #: wall time of the engine call
    limit: float  #: the time limit it was given
    points: int  #: admissible points the oracle settled
    unsettled: int = 0
    disagreement: Disagreement | None = None
    unconfirmed: bool = False
    known: bool = False  #: the family has a known answer for this claim
    method: str = ""
    #: the verdict's status and point as text (for comparing runs in different orders)
    fingerprint: str = ""
