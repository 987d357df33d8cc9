"""Reading every supported format: each story writes a small input and reads it back."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest
import trafilatura

from indexer.read import ReadOptions, Reject, Source, expand, read_source
from indexer.read.fields import parse_field_map

BODY = (
    "PORT ELLERY — The council met on Monday.\n\n"
    '"We will find the money," Councilman Daniel Okafor said.'
)


def read(*paths: str | Path, **options) -> tuple[list[dict], list[Reject]]:
    articles, rejects = [], []
    for source in expand([str(p) for p in paths]):
        items = (
            [source] if isinstance(source, Reject) else read_source(source, ReadOptions(**options))
        )
        for item in items:
            (rejects if isinstance(item, Reject) else articles).append(item)
    return articles, rejects


def only(path: Path, **options) -> dict:
    articles, rejects = read(path, **options)
    assert rejects == []
    assert len(articles) == 1
    return articles[0]


# --- plain text --------------------------------------------------------------------------
def test_text_with_header_lines_gives_metadata_and_body(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(
        "Title: Council split on budget\nURL: https://metroledger.example/2024/05/09/x/\n"
        "Outlet: Metro Ledger\nDate: 2024-05-09T08:00:00-04:00\n"
        "Author: Lucia Ferrante and Ben Ode\nTags: budget\n\n" + BODY + "\n",
        encoding="utf-8",
    )
    article = only(path)
    assert article["title"] == "Council split on budget"
    assert article["url"] == "https://metroledger.example/2024/05/09/x/"
    assert article["outlet"] == "Metro Ledger"
    assert article["published"] == "2024-05-09"
    assert article["authors"] == ["Lucia Ferrante", "Ben Ode"]
    assert article["metadata"] == {"tags": "budget"}
    assert article["body"] == BODY
    assert article["source"] == path.name  # never a server path


def test_text_with_a_dateline_first_line(tmp_path: Path) -> None:
    path = tmp_path / "seed.txt"
    path.write_text("May 23, 2024\n\n" + BODY, encoding="utf-8")
    article = only(path)
    assert article["published"] == "2024-05-23"
    assert article["body"] == BODY
    assert article["url"] is None and article["outlet"] is None


def test_text_without_metadata_is_all_body(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("BRENNA, March 14 (CPA) - Drones struck.\n\nMore text.", encoding="utf-8")
    article = only(path)
    assert article["body"].startswith("BRENNA, March 14 (CPA)")
    assert article["published"] is None


@pytest.mark.parametrize(
    ("label", "encode"),
    [
        ("utf-8", lambda t: t.encode("utf-8")),
        ("utf-8 with BOM", lambda t: b"\xef\xbb\xbf" + t.encode("utf-8")),
        ("utf-16 LE with BOM", lambda t: t.encode("utf-16")),
        ("utf-16 BE with BOM", lambda t: b"\xfe\xff" + t.encode("utf-16-be")),
        ("cp1252", lambda t: t.encode("cp1252")),
    ],
)
def test_text_encodings_are_decoded(tmp_path: Path, label: str, encode) -> None:
    text = "Title: Café “Noir” — naïve\n\n“Grüße,” she said of the café in Köln.\n"
    path = tmp_path / "enc.txt"
    path.write_bytes(encode(text))
    article = only(path)
    assert article["title"] == "Café “Noir” — naïve", label
    assert article["body"] == "“Grüße,” she said of the café in Köln."


def test_latin1_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Grüße aus Köln, sagte der Bürgermeister à la française.".encode("latin-1"))
    assert only(path)["body"] == "Grüße aus Köln, sagte der Bürgermeister à la française."


def test_other_encodings_fall_back_to_detection(tmp_path: Path) -> None:
    path = tmp_path / "sjis.txt"
    path.write_bytes("東京の市長は「予算を守る」と述べた。".encode("shift_jis") * 5)
    assert only(path)["body"].startswith("東京の市長は「予算を守る」と述べた。")


def test_crlf_and_cr_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Title: T\r\nOutlet: O\r\n\r\nFirst.\r\n\r\nSecond.\r\n")
    article = only(path)
    assert (article["title"], article["outlet"], article["body"]) == ("T", "O", "First.\n\nSecond.")


# --- HTML --------------------------------------------------------------------------------
PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Mayor threatens veto | Harbor Daily</title>
<meta property="og:site_name" content="Harbor Daily">
<meta property="og:title" content="Mayor threatens veto">
<meta property="article:published_time" content="2024-06-18T09:00:00+00:00">
<meta name="author" content="Nadia Kessler">
<link rel="canonical" href="https://harbordaily.example/local/2024/06/18/veto">
</head><body>
<nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a></nav>
<article><h1>Mayor threatens veto</h1>
<p>PORT ELLERY — Mayor Celia Marchetti said on Tuesday she would veto the council budget
if it cut library hours, raising the stakes in a six-week standoff.</p>
<p>"I will not sign this budget as written," Marchetti told reporters at City Hall,
adding that the libraries were "not a luxury."</p>
<p>Councilman Daniel Okafor said the council would hold a vote next week.</p>
</article>
<section id="comments" class="comments"><h2>Comments</h2>
<div class="comment"><p>Reader42: "Every drone will be answered" is what they all say.</p></div>
</section>
<footer><p>© 2024 Harbor Daily. All rights reserved. Privacy policy.</p></footer>
</body></html>"""


