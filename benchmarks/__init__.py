"""Performance budgets for reader, checked by timing it in a real terminal.

Run ``python -m benchmarks [NAME ...] [--runs N] [--json]``; see benchmarks/README.md.
Budgets live here, not in the unit tests: timings are too noisy for the test suite.
"""
