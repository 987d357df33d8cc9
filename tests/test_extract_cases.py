"""User stories for the attribution extractor: the shapes quotes and claims take in news."""

from __future__ import annotations

import cProfile
import io
import json

import pytest

from indexer.extract import extract, extract_many
from quotetrail.cli import run_extract
from schemas.attribution import AttributionSchema


def only(text: str) -> dict:
    found = extract(text)
    assert len(found) == 1, found
    return found[0]


def assert_spans_valid(text: str, found: list[dict]) -> None:
    for att in found:
        assert att["content_spans"], att
        for start, end in att["content_spans"]:
            assert 0 <= start < end <= len(text)
        assert " ".join(text[s:e] for s, e in att["content_spans"]) == att["content"]
        for key in ("cue_span", "speaker_span"):
            if att[key] is not None:
                assert 0 <= att[key][0] < att[key][1] <= len(text)


def test_the_speaker_before_the_cue_with_a_reported_claim():
    text = "Senator Jane Smith said on Monday that the bill would pass easily."
    att = only(text)
    assert att["kind"] == "indirect"
    assert att["content"] == "that the bill would pass easily"
    assert att["speaker"] == "Jane Smith" and att["speaker_type"] == "person"
    assert att["cue"] == "said" and att["speaker_text"] == "Senator Jane Smith"
    assert att["cue_type"] == "speech"
    assert set(att) == {
        "part",
        "kind",
        "content",
        "content_spans",
        "content_shape",
        "cue",
        "cue_span",
        "speaker_text",
        "speaker_span",
        "speaker",
        "speaker_type",
        "speaker_role",
        "speaker_resolution",
        "relayed_by",
        "via_outlets",
        "medium",
        "cue_type",
        "paragraph_index",
        "sentence_index",
        "confidence",
    }


def test_the_speaker_after_the_cue_with_a_role():
    text = "\u201cThe bill will pass,\u201d said Jane Smith, a senator from Ohio."
    att = only(text)
    assert att["kind"] == "direct"
    assert att["content"] == "\u201cThe bill will pass,\u201d"
    assert att["speaker"] == "Jane Smith"
    assert att["speaker_role"] == "a senator from Ohio"


def test_a_split_quote_is_one_attribution_with_two_content_spans():
    text = 'Mayor Anna Berg spoke on Monday.\n\n"We will," she said, "win."'
    att = only(text)
    assert att["kind"] == "direct"
    assert [text[s:e] for s, e in att["content_spans"]] == ['"We will,"', '"win."']
    assert att["speaker"] == "Anna Berg" and att["speaker_text"] == "she"


def test_a_quote_running_over_two_paragraphs_stays_one_quote():
    text = (
        'Anna Berg said: "The first part of the plan is to repair the harbour.\n\n'
        '"The second part is to build the new ferry terminal by next summer."'
    )
    att = only(text)
    assert att["kind"] == "direct"
    assert len(att["content_spans"]) == 2
    assert att["content"].endswith('next summer."')
    assert att["speaker"] == "Anna Berg"


def test_a_quote_paragraph_continues_the_previous_speaker():
    text = (
        '"We will win this vote," said Anna Berg, the mayor of Karsk.\n\n'
        '"Nobody can stop the harbour plan now, not even the weather."'
    )
    first, second = extract(text)
    assert second["kind"] == "direct"
    assert second["speaker"] == "Anna Berg"
    assert second["content"].startswith('"Nobody')
    assert second["paragraph_index"] == 1
    assert second["confidence"] < first["confidence"]


def test_pronouns_and_short_names_resolve_to_the_fullest_name():
    text = (
        "Anna Berg, the mayor of Karsk, opened the meeting on Monday.\n\n"
        "She said the budget was balanced.\n\n"
        "Berg added that taxes would not rise."
    )
    found = extract(text)
    assert [a["speaker"] for a in found] == ["Anna Berg", "Anna Berg"]
    assert [a["speaker_text"] for a in found] == ["She", "Berg"]


def test_he_and_she_keep_to_people_of_their_gender():
    text = (
        "Anna Berg, the mayor, met Jon Lund on Monday.\n\n"
        "Lund said the harbour plan was too expensive. Berg said she disagreed with him.\n\n"
        "She said that the port would grow. He said that it would not."
    )
    found = extract(text)
    assert [(a["speaker_text"], a["speaker"]) for a in found] == [
        ("Lund", "Jon Lund"),
        ("Berg", "Anna Berg"),
        ("She", "Anna Berg"),
        ("He", "Jon Lund"),
    ]
    assert found[2]["confidence"] < found[1]["confidence"]
    titled = extract(
        "Mrs. Clinton met Mr. Sanders. Sanders said the race was close. "
        "She said that she would win."
    )
    assert [a["speaker"] for a in titled] == ["Sanders", "Clinton"]


def test_a_surname_is_the_person_even_when_an_organisation_starts_with_it():
    text = (
        "Donald Trump spoke in Ohio. The Trump Foundation paid the fine. "
        "Trump said that the payment was a mistake."
    )
    assert only(text)["speaker"] == "Donald Trump"


