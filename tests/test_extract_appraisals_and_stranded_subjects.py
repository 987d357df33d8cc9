"""User stories for positions taken on a named thing and for speakers the parser strands
(issue 11, indirect recall): a reader searching a senator finds that she criticized the
decision or dismissed the allegations, but a bare name or a pronoun after such a verb is no
claim; and a report whose speaker stands after a fronted phrase ("At the club, its
president, X, suggested that ...") is that speaker's, not dropped as nobody's."""

from __future__ import annotations

from indexer.extract import extract, scoring


def _stored(text: str) -> list[dict]:
    """What indexing would store of `text` (confidence at or above the store floor)."""
    return scoring.stored(extract(text))[0]


def _holding(text: str, words: str) -> list[dict]:
    """The stored or proposed records whose content holds `words`."""
    return [a for a in extract(text) if words in a["content"]]


def test_a_speech_act_judging_a_named_thing_is_a_noun_phrase_claim():
    text = (
        "The harbor board voted on Tuesday to close the ferry pier.\n\n"
        "Councillor Dana Ribeiro criticized the decision to close the pier at a meeting "
        "on Wednesday.\n\n"
        "Otto Brenn, the mayor's spokesman, dismissed the allegations of favoritism."
    )
    decision = _holding(text, "the decision to close the pier")
    allegations = _holding(text, "the allegations of favoritism")
    assert len(decision) == 1 and decision[0]["speaker"] == "Dana Ribeiro", extract(text)
    assert decision[0]["cue"] == "criticized"
    assert decision[0]["content_shape"] == "phrase"
    assert len(allegations) == 1 and allegations[0]["speaker"] == "Otto Brenn", extract(text)
    assert allegations[0]["cue"] == "dismissed"


def test_a_bare_name_or_a_pronoun_after_such_a_verb_is_no_claim():
    text = (
        "Councillor Dana Ribeiro criticized Brenn at a meeting on Wednesday.\n\n"
        "The governor praised her in a short speech.\n\n"
        "The senator mocked Obamacare on Friday."
    )
    assert not [a for a in extract(text) if a["cue"] in ("criticized", "praised", "mocked")], (
        extract(text)
    )


def test_a_speaker_stranded_after_a_fronted_phrase_keeps_the_report():
    text = (
        "The club has spent heavily on its pools and restaurants.\n\n"
        "At Lakeview Country Club, where it costs new members $40,000 to join, Harold "
        "Menzies, the club's president and general manager, suggested that the troubles of "
        "its rivals could be put down to poor management."
    )
    found = _holding(text, "the troubles of its rivals could be put down to poor management")
    assert len(found) == 1, extract(text)
    assert found[0]["speaker"] == "Harold Menzies" and found[0]["cue"] == "suggested"


def test_a_sentence_with_its_subject_in_place_keeps_that_subject():
    text = "At the hearing, the company's lawyer, Rita Vance, said the contract was void."
    found = _holding(text, "the contract was void")
    assert len(found) == 1 and found[0]["speaker"] == "Rita Vance", extract(text)


def test_a_position_taken_in_the_present_tense_is_found_like_the_past():
    # "dismiss" / "dismissed", "decry" / "decried": each inflection of a verb shares the
    # evidence the others gathered in training ("-ss" stems, "y" turned "i").
    text = (
        "Otto Brenn and Dana Ribeiro dismiss the allegations of favoritism.\n\n"
        "Ribeiro and Brenn both decry the decision to close the pier."
    )
    allegations = _holding(text, "the allegations of favoritism")
    decision = _holding(text, "the decision to close the pier")
    assert len(allegations) == 1 and allegations[0]["cue"] == "dismiss", extract(text)
    assert "Otto Brenn" in allegations[0]["speaker"]
    assert len(decision) == 1 and decision[0]["cue"] == "decry", extract(text)
