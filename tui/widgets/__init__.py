"""The widgets the screens compose: the document view (``doc_view``, with its painter
and its background wrap) and the article column over it, the bars at the bottom,
text fields whose keys act in the order typed (``in_order``), and ``Autosave``.

Widgets know neither the screens nor the app (``lint-imports`` checks it): they
tell what happened with messages (``DocView.Moved``...) and draw what they are given.
"""
