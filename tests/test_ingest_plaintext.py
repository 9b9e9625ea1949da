"""Plain text and Markdown pastes become titled, structured articles without markup."""

from __future__ import annotations

from models.ingest import ingest_bytes, ingest_text


def test_plain_text_title_and_paragraphs_split_on_blank_lines() -> None:
    text = "A quiet harbour town\n\nThe boats left at dawn.\nThey came back at noon.\n\nNobody spoke of the storm."
    article = ingest_text(text, source="clipboard:1")
    assert article.kind == "text"
    assert article.metadata.title == "A quiet harbour town"
    assert [(b.kind, article.block_text(b)) for b in article.blocks] == [
        ("title", "A quiet harbour town"),
        ("paragraph", "The boats left at dawn."),
        ("paragraph", "They came back at noon."),
        ("paragraph", "Nobody spoke of the storm."),
    ]


def test_plain_text_without_blank_lines_splits_on_newlines() -> None:
    text = "Market report\nShares rose on Monday.\nBonds fell slightly."
    article = ingest_text(text, source="clipboard:2")
    assert article.text == "Market report\nShares rose on Monday.\nBonds fell slightly."
    assert [b.kind for b in article.blocks] == ["title", "paragraph", "paragraph"]


def test_plain_text_short_line_between_paragraphs_is_a_heading() -> None:
    text = (
        "Budget day\n\nThe minister presented the budget on Tuesday.\n\nWhat it means for you\n\n"
        "Income tax thresholds stay frozen for another year."
    )
    article = ingest_text(text, source="clipboard:3")
    assert article.metadata.subheadings == ("What it means for you",)


def test_markdown_blocks_and_markup_removed() -> None:
    text = (
        "# Rivers on the rise\n\nRain fell for **three days** across the [valley](https://example.org).\n\n"
        "## What officials said\n\n> We are ready, said the mayor.\n\n- Schools closed\n- Roads shut\n\n"
        "Water levels peaked on `Sunday`."
    )
    article = ingest_text(text, source="clipboard:md")
    assert article.kind == "markdown"
    assert [(b.kind, article.block_text(b)) for b in article.blocks] == [
        ("title", "Rivers on the rise"),
        ("paragraph", "Rain fell for three days across the valley."),
        ("heading", "What officials said"),
        ("quote", "We are ready, said the mayor."),
        ("list-item", "Schools closed"),
        ("list-item", "Roads shut"),
        ("paragraph", "Water levels peaked on Sunday."),
    ]
    assert article.metadata.subheadings == ("What officials said",)
    for markup in ("**", "#", "](", "`", "> "):
        assert markup not in article.text


def test_markdown_front_matter_is_metadata() -> None:
    text = "---\ntitle: Harbour notes\ndate: 2020-05-04\nauthor: Ana Silva\ntags: [port, fishing]\n---\n\nThe boats.\n"
    article = ingest_bytes(text.encode(), source="notes.md", filename="notes.md")
    assert article.metadata.title == "Harbour notes"
    assert article.metadata.published == "2020-05-04"
    assert article.metadata.authors == ("Ana Silva",)
    assert article.metadata.tags == ("port", "fishing")
    assert article.text == "Harbour notes\nThe boats."
