"""User stories for the source mention (issues 10 and 11): a fact-checker who opens a claim
sees, highlighted in the article, the words that name who made it, and finds the claim on
that person's page. When a sentence makes someone else speak ("The delay led farmers to
say ..."), the highlighted source is the one who speaks, not the one who caused it."""

from __future__ import annotations

from indexer.extract import extract


def _holding(text: str, words: str) -> list[dict]:
    """The stored or proposed records whose content holds `words`."""
    return [a for a in extract(text) if words in a["content"]]


def test_a_speaker_made_to_speak_by_someone_else_is_the_source():
    text = (
        "The irrigation board met in Dunmore on Tuesday to discuss the reservoir.\n\n"
        "The long delay in repairs led local farmers to say that the board had ignored "
        "the valley for a decade.\n\n"
        "The committee chairwoman, Ilse Varga, forced the chief engineer, Tomas Reed, to "
        "admit that the spillway had not been inspected since 2019.\n\n"
        "Her questions also led Anna Kolb, who runs the pumping station, to confirm that "
        "two of its four pumps were out of service."
    )
    farmers = _holding(text, "the board had ignored the valley for a decade")
    assert len(farmers) == 1, extract(text)
    assert farmers[0]["speaker_text"] == "local farmers", farmers[0]
    assert farmers[0]["cue"] == "say"
    spillway = _holding(text, "the spillway had not been inspected since 2019")
    assert len(spillway) == 1, extract(text)
    assert spillway[0]["speaker_text"].startswith("the chief engineer"), spillway[0]
    assert spillway[0]["speaker"] == "Tomas Reed", spillway[0]
    pumps = _holding(text, "two of its four pumps were out of service")
    assert len(pumps) == 1, extract(text)
    assert pumps[0]["speaker_text"] == "Anna Kolb", pumps[0]  # not the clause about her
    assert pumps[0]["speaker"] == "Anna Kolb"


def test_the_one_who_wants_to_say_something_still_says_it():
    # no object between the verbs: the subject of "wants" is the one who speaks
    text = "The treasurer, Mark Oduya, wants to say that the budget is balanced."
    found = _holding(text, "the budget is balanced")
    assert found and all(a["speaker"] == "Mark Oduya" for a in found), extract(text)


def test_a_second_statement_after_a_reported_clause_is_the_reporters():
    # "would open" is the pier's future; "urged" is told in the harbor master's past
    text = (
        "The harbor master, Colm Brady, said the new pier would open in June and urged "
        "ferry operators to plan for the summer crowds.\n\n"
        "The port authority acknowledged that the contractor has missed two deadlines but "
        "promised to publish the inspection reports."
    )
    urged = _holding(text, "ferry operators to plan for the summer crowds")
    assert len(urged) == 1, extract(text)
    assert urged[0]["speaker_text"] == "The harbor master, Colm Brady", urged[0]
    assert urged[0]["speaker"] == "Colm Brady"
    pier = _holding(text, "the new pier would open in June")
    assert len(pier) == 1 and "urged" not in pier[0]["content"], extract(text)
    reports = _holding(text, "to publish the inspection reports")
    assert reports and reports[0]["speaker_text"] == "The port authority", extract(text)


def test_a_verb_in_the_reported_clauses_own_tense_stays_in_that_clause():
    text = "Police said the suspect fled the scene and refused to stop for officers."
    found = _holding(text, "the suspect fled the scene")
    assert len(found) == 1 and found[0]["speaker"] == "Police", extract(text)
    assert "refused to stop for officers" in found[0]["content"]
    assert not [a for a in extract(text) if a["cue"] == "refused" and a["speaker"] == "Police"]


def test_a_named_person_shown_speaking_is_the_source_not_the_footage():
    text = (
        "The Varga campaign released its first television ad on Monday.\n\n"
        "The ad uses footage of Senator Ruth Okafor asking, \u201cWhy should anyone trust "
        "this council with another dollar?\u201d\n\n"
        "The interview ended with Dana Whitcombe asking the mayor whether he would run "
        "again."
    )
    trust = _holding(text, "Why should anyone trust this council")
    assert len(trust) == 1, extract(text)
    assert trust[0]["speaker_text"] == "Senator Ruth Okafor", trust[0]
    assert trust[0]["speaker"] == "Ruth Okafor"
    again = _holding(text, "whether he would run again")
    assert len(again) == 1 and again[0]["speaker"] == "Dana Whitcombe", extract(text)


def test_a_participle_after_a_comma_or_a_letters_addressee_stays_with_the_subject():
    text = (
        "Councillor Ines Marek attacked Mayor Tobias Brandt, saying that the depot would "
        "close by March.\n\n"
        "The drivers' union sent a letter to Governor Alma Reyes asking that the depot stay "
        "open."
    )
    close = _holding(text, "the depot would close by March")
    assert len(close) == 1 and close[0]["speaker"] == "Ines Marek", extract(text)
    stay = _holding(text, "the depot stay open")
    assert stay and all(a["speaker"] != "Alma Reyes" for a in stay), extract(text)


def test_a_speech_used_to_call_for_something_is_the_speakers_means():
    text = (
        "Councillor Ines Marek used her budget speech on Thursday to call for the resignation "
        "of the transport chief."
    )
    found = _holding(text, "the resignation of the transport chief")
    assert found and all(a["speaker"] == "Ines Marek" for a in found), extract(text)
