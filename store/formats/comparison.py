"""The comparison written out: JSON for other programs (README documents the shape)
and a Markdown summary."""

from __future__ import annotations

from typing import Any

from store.compare.findings import Comparison, Side
from store.formats.markdown_text import cell, escape_markdown


def to_json(comparison: Comparison) -> dict[str, Any]:
    """The comparison as plain data (README documents the shape)."""
    by_id = {a.id: a for a in comparison.articles}

    def side(s: Side) -> dict[str, Any]:
        article = by_id[s.article_id]
        return {
            "article": article.file_name or article.url or article.label,
            "outlet": article.outlet,
            "start": s.start,
            "end": s.end,
            "exact": s.exact,
        }

    return {
        "articles": [
            {"id": a.id, "outlet": a.outlet, "title": a.title, "source": a.url or a.file_name}
            for a in comparison.articles
        ],
        "groups": [
            {
                "id": g.id,
                "speaker": g.speaker,
                "canonical": g.canonical,
                "occurrences": [
                    {**side(o), "speaker": o.speaker, "variant": o.variant, "partial": o.partial}
                    for o in g.occurrences
                ],
            }
            for g in comparison.groups
        ],
        "discrepancies": [
            {
                "id": d.id,
                "kind": d.kind,
                "reason": d.reason,
                "status": comparison.decisions.get(d.id, "open"),
                "sides": [side(s) for s in d.sides],
                "each_side": [[side(s) for s in passages] for passages in d.each_side],
            }
            for d in comparison.discrepancies
        ],
    }


def to_markdown(comparison: Comparison) -> str:
    articles = comparison.articles
    lines = ["# Comparison", "", "## Quotations carried by several articles", ""]
    lines.append("| Speaker | Quotation | " + " | ".join(cell(a.label) for a in articles) + " |")
    lines.append("| --- | --- |" + " --- |" * len(articles))
    for group in comparison.groups:
        marks = [group.status(a.id).replace("absent", "") for a in articles]
        lines.append(
            f"| {cell(group.speaker)} | {cell(group.canonical)} | " + " | ".join(marks) + " |"
        )
    lines += ["", "## Discrepancies", ""]
    for d in comparison.open_discrepancies():
        status = comparison.decisions.get(d.id, "open")
        lines.append(f"- **{d.kind}** ({status}): {escape_markdown(d.reason)}")
    return "\n".join(lines) + "\n"
