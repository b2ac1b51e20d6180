"""pytest plugin (entry point ``pytest11``): ``pytest --coordfail-claims[=FILE_OR_MODULE]`` adds claims as tests.

Each claim of the paper becomes one item, ``coordfail::S5.4``: the claim is
decided by the engine, its verdict compared with the expected one (if it has
one; a claim without an expectation fails only when it is ``unknown``, and
passes with a warning that names its verdict, not judged), and its numeric
spot check run; the item fails if the verdict differs from the
expectation or the spot check disagrees with the verdict (naming the draw).
Options:

* ``--coordfail-claims[=FILE_OR_MODULE]`` -- collect the claims of a claims file, a module or an
  installed entry point (no value: this toolkit's own paper); off by default: nothing is imported otherwise;
* ``--coordfail-samples N`` -- draws per spot check (default 100000);
* ``--coordfail-seed S`` -- seed of the draws (default 0);
* ``--coordfail-only ID[,ID]`` -- only these claims, selected as ``coordfail verify --only`` does (an item's
  id, ``coordfail::A.7``, is not a path pytest can select on its command line: a failure says what reruns it).

The items carry the marker ``coordfail_claim``, so ``pytest --coordfail-claims
-m coordfail_claim`` runs the claims alone.
"""

from __future__ import annotations

import warnings

import pytest

__all__ = ["ClaimItem", "ClaimsCollector"]


def pytest_addoption(parser):
    group = parser.getgroup("coordfail", "coordfail: the paper's claims as tests")
    group.addoption("--coordfail-claims", nargs="?", const="", default=None, metavar="FILE_OR_MODULE",
                    help="collect the claims of a claims file, module or entry point (default: the toolkit's own "
                         "paper) as test items, each decided and spot-checked")
    group.addoption("--coordfail-samples", type=int, default=100_000, metavar="N",
                    help="draws per spot check (default 100000)")
    group.addoption("--coordfail-seed", type=int, default=0, metavar="S", help="seed of the spot-check draws")
    group.addoption("--coordfail-only", default="", metavar="PREFIXES",
                    help="comma-separated claim-id prefixes (e.g. S5,S2.brand)")


def pytest_configure(config):
    config.addinivalue_line("markers", "coordfail_claim: a registered claim of the paper, decided and spot-checked")


class ClaimFailure(Exception):
    """A claim whose verdict or spot check is not as expected."""


