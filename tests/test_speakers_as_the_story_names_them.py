"""The person a reader finds on a speaker's page is the one the story named (issue 10,
session 9): a short given name that is also a rank's abbreviation stays a name, a police
officer's force is part of her role, a lede's description is the person the next paragraph
introduces, a founder relayed by a critic keeps his words, an interviewer's question is not
the interviewer's quote, and a headline's relaying aide is never somebody else.
"""

from __future__ import annotations

from link_corpus import article, index

from indexer.extract import extract
from indexer.link import Linker

DROUGHT = (
    "Bathurst grazier Col Dwyer said the drought had cost him half his herd since "
    "the autumn.\n\n"
    "\u201cWe have never seen it this dry, not in forty years,\u201d Dwyer said.\n\n"
    "Dwyer said he would sell more cattle before Christmas if no rain came."
)


def test_a_short_given_name_that_is_also_a_rank_stays_the_name(store) -> None:
    # "Col" is Colin to a country reporter; no period, no rank before it, no army in the
    # story: the grazier's page is "Col Dwyer", and all three of his quotes are on it
    found = extract(DROUGHT)
    built = article("Western Plains Courier", "Dry times on the land", "2026-11-20", DROUGHT)
    linked = index(store, Linker(store), (built, found))[1]
    assert len(linked) == 3
    pages = {store.get_speaker(a["speaker_id"])["name"] for a in linked}
    assert pages == {"Col Dwyer"}


PARADE = (
    "Col. Ray Dwyer, who commands the regiment, said the parade would go ahead.\n\n"
    "\u201cThe soldiers have earned it,\u201d Col. Dwyer said.\n\n"
    "Lt Col Anna Brisk said the route had been checked twice."
)


def test_a_rank_the_story_writes_as_one_is_still_the_role(store) -> None:
    found = extract(PARADE)
    built = article("Garrison Times", "Parade goes ahead", "2026-11-20", PARADE)
    linked = index(store, Linker(store), (built, found))[1]
    pages = sorted({store.get_speaker(a["speaker_id"])["name"] for a in linked})
    assert pages == ["Anna Brisk", "Ray Dwyer"]


VAN = (
    "Chief Inspector Ann Holt of Thames Valley Police said officers had found the van "
    "abandoned near Didcot.\n\n"
    "\u201cWe are asking anyone who saw it to come forward,\u201d Holt said.\n\n"
    "Detective Sergeant Paul Rice, of the Metropolitan Police, said the inquiry was "
    "continuing."
)


def test_an_officer_s_force_is_part_of_her_role_as_the_story_writes_it(store) -> None:
    found = extract(VAN)
    roles = {a["speaker"]: a["speaker_role"] for a in found}
    assert roles == {
        "Ann Holt": "chief inspector of Thames Valley Police",
        "Paul Rice": "detective sergeant of the Metropolitan Police",
    }
    built = article("Oxford Evening News", "Van found", "2026-11-20", VAN)
    linked = index(store, Linker(store), (built, found))[1]
    holt = store.get_speaker(linked[0]["speaker_id"])
    assert holt["name"] == "Ann Holt"
    assert "chief inspector of Thames Valley Police" in holt["roles"]


SHREDDING_TITLE = "Former aide says she was told to shred files"
SHREDDING = (
    "A former aide says she was told to shred files the week before the audit began.\n\n"
    "Maria Lenz, who worked for the deputy mayor for six years, said the order came by "
    "phone on a Friday evening.\n\n"
    "\u201cI was told to get rid of everything from 2019,\u201d Lenz said.\n\n"
    "The deputy mayor's office did not respond to requests for comment."
)


def _speakers_of(found: list[dict], words: str) -> list[tuple[str, str]]:
    return [
        (a["speaker"], a["speaker_resolution"]) for a in found if words in a["content"]
    ]


def test_a_lede_s_description_is_the_person_the_next_paragraph_introduces() -> None:
    # the delayed identification of news writing: headline and lede describe her, the
    # second paragraph names her, and she is the only one it introduces
    found = extract(SHREDDING, title=SHREDDING_TITLE)
    assert _speakers_of(found, "shred files") == [
        ("Maria Lenz", "description"),
        ("Maria Lenz", "description"),
    ]


def test_a_lede_s_description_stays_unresolved_when_the_next_paragraph_does_not_decide() -> None:
    two_women = SHREDDING.replace(
        "Maria Lenz, who worked for the deputy mayor for six years, said",
        "Maria Lenz, who worked beside Clara Voss for six years, said",
    )
    a_man = SHREDDING.replace("Maria Lenz", "Peter Lenz")
    for body in (two_women, a_man):
        found = extract(body, title=SHREDDING_TITLE)
        assert {how for _, how in _speakers_of(found, "shred files")} == {"unresolved"}


def _answers(found: list[dict]) -> set[str | None]:
    return {a["speaker"] for a in found if "stadium" in a["content"] or "ten years" in a["content"]}


