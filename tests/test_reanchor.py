"""Re-anchoring: ``anchor`` and ``find_passage`` (import and merge), ``reanchor`` (a
new version of an article), the alignment and word diff of two versions; property
tests of what no edit may do."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from store.text.anchor import MIN_SCORE, anchor, find_passage, quote_selector
from store.text.changes import align
from store.text.reanchor import Passage, reanchor
from store.text.worddiff import render, word_diff

SEED = (Path(__file__).parent.parent / "seeds" / "000_76d8d049534e642a.txt").read_text("utf-8")
QUOTE = "Sessions bowed to intense political pressure and recused himself"
AT = SEED.index(QUOTE)


def selector(text: str, start: int, end: int) -> tuple[str, str, str]:
    return quote_selector(text, start, end)


def test_anchor_finds_the_passage_where_it_was() -> None:
    assert anchor(SEED, *selector(SEED, AT, AT + len(QUOTE)), AT) == (AT, AT + len(QUOTE))


def test_anchor_follows_a_moved_passage_by_its_quote() -> None:
    moved = "A new first paragraph.\n\n" + SEED
    found = anchor(moved, *selector(SEED, AT, AT + len(QUOTE)), AT)
    assert found is not None and moved[found[0] : found[1]] == QUOTE


def test_a_pasted_line_break_where_the_text_has_a_space_still_attaches() -> None:
    exact = QUOTE.replace("political pressure", "political\npressure")
    found = anchor(SEED, exact, "", "", None)
    assert found == (AT, AT + len(QUOTE))


def test_straightened_quotes_still_attach() -> None:
    start = SEED.index("“Jeff Sessions is an honest man.")
    end = start + len("“Jeff Sessions is an honest man.")
    straight = SEED.replace("“", '"').replace("”", '"')
    found = anchor(straight, *selector(SEED, start, end), start)
    assert found == (start, end)


def test_an_edited_quote_is_found_approximately_with_a_score() -> None:
    edited = SEED.replace("bowed to intense", "bowed to heavy")
    found = find_passage(edited, *selector(SEED, AT, AT + len(QUOTE)), AT)
    assert found is not None and found.placed and found.method == "fuzzy"
    assert edited[found.start : found.end] == QUOTE.replace("intense", "heavy")
    assert MIN_SCORE <= found.score < 1


def test_words_no_outlet_wrote_are_not_attached() -> None:
    assert anchor(SEED, "words no outlet wrote", "", "", 0) is None


def test_a_short_quote_without_its_context_is_not_attached() -> None:
    start = SEED.index("Sessions bowed")
    exact, prefix, suffix = selector(SEED, start, start + len("Sessions"))
    removed = SEED.replace(SEED[start - 40 : start + 60], "")
    found = find_passage(removed, exact, prefix, suffix, start)
    assert found is None or not found.placed


def test_the_passage_edited_in_place_beats_an_exact_copy_elsewhere() -> None:
    """Hypothesis' client takes the copy: any exact occurrence before approximate ones."""
    new = SEED.replace("bowed to intense", "bowed to heavy") + "\n\nPull quote: " + QUOTE + ".\n"
    (move,) = reanchor(
        SEED, new, [Passage("a", AT, AT + len(QUOTE), *selector(SEED, AT, AT + len(QUOTE)))]
    )
    assert move.placed and move.placement is not None
    assert new[move.placement.start : move.placement.end] == QUOTE.replace("intense", "heavy")


def test_a_removed_passage_is_an_orphan_with_its_best_candidate() -> None:
    start = SEED.index("Jeff Sessions is an honest man")
    end = start + len("Jeff Sessions is an honest man")
    new = SEED.replace("Jeff Sessions is an honest man. ", "")
    (move,) = reanchor(SEED, new, [Passage("a", start, end, *selector(SEED, start, end))])
    assert not move.placed


def test_reanchor_reports_progress() -> None:
    calls: list[tuple[int, int]] = []
    passages = [
        Passage(str(n), n * 10, n * 10 + 5, *selector(SEED, n * 10, n * 10 + 5)) for n in range(600)
    ]
    reanchor(SEED, "New.\n\n" + SEED, passages, lambda done, total: calls.append((done, total)))
    assert calls[0] == (0, 600) and calls[-1] == (600, 600)


