"""What the items of an import file say, read without trusting them: passages,
links, and what cannot be imported (with the reason, listed by item number).

Any valid W3C Web Annotation (a single document, a page, a collection, a list),
reader's own export, and Hypothesis' forms (a search response's ``rows``, one
annotation, its JSON-LD, the client's export file) come out as ``Passage`` and
``LinkItem``. An item of any other shape, a page note, a reply or a target with
nothing to anchor becomes a ``Skipped`` line, never an error.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, NamedTuple

from store.formats.w3c import reader_id

HYPOTHESIS = "https://hypothes.is/a/"
"""The IRI of a Hypothesis annotation whose ``links.html`` does not say it."""
TAG_PURPOSES = frozenset({"tagging", "classifying"})
_SURROGATES = re.compile("[\ud800-\udfff]")
_UTC = re.compile(
    r"\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d"
    r"(?:\.\d{3}|\.\d{6})?"
)
"""A UTC time in the form reader writes it, less its ``Z``."""
_FRACTION = re.compile(r"T\d\d:\d\d:\d\d[.,](\d+)")
_ID_NAMESPACE = uuid.UUID("0b8f3f5e-0f8c-4d0e-bd8a-6c7f3f4a9e21")
"""Of the ids made for items that have none (the same item, the same id)."""
_ACCOUNT = re.compile(r"acct:([^@]+)@.+")


class Target(NamedTuple):
    """One place an annotation points at: an article (``source``) and a passage."""

    source: str
    exact: str
    prefix: str
    suffix: str
    start: int | None
    end: int | None


class Passage(NamedTuple):
    """One annotation item as read from the file (a tuple: an import makes 100,000)."""

    number: int
    id: str
    targets: tuple[Target, ...]
    tags: tuple[str, ...] = ()
    note: str = ""
    created: str = ""
    updated: str = ""
    creator: str = ""
    origin: str = ""


class LinkItem(NamedTuple):
    """A link item: two passages' annotation ids, its kind, note and maker."""

    number: int
    id: str
    source: str
    target: str
    kind: str
    note: str = ""
    created: str = ""
    creator: str = ""


class Skipped(NamedTuple):
    """An item that is not imported, and why (one line)."""

    number: int
    reason: str


Item = Passage | LinkItem | Skipped


def text(value: object) -> str | None:
    """A string from the file, or None for anything else."""
    return value if isinstance(value, str) else None


def without_surrogates(data: object) -> object:
    """``data`` with every lone surrogate (JSON can carry them, SQLite cannot) in its
    strings, keys included, replaced by U+FFFD; walked without recursion."""

    def clean(value: str) -> str:
        return _SURROGATES.sub("\ufffd", value)

    if isinstance(data, str):
        return clean(data)
    stack: list[Any] = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            for index, value in enumerate(node):
                if isinstance(value, str):
                    node[index] = clean(value)
                elif isinstance(value, list | dict):
                    stack.append(value)
        elif isinstance(node, dict):
            pairs = list(node.items())
            node.clear()
            for key, value in pairs:
                node[clean(key)] = clean(value) if isinstance(value, str) else value
                if isinstance(value, list | dict):
                    stack.append(value)
    return data