def test_html_page_gives_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "veto.html"
    path.write_text(PAGE, encoding="utf-8")
    article = only(path)
    assert article["title"] == "Mayor threatens veto"
    assert article["outlet"] == "Harbor Daily"
    assert article["published"] == "2024-06-18"
    assert article["authors"] == ["Nadia Kessler"]
    assert article["url"] == "https://harbordaily.example/local/2024/06/18/veto"
    assert article["language"] == "en"
    body = article["body"]
    assert body.startswith("PORT ELLERY — Mayor Celia Marchetti said on Tuesday")
    assert '"I will not sign this budget as written," Marchetti told' in body
    assert "\n\n" in body  # paragraphs kept apart
    for dropped in ("Home", "Reader42", "All rights reserved", "Comments"):
        assert dropped not in body


def test_an_html_pages_publication_time_keeps_its_moment_for_first_seen(tmp_path: Path) -> None:
    # Two pages of one day are ordered by the moment their heads give, zone included.
    path = tmp_path / "evening.html"
    path.write_text(
        PAGE.replace("2024-06-18T09:00:00+00:00", "2024-06-18T21:30:00-05:00"), encoding="utf-8"
    )
    article = only(path)
    assert article["published"] == "2024-06-18"  # the day as written, not moved
    assert article["published_time"] == "2024-06-19T02:30:00Z"
    json_ld = PAGE.replace(
        '<meta property="article:published_time" content="2024-06-18T09:00:00+00:00">',
        '<script type="application/ld+json">{"@type": "NewsArticle",'
        ' "datePublished": "2024-06-18T09:15:00+02:00"}</script>',
    )
    path.write_text(json_ld, encoding="utf-8")
    assert only(path)["published_time"] == "2024-06-18T07:15:00Z"
    day_only = PAGE.replace("2024-06-18T09:00:00+00:00", "2024-06-18")
    path.write_text(day_only, encoding="utf-8")
    assert "published_time" not in only(path)


def test_html_is_detected_by_content_whatever_the_name(tmp_path: Path) -> None:
    path = tmp_path / "download"
    path.write_text(PAGE, encoding="utf-8")
    assert only(path)["outlet"] == "Harbor Daily"


def test_html_declaring_latin1_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin.html"
    page = PAGE.replace('charset="utf-8"', 'charset="iso-8859-1"').replace(
        "Tuesday", "Tuesday in the café"
    )
    path.write_bytes(page.replace("—", "-").replace("©", "(c)").encode("latin-1"))
    assert "in the café" in only(path)["body"]


