"""A new version of an article, written: its annotations re-anchored in one
undoable action, orphans placed by hand or left where they are.

Adding a version has three steps, so that a user interface can run the long
one in a worker thread while its keys keep working:

1. ``version_job(article_id, text)`` reads what re-anchoring needs, in the
   store's thread (a SQLite connection stays in its thread);
2. ``job.run(progress)`` re-anchors (``store.text.reanchor``): no database,
   any thread, ``progress(done, total)`` called as it goes;
3. ``apply_version(plan)`` writes it all as one action, in the store's thread:
   the new version's row, the article showing it (``current_versions``), every
   annotation moved, the orphans listed, the stories holding the new version
   in the old one's place. One ``u`` undoes it all; the new version's text stays
   in the database as a version the article does not show (``docs/versions.md``).

``add_version`` does the three at once; ``add_document`` and ``add_file`` make a
version when the source (URL, else file name) is already here with another text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from store.db.annotating import AnnotationWrites
from store.db.unit import Work, insert_article
from store.db.versions import VersionReads
from store.errors import StoreError
from store.ingest.files import Document, read_bytes, source_hash
from store.ingest.sources import read_source
from store.records import Annotation, VersionReport, now
from store.text.anchor import quote_selector
from store.text.clean import content_hash
from store.text.reanchor import Move, Passage, Progress, reanchor

METADATA = ("title", "outlet", "author", "published", "url", "file_name", "source_hash")
"""What a new version may say of itself; what it leaves out it takes from the old."""


@dataclass
class VersionJob:
    """What re-anchoring onto a new version needs, read from the store."""

    previous: int
    """The id of the version the article shows now."""
    key: int
    """The id of its first version."""
    text: str
    metadata: dict[str, str]
    groups: list[tuple[int, str, list[Passage]]]
    """(version id, its text, the passages to carry from it): the current version's
    annotations, then the orphans of older versions, tried again."""
    reuse: int | None = None
    """An existing version of the article with this very text, shown again."""

    def run(self, progress: Progress | None = None) -> VersionPlan:
        """Re-anchor every passage onto the new text (no database: any thread)."""
        total = sum(len(passages) for _, _, passages in self.groups)
        done = 0
        moves: dict[int, list[Move]] = {}
        for version_id, text, passages in self.groups:

            def step(count: int, _: int, offset: int = done) -> None:
                if progress is not None:
                    progress(offset + count, total)

            moves[version_id] = reanchor(text, self.text, passages, step)
            done += len(passages)
        if progress is not None:
            progress(total, total)
        return VersionPlan(self, moves)


@dataclass
class VersionPlan:
    """Where each passage goes in the new version (``VersionJob.run``), unwritten."""

    job: VersionJob
    moves: dict[int, list[Move]] = field(default_factory=dict)


@dataclass(frozen=True)
class Addition:
    """What adding a document did: the article it is now, whether anything was added,
    and, if it was a new version of an article here, what that did."""

    article_id: int
    added: bool
    version: VersionReport | None = None

    def summary(self) -> str:
        if self.version is not None:
            return self.version.summary()
        return f"#{self.article_id}: " + ("added" if self.added else "already here")


def _passage(annotation: Annotation) -> Passage:
    return Passage(
        annotation.id,
        annotation.start,
        annotation.end,
        annotation.exact,
        annotation.prefix,
        annotation.suffix,
    )


class VersionWrites(VersionReads, AnnotationWrites):
    """What ``Store`` changes of versions and orphans."""

    def version_job(self, article_id: int, text: str, **metadata: str) -> VersionJob:
        """Read what a new version of the article needs (in the store's thread). The
        text must be clean (``store.text.clean.clean_text``)."""
        previous = self.current_version(article_id)
        key = self.article_key(previous)
        found = self.find_article(content_hash(text))
        reuse = None
        if found is not None:
            if self.article_key(found) != key:
                raise StoreError(f"that text is already article #{found}, not a version of it")
            reuse = found
        groups = [(previous, self.article_text(previous), self._passages(previous))]
        for orphan in self.orphans(key, kept=False):
            version = orphan.annotation.article_id
            if version in (previous, reuse):
                continue
            if not groups or groups[-1][0] != version:
                groups.append((version, self.article_text(version), []))
            groups[-1][2].append(_passage(orphan.annotation))
        fields = {name: value for name, value in metadata.items() if name in METADATA}
        return VersionJob(previous, key, text, fields, groups, reuse)

    def _passages(self, version_id: int) -> list[Passage]:
        rows = self.conn.execute(
            "SELECT id, start, end, exact, prefix, suffix FROM annotations"
            " WHERE article_id = ? AND id NOT IN"
            " (SELECT annotation_id FROM orphans WHERE kept = 1)",
            (version_id,),
        )
        return [Passage(*row) for row in rows]

    def apply_version(self, plan: VersionPlan) -> VersionReport:
        """Write a planned version as one undoable action; what it did."""
        job = plan.job
        if self.current_version(job.key) != job.previous:
            raise StoreError("the article changed version meanwhile; add the version again")
        if job.reuse == job.previous:
            return VersionReport(job.previous, job.previous, self.version(job.previous).number,
                                 unchanged=True)  # fmt: skip
        label = self.article(job.previous).label
        with self.action(f"new version of {label}") as work:
            version = job.reuse if job.reuse is not None else self._insert_version(work, job)
            work.changes.put("current_versions", {"article_id": job.key, "version_id": version})
            report = self._move(work, plan, version)
            if job.reuse is not None:  # its own orphans are on it again
                for (annotation_id,) in self.conn.execute(
                    "SELECT annotation_id FROM orphans WHERE version_id IN"
                    " (SELECT id FROM articles WHERE id = ?)"
                    " AND annotation_id IN (SELECT id FROM annotations WHERE article_id = ?)",
                    (job.previous, version),
                ).fetchall():
                    work.changes.delete("orphans", {"annotation_id": annotation_id})
            self._restory(work, job.previous, version)
        return report

    def add_version(
        self, article_id: int, text: str, progress: Progress | None = None, **metadata: str
    ) -> VersionReport:
        """Make ``text`` the article's new version, carrying its annotations over (one
        undoable action); ``progress(done, total)`` is called while re-anchoring."""
        return self.apply_version(self.version_job(article_id, text, **metadata).run(progress))

    def _insert_version(self, work: Work, job: VersionJob) -> int:
        old = self.article(job.previous)
        (number,) = self.conn.execute(
            "SELECT max(version) + 1 FROM articles WHERE coalesce(version_of, id) = ?", (job.key,)
        ).fetchone()
        fields: dict[str, str | int] = {
            "title": old.title,
            "outlet": old.outlet,
            "author": old.author,
            "published": old.published,
            "url": old.url,
            "file_name": old.file_name,
            **{name: value for name, value in job.metadata.items() if value},
        }
        return insert_article(work.conn, job.text, **fields, version_of=job.key, version=number)

    def _move(self, work: Work, plan: VersionPlan, version: int) -> VersionReport:
        job_text = plan.job.text
        alive = self._still_here(plan)
        placed: list[dict[str, object]] = []
        orphans: list[dict[str, object]] = []
        report = {"moved": 0, "reanchored": 0, "orphaned": 0, "reattached": 0}
        for from_version, moves in plan.moves.items():
            retried = from_version != plan.job.previous
            for move in moves:
                if move.id not in alive:
                    continue
                found = move.placement
                if found is not None and move.placed:
                    exact, prefix, suffix = quote_selector(job_text, found.start, found.end)
                    placed.append({"id": move.id, "article_id": version, "start": found.start,
                                   "end": found.end, "exact": exact, "prefix": prefix,
                                   "suffix": suffix})  # fmt: skip
                    report["moved"] += 1
                    report["reattached"] += retried
                    report["reanchored"] += found.method != "position" or found.score < 1
                    if retried:
                        work.changes.delete("orphans", {"annotation_id": move.id})
                    continue
                report["orphaned"] += not retried
                orphans.append({
                    "annotation_id": move.id, "version_id": version,
                    "start": found.start if found else None, "end": found.end if found else None,
                    "score": found.score if found else 0.0, "kept": 0, "created": now(),
                })  # fmt: skip
        work.changes.update_all("annotations", placed)
        for row in orphans:
            work.changes.put("orphans", row)
        return VersionReport(
            plan.job.previous,
            version,
            self.version(version).number,
            moved=report["moved"],
            reanchored=report["reanchored"],
            orphaned=report["orphaned"],
            reattached=report["reattached"],
        )

    def _still_here(self, plan: VersionPlan) -> set[str]:
        """The planned annotations still on the version they were planned from (one
        deleted or moved while the plan ran is left alone)."""
        alive: set[str] = set()
        for from_version in plan.moves:
            rows = self.conn.execute(
                "SELECT id FROM annotations WHERE article_id = ?", (from_version,)
            )
            alive.update(row[0] for row in rows)
        return alive

    def _restory(self, work: Work, old: int, new: int) -> None:
        """The stories holding the old version hold the new one in its place."""
        rows = self.conn.execute(
            "SELECT story_id, position FROM story_articles WHERE article_id = ?", (old,)
        ).fetchall()
        for story_id, position in rows:
            work.changes.delete("story_articles", {"story_id": story_id, "article_id": old})
            work.changes.put(
                "story_articles", {"story_id": story_id, "article_id": new, "position": position}
            )

    # -- orphans ------------------------------------------------------------------------

    def place_orphan(self, annotation_id: str, start: int, end: int) -> Annotation:
        """Put an orphan on the article's current version at ``start:end`` (the passage
        the user selected there); its tags, note and links go with it."""
        orphan = self._orphan_row(annotation_id)
        version = self.current_version(orphan.article_id)
        text = self.article_text(version)
        if not 0 <= start < end <= len(text):
            raise StoreError("nothing selected: the passage is empty or outside the article")
        exact, prefix, suffix = quote_selector(text, start, end)
        with self.action("place orphan") as work:
            work.changes.put("annotations", {"id": annotation_id, "article_id": version,
                                             "start": start, "end": end, "exact": exact,
                                             "prefix": prefix, "suffix": suffix})  # fmt: skip
            work.changes.delete("orphans", {"annotation_id": annotation_id})
        return self.annotation(annotation_id)

    def keep_orphan(self, annotation_id: str, kept: bool = True) -> None:
        """Leave an orphan on its version (no newer version tries it again), or not."""
        self._orphan_row(annotation_id)
        with self.action("leave orphan" if kept else "list orphan again") as work:
            work.changes.put("orphans", {"annotation_id": annotation_id, "kept": int(kept)})

    def _orphan_row(self, annotation_id: str) -> Annotation:
        found = self.conn.execute(
            "SELECT 1 FROM orphans WHERE annotation_id = ?", (annotation_id,)
        ).fetchone()
        if found is None:
            raise StoreError(f"{self.name}: annotation {annotation_id} is not an orphan")
        return self.annotation(annotation_id)

    # -- documents and files --------------------------------------------------------------

    def source_article(self, url: str = "", file_name: str = "") -> int | None:
        """The article (its current version) whose source is this URL, else this file
        name (when neither has a URL, and one article only has that name)."""
        if url:
            rows = self.conn.execute("SELECT id FROM current_articles WHERE url = ?", (url,))
        elif file_name:
            rows = self.conn.execute(
                "SELECT id FROM current_articles WHERE file_name = ? AND url = ''", (file_name,)
            )
        else:
            return None
        found = rows.fetchall()
        return int(found[0][0]) if len(found) == 1 else None

    def add_document_report(
        self, document: Document, progress: Progress | None = None, **metadata: str
    ) -> Addition:
        """Store a Document read by ``store.ingest`` (metadata overrides its guesses): the
        same text is not stored twice; a source already here with another text becomes
        a new version of its article."""
        fields = {**document.article_fields(), **metadata}
        existing = self.find_article(content_hash(document.text))
        if existing is not None:
            return Addition(existing, False)
        source = self.source_article(fields.get("url", ""), fields.get("file_name", ""))
        if source is None:
            article_id, added = self.add_article(document.text, **fields)
            return Addition(article_id, added)
        report = self.add_version(source, document.text, progress, **fields)
        return Addition(report.version, True, report)

    def add_document(self, document: Document, **metadata: str) -> tuple[int, bool]:
        """``add_document_report``'s article id and whether anything was added."""
        added = self.add_document_report(document, None, **metadata)
        return added.article_id, added.added

    def add_file_report(self, path: str | Path, progress: Progress | None = None) -> Addition:
        """Read a file (text in any encoding, a saved web page, Markdown) and store it (a
        new version of the article from a file of that name, if its text changed);
        raises IngestError or StoreError.

        A file whose bytes were imported before is found by their hash, without
        reading it as an article again: reopening a large file costs one read and
        one hash.
        """
        known = self.known_file(path)
        if known is not None:
            return Addition(known, False)
        return self.add_document_report(read_source(str(path)), progress)

    def known_file(self, path: str | Path) -> int | None:
        """The article a file's bytes were imported as before, if any (IngestError when
        the file cannot be read)."""
        row = self.conn.execute(
            "SELECT id FROM articles WHERE source_hash = ?", (source_hash(read_bytes(path)),)
        ).fetchone()
        return None if row is None else int(row[0])

    def add_file(self, path: str | Path) -> tuple[int, bool]:
        added = self.add_file_report(path)
        return added.article_id, added.added
