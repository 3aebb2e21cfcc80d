"""The Markdown report researchers can cite: front matter, sources with bylines and
addresses, each passage with its date, annotator, id and a link back to it, and every
passage and note shown exactly as written by renderers that curl quotes, make dashes
and link addresses (markdown-it with typographer and linkify); CSL-JSON of the sources."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from test_export import WHEN, annotate, blockquotes, body

from store import Store, open_store
from store.formats.export import export
from store.formats.markdown_front import passage_url
from store.formats.selection import Selection

WIKIPEDIA = "https://en.wikipedia.org/wiki/Jeff_Sessions_(politician)"
HOSTILE = [
    "He said \"it's 'fine'\" -- then... nothing (c) +- ???? ,, (tm) -> <- <<>> 1/2",
    "see https://example.com/a_(b)?q=1&r=2, www.cnn.com and reader@example.org",
]


def typographer() -> MarkdownIt:
    """markdown-it at its most eager: smart quotes, replacements, links from addresses."""
    return (
        MarkdownIt("commonmark", {"typographer": True, "linkify": True})
        .enable(["replacements", "smartquotes", "linkify"])
        .enable("table")
    )


def report_of(store: Store, **selection: Any) -> str:
    out = io.StringIO()
    export(store, "markdown", out, Selection(generated=WHEN, **selection))
    return out.getvalue()


def test_front_matter_says_what_the_report_holds(seeded: Store) -> None:
    seeded.conn.execute("UPDATE articles SET url = ? WHERE id = 4", (WIKIPEDIA,))
    seeded.conn.commit()
    annotate(seeded)
    report = report_of(seeded)
    assert report.startswith("---\n")
    front = yaml.safe_load(report.split("\n---\n", 1)[0].removeprefix("---\n"))
    assert front["title"] == "Annotations"
    assert front["story"] == "Sessions recusal, 2 March 2017"
    assert front["generated"] == "2026-11-22T12:00:00Z"
    assert [s["outlet"] for s in front["sources"]][:2] == ["CNN", "CBS News"]
    assert front["sources"][3]["url"] == WIKIPEDIA
    assert front["sources"][0]["byline"].startswith("CNN staff")
    assert front["tags"] == [
        {"name": "quote", "count": 2}, {"name": "contradiction", "count": 1},
        {"name": "claim", "count": 1},
    ]  # fmt: skip


def test_sources_link_their_addresses_whole(seeded: Store) -> None:
    seeded.conn.execute("UPDATE articles SET url = ? WHERE id = 4", (WIKIPEDIA,))
    seeded.conn.commit()
    tokens = typographer().parse(body(report_of(seeded)))
    links = [t.attrs["href"] for t in tokens for t in t.children or [] if t.type == "link_open"]
    assert links == [WIKIPEDIA]


def test_each_passage_has_its_date_annotator_id_and_a_link_back(seeded: Store) -> None:
    seeded.conn.execute("UPDATE articles SET url = ? WHERE id = 4", (WIKIPEDIA,))
    seeded.conn.commit()
    seeded.set_setting("user.name", "Ada Lovelace")
    text = seeded.article_text(4)
    made = seeded.create_annotation(4, 0, 40, tags=["quote"])
    report = report_of(seeded)
    tokens = typographer().parse(body(report))
    inline = [t for token in tokens for t in token.children or []]
    assert f'<a id="a-{made.id}">' in [t.content for t in inline if t.type == "html_inline"]
    line = next(t.content for t in tokens if t.type == "inline" and made.id in t.content)
    assert f"{made.created[:10]} by Ada Lovelace" in line and f"id `{made.id}`" in line
    (back,) = [
        t.attrs["href"] for t in inline if t.type == "link_open" and "~:text=" in t.attrs["href"]
    ]
    assert back == passage_url(WIKIPEDIA, text[:40])
    assert back.startswith(WIKIPEDIA + "#:~:text=")


def test_text_fragments_name_long_passages_by_their_ends() -> None:
    assert passage_url("https://a.example/p#old", "one, two - three") == (
        "https://a.example/p#:~:text=one%2C%20two%20%2D%20three"
    )
    words = " ".join(f"w{n}" for n in range(30))
    assert passage_url("https://a.example/p", words).endswith(
        "#:~:text=w0%20w1%20w2%20w3%20w4,w25%20w26%20w27%20w28%20w29"
    )
    assert passage_url("", "x") == "" and passage_url("https://a b", "x") == ""


def _rendered_texts(report: str) -> list[str]:
    return blockquotes(report, typographer())


def test_hostile_passages_and_notes_render_exactly(store: Store) -> None:
    text = "Start.\n\n" + "\n\n".join(HOSTILE) + "\n\nEnd."
    article_id, _ = store.add_article(text, title="t", url="https://example.com/x")
    for passage in HOSTILE:
        start = text.index(passage)
        store.create_annotation(article_id, start, start + len(passage), note=passage)
    report = report_of(store)
    rendered = _rendered_texts(report)
    for passage in HOSTILE:
        assert rendered.count(passage) == 2, (passage, rendered)  # as passage and as note
    tokens = typographer().parse(body(report))
    hrefs = [c.attrs["href"] for t in tokens for c in t.children or [] if c.type == "link_open"]
    assert len(hrefs) == 3, "the source, and each passage's link back to it: nothing else"
    assert all(str(href).startswith("https://example.com/x") for href in hrefs)


awkward = (
    st.lists(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x85\u2028\u2029")
        | st.sampled_from(["'", '"', "--", "...", "(c)", "+-", "??", "://", ".com", "@", "www."]),
        min_size=1,
        max_size=20,
    )
    .map("".join)
    .filter(lambda s: s.strip() and "\x00" not in s)
)


@settings(
    max_examples=int(os.environ.get("EXAMPLES", 60)),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(passage=awkward, note=awkward)
def test_any_passage_and_note_render_exactly_under_a_typographer(passage: str, note: str) -> None:
    from store.text.clean import clean_text

    store = open_store(":memory:")
    text = clean_text("Start.\n\n" + passage + "\n\nEnd.")
    article_id, _ = store.add_article(text, title="t")
    start = len("Start.\n\n")
    made = store.create_annotation(article_id, start, start + len(clean_text(passage)), note=note)
    rendered = _rendered_texts(report_of(store))
    assert made.exact.strip("\n") in rendered and clean_text(note).strip("\n") in rendered


def test_csl_json_cites_the_sources(seeded: Store) -> None:
    seeded.conn.execute("UPDATE articles SET url = ? WHERE id = 4", (WIKIPEDIA,))
    seeded.conn.commit()
    out = io.StringIO()
    export(seeded, "csl", out, Selection(article_ids=[1, 4]))
    cnn, nbc = json.loads(out.getvalue())
    assert cnn == {
        "id": "cnn-2017-68592a",
        "type": "article-newspaper",
        "title": "Trump stands by Sessions after attorney general recuses himself",
        "container-title": "CNN",
        "author": [
            {
                "literal": "CNN staff (Evan Perez, Shimon Prokupecz, Jim Sciutto"
                " and others contributed)"
            }
        ],
        "issued": {"date-parts": [[2017, 3, 2]]},
        "accessed": cnn["accessed"],
    }
    assert len(cnn["accessed"]["date-parts"][0]) == 3
    assert nbc["URL"] == WIKIPEDIA and nbc["container-title"] == "NBC News"
    report = report_of(seeded)
    assert '- id: "cnn-2017-68592a"' in report, "the report's sources use the same keys"


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
def test_pandoc_keeps_every_passage_and_note_as_written(store: Store) -> None:
    """pandoc's Markdown reader has ``smart`` on: it would curl straight quotes and make
    dashes and ellipses of what is not escaped."""
    text = "Start.\n\n" + "\n\n".join(HOSTILE) + "\n\nEnd."
    article_id, _ = store.add_article(text, title="t", url=WIKIPEDIA)
    for passage in HOSTILE:
        start = text.index(passage)
        store.create_annotation(article_id, start, start + len(passage), note=passage)
    plain = subprocess.run(
        ["pandoc", "-f", "markdown", "-t", "plain", "--wrap=none"],
        input=report_of(store), capture_output=True, text=True, check=True, timeout=60,
    ).stdout  # fmt: skip
    for passage in HOSTILE:
        assert plain.count(passage) == 2, passage
