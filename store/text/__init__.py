"""Text tools: pure functions over an article's text, no database, no I/O.

``segment`` (paragraphs, sentences, words, for motions), ``letters`` (upper- and
lower-case classes of every script), ``find`` (what the user searches for),
``anchor`` (a passage found again by its quote), ``clean`` (text made safe to
show, and its content hash).
"""
