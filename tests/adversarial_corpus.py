"""Hostile input files, generated on demand (nothing large is committed), and a runner that passes each one through
``newsdesk import``, ``extract`` and ``analyze`` in a child process with a time limit, measuring its peak memory.

Shared by ``tests/test_adversarial_cli.py`` (which asserts on every outcome) and ``benchmarks/adversarial.py`` (which
prints the table asked for in the reliability issue).
"""

from __future__ import annotations

import ctypes
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

MB = 1024 * 1024
TIME_LIMIT = 60.0  # seconds per command
MEMORY_LIMIT = 2 * 1024 * MB  # bytes of peak resident memory per command
COMMANDS = ("extract", "import", "analyze")

PARAGRAPH = (
    "MOSCOW – On Jan. 22, Prime Minister Shinzo Abe held his 25th meeting with Russian President Vladimir Putin "
    "to make progress on a peace treaty. Eight days later, the foreign ministers met again in Tokyo."
)


ADDRESS_SPACE = 4 * 1024 * MB  # every child is stopped here, so that a runaway cannot starve the machine
_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 1, 2


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], Path]  # writes the case into the folder given, returns the path to pass
    bound_by_modes: bool = False  # run without root's power to read any file whatever its mode


def limit_child() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def limit_child_bound_by_modes() -> None:
    """Root reads a file whatever its mode through two capabilities; without them (dropped from the bounding set
    before ``exec``, so the new program cannot regain them) it is refused like anyone else."""
    limit_child()
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "cannot drop the capability to bypass file modes")


def can_bind_by_modes() -> bool:
    """Whether :func:`limit_child_bound_by_modes` works here (a container may refuse to drop capabilities)."""
    code, *_ = run_limited(["true"], limit=10, preexec=limit_child_bound_by_modes)
    return code == 0


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _article(paragraphs: int = 3) -> str:
    return "Summit ends without a deal\n\n" + "\n\n".join([PARAGRAPH] * paragraphs) + "\n"


def _html(body: str, head: str = "") -> str:
    return (
        f"<!doctype html><html lang=en><head><meta charset=utf-8><title>Summit ends without a deal</title>{head}"
        f"</head><body><article><h1>Summit ends without a deal</h1>{body}</article></body></html>"
    )


def _big_html(size: int) -> str:
    para = f"<p>{PARAGRAPH}</p>\n"
    nav = "<div class=nav><ul>" + "".join(f"<li><a href='/s/{i}'>Story {i}</a></li>" for i in range(50)) + "</ul></div>"
    body = []
    total = 0
    while total < size:
        chunk = f"<div class=block>{nav}<section>{para * 20}</section></div>\n"
        body.append(chunk)
        total += len(chunk)
    return _html("".join(body))


def _deep_json_ld(depth: int) -> str:
    return _html(f"<p>{PARAGRAPH}</p>", '<script type="application/ld+json">' + "[" * depth + "]" * depth + "</script>")