class ClaimItem(pytest.Item):
    """One claim of the paper: decide it, compare with its expected verdict (if any), run its spot check."""

    def __init__(self, *, claim_id: str, **kwargs):
        super().__init__(**kwargs)
        self.claim_id = claim_id
        self.add_marker("coordfail_claim")

    def runtest(self):
        from symbolic.errors import CoordfailError
        from symbolic.settings import Settings

        paper = _paper(self.config)
        claim = paper.claim(self.claim_id)
        settings = Settings(samples=self.config.getoption("coordfail_samples"),
                            seed=self.config.getoption("coordfail_seed"))
        try:
            self._check(paper, claim, settings)
        except CoordfailError as exc:  # the claim's own input is bad (a builder that raises): one line, no frames
            said = str(exc)
            raise ClaimFailure(said if said.startswith(f"claim {self.claim_id}:") else f"{self.claim_id}: {said}") \
                from None

    def _check(self, paper, claim, settings) -> None:
        from symbolic import Kind, Status

        from proofs.decide import decide_claim
        from proofs.spotchecks import spot_check_claim

        result = decide_claim(claim, settings=settings)
        self.user_properties.append(("verdict", result.scoped_verdict()))
        problems = []
        if result.judged and not result.as_expected:
            problems.append(f"verdict {result.status.value} ({result.verdict}), expected "
                            f"{claim.expected.value}" + (f" ({claim.expected_source})" if claim.expected_source else ""))
        elif result.status is Status.UNKNOWN:
            problems.append(f"unknown: {result.verdict.reason}")
        spot = spot_check_claim(paper, result, settings)
        self.user_properties.append(("spot_check", spot.as_dict()))
        if spot.violations:
            problems.append(f"spot check disagrees with the verdict on {spot.violations} of {spot.in_all} "
                            f"draws: {spot.detail}")
        elif result.status is Status.UNKNOWN and spot.found:  # a lead the engine lacked (floats alone are none)
            what = "refute the claim" if claim.kind is Kind.FORALL else "are instances"
            problems.append(f"the spot check's draws settle what the engine did not: {spot.found_text()} of "
                            f"{spot.in_all:,} draws {what}, exactly confirmed{spot.more_text()} ({spot.detail})")
        elif result.status is Status.UNKNOWN and spot.found_more:  # rounding at a tie fails a true equality too
            problems.append(f"no draw settles it exactly; {spot.found_more:,} float failures of {spot.in_all:,} "
                            f"draws were not re-decided and decide nothing ({spot.detail})")
        if not spot.samples and not problems:  # the verdict stands, but say that no draw confirmed it
            warnings.warn(pytest.PytestWarning(f"{self.claim_id}: the spot check evaluated no draw "
                                               f"({spot.why_nothing()}); the item checks the verdict alone"))
        checks = result.checks or ()
        if problems:
            raise ClaimFailure(f"{self.claim_id}: " + "; ".join(problems + [f"check: {w}" for w in checks]))
        for words in checks:  # a passing item whose input reads otherwise than it was decided
            warnings.warn(pytest.PytestWarning(f"{self.claim_id}: check: {words}"))
        if claim.expected is None and result.status is not Status.UNKNOWN:
            # it passes because nothing was expected of it: "PASSED" alone reads as "the claim holds"
            warnings.warn(pytest.PytestWarning(f"{self.claim_id}: {result.scoped_verdict()}, not judged (the claim "
                                               "has no expected verdict)"))

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, ClaimFailure):
            spec = self.config.getoption("coordfail_claims")
            # an item id (coordfail::A.7) is not a path pytest can select: say what reruns it
            return (f"{excinfo.value}\n(this claim alone: pytest --coordfail-claims{'=' + spec if spec else ''} "
                    f"--coordfail-only {self.claim_id})")
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self):
        return self.path, None, f"coordfail claim {self.claim_id}"


class ClaimsCollector(pytest.Collector):
    """The registered claims, in paper order."""

    def collect(self):
        from symbolic.errors import CoordfailError

        only = self.config.getoption("coordfail_only") or None
        paper = _paper(self.config)
        try:
            claims = paper.select(only)
        except CoordfailError as exc:  # a misspelt id is a usage error, as on the command line
            raise pytest.UsageError(f"--coordfail-only={only}: {exc}") from None
        for claim in claims:
            yield ClaimItem.from_parent(self, name=claim.id, claim_id=claim.id)


def _paper(config):
    """The paper named by --coordfail-claims (loaded once per session)."""
    paper = getattr(config, "_coordfail_paper", None)
    if paper is None:
        from proofs.paper import load_paper

        from symbolic.errors import CoordfailError

        spec = config.getoption("coordfail_claims")
        try:
            paper = load_paper(spec or None)
        except (CoordfailError, OSError, ImportError) as exc:  # a usage error, not an internal one
            raise pytest.UsageError(f"--coordfail-claims={spec}: {exc}") from None
        config._coordfail_paper = paper
    return paper


@pytest.hookimpl(tryfirst=True)  # before -k / -m deselect, so they apply to the claims too
def pytest_collection_modifyitems(session, config, items):
    if config.getoption("coordfail_claims") is None:
        return
    from _pytest.reports import CollectReport

    # the id is set: pytest would write "::coordfail" (no file), and items "::coordfail::A.7"
    collector = ClaimsCollector.from_parent(session, name="coordfail", nodeid="coordfail")
    claim_items = list(collector.collect())
    # report them like collected files, so counts and --collect-only include the claims
    config.hook.pytest_collectreport(report=CollectReport(collector.nodeid, "passed", None, claim_items))
    items.extend(claim_items)
