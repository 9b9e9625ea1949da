"""The lock files are complete: installed with ``--no-deps`` (no resolution, so no new upstream release can
change the install), every package that any locked package needs must itself be locked, at a version that
satisfies it."""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parent.parent
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.M)


def pins(lock: str) -> dict[str, str]:
    return {canonicalize_name(n): v for n, v in _PIN.findall((REPO / lock).read_text(encoding="utf-8"))}


@pytest.mark.parametrize("lock", ["requirements.lock", "requirements-test.lock"])
def test_every_dependency_of_a_locked_package_is_locked_at_a_version_that_fits(lock: str) -> None:
    locked = pins(lock)
    assert "setuptools" in locked  # the editable install builds without isolation, with the locked setuptools
    problems = []
    for name, version in locked.items():
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # not installed in this environment (the run lock is checked from the test environment)
        if dist.version != version:
            continue
        for spec in dist.requires or ():
            req = Requirement(spec)
            if req.marker is not None and not req.marker.evaluate({"extra": ""}):
                continue
            dep = canonicalize_name(req.name)
            if dep not in locked:
                problems.append(f"{name} needs {spec}, which is not locked")
            elif not req.specifier.contains(locked[dep], prereleases=True):
                problems.append(f"{name} needs {spec}, the lock has {locked[dep]}")
    assert problems == []


def test_the_run_lock_is_the_test_lock_less_the_test_tools() -> None:
    run, test = pins("requirements.lock"), pins("requirements-test.lock")
    assert {n: v for n, v in test.items() if n in run} == run


def test_the_readme_installs_the_locks_without_resolving() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    installs = re.findall(r"pip install[^&\n]*requirements[^&\n]*\.lock", readme)
    assert len(installs) == 2
    assert all("--no-deps" in cmd and "--require-hashes" in cmd for cmd in installs)
    assert readme.count("pip check") >= 2 and readme.count("--no-build-isolation -e .") == 2
