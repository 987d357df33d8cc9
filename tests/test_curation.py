"""An editor corrects the record from the web UI: signs in with the API token, renames a
speaker, sets its type, merges two speakers and splits them again; every change is in the
change log with who, when, before and after, and each can be undone from there."""

from __future__ import annotations

import re
from typing import Any

import pytest

from store.base import SearchQuery, Store


def csrf(page: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]


@pytest.fixture
def editor(fresh_client: Any) -> tuple[Any, str]:
    """A signed-in client and its CSRF token."""
    signed = fresh_client.post("/sign-in", data={"token": "s3cret", "name": "Rita"})
    assert signed.status_code == 303
    page = fresh_client.get("/speakers/jonas-feld").get_data(as_text=True)
    return fresh_client, csrf(page)


def said_by(store: Store, speaker_id: str) -> int:
    return store.search(SearchQuery(filters={"speaker": (speaker_id,)}, facets=False)).total


def test_speaker_edits_need_a_signed_in_editor_and_the_form_token(
    fresh_client: Any, fresh_newsroom: Store
) -> None:
    page = fresh_client.get("/speakers/jonas-feld").get_data(as_text=True)
    assert "Correct this speaker" not in page
    anonymous = fresh_client.post("/speakers/jonas-feld/rename", data={"name": "J. Feld"})
    assert anonymous.status_code == 403
    fresh_client.post("/sign-in", data={"token": "s3cret", "name": "Rita"})
    forged = fresh_client.post("/speakers/jonas-feld/rename",
                               data={"name": "J. Feld", "csrf": "guessed"})
    assert forged.status_code == 403
    assert fresh_newsroom.get_speaker("jonas-feld")["name"] == "Jonas Feld"


def test_rename_and_type_are_logged_and_undone(editor: tuple[Any, str],
                                               fresh_newsroom: Store) -> None:
    client, token = editor
    assert client.post("/speakers/jonas-feld/rename",
                       data={"name": "Jonas P. Feld", "csrf": token}).status_code == 303
    assert client.post("/speakers/jonas-feld/type",
                       data={"type": "organization", "csrf": token}).status_code == 303
    speaker = fresh_newsroom.get_speaker("jonas-feld")
    assert speaker["name"] == "Jonas P. Feld" and "Jonas Feld" in speaker["aliases"]
    hits = client.get("/api/v1/search?speaker=jonas-feld").get_json()["hits"]
    assert {(h["attribution"]["speaker"], h["attribution"]["speaker_type"]) for h in hits} == {
        ("Jonas P. Feld", "organization")}

    log = client.get("/changes").get_data(as_text=True)
    assert "Rita" in log and "renamed &#39;Jonas Feld&#39; to &#39;Jonas P. Feld&#39;" in log
    assert "Jonas Feld (person) → Jonas P. Feld (person)" in log
    rename, retype = reversed(fresh_newsroom.changes())
    assert rename["before"]["jonas-feld"]["name"] == "Jonas Feld" and rename["editor"] == "Rita"
    assert rename["moved"] == 2 and rename["at"] <= retype["at"]

    for change in (retype, rename):
        response = client.post(f"/changes/{change['id']}/undo", data={"csrf": token})
        assert response.status_code == 303
    assert fresh_newsroom.get_speaker("jonas-feld")["name"] == "Jonas Feld"
    assert fresh_newsroom.get_speaker("jonas-feld")["type"] == "person"
    hits = client.get("/api/v1/search?speaker=jonas-feld").get_json()["hits"]
    assert {(h["attribution"]["speaker"], h["attribution"]["speaker_type"]) for h in hits} == {
        ("Jonas Feld", "person")}
    again = client.post(f"/changes/{rename['id']}/undo", data={"csrf": token})
    assert again.status_code == 400 and "cannot be undone" in again.get_data(as_text=True)


def test_a_merge_from_the_speaker_page_can_be_undone(editor: tuple[Any, str],
                                                     fresh_newsroom: Store) -> None:
    client, token = editor
    assert said_by(fresh_newsroom, "anna-lindqvist") == 4
    response = client.post("/speakers/anna-lindqvist/merge",
                           data={"other": "jonas-feld", "force": "1", "csrf": token})
    assert response.status_code == 303
    assert said_by(fresh_newsroom, "anna-lindqvist") == 6
    assert said_by(fresh_newsroom, "jonas-feld") == 0
    (change,) = fresh_newsroom.changes()
    assert change["kind"] == "merge" and set(change["before"]) == {"anna-lindqvist", "jonas-feld"}
    assert "Jonas Feld" in change["after"]["anna-lindqvist"]["aliases"]

    assert client.post(f"/changes/{change['id']}/undo", data={"csrf": token}).status_code == 303
    assert said_by(fresh_newsroom, "anna-lindqvist") == 4
    assert said_by(fresh_newsroom, "jonas-feld") == 2
    assert "Jonas Feld" not in fresh_newsroom.get_speaker("anna-lindqvist")["aliases"]
    log = client.get("/changes").get_data(as_text=True)
    assert "undid: merged" in log and "undone" in log


