"""One line for a write that failed: a full disk, a read-only place or a lock said as such."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from models.store import location


def storage_reason(exc: BaseException, where: Path) -> str:
    """One line for a failed write: a full disk, a read-only place or a lock said as such."""
    text = " ".join(str(exc).split())
    number = getattr(exc, "errno", None)
    lowered = text.lower()
    if number == errno.ENOSPC or "disk is full" in lowered or "no space" in lowered or (
        ("i/o error" in lowered or "unable to open" in lowered) and _nearly_full(where)
    ):
        return f"the disk holding {location.printable(where)} is full"
    unwritable = "unable to open" in lowered and where.exists() and not os.access(where, os.W_OK)
    if number in (errno.EROFS, errno.EACCES, errno.EPERM) or "readonly" in lowered or "read-only" in lowered \
            or unwritable:
        return f"{location.printable(where)} cannot be written (read-only or no permission)"
    if "locked" in lowered or "busy" in lowered:
        return "the library is locked by another program; try again when it has finished"
    return text or type(exc).__name__


def _nearly_full(where: Path) -> bool:
    """SQLite says "disk I/O error" when it cannot even create the WAL index on a full disk: look at the disk."""
    import shutil

    for folder in (where, *where.parents):
        if folder.exists():
            try:
                return shutil.disk_usage(folder).free < 256 * 1024
            except OSError:
                return False
    return False
