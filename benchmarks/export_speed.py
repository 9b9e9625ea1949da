"""Export speed: 10,000 highlights (with notes and tags) over 20 articles, rendered in every format.

Prints, per format, wall time, output size, the Python heap's peak (tracemalloc, a second run) and the growth of
the process's resident memory (which also counts Qt's for PDF); then reading and importing the JSON-LD back
into a library that holds the same articles.

    python benchmarks/export_speed.py [--highlights 10000] [--articles 20] [--skip-pdf] [--skip-import]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from types import MappingProxyType

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.analysis import ANALYZER_VERSION  # noqa: E402
from models.analysis.types import Analysis, Entity, Mention, TimelineEvent, Timex  # noqa: E402
from models.article import Article, Metadata, build_text, text_hash  # noqa: E402
from models.export import ExportBundle, ExportOptions, render  # noqa: E402
from models.export.bundle import DEFAULT_COLORS  # noqa: E402
from models.store.records import Annotation, StoredArticle  # noqa: E402

SENTENCE = ("On {d} March 2019 the minister of Ruritania met {who} in Strelsau to discuss the treaty, "
            "and the talks — “frank”, said one aide — ran late into the night. ")
PEOPLE = ("Rudolf Elphberg", "Flavia Strelsau", "Michael Hentzau", "Antoinette de Mauban")


def make_article(n: int, paragraphs: int) -> StoredArticle:
    parts = [("title", f"Treaty talks, day {n}: Ruritania and its neighbours")]
    for p in range(paragraphs):
        parts.append(("paragraph", "".join(SENTENCE.format(d=1 + (p + k) % 28, who=PEOPLE[(p + k) % 4])
                                           for k in range(3))))
    text, blocks = build_text(parts)
    meta = Metadata(title=parts[0][1], authors=("A. Writer",), published="2019-03-01", publisher="The Gazette",
                    url=f"https://news.example.org/{n}")
    now = datetime(2024, 1, 1)
    return StoredArticle(n, f"00000000-0000-4000-8000-{n:012d}", Article(meta.url, "html", text, blocks, meta),
                         "An article note with **Markdown**.", now, now)


def make_annotations(stored: StoredArticle, count: int, first: int) -> list[Annotation]:
    text = stored.article.text
    colors = [c.key for c in DEFAULT_COLORS]
    out = []
    step = max(1, (len(text) - 200) // max(1, count))
    for k in range(count):
        start = 50 + k * step
        end = min(len(text), start + 40 + (k % 5) * 30)
        when = datetime(2024, 1, 1) + timedelta(minutes=first + k)
        out.append(Annotation(f"00000000-0000-4000-9000-{first + k:012d}", stored.id, start, end, text[start:end],
                              text[max(0, start - 32) : start], text[end : end + 32], colors[k % len(colors)],
                              f"Note {first + k}: *why* this matters — see <https://example.org/{k}>" if k % 2
                              else "", (f"topic{k % 7}", "treaty") if k % 3 else (), "Benchmark Reader", when,
                              when, "anchored"))
    return out


def make_analysis(stored: StoredArticle) -> Analysis:
    text = stored.article.text
    entities = []
    for name in PEOPLE:
        mentions, i = [], text.find(name)
        while i >= 0:
            mentions.append(Mention(i, i + len(name), name))
            i = text.find(name, i + 1)
        entities.append(Entity(name, "PERSON", tuple(mentions)))
    events = []
    i = text.find(" March 2019")
    while i >= 0 and len(events) < 200:
        s = text.rfind("On ", 0, i)
        day = text[s + 3 : i]
        value = f"2019-03-{int(day):02d}"
        timex = Timex(s + 3, i + 11, text[s + 3 : i + 11], "DATE", value)
        events.append(TimelineEvent(timex, s, text.find(". ", i) + 1, "the minister met", (), "day", value, value,
                                    False))
        i = text.find(" March 2019", i + 1)
    return Analysis(ANALYZER_VERSION, text_hash(text), tuple(entities), tuple(e.timex for e in events),
                    tuple(events))


def make_bundle(highlights: int, articles: int) -> ExportBundle:
    per = highlights // articles
    paragraphs = max(30, per // 4)
    stored = [make_article(n + 1, paragraphs) for n in range(articles)]
    anns: list[Annotation] = []
    for s in stored:
        anns += make_annotations(s, per, len(anns))
    analyses = MappingProxyType({s.id: make_analysis(s) for s in stored})
    return ExportBundle(tuple(stored), tuple(anns), DEFAULT_COLORS, analyses, datetime(2024, 6, 1))


def measure(fn: Callable[[], bytes | int]) -> tuple[float, int, float, float]:
    """Seconds, size, Python heap peak (MB) and resident-memory growth (MB)."""
    proc = psutil.Process()
    gc.collect()
    rss0 = proc.memory_info().rss
    t0 = time.perf_counter()
    out = fn()
    seconds = time.perf_counter() - t0
    rss = (proc.memory_info().rss - rss0) / 1e6
    size = out if isinstance(out, int) else len(out)
    del out
    gc.collect()
    tracemalloc.start()
    again = fn()
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    del again
    return seconds, size, peak, rss


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--highlights", type=int, default=10_000)
    ap.add_argument("--articles", type=int, default=20)
    ap.add_argument("--skip-pdf", action="store_true")
    ap.add_argument("--skip-import", action="store_true")
    args = ap.parse_args()
    bundle = make_bundle(args.highlights, args.articles)
    chars = sum(len(s.article.text) for s in bundle.articles)
    print(f"{len(bundle.annotations)} highlights over {len(bundle.articles)} articles ({chars:,} characters)")
    runs: list[tuple[str, str, ExportOptions]] = [
        ("markdown", "markdown", ExportOptions()),
        ("markdown by colour", "markdown", ExportOptions(group_by="color")),
        ("html", "html", ExportOptions()),
        ("html + marked text", "html", ExportOptions(full_text=True)),
        ("jsonld", "jsonld", ExportOptions()),
        ("csv full", "csv", ExportOptions()),
        ("csv readwise", "csv", ExportOptions(csv_flavor="readwise")),
        ("timelinejs", "timelinejs", ExportOptions()),
        ("brief markdown", "markdown", ExportOptions(brief=True)),
        ("brief html", "html", ExportOptions(brief=True)),
    ]
    if not args.skip_pdf:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from gui.pdf_export import install

        install()
        runs.append(("pdf", "pdf", ExportOptions()))
    print(f"{'format':<20} {'seconds':>8} {'MB out':>8} {'py peak MB':>11} {'RSS +MB':>8}")
    jsonld = b""
    for label, fmt, options in runs:
        seconds, size, peak, rss = measure(lambda fmt=fmt, options=options: render(fmt, bundle, options))
        print(f"{label:<20} {seconds:>8.2f} {size / 1e6:>8.2f} {peak:>11.1f} {rss:>8.1f}", flush=True)
        if fmt == "jsonld":
            jsonld = render(fmt, bundle, options)
    if not args.skip_import:
        from models.interchange import import_annotations, read_annotations
        from models.store import open_library

        seconds, size, peak, rss = measure(lambda: len(read_annotations(jsonld)))
        print(f"{'read jsonld':<20} {seconds:>8.2f} {size:>8} {peak:>11.1f} {rss:>8.1f}  (annotations)")
        with tempfile.TemporaryDirectory() as tmp:
            lib = open_library(str(Path(tmp) / "bench.sqlite"))
            for s in bundle.articles:
                lib.import_article(s.article)
            t0 = time.perf_counter()
            report = import_annotations(lib, jsonld)
            seconds = time.perf_counter() - t0
            print(f"{'import jsonld':<20} {seconds:>8.2f}  {json.dumps(report.summary())}")
            lib.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
