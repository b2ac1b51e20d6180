"""Root pytest configuration: modules that must not be imported for doctest collection, and SymPy's fact order."""

import os

collect_ignore = ["proofs/__main__.py", "examples", "benchmarks"]


def pytest_configure(config):
    # SymPy tries an object's facts in a random order (sympy.core.random._assumptions_rng, seeded from the OS), and
    # a wrong rule may show in some orders only: a run is reproducible with the order seeded (COORDFAIL_SYMPY_SEED
    # picks another).  tests/test_kind_rules.py tries many orders on purpose.
    from sympy.core.random import _assumptions_rng

    _assumptions_rng.seed(int(os.environ.get("COORDFAIL_SYMPY_SEED", "0")))
