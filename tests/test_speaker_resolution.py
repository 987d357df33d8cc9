"""A fact-checker opens a person's page: every quote on it must be that person's.

Small invented articles, one kind of construction each: labels before a name, a surname two
people share, pronouns that must agree with the speaker's gender, and the record saying how
its speaker was found.
"""

from __future__ import annotations

from indexer.extract import extract
from schemas.attribution import SPEAKER_RESOLUTIONS, AttributionSchema


def speakers_of(text: str) -> list[tuple[str | None, str | None]]:
    """(speaker_text up to any apposition, speaker) of every attribution, in text order."""
    return [((r["speaker_text"] or "").split(",")[0] or None, r["speaker"]) for r in extract(text)]


def record_for(text: str, speaker_text: str) -> dict:
    return next(r for r in extract(text) if (r["speaker_text"] or "").startswith(speaker_text))


def test_party_labels_and_titles_before_a_name_are_the_role_not_the_name():
    text = (
        "Republican Walter Brisk said on Monday that the bridge would be rebuilt.\n\n"
        "City Attorney Brad Holm said the contract was void.\n\n"
        "Anna-Lena Berg, who chairs the board, said the vote would go ahead.\n\n"
        "Democrat Ana Ruiz-Teller said the plan was reckless."
    )
    found = dict(speakers_of(text))
    assert found["Republican Walter Brisk"] == "Walter Brisk"
    assert found["City Attorney Brad Holm"] == "Brad Holm"
    assert found["Anna-Lena Berg"] == "Anna-Lena Berg"
    assert found["Democrat Ana Ruiz-Teller"] == "Ana Ruiz-Teller"
    assert record_for(text, "City Attorney Brad Holm")["speaker_role"] == "city attorney"


def test_a_surname_means_the_person_the_article_is_about_not_the_fullest_name():
    text = (
        'Marta Kovac has written six cookbooks. "I cook what my grandmother cooked," '
        "Kovac said.\n\n"
        'Her kitchen in the old mill is small. "Small kitchens make you tidy," Kovac said.'
        "\n\n"
        "Her husband, Benedikt Anton Kovac, said he built the ovens from old bricks.\n\n"
        "The bakery sells bread to three schools and a hospital in the valley, and the "
        "orders have doubled since the spring, when the county renewed its contract.\n\n"
        "Two apprentices start work at four in the morning. They shape the loaves by hand "
        "and bake them in batches of forty, and a van leaves for the schools at half past "
        "six every weekday, in any weather.\n\n"
        '"The bread has to be ready by six," Kovac said.'
    )
    named = [speaker for source, speaker in speakers_of(text) if source == "Kovac"]
    assert named == ["Marta Kovac"] * 3


def test_a_gendered_title_picks_the_bearer_of_a_shared_surname():
    text = (
        "Irene Talbot and her husband, Victor Talbot, both spoke at the rally on Saturday.\n\n"
        '"We will not give up the park," Mrs. Talbot said.\n\n'
        '"The council has to listen," Mr. Talbot said.'
    )
    found = dict(speakers_of(text))
    assert found["Mrs. Talbot"] == "Irene Talbot"
    assert found["Mr. Talbot"] == "Victor Talbot"


def test_she_is_the_woman_named_before_not_the_last_man_mentioned():
    text = (
        "Dana Fisk, the mayor, met Governor Lyle Brant at the harbour on Tuesday. Brant "
        "arrived late.\n\n"
        '"The harbour needs dredging before winter," she said.'
    )
    assert speakers_of(text)[-1] == ("she", "Dana Fisk")
    assert record_for(text, "she")["speaker_resolution"] == "pronoun"


def test_every_record_says_how_its_speaker_was_found():
    text = (
        '"We will appeal," said Clara Voss, a lawyer for the tenants.\n\n'
        '"The ruling ignores the lease."\n\n'
        '"Rents will rise for everyone," said one resident.\n\n'
        "Voss later added that the tenants had no other choice, she said."
    )
    records = extract(text)
    assert records[0]["speaker"] == "Clara Voss"
    assert records[0]["speaker_resolution"] == "named"
    assert record_for(text, "one resident")["speaker_resolution"] == "unresolved"
    sequence = [r for r in records if "The ruling" in r["content"]]
    assert sequence and sequence[0]["speaker_resolution"] == "quote_sequence"
    assert sequence[0]["speaker"] == "Clara Voss"
    for record in records:
        assert record["speaker_resolution"] in SPEAKER_RESOLUTIONS
        loaded = AttributionSchema().load({**record, "id": "a1", "article_id": "x1"})
        assert loaded["speaker_resolution"] == record["speaker_resolution"]


