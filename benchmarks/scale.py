"""Newsdesk on a library of 10,000 and 100,000 articles: import throughput, and the time of every library-wide
feature as a whole command-line process, beside a trivial command on the same library.

How the libraries are made (said again in the output):
- ``--distinct`` seed-like text dumps (title, date line, publisher, byline, dateline, 4–9 paragraphs drawn at random
  from the shared corpora in ``../shared/benchmarks``: MEANTIME, GUM and the article-extraction ground truth) with
  publication dates spread over 2015–2024;
- they are imported and analysed once with ``newsdesk import`` (timed: the import throughput, with ``--jobs 1`` and
  ``--jobs N`` when the command has that option, on those few hundred files, not on 100,000);
- the big libraries are shifted copies of those analysed articles (another source and title, the publication date
  and every dated event moved by the same whole number of years) written through the store's own write path in
  bulk, because analysing 100,000 articles with spaCy takes hours on a 2-core machine.

Then, per size: ``search`` of a common word, ``list``, the entity index, the dossier of the most widespread
person, the library timeline (whole, and for one entity), each as a whole process (interpreter start included),
the median of ``--runs``; "over trivial" is the median difference with a trivial command (``annotations --article
1``) on the same library, the two run alternately. Where the command line has no such command (the code before the
index tables), the same library call is run as ``python -c`` instead. First paint of the reader (``newsdesk
--screenshot``, the ``article-painted`` mark) and its peak RSS, beside a one-article library.

    python benchmarks/scale.py [--sizes 10000 100000] [--distinct 150] [--library-base postgresql+psycopg://...]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = next((p / "shared" / "benchmarks" for p in (ROOT.parent, ROOT.parent.parent)
               if (p / "shared" / "benchmarks").is_dir()), ROOT.parent / "shared" / "benchmarks")
PUBLISHERS = ["Mainichi", "The Harbour Times", "Daily Ledger", "Wire Service", "Evening Courier", "Metro Post"]
SECTIONS = ["INTERNATIONAL > Europe & Eurasia", "POLITICS > Government", "BUSINESS > Markets", "WORLD > Asia",
            "SCIENCE & CULTURE", "SOCIETY > Courts"]
SURNAMES = ["Akiyama", "Omae", "Bailey", "Moreno", "Okafor", "Lindqvist", "Haddad", "Novak", "Castillo", "Ito"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MARK = re.compile(r"^startup-mark (\S+) (\d+(?:\.\d+)?)$", re.MULTILINE)
DATABASE_PREFIX = "newsdesk_scale_"  # of the PostgreSQL databases made (--database-prefix)
sys.path.insert(0, str(ROOT))  # the code under test, also for the libraries written in this process


# -- the synthetic articles --------------------------------------------------------------------------------------


def corpus_paragraphs() -> list[str]:
    out: list[str] = []
    for name in ("meantime/meantime-dev.jsonl", "gum/gum-dev.jsonl"):
        path = SHARED / name
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                text = json.loads(line)["text"]
                out.extend(_paragraphs(text.split("\n"), join=3))
    truth = SHARED / "article-extraction" / "ground-truth.json"
    if truth.exists():
        for page in json.loads(truth.read_text(encoding="utf-8")).values():
            out.extend(_paragraphs(str(page.get("articleBody", "")).split("\n"), join=1))
    english = (p for p in out if sum(c.isascii() for c in p) >= 0.97 * len(p))  # the analyser reads English
    return list(dict.fromkeys(p for p in english if 120 <= len(p) <= 1500))


def _paragraphs(lines: list[str], join: int) -> list[str]:
    lines = [" ".join(x.split()) for x in lines if len(x.split()) >= 6]
    return [" ".join(lines[i : i + join]) for i in range(0, len(lines), join)]


def seed_like_dump(rng: random.Random, paragraphs: list[str], day: date) -> str:
    body = rng.sample(paragraphs, rng.randint(4, 9))
    words = body[0].split()
    title = " ".join(words[: rng.randint(6, 11)]).rstrip(",.;:") or "Untitled"
    city = rng.choice(["MOSCOW", "TOKYO", "LONDON", "NAIROBI", "LIMA", "OSLO"])
    return "\n".join([
        "Print PRINT", "", rng.choice(SECTIONS), "", title, "",
        f"  • {MONTHS[day.month - 1]} {day.day}, {day.year}",
        f"  • , {rng.choice(PUBLISHERS)} , p. {rng.randint(1, 24)}", "",
        f"By {rng.choice(['Ana', 'Ken', 'Lea', 'Omar', 'Sofia'])} {rng.choice(SURNAMES)}", "", "",
        f"{city} – {body[0]}", "", "",
        *[p + "\n\n" for p in body[1:]],
    ])


def write_dumps(folder: Path, count: int, seed: int) -> list[Path]:
    rng = random.Random(seed)
    paragraphs = corpus_paragraphs()
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(count):
        day = date.fromordinal(rng.randint(date(2015, 1, 1).toordinal(), date(2024, 12, 31).toordinal()))
        path = folder / f"article-{i:04d}-{day.isoformat()}.txt"
        path.write_text(seed_like_dump(rng, paragraphs, day), encoding="utf-8")
        out.append(path)
    return out


# -- processes -----------------------------------------------------------------------------------------------------


def newsdesk_cmd() -> list[str]:
    return [sys.executable, "-c", "import sys; from gui.launcher import main; sys.exit(main())"]


def run_process(cmd: list[str], env: dict[str, str], check: bool = True) -> tuple[float, int, str, str]:
    """Wall seconds, peak RSS (KiB), stdout, stderr of one whole process."""
    t = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=err)
        _pid, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    if check and proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:6])}… failed ({proc.returncode}): {stderr.strip()[-400:]}")
    return elapsed, usage.ru_maxrss, stdout, stderr


def import_files(
    library: str, files: list[Path], jobs: int | None, env: dict[str, str]
) -> tuple[float, int, list[str]]:
    """Seconds, articles imported, files left out: a file on which the process stops (an analyser crash) is
    skipped and the import goes on with the files after it."""
    total, imported, skipped = 0.0, 0, []
    todo = list(files)
    while todo:
        cmd = [*newsdesk_cmd(), "import", "--library", library, *(["--jobs", str(jobs)] if jobs else []),
               *map(str, todo)]
        elapsed, _rss, out, err = run_process(cmd, env, check=False)
        total += elapsed
        done = {json.loads(line).get("source") for line in out.splitlines() if line.startswith("{")}
        imported += len(done)
        rest = [f for f in todo if str(f) not in done]
        if not rest or "Traceback" not in err:
            skipped += [str(f) for f in rest]
            break
        skipped.append(str(rest[0]))
        print(f"  the import stopped on {rest[0].name}: {err.strip().splitlines()[-1][:160]}", file=sys.stderr)
        todo = rest[1:]
    return total, imported, skipped


def cli_commands(env: dict[str, str]) -> set[str]:
    _t, _r, out, _e = run_process([*newsdesk_cmd(), "--help"], env)
    return set(re.findall(r"^\s{4}(\S+)", out, re.MULTILINE))


def timeline_help(env: dict[str, str]) -> str:
    return run_process([*newsdesk_cmd(), "timeline", "--help"], env, check=False)[2]


def import_help(env: dict[str, str]) -> str:
    return run_process([*newsdesk_cmd(), "import", "--help"], env)[2]


# The same library calls for code whose command line has no such command (before the index tables).
FALLBACK = {
    "entities": "from models.store import open_library; from models.store.entities import EntityStore\n"
                "import json, sys; lib = open_library(sys.argv[1])\n"
                "for e in EntityStore(lib).library_index(): print(json.dumps(e._asdict()))",
    "dossier": "from models.store import open_library; from models.store.entities import EntityStore\n"
               "import json, sys; lib = open_library(sys.argv[1])\n"
               "d = EntityStore(lib).dossier(sys.argv[2], sys.argv[3])\n"
               "for a in d.articles: print(json.dumps({'article': a.article_id, 'mentions': len(a.mentions)}))",
    "timeline": "from models.store import open_library; from models.timeline_query import library_timeline\n"
                "import json, sys; lib = open_library(sys.argv[1])\n"
                "t = library_timeline(lib, entity=sys.argv[2] if len(sys.argv) > 2 else None)\n"
                "for g in t.groups: print(json.dumps({'first': str(g.first_day), 'n': len(g.mentions)}))",
}


def operation(name: str, library: str, args: list[str], commands: set[str]) -> list[str]:
    if name in commands:
        if name == "dossier":
            return [*newsdesk_cmd(), "dossier", "--library", library, args[0], "--type", args[1]]
        if name == "timeline":
            return [*newsdesk_cmd(), "timeline", "--library", library, *(["--entity", args[0]] if args else [])]
        return [*newsdesk_cmd(), name, "--library", library, *args]
    return [sys.executable, "-c", FALLBACK[name], library, *args]


# -- libraries ------------------------------------------------------------------------------------------------------


def fresh_library(base: str | None, name: str, work: Path) -> str:
    if not base:
        path = work / f"{name}.sqlite"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return str(path)
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    database = f"{DATABASE_PREFIX}{name}".replace("-", "_")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{database}"'))
    admin.dispose()
    return make_url(base).set(database=database).render_as_string(hide_password=False)


def _shift_iso(value: str, years: int) -> str:
    m = re.match(r"^(\d{4})(.*)$", value)
    if not m:
        return value
    year = int(m.group(1)) + years
    rest = m.group(2)
    if rest.startswith("-02-29"):
        rest = "-02-28" + rest[6:]
    return f"{year:04d}{rest}"


def shifted(article: Any, analysis: Any, i: int, years: int) -> tuple[Any, Any]:
    """A copy of an analysed article under another source and title, its dates moved by ``years``."""
    from models.analysis.types import TimelineEvent

    meta = article.metadata
    meta = replace(meta, title=f"{meta.title} ({i})",
                   published=_shift_iso(meta.published, years) if meta.published else None)
    copy = replace(article, source=f"synthetic:copy/{i}", metadata=meta)
    timexes = {t: replace(t, value=_shift_iso(t.value, years)) for t in analysis.timexes}
    events = tuple(
        TimelineEvent(timexes.get(ev.timex, ev.timex), ev.sentence_start, ev.sentence_end, ev.label, ev.entities,
                      ev.precision, _shift_iso(ev.interval_start, years), _shift_iso(ev.interval_end, years),
                      ev.planned)
        for ev in analysis.events
    )
    return copy, replace(analysis, timexes=tuple(timexes.values()), events=events)


def build_copies(base_url: str, url: str, size: int, seed: int) -> float:
    """Write ``size`` shifted copies of the base library's analysed articles; seconds taken."""
    from models.analysis import ANALYZER_VERSION
    from models.analysis.serialize import to_dict
    from models.store import open_library
    from models.store.article_rows import fill_row
    from models.store.schema import AnalysisRow, ArticleRow

    base = open_library(base_url)
    items = []
    for summary in base.list_articles():
        analysis = base.load_analysis(summary.id, ANALYZER_VERSION)
        if analysis is not None:
            items.append((base.get_article(summary.id).article, analysis))
    base.close()
    if not items:
        raise RuntimeError("the base library has no analysed article")
    rng = random.Random(seed)
    lib = open_library(url)
    try:  # the store's batch write path (articles, analyses and their index rows), where it has one
        from models.store.library_index import import_analysed

        def bulk(pairs: list[tuple[Any, Any]]) -> None:
            import_analysed(lib, pairs)
    except ImportError:
        bulk = None  # type: ignore[assignment]
    t = time.perf_counter()
    batch: list[tuple[Any, Any]] = []
    for i in range(size):
        article, analysis = items[i % len(items)]
        batch.append(shifted(article, analysis, i, rng.randint(-4, 4)))
        if len(batch) == 1000 or i == size - 1:
            if bulk is not None:
                bulk(batch)
            else:
                import uuid

                with lib.writing() as s:
                    for art, an in batch:
                        row = ArticleRow(uid=str(uuid.uuid4()), source=art.source, kind=art.kind, note="")
                        fill_row(row, art)
                        s.add(row)
                        s.flush()
                        s.add(AnalysisRow(article_id=row.id, text_hash=an.text_hash, version=an.version,
                                          data=to_dict(an)))
            batch = []
            print(f"  … {i + 1:,} / {size:,} written", file=sys.stderr, flush=True)
    lib.close()
    return time.perf_counter() - t


