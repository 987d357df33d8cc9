"""User stories for the constructions the extractor used to miss (issue 11, recall): each
must be found, and its look-alike that is no quote must not be."""

from __future__ import annotations

from indexer.extract import extract, scoring


def _stored(text: str) -> list[dict]:
    """What indexing would store of `text` (confidence at or above the store floor)."""
    return scoring.stored(extract(text))[0]


def _quoting(text: str, words: str) -> list[dict]:
    """The stored records whose content holds `words` inside quotation marks (direct or mixed)."""
    return [a for a in _stored(text) if words in a["content"] and a["kind"] in ("direct", "mixed")]


def test_a_one_word_quote_before_an_inverted_cue_is_a_quote():
    text = 'The committee asked whether the plan could go ahead.\n\n"Fine," said Bob Smith.'
    found = _quoting(text, "Fine")
    assert len(found) == 1, extract(text)
    assert found[0]["content"] == '"Fine,"' and found[0]["kind"] == "direct"
    assert found[0]["speaker"] == "Bob Smith" and found[0]["cue"] == "said"


def test_a_one_word_term_in_quotation_marks_is_no_quote():
    text = 'The inspectors rated the kitchen "fine" and moved on to the next restaurant.'
    assert not [a for a in extract(text) if a["content"].strip('"') == "fine"]


def test_calling_something_a_quoted_name_is_a_quote_of_those_words():
    text = (
        "Mayor Ruth Anselm spoke after the vote.\n\n"
        'She called the delay "a national embarrassment".'
    )
    found = _quoting(text, '"a national embarrassment"')
    assert len(found) == 1, extract(text)
    assert found[0]["cue"] == "called" and found[0]["speaker"] == "Ruth Anselm"


def test_what_people_habitually_call_something_is_a_name_not_a_quote():
    text = 'Locals call the old ferry "the floating bathtub" these days.'
    assert not _quoting(text, "floating bathtub"), extract(text)


def test_a_quote_in_the_object_or_predicate_of_any_verb_is_its_subjects_words():
    text = (
        'Japan branded North Korea an "outlaw nation in the neighbourhood."\n\n'
        'Senator Harry Reid blasted the network for being "unbelievably dishonest."'
    )
    japan = _quoting(text, "outlaw nation")
    reid = _quoting(text, "unbelievably dishonest")
    assert len(japan) == 1 and japan[0]["speaker"] == "Japan" and japan[0]["cue"] == "branded"
    assert len(reid) == 1 and reid[0]["speaker"] == "Harry Reid" and reid[0]["cue"] == "blasted"


def test_a_quoted_title_after_a_copula_or_a_title_word_is_no_quote():
    text = (
        'The motto of the school is "Learning for life and beyond."\n\n'
        'Her report, titled "A Nation in Decline," was published in May.'
    )
    assert not _quoting(text, "Learning for life"), extract(text)
    assert not _quoting(text, "A Nation in Decline"), extract(text)


def test_a_quoted_song_title_sung_is_no_quote():
    assert not _quoting('She sang "Amazing Grace" at the service.', "Amazing Grace")


def test_an_accusation_or_criticism_with_its_reason_is_a_claim():
    text = (
        "Senator Ted Cruz accused Clinton of lying about her emails.\n\n"
        "Bernie Sanders criticized Clinton for her ties to Wall Street."
    )
    found = {a["cue"]: a for a in _stored(text)}
    assert found["accused"]["content"] == "Clinton of lying about her emails"
    assert found["accused"]["speaker"] == "Ted Cruz"
    assert found["criticized"]["content"] == "Clinton for her ties to Wall Street"
    assert found["criticized"]["speaker"] == "Bernie Sanders"


def test_paying_or_arresting_someone_for_something_is_no_claim():
    text = "The company paid the workers for their overtime. Police arrested a man for theft."
    assert _stored(text) == []


