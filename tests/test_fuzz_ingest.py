"""Fuzzing ingest: any saved page, Markdown file or text, well-formed or hostile,
gives a clean Document or one IngestError line naming the file, never a traceback,
and a Document's text and metadata never carry a control character (lengths kept)."""

from __future__ import annotations

import re
from pathlib import Path

from fuzzing import FUZZ_EXAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store import IngestError
from store.ingest import Document, read_source

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
HOSTILE = ["\x1b]0;PWNED\x07", "\x1b[2J", "[bold]x[/]", "[@click=app.quit]q[/]", "\x00", "\u202e"]

words = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40
) | st.sampled_from(HOSTILE)
TAGS = ["p", "div", "article", "h1", "h2", "span", "a", "script", "style", "nav", "aside",
        "header", "footer", "figure", "figcaption", "ul", "li", "table", "td", "main", "title",
        "meta", "time", "blockquote", "br", "!--", "em"]  # fmt: skip


def element(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(
        lambda tag, attrs, body: f"<{tag}{attrs}>{body}</{tag}>",
        st.sampled_from(TAGS),
        st.sampled_from(
            [
                "",
                ' class="article-body"',
                ' property="og:site_name" content="X\x1b[31m"',
                ' name="author" content="[red]A[/]"',
                ' itemprop="datePublished"',
                ' content="2017-03-02"',
                ' href="javascript:alert(1)"',
            ]
        ),
        inner,
    )


html = st.recursive(
    words, lambda inner: st.lists(element(inner), max_size=4).map("".join), max_leaves=30
)
pages = st.builds(
    lambda head, body, charset: (
        f"<html><head><meta charset='{charset}'><title>{head}</title></head>"
        f"<body>{body}</body></html>"
    ),
    words,
    html,
    st.sampled_from(["utf-8", "latin-1", "bogus", "utf-16"]),
)
markdown = st.lists(
    st.one_of(words, st.sampled_from(["---", "title: T\x1b[1m", "author: [x]", "date: 2017-13-45",
                                      "# H", "* item", "```", "<script>x</script>", "[a](b)", ""])),
    max_size=20,
).map("\n".join)  # fmt: skip


def _check(path: Path) -> None:
    try:
        document = read_source(str(path))
    except IngestError as err:
        assert "\n" not in str(err) and str(path) in str(err)
        return
    assert isinstance(document, Document) and document.text.strip()
    for value in (document.text.replace("\n", "").replace("\t", ""), document.title,
                  document.outlet, document.author, document.published, document.url):  # fmt: skip
        assert not CONTROL.search(value), value


SETTINGS = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@SETTINGS
@given(page=pages, encoding=st.sampled_from(["utf-8", "cp1252", "utf-16"]))
def test_any_saved_page(tmp_path: Path, page: str, encoding: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(page.encode(encoding, "replace"))
    _check(path)


@SETTINGS
@given(text=markdown)
def test_any_markdown(tmp_path: Path, text: str) -> None:
    path = tmp_path / "notes.md"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    _check(path)


@SETTINGS
@given(data=st.binary(max_size=4000), suffix=st.sampled_from([".txt", ".md", ".html", ".htm", ""]))
def test_any_bytes(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"any{suffix}"
    path.write_bytes(data)
    _check(path)
