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
