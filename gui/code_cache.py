"""The methods of dataclasses (and PySide's own start-up modules), compiled once and kept between starts.

Every ``@dataclass`` writes the source of its ``__init__``, ``__repr__``, ``__eq__``… and compiles it when its module
is imported: some 60 classes and 340 small functions before the first window is painted, 40–70 ms of compiling on
every start. :func:`install` makes ``dataclasses`` take the compiled code from a file in the user's cache folder,
keyed by the exact source (identical source, identical code; anything else is compiled as before), and writes the
file again at exit when something had to be compiled. The file is tied to the interpreter's bytecode version; one
that cannot be read is ignored and replaced.

:meth:`CodeCache.compiling` does the same for ``compile()`` while PySide6 is imported: its signature support is a
dozen modules kept as source inside the library and compiled at every start (some 30 ms).
"""

from __future__ import annotations
import __future__

import atexit
import builtins
import dataclasses
import logging
import marshal
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from types import CodeType
from typing import Any

log = logging.getLogger(__name__)

FILE_NAME = f"dataclass-code.{sys.implementation.cache_tag}.bin"
FUTURE_FLAGS = 0  # the compiler flags of every ``from __future__`` feature: what compile() inherits from its caller
for _feature in __future__.all_feature_names:
    FUTURE_FLAGS |= getattr(__future__, _feature).compiler_flag
_real_compile = builtins.compile


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
        self.compiled = 0  # sources compiled in this process (not found in the file)
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
            handle, temporary = tempfile.mkstemp(prefix=".dataclass-code.", dir=self.path.parent)
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(MAGIC_NUMBER + marshal.dumps(dict(self._used)))
                os.replace(temporary, self.path)
            except BaseException:
                os.unlink(temporary)
                raise
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