def widespread_person(url: str) -> tuple[str, str]:
    """The person of the most articles, as the entity index ranks them (whatever analyser version filled it)."""
    from models.store import open_library
    from models.store.entities import EntityStore

    lib = open_library(url)
    try:
        top = EntityStore(lib).library_index("PERSON", 1)
    finally:
        lib.close()
    return (top[0].name, "PERSON") if top else ("Nobody", "PERSON")


# -- the measurements -------------------------------------------------------------------------------------------------


def paired_times(cmd: list[str], trivial: list[str], env: dict[str, str], runs: int) -> tuple[float, float, float]:
    """``cmd`` and the trivial command run alternately (trivial, cmd, trivial, cmd, …), so that the load of a shared
    machine weighs on both alike: the medians of each, and the median of the differences run by run."""
    times, base = [], []
    for _ in range(runs):
        base.append(run_process(trivial, env)[0])
        times.append(run_process(cmd, env)[0])
    return (statistics.median(times), statistics.median(base),
            statistics.median(t - b for t, b in zip(times, base, strict=True)))


def median_time(cmd: list[str], env: dict[str, str], runs: int) -> tuple[float, int]:
    times, rss = [], 0
    for _ in range(runs):
        elapsed, peak, _o, _e = run_process(cmd, env)
        times.append(elapsed)
        rss = max(rss, peak)
    return statistics.median(times), rss