def test_the_agency_is_named_only_when_one_agency_fits():
    one = (
        "The Coastal Survey Agency published its tide tables on Monday.\n\n"
        "The agency said the spring tides would be the highest in a decade."
    )
    assert speakers_of(one)[-1] == ("The agency", "Coastal Survey Agency")
    assert record_for(one, "The agency")["speaker_resolution"] == "description"
    two = (
        "The Coastal Survey Agency and the Harbour Safety Agency met on Monday to compare "
        "their tide tables, which differ by a few centimetres.\n\n"
        "The ferry timetable will not change before the summer, officials at the port "
        "added, and the fares stay the same.\n\n"
        "The agency said the spring tides would be the highest in a decade."
    )
    last = record_for(two, "The agency")
    assert last["speaker_resolution"] == "unresolved"


def test_a_title_on_its_own_is_not_a_name():
    text = (
        "The trial of the harbour contractor opened on Tuesday.\n\n"
        "Judge said the jury would sit until Friday."
    )
    record = record_for(text, "Judge")
    assert record["speaker_resolution"] == "unresolved"


def test_he_continues_the_main_speaker_not_the_person_he_talked_about():
    text = (
        "Council spokesman Tomas Reyes said on Monday that Mayor Victor Lind had approved "
        "the budget.\n\n"
        "He said the vote would take place in March."
    )
    assert speakers_of(text)[-1] == ("He", "Tomas Reyes")


def test_a_quote_told_to_someone_is_the_teller_s_relayed_by_the_one_reporting_it():
    text = 'Mayor Dana Fisk said Governor Lyle Brant told her: "The bridge will close in May."'
    record = extract(text)[0]
    assert record["speaker"] == "Lyle Brant"
    assert record["relayed_by"] == "Dana Fisk"
    assert record["speaker_text"] == "Governor Lyle Brant"


def test_a_dateline_is_a_place_and_never_speaks():
    text = (
        "BRENNA, Sept 3 (CPA) - The ferry terminal will close for repairs next month.\n\n"
        '"We have no choice before the winter storms," they said.'
    )
    record = extract(text)[-1]
    assert record["speaker"] != "BRENNA"
    assert record["speaker_resolution"] == "unresolved"


def test_a_spokesman_for_someone_named_after_the_comma_is_that_spokesman():
    text = '"The budget is balanced," a spokesman for Brant, Ollie Stamp, said on Monday.'
    record = extract(text)[0]
    assert record["speaker"] == "Ollie Stamp"
    assert record["speaker_role"] == "a spokesman for Brant"
    assert record["speaker_resolution"] == "named"


def test_a_capitalised_role_in_apposition_gives_way_to_the_name_after_it():
    text = (
        "Margaret Hollis, who runs the Eastfield library, said the closure came without "
        "warning.\n\n"
        "The local MP, Ruth Adeyemi, told the BBC that she would raise the matter in "
        "parliament. She said the closures were 'short-sighted and cruel'."
    )
    told, said = [a for a in extract(text) if a["cue"] in ("told", "said")][1:]
    assert told["speaker"] == "Ruth Adeyemi" and told["speaker_type"] == "person"
    assert "MP" in told["speaker_role"]
    assert told["via_outlets"] == ["BBC"]
    assert said["speaker"] == "Ruth Adeyemi"  # "she" is the MP, not the librarian


def test_a_quote_told_to_someone_is_stored_once_with_the_quotation_alone():
    # One statement by Brant, passed on by Fisk: never a second copy of it whose words
    # begin "Governor Lyle Brant told her:".
    text = 'Mayor Dana Fisk said Governor Lyle Brant told her: "The bridge will close in May."'
    assert [(r["speaker"], r["relayed_by"], r["content"]) for r in extract(text)] == [
        ("Lyle Brant", "Dana Fisk", '"The bridge will close in May."')
    ]
