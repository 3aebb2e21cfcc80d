"""Accepting a comparison suggestion tags and links both passages; dismissing sticks."""

from __future__ import annotations

from store import Store
from store.db.comparing import accept, compare


def test_accepting_after_renaming_the_tag_still_tags_both_passages(seeded: Store) -> None:
    comparison = compare(seeded)
    discrepancy = comparison.discrepancies[0]
    seeded.rename_tag("contradiction", "conflict")
    accept(seeded, discrepancy, discrepancy.id)
    for side in discrepancy.sides:
        (annotation,) = [
            a
            for a in seeded.annotations(side.article_id)
            if (a.start, a.end) == (side.start, side.end)
        ]
        assert annotation.tags == ("conflict",)
        assert seeded.links_of(annotation.id)[0].kind == discrepancy.link_kind


def test_accepting_after_deleting_the_tag_links_without_a_tag(seeded: Store) -> None:
    discrepancy = compare(seeded).discrepancies[0]
    seeded.delete_tag("contradiction")
    accept(seeded, discrepancy, discrepancy.id)
    side = discrepancy.sides[0]
    (annotation,) = [a for a in seeded.annotations(side.article_id) if a.start == side.start]
    assert annotation.tags == ()
    assert seeded.links_of(annotation.id)
