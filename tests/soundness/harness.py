r"""Run the soundness corpus against the engine, each call under a hard wall-clock limit.

Calls run in child processes forked from a **zygote**: a clean interpreter that has
imported SymPy, z3, the engine and the corpus but never decided anything, so every
child starts with the engine's state of a fresh process.  A child decides either one
entry (a *fresh* run) or a whole batch in a given order (an *ordered* run, to detect
verdicts that depend on earlier calls).  A child that does not answer in time is
killed (``SIGKILL``), which a hang in z3's nonlinear search cannot survive; the
rest of its batch continues in a new child.

For each call the child reports the verdict, or the exception (with the frame
that raised it), and the wall time of the call alone; it then checks any
counterexample or witness with :mod:`tests.soundness.oracle` (never with
:mod:`symbolic.certify`).  :func:`judge` turns an :class:`Outcome` into
:class:`Problem`\ s: ``unsound`` (a verdict outside the acceptable set), ``crash``,
``hang``, ``time`` (the call overran ``timeout + max(1 s, 20 %)``), ``bad-point``,
``order``.

Command line (from the repository root)::

    python -m tests.soundness.harness                 # the whole corpus, summary on stdout
    python -m tests.soundness.harness --report        # ... and rewrite tests/soundness/REPORT.md
    python -m tests.soundness.harness --ids roots-001,order-001 --verbose
"""

from __future__ import annotations

import argparse
import json
import math
import numbers
import os
import random
import selectors
import signal
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SYMBOLIC_DIR = str(ROOT / "symbolic") + os.sep

__all__ = ["Outcome", "Problem", "judge", "run_fresh", "run_ordered", "order_problems", "reproducer",
           "time_allowance", "check_point", "Zygote", "run_orders", "run_all"]

#: seconds a child may spend building an entry and running its prelude, or checking a point
SIDE_LIMIT = 90.0


# -- values ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Outcome:
    """What happened when one entry was decided (plain data: it crosses a process boundary)."""

    id: str
    status: str | None = None  #: the verdict's status, or None if there is none
    method: str = ""
    reason: str = ""
    seconds: float | None = None  #: wall time of the engine call alone
    point: dict | None = None  #: {symbol name: exact value as text}
    error: str = ""  #: "TypeError: message" if the call raised
    error_documented: bool = False  #: TypeError/ValueError raised by the engine's own code
    error_where: str = ""  #: file:line of the frame that raised
    hang: bool = False  #: killed after the hard limit without an answer
    point_problems: tuple = ()  #: what the oracle found wrong with the counterexample/witness
    point_unconfirmed: tuple = ()  #: what the oracle could not settle
    build_error: str = ""
    prelude_note: str = ""
    order: str = "fresh"  #: "fresh" or the name of the ordered run

    def as_json(self) -> dict:
        d = {k: getattr(self, k) for k in self.__dataclass_fields__}
        d["point_problems"] = list(self.point_problems)
        d["point_unconfirmed"] = list(self.point_unconfirmed)
        return d

    @classmethod
    def from_json(cls, d: dict) -> "Outcome":
        d = dict(d)
        d["point_problems"] = tuple(d.get("point_problems", ()))
        d["point_unconfirmed"] = tuple(d.get("point_unconfirmed", ()))
        return cls(**d)


@dataclass(frozen=True)
class Problem:
    """A failure of the engine on one entry."""

    id: str
    family: str
    category: str  #: unsound | crash | hang | time | bad-point | order
    detail: str


def time_allowance(timeout) -> float | None:
    """The longest acceptable call for a time limit: ``timeout + max(1, 0.2 timeout)`` (None: no bound)."""
    if isinstance(timeout, bool) or not isinstance(timeout, numbers.Real):
        return None
    try:
        t = float(timeout)
    except (TypeError, ValueError, OverflowError):
        return None
    if not (t > 0) or not math.isfinite(t) or t > 1e6:
        return None
    return t + max(1.0, 0.2 * t)


