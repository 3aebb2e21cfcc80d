"""The schema, built step by step with sqlite-utils' ``Migrations``.

One function per change, never edited once released: a new change is a new
function, added at the end and named in ``store.schema.MIGRATIONS``.
docs/schema.md describes the tables.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from store.db.schema import MIGRATION_SET
from store.text.words import word_count

migrations = Migrations(MIGRATION_SET)

# What m001 made, frozen: a migration never reads a live constant, or changing the
# constant would make new databases differ from old ones (a link kind added to
# LINK_KINDS would pass Python's check and fail SQLite's on every older database).
_M001_KINDS = ("contradicts", "corroborates", "same-quote", "paraphrases", "other")
_M001_TAGS = (
    ("quote", 1, "#3b82f6", "A quotation: words attributed to someone"),
    ("contradiction", 2, "#ef4444", "Conflicts with another account or with itself"),
    ("claim", 3, "#f59e0b", "A factual claim to check"),
    ("question", 4, "#a855f7", "Something unclear or unanswered"),
    ("attribution", 5, "#10b981", "Who says so: a source or its credit"),
)
_KINDS = ", ".join(f"'{kind}'" for kind in _M001_KINDS)


@migrations()
def m001_initial(db: Database) -> None:
    for sql in (
        """CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )""",
        """CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            outlet TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            published TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            file_name TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL,
            content_hash TEXT NOT NULL UNIQUE,
            added TEXT NOT NULL
        )""",
        """CREATE TABLE tags (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            key INTEGER UNIQUE CHECK (key BETWEEN 1 AND 9),
            colour TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT ''
        )""",
        """CREATE TABLE annotations (
            id TEXT PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL CHECK (start >= 0),
            end INTEGER NOT NULL CHECK (end >= start),
            exact TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        )""",
        "CREATE INDEX annotations_by_position ON annotations(article_id, start, end)",
        """CREATE TABLE annotation_tags (
            annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (annotation_id, tag_id)
        )""",
        "CREATE INDEX annotation_tags_by_tag ON annotation_tags(tag_id)",
        f"""CREATE TABLE links (
            id TEXT PRIMARY KEY,
            source_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
            target_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ({_KINDS})),
            note TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            CHECK (source_id <> target_id)
        )""",
        "CREATE INDEX links_by_source ON links(source_id)",
        "CREATE INDEX links_by_target ON links(target_id)",
    ):
        db.execute(sql)
    db.table("tags").insert_all(
        {"name": name, "key": key, "colour": colour, "description": description}
        for name, key, colour, description in _M001_TAGS
    )


@migrations()
def m002_article_length_and_source_hash(db: Database) -> None:
    """Opening a large article must not read its whole text twice before the first screen."""
    db.execute("ALTER TABLE articles ADD COLUMN length INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE articles ADD COLUMN source_hash TEXT NOT NULL DEFAULT ''")
    db.execute("UPDATE articles SET length = length(text)")
    db.execute("CREATE INDEX articles_by_source_hash ON articles(source_hash)")


@migrations()
def m003_journal(db: Database) -> None:
    """Undo and redo that survive a restart: each user action's row changes, reversible."""
    db.execute(
        """CREATE TABLE journal (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            description TEXT NOT NULL,
            changes TEXT NOT NULL,
            undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
            created TEXT NOT NULL
        )"""
    )


@migrations()
def m004_views(db: Database) -> None:
    """Views that read well in other tools (``datasette reader.db``, a spreadsheet)."""
    db.execute(
        """CREATE VIEW passages AS
        SELECT a.id, ar.outlet, ar.title, a.start, a."end", a.exact AS passage,
               (SELECT group_concat(t.name, '; ') FROM annotation_tags x
                JOIN tags t ON t.id = x.tag_id WHERE x.annotation_id = a.id) AS tags,
               a.note, a.created, a.updated, a.article_id
        FROM annotations a JOIN articles ar ON ar.id = a.article_id
        ORDER BY a.article_id, a.start"""
    )
    db.execute(
        """CREATE VIEW linked_passages AS
        SELECT l.id, l.kind, sa.outlet AS source_outlet, s.exact AS source_passage,
               ta.outlet AS target_outlet, t.exact AS target_passage, l.note, l.created
        FROM links l
        JOIN annotations s ON s.id = l.source_id JOIN articles sa ON sa.id = s.article_id
        JOIN annotations t ON t.id = l.target_id JOIN articles ta ON ta.id = t.article_id
        ORDER BY l.created"""
    )


