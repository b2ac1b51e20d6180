"""The z3 worker: a child process that answers satisfiability queries, one JSON line each.

Run by :mod:`symbolic.solver` as ``python z3worker.py``; it imports nothing
but z3 and the standard library, so that the parent can kill it at a time
limit (z3's own ``timeout`` is not honoured inside nonlinear search on high
degrees) without losing anything but the query.

Request: ``{"smt2", "timeout_ms", "vars": [[name, "Real"|"Int"], ...],
"flags": [name, ...], "core": bool}``.  Every flag guards one tracked
assertion (``flag => assumption``).  Response: ``{"result": "sat"|"unsat"|
"unknown", "reason", "model": {name: value}, "core": [flag, ...]}`` with
values ``{"int": "0x3"}``, ``{"rat": ["0x1", "0x2"]}`` or ``{"alg": [[coefficient
as "p/q", lowest degree first], index from 1]}``, integers in hexadecimal (no
digit limit).  A fresh solver in a context no other
query has used answers every query (z3 solvers and contexts are not reused; the
next context is made while the parent is busy, after an answer is written).

Two strategies race on a query that z3's default solver has not answered
within ``SECOND_AFTER`` seconds: the default and ``SECOND_STRATEGY``, which
first solves equalities for variables (a definition ``X = e`` of a symbol left
without a sign stalls nonlinear search that decides the substituted problem at
once).  Each runs in its own context and thread (z3 releases the GIL); the
first sat/unsat answer is taken and the other is interrupted.  Both are z3:
an answer is as trustworthy either way, and a sat point is certified exactly
by the parent.  Tracked-core queries use the default solver only.
"""

import json
import signal
import sys
import threading
import time

import z3

#: the tactic pipeline of the second strategy
SECOND_STRATEGY = ("simplify", "solve-eqs", "smt")
#: seconds the default solver has alone before the second strategy starts beside it
SECOND_AFTER = 0.25


#: a context made while the parent had no question for us (making one costs a few milliseconds)
_SPARE: list = []


def _fresh_context():
    """A context no query has used: the spare one if it is there, else a new one."""
    return _SPARE.pop() if _SPARE else z3.Context()


def _stock_spare():
    if not _SPARE:
        _SPARE.append(z3.Context())


def _value(v):
    if isinstance(v, z3.IntNumRef):
        return {"int": hex(v.as_long())}
    if isinstance(v, z3.RatNumRef):
        f = v.as_fraction()
        return {"rat": [hex(f.numerator), hex(f.denominator)]}
    if isinstance(v, z3.AlgebraicNumRef):
        coeffs = []
        for c in v.poly():
            c = z3.simplify(c)
            f = c.as_fraction() if isinstance(c, z3.RatNumRef) else None
            if f is None:
                coeffs.append(hex(c.as_long()) + "/0x1")
            else:
                coeffs.append(f"{hex(f.numerator)}/{hex(f.denominator)}")
        return {"alg": [coeffs, int(v.index())]}
    if z3.is_app_of(v, z3.Z3_OP_POWER):  # a model value can come as a term z3 leaves as it is: 2**100
        base, exponent = (_value(a) for a in v.children())
        numbers = [x for x in (base, exponent) if "int" in x or "rat" in x]
        if len(numbers) == 2 and _fraction(exponent).denominator == 1:
            b, e = _fraction(base), int(_fraction(exponent))
            if b != 0 and abs(e) * max(b.numerator.bit_length(), b.denominator.bit_length()) <= MAX_POWER_BITS:
                exact = b ** e
                return {"rat": [hex(exact.numerator), hex(exact.denominator)]}
    return {"other": str(v)}


#: a power in a model is multiplied out up to this size (the engine's own integer limit)
MAX_POWER_BITS = 332_200


def _fraction(value):
    from fractions import Fraction

    if "int" in value:
        return Fraction(int(value["int"], 16))
    return Fraction(int(value["rat"][0], 16), int(value["rat"][1], 16))


def _solver(smt2, timeout_ms, ctx, tactics=()):
    s = z3.Then(*[z3.Tactic(t, ctx=ctx) for t in tactics], ctx=ctx).solver() if tactics else z3.Solver(ctx=ctx)
    s.set("timeout", max(1, int(timeout_ms)))
    s.from_string(smt2)
    return s