# --- JSON and JSON Lines -----------------------------------------------------------------
RECORD = {
    "id": "rp-1",
    "url": "https://riversidepost.example/a",
    "title": "Compensation within a month",
    "outlet": "The Riverside Post",
    "authors": ["Yaryna Bondar"],
    "published": "2024-04-20T10:00:00+03:00",
    "language": "en",
    "body": BODY,
    "section": "news",
}


def test_json_object_maps_fields_and_keeps_unknown_ones(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps(RECORD, indent=2), encoding="utf-8")
    article = only(path)
    assert article["url"] == RECORD["url"]
    assert article["title"] == RECORD["title"]
    assert article["outlet"] == "The Riverside Post"
    assert article["authors"] == ["Yaryna Bondar"]
    assert article["published"] == "2024-04-20"  # the date as written, not moved to UTC
    assert article["language"] == "en"
    assert article["body"] == BODY
    assert article["metadata"] == {"section": "news", "input_id": "rp-1"}


def test_json_array_and_wrapper_object_give_one_article_per_element(tmp_path: Path) -> None:
    array = tmp_path / "array.json"
    array.write_text(json.dumps([RECORD, {**RECORD, "url": "https://x.example/b"}]))
    wrapper = tmp_path / "api.json"
    wrapper.write_text(json.dumps({"status": "ok", "articles": [RECORD]}))
    articles, rejects = read(array, wrapper)
    assert rejects == []
    assert [a["url"] for a in articles] == [RECORD["url"], "https://x.example/b", RECORD["url"]]
    assert articles[1]["source"] == f"{array.name}#item 2"


def test_json_lines_one_article_per_line(tmp_path: Path) -> None:
    path = tmp_path / "bundle.jsonl"
    lines = [json.dumps({**RECORD, "url": f"https://x.example/{i}"}) for i in range(3)]
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    articles, rejects = read(path)
    assert rejects == []
    assert [a["url"] for a in articles] == [f"https://x.example/{i}" for i in range(3)]
    assert articles[2]["source"] == f"{path.name}#line 3"


def test_news_api_dump_names_are_recognised_without_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text(
        json.dumps(
            {
                "headline": "Selm charges a levy",
                "content": BODY,
                "date": "2025-04-08",
                "source": "Channel 9 News",
                "link": "https://channel9news.example/levy",
                "author": "Marcus Delaney",
                "views": 12,
            }
        )
        + "\n"
    )
    article = only(path)
    assert article["title"] == "Selm charges a levy"
    assert article["body"] == BODY
    assert article["published"] == "2025-04-08"
    assert article["outlet"] == "Channel 9 News"
    assert article["url"] == "https://channel9news.example/levy"
    assert article["authors"] == ["Marcus Delaney"]
    assert article["metadata"] == {"views": 12}


def test_field_mapping_option_with_dotted_paths(tmp_path: Path) -> None:
    path = tmp_path / "custom.jsonl"
    path.write_text(
        json.dumps(
            {
                "story_text": BODY,
                "when": "2024-01-02",
                "publisher": {"name": "Metro Ledger", "id": 7},
                "head": "Custom names",
            }
        )
        + "\n"
    )
    mapping = parse_field_map(
        ["body=story_text,published=when", "outlet=publisher.name,title=head"]
    )
    article = only(path, field_map=mapping)
    assert (article["body"], article["published"]) == (BODY, "2024-01-02")
    assert (article["outlet"], article["title"]) == ("Metro Ledger", "Custom names")
    assert article["metadata"] == {}


def test_json_without_a_body_says_which_keys_it_has(tmp_path: Path) -> None:
    path = tmp_path / "nobody.json"
    path.write_text(json.dumps({"headline": "x", "blurb": "y"}))
    articles, rejects = read(path)
    assert articles == []
    assert "no body field" in rejects[0].reason and "blurb" in rejects[0].reason