def test_a_split_from_the_speaker_page_can_be_undone(editor: tuple[Any, str],
                                                     fresh_newsroom: Store) -> None:
    client, token = editor
    client.post("/speakers/anna-lindqvist/merge",
                data={"other": "jonas-feld", "force": "1", "csrf": token})
    response = client.post("/speakers/anna-lindqvist/split",
                           data={"alias": "Jonas Feld", "csrf": token})
    assert response.status_code == 303 and response.location.endswith("/speakers/jonas-feld")
    assert said_by(fresh_newsroom, "jonas-feld") == 2
    split = fresh_newsroom.changes()[0]
    assert split["kind"] == "split" and split["moved"] == 2
    assert client.post(f"/changes/{split['id']}/undo", data={"csrf": token}).status_code == 303
    assert said_by(fresh_newsroom, "jonas-feld") == 0
    assert said_by(fresh_newsroom, "anna-lindqvist") == 6


def test_a_bad_edit_is_a_clear_error(editor: tuple[Any, str]) -> None:
    client, token = editor
    response = client.post("/speakers/jonas-feld/merge", data={"other": "nobody", "csrf": token})
    assert response.status_code == 400 and "nobody" in response.get_data(as_text=True)
    response = client.post("/speakers/jonas-feld/type", data={"type": "robot", "csrf": token})
    assert response.status_code == 400 and "robot" in response.get_data(as_text=True)


def test_renaming_a_speaker_to_another_speakers_name_is_refused_unless_confirmed(
    editor: tuple[Any, str], fresh_newsroom: Store
) -> None:
    """Two speakers of one name cannot be told apart in facets and lists: the rename is
    refused, naming the other speaker and suggesting a merge; ticking the box confirms."""
    client, token = editor
    refused = client.post("/speakers/jonas-feld/rename",
                          data={"name": "anna  lindqvist", "csrf": token})
    text = refused.get_data(as_text=True)
    assert refused.status_code == 400
    assert "anna-lindqvist" in text and "merge" in text
    assert fresh_newsroom.get_speaker("jonas-feld")["name"] == "Jonas Feld"
    assert fresh_newsroom.changes() == []
    confirmed = client.post("/speakers/jonas-feld/rename",
                            data={"name": "Anna Lindqvist", "force": "1", "csrf": token})
    assert confirmed.status_code == 303
    assert fresh_newsroom.get_speaker("jonas-feld")["name"] == "Anna Lindqvist"


def test_renaming_a_speaker_to_a_name_another_speaker_goes_by_is_refused_unless_confirmed(
    editor: tuple[Any, str], fresh_newsroom: Store
) -> None:
    """Anna Lindqvist is also filed as "Mayor Lindqvist": a speaker renamed to that alias
    could not be told from her in search either, so it is refused like her name would be."""
    client, token = editor
    refused = client.post("/speakers/jonas-feld/rename",
                          data={"name": "mayor  LINDQVIST", "csrf": token})
    text = refused.get_data(as_text=True)
    assert refused.status_code == 400
    assert "anna-lindqvist" in text and "known as &#39;Mayor Lindqvist&#39;" in text
    assert "merge" in text
    assert fresh_newsroom.get_speaker("jonas-feld")["name"] == "Jonas Feld"
    assert fresh_newsroom.changes() == []
    confirmed = client.post("/speakers/jonas-feld/rename",
                            data={"name": "Mayor Lindqvist", "force": "1", "csrf": token})
    assert confirmed.status_code == 303
    assert fresh_newsroom.get_speaker("jonas-feld")["name"] == "Mayor Lindqvist"


def test_merging_two_persons_with_different_given_names_needs_confirming(
    editor: tuple[Any, str], fresh_newsroom: Store
) -> None:
    """"Anna Lindqvist" and "Jonas Feld" are two people unless the editor says otherwise;
    the form says which speaker is kept (this page's) and which goes away."""
    client, token = editor
    page = client.get("/speakers/anna-lindqvist").get_data(as_text=True)
    assert "Fold another speaker into Anna Lindqvist (kept, with this page)" in page
    refused = client.post("/speakers/anna-lindqvist/merge",
                          data={"other": "jonas-feld", "csrf": token})
    assert refused.status_code == 400
    assert "different given names" in refused.get_data(as_text=True)
    assert said_by(fresh_newsroom, "jonas-feld") == 2