class _Attempt(threading.Thread):
    """One strategy on one query, in a context of its own, reporting to ``done`` when it has an answer."""

    def __init__(self, smt2, timeout_ms, flag_names, tactics, done):
        super().__init__(daemon=True)
        self.args = (smt2, timeout_ms, flag_names, tactics)
        self.done, self.ctx = done, _fresh_context()
        self.solver, self.result, self.error = None, None, None

    def run(self):
        smt2, timeout_ms, flag_names, tactics = self.args
        try:
            self.solver = _solver(smt2, timeout_ms, self.ctx, tactics)
            self.solver.add(*[z3.Bool(n, self.ctx) for n in flag_names])
            self.result = self.solver.check()
        except Exception as exc:  # an answer, never a dead worker
            self.error = exc
        self.done.release()

    def decided(self):
        return self.result in (z3.sat, z3.unsat)

    def stop(self, within=1.0):
        """Interrupt until the thread ends (an interrupt sent before its check started is lost); False if it
        is still running after ``within`` seconds (nonlinear search on high degrees ignores interrupts)."""
        end = time.monotonic() + within
        while self.is_alive() and time.monotonic() < end:
            self.ctx.interrupt()
            self.join(0.05)
        return not self.is_alive()


def _race(smt2, timeout_ms, flag_names):
    """The first decided answer of the default solver and, if it is slow, the second strategy; and whether
    every other attempt stopped (if not, the parent replaces this worker after reading the answer)."""
    done = threading.Semaphore(0)  # one release per attempt that has finished
    start = time.monotonic()
    first = _Attempt(smt2, timeout_ms, flag_names, (), done)
    first.start()
    answered = 1 if done.acquire(timeout=SECOND_AFTER) else 0
    if answered and first.error is not None:
        raise first.error
    if answered and first.decided():
        first.join()
        return first, True
    attempts = [first]
    left_ms = timeout_ms - (time.monotonic() - start) * 1000
    if left_ms > 1:
        attempts.append(_Attempt(smt2, left_ms, flag_names, SECOND_STRATEGY, done))
        attempts[-1].start()
    winner = None
    while winner is None and answered < len(attempts):
        done.acquire()
        answered += 1
        winner = next((a for a in attempts if a.decided()), None)
    stopped = all([a.stop() for a in attempts if a is not winner])
    if winner is None and first.error is not None:
        raise first.error
    return winner or first, stopped


def _minimal_core(smt2, timeout_ms, core):
    """Drop one tracked assumption at a time while the rest stay contradictory (z3 cores are not minimal)."""
    kept = list(core)
    for name in list(core):
        trial = [n for n in kept if n != name]
        ctx = _fresh_context()
        s = _solver(smt2, timeout_ms, ctx)
        if s.check(*[z3.Bool(n, ctx) for n in trial]) == z3.unsat:
            kept = trial
    return kept


def handle(req):
    smt2, timeout_ms = req["smt2"], req["timeout_ms"]
    # a fresh context per query and strategy: nothing decided before can shape the answer
    names = req.get("flags", [])
    tracked = bool(req.get("core") and names)
    if tracked:
        ctx = _fresh_context()
        flags = [z3.Bool(n, ctx) for n in names]
        s = _solver(smt2, timeout_ms, ctx)
        s.add(*flags)
        r = s.check()
    else:
        attempt, stopped = _race(smt2, timeout_ms, names)
        s, r, ctx = attempt.solver, attempt.result, attempt.ctx
    out = {"result": str(r), "reason": s.reason_unknown() if r == z3.unknown else "", "model": {}, "core": []}
    if not tracked and not stopped:
        out["restart"] = True  # a strategy that lost is still running: stop this process after this answer
    if r == z3.sat:
        m = s.model()
        for name, sort in req.get("vars", []):
            term = z3.Int(name, ctx) if sort == "Int" else z3.Real(name, ctx)
            out["model"][name] = _value(m.eval(term, model_completion=True))
    elif r == z3.unsat and tracked:
        t = _solver(smt2, timeout_ms, ctx)
        if t.check(*flags) == z3.unsat:
            names = [str(c) for c in t.unsat_core()]
            out["core"] = _minimal_core(smt2, timeout_ms, names)
    return out


def main():
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it stops us
    if hasattr(sys, "set_int_max_str_digits"):
        sys.set_int_max_str_digits(0)  # z3 prints numerals in decimal; this process reads them whatever their size
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        req_id = None
        try:
            req = json.loads(line)
            req_id = req.get("id")
            out = handle(req)
        except Exception as exc:  # an answer, never a dead worker
            out = {"result": "error", "reason": f"{type(exc).__name__}: {exc}", "model": {}, "core": []}
        out["id"] = req_id  # echoed: the parent reads only the answer to the query it sent
        sys.stdout.write(json.dumps(out) + "\n")
        sys.stdout.flush()
        _stock_spare()  # while the parent reads the answer and works out its next question


if __name__ == "__main__":
    main()
