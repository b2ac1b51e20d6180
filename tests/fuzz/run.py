"""Running the fuzzer: decide, judge, shrink; summaries; verdicts that must not depend on order.

:func:`run_fuzz` decides claims ``start .. start+n-1`` of a seeded stream
(in worker processes if asked), judges each verdict with the oracle, checks
that the answer arrived in time and that an equivalent twin got no other
definite verdict, and shrinks every disagreement to a runnable reproducer.

:func:`check_orders` decides one set of claims in several orders -- in this
process, in fresh processes, and one claim per fresh process -- and reports
any claim whose verdict changes with what was decided before it.

>>> summary = run_fuzz(8, seed=1, timeout=5.0)
>>> summary.n, summary.disagreements
(8, ())
"""

from __future__ import annotations

import math
import random
import statistics
import time
from dataclasses import dataclass
from typing import Sequence

from symbolic import Kind, Status, Verdict
from symbolic.errors import BadInputError, BadInputTypeError
from symbolic.verdict import point_as_text

from .claim import Disagreement, FuzzClaim, FuzzOutcome, Judgement, late, stable_text
from .families import generate_claim
from .oracle import check_verdict
from .reproduce import declarations, declared, python_names, reproducer_source, shrink, source

__all__ = ["decide_and_check", "run_fuzz", "summarize", "FuzzSummary", "check_orders", "OrderReport",
           "order_changes", "order_reproducer", "fingerprint", "percentile"]


def fingerprint(v: Verdict) -> str:
    """The parts of a verdict that must not depend on order: status and point (time-outs excepted)."""
    point = point_as_text(v.point)
    return f"{v.status.value} {point}" if point else v.status.value


def _timed_out(v: Verdict) -> bool:
    return v.status is Status.UNKNOWN and "time limit" in v.reason


def _judge_with(samples: int):
    def judge(claim, verdict, extra=()):
        return check_verdict(claim, verdict, samples, extra)
    return judge


def decide_and_check(claim: FuzzClaim, timeout: float, samples: int = 64, do_shrink: bool = True) -> FuzzOutcome:
    """Decide ``claim``, judge the verdict, and on a disagreement shrink it to a reproducer."""
    limit = claim.limit(timeout)
    start = time.perf_counter()
    try:
        verdict = claim.decide(timeout)
    except (BadInputError, BadInputTypeError) as exc:
        seconds = time.perf_counter() - start
        if claim.bad_input_ok:
            return FuzzOutcome(claim.index, claim.family, claim.kind, Status.UNKNOWN, seconds, limit, 0,
                               method="bad-input", known=True, fingerprint="bad-input")
        return _raised(claim, exc, seconds, limit, timeout)
    except Exception as exc:  # the engine must answer every claim, or refuse it with its own error
        return _raised(claim, exc, time.perf_counter() - start, limit, timeout)
    seconds = time.perf_counter() - start
    judged = check_verdict(claim, verdict, samples)
    if not judged.problem and late(seconds, limit):
        judged = Judgement(f"answered in {seconds:.2f} s, beyond the time limit {limit:g} s plus its slack",
                           evidence="late", points=judged.points)
    if not judged.problem and claim.twin is not None:
        other = claim.twin.decide(timeout)
        definite = {verdict.status, other.status} - {Status.UNKNOWN}
        if len(definite) > 1:
            judged = Judgement(f"{verdict.status}, but the same claim with its symbols renamed is {other.status}",
                               evidence="twin", points=judged.points)
    disagreement = None
    if judged.problem:
        small, small_verdict, small_judged = (shrink(claim, verdict, judged, _judge_with(samples), timeout)
                                              if do_shrink else (claim, verdict, judged))
        disagreement = Disagreement(claim.seed, claim.index, claim.family, str(verdict), small_judged.problem,
                                    small_judged.evidence,
                                    reproducer_source(small, small_verdict, small_judged, timeout))
    return FuzzOutcome(claim.index, claim.family, claim.kind, verdict.status, seconds, limit, judged.points,
                       judged.unsettled, disagreement, judged.unconfirmed, claim.expected is not None,
                       verdict.method, fingerprint(verdict))


