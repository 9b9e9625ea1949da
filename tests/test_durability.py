"""A highlight the library said it saved survives the process being killed at any moment."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from models.article import Article, Metadata, build_text
from models.store import open_library

WRITER = """
import sys
from models.store import open_library

lib = open_library(sys.argv[1])
article_id, length = int(sys.argv[2]), int(sys.argv[3])
i = 0
while True:
    start = (i * 7) % (length - 20)
    saved = lib.annotations.add(article_id, start, start + 1 + i % 19, note=f"note {i}", tags=[f"tag{i % 4}"])
    print(saved.id, flush=True)  # only after add() returned, i.e. after the commit
    i += 1
"""


@pytest.mark.slow
def test_every_reported_highlight_survives_sigkill(library_path: Path, sample_path: Path) -> None:
    text, blocks = build_text([("paragraph", sample_path.read_text(encoding="utf-8"))])
    lib = open_library(str(library_path))
    article_id = lib.import_article(Article("file:///sample.txt", "text", text, blocks, Metadata(title="t"))).id
    lib.close()
    rng = random.Random(20190122)
    reported: list[str] = []
    for _round in range(8):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(library_path), str(article_id), str(len(text))],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        assert writer.stdout is not None
        wanted = rng.randint(1, 60)
        for _ in range(wanted):
            line = writer.stdout.readline()
            assert line, writer.stderr.read() if writer.stderr else "writer ended"
            reported.append(line.strip())
        writer.send_signal(signal.SIGKILL)  # somewhere inside the next add(), most likely mid-transaction
        rest, _err = writer.communicate()
        reported.extend(x.strip() for x in rest.splitlines() if x.strip())
        assert writer.returncode == -signal.SIGKILL

    con = sqlite3.connect(library_path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = {row[0] for row in con.execute("SELECT id FROM highlights")}
        indexed = con.execute("SELECT count(*) FROM highlights_fts").fetchone()[0]
    finally:
        con.close()
    assert len(reported) >= 8 and len(set(reported)) == len(reported)
    assert set(reported) <= stored
    assert indexed == len(stored)  # the search index moved with every committed highlight, no more, no less
    lib = open_library(str(library_path))
    for hid in rng.sample(reported, 5):
        a = lib.annotations.get(hid)
        assert a.status == "anchored" and text[a.start : a.end] == a.exact
