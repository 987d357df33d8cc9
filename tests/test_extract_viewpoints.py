"""User stories for clauses framed as someone's report, view, claim or poll finding (issue
11, indirect recall): a reader searching a person or a poll finds what the article says
they hold, and the look-alikes that hold nobody's claim stay out."""

from __future__ import annotations

from indexer.extract import extract, scoring


def _stored(text: str) -> list[dict]:
    """What indexing would store of `text` (confidence at or above the store floor)."""
    return scoring.stored(extract(text))[0]


def _holding(text: str, words: str) -> list[dict]:
    """The stored records whose content holds `words`."""
    return [a for a in _stored(text) if words in a["content"]]


def test_as_an_outlet_reported_the_clause_is_the_outlets_report():
    text = (
        "The council met on Monday.\n\n"
        "As the Harbor Tribune reported, the ferry contract was awarded without a tender."
    )
    found = _holding(text, "the ferry contract was awarded without a tender")
    assert len(found) == 1, extract(text)
    assert found[0]["speaker"] == "Harbor Tribune" and found[0]["cue"] == "reported"
    assert "As the" not in found[0]["content"]


def test_a_trailing_as_clause_gives_the_clause_before_it_to_its_subject():
    text = "Inflation eased over the summer, as Treasurer Mona Vell has acknowledged."
    found = _holding(text, "Inflation eased over the summer")
    assert len(found) == 1, extract(text)
    assert found[0]["speaker"] == "Mona Vell" and found[0]["cue"] == "acknowledged"


def test_as_clauses_of_time_or_manner_report_nothing():
    text = (
        "As expected, the bill passed the chamber on Tuesday.\n\n"
        "The crowd cheered as the governor accepted the nomination on Thursday night.\n\n"
        "As the senator spoke, protesters gathered outside the hall."
    )
    assert not _stored(text), extract(text)


def test_in_someones_view_the_clause_is_their_view():
    text = (
        "In Professor Ada Knittel's view, the tax would do little to cut emissions.\n\n"
        "In the view of the port authority, the dredging can wait another year."
    )
    knittel = _holding(text, "the tax would do little to cut emissions")
    port = _holding(text, "the dredging can wait another year")
    assert len(knittel) == 1 and knittel[0]["speaker"] == "Ada Knittel", extract(text)
    assert len(port) == 1 and port[0]["speaker"] == "port authority", extract(text)


def test_a_view_equated_with_a_that_clause_is_its_holders_claim():
    text = "Senator Ira Poll's argument was that the tariff would hurt farmers first."
    found = _holding(text, "the tariff would hurt farmers first")
    assert len(found) == 1, extract(text)
    assert found[0]["speaker"] == "Ira Poll"


def test_a_view_that_nobody_holds_is_the_writers():
    text = (
        "The idea is that donors can still give in good conscience.\n\n"
        "It is a common refrain that demographics will decide the race."
    )
    assert not _stored(text), extract(text)


def test_a_claim_noun_with_its_holder_carries_the_holders_claim():
    text = (
        "Despite Dana Whitlow's insistence that she was at the refuge as a reporter, "
        "a judge kept her in custody.\n\n"
        "Rates stayed low, belying the budget office's warnings that they would soar."
    )
    whitlow = _holding(text, "she was at the refuge as a reporter")
    office = _holding(text, "they would soar")
    assert len(whitlow) == 1 and whitlow[0]["speaker"] == "Dana Whitlow", extract(text)
    assert whitlow[0]["cue"] == "insistence"
    assert len(office) == 1, extract(text)
    assert office[0]["speaker_text"] == "the budget office" and office[0]["cue"] == "warnings"


def test_a_claim_noun_restated_by_its_holder_is_the_restaters_claim():
    text = "Mayor Tom Arbel repeated his claim that the bridge tolls would fall next year."
    found = _holding(text, "the bridge tolls would fall next year")
    assert len(found) == 1, extract(text)
    assert found[0]["speaker"] == "Tom Arbel"