def test_a_possessive_name_is_resolved_without_its_apostrophe():
    text = "Barack Obama\u2019s speech was long.\n\nHe said that the economy had recovered."
    assert only(text)["speaker"] == "Barack Obama"


def test_the_outlets_own_hedging_is_not_an_attribution():
    text = (
        "Harbor Daily has covered the attack since March. Our correspondent visited the "
        "terminal last week; repairs are expected to take until the summer harvest."
    )
    found = extract(text)
    assert not any(a["content"].startswith("Our correspondent") for a in found), found
    assert all(a["confidence"] < 0.3 for a in found if a["speaker_span"] is None), found
    assert extract("It is widely believed that the mayor will resign.") == []


def test_a_rare_inflection_of_a_known_cue_verb_is_a_cue():
    att = only("The finance minister reiterates that the budget is balanced.")
    assert att["cue"] == "reiterates" and att["content"] == "that the budget is balanced"


def test_claims_the_parser_hangs_elsewhere_still_find_their_cue():
    text = "He said legalizing it could put thousands of people to work in upstate New York."
    assert only(text)["content"].startswith("legalizing it could put")
    text = (
        "Anna Berg opened the meeting.\n\n"
        "The council remains committed to the plan, her deputy, Jon Lund, told The Courier."
    )
    att = only(text)
    assert (att["speaker"], att["cue"]) == ("Jon Lund", "told")
    assert att["content"] == "The council remains committed to the plan"


def test_the_ministry_is_not_the_spokesperson_for_the_ministry():
    text = (
        "Mara Voss, a spokesperson for the Interior Ministry, said that crews had restored "
        "power.\n\nThe Karsk Foreign Ministry rejected the accusation.\n\n"
        "None of the injuries was life-threatening, the ministry added."
    )
    last = extract(text)[-1]
    assert last["speaker_text"] == "the ministry"
    assert last["speaker_type"] == "organization" and last["speaker"] != "Mara Voss"


def test_a_second_statement_coordinated_with_the_first_is_its_own_attribution():
    text = (
        "He said his recent attacks on Trump have given his campaign momentum and said that "
        "Trump did not represent the legacy of the \u201cparty of Reagan.\u201d"
    )
    assert [a["content"] for a in extract(text)] == [
        "his recent attacks on Trump have given his campaign momentum",
        "that Trump did not represent the legacy of the \u201cparty of Reagan.\u201d",
    ]


def test_headline_and_transcript_labels_name_the_speaker():
    text = (
        "Lynch: No outside influence on the harbour inquiry.\n\n"
        "Attorney General Loretta Lynch met Mayor Anna Berg in Karsk on Monday.\n\n"
        "The Latest: Council meets again on Friday evening.\n\n"
        "BERG: Well, I think the whole city needs to work together.\n\n"
        "KARSK: Rain all week, with storms on the coast."
    )
    found = extract(text)
    assert [(a["cue"], a["speaker"]) for a in found] == [
        (None, "Loretta Lynch"),
        (None, "Anna Berg"),
    ]
    assert found[0]["content"] == "No outside influence on the harbour inquiry."
    assert found[1]["speaker_text"] == "BERG"


def test_according_to_makes_the_rest_of_the_sentence_the_content():
    text = (
        "The budget is balanced for the first time in a decade, according to the finance ministry."
    )
    att = only(text)
    assert att["cue"] == "according to"
    assert att["content"] == "The budget is balanced for the first time in a decade"
    assert att["speaker"] == "finance ministry"  # names no ministry: unresolved, no page
    assert att["speaker_resolution"] == "unresolved"
    assert att["speaker_type"] == "organization"


def test_relaying_outlets_and_media_are_recorded():
    per = only("The minister said the plant would close next year, per Reuters.")
    assert per["via_outlets"] == ["Reuters"]
    assert per["content"] == "the plant would close next year"
    told = only("Anna Berg told Channel 9 that the harbour would reopen in May.")
    assert told["via_outlets"] == ["Channel 9"]
    video = only('"We are ready," the union said in a video statement, per the Harbor Daily.')
    assert video["medium"] == "video statement"
    assert video["via_outlets"] == ["Harbor Daily"]


@pytest.mark.parametrize(
    "quoted",
    [
        '"We will win the vote,"',
        "\u201cWe will win the vote,\u201d",
        "\u00abWe will win the vote,\u00bb",
        "''We will win the vote,''",
    ],
    ids=["straight", "curly", "guillemets", "nyt-apostrophes"],
)
def test_every_quotation_mark_style_gives_a_direct_quote(quoted):
    text = f"{quoted} Anna Berg said."
    att = only(text)
    assert att["kind"] == "direct"
    assert att["content"] == quoted
    assert att["speaker"] == "Anna Berg"


def test_a_reported_clause_with_a_quoted_fragment_is_mixed():
    att = only('Berg said the plan was "a disaster for the harbour" and must be stopped.')
    assert att["kind"] == "mixed"
    assert '"a disaster for the harbour"' in att["content"]