def test_a_quote_signed_with_a_horizontal_bar_and_a_name_is_that_persons():
    text = (
        "Readers told us what they think of the race.\n\n"
        "\u201dFear. I am truly afraid that the storm will win.\u201d \u2015 Edwin G. Monroy\n\n"
        "\u201cThe most unqualified child to ever run for president.\u201d \u2015 Francisco Herrero"
    )
    found = {a["speaker"]: a for a in _stored(text)}
    assert found["Edwin G. Monroy"]["kind"] == "direct"
    assert "truly afraid" in found["Edwin G. Monroy"]["content"]
    assert "unqualified child" in found["Francisco Herrero"]["content"]


def test_a_horizontal_bar_inside_a_sentence_names_no_one():
    text = "\u201cNot again.\u201d \u2015 that was the mood in the hall on Monday."
    assert not [a for a in _stored(text) if a["speaker_resolution"] == "label"], extract(text)


def test_a_stray_closing_mark_opening_a_paragraph_makes_no_quote():
    text = "The hall was quiet.\n\n\u201dThe council met on Monday and approved the budget."
    assert not [a for a in extract(text) if a["kind"] in ("direct", "mixed")], extract(text)


def _said_by(text: str, words: str) -> list[dict]:
    """The stored records whose content holds `words`."""
    return [a for a in _stored(text) if words in a["content"]]


def test_a_claim_goes_on_through_its_because_clause():
    text = (
        "Senator Maria Ortiz said the new rule smacked of hypocrisy, because the agency "
        "had ignored the same complaints for a decade."
    )
    found = _said_by(text, "smacked of hypocrisy")
    assert len(found) == 1, extract(text)
    assert found[0]["content"].endswith("ignored the same complaints for a decade")
    assert found[0]["speaker"] == "Maria Ortiz"


def test_a_statement_added_after_the_claim_is_not_part_of_it():
    text = (
        "Senator Maria Ortiz said the new rule was unfair on Tuesday, adding that the "
        "agency had ignored the same complaints for a decade."
    )
    found = _said_by(text, "the new rule was unfair")
    assert found, extract(text)
    assert all("adding" not in a["content"] for a in found)


def test_a_second_speech_verb_after_a_that_clause_keeps_the_first_speaker():
    text = (
        "Prime Minister Anna Berg said this week that the country would formally declare "
        "its intention to leave the union by the end of March and suggested that it would "
        "withdraw from the single market."
    )
    found = _said_by(text, "withdraw from the single market")
    assert len(found) == 1, extract(text)
    assert found[0]["speaker"] == "Anna Berg" and found[0]["cue"] == "suggested"


def test_an_action_coordinated_inside_a_claim_stays_part_of_the_claim():
    text = (
        "Prime Minister Anna Berg said that the country would leave the union and "
        "rebuild its own border controls."
    )
    assert not [a for a in _stored(text) if a["cue"] == "rebuild"], extract(text)
    found = _said_by(text, "rebuild its own border controls")
    assert len(found) == 1 and found[0]["speaker"] == "Anna Berg", extract(text)


TRANSCRIPT = (
    "Governor defends the budget on Sunday radio\n\n"
    "Partial transcript as follows:\n\n"
    "\"HOST: Let's start with the news of the week. The council voted to freeze the "
    "library budget for another year.\n\n"
    '"MARSH: Well, look, the council has been saying some pretty tough things about my '
    "office. The budget is balanced and the libraries stay open.\n\n"
    '"HOST: Do you really see those two votes as equivalent?\n\n'
    '"MARSH: And that is why the libraries will stay open next year.'
)


def test_each_turn_of_a_quoted_transcript_is_its_speakers_words():
    found = [a for a in _stored(TRANSCRIPT) if a["speaker"] == "MARSH"]
    contents = [a["content"] for a in found]
    assert any(c.startswith("Well, look, the council") for c in contents), extract(TRANSCRIPT)
    assert any(c.startswith("And that is why the libraries") for c in contents), contents
    assert all("HOST" not in c and "MARSH" not in c for c in contents), contents
    assert all(a["kind"] == "direct" for a in found)


def test_a_turn_label_is_not_part_of_what_the_host_said():
    host = [a for a in _stored(TRANSCRIPT) if a["speaker"] == "HOST"]
    assert all(not a["content"].lstrip('"').startswith("HOST") for a in host), host
    assert all("MARSH" not in a["content"] for a in host), host


