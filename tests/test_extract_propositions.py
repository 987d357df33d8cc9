"""User stories: what quotetrail stores is a quote or a claim, and the whole of it.

A reader who searches a candidate's name must not find "the union · endorsed · Hillary
Clinton" as if it were something said; a reader who cites a claim must get all of it.
"""

from __future__ import annotations

from indexer.extract import extract, scoring


def stored(text: str) -> list[dict]:
    return scoring.stored(extract(text))[0]


def test_an_action_on_a_named_object_is_not_stored_but_what_was_called_for_is() -> None:
    text = (
        "The flight attendants' union endorsed Hillary Clinton on Monday.\n\n"
        "The council approved the budget after a long night."
    )
    assert [a["content"] for a in stored(text)] == []
    called_for = stored("Clinton called for a ban on assault weapons.")
    assert [a["content"] for a in called_for] == ["a ban on assault weapons"]


def test_calling_someone_something_is_the_whole_small_clause() -> None:
    found = stored("Pope Francis was calling Christmas a sham.")
    assert [(a["speaker_text"], a["content"]) for a in found] == [
        ("Pope Francis", "Christmas a sham")
    ]


def test_a_poll_group_likely_to_say_is_the_speaker() -> None:
    text = "Democratic voters are slightly more likely to say that Clinton represents them."
    found = stored(text)
    assert [(a["speaker_text"], a["content"]) for a in found] == [
        ("Democratic voters", "that Clinton represents them")
    ]


def test_a_trailing_participle_that_is_no_cue_stays_in_the_claim() -> None:
    text = (
        "Sanders' campaign says it raised more than $21 million in January, bringing its "
        "total to almost $95 million."
    )
    assert [a["content"] for a in stored(text)] == [
        "it raised more than $21 million in January, bringing its total to almost $95 million"
    ]