@pytest.mark.parametrize("text", ["", "   \n\n  ", "The sun rose over the hills of Karsk."])
def test_nothing_to_attribute_gives_an_empty_list(text):
    assert extract(text) == []


def test_unbalanced_quotes_never_produce_a_runaway_quote():
    text = 'Berg said "we will win the vote on Monday.\n\nThe council meets again in June.'
    found = extract(text)
    assert_spans_valid(text, found)
    assert all("June" not in a["content"] for a in found)


def test_non_english_text_does_not_break_extraction():
    text = (
        "Der Bürgermeister sagte, dass der Hafen im Mai wieder öffnet. "
        "«Wir schaffen das», sagte er."
    )
    found = extract(text)
    assert_spans_valid(text, found)
    assert extract("Мэр заявил, что порт откроется в мае.") is not None


def test_html_left_in_the_text_keeps_offsets_right():
    text = "<p>Anna Berg said that the harbour would reopen in May.</p>\n<p>&nbsp;</p>"
    att = only(text)
    assert_spans_valid(text, [att])
    assert att["speaker"] == "Anna Berg"
    assert "harbour would reopen in May" in att["content"]


def _calls_to_extract(text: str) -> tuple[int, list[dict]]:
    """The Python function calls (generator steps included) one extraction of ``text``
    makes, counted by cProfile: a measure of work that no clock and no load changes."""
    profile = cProfile.Profile()
    found = profile.runcall(extract, text)
    return sum(entry.callcount for entry in profile.getstats()), found


@pytest.mark.parametrize(
    "sentence",
    [
        "Anna Berg said the harbour would reopen in May. The weather was mild that day. ",
        # quote-dense, on one line: each "she" looks back at the quotations before it
        '"The harbour will reopen in May," Anna Berg said. '
        '"We expect the ferries back by June," she added. ',
    ],
)
def test_a_long_single_paragraph_costs_work_in_proportion_to_its_length(sentence: str) -> None:
    """A wire feed that lost its line breaks arrives as one long paragraph: four times the
    text may cost about four times the work, never more (a per-pronoun scan of the
    paragraph once made it quadratic, about 60 CPU s per MB). Work is counted in function
    calls, not timed; the time per MB is `bench/extract_speed.py`'s scaling part."""
    extract(sentence * 20)  # lazy tables (names, genders) load before counting
    short, long = sentence * (10_000 // len(sentence)), sentence * (40_000 // len(sentence))
    calls_short, _ = _calls_to_extract(short)
    calls_long, found = _calls_to_extract(long)
    assert len(found) >= 0.9 * long.count(" said")
    assert_spans_valid(long[:5000], [a for a in found if a["content_spans"][0][1] < 5000])
    assert calls_long <= 4.6 * calls_short, (calls_short, calls_long)


def test_extract_many_keeps_the_input_order_and_matches_extract():
    texts = [
        "Anna Berg said that the harbour would reopen in May.",
        "",
        '"We will win," said Jon Lund.',
        "The sun rose over the hills.",
    ]
    assert list(extract_many(texts, n_process=2)) == [extract(t) for t in texts]


def test_the_extract_command_writes_the_stored_records_and_names_bad_files(tmp_path, capsys):
    good = tmp_path / "harbour-story.txt"
    good.write_text("Anna Berg said that the harbour would reopen in May.\n", encoding="utf-8")
    bad = tmp_path / "scan.txt"  # read as `index` reads it: a PDF is rejected, latin-1 is not
    bad.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n")
    missing = tmp_path / "missing.txt"
    out = io.StringIO()
    code = run_extract([str(good), str(bad), str(missing)], "jsonl", out)
    assert code == 1
    errors = capsys.readouterr().err.strip().splitlines()
    assert len(errors) == 2
    assert str(bad) in errors[0] and str(missing) in errors[1]
    (line,) = out.getvalue().splitlines()
    record = json.loads(line)
    assert record["doc_id"] == "harbour-story"
    (att,) = record["attributions"]
    assert att["speaker"] == "Anna Berg"
    text = good.read_text(encoding="utf-8")
    # the content as text, as a reader of the JSON Lines wants it, and every other field
    # under the name the store gives it
    assert att["content"] == "that the harbour would reopen in May"
    assert text[slice(*att["content_spans"][0])] == att["content"]
    assert text[slice(*att["speaker_span"])] == att["speaker_text"] == "Anna Berg"
    assert att["cue"] == "said" and att["cue_type"] == "speech"
    assert set(att) <= set(AttributionSchema().fields)
    assert AttributionSchema().validate({**att, "id": "a", "article_id": "b"}) == {}

    prediction = io.StringIO()  # the bench scorer's span format
    assert run_extract([str(good)], "prediction", prediction) == 0
    (row,) = json.loads(prediction.getvalue())["attributions"]
    assert text[slice(*row["content"][0])] == "that the harbour would reopen in May"
    assert text[slice(*row["source"][0])] == "Anna Berg"

    table = io.StringIO()
    assert run_extract([str(good)], "table", table) == 0
    assert "Anna Berg (person) said" in table.getvalue()
