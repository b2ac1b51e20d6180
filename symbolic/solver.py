"""z3 in a child process that can be stopped: time limits that hold for any input.

z3's ``timeout`` is cooperative and is not honoured inside nonlinear search
on high-degree polynomials (``x**2000 - x + 1 > 0`` did not return in 100 s
with a 3 s limit).  So every satisfiability check runs in a worker process
(:mod:`symbolic.z3worker`): the query goes as SMT-LIB text, the answer comes
back as plain data, and a worker that has not answered shortly after the
deadline is killed (the next check starts a new one).  The worker keeps no
state between queries -- each gets a fresh solver -- so no verdict depends
on an earlier call.

Model values come back exact: integers, rationals, or real algebraic numbers
as a polynomial and a root index (read as SymPy ``CRootOf``).
"""

from __future__ import annotations

import atexit
import json
import os
import select
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import sympy as sp

__all__ = ["CheckResult", "check", "value_to_sympy", "shutdown", "start"]

_WORKER = str(Path(__file__).with_name("z3worker.py"))
#: how long past the deadline a silent worker is given before it is killed
GRACE_SECONDS = 0.25


@dataclass(frozen=True)
class CheckResult:
    """The answer to one query: ``sat``, ``unsat`` or ``unknown`` (with the reason)."""

    result: str
    reason: str = ""
    model: dict = field(default_factory=dict)  #: name -> exact SymPy number (``sat``)
    core: tuple[str, ...] = ()  #: tracked flags in a minimal unsatisfiable core (``unsat``, on request)

    @property
    def timed_out(self) -> bool:
        return self.result == "unknown" and ("time limit" in self.reason or "timeout" in self.reason
                                             or "canceled" in self.reason)


class _Worker:
    """The handle on one worker process, owned by the process that started it.

    After a ``fork`` the child must not talk to its parent's worker (two
    processes writing to one pipe would read each other's answers), so a handle
    used from another process id starts a worker of its own; every request
    carries a number the answer must echo, so a stale answer is never read as
    the answer to a later query.
    """

    def __init__(self):
        self.proc: subprocess.Popen | None = None
        self.owner = os.getpid()
        self.lock = threading.Lock()
        self.sent = 0
        self.pending = bytearray()  #: answer bytes read from the pipe, not yet a whole line

    def forget_after_fork(self):
        """In a forked child: drop (never kill) the parent's worker; the next query starts a new one."""
        self.proc, self.owner, self.lock, self.sent, self.pending = None, os.getpid(), threading.Lock(), 0, bytearray()

    def _ours(self) -> None:
        """Forget a worker inherited through a fork the at-fork hook did not see (one made outside ``os.fork``)."""
        if self.owner != os.getpid():
            self.forget_after_fork()

    def _start(self):
        import importlib.util

        # without the site module (-S) Python starts in a tenth of the time; z3 is found by its own path
        env = dict(os.environ)
        env.pop("PYTHONSTARTUP", None)
        z3_home = str(Path(importlib.util.find_spec("z3").origin).resolve().parent.parent)
        env["PYTHONPATH"] = os.pathsep.join([z3_home] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p])
        # its own session: a terminal's Ctrl-C goes to the toolkit, which stops the worker itself
        self.pending = bytearray()
        self.proc = subprocess.Popen([sys.executable, "-S", "-u", _WORKER], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                                     bufsize=1, env=env, start_new_session=True)

    def stop(self):
        self._ours()  # a parent's worker is not ours to stop
        if self.proc is not None:
            try:
                self.proc.kill()
                self.proc.wait(timeout=5)
            except Exception:  # already gone
                pass
            self.proc, self.pending = None, bytearray()

    def ask(self, request: dict, deadline: float) -> dict | None:
        """The worker's answer, or ``None`` if none came in time (the worker is then killed)."""
        self._ours()
        with self.lock:
            if self.proc is None or self.proc.poll() is not None:
                self._start()
            self.sent += 1
            request = dict(request, id=self.sent)
            try:
                self.proc.stdin.write(json.dumps(request) + "\n")
                self.proc.stdin.flush()
            except (BrokenPipeError, OSError):
                self.stop()
                return {"result": "unknown", "reason": "the z3 worker stopped", "model": {}, "core": []}
            limit = deadline + GRACE_SECONDS
            while True:
                try:
                    line = self._line(limit)
                except EOFError:
                    self.stop()
                    return {"result": "unknown", "reason": "the z3 worker stopped", "model": {}, "core": []}
                if line is None:
                    self.stop()
                    return None
                answer = json.loads(line)
                if answer.get("id") == self.sent:
                    if answer.get("restart"):  # it could not stop a losing strategy: a fresh one next time
                        self.stop()
                    return answer
                # an answer to an earlier query (never expected: a timed-out worker is killed) -- not ours

    def _line(self, limit: float) -> bytes | None:
        """The worker's next answer line, ``None`` past ``limit``; EOFError if it closed its output.

        Read from the pipe itself with a buffer of our own: a buffered reader could hold the next line
        while ``select`` waits on an empty pipe (two answers that arrived together).
        """
        fd = self.proc.stdout.fileno()
        while b"\n" not in self.pending:
            remaining = limit - time.monotonic()
            if remaining <= 0:
                return None
            ready, _, _ = select.select([fd], [], [], min(remaining, 3600.0))
            if ready:
                chunk = os.read(fd, 1 << 16)
                if not chunk:
                    raise EOFError("the z3 worker closed its output")
                self.pending += chunk
        line, _, rest = self.pending.partition(b"\n")
        self.pending = bytearray(rest)
        return bytes(line)