STADIUM_QA = (
    "Mayor Tom Reyes sat down with Courier reporter Jane Abbott to talk about the "
    "election.\n\n"
    "Q: You said \u201cwe will win.\u201d Do you still think so?\n\n"
    "A: Absolutely. People want the new stadium and they know we will build it.\n\n"
    "Q: Will the stadium pay for itself?\n\n"
    "A: It will, within ten years, and the city will keep every cent of the profit."
)
HARBOUR_QA = (
    "Harbour Board chair Nina Castell spoke to the Courier about the port expansion.\n\n"
    "Q: In March you said \u201cwe will win the vote.\u201d Do you still think so?\n\n"
    "A: I do. The numbers have not changed, and the board is united behind the stadium "
    "plan.\n\n"
    "Q: Your critics say the dredging will ruin the bay.\n\n"
    "A: They are wrong. We have done every study the law requires in ten years of work."
)


def test_a_transcript_s_answers_are_the_interviewee_s_not_the_reporter_s() -> None:
    # the reporter who asks, and the outlet she writes for, never answer
    assert _answers(extract(STADIUM_QA)) == {"Tom Reyes"}
    assert _answers(extract(HARBOUR_QA)) == {"Nina Castell"}


def test_words_quoted_in_a_question_are_never_the_interviewer_s() -> None:
    # "You said 'we will win'": the interviewee's words, if anyone's; the reporter's never
    for body, interviewee in ((STADIUM_QA, "Tom Reyes"), (HARBOUR_QA, "Nina Castell")):
        asked = [a for a in extract(body) if "we will win" in a["content"]]
        assert {a["speaker"] for a in asked} <= {interviewee}


def test_you_said_in_an_unlabelled_question_is_the_interviewee_s() -> None:
    unlabelled = STADIUM_QA.replace("Q: ", "").replace("A: ", "")
    asked = [a for a in extract(unlabelled) if "we will win" in a["content"]]
    assert [(a["speaker"], a["speaker_text"]) for a in asked] == [("Tom Reyes", "You")]


LEAK = (
    "Health Minister Clare Dunne knew about the data leak weeks before it was made public, "
    "a former aide said on Tuesday.\n\n"
    "The aide, who asked not to be named, said Dunne was briefed in early March.\n\n"
    "Mark Heller, a senior aide to Opposition leader Ray Dunmore, said the minister must "
    "resign."
)


def test_a_headline_s_describing_label_is_nobody_s_page(store) -> None:
    found = extract(LEAK, title="Aide: minister knew of leak")
    [headline] = [a for a in found if a["part"] == "title"]
    assert headline["speaker_resolution"] == "unresolved"
    built = article("Capital Gazette", "Aide: minister knew of leak", "2026-11-20", LEAK)
    linked = index(store, Linker(store), (built, found))[1]
    pages = {store.get_speaker(a["speaker_id"])["name"] for a in linked if a["speaker_id"]}
    assert pages == {"Mark Heller"}  # the other aide, for his own words only


def test_an_anonymous_aide_is_not_the_aide_named_later() -> None:
    [briefed] = [a for a in extract(LEAK) if "briefed" in a["content"]]
    assert briefed["speaker_resolution"] == "unresolved"
    assert briefed["speaker"] != "Mark Heller"


def test_a_headline_relay_names_the_describing_relay_or_none() -> None:
    for title in (
        "Ex-aide says Dunne told her \u2018the numbers don\u2019t matter\u2019",
        "Aide says Dunne told staff: \u2018Delete everything\u2019",
    ):
        found = extract(LEAK, title=title)
        relayed = [a for a in found if a["part"] == "title" and a["speaker"] == "Clare Dunne"]
        described = [a for a in found if a["part"] == "title" and a["speaker"] != "Clare Dunne"]
        assert {a["relayed_by"] for a in relayed} <= {"ex-aide", "aide", None}, title
        assert all(a["speaker_resolution"] == "unresolved" for a in described), title


ARCHIVE = (
    "Staff at Norvik Systems were told to delete old customer records last spring.\n\n"
    "According to Weiss, the company\u2019s founder, Viktor Aalto, told staff to clear the "
    "archive before the regulator\u2019s visit."
)


def test_an_order_reported_according_to_someone_is_the_order_giver_s_relayed() -> None:
    # Weiss reports it, Aalto gave the order: Aalto's words, passed on by Weiss
    found = extract(ARCHIVE)
    [order] = [a for a in found if a["speaker"] == "Viktor Aalto"]
    assert (order["cue"], order["relayed_by"]) == ("told", "Weiss")
    assert "clear the archive" in order["content"]


ALLIES = (
    "Penrose's allies insist she has the backing of No 10. One told the Min Post: "
    '"The prime minister is 100% behind her."\n\n'
    'Another said: "Nobody is going anywhere."\n\n'
    '"We will win this," said Chancellor Ruth Penrose.'
)


def test_one_of_a_group_just_named_is_nobody_s_page(store) -> None:
    # "One told the Post", "Another said": one of Penrose's allies, unnamed; a page "One"
    # would gather every anonymous source of the corpus under one made-up person
    found = extract(ALLIES)
    unnamed = [a for a in found if a["speaker_text"] in ("One", "Another")]
    assert len(unnamed) == 2
    assert {a["speaker_resolution"] for a in unnamed} == {"unresolved"}
    built = article("Min Post", "Budget", "2026-11-27", ALLIES)
    linked = index(store, Linker(store), (built, found))[1]
    pages = {store.get_speaker(a["speaker_id"])["name"] for a in linked if a["speaker_id"]}
    assert pages == {"Ruth Penrose"}