def test_alignment_covers_both_versions_and_maps_offsets() -> None:
    new = "Top.\n\n" + SEED.replace("intense", "heavy")
    alignment = align(SEED, new)
    assert alignment.runs[0].old_start == 0 and alignment.runs[-1].old_end == len(SEED)
    assert alignment.runs[-1].new_end == len(new)
    for run in alignment.runs:
        if run.same:
            assert SEED[run.old_start : run.old_end] == new[run.new_start : run.new_end]
    assert alignment.start_in_new(AT) == AT + len("Top.\n\n")


def test_word_diff_marks_words_and_folds_unchanged_paragraphs() -> None:
    new = SEED.replace("bowed to intense", "bowed to heavy")
    diff = word_diff(SEED, new)
    shown = render(diff)
    assert "[-intense-]{+heavy+}" in shown
    assert "unchanged paragraphs" in shown
    assert (diff.added_words, diff.removed_words) == (1, 1)
    assert diff.touches(AT, AT + len(QUOTE), new=False)
    assert not word_diff(SEED, SEED).hunks


# -- properties ---------------------------------------------------------------------------

PARAGRAPHS = [p for p in SEED.split("\n\n") if len(p) > 60]

edits = st.lists(
    st.tuples(
        st.sampled_from(["insert", "remove", "move", "spaces"]),
        st.integers(0, len(PARAGRAPHS) - 1),
        st.integers(0, len(PARAGRAPHS) - 1),
    ),
    max_size=4,
)


def _apply(paragraphs: list[str], operations: list[tuple[str, int, int]], keep: int) -> list[str]:
    """Edits that leave paragraph ``keep`` intact (it may move)."""
    result = list(paragraphs)
    kept = result[keep]
    for kind, one, two in operations:
        one %= len(result)
        two %= len(result)
        if kind == "insert":
            result.insert(one, f"An update inserted here, number {two}.")
        elif kind == "remove" and result[one] is not kept and len(result) > 2:
            del result[one]
        elif kind == "move":
            result.insert(two, result.pop(one))
        elif kind == "spaces" and result[one] is not kept:
            result[one] = result[one].replace(" ", "  ", 3)
    return result


@settings(max_examples=60, deadline=None)
@given(edits, st.integers(0, len(PARAGRAPHS) - 1), st.data())
def test_an_intact_passage_stays_or_goes_where_it_moved(
    operations: list[tuple[str, int, int]], keep: int, data: st.DataObject
) -> None:
    old = "\n\n".join(PARAGRAPHS)
    paragraph = PARAGRAPHS[keep]
    begin = data.draw(st.integers(0, len(paragraph) - 20))
    length = data.draw(st.integers(12, min(200, len(paragraph) - begin)))
    at = old.index(paragraph) + begin
    new_paragraphs = _apply(PARAGRAPHS, operations, keep)
    new = "\n\n".join(new_paragraphs)
    (move,) = reanchor(old, new, [Passage("a", at, at + length, *selector(old, at, at + length))])
    if move.placed:
        assert move.placement is not None
        assert new[move.placement.start : move.placement.end] == old[at : at + length]
        where = new.index(paragraph) if new.count(paragraph) == 1 else None
        if where is not None:
            assert move.placement.start == where + begin


@settings(max_examples=100, deadline=None)
@given(st.integers(0, len(PARAGRAPHS) - 1), st.data())
def test_a_removed_passage_is_never_placed_elsewhere(keep: int, data: st.DataObject) -> None:
    old = "\n\n".join(PARAGRAPHS)
    paragraph = PARAGRAPHS[keep]
    begin = data.draw(st.integers(0, len(paragraph) - 10))
    length = data.draw(st.integers(1, min(120, len(paragraph) - begin)))
    at = old.index(paragraph) + begin
    new = "\n\n".join(p for i, p in enumerate(PARAGRAPHS) if i != keep)
    (move,) = reanchor(old, new, [Passage("a", at, at + length, *selector(old, at, at + length))])
    # Its words may be elsewhere (a name, "the"), but that text was there before:
    # another passage, never taken for this one.
    assert not move.placed
