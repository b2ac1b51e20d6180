r"""Soundness fuzzing of the decision engine: random claims, judged by an independent oracle.

Test tooling, kept beside the tests and not installed with the library.  It
runs from a fresh clone with the README's test command (``python -m pytest``
from the repository root) and with ``python benchmarks/fuzz.py``.

* :mod:`.families` -- the seeded stream of claims (:func:`generate_claim`) and
  its families: polynomial, rational and Boolean claims; symbol-assumption
  kinds; distinct symbols sharing a name; adversarial names; the table's
  function zoo and constructs outside it; roots; floats; malformed Booleans;
  high degrees under short time limits.
* :mod:`.arithmetic` -- the oracle's own numbers: Fractions, and interval
  arithmetic on a private mpmath context, with an evaluator per construct.
* :mod:`.evaluate` -- claims compiled for evaluation at exact points: the table
  of :mod:`symbolic.constructs` says what is supported and where it is
  defined, :mod:`.arithmetic` gives the values.
* :mod:`.kinds` -- symbol assumptions (``prime``, ``irrational``...) checked on
  exact values by the oracle's own predicates.
* :mod:`.oracle` -- the points the oracle looks at and its judgement of a verdict.
* :mod:`.reproduce` -- shrinking a disagreement to a minimal runnable reproducer.
* :mod:`.run` -- :func:`run_fuzz`, summaries, and :func:`check_orders` (verdicts
  must not depend on what was decided before them in the same process).

A *disagreement* is a verdict the oracle contradicts: it is an engine bug
(or an oracle bug), reported with a reproducer that fails while it stands.
"""

from .claim import Disagreement, FuzzClaim, FuzzOutcome, Judgement, late
from .families import DEFAULT_FAMILIES, ENGINE_BUGS, FAMILIES, generate_claim
from .oracle import Oracle, check_verdict, expected_unknown, oracle_points
from .reproduce import python_names, reproducer_source, source
from .run import FuzzSummary, OrderReport, check_orders, decide_and_check, run_fuzz

__all__ = ["FuzzClaim", "FuzzOutcome", "Judgement", "Disagreement", "FuzzSummary", "OrderReport", "late",
           "FAMILIES", "DEFAULT_FAMILIES", "ENGINE_BUGS", "generate_claim", "Oracle", "check_verdict",
           "expected_unknown", "oracle_points", "python_names", "reproducer_source", "source", "run_fuzz",
           "decide_and_check", "check_orders"]
