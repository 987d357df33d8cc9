"""User stories of a fresh user (session 9): the speaker of a second coordinated cue after a
change of subject ("A announced ..., but B termed it "..." and said ..."), and the speaker of
an absolute "with NP V-ing" phrase after a clause about something else."""

from __future__ import annotations

from indexer.extract import extract


def by_content(found: list[dict], words: str) -> dict:
    matches = [a for a in found if words in a["content"]]
    assert len(matches) == 1, found
    return matches[0]


def test_a_second_cue_after_a_new_subject_is_that_subjects_statement() -> None:
    # A reader looks up what the governor demanded: it is hers, not the government's.
    text = (
        "The federal government on Monday announced an aid package of 300 million dollars "
        "for the coast, but Governor Maria Ellison termed the sum \"a drop in the ocean\" "
        "and said the state had asked for three times as much."
    )
    found = extract(text)
    assert by_content(found, "asked for three times")["speaker"] == "Maria Ellison"
    termed = by_content(found, "a drop in the ocean")
    assert termed["speaker"] == "Maria Ellison"
    assert termed["cue"] == "termed"
    assert by_content(found, "an aid package")["speaker"] != "Maria Ellison"


def test_a_second_cue_without_a_new_subject_stays_with_the_first() -> None:
    # must-keep: one subject, two cues
    found = extract(
        "Mayor Tom Avery announced a new budget on Friday and said taxes would not rise."
    )
    assert by_content(found, "taxes would not rise")["speaker"] == "Tom Avery"


def test_the_named_one_in_an_absolute_with_phrase_speaks() -> None:
    text = (
        "Talks to end the port strike collapsed on Friday night, with the harbour master, "
        'Lena Ortiz, calling the offer "an insult to every worker here".\n\n'
        "The council meeting broke up in disorder, with opposition councillor Tom Reyes "
        'accusing the mayor of "running the town like a private fiefdom".'
    )
    found = extract(text)
    assert {a["speaker"] for a in found if "insult to every worker" in a["content"]} == {
        "Lena Ortiz"
    }
    assert by_content(found, "private fiefdom")["speaker"] == "Tom Reyes"


def test_a_with_phrase_that_is_only_company_does_not_speak() -> None:
    # must-keep: "met with reporters, saying ...": the minister says it, not the reporters
    found = extract(
        "Finance minister Ruth Calder met with reporters on Monday, saying the plan was "
        '"dead in the water".'
    )
    assert by_content(found, "dead in the water")["speaker"] == "Ruth Calder"


def test_a_pronoun_after_a_leader_of_the_opposition_is_that_leader() -> None:
    # "Leader of the Opposition" is the role; the name no list knows is the person, and
    # "he told reporters" goes on with him, not with the chairman named before.
    text = (
        "Opposition members walked out of the upper house on Wednesday after Chairman "
        "Jagdeep Rana refused a debate on bus fares.\n\n"
        "Leader of the Opposition Suryakant Deshmane said the government was "
        '"running away from debate". "Fares have doubled in a year; families cannot cope," '
        "he told reporters outside the chamber."
    )
    found = extract(text)
    assert by_content(found, "running away from debate")["speaker"] == "Suryakant Deshmane"
    assert by_content(found, "families cannot cope")["speaker"] == "Suryakant Deshmane"


def test_a_live_blog_item_labelled_with_its_time_and_speaker_is_that_speakers_quote() -> None:
    text = (
        "Election night live\n\n"
        "2.15pm Treasury spokesman Alan Pike: \"We will not comment on leaked figures.\"\n\n"
        "22:10 GMT Finance minister Rosa Lindqvist: \"The numbers simply do not add up.\"\n\n"
        "21:55 Voters in the suburbs: the queues were long."
    )
    found = extract(text)
    assert by_content(found, "leaked figures")["speaker"] == "Alan Pike"
    assert by_content(found, "do not add up")["speaker"] == "Rosa Lindqvist"
    assert not [a for a in found if "queues" in a["content"]]  # a clause, no label


def test_a_message_texted_to_the_reporter_is_a_quote() -> None:
    text = (
        "Our correspondent Ruth Adeyemi writes: The mood at party headquarters is grim. "
        'One junior minister texted me: "It is over for us."'
    )
    att = by_content(extract(text), "It is over for us")
    assert att["cue"] == "texted"
    assert att["kind"] == "direct"


def test_how_she_said_it_is_not_what_she_said() -> None:
    text = (
        "Mayor Ann Clovis has conceded in Dunmore. "
        '"We gave it everything and I accept the result," she told supporters, her voice '
        "breaking."
    )
    found = extract(text)
    assert by_content(found, "I accept the result")["speaker"] == "Ann Clovis"
    assert not [a for a in found if "voice breaking" in a["content"]]


def test_what_a_columnists_imagined_objectors_will_say_is_nobodys_statement() -> None:
    text = (
        "The levy is a tax by another name. His supporters will say the money pays for "
        "schools. Mayor Tom Avery's lawyers will say the levy is legal."
    )
    found = extract(text)
    assert not [a for a in found if "pays for schools" in a["content"]]
    assert by_content(found, "the levy is legal")  # a named party's counsel: a real report
