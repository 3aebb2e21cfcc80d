"""Fuzzing ``reader import``: any JSON (annotation-shaped or not, deep, of any types)
either imports or is refused with one StoreError naming the file, and a refused file
leaves the database exactly as it was."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fuzzing import FUZZ_EXAMPLES, fingerprint
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store import Store, StoreError
from store.formats.importing import import_json

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False),
    st.text(max_size=30),
)
anything = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=25,
)
selector = st.fixed_dictionaries(
    {"type": st.sampled_from(["TextQuoteSelector", "TextPositionSelector"]) | anything},
    optional={
        "exact": st.sampled_from(["Sessions", "Kislyak", ""]) | anything,
        "prefix": anything,
        "suffix": anything,
        "start": st.integers(-5, 10_000) | anything,
        "end": anything,
    },
)
target = st.fixed_dictionaries(
    {},
    optional={
        "source": st.sampled_from(["urn:sha256:x", "000_76d8d049534e642a.txt"]) | anything,
        "selector": st.lists(selector, max_size=3) | selector | anything,
        "id": anything,
    },
)
body = st.fixed_dictionaries(
    {},
    optional={
        "type": st.sampled_from(["TextualBody", "SpecificResource"]) | anything,
        "purpose": st.sampled_from(["tagging", "commenting", "classifying"]) | anything,
        "value": anything,
        "id": anything,
    },
)
item = st.fixed_dictionaries(
    {"id": st.uuids().map(lambda u: f"urn:uuid:{u}") | anything},
    optional={
        "type": st.just("Annotation") | anything,
        "motivation": st.sampled_from(["linking", "tagging", "commenting"]) | anything,
        "target": target | st.lists(target, max_size=2) | anything,
        "body": st.lists(body | anything, max_size=3) | body | anything,
        "bodyValue": anything,
        "tags": st.lists(st.text(max_size=5) | anything, max_size=3) | anything,
        "text": anything,
        "uri": anything,
        "created": anything,
        "modified": anything,
        "creator": st.sampled_from(["acct:ann@hypothes.is", ""]) | anything,
        "user": anything,
        "references": anything,
        "linkKind": st.sampled_from(["contradicts", "nope"]) | anything,
        "document": anything,
        "group": anything,
    },
)
items = st.lists(item | anything, max_size=4)
shaped = st.one_of(
    items,
    item,
    st.fixed_dictionaries({"rows": items}, optional={"replies": items}),
    st.fixed_dictionaries({"annotations": items}),
    st.fixed_dictionaries(
        {"first": st.fixed_dictionaries({"items": items}) | anything},
        optional={"sources": st.lists(anything, max_size=2) | anything, "type": anything},
    ),
)


def _import(store: Store, path: Path, data: Any) -> None:
    before = fingerprint(store)
    path.write_text(json.dumps(data), encoding="utf-8")
    try:
        import_json(store, path)
    except StoreError as err:
        assert str(path) in str(err) or path.name in str(err)
        assert "\n" not in str(err)
        assert fingerprint(store) == before


@settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=anything)
def test_any_json_imports_or_is_refused_cleanly(seeded: Store, tmp_path: Path, data: Any) -> None:
    _import(seeded, tmp_path / "fuzz.json", data)


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_deep_nesting_is_refused(seeded: Store, tmp_path: Path, depth: int) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * depth + "]" * depth, encoding="utf-8")
    before = fingerprint(seeded)
    with pytest.raises(StoreError, match=r"deep\.json: (nested too deeply|no annotations)"):
        import_json(seeded, path)
    assert fingerprint(seeded) == before


def test_a_fifo_is_refused_at_once(seeded: Store, tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(StoreError, match=r"pipe\.json: not a regular file"):
        import_json(seeded, fifo)


@settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=shaped)
def test_annotation_shaped_json_imports_or_is_refused_cleanly(
    seeded: Store, tmp_path: Path, data: Any
) -> None:
    _import(seeded, tmp_path / "fuzz.json", data)


def test_lone_surrogates_become_replacement_characters(seeded: Store, tmp_path: Path) -> None:
    """JSON can escape a lone surrogate; SQLite cannot store one."""
    text = seeded.article_text(1)
    item = {
        "id": "urn:x:\\ud800id",
        "bodyValue": "note \\udfff here",
        "body": {"type": "TextualBody", "purpose": "tagging", "value": "t\\ud83d"},
        "target": {"source": "000_76d8d049534e642a.txt", "selector": {
            "type": "TextQuoteSelector", "exact": text[:20]}},
    }  # fmt: skip
    path = tmp_path / "s.json"
    path.write_text(json.dumps(item).replace("\\\\u", "\\u"), encoding="utf-8")
    report = import_json(seeded, path)
    assert report.added == 1
    (made,) = seeded.find_annotations()
    assert (made.id, made.note, made.tags) == ("urn:x:\ufffdid", "note \ufffd here", ("t\ufffd",))
