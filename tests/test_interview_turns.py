"""A reader opens the page of someone an outlet interviewed: every answer they gave is there,
whole and verbatim, and nothing the interviewer said.

Invented interviews in the layouts online outlets use: question and answer paragraphs with
no labels (the interviewee named in the lead), "Question:" / "Answer:" labels, initials,
speaker names in Markdown bold. Headings and captions between the turns are nobody's
answer; a statement the interviewer puts to the interviewee is a question.
"""

from __future__ import annotations

from indexer.extract import extract

BEEKEEPER = (
    "Five questions for beekeeper Wendeline Osei\n\n"
    "Wendeline Osei keeps 40 hives on the edge of Marlow. We asked her about the wet "
    "summer.\n\n"
    "How bad was this year?\n\n"
    "The worst I have seen. We lost a third of the colonies to damp, and the honey is thin. "
    "I told the association in June that we would need help.\n\n"
    "Is there anything the council can do?\n\n"
    "Stop mowing the verges in May. The bees need the clover more than the drivers need tidy "
    "grass.\n\n"
    "Will you keep going?\n\n"
    "Of course. My grandmother kept bees through worse years than this one, and she said the "
    "hives always come back."
)


def filed_under(text: str, name: str) -> list[str]:
    """The contents filed under `name`."""
    return [r["content"] for r in extract(text) if r["speaker"] == name]


def test_each_answer_of_an_unlabelled_interview_is_the_interviewees_whole_turn():
    records = [r for r in extract(BEEKEEPER) if r["speaker"] == "Wendeline Osei"]
    assert [r["content"].split(".")[0] for r in records] == [
        "The worst I have seen",
        "Stop mowing the verges in May",
        "Of course",
    ]
    assert all(r["kind"] == "direct" and r["cue"] is None for r in records)
    assert not any("?" in r["content"] for r in records)  # the questions are not hers


def test_what_someone_else_said_inside_an_answer_is_not_the_interviewees():
    hers = filed_under(BEEKEEPER, "Wendeline Osei")
    assert not any(c.startswith("the hives always come back") for c in hers)
    for record in extract(BEEKEEPER):
        if record["speaker_text"] == "she":
            assert record["speaker"] != "Wendeline Osei"


def test_headings_and_captions_between_the_turns_are_no_ones_answer():
    text = BEEKEEPER.replace(
        "Is there anything",
        "The council\n\nA hive on the Marlow allotments. Image: Hal Brook.\n\nIs there anything",
    )
    hers = filed_under(text, "Wendeline Osei")
    assert len(hers) == 3
    assert not any("Image" in c or c == "The council" for c in hers)


def test_a_long_answer_closing_on_a_rhetorical_question_is_still_an_answer():
    long_answer = (
        "It is the damp. Our colonies cannot dry the comb. The brood chills at night. The "
        "foragers stay in. The stores run down by August. So what do you expect?"
    )
    text = BEEKEEPER.replace(
        "The worst I have seen. We lost a third of the colonies to damp, and the honey is thin. "
        "I told the association in June that we would need help.",
        long_answer,
    )
    assert long_answer in filed_under(text, "Wendeline Osei")


def test_an_indirect_question_or_a_remark_of_the_interviewer_is_not_filed():
    text = BEEKEEPER.replace(
        "How bad was this year?",
        "I wanted to know if you had any thoughts on the wet summer and what it did to the "
        "colonies.",
    ).replace(
        "Is there anything the council can do?",
        "Unfortunately, the council is talking about cutting the grant for the allotments "
        "next year.\n\nIs there anything the council can do?",
    )
    hers = filed_under(text, "Wendeline Osei")
    assert not any(c.startswith(("I wanted to know", "Unfortunately")) for c in hers)
    assert any(c.startswith("The worst I have seen") for c in hers)


def test_two_interviewees_get_no_answer_and_the_cues_inside_keep_theirs():
    text = BEEKEEPER.replace(
        "Five questions for beekeeper Wendeline Osei",
        "Five questions for beekeepers Wendeline Osei and Piet Marrable",
    ).replace("Wendeline Osei keeps", "Wendeline Osei and Piet Marrable keep")
    records = extract(text)
    assert not [r for r in records if r["speaker"] in ("Wendeline Osei", "Piet Marrable")]
    told = [r for r in records if r["content"].startswith("that we would need help")]
    assert told and told[0]["speaker"] is None  # "I told the association ...": unresolved


def test_an_opinion_piece_asking_rhetorical_questions_files_no_turns():
    text = (
        "Why the council is wrong about the verges\n\n"
        "Councillor Ada Brennan wants every verge in Marlow mown in May.\n\n"
        "Is that what the town needs?\n\n"
        "The bees need the clover more than the drivers need tidy grass, and every beekeeper "
        "in Marlow will say so.\n\n"
        "Who will pay for the honey we lose?\n\n"
        "Not the council, which has never kept a hive and never will, whatever it promises."
    )
    assert filed_under(text, "Ada Brennan") == []


def test_initials_label_the_turns_and_a_statement_put_to_the_interviewee_is_a_question():
    text = (
        "Title: Interview: ferry captain Odile Brannock on the winter timetable\n\n"
        "Odile Brannock has captained the Skerry ferry for twenty years. Reporter Tam Haskett "
        "spoke with her about the new winter timetable.\n\n"
        "TH: Why cut the evening crossing?\n\n"
        "OB: Because nobody uses it after October. I counted eleven passengers in a "
        "fortnight.\n\n"
        "TH: The islanders say they were not consulted.\n\n"
        "OB: I met the community council twice, and they simply disagree with the decision."
    )
    records = extract(text)
    assert [r["content"].split(".")[0] for r in records if r["speaker"] == "Odile Brannock"] == [
        "Because nobody uses it after October",
        "I met the community council twice, and they simply disagree with the decision",
    ]
    assert not [r for r in records if "not consulted" in r["content"]]