@migrations()
def m005_compare(db: Database) -> None:
    """The comparison's per-article cache, and the user's decisions on its suggestions."""
    db.execute(
        """CREATE TABLE compare_cache (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            version INTEGER NOT NULL,
            quotes TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE compare_decisions (
            id TEXT PRIMARY KEY,
            decision TEXT NOT NULL CHECK (decision IN ('accepted', 'dismissed')),
            created TEXT NOT NULL
        )"""
    )


@migrations()
def m006_position_order(db: Database) -> None:
    """Passages in text order straight from the index (start, end, then id), with
    no sort: an export of 100,000 passages reads them a quarter faster."""
    db.execute("DROP INDEX annotations_by_position")
    db.execute("CREATE INDEX annotations_by_position ON annotations(article_id, start, end, id)")


@migrations()
def m007_tag_roles_and_words(db: Database) -> None:
    """Tags know the role the program gives them (accepting a suggestion tags its
    passages "quote" or "contradiction", whatever the user renamed those tags to), and
    articles their word count (listed without reading every text)."""
    db.execute("ALTER TABLE tags ADD COLUMN role TEXT")
    db.execute("CREATE UNIQUE INDEX tags_by_role ON tags(role) WHERE role IS NOT NULL")
    for role, first_id in (("quote", 1), ("contradiction", 2)):
        # The tag of that name; else the one m001 made for it, if the user renamed it.
        db.execute(
            "UPDATE tags SET role = ? WHERE id = coalesce("
            " (SELECT id FROM tags WHERE name = ? COLLATE NOCASE),"
            " (SELECT id FROM tags WHERE id = ? AND role IS NULL"
            "  AND name NOT IN ('quote', 'contradiction')))",
            [role, role, first_id],
        )
    db.execute("ALTER TABLE articles ADD COLUMN words INTEGER NOT NULL DEFAULT 0")
    db.conn.create_function("reader_words", 1, word_count, deterministic=True)
    db.execute("UPDATE articles SET words = reader_words(text)")


SEEDS_STORY = "Sessions recusal, 2 March 2017"
"""The story the bundled seed articles make (also named in seeds/metadata.json)."""


@migrations()
def m008_stories(db: Database) -> None:
    """Stories: named sets of articles about one event, each opened side by side and
    coming back as it was left (``layout``). The articles of a database made before
    become one story, so that nothing in it is lost or hidden."""
    db.execute(
        """CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            created TEXT NOT NULL,
            opened TEXT NOT NULL DEFAULT '',
            layout TEXT NOT NULL DEFAULT '{}'
        )"""
    )
    db.execute(
        """CREATE TABLE story_articles (
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            PRIMARY KEY (story_id, article_id)
        )"""
    )
    db.execute("CREATE INDEX story_articles_by_article ON story_articles(article_id)")
    (count,) = db.execute("SELECT count(*) FROM articles").fetchone()
    if not count:
        return
    seeded = db.execute("SELECT 1 FROM meta WHERE key = 'seeds_imported'").fetchone()
    name = SEEDS_STORY if seeded else "My articles"
    when = db.execute("SELECT coalesce(max(added), '') FROM articles").fetchone()[0]
    db.execute(
        "INSERT INTO stories (id, name, created, opened) VALUES (1, ?, ?, ?)", [name, when, when]
    )
    db.execute(
        "INSERT INTO story_articles (story_id, article_id, position)"
        " SELECT 1, id, row_number() OVER (ORDER BY id) FROM articles"
    )
    db.execute(
        "INSERT INTO meta (key, value) VALUES ('story', '1')"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
    )


