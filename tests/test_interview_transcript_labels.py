"""Transcripts label their turns in many house styles: "Q:", "Q.", "QUESTION:",
"INTERVIEWER:", "A.", "ANSWER:". Each label is the transcript's, never page furniture and
never a person: the answers go to the one guest the lead introduces, not to the outlet that
did the interview and not to a speaker called "ANSWER". With two guests, a "NAME:" label
files each answer to its speaker; an "A:" that does not say which guest stays unresolved.
"""

from __future__ import annotations

import pytest
from link_corpus import article, index

from indexer.extract import extract
from indexer.link import Linker

LEAD = "Harbor Daily spoke with ferry captain Ines Okoro about the new timetable.\n\n"
ANSWERS = ("The council cut the budget for the night crossings", "Not before spring")


def _answers(store, slug, body):
    built = article("Harbor Daily", slug, "2024-05-01", body, title=f"Harbor {slug} story")
    _, atts = index(store, Linker(store), (built, extract(body)))
    return {words: [a["speaker_id"] for a in atts if words in a["content"]] for words in ANSWERS}


@pytest.mark.parametrize(
    ("question", "answer"),
    [("Q.", "A."), ("QUESTION:", "ANSWER:"), ("Q:", "A:"), ("INTERVIEWER:", "A:")],
)
def test_an_answer_after_any_house_style_of_label_is_the_guest_s(store, question, answer):
    body = (
        f"{LEAD}{question} Why did the timetable change?\n\n"
        f"{answer} The council cut the budget for the night crossings.\n\n"
        f"{question} Will it change back?\n\n{answer} Not before spring, I am afraid."
    )
    assert _answers(store, "labels", body) == {words: ["ines-okoro"] for words in ANSWERS}
    assert store.get_speaker("harbor-daily") is None  # the interviewer is no speaker
    assert store.get_speaker("answer") is None


def test_a_question_asked_once_under_a_shouted_label_is_no_section_heading(store):
    body = (
        "Ferry captain Ines Okoro answered questions about the timetable.\n\n"
        "QUESTION: Why did the timetable change, and who decided it?\n\n"
        "A: The council cut the budget for the night crossings, and nobody asked us."
    )
    assert _answers(store, "once", body)[ANSWERS[0]] == ["ines-okoro"]


def test_two_guests_each_keep_their_answers_and_an_a_label_stays_unresolved(store):
    lead = (
        "Harbor Daily spoke with ferry captain Ines Okoro and deckhand Tomas Lind about "
        "the new timetable.\n\n"
    )
    named = (
        f"{lead}Q: Why did the timetable change?\n\n"
        "OKORO: The council cut the budget for the night crossings.\n\n"
        "LIND: And nobody asked the crew, not once.\n\n"
        "Q: Will it change back?\n\n"
        "Lind: Not before spring, I am afraid."
    )
    assert _answers(store, "named", named) == {
        ANSWERS[0]: ["ines-okoro"], ANSWERS[1]: ["tomas-lind"]
    }
    unlabelled = named.replace("OKORO:", "A:").replace("Lind:", "A:")
    filed = _answers(store, "a-labels", unlabelled)  # which guest? the transcript won't say
    assert all(ids in ([], [None]) for ids in filed.values())
