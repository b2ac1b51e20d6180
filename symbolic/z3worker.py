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
digit limit).  A fresh solver answers
every query (z3 solvers are not reused across checks).
"""

import json
import signal
import sys

import z3


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
    return {"other": str(v)}


def _solver(smt2, timeout_ms, ctx):
    s = z3.Solver(ctx=ctx)
    s.set("timeout", max(1, int(timeout_ms)))
    s.from_string(smt2)
    return s


def _minimal_core(smt2, timeout_ms, core):
    """Drop one tracked assumption at a time while the rest stay contradictory (z3 cores are not minimal)."""
    kept = list(core)
    for name in list(core):
        trial = [n for n in kept if n != name]
        ctx = z3.Context()
        s = _solver(smt2, timeout_ms, ctx)
        if s.check(*[z3.Bool(n, ctx) for n in trial]) == z3.unsat:
            kept = trial
    return kept


def handle(req):
    smt2, timeout_ms = req["smt2"], req["timeout_ms"]
    ctx = z3.Context()  # a fresh context per query: nothing decided before can shape the answer
    flags = [z3.Bool(n, ctx) for n in req.get("flags", [])]
    s = _solver(smt2, timeout_ms, ctx)
    s.add(*flags)
    r = s.check()
    out = {"result": str(r), "reason": s.reason_unknown() if r == z3.unknown else "", "model": {}, "core": []}
    if r == z3.sat:
        m = s.model()
        for name, sort in req.get("vars", []):
            term = z3.Int(name, ctx) if sort == "Int" else z3.Real(name, ctx)
            out["model"][name] = _value(m.eval(term, model_completion=True))
    elif r == z3.unsat and req.get("core") and flags:
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


if __name__ == "__main__":
    main()
