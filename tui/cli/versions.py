"""``reader orphans`` and ``reader diff``: annotations a new version of their article
could not take, and what changed between two versions of an article."""

from __future__ import annotations

import argparse
import json
import sys

from store import Store
from store.errors import StoreError
from store.records import Orphan
from store.text.worddiff import render
from tui.cli.common import OK, Subcommand, add_db_option, opened


def _orphans_arguments(parser: argparse.ArgumentParser) -> None:
    add_db_option(parser)
    parser.add_argument("--format", choices=("text", "json"), default="text")


def _orphan_json(store: Store, orphan: Orphan) -> dict[str, object]:
    annotation = orphan.annotation
    candidate = None
    if orphan.candidate is not None:
        start, end = orphan.candidate
        text = store.article_text(orphan.current)
        candidate = {"start": start, "end": end, "exact": text[start:end]}
    return {
        "id": annotation.id,
        "article": orphan.version.article,
        "version": orphan.version.number,
        "version_id": orphan.version.id,
        "versions": orphan.version.count,
        "start": annotation.start,
        "end": annotation.end,
        "exact": annotation.exact,
        "tags": list(annotation.tags),
        "note": annotation.note,
        "current_version_id": orphan.current,
        "candidate": candidate,
        "score": orphan.score,
        "kept": orphan.kept,
    }


def _orphans(args: argparse.Namespace) -> int:
    with opened(args) as store:
        orphans = store.orphans()
        rows = [_orphan_json(store, orphan) for orphan in orphans]
        store_texts = {o.current: store.article_text(o.current) for o in orphans}
    if args.format == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return OK
    if not rows:
        sys.stdout.write("no orphans: every annotation is on its article's current version\n")
        return OK
    for orphan in orphans:
        annotation, version = orphan.annotation, orphan.version
        kept = ", left there" if orphan.kept else ""
        tags = f" [{', '.join(annotation.tags)}]" if annotation.tags else ""
        sys.stdout.write(
            f"#{version.article} {version.label}{kept}: {_line(annotation.exact)}{tags}\n"
        )
        if orphan.candidate is not None:
            start, end = orphan.candidate
            found = store_texts[orphan.current][start:end]
            sys.stdout.write(
                f"  best place in #{orphan.current} (score {orphan.score:.2f}): {_line(found)}\n"
            )
        else:
            sys.stdout.write("  nothing like it in the current version\n")
    return OK


def _line(text: str, width: int = 100) -> str:
    """A passage on one line, quoted, shortened to ``width`` characters."""
    flat = " ".join(text.split())
    if len(flat) > width:
        flat = flat[: width - 1] + "…"
    return f"“{flat}”"


def _diff_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=int, help="the article's id (any of its versions' ids)")
    parser.add_argument(
        "versions",
        type=int,
        nargs="*",
        metavar="V",
        help="the two versions to compare, by number (default: the one before the "
        "current one, and the current one)",
    )
    add_db_option(parser)


def _diff(args: argparse.Namespace) -> int:
    if len(args.versions) not in (0, 2):
        raise StoreError("give two version numbers (V1 V2), or none")
    old, new = args.versions if args.versions else (None, None)
    with opened(args) as store:
        if len(store.versions(args.id)) < 2 and not args.versions:
            raise StoreError(f"article #{args.id} has one version only")
        found = store.version_diff(args.id, old, new)
    one, two = found.old, found.new
    sys.stdout.write(
        f"#{one.article} v{one.number} ({one.added[:16].replace('T', ' ')} UTC) → "
        f"v{two.number} ({two.added[:16].replace('T', ' ')} UTC): {found.diff.summary()}\n"
    )
    if found.diff.identical:
        return OK
    sys.stdout.write("\n" + render(found.diff))
    if not render(found.diff).endswith("\n"):
        sys.stdout.write("\n")
    for label, marked in (
        (f"v{one.number}", found.marked_old),
        (f"v{two.number}", found.marked_new),
    ):
        for annotation in marked:
            sys.stdout.write(
                f"! annotation on a changed passage of {label}: {_line(annotation.exact)}\n"
            )
    return OK


COMMANDS = (
    Subcommand(
        "orphans",
        "list the annotations a new version of their article could not take",
        _orphans_arguments,
        _orphans,
        "List the orphans: annotations left on an older version of their article because "
        "its newest version no longer holds their passage, each with the best place found "
        "for it there (text, or JSON).",
    ),
    Subcommand(
        "diff",
        "what changed between two versions of an article, word by word",
        _diff_arguments,
        _diff,
        "Print what changed between two versions of an article as a word diff: "
        "[-removed-] and {+added+} words, unchanged paragraphs folded, then the "
        "annotations on changed passages.",
    ),
)
