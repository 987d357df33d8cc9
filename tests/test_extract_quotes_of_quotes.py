"""Quotes of quotes (issue 11): a speaker quoting someone else, by name, inside her own
quotation passes that person's words on. A reader searching the inner words finds them
said by the inner speaker and relayed by the outer one; a pronoun, a nickname or a phrase
in single quotation marks gives nobody new."""

from __future__ import annotations

import pytest

from indexer.extract import extract


@pytest.mark.parametrize(
    ("body", "inner", "speaker", "relayed_by"),
    [
        (
            "Fisk said: \"Brant told me, 'We will not close the port.'\"",
            "'We will not close the port.'",
            "Brant",
            "Fisk",
        ),
        (
            "Mayor Dana Fisk said on Monday: \u201cGovernor Lyle Brant looked at me and said, "
            "\u2018We will not close the port.\u2019 I believed him.\u201d",
            "\u2018We will not close the port.\u2019",
            "Lyle Brant",
            "Dana Fisk",
        ),
        (
            "Mayor Dana Fisk said: \"Then Governor Lyle Brant told me, 'We will not close the "
            "port.' I believed him.\"",
            "'We will not close the port.'",
            "Lyle Brant",
            "Dana Fisk",
        ),
        (
            "\u201cBen Olsen wrote to us, \u2018The ferry stays in service until May,\u2019\u201d "
            "harbour master Ilse Marr said.",
            "\u2018The ferry stays in service until May,\u2019",
            "Ben Olsen",
            "Ilse Marr",
        ),
        (  # a description of the person the article named: the governor is Lyle Brant
            "Governor Lyle Brant toured the harbour on Monday. Mayor Dana Fisk said: \"The "
            "governor told me, 'We will not close the port.'\"",
            "'We will not close the port.'",
            "Lyle Brant",
            "Dana Fisk",
        ),
        (
            "Prime Minister Ana Ruiz met the dockers. \u201cThe prime minister looked at me "
            "and said, \u2018Nobody here loses a job,\u2019\u201d union leader Tom Baird said.",
            "\u2018Nobody here loses a job,\u2019",
            "Ana Ruiz",
            "Tom Baird",
        ),
    ],
)
def test_words_quoted_inside_a_quotation_are_the_named_inner_speakers_relayed_by_the_outer(
    body: str, inner: str, speaker: str, relayed_by: str
) -> None:
    found = {a["content"]: a for a in extract(body)}
    assert (found[inner]["speaker"], found[inner]["relayed_by"]) == (speaker, relayed_by)
    assert found[inner]["kind"] == "direct"
    # the outer quotation stays the words of the one who relays
    assert [a["speaker"] for a in found.values() if a["content"] != inner] == [relayed_by]


@pytest.mark.parametrize(
    "body",
    [
        "\"He told me, 'We will not close the port,'\" Fisk said.",
        "\"We call it 'the lottery' because nobody knows when the bus comes,\" Fisk said.",
        "\"I told them, 'This is the last time,'\" Fisk said.",
        "\"His people said, 'This will not be an issue,'\" Fisk said.",
    ],
)
def test_a_quotation_inside_without_a_named_speaker_stays_the_outer_speakers(body: str) -> None:
    assert [(a["speaker"], a["relayed_by"]) for a in extract(body)] == [("Fisk", None)]
