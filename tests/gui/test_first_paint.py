"""The first window painted from a sqlite3 snapshot before the store (SQLAlchemy), spaCy and the worker load."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from gui.first_paint import Snapshot, StartupLibrary, head_revisions, startup_library
from models.ingest import ingest_file
from models.store import open_library
from models.store.migrate import head

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "samples" / "abe-putin-summit-2019-01-23.txt"


def _library(path: Path) -> tuple[int, int]:
    """A library with the sample (read, two highlights, one tagged) and a second, unread article."""
    lib = open_library(str(path))
    try:
        first = lib.import_article(ingest_file(str(SAMPLE))).id
        other = path.parent / "harbour.txt"
        other.write_text("Harbour reopens after storm\n\nThe harbour reopened on Monday after a week of repairs.\n\n"
                         "Fishing boats returned before dawn, and the market opened at six.\n", encoding="utf-8")
        second = lib.import_article(ingest_file(str(other))).id
        lib.annotations.add(first, 10, 30, color="red", note="why?", tags=["summit", "Abe"])
        lib.annotations.add(first, 40, 55)
        lib.set_read(first)
        lib.set_position(first, 120)
        return first, second
    finally:
        lib.close()


def test_the_head_is_read_from_the_version_files() -> None:
    assert head_revisions() == {head()}


def test_the_snapshot_answers_as_the_store_does(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    first, second = _library(path)
    snapshot = Snapshot.open(path)
    assert snapshot is not None
    lib = open_library(str(path))
    try:
        assert snapshot.article_count() == lib.article_count() == 2
        for filters in ({}, {"unread_only": True}, {"highlighted_only": True}, {"edited_only": True}):
            assert snapshot.count_articles(**filters) == lib.count_articles(**filters), filters
            for sort in ("recent", "newest", "oldest", "highlighted", "title"):
                assert snapshot.article_page(0, 10, sort=sort, **filters) == \
                    lib.article_page(0, 10, sort=sort, **filters), (sort, filters)
        assert snapshot.article_page(1, 1) == lib.article_page(1, 1)
        for article_id in (first, second):
            assert snapshot.get_article(article_id) == lib.get_article(article_id)
            assert snapshot.highlights(article_id) == lib.annotations.list(article_id)
            assert snapshot.counts_by_color(article_id) == lib.annotations.counts_by_color(article_id)
            assert snapshot.reading_state(article_id) == lib.reading_state(article_id)
        assert snapshot.colors() == lib.annotations.colors()
        assert snapshot.tags() == lib.annotations.tags()
        with pytest.raises(KeyError):
            snapshot.get_article(999)
    finally:
        lib.close()
        snapshot.close()


def test_no_snapshot_for_a_library_that_must_be_created_or_is_empty(tmp_path: Path) -> None:
    assert startup_library(str(tmp_path / "missing.sqlite")) is None
    lib = open_library(str(tmp_path / "empty.sqlite"))
    lib.close()
    assert startup_library(str(tmp_path / "empty.sqlite")) is None
    (tmp_path / "junk.sqlite").write_bytes(b"not a database at all" * 100)
    assert startup_library(str(tmp_path / "junk.sqlite")) is None


def test_a_file_already_in_the_library_is_painted_from_the_snapshot(tmp_path: Path, monkeypatch: Any) -> None:
    path = tmp_path / "library.sqlite"
    first, second = _library(path)
    harbour = tmp_path / "harbour.txt"
    startup = startup_library(str(path), [str(SAMPLE)])
    assert isinstance(startup, StartupLibrary) and startup.shown == first
    startup.release_snapshot()
    monkeypatch.chdir(tmp_path)  # a relative name is the same file, as the store resolves it
    relative = startup_library(str(path), ["harbour.txt"])
    assert relative is not None and relative.shown == second
    new = tmp_path / "new.txt"
    new.write_text("Not imported yet\n\nA short article the library does not hold.\n", encoding="utf-8")
    for sources in ([str(new)], [str(SAMPLE), str(harbour)], [str(tmp_path)], ["https://example.org/a"],
                    [str(tmp_path / "gone.txt")]):
        assert startup_library(str(path), sources) is None, sources  # imported through the store first


def test_calls_after_the_store_arrived_go_to_the_store(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    first, second = _library(path)
    startup = startup_library(str(path))
    assert isinstance(startup, StartupLibrary)
    assert startup.get_article(first).article.metadata.title
    assert not startup.store_ready
    real = open_library(str(path))
    try:
        startup.attach(real)
        startup.release_snapshot()
        assert startup.store_ready
        assert startup.annotations.list(first) == real.annotations.list(first)
        assert startup.url == real.url  # not answered by the snapshot: the store's own attribute
        startup.set_read(first, False)
        assert real.count_articles(unread_only=True) == 2
        startup.set_position(second, 30)
        assert startup.reading_state(second) == real.reading_state(second) == (False, 30)
    finally:
        real.close()


def test_a_failed_store_is_raised_to_whoever_waits(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    _library(path)
    startup = startup_library(str(path))
    assert startup is not None
    startup.fail(RuntimeError("disk on fire"))
    with pytest.raises(RuntimeError, match="disk on fire"):
        startup.search("Abe")


# What the first paint does not need, loaded when it is first used: the export machinery and its PDF typesetter
# (the Export dialog installs the renderer), Preferences, the comparison of versions, ingest (an article on screen
# is already in the library), the package index read by About, the dossier and the entity descriptions (shown
# with the analysis), the Entities and Timeline panels (built once the article is painted, their docks laid out
# empty until then), the About dialog, the export dialog's widgets and the html module (its entity table).
LATER = ("gui.pdf_export", "gui.export_dialog", "gui.export_jobs", "models.export", "markdown_it", "gui.preferences",
         "gui.revisions.window", "gui.revisions.diff_view", "models.revisions.compare", "rapidfuzz", "models.ingest",
         "importlib.metadata", "gui.entities", "models.analysis.entity_descriptions", "gui.reading_panels",
         "gui.timeline", "gui.about", "gui.export_widgets", "html")

PROBE = """
import json, sys
import gui.app as app
seen = {}
real_mark = app.startup_mark
def mark(name):
    if name == "article-painted":
        seen.update({m: m in sys.modules for m in ("sqlalchemy", "spacy", "models.store.library")})
        seen["worker"] = "models.store.analysis_worker" in sys.modules
        seen["later"] = sorted(m for m in sys.modules if any(m == n or m.startswith(n + ".") for n in LATER))
    real_mark(name)