def _huge_meta(size: int) -> str:
    value = ("Abe Putin summit " * (size // 17 + 1))[:size]
    metas = "".join(
        f'<meta name="{name}" content="{value}">'
        for name in ("description", "keywords", "author", "og:title", "article:published_time", "og:site_name")
    )
    return _html(f"<p>{PARAGRAPH}</p>" * 3, metas)


def _markdown_table(rows: int) -> str:
    lines = ["# Results by district", "", "| District | Votes | Share |", "| --- | ---: | ---: |"]
    lines += [f"| District {i} | {i * 7} | {i % 100}% |" for i in range(rows)]
    return "\n".join(lines) + "\n"


def _many_dates(count: int) -> str:
    months = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")  # fmt: skip
    sentences = [f"On {months[i % 12]} {i % 28 + 1}, {1990 + i % 30} the council met again." for i in range(count)]
    return "Council minutes\n\n" + "\n\n".join(" ".join(sentences[i : i + 20]) for i in range(0, count, 20)) + "\n"


def _fifo(folder: Path) -> Path:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return path


def _symlink(target: str, name: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.symlink_to(target)
        return path

    return make


def _loop(folder: Path) -> Path:
    a, b = folder / "loop-a.txt", folder / "loop-b.txt"
    a.symlink_to(b)
    b.symlink_to(a)
    return a


def _unreadable(folder: Path) -> Path:
    path = _write(folder, "locked.txt", _article())
    path.chmod(0)
    return path


def _socket(folder: Path) -> Path:
    import socket

    path = folder / "s.sock"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    sock.close()  # the socket file stays
    return path


def _odd_name(name: str | bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        raw = os.fsencode(folder) + b"/" + (name if isinstance(name, bytes) else name.encode("utf-8"))
        with open(raw, "wb") as out:
            out.write(_article().encode("utf-8"))
        return Path(os.fsdecode(raw))

    return make


def _folder(folder: Path) -> Path:
    path = folder / "a-folder.txt"
    path.mkdir()
    return path


def _repeat_to(unit: bytes, size: int) -> bytes:
    return (unit * (size // len(unit) + 1))[:size]


CASES: tuple[Case, ...] = (
    Case("empty", lambda d: _write(d, "empty.txt", b"")),
    Case("blank", lambda d: _write(d, "blank.txt", b" \n\t\r\n" * 1000)),
    Case("bom-and-zero-width", lambda d: _write(d, "bom.txt", "\ufeff\u200b")),
    Case("binary-random", lambda d: _write(d, "random.txt", os.urandom(200_000))),
    Case("binary-png", lambda d: _write(d, "picture.html", b"\x89PNG\r\n\x1a\n" + os.urandom(5000))),
    Case("gzip-named-txt", lambda d: _write(d, "story.txt", b"\x1f\x8b\x08\x00" + os.urandom(3000))),
    Case("nul-bytes", lambda d: _write(d, "nul.txt", _article().encode() + b"\x00" * 5000 + _article().encode())),
    Case("nul-late", lambda d: _write(d, "nul-late.txt", _article(400).encode() + b"\x00\x01\x02" * 40)),
    Case("bad-utf8", lambda d: _write(d, "bad-utf8.txt", _article().encode() + b"\xff\xfe\xc3(" + _article().encode())),
    Case("mixed-encodings", lambda d: _write(
        d, "mixed.txt", _article().encode("utf-8") + "naïve café".encode("cp1252") + "Zürich".encode("utf-16"))),
    Case("utf16-no-bom", lambda d: _write(d, "utf16.txt", _article().encode("utf-16-le"))),
    Case("latin1-html", lambda d: _write(
        d, "latin.html", _html(f"<p>{PARAGRAPH} naïve</p>").replace("–", "-").encode("latin-1"))),
    Case("control-chars", lambda d: _write(d, "controls.txt", _article() + "".join(map(chr, range(1, 32))) * 50)),
    Case("50mb", lambda d: _write(d, "huge.txt", _repeat_to((PARAGRAPH + "\n\n").encode(), 50 * MB))),
    Case("20mb-single-line", lambda d: _write(d, "one-line.txt", _repeat_to((PARAGRAPH + " ").encode(), 19 * MB))),
    Case("5mb-html", lambda d: _write(d, "big.html", _big_html(5 * MB))),
    Case("deep-html", lambda d: _write(d, "deep.html", _html("<div>" * 100_000 + PARAGRAPH + "</div>" * 100_000))),
    Case("deep-json-ld", lambda d: _write(d, "json-ld.html", _deep_json_ld(100_000))),
    Case("huge-meta", lambda d: _write(d, "meta.html", _huge_meta(3 * MB))),
    Case("markdown-table", lambda d: _write(d, "table.md", _markdown_table(100_000))),
    Case("deep-markdown", lambda d: _write(
        d, "quotes.md", "# Deep\n\n" + ">" * 50_000 + " text\n" + "- " * 20_000 + "x\n")),
    Case("many-dates", lambda d: _write(d, "dates.txt", _many_dates(30_000))),
    Case("long-word", lambda d: _write(d, "word.txt", "Title\n\n" + "x" * (5 * MB) + "\n")),
    Case("fifo", _fifo),
    Case("dev-zero", _symlink("/dev/zero", "zero.txt")),
    Case("dev-urandom", _symlink("/dev/urandom", "random-device.txt")),
    Case("dev-null", _symlink("/dev/null", "null.txt")),
    Case("symlink-loop", _loop),
    Case("dangling-symlink", _symlink("/nonexistent/newsdesk/story.txt", "dangling.txt")),
    Case("socket", _socket),
    Case("folder", _folder),
    Case("unreadable", _unreadable, bound_by_modes=True),
    Case("odd-name-spaces", _odd_name(" -- leading dash & spaces #?%.txt")),
    Case("odd-name-newline", _odd_name("line\nbreak.txt")),
    Case("odd-name-non-utf8", _odd_name(b"caf\xe9-\xff.txt")),
    Case("odd-name-long", _odd_name("n" * 250 + ".txt")),
    Case("plain-article", lambda d: _write(d, "article.txt", _article())),
)


@dataclass
class Outcome:
    case: str
    command: str
    code: int | None  # None: killed at the time limit
    seconds: float
    peak_bytes: int
    stdout: str
    stderr: str

    @property
    def timed_out(self) -> bool:
        return self.code is None

    @property
    def refused(self) -> bool:
        return self.code not in (0, None)

    @property
    def traceback(self) -> bool:
        return "Traceback (most recent call last)" in self.stderr

    def verdict(self) -> str:
        """Empty when the outcome is acceptable, else what is wrong with it."""
        if self.timed_out:
            return f"no answer within {TIME_LIMIT:g} s"
        if self.traceback:
            return "traceback: " + self.stderr.strip().splitlines()[-1][:200]
        if self.peak_bytes > MEMORY_LIMIT:
            return f"peak memory {self.peak_bytes / MB:.0f} MB over the limit"
        if self.refused:
            lines = [line for line in self.stderr.splitlines() if line.strip()]
            if not lines or not lines[-1].startswith("newsdesk: "):
                return "refused without a reason line: " + self.stderr.strip()[:200]
        elif self.code == 0 and not self.stdout.strip():
            return "success without any output"
        return ""


def newsdesk_command() -> list[str]:
    exe = Path(sys.executable).with_name("newsdesk")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "gui.launcher"]


def run_limited(
    argv: list[str],
    limit: float = TIME_LIMIT,
    cwd: Path | None = None,
    preexec: Callable[[], None] | None = None,
    user: int | None = None,
    env: dict[str, str] | None = None,
) -> tuple[int | None, float, int, str, str]:
    """Run ``argv``; ``(exit code or None when killed at the limit, seconds, peak RSS bytes, stdout, stderr)``.

    ``os.wait4`` gives the peak resident memory of this one child (``getrusage(RUSAGE_CHILDREN)`` would give the
    largest of all children so far). The figure counts what the child shared with this process when it was forked,
    so it is an upper bound.
    """
    out_path = Path(tempfile.gettempdir()) / f"newsdesk-adv-{os.getpid()}-{time.monotonic_ns()}"
    with open(f"{out_path}.out", "wb+") as out, open(f"{out_path}.err", "wb+") as err:
        child_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
        child_env.pop("PYTHONFAULTHANDLER", None)
        start = time.monotonic()
        proc = subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=cwd, env=child_env,
                                preexec_fn=preexec, user=user)
        code: int | None = None
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                break
            if time.monotonic() - start > limit:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.02)
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait again
        seconds = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    os.unlink(f"{out_path}.out")
    os.unlink(f"{out_path}.err")
    return code, seconds, usage.ru_maxrss * 1024, stdout, stderr


def library_snapshot(library: Path) -> tuple[tuple[object, ...], ...]:
    """What a refusal must leave untouched: the articles and their analyses, as rows."""
    if not library.exists():
        return ()
    con = sqlite3.connect(f"{library.as_uri()}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in con.execute("select name from sqlite_master where type = 'table'")}
        rows: list[tuple[object, ...]] = []
        for table in sorted(tables & {"articles", "analyses", "highlights"}):
            rows += [(table, *r) for r in con.execute(f"select * from {table} order by 1")]  # noqa: S608
        return tuple(rows)
    finally:
        con.close()


def run_command(case: Case, command: str, path: Path, library: Path, folder: Path, *extra: str) -> Outcome:
    """``newsdesk COMMAND [EXTRA] [--library LIBRARY] PATH`` on one case, in ``folder``, within the limits."""
    argv = [*newsdesk_command(), command, *extra, *(["--library", str(library)] if command == "import" else []),
            str(path)]
    code, seconds, peak, stdout, stderr = run_limited(
        argv, cwd=folder, preexec=limit_child_bound_by_modes if case.bound_by_modes else limit_child
    )
    return Outcome(case.name, " ".join([command, *extra]), code, seconds, peak, stdout, stderr)


def seed_library(library: Path, article: Path) -> None:
    """A library holding one article, so that "unchanged on refusal" compares something."""
    code, *_rest, stderr = run_limited([*newsdesk_command(), "import", "--library", str(library), "--no-analysis",
                                        str(article)])
    if code != 0:
        raise RuntimeError(f"could not seed the library: {stderr}")


def summary(outcomes: list[Outcome]) -> dict[str, object]:
    return {
        "runs": len(outcomes),
        "files": len({o.case for o in outcomes}),
        "refusals": sum(o.refused for o in outcomes),
        "successes": sum(o.code == 0 for o in outcomes),
        "failures": sum(bool(o.verdict()) for o in outcomes),
        "worst_seconds": round(max((o.seconds for o in outcomes), default=0.0), 2),
        "peak_mb": round(max((o.peak_bytes for o in outcomes), default=0) / MB),
    }
