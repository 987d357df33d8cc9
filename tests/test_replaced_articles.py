"""Nothing replaced without trace: one URL twice in a JSON Lines file is warned with the
file and both lines (the later record wins), and re-indexing an edited article (same URL,
a quote changed) names the article and how many of its stored attributions were removed,
in the log and in the summary. On both engines.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from indexer.indexing import Indexer, IndexOptions
from store.base import SearchQuery, Store


def _line(url: str, quote: str, speaker: str) -> str:
    body = f'"{quote}," {speaker} said on Monday.'
    return json.dumps({"url": url, "title": quote[:20], "published": "2026-11-20", "body": body})


def _index(store: Store, path: Path, state: Path) -> tuple[str, object]:
    err = io.StringIO()
    options = IndexOptions([str(path)], state_dir=str(state), workers=1)
    summary = Indexer(store, options, err).run()
    getattr(store, "refresh", lambda: None)()
    return err.getvalue(), summary


def test_one_url_twice_in_a_file_names_both_lines_and_an_edit_names_what_it_removed(
    new_store: Store, tmp_path: Path
) -> None:
    first = tmp_path / "wire.jsonl"
    first.write_text(
        "\n".join(
            [
                _line("https://north.example/gas", "Gas bills will be cut", "Alan Frost"),
                _line("https://north.example/rail", "Trains will run on time", "Ann Lee"),
                _line("https://north.example/gas", "Gas bills will be cut soon", "Alan Frost"),
            ]
        )
        + "\n"
    )
    err, _ = _index(new_store, first, tmp_path / "state")
    assert (
        f"{first} [line 3]: the same article as {first} [line 1] "
        "(URL https://north.example/gas): the later record replaces the earlier"
    ) in err

    edited = tmp_path / "wire-corrected.jsonl"
    edited.write_text(_line("https://north.example/rail", "Fares rise in May", "Ann Lee"))
    err, summary = _index(new_store, edited, tmp_path / "state-2")
    assert (
        f"{edited} [line 1] (https://north.example/rail): changed since it was indexed: "
        "1 stored attribution removed, 1 now"
    ) in err
    assert "1 removed from changed articles" in summary.line()  # type: ignore[attr-defined]
    contents = " | ".join(a["content"] for a in new_store.scan(SearchQuery(facets=False)))
    assert "Fares rise in May" in contents and "Trains will run on time" not in contents


def test_one_article_again_in_a_later_batch_keeps_the_earlier_record_and_says_so(
    new_store: Store, tmp_path: Path
) -> None:
    """The same article in two files read in two batches: the store keeps the record read
    first (nothing in it changed), and the warning says so rather than claiming a
    replacement."""
    first, second = tmp_path / "a-wire.jsonl", tmp_path / "b-mirror.jsonl"
    line = _line("https://north.example/gas", "Gas bills will be cut", "Alan Frost")
    first.write_text(line + "\n")
    second.write_text(line + "\n")
    err = io.StringIO()
    options = IndexOptions(
        [str(first), str(second)], state_dir=str(tmp_path / "state"), workers=1, batch_size=1
    )
    Indexer(new_store, options, err).run()
    getattr(new_store, "refresh", lambda: None)()
    assert (
        f"{second} [line 1]: the same article as {first} [line 1] "
        "(URL https://north.example/gas): the same content, so the earlier record is kept"
    ) in err.getvalue()
    (attribution,) = list(new_store.scan(SearchQuery(facets=False)))
    article = new_store.get_article(attribution["article_id"])
    assert article is not None and "a-wire.jsonl" in article["source"]


def test_an_identical_copy_in_the_same_batch_is_said_kept_as_the_summary_counts_it(
    new_store: Store, tmp_path: Path
) -> None:
    """An AMP copy of a story read in the same batch as the story: the warning and the
    summary tell one story (the earlier record kept, the copy counted unchanged), never a
    replacement the summary does not show."""
    first, second = tmp_path / "a-story.jsonl", tmp_path / "b-amp.jsonl"
    line = _line("https://north.example/gas", "Gas bills will be cut", "Alan Frost")
    first.write_text(line + "\n")
    second.write_text(line + "\n")
    err = io.StringIO()
    options = IndexOptions([str(first), str(second)], state_dir=str(tmp_path / "state"), workers=1)
    summary = Indexer(new_store, options, err).run()
    said = err.getvalue()
    assert "the same content, so the earlier record is kept" in said
    assert "replaces the earlier" not in said
    assert "1 indexed, 0 replaced, 1 unchanged" in summary.line()  # type: ignore[attr-defined]


def test_a_corrected_figure_in_a_stored_quote_is_named_as_changed(
    new_store: Store, tmp_path: Path
) -> None:
    """A newsroom corrects one figure in a quote ("2027" to "2029"): the quote keeps its
    place in the article, so nothing disappears, but the stored quote is overwritten; the
    log names the article and says one stored attribution changed, and the summary counts it."""
    url = "https://north.example/duty"
    first = tmp_path / "duty.jsonl"
    first.write_text(_line(url, "There is no plan to raise fuel duty in 2027", "Laura Chen"))
    _index(new_store, first, tmp_path / "state")
    corrected = tmp_path / "duty-corrected.jsonl"
    corrected.write_text(_line(url, "There is no plan to raise fuel duty in 2029", "Laura Chen"))
    err, summary = _index(new_store, corrected, tmp_path / "state-2")
    assert (
        f"{corrected} [line 1] ({url}): changed since it was indexed: "
        "1 stored attribution changed, 1 now"
    ) in err
    assert "1 changed in changed articles" in summary.line()  # type: ignore[attr-defined]
    (attribution,) = list(new_store.scan(SearchQuery(facets=False)))
    assert "in 2029" in attribution["content"] and "2027" not in attribution["content"]


def test_an_article_read_again_unchanged_says_nothing_changed(
    new_store: Store, tmp_path: Path
) -> None:
    """Re-indexing the very same article is not reported as a change."""
    source = tmp_path / "duty.jsonl"
    source.write_text(_line("https://north.example/duty", "Fuel duty stays", "Laura Chen"))
    _index(new_store, source, tmp_path / "state")
    err, summary = _index(new_store, source, tmp_path / "state-2")
    assert "changed since it was indexed" not in err
    assert "changed articles" not in summary.line()  # type: ignore[attr-defined]


def _statement_texts(store: Store) -> set[str]:
    """The wording of every stored statement a search reaches through its attributions,
    and the store's own count of statements, which must agree with it."""
    ids = {a["statement_id"] for a in store.scan(SearchQuery(facets=False))}
    texts = set()
    for ident in ids:
        statement = store.get_statement(ident)
        assert statement is not None, f"an attribution points at a missing statement {ident}"
        texts.add(statement["text"].strip('"\u201c\u201d,. '))
    assert store.stats()["statements"] == len(ids)
    return texts


