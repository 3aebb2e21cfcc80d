"""CSL-JSON of the sources, for Zotero, pandoc and other reference managers: each
article as an ``article-newspaper`` with its title, outlet, byline, date, address and
when it was imported (``accessed``)."""

from __future__ import annotations

import json
import re
from typing import Any, TextIO

from store.formats.selection import Chosen
from store.records import Article

_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_WORDS = re.compile(r"[^a-z0-9]+")


def date_parts(value: str) -> dict[str, Any] | None:
    """An ISO 8601 date (or its year, or year and month) as CSL's date-parts; a date
    in another form kept as ``raw``; None for none."""
    if not value.strip():
        return None
    found = _DATE.match(value.strip())
    if found is None:
        return {"raw": value.strip()}
    return {"date-parts": [[int(part) for part in found.groups() if part]]}


def citation_key(article: Article) -> str:
    """A key pandoc accepts (``@cnn-2017-68592a``): outlet, year, start of the text's hash."""
    outlet = _WORDS.sub("-", (article.outlet or article.file_name or "article").lower()).strip("-")
    year = article.published[:4] if article.published[:4].isdigit() else "nd"
    return f"{outlet or 'article'}-{year}-{article.content_hash[:6]}"


def csl_json(article: Article) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": citation_key(article),
        "type": "article-newspaper",
        "title": article.title,
    }
    if article.outlet:
        item["container-title"] = article.outlet
    if article.author:
        # Bylines are free text ("CNN staff (... contributed)"): kept whole, not guessed
        # into given and family names.
        item["author"] = [{"literal": article.author}]
    if issued := date_parts(article.published):
        item["issued"] = issued
    if article.url:
        item["URL"] = article.url
    if accessed := date_parts(article.added[:10]):
        item["accessed"] = accessed
    return item


def write_csl(chosen: Chosen, out: TextIO) -> None:
    json.dump([csl_json(a) for a in chosen.articles], out, ensure_ascii=False, indent=1)
    out.write("\n")
