"""A newsroom's authority file: the people it already tracks get their quotes, their
Wikidata link and their party, whatever the articles call them; a bad row is named and the
rest loads; a person who shares a name with an outlet is reported, not merged."""

from __future__ import annotations

import json
from pathlib import Path

from link_corpus import article, index, quote

from indexer.link import Linker
from indexer.link.authority import import_people
from quotetrail.cli import main
from store.base import SearchQuery

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "people" / "officials.csv"


def test_imported_people_collect_their_quotes_with_party_as_a_facet(store):
    result = import_people(store, SAMPLE)
    assert (result.created, result.problems) == (6, [])
    body = (
        '"We will not back down," Republican Donald Trump said.\n\n'
        '"The drones came at night," said Defence Minister Andriy Vedmid.'
    )
    _, atts = index(
        store,
        Linker(store),
        (
            article("Harbor Daily", "night", "2024-05-01", body),
            [
                quote(body, "We will not back down", "Republican Donald Trump"),
                quote(body, "The drones came at night", "Defence Minister Andriy Vedmid"),
            ],
        ),
    )
    assert [a["speaker_id"] for a in atts] == ["donald-trump", "andrii-vedmid"]
    trump = store.get_speaker("donald-trump")
    assert (trump["wikidata_id"], trump["party"], trump["authority"]) == (
        "Q22686",
        "Republican Party",
        True,
    )
    assert trump["dated_roles"][0] == {
        "title": "President of the United States",
        "start": "2017-01-20",
        "end": "2021-01-20",
    }
    result = store.search(SearchQuery())
    parties = {v.value: v.count for v in result.facets["party"]}
    assert parties == {"republican party": 1, "national union": 1}
    only = store.search(SearchQuery(filters={"party": ("National Union",)}))
    assert [h.attribution["speaker_id"] for h in only.hits] == ["andrii-vedmid"]


def test_an_existing_speaker_is_completed_in_place(store):
    body = '"Rates stay," said Celia Marchetti.'
    index(
        store,
        Linker(store),
        (
            article("Harbor Daily", "rates", "2024-05-01", body),
            [quote(body, "Rates stay", "Celia Marchetti")],
        ),
    )
    result = import_people(store, SAMPLE)
    assert result.completed == 1
    speaker = store.get_speaker("celia-marchetti")
    assert speaker["authority"] and speaker["roles"][0] == "Mayor"
    assert store.search(SearchQuery(filters={"speaker": ("celia-marchetti",)})).total == 1


def test_bad_rows_are_named_by_file_line_and_field_and_the_rest_loads(store, tmp_path):
    people = tmp_path / "people.csv"
    people.write_text(
        "name,aliases,type,wikidata_id,party,country,roles\n"
        "Ray Dunmore,,person,Q12x,Conservative,Canada,\n"
        "Lena Marsh,,person,,,,Mayor (2020-13-01..)\n"
        ",,person,,,,\n"
        "Ollie Stamp,,robot,,,,\n"
        "Dana Fisk,,person,Q42,Liberal,Canada,Mayor (2019-01-01..)\n",
        encoding="utf-8",
    )
    result = import_people(store, people)
    assert result.created == 1 and store.get_speaker("dana-fisk")["party"] == "Liberal"
    assert len(result.problems) == 4
    wikidata, date, name, kind = result.problems
    assert wikidata.startswith(f"{people}:2: wikidata_id ('Q12x')")
    assert date.startswith(f"{people}:3: roles.0.start") and "date" in date.lower()
    assert name.startswith(f"{people}:4: name")
    assert kind.startswith(f"{people}:5: type ('robot')")


def test_json_lines_rows_report_their_line_too(store, tmp_path):
    people = tmp_path / "people.jsonl"
    rows = [
        {
            "name": "Ray Dunmore",
            "aliases": ["Raymond Dunmore"],
            "party": "Conservative",
            "roles": [{"title": "Leader of the Opposition", "start": "2022-09-10"}],
        },
        "not an object",
    ]
    people.write_text("\n".join(json.dumps(r) for r in rows) + "\n{broken\n", encoding="utf-8")
    result = import_people(store, people)
    assert result.created == 1
    assert store.get_speaker("ray-dunmore")["aliases"] == ["Raymond Dunmore"]
    assert [p.split(": ")[0] for p in result.problems] == [f"{people}:2", f"{people}:3"]


def test_a_person_named_like_an_outlet_is_reported_not_merged(store, tmp_path):
    body = '"Quiet night," an official told Harbor Daily.'
    index(
        store,
        Linker(store),
        (article("Harbor Daily", "quiet", "2024-05-01", body), [quote(body, "Quiet night", None)]),
    )
    people = tmp_path / "people.csv"
    people.write_text("name,aliases\nHarold Daly,Harbor Daily|Hal Daly\n", encoding="utf-8")
    result = import_people(store, people)
    assert result.problems == [
        f"{people}:2: aliases ('Harbor Daily'): also the outlet 'Harbor Daily'"
        " (harbor-daily); not merged, alias left out"
    ]
    assert store.get_speaker("harold-daly")["aliases"] == ["Hal Daly"]


def test_people_import_command_reports_problems_and_exits_1(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("QUOTETRAIL_DB", str(tmp_path / "q.db"))
    monkeypatch.delenv("ES_URL", raising=False)
    assert main(["people", "import", str(SAMPLE)]) == 0
    assert "6 people and organizations loaded" in capsys.readouterr().err
    bad = tmp_path / "bad.csv"
    bad.write_text("name,wikidata_id\nRay Dunmore,12\n", encoding="utf-8")
    assert main(["people", "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:2: wikidata_id ('12'): must be a Wikidata item id" in err
    assert main(["people", "import", str(tmp_path / "missing.csv")]) == 2
    assert "cannot read the authority file" in capsys.readouterr().err
