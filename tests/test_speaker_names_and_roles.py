"""A speaker's name is the person's name, and what news writing puts around it is their role
(issue 10): a party-and-state tag after the name ("Fielding, R-Ohio", "(R-Texas)", "(Lab)",
"a Democrat"), a hyphenated title before it ("Secretary-General António Guterres"), a long
role naming a country or a body ("Afghan Ambassador to the United States Hamdullah Mohib"),
a company's possessive ("Castell Steel's chief executive, Gareth Pryce"). A body written
with "the" ("The United Nations said") is an organization, a titled person ("Professor
Hurst of Imperial College") a person; a press release's company is the one organization.
After linking, no tag becomes a name, an alias or a page."""

from __future__ import annotations

import pytest
from link_corpus import article, index

from indexer.extract import extract
from indexer.link import Linker


def _said(body: str, words: str) -> dict:
    """The one attribution of ``body`` whose content holds ``words``."""
    found = [a for a in extract(body) if words in a["content"]]
    assert len(found) == 1, [(a["speaker"], a["content"]) for a in extract(body)]
    return found[0]


SENATE = (
    "Sen. Robert Fielding said Tuesday that a deal was \u201cvery close.\u201d\n\n"
    "\u201cWe are days, not weeks, away from an agreement,\u201d Fielding, R-Ohio, told "
    "reporters outside the Capitol.\n\n"
    "\u201cThis bill is dead on arrival,\u201d said Rep. Maria Ortega, D-Calif., on "
    "Wednesday.\n\n"
    "Rep. Tom Hale (R-Texas) said the vote would be close.\n\n"
    "\u201cIt will not pass,\u201d said Grassley, R-Iowa, in a statement.\n\n"
    "Keir Starmer (Lab) said the vote \u201cmust happen.\u201d\n\n"
    "\u201cWe will fight,\u201d said Sen. Bernie Sanders, I-Vt.\n\n"
    "Sen. Ann Marsh (D) said the bill would \u201cfail.\u201d"
)


@pytest.mark.parametrize(
    ("words", "name", "tag"),
    [
        ("days, not weeks", "Robert Fielding", "R-Ohio"),
        ("dead on arrival", "Maria Ortega", "D-Calif."),
        ("the vote would be close", "Tom Hale", "R-Texas"),
        ("It will not pass", "Grassley", "R-Iowa"),
        ("must happen", "Keir Starmer", "Lab"),
        ("We will fight", "Bernie Sanders", "I-Vt"),
        ("would \u201cfail", "Ann Marsh", "D"),
    ],
)
def test_a_party_tag_after_a_name_is_the_role_never_the_name(words, name, tag) -> None:
    # however the parse hangs the tag (an apposition, a parenthesis, a sentence's end)
    found = _said(SENATE, words)
    assert (found["speaker"], found["speaker_type"]) == (name, "person")
    assert tag in found["speaker_role"]


