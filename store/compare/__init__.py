"""The comparison engine: the same quotation across articles, and what differs.

It reads a frozen ``Corpus`` (``store.compare.corpus``) built by the database room
and never imports the database or a format. ``analyse(corpus, cached=...)`` in
``store.compare.analysis`` runs the stages one way, each handing typed values to
the next: quotations (``quotes``, ``speakers``) -> groups (``units``,
``grouping``) -> facts (``facts``, ``narration``, ``spellings``) -> discrepancies
(``detectors``, one module per kind, given a ``detection.DetectionContext``) ->
results (``results``, ``findings.Comparison``). The English words it knows are
data: ``lexicon/en.json``.
"""