app.startup_mark = mark
from gui.launcher import main
code = main(sys.argv[1:])
print(json.dumps(seen))
sys.exit(code)
"""


def _probe(tmp_path: Path, path: Path, *sources: str) -> tuple[dict[str, Any], str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NEWSDESK_STARTUP_MARKS="1",
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    probe = f"LATER = {LATER!r}\n" + PROBE
    done = subprocess.run([sys.executable, "-c", probe, "--library", str(path), "--screenshot",
                           str(tmp_path / "shot.png"), *sources], env=env, cwd=REPO, capture_output=True, text=True,
                          timeout=180)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1]), done.stderr


@pytest.mark.slow
def test_a_file_in_the_library_is_painted_before_the_store_loads_then_imported(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    _library(path)
    harbour = tmp_path / "harbour.txt"
    harbour.write_text("Harbour reopens after storm\n\nThe harbour reopened on Monday after a week of repairs.\n\n"
                       "Fishing boats returned before dawn, and the market opened at nine.\n", encoding="utf-8")
    seen, stderr = _probe(tmp_path, path, str(harbour))
    assert seen == {"sqlalchemy": False, "spacy": False, "models.store.library": False, "worker": False,
                    "later": []}
    assert "startup-mark settled" in stderr
    lib = open_library(str(path))
    try:  # the file was read again behind the painted window: its changed text is a new version
        (stored,) = [a for a in lib.list_articles() if a.source == str(harbour.resolve())]
        assert "opened at nine" in lib.get_article(stored.id).article.text
        assert lib.article_count() == 2
    finally:
        lib.close()


@pytest.mark.slow
def test_the_first_frame_is_painted_before_the_store_loads(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    _library(path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NEWSDESK_STARTUP_MARKS="1",
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    probe = f"LATER = {LATER!r}\n" + PROBE
    done = subprocess.run([sys.executable, "-c", probe, "--library", str(path), "--screenshot",
                           str(tmp_path / "shot.png")], env=env, cwd=REPO, capture_output=True, text=True,
                          timeout=180)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {"sqlalchemy": False, "spacy": False, "models.store.library": False, "worker": False,
                    "later": []}
    assert "startup-mark settled" in done.stderr  # the store came up behind the window and the docks filled in
    assert (tmp_path / "shot.png").stat().st_size > 10_000
