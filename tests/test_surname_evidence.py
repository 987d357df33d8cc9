"""A bare surname shared by two known people joins the person its own article names whom
the article's honorifics fit ("Mr. Obama" throughout), never the other; an article that
names neither keeps its Obama on a page of its own, and stays apart when nothing decides."""

from __future__ import annotations

from link_corpus import article, index, quote

from indexer.link import Linker


def _known(store, linker):
    """The corpus knows two Obamas, by their full names."""
    for slug, name in (("a", "Barack Obama"), ("b", "Michelle Obama")):
        body = f'"We go high," {name} said.'
        index(
            store,
            linker,
            (article("Harbor Daily", slug, "2024-05-01", body), [quote(body, "We go high", name)]),
        )


def test_a_headline_surname_and_mr_obama_share_their_article_s_page_never_michelle_s(store):
    linker = Linker(store)
    _known(store, linker)
    title = "Obama Says Museum Will Tell of Suffering"
    body = (
        f"{title}\n\n"
        "President Obama opened the museum on Saturday.\n\n"
        '"This is a place to tell the truth," Mr. Obama said.'
    )
    _, atts = index(
        store,
        linker,
        (
            article("Harbor Daily", "c", "2024-05-02", body),
            [
                quote(body, "Museum Will Tell of Suffering", "Obama"),
                quote(body, "This is a place to tell the truth", "Obama", speaker_text="Mr. Obama"),
            ],
        ),
    )
    headline, said = (a["speaker_id"] for a in atts)
    assert headline == said  # one Obama of the article, a man
    assert store.get_speaker(said)["name"] == "Obama (in C)"  # it names no Obama in full


def test_mr_obama_is_not_the_michelle_obama_his_article_named_first(store):
    linker = Linker(store)
    _known(store, linker)
    body = (
        '"Vote," said Michelle Obama.\n\n'
        "Barack Obama spoke later.\n\n"
        '"Our progress is on the ballot," Mr. Obama said.'
    )
    _, atts = index(
        store,
        linker,
        (
            article("Harbor Daily", "c", "2024-05-02", body),
            [
                quote(body, "Vote", "Michelle Obama"),
                quote(body, "Our progress is on the ballot", "Obama", speaker_text="Mr. Obama"),
            ],
        ),
    )
    assert [a["speaker_id"] for a in atts] == ["michelle-obama", "barack-obama"]


def named_article_id(atts):
    """The one article the attributions ``atts`` come from."""
    (found,) = {a["article_id"] for a in atts}
    return found


def _pronoun(body, content, speaker, pronoun):
    """An attribution the extractor resolved from ``pronoun`` to ``speaker``."""
    att = quote(body, content, speaker, speaker_text=pronoun)
    att["speaker_resolution"] = "pronoun"
    return att


def test_a_surname_and_the_he_resolved_to_it_stay_on_one_page_of_their_article(store):
    linker = Linker(store)
    _known(store, linker)
    body = (
        '"We will answer," President Obama said on Friday.\n\n'
        '"There are few options," he added.'
    )
    _, atts = index(
        store,
        linker,
        (
            article("Harbor Daily", "c", "2024-05-02", body),
            [
                quote(body, "We will answer", "Obama", speaker_text="President Obama"),
                _pronoun(body, "There are few options", "Obama", "he"),
            ],
        ),
    )
    named, pronoun = (a["speaker_id"] for a in atts)
    assert named == pronoun
    assert named not in ("barack-obama", "michelle-obama")  # the article names neither
    assert store.get_speaker(named)["article_id"] == named_article_id(atts)


def test_a_pronoun_never_sends_a_surname_to_a_stranger_of_unknown_gender(store):
    linker = Linker(store)
    for slug, name in (("a", "Keith Scott"), ("b", "Dred Scott")):
        body = f'"Not now," {name} said.'
        index(
            store,
            linker,
            (article("Harbor Daily", slug, "2024-05-01", body), [quote(body, "Not now", name)]),
        )
    body = '"He was reading," Scott said.\n\n"I saw it," she said.'
    _, atts = index(
        store,
        linker,
        (
            article("Harbor Daily", "c", "2024-05-02", body),
            [
                quote(body, "He was reading", "Scott"),
                _pronoun(body, "I saw it", "Scott", "she"),
            ],
        ),
    )
    assert not {a["speaker_id"] for a in atts} & {"keith-scott", "dred-scott"}


def test_a_surname_stays_apart_when_its_article_writes_both_honorifics(store):
    linker = Linker(store)
    _known(store, linker)
    body = (
        "Mr. Obama and Mrs. Obama arrived together.\n\n"
        '"It was a long road," Obama said.'
    )
    _, (att,) = index(
        store,
        linker,
        (
            article("Harbor Daily", "c", "2024-05-02", body),
            [quote(body, "It was a long road", "Obama")],
        ),
    )
    assert att["speaker_id"] not in ("barack-obama", "michelle-obama")


def test_the_article_calling_him_mr_never_files_his_words_under_the_wife_it_names_once():
    from indexer.extract import extract

    text = (
        "Garvin Says the Harbor Plan Is Overdue\n\n"
        'Governor Garvin is making a new case for the harbor plan: "It is overdue."\n\n'
        '"We waited long enough," Mr. Garvin said on Saturday in Carrow.\n\n'
        "The campaign plans to employ Mr. Garvin and his wife, Nadia Garvin, in the coming "
        "weeks, in towns that Mr. Garvin won handily.\n\n"
        '"It will pass," Garvin said.'
    )
    speakers = {r["speaker"] for r in extract(text) if "Garvin" in (r["speaker_text"] or "")}
    assert speakers and "Nadia Garvin" not in speakers
