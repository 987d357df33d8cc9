"""The embedded engine: one SQLite file, FTS5 for text, GROUP BY for facets.

Attributions live in a plain table with one column per facet (and a side table for the
multi-valued ``via`` outlets), so facet counts and filters are indexed lookups. Content is
indexed twice: with the porter stemmer for free text and without it for exact phrases.
The whole record is kept as JSON, so what comes out is exactly what went in.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

from cachetools import LRUCache

from schemas import OutletSchema, RecordError, SpeakerSchema, StatementSchema
from schemas.catalog import ARTICLE_COLUMNS, ATTRIBUTION_COLUMNS, FILTERS, FilterField
from schemas.change import ChangeSchema
from schemas.fields import Column
from store.base import (
    HL_END,
    HL_START,
    MAX_DIRECTORY_MATCHES,
    MAX_RESULT_WINDOW,
    SAMPLE,
    ArticleRecord,
    DirectoryEntry,
    DirectoryKind,
    DirectoryPage,
    DirectorySort,
    FacetValue,
    Hit,
    PutOutcome,
    SearchQuery,
    SearchResult,
    Store,
    StoreError,
    let_go,
    replaced_counts,
    stated,
)
from store.plan import LABELLED, SORTS, Plan, SortKey, reassign_label_field, reassigned
from store.query_text import ParsedText, Words, fts5_any, merge_marks
from store.records import (
    WORD_STARTS,
    keyword,
    outlet_keys,
    prepare_all,
    prepare_article,
    record_id,
    speaker_keys,
    text_order,
)
from store.spelling import MIN_LENGTH, closest, max_distance

T = TypeVar("T")


def _create_table(table: str, columns: dict[str, Column], first: str, last: str) -> str:
    """CREATE TABLE and CREATE INDEX for the columns a schema declares (``schemas.catalog``)."""
    specs = [first] if first else []
    specs += [" ".join(filter(None, (n, c.type, c.constraint))) for n, c in columns.items()]
    specs += [last] if last else []
    ddl = [f"CREATE TABLE IF NOT EXISTS {table} ({', '.join(specs)})"]
    for name, column in columns.items():
        if column.index:
            on = ", ".join((name, *column.index_with))
            ddl.append(f"CREATE INDEX IF NOT EXISTS {column.index} ON {table} ({on})")
    return ";\n".join(ddl) + ";\n"


# Tables and indices of the fields the schemas keep as columns; ``month`` (YYYY-MM of
# ``published``) buckets the histogram. Below: what only this engine needs.
SCHEMA = (
    _create_table("articles", ARTICLE_COLUMNS, "", "doc TEXT NOT NULL")
    + _create_table("attributions", ATTRIBUTION_COLUMNS, "rid INTEGER PRIMARY KEY", "month TEXT")
    + """
