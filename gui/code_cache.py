"""The methods of dataclasses, PySide's own start-up modules and the regular expressions compiled at start-up,
compiled once and kept between starts.

Every ``@dataclass`` writes the source of its ``__init__``, ``__repr__``, ``__eq__``… and compiles it when its module
is imported: some 60 classes and 340 small functions before the first window is painted, 40–70 ms of compiling on
every start. :func:`install` makes ``dataclasses`` take the compiled code from a file in the user's cache folder,
keyed by the exact source (identical source, identical code; anything else is compiled as before), and writes the
file again at exit when something had to be compiled. The file is tied to the interpreter's bytecode version; one
that cannot be read is ignored and replaced.

:meth:`CodeCache.compiling` does the same for ``compile()`` while PySide6 is imported: its signature support is a
dozen modules kept as source inside the library and compiled at every start (some 30 ms).

:meth:`CodeCache.patterns` does it for regular expressions: PySide6's signature support and the reader's modules
compile some 60 when they are imported, 15–18 ms of parsing on every start. What ``re`` hands to its C engine for a
pattern (the engine's program: a list of numbers, and the group names) is kept, keyed by the pattern, its flags and
the engine's version; the next start builds the pattern object from it without parsing. An entry is kept only when
the pattern object built from it equals the one ``re`` builds itself (pattern objects compare by their program), so a
Python whose ``re`` works otherwise just compiles as before.
"""

from __future__ import annotations
import __future__

import _sre  # re's C engine, which builds a pattern object from its program
import atexit
import builtins
import dataclasses
import importlib
import logging
import marshal
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from types import CodeType
from typing import Any

log = logging.getLogger(__name__)

FILE_NAME = f"compiled-code.{sys.implementation.cache_tag}.bin"
LEGACY_FILE_NAME = f"dataclass-code.{sys.implementation.cache_tag}.bin"  # before regular expressions were kept
FUTURE_FLAGS = 0  # the compiler flags of every ``from __future__`` feature: what compile() inherits from its caller
for _feature in __future__.all_feature_names:
    FUTURE_FLAGS |= getattr(__future__, _feature).compiler_flag
_real_compile = builtins.compile
_re_compiler: Any = importlib.import_module("re._compiler")  # re's own parts (typeshed does not describe them)
_re_parser: Any = importlib.import_module("re._parser")
_sre_magic: int = importlib.import_module("re._constants").MAGIC  # the engine's version
_real_compile_pattern = _re_compiler.compile


def _pattern_parts(pattern: str | bytes, flags: int) -> tuple[Any, ...]:
    """What ``re._compiler.compile`` passes to ``_sre.compile`` after the pattern (flags, program, groups, group
    names both ways), computed as it does."""
    parsed = _re_parser.parse(pattern, flags)
    program = [int(op) for op in _re_compiler._code(parsed, flags)]  # opcodes are int subclasses: plain numbers
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return int(flags | parsed.state.flags), program, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def default_folder() -> Path:
    """The user's cache folder for Newsdesk (as ``platformdirs.user_cache_dir`` finds it)."""
    import platformdirs  # loaded by the store's location module anyway

    return Path(platformdirs.user_cache_dir("Newsdesk", appauthor=False))


