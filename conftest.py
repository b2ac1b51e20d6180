"""Root pytest configuration: modules that must not be imported for doctest collection."""

collect_ignore = ["proofs/__main__.py", "examples", "benchmarks"]