def judge(entry, outcome: Outcome) -> list[Problem]:
    """Every way ``outcome`` fails the entry's ground truth and the engine's contract.

    >>> from tests.soundness.corpus import by_id
    >>> e = by_id("roots-001")                      # false: K = 64 is a counterexample
    >>> [p.category for p in judge(e, Outcome(e.id, status="proved", seconds=0.1))]
    ['unsound']
    >>> judge(e, Outcome(e.id, status="unknown", seconds=0.1))
    []
    """
    out: list[Problem] = []

    def add(cat, detail):
        out.append(Problem(entry.id, entry.family, cat, detail))

    if outcome.build_error:
        add("corpus", f"the entry could not be built: {outcome.build_error}")
        return out
    if outcome.hang and "died" in outcome.reason:
        add("crash", "the process died during the call (no Python exception: a crash of z3 or of the interpreter)")
        return out
    if outcome.hang:
        add("hang", f"no answer within {entry.hard_limit:.1f} s (timeout={entry.timeout!r}); killed")
        return out
    if outcome.error:
        if entry.truth == "reject" and outcome.error_documented:
            return out
        if outcome.error_documented and entry.may_reject:
            return out
        if outcome.error_documented:
            add("crash", f"refused a valid claim: {outcome.error} (at {outcome.error_where})")
        else:
            add("crash", f"{outcome.error} (raised at {outcome.error_where})")
        return out
    if entry.truth == "reject":
        add("unsound", f"accepted a non-claim and answered {outcome.status}")
        return out
    if outcome.status not in entry.acceptable:
        where = ""
        if outcome.point:
            where = " at " + ", ".join(f"{k} = {v}" for k, v in outcome.point.items())
        add("unsound", f"{outcome.status}{where} ({outcome.method}) but the claim is {entry.truth}: {entry.why}")
    allowed = time_allowance(entry.timeout)
    if allowed is not None and outcome.seconds is not None and outcome.seconds > allowed:
        add("time", f"took {outcome.seconds:.2f} s with timeout={entry.timeout!r} (allowed {allowed:.2f} s)")
    for p in outcome.point_problems:
        add("bad-point", p)
    return out


def order_problems(entry, fresh: Outcome, others: list[Outcome]) -> list[Problem]:
    """Disagreements between the fresh verdict and the verdicts of ordered runs.

    Two decided verdicts that differ are a problem; ``unknown`` against a decided
    verdict is one too unless the ``unknown`` ran out of time (a warm cache may
    legitimately decide faster).
    """
    out = []

    def label(o: Outcome):
        if o.hang:
            return "hang"
        if o.error:
            return "error: " + o.error.split(":")[0]
        return o.status

    for o in others:
        a, b = label(fresh), label(o)
        if a == b:
            continue
        timed_out = any(x.status == "unknown" and "time" in x.reason for x in (fresh, o))
        if "hang" in (a, b) or (timed_out and "unknown" in (a, b)):
            continue
        out.append(Problem(entry.id, entry.family, "order",
                           f"fresh process: {a}; {o.order}: {b}" + (f" ({o.reason})" if o.reason and b == "unknown" else "")))
    return out


# -- the independent check of a point ---------------------------------------------------------------------

def check_point(kind: str, claim, assumptions, point) -> tuple[list[str], list[str]]:
    """(problems, unconfirmed): is ``point`` a real counterexample (prove) or witness (exists)?

    Checked with the oracle: every free symbol has a value, every symbol assumption
    holds, every assumption is defined and true, the claim is defined and has the
    claimed truth value.
    """
    import sympy as sp

    from tests.soundness.oracle import Undefined, Unsure, symbol_violations, truth

    problems, unsure = [], []
    assumption_list = list(assumptions.values()) if isinstance(assumptions, dict) else list(assumptions or ())
    free = set(getattr(claim, "free_symbols", set()))
    for a in assumption_list:
        free |= set(getattr(a, "free_symbols", set()))
    missing = sorted(s.name for s in free if s not in point)
    if missing:
        problems.append(f"the point gives no value to {', '.join(missing)}")
        return problems, unsure
    for v in symbol_violations({s: point[s] for s in free}):
        (unsure if "cannot" in v else problems).append(v)
    want = kind == "exists"
    label = "witness" if want else "counterexample"
    for i, a in enumerate(assumption_list):
        if a is True or a is sp.true:
            continue
        try:
            if not truth(a, point):
                problems.append(f"the {label} violates assumption {i + 1}: {sp.sstr(a)}")
        except Undefined as exc:
            problems.append(f"assumption {i + 1} is undefined at the {label}: {exc}")
        except Unsure as exc:
            unsure.append(f"assumption {i + 1}: {exc}")
    try:
        if truth(claim, point) != want:
            problems.append(f"the claim is {'false' if want else 'true'} at the {label}")
    except Undefined as exc:
        problems.append(f"the claim is undefined at the {label}: {exc}")
    except Unsure as exc:
        unsure.append(f"claim: {exc}")
    return problems, unsure


