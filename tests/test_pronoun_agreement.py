"""A fact-checker reads whose words a "he", "she" or a bare surname are: the person the text
means, or an honest "unresolved" when the text does not say.

Invented stories, one per kind of construction: an honorific without a period ("Mr Patel")
works like "Mr. Patel" and tells the gender, so "Mrs Patel" is not the man; an academic or
service title ("Professor", "Captain") is a role, so "Professor Eastman" is the professor
and "he" continues him; a "she" right after a speaker the article names by one unknown word
is not handed to an earlier woman; a person the quoted words speak of is not the "he" who
says them; in an interview's answers "he" is never the interviewee; "the report says" after
a person's quote is the report's, not that person's; an interviewer's introduction right
before the first question ("... interviewed him") names the interviewee.
"""

from __future__ import annotations

from indexer.extract import extract
from indexer.extract.article import extract_article


def speaker_of(text: str, written: str) -> str | None:
    [record] = [r for r in extract(text) if r["speaker_text"] == written]
    return record["speaker"]


def test_mr_without_a_period_is_the_full_name_the_article_gives():
    text = (
        "Ravi Patel, the council leader, opened the budget meeting on Tuesday.\n\n"
        "\u201cWe had no choice,\u201d Mr Patel said."
    )
    assert speaker_of(text, "Mr Patel") == "Ravi Patel"


def test_mrs_is_not_the_man_the_article_called_mr():
    text = (
        "Ravi Patel, the council leader, opened the budget meeting on Tuesday.\n\n"
        "\u201cWe had no choice,\u201d Mr Patel said.\n\n"
        "Mrs Patel said she had urged him to vote against the cuts."
    )
    assert speaker_of(text, "Mr Patel") == "Ravi Patel"
    assert speaker_of(text, "Mrs Patel") == "Patel"


def test_a_professor_is_the_person_a_later_he_continues():
    text = (
        "Professor Cres Eastman, who chairs the iodine study, says children need more "
        "iodine.\n\n"
        "Professor Eastman says bakers could easily fix the problem. \u201cI suspect they "
        "won't do it on their own,\u201d he said."
    )
    assert speaker_of(text, "Professor Eastman") == "Cres Eastman"
    assert speaker_of(text, "he") == "Cres Eastman"


def test_she_after_a_speaker_named_by_one_unknown_word_is_not_an_earlier_woman():
    text = (
        "Hillary Clinton visited the shipyard in Carrow on Monday.\n\n"
        "Two voters, Tyresha Okafor and Bryan Lund, watched her speech.\n\n"
        "Okafur said the visit came too late.\n\n"
        "\u201cNobody came here for years,\u201d she said."
    )
    assert speaker_of(text, "she") is None


def test_he_is_not_the_man_his_own_quote_speaks_of():
    text = (
        "Senator Paul Brandt toured the flooded farms on Monday.\n\n"
        "The damage worries Marcus Reyes, who runs the county relief fund.\n\n"
        "\u201cBrandt promised us help. Paul Brandt owes these farmers,\u201d he said."
    )
    assert speaker_of(text, "he") != "Paul Brandt"


def test_he_in_an_answer_is_not_the_interviewee():
    text = (
        "Historian Leo Ostrov tells the Valley Courier about the old harbour master\n\n"
        "Leo Ostrov has written three books about Carrow.\n\n"
        "Did you know the harbour master?\n\n"
        "Yes, I knew the family well.\n\n"
        "Mr. Ostrov, what did the harbour master promise the town?\n\n"
        "He said the harbour would never close, and he said it every winter."
    )
    resolved = [r["speaker"] for r in extract(text) if r["speaker_text"] in ("He", "he")]
    assert resolved and "Leo Ostrov" not in resolved


def test_the_report_after_a_persons_quote_is_not_that_persons():
    text = (
        "Dr. Nadia Herzl, who led the survey, says the harbour is silting up.\n\n"
        "\u201cWe measured it twice,\u201d she said.\n\n"
        "The report says dredging would cost four million dollars."
    )
    [record] = [r for r in extract(text) if r["speaker_text"] == "The report"]
    assert record["speaker"] != "Nadia Herzl"
    assert record["speaker_resolution"] == "unresolved"


