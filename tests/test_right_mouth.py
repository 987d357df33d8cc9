"""A reader opens a speaker's page: every quote on it must be that one person's.

Invented stories of the kinds a first user filed in the wrong mouth: a family story naming
its people by first name after their full names, a capitalised title before the name in
apposition, a Q&A transcript, a possessive inside a publication's name, an institution "of"
its field, figures published by a public body, and a barrister's post-nominal letters.
"""

from __future__ import annotations

from indexer.extract import extract

FAMILY = (
    "The Okafor siblings disagree about the future of the bakery their mother opened.\n\n"
    "\u201cWe should sell while the offer stands,\u201d said Daniel Okafor, 61, the eldest.\n\n"
    "His sister, Grace Okafor, wants to keep it. \u201cMum would never forgive us,\u201d "
    "Grace said.\n\n"
    "Their cousin, Ruth Okafor-Lane, who keeps the books, said she was undecided.\n\n"
    "Daniel said the buyer had offered \u00a32 million. \u201cWe will talk again,\u201d "
    "Ruth said."
)


def _speaker_of(records: list[dict], words: str) -> str | None:
    return next(r for r in records if words in r["content"])["speaker"]


def test_a_first_name_alone_is_the_one_person_of_the_article_with_that_given_name_if_one():
    records = extract(FAMILY)
    assert _speaker_of(records, "never forgive") == "Grace Okafor"
    assert _speaker_of(records, "offered") == "Daniel Okafor"
    assert _speaker_of(records, "talk again") == "Ruth Okafor-Lane"
    text = (  # two Toms: the article does not say which one
        "Tom Reyes and Tom Whitaker both ran for the board this spring.\n\n"
        "\u201cThe pool must stay open,\u201d Tom said at the meeting."
    )
    speaker = _speaker_of(extract(text), "pool must stay")
    assert speaker not in ("Tom Reyes", "Tom Whitaker")


def test_a_bare_first_name_or_title_gets_no_speaker_page_shared_across_articles(store):
    from indexer.link import Linker

    linker = Linker(store)
    stories = [
        ("Adam", "\u201cIt is too early,\u201d Adam said of the harvest."),
        ("Adam", "\u201cWe lost the match,\u201d Adam said after the game."),
        ("The Health Secretary", "The Health Secretary said waits would fall by spring."),
        ("Prime Minister", "Prime Minister said the summit had gone well."),
    ]
    for n, (speaker, body) in enumerate(stories):
        record = {
            **extract(body)[0],
            "speaker": speaker,
            "speaker_type": "person",
            "speaker_resolution": "named",  # as an extractor that did not resolve it filed it
        }
        article = {"id": f"a-{n}", "title": "News", "body": body, "source": f"{n}.txt"}
        _, [linked] = linker.link(article, [record])
        if speaker == "Adam":  # each article's Adam has a page of that article alone
            assert store.get_speaker(linked["speaker_id"])["article_id"] == article["id"]
        else:
            assert linked["speaker_id"] is None, speaker
    assert store.stats()["speakers"] == 2
    body = "Adam Kowalski runs the farm. \u201cRain at last,\u201d Adam said."
    article = {"id": "a-9", "title": "Farm", "body": body, "source": "9.txt"}
    record = {**extract(body)[-1], "speaker": "Adam", "speaker_type": "person"}
    _, [linked] = linker.link(article, [record])  # the article's one Adam
    assert store.get_speaker(linked["speaker_id"])["name"] == "Adam Kowalski"


def test_a_capitalised_title_before_the_name_in_apposition_gives_way_to_the_name():
    text = (
        "The Education Secretary, Priya Lindqvist, told the BBC that schools would get "
        "\u201cevery penny they need\u201d.\n\n"
        "The Chief Constable, Owen Marsh, said officers would patrol the estate."
    )
    records = extract(text)
    assert _speaker_of(records, "every penny") == "Priya Lindqvist"
    assert _speaker_of(records, "patrol the estate") == "Owen Marsh"


def test_the_answers_of_a_q_and_a_are_the_interviewee_s_named_as_in_the_headline():
    body = (
        "Tomas Brandvold has coached the national rowing team for a decade. He talked to "
        "Sue Penn.\n\n"
        "Q: Why train at dawn?\n\n"
        "Brandvold: Because the water is flat and the city is asleep.\n\n"
        "Q: Do the rowers complain?\n\n"
        "A: Every morning, and then they win."
    )
    records = extract(body, title="Q&A: 'Rowing is a dawn sport,' says coach Tomas Brandvold")
    answer = next(r for r in records if "then they win" in r["content"])
    assert answer["speaker"] == "Tomas Brandvold"


def test_publications_and_institutions_are_named_whole_and_are_not_people():
    text = (
        "Freight costs have doubled since May, Baltic's Gazette reported.\n\n"
        "The Royal Society of Chemistry said the ban was overdue.\n\n"
        "Prices rose by 6%, according to figures published by ONS Wales on Friday.\n\n"
        "Data released by the Carers' Trust showed that one carer in three had no break."
    )
    records = extract(text)
    by_content = {
        w: next(r for r in records if w in r["content"])
        for w in ("doubled", "overdue", "Prices rose", "no break")
    }
    assert (by_content["doubled"]["speaker"], by_content["doubled"]["speaker_type"]) == (
        "Baltic's Gazette",
        "organization",
    )
    assert by_content["overdue"]["speaker"] == "Royal Society of Chemistry"
    assert by_content["overdue"]["speaker_type"] == "organization"
    assert by_content["Prices rose"]["speaker"] == "ONS Wales"
    assert by_content["Prices rose"]["speaker_type"] == "organization"
    assert by_content["no break"]["speaker"] == "Carers' Trust"


def test_post_nominal_letters_are_the_role_not_the_name():
    text = (
        "Grace Holloway KC told the tribunal that the dismissal was \u201cplainly unfair\u201d. "
        "She said her client would appeal."
    )
    record = next(r for r in extract(text) if "plainly unfair" in r["content"])
    assert record["speaker"] == "Grace Holloway"
    assert record["speaker_role"] == "KC"
