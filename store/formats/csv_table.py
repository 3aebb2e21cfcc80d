"""CSV: one row per annotation, for spreadsheets."""

from __future__ import annotations

import csv
from typing import TextIO

from store.formats.selection import Chosen, Paragraphs

CSV_COLUMNS = (
    "id", "outlet", "title", "file", "paragraph", "start", "end", "tags", "passage", "note",
    "links", "created", "updated",
)  # fmt: skip


def write_csv(chosen: Chosen, out: TextIO) -> None:
    """One row per annotation; tags joined by "; ", links as "kind: other passage"."""
    rows = csv.writer(out)
    rows.writerow(CSV_COLUMNS)
    for article in chosen.articles:
        paragraphs = Paragraphs(chosen.store.article_text(article.id))
        for annotation in chosen.annotations(article):
            links = []
            for link in chosen.store.links_of(annotation.id):
                other_id = link.target_id if link.source_id == annotation.id else link.source_id
                links.append(f"{link.kind}: {chosen.store.annotation(other_id).exact}")
            rows.writerow(
                (
                    annotation.id,
                    article.label,
                    article.title,
                    article.url or article.file_name,
                    paragraphs.number(annotation.start),
                    annotation.start,
                    annotation.end,
                    "; ".join(annotation.tags),
                    annotation.exact,
                    annotation.note,
                    "; ".join(links),
                    annotation.created,
                    annotation.updated,
                )
            )
