"""The app's screens: the main screen (``columns``) and the ones pushed over it.

The rule for a screen: it never writes to the store. A dialog that asks one
question (choose an article, pick tags, link kind, yes/no, a line of text)
dismisses with the answer as a typed value, and the app acts on it. An editor of
stored text (the note, a tag's name: a ``draft_editor.DraftEditor``) saves through
the session call it is given, so that a refusal keeps it open with the text, and
keeps its draft through the session's ``Drafts``. A
screen that changes annotations while it stays open (the tag manager, the
annotation list, the compare screen) makes each change through the
``tui.session.Session`` and shows the ``Outcome``'s message; the app redraws the
marks when it closes. (The compare engine's own cache, ``save_cache``, is the
engine's business.)
"""
