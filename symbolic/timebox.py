"""A time limit for pure-Python work that has none of its own (``sympy.simplify``, ``minimal_polynomial``).

>>> with time_box(5.0):
...     total = sum(range(10))
>>> total
45

Only in the main thread (signals are delivered there); elsewhere the block runs without a limit.  The
previous timer and handler are restored, so boxes nest: an inner box never outlives an outer one.
"""

from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager

__all__ = ["OutOfTime", "time_box", "RING_AGAIN"]

#: seconds after which a time box whose OutOfTime was swallowed rings again
RING_AGAIN = 0.05


class OutOfTime(BaseException):
    """Raised inside a :func:`time_box` whose time ran out.

    A ``BaseException``, like ``KeyboardInterrupt``: SymPy catches ``Exception`` in places (``factor`` inside
    ``separatevars``) and would carry on past the limit with the alarm swallowed.
    """


@contextmanager
def time_box(seconds: float):
    """Run the block for at most ``seconds`` (raising :class:`OutOfTime` inside it when they are up)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return
    if seconds <= 0:
        raise OutOfTime()
    outer_left, _ = signal.getitimer(signal.ITIMER_REAL)
    start = time.monotonic()
    if outer_left:
        seconds = min(seconds, outer_left)

    active = [True]

    def ring(signum, frame):
        # Python runs a handler at its next safe point, which may be inside the finally below, once the block
        # is over: then it must neither raise (the handler would not be restored) nor set the timer again
        if not active[0]:
            return
        # rung again shortly, until the block ends: an exception raised inside a gc callback or a __del__ is
        # swallowed there ("Exception ignored in ..."), and the block would run on without a limit
        signal.setitimer(signal.ITIMER_REAL, RING_AGAIN)
        raise OutOfTime()

    previous = signal.getsignal(signal.SIGALRM)
    try:  # a timer of 1e-9 s rings before the next line: the cleanup below must run all the same
        signal.signal(signal.SIGALRM, ring)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        yield
    finally:
        active[0] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_left:  # the outer box keeps running, less the time spent here
            signal.setitimer(signal.ITIMER_REAL, max(1e-3, outer_left - (time.monotonic() - start)))
