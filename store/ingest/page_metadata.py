"""A web page's metadata: title, outlet, author, date, address, language.

trafilatura's ``extract_metadata`` reads them from the page's ``<meta>`` tags
(Open Graph, Dublin Core, ...), its JSON-LD and its markup, and finds the date
with htmldate (the date of first publication, ``YYYY-MM-DD``). Where the page
also gives the time of that day (``article:published_time``, ``datePublished``),
the date becomes a full ISO date and time. The language is the one the page
declares (``<html lang>``, ``Content-Language``, ``og:locale``).
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from store.ingest.page_text import unprotect
from store.text.clean import clean_line

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_TIME_XPATH = (
    '//meta[@property="article:published_time" or @property="og:article:published_time"'
    ' or @name="article:published_time" or @itemprop="datePublished"'
    ' or @name="datePublished" or @name="pubdate" or @name="publishdate"]/@content'
    ' | //time[@itemprop="datePublished"]/@datetime'
)
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageMetadata:
    """What a page says about itself; "" where it says nothing. One line each."""

    title: str = ""
    outlet: str = ""
    author: str = ""
    published: str = ""
    url: str = ""
    language: str = ""


def _line(value: object) -> str:
    return clean_line(unprotect(value)).strip() if isinstance(value, str) else ""


def web_url(value: str) -> str:
    """``value`` if it is an http(s) address, else ""."""
    value = value.strip()
    return value if value.lower().startswith(("http://", "https://")) else ""


def page_metadata(tree: HtmlElement, url: str = "") -> PageMetadata:
    """The metadata of a parsed page; ``url`` is where it came from, if known."""
    from trafilatura import extract_metadata

    try:
        found = extract_metadata(tree, default_url=url or None)
    except Exception as err:  # metadata is a bonus, never a reason to refuse
        _log.warning("trafilatura could not read the page's metadata: %s", err)
        return PageMetadata(url=url, language=page_language(tree))
    date = _line(found.date)
    return PageMetadata(
        title=_line(found.title),
        outlet=_line(found.sitename),
        author=_line(found.author),
        published=published_time(tree, date) or date,
        url=web_url(_line(found.url)) or url,
        language=page_language(tree),
    )


def _iso_time(value: str) -> str:
    """``value`` as an ISO date and time, or "" if it is not one with a time of day."""
    value = value.strip()
    if len(value) < 16 or value[10] not in "Tt ":
        return ""
    try:
        return datetime.fromisoformat(value.replace("z", "Z")).isoformat()
    except ValueError:
        return ""


def _json_ld_times(tree: HtmlElement) -> list[str]:
    times = []
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        for found in re.finditer(r'"datePublished"\s*:\s*("[^"]{0,64}")', script):
            try:
                times.append(str(json.loads(found.group(1))))
            except ValueError:
                continue
    return times


def published_time(tree: HtmlElement, date: str) -> str:
    """A date and time of publication the page gives for ``date`` (or, when no date
    was found, the first it gives); "" if none."""
    candidates: list[Any] = [*tree.xpath(_TIME_XPATH), *_json_ld_times(tree)]
    for candidate in candidates:
        when = _iso_time(str(candidate))
        if when and (not date or when.startswith(date)):
            return when
    return ""


def page_language(tree: HtmlElement) -> str:
    """The language a page declares: ``<html lang>``, else Content-Language, else og:locale."""
    declared = [
        tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang") or "",
        *tree.xpath('//meta[@http-equiv="Content-Language" or @http-equiv="content-language"]'
                    "/@content"),
        *tree.xpath('//meta[@property="og:locale"]/@content'),
    ]  # fmt: skip
    for value in declared:
        found = _LANGUAGE.fullmatch(str(value).strip())
        if found:
            return found.group().replace("_", "-")
    return ""
