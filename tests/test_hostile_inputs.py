"""Hostile inputs: every one is read correctly or rejected with a reason, never a crash.

The corpus is generated (nothing binary is committed): broken, empty, binary, oversized,
truncated, badly encoded and adversarial files in every format. The first story checks
each case through the readers; the second indexes the whole corpus with valid files next
to it through the command line and checks that the valid ones are all stored.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from indexer.read import ReadOptions, Reject, expand, read_source

LIMIT = 64 * 1024  # a small article limit keeps the oversized cases small
BODY = '"We will find the money," Councilman Daniel Okafor said on Monday in Port Ellery.'
PAGE = (
    "<html><head><title>T</title></head><body><article><p>PORT ELLERY — "
    + BODY
    + "</p><p>The council will vote next week on the plan.</p></article></body></html>"
)
RECORD = {"title": "T", "url": "https://x.example/a", "body": BODY}


@dataclass(frozen=True)
class Case:
    name: str
    data: bytes
    articles: int  # read correctly
    rejects: tuple[str, ...] = ()  # reason fragments, in order


def warc(pages: list[tuple[str, str, bytes]], gz: bool = True) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for url, content_type, payload in pages:
        status = "404 Not Found" if url.endswith("404") else "200 OK"
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(payload), http_headers=headers
        )
        writer.write_record(record)
    return out.getvalue()


def rss(items: str, channel: str = "<title>Feed</title>") -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"{channel}{items}</channel></rss>"
    ).encode()


ITEM = f"<item><title>I</title><link>https://f.example/1</link><description>{BODY}</description></item>"
HTML_PAGE = ("text/html", PAGE.encode())
GOOD_WARC = warc([("https://w.example/1", *HTML_PAGE), ("https://w.example/2", *HTML_PAGE)])
PLAIN_WARC = warc([("https://w.example/1", *HTML_PAGE), ("https://w.example/2", *HTML_PAGE)], False)
LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b']><rss version="2.0"><channel><title>&lol9;</title>'
    + ITEM.encode()
    + b"</channel></rss>"
)
XXE = (
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    b'<rss version="2.0"><channel><title>F</title><item><title>I</title>'
    b"<description>&xxe; " + BODY.encode() + b"</description></item></channel></rss>"
)

# Feeds made from HTML often declare the entities they use; the feed is still a feed.
DOCTYPE_FEED = (
    b'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY nbsp "&#160;">]>\n'
    + rss("".join(ITEM.replace("<title>I", f"<title>Story&nbsp;{i}") for i in range(3))).split(
        b"?>", 1
    )[1]
)

NUMBERS_GZ = gzip.compress(" ".join(map(str, range(3000))).encode())


def cases() -> list[Case]:
    big_text = b"word " * (LIMIT // 5 + 100)
    jsonl_ok = json.dumps(RECORD).encode() + b"\n"
    return [
        # --- plain text
        Case("empty.txt", b"", 0, ("empty file",)),
        Case("blank.txt", b"   \n\n\t \r\n", 0, ("empty file",)),
        Case("bom-only.txt", b"\xef\xbb\xbf", 0, ("empty file",)),
        Case("nul.txt", b"abc\x00def\x00" * 50, 0, ("binary data",)),
        Case("image.txt", b"\x89PNG\r\n\x1a\n" + os.urandom(200), 0, ("binary data (PNG",)),
        Case("doc.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", 0, ("binary data (PDF",)),
        Case("program.txt", b"\x7fELF\x02\x01\x01" + bytes(100), 0, ("binary data",)),
        Case("zip.txt", b"PK\x03\x04" + os.urandom(100), 0, ("binary data",)),
        Case("controls.txt", bytes(range(1, 9)) * 40, 0, ("binary data",)),
        Case(
            "headers-only.txt",
            b"Title: Nothing here\nURL: https://x.example/\n",
            0,
            ("empty article body",),
        ),
        Case("dateline-only.txt", b"May 23, 2024\n", 0, ("empty article body",)),
        Case("oversized.txt", big_text, 0, ("larger than the 64 KB limit",)),
        Case("undecodable.txt", bytes(range(128, 256)) * 4, 0, ("undecodable text",)),
        Case("latin1.txt", "Grüße aus Köln, sagte sie.".encode("latin-1"), 1),
        Case("cp1252.txt", "“Quoted,” she said — twice.".encode("cp1252"), 1),
        Case("utf16.txt", ("Title: T\n\n" + BODY).encode("utf-16"), 1),
        Case("cr-only.txt", b"Title: T\r\rLine one.\rLine two.", 1),
        Case("bad-date.txt", b"Date: not a date at all\n\n" + BODY.encode(), 1),
        Case("long-title.txt", b"Title: " + b"x" * 20000 + b"\n\n" + BODY.encode(), 1),
        Case("no-suffix", BODY.encode(), 1),
        Case("emoji and spaces ü.txt", ("😀 " + BODY).encode(), 1),
        # --- HTML
        Case("empty.html", b"", 0, ("empty file",)),
        Case("comment-only.html", b"<!-- nothing to see -->", 0, ("no article text",)),
        Case(
            "script-only.html", b"<html><script>alert(1)</script></html>", 0, ("no article text",)
        ),
        Case("unclosed.html", b"<html><body><div><p>" + BODY.encode() + b" <b>and more", 1),
        Case("nul.html", b"<html><body>\x00\x00\x00" + os.urandom(64), 0, ("binary data",)),
        Case(
            "oversized.html",
            b"<html><body><p>" + big_text + b"</p></body></html>",
            0,
            ("larger than the 64 KB limit",),
        ),
        Case(
            "wrong-charset.html",
            PAGE.replace("—", "-")
            .replace("<head>", '<head><meta charset="utf-8">')
            .replace("council", "café")
            .encode("latin-1"),
            1,
        ),
        Case("deep.html", b"<div>" * 5000 + BODY.encode() + b"</div>" * 5000, 1),
        Case(
            "tags-only.html",
            b"<html><body><div></div><span></span></body></html>",
            0,
            ("no article text",),
        ),
        # --- JSON
        Case("empty.json", b"", 0, ("empty file",)),
        Case("broken.json", b'{"title": "T", "body": ', 0, ("broken JSON",)),
        Case("numbers.json", b"[1, 2, null]", 0, ("got int", "got int", "got null")),
        Case("string.json", b'"just a string"', 0, ("expected a JSON object, got str",)),
        Case("no-body.json", json.dumps({"title": "T", "x": 1}).encode(), 0, ("no body field",)),
        Case(
            "number-body.json",
            json.dumps({"body": 42}).encode(),
            0,
            ("field 'body' is a number (42), expected text",),
        ),
        Case("empty-body.json", json.dumps({"body": "  "}).encode(), 0, ("field 'body' is empty",)),
        Case("trailing.json", json.dumps(RECORD).encode() + b" garbage", 0, ("broken JSON",)),
        Case(
            "unclosed-array.json",
            b"[" + json.dumps(RECORD).encode() + b",",
            1,
            ("array is not closed",),
        ),
        Case("deep.json", b"[" * 100000 + b"]" * 100000, 0, ("broken JSON",)),
        Case("latin1.json", '{"body": "Grüße"}'.encode("latin-1"), 0, ("must be UTF-8",)),
        Case("nan.json", b'{"body": ' + json.dumps(BODY).encode() + b', "score": NaN}', 1),
        Case(
            "oversized.json",
            json.dumps([{"body": "x" * (LIMIT * 11)}]).encode(),
            0,
            ("larger than the 64 KB limit",),
        ),
        Case(
            "duplicate-keys.json", b'{"body": "old", "body": ' + json.dumps(BODY).encode() + b"}", 1
        ),
        Case(
            "odd-types.json",
            json.dumps(
                {
                    **RECORD,
                    "authors": [1, None, {"name": "X"}],
                    "title": {"deep": [1, 2]},
                    "published": "soon",
                }
            ).encode(),
            1,
        ),
        # --- JSON Lines
        Case(
            "one-bad-line.jsonl", jsonl_ok + b"{broken\n" + jsonl_ok, 2, ("[line 2]: broken JSON",)
        ),
        Case("blank-lines.jsonl", b"\n\n" + jsonl_ok + b"\n   \n" + jsonl_ok, 2),
        Case(
            "long-line.jsonl",
            jsonl_ok + json.dumps({"body": "y" * LIMIT}).encode() + b"\n" + jsonl_ok,
            2,
            ("[line 2]: article larger",),
        ),
        Case(
            "array-line.jsonl",
            b"[" + jsonl_ok.strip() + b", " + jsonl_ok.strip() + b"]\n" + jsonl_ok,
            3,
        ),
        Case("bom.jsonl", b"\xef\xbb\xbf" + jsonl_ok + jsonl_ok, 2),
        Case("crlf.jsonl", jsonl_ok.replace(b"\n", b"\r\n") * 2, 2),
        Case("scalar-line.jsonl", jsonl_ok + b"42\n" + jsonl_ok, 2, ("[line 2]: expected",)),
        Case(
            "latin1-line.jsonl", jsonl_ok + '{"body": "Grüße, sagte sie."}\n'.encode("latin-1"), 2
        ),
        # --- WARC
        Case("truncated.warc.gz", GOOD_WARC[: len(GOOD_WARC) - 300], 1, ("truncated",)),
        Case("truncated.warc", PLAIN_WARC[: len(PLAIN_WARC) - 200], 1, ("truncated",)),
        Case("garbage.warc", b"WARC/1.0\r\nfoo", 0, ("broken WARC record",)),
        Case(
            "bad-length.warc",
            b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: x\r\n\r\n",
            0,
            ("WARC",),
        ),
        Case(
            "robots-only.warc.gz", warc([("https://w.example/robots.txt", "text/plain", b"x")]), 0
        ),
        Case(
            "empty-page.warc.gz", warc([("https://w.example/e", "text/html", b"")]), 0, ("empty",)
        ),
        Case(
            "not-found.warc.gz",
            warc([("https://w.example/404", *HTML_PAGE), ("https://w.example/ok", *HTML_PAGE)]),
            1,
        ),
        Case(
            "oversized-record.warc.gz",
            warc(
                [
                    ("https://w.example/big", "text/html", b"<p>" + big_text + b"</p>"),
                    ("https://w.example/ok", *HTML_PAGE),
                ]
            ),
            1,
            ("larger than the 64 KB limit",),
        ),
        Case(
            "binary-record.warc.gz",
            warc([("https://w.example/bin", "text/html", b"\x00\x01\x02" * 100)]),
            0,
            ("binary data",),
        ),
        # --- feeds
        Case("no-items.rss", rss(""), 0, ("feed without entries",)),
        Case(
            "broken.rss",
            b'<?xml version="1.0"?><rss><channel><item><title>x',
            0,
            ("entry without content",),
        ),
        Case(
            "empty-item.rss",
            rss("<item><title>I</title></item>" + ITEM),
            1,
            ("[entry 1]: entry without content",),
        ),
        Case("laughs.rss", LAUGHS, 0, ("unsafe feed: entity 'lol1' refers to other entities",)),
        Case("xxe.rss", XXE, 0, ("unsafe feed: it declares an external entity 'xxe' (XXE)",)),
        Case("doctype-entities.rss", DOCTYPE_FEED, 3),  # an internal subset is still a feed
        # --- gzip
        Case("broken.txt.gz", b"\x1f\x8b\x08\x00garbage-not-deflate", 0, ("broken gzip",)),
        Case("empty.txt.gz", gzip.compress(b""), 0, ("empty file",)),
        Case("truncated.txt.gz", NUMBERS_GZ[:2000], 0, ("broken gzip",)),
        Case(
            "bomb.txt.gz",
            gzip.compress(b"a" * (20 * 1024 * 1024)),
            0,
            ("larger than the 64 KB limit",),
        ),
        Case("nested.txt.gz", gzip.compress(gzip.compress(BODY.encode())), 1),
    ]


CASES = cases()


def test_the_corpus_is_large_and_distinct() -> None:
    assert len(CASES) >= 50
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_hostile_input_is_read_or_rejected_with_a_reason(tmp_path: Path, case: Case) -> None:
    path = tmp_path / case.name
    path.write_bytes(case.data)
    articles, rejects = [], []
    for source in expand([str(path)]):
        assert not isinstance(source, Reject)
        for item in read_source(source, ReadOptions(max_article_bytes=LIMIT)):
            (rejects if isinstance(item, Reject) else articles).append(item)
    assert len(articles) == case.articles, [str(r) for r in rejects]
    assert len(rejects) == len(case.rejects), [str(r) for r in rejects]
    for reject, fragment in zip(rejects, case.rejects, strict=True):
        assert fragment in str(reject)
        assert reject.path == str(path)
        assert "\n" not in str(reject)
    for article in articles:
        assert article["body"].strip()
        assert "root:" not in article["body"]  # no external entity was ever resolved
        assert all(len(str(value)) < LIMIT for value in article.values())


def test_hostile_corpus_next_to_valid_files_through_the_cli(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "hostile").mkdir(parents=True)
    for case in CASES:
        (corpus / "hostile" / case.name).write_bytes(case.data)
    valid = corpus / "valid"
    valid.mkdir()
    for i in range(3):
        (valid / f"story-{i}.txt").write_text(
            f"Title: Story {i}\nURL: https://valid.example/{i}\n\n"
            f'"We will build {i} bridges," Mayor Celia Marchetti said on Monday.\n'
        )
    rejects_file = tmp_path / "rejects.jsonl"
    env = {**os.environ, "QUOTETRAIL_DB": str(tmp_path / "q.db")}
    env.pop("ES_URL", None)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "quotetrail.cli",
            "index",
            str(corpus),
            "--rejects",
            str(rejects_file),
            "--max-article-mb",
            str(LIMIT / 1024 / 1024),
            "--workers",
            "1",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    listed = [json.loads(line) for line in rejects_file.read_text().splitlines()]
    expected = sum(len(c.rejects) for c in CASES)
    assert len(listed) == expected
    assert all(set(r) == {"path", "offset", "reason"} and r["reason"] for r in listed)
    assert done.stderr.count("quotetrail: rejected ") == expected
    # every record read counts once, in one outcome: the rejected ones too
    read = 3 + sum(c.articles for c in CASES) + expected
    assert f"quotetrail: read {read} articles from {len(CASES) + 3} inputs" in done.stderr
    # records repaired, each once: a file's date; a record's title and date
    assert f" {expected} rejected (each in one outcome), 2 repaired" in done.stderr
    bad_date = str(corpus / "hostile" / "bad-date.txt")
    assert f"{bad_date}: date 'not a date at all' left out" in done.stderr
    odd = str(corpus / "hostile" / "odd-types.json")
    assert f"{odd}: field 'title' is an object, expected text: left out" in done.stderr
    assert f"{odd}: date 'soon' left out" in done.stderr

    from store.sqlite import SqliteStore

    store = SqliteStore(str(tmp_path / "q.db"))
    try:
        for i in range(3):
            from schemas.ids import article_id

            assert store.get_article(article_id(f"https://valid.example/{i}", "")) is not None
        # cases share bodies and URLs on purpose, so they are fewer articles once stored
        assert store.stats()["articles"] >= 3
    finally:
        store.close()