CREATE TABLE IF NOT EXISTS attribution_docs (rid INTEGER PRIMARY KEY, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS attributions_speaker_label ON attributions (speaker_id, id)
    WHERE speaker IS NOT NULL;
CREATE INDEX IF NOT EXISTS attributions_outlet_label ON attributions (outlet_id, id)
    WHERE outlet IS NOT NULL;
CREATE INDEX IF NOT EXISTS attributions_month ON attributions (month);
CREATE INDEX IF NOT EXISTS attributions_date ON attributions
    (published DESC, article_id, paragraph_index, sentence_index, id);
CREATE TABLE IF NOT EXISTS attribution_via (
    attribution INTEGER NOT NULL,
    outlet_id TEXT NOT NULL,
    outlet TEXT,
    PRIMARY KEY (attribution, outlet_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS attribution_via_outlet ON attribution_via (outlet_id);
CREATE TABLE IF NOT EXISTS attribution_earlier (
    attribution INTEGER NOT NULL,
    earlier_id TEXT NOT NULL,
    PRIMARY KEY (earlier_id, attribution)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS attribution_earlier_rid ON attribution_earlier (attribution);
CREATE VIRTUAL TABLE IF NOT EXISTS fts_stem
    USING fts5 (content, tokenize = 'porter unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE IF NOT EXISTS fts_exact
    USING fts5 (content, tokenize = 'unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE IF NOT EXISTS fts_exact_vocab USING fts5vocab (fts_exact, 'row');
CREATE TABLE IF NOT EXISTS speakers (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS speaker_names (
    key TEXT NOT NULL, speaker_id TEXT NOT NULL, PRIMARY KEY (key, speaker_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS speaker_names_speaker ON speaker_names (speaker_id);
CREATE TABLE IF NOT EXISTS outlets (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS outlet_names (
    key TEXT NOT NULL, outlet_id TEXT NOT NULL, PRIMARY KEY (key, outlet_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS outlet_names_outlet ON outlet_names (outlet_id);
CREATE TABLE IF NOT EXISTS statements (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS changes (id TEXT PRIMARY KEY, at TEXT NOT NULL, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS changes_at ON changes (at DESC, id);
CREATE TABLE IF NOT EXISTS statement_keys (
    key TEXT NOT NULL, statement_id TEXT NOT NULL, PRIMARY KEY (key, statement_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS statement_keys_statement ON statement_keys (statement_id);
CREATE TABLE IF NOT EXISTS generation (n INTEGER NOT NULL);
INSERT INTO generation (n) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM generation);
"""
)

# Directory kind -> (records table, their name keys, the attribution column pointing at them)
_DIRECTORY = {
    "speakers": ("speakers", "speaker_names", "speaker_id"),
    "outlets": ("outlets", "outlet_names", "outlet_id"),
}

# Column values stored keyword-folded, like the ``lowercase`` normalizer folds them on
# Elasticsearch (filter values are folded alike).
_FOLDED = frozenset(f.field for f in FILTERS if f.folded)
# List-valued filter fields live in a side table: field -> (table, id column, name column).
_SIDE_TABLES = {"via_outlet_ids": ("attribution_via", "outlet_id", "outlet")}
_MISSING = [f.field for f in FILTERS if f.multi and f.field not in _SIDE_TABLES]
if _MISSING:
    raise RuntimeError(f"list-valued filter fields without a SQLite side table: {_MISSING}")
_INSERT_ATTRIBUTION = (
    f"INSERT INTO attributions ({', '.join(ATTRIBUTION_COLUMNS)}, month)"
    f" VALUES ({', '.join('?' * (len(ATTRIBUTION_COLUMNS) + 1))})"
)
_INSERT_ARTICLE = (
    f"INSERT OR REPLACE INTO articles ({', '.join(ARTICLE_COLUMNS)}, doc)"
    f" VALUES ({', '.join('?' * (len(ARTICLE_COLUMNS) + 1))})"
)


def _order(keys: tuple[SortKey, ...]) -> str:
    """ORDER BY for the plan's sort keys; NULLs last (SQLite sorts them first ascending)."""
    terms = []
    for key in keys:
        column = "score" if key.field == "score" else f"a.{key.field}"
        if key.descending:
            terms.append(f"{column} DESC")
        elif key.nullable:
            terms += [f"{column} IS NULL", f"{column} ASC"]
        else:
            terms.append(column)
    return ", ".join(terms)


_BATCH = 200
COUNT_BUDGET = 0.02  # seconds an exact total may take when more than the sample match
WALK_DEPTH = 1_000  # pages starting deeper sort the matches instead of walking the index
# Walking the date index reads about (all rows / matches) rows per hit: cheap when a word is
# in most quotes, slow (0.4 s at 100,000 rows) for one in a few thousand, whose matches sort
# in a few milliseconds instead. So the walk starts at this many samples' worth of matches
# (10,000 for the default sample). Measured with bench/webapp.py's check-a-claim mix.
WALK_SAMPLES = 5
# CPU seconds the facets and the histogram of one search may take before the rest are
# counted over a sample (a speaker's 11,550 quotes of 100,000 took 0.23 s in full).
FACET_BUDGET = 0.02
# Words with filters and at most a sample of matches: the text's matches passing all filters
# but one are copied once when they are at most this many samples (10,000 for the default
# sample), else each facet with a filter of its own matches the text again.
NEAR_SAMPLES = 5
COUNTED_SEARCHES = 256  # searches whose counts each store handle keeps (LRU)
SCHEMA_VERSION = 2  # PRAGMA user_version of the files this module writes (2: verdict)


class SqliteStore(Store):
    """A store in one SQLite file (WAL mode): a connection per thread and per process.

    ``sample``: past this many matches of the text, facets count a sample (``SearchResult``);
    ``walk_from``: past this many, a newest-first page walks the date index;
    ``counted_searches``: how many searches' counts this handle keeps until the next write
    (0: none)."""

    engine = "sqlite"

    def __init__(
        self,
        path: str,
        sample: int = SAMPLE,
        walk_from: int | None = None,
        counted_searches: int = COUNTED_SEARCHES,
    ) -> None:
        self.path = str(path)
        self.sample = sample  # see SearchResult: past it, facets are sampled, hits by date
        # past this many matches a newest-first page walks the date index (WALK_SAMPLES)
        self.walk_from = WALK_SAMPLES * sample if walk_from is None else walk_from
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []
        self._pid = os.getpid()
        self._unanalyzed = 0  # attributions written since the planner statistics were taken
        # the counts of recent searches, by store generation (see _search); 0: none kept
        self._counted: LRUCache[tuple[Any, ...], _Counted] | None = (
            LRUCache(counted_searches) if counted_searches > 0 else None
        )
        try:
            conn = self._conn()
            conn.execute("PRAGMA journal_mode = WAL")
            with self._write(conn):
                self._check_version(conn)
                self._add_new_columns(conn)
                for statement in SCHEMA.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.Error as error:
            raise StoreError(f"SQLite database {self.path}: {error}") from None

    def _check_version(self, conn: sqlite3.Connection) -> None:
        """Refuse a file whose tables this code does not know, instead of failing later."""
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        columns = {row[1] for row in conn.execute("PRAGMA table_info(attributions)")}
        if version > SCHEMA_VERSION or (version == 0 and columns and "month" not in columns):
            raise StoreError(
                f"SQLite database {self.path} has tables of another quotetrail version"
                f" (schema {version}, this one writes {SCHEMA_VERSION}): move it away and index"
                " again"
            )

    @staticmethod
    def _add_new_columns(conn: sqlite3.Connection) -> None:
        """A file of an earlier version gains the columns the schemas declared since (their
        values are None until the records are written again)."""
        tables = (("articles", ARTICLE_COLUMNS), ("attributions", ATTRIBUTION_COLUMNS))
        for table, declared in tables:
            present = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
            if not present:
                continue  # a new file: SCHEMA creates the table
            for name, column in declared.items():
                if name not in present:
                    conn.execute(f"ALTER TABLE {table} ADD COLUMN {name} {column.type}")

    # --- connections -----------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA cache_size = -65536")
        conn.create_function("fold", 1, keyword, deterministic=True)
        return conn

    def _conn(self) -> sqlite3.Connection:
        """This thread's connection; a forked worker never reuses its parent's."""
        if os.getpid() != self._pid:
            with self._lock:
                if os.getpid() != self._pid:
                    self._pid = os.getpid()
                    self._connections = []
                    self._local = threading.local()
        conn = getattr(self._local, "conn", None)
        if conn is None:
            try:
                conn = self._connect()
            except sqlite3.Error as error:
                raise StoreError(f"SQLite database {self.path}: {error}") from None
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
        return conn

    @contextmanager
    def _write(self, conn: sqlite3.Connection) -> Iterator[None]:
        """A write transaction, taking the write lock up front so it never deadlocks; it
        moves the store to its next generation (searches counted before are not reused)."""
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield
                conn.execute("UPDATE generation SET n = n + 1")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        except sqlite3.OperationalError as error:
            raise StoreError(f"SQLite database {self.path}: {error}") from None

    @contextmanager
    def _read(self, conn: sqlite3.Connection) -> Iterator[None]:
        """A read transaction: several statements see one snapshot."""
        try:
            conn.execute("BEGIN")
            try:
                yield
            finally:
                conn.execute("COMMIT")
        except sqlite3.OperationalError as error:
            raise StoreError(f"SQLite database {self.path}: {error}") from None

    # --- writing -----------------------------------------------------------------------
    def put_articles(self, records: Iterable[ArticleRecord]) -> list[PutOutcome]:
        outcomes: list[PutOutcome] = []
        batch: list[tuple[int, ArticleRecord]] = []
        for index, record in enumerate(records):
            batch.append((index, record))
            if len(batch) >= _BATCH:
                outcomes += self._put_batch(batch)
                batch = []
        if batch:
            outcomes += self._put_batch(batch)
        self._unanalyzed += sum(o.attributions for o in outcomes if o.status != "unchanged")
        self._refresh_statistics()
        return outcomes

    def _refresh_statistics(self) -> None:
        """Re-sample the planner statistics once the data has grown by half.

        Without them SQLite cannot tell a selective filter (one outlet) from a broad one
        (one kind) and may drive a faceted query from the wrong index, ten times slower.
        """
        conn = self._conn()
        total = conn.execute("SELECT max(rid) FROM attributions").fetchone()[0] or 0
        if self._unanalyzed < max(1000, total // 2):
            return
        conn.execute("ANALYZE")
        self._unanalyzed = 0

    def _put_batch(self, batch: list[tuple[int, ArticleRecord]]) -> list[PutOutcome]:
        prepared = []
        outcomes: dict[int, PutOutcome] = {}
        for index, record in batch:
            try:
                prepared.append((index, *prepare_article(record)))
            except RecordError as error:
                outcomes[index] = PutOutcome(record_id(record, index), "rejected", error=str(error))
        conn = self._conn()
        with self._write(conn):
            for index, article, attributions in prepared:
                conn.execute("SAVEPOINT article")
                try:
                    outcomes[index] = self._put_article(conn, article, attributions)
                    conn.execute("RELEASE article")
                except sqlite3.IntegrityError as error:
                    conn.execute("ROLLBACK TO article")
                    conn.execute("RELEASE article")
                    outcomes[index] = PutOutcome(article["id"], "rejected", error=str(error))
        return [outcomes[index] for index, _ in batch]

    def _put_article(
        self, conn: sqlite3.Connection, article: dict[str, Any], attributions: list[dict]
    ) -> PutOutcome:
        row = conn.execute(
            "SELECT fingerprint FROM articles WHERE id = ?", (article["id"],)
        ).fetchone()
        if row and article["fingerprint"] and row[0] == article["fingerprint"]:
            return PutOutcome(article["id"], "unchanged", len(attributions))
        removed = changed = 0
        if row:
            old = conn.execute(
                "SELECT a.id, d.doc FROM attributions a JOIN attribution_docs d ON d.rid = a.rowid"
                " WHERE a.article_id = ?",
                (article["id"],),
            )
            docs = {ident: json.loads(doc) for ident, doc in old}
            stored = {ident: stated(doc) for ident, doc in docs.items()}
            earlier = {ident: doc.get("earlier_ids") or [] for ident, doc in docs.items()}
            removed, changed = replaced_counts(stored, attributions, earlier)
            released = tuple(sorted(let_go(docs.values(), attributions)))
            self._delete_attributions(conn, "article_id = ?", (article["id"],))
        conn.execute(
            _INSERT_ARTICLE, [*(article[name] for name in ARTICLE_COLUMNS), json.dumps(article)]
        )
        for attribution in attributions:
            self._delete_attributions(conn, "id = ?", (attribution["id"],))
            self._insert_attribution(conn, attribution)
        if not row:
            return PutOutcome(article["id"], "indexed", len(attributions))
        return PutOutcome(
            article["id"],
            "replaced",
            len(attributions),
            removed=removed,
            changed=changed,
            released=released,
        )

    def _insert_attribution(self, conn: sqlite3.Connection, a: dict[str, Any]) -> None:
        values = [
            keyword(a[name]) if name in _FOLDED and a[name] else a[name]
            for name in ATTRIBUTION_COLUMNS
        ]
        month = a["published"][:7] if a["published"] else None
        cursor = conn.execute(_INSERT_ATTRIBUTION, [*values, month])
        rid = cursor.lastrowid
        conn.execute("INSERT INTO attribution_docs (rid, doc) VALUES (?, ?)", (rid, json.dumps(a)))
        conn.execute("INSERT INTO fts_stem (rowid, content) VALUES (?, ?)", (rid, a["content"]))
        conn.execute("INSERT INTO fts_exact (rowid, content) VALUES (?, ?)", (rid, a["content"]))
        self._insert_via(conn, rid, a)
        conn.executemany(
            "INSERT OR IGNORE INTO attribution_earlier (attribution, earlier_id) VALUES (?, ?)",
            [(rid, earlier) for earlier in a.get("earlier_ids") or []],
        )

    @staticmethod
    def _insert_via(conn: sqlite3.Connection, rid: int, a: dict[str, Any]) -> None:
        labels = a["via_outlets"] or []
        conn.executemany(
            "INSERT OR IGNORE INTO attribution_via (attribution, outlet_id, outlet)"
            " VALUES (?, ?, ?)",
            [
                (rid, outlet_id, labels[i] if i < len(labels) else None)
                for i, outlet_id in enumerate(a["via_outlet_ids"] or [])
            ],
        )

    @staticmethod
    def _delete_attributions(conn: sqlite3.Connection, where: str, params: tuple) -> int:
        rids = [r[0] for r in conn.execute(f"SELECT rid FROM attributions WHERE {where}", params)]
        if not rids:
            return 0
        marks = ",".join("?" * len(rids))
        for table, column in (
            ("fts_stem", "rowid"),
            ("fts_exact", "rowid"),
            ("attribution_via", "attribution"),
            ("attribution_earlier", "attribution"),
            ("attribution_docs", "rid"),
            ("attributions", "rid"),
        ):
            conn.execute(f"DELETE FROM {table} WHERE {column} IN ({marks})", rids)
        return len(rids)

    def delete_article(self, article_id: str) -> bool:
        conn = self._conn()
        with self._write(conn):
            self._delete_attributions(conn, "article_id = ?", (article_id,))
            return conn.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount > 0

    def release_statements(self, statement_ids: Iterable[str]) -> list[str]:
        wanted = list(dict.fromkeys(statement_ids))
        conn = self._conn()
        with self._write(conn):
            gone = [
                (i,)
                for i in wanted
                if conn.execute(
                    "SELECT 1 FROM attributions WHERE statement_id = ? LIMIT 1", (i,)
                ).fetchone()
                is None
            ]
            conn.executemany("DELETE FROM statement_keys WHERE statement_id = ?", gone)
            conn.executemany("DELETE FROM statements WHERE id = ?", gone)
        return [i for (i,) in gone]

    def put_speakers(self, speakers: Iterable[dict[str, Any]]) -> None:
        self._put_named("speakers", "speaker_names", SpeakerSchema, speakers, speaker_keys)

    def put_outlets(self, outlets: Iterable[dict[str, Any]]) -> None:
        self._put_named("outlets", "outlet_names", OutletSchema, outlets, outlet_keys)

    def _put_named(self, table, names_table, schema, records, keys_of) -> None:
        owner = "speaker_id" if table == "speakers" else "outlet_id"
        cleaned = prepare_all(schema, records)
        conn = self._conn()
        with self._write(conn):
            for record in cleaned:
                conn.execute(
                    f"INSERT OR REPLACE INTO {table} (id, doc) VALUES (?, ?)",
                    (record["id"], json.dumps(record)),
                )
                conn.execute(f"DELETE FROM {names_table} WHERE {owner} = ?", (record["id"],))
                conn.executemany(
                    f"INSERT OR IGNORE INTO {names_table} (key, {owner}) VALUES (?, ?)",
                    [(key, record["id"]) for key in keys_of(record)],
                )

    def put_statements(self, statements: Iterable[dict[str, Any]]) -> None:
        cleaned = prepare_all(StatementSchema, statements)
        conn = self._conn()
        with self._write(conn):
            for record in cleaned:
                conn.execute(
                    "INSERT OR REPLACE INTO statements (id, doc) VALUES (?, ?)",
                    (record["id"], json.dumps(record)),
                )
                conn.execute("DELETE FROM statement_keys WHERE statement_id = ?", (record["id"],))
                conn.executemany(
                    "INSERT OR IGNORE INTO statement_keys (key, statement_id) VALUES (?, ?)",
                    [(key, record["id"]) for key in set(record["keys"])],
                )

    def delete_records(self, kind: str, ids: Iterable[str]) -> None:
        table, side, column = {
            "outlets": ("outlets", "outlet_names", "outlet_id"),
            "speakers": ("speakers", "speaker_names", "speaker_id"),
            "statements": ("statements", "statement_keys", "statement_id"),
        }[kind]
        rows = [(i,) for i in dict.fromkeys(ids)]
        conn = self._conn()
        with self._write(conn):
            conn.executemany(f"DELETE FROM {side} WHERE {column} = ?", rows)
            conn.executemany(f"DELETE FROM {table} WHERE id = ?", rows)

    def reassign(self, field_name: str, old: str, new: str, label: str | None = None) -> int:
        label_field = reassign_label_field(field_name)
        side = _SIDE_TABLES.get(field_name)
        conn = self._conn()
        with self._write(conn):
            if side:
                table, id_column, _ = side
                rows = conn.execute(
                    f"SELECT v.attribution, d.doc FROM {table} v JOIN attribution_docs d"
                    f" ON d.rid = v.attribution WHERE v.{id_column} = ?",
                    (old,),
                ).fetchall()
            else:
                rows = conn.execute(
                    f"SELECT a.rid, d.doc FROM attributions a JOIN attribution_docs d"
                    f" ON d.rid = a.rid WHERE a.{field_name} = ?",
                    (old,),
                ).fetchall()
            for rid, doc in rows:
                a = reassigned(json.loads(doc), field_name, old, new, label)
                if side:
                    conn.execute(f"DELETE FROM {side[0]} WHERE attribution = ?", (rid,))
                    self._insert_via(conn, rid, a)
                else:
                    changed = [c for c in (field_name, label_field) if c in ATTRIBUTION_COLUMNS]
                    conn.execute(
                        f"UPDATE attributions SET {', '.join(f'{c} = ?' for c in changed)}"
                        " WHERE rid = ?",
                        [*(a[c] for c in changed), rid],
                    )
                conn.execute(
                    "UPDATE attribution_docs SET doc = ? WHERE rid = ?", (json.dumps(a), rid)
                )
        return len(rows)

    def spelling(self, words: list[str]) -> dict[str, str]:
        conn = self._conn()
        found: dict[str, str] = {}
        with self._read(conn):
            for word in dict.fromkeys(w.lower() for w in words):
                if len(word) < MIN_LENGTH or conn.execute(
                    "SELECT 1 FROM fts_exact_vocab WHERE term = ?", (word,)
                ).fetchone():
                    continue
                spread = max_distance(word)
                rows = conn.execute(
                    "SELECT term, doc FROM fts_exact_vocab WHERE length(term) BETWEEN ? AND ?",
                    (len(word) - spread, len(word) + spread),
                )
                best = closest(word, rows)
                if best:
                    found[word] = best
        return found

    def put_change(self, change: dict[str, Any]) -> None:
        (record,) = prepare_all(ChangeSchema, [change])
        conn = self._conn()
        with self._write(conn):
            conn.execute(
                "INSERT OR REPLACE INTO changes (id, at, doc) VALUES (?, ?, ?)",
                (record["id"], record["at"], json.dumps(record)),
            )

    def get_change(self, change_id: str) -> dict[str, Any] | None:
        return self._doc("SELECT doc FROM changes WHERE id = ?", (change_id,))

    def changes(self, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        return self._docs(
            "SELECT doc FROM changes ORDER BY at DESC, id DESC LIMIT ? OFFSET ?", (limit, offset)
        )

    def relabel(self, where_field: str, value: str, field_name: str, new: Any) -> int:
        if where_field not in ATTRIBUTION_COLUMNS:
            raise ValueError(f"attributions cannot be selected by {where_field!r}")
        conn = self._conn()
        with self._write(conn):
            rows = conn.execute(
                f"SELECT a.rid, d.doc FROM attributions a JOIN attribution_docs d"
                f" ON d.rid = a.rid WHERE a.{where_field} = ?",
                (value,),
            ).fetchall()
            for rid, doc in rows:
                conn.execute(
                    "UPDATE attribution_docs SET doc = ? WHERE rid = ?",
                    (json.dumps({**json.loads(doc), field_name: new}), rid),
                )
                if field_name in ATTRIBUTION_COLUMNS:
                    conn.execute(
                        f"UPDATE attributions SET {field_name} = ? WHERE rid = ?", (new, rid)
                    )
        return len(rows)

    # --- reading -----------------------------------------------------------------------
    def _doc(self, sql: str, params: tuple) -> dict[str, Any] | None:
        row = self._conn().execute(sql, params).fetchone()
        return json.loads(row[0]) if row else None

    def _docs(self, sql: str, params: tuple | list) -> list[dict[str, Any]]:
        return [json.loads(row[0]) for row in self._conn().execute(sql, params)]

    def get_article(self, article_id: str) -> dict[str, Any] | None:
        return self._doc("SELECT doc FROM articles WHERE id = ?", (article_id,))

    def get_attribution(self, attribution_id: str) -> dict[str, Any] | None:
        return self._doc(
            "SELECT d.doc FROM attributions a JOIN attribution_docs d ON d.rid = a.rid"
            " WHERE a.id = ?",
            (attribution_id,),
        )

    def moved_attribution(self, attribution_id: str) -> str | None:
        row = self._conn().execute(
            "SELECT a.id FROM attribution_earlier e JOIN attributions a ON a.rid = e.attribution"
            " WHERE e.earlier_id = ? ORDER BY a.rid DESC LIMIT 1",
            (attribution_id,),
        ).fetchone()
        return row[0] if row else None

    def article_attributions(self, article_id: str) -> list[dict[str, Any]]:
        docs = self._docs(
            "SELECT d.doc FROM attributions a JOIN attribution_docs d ON d.rid = a.rid"
            " WHERE a.article_id = ?",
            (article_id,),
        )
        return sorted(docs, key=text_order)

    def get_speaker(self, speaker_id: str) -> dict[str, Any] | None:
        return self._doc("SELECT doc FROM speakers WHERE id = ?", (speaker_id,))

    def get_outlet(self, outlet_id: str) -> dict[str, Any] | None:
        return self._doc("SELECT doc FROM outlets WHERE id = ?", (outlet_id,))

    def get_statement(self, statement_id: str) -> dict[str, Any] | None:
        return self._doc("SELECT doc FROM statements WHERE id = ?", (statement_id,))

    def find_speakers(self, name: str, limit: int = 20) -> list[dict[str, Any]]:
        return self._docs(
            "SELECT doc FROM speakers WHERE id IN"
            " (SELECT speaker_id FROM speaker_names WHERE key = ?) ORDER BY id LIMIT ?",
            (keyword(name), limit),
        )

    def find_outlets(self, name_or_domain: str, limit: int = 20) -> list[dict[str, Any]]:
        return self._docs(
            "SELECT doc FROM outlets WHERE id IN"
            " (SELECT outlet_id FROM outlet_names WHERE key = ?) ORDER BY id LIMIT ?",
            (keyword(name_or_domain), limit),
        )

    def directory(
        self,
        kind: DirectoryKind,
        text: str = "",
        sort: DirectorySort = "count",
        page: int = 1,
        per_page: int = 50,
    ) -> DirectoryPage:
        table, names, owner = _DIRECTORY[kind]
        wanted = keyword(text.strip())
        # an outlet also carries the attributions it relayed (see Store.directory)
        relayed = (
            "(SELECT count(*) FROM attribution_via v WHERE v.outlet_id = r.id)"
            if kind == "outlets"
            else "0"
        )
        # only records that still carry an attribution (see Store.directory)
        where = f"WHERE (EXISTS (SELECT 1 FROM attributions a WHERE a.{owner} = r.id)"
        if kind == "outlets":
            where += " OR EXISTS (SELECT 1 FROM attribution_via v WHERE v.outlet_id = r.id)"
        where, params = where + ")", []
        if wanted:  # store.records.name_matches, as LIKE patterns on the folded name keys
            like = wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            where += f" AND r.id IN (SELECT {owner} FROM {names} WHERE key LIKE ? ESCAPE '\\'"
            where += "".join(" OR key LIKE ? ESCAPE '\\'" for _ in WORD_STARTS) + ")"
            params = [f"{like}%", *(f"%{start}{like}%" for start in WORD_STARTS)]
        order = "n + relayed DESC, name, id" if sort == "count" else "name, id"
        rows = self._conn().execute(
            f"SELECT doc, n, relayed, count(*) OVER () FROM (SELECT r.id, r.doc,"
            f" fold(json_extract(r.doc, '$.name')) AS name,"
            f" (SELECT count(*) FROM attributions a WHERE a.{owner} = r.id) AS n,"
            f" {relayed} AS relayed"
            f" FROM {table} r {where} LIMIT ?) ORDER BY {order} LIMIT ? OFFSET ?",
            [*params, MAX_DIRECTORY_MATCHES, per_page, (max(page, 1) - 1) * per_page],
        ).fetchall()
        total = rows[0][3] if rows else self._directory_total(table, where, params)
        entries = [DirectoryEntry(json.loads(d), n, r) for d, n, r, _ in rows]
        return DirectoryPage(total, entries)

    def _directory_total(self, table: str, where: str, params: list[str]) -> int:
        """How many records match, for a page past the last one."""
        row = self._conn().execute(
            f"SELECT count(*) FROM (SELECT 1 FROM {table} r {where} LIMIT ?)",
            [*params, MAX_DIRECTORY_MATCHES],
        ).fetchone()
        return int(row[0])

    def statements_by_keys(self, keys: Iterable[str], limit: int = 50) -> list[dict[str, Any]]:
        keys = sorted(set(keys))
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        return self._docs(
            "SELECT s.doc FROM statement_keys k JOIN statements s ON s.id = k.statement_id"
            f" WHERE k.key IN ({marks}) GROUP BY s.id ORDER BY count(*) DESC, s.id LIMIT ?",
            [*keys, limit],
        )

    def articles_by_body_hash(self, body_hash: str) -> list[dict[str, Any]]:
        return self._docs(
            "SELECT doc FROM articles WHERE body_hash = ?"
            " ORDER BY published IS NULL, published, id",
            (body_hash,),
        )

    # --- search ------------------------------------------------------------------------
    def search(self, query: SearchQuery) -> SearchResult:
        plan = _Sql(Plan(query))
        conn = self._conn()
        try:
            with self._read(conn):
                return self._search(conn, query, plan)
        except sqlite3.OperationalError as error:
            raise StoreError(f"SQLite database {self.path}: {error}") from None

    def _search(self, conn: sqlite3.Connection, query: SearchQuery, plan: _Sql) -> SearchResult:
        """The counts this generation of the store already made for the same query (another
        page or order of it: see :func:`_counting_key`), else counted now; then the page."""
        kept = self._counted
        if kept is None:
            counted = self._count(conn, query, plan)
        else:
            generation = conn.execute("SELECT n FROM generation").fetchone()[0]
            key = (generation, _counting_key(query))
            with self._lock:
                counted = kept.get(key)
            if counted is None:
                counted = self._count(conn, query, plan)
                with self._lock:
                    kept[key] = counted
        return SearchResult(
            counted.total,
            self._hits(conn, query, plan, counted),
            {name: list(values) for name, values in counted.facets.items()},
            list(counted.histogram),
            dict(counted.facet_totals),
            total_exact=counted.total_exact,
            sample=self.sample if counted.sampled else None,
            unranked=counted.many and plan.plan.ranked,
        )

    def _count(self, conn: sqlite3.Connection, query: SearchQuery, plan: _Sql) -> _Counted:
        """The total, the facets and the histogram of a query.

        Past ``self.sample`` matches of the text (with the filters), see :meth:`_count_many`.
        Otherwise the matches are copied once (``temp.matched``) and the total, the
        histogram and the facets without a filter of their own read only those; a facet
        with a filter of its own counts the text's matches under the other filters. Each
        facet and the histogram is counted in full within :data:`FACET_BUDGET` (CPU time of
        the whole search), else over the first ``self.sample`` rows it would count, and the
        result says it was sampled. The overview of the whole store (no words, filters or
        dates) is always counted in full: it is one query, kept until the next write.
        """
        if plan.parsed:  # without text, filters read indices: counted in full, as pages need
            where, params = plan.where()
            conn.execute("DROP TABLE IF EXISTS temp.sampled")
            conn.execute(
                f"CREATE TEMP TABLE sampled AS SELECT a.* {plan.unranked_source} WHERE {where}"
                " LIMIT ?",
                [*params, self.sample + 1],
            )
            if conn.execute("SELECT count(*) FROM temp.sampled").fetchone()[0] > self.sample:
                conn.execute("DELETE FROM temp.sampled WHERE rowid > ?", (self.sample,))
                return self._count_many(conn, query, plan)
            if plan.plan.filters and query.facets:
                self._near(conn, plan)
            self._materialize(conn, plan)
        where, params = plan.where()
        total = conn.execute(f"SELECT count(*) {plan.source} WHERE {where}", params).fetchone()[0]
        facets: dict[str, list[FacetValue]] = {}
        facet_totals: dict[str, int] = {}
        histogram: list[tuple[str, int]] = []
        sampled = False
        if query.facets:
            bounded = bool(plan.parsed or plan.plan.filters or plan.dates)
            budget = _Budget(conn, FACET_BUDGET if bounded else None)
            own = {f.name for f, _ in plan.plan.filters}
            samples: dict[tuple[str, str], str] = {}
            for facet in plan.plan.facets:
                if facet.name in own and plan.near_source:  # the rows it needs, copied
                    where_facet, params_facet = plan.where(exclude=facet.name, text=False)
                    source = plan.near_source
                elif facet.name in own and plan.parsed:  # temp.matched lacks the rows it needs
                    where_facet, filter_params = plan.where(exclude=facet.name, text=False)
                    source, params_facet = plan.match_source, [*plan.match_params, *filter_params]
                else:
                    where_facet, params_facet = plan.where(exclude=facet.name)
                    source = plan.source
                only = plan.plan.facet_values.get(facet.name, ())
                counted_facet = budget.run(
                    partial(
                        self._facet, conn, source, where_facet, params_facet, facet,
                        query.facet_size, driven=bool(plan.parsed), only=only,
                    )
                )
                if counted_facet is None:
                    sampled = True
                    first = self._first(conn, samples, source, where_facet, params_facet)
                    counted_facet = self._facet(
                        conn, first, "1", [], facet, query.facet_size, driven=True, only=only
                    )
                facets[facet.name], facet_totals[facet.name] = counted_facet
            full = budget.run(partial(self._histogram, conn, plan.source, where, params))
            if full is None:
                sampled = True
                first = self._first(conn, samples, plan.source, where, params)
                full = self._histogram(conn, first, "1", [])
            histogram = full
        return _Counted(total, True, facets, facet_totals, histogram, sampled, many=False)

    def _count_many(self, conn: sqlite3.Connection, query: SearchQuery, plan: _Sql) -> _Counted:
        """More than ``self.sample`` attributions match the text: facets and the histogram
        count the first ``self.sample`` matches the index yields (``temp.sampled``; a facet
        with a filter of its own counts a sample of its own, without that filter); the exact
        total is counted within :data:`COUNT_BUDGET` seconds, else it is the sample size,
        flagged as a lower bound. The hits are newest first (:meth:`_hits`).
        """
        where, params = plan.where()
        source = plan.unranked_source
        counted = (
            f"SELECT count(*) FROM ({plan.unranked_match})"
            if where == "1"
            else f"SELECT count(*) {source} WHERE {where}"
        )
        total = _within(conn, COUNT_BUDGET, counted, params)
        facets: dict[str, list[FacetValue]] = {}
        facet_totals: dict[str, int] = {}
        histogram: list[tuple[str, int]] = []
        sampled = "FROM temp.sampled a"
        if query.facets:
            own = {f.name for f, _ in plan.plan.filters}
            for facet in plan.plan.facets:
                if facet.name in own:
                    where_facet, params_facet = plan.where(exclude=facet.name)
                    facet_source = (
                        f"FROM (SELECT a.* {source} WHERE {where_facet} LIMIT {self.sample}) a"
                    )
                else:
                    facet_source, params_facet = sampled, []
                facets[facet.name], facet_totals[facet.name] = self._facet(
                    conn, facet_source, "1", params_facet, facet, query.facet_size,
                    driven=True, only=plan.plan.facet_values.get(facet.name, ()),
                )
            histogram = self._histogram(conn, sampled, "1", [])
        return _Counted(
            self.sample if total is None else total,
            total is not None,
            facets,
            facet_totals,
            histogram,
            sampled=True,
            many=True,
        )

    def _near(self, conn: sqlite3.Connection, plan: _Sql) -> bool:
        """Copy the text's matches that pass every filter but at most one (and the dates),
        unscored, when they are at most :data:`NEAR_SAMPLES` samples: each facet with a
        filter of its own then counts those (``plan.near_source``) instead of matching the
        text again. False, leaving ``plan`` as it was, when there are more."""
        clause, params = plan.near_where()
        limit = NEAR_SAMPLES * self.sample
        conn.execute("DROP TABLE IF EXISTS temp.near")
        conn.execute(
            f"CREATE TEMP TABLE near AS SELECT a.* {plan.unranked_source} WHERE {clause}"
            " LIMIT ?",
            [*params, limit + 1],
        )
        if conn.execute("SELECT count(*) FROM temp.near").fetchone()[0] > limit:
            return False
        plan.near_source = "FROM temp.near a"
        return True

    def _first(
        self,
        conn: sqlite3.Connection,
        samples: dict[tuple[str, str], str],
        source: str,
        where: str,
        params: list[Any],
    ) -> str:
        """A FROM clause of the first ``self.sample`` rows of ``source`` passing ``where``,
        as ``a``: the sample a facet counts when it cannot count them all, copied once per
        search into a temporary table (``samples`` maps source and condition to it)."""
        if (source, where) not in samples:
            table = f"temp.first{len(samples)}"
            conn.execute(f"DROP TABLE IF EXISTS {table}")
            conn.execute(
                f"CREATE TABLE {table} AS SELECT a.* {source} WHERE {where} LIMIT ?",
                [*params, self.sample],
            )
            samples[source, where] = f"FROM {table} a"
        return samples[source, where]

    @staticmethod
    def _materialize(conn: sqlite3.Connection, plan: _Sql) -> None:
        """Match the text once, copying the rows that pass the filters with their score
        (at most the sample): the count, the facets, the histogram and the page read those."""
        if plan.is_materialized:
            return
        where, params = plan.where()
        conn.execute("DROP TABLE IF EXISTS temp.matched")
        conn.execute(
            f"CREATE TEMP TABLE matched AS SELECT a.*, t.score {plan.source} WHERE {where}",
            params,
        )
        plan.materialized()

    def _hits(
        self, conn: sqlite3.Connection, query: SearchQuery, plan: _Sql, counted: _Counted
    ) -> list[Hit]:
        """The query's page. Past the sample (``counted.many``) the hits are newest first:
        down the date index keeping the rows the text matches when many match (a page reads
        a few dozen rows), else sorting the matches."""
        if not counted.many:
            if plan.parsed:
                self._materialize(conn, plan)
            where, params = plan.where()
            page = f"SELECT a.rid, {plan.score} {plan.source} WHERE {where} ORDER BY {plan.order}"
            return self._page(conn, query, plan, counted.total, page, params)
        newest_first = query.sort != "date_asc"
        offset = (max(query.page, 1) - 1) * query.per_page
        walk = not counted.total_exact or counted.total >= self.walk_from
        if newest_first and offset < WALK_DEPTH and walk:
            text, text_params = plan.matches_row("a.rid")
            filters, filter_params = plan.where(text=False)
            page = (
                f"SELECT a.rid, NULL FROM attributions a WHERE {text} AND {filters}"
                f" ORDER BY {_order(SORTS['date'])}"
            )
            page_params = [*text_params, *filter_params]
        else:
            where, page_params = plan.where()
            order = _order(SORTS["date"]) if newest_first else plan.order
            page = f"SELECT a.rid, NULL {plan.unranked_source} WHERE {where} ORDER BY {order}"
        return self._page(conn, query, plan, counted.total, page, page_params)

    def _page(
        self,
        conn: sqlite3.Connection,
        query: SearchQuery,
        plan: _Sql,
        total: int,
        sql: str,
        params: list[Any],
    ) -> list[Hit]:
        """The query's page of ``sql`` (SELECT rid, score ... ORDER BY), with documents and
        highlights."""
        offset = (max(query.page, 1) - 1) * query.per_page
        if offset >= min(total, MAX_RESULT_WINDOW) or query.per_page <= 0:
            return []
        size = min(query.per_page, MAX_RESULT_WINDOW - offset)
        rows = conn.execute(f"{sql} LIMIT ? OFFSET ?", [*params, size, offset]).fetchall()
        rids = [rid for rid, _ in rows]
        docs = dict(
            conn.execute(
                f"SELECT rid, doc FROM attribution_docs WHERE rid IN ({','.join('?' * len(rids))})",
                rids,
            ).fetchall()
        )
        marks = self._highlights(conn, plan.parsed, rids) if query.highlight else {}
        hits = []
        for rid, score in rows:
            attribution = json.loads(docs[rid])
            hits.append(Hit(attribution, marks.get(rid, attribution["content"]), score))
        return hits

    @staticmethod
    def _histogram(
        conn: sqlite3.Connection, source: str, where: str, params: list[Any]
    ) -> list[tuple[str, int]]:
        return [
            (month, count)
            for month, count in conn.execute(
                f"SELECT a.month, count(*) {source}"
                f" WHERE {where} AND a.month IS NOT NULL GROUP BY a.month ORDER BY a.month",
                params,
            )
        ]

    def _facet(
        self,
        conn: sqlite3.Connection,
        source: str,
        where: str,
        params: list[Any],
        facet: FilterField,
        size: int,
        driven: bool,
        only: Sequence[str] = (),
    ) -> tuple[list[FacetValue], int]:
        """Counts of one facet over ``source`` rows passing ``where`` (every filter but the
        facet's own, so OR-within shows). ``driven``: the rows come from a text match or a
        sample, so they drive; else the few relayed quotes of a side table do. ``only``: count
        just these values (``SearchQuery.facet_values``); empty counts every value."""
        side = _SIDE_TABLES.get(facet.field)
        if side and driven:
            column = f"v.{side[1]}"
            source = f"{source} JOIN {side[0]} v ON v.attribution = a.rid"
        elif side:  # the few relayed quotes drive, not every attribution
            column = f"v.{side[1]}"
            source = f"FROM {side[0]} v"
            if where != "1":  # no condition on the attribution: the side table alone
                source += " CROSS JOIN attributions a ON a.rid = v.attribution"
        else:
            column = f"a.{facet.field}"
        if only:  # the facet filter box asks for these values' counts only
            where += f" AND {column} IN ({','.join('?' * len(only))})"
            params = [*params, *only]
        rows = conn.execute(
            f"SELECT value, n, count(*) OVER () FROM (SELECT {column} AS value, count(*) AS n"
            f" {source} WHERE {where} AND {column} IS NOT NULL GROUP BY {column})"
            " ORDER BY n DESC, value LIMIT ?",
            [*params, max(size, 1)],  # one row at least: it carries the distinct total
        ).fetchall()
        distinct = rows[0][2] if rows else 0
        rows = rows[: max(size, 0)]
        labels = self._labels(conn, facet, [r[0] for r in rows])
        values = [FacetValue(value, count, labels.get(value, value)) for value, count, _ in rows]
        return values, distinct

    def _labels(
        self, conn: sqlite3.Connection, facet: FilterField, values: list[str]
    ) -> dict[str, str]:
        """Display names (``store.plan.LABELLED``): the record's name, else the name the
        text used in the first attribution (by id) that has one."""
        if facet.name not in LABELLED or not values:
            return {}
        marks = ",".join("?" * len(values))
        labels = dict(
            conn.execute(
                f"SELECT id, json_extract(doc, '$.name') FROM {LABELLED[facet.name]}"
                f" WHERE id IN ({marks})",
                values,
            ).fetchall()
        )
        side = _SIDE_TABLES.get(facet.field)
        if side:
            table, id_column, name_column = side
            sql = (
                f"SELECT v.{name_column} FROM {table} v JOIN attributions a"
                f" ON a.rid = v.attribution WHERE v.{id_column} = ?"
                f" AND v.{name_column} IS NOT NULL ORDER BY a.id LIMIT 1"
            )
        else:
            column, label = facet.field, facet.filter.label_field
            sql = (
                f"SELECT {label} FROM attributions WHERE {column} = ?"
                f" AND {label} IS NOT NULL ORDER BY id LIMIT 1"
            )
        for value in values:
            if value in labels:
                continue
            row = conn.execute(sql, (value,)).fetchone()
            if row:
                labels[value] = row[0]
        return labels

    @staticmethod
    def _highlights(
        conn: sqlite3.Connection, parsed: ParsedText, rids: list[int]
    ) -> dict[int, str]:
        if not parsed.positive or not rids:
            return {}
        marked: dict[int, list[str]] = {rid: [] for rid in rids}
        contents: dict[int, str] = {}
        marks = ",".join("?" * len(rids))
        for table in ("fts_stem", "fts_exact"):
            words = [w for w in parsed.positive if w.exact == (table == "fts_exact")]
            if not words:
                continue
            for rid, content, text in conn.execute(
                f"SELECT rowid, content, highlight({table}, 0, ?, ?) FROM {table}"
                f" WHERE {table} MATCH ? AND rowid IN ({marks})",
                [HL_START, HL_END, fts5_any(words), *rids],
            ):
                contents[rid] = content
                marked[rid].append(text)
        return {rid: merge_marks(contents[rid], marked[rid]) for rid in contents}

    def scan(self, query: SearchQuery) -> Iterator[dict[str, Any]]:
        """Streamed from a private connection, so the caller may write while reading."""
        plan = _Sql(Plan(query))
        where, params = plan.where()
        conn = self._connect()
        try:
            cursor = conn.execute(
                f"SELECT d.doc {plan.source} JOIN attribution_docs d ON d.rid = a.rid"
                f" WHERE {where} ORDER BY {plan.order}",
                params,
            )
            while rows := cursor.fetchmany(500):
                for (doc,) in rows:
                    yield json.loads(doc)
        except sqlite3.OperationalError as error:
            raise StoreError(f"SQLite database {self.path}: {error}") from None
        finally:
            conn.close()

    def stats(self) -> dict[str, int]:
        conn = self._conn()
        with self._read(conn):
            return {
                table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("articles", "attributions", "speakers", "outlets", "statements")
            }

    # --- lifecycle ---------------------------------------------------------------------
    def ping(self) -> None:
        try:
            self._conn().execute("SELECT count(*) FROM articles").fetchone()
        except sqlite3.Error as error:
            raise StoreError(f"SQLite database {self.path}: {error}") from None

    def clear(self) -> None:
        conn = self._conn()
        with self._write(conn):
            for table in (
                "articles",
                "attributions",
                "attribution_docs",
                "attribution_via",
                "attribution_earlier",
                "fts_stem",
                "fts_exact",
                "speakers",
                "speaker_names",
                "outlets",
                "outlet_names",
                "statements",
                "statement_keys",
                "changes",
            ):
                conn.execute(f"DELETE FROM {table}")

    def close(self) -> None:
        with self._lock:
            connections, self._connections = self._connections, []
            self._local = threading.local()
        for conn in connections:
            conn.close()


def _within(
    conn: sqlite3.Connection, seconds: float, sql: str, params: list[Any]
) -> int | None:
    """The single number ``sql`` answers, or None when it takes longer than ``seconds``
    (SQLite's progress handler interrupts it)."""
    deadline = time.perf_counter() + seconds
    conn.set_progress_handler(lambda: time.perf_counter() > deadline, 2_000)
    try:
        return int(conn.execute(sql, params).fetchone()[0])
    except sqlite3.OperationalError as error:
        if "interrupt" not in str(error):
            raise
        return None
    finally:
        conn.set_progress_handler(None, 0)


class _Budget:
    """CPU time (this thread's, so other searches and processes do not spend it) that a
    group of statements may take together; ``seconds`` None: no limit."""

    def __init__(self, conn: sqlite3.Connection, seconds: float | None) -> None:
        self.conn = conn
        self.deadline = None if seconds is None else time.thread_time() + seconds

    def run(self, work: Callable[[], T]) -> T | None:
        """What ``work`` returns, or None when the budget runs out before it is done (SQLite's
        progress handler interrupts it) or already has."""
        deadline = self.deadline
        if deadline is None:
            return work()
        if time.thread_time() > deadline:
            return None
        self.conn.set_progress_handler(lambda: time.thread_time() > deadline, 1_000)
        try:
            return work()
        except sqlite3.OperationalError as error:
            if "interrupt" not in str(error):
                raise
            return None
        finally:
            self.conn.set_progress_handler(None, 0)


@dataclass(frozen=True)
class _Counted:
    """What a search counts, apart from its page: kept per store generation. ``sampled``:
    some facet or the histogram counted a sample; ``many``: more than the sample match the
    text, so the hits are newest first and the total may be a lower bound."""

    total: int
    total_exact: bool
    facets: dict[str, list[FacetValue]]
    facet_totals: dict[str, int]
    histogram: list[tuple[str, int]]
    sampled: bool
    many: bool


def _counting_key(query: SearchQuery) -> tuple[Any, ...]:
    """What the counts of a search depend on: not its page, order or highlighting."""
    return (
        query.text,
        tuple(sorted((name, tuple(values)) for name, values in query.filters.items())),
        query.date_from,
        query.date_to,
        query.facets,
        query.facet_size,
        tuple(sorted((name, tuple(values)) for name, values in query.facet_values.items())),
    )


def _fts_part(table: str, expression: str, ranked: bool) -> tuple[str, list[Any]]:
    """Rows of one FTS table matching ``expression``, with their bm25 score when ranked
    (bm25 costs as much as the match itself)."""
    score = "-rank" if ranked else "NULL"
    return f"SELECT rowid AS rid, {score} AS score FROM {table} WHERE {table} MATCH ?", [
        expression
    ]


def _text_match(parsed: ParsedText, ranked: bool) -> tuple[str, list[Any]]:
    """SELECT rid, score of the attributions the parsed text finds (``store.query_text``).

    Clauses whose alternatives are all stemmed (or all exact) become one FTS5 expression
    per table; a clause mixing both is the union of the two tables' matches. The parts are
    joined on rid, their scores added. Exclusions remove the rows their FTS match finds;
    with nothing required, every attribution but those.
    """
    by_table: dict[str, list[str]] = {"fts_stem": [], "fts_exact": []}
    parts: list[tuple[str, list[Any]]] = []
    for clause in parsed.required:
        tables = {"fts_exact" if w.exact else "fts_stem" for w in clause}
        if len(tables) == 1:
            by_table[tables.pop()].append(fts5_any(clause))
            continue
        union = [
            _fts_part(table, fts5_any([w for w in clause if w.exact == exact]), ranked)
            for table, exact in (("fts_stem", False), ("fts_exact", True))
        ]
        # Unranked, a merge of the two rowid-ordered matches streams (a sample stops it
        # early); ranked, the scores of a row found in both tables are added.
        combined = (
            f"SELECT rid, sum(score) AS score FROM ({union[0][0]} UNION ALL {union[1][0]})"
            " GROUP BY rid"
            if ranked
            else f"SELECT rid, NULL AS score FROM ({union[0][0]} UNION {union[1][0]} ORDER BY 1)"
        )
        parts.append((combined, union[0][1] + union[1][1]))
    for table, expressions in by_table.items():
        if expressions:
            parts.insert(0, _fts_part(table, " AND ".join(expressions), ranked))
    if not parts:
        parts = [("SELECT rid, NULL AS score FROM attributions", [])]
    sql = f"SELECT p0.rid AS rid, {' + '.join(f'p{n}.score' for n in range(len(parts)))}"
    sql += f" AS score FROM ({parts[0][0]}) p0"
    params = list(parts[0][1])
    for n, (part, part_params) in enumerate(parts[1:], start=1):
        sql += f" JOIN ({part}) p{n} ON p{n}.rid = p0.rid"
        params += part_params
    unwanted: list[str] = []
    for table in ("fts_stem", "fts_exact"):
        words = [w for w in parsed.excluded if w.exact == (table == "fts_exact")]
        if words:
            unwanted.append(f"SELECT rowid FROM {table} WHERE {table} MATCH ?")
            params.append(fts5_any(words))
    if unwanted:
        sql += f" WHERE p0.rid NOT IN ({' UNION ALL '.join(unwanted)})"
    return sql, params


class _Sql:
    """A plan (``store.plan``) in SQL: where the rows come from, how they are filtered and
    ordered."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.parsed = plan.parsed
        match, params = _text_match(plan.parsed, plan.ranked)
        self.unranked_match = _text_match(plan.parsed, ranked=False)[0]
        if self.parsed:
            # CROSS JOIN: the text match drives, never an FTS probe per filtered row
            self.source = f"FROM ({match}) t CROSS JOIN attributions a ON a.rid = t.rid"
            self.unranked_source = (
                f"FROM ({self.unranked_match}) t CROSS JOIN attributions a ON a.rid = t.rid"
            )
            self.score = "t.score"
        else:
            self.source = self.unranked_source = "FROM attributions a"
            self.score = "NULL"
        self.source_params = params
        # the text's matches unscored (the same parameters), kept when materialized
        self.match_source, self.match_params = self.unranked_source, params
        self.is_materialized = False
        self.near_source = ""  # FROM the copied rows some facet counts, once copied
        self.order = _order(plan.sort)
        self.dates: list[tuple[str, list[Any]]] = []
        if plan.date_from:
            self.dates.append(("a.published >= ?", [plan.date_from]))
        if plan.date_to:
            self.dates.append(("a.published <= ?", [plan.date_to]))

    def materialized(self) -> None:
        """Read the matching rows from ``temp.matched`` instead of matching again."""
        self.is_materialized = True
        self.source = "FROM temp.matched a"
        self.source_params = []
        self.score = "a.score"

    def matches_row(self, rid: str) -> tuple[str, list[Any]]:
        """A condition that the text matches the row ``rid``, and its parameters: one FTS
        probe by rowid per table a clause names, so a walk down another index reads only
        the rows it visits."""
        conditions: list[str] = []
        params: list[Any] = []

        def probe(words: list[Words], exact: bool) -> str:
            table = "fts_exact" if exact else "fts_stem"
            params.append(fts5_any(words))
            return f"EXISTS (SELECT 1 FROM {table} WHERE {table} MATCH ? AND rowid = {rid})"

        for clause in self.parsed.required:
            tables = [
                probe(words, exact)
                for exact in (False, True)
                if (words := [w for w in clause if w.exact == exact])
            ]
            conditions.append("(" + " OR ".join(tables) + ")")
        for exact in (False, True):
            if words := [w for w in self.parsed.excluded if w.exact == exact]:
                conditions.append("NOT " + probe(words, exact))
        return " AND ".join(conditions) or "1", params

    def where(self, exclude: str | None = None, text: bool = True) -> tuple[str, list[Any]]:
        """The WHERE clause and all parameters (source first, or none when not ``text``:
        the caller matches the text itself), minus one facet's filter."""
        kept = [*self.dates, *self._filters(exclude)]
        clause = " AND ".join(sql for sql, _ in kept) or "1"
        first = self.source_params if text else []
        return clause, [*first, *(v for _, values in kept for v in values)]

    def near_where(self) -> tuple[str, list[Any]]:
        """The WHERE clause (and parameters, source first) of the rows passing the dates
        and every filter but at most one: those some facet counts (``SqliteStore._near``)."""
        filters = self._filters(None)
        passed = " + ".join(f"ifnull({sql}, 0)" for sql, _ in filters)
        kept = [*self.dates, (f"{passed} >= {len(filters) - 1}", [])]
        clause = " AND ".join(sql for sql, _ in kept)
        values = [v for _, vs in [*self.dates, *filters] for v in vs]
        return clause, [*self.source_params, *values]

    def _filters(self, exclude: str | None) -> list[tuple[str, list[Any]]]:
        """Each filter but ``exclude``'s as a condition on the attribution ``a``, with its
        parameters."""
        kept: list[tuple[str, list[Any]]] = []
        for facet, values in self.plan.filters_except(exclude):
            folded = [keyword(v) for v in values] if facet.folded else list(values)
            marks = ",".join("?" * len(folded))
            side = _SIDE_TABLES.get(facet.field)
            if side:
                sql = (
                    f"EXISTS (SELECT 1 FROM {side[0]} f WHERE f.attribution = a.rid"
                    f" AND f.{side[1]} IN ({marks}))"
                )
            else:
                sql = f"a.{facet.field} IN ({marks})"
            kept.append((sql, folded))
        return kept