# -- the child: decide a batch ---------------------------------------------------------------------------------

def _emit(fd: int, obj: dict) -> None:
    data = (json.dumps(obj, default=str) + "\n").encode()
    while data:
        n = os.write(fd, data)
        data = data[n:]


def _call(kind, claim, assumptions, timeout):
    from symbolic import exists, prove

    fn = prove if kind == "prove" else exists
    return fn(claim, assumptions, timeout=timeout)


def _describe_error(exc: BaseException) -> tuple[str, bool, str]:
    frames = traceback.extract_tb(exc.__traceback__)
    last = frames[-1] if frames else None
    where = f"{os.path.relpath(last.filename, ROOT)}:{last.lineno}" if last else "?"
    in_engine = bool(last and last.filename.startswith(SYMBOLIC_DIR))
    # documented: a TypeError/ValueError that the engine's own code raises on purpose (a `raise` statement
    # in symbolic/), not one that Python or SymPy raises on the engine's behalf ("unsupported operand")
    deliberate = bool(last and (last.line or "").lstrip().startswith("raise"))
    # the toolkit's own BadInputError / BadInputTypeError are ValueError / TypeError subclasses (errors.py)
    documented = isinstance(exc, (TypeError, ValueError)) and in_engine and deliberate and len(str(exc)) >= 20
    msg = str(exc).replace("\n", " ")
    if len(msg) > 300:
        msg = msg[:300] + "..."
    return f"{type(exc).__name__}: {msg}", documented, where


def _child(ids: list[str], fd: int, order_name: str) -> None:
    import sympy as sp

    from tests.soundness.corpus import by_id

    for entry_id in ids:
        if entry_id.startswith("selftest:"):
            _selftest(entry_id, fd, order_name)
            continue
        entry = by_id(entry_id)
        _emit(fd, {"ev": "build", "id": entry_id})
        try:
            kind, claim, assumptions, timeout = entry.build()
        except Exception as exc:  # noqa: BLE001 - a corpus bug is reported, not raised
            _emit(fd, {"ev": "result", "outcome": Outcome(entry_id, build_error=_describe_error(exc)[0],
                                                          order=order_name).as_json()})
            continue
        notes = []
        for pre in entry.prelude:
            try:
                pk, pc, pa = pre()
                v = _call(pk, pc, pa, 5.0)
                notes.append(f"{pk} -> {v.status.value}")
            except Exception as exc:  # noqa: BLE001
                notes.append(f"prelude raised {_describe_error(exc)[0]}")
        _emit(fd, {"ev": "start", "id": entry_id})
        t0 = time.perf_counter()
        try:
            verdict = _call(kind, claim, assumptions, timeout)
        except BaseException as exc:  # noqa: BLE001 - every exception is an observation
            seconds = time.perf_counter() - t0
            err, documented, where = _describe_error(exc)
            out = Outcome(entry_id, seconds=seconds, error=err, error_documented=documented, error_where=where,
                          prelude_note="; ".join(notes), order=order_name)
            _emit(fd, {"ev": "result", "outcome": out.as_json()})
            continue
        seconds = time.perf_counter() - t0
        point = verdict.counterexample if verdict.counterexample is not None else verdict.witness
        status = verdict.status.value
        out = Outcome(entry_id, status=status, method=str(verdict.method), reason=str(verdict.reason)[:400],
                      seconds=seconds, prelude_note="; ".join(notes), order=order_name,
                      point=None if point is None else {s.name: sp.sstr(v) for s, v in point.items()})
        _emit(fd, {"ev": "verdict", "id": entry_id})
        if status in ("refuted", "witness") and point is not None:
            try:
                problems, unsure = check_point(kind, claim, assumptions, point)
            except Exception as exc:  # noqa: BLE001 - the oracle's own failure is not the engine's
                problems, unsure = [], [f"the oracle failed: {_describe_error(exc)[0]}"]
            out = replace(out, point_problems=tuple(problems), point_unconfirmed=tuple(unsure))
        elif status in ("refuted", "witness") and point is None and kind == "prove":
            out = replace(out, point_problems=("refuted without a counterexample",))
        _emit(fd, {"ev": "result", "outcome": out.as_json()})


