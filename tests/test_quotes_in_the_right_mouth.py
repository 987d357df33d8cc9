"""A quote in the wrong mouth is the worst error the product can make (issue #10): a new
user's checks of who said what, where a namesake, a hyphenated surname, the person a
spokesperson serves, someone quoted by the speaker, or initials stand close to the speaker.

- a transcript's "SURNAME:" label is the person who takes turns under that name (a
  full-name label, else the one the introduction names), never a namesake a turn only
  mentions; and a shouted surname is a person, never an organization;
- "Mr Evans" is neither Sian Pryce-Evans (half of a double surname) nor a woman of the
  article: with no Evans of his own there, his quote stays on a page of its article;
- a bare surname keeps the bearer the article already meant by it ("Lindqvist" for the
  mayor), and a page says "named in the passage" only when the passage writes the name;
- "a spokesman for Emergency Services Minister Dom Varga" is not Varga: an unresolved
  description keeping whom it serves, as "a spokesperson for Prime Minister Alan Reed";
- "X, quoting the late Y, told the rally: '...'" is X's quote (Y's words inside it are
  Y's, relayed by X): ", quoting Y," is no part of anyone's name;
- initials ("K.R. Menon") stay part of the name: never cut to a surname and a headline.
"""

from __future__ import annotations

import pytest
from link_corpus import article, index

from indexer.extract import extract
from indexer.link import Linker
from webapp.wording import resolution


def _by(atts: list[dict], words: str) -> dict:
    """The one attribution whose content opens with ``words`` (ignoring quote marks)."""
    found = [a for a in atts if a["content"].lstrip("\u201c\"'").startswith(words)]
    assert len(found) == 1, (words, [(a["speaker"], a["content"]) for a in atts])
    return found[0]


# --- 1. a transcript's surname label ---------------------------------------------------------

LABELLED_TRANSCRIPT = (
    "The following is a transcript of an interview broadcast on City Talk. It has been "
    "lightly edited.\n\n"
    "JAMES HOLT: Secretary, you promised shorter waiting lists. They are longer. Why?\n\n"
    "MARIA OKONKWO: They are longer because demand has doubled, and we are treating more "
    "people than ever.\n\n"
    "HOLT: Your predecessor, Daniel Okonkwo, said in March that \"targets are a fiction.\" "
    "Was he right?\n\n"
    "OKONKWO: Daniel and I are not related, whatever people think, and he is entitled to "
    "his view of the targets.\n\n"
    "HOLT: Will you meet the target next year?\n\n"
    "OKONKWO: I am not going to promise a date on your programme this morning.\n\n"
    "HOLT: Maria Okonkwo, thank you."
)
INTRODUCED_TRANSCRIPT = (
    "City Talk spoke to Health Secretary Maria Okonkwo about waiting lists. This is a "
    "transcript of the interview.\n\n"
    "HOLT: Secretary, you promised shorter waiting lists. They are longer. Why?\n\n"
    "OKONKWO: They are longer because demand has doubled, and we are treating more "
    "people than ever.\n\n"
    "HOLT: Your predecessor, Daniel Okonkwo, said in March that \"targets are a fiction.\" "
    "Was he right?\n\n"
    "OKONKWO: Daniel and I are not related, whatever people think, and he is entitled to "
    "his view of the targets.\n\n"
    "HOLT: Will you meet the target next year?\n\n"
    "OKONKWO: I am not going to promise a date on your programme this morning."
)


@pytest.mark.parametrize(
    ("body", "title"),
    [
        (LABELLED_TRANSCRIPT, "Transcript: Health Secretary Maria Okonkwo on waiting lists"),
        (LABELLED_TRANSCRIPT, None),
        (INTRODUCED_TRANSCRIPT, None),
    ],
)
def test_a_transcripts_surname_label_is_the_interviewee_not_a_namesake_she_mentions(
    body: str, title: str | None
) -> None:
    atts = extract(body, title=title)
    for opening in ("They are longer", "Daniel and I", "I am not going"):
        found = _by(atts, opening)
        assert (found["speaker"], found["speaker_type"]) == ("Maria Okonkwo", "person")


