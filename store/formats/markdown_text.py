"""Text written into Markdown so that it shows as written: escaped, quoted, in cells.

"As written" under any common renderer: CommonMark, GitHub's (which links bare
addresses), pandoc and markdown-it with typographer on (which curl straight quotes
and turn ``--`` into dashes): a passage is evidence, and its characters must not
change on the way to the reader.
"""

from __future__ import annotations

import re

_SPECIALS = "\\`*_[]()<>#|~!&{}\"'@"
"""Backslashed wherever they are (inline specials, straight quotes, ``@``); the
backslash first, so that no escape is escaped again."""
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters, which a terminal would obey and Markdown cannot carry: U+FFFD."""
_LINE_START = re.compile(r"^([ \t]*)([-+=]|\d+[.)])")
_TYPOGRAPHY = re.compile(r"\.(?=\.)|-(?=-)|(?<=\+)-|,(?=,)|\?(?=\?)")
"""What is plain alone but not beside its neighbours: ``...``, ``--``, ``+-``, ``,,``
and ``????`` (typographers make ellipses, dashes and the like of them)."""
_ADDRESSES = re.compile(r"\.(?=\w)|:(?=//)")
"""A dot inside a word or a domain (``example.com``, which linkifiers and GitHub turn
into a link) and the ``:`` of ``://``."""
_DOT_WORD = re.compile(r"\.\w")
_SPACES = frozenset(
    " \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003"
    "\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
"""What ``str.isspace`` is true of (a line's ends, kept as character references)."""
_PLAIN_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ\\\"'(“‘")
"""Line starts that need no look: a letter, or an escape or quote already made."""


def escape_markdown(text: str) -> str:
    """Text that Markdown shows as written, and still reads well raw.

    Backslash-escaped (CommonMark allows it for any ASCII punctuation, and an
    escaped character is never curled, replaced or linked): whatever can start
    emphasis, code, links, images, HTML, entities or a table cell break anywhere;
    straight quotes and apostrophes (smart-quote renderers would curl them); the
    dots, dashes and the like that make ellipses and dashes with their neighbours;
    the dots and colons that make a web address or a domain (so that an address in a
    passage or note stays text, as written); whatever can start a list, heading or
    rule at a line's start.
    White space at a line's ends, which Markdown drops, becomes character
    references; control characters (which a terminal would obey, and Markdown
    cannot carry) become U+FFFD, as articles' do at import. JSON and CSV keep them.
    """
    for special in _SPECIALS:  # str.replace per special: quicker than any regex here
        if special in text:
            text = text.replace(special, "\\" + special)
    if _CONTROLS.search(text):
        text = _CONTROLS.sub("\ufffd", text)
    # Substring tests first: the patterns are slow to search, and seldom found.
    if "--" in text or ".." in text or ",," in text or "??" in text or "+-" in text:
        text = _TYPOGRAPHY.sub(_backslashed, text)
    if "://" in text or _DOT_WORD.search(text):
        text = _ADDRESSES.sub(_backslashed, text)
    if "\n" not in text:
        if text[:1] in _PLAIN_START and text[-1:] not in _SPACES:
            return text  # the usual line: nothing at its ends to escape
        return _escape_line(text)
    return "\n".join(
        [
            line if line[:1] in _PLAIN_START and line[-1:] not in _SPACES else _escape_line(line)
            for line in text.split("\n")
        ]
    )


def _backslashed(found: re.Match[str]) -> str:
    return "\\" + found.group()


def _escape_line(line: str) -> str:
    if start := _LINE_START.match(line):
        indent, mark = start.groups()
        line = indent + mark[:-1] + "\\" + mark[-1] + line[start.end() :]
    if line[:1].isspace() or line[-1:].isspace():
        stripped = line.strip()
        head = line[: len(line) - len(line.lstrip())]
        tail = line[len(line.rstrip()) :] if stripped else ""
        line = _refs(head) + stripped + _refs(tail)
    return line


def _refs(spaces: str) -> str:
    return "".join(f"&#{ord(c)};" for c in spaces)


def blockquote(text: str) -> str:
    """The passage (or note) as one quoted paragraph whose every line break is a hard
    break.

    Each newline inside the text comes back as one line break, blank lines
    included; newlines at either end are left out (Markdown cannot carry them).
    """
    return "> " + escape_markdown(text.strip("\n")).replace("\n", "\\\n> ")


def cell(text: str) -> str:
    """One table cell: escaped, on one line."""
    return escape_markdown(" ".join(text.split()))
