"""The toolkit's exceptions and the policy behind them.

* **The user's mistake** -- a claim that is not a SymPy Boolean, a non-real
  symbol, a non-positive time limit, a malformed file -- raises
  :class:`BadInputError` (a :class:`ValueError`) or :class:`BadInputTypeError`
  (a :class:`TypeError`), with a message naming the parameter and what it
  must be.  Catching the built-in class works as usual.
* **What the toolkit does not support** -- a construct outside the table of
  :mod:`symbolic.constructs` -- is *not* an exception inside a decision: the
  verdict is ``unknown`` with a reason naming the construct.  Elsewhere (a
  kernel that cannot be compiled, a region outside QEPCAD's fragment, a tool
  the machine lacks such as QEPCAD B or pdflatex) it is :class:`NotSupportedError`
  or another :class:`CoordfailError`, whose message says what to do.
* The command line turns every :class:`CoordfailError` into one line on
  stderr and exit status 2; nothing is half-written.
* **A bug** in the toolkit raises :class:`InternalError`; please report it.

A failed proof is never an exception: it is a verdict.

>>> issubclass(BadInputError, ValueError), issubclass(BadInputTypeError, TypeError)
(True, True)
"""

from __future__ import annotations

__all__ = ["CoordfailError", "BadInputError", "BadInputTypeError", "NotSupportedError", "InternalError"]


class CoordfailError(Exception):
    """Base class of every exception the toolkit raises on purpose."""


class BadInputError(CoordfailError, ValueError):
    """A value the caller passed is not acceptable (the message says which and why)."""


class BadInputTypeError(CoordfailError, TypeError):
    """An argument of the wrong type (the message says which and what was expected)."""


class NotSupportedError(CoordfailError):
    """A construct or request outside what the toolkit handles (not a mistake, a limit)."""


class InternalError(CoordfailError):
    """Something that should not happen: a bug in coordfail."""
