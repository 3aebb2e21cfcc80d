"""Fixtures shared by the suite: in-memory stores, seeded or not."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from store import Store, open_store
from store.db.seeds import seed_once


@pytest.fixture
def store() -> Iterator[Store]:
    """A fresh, migrated, empty in-memory store."""
    fresh = open_store(":memory:")
    yield fresh
    fresh.close()


@pytest.fixture
def seeded(store: Store) -> Store:
    """An in-memory store holding the five seed articles."""
    seed_once(store)
    return store


@pytest.fixture(autouse=True)
def a_known_user(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every store opened in a test acts as "tester", whoever runs the suite (golden
    files record who made each annotation)."""
    import getpass

    monkeypatch.setattr(getpass, "getuser", lambda: "tester")