def listed(value: object) -> list[Any]:
    """A JSON value that may be one thing or a list of them, as a list."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def timestamp(value: object) -> str:
    """A time as reader stores it (UTC, ISO 8601, ``+00:00``, as precise as given), or
    '' when it is not one."""
    if not isinstance(value, str) or not value:
        return ""
    if value[-1] == "Z" and _UTC.fullmatch(value, 0, len(value) - 1):
        return value[:-1] + "+00:00"  # the usual case, quickly: reader's own export
    try:
        when = datetime.fromisoformat(value)
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        when = when.astimezone(UTC)
    except (ValueError, OverflowError):
        return ""
    fraction = _FRACTION.search(value)
    digits = len(fraction.group(1)) if fraction else 0
    precision = "seconds" if not digits else "milliseconds" if digits <= 3 else "microseconds"
    return when.isoformat(timespec=precision)


def creator_name(value: object) -> str:
    """Who made an item: an Agent's name or nickname, a Hypothesis account's user
    name (``acct:name@hypothes.is``), or the IRI that names them; '' if unknown."""
    for one in listed(value):
        if isinstance(one, dict):
            for key in ("name", "nickname", "id"):
                values = listed(one.get(key))
                found = text(values[0]) if values else None
                if found:
                    return creator_name(found) if key == "id" else " ".join(found.split())
        elif found := text(one):
            account = _ACCOUNT.fullmatch(found)
            return account.group(1) if account else found
    return ""


def _item_id(item: dict[str, Any], hypothesis: bool) -> str:
    ident = text(item.get("id"))
    if ident and hypothesis and ":" not in ident:
        html = text(item["links"].get("html")) if isinstance(item.get("links"), dict) else None
        return html if html and html.startswith("http") else HYPOTHESIS + ident
    if ident:
        return reader_id(ident)
    # No id (the model requires one; a hand-written file may lack it): one made from
    # the item, so importing the same file twice still adds nothing.
    made = json.dumps(item, sort_keys=True, default=str, ensure_ascii=False)
    return str(uuid.uuid5(_ID_NAMESPACE, text(made) or ""))


def _selectors(node: dict[str, Any], source: str) -> Target | None:
    quote = position = None
    selectors = node.get("selector")
    for selector in selectors if type(selectors) is list else (selectors,):
        if type(selector) is not dict:
            continue
        kind = selector.get("type")
        if kind == "TextQuoteSelector":
            if quote is None and isinstance(selector.get("exact"), str) and selector["exact"]:
                quote = selector
        elif kind == "TextPositionSelector" and position is None:
            start, end = selector.get("start"), selector.get("end")
            if type(start) is int and type(end) is int and 0 <= start < end:
                position = (start, end)
    if quote is None and position is None:
        return None
    start, end = position or (None, None)
    if quote is None:
        return Target(source, "", "", "", start, end)
    prefix, suffix = quote.get("prefix", ""), quote.get("suffix", "")
    return Target(
        source,
        quote["exact"],
        prefix if isinstance(prefix, str) else "",
        suffix if isinstance(suffix, str) else "",
        start,
        end,
    )


def _targets(item: dict[str, Any]) -> tuple[Target, ...]:
    found = []
    nodes = item.get("target")
    for node in nodes if type(nodes) is list else (nodes,):
        if type(node) is dict:
            source = node.get("source") or node.get("id") or item.get("uri")
            target = _selectors(node, source if isinstance(source, str) else "")
            if target is not None:
                found.append(target)
    return tuple(found)


def _is_tag(purpose: object) -> bool:
    if type(purpose) is list:
        return any(p in TAG_PURPOSES for p in purpose if isinstance(p, str))
    return purpose in TAG_PURPOSES if isinstance(purpose, str) else False


def _bodies(item: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The tags and notes an item's bodies (or Hypothesis' fields) give."""
    tags: list[str] = []
    notes: list[str] = []
    if (value := item.get("bodyValue")) and isinstance(value, str):
        notes.append(value)
    bodies = item.get("body")
    for body in bodies if type(bodies) is list else (bodies,):
        if type(body) is not dict or body.get("type", "TextualBody") != "TextualBody":
            continue
        value = body.get("value")
        if value and isinstance(value, str):
            (tags if _is_tag(body.get("purpose")) else notes).append(value)
    if "tags" in item:  # Hypothesis
        tags += [tag for tag in listed(item["tags"]) if tag and isinstance(tag, str)]
    if (value := item.get("text")) and isinstance(value, str):  # Hypothesis
        notes.append(value)
    if not tags:
        return tags, notes
    return [" ".join(tag.split()) for tag in tags if not tag.isspace()], notes


