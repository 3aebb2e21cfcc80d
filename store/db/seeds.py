"""The bundled seed articles, imported into a database on its first run only."""

from __future__ import annotations

import json
from pathlib import Path

from store.db.store import Store
from store.ingest.files import read_document

SEEDED = "seeds_imported"
"""The meta key recording that the seeds were imported once, so deleting one sticks."""


def seed_dir() -> Path:
    """Where the seeds are: inside the installed wheel, or beside the source tree."""
    here = Path(__file__).resolve().parents[1]  # the store package
    for candidate in (here / "_seeds", here.parent / "seeds"):
        if (candidate / "metadata.json").is_file():
            return candidate
    raise FileNotFoundError(f"the bundled seeds are missing (looked in {here / '_seeds'})")


def seed_metadata() -> list[dict[str, str]]:
    """Each seed's file name, outlet, headline, author, date and URL, in order."""
    meta = json.loads((seed_dir() / "metadata.json").read_text(encoding="utf-8"))
    return list(meta["articles"])


def import_seeds(store: Store) -> list[int]:
    """Add the seed articles with their metadata; returns their ids in order."""
    ids = []
    folder = seed_dir()
    for entry in seed_metadata():
        document = read_document(folder / entry["file"])
        article_id, _ = store.add_document(
            document,
            title=entry["headline"],
            outlet=entry["outlet"],
            author=entry.get("author") or "",
            published=entry.get("published") or "",
            url=entry.get("url") or "",
        )
        ids.append(article_id)
    return ids


def seed_story_name() -> str:
    """The name of the story the seeds make."""
    meta = json.loads((seed_dir() / "metadata.json").read_text(encoding="utf-8"))
    return str(meta["story"])


def seed_once(store: Store) -> list[int]:
    """Import the seeds, as a story of their own opened at once, unless this database
    already had them once."""
    if store.get_meta(SEEDED) is not None:
        return []
    ids = import_seeds(store)
    story = store.story_named(seed_story_name(), undoable=False)
    store.add_to_story(story.id, ids, undoable=False)
    if store.opened_story() is None:
        store.open_story(story.id)
    store.set_meta(SEEDED, ",".join(map(str, ids)))
    return ids
