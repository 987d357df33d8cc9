"""A newsroom corrects a misattributed quote in a note at the foot of its article
("Correction: An earlier version of this article attributed a quote about the levy to Mark
Dunn. It was said by Paula Grant."). The article text still credits Dunn where the editors
forgot to change it; a reader searching Paula Grant's words finds the quote under her name,
told that it was corrected and why; Dunn keeps his other quote. A note that names nobody
else only marks the quote disputed. On SQLite and Elasticsearch."""

from __future__ import annotations

from pathlib import Path

from indexing import index_in_process

from indexer.link.correction_notes import misattributions
from store.base import SearchQuery, Store
from webapp import create_app

HEADER = (
    "Title: Levy kept\nURL: https://tests.example/{slug}\nOutlet: Test Gazette\n"
    "Date: 2026-11-25\n\n"
)
STORY = (
    "The council voted on Tuesday to keep the harbour levy at 2 percent.\n\n"
    '"The levy is a tax on every family in this town," said council member Mark Dunn.\n\n'
    'Dunn said the vote "was never in doubt."\n\n'
)


def indexed(store: Store, tmp_path: Path, slug: str, note: str) -> dict[str, dict]:
    path = tmp_path / f"{slug}.txt"
    path.write_text(HEADER.format(slug=slug) + STORY + note + "\n", encoding="utf-8")
    index_in_process(store, path, tmp_path / "state")
    return {a["content"]: a for a in store.scan(SearchQuery())}


def test_a_correction_note_moves_the_quote_to_the_person_who_said_it(
    new_store: Store, tmp_path: Path
) -> None:
    note = (
        "Correction: An earlier version of this article attributed a quote about the levy "
        "to Mark Dunn. It was said by Paula Grant."
    )
    found = indexed(new_store, tmp_path, "levy", note)
    levy = next(a for c, a in found.items() if "levy is a tax" in c)
    assert (levy["speaker"], levy["corrected_from"]) == ("Paula Grant", "Mark Dunn")
    assert levy["correction_note"] == note
    vote = next(a for c, a in found.items() if "never in doubt" in c)
    assert (vote["speaker"], vote["corrected_from"], vote["correction_note"]) == (
        "Mark Dunn",
        None,
        None,
    )
    page = (
        create_app(new_store, {"TESTING": True})
        .test_client()
        .get(f"/attributions/{levy['id']}")
        .get_data(as_text=True)
    )
    assert "corrected: attributed to Mark Dunn before the newsroom" in page


def test_a_note_naming_nobody_else_marks_the_quote_disputed(
    new_store: Store, tmp_path: Path
) -> None:
    note = (
        "Correction: An earlier version of this article incorrectly attributed a quote about "
        "the levy to Mark Dunn."
    )
    found = indexed(new_store, tmp_path, "disputed", note)
    levy = next(a for c, a in found.items() if "levy is a tax" in c)
    assert (levy["speaker"], levy["corrected_from"]) == ("Mark Dunn", None)
    assert levy["correction_note"] == note


def test_a_note_naming_someone_the_article_does_not_quote_moves_no_namesakes_words(
    new_store: Store, tmp_path: Path
) -> None:
    """The note names Mark Dunn; the article quotes only Gemma Dunn, a resident: her words
    stay hers, never moved to the note's right speaker nor marked as corrected."""
    path = tmp_path / "namesake.txt"
    path.write_text(
        HEADER.format(slug="namesake")
        + '"This levy will fund the new tram line," said council leader Paula Grant.\n\n'
        + "Local resident Gemma Dunn told the Argus she supported the levy.\n\n"
        + "Correction: An earlier version of this article attributed a quote about the levy "
        + "to Mark Dunn. It was said by Paula Grant.\n",
        encoding="utf-8",
    )
    index_in_process(new_store, path, tmp_path / "state")
    found = {a["content"]: a for a in new_store.scan(SearchQuery())}
    gemma = next(a for c, a in found.items() if "supported the levy" in c)
    assert (gemma["speaker"], gemma.get("corrected_from")) == ("Gemma Dunn", None)
    assert gemma.get("correction_note") is None


def test_the_forms_of_a_note_that_name_the_right_speaker() -> None:
    said = [
        (m.wrong, m.right, m.topic)
        for body in (
            "CORRECTION: A previous version of this story incorrectly attributed remarks on "
            "the budget to council member Mark Dunn rather than Paula Grant.",
            "Correction: An earlier version of this article misattributed a comment to Dr. "
            "Ruth Anselm. The comment was made by Tom Baird.",
            "Correction: An earlier version of this article attributed a quote to Mark Dunn. "
            "Paula Grant said it.",
            "Correction: An earlier version of this article misspelled Paula Grant's name.",
            "Mark Dunn attributed a quote about the levy to Paula Grant. It was said by him.",
        )
        for m in misattributions(body)
    ]
    assert said == [
        ("Mark Dunn", "Paula Grant", ("budget",)),
        ("Dr. Ruth Anselm", "Tom Baird", ()),
        ("Mark Dunn", "Paula Grant", ()),
    ]


def test_a_british_style_amendment_moves_the_quote_it_quotes(
    new_store: Store, tmp_path: Path
) -> None:
    """ "This article was amended on DATE. A quote saying '...' was wrongly attributed to X;
    it was said by the DESCRIPTION, Y." (Guardian/BBC style: the quote is the subject, the
    note quotes its words, the right speaker comes after a description)."""
    note = (
        "\u2022 This article was amended on 26 November 2026. A quote saying 'The levy is a "
        "tax on every family' was wrongly attributed to Mark Dunn; it was said by the "
        "harbour master, Paula Grant."
    )
    found = indexed(new_store, tmp_path, "amended", note)
    levy = next(a for c, a in found.items() if "levy is a tax" in c)
    assert (levy["speaker"], levy["corrected_from"]) == ("Paula Grant", "Mark Dunn")
    vote = next(a for c, a in found.items() if "never in doubt" in c)
    assert (vote["speaker"], vote["corrected_from"]) == ("Mark Dunn", None)


def test_the_forms_of_an_amendment_that_name_the_right_speaker() -> None:
    said = [
        (m.wrong, m.right, m.topic)
        for body in (
            "This article was amended on 3 May 2026. Remarks about the ferry levy were "
            "misattributed to Tom Reyes. They were made by Ana Silva.",
            "Correction: An earlier version of this article attributed a quote about the levy "
            "to Mark Dunn. It was Paula Grant who said it.",
            "This article was amended on 3 May 2026. The quote \u2018We will not sell\u2019 "
            "was incorrectly attributed to Tom Reyes.",
        )
        for m in misattributions(body)
    ]
    assert said == [
        ("Tom Reyes", "Ana Silva", ("ferry", "levy")),
        ("Mark Dunn", "Paula Grant", ("levy",)),
        ("Tom Reyes", None, ("sell",)),
    ]