#: pseudo-entries that exercise the harness itself: a call that never returns, a child that dies
SELFTESTS = ("selftest:hang", "selftest:die", "selftest:ok")


def _selftest(entry_id, fd, order_name):
    _emit(fd, {"ev": "build", "id": entry_id})
    _emit(fd, {"ev": "start", "id": entry_id})
    if entry_id == "selftest:hang":
        time.sleep(3600)
    if entry_id == "selftest:die":
        os._exit(3)
    _emit(fd, {"ev": "result", "outcome": Outcome(entry_id, status="proved", seconds=0.0, order=order_name).as_json()})


def _entries_with_selftests():
    from tests.soundness.corpus import ENTRIES, Entry

    entries = {e.id: e for e in ENTRIES}
    for i in SELFTESTS:
        entries[i] = Entry(id=i, family="selftest", kind="prove", truth="true", why="harness self-test",
                           make=lambda: None, timeout=0.5)
    return entries


def _zygote_main() -> None:
    """Import everything, then fork one child per job read from stdin; never decide anything here."""
    import sympy  # noqa: F401
    import z3  # noqa: F401

    import symbolic  # noqa: F401
    import tests.soundness.corpus  # noqa: F401
    import tests.soundness.oracle  # noqa: F401

    out_fd = os.dup(1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # stray prints must not corrupt the protocol
    _emit(out_fd, {"ev": "ready"})
    for line in sys.stdin:
        job = json.loads(line)
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(w)
            os.read(r, 1)
            code = 0
            try:
                if job.get("seed") is not None:
                    random.seed(job["seed"])
                _child(job["ids"], out_fd, job.get("order", "fresh"))
            except BaseException:  # noqa: BLE001
                code = 1
            finally:
                os._exit(code)
        os.close(r)
        _emit(out_fd, {"ev": "child", "pid": pid})
        os.write(w, b"x")
        os.close(w)
        _, status = os.waitpid(pid, 0)
        _emit(out_fd, {"ev": "exit", "status": status})


# -- the parent ---------------------------------------------------------------------------------------------------

class Zygote:
    """A clean interpreter that forks children to decide batches of entries."""

    def __init__(self):
        env = dict(os.environ)
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.soundness.harness", "--zygote"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=str(ROOT), env=env,
                                     bufsize=0)
        self._buf = b""
        self.ready = False

    def lines(self):
        data = os.read(self.proc.stdout.fileno(), 1 << 16)
        if not data:
            raise RuntimeError("the zygote died")
        self._buf += data
        *complete, self._buf = self._buf.split(b"\n")
        return [json.loads(x) for x in complete if x.strip()]

    def submit(self, ids, order="fresh"):
        self.proc.stdin.write((json.dumps({"ids": list(ids), "order": order}) + "\n").encode())
        self.proc.stdin.flush()

    def close(self):
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


