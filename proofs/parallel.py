"""Work on claims in forked processes, in order: what ``verify`` and ``report`` share.

A forked worker inherits the loaded paper (claims may be built from closures a
``spawn`` start could not pickle), starts its own z3 process (see
:mod:`symbolic.solver`) and sends back plain results.  Off Linux, or with one
job, everything runs here.

>>> in_order(lambda x: x * x, [1, 2, 3], jobs=2)
[1, 4, 9]
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from typing import Callable, Iterator, Sequence, TypeVar

__all__ = ["default_jobs", "in_order", "imap_in_order"]

T = TypeVar("T")
R = TypeVar("R")

#: the function and items of the running map, read by forked workers (set before the pool starts)
_RUN: dict = {}


def default_jobs() -> int:
    """Worker processes: one per core, at most 4; 1 off Linux (forking is safe there only)."""
    if not sys.platform.startswith("linux"):
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(4, cores))


def _ignore_ctrl_c() -> None:
    # Ctrl-C is the parent's to handle: it stops the workers (no traceback from each of them)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _work(index: int):
    return _RUN["fn"](_RUN["items"][index])


def imap_in_order(fn: Callable[[T], R], items: Sequence[T], *, jobs: int = 1,
                  meanwhile: Callable[[], None] = lambda: None) -> Iterator[R]:
    """``fn`` of every item, yielded in order as each is ready; ``jobs > 1`` works in forked processes.

    ``meanwhile`` runs in this process once the workers have started.  Closing the
    iterator early (an exception, Ctrl-C) stops the workers.
    """
    items = list(items)
    if jobs <= 1 or len(items) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        meanwhile()
        for it in items:
            yield fn(it)
        return
    from symbolic import solver

    solver.shutdown()  # each worker starts its own z3 process
    _RUN.update(fn=fn, items=items)
    try:
        with multiprocessing.get_context("fork").Pool(processes=min(jobs, len(items)),
                                                       initializer=_ignore_ctrl_c) as pool:
            results = pool.imap(_work, range(len(items)), chunksize=1)  # the workers start now
            meanwhile()
            yield from results
    finally:
        _RUN.clear()


def in_order(fn: Callable[[T], R], items: Sequence[T], *, jobs: int = 1) -> list[R]:
    """:func:`imap_in_order` as a list."""
    return list(imap_in_order(fn, items, jobs=jobs))