def test_after_linking_a_party_tag_is_no_page_and_no_alias(store) -> None:
    linker = Linker(store)
    built = article("Capitol Wire", "deal", "2026-11-12", SENATE)
    _, linked = index(store, linker, (built, extract(SENATE)))
    pages = {a["speaker_id"] for a in linked if a["speaker_id"]}
    names = {store.get_speaker(i)["name"] for i in pages}
    aliases = {alias for i in pages for alias in store.get_speaker(i).get("aliases", [])}
    assert not any("-" in n and n.split("-")[0] in ("R", "D", "I") for n in names | aliases)
    assert {"Robert Fielding", "Maria Ortega", "Tom Hale", "Keir Starmer"} <= names
    fielding = store.get_speaker("robert-fielding")
    assert any("R-Ohio" in role for role in fielding["roles"])


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "\u201cThe world is watching,\u201d Secretary-General Ant\u00f3nio Guterres said.",
            "Ant\u00f3nio Guterres",
            "secretary-general",
        ),
        ("Attorney-General Mark Dreyfus said the law would change.", "Mark Dreyfus", None),
        (
            "\u201cWe are ready,\u201d said Director-General Tedros Adhanom Ghebreyesus.",
            "Tedros Adhanom Ghebreyesus",
            "director-general",
        ),
        (
            "Lieutenant-General Sarah Vance said troops were \u201con standby.\u201d",
            "Sarah Vance",
            "lieutenant-general",
        ),
        ("\u201cIt is over,\u201d Major-General Ian Cole said.", "Ian Cole", "major-general"),
        (
            "President-elect Joe Biden said the transition was \u201con track.\u201d",
            "Joe Biden",
            "president-elect",
        ),
    ],
)
def test_a_hyphenated_title_is_one_title_and_no_part_of_the_name(text, name, role) -> None:
    [found] = extract(text)
    assert (found["speaker"], found["speaker_type"]) == (name, "person")
    assert found["speaker_role"] == (role or found["speaker_role"])
    assert not found["speaker"].startswith("-")


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Afghan Ambassador to the United States Hamdullah Mohib said the talks were "
            "\u201ca turning point.\u201d",
            "Hamdullah Mohib",
            "Afghan Ambassador to the United States",
        ),
        (
            "\u201cWe need more time,\u201d British Ambassador to the United Nations Barbara "
            "Woodward said.",
            "Barbara Woodward",
            "British Ambassador to the United Nations",
        ),
        (
            "Special Envoy for Climate Change Laura Kent said the deal was \u201chistoric.\u201d",
            "Laura Kent",
            "special envoy for climate change",
        ),
        (
            "Minister of State for Trade Greg Hands said tariffs would fall.",
            "Greg Hands",
            "minister of state for trade",
        ),
        (  # a title before a three-word name bounds it, though "Shankar" is a given name too
            "Union Minister of State for Health Dr. Ravi Shankar Sharma on Saturday said the "
            "fees would rise.",
            "Ravi Shankar Sharma",
            "union minister of state for health",
        ),
    ],
)
def test_a_long_role_before_a_name_goes_to_the_role(text, name, role) -> None:
    [found] = extract(text)
    assert (found["speaker"], found["speaker_type"]) == (name, "person")
    assert found["speaker_role"].lower() == role.lower()


def test_a_name_after_a_long_role_keeps_its_page_after_linking(store) -> None:
    # the linker must not take "Hamdullah" (a given name its table lacks) for a nickname
    # and look for a fuller "United States Hamdullah Mohib" in the article
    body = (
        "Afghan Ambassador to the United States Hamdullah Mohib said the talks were "
        "\u201ca turning point.\u201d"
    )
    built = article("X", "m", "2026-11-12", body)
    _, [linked] = index(store, Linker(store), (built, extract(body)))
    assert linked["speaker"] == "Hamdullah Mohib"
    assert store.get_speaker(linked["speaker_id"])["roles"] == [
        "Afghan Ambassador to the United States"
    ]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "\u201cWe were told the furnace would go cold,\u201d Castell Steel's chief "
            "executive, Gareth Pryce, said.",
            "Gareth Pryce",
            "chief executive of Castell Steel",
        ),
        (
            "The Financial Times quoted Castell Steel's chief executive, Gareth Pryce, as "
            "saying: \u201cWe were told the furnace would go cold.\u201d",
            "Gareth Pryce",
            "chief executive of Castell Steel",
        ),
        (
            "\u201cPrices will rise,\u201d said Brightwater's finance director, Tom Ellis.",
            "Tom Ellis",
            "finance director of Brightwater",
        ),
        (
            "\u201cPrices will rise,\u201d Brightwater's CEO, Tom Ellis, said.",
            "Tom Ellis",
            "CEO of Brightwater",
        ),
        (
            "\u201cWe were told the furnace would go cold,\u201d Castell Steel's chief "
            "executive Gareth Pryce told reporters.",
            "Gareth Pryce",
            "chief executive of Castell Steel",
        ),
    ],
)
def test_a_companys_officer_is_the_speaker_and_the_company_is_in_the_role(
    text, name, role
) -> None:
    found = _said(text, "furnace" if "furnace" in text else "Prices")
    assert (found["speaker"], found["speaker_type"], found["speaker_role"]) == (
        name,
        "person",
        role,
    )


