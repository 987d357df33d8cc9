"""User stories for reported (indirect) speech: the shapes a claim takes when no quotation
marks carry it, and the look-alikes that are no claim."""

from __future__ import annotations

from indexer.extract import extract


def contents(text: str) -> list[str]:
    return [att["content"] for att in extract(text)]


def test_a_yes_no_question_put_to_someone_is_what_was_asked():
    text = "Reporters asked the governor if she would sign the bill before the end of the session."
    [att] = extract(text)
    assert att["cue"] == "asked" and att["speaker_text"] == "Reporters"
    assert att["content"] == "if she would sign the bill before the end of the session"


def test_an_if_clause_after_a_verb_that_asks_nothing_is_a_condition():
    text = "The league announced the new schedule if fans want to plan their travel early."
    assert not any(c.startswith("if") for c in contents(text))


def test_a_claim_after_an_adjunct_of_the_cue_is_what_was_said():
    text = "Trump said after the convention he would not accept the endorsement if it were offered."
    [att] = extract(text)
    assert att["cue"] == "said" and att["speaker_text"] == "Trump"
    assert att["content"] == "he would not accept the endorsement if it were offered"


def test_a_clause_of_time_after_a_cue_is_not_what_was_said():
    text = "The minister spoke to the press after the talks collapsed on Friday night."
    assert extract(text) == []


def test_a_cue_set_inside_the_subject_reports_the_whole_clause():
    text = (
        "The difference now, he told me, is that voters no longer trust the party to deliver "
        "on its promises."
    )
    [att] = extract(text)
    assert att["cue"] == "told" and att["speaker_text"] == "he"
    assert att["content"] == (
        "The difference now is that voters no longer trust the party to deliver on its promises"
    )


def test_a_parenthetical_without_a_cue_reports_nothing():
    text = "The difference now, in short, is that voters no longer trust the party to deliver."
    assert extract(text) == []


def test_a_promise_of_several_coordinated_acts_is_one_content():
    text = "The senator vowed to repeal the law, cut taxes and rebuild the army."
    [att] = extract(text)
    assert att["cue"] == "vowed"
    assert att["content"].startswith("to repeal the law")
    assert att["content"].endswith("cut taxes and rebuild the army")


def test_what_the_speaker_did_after_a_promise_is_not_part_of_it():
    text = "The senator vowed to repeal the law and left the chamber before the vote."
    [att] = extract(text)
    assert att["content"] == "to repeal the law"


def test_a_speaker_named_with_an_age_after_a_fronted_phrase_says_the_clause():
    text = (
        "As a part of his plea, Marcel Lehel Lazar, 44, said that he victimized nearly 100 "
        "Americans from his home overseas."
    )
    found = [a for a in extract(text) if "he victimized nearly 100 Americans" in a["content"]]
    assert len(found) == 1, extract(text)
    assert found[0]["speaker"] == "Marcel Lehel Lazar" and found[0]["cue"] == "said"
