"""User stories for speech acts whose content is a noun phrase (issue 11, indirect recall): a
reader searching a politician finds that she railed against the influence of lobbyists,
complained about the parking rules or derided a plan as reckless, with her as the speaker;
but an action on a noun phrase ("the council imposed sanctions"), a topic she only spoke
about, or a bare name after the stance ("railed against Obamacare") is never stored as
something said."""

from __future__ import annotations

from indexer.extract import extract, scoring


def _stored(text: str) -> list[dict]:
    """What indexing would store of `text` (confidence at or above the store floor)."""
    return scoring.stored(extract(text))[0]


def _holding(found: list[dict], words: str) -> list[dict]:
    """The records whose content holds `words`."""
    return [a for a in found if words in a["content"]]


def test_a_politician_who_railed_against_something_is_found_with_her_position():
    text = (
        "Senator Maria Olsen toured the container terminal in Port Ellery on Monday.\n\n"
        "She railed against the growing influence of shipping lobbyists on the port "
        "authority, and her rival, councillor Tom Baptiste, complained about the new "
        "parking rules at the ferry dock."
    )
    found = _stored(text)
    railed = _holding(found, "the growing influence of shipping lobbyists")
    complained = _holding(found, "the new parking rules")
    assert len(railed) == 1, found
    assert railed[0]["speaker"] == "Maria Olsen" and railed[0]["cue"].startswith("railed")
    assert railed[0]["cue_type"] == "speech" and railed[0]["kind"] == "indirect"
    assert len(complained) == 1 and complained[0]["speaker"] == "Tom Baptiste", found
    assert complained[0]["cue_type"] == "speech"


def test_a_warning_and_a_derision_are_the_speakers_positions():
    text = (
        "Governor Ana Ruiz warned against hasty cuts to the school budget on Tuesday.\n\n"
        "Opposition leaders derided the budget plan as reckless."
    )
    found = _stored(text)
    warning = _holding(found, "hasty cuts to the school budget")
    derision = _holding(found, "the budget plan as reckless")
    assert len(warning) == 1 and warning[0]["speaker"] == "Ana Ruiz", found
    assert warning[0]["cue"].startswith("warned")
    assert len(derision) == 1 and derision[0]["cue"] == "derided", found


def test_an_action_on_a_noun_phrase_is_never_stored_as_said():
    text = (
        "The city council imposed sanctions on the port operator on Wednesday.\n\n"
        "The mayor unveiled a new ferry schedule and appointed three harbor inspectors."
    )
    found = extract(text)
    assert not [a for a in found if "sanctions" in a["content"]], found
    assert not [a for a in found if "ferry schedule" in a["content"]], found
    assert not [a for a in found if "inspectors" in a["content"]], found


def test_a_topic_or_a_bare_name_after_the_verb_is_no_claim():
    text = (
        "Senator Maria Olsen spoke about her childhood in Port Ellery.\n\n"
        "Councillor Tom Baptiste railed against Obamacare on Friday."
    )
    found = _stored(text)
    assert not _holding(found, "her childhood in Port Ellery"), found
    assert not _holding(found, "Obamacare"), found
