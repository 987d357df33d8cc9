"""A quotation attributed after the fact (issue 11): a sentence after it that only names
its speaker ("That was the message from ...", "Those were the words of ...", "The words
belonged to ...", "So said ...", "... said as much") makes the quotation that person's; a
sentence that names someone else's employer, or no one, makes it nobody's."""

from __future__ import annotations

import pytest

from indexer.extract import extract


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            '"We will win this seat." That was the message from party chairman John Smith.',
            "John Smith",
        ),
        ('"The bill is unlawful." That was the verdict of Judge Ann Cole on Monday.', "Ann Cole"),
        ('"We will fight on." Those were the words of union leader Mary Kent.', "Mary Kent"),
        ('"We will fight on." The words belonged to Mary Kent, the union\'s leader.', "Mary Kent"),
        ('"We will never sell it."\n\nSo said Mayor Dana Fisk on Monday.', "Dana Fisk"),
        ('"The port stays open." Mayor Dana Fisk said as much on Monday.', "Dana Fisk"),
        (
            '"The ferry runs again in May. Book early."\n\n'
            "That was the warning from the harbour master, Ilse Marr, on Tuesday.",
            "Ilse Marr",
        ),
    ],
)
def test_a_sentence_naming_who_said_the_quotation_before_it_gives_it_to_them(
    body: str, speaker: str
) -> None:
    (att,) = extract(body)
    assert att["speaker"] == speaker
    assert att["kind"] == "direct"
    assert att["content"] == body[: body.index('"', 1) + 1]


def test_only_the_quotation_before_the_sentence_is_theirs() -> None:
    body = (
        '"We were robbed," said coach Alan Park. "The referee was blind." '
        "Those were the words of striker Tom Hale."
    )
    assert [(a["speaker"], a["content"]) for a in extract(body)] == [
        ("Alan Park", '"We were robbed,"'),
        ("Tom Hale", '"The referee was blind."'),
    ]


@pytest.mark.parametrize(
    "body",
    [
        '"Guilty." That was the verdict of the jury.',
        '"Rates will rise." That was the view of analysts at Goldman Sachs.',
    ],
)
def test_a_sentence_naming_no_speaker_or_only_their_employer_names_nobody(body: str) -> None:
    assert not [a for a in extract(body) if a["speaker_resolution"] == "label"]
    assert "Goldman Sachs" not in [a["speaker"] for a in extract(body)]
