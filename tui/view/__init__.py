"""What the document view shows, as plain Python: its rows at a width and the geometry
between offsets, rows and cells (``layout``), the cursor and the selection and where
motions take them (``cursor``), the search matches (``matches``).

Nothing here imports textual (``lint-imports`` checks it), so these rules are tested
without a terminal; ``tui.widgets.doc_view`` wires them to Textual.
"""