def test_an_introduction_right_before_the_questions_names_the_interviewee():
    text = (
        "Keep your eyes on the sky: comet dust at home\n\n"
        "Monday, May 8, 2006\n\n"
        "Comet dust reached Earth in a capsule this January.\n\n"
        "Andrew Westfall is the director of the dust project. The Courier interviewed him "
        "about the search.\n\n"
        "How many volunteers do you have?\n\n"
        "I think we have about twenty thousand now.\n\n"
        "What will they find?\n\n"
        "I hope they find the first grains of interstellar dust."
    )
    speakers = [r["speaker"] for r in extract(text) if r["speaker_text"] == "I"]
    assert speakers and set(speakers) == {"Andrew Westfall"}


def test_a_headline_role_is_the_person_the_unparsed_body_gives_that_title():
    title = "Mayor on flooding: \u2018We will rebuild every house\u2019"
    body = (
        "Mayor Tom Reyes toured the damaged streets of Carrow on Sunday.\n\n"
        "Volunteers filled sandbags through the night."
    )
    [quote] = [a for a in extract_article(title, body) if a["part"] == "title"]
    assert quote["speaker"] == "Tom Reyes"
    assert quote["speaker_role"] == "mayor"


def test_the_senator_is_the_person_introduced_with_an_abbreviated_title():
    text = (
        "If a developer can profit from it, Vermont Sen. Bernadette Sandoval is against it.\n\n"
        "Harbor rules changed twice this year.\n\n"
        "The senator said she would introduce a bill next session."
    )
    [record] = [r for r in extract(text) if r["speaker_text"] == "The senator"]
    assert record["speaker"] == "Bernadette Sandoval"
    assert record["speaker_resolution"] == "description"


def test_it_is_the_organization_an_earlier_clause_of_its_sentence_is_about():
    text = (
        "Although the Coastal Survey Agency did not name the port, it said the channel "
        "was silting up."
    )
    assert speaker_of(text, "it") == "Coastal Survey Agency"


def test_it_after_a_body_that_passed_a_bill_stays_unresolved():
    text = "The Senate passed the harbor bill on Monday. It says every port must be dredged."
    assert speaker_of(text, "It") is None


def test_a_letter_a_body_is_named_on_is_that_bodys_not_the_last_speakers():
    text = (
        "\u201cWe will clear the backlog by spring,\u201d Prime Minister Rishi Sunak said.\n\n"
        "The Harbour Office letter reads \u201cwe may extend the questionnaire to all "
        "applicants\u201d."
    )
    [record] = [r for r in extract(text) if r["speaker_text"] == "The Harbour Office letter"]
    assert record["speaker"] == "Harbour Office"
    assert record["speaker_type"] == "organization"
    assert record["medium"] == "letter"


def test_a_speech_a_person_delivered_is_that_persons_not_the_last_speakers():
    text = (
        "The Harbour Policy Center says the levy would raise $1 billion.\n\n"
        "The levy is meant to curb speculators, according to a speech Mrs. Ostrova "
        "delivered at Carrow University in July."
    )
    [record] = [r for r in extract(text) if "curb speculators" in r["content"]]
    assert record["speaker"] == "Ostrova"
    assert record["medium"] == "speech"


def test_she_after_an_unnamed_woman_is_not_the_last_named_woman():
    text = (
        "Reporter Stephanie Marsh watched the convention with a voter and her boyfriend.\n\n"
        "The woman disputes the idea that she needed help. \u201cI was fine,\u201d she said."
    )
    assert speaker_of(text, "she") is None


def test_she_still_continues_the_named_woman_when_no_one_else_is_described():
    text = (
        "Reporter Stephanie Marsh watched the convention in Ohio.\n\n"
        "\u201cI was moved,\u201d she said."
    )
    assert speaker_of(text, "she") == "Stephanie Marsh"


def test_a_headline_the_role_is_the_one_person_and_a_the_name_stays_whole():
    body = "Health Minister Joan Carter defended the budget on Tuesday."
    [quote] = [
        a
        for a in extract_article("The Minister on cuts: \u2018We had no choice\u2019", body)
        if a["part"] == "title"
    ]
    assert quote["speaker"] == "Joan Carter"
    labelled = [
        a["speaker"]
        for a in extract_article("The Guardian: \u2018We had no choice\u2019", body)
        if a["part"] == "title"
    ]
    assert labelled == ["The Guardian"]