class _Lane:
    """One zygote working through a queue of batches, with the deadlines of its current child."""

    def __init__(self, zygote: Zygote, batches: list[tuple[list[str], str]], entries, results: dict, progress):
        self.z = zygote
        self.batches = list(batches)
        self.entries = entries
        self.results = results
        self.progress = progress
        self.pending: list[str] = []
        self.order = "fresh"
        self.pid = None
        self.current = None
        self.phase = None
        self.deadline = math.inf
        self.busy = False

    def start_next(self):
        if self.pending:
            ids, order = self.pending, self.order
        elif self.batches:
            ids, order = self.batches.pop(0)
        else:
            self.busy = False
            return
        self.pending, self.order = list(ids), order
        self.pid, self.current, self.phase, self.deadline = None, None, None, math.inf
        self.busy = True
        self.z.submit(ids, order)

    def handle(self, ev: dict):
        kind = ev["ev"]
        now = time.monotonic()
        if kind == "ready":
            self.z.ready = True
            self.start_next()
        elif kind == "child":
            self.pid = ev["pid"]
        elif kind == "build":
            self.current, self.phase, self.deadline = ev["id"], "build", now + SIDE_LIMIT
        elif kind == "start":
            self.phase, self.deadline = "call", now + self.entries[ev["id"]].hard_limit
        elif kind == "verdict":
            self.phase, self.deadline = "check", now + SIDE_LIMIT
        elif kind == "result":
            out = Outcome.from_json(ev["outcome"])
            self.results[out.id] = out
            if out.id in self.pending:
                self.pending.remove(out.id)
            self.current, self.phase, self.deadline = None, None, math.inf
            if self.progress:
                self.progress(out)
        elif kind == "exit":
            if self.current is not None:  # the child died or was killed mid-entry
                self._record_lost(self.current, died=not self._killed)
            if self.pending and self.current is None and ev.get("status", 0) != 0 and not self._killed:
                # died between entries: give up on the rest of the batch rather than loop
                for i in list(self.pending):
                    self._record_lost(i, died=True)
            self._killed = False
            self.start_next()

    _killed = False

    def _record_lost(self, entry_id, died=False):
        phase = self.phase
        if phase == "call" or died:
            out = Outcome(entry_id, hang=True, order=self.order,
                          reason="killed" if not died else "the child process died")
        elif phase == "check":
            prev = self.results.get(entry_id)
            out = Outcome(entry_id, status=prev.status if prev else None, order=self.order,
                          point_unconfirmed=("the oracle timed out",), reason="(verdict lost when the check was killed)")
        else:
            out = Outcome(entry_id, build_error=f"building or the prelude took over {SIDE_LIMIT:.0f} s"
                          if phase == "build" else "the child died", order=self.order)
        self.results[entry_id] = out
        if entry_id in self.pending:
            self.pending.remove(entry_id)
        self.current, self.phase = None, None
        if self.progress:
            self.progress(out)

    def check_deadline(self):
        if self.pid is not None and self.current is not None and time.monotonic() > self.deadline:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self._killed = True
            self.deadline = math.inf


def _run_batches(batches: list[tuple[list[str], str]], workers: int = 1, progress=None) -> dict:
    results: dict[str, Outcome] = {}
    workers = max(1, min(workers, len(batches)))
    share = [[] for _ in range(workers)]
    for i, b in enumerate(batches):
        share[i % workers].append(b)
    _drive([(part, results) for part in share], progress)
    return results


def _drive(work: list[tuple[list, dict]], progress) -> None:
    """One zygote lane per ``(batches, results)`` pair, all driven to the end; each lane fills its ``results``."""
    entries = _entries_with_selftests()
    sel = selectors.DefaultSelector()
    lanes = []
    try:
        for batches, results in work:
            lane = _Lane(Zygote(), batches, entries, results, progress)
            lanes.append(lane)
            sel.register(lane.z.proc.stdout, selectors.EVENT_READ, lane)
        while any(not lane.z.ready or lane.busy for lane in lanes):
            for key, _ in sel.select(timeout=0.2):
                lane = key.data
                for ev in lane.z.lines():
                    lane.handle(ev)
            for lane in lanes:
                lane.check_deadline()
    finally:
        for lane in lanes:
            sel.unregister(lane.z.proc.stdout)
            lane.z.close()


def run_fresh(ids, workers: int = 1, progress=None) -> dict:
    """Decide each entry in its own fresh process: ``{id: Outcome}``."""
    return _run_batches([([i], "fresh") for i in ids], workers, progress)


def run_ordered(ids, seed: int, name: str | None = None, progress=None) -> dict:
    """Decide all entries in one process (after a kill, a new one goes on), in a random order fixed by ``seed``."""
    return run_orders(ids, (seed,), progress=progress)[0]


