"""A web page's article body as plain text: paragraphs separated by blank lines.

readability-lxml finds the part of the page that holds the article; trafilatura
then takes the text out of it (dropping what is left of navigation, captions,
"related" lists and comment threads). That pairing scores best on the extraction
benchmark (``benchmarks/extraction_quality.py``). When it finds nothing, or much
less than trafilatura finds on the whole page, trafilatura's own reading of the
page is taken; when neither finds text, readability's alone.

Non-breaking and other fixed-width spaces are kept as the page has them:
trafilatura collapses every Unicode space into " " (``str.split``), so inside a
text they are swapped for printable placeholders before extraction and back after.
"""

from __future__ import annotations

import logging
import re
from copy import deepcopy
from typing import TYPE_CHECKING, Any

from store.errors import IngestError

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_SPACES = "\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
"""Unicode's space separators but U+0020: what ``str.split`` collapses and a page may mean."""
_MARK = "\ufffc"
_CODES = "0ABCDEFGHIJKLMNOP"
"""``_MARK`` + code stands for ``_MARK`` itself (0) or for one of ``_SPACES``."""
_PROTECT = re.compile(f"{_MARK}|[{_SPACES}]+")
_UNPROTECT = re.compile(f"{_MARK}([{_CODES}])")
_BLOCKS = frozenset({"p", "head", "item", "quote", "list", "table", "div", "body", "doc"})
"""trafilatura's block elements; ``code`` is not one (it marks inline code too)."""
_SHORT = 0.5
"""The readability-guided text is "suspiciously short" below this share of the words
trafilatura finds on the whole page."""
_CHECKED_BELOW = 200
"""A readability-guided text of fewer words is checked against the whole page (a
longer one is not: the check costs a second extraction)."""
_WORD = re.compile(r"\w+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Control characters but tab and line breaks (which HTML collapses as spaces)."""
_SPECIAL = re.compile(f"[{_MARK}{_SPACES}\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""What ``protect_spaces`` changes: most texts hold none of it and are left alone."""

_log = logging.getLogger(__name__)


def protect_spaces(tree: HtmlElement) -> None:
    """Prepare a parsed page's texts for extraction, in place.

    The fixed-width spaces inside a text become placeholders (a space that only
    separates blocks, with nothing beside it, is left to be collapsed); control
    characters that character references (``&#27;``) brought in become U+FFFD,
    one for one, as ``clean_text`` does, in texts and attribute values alike.
    """
    for element in tree.iter():
        text = element.text
        if text and _SPECIAL.search(text) and element.tag not in ("script", "style"):
            element.text = _protect(_CONTROL.sub("\ufffd", text))
        tail = element.tail
        if tail and _SPECIAL.search(tail):
            element.tail = _protect(_CONTROL.sub("\ufffd", tail))
        for key, value in element.attrib.items():
            if _CONTROL.search(value):
                element.set(key, _CONTROL.sub("\ufffd", value))


def _protect(text: str) -> str:
    if _MARK not in text and not any(c in text for c in _SPACES):
        return text

    def code(found: re.Match[str]) -> str:
        run, start, end = found.group(), found.start(), found.end()
        if run == _MARK:
            return _MARK + _CODES[0]
        beside_text = (start > 0 and not text[start - 1].isspace()) or (
            end < len(text) and not text[end].isspace()
        )
        if not beside_text:
            return run
        return "".join(_MARK + _CODES[1 + _SPACES.index(char)] for char in run)

    return _PROTECT.sub(code, text)


def unprotect(text: str) -> str:
    """Undo ``protect_spaces`` in an extracted text."""
    if _MARK not in text:
        return text
    return _UNPROTECT.sub(
        lambda found: _MARK if found[1] == "0" else _SPACES[_CODES.index(found[1]) - 1], text
    )


def xml_text(body: Any) -> str:
    """trafilatura's XML body as text: a block (paragraph, heading, list item, quote)
    a paragraph, blank lines between them; ``<lb/>`` a line break; a table row a
    line, its cells separated by tabs."""
    paragraphs: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        lines = (line.strip() for line in unprotect("".join(buffer)).split("\n"))
        paragraph = "\n".join(line for line in lines if line)
        buffer.clear()
        if paragraph:
            paragraphs.append(paragraph)

    def walk(element: Any) -> None:
        tag = element.tag
        if tag == "lb":
            buffer.append("\n")
        elif tag == "row":
            buffer.append("\n")
            for index, cell in enumerate(element):
                if index:
                    buffer.append("\t")
                walk(cell)
                buffer.append(" ".join((cell.tail or "").split()))
            buffer.append("\n")
        elif tag in _BLOCKS:
            flush()
            buffer.append(element.text or "")
            for child in element:
                walk(child)
                buffer.append(child.tail or "")
            flush()
        else:
            buffer.append(element.text or "")
            for child in element:
                walk(child)
                buffer.append(child.tail or "")

    walk(body)
    flush()
    return "\n\n".join(paragraphs)


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _trafilatura(page: Any, *, fast: bool) -> str:
    """trafilatura's article text in ``page`` (an lxml tree or HTML), or "".

    ``fast`` skips trafilatura's own fallbacks (its readability port and jusText):
    right when readability-lxml has already chosen the part of the page to read.
    """
    from trafilatura import bare_extraction

    try:
        found = bare_extraction(
            page, fast=fast, favor_precision=True, include_comments=False, include_tables=True
        )
    except Exception as err:  # an extractor's bug must not stop the import
        _log.warning("trafilatura failed: %s", err)
        return ""
    body = getattr(found, "body", None)
    return xml_text(body) if body is not None else ""


def _readability_html(tree: HtmlElement) -> str:
    """The part of the page readability-lxml takes for the article, as HTML, or ""."""
    from readability import Document as Readable

    try:
        return str(Readable(deepcopy(tree)).summary(html_partial=False))
    except Exception as err:  # readability raises Unparseable and worse
        _log.info("readability found nothing: %s", err)
        return ""


def _readability_text(summary: str) -> str:
    """readability's own text (when trafilatura finds none): its blocks as paragraphs."""
    import lxml.html

    root = lxml.html.fromstring(summary)
    for line_break in root.iter("br"):
        line_break.tail = "\n" + (line_break.tail or "")
    paragraphs = []
    for block in root.iter("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote"):
        if block.getparent() is not None and any(
            ancestor.tag in ("p", "li", "pre", "blockquote") for ancestor in block.iterancestors()
        ):
            continue
        lines = (" ".join(line.split()) for line in block.text_content().split("\n"))
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    if not paragraphs:  # text straight in <div>s
        paragraphs = [" ".join(root.text_content().split())]
    return unprotect("\n\n".join(paragraphs))


def article_text(tree: HtmlElement, name: str) -> tuple[str, str]:
    """The article's text in a page (spaces protected) and what extracted it.

    Raises IngestError "no article text found" when no extractor finds any.
    """
    summary = _readability_html(tree)
    guided = _trafilatura(summary, fast=True) if summary else ""
    whole = ""
    if _words(guided) < _CHECKED_BELOW:
        # Short or nothing: check it against trafilatura's reading of the whole page.
        whole = _trafilatura(deepcopy(tree), fast=False)
        if _words(guided) < _SHORT * _words(whole):
            guided = ""
    if guided:
        return guided, "readability+trafilatura"
    if whole:
        return whole, "trafilatura"
    plain = _readability_text(summary) if summary else ""
    if plain.strip():
        return plain, "readability"
    raise IngestError(f"{name}: no article text found")
