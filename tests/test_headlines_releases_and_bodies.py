"""What a fresh user found on headlines, press releases, initials, "the city" and two-guest
transcripts (issues 10 and 11), each rebuilt as invented variants of its kind:

- a headline "Senator Hale says ..." is the body's senator, not her namesake aide;
- only the attribution of a headline is what was said: no kicker label before it, nothing a
  spaced dash or a bar adds after it;
- an organization's initials ("RFS") are the organization the article names ("NSW Rural
  Fire Service"), a state or country prefix left out;
- a press release's boilerplate ("About Acme Robotics", forward-looking statements, media
  contacts, "###") is no one's statement, and "About X" never speaks;
- "the city said" is the one city government the article names, and no name is made up
  for a city the article only places things in;
- a transcript with two guests keeps every answer: the guest a name opening the answer
  gives, else an unresolved speaker.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from link_corpus import article, index

from indexer.extract.article import extract_article
from indexer.link import Linker
from store.sqlite import SqliteStore


def _said(title: str, body: str) -> list[dict]:
    return extract_article(title, body)


def _title_records(title: str, body: str) -> list[dict]:
    return [r for r in _said(title, body) if r["part"] == "title"]


# --- 1. a headline's "Office Surname" ---------------------------------------------------


@pytest.mark.parametrize(
    ("title", "body", "holder", "namesake"),
    [
        (
            "Senator Hale says bridge funding 'is dead'",
            "Sen. Margaret Hale, a Democrat, has fought for the bridge for a decade.\n\n"
            "Daniel Hale, her chief of staff, said the office would keep talking to the "
            "governor. Daniel Hale added that the votes were not there.",
            "Margaret Hale",
            "Daniel Hale",
        ),
        (
            "Mayor Okafor vows to reopen the pool",
            "Mayor Grace Okafor toured the closed pool on Tuesday.\n\n"
            "Her cousin, Peter Okafor, who runs the swim club, said members had left. "
            "Peter Okafor said the club would wait.",
            "Grace Okafor",
            "Peter Okafor",
        ),
    ],
)
def test_a_headline_office_and_surname_is_the_body_s_holder_not_a_namesake(
    title, body, holder, namesake
):
    [headline] = _title_records(title, body)
    assert headline["speaker"] == holder
    # and the headline's title does not become the namesake's stored role
    roles = {r["speaker_role"] for r in _said(title, body) if r["speaker"] == namesake}
    assert not any(role and title.split()[0].lower() in role.lower() for role in roles)


@pytest.fixture
def linked(tmp_path: Path):
    store = SqliteStore(str(tmp_path / "q.db"))
    linker = Linker(store)

    def run(title: str, body: str) -> list[dict]:
        built = article("Test Gazette", "story", "2026-11-28", body, title=title)
        return index(store, linker, (built, extract_article(title, body)))[1]

    yield run
    store.close()


def test_the_senator_s_headline_quote_is_on_her_page(linked):
    stored = linked(
        "Senator Hale says bridge funding 'is dead'",
        "Sen. Margaret Hale, a Democrat, has fought for the bridge for a decade.\n\n"
        "Daniel Hale, her chief of staff, said the office would keep talking to the governor.",
    )
    [headline] = [a for a in stored if a["part"] == "title"]
    [aide] = [a for a in stored if a["part"] == "body" and a["speaker"] == "Daniel Hale"]
    assert headline["speaker"] == "Margaret Hale"
    assert headline["speaker_id"] != aide["speaker_id"]


# --- 2. only the attribution of a headline is what was said -----------------------------


@pytest.mark.parametrize(
    ("title", "body", "content"),
    [
        (
            "Senator Hale says bridge funding 'is dead' — aide disagrees",
            "Sen. Margaret Hale told reporters the package had no path through committee.",
            "bridge funding 'is dead'",
        ),
        (
            "Bushfire warning: RFS says 'leave now if you can' – locals stay put",
            "The NSW Rural Fire Service issued an emergency warning on Saturday.",
            "'leave now if you can'",
        ),
        (
            "Exclusive: Finance Minister says the budget will balance by 2028 | Capital News",
            "Finance Minister Ruth Adeyemi spoke on Monday.",
            "the budget will balance by 2028",
        ),
    ],
)
def test_a_headline_quote_holds_only_what_was_said(title, body, content):
    records = _title_records(title, body)
    assert [r["content"] for r in records] == [content]


def test_a_headline_kicker_is_never_a_speaker():
    said = _said(
        "Flood alert: council says 'the levee will hold' — residents doubtful",
        "Riverton City Council met on Friday to discuss the levee.",
    )
    assert not [r for r in said if "Flood" in (r["speaker"] or "") or r["cue"] == "alert"]
    assert not [r for r in said if "doubtful" in r["content"]]


def test_a_headline_label_naming_the_speaker_still_speaks():
    # "Speaker: 'quote'" names the speaker in the label: the label is no kicker
    [headline] = _title_records(
        "Union chief to Ferrymoor council: \u201cNot one more cut\u201d",
        "\u201cNot one more cut,\u201d union general secretary Bridie Maher told a rally.",
    )
    assert headline["content"].strip("\u201c\u201d") == "Not one more cut"
    assert headline["speaker"] in ("Bridie Maher", "Union chief")


# --- 3. initials ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "initials", "organization"),
    [
        (
            "The NSW Rural Fire Service issued an emergency warning for the area.\n\n"
            "The RFS said crews were protecting homes on the ridge.",
            "RFS",
            "NSW Rural Fire Service",
        ),
        (
            "The UK Civil Aviation Authority opened an inquiry on Monday.\n\n"
            "The CAA said the airline had been warned twice.",
            "CAA",
            "UK Civil Aviation Authority",
        ),
    ],
)
def test_an_organization_s_initials_are_the_organization_named(body, initials, organization):
    [said] = [
        r for r in _said("Warning issued", body) if initials in body[: r["content_spans"][0][0]]
    ]
    assert said["speaker"] == organization
    assert said["speaker_type"] == "organization"


# --- 4. press releases ------------------------------------------------------------------

RELEASE = """SAN JOSE, Calif. -- Acme Robotics on Tuesday unveiled a new warehouse arm.