class CodeCache:
    """Compiled code of the sources ``dataclasses`` executes, read from and written to ``path``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._known: dict[Any, CodeType] = {}
        self._used: dict[Any, CodeType] = {}
        self._known_parts: dict[tuple[Any, ...], tuple[Any, ...]] = {}  # ("re", engine version, pattern, flags)
        self._used_parts: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        self.compiled = 0  # sources and patterns compiled in this process (not found in the file)
        self.patterns_trusted = True  # False once a pattern built from kept parts differed from re's own
        self._read()

    def _read(self) -> None:
        try:
            data = self.path.read_bytes()
        except OSError:
            return
        if not data.startswith(MAGIC_NUMBER):
            return
        try:
            known = marshal.loads(data[len(MAGIC_NUMBER):])
        except (EOFError, ValueError, TypeError):
            log.debug("unreadable code cache %s: compiled again", self.path)
            return
        if isinstance(known, dict):
            self._known = {k: v for k, v in known.items() if isinstance(k, (str, tuple)) and isinstance(v, CodeType)}
            self._known_parts = {k: v for k, v in known.items()
                                 if isinstance(k, tuple) and k[:1] == ("re",) and isinstance(v, tuple)}

    def code(self, source: str) -> CodeType:
        """The compiled ``source``, as ``exec(source)`` called from ``dataclasses`` would compile it (that module
        has no ``from __future__`` import, so nothing is inherited)."""
        code = self._used.get(source) or self._known.get(source)
        if code is None:
            code = compile(source, "<string>", "exec", dont_inherit=True)
            self.compiled += 1
        self._used[source] = code
        return code

    def compile(self, source: Any, filename: Any, mode: str, flags: int = 0, dont_inherit: bool = False,
                optimize: int = -1, **options: Any) -> Any:
        """``compile()``, the result kept for a source text in a file named by a string; the ``from __future__``
        features are inherited from the caller's code as the builtin does."""
        if not dont_inherit:
            flags |= sys._getframe(1).f_code.co_flags & FUTURE_FLAGS
        if options or not isinstance(source, (str, bytes)) or not isinstance(filename, str):
            return _real_compile(source, filename, mode, flags, True, optimize, **options)
        key = (source, filename, mode, flags, optimize)
        code = self._used.get(key) or self._known.get(key)
        if code is None:
            code = _real_compile(source, filename, mode, flags, True, optimize)
            if not isinstance(code, CodeType):  # an AST asked for (ast.PyCF_ONLY_AST): nothing to keep
                return code
            self.compiled += 1
        self._used[key] = code
        return code

    @contextmanager
    def compiling(self) -> Iterator[None]:
        """``compile()`` goes through :meth:`compile` inside the block (the import of PySide6: its signature support
        is compiled from source at every start)."""
        builtins.compile = self.compile
        try:
            yield
        finally:
            builtins.compile = _real_compile

    def compile_pattern(self, pattern: Any, flags: int = 0) -> Any:
        """``re._compiler.compile``: the pattern object built from the parts kept for ``pattern`` and ``flags``, or
        compiled by ``re`` (and its parts kept when they rebuild the same object)."""
        if not isinstance(pattern, (str, bytes)) or flags & re.DEBUG or not self.patterns_trusted:
            return _real_compile_pattern(pattern, flags)
        key = ("re", _sre_magic, pattern, flags)
        parts = self._used_parts.get(key) or self._known_parts.get(key)
        if parts is not None:
            try:
                compiled = _sre.compile(pattern, *parts)
            except (TypeError, ValueError, RuntimeError):  # parts this engine cannot take: compiled as usual
                compiled = None
            if compiled is not None:
                self._used_parts[key] = parts
                return compiled
        compiled = _real_compile_pattern(pattern, flags)
        try:
            fresh = _pattern_parts(pattern, flags)
            trusted = _sre.compile(pattern, *fresh) == compiled
        except Exception:  # noqa: BLE001 — re's internals differ from the ones known here: nothing is kept
            trusted = False
        if not trusted:
            self.patterns_trusted = False
            return compiled
        self._used_parts[key] = fresh
        self.compiled += 1
        return compiled

    @contextmanager
    def patterns(self) -> Iterator[None]:
        """Regular expressions compiled inside the block go through :meth:`compile_pattern`."""
        setattr(_re_compiler, "compile", self.compile_pattern)  # noqa: B010 — looked up by re at each compile
        try:
            yield
        finally:
            setattr(_re_compiler, "compile", _real_compile_pattern)  # noqa: B010

    def exec(self, source: Any, globals: dict[str, Any] | None = None,  # noqa: A002 — builtins.exec's names
             locals: Any = None) -> None:  # noqa: A002
        builtins.exec(self.code(source) if isinstance(source, str) else source, globals, locals)

    def save(self) -> None:
        """Write the code this process used, when some of it had to be compiled (atomically; failures ignored)."""
        if not self.compiled:
            return
        import tempfile

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".compiled-code.", dir=self.path.parent)
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(MAGIC_NUMBER + marshal.dumps({**self._used, **self._used_parts}))
                os.replace(temporary, self.path)
            except BaseException:
                os.unlink(temporary)
                raise
            (self.path.parent / LEGACY_FILE_NAME).unlink(missing_ok=True)
        except OSError as error:
            log.debug("code cache not written: %s", error)
            return
        self.compiled = 0


def install(folder: Path | None = None) -> CodeCache | None:
    """Let ``dataclasses`` use the cache from now on in this process (once; None when it is installed already)."""
    if "exec" in vars(dataclasses):
        return None
    try:
        path = (folder if folder is not None else default_folder()) / FILE_NAME
    except Exception:  # noqa: BLE001 — no cache folder: compile as usual
        return None
    cache = CodeCache(path)
    setattr(dataclasses, "exec", cache.exec)  # noqa: B010 — found before the builtin by the module's own code
    atexit.register(cache.save)
    return cache


def uninstall() -> None:
    """Back to the builtin ``exec`` (for tests)."""
    vars(dataclasses).pop("exec", None)