def first_paint(library: str, env: dict[str, str], runs: int, work: Path) -> tuple[float, int]:
    paint_env = dict(env, NEWSDESK_STARTUP_MARKS="1", QT_QPA_PLATFORM=env.get("QT_QPA_PLATFORM", "offscreen"),
                     XDG_CONFIG_HOME=str(work / "config"))
    marks, rss = [], 0
    for _ in range(runs):
        started = time.time()
        _t, peak, _o, err = run_process([*newsdesk_cmd(), "--library", library, "--screenshot",
                                         str(work / "shot.png")], paint_env)
        found = dict(MARK.findall(err))
        if "article-painted" in found:
            marks.append(float(found["article-painted"]) - started)
        rss = max(rss, peak)
    return (statistics.median(marks) if marks else float("nan")), rss


def paired_paints(big: str, one: str, env: dict[str, str], runs: int, work: Path) -> tuple[float, int, float, int]:
    """First paint and peak RSS of the reader on ``big`` and on ``one``, their runs alternating (one, big, one,
    big, …), each library opened once before (the first open of a library also takes its daily backup). Medians of
    the paints; the RSS is the largest of the runs."""
    first_paint(big, env, 1, work)
    first_paint(one, env, 1, work)
    big_paints, one_paints, big_rss, one_rss = [], [], 0, 0
    for _ in range(runs):
        t, r = first_paint(one, env, 1, work)
        one_paints.append(t)
        one_rss = max(one_rss, r)
        t, r = first_paint(big, env, 1, work)
        big_paints.append(t)
        big_rss = max(big_rss, r)
    return statistics.median(big_paints), big_rss, statistics.median(one_paints), one_rss