def test_a_shouted_surname_label_two_namesakes_share_is_a_person_never_a_body() -> None:
    body = (
        "Brightwater Radio hosted a debate between councillors Paul Garner and Ruth Garner, "
        "who are not related, on the library closures. This is a transcript.\n\n"
        "PRESENTER: Will the libraries close this year? Councillor?\n\n"
        "GARNER: No library will close while I sit on this council, and I have said so.\n\n"
        "PRESENTER: And the mobile library service, will that survive the cuts?\n\n"
        "GARNER: The mobile service is safe until the next budget, at the very least."
    )
    for opening in ("No library", "The mobile service"):
        found = _by(extract(body), opening)
        assert found["speaker_type"] == "person"
        assert found["speaker"] not in ("Paul Garner", "Ruth Garner")  # the text never says


# --- 2. a surname across a double surname and a gender ---------------------------------------

MAIN_STORY = (
    "The general secretary of the nurses' union, Carys Lloyd-Price, said ministers had "
    "ignored the staffing report. 'They have not read it,' she said.\n\n"
    "Labour's shadow health secretary, Owen Price, said the dispute had 'run out of road'. "
    "Mr Price added: 'Patients are paying for it.'"
)
FOLLOW_UP = (
    "The health secretary sat down with the Courier on Thursday.\n\n"
    "She said she had met Carys Lloyd-Price twice in October.\n\n"
    "Mr Price told LBC on Friday: 'The secretary does not understand her own brief.'"
)
WOMAN_ONLY = (
    "Megan Rhys, who chairs the parents' group, said the school must stay open.\n\n"
    "Mr Rhys told the meeting: 'We will fight this closure all the way.'"
)


def _pages(store, linker, slug: str, body: str) -> dict[str, str]:
    built = article("Valley Courier", slug, "2026-11-21", body, title=f"Valley {slug} story")
    _, atts = index(store, linker, (built, extract(body)))
    return {
        a["content"][:12]: store.get_speaker(a["speaker_id"])["name"]
        for a in atts
        if a["speaker_id"]
    }


def test_mr_price_is_never_the_woman_with_a_double_surname_ending_in_price(store) -> None:
    linker = Linker(store)
    main = _pages(store, linker, "main", MAIN_STORY)
    assert main["'Patients ar"] == "Owen Price"  # his own article names him: the link holds
    assert main["'They have n"] == "Carys Lloyd-Price"
    follow = _pages(store, linker, "follow", FOLLOW_UP)
    said = follow["'The secreta"]
    assert said != "Carys Lloyd-Price"
    assert said.startswith("Price (in ")  # no Price of this article: its page alone


def test_mr_rhys_is_never_the_articles_one_woman_of_that_surname(store) -> None:
    pages = _pages(store, Linker(store), "rhys", WOMAN_ONLY)
    assert pages["'We will fig"] != "Megan Rhys"


# --- 3. a surname the article already gave one bearer ------------------------------------------

RELAYED = (
    "A former aide to Governor Paul Hendry says the governor privately promised donors a "
    "seat on the port board.\n\n"
    "Nina Osei, who worked in the governor's office until May, said Hendry told her in "
    "April: \"Give them the seats and stop asking me.\"\n\n"
    "According to Osei, state treasurer Laura Hendry - the governor's cousin - said at the "
    "same meeting that the matter was \"settled\".\n\n"
    "The governor is said to have told a donor that the port would be \"his monument\".\n\n"
    "Hendry allegedly said the port board \"will sign whatever it is given\".\n\n"
    "In an interview with WKRT radio, Hendry denied making any such promise.\n\n"
    "Laura Hendry declined to comment."
)


def test_a_bare_surname_keeps_the_bearer_the_article_already_meant_by_it() -> None:
    atts = extract(RELAYED)
    hearsay = _by(atts, "the port board")
    assert hearsay["speaker"] != "Laura Hendry"
    assert hearsay["speaker"] == "Paul Hendry" or hearsay["speaker_resolution"] == "unresolved"
    assert _by(atts, "Give them")["speaker"] == "Paul Hendry"
    assert _by(atts, "that the matter was")["speaker"] == "Laura Hendry"  # named: hers


