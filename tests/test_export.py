"""Export and import: golden files, Markdown structure, JSON round trips, bad input, CLI."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from store import Store, StoreError, open_store
from store.db.seeds import seed_once
from store.formats.export import export
from store.formats.importing import import_json
from store.formats.markdown_text import escape_markdown
from store.formats.selection import Selection
from store.formats.w3c import annotation_json, link_json
from store.formats.w3c_items import JsonItems
from store.records import Annotation, Article, Link

GOLDEN = Path(__file__).parent / "golden"
WHEN = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
FIXED = "2026-11-22T12:00:00.000+00:00"


def annotate(store: Store) -> None:
    """A small fixed set: tags, a note with Markdown in it, links of three kinds."""
    cnn, cbs, glob = (a.id for a in store.articles()[:3])
    cnn_text, cbs_text = store.article_text(cnn), store.article_text(cbs)
    quote = '"I never had meetings with Russian operatives'
    a = store.create_annotation(cnn, 0, 33, tags=["quote"], note="# not a heading | [x](y)")
    start = cbs_text.index(quote)
    b = store.create_annotation(cbs, start, start + len(quote), tags=["quote", "claim"])
    c = store.create_annotation(glob, 0, 20, tags=["contradiction"])
    store.add_link(a.id, b.id, "contradicts", "dates differ")
    store.add_link(a.id, c.id, "same-quote")
    store.add_link(b.id, c.id, "corroborates")
    assert cnn_text
    # Fixed times and ids so the golden files stay put.
    for n, (old,) in enumerate(
        store.conn.execute("SELECT id FROM annotations ORDER BY start, article_id").fetchall()
    ):
        store.conn.execute("PRAGMA foreign_keys = OFF")
        new = f"00000000-0000-4000-8000-00000000000{n}"
        for sql in ("UPDATE annotations SET id = ?, created = ?, updated = ? WHERE id = ?",):
            store.conn.execute(sql, (new, FIXED, FIXED, old))
        store.conn.execute(
            "UPDATE annotation_tags SET annotation_id = ? WHERE annotation_id = ?", (new, old)
        )
        store.conn.execute("UPDATE links SET source_id = ? WHERE source_id = ?", (new, old))
        store.conn.execute("UPDATE links SET target_id = ? WHERE target_id = ?", (new, old))
    for n, (old,) in enumerate(store.conn.execute("SELECT id FROM links ORDER BY kind").fetchall()):
        new = f"00000000-0000-4000-9000-00000000000{n}"
        store.conn.execute("UPDATE links SET id = ?, created = ? WHERE id = ?", (new, FIXED, old))
    store.conn.commit()
    store.conn.execute("PRAGMA foreign_keys = ON")


def exported(store: Store, format: str, **selection: object) -> str:
    out = io.StringIO()
    export(store, format, out, Selection(generated=WHEN, **selection))  # type: ignore[arg-type]
    return out.getvalue()


@pytest.mark.parametrize(
    ("format", "name"),
    [("markdown", "report.md"), ("json", "annotations.json"), ("csv", "annotations.csv")],
)
def test_golden_files(seeded: Store, format: str, name: str) -> None:
    annotate(seeded)
    text = exported(seeded, format)
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        with open(golden, "w", encoding="utf-8", newline="") as out:
            out.write(text)
    with open(golden, encoding="utf-8", newline="") as expected:
        assert text == expected.read(), "read the diff, then UPDATE_GOLDEN=1 if it is right"


def body(report: str) -> str:
    """The report without its YAML front matter (CommonMark has none: it would read the
    fences as a rule and a heading)."""
    if report.startswith("---\n"):
        return report.split("\n---\n", 1)[1]
    return report


def blockquotes(markdown: str, parser: MarkdownIt | None = None) -> list[str]:
    """The text of each top-level blockquote, its lines joined by newlines."""
    tokens = (parser or MarkdownIt("commonmark").enable("table")).parse(body(markdown))
    found, depth, current = [], 0, []
    for token in tokens:
        if token.type == "blockquote_open":
            depth += 1
            current = []
        elif token.type == "blockquote_close":
            depth -= 1
            found.append("\n\n".join(current))
        elif depth and token.type == "inline":
            parts = []
            for child in token.children or []:
                if child.type == "text":
                    parts.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    parts.append("\n")
                else:
                    parts.append(f"<{child.type}>")
            current.append("".join(parts))
    return found


def test_markdown_report_structure(seeded: Store) -> None:
    annotate(seeded)
    report = exported(seeded, "markdown")
    tokens = MarkdownIt("commonmark").enable("table").parse(body(report))
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[:2] == ["Annotations", "Sources"]
    assert "Contradictions" in headings and "Other links" in headings
    assert "Same quotation, by outlet" in headings
    passages = [a.exact for article in seeded.articles() for a in seeded.annotations(article.id)]
    notes = [
        a.note for article in seeded.articles() for a in seeded.annotations(article.id) if a.note
    ]
    quoted = blockquotes(report)
    for text in passages + notes:
        assert text in quoted
    assert not any(t.type == "html_block" for t in tokens)
    inline = [child for t in tokens for child in t.children or []]
    anchors = [t.content for t in inline if t.type == "html_inline" and t.content != "</a>"]
    assert anchors == [f'<a id="a-{a.id}">' for a in seeded.find_annotations()]
    assert not any(t.type == "link_open" for t in inline), "the seeds have no address"


def test_markdown_by_tag_and_filters(seeded: Store) -> None:
    annotate(seeded)
    by_tag = exported(seeded, "markdown", by="tag")
    assert "## quote" in by_tag and "## contradiction" in by_tag
    only_claims = exported(seeded, "markdown", tags=["claim"])
    assert len(blockquotes(only_claims)) == 1
    with pytest.raises(StoreError, match="no tag named 'nope'"):
        exported(seeded, "markdown", tags=["nope"])
    with pytest.raises(StoreError, match="no article with id 99"):
        exported(seeded, "markdown", article_ids=[99])


awkward = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x85\u2028\u2029"),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() and "\x00" not in s)


@settings(
    max_examples=int(os.environ.get("EXAMPLES", 60)),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(passage=awkward, note=awkward)
def test_any_passage_and_note_survive_markdown_and_json(
    tmp_path_factory: pytest.TempPathFactory, passage: str, note: str
) -> None:
    from store.text.clean import clean_text

    text = clean_text("Start.\n\n" + passage + "\n\nEnd.")
    folder = tmp_path_factory.mktemp("round")
    store = open_store(":memory:")
    article_id, _ = store.add_article(text, title="t")
    start = len("Start.\n\n")
    end = start + len(clean_text(passage))
    made = store.create_annotation(article_id, start, end, tags=["quote"], note=note)
    quoted = blockquotes(exported(store, "markdown"))
    # The report leaves out newlines at a passage's or note's ends; JSON keeps all.
    assert made.exact.strip("\n") in quoted and clean_text(note).strip("\n") in quoted
    path = folder / "a.json"
    path.write_text(exported(store, "json"), encoding="utf-8")
    other = open_store(":memory:")
    other.add_article(text, title="t")
    report = import_json(other, path)
    assert report.added == 1 and not report.unattached
    (back,) = other.annotations(other.articles()[0].id)
    assert (back.id, back.start, back.end, back.exact, back.note, back.tags) == (
        made.id, made.start, made.end, made.exact, made.note, made.tags,
    )  # fmt: skip


def test_json_round_trip_is_identical_and_import_is_idempotent(
    seeded: Store, tmp_path: Path
) -> None:
    annotate(seeded)
    first = exported(seeded, "json")
    path = tmp_path / "a.json"
    path.write_text(first, encoding="utf-8")
    fresh = open_store(tmp_path / "fresh.db")
    seed_once(fresh)
    report = import_json(fresh, path)
    assert (report.added, report.links, report.unattached) == (3, 3, [])
    assert exported(fresh, "json") == first
    again = import_json(fresh, path)
    assert (again.added, again.already, again.links) == (0, 3, 0)
    assert exported(fresh, "json") == first
    assert fresh.undo() == "import a.json"
    assert fresh.find_annotations() == []
    assert fresh.redo() == "import a.json"
    assert exported(fresh, "json") == first, "redo puts back every row the import added"
    fresh.close()


anything = st.text(
    st.one_of(
        st.sampled_from('"\\/\n\r\t\b\f\x00\x1f\x7f\x85\u2028\ud800\udfffé😀'), st.characters()
    ),
    max_size=12,
)
"""Any text, lone surrogates included (SQLite refuses those; the formatter need not)."""


@settings(max_examples=int(os.environ.get("EXAMPLES", 60)) * 3, deadline=None)
@given(
    texts=st.lists(anything, min_size=12, max_size=12),
    ids=st.lists(st.uuids().map(str) | anything, min_size=3, max_size=3),
    tags=st.lists(anything, max_size=3, unique=True),
    note=st.sampled_from(["", "a note"]) | anything,
    start=st.integers(0, 2**40),
)
def test_json_items_are_the_reference_json(
    texts: list[str], ids: list[str], tags: list[str], note: str, start: int
) -> None:
    exact, prefix, suffix, when, kind, link_note, creator, origin, *hashes = texts
    ident, other_id, link_id = ids
    one, two = (
        Article(n, "t", "o", "", "", "", "", content, "", 9)
        for n, content in ((1, hashes[0]), (2, hashes[1]))
    )
    annotation = Annotation(
        ident, 1, start, start + 5, exact, prefix, suffix, note, when, "u", tuple(tags),
        creator, origin,
    )  # fmt: skip
    other = Annotation(other_id, 2, 0, 1, suffix, exact, prefix, "", when, when + "+00:00")
    link = Link(link_id, ident, other_id, kind, link_note, when, hashes[2])
    items = JsonItems()
    for _ in range(2):  # the second time from what the first kept
        assert items.annotation(annotation, one) == json.dumps(
            annotation_json(annotation, one), ensure_ascii=False
        )
        assert items.annotation(other, two) == json.dumps(
            annotation_json(other, two), ensure_ascii=False
        )
        assert items.link(link) == json.dumps(link_json(link), ensure_ascii=False)


def test_import_reanchors_moved_passages_and_reports_what_it_cannot_attach(
    seeded: Store, tmp_path: Path
) -> None:
    annotate(seeded)
    data = json.loads(exported(seeded, "json"))
    items = data["first"]["items"]
    items[0]["target"]["selector"][1]["start"] += 5  # a stale position
    items[1]["target"]["selector"][0]["exact"] = "words no outlet wrote"
    items[2]["target"]["source"] = "urn:sha256:unknown"
    path = tmp_path / "a.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    fresh = open_store(":memory:")
    seed_once(fresh)
    report = import_json(fresh, path)
    assert report.added == 1 and report.reanchored == 1
    assert len(report.unattached) == 5  # two passages, and the three links that needed them
    assert any("not in" in p for p in report.unattached)
    assert any("no article for urn:sha256:unknown" in p for p in report.unattached)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not JSON"),
        ("42", "expected an object or a list"),
        ('{"type": "Thing"}', "no annotations found"),
        ('{"first": "https://example.com/page1"}', "no annotations found"),
        ('{"first": {"items": [\n\n{"id": ', "not JSON .* at line 3"),
        ("[]  [", "not JSON \\(Extra data"),
        ('{"items": [] "sources": []}', "not JSON"),
        ("", "not JSON"),
    ],
)
def test_bad_json_is_refused_naming_the_item(
    seeded: Store, tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(StoreError, match=message):
        import_json(seeded, path)
    assert seeded.find_annotations() == []


def test_every_shape_of_collection_imports_with_sources_before_or_after(
    seeded: Store, tmp_path: Path
) -> None:
    annotate(seeded)
    exported_json = json.loads(exported(seeded, "json"))
    items, sources = exported_json["first"]["items"], exported_json["sources"]
    shapes = {
        "page last": {"sources": sources, "first": {"type": "AnnotationPage", "items": items}},
        "sources last": {"first": {"items": items}, "sources": sources, "label": "x"},
        "a page": {"type": "AnnotationPage", "items": items, "sources": sources},
        "a list": items,
    }
    for shape, data in shapes.items():
        path = tmp_path / f"{shape}.json"
        path.write_text(json.dumps(data, indent=2), encoding="utf-8")
        fresh = open_store(tmp_path / f"{shape}.db")
        seed_once(fresh)
        report = import_json(fresh, path)
        assert (report.added, report.links, report.unattached) == (3, 3, []), shape
        assert exported(fresh, "json") == exported(seeded, "json"), shape
        fresh.close()


def test_hypothesis_export_maps_by_url(seeded: Store, tmp_path: Path) -> None:
    article = seeded.articles()[0]
    seeded.conn.execute(
        "UPDATE articles SET url = 'https://example.com/a' WHERE id = ?", (article.id,)
    )
    seeded.conn.commit()
    rows = [
        {
            "id": "hyp1",
            "uri": "https://example.com/a",
            "text": "checked",
            "tags": ["claim"],
            "target": [{"source": "https://example.com/a", "selector": [
                {"type": "TextQuoteSelector", "exact": "trump sessions swear", "suffix": " in"},
            ]}],
        }
    ]  # fmt: skip
    path = tmp_path / "hypothesis.json"
    path.write_text(json.dumps({"rows": rows}), encoding="utf-8")
    report = import_json(seeded, path)
    assert report.added == 1
    (made,) = seeded.find_annotations()
    assert (made.start, made.exact, made.note, made.tags) == (
        0,
        "trump sessions swear",
        "checked",
        ("claim",),
    )


def run(*args: str) -> subprocess.CompletedProcess[str]:
    reader = Path(sys.executable).parent / "reader"
    return subprocess.run([str(reader), *args], capture_output=True, text=True, timeout=60)


def test_cli_export_writes_atomically_and_never_overwrites_without_force(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    store = open_store(db)
    seed_once(store)
    annotate(store)
    store.close()
    out = tmp_path / "report.md"
    assert run("export", "--db", str(db), "-o", str(out)).returncode == 0
    assert "\n# Annotations\n" in out.read_text(encoding="utf-8")
    refused = run("export", "--db", str(db), "--format", "csv", "-o", str(out))
    assert refused.returncode == 1 and "exists; use --force" in refused.stderr
    assert "\n# Annotations\n" in out.read_text(encoding="utf-8")
    assert (
        run("export", "--db", str(db), "--format", "csv", "-o", str(out), "--force").returncode == 0
    )
    assert out.read_text(encoding="utf-8").startswith("id,article_id,outlet")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["r.db", "r.db-shm", "r.db-wal", "report.md"]
    ) or ([p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == [])
    by_suffix = tmp_path / "work.json"
    assert run("export", "--db", str(db), "-o", str(by_suffix)).returncode == 0
    assert json.loads(by_suffix.read_text(encoding="utf-8"))["type"] == "AnnotationCollection"
    by_suffix.unlink()
    piped = run("export", "--db", str(db), "--format", "json")
    assert json.loads(piped.stdout)["type"] == "AnnotationCollection"
    imported = run("import", str(tmp_path / "missing.json"), "--db", str(db))
    assert imported.returncode == 1 and "missing.json: no such file" in imported.stderr
    assert "Traceback" not in imported.stderr


def test_escape_keeps_ordinary_text_readable() -> None:
    assert escape_markdown("On 2017-03-02, Sessions said: it's fine.") == (
        "On 2017-03-02, Sessions said: it\\'s fine."
    )
    assert escape_markdown("see cnn.com -- or https://x.org...") == (
        "see cnn\\.com \\-- or https\\://x\\.org\\.\\.."
    )
    assert escape_markdown("- 1. # [x](y) <b> a|b") == "\\- 1. \\# \\[x\\]\\(y\\) \\<b\\> a\\|b"


def test_views_show_passages_and_links_to_other_tools(seeded: Store) -> None:
    annotate(seeded)
    rows = seeded.conn.execute(
        "SELECT outlet, tags, passage, note, creator FROM passages"
    ).fetchall()
    assert rows[1] == (
        "CBS News",
        '["quote","claim"]',
        '"I never had meetings with Russian operatives',
        "",
        "tester",
    )
    links = seeded.conn.execute(
        "SELECT kind, source_outlet, target_outlet FROM linked_passages ORDER BY kind"
    ).fetchall()
    assert links == [
        ("contradicts", "CNN", "CBS News"),
        ("corroborates", "CBS News", "Global News"),
        ("same-quote", "CNN", "Global News"),
    ]


def test_views_join_back_to_passages(seeded: Store) -> None:
    """Every link's two ends, and every tag of a passage, join back to ``passages``."""
    annotate(seeded)
    joined = seeded.conn.execute(
        "SELECT l.kind, s.passage, s.article_id = l.source_article_id, t.passage,"
        " t.article_id = l.target_article_id"
        " FROM linked_passages l JOIN passages s ON s.id = l.source_id"
        " JOIN passages t ON t.id = l.target_id ORDER BY l.kind"
    ).fetchall()
    assert [(kind, same, other) for kind, _, same, _, other in joined] == [
        ("contradicts", 1, 1), ("corroborates", 1, 1), ("same-quote", 1, 1),
    ]  # fmt: skip
    tags = seeded.conn.execute(
        "SELECT p.outlet, group_concat(x.tag, ', ') FROM passage_tags x"
        " JOIN passages p ON p.id = x.passage_id GROUP BY p.id ORDER BY p.article_id"
    ).fetchall()
    assert tags == [
        ("CNN", "quote"),
        ("CBS News", "quote, claim"),
        ("Global News", "contradiction"),
    ]
    quoted = seeded.conn.execute(
        "SELECT p.outlet FROM passages p, json_each(p.tags) t WHERE t.value = 'claim'"
    ).fetchall()
    assert quoted == [("CBS News",)]
