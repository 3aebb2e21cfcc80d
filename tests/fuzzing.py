"""Shared by the fuzz tests: how many examples, and what "the database is unchanged" means.

CI runs ``FUZZ_EXAMPLES`` examples of each fuzzer (at least 1,000); a longer run by
hand: ``READER_FUZZ_EXAMPLES=20000 .venv/bin/python -m pytest tests/test_fuzz_*.py``.
"""

from __future__ import annotations

import hashlib
import os

from store import Store

FUZZ_EXAMPLES = int(os.environ.get("READER_FUZZ_EXAMPLES", "1000"))


def fingerprint(store: Store) -> str:
    """A hash of every row of every table, in a stable order: equal fingerprints, equal
    databases (as far as a user can tell)."""
    digest = hashlib.sha256()
    for line in store.conn.iterdump():
        digest.update(line.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()