def test_a_page_says_named_in_the_passage_only_when_the_passage_writes_the_name() -> None:
    body = "Laura Hendry chairs the board.\n\nHendry said the port board would sign."
    record = {
        "speaker": "Laura Hendry",
        "speaker_type": "person",
        "speaker_resolution": "named",
        "speaker_span": [body.index("Hendry said"), body.index("Hendry said") + 6],
    }
    surname = resolution(record, body)
    assert surname.how != "named"
    assert "named in the passage" not in surname.explanation
    assert surname.indirect  # the page shows the sentence that names her in full
    record["speaker_span"] = [0, len("Laura Hendry")]
    assert resolution(record, body).explanation == "named in the passage"


# --- 4. a spokesperson for a minister of a portfolio -----------------------------------------


@pytest.mark.parametrize(
    ("phrase", "served"),
    [
        ("A spokesman for Water Resources Minister Pete Gallo", "Pete Gallo"),
        ("A spokeswoman for Opposition Leader Karen Doyle", "Karen Doyle"),
        ("A spokesperson for Shadow Treasurer Mark Iles", "Mark Iles"),
        ("An adviser to Health Minister Ruth Alban", "Ruth Alban"),
    ],
)
def test_a_spokesperson_for_a_portfolio_minister_is_not_the_minister(
    phrase: str, served: str
) -> None:
    body = f"{phrase} said the minister was \u201cacross the detail\u201d and would not comment."
    found = _by(extract(body), "the minister was")
    assert found["speaker"] != served
    assert found["speaker_resolution"] == "unresolved"
    assert served in found["speaker"]  # whom the description serves stays readable
    role = (found["speaker_role"] or "").lower()
    assert not role or served.lower() in role  # never "spokesman for ... Minister" for him


def test_a_minister_for_a_portfolio_still_names_its_holder() -> None:
    found = _by(extract("Minister for Water Resources Pete Gallo said dams were full."), "dams")
    assert found["speaker"] == "Pete Gallo"


# --- 5. an interposed ", quoting X," ------------------------------------------------------------


def test_a_speaker_quoting_someone_speaks_and_relays_the_quoted_words() -> None:
    body = (
        "Union leader Ann Kerr-Boyd, quoting the late Jim Lowe, told the rally: \"As Lowe "
        "said, 'no worker will be left behind'. We are still waiting.\""
    )
    atts = extract(body)
    outer = _by(atts, "As Lowe said")
    assert (outer["speaker"], outer["speaker_type"]) == ("Ann Kerr-Boyd", "person")
    assert "Union leader" in (outer["speaker_role"] or "")
    inner = _by(atts, "no worker")
    assert (inner["speaker"], inner["relayed_by"]) == ("Jim Lowe", "Ann Kerr-Boyd")
    assert not any("quoting" in (a["speaker"] or "") + (a["relayed_by"] or "") for a in atts)


# --- 6. initials ---------------------------------------------------------------------------------

INITIALS = (
    "THIRUVANANTHAPURAM: Kerala Chief Minister K.R. Menon on Monday said the State would "
    "\"fight the cut in court\".\n\n"
    "Mr. Menon said, \"We asked for what we are owed. Nothing more.\"\n\n"
    "Opposition leader V.S. Raghavan alleged that the government had \"wasted\" last "
    "year's funds."
)


def test_a_name_with_initials_stays_whole_and_never_takes_a_headline(store) -> None:
    built = article(
        "Kerala Courier", "menon", "2026-11-21", INITIALS,
        title="\"We will fight the cut in court\": Kerala CM",
    )
    _, atts = index(store, Linker(store), (built, extract(INITIALS)))
    names = {store.get_speaker(a["speaker_id"])["name"] for a in atts if a["speaker_id"]}
    assert names == {"K.R. Menon", "V.S. Raghavan"}
