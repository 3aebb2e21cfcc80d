"""Hypothesis' JSON, out: what h's ``POST /api/annotations`` accepts, one object per
annotation in a JSON array (links, which Hypothesis cannot hold, are listed apart).

h's ``CreateAnnotationSchema`` (h/schemas/annotation.py) requires ``uri``, and
``target`` as an array of objects whose ``selector`` is an array of typed
selectors; ``text``, ``tags``, ``group`` and ``document`` are optional and kept
here. Nothing else is sent: h would store unknown fields as ``extra`` and ignores
``id``, ``user``, ``created`` and ``updated`` (set by the server). With no
``permissions``, h keeps each annotation private to whoever posts it.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from store.formats.selection import Chosen
from store.formats.w3c import source_id
from store.records import Annotation, Article

PUBLIC = "__world__"
"""Hypothesis' public group, where an annotation goes unless it came from another."""


def origin_of(annotation: Annotation) -> dict[str, str]:
    """What Hypothesis said of an imported annotation (``Annotation.origin``)."""
    try:
        found = json.loads(annotation.origin) if annotation.origin else {}
    except ValueError:
        return {}
    return {k: v for k, v in found.items() if isinstance(v, str)} if isinstance(found, dict) else {}


def hypothesis_json(annotation: Annotation, article: Article) -> dict[str, Any]:
    """One annotation as h's POST /api/annotations takes it."""
    origin = origin_of(annotation)
    uri = article.url or origin.get("uri") or source_id(article)
    title = (article.title or origin.get("title", "")).strip()
    item: dict[str, Any] = {
        "uri": uri,
        "text": annotation.note,
        "tags": list(annotation.tags),
        "group": origin.get("group", PUBLIC),
        "target": [
            {
                "source": uri,
                "selector": [
                    {
                        "type": "TextQuoteSelector",
                        "exact": annotation.exact,
                        "prefix": annotation.prefix,
                        "suffix": annotation.suffix,
                    },
                    {
                        "type": "TextPositionSelector",
                        "start": annotation.start,
                        "end": annotation.end,
                    },
                ],
            }
        ],
    }
    if title:
        item["document"] = {"title": [title]}
    return item


def write_hypothesis(chosen: Chosen, out: TextIO) -> list[str]:
    """A JSON array of the annotations to POST to h, one by one; the links left out,
    one line each (Hypothesis has nothing to hold a link between two passages)."""
    out.write("[")
    first = True
    for article in chosen.articles:
        for annotation in chosen.annotations(article):
            out.write("\n" if first else ",\n")
            out.write(json.dumps(hypothesis_json(annotation, article), ensure_ascii=False))
            first = False
    out.write("\n]\n" if not first else "]\n")
    return [
        f"link {link.kind} ({link.id}) left out: Hypothesis cannot hold links"
        f" ({source.exact[:40]!r} and {target.exact[:40]!r})"
        for link, source, target in chosen.links()
    ]
