"""Someone else named nearby (issue 10): a fresh reader's checks of who said what, where
the article names another person close to the speaker. A wrong name is worse than an
unresolved speaker.

- a bare surname goes to the bearer the article named before it, never to one it names
  only later ("Laura Chen ... Chen told Reuters ... Derek Chen said"), whatever the
  headline ends with ("..., per Reuters" is no photo credit);
- "he" or "she" after a sentence where one person meets another of the same gender is the
  subject's, never the object's;
- "a spokesperson for Prime Minister Alan Reed" speaks for Reed and is not Reed: an
  unresolved description keeping whom it serves;
- words a quotation itself reports ("She ... said, 'I will veto'", Whitfield said) do not
  make the quoted person relay the quoting one's own words.
"""

from __future__ import annotations

import pytest

from indexer.extract import extract


def _by(atts: list[dict], words: str) -> dict:
    """The one attribution whose content opens with ``words`` (ignoring quote marks)."""
    found = [a for a in atts if a["content"].lstrip("\u201c\"").startswith(words)]
    assert len(found) == 1, (words, [(a["speaker"], a["content"]) for a in atts])
    return found[0]


SHARED_SURNAME = (
    "Finance Minister {first} {surname} denied on Sunday that the government planned to "
    "raise fuel duty next year, according to Reuters.\n\n"
    "\u201cThere is no plan to raise fuel duty in 2027,\u201d {surname} told Reuters in an "
    "interview.\n\n"
    "However, opposition finance spokesman {later} {surname} said the Treasury had already "
    "drafted the increase. {later} {surname}, who is not related to the minister, said "
    "officials had shown him the figures."
)


@pytest.mark.parametrize(
    "title",
    [
        None,
        "Minister denies plan to raise fuel duty, per Reuters",
        "Minister denies plan to raise fuel duty, Reuters reports",
        "Fuel duty row deepens - AFP",
    ],
)
@pytest.mark.parametrize(
    ("first", "surname", "later"), [("Laura", "Chen", "Derek"), ("Paul", "Okafor", "Samuel")]
)
def test_a_bare_surname_is_the_bearer_named_before_it(
    title: str | None, first: str, surname: str, later: str
) -> None:
    body = SHARED_SURNAME.format(first=first, surname=surname, later=later)
    found = _by(extract(body, title=title), "There is no plan")
    assert found["speaker"] in (f"{first} {surname}", surname)
    assert found["speaker"] != f"{later} {surname}"


def test_a_headline_ending_per_reuters_leaves_the_ledes_name_a_name() -> None:
    body = SHARED_SURNAME.format(first="Laura", surname="Chen", later="Derek")
    titled = _by(extract(body, title="Minister denies fuel duty plan, per Reuters"), "the Treasury")
    assert titled["speaker"] == "Derek Chen"
    lede = _by(
        extract(body, title="Minister denies fuel duty plan, per Reuters"), "that the government"
    )
    assert lede["speaker"] == "Laura Chen"


@pytest.mark.parametrize(
    ("opening", "pronoun", "subject", "other"),
    [
        (
            "Prime Minister Alan Reed met opposition leader Tom Gray on Monday.",
            "He",
            "Alan Reed",
            "Tom Gray",
        ),
        ("Governor Ann Holt called Mayor Lisa Brandt on Friday.", "She", "Ann Holt", "Lisa Brandt"),
        (
            "Senator Paul Ives thanked Judge Mark Soto after the hearing.",
            "He",
            "Paul Ives",
            "Mark Soto",
        ),
    ],
)
def test_a_pronoun_after_two_people_is_never_the_object(
    opening: str, pronoun: str, subject: str, other: str
) -> None:
    body = f"{opening} {pronoun} said the meeting had been \u201cproductive.\u201d"
    found = _by(extract(body), "the meeting")
    assert found["speaker"] != other
    assert found["speaker"] == subject or found["speaker_resolution"] == "unresolved"


@pytest.mark.parametrize(
    ("phrase", "served"),
    [
        ("A spokesperson for Prime Minister Alan Reed", "Alan Reed"),
        ("A spokeswoman for Senator Maria Lopez", "Maria Lopez"),
        ("An adviser to President Omar Haddad", "Omar Haddad"),
        ("A spokesman for Gov. Elena Ruiz", "Elena Ruiz"),
    ],
)
def test_a_spokesperson_for_a_titled_person_is_not_that_person(phrase: str, served: str) -> None:
    body = f"{phrase} said there was \u201cfull confidence\u201d in the chancellor."
    found = _by(extract(body), "there was")
    assert found["speaker"] != served
    assert found["speaker_resolution"] == "unresolved"
    assert served in found["speaker"]  # whom the description serves stays readable


@pytest.mark.parametrize(
    ("phrase", "holder"),
    [
        ("Afghan Ambassador to the United States Hamdullah Mohib", "Hamdullah Mohib"),
        ("Minister of State for Trade Greg Hands", "Greg Hands"),
    ],
)
def test_a_role_for_a_place_or_body_still_names_its_holder(phrase: str, holder: str) -> None:
    found = _by(extract(f"{phrase} said exports had risen."), "exports")
    assert found["speaker"] == holder


def test_the_outer_quote_of_a_quote_is_the_quoting_persons_own() -> None:
    body = (
        "Sen. Mark Whitfield said Gov. Elena Ruiz told him privately that she would veto "
        "the property tax bill.\n\n"
        "\u201cShe looked me in the eye and said, \u2018I will veto this bill the day it "
        "reaches my desk,\u2019\u201d Whitfield said Wednesday."
    )
    atts = extract(body)
    outer = _by(atts, "She looked me")
    assert (outer["speaker"], outer["relayed_by"]) == ("Mark Whitfield", None)
    relayed = _by(atts, "that she would veto")
    assert (relayed["speaker"], relayed["relayed_by"]) == ("Elena Ruiz", "Mark Whitfield")


def test_a_relay_outside_the_quotation_still_names_its_relayer() -> None:
    body = "Mayor Dana Fisk said that Governor Lyle Brant privately told her the budget was dead."
    found = _by(extract(body), "the budget was dead")
    assert (found["speaker"], found["relayed_by"]) == ("Lyle Brant", "Dana Fisk")
