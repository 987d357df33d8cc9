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
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from schemas import OutletSchema, RecordError, SpeakerSchema, StatementSchema
from store.base import (
    FACETS,
    HL_END,
    HL_START,
    MAX_RESULT_WINDOW,
    ArticleRecord,
    FacetValue,
    Hit,
    PutOutcome,
    SearchQuery,
    SearchResult,
    Store,
    StoreError,
)
from store.query_text import ParsedText, fts5_query, merge_marks, parse
from store.records import (
    keyword,
    outlet_keys,
    prepare_all,
    prepare_article,
    record_id,
    speaker_keys,
    text_order,
)

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    fingerprint TEXT,
    body_hash TEXT,
    published TEXT,
    doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_body_hash ON articles (body_hash);
CREATE TABLE IF NOT EXISTS attributions (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    article_id TEXT NOT NULL,
    kind TEXT,
    speaker_id TEXT,
    speaker TEXT,
    speaker_type TEXT,
    outlet_id TEXT,
    outlet TEXT,
    cue TEXT,
    statement_id TEXT,
    published TEXT,
    month TEXT,
    paragraph_index INTEGER,
    sentence_index INTEGER
);
CREATE TABLE IF NOT EXISTS attribution_docs (rid INTEGER PRIMARY KEY, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS attributions_article ON attributions (article_id);
CREATE INDEX IF NOT EXISTS attributions_speaker ON attributions (speaker_id, published);
CREATE INDEX IF NOT EXISTS attributions_outlet ON attributions (outlet_id, published);
CREATE INDEX IF NOT EXISTS attributions_speaker_label ON attributions (speaker_id, id)
    WHERE speaker IS NOT NULL;
CREATE INDEX IF NOT EXISTS attributions_outlet_label ON attributions (outlet_id, id)
    WHERE outlet IS NOT NULL;
CREATE INDEX IF NOT EXISTS attributions_statement ON attributions (statement_id);
CREATE INDEX IF NOT EXISTS attributions_kind ON attributions (kind, published);
CREATE INDEX IF NOT EXISTS attributions_cue ON attributions (cue);
CREATE INDEX IF NOT EXISTS attributions_speaker_type ON attributions (speaker_type);
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
CREATE VIRTUAL TABLE IF NOT EXISTS fts_stem
    USING fts5 (content, tokenize = 'porter unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE IF NOT EXISTS fts_exact
    USING fts5 (content, tokenize = 'unicode61 remove_diacritics 0');
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
CREATE TABLE IF NOT EXISTS statement_keys (
    key TEXT NOT NULL, statement_id TEXT NOT NULL, PRIMARY KEY (key, statement_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS statement_keys_statement ON statement_keys (statement_id);
"""

# facet -> column of the attributions table (``via`` lives in attribution_via)
_COLUMNS = {
    "speaker": "a.speaker_id",
    "speaker_type": "a.speaker_type",
    "outlet": "a.outlet_id",
    "kind": "a.kind",
    "cue": "a.cue",
    "article_id": "a.article_id",
    "statement_id": "a.statement_id",
}
_TIEBREAK = "a.article_id, a.paragraph_index, a.sentence_index, a.id"
_ORDER = {
    "date": f"a.published DESC, {_TIEBREAK}",  # NULLs sort last when descending
    "date_asc": f"a.published IS NULL, a.published ASC, {_TIEBREAK}",
    "relevance": f"score DESC, a.published DESC, {_TIEBREAK}",
}
# reassignable attribution field -> its label field
_REASSIGN = {
    "speaker_id": "speaker",
    "statement_id": None,
    "outlet_id": "outlet",
    "via_outlet_ids": "via_outlets",
}
_BATCH = 200
SCHEMA_VERSION = 1  # PRAGMA user_version of the files this module writes


class SqliteStore(Store):
    """A store in one SQLite file (WAL mode): a connection per thread and per process."""

    engine = "sqlite"

    def __init__(self, path: str) -> None:
        self.path = str(path)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []
        self._pid = os.getpid()
        self._unanalyzed = 0  # attributions written since the planner statistics were taken
        try:
            conn = self._conn()
            conn.execute("PRAGMA journal_mode = WAL")
            with self._write(conn):
                self._check_version(conn)
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

    # --- connections -----------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA cache_size = -65536")
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
        """A write transaction, taking the write lock up front so it never deadlocks."""
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield
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
        if row:
            self._delete_attributions(conn, "article_id = ?", (article["id"],))
        conn.execute(
            "INSERT OR REPLACE INTO articles (id, fingerprint, body_hash, published, doc)"
            " VALUES (?, ?, ?, ?, ?)",
            (
                article["id"],
                article["fingerprint"],
                article["body_hash"],
                article["published"],
                json.dumps(article),
            ),
        )
        for attribution in attributions:
            self._delete_attributions(conn, "id = ?", (attribution["id"],))
            self._insert_attribution(conn, attribution)
        return PutOutcome(article["id"], "replaced" if row else "indexed", len(attributions))

    def _insert_attribution(self, conn: sqlite3.Connection, a: dict[str, Any]) -> None:
        cursor = conn.execute(
            "INSERT INTO attributions (id, article_id, kind, speaker_id, speaker, speaker_type,"
            " outlet_id, outlet, cue, statement_id, published, month, paragraph_index,"
            " sentence_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                a["id"],
                a["article_id"],
                a["kind"],
                a["speaker_id"],
                a["speaker"],
                a["speaker_type"],
                a["outlet_id"],
                a["outlet"],
                keyword(a["cue"]) if a["cue"] else None,
                a["statement_id"],
                a["published"],
                a["published"][:7] if a["published"] else None,
                a["paragraph_index"],
                a["sentence_index"],
            ),
        )
        rid = cursor.lastrowid
        conn.execute("INSERT INTO attribution_docs (rid, doc) VALUES (?, ?)", (rid, json.dumps(a)))
        conn.execute("INSERT INTO fts_stem (rowid, content) VALUES (?, ?)", (rid, a["content"]))
        conn.execute("INSERT INTO fts_exact (rowid, content) VALUES (?, ?)", (rid, a["content"]))
        self._insert_via(conn, rid, a)

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

    def reassign(self, field_name: str, old: str, new: str, label: str | None = None) -> int:
        if field_name not in _REASSIGN:
            raise ValueError(f"cannot reassign {field_name!r}; one of {sorted(_REASSIGN)}")
        label_field = _REASSIGN[field_name]
        conn = self._conn()
        with self._write(conn):
            if field_name == "via_outlet_ids":
                rows = conn.execute(
                    "SELECT v.attribution, d.doc FROM attribution_via v JOIN attribution_docs d"
                    " ON d.rid = v.attribution WHERE v.outlet_id = ?",
                    (old,),
                ).fetchall()
            else:
                rows = conn.execute(
                    f"SELECT a.rid, d.doc FROM attributions a JOIN attribution_docs d"
                    f" ON d.rid = a.rid WHERE a.{field_name} = ?",
                    (old,),
                ).fetchall()
            for rid, doc in rows:
                a = json.loads(doc)
                if field_name == "via_outlet_ids":
                    ids = a["via_outlet_ids"]
                    for i, value in enumerate(ids):
                        if value == old:
                            ids[i] = new
                            if label is not None and i < len(a["via_outlets"]):
                                a["via_outlets"][i] = label
                    conn.execute("DELETE FROM attribution_via WHERE attribution = ?", (rid,))
                    self._insert_via(conn, rid, a)
                else:
                    a[field_name] = new
                    if label is not None and label_field:
                        a[label_field] = label
                    conn.execute(
                        f"UPDATE attributions SET {field_name} = ?"
                        + (f", {label_field} = ?" if label_field else "")
                        + " WHERE rid = ?",
                        (new, a[label_field], rid) if label_field else (new, rid),
                    )
                conn.execute(
                    "UPDATE attribution_docs SET doc = ? WHERE rid = ?", (json.dumps(a), rid)
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
        plan = _Plan(query)
        conn = self._conn()
        try:
            with self._read(conn):
                return self._search(conn, query, plan)
        except sqlite3.OperationalError as error:
            raise StoreError(f"SQLite database {self.path}: {error}") from None

    def _search(self, conn: sqlite3.Connection, query: SearchQuery, plan: _Plan) -> SearchResult:
        if plan.parsed:
            # Match the text once, copying the matching rows (narrow: facet columns only);
            # the count, the facets, the histogram and the page then read only those.
            conn.execute("DROP TABLE IF EXISTS temp.matched")
            conn.execute(
                f"CREATE TEMP TABLE matched AS SELECT a.*, t.score {plan.source}",
                plan.source_params,
            )
            plan.materialized()
        where, params = plan.where()
        total = conn.execute(f"SELECT count(*) {plan.source} WHERE {where}", params).fetchone()[0]
        offset = (max(query.page, 1) - 1) * query.per_page
        hits: list[Hit] = []
        if offset < min(total, MAX_RESULT_WINDOW) and query.per_page > 0:
            size = min(query.per_page, MAX_RESULT_WINDOW - offset)
            rows = conn.execute(
                f"SELECT a.rid, {plan.score} {plan.source} WHERE {where}"
                f" ORDER BY {plan.order} LIMIT ? OFFSET ?",
                [*params, size, offset],
            ).fetchall()
            rids = [rid for rid, _ in rows]
            docs = dict(
                conn.execute(
                    "SELECT rid, doc FROM attribution_docs"
                    f" WHERE rid IN ({','.join('?' * len(rids))})",
                    rids,
                ).fetchall()
            )
            marks = self._highlights(conn, plan.parsed, rids)
            for rid, score in rows:
                attribution = json.loads(docs[rid])
                hits.append(Hit(attribution, marks.get(rid, attribution["content"]), score))
        facets: dict[str, list[FacetValue]] = {}
        facet_totals: dict[str, int] = {}
        histogram: list[tuple[str, int]] = []
        if query.facets:
            for name in FACETS:
                facets[name], facet_totals[name] = self._facet(conn, plan, name, query.facet_size)
            histogram = [
                (month, count)
                for month, count in conn.execute(
                    f"SELECT a.month, count(*) {plan.source}"
                    f" WHERE {where} AND a.month IS NOT NULL GROUP BY a.month ORDER BY a.month",
                    params,
                )
            ]
        return SearchResult(total, hits, facets, histogram, facet_totals)

    def _facet(
        self, conn: sqlite3.Connection, plan: _Plan, name: str, size: int
    ) -> tuple[list[FacetValue], int]:
        """Counts of one facet under every filter except its own (so OR-within shows)."""
        where, params = plan.where(exclude=name)
        if name == "via" and plan.parsed:
            column = "v.outlet_id"
            source = f"{plan.source} JOIN attribution_via v ON v.attribution = a.rid"
        elif name == "via":  # the few relayed quotes drive, not every attribution
            column = "v.outlet_id"
            source = "FROM attribution_via v CROSS JOIN attributions a ON a.rid = v.attribution"
        else:
            column, source = _COLUMNS[name], plan.source
        rows = conn.execute(
            f"SELECT value, n, count(*) OVER () FROM (SELECT {column} AS value, count(*) AS n"
            f" {source} WHERE {where} AND {column} IS NOT NULL GROUP BY {column})"
            " ORDER BY n DESC, value LIMIT ?",
            [*params, max(size, 1)],  # one row at least: it carries the distinct total
        ).fetchall()
        distinct = rows[0][2] if rows else 0
        rows = rows[: max(size, 0)]
        labels = self._labels(conn, name, [r[0] for r in rows])
        values = [FacetValue(value, count, labels.get(value, value)) for value, count, _ in rows]
        return values, distinct

    def _labels(self, conn: sqlite3.Connection, name: str, values: list[str]) -> dict[str, str]:
        """Display names: the canonical record's name, else the name the text used."""
        if name not in ("speaker", "outlet", "via") or not values:
            return {}
        table = "speakers" if name == "speaker" else "outlets"
        marks = ",".join("?" * len(values))
        labels = dict(
            conn.execute(
                f"SELECT id, json_extract(doc, '$.name') FROM {table} WHERE id IN ({marks})",
                values,
            ).fetchall()
        )
        for value in values:
            if value in labels:
                continue
            if name == "via":
                sql = (
                    "SELECT v.outlet FROM attribution_via v JOIN attributions a"
                    " ON a.rid = v.attribution WHERE v.outlet_id = ? AND v.outlet IS NOT NULL"
                    " ORDER BY a.id LIMIT 1"
                )
            else:
                column = "speaker" if name == "speaker" else "outlet"
                sql = (
                    f"SELECT {column} FROM attributions WHERE {column}_id = ?"
                    f" AND {column} IS NOT NULL ORDER BY id LIMIT 1"
                )
            row = conn.execute(sql, (value,)).fetchone()
            if row:
                labels[value] = row[0]
        return labels

    @staticmethod
    def _highlights(
        conn: sqlite3.Connection, parsed: ParsedText, rids: list[int]
    ) -> dict[int, str]:
        if not parsed or not rids:
            return {}
        marked: dict[int, list[str]] = {rid: [] for rid in rids}
        contents: dict[int, str] = {}
        marks = ",".join("?" * len(rids))
        for table, words in (("fts_stem", parsed.terms), ("fts_exact", parsed.phrases)):
            if not words:
                continue
            match = fts5_query([" ".join(w) if isinstance(w, tuple) else w for w in words])
            for rid, content, text in conn.execute(
                f"SELECT rowid, content, highlight({table}, 0, ?, ?) FROM {table}"
                f" WHERE {table} MATCH ? AND rowid IN ({marks})",
                [HL_START, HL_END, match, *rids],
            ):
                contents[rid] = content
                marked[rid].append(text)
        return {rid: merge_marks(contents[rid], marked[rid]) for rid in contents}

    def scan(self, query: SearchQuery) -> Iterator[dict[str, Any]]:
        """Streamed from a private connection, so the caller may write while reading."""
        plan = _Plan(query)
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
                "fts_stem",
                "fts_exact",
                "speakers",
                "speaker_names",
                "outlets",
                "outlet_names",
                "statements",
                "statement_keys",
            ):
                conn.execute(f"DELETE FROM {table}")

    def close(self) -> None:
        with self._lock:
            connections, self._connections = self._connections, []
            self._local = threading.local()
        for conn in connections:
            conn.close()


class _Plan:
    """The SQL pieces of one query: where the rows come from, how they are filtered/ordered."""

    def __init__(self, query: SearchQuery) -> None:
        self.parsed = parse(query.text)
        terms, phrases = self.parsed.terms, self.parsed.phrases
        params: list[Any] = []
        # bm25 costs as much as the match itself: computed only to rank by relevance
        ranked = query.sort not in ("date", "date_asc")
        if terms and phrases:
            score = "-s.rank - e.rank" if ranked else "NULL"
            match = (
                f"SELECT s.rowid AS rid, {score} AS score FROM fts_stem s"
                " JOIN fts_exact e ON e.rowid = s.rowid"
                " WHERE fts_stem MATCH ? AND fts_exact MATCH ?"
            )
            params += [fts5_query(terms), fts5_query([" ".join(p) for p in phrases])]
        elif terms or phrases:
            table = "fts_stem" if terms else "fts_exact"
            score = "-rank" if ranked else "NULL"
            match = f"SELECT rowid AS rid, {score} AS score FROM {table} WHERE {table} MATCH ?"
            params.append(fts5_query(terms or [" ".join(p) for p in phrases]))
        if self.parsed:
            # CROSS JOIN: the text match drives, never an FTS probe per filtered row
            self.source = f"FROM ({match}) t CROSS JOIN attributions a ON a.rid = t.rid"
            self.score = "t.score"
        else:
            self.source = "FROM attributions a"
            self.score = "NULL"
        self.source_params = params
        sort = query.sort if query.sort in _ORDER else "relevance"
        self.order = _ORDER["date" if sort == "relevance" and not self.parsed else sort]
        self.conditions: list[tuple[str | None, str, list[Any]]] = []
        if query.date_from:
            self.conditions.append((None, "a.published >= ?", [query.date_from.isoformat()]))
        if query.date_to:
            self.conditions.append((None, "a.published <= ?", [query.date_to.isoformat()]))
        for name, values in query.filters.items():
            if name not in _COLUMNS and name != "via":
                raise ValueError(f"unknown filter {name!r}")
            values = [keyword(v) if name == "cue" else v for v in values]
            if not values:
                continue
            marks = ",".join("?" * len(values))
            if name == "via":
                sql = (
                    "EXISTS (SELECT 1 FROM attribution_via f WHERE f.attribution = a.rid"
                    f" AND f.outlet_id IN ({marks}))"
                )
            else:
                sql = f"{_COLUMNS[name]} IN ({marks})"
            self.conditions.append((name, sql, values))

    def materialized(self) -> None:
        """Read the matching rows from ``temp.matched`` instead of matching again."""
        self.source = "FROM temp.matched a"
        self.source_params = []
        self.score = "a.score"

    def where(self, exclude: str | None = None) -> tuple[str, list[Any]]:
        """The WHERE clause and all parameters (source first), minus one facet's filter."""
        kept = [
            (sql, values)
            for name, sql, values in self.conditions
            if name is None or name != exclude
        ]
        clause = " AND ".join(sql for sql, _ in kept) or "1"
        return clause, [*self.source_params, *(v for _, values in kept for v in values)]