"This arm will change how warehouses work," said Priya Nand, chief executive of Acme Robotics.

About Acme Robotics
Acme Robotics says it builds the safest industrial robots in the world and believes \
automation will help workers.

Forward-Looking Statements
Statements in this release are forward-looking statements. Acme Robotics cautions that \
actual results may differ materially.

For more information, visit www.acmerobotics.example.

Media contact: Jo Bell, press@acmerobotics.example, said the company

###
"""


def test_a_press_release_s_boilerplate_is_no_one_s_statement():
    said = _said("Acme Robotics unveils warehouse arm", RELEASE)
    assert [r["speaker"] for r in said] == ["Priya Nand"]
    assert said[0]["speaker_role"] == "chief executive of Acme Robotics"


def test_an_about_header_run_in_never_speaks():
    said = _said(
        "Acme Robotics unveils warehouse arm",
        "Acme Robotics unveiled a new arm, chief executive Priya Nand said.\n\n"
        "About Acme Robotics: Acme Robotics says it builds the safest robots in the world.",
    )
    assert not [r for r in said if "About" in (r["speaker"] or "") or "safest" in r["content"]]


def test_an_article_s_about_subheading_is_still_read():
    said = _said(
        "Sleep study published",
        "Researchers followed 4,000 adults for a decade.\n\n"
        "About the study\n"
        "The lead author, Dr. Lena Ortiz, said the results surprised her team.",
    )
    assert "Lena Ortiz" in [r["speaker"] for r in said]


# --- 5. "the city said" -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "government"),
    [
        (
            "The Riverton City Council voted on Monday to add bus lanes on Main Street.\n\n"
            "The city said the lanes would open in March.",
            "Riverton City Council",
        ),
        (
            "The City of Riverton will add bus lanes on Main Street.\n\n"
            "The city said the lanes would open in March.",
            "City of Riverton",
        ),
    ],
)
def test_the_city_is_the_one_city_government_named(body, government):
    [said] = [r for r in _said("Bus lanes approved", body) if "March" in r["content"]]
    assert said["speaker"] == government
    assert said["speaker_type"] == "organization"


@pytest.mark.parametrize(
    "body",
    [
        # a place only: no government is named, and none is made up
        "Riverton will add bus lanes on Main Street. Officials at City University welcomed "
        "the plan.\n\nThe city said the lanes would open in March.",
        # two city governments: either
        "The Riverton City Council and the Harlow City Council both voted on Monday.\n\n"
        "The city said the lanes would open in March.",
        # the organization that spoke just before is no city
        "The NSW Rural Fire Service said crews were protecting homes.\n\n"
        "The city said the lanes would open in March.",
    ],
)
def test_the_city_the_article_does_not_settle_stays_unresolved(body):
    [said] = [r for r in _said("Bus lanes approved", body) if "March" in r["content"]]
    assert said["speaker_resolution"] == "unresolved"
    assert said["speaker_type"] == "organization"


# --- 6. two guests ----------------------------------------------------------------------

TWO_GUESTS = """We spoke to Ana Ruiz and Tom Baker about the dry season.

Q: How bad is it this year?

A: {first}It is the worst year we have had since 1998. The wells are dry.

Q: What do you need from the government?

A: {second}We need water allocations restored before spring.
"""


def test_answers_of_two_guests_are_kept_unresolved():
    said = _said("Two farmers on the drought", TWO_GUESTS.format(first="", second=""))
    assert [r["content"] for r in said] == [
        "It is the worst year we have had since 1998. The wells are dry.",
        "We need water allocations restored before spring.",
    ]
    assert {r["speaker"] for r in said} == {None}
    assert {r["speaker_resolution"] for r in said} == {"unresolved"}


def test_an_answer_opening_with_a_guest_s_name_is_that_guest_s():
    said = _said("Two farmers on the drought", TWO_GUESTS.format(first="Ruiz: ", second="(Tom) "))
    assert [(r["speaker"], r["content"][:12]) for r in said] == [
        ("Ana Ruiz", "It is the wo"),
        ("Tom Baker", "We need wate"),
    ]