def test_a_paper_quoting_someone_as_saying_relays_their_words() -> None:
    found = _said(
        "The Financial Times quoted Castell Steel's chief executive, Gareth Pryce, as saying: "
        "\u201cWe were told the furnace would go cold.\u201d",
        "furnace",
    )
    assert found["speaker"] == "Gareth Pryce"
    assert found["via_outlets"] == ["Financial Times"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("\u201cThe outlook has weakened,\u201d the Treasury said in a statement.", "Treasury"),
        ("\u201cWe are concerned,\u201d The United Nations said on Friday.", "United Nations"),
        ("The White House said it would \u201creview the report.\u201d", "White House"),
        ("The Kremlin said the talks were \u201cuseful.\u201d", "Kremlin"),
    ],
)
def test_a_body_named_with_the_is_an_organization(text, name) -> None:
    [found] = extract(text)
    assert (found["speaker"], found["speaker_type"]) == (name, "organization")


def test_a_titled_person_of_a_college_is_a_person_not_the_college() -> None:
    body = (
        "\u201cWe expect growth,\u201d Professor Hurst of Imperial College said.\n\n"
        "Professor Alan Hurst of Imperial College said the data were \u201calarming.\u201d"
    )
    for words in ("We expect growth", "alarming"):
        found = _said(body, words)
        assert found["speaker_type"] == "person"
        assert found["speaker"] in ("Hurst", "Alan Hurst")
        assert "College" not in found["speaker"]


def test_a_press_release_company_is_one_organization() -> None:
    body = (
        "SAN JOSE, Calif., Nov. 12, 2026 /PRNewswire/ -- Acme Corp. (NASDAQ: ACME) today "
        "reported record revenue.\n\n"
        "\u201cDemand remains strong,\u201d Acme Corp. said in a statement.\n\n"
        "Acme said it expects growth to continue.\n\n"
        "ABOUT ACME\n\n"
        "Acme Corp. makes industrial robots."
    )
    speakers = {(a["speaker"], a["speaker_type"]) for a in extract(body)}
    assert speakers == {("Acme Corp.", "organization")}


def test_a_spokeswoman_for_a_named_person_is_not_that_person() -> None:
    # the role serves Hillary Clinton; no place or body stands between "for" and the name
    found = _said(
        "A spokeswoman for Hillary Clinton said the campaign would \u201crespond in kind.\u201d",
        "respond",
    )
    assert found["speaker"] != "Hillary Clinton"


def test_a_person_written_with_the_stays_a_person() -> None:
    body = (
        "Donald Trump spoke first on Monday.\n\n"
        "By the end of the night he was back to the Trump of the primaries.\n\n"
        "\u201cWe will win,\u201d Trump said."
    )
    found = _said(body, "We will win")
    assert (found["speaker"], found["speaker_type"]) == ("Donald Trump", "person")


def test_a_document_written_with_the_is_no_organization() -> None:
    body = (
        "The Clean Power Plan sets limits on emissions.\n\n"
        "\u201cThe Clean Power Plan will fail,\u201d Sen. Robert Fielding said."
    )
    found = _said(body, "will fail")
    assert found["speaker"] == "Robert Fielding"
    assert all(a["speaker"] != "Clean Power Plan" for a in extract(body))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Castell Steel said in a statement that the furnace would close.", "Castell Steel"),
        ("\u201cWe are concerned,\u201d United Nations said on Friday.", "United Nations"),
        ("Goldman Sachs said rates would rise.", "Goldman Sachs"),
    ],
)
def test_a_name_with_no_given_name_that_names_a_body_is_an_organization(text, name) -> None:
    # two capitalised words are a person's shape, but the entity recogniser knows a body
    [found] = extract(text)
    assert (found["speaker"], found["speaker_type"]) == (name, "organization")