def _raised(claim, exc, seconds, limit, timeout) -> FuzzOutcome:
    problem = f"the engine raised {type(exc).__name__}: {exc}"
    if isinstance(exc, (BadInputError, BadInputTypeError)):
        problem += " (a well-formed claim)"
    elif claim.bad_input_ok:
        problem += " (malformed input should raise the toolkit's BadInputError/BadInputTypeError)"
    judged = Judgement(problem, evidence="raised")
    fake = Verdict.make(Status.UNKNOWN, claim.kind, "raised", seconds, reason=problem)
    return FuzzOutcome(claim.index, claim.family, claim.kind, Status.UNKNOWN, seconds, limit, 0,
                       disagreement=Disagreement(claim.seed, claim.index, claim.family, problem, problem, "raised",
                                                 reproducer_source(claim, fake, judged, timeout)),
                       known=claim.expected is not None, method="raised", fingerprint="raised")


# -- a run -------------------------------------------------------------------------------

@dataclass(frozen=True)
class FuzzSummary:
    """Counts, timings and disagreements of a fuzzing run."""

    n: int
    seed: int
    timeout: float
    counts: tuple  #: (status, how many), every status listed
    by_family: tuple  #: (family, ((status, how many), ...), median s, max s)
    counts_by_kind: tuple  #: (kind, status, how many), non-zero only
    percentiles: tuple  #: ((label, seconds), ...): 50, 90, 99, max
    slowest: tuple  #: (index, family, seconds, limit)
    known_answers: int
    oracle_points: int
    unsettled_points: int
    unconfirmed: int
    disagreements: tuple
    wall_seconds: float

    def count(self, status) -> int:
        return dict(self.counts)[Status(status).value]

    @property
    def families(self) -> tuple:
        return tuple((f, sum(c for _, c in counts)) for f, counts, _, _ in self.by_family)

    @property
    def median_seconds(self) -> float:
        return dict(self.percentiles)["50%"]

    def as_text(self) -> str:
        statuses = [s.value for s in Status]
        lines = [f"fuzzed {self.n} claims (seed {self.seed}, time limit {self.timeout:g} s each unless the family "
                 f"sets one) in {self.wall_seconds:.1f} s wall",
                 "  " + ", ".join(f"{s}: {c}" for s, c in self.counts)]
        for kind in ("forall", "exists"):
            part = [f"{s} {c}" for k, s, c in self.counts_by_kind if k == kind]
            lines.append(f"  {'prove ' if kind == 'forall' else 'exists'} : " + ", ".join(part))
        lines.append("  time per claim: " + ", ".join(f"{label} {1000 * s:.1f} ms" for label, s in self.percentiles)
                     + f" (slowest: claim {self.slowest[0]}, {self.slowest[1]}, limit {self.slowest[3]:g} s)")
        lines.append(f"  oracle: {self.oracle_points} admissible points settled, {self.unsettled_points} unsettled, "
                     f"{self.known_answers} claims with a known answer, {self.unconfirmed} verdict points "
                     "it could not settle")
        width = max([len(f) for f, _, _, _ in self.by_family] + [6])
        lines.append(f"  {'family':<{width}} " + " ".join(f"{s:>8}" for s in statuses) + "   median      max")
        for family, counts, med, mx in self.by_family:
            c = dict(counts)
            lines.append(f"  {family:<{width}} " + " ".join(f"{c.get(s, 0):>8}" for s in statuses)
                         + f" {1000 * med:>6.1f} ms {1000 * mx:>6.0f} ms")
        lines.append(f"  disagreements: {len(self.disagreements)}")
        for d in self.disagreements:
            lines += ["", str(d)]
        return "\n".join(lines)