@migrations()
def m009_search(db: Database) -> None:
    """Search everything with SQLite FTS5, kept in step by triggers: the articles'
    titles, outlets and texts (indexed from the ``articles`` table itself, so their
    texts are not stored twice) and the annotations' notes. Tag names, a few dozen,
    are matched when searching, not indexed (an import of 100,000 tagged passages
    would pay for every tag twice)."""
    for sql in (
        """CREATE VIRTUAL TABLE article_search USING fts5(
            title, outlet, text, content='articles', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2')""",
        """CREATE TRIGGER article_search_insert AFTER INSERT ON articles BEGIN
            INSERT INTO article_search (rowid, title, outlet, text)
            VALUES (new.id, new.title, new.outlet, new.text);
        END""",
        """CREATE TRIGGER article_search_delete AFTER DELETE ON articles BEGIN
            INSERT INTO article_search (article_search, rowid, title, outlet, text)
            VALUES ('delete', old.id, old.title, old.outlet, old.text);
        END""",
        """CREATE TRIGGER article_search_update AFTER UPDATE OF title, outlet, text ON articles
        BEGIN
            INSERT INTO article_search (article_search, rowid, title, outlet, text)
            VALUES ('delete', old.id, old.title, old.outlet, old.text);
            INSERT INTO article_search (rowid, title, outlet, text)
            VALUES (new.id, new.title, new.outlet, new.text);
        END""",
        "INSERT INTO article_search (article_search) VALUES ('rebuild')",
        # The notes, indexed from the annotations table itself. Its rows have no
        # INTEGER PRIMARY KEY, so a VACUUM may renumber them: the search then finds
        # notes that do not match, and rebuilds the index (``store.db.search``).
        """CREATE VIRTUAL TABLE note_search USING fts5(
            note, content='annotations', content_rowid='rowid',
            tokenize='unicode61 remove_diacritics 2')""",
        """CREATE TRIGGER note_search_new AFTER INSERT ON annotations WHEN new.note <> '' BEGIN
            INSERT INTO note_search (rowid, note) VALUES (new.rowid, new.note);
        END""",
        """CREATE TRIGGER note_search_gone AFTER DELETE ON annotations WHEN old.note <> '' BEGIN
            INSERT INTO note_search (note_search, rowid, note)
            VALUES ('delete', old.rowid, old.note);
        END""",
        """CREATE TRIGGER note_search_edited AFTER UPDATE OF note ON annotations BEGIN
            INSERT INTO note_search (note_search, rowid, note)
            SELECT 'delete', old.rowid, old.note WHERE old.note <> '';
            INSERT INTO note_search (rowid, note) SELECT new.rowid, new.note WHERE new.note <> '';
        END""",
        """INSERT INTO note_search (rowid, note)
            SELECT rowid, note FROM annotations WHERE note <> ''""",
    ):
        db.execute(sql)


@migrations()
def m011_versions(db: Database) -> None:
    """Versions of an article: each an ``articles`` row of its own (its text never
    changes under its annotations), a later one naming the first in ``version_of``
    with its number in ``version``; which version the article shows, as an undoable
    fact (``current_versions``, one row per article that has versions); the
    annotations a new version could not take (``orphans``); and ``current_articles``,
    the articles as the library lists them (each at the version it shows)."""
    for sql in (
        "ALTER TABLE articles ADD COLUMN version_of INTEGER"
        " REFERENCES articles(id) ON DELETE CASCADE",
        "ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
        "CREATE INDEX articles_by_version_of ON articles(version_of) WHERE version_of IS NOT NULL",
        """CREATE TABLE current_versions (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            version_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
        )""",
        """CREATE TABLE orphans (
            annotation_id TEXT PRIMARY KEY REFERENCES annotations(id) ON DELETE CASCADE,
            version_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER,
            end INTEGER,
            score REAL NOT NULL DEFAULT 0,
            kept INTEGER NOT NULL DEFAULT 0 CHECK (kept IN (0, 1)),
            created TEXT NOT NULL
        )""",
        "CREATE INDEX orphans_by_version ON orphans(version_id)",
        """CREATE VIEW current_articles AS
        SELECT a.* FROM articles a
        WHERE a.id = coalesce(
            (SELECT c.version_id FROM current_versions c
             WHERE c.article_id = coalesce(a.version_of, a.id)),
            coalesce(a.version_of, a.id))""",
    ):
        db.execute(sql)