def test_a_name_the_first_name_table_lacks_is_still_a_person() -> None:
    [found] = extract("Reince Priebus said the party was \u201cunited.\u201d")
    assert (found["speaker"], found["speaker_type"]) == ("Reince Priebus", "person")


def test_an_epithet_written_with_the_is_no_organization() -> None:
    # "poet" is a common word of the article: "The Poet" is what fans call a person
    body = (
        "Walt Whitman, the first great American poet, wrote about the Civil War.\n\n"
        "The Poet says the Mets will \u201cwin it all.\u201d"
    )
    found = _said(body, "win it all")
    assert found["speaker_type"] != "organization"


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Port operator Maasgroep said the strike was costly.", "Maasgroep", "port operator"),
        ("Energy company Ardmore said prices would rise.", "Ardmore", "energy company"),
        ("Budget airline Skyvane said it would cancel 40 flights.", "Skyvane", "budget airline"),
    ],
)
def test_an_organization_described_before_its_name_is_an_organization(text, name, role) -> None:
    """As "Maasgroep, the port operator" is: its page is one for the corpus, never one for a
    person known only by a surname in one article."""
    [found] = extract(text)
    assert (found["speaker"], found["speaker_type"]) == (name, "organization")
    assert (found["speaker_role"] or "").lower() == role


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            'Independent MP Allegra Spender said voters deserved a "grown-up conversation".',
            "Allegra Spender",
            "independent mp",
        ),
        ("BJP MLA Munirathna alleged that the funds were diverted.", "Munirathna", "bjp mla"),
        ("TD Bank said its profits rose.", "TD Bank", None),
        (
            '"We are investigating," said Det Insp Sarah Khan of Thames Valley Police.',
            "Sarah Khan",
            "det insp",
        ),
        ("Supt Ian Cole said the road would reopen on Monday.", "Ian Cole", "supt"),
    ],
)
def test_an_office_or_rank_abbreviation_before_a_name_is_the_role(text, name, role) -> None:
    """ "Independent MP Allegra Spender" is a person filed under her name (not the newspaper
    The Independent, nor an organization), "MP" and the party are her role; so for police
    ranks written short ("Det Insp", "Supt")."""
    (found,) = extract(text)
    assert found["speaker"] == name
    if role is None:  # "TD Bank": a company, whose initials are no title
        assert found["speaker_type"] == "organization"
    else:
        assert found["speaker_type"] == "person"
        assert role in (found["speaker_role"] or "").lower()


KIN = (
    "The Labour MP Helen Greaves has insisted her husband never lobbied anyone.\n\n"
    "Her husband, the builder Jack Greaves, told the Gazette he had never discussed her work "
    "with ministers.\n\n"
    "Their son, Tom Greaves, a councillor in Selby, declined to comment.\n\n"
    "Greaves told the BBC on Tuesday that she would publish the minutes of both meetings."
)


def test_a_name_in_apposition_to_a_kinship_description_is_the_speaker() -> None:
    """ "Her husband, the builder Jack Greaves, told ...": filed under Jack Greaves, not
    under an unresolved "Her husband"."""
    found = _said(KIN, "never discussed")
    assert (found["speaker"], found["speaker_resolution"]) == ("Jack Greaves", "named")


def test_a_shared_surname_goes_to_the_bearer_the_reported_she_fits() -> None:
    """ "Greaves told the BBC that she would publish ...", after Helen, Jack and Tom Greaves
    (a surname the tagger reads as a plural noun): the "she" that reports the speaker
    herself picks Helen Greaves, not a page "Greaves"."""
    assert _said(KIN, "publish the minutes")["speaker"] == "Helen Greaves"
