"""A damaged, emptied, read-only, full or locked library never costs data: refused before writing, restored from
the newest verified backup, and what the damaged file still holds brought back (issues 14 and 17)."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest

from gui.launcher import main
from models.article import Article, Metadata, build_text
from models.store import backup, integrity, open_library, restore

QUOTES = ("Putin", "Abe", "Moscow", "peace treaty", "Lavrov", "Northern Territories")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, Any]], str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, [json.loads(line) for line in out.splitlines() if line.strip()], err


def article(n: int, body: str = "Abe met Putin in Moscow on Jan. 22 to talk about a peace treaty.") -> Article:
    text, blocks = build_text([("title", f"Summit {n}"), ("paragraph", body + f" Item {n}. " + "Lavrov. " * 40)])
    return Article(f"file:///articles/{n}.txt", "text", text, blocks, Metadata(title=f"Summit {n}"))


def fill(path: Path, articles: int = 6, highlights_each: int = 2) -> None:
    lib = open_library(str(path))
    try:
        for n in range(articles):
            aid = lib.import_article(article(n)).id
            text = lib.get_article(aid).article.text
            for quote in QUOTES[:highlights_each]:
                start = text.index(quote)
                lib.annotations.add(aid, start, start + len(quote), note=f"note {n} {quote}", tags=[f"t{n}"])
    finally:
        lib.close()


def overwrite_middle(path: Path, size: int) -> set[str]:
    """``dd`` random bytes over the middle of the file; the ids of the highlights whose rows were on those pages."""
    from models.store import pages

    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    length = path.stat().st_size
    start = (length // 2) // 4096 * 4096
    page_size, content = pages.read_pages(path)
    hit = range(start // page_size + 1, (start + size - 1) // page_size + 2)
    lost = set()
    for number in hit:
        page = content.get(number, b"")
        if page and page[0] == pages.TABLE_LEAF:
            for i in range(int.from_bytes(page[3:5], "big")):
                _rowid, values = pages._cell(page, int.from_bytes(page[8 + 2 * i : 10 + 2 * i], "big"), content,
                                             page_size)
                if len(values) == 14 and isinstance(values[0], str) and len(values[0]) == 36:
                    lost.add(values[0])
    with open(path, "r+b") as handle:
        handle.seek(start)
        handle.write(os.urandom(size))
    return lost


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def stray_files(folder: Path) -> list[str]:
    names = [p.name for p in folder.rglob("*")]
    return [n for n in names if ".partial" in n or n.endswith((".tmp", ".restoring", "-journal")) or ".restoring-" in n
            or (".backups" not in n and n.startswith("library-") and n.endswith(("-wal", "-shm")))]


def count(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


# -- damage: detect, keep, tell ----------------------------------------------------------------------------------

def test_a_damaged_library_is_refused_untouched_and_the_message_names_the_backup(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(library_path)
    made = backup.make_backup(library_path, "manual")
    overwrite_middle(library_path, 16 * 1024)
    before = digest(library_path)
    backups_before = backup.backups(library_path)
    with pytest.raises(integrity.LibraryDamaged) as raised:
        open_library(str(library_path))
    assert "newsdesk restore" in str(raised.value) and made.name in str(raised.value)
    assert "6 articles, 12 highlights" in str(raised.value)
    for command in (["list"], ["search", "Putin"], ["annotations"], ["backup"],
                    ["highlight", "--article", "1", "--quote", "Abe"]):
        code, _out, err = run(capsys, command[0], "--library", str(library_path), *command[1:])
        assert code != 0 and "newsdesk restore" in err and made.name in err, (command, err)
        assert len(err.strip().splitlines()) == 1
    code, out, err = run(capsys, "check", "--library", str(library_path))
    assert code == 1 and out[0]["status"] == "damaged"
    assert digest(library_path) == before  # never written to, never checkpointed into
    assert backup.backups(library_path) == backups_before  # a damaged library is never backed up
    assert stray_files(library_path.parent) == []


def test_a_large_library_opens_without_reading_every_page_and_its_daily_backup_runs_the_full_check(
    library_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(library_path, articles=100)  # the schema's pages (some 70 now) are at the start, the middle holds articles
    backup.make_backup(library_path, "manual")  # the daily backup is not due
    overwrite_middle(library_path, 16 * 1024)
    before = digest(library_path)
    monkeypatch.setattr(integrity, "FULL_CHECK_BYTES", 0)  # every library counts as large
    state = integrity.preflight(library_path)
    assert not state.checked  # opening did not read every page (a 3 GB library opens in milliseconds)
    code, out, err = run(capsys, "check", "--library", str(library_path))
    assert code == 1 and out[0]["status"] == "damaged" and "newsdesk restore" in err  # check reads every page
    old = time.time() - 2 * backup.DAY
    for made in backup.backups(library_path):
        os.utime(made, (old, old))
    assert backup.is_due(library_path)
    open_library(str(library_path)).close()  # opening never waits for the daily backup, nor its full check
    kept = backup.backups(library_path)
    with pytest.raises(integrity.LibraryDamaged, match="newsdesk restore"):  # the day's backup reads it all
        backup.take_daily(library_path)
    code, _out, err = run(capsys, "highlight", "--library", str(library_path), "--article", "1", "--quote", "Abe")
    assert code != 0 and "newsdesk restore" in err  # the day's first writing command is refused, not written
    assert digest(library_path) == before and backup.backups(library_path) == kept


def test_a_library_cut_short_is_refused_at_any_size(library_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fill(library_path, articles=3)
    conn = sqlite3.connect(library_path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    monkeypatch.setattr(integrity, "FULL_CHECK_BYTES", 0)
    size = library_path.stat().st_size
    with open(library_path, "r+b") as handle:
        handle.truncate(size // 2 // 4096 * 4096)
    with pytest.raises(integrity.LibraryDamaged, match="cut short"):
        integrity.preflight(library_path)


def test_the_header_check_reads_page_size_and_count() -> None:
    head = bytearray(integrity.SQLITE_MAGIC + bytes(integrity.HEADER_BYTES - len(integrity.SQLITE_MAGIC)))
    head[16:18] = (4096).to_bytes(2, "big")
    head[28:32] = (10).to_bytes(4, "big")  # ten pages, marked current (change counter == valid-for, both 0)
    assert integrity.header_problem(bytes(head), 10 * 4096) is None
    assert "cut short" in (integrity.header_problem(bytes(head), 9 * 4096) or "")
    head[24:28] = (7).to_bytes(4, "big")  # a stale count is not trusted
    assert integrity.header_problem(bytes(head), 9 * 4096) is None
    head[16:18] = (3000).to_bytes(2, "big")
    assert "page size" in (integrity.header_problem(bytes(head), 10 * 4096) or "")
    assert "cut short" in (integrity.header_problem(bytes(head[:50]), 50) or "")


def test_four_kilobytes_overwritten_make_highlight_and_import_refuse(
    library_path: Path, capsys: pytest.CaptureFixture[str], sample_path: Path
) -> None:
    fill(library_path)
    overwrite_middle(library_path, 4 * 1024)
    before = digest(library_path)
    code, _, err = run(capsys, "highlight", "--library", str(library_path), "--article", "1", "--quote", "Abe")
    assert code != 0 and "damaged" in err
    code, _, err = run(capsys, "import", "--no-analysis", "--library", str(library_path), str(sample_path))
    assert code != 0 and "damaged" in err
    assert digest(library_path) == before


def test_an_emptied_library_file_is_reported_not_given_a_fresh_schema(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(library_path, articles=3)
    good = backup.make_backup(library_path, "manual")
    library_path.write_bytes(b"")  # : > library.sqlite
    code, out, err = run(capsys, "list", "--library", str(library_path))
    assert code != 0 and out == []
    assert "empty" in err and "newsdesk restore" in err and good.name in err
    assert library_path.stat().st_size == 0  # no schema was created in it
    assert backup.backups(library_path) == [good]


def test_text_that_is_not_utf8_is_reported_as_damage_by_search_export_and_check(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(library_path, articles=2)
    backup.make_backup(library_path, "manual")
    raw = bytearray(library_path.read_bytes())
    at = raw.find(b"Item 1.")
    assert at > 0
    raw[at : at + 4] = b"\xff\xfe\xc3\x28"  # flipped bytes inside one article's text, the pages themselves intact
    library_path.write_bytes(bytes(raw))
    code, out, err = run(capsys, "list", "--library", str(library_path))  # titles only: the texts are not read
    assert code == 0 and len(out) == 2, err
    for command in (["search", "Summit"], ["export", "--all", "--format", "markdown", "-o", "-"]):
        code, _out, err = run(capsys, command[0], "--library", str(library_path), *command[1:])
        assert code != 0, command
        assert "not valid UTF-8" in err and "newsdesk restore" in err, err
    code, out, err = run(capsys, "check", "--library", str(library_path))
    assert code == 1 and "UTF-8" in out[0]["reason"] and "articles #" in out[0]["reason"]


def test_an_unreadable_library_is_refused_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "library.sqlite"
    path.write_bytes(b"not a database at all " * 300)
    code, _, err = run(capsys, "list", "--library", str(path))
    assert code != 0 and "not a SQLite database" in err
    assert path.read_bytes().startswith(b"not a database")


# -- the command line: backup, backups, restore, recover, check ---------------------------------------------------

def test_backup_damage_restore_and_every_highlight_back_from_the_command_line(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib_arg = ("--library", str(library_path))
    fill(library_path, articles=5)
    code, out, _ = run(capsys, "backup", *lib_arg)
    assert code == 0 and out[0]["verified"] and (out[0]["articles"], out[0]["highlights"]) == (5, 10)
    taken = out[0]["path"]
    # Annotations made after the backup: a new highlight, a new article, an edited note.
    code, added, _ = run(capsys, "highlight", *lib_arg, "--article", "2", "--quote", "peace treaty", "--note", "later")
    assert code == 0
    lib = open_library(str(library_path))
    late_id = lib.import_article(article(99)).id
    late_id_hl = lib.annotations.add(late_id, 0, 6, note="on the late article").id
    first = lib.annotations.list(1)[0]
    lib.annotations.update(first.id, note="edited after the backup")
    wanted = {(a.id, a.note) for a in lib.annotations.list(None)}
    lib.close()
    assert len(wanted) == 12

    on_damaged_pages = overwrite_middle(library_path, 16 * 1024)
    code, _, err = run(capsys, "list", *lib_arg)
    assert code != 0 and "newsdesk restore" in err and Path(taken).name in err

    code, out, err = run(capsys, "backups", *lib_arg)
    assert code != 0 and out[0]["path"] == taken and out[0]["verified"]

    code, out, err = run(capsys, "restore", *lib_arg)
    assert code == 0, err
    aside = Path(out[0]["previous"])
    assert aside.name.startswith("library.sqlite.damaged-") and aside.exists()
    assert out[0]["from"] == taken and (out[0]["articles"], out[0]["highlights"]) == (5, 10)
    assert "newsdesk recover" in err
    assert out[0]["recoverable"]["highlights_added"] == len({late_id_hl, added[0]["id"]} - on_damaged_pages)

    code, out, err = run(capsys, "recover", *lib_arg, "--from", str(aside))
    assert code == 0, err
    code, out, _ = run(capsys, "annotations", *lib_arg)
    got = {(a["id"], a["note"]) for a in out}
    # Every highlight made before the damage is back, except those whose rows were on the overwritten pages.
    assert {(i, n) for i, n in wanted if i not in on_damaged_pages} == got
    assert len(on_damaged_pages) <= 4
    code, out, _ = run(capsys, "check", *lib_arg)
    assert code == 0 and out[0]["status"] == "ok"
    assert stray_files(library_path.parent) == []


def test_restore_brings_back_every_highlight_when_the_damage_spares_them(library_path: Path) -> None:
    fill(library_path, articles=4)
    backup.make_backup(library_path, "manual")
    lib = open_library(str(library_path))
    text = lib.get_article(3).article.text
    late = lib.annotations.add(3, text.index("Moscow"), text.index("Moscow") + 6, note="after", tags=["late"])
    wanted = {(a.id, a.note, a.tags) for a in lib.annotations.list(None)}
    lib.close()
    conn = sqlite3.connect(library_path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    raw = bytearray(library_path.read_bytes())
    raw[28:32] = b"\x00\x00\x00\x01"  # the header's page count is wrong: damage SQLite reports, rows still readable
    raw[100:108] = b"\xff" * 8  # page 1's b-tree header overwritten: the file no longer opens
    library_path.write_bytes(bytes(raw))
    with pytest.raises(integrity.LibraryDamaged):
        open_library(str(library_path))
    done = restore.restore(library_path)
    assert done.was_damaged and done.aside is not None
    lib = open_library(str(library_path))
    try:
        assert late.id not in {a.id for a in lib.annotations.list(None)}
        report = restore.bring_back(lib, done.aside)
        # Page 1 holds the schema: SQL cannot read a row, the pages themselves still can.
        assert report.highlights_added == 1
        got = {(a.id, a.note, a.tags) for a in lib.annotations.list(None)}
        assert got == wanted
    finally:
        lib.close()


def test_recover_brings_back_highlights_articles_and_edits_made_after_the_backup(library_path: Path) -> None:
    fill(library_path, articles=3)
    backup.make_backup(library_path, "manual")
    lib = open_library(str(library_path))
    late_article = lib.import_article(article(50)).id
    late = lib.annotations.add(late_article, 0, 6, note="late", tags=["fresh", "t0"])
    edited = lib.annotations.list(1)[0]
    lib.annotations.update(edited.id, note="edited later")
    lib.set_article_note(2, "article note written later")
    wanted = {(a.id, a.note, a.tags, a.start, a.end) for a in lib.annotations.list(None)}
    lib.close()
    copy = library_path.with_name("copy.sqlite")  # a sound copy stands for the damaged file set aside
    backup.copy_database(library_path, copy)
    done = restore.restore(library_path)
    assert not done.was_damaged and done.aside is not None and ".replaced-" in done.aside.name
    lib = open_library(str(library_path))
    try:
        _found, offer = restore.recoverable(lib, copy)
        assert (offer.articles_added, offer.highlights_added, offer.highlights_updated) == (1, 1, 1)
        assert offer.article_notes_updated == 1
        assert late.id not in {a.id for a in lib.annotations.list(None)}  # the offer changed nothing
        report = restore.bring_back(lib, copy)
        assert report.record() == offer.record()
        got = {(a.id, a.note, a.tags, a.start, a.end) for a in lib.annotations.list(None)}
        assert got == wanted
        assert lib.get_article(2).note == "article note written later"
        assert [h.highlight_id for h in lib.search("late")] and lib.article_count() == 4
        assert restore.bring_back(lib, copy).anything is False  # a second time adds nothing
    finally:
        lib.close()


def test_restore_from_a_named_file_and_refusals(library_path: Path, capsys: pytest.CaptureFixture[str],
                                                 tmp_path: Path) -> None:
    code, _, err = run(capsys, "restore", "--library", str(library_path))
    assert code == 1 and "no verified backup" in err
    fill(library_path, articles=2)
    chosen = backup.make_backup(library_path, "manual")
    elsewhere = tmp_path / "kept.sqlite"
    elsewhere.write_bytes(chosen.read_bytes())
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"junk" * 100)
    code, _, err = run(capsys, "restore", "--library", str(library_path), "--from", str(junk))
    assert code == 1 and "cannot be restored" in err
    code, out, _ = run(capsys, "restore", "--library", str(library_path), "--from", str(elsewhere))
    assert code == 0 and out[0]["from"] == str(elsewhere) and ".replaced-" in out[0]["previous"]
    assert count(library_path, "highlights") == 4


def test_backup_commands_say_they_are_for_sqlite_files(capsys: pytest.CaptureFixture[str]) -> None:
    url = "postgresql+psycopg://reader:secret@db.example/newsdesk"
    for command in ("backup", "backups", "restore", "check"):
        code, _, err = run(capsys, command, "--library", url)
        assert code == 2 and "SQLite" in err and "pg_dump" in err and "secret" not in err


# -- backups: no partial files, never of a damaged library, generations --------------------------------------------

def test_backups_leave_no_partial_wal_or_shm_files(library_path: Path) -> None:
    fill(library_path, articles=2)
    lib = open_library(str(library_path))  # a live connection: the library has its own -wal and -shm
    try:
        made = backup.make_backup(library_path, "manual")
        files = sorted(p.name for p in backup.backup_dir(library_path).iterdir())
        assert files == sorted(p.name for p in backup.backups(library_path))
        assert made.name in files and not any(n.endswith(("-wal", "-shm", ".tmp")) or "partial" in n for n in files)
        info = backup.inspect(made, thorough=True)
        assert info.ok and (info.articles, info.highlights) == (2, 4)
        assert sorted(p.name for p in backup.backup_dir(library_path).iterdir()) == files  # inspecting adds none
    finally:
        lib.close()


def test_a_backup_that_fails_verification_leaves_nothing(library_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fill(library_path, articles=1)
    real = backup.inspect

    def failing(path: Path, **kw: bool) -> backup.BackupInfo:
        info = real(path, **kw)
        return backup.BackupInfo(info.path, info.taken, info.reason, 0, 0, "simulated failure")

    monkeypatch.setattr(backup, "inspect", failing)
    with pytest.raises(backup.BackupError, match="simulated failure"):
        backup.make_backup(library_path, "manual")
    assert list(backup.backup_dir(library_path).iterdir()) == []


def test_backup_of_a_damaged_library_is_refused(library_path: Path) -> None:
    fill(library_path, articles=3)
    overwrite_middle(library_path, 16 * 1024)
    with pytest.raises(backup.BackupError, match="damaged"):
        backup.make_backup(library_path, "manual")
    assert backup.backups(library_path) == []
    assert stray_files(library_path.parent) == []


def _simulate_days(path: Path, start: float, days: int) -> None:
    for day in range(1, days + 1):
        assert backup.backup_if_due(path, now=start + day * backup.DAY + 60) is not None


def test_an_emptied_library_and_eight_days_later_a_backup_still_holds_every_article(library_path: Path) -> None:
    fill(library_path, articles=6)
    start = time.time() + 60  # simulated days run ahead of the clock: no real daily backup interleaves
    full = backup.make_backup(library_path, now=start)
    lib = open_library(str(library_path))
    for summary in lib.list_articles():
        lib.delete_article(summary.id)
    assert lib.article_count() == 0
    lib.close()
    _simulate_days(library_path, start, 8)
    infos = backup.describe(library_path)
    assert len(infos) >= 8
    assert full in {i.path for i in infos}
    assert max(i.articles for i in infos) == 6


def test_a_shrunken_library_keeps_the_larger_older_backup_and_rotation_still_prunes(library_path: Path) -> None:
    fill(library_path, articles=5)
    start = time.time() + 60
    bigger = backup.make_backup(library_path, now=start)
    lib = open_library(str(library_path))
    for summary in lib.list_articles()[:4]:
        lib.delete_article(summary.id)
    lib.close()
    _simulate_days(library_path, start, 60)
    kept = backup.backups(library_path)
    assert bigger in kept  # larger than every newer backup
    assert len(kept) <= backup.KEEP + backup.KEEP + backup.KEEP_WEEKLY + backup.KEEP_MONTHLY + 2
    days = sorted({backup.taken_at(p).date() for p in kept})
    assert len(days) >= backup.KEEP  # the newest days, then weeks and months
