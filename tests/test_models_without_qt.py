"""The core runs without a screen: importing every module of models/ never loads Qt."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import models


def test_every_models_module_imports_without_pyside6() -> None:
    names = sorted(m.name for m in pkgutil.walk_packages(models.__path__, "models.") if ".migrations." not in m.name)
    assert "models.store.library" in names and "models.cli" in names
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'gui'))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_command_line_subcommands_do_not_load_qt() -> None:
    code = (
        "import sys\n"
        "from gui.launcher import main\n"
        "rc = main(['list', '--library', sys.argv[1]])\n"
        "sys.exit(3 if any(m.startswith('PySide6') for m in sys.modules) else rc)\n"
    )
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        run = subprocess.run([sys.executable, "-c", code, tmp + "/lib.sqlite"], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
