"""The Entities panel says who a person is in the article's own words: titles before the name and appositives
after it."""

from __future__ import annotations

from models.analysis.entity_descriptions import describe_entities
from models.analysis.types import Entity, Mention


def person(text: str, name: str, *others: str) -> Entity:
    spans = []
    for surface in (name, *others):
        at = text.find(surface)
        while at >= 0:
            spans.append(Mention(at, at + len(surface), surface))
            at = text.find(surface, at + 1)
    return Entity(name, "PERSON", tuple(sorted(spans, key=lambda m: m.start)))


def test_titles_before_a_name_give_nationality_and_office() -> None:
    text = "Russian Foreign Minister Sergey Lavrov met reporters. Later, Lavrov said more."
    assert describe_entities(text, [person(text, "Sergey Lavrov", "Lavrov")]) == {
        ("Sergey Lavrov", "PERSON"): "Russian foreign minister"}


def test_a_word_that_opens_the_sentence_qualifies_no_office() -> None:
    text = "When President Trump’s advisers met, Trump listened. As Russian President Vladimir Putin said, it ended."
    described = describe_entities(text, [person(text, "Trump"), person(text, "Vladimir Putin")])
    assert described == {("Trump", "PERSON"): "president", ("Vladimir Putin", "PERSON"): "Russian president"}


def test_an_appositive_after_the_name() -> None:
    text = "Angela Merkel, Germany's chancellor, agreed with the plan."
    described = describe_entities(text, [person(text, "Angela Merkel")])
    assert described == {("Angela Merkel", "PERSON"): "Germany's chancellor"}


def test_the_sample_sentences() -> None:
    text = ("MOSCOW – On Jan. 22, Prime Minister Shinzo Abe held his 25th meeting with Russian President "
            "Vladimir Putin.\nThe meeting between Foreign Minister Taro Kono and his Russian counterpart "
            "Sergey Lavrov stalled.")
    entities = [person(text, "Shinzo Abe"), person(text, "Vladimir Putin"), person(text, "Taro Kono"),
                person(text, "Sergey Lavrov")]
    assert describe_entities(text, entities) == {
        ("Shinzo Abe", "PERSON"): "prime minister",
        ("Vladimir Putin", "PERSON"): "Russian president",
        ("Taro Kono", "PERSON"): "foreign minister",
        ("Sergey Lavrov", "PERSON"): "Russian counterpart",
    }


def test_no_title_no_description_and_authors_are_left_alone() -> None:
    text = "By Shinichi Akiyama\nThe talks between the two men ended without a word from Smith."
    author = Entity("Shinichi Akiyama", "PERSON", (Mention(3, 19, "Shinichi Akiyama"),), role="author")
    assert describe_entities(text, [author, person(text, "Smith")]) == {}