def run_orders(ids, seeds, workers: int = 2, progress=None) -> list[dict]:
    """One :func:`run_ordered` per seed, ``workers`` of them at a time."""
    batches = []
    for seed in seeds:
        shuffled = list(ids)
        random.Random(seed).shuffle(shuffled)
        batches.append((shuffled, f"one process, order seed {seed}"))
    return _run_batches_many(batches, workers, progress)


# -- reproducers ------------------------------------------------------------------------------------------------

def _declarations(objs):
    import keyword

    import sympy as sp
    from sympy.core.function import AppliedUndef

    symbols, funcs = set(), {}
    for o in objs:
        if isinstance(o, sp.Basic):
            symbols |= {s for s in o.atoms(sp.Symbol)}
            for fa in o.atoms(AppliedUndef):
                funcs[fa.func.__name__] = fa.func
    names, lines = {}, []
    taken = {"Symbol", "Dummy", "Function", "prove", "exists", "S"} | set(dir(sp))
    by_name: dict[str, list] = {}
    for s in sorted(symbols, key=lambda s: (s.name, str(sorted(s.assumptions0.items())))):
        by_name.setdefault(s.name, []).append(s)
    counter = 0
    for name, group in by_name.items():
        for j, s in enumerate(group):
            pyname = name
            if (not name.isidentifier() or keyword.iskeyword(name) or name in taken or len(group) > 1
                    or name in names.values()):
                counter += 1
                pyname = f"s{counter}"
            names[s] = pyname
            orig = getattr(s, "_assumptions_orig", None) or {}
            kw = "".join(f", {k}={v!r}" for k, v in sorted(orig.items()))
            ctor = "Dummy" if isinstance(s, sp.Dummy) else "Symbol"
            lines.append(f"{pyname} = {ctor}({name!r}{kw})")
    for fname, fcls in sorted(funcs.items()):
        kw = "".join(f", {k}={v!r}" for k, v in sorted((getattr(fcls, "_kwargs", {}) or {}).items()))
        real = ", real=True" if fcls(sp.Symbol("t")).is_real else ""
        lines.append(f"{fname} = Function({fname!r}{real})")
    return names, lines


def _printer(names, unevaluated: bool):
    import mpmath
    import sympy as sp
    from sympy.printing.str import StrPrinter

    class P(StrPrinter):
        def _print_Symbol(self, s):
            return names.get(s, s.name)

        _print_Dummy = _print_Symbol

        def _print_Float(self, f):
            if f._prec == 53:
                return f"Float({float(f)!r})"
            dps = mpmath.libmp.prec_to_dps(f._prec)
            q = sp.Rational(f)
            return f"Float(Rational({q.p}, {q.q}), {dps})"

        def _print_Integer(self, i):
            return _int_text(int(i))  # plain: Python ints combine with SymPy objects

        def _print_Rational(self, q):
            return f"Rational({_int_text(int(q.p))}, {_int_text(int(q.q))})"

        def _print_BooleanTrue(self, _):
            return "S.true"

        def _print_BooleanFalse(self, _):
            return "S.false"

        def _print_Relational(self, r):
            if unevaluated:
                cls = type(r).__name__
                short = {"StrictGreaterThan": "Gt", "GreaterThan": "Ge", "StrictLessThan": "Lt", "LessThan": "Le",
                         "Equality": "Eq", "Unequality": "Ne"}[cls]
                return f"{short}({self._print(r.lhs)}, {self._print(r.rhs)}, evaluate=False)"
            return super()._print_Relational(r)

    return P({"sympy_integers": True})


def _int_text(n: int) -> str:
    """Python text for an integer, also past Python's 4300-digit limit on decimal conversion."""
    if n.bit_length() < 3000:
        return str(n)
    k = len(format(abs(n), "x")) * 4  # an upper bound on log2; find 10**e exactly if it is one
    e = round(k * 0.30103)
    for e in range(max(1, e - 5), e + 5):
        if abs(n) == 10 ** e:
            return f"{'-' if n < 0 else ''}10**{e}"
    return f"int('{format(n, 'x')}', 16)"


