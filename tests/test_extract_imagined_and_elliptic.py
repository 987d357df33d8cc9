"""What someone might say is not what anyone said (issue 11, noise audit seed 41): a reader
searching for claims does not want the writer's imagined reader ("a reader would now ask"),
a generic "you might say", a statement given to "not everyone", or a clause whose verb is
left out ("I didn't expect him to"). A spokesman's curt real answer, a conditional with a
named speaker and an elliptic clause inside a fuller statement stay."""

from __future__ import annotations

import pytest

from indexer.extract import extract


@pytest.mark.parametrize(
    "body",
    [
        "A reader would now ask whether the plan works.",
        "You might say the plan is dead.",
        "One could argue that the ferry is too slow.",
        "A skeptic might say the bridge will never open.",
        "Not everyone finds that pitch compelling.",
        "I didn't expect him to.",
        "I didn't expect him to, the mayor said.",
        # an opinion writer's imagined objectors: a bare quantifier or plural with a modal
        "Some will say the budget is tight.",
        "Many would argue that the ferry is too slow.",
        "Critics may say the plan is reckless.",
        "The mayor said she wanted to.",
        # a fact that "says something about" a topic: the writer's figure of speech
        "That two hosts would sign up for the network says something about its reach.",
    ],
)
def test_an_imagined_or_elliptic_utterance_is_no_claim(body: str) -> None:
    assert extract(body) == []


@pytest.mark.parametrize(
    ("body", "content"),
    [
        (
            "A spokesman would say only that the talks continue.",
            "only that the talks continue",
        ),
        ("The mayor would say later that the plan was dead.", "that the plan was dead"),
        ("Some said the budget was tight.", "the budget was tight"),
        ("The critics will say the plan is reckless.", "the plan is reckless"),
        ("He said they would fight if they had to.", "they would fight if they had to"),
        ("She said it was the plan he objected to.", "it was the plan he objected to"),
    ],
)
def test_a_real_statement_in_the_conditional_or_ending_in_to_stays(
    body: str, content: str
) -> None:
    assert [a["content"] for a in extract(body)] == [content]