_worker = _Worker()
atexit.register(_worker.stop)
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_worker.forget_after_fork)


def start() -> None:
    """Start the worker if it is not running, without waiting for it (its start-up overlaps the translation)."""
    _worker._ours()
    with _worker.lock:
        if _worker.proc is None or _worker.proc.poll() is not None:
            _worker._start()


def shutdown() -> None:
    """Stop the worker process (a new one starts at the next check)."""
    _worker.stop()


def check(smt2: str, *, deadline: float, variables=(), flags=(), core: bool = False) -> CheckResult:
    """Check the SMT-LIB assertions ``smt2`` before ``deadline`` (a ``time.monotonic()`` value).

    ``variables``: ``(name, "Real" | "Int")`` pairs whose model values are wanted;
    ``flags``: names of Boolean constants that guard tracked assertions (all
    asserted true; with ``core=True`` an unsatisfiable answer names a minimal
    subset of them).
    """
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        return CheckResult("unknown", "time limit reached")
    request = {"smt2": smt2, "timeout_ms": max(1, int(remaining * 1000)), "vars": [list(v) for v in variables],
               "flags": list(flags), "core": bool(core)}
    answer = _worker.ask(request, deadline)
    if answer is None:
        return CheckResult("unknown", "time limit reached (the solver was stopped)")
    result = answer.get("result")
    if result not in ("sat", "unsat", "unknown"):
        return CheckResult("unknown", f"z3 failed: {answer.get('reason', result)}")
    reason = answer.get("reason", "")
    if result == "unknown" and (time.monotonic() >= deadline - 0.01 or "timeout" in reason or "canceled" in reason):
        reason = "time limit reached"
    model = {}
    if result == "sat":
        try:
            model = {name: value_to_sympy(v) for name, v in answer.get("model", {}).items()}
        except ValueError as exc:
            return CheckResult("unknown", f"could not read z3's model: {exc}")
    return CheckResult(result, reason, model, tuple(answer.get("core", ())))


def _int(text: str) -> int:
    """An integer the worker wrote in hexadecimal (``-0x1f``): parsed without eval and without digit limits."""
    body = text[1:] if isinstance(text, str) and text.startswith("-") else text
    if not isinstance(body, str) or not body.startswith("0x") or not all(c in "0123456789abcdef" for c in body[2:]) \
            or len(body) < 3:
        raise ValueError(f"not an integer: {text!r}")
    return int(text, 16)


def _fraction(text: str) -> sp.Rational:
    num, _, den = text.partition("/")
    return sp.Rational(_int(num), _int(den or "0x1"))


def value_to_sympy(value: dict) -> sp.Expr:
    """An exact SymPy number from the worker's plain-data value (no parsing of solver text as code).

    >>> value_to_sympy({"rat": ["-0x1", "0x2"]}), value_to_sympy({"alg": [["-0x2/0x1", "0x0/0x1", "0x1/0x1"], 2]})
    (-1/2, sqrt(2))
    """
    if "int" in value:
        return sp.Integer(_int(value["int"]))
    if "rat" in value:
        num, den = value["rat"]
        return sp.Rational(_int(num), _int(den))
    if "alg" in value:
        coeffs, index = value["alg"]
        t = sp.Dummy("t")
        poly = sum(_fraction(c) * t**i for i, c in enumerate(coeffs))
        # z3 counts real roots from 1; radicals (sqrt(2)) only for quadratics: they cost seconds at high degree
        return sp.rootof(poly, int(index) - 1, radicals=len(coeffs) <= 3)
    raise ValueError(f"a model value of unexpected form: {value!r}")