def test_a_relative_that_after_a_claim_noun_is_no_claim():
    text = "The plan rests on a promise that the mayor made last year."
    assert not _holding(text, "the mayor made last year"), extract(text)


def test_a_poll_opening_a_clause_is_the_source_of_its_finding():
    text = (
        "In the latest Harbor Tribune poll, Ortega leads Vance by nine points among "
        "likely voters."
    )
    found = _holding(text, "Ortega leads Vance by nine points")
    assert len(found) == 1, extract(text)
    assert "poll" in found[0]["speaker"] and found[0]["cue_type"] == "evidence"


def test_a_candidates_standing_in_the_polls_is_no_finding():
    text = "Vance has risen in the polls since the debate."
    assert not _stored(text), extract(text)


def test_an_active_verb_joined_to_a_passive_one_speaks_for_its_subject():
    text = (
        "Port officials were angered by the ruling and predicted it would delay the "
        "expansion by a year."
    )
    found = _holding(text, "it would delay the expansion by a year")
    assert len(found) == 1, extract(text)
    assert found[0]["speaker"] == "Port officials" and found[0]["cue"] == "predicted"


def test_the_one_asked_a_question_is_not_its_asker():
    text = (
        "Asked which county was his favorite, Governor Tom Vell demurred.\n\n"
        "When asked whether she would run again, Mayor Ida Brandt smiled."
    )
    assert not [a for a in extract(text) if a["cue"] and a["cue"].lower() == "asked"], extract(
        text
    )


def test_a_named_asker_asks():
    text = "When asked by a reporter whether the plan was dead, the mayor said it would pass."
    asked = [a for a in extract(text) if a["cue"] == "asked"]
    assert asked and all(a["speaker"] == "reporter" for a in asked), extract(text)


def test_as_a_columnist_wrote_in_a_column_the_clause_is_her_writing():
    text = "As Senator Nina Ruiz wrote in a column last week, the tariff hurts farmers most."
    found = _holding(text, "the tariff hurts farmers most")
    assert len(found) == 1, extract(text)
    assert found[0]["speaker"] == "Nina Ruiz" and found[0]["cue_type"] == "writing"


def test_a_commitment_with_its_holder_carries_what_was_promised():
    text = (
        "Mayor Ivy Park's vow to close the landfill by spring drew cheers.\n\n"
        "The dockworkers ignored the union's call to end the strike."
    )
    park = _holding(text, "to close the landfill by spring")
    union = _holding(text, "to end the strike")
    assert len(park) == 1 and park[0]["speaker"] == "Ivy Park", extract(text)
    assert park[0]["cue"] == "vow"
    assert len(union) == 1 and union[0]["speaker_text"] == "the union", extract(text)


def test_a_subject_voicing_a_claim_or_a_commitment_is_its_source():
    text = (
        "Senator Ola Brandt repeated the accusation that the agency had hidden the "
        "audit.\n\n"
        "Governor Lena Ruiz renewed the pledge to raise the minimum wage."
    )
    brandt = _holding(text, "the agency had hidden the audit")
    ruiz = _holding(text, "to raise the minimum wage")
    assert len(brandt) == 1 and brandt[0]["speaker"] == "Ola Brandt", extract(text)
    assert len(ruiz) == 1 and ruiz[0]["speaker"] == "Lena Ruiz", extract(text)


def test_a_plan_or_a_claim_someone_else_judges_is_no_claim_of_theirs():
    text = (
        "Her plan to build two thousand homes stalled in the council.\n\n"
        "Democrats rejected the claim that the levy would raise rents."
    )
    assert not _holding(text, "to build two thousand homes"), extract(text)
    claimed = [a for a in extract(text) if a["cue"] == "claim"]
    assert not claimed, claimed  # Democrats reject the claim (an appraisal); they do not make it