def _py(value, printer):
    import sympy as sp

    if isinstance(value, sp.Basic):
        return printer.doprint(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k!r}: {_py(v, printer)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        inner = ", ".join(_py(v, printer) for v in value)
        return f"[{inner}]"
    if isinstance(value, float):
        return f"float({str(value)!r})" if not math.isfinite(value) else repr(value)
    return repr(value)


def reproducer(entry) -> str:
    """A standalone script that makes the entry's call(s), e.g. for a bug report.

    >>> from tests.soundness.corpus import by_id
    >>> print(reproducer(by_id("roots-001")))
    from sympy import *
    from symbolic import prove, exists
    K = Symbol('K', positive=True)
    print(prove(Eq(sqrt(K), K**(Rational(1, 3))), [], timeout=3.0))
    """
    kind, claim, assumptions, timeout = entry.build()
    preludes = [p() for p in entry.prelude]
    objs = [claim, *(assumptions.values() if isinstance(assumptions, dict) else assumptions or ())]
    for pk, pc, pa in preludes:
        objs += [pc, *pa]
    names, decls = _declarations(objs)
    for unevaluated in (False, True):
        pr = _printer(names, unevaluated)
        lines = ["from sympy import *", "from symbolic import prove, exists", *decls]
        if type(timeout).__name__ == "Fraction":
            lines.insert(0, "from fractions import Fraction")
        for pk, pc, pa in preludes:
            lines.append(f"{pk}({_py(pc, pr)}, {_py(list(pa), pr)})  # an earlier call in the same process")
        a_text = _py(assumptions if isinstance(assumptions, dict) else list(assumptions or ()), pr)
        t_text = _py(timeout, pr) if not isinstance(timeout, int) or abs(timeout) < 10 ** 20 else "10**400"
        lines.append(f"print({kind}({_py(claim, pr)}, {a_text}, timeout={t_text}))")
        text = "\n".join(lines)
        if _rebuilds(text, claim):
            return text
    return text


def _rebuilds(text: str, claim) -> bool:
    """Whether the script's claim is the entry's claim (exec of our own generated text, not of input)."""
    import sympy as sp

    body = text.replace("from symbolic import prove, exists", "")
    captured = {}
    env: dict = {}
    exec("from sympy import *", env)  # noqa: S102

    def record(c, *a, **k):  # the last call is the decided one; earlier ones are its prelude
        captured["claim"] = c

    env["prove"] = env["exists"] = record
    env["print"] = lambda *a, **k: None
    try:
        exec(body, env)  # noqa: S102
    except Exception:  # noqa: BLE001
        return False
    got = captured.get("claim")
    if isinstance(claim, sp.Basic) and claim.atoms(sp.Dummy):  # a new Dummy is never equal: compare the text
        return isinstance(got, sp.Basic) and sp.srepr(got).split("dummy_index")[0] == sp.srepr(claim).split("dummy_index")[0]
    if isinstance(claim, sp.Basic):
        return isinstance(got, sp.Basic) and _same_tree(got, claim)
    return got == claim


def _same_tree(a, b) -> bool:
    """``a == b`` up to the order of a commutative node's arguments.

    SymPy orders ``And(x > 1, x' > 1)`` for two symbols both named ``x`` by their hashes, which change with
    PYTHONHASHSEED, so ``==`` between two equal trees built in different orders can be False.
    """
    import sympy as sp

    if a == b:
        return True
    if type(a) is not type(b) or len(a.args) != len(b.args) or not a.args:
        return False
    if not isinstance(a, (sp.Add, sp.Mul, sp.And, sp.Or, sp.Xor, sp.Equivalent, sp.Min, sp.Max)):
        return all(_same_tree(x, y) for x, y in zip(a.args, b.args))
    rest = list(b.args)
    for x in a.args:  # a greedy match is exact here: _same_tree is an equivalence
        hit = next((i for i, y in enumerate(rest) if _same_tree(x, y)), None)
        if hit is None:
            return False
        rest.pop(hit)
    return True


# -- the command line -------------------------------------------------------------------------------------------

def _summary(problems: list[Problem]) -> str:
    from collections import Counter

    c = Counter(p.category for p in problems)
    return ", ".join(f"{k}: {v}" for k, v in sorted(c.items())) or "no problems"


def run_all(ids, workers: int = 2, seeds=(1, 2), progress=None):
    """Fresh runs of ``ids`` plus one ordered run per seed; ``(fresh, ordered_list, problems)``."""
    from tests.soundness.corpus import by_id

    fresh = run_fresh(ids, workers=workers, progress=progress)
    ordered = run_orders(ids, seeds, workers, progress) if seeds else []
    problems = []
    for i in ids:
        e = by_id(i)
        problems += judge(e, fresh[i])
        problems += order_problems(e, fresh[i], [o[i] for o in ordered if i in o])
    return fresh, ordered, problems


def _run_batches_many(batches, workers, progress):
    """Each ordered batch in its own lane; results kept apart per batch."""
    out = []
    for chunk_start in range(0, len(batches), max(1, workers)):
        chunk = batches[chunk_start:chunk_start + max(1, workers)]
        per_lane = [dict() for _ in chunk]
        _drive([([b], res) for b, res in zip(chunk, per_lane)], progress)
        out += per_lane
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.soundness.harness", description=__doc__.split("\n\n")[0])
    ap.add_argument("--zygote", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--ids", help="comma-separated entry ids (default: the whole corpus)")
    ap.add_argument("--family", help="only this family")
    ap.add_argument("--fast", action="store_true", help="only the fast subset")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--no-order", action="store_true", help="skip the ordered runs")
    ap.add_argument("--report", action="store_true", help="rewrite tests/soundness/REPORT.md")
    ap.add_argument("--json", help="also write every outcome to this JSON file")
    ap.add_argument("--from-json", help="judge (and report) the outcomes stored by an earlier --json run")
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args(argv)
    if args.zygote:
        _zygote_main()
        return 0
    from tests.soundness.corpus import ENTRIES, FAST_IDS, by_id

    if args.ids:
        ids = [i.strip() for i in args.ids.split(",") if i.strip()]
        for i in ids:
            by_id(i)
    elif args.fast:
        ids = list(FAST_IDS)
    else:
        ids = [e.id for e in ENTRIES]
    if args.family:
        ids = [i for i in ids if by_id(i).family == args.family]
    done = [0]
    total = len(ids) * (1 if args.no_order else 3)
    t0 = time.monotonic()

    def progress(o: Outcome):
        done[0] += 1
        if args.verbose:
            print(f"[{done[0]}/{total} {time.monotonic() - t0:.0f}s] {o.order[:22]:22} {o.id:28} "
                  f"{o.status or ('HANG' if o.hang else o.error[:60])}", file=sys.stderr, flush=True)
        elif done[0] % 50 == 0:
            print(f"  {done[0]}/{total} calls, {time.monotonic() - t0:.0f} s", file=sys.stderr, flush=True)

    if args.from_json:
        data = json.loads(Path(args.from_json).read_text())
        fresh = {k: Outcome.from_json(v) for k, v in data["fresh"].items()}
        ordered = [{k: Outcome.from_json(v) for k, v in o.items()} for o in data["ordered"]]
        ids = [i for i in ids if i in fresh]
        problems = []
        for i in ids:
            problems += judge(by_id(i), fresh[i])
            problems += order_problems(by_id(i), fresh[i], [o[i] for o in ordered if i in o])
        elapsed = data.get("elapsed", 0.0)
    else:
        fresh, ordered, problems = run_all(ids, workers=args.workers, seeds=() if args.no_order else (1, 2),
                                           progress=progress)
        elapsed = time.monotonic() - t0
    for p in problems:
        print(f"{p.category:9} {p.id:28} {p.detail}")
    print(f"{len(ids)} entries, {elapsed:.0f} s: {_summary(problems)}")
    if args.json:
        data = {"elapsed": elapsed, "fresh": {k: v.as_json() for k, v in fresh.items()},
                "ordered": [{k: v.as_json() for k, v in o.items()} for o in ordered]}
        Path(args.json).write_text(json.dumps(data, indent=1))
    if args.report:
        from tests.soundness.report import write_report

        write_report(ids, fresh, ordered, problems, elapsed)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
