"""What a reader finds stored is the source's own words, whole (issue 11): a quotation that
quotes someone who quotes a word keeps all three levels of quotation marks; a quotation in
another script (Arabic, Hindi, Chinese) after an English speaker's paragraph is never glued
onto that speaker; and "He has said that for ten years" refers back to what was said, it
says nothing a reader could search."""

from __future__ import annotations

import pytest

from indexer.extract import extract
from indexer.extract.scoring import stored

THREE_LEVELS = [
    # straight marks: double, single, double
    "\"Smith told me 'I never said \"yes\" to that',\" Jones said.",
    # curly marks: “ ‘ “ ” ’ ”
    "\u201cSmith told me \u2018I never said \u201cyes\u201d to that\u2019,\u201d Jones said.",
    # the British order: single, double, single
    "'Smith told me \"I never said 'yes' to that\",' Jones said.",
    "\u2018Smith told me \u201cI never said \u2018yes\u2019 to that\u201d,\u2019 Jones said.",
]


@pytest.mark.parametrize("body", THREE_LEVELS)
def test_a_quotation_three_levels_deep_is_stored_whole(body: str) -> None:
    (att,) = extract(body)
    assert att["speaker"] == "Jones" and att["kind"] == "direct"
    assert att["content"] == body[: body.index(" Jones said.")]


def test_the_named_speaker_inside_a_three_level_quotation_gets_the_inner_words() -> None:
    body = (
        "\u201cPat Smith told me \u2018I never said \u201cyes\u201d to that\u2019,\u201d "
        "Rita Jones said."
    )
    outer, inner = body[: body.index(" Rita")], "\u2018I never said \u201cyes\u201d to that\u2019"
    found = {a["content"]: a for a in extract(body)}
    assert (found[inner]["speaker"], found[inner]["relayed_by"]) == ("Pat Smith", "Rita Jones")
    # the outer quotation, when kept beside the inner one, is whole and the relayer's
    assert set(found) <= {outer, inner}
    if outer in found:
        assert found[outer]["speaker"] == "Rita Jones"


def test_a_stray_mark_inside_a_quotation_without_a_single_quotation_still_ends_it() -> None:
    # two quotations in a row: the second opening mark is not a third level
    body = '"We will win," Smith said, and Jones answered: "We will see."'
    assert [a["content"] for a in extract(body)] == ['"We will win,"', '"We will see."']


ENGLISH = (
    '"The council will vote on the bridge next month and nobody will stop it," '
    "Mayor Ann Cole said."
)
ARABIC = "\u0644\u0646 \u0646\u063a\u0644\u0642 \u0627\u0644\u0645\u064a\u0646\u0627\u0621 \u0623\u0628\u062f\u0627 \u0647\u0630\u0627 \u0627\u0644\u0639\u0627\u0645"  # noqa: E501
ARABIC_CUE = "\u0642\u0627\u0644 \u0627\u0644\u0648\u0632\u064a\u0631"  # "the minister said"
HINDI = "\u0939\u092e \u0907\u0938 \u0938\u093e\u0932 \u092c\u0902\u0926\u0930\u0917\u093e\u0939 \u092c\u0902\u0926 \u0928\u0939\u0940\u0902 \u0915\u0930\u0947\u0902\u0917\u0947"  # noqa: E501
HINDI_CUE = "\u092e\u0902\u0924\u094d\u0930\u0940 \u0928\u0947 \u0915\u0939\u093e"
CHINESE = "\u6211\u4eec\u4eca\u5e74\u4e0d\u4f1a\u5173\u95ed\u6e2f\u53e3\uff0c\u4e5f\u4e0d\u4f1a\u63d0\u9ad8\u8d39\u7528"  # noqa: E501
CHINESE_CUE = "\u90e8\u957f\u8bf4"


@pytest.mark.parametrize(
    "second",
    [
        f'"{ARABIC}"\n{ARABIC_CUE}',  # the cue on the line after the quotation
        f'"{ARABIC_CUE} {ARABIC}"',  # the cue inside the quoted paragraph
        f"\u00ab{ARABIC}\u00bb\u060c {ARABIC_CUE}",
        f'"{HINDI}"\n{HINDI_CUE}\u0964',
        f'"{HINDI_CUE}, {HINDI}"',
        f"\u201c{CHINESE}\u201d\n{CHINESE_CUE}\u3002",
        f"\u201c{CHINESE_CUE}\uff1a{CHINESE}\u201d",
    ],
)
def test_a_quotation_in_another_script_is_not_the_english_speakers(second: str) -> None:
    body = f"{ENGLISH}\n\n{second}"
    found = extract(body)
    assert [(a["speaker"], a["content"]) for a in found] == [("Ann Cole", ENGLISH[:73])]


@pytest.mark.parametrize("script", [ARABIC, HINDI, CHINESE])
def test_an_english_quotation_left_open_does_not_run_into_a_paragraph_in_another_script(
    script: str,
) -> None:
    body = f'Mayor Ann Cole said: "The council will vote on the bridge next month.\n\n"{script}"'
    assert all(script not in a["content"] for a in extract(body))


def test_an_english_quotation_paragraph_still_continues_its_speaker() -> None:
    more = '"We have waited eleven years for this bridge and we will wait no longer."'
    found = extract(f"{ENGLISH}\n\n{more}")
    assert [(a["speaker"], a["content"]) for a in found][1:] == [("Ann Cole", more)]


@pytest.mark.parametrize(
    "body",
    [
        "He has said that for ten years.",
        "The senator has said as much in private.",
        "She has said this since 2010.",
        "They said so on Monday.",
        "The governor said the same at every stop.",
    ],
)
def test_a_demonstrative_object_refers_back_and_is_no_content(body: str) -> None:
    assert extract(body) == []


def test_a_demonstrative_after_a_named_speaker_gives_them_the_quotation_before() -> None:
    body = '"The port stays open." Mayor Dana Fisk has said so for years.'
    (att,) = extract(body)
    assert (att["speaker"], att["content"]) == ("Dana Fisk", '"The port stays open."')


def test_a_that_clause_after_said_is_still_a_statement() -> None:
    (att,) = stored(extract("He has said that the port will stay open for ten years."))[0]
    assert att["content"].endswith("the port will stay open for ten years")


def test_a_demonstrative_given_a_verdict_is_still_a_statement() -> None:
    (att,) = stored(extract("He called that a disgrace."))[0]
    assert att["content"] == "that a disgrace"