@migrations()
def m012_creators(db: Database) -> None:
    """Who made each annotation and link (``reader config user.name``, else the login
    name), kept by export, import and merge; '' (unknown) for those made before. And an
    imported annotation's facts that reader has no column for (``origin``: Hypothesis'
    group, page address and title, as a JSON object; '' for those made here)."""
    db.execute("ALTER TABLE annotations ADD COLUMN creator TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE annotations ADD COLUMN origin TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE links ADD COLUMN creator TEXT NOT NULL DEFAULT ''")


@migrations()
def m013_interchange_views(db: Database) -> None:
    """Views that join back: ``passages`` with its tags as a JSON array and who made
    it, ``passage_tags`` (one row per annotation and tag), and ``linked_passages``
    with both ends' annotation and article ids."""
    db.execute("DROP VIEW IF EXISTS passages")
    db.execute("DROP VIEW IF EXISTS linked_passages")
    db.execute(
        """CREATE VIEW passages AS
        SELECT a.id, ar.outlet, ar.title, a.start, a."end", a.exact AS passage,
               (SELECT json_group_array(name) FROM (SELECT t.name FROM annotation_tags x
                JOIN tags t ON t.id = x.tag_id WHERE x.annotation_id = a.id ORDER BY t.id))
               AS tags,
               a.note, a.created, a.updated, a.article_id, a.creator
        FROM annotations a JOIN articles ar ON ar.id = a.article_id
        ORDER BY a.article_id, a.start"""
    )
    db.execute(
        """CREATE VIEW passage_tags AS
        SELECT x.annotation_id AS passage_id, a.article_id, t.id AS tag_id, t.name AS tag
        FROM annotation_tags x JOIN tags t ON t.id = x.tag_id
        JOIN annotations a ON a.id = x.annotation_id
        ORDER BY a.article_id, a.start, t.id"""
    )
    db.execute(
        """CREATE VIEW linked_passages AS
        SELECT l.id, l.kind,
               l.source_id, s.article_id AS source_article_id, sa.outlet AS source_outlet,
               s.exact AS source_passage,
               l.target_id, t.article_id AS target_article_id, ta.outlet AS target_outlet,
               t.exact AS target_passage,
               l.note, l.created, l.creator
        FROM links l
        JOIN annotations s ON s.id = l.source_id JOIN articles sa ON sa.id = s.article_id
        JOIN annotations t ON t.id = l.target_id JOIN articles ta ON ta.id = t.article_id
        ORDER BY l.created"""
    )


@migrations()
def m014_windows(db: Database) -> None:
    """Several app windows open on one database: each action records the window it was
    made in, so that ``u`` in one window never undoes an action of another one still
    open (``windows`` lists the open ones, each saying every few seconds it still is)."""
    db.execute("ALTER TABLE journal ADD COLUMN window TEXT")
    db.execute(
        """CREATE TABLE windows (
            id TEXT PRIMARY KEY,
            pid INTEGER NOT NULL,
            host TEXT NOT NULL,
            seen TEXT NOT NULL
        )"""
    )


@migrations()
def m015_drafts(db: Database) -> None:
    """Drafts: text being written in an editor (a note, a tag's new name), kept as it is
    typed so that a crash loses at most the last second of it. ``subject`` says what the
    text is for (``note 3:120-245``: the note of article 3's passage from 120 to 245);
    saving or discarding the text deletes its row. Not journalled: a draft is not an
    action to undo."""
    db.execute(
        """CREATE TABLE drafts (
            subject TEXT PRIMARY KEY,
            text TEXT NOT NULL,
            saved TEXT NOT NULL
        )"""
    )
