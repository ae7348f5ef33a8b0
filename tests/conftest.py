"""Shared fixtures: Sphinx test projects (tests/roots/test-*), temporary repositories, the shared corpus."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

pytest_plugins = ("sphinx.testing.fixtures",)

ROOTS = Path(__file__).parent / "roots"
REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where sphinx.testing finds ``testroot`` projects (``tests/roots/test-<name>``)."""
    return ROOTS


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared corpus of real standards text (skips the test when it is not beside the repository)."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not available")
    return CORPUS


def make_repository(tmp: Path, root: str) -> Path:
    """Lay out ``tests/roots/test-<root>`` as a repository: ``conf.py`` at the top, the rest under ``standards/``.

    The repository is a git repository with one commit, as a clone would be.
    """
    source = ROOTS / f"test-{root}"
    repo = tmp / "repo"
    shutil.copytree(source, repo / "standards", ignore=shutil.ignore_patterns("_build"))
    (repo / "standards" / "conf.py").rename(repo / "conf.py")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "initial")
    return repo


def git(repo: Path, *args: str) -> str:
    """Run git in ``repo`` with a fixed identity and dates (reproducible commits)."""
    env = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org", "GIT_COMMITTER_NAME": "Test",
           "GIT_COMMITTER_EMAIL": "test@example.org", "GIT_AUTHOR_DATE": "2026-01-01T00:00:00Z",
           "GIT_COMMITTER_DATE": "2026-01-01T00:00:00Z", "PATH": "/usr/bin:/bin:/usr/local/bin"}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


def build_problems(warnings) -> list[str]:
    """Warning lines that are not drafting-rule findings (``[stdlint.CODE]``): problems of the build itself."""
    lines = warnings.splitlines() if isinstance(warnings, str) else warnings
    return [line for line in lines if line.strip() and "[stdlint." not in line]
