"""Where paragraphs, sentences and words start and end, for keyboard motions.

The reader moves the cursor by word, sentence and paragraph through real news
text, so the rules here are tuned for it: titles and initials ("Lt. Gen. H.R.
McMaster", "Donald J. Trump") do not end a sentence, a closing quote belongs to
the sentence it closes, and a headline or caption without final punctuation is
one sentence.

Every function takes the whole article text and an absolute code-point offset
and returns absolute offsets; offsets outside ``[0, len(text)]`` are clamped.
Forward motions always move forward until ``len(text)`` and backward motions
always move back until 0, so a held key can never get stuck.

Paragraphs are lines. A line that starts with a lowercase letter continues the
paragraph above it (a hard-wrapped sentence), any other line starts a new one.
Blank lines (empty or whitespace only) separate paragraphs and belong to none:
``paragraph_at`` and ``sentence_at`` answer the empty span ``(pos, pos)`` there.
A sentence never crosses a paragraph boundary.

Sentences end at ``.``, ``?``, ``!``, ``…`` (or CJK stops) plus any closing
quotes, when followed by whitespace and not by a lowercase word. A period after a
title or month ("Sen.", "Feb."), an initial ("J.") or "No." before a number never
ends one; after a dotted acronym ("U.S.", "p.m.", "D-Minn.") it ends one only
before a word that usually starts a sentence ("The", "He", ...), so "U.S.
Attorney" stays whole.

Words follow vim's ``w``/``b``/``e``: a run of letters and digits is a word, and
so is a run of other non-space characters; apostrophes inside a word keep it
whole ("Trump's"), so a possessive is one stop.

Performance: an article can be 5 MB and every key must answer in well under a
millisecond, so nothing scans the whole text. Paragraph functions cost
O(paragraph). Sentence functions only look at ``WINDOW`` code points on each
side of ``pos``, so a paragraph that is one 1 MB line costs no more than a
short one; a sentence longer than the window is cut at its edge, and motions
then advance by about one window, as a pager would. Word functions look at most
``TOKEN_LIMIT`` code points around ``pos`` plus the whitespace they skip.

The module is pure standard library and never imports textual or rich.
"""

from __future__ import annotations

from store.text.paragraphs import next_paragraph, paragraph_at, paragraph_starts, prev_paragraph
from store.text.sentences import next_sentence, prev_sentence, sentence_at, sentence_spans
from store.text.words import next_word, prev_word, word_end

__all__ = [
    "next_paragraph",
    "next_sentence",
    "next_word",
    "paragraph_at",
    "paragraph_starts",
    "prev_paragraph",
    "prev_sentence",
    "prev_word",
    "sentence_at",
    "sentence_spans",
    "word_end",
]
