"""CSV: one row per annotation, for spreadsheets.

Cells that a spreadsheet would run as a formula (starting ``=``, ``+``, ``-``,
``@``, a tab or a carriage return) get a leading ``'`` as OWASP recommends, unless
the raw text is asked for: passages and notes come from web pages and colleagues'
databases. Tags and links are JSON arrays, so a tag named ``a; b`` stays one tag.
"""

from __future__ import annotations

import csv
import json
from typing import TextIO

from store.formats.selection import Chosen, Paragraphs
from store.records import Annotation

CSV_COLUMNS = (
    "id", "article_id", "outlet", "title", "file", "paragraph", "start", "end", "tags",
    "passage", "note", "links", "created", "updated", "creator",
)  # fmt: skip

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection")."""

BOM = "\ufeff"
"""Written first for Excel, which otherwise reads UTF-8 as the system's code page."""


def neutralised(value: object) -> object:
    """A text cell that would start a formula, made plain text by a leading ``'``."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(chosen: Chosen, out: TextIO, *, raw: bool = False, excel: bool = False) -> None:
    """One row per annotation, tags and links as JSON arrays; formulas neutralised
    unless ``raw``; a BOM first for ``excel``."""
    if excel:
        out.write(BOM)
    rows = csv.writer(out)
    rows.writerow(CSV_COLUMNS)
    cells = (lambda row: row) if raw else (lambda row: [neutralised(cell) for cell in row])
    for article in chosen.articles:
        paragraphs = Paragraphs(chosen.store.article_text(article.id))
        for annotation in chosen.annotations(article):
            rows.writerow(
                cells(
                    [
                        annotation.id,
                        article.id,
                        article.label,
                        article.title,
                        article.url or article.file_name,
                        paragraphs.number(annotation.start),
                        annotation.start,
                        annotation.end,
                        _json(list(annotation.tags)),
                        annotation.exact,
                        annotation.note,
                        _json(_links(chosen, annotation)),
                        annotation.created,
                        annotation.updated,
                        annotation.creator,
                    ]
                )
            )


def _links(chosen: Chosen, annotation: Annotation) -> list[dict[str, str]]:
    found = []
    for link in chosen.store.links_of(annotation.id):
        other_id = link.target_id if link.source_id == annotation.id else link.source_id
        found.append(
            {
                "kind": link.kind,
                "other": other_id,
                "passage": chosen.store.annotation(other_id).exact,
                "note": link.note,
            }
        )
    return found


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False) if value else ""
