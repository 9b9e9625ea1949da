"""The PDF renderer joins the export registry from the GUI side: the ``newsdesk`` launcher installs it, and the
command line without it says in one line that PDF cannot be written here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from fixtures.export_samples import annotated_library

ROOT = Path(__file__).resolve().parent.parent


def _export_pdf(tmp_path: Path, entry: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    """``export --format pdf`` of an annotated library in a fresh process, through ``entry`` (a module with
    ``main(argv)``); exit code 100 + its own when the process loaded Qt or the GUI."""
    annotated_library(tmp_path / "lib.sqlite")[0].close()
    out = tmp_path / "all.pdf"
    code = (
        "import sys\n"
        f"from {entry} import main\n"
        "rc = main(['export', '--library', sys.argv[1], '--format', 'pdf', '--all', '-o', sys.argv[2]])\n"
        "sys.exit(rc + (100 if any(m.startswith(('PySide6', 'gui.pdf')) for m in sys.modules) else 0))\n"
    )
    run = subprocess.run([sys.executable, "-c", code, str(tmp_path / "lib.sqlite"), str(out)], capture_output=True,
                         text=True, cwd=ROOT, timeout=120,
                         env={"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)})
    return run, out


def test_the_command_line_alone_refuses_pdf_in_one_line_and_writes_nothing(tmp_path: Path) -> None:
    run, out = _export_pdf(tmp_path, "models.cli")
    assert run.returncode == 2, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "pdf export needs" in lines[0] and "Traceback" not in run.stderr, run.stderr
    assert not out.exists()


def test_the_registry_knows_pdf_but_has_it_only_once_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    import models.export as export

    monkeypatch.delitem(export._renderers, "pdf", raising=False)
    monkeypatch.delitem(export._reporting, "pdf", raising=False)
    assert "pdf" in export.FORMATS and not export.available("pdf") and export.available("html")
    with pytest.raises(export.ExportUnavailable):
        export.renderer("pdf")
    from gui.pdf_export import install  # imports no Qt until a PDF is typeset

    install()
    assert export.available("pdf")


@pytest.mark.gui
@pytest.mark.slow
def test_the_newsdesk_command_installs_the_pdf_renderer_before_the_export(tmp_path: Path) -> None:
    run, out = _export_pdf(tmp_path, "gui.launcher")
    assert run.returncode == 100, run.stderr  # Qt typeset it
    assert out.read_bytes().startswith(b"%PDF")


def test_commands_that_never_typeset_do_not_load_the_export_modules(tmp_path: Path) -> None:
    """``newsdesk list`` (or any command but export) starts without the renderer and the export modules: they
    cost a command four tenths of a second and it never writes a PDF."""
    annotated_library(tmp_path / "lib.sqlite")[0].close()
    code = (
        "import sys\n"
        "from gui.launcher import main\n"
        "rc = main(['list', '--library', sys.argv[1]])\n"
        "sys.exit(rc + (100 if any(m == 'models.export' or m.startswith(('models.export.', 'gui.pdf'))\n"
        "                          for m in sys.modules) else 0))\n"
    )
    run = subprocess.run([sys.executable, "-c", code, str(tmp_path / "lib.sqlite")], capture_output=True, text=True,
                         cwd=ROOT, timeout=120, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip()