def _origin(item: dict[str, Any], hypothesis: bool) -> str:
    """What the item's tool said that reader keeps but has no column for."""
    if not hypothesis:
        found = item.get("origin")  # reader's own export
        if not (found and isinstance(found, str)):
            return ""
        try:
            kept = json.loads(found)
        except ValueError:
            return ""
        return found if isinstance(kept, dict) else ""
    facts: dict[str, str] = {}
    for key in ("group", "uri"):
        if value := text(item.get(key)):
            facts[key] = value
    document = item.get("document")
    titles = listed(document.get("title")) if isinstance(document, dict) else []
    if titles and (value := text(titles[0])):
        facts["title"] = value
    return json.dumps(facts, ensure_ascii=False) if facts else ""


def _end(node: object) -> str:
    """The annotation id a link's target or body names."""
    for one in listed(node):
        if found := text(one):
            return reader_id(found)
        if isinstance(one, dict):
            # Earlier exports gave the resource the passage's own id (and the article as
            # its source); now the resource's ``source`` is the passage's annotation.
            names = ("id", "source") if "selector" in one else ("source", "id")
            for name in names:
                if found := text(one.get(name)):
                    return reader_id(found)
    return ""


def _link(number: int, item: dict[str, Any]) -> Item:
    bodies = [b for b in listed(item.get("body")) if isinstance(b, dict) or text(b)]
    kind = text(item.get("linkKind"))
    note = ""
    for body in bodies:
        if isinstance(body, dict):
            purposes = listed(body.get("purpose"))
            value = text(body.get("value"))
            if "classifying" in purposes and value and not kind:
                kind = value
            elif "commenting" in purposes and value and not note:
                note = value
    other = next((b for b in bodies if not isinstance(b, dict) or "value" not in b), None)
    source, target = _end(item.get("target")), _end(other)
    if not (source and target):
        return Skipped(number, "a link needs two annotations (its target and a body)")
    return LinkItem(
        number,
        _item_id(item, False),
        source,
        target,
        kind or "other",
        note,
        timestamp(item.get("created")),
        creator_name(item.get("creator")),
    )


def read_item(number: int, item: object) -> Item:
    """One item of the file, read for what it says; never an exception."""
    if not isinstance(item, dict):
        return Skipped(number, f"not an annotation (a JSON {type(item).__name__})")
    motivation = item.get("motivation")
    if motivation == "linking" or (type(motivation) is list and "linking" in motivation):
        return _link(number, item)
    hypothesis = "user" in item or "uri" in item or "permissions" in item
    tags, notes = _bodies(item)
    note = "\n\n".join(notes)
    targets = _targets(item)
    if item.get("references"):
        return Skipped(number, "a reply, not a passage" + _what(note))
    if not targets:
        kind = "a page note" if hypothesis and note else "an annotation"
        return Skipped(number, f"{kind} with no quote or position to anchor" + _what(note))
    made_by = item.get("user") if hypothesis else item.get("creator")
    if type(made_by) is dict and type(name := made_by.get("name")) is str and name.strip():
        creator = " ".join(name.split())  # reader's own export: quickly
    else:
        creator = creator_name(made_by)
    ident = item.get("id")
    if type(ident) is str and ident.startswith("urn:uuid:") and len(ident) > 9:
        ident = ident[9:]  # reader's own ids, quickly
    else:
        ident = _item_id(item, hypothesis)
    created, updated = item.get("created"), item.get("modified") or item.get("updated")
    created = timestamp(created)
    updated = created if updated == item.get("created") else timestamp(updated)
    return Passage(
        number,
        ident,
        targets,
        tuple(tags) if len(tags) < 2 else tuple(dict.fromkeys(tags)),
        note,
        created,
        updated,
        creator,
        _origin(item, hypothesis) if hypothesis or "origin" in item else "",
    )


def _what(note: str) -> str:
    return f": {note[:60]!r}" if note else ""


def read_items(items: Iterator[object]) -> Iterator[Item]:
    for number, item in enumerate(items, 1):
        yield read_item(number, item)