def percentile(sorted_values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile of an ascending list.

    >>> percentile([1.0, 2.0, 3.0, 4.0], 0.5), percentile([1.0, 2.0, 3.0, 4.0], 0.99)
    (2.0, 4.0)
    """
    if not sorted_values:
        return 0.0
    k = max(0, math.ceil(q * len(sorted_values)) - 1)
    return sorted_values[k]


def _run_chunk(args) -> list[FuzzOutcome]:
    seed, indices, timeout, samples, families, do_shrink = args
    return [decide_and_check(generate_claim(seed, i, families), timeout, samples, do_shrink) for i in indices]


def _pool(workers: int):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))


def run_fuzz(n: int, seed: int = 0, timeout: float = 5.0, *, workers: int = 1, samples: int = 64,
             start: int = 0, families: Sequence[str] | None = None, shrink: bool = True) -> FuzzSummary:
    """Fuzz ``n`` claims (indices ``start .. start+n-1`` of stream ``seed``).

    ``workers > 1`` decides chunks in separate processes; the claims, verdict
    counts and disagreements do not depend on it (only the timings do, and a
    claim near its time limit may come out ``unknown`` on a busier machine).
    """
    if not (isinstance(n, int) and n >= 1):
        raise ValueError(f"n must be a positive whole number of claims, got {n!r}")
    if not (isinstance(timeout, (int, float)) and timeout > 0):
        raise ValueError(f"timeout must be a positive number of seconds, got {timeout!r}")
    if not (isinstance(workers, int) and workers >= 1):
        raise ValueError(f"workers must be a positive whole number, got {workers!r}")
    wall = time.perf_counter()
    indices = list(range(start, start + n))
    if workers == 1:
        outcomes = _run_chunk((seed, indices, timeout, samples, families, shrink))
    else:
        size = max(1, min(40, n // (4 * workers) or 1))
        chunks = [(seed, indices[i:i + size], timeout, samples, families, shrink) for i in range(0, n, size)]
        with _pool(workers) as pool:
            outcomes = [o for part in pool.map(_run_chunk, chunks) for o in part]
    return summarize(outcomes, seed, timeout, time.perf_counter() - wall)


def summarize(outcomes: Sequence[FuzzOutcome], seed: int, timeout: float, wall_seconds: float) -> FuzzSummary:
    counts = {s.value: 0 for s in Status}
    by_kind: dict = {}
    families: dict = {}
    for o in outcomes:
        counts[o.status.value] += 1
        by_kind[(o.kind.value, o.status.value)] = by_kind.get((o.kind.value, o.status.value), 0) + 1
        families.setdefault(o.family, []).append(o)
    times = sorted(o.seconds for o in outcomes)
    slowest = max(outcomes, key=lambda o: o.seconds)
    by_family = []
    for family, group in sorted(families.items()):
        c: dict = {}
        for o in group:
            c[o.status.value] = c.get(o.status.value, 0) + 1
        ts = sorted(o.seconds for o in group)
        by_family.append((family, tuple(sorted(c.items())), statistics.median(ts), ts[-1]))
    return FuzzSummary(
        n=len(outcomes), seed=seed, timeout=float(timeout), counts=tuple(counts.items()),
        by_family=tuple(by_family),
        counts_by_kind=tuple((k, s, c) for (k, s), c in sorted(by_kind.items())),
        percentiles=(("50%", percentile(times, 0.5)), ("90%", percentile(times, 0.9)),
                     ("99%", percentile(times, 0.99)), ("max", times[-1])),
        slowest=(slowest.index, slowest.family, slowest.seconds, slowest.limit),
        known_answers=sum(1 for o in outcomes if o.known), oracle_points=sum(o.points for o in outcomes),
        unsettled_points=sum(o.unsettled for o in outcomes), unconfirmed=sum(o.unconfirmed for o in outcomes),
        disagreements=tuple(o.disagreement for o in outcomes if o.disagreement is not None),
        wall_seconds=wall_seconds)


# -- order ---------------------------------------------------------------------------------

def _claim_key(c: FuzzClaim) -> str:
    return f"{c.family}: {c.kind} {stable_text(c.statement)} | {sorted(stable_text(a) for a in c.assumptions)}"


def _decide_in_order(args) -> list[tuple[int, str]]:
    """Decide the claims in the given order in this process: (index, fingerprint) pairs."""
    seed, order, timeout, families, keys = args
    out = []
    for i in order:
        c = generate_claim(seed, i, families)
        if _claim_key(c) != keys[i]:  # the stream changed under us (code edited during a run)
            raise RuntimeError(f"claim {i} of stream {seed} differs in this process: {_claim_key(c)}")
        v = c.decide(timeout)
        out.append((i, "timeout" if _timed_out(v) else fingerprint(v)))
    return out


@dataclass(frozen=True)
class OrderReport:
    """Claims decided in several orders: those whose verdict changed, with a reproducer each."""

    claims: int
    runs: int  #: orders tried (each a full pass over the claims)
    fresh: int  #: claims also decided alone in a fresh process
    changed: tuple  #: Disagreement per claim whose verdict depended on the order

    def as_text(self) -> str:
        head = (f"order: {self.claims} claims in {self.runs} orders, {self.fresh} alone in fresh processes; "
                f"{len(self.changed)} verdicts depended on the order")
        return "\n\n".join([head] + [str(d) for d in self.changed])


def _pool_fresh_each(workers: int):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), max_tasks_per_child=1)


def check_orders(n: int, seed: int = 0, timeout: float = 10.0, *, orders: int = 2, fresh: int = 0,
                 families: Sequence[str] | None = None, workers: int = 2, start: int = 0) -> OrderReport:
    """Decide claims ``start .. start+n-1`` forwards in this process, in ``orders`` shuffled orders each in a
    fresh process, and ``fresh`` of them alone in a process of their own; compare the verdicts.

    Time-outs are set aside (a claim near its limit may time out under load).
    """
    indices = list(range(start, start + n))
    orders_run = [indices]
    for k in range(orders):
        order = list(indices)
        random.Random(f"coordfail-order/{seed}/{k}").shuffle(order)
        orders_run.append(order)
    alone = sorted(random.Random(f"coordfail-fresh/{seed}").sample(indices, min(fresh, n)))
    keys = {i: _claim_key(generate_claim(seed, i, families)) for i in indices}
    with _pool_fresh_each(workers) as pool:  # every job in a fresh interpreter
        jobs = [pool.submit(_decide_in_order, (seed, order, timeout, families, keys)) for order in orders_run[1:]]
        singles = {i: pool.submit(_decide_in_order, (seed, [i], timeout, families, keys)) for i in alone}
        here = dict(_decide_in_order((seed, indices, timeout, families, keys)))
        results = [dict(job.result()) for job in jobs]
        single_results = {i: dict(job.result())[i] for i, job in singles.items()}
    runs = [("forwards in one process", indices, here)]
    runs += [(f"shuffled order {k + 1}, fresh process", order, got)
             for k, (order, got) in enumerate(zip(orders_run[1:], results))]
    runs += [("alone in a fresh process", [i], {i: fp}) for i, fp in single_results.items()]
    changed = [_order_disagreement(seed, i, families, timeout, seen, keys, workers)
               for i, seen in order_changes(indices, runs)]
    return OrderReport(n, len(orders_run), len(alone), tuple(changed))


def order_changes(indices, runs) -> list:
    """Claims whose verdict differs between runs: ``(index, [(run, fingerprint, order), ...])``.

    ``runs`` are ``(label, order, {index: fingerprint})``; time-outs are set aside.

    >>> order_changes([0, 1], [("a", [0, 1], {0: "proved", 1: "refuted {'x': '1'}"}),
    ...                        ("b", [1, 0], {0: "timeout", 1: "refuted {'x': '2'}"})])
    [(1, [('a', "refuted {'x': '1'}", [0, 1]), ('b', "refuted {'x': '2'}", [1, 0])])]
    """
    out = []
    for i in indices:
        seen = [(label, got[i], order) for label, order, got in runs if i in got]
        if len({fp for _, fp, _ in seen if fp != "timeout"}) > 1:
            out.append((i, seen))
    return out


def _order_disagreement(seed, i, families, timeout, seen, keys, workers) -> Disagreement:
    claim = generate_claim(seed, i, families)
    alone = next((fp for w, fp, _ in seen if w.startswith("alone")), None)
    # the run whose verdict differs from the claim decided alone (or from the forwards run)
    reference = alone if alone is not None else seen[0][1]
    order = next((order for _, fp, order in seen if fp not in (reference, "timeout")), seen[0][2])
    before = _shrink_prefix(seed, i, families, timeout, order[:order.index(i)][-6:], reference, keys, workers)
    problem = ("the verdict depends on what was decided before it: "
               + "; ".join(f"{w}: {fp}" for w, fp, _ in seen))
    return Disagreement(seed, i, claim.family, "; ".join(fp for _, fp, _ in seen), problem, "order",
                        order_reproducer(seed, i, families, before, timeout))


def _shrink_prefix(seed, i, families, timeout, before, reference, keys, workers) -> list:
    """A single earlier claim that changes claim ``i``'s verdict in a fresh process, if one does."""
    with _pool_fresh_each(workers) as pool:
        trials = {j: pool.submit(_decide_in_order, (seed, [j, i], timeout, families, keys)) for j in reversed(before)}
        for j, job in trials.items():
            got = dict(job.result())[i]
            if got not in (reference, "timeout"):
                return [j]
    return list(before)


def _claim_lines(claims, names, timeout) -> list[str]:
    lines = ["claims = ["]
    for c in claims:
        fn = "prove" if c.kind is Kind.FORALL else "exists"
        lines.append(f"    ({fn}, {source(c.statement, names)}, "
                     f"[{', '.join(source(a, names) for a in c.assumptions)}]),")
    lines.append("]")
    return lines


def order_reproducer(seed: int, index: int, families, before: Sequence[int], timeout: float) -> str:
    """Python that decides the claims ``before`` and then claim ``index`` in one process, the claim alone in a
    fresh interpreter, and fails while the two verdicts differ."""
    claims = [generate_claim(seed, j, families) for j in list(before) + [index]]
    objects = declared(*claims)
    names = python_names(objects)
    head = ["from sympy import *", "from symbolic import exists, prove", "from symbolic.verdict import point_as_text"]
    head += declarations(objects, names)
    alone = head + _claim_lines(claims[-1:], names, timeout) + [
        "fn, c, a = claims[-1]",
        f"v = fn(c, a, timeout={timeout!r})",
        "print(v.status.value, point_as_text(v.point) or '')"]
    lines = [f"# coordfail fuzz reproducer: the verdict of claim {index} (seed {seed}) depends on earlier decisions",
             "import subprocess, sys"] + head + _claim_lines(claims, names, timeout) + [
        f"verdicts = [fn(c, a, timeout={timeout!r}) for fn, c, a in claims]",
        "after = f\"{verdicts[-1].status.value} {point_as_text(verdicts[-1].point) or ''}\"",
        f"ALONE = {chr(10).join(alone)!r}",
        "alone = subprocess.run([sys.executable, '-c', ALONE], capture_output=True, text=True).stdout.strip()",
        "print('after the others:', after, '| alone:', alone)",
        'assert after.strip() == alone, "the verdict depends on what was decided before it"']
    return "\n".join(lines) + "\n"
