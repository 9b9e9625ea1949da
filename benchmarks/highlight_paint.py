"""Applying 10,000 highlights to the reading view of a 1 MB article, beside a bare batch ``mergeCharFormat`` loop.

Both sides start from the same article laid out in its own ArticleView, in the same run:

- marks: ``HighlightMarks.set_annotations`` with N highlights, then one synchronous repaint of the viewport (what
  the reader sees change), then repaints at several scroll positions (what scrolling costs with N marks);
- floor: one QTextCursor edit block with undo off that merges a background format over the same N ranges, then one
  synchronous repaint (the cheapest way to put N highlights into a QTextDocument).

    python benchmarks/highlight_paint.py [-n 10000] [--size 1000000] [--seed 7]

Target: marks ≤ 1.3 × floor.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path
from types import SimpleNamespace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor  # noqa: E402

from gui.annotations.colors import Legend  # noqa: E402
from gui.annotations.marks import HighlightMarks  # noqa: E402
from gui.app import configure_application  # noqa: E402
from gui.article_view import ArticleView  # noqa: E402
from models.article import Article, Metadata, build_text  # noqa: E402

SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "samples" / "abe-putin-summit-2019-01-23.txt"
TARGET_RATIO = 1.3


def big_article(size: int) -> Article:
    lines = [line.strip() for line in SAMPLE.read_text(encoding="utf-8").splitlines() if len(line.strip()) > 80]
    parts: list[tuple[str, str]] = [("title", "A long article")]
    total = 0
    while total < size:
        for line in lines:
            parts.append(("paragraph", line))
            total += len(line) + 1
            if total >= size:
                break
    text, blocks = build_text(parts)
    return Article("bench.txt", "text", text, blocks, Metadata(title="A long article"))


def highlights(text: str, n: int, seed: int) -> list[SimpleNamespace]:
    rng = random.Random(seed)
    keys = Legend().keys()
    out = []
    for i in range(n):
        start = rng.randrange(0, len(text) - 100)
        end = start + rng.randrange(5, 90)
        out.append(SimpleNamespace(id=f"h{i}", start=start, end=end, color=keys[i % len(keys)],
                                   note="a note" if i % 10 == 0 else "", status="anchored"))
    return out


def view_for(article: Article, faces: object) -> ArticleView:
    view = ArticleView(faces)  # type: ignore[arg-type]
    view.resize(1000, 800)
    view.set_article(article)
    view.show()
    view.document().size()  # finish the layout before timing
    view.viewport().repaint()
    return view


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=10_000)
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    app, faces, _theme = configure_application()
    article = big_article(args.size)
    marks_data = highlights(article.text, args.n, args.seed)
    print(f"article: {len(article.text):,} characters in {len(article.blocks):,} blocks; {args.n:,} highlights")

    view = view_for(article, faces)
    marks = HighlightMarks(view, Legend())
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)
    app.processEvents()
    t0 = time.perf_counter()
    marks.set_annotations(marks_data)
    view.viewport().repaint()
    ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    marks.set_annotations(marks_data[1:])  # what an undo or a re-import costs once the interpreter is warm
    view.viewport().repaint()
    again = time.perf_counter() - t0
    bar = view.verticalScrollBar()
    frames = []
    for k in range(1, 21):
        bar.setValue(bar.maximum() * k // 21)
        t1 = time.perf_counter()
        view.viewport().repaint()
        frames.append(time.perf_counter() - t1)
    painted = len(marks._painted)

    floor_view = view_for(article, faces)
    floor_view.verticalScrollBar().setValue(floor_view.verticalScrollBar().maximum() // 2)
    app.processEvents()
    offsets = floor_view.offsets
    fmt = QTextCharFormat()
    fmt.setBackground(QColor("#FBEDB2"))
    doc = floor_view.document()
    t0 = time.perf_counter()
    doc.setUndoRedoEnabled(False)
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    for h in marks_data:
        cursor.setPosition(offsets.to_qt(h.start))
        cursor.setPosition(offsets.to_qt(h.end), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)
    cursor.endEditBlock()
    floor_view.viewport().repaint()
    floor = time.perf_counter() - t0

    ratio = ours / floor
    print(f"marks: apply {args.n:,} + first paint   {ours * 1000:8.1f} ms")
    print(f"marks: re-apply {args.n - 1:,} + paint (warm)  {again * 1000:8.1f} ms")
    print(f"floor: mergeCharFormat batch + paint  {floor * 1000:8.1f} ms")
    print(f"ratio: {ratio:.2f}x (target <= {TARGET_RATIO}x) {'OK' if ratio <= TARGET_RATIO else 'OVER'}")
    print(f"scrolling with {args.n:,} marks: paint p50 {statistics.median(frames) * 1000:.1f} ms, "
          f"max {max(frames) * 1000:.1f} ms over {len(frames)} positions ({painted} shapes in the last frame)")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    raise SystemExit(main())
