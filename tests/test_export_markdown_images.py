"""The Markdown export fetches nothing when opened: images from the web in notes become links, unless asked."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from models.cli import main
from models.export.markdown import without_remote_images
from models.store import open_library
from tests.fixtures.export_samples import web_article

NOTE = (
    "See ![chart](http://tracker.example/pixel.gif?reader=1) and ![logo](HTTPS://cdn.example/l.png \"t\")\n\n"
    "and ![ref image][pic] and ![](//cdn.example/x.png) and a local ![map](attachments/map.png)\n\n"
    "`![in code](http://example.org/code.png)` stays, so does \\![escaped](http://example.org/e.png)\n\n"
    "```\n![fenced](http://example.org/fenced.png)\n```\n\n"
    "[pic]: https://tracker.example/ref.png"
)


def _images(markdown: str) -> list[str]:
    found: list[str] = []
    for token in MarkdownIt("commonmark").parse(markdown):
        for child in token.children or []:
            if child.type == "image":
                found.append(str(child.attrs["src"]))
    return found


def test_remote_images_become_links_and_local_ones_stay() -> None:
    assert len(_images(NOTE)) == 5
    safe = without_remote_images(NOTE)
    assert _images(safe) == ["attachments/map.png"]
    assert "[chart](http://tracker.example/pixel.gif?reader=1)" in safe  # still a link the reader can follow
    assert "`![in code](http://example.org/code.png)`" in safe
    assert "\n![fenced](http://example.org/fenced.png)\n" in safe
    assert "\\![escaped](http://example.org/e.png)" in safe


@pytest.mark.parametrize("brief", [False, True])
def test_export_neutralises_remote_images_unless_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], brief: bool
) -> None:
    library = str(tmp_path / "library.sqlite")
    lib = open_library(library)
    article = lib.import_article(web_article())
    text = lib.get_article(article.id).article.text
    start = text.index("Abe reiterated")
    lib.annotations.add(article.id, start, start + 20, note=NOTE)
    lib.close()
    out, kept = tmp_path / "notes.md", tmp_path / "kept.md"
    extra = ["--brief"] if brief else []
    assert main(["export", "--library", library, "--format", "markdown", "--all", "-o", str(out), *extra]) == 0
    assert main(["export", "--library", library, "--format", "markdown", "--all", "-o", str(kept),
                 "--keep-remote-images", *extra]) == 0
    capsys.readouterr()
    assert _images(out.read_text(encoding="utf-8")) == ["attachments/map.png"]
    assert "http://tracker.example/pixel.gif?reader=1" in _images(kept.read_text(encoding="utf-8"))
