"""pytest plugin (entry point ``pytest11``): ``pytest --coordfail-claims`` adds every registered claim as a test.

Each claim becomes one item, ``coordfail::S5.4``: the claim is decided by the
engine, its verdict compared with the expected one (MODEL.md), and its numeric
spot check run; the item fails if the verdict differs from the expectation or
the spot check disagrees with the verdict (naming the draw).  Options:

* ``--coordfail-claims`` -- collect the claims (off by default: nothing is imported otherwise);
* ``--coordfail-samples N`` -- draws per spot check (default 100000);
* ``--coordfail-seed S`` -- seed of the draws (default 0);
* ``--coordfail-only PREFIX[,PREFIX]`` -- only claims whose id starts with a prefix.

The items carry the marker ``coordfail_claim``, so ``pytest --coordfail-claims
-m coordfail_claim`` runs the claims alone.
"""

from __future__ import annotations

import pytest

__all__ = ["ClaimItem", "ClaimsCollector"]


def pytest_addoption(parser):
    group = parser.getgroup("coordfail", "coordfail: the paper's claims as tests")
    group.addoption("--coordfail-claims", action="store_true", default=False,
                    help="collect every registered claim as a test item with its numeric spot check")
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
    """One registered claim: decide it, compare with MODEL.md, run its spot check."""

    def __init__(self, *, claim_id: str, **kwargs):
        super().__init__(**kwargs)
        self.claim_id = claim_id
        self.add_marker("coordfail_claim")

    def runtest(self):
        from proofs.registry import SPOT_CHECKS, decide_claim, get_claim

        claim = get_claim(self.claim_id)
        result = decide_claim(claim)
        problems = []
        if not result.as_expected:
            problems.append(f"verdict {result.status.value} ({result.verdict}), MODEL.md expects "
                            f"{claim.expected.value} ({claim.expected_source})")
        check = SPOT_CHECKS.get(self.claim_id)
        if check is None:
            problems.append("no spot check is registered for this claim")
        else:
            spot = check(result, self.config.getoption("coordfail_samples"), self.config.getoption("coordfail_seed"))
            self.user_properties.append(("spot_check", spot.as_dict()))
            if spot.violations:
                problems.append(f"spot check disagrees with the verdict on {spot.violations} of {spot.samples} "
                                f"draws: {spot.detail}")
        if problems:
            raise ClaimFailure(f"{self.claim_id}: " + "; ".join(problems))

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, ClaimFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self):
        return self.path, None, f"coordfail claim {self.claim_id}"


class ClaimsCollector(pytest.Collector):
    """The registered claims, in paper order."""

    def collect(self):
        from proofs.registry import claims

        prefixes = [p for p in self.config.getoption("coordfail_only").split(",") if p.strip()]
        for claim in claims(prefixes or None):
            yield ClaimItem.from_parent(self, name=claim.id, claim_id=claim.id)


@pytest.hookimpl(tryfirst=True)  # before -k / -m deselect, so they apply to the claims too
def pytest_collection_modifyitems(session, config, items):
    if not config.getoption("coordfail_claims"):
        return
    from _pytest.reports import CollectReport

    collector = ClaimsCollector.from_parent(session, name="coordfail")
    claim_items = list(collector.collect())
    # report them like collected files, so counts and --collect-only include the claims
    config.hook.pytest_collectreport(report=CollectReport(collector.nodeid, "passed", None, claim_items))
    items.extend(claim_items)