# --- WARC / ARC --------------------------------------------------------------------------
def write_warc(path: Path, pages: list[tuple[str, str, str]], gz: bool = True) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=gz)
        for url, content_type, payload in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(payload.encode("utf-8")), http_headers=headers
            )
            writer.write_record(record)


@pytest.mark.parametrize("gz", [True, False])
def test_warc_html_responses_become_articles(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    write_warc(
        path,
        [
            ("https://harbordaily.example/robots.txt", "text/plain", "User-agent: *\n"),
            ("https://harbordaily.example/veto", "text/html; charset=utf-8", PAGE),
            ("https://harbordaily.example/logo.png", "image/png", "\x89PNG"),
            ("https://harbordaily.example/veto-2", "text/html", PAGE.replace("veto", "vote")),
        ],
        gz=gz,
    )
    articles, rejects = read(path)
    assert rejects == []
    assert [a["url"] for a in articles] == [
        "https://harbordaily.example/veto",
        "https://harbordaily.example/veto-2",
    ]
    offsets = [a["metadata"]["warc_record_offset"] for a in articles]
    assert offsets[0] > 0 and offsets[1] > offsets[0]
    assert articles[0]["source"] == f"{path.name}@{offsets[0]}"
    with open(path, "rb") as f:  # the offset is where the record starts in the file
        f.seek(offsets[1])
        record = gzip.GzipFile(fileobj=f) if gz else f
        assert record.read(8) == b"WARC/1.0"
    assert articles[0]["outlet"] == "Harbor Daily"


def test_arc_file_is_read(tmp_path: Path) -> None:
    html = PAGE.encode("utf-8")
    http = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + html
    version = b"1 0 test\nURL IP-address Archive-date Content-type Archive-length\n"
    header = b"filedesc://test.arc 0.0.0.0 20240618000000 text/plain %d\n" % len(version)
    record = b"https://harbordaily.example/veto 10.0.0.1 20240618000000 text/html %d\n" % len(http)
    path = tmp_path / "old.arc"
    path.write_bytes(header + version + b"\n" + record + http + b"\n")
    article = only(path)
    assert article["url"] == "https://harbordaily.example/veto"
    assert "Mayor Celia Marchetti" in article["body"]


# --- feeds -------------------------------------------------------------------------------
RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Channel 9 News</title><link>https://channel9news.example/</link>
<item><title>Mayor at town hall</title><link>https://channel9news.example/a</link>
<dc:creator>Ana Whitfield</dc:creator><pubDate>Fri, 10 May 2024 21:00:00 +0100</pubDate>
<description>Short teaser.</description>
<content:encoded><![CDATA[<p>PORT ELLERY — Mayor Celia Marchetti spoke.</p>
<p>‘This budget keeps the buses running,’ she said.</p>]]></content:encoded></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>STA</title>
<entry><title>Ministry rejects claims</title>
<link href="https://sta.example/en/1"/><id>tag:sta.example,2024:1</id>
<published>2024-03-15T12:00:00Z</published><author><name>STA</name></author>
<content type="html">&lt;p&gt;KARSK CITY — The ministry rejected the claims.&lt;/p&gt;
&lt;p&gt;“The drones were not launched from Karsk territory,” Oleg Brant said.&lt;/p&gt;</content>
</entry></feed>"""


def test_rss_entries_with_full_content(tmp_path: Path) -> None:
    path = tmp_path / "news.rss"
    path.write_text(RSS, encoding="utf-8")
    article = only(path)
    assert article["outlet"] == "Channel 9 News"
    assert article["title"] == "Mayor at town hall"
    assert article["url"] == "https://channel9news.example/a"
    assert article["authors"] == ["Ana Whitfield"]
    assert article["published"] == "2024-05-10"
    assert article["body"] == (
        "PORT ELLERY — Mayor Celia Marchetti spoke.\n\n"
        "‘This budget keeps the buses running,’ she said."
    )


def test_atom_entries_with_html_content(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(ATOM, encoding="utf-8")
    article = only(path)
    assert (article["outlet"], article["published"]) == ("STA", "2024-03-15")
    assert article["body"].endswith(
        "“The drones were not launched from Karsk territory,” Oleg Brant said."
    )


# --- containers: gzip, folders, globs, stdin ---------------------------------------------
def test_gzip_of_any_format(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(("Title: A\n\n" + BODY).encode()))
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress((json.dumps(RECORD) + "\n").encode()))
    (tmp_path / "c.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (tmp_path / "d.gz").write_bytes(gzip.compress(gzip.compress(RSS.encode())))  # nested
    articles, rejects = read(tmp_path)
    assert rejects == []
    assert [a["title"] for a in articles] == [
        "A",
        RECORD["title"],
        "Mayor threatens veto",
        "Mayor at town hall",
    ]


def test_folders_are_read_recursively_in_a_stable_order(tmp_path: Path) -> None:
    (tmp_path / "b" / "deeper").mkdir(parents=True)
    (tmp_path / "b" / "deeper" / "z.txt").write_text("Title: Z\n\n" + BODY)
    (tmp_path / "b" / "y.txt").write_text("Title: Y\n\n" + BODY)
    (tmp_path / "a.txt").write_text("Title: A\n\n" + BODY)
    for skipped in ("README.md", "build.py", "source.html.in", ".hidden.txt"):
        (tmp_path / skipped).write_text("not an article")
    articles, rejects = read(tmp_path)
    assert rejects == []
    assert [a["title"] for a in articles] == ["A", "Y", "Z"]


def test_glob_patterns_and_missing_paths(tmp_path: Path) -> None:
    for name in ("one.txt", "two.txt", "three.json"):
        (tmp_path / name).write_text("Title: " + name + "\n\n" + BODY)
    articles, rejects = read(tmp_path / "*.txt", tmp_path / "nothing-*.txt", tmp_path / "gone.txt")
    assert [a["title"] for a in articles] == ["one.txt", "two.txt"]
    assert [r.reason for r in rejects] == [
        "no file matches this pattern",
        "no such file or directory",
    ]


def test_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    data = gzip.compress((json.dumps(RECORD) + "\n" + json.dumps(RECORD) + "\n").encode())
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    sources = list(expand(["-"]))
    assert sources == [Source("<stdin>", None, None, None)]
    articles = list(read_source(sources[0], ReadOptions()))
    assert [a["title"] for a in articles] == [RECORD["title"]] * 2
    assert articles[0]["source"] == "<stdin>#line 1"


def test_the_demo_corpus_reads_without_a_reject() -> None:
    corpus = Path(__file__).resolve().parent.parent / "fixtures"
    articles, rejects = read(corpus)
    assert rejects == []
    assert len(articles) == 45


def test_a_page_date_that_says_no_one_day_is_named_in_a_warning_and_left_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page's metadata may carry a date written either way (05/11/2026): the page is stored
    undated with the same warning a text file or a JSON record gets."""
    extract = trafilatura.bare_extraction

    def with_date(html: str, **options):  # the page's date as its metadata wrote it
        doc = extract(html, **options)
        doc.date = "05/11/2026"
        return doc

    monkeypatch.setattr(trafilatura, "bare_extraction", with_date)
    path = tmp_path / "veto.html"
    path.write_text(PAGE, encoding="utf-8")
    (source,) = expand([str(path)])
    warnings: list = []
    (article,) = read_source(source, ReadOptions(), repairs=warnings.append)
    assert article.get("published") is None
    (warning,) = warnings
    assert warning.path == str(path)
    assert warning.note.startswith("date '05/11/2026' left out, stored undated: ambiguous")