def test_an_article_replaced_in_a_later_run_leaves_none_of_its_old_statements(
    new_store: Store, tmp_path: Path
) -> None:
    """A newsroom rewrites a story and it is indexed again the next day (same URL, other
    quotes): stats and search count the new version's statements only, while a quote the
    old version shared with another article stays that article's statement."""
    url = "https://north.example/budget"
    first = tmp_path / "monday.jsonl"
    first.write_text(
        "\n".join(
            [
                _line(url, "Gas bills will be cut by half", "Alan Frost"),
                _line("https://south.example/gas", "Gas bills will be cut by half", "Ann Lee"),
                _line("https://north.example/rail", "Rail fares will be frozen", "Ann Lee"),
            ]
        )
        + "\n"
    )
    _index(new_store, first, tmp_path / "state")
    assert _statement_texts(new_store) == {
        "Gas bills will be cut by half",
        "Rail fares will be frozen",
    }
    rewritten = tmp_path / "tuesday.jsonl"
    rewritten.write_text(_line(url, "Water rates will rise sharply next year", "Alan Frost"))
    _index(new_store, rewritten, tmp_path / "state-2")
    assert _statement_texts(new_store) == {
        "Gas bills will be cut by half",  # still said by Ann Lee at south.example
        "Rail fares will be frozen",
        "Water rates will rise sharply next year",
    }

    again = tmp_path / "wednesday.jsonl"
    again.write_text(_line("https://south.example/gas", "Bus routes will double", "Ann Lee"))
    _index(new_store, again, tmp_path / "state-3")
    assert _statement_texts(new_store) == {
        "Rail fares will be frozen",
        "Water rates will rise sharply next year",
        "Bus routes will double",
    }


CUT, NOT_CUT = "Gas bills will be cut by half", "Gas bills will not be cut by half"


def test_a_quote_of_a_replaced_version_met_again_in_the_same_run_has_its_statement(
    new_store: Store, tmp_path: Path
) -> None:
    """In one run, a story's old statement is let go when its new version is written; an
    article read later in that run quoting the old words again still gets a stored
    statement (the run does not link it to the one just removed)."""
    url = "https://north.example/budget"
    first = tmp_path / "monday.jsonl"
    first.write_text(_line(url, f"{CUT} this winter", "Alan Frost"))
    _index(new_store, first, tmp_path / "state")
    inputs = []
    for name, line in [
        ("a.jsonl", _line("https://east.example/g", f"{NOT_CUT} this winter", "Ann Lee")),
        ("b.jsonl", _line(url, "Water rates will rise sharply next year", "Alan Frost")),
        ("c.jsonl", _line("https://west.example/g", f"{CUT} this winter", "Ann Lee")),
    ]:
        path = tmp_path / name
        path.write_text(line + "\n")
        inputs.append(str(path))
    options = IndexOptions(inputs, state_dir=str(tmp_path / "state-2"), workers=1, batch_size=1)
    Indexer(new_store, options, io.StringIO()).run()
    getattr(new_store, "refresh", lambda: None)()
    assert _statement_texts(new_store) == {
        f"{NOT_CUT} this winter",
        "Water rates will rise sharply next year",
        f"{CUT} this winter",
    }
