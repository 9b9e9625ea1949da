"""The dataclasses' compiled methods kept between starts (gui.code_cache): same classes, nothing compiled twice."""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gui import code_cache
from gui.code_cache import FILE_NAME, CodeCache

SOURCE = "def __create_fn__():\n def answer():\n  return 42\n return answer"


@pytest.fixture
def installed(tmp_path: Path) -> Iterator[CodeCache]:
    code_cache.uninstall()
    cache = code_cache.install(tmp_path)
    assert cache is not None
    try:
        yield cache
    finally:
        code_cache.uninstall()


def make_classes() -> tuple[type, type]:
    @dataclasses.dataclass(frozen=True, order=True)
    class Point:
        x: int
        y: int = 0
        tags: tuple[str, ...] = ()

    @dataclasses.dataclass
    class Bag:
        items: list[int] = dataclasses.field(default_factory=list)
        name: str = "bag"

    return Point, Bag


def behaviour(point: type, bag: type) -> list[object]:
    p = point(1, 2, ("a",))
    out: list[object] = [repr(p), p == point(1, 2, ("a",)), p < point(2), hash(p) == hash(point(1, 2, ("a",)))]
    try:
        setattr(p, "x", 5)  # noqa: B010
    except dataclasses.FrozenInstanceError:
        out.append("frozen")
    b = bag()
    b.items.append(1)
    out += [repr(b), bag().items, vars(point)["__init__"].__annotations__, [f.name for f in dataclasses.fields(point)]]
    return out


def test_classes_made_with_the_cache_behave_as_without(installed: CodeCache) -> None:
    with_cache = behaviour(*make_classes())
    first = installed.compiled
    assert first > 0
    again = behaviour(*make_classes())  # the same sources: taken from the cache
    assert installed.compiled == first
    code_cache.uninstall()
    assert behaviour(*make_classes()) == with_cache == again


def test_generated_annotations_are_not_strings(installed: CodeCache) -> None:
    """This module has ``from __future__ import annotations``; the compiled methods must not inherit it."""
    point, _bag = make_classes()
    assert vars(point)["__init__"].__annotations__["return"] is None


def test_the_file_written_at_exit_spares_the_next_process_its_compiling(tmp_path: Path) -> None:
    cache = CodeCache(tmp_path / FILE_NAME)
    namespace: dict[str, object] = {}
    cache.exec(SOURCE, {}, namespace)
    assert cache.compiled == 1
    cache.save()
    later = CodeCache(tmp_path / FILE_NAME)
    namespace = {}
    later.exec(SOURCE, {}, namespace)
    assert later.compiled == 0
    answer = namespace["__create_fn__"]()  # type: ignore[operator]
    assert answer() == 42


def test_nothing_compiled_nothing_written(tmp_path: Path) -> None:
    cache = CodeCache(tmp_path / FILE_NAME)
    cache.save()
    assert not (tmp_path / FILE_NAME).exists()


@pytest.mark.parametrize("content", [b"", b"garbage", b"\x00" * 64])
def test_an_unreadable_file_is_compiled_again_and_replaced(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / FILE_NAME
    path.write_bytes(content)
    cache = CodeCache(path)
    cache.exec(SOURCE, {}, {})
    assert cache.compiled == 1
    cache.save()
    assert CodeCache(path).code(SOURCE) is not None and path.read_bytes() != content


def test_an_unwritable_folder_costs_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    cache = CodeCache(blocker / "inside" / FILE_NAME)  # a folder that cannot be made
    cache.exec(SOURCE, {}, {})
    cache.save()  # no exception
    assert cache.compiled == 1


def test_the_reader_start_writes_the_cache_and_the_next_one_uses_it(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "c"),
           "XDG_CACHE_HOME": str(tmp_path / "cache"), "NEWSDESK_LIBRARY": str(tmp_path / "library.sqlite")}
    probe = ("import sys\n"
             "from gui import code_cache\n"
             "cache = code_cache.install()\n"
             "import gui.app\n"
             "print(cache.compiled, cache.path)\n")
    first = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120,
                           check=False)
    assert first.returncode == 0, first.stderr
    compiled, path = first.stdout.split(maxsplit=1)
    assert int(compiled) > 0
    assert Path(path.strip()).is_file()
    second = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120,
                            check=False)
    assert second.returncode == 0, second.stderr
    assert second.stdout.split()[0] == "0"


def test_compile_inherits_the_callers_future_features_and_is_kept(tmp_path: Path) -> None:
    """This module has ``from __future__ import annotations``: compiled through the cache, as by the builtin, an
    annotation naming nothing is not evaluated; asked not to inherit, it is."""
    source = "def f(x: Nowhere) -> None:\n    return None\n"
    cache = CodeCache(tmp_path / FILE_NAME)
    exec(cache.compile(source, "<test>", "exec"), {})
    with pytest.raises(NameError):
        exec(cache.compile(source, "<test>", "exec", dont_inherit=True), {})
    assert cache.compiled == 2
    cache.save()
    later = CodeCache(tmp_path / FILE_NAME)
    exec(later.compile(source, "<test>", "exec"), {})
    assert later.compiled == 0
    assert later.compile("1 + 1", "<test>", "eval") is not None and later.compiled == 1
    with later.compiling():
        assert compile("2", "<test>", "eval") is not None
    assert later.compiled == 2 and compile is not later.compile


PATTERNS = [(r"(?P<year>\d{4})-(\d\d)\b", re.IGNORECASE), (r"^\s*(?:Mr|Mrs)\.?\s+(\w+)", re.MULTILINE),
            (rb"[\x00-\x1f]+", 0), (r"(?<!\w)caf\u00e9(?!\w)", 0)]


def compile_all(cache: CodeCache) -> list[re.Pattern[Any]]:
    re.purge()  # re keeps its own cache inside a process: the patterns must reach the compiler
    with cache.patterns():
        return [re.compile(pattern, flags) for pattern, flags in PATTERNS]


def test_patterns_kept_between_starts_are_the_patterns_re_compiles(tmp_path: Path) -> None:
    cache = CodeCache(tmp_path / FILE_NAME)
    first = compile_all(cache)
    assert cache.compiled == len(PATTERNS) and cache.patterns_trusted
    cache.save()
    later = CodeCache(tmp_path / FILE_NAME)
    again = compile_all(later)
    assert later.compiled == 0  # built from the kept parts, not parsed
    re.purge()
    plain = [re.compile(pattern, flags) for pattern, flags in PATTERNS]
    assert again == first == plain  # pattern objects compare by their program, flags and text
    found = again[0].match("2021-04 x")
    assert again[0].groupindex == {"year": 1} and found is not None and found.groups() == ("2021", "04")
    assert again[1].findall("Mr. Smith\n  Mrs Jones") == ["Smith", "Jones"]
    assert again[2].sub(b" ", b"a\x01\x02b") == b"a b"
    assert again[3].search("Un café noir") is not None
    assert sys.modules["re._compiler"].compile.__module__ == "re._compiler"  # put back after the block


def test_kept_pattern_parts_the_engine_refuses_are_compiled_again(tmp_path: Path) -> None:
    cache = CodeCache(tmp_path / FILE_NAME)
    compile_all(cache)
    key = next(iter(cache._used_parts))
    cache._used_parts[key] = (0, [999999], 0, {}, ())  # not a program the engine takes
    cache.save()
    later = CodeCache(tmp_path / FILE_NAME)
    again = compile_all(later)
    re.purge()
    assert again == [re.compile(pattern, flags) for pattern, flags in PATTERNS]
    assert later.compiled == 1