def test_a_cue_line_gives_its_speaker_the_block_quotation_after_it():
    text = (
        "Governor attacks rival over storm response\n\n"
        "Those comments are a disgrace, Governor Ruth Anselm said on a radio show on Wednesday.\n\n"
        "The governor added:\n\n"
        "It is typical of her. She knows nothing about the storm, but the talking never stops."
    )
    found = _said_by(text, "She knows nothing about the storm")
    assert len(found) == 1, extract(text)
    assert found[0]["content"].startswith("It is typical of her.")


def test_a_line_ending_in_a_colon_without_a_cue_verb_labels_nothing():
    text = (
        "The council met on Monday.\n\n"
        "The agenda included:\n\n"
        "A new budget for the libraries and a vote on the harbour plan."
    )
    assert not _said_by(text, "new budget for the libraries"), extract(text)


def test_a_pronoun_cue_line_is_not_a_speaker_label():
    text = "The council met on Monday.\n\nHe added:\n\nThe harbour plan will go ahead in May."
    assert all(a["speaker"] != "He" for a in _stored(text)), extract(text)


def _claims(text: str, words: str) -> list[dict]:
    """The stored records whose content holds `words`."""
    return [a for a in _stored(text) if words in a["content"]]


def test_what_someone_wants_or_hopes_to_do_is_their_thought():
    text = (
        "Mayor Carol Fisk wants to close the old bridge to cars next spring.\n\n"
        "Her deputy, Tom Reyes, hopes to reopen the ferry instead."
    )
    fisk = _claims(text, "close the old bridge")
    reyes = _claims(text, "reopen the ferry")
    assert len(fisk) == 1 and fisk[0]["speaker"] == "Carol Fisk", extract(text)
    assert fisk[0]["cue"] == "wants" and fisk[0]["cue_type"] == "thought"
    assert len(reyes) == 1 and reyes[0]["cue"] == "hopes" and reyes[0]["cue_type"] == "thought"


def test_what_someone_agreed_or_declined_to_do_is_an_action_not_a_thought():
    text = (
        "The harbour board agreed to lend the ferry company two million pounds.\n\n"
        "Its chairman, Ruth Anselm, declined to comment."
    )
    assert not _claims(text, "lend the ferry"), extract(text)
    assert not _claims(text, "comment"), extract(text)


def test_calling_for_doing_something_is_a_claim_talking_about_doing_it_is_a_topic():
    text = (
        "Senator Ruth Anselm called for cutting the fuel duty by ten pence a litre.\n\n"
        "Later, Senator Tom Reyes talked about running for governor."
    )
    anselm = _claims(text, "cutting the fuel duty")
    assert len(anselm) == 1 and anselm[0]["speaker"] == "Ruth Anselm", extract(text)
    assert anselm[0]["cue"] == "called"
    assert not _claims(text, "running for governor"), extract(text)


def test_what_a_poll_shows_someone_doing_is_its_evidence():
    text = (
        "The race for mayor has tightened.\n\n"
        "A new Lakeshore Radio poll shows Carol Fisk leading Tom Reyes by four points."
    )
    found = _claims(text, "Carol Fisk leading Tom Reyes")
    assert len(found) == 1 and found[0]["cue"] == "shows", extract(text)
    assert found[0]["cue_type"] == "evidence"


def test_finding_someone_somewhere_is_no_finding_unless_evidence_found_it():
    text = "Police found a man lying in the street near the station on Friday."
    assert not _claims(text, "a man lying"), extract(text)


def test_being_confident_that_something_is_so_is_a_thought_being_glad_is_not():
    text = (
        "Engineers are confident that the bridge will hold through the winter.\n\n"
        "Residents were glad that the bridge stayed open."
    )
    found = _claims(text, "the bridge will hold")
    assert len(found) == 1 and found[0]["speaker_text"] == "Engineers", extract(text)
    assert found[0]["cue"] == "confident" and found[0]["cue_type"] == "thought"
    assert not _claims(text, "stayed open"), extract(text)