def kept_library(base: str | None, name: str, work: Path) -> str | None:
    """The library ``name`` an earlier run left (a SQLite file in ``work``, or a PostgreSQL database beside
    ``base``), when it holds articles; else None."""
    if not base:
        path = str(work / f"{name}.sqlite")
        return path if rows_exist(path) else None
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    url = make_url(base).set(database=f"{DATABASE_PREFIX}{name}".replace("-", "_")).render_as_string(
        hide_password=False)
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return url if conn.execute(text("SELECT count(*) FROM articles")).scalar() else None
    except SQLAlchemyError:
        return None
    finally:
        engine.dispose()


def rows_exist(path: str) -> bool:
    """Whether a SQLite library kept from an earlier run is there, with articles in it."""
    import sqlite3

    if not Path(path).exists():
        return False
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            return bool(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return False


def wanted(ops: list[str] | None, label: str) -> bool:
    return ops is None or any(word.casefold() in label.casefold() for word in ops)


def main() -> int:
    global DATABASE_PREFIX
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--distinct", type=int, default=150, help="distinct articles analysed (default 150)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="N of the --jobs N import figure")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--slow-runs", type=int, default=1,
                    help="runs of an operation taking over 5 s more than the trivial command")
    ap.add_argument("--library-base", help="a PostgreSQL admin URL: build the libraries there instead of SQLite")
    ap.add_argument("--workdir", type=Path, help="keep the files and libraries here (default: a temporary folder)")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--reuse", action="store_true",
                    help="keep the libraries an earlier run left (SQLite files in --workdir, or the PostgreSQL "
                         "databases) instead of building them again; the import throughput is then not measured")
    ap.add_argument("--database-prefix", default=DATABASE_PREFIX,
                    help="name of the PostgreSQL databases before the library's name (default %(default)s): two "
                         "sets of libraries side by side, e.g. copies of the same ones at two schema revisions")
    ap.add_argument("--ops", nargs="+", metavar="WORD",
                    help="only the operations whose name contains one of these words (e.g. timeline dossier)")
    args = ap.parse_args()
    DATABASE_PREFIX = args.database_prefix
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env.setdefault("NEWSDESK_AUTHOR", "Benchmark")
    tmp = None
    if args.workdir is None:
        tmp = tempfile.TemporaryDirectory(prefix="newsdesk-scale-")
        work = Path(tmp.name)
    else:
        work = args.workdir
        work.mkdir(parents=True, exist_ok=True)
    env["XDG_CONFIG_HOME"] = str(work / "config")
    database = "PostgreSQL" if args.library_base else "SQLite"
    commands = cli_commands(env)
    jobs_option = "--jobs" in import_help(env)

    print(f"# Newsdesk at scale ({database}, code {ROOT})")
    print(f"{args.distinct} distinct seed-like dumps with paragraphs drawn at random from {SHARED}, dated "
          "2015–2024, imported and analysed with `newsdesk import`; the big libraries are shifted copies of them "
          "(dates moved by whole years) written through the store's write path in bulk, not analysed one by one.")
    files = write_dumps(work / "dumps", args.distinct, args.seed)

    # -- import throughput (on the distinct files only) --
    rows = []
    reuse = args.reuse and args.workdir is not None
    base = kept_library(args.library_base, "base", work) if reuse else None
    job_runs = list(dict.fromkeys([1, args.jobs] if jobs_option else [None]))
    if base is None:
        base = fresh_library(args.library_base, "base", work)
    else:
        job_runs = []
    for jobs in job_runs:
        target = base if jobs in (1, None) else fresh_library(args.library_base, f"jobs{jobs}", work)
        elapsed, imported, skipped = import_files(target, files, jobs, env)
        label = f"--jobs {jobs}" if jobs else "(no --jobs option: one process)"
        note = f" ({len(skipped)} left out: the analyser stopped on them)" if skipped else ""
        rows.append((f"import {label}, {imported} of {len(files)} files{note}", f"{elapsed:.1f} s",
                     f"{imported / elapsed:.2f} files/s"))
    if jobs_option and len(rows) == 2:
        a = float(rows[0][2].split()[0])
        b = float(rows[1][2].split()[0])
        rows.append((f"speed-up --jobs {args.jobs} / --jobs 1", f"{b / a:.2f}×", ""))
    print("\n## Import throughput\n| run | time | throughput |\n|---|---|---|")
    for r in rows:
        print(f"| {r[0]} | {r[1]} | {r[2]} |")

    name, type_ = widespread_person(base)
    one = kept_library(args.library_base, "one", work) if reuse else None
    if one is None:
        one = fresh_library(args.library_base, "one", work)
        run_process([*newsdesk_cmd(), "import", "--library", one, str(files[0])], env)

    for size in args.sizes:
        kept = kept_library(args.library_base, f"lib{size}", work) if reuse else None
        if kept is not None:
            url, built = kept, 0.0
        else:
            url = fresh_library(args.library_base, f"lib{size}", work)
            built = build_copies(base, url, size, args.seed + size)
        trivial_cmd = [*newsdesk_cmd(), "annotations", "--library", url, "--article", "1"]
        trivial, _ = median_time(trivial_cmd, env, args.runs)
        ops = [
            ("search 'government' (common word)", [*newsdesk_cmd(), "search", "--library", url, "government"]),
            ("list", [*newsdesk_cmd(), "list", "--library", url]),
            ("entity index", operation("entities", url, [], commands)),
            (f"dossier of {name}", operation("dossier", url, [name, type_], commands)),
            ("library timeline (all)", operation("timeline", url, [], commands)),
            (f"library timeline ({name})", operation("timeline", url, [name], commands)),
        ]
        if "--counts" in timeline_help(env):  # what the reader's library timeline reads: counts, then a window
            ops += [
                ("library timeline, counts per date (the reader's overview)",
                 [*newsdesk_cmd(), "timeline", "--library", url, "--counts"]),
                (f"library timeline, counts per date ({name})",
                 [*newsdesk_cmd(), "timeline", "--library", url, "--counts", "--entity", name]),
                ("library timeline, one month's events (the reader's window)",
                 [*newsdesk_cmd(), "timeline", "--library", url, "--since", "2019-03", "--until", "2019-03"]),
            ]
        print(f"\n## {size:,} articles ({database}; written in {built:.0f} s)")
        print(f"Each operation's runs alternate with the trivial command's (`annotations --article 1`, "
              f"{trivial * 1000:.0f} ms alone): \"over\" is the median of the differences run by run.")
        print("| operation | whole process | trivial command, same runs | over the trivial command | output |\n"
              "|---|---|---|---|---|")
        for label, cmd in ops:
            if not wanted(args.ops, label):
                continue
            first, _peak, out, _err = run_process(cmd, env)
            slow = first - trivial > 5  # the operation itself, not the machine's load: one run is enough
            value, alone, over = (first, trivial, first - trivial) if slow else paired_times(
                cmd, trivial_cmd, env, args.runs)
            size = f"{out.count(chr(10)):,} lines, {len(out.encode()) / 1e6:.1f} MB"  # what the time bought
            print(f"| {label} | {value * 1000:,.0f} ms | {alone * 1000:,.0f} ms | {over * 1000:+,.0f} ms | {size} |",
                  flush=True)
        if not wanted(args.ops, "reader"):
            continue
        # the one-article library again, its runs alternating with these: the machine's load moves both alike
        paint, rss, paint_one, rss_one = paired_paints(url, one, env, args.runs, work)
        print(f"| reader: first paint (article-painted) | {paint * 1000:,.0f} ms | "
              f"{paint / paint_one:.2f}× the one-article library ({paint_one * 1000:,.0f} ms) |")
        print(f"| reader: peak RSS | {rss / 1024:,.0f} MB | {rss / rss_one:.2f}× the one-article library "
              f"({rss_one / 1024:,.0f} MB) |", flush=True)
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
