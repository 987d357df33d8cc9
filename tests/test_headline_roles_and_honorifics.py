"""Headline roles and honorific surnames never pool different people on one page (issue
10): "'Taxes will rise', PM warns" in one article and "PM tells conference" in another are
two prime ministers; "said Mrs Hollis" and "said Mr Hollis" in two articles are two people.
A headline's bare role or role abbreviation is the body's one holder of that office, else
an unresolved description that gets no page.
"""

from __future__ import annotations

import pytest
from link_corpus import article, index

from indexer.extract.article import extract_article
from indexer.link import Linker


def _headline_speaker(title: str, body: str) -> tuple[str | None, str]:
    [said] = [a for a in extract_article(title, body) if a["part"] == "title"]
    return said["speaker"], said["speaker_resolution"]


@pytest.mark.parametrize(
    ("title", "body", "person"),
    [
        (
            "\u2018We will build 300,000 homes\u2019, PM tells conference",
            "The Prime Minister of Lirvania, Tomas Vale, promised to build homes.",
            "Tomas Vale",
        ),
        (
            "'Taxes will rise', PM warns",
            "Prime Minister Ilse Marr told parliament that taxes would rise next year.",
            "Ilse Marr",
        ),
        (
            "Senator says governor admitted state is 'out of money'",
            "State Sen. Ruth Calder said Sunday that the governor told her so.",
            "Ruth Calder",
        ),
        (
            "MP says husband 'never lobbied' on her behalf",
            "The Conservative MP Sarah Hargreaves insisted she had done nothing wrong.",
            "Sarah Hargreaves",
        ),
        (
            "Premier says 'we are ready'",
            "NSW Premier Chris Minns says the state is ready for the fire season.",
            "Chris Minns",
        ),
    ],
)
def test_a_headline_role_is_the_body_s_one_holder_of_that_office(title, body, person):
    assert _headline_speaker(title, body)[0] == person


@pytest.mark.parametrize(
    "title",
    [
        "'Taxes will rise', PM warns",
        "'We will fight', FM says",
        "MP says husband 'never lobbied'",
        "Premier says 'we are ready'",
    ],
)
def test_a_headline_abbreviation_nobody_in_the_body_holds_stays_a_description(title):
    body = "Parliament met on Monday.\n\nMayor Ines Okoro said the city would cope."
    speaker, how = _headline_speaker(title, body)
    assert how == "unresolved" and speaker in ("PM", "FM", "MP", "Premier")


def test_two_articles_prime_ministers_or_mps_never_share_a_page(store):
    linker = Linker(store)
    pages = []
    for slug, title, body in (
        ("homes", "'We will build homes', PM tells conference", "Parliament met on Monday."),
        ("taxes", "'Taxes will rise', PM warns", "The budget was published on Tuesday."),
        ("lobby", "MP says husband 'never lobbied'", "The register was published on Monday."),
    ):
        built = article("Lirvania Herald", slug, "2026-11-10", body, title=title)
        linked = index(store, linker, (built, extract_article(title, body)))[1]
        pages += [a.get("speaker_id") for a in linked if a["part"] == "title"]
    assert pages == [None, None, None]
    assert store.get_speaker("pm") is None and store.get_speaker("mp") is None


def test_mrs_and_mr_hollis_of_two_articles_are_two_people(store):
    linker = Linker(store)
    ids = []
    for slug, body in (
        ("hearing", "A review of the bypass is due.\n\n'We are delighted,' said Mrs Hollis."),
        ("route", "An engineer drew a new route.\n\n'My route avoids the school,' said Mr Hollis."),
    ):
        built = article("Amberley Post", slug, "2026-11-30", body, title=f"Bypass {slug}")
        linked = index(store, linker, (built, extract_article(f"Bypass {slug}", body)))[1]
        ids += [a.get("speaker_id") for a in linked]
    assert len(ids) == 2 and ids[0] != ids[1]
    assert store.get_speaker("hollis") is None


def test_a_bare_surname_never_joins_the_relative_the_article_names_later(store):
    linker = Linker(store)
    title = "Mensah warns of crisis in midwifery"
    body = (
        "Dr Mensah, chief midwife of the Eastvale Trust, told the Eastvale Echo that the "
        "trust had 40 fewer midwives than last year.\n\n"
        "'We are running on empty,' she said.\n\n"
        "Mensah's brother, Kofi Mensah, a local councillor, said the figures were 'fiction'."
    )
    built = article("Eastvale Echo", "midwives", "2026-11-30", body, title=title)
    linked = index(store, linker, (built, extract_article(title, body)))[1]
    pages = {a["content"][:12]: a.get("speaker_id") for a in linked}
    assert pages["'We are runn"] != "kofi-mensah"
    assert pages["that the tru"] != "kofi-mensah"
    assert pages["the figures "] == "kofi-mensah"