def test_question_and_answer_labels_written_in_full():
    text = (
        "Title: The long road back: an interview with sprinter Kasia Wendt\n\n"
        "Kasia Wendt missed two seasons with a torn hamstring. She talked to the Gazette "
        "before the trials.\n\n"
        "Question: How is the leg?\n\n"
        "Answer: It feels better than it has in years. I ran a full session on Monday.\n\n"
        "Question: Do you still believe you can make the team?\n\n"
        "Answer: Yes. I would not be here otherwise, and my coach believes it too."
    )
    assert filed_under(text, "Kasia Wendt") == [
        "It feels better than it has in years. I ran a full session on Monday.",
        "Yes. I would not be here otherwise, and my coach believes it too.",
    ]


def test_speaker_names_in_markdown_bold_label_the_turns():
    text = (
        "Title: Interview: the mayor of Dunmore on the flood defences\n\n"
        "Mayor Ines Okafor spoke to Riverside Radio's Tom Baird on Tuesday.\n\n"
        "**Tom Baird:** Are the new walls finished?\n\n"
        "**Ines Okafor:** Not yet. We expect the last section by March.\n\n"
        "**Tom Baird:** Residents say the pumps failed last winter.\n\n"
        "**Ines Okafor:** One pump failed, for four hours. It was replaced the same night."
    )
    records = extract(text)
    assert [r["content"] for r in records if r["speaker"] == "Ines Okafor"] == [
        "Not yet. We expect the last section by March.",
        "One pump failed, for four hours. It was replaced the same night.",
    ]
    assert not [r for r in records if r["speaker"] == "Tom Baird"]
    assert not any("*" in r["content"] for r in records)


def test_labelled_questions_answered_without_a_label():
    text = (
        "Title: Q&A: Chef Bram Oduya on closing his restaurant\n\n"
        "Chef Bram Oduya closed Saffron Lane after eleven years. We spoke with him about what "
        "comes next.\n\n"
        "Q: Why close now?\n\n"
        "The rent doubled. I could not raise prices that far without losing the regulars.\n\n"
        "Q: Will you open again?\n\n"
        "Maybe, but not in the city. I want a kitchen with a garden behind it."
    )
    assert filed_under(text, "Bram Oduya") == [
        "The rent doubled. I could not raise prices that far without losing the regulars.",
        "Maybe, but not in the city. I want a kitchen with a garden behind it.",
    ]


def test_a_labelled_speakers_second_paragraph_is_not_given_to_the_interviewee():
    text = (
        "Title: Q&A with Senator Ruth Calloway\n\n"
        "Senator Ruth Calloway sat down with the Ledger's Paul Nkemelu this week.\n\n"
        "Ledger: Will you run again?\n\n"
        "Dale Pruitt: She has not decided, and I have told her to take her time.\n\n"
        "I think her family will decide it with her, and they are in no hurry at all.\n\n"
        "Ledger: And you, Senator?\n\n"
        "Calloway: I have not decided. My family will decide with me."
    )
    assert filed_under(text, "Ruth Calloway") == [
        "I have not decided. My family will decide with me."
    ]


def test_a_news_story_quoting_an_interview_gives_each_quote_to_its_own_speaker():
    text = (
        "Mayor defends the bridge closure\n\n"
        "Mayor Dana Fisk said in an interview on Monday that the old bridge will close to "
        "cars in May.\n\n"
        "Who will pay for the repairs?\n\n"
        "\u201cI will not let the town pay twice for the same bridge,\u201d said council member "
        "Rhys Adeyemi, who opposes the plan.\n\n"
        "What happens to the shops?\n\n"
        "I have asked the shop owners on the east bank, and most of them expect to lose a "
        "third of their trade, Adeyemi said."
    )
    records = extract(text)
    fisk = [r["content"] for r in records if r["speaker"] == "Dana Fisk"]
    assert "that the old bridge will close to cars in May" in fisk
    # the headline's "Mayor defends the bridge closure" is her position too; none of the
    # council member's words are
    assert not [c for c in fisk if "pay twice" in c or "shop owners" in c]
    assert [r["speaker"] for r in records if "pay twice" in r["content"]] == ["Rhys Adeyemi"]


def test_an_interviewer_who_mostly_puts_statements_is_still_the_interviewer():
    text = (
        "Title: Q&A with Senator Ruth Calloway\n\n"
        "Senator Ruth Calloway sat down with the Ledger's Paul Nkemelu this week.\n\n"
        "Nkemelu: Will you run again?\n\n"
        "Calloway: I have not decided. My family will decide with me.\n\n"
        "Nkemelu: Your opponent says you have missed forty votes this year.\n\n"
        "Calloway: He is wrong about the number. I missed six, all for my mother's surgery.\n\n"
        "Nkemelu: Your campaign has raised less than any other in the state.\n\n"
        "Calloway: Money does not vote. People do, and they know my record."
    )
    records = extract(text)
    assert not [r for r in records if r["speaker"] == "Paul Nkemelu"]
    assert not [r for r in records if "forty votes" in r["content"]]
    assert len([r for r in records if r["speaker"] == "Ruth Calloway"]) == 3


def test_an_interview_read_again_files_the_same_answers():
    # a re-index, or a syndicated copy in the same run: the article's paragraph shapes are
    # worked out once and kept, and nothing learned about the first reading leaks into
    # the second
    first = extract(BEEKEEPER)
    again = extract(BEEKEEPER)
    assert again == first
    assert [r["content"].split(".")[0] for r in again if r["speaker"] == "Wendeline Osei"] == [
        "The worst I have seen",
        "Stop mowing the verges in May",
        "Of course",
    ]
