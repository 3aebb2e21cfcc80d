"""Invariants of the hand-checked evaluation set in compare_eval.json.

The set lists quotations shared by the seed articles (groups) and the differences between
the articles (discrepancies). Every span must point at its exact text in the seed file as the
app ingests it, and every group must span at least two different articles.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

HERE = Path(__file__).parent
SEEDS = HERE.parent / "seeds"
EVAL = HERE / "compare_eval.json"
KINDS = {"quote-wording", "number", "date", "name", "venue", "attribution", "other"}


def load_eval() -> dict:
    return json.loads(EVAL.read_text(encoding="utf-8"))


@cache
def seed_text(name: str) -> str:
    """The seed text with line endings normalized as at ingest (the seeds contain no \\r)."""
    with open(SEEDS / name, encoding="utf-8", newline="") as fh:
        text = fh.read()
    return text.replace("\r\n", "\n").replace("\r", "\n")


DATA = load_eval()
GROUPS = DATA["groups"]
DISCREPANCIES = DATA["discrepancies"]


def span_id(span: dict) -> str:
    return f"{span['file'][:3]}@{span['start']}"


def check_span(span: dict) -> None:
    assert set(span) >= {"file", "start", "end", "exact"}
    assert (SEEDS / span["file"]).is_file(), span["file"]
    assert isinstance(span["start"], int)
    assert isinstance(span["end"], int)
    assert 0 <= span["start"] < span["end"] <= len(seed_text(span["file"]))
    assert seed_text(span["file"])[span["start"] : span["end"]] == span["exact"]


def test_top_level_shape() -> None:
    assert set(DATA) == {"about", "groups", "discrepancies"}
    assert isinstance(DATA["about"], str)
    assert DATA["about"].strip()
    assert GROUPS
    assert DISCREPANCIES


@pytest.mark.parametrize("group", GROUPS, ids=lambda g: g["canonical"][:40])
def test_group(group: dict) -> None:
    assert group["speaker"].strip()
    assert group["canonical"].strip()
    for occurrence in group["occurrences"]:
        check_span(occurrence)
    files = {occurrence["file"] for occurrence in group["occurrences"]}
    assert len(files) >= 2, "a group must be quoted in at least two different articles"


def test_no_occurrence_in_two_groups() -> None:
    seen: set[tuple[str, int, int]] = set()
    for group in GROUPS:
        for occurrence in group["occurrences"]:
            key = (occurrence["file"], occurrence["start"], occurrence["end"])
            assert key not in seen, span_id(occurrence)
            seen.add(key)


@pytest.mark.parametrize("discrepancy", DISCREPANCIES, ids=lambda d: d["reason"][:40])
def test_discrepancy(discrepancy: dict) -> None:
    assert discrepancy["kind"] in KINDS
    assert discrepancy["reason"].strip()
    assert len(discrepancy["sides"]) >= 2
    for side in discrepancy["sides"]:
        check_span(side)
    assert len({side["file"] for side in discrepancy["sides"]}) >= 2
