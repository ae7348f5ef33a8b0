"""A standards repository on disk, and Sphinx runs over it.

Layout (see ``../shared/DESIGN.md``): ``conf.py`` and ``standards/`` at the
root, outputs under ``build/`` (``build/html``, ``build/pdf``, ``build/doctrees``).
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["BuildResult", "Project", "ProjectError", "find_root"]


class ProjectError(RuntimeError):
    """The folder is not a standards repository, or a build could not start."""


def find_root(start: Path | None = None) -> Path:
    """The repository root: the nearest folder (from ``start`` upward) with ``conf.py`` and ``standards/``.

    ``STD_ROOT`` in the environment takes precedence.

    Raises:
        ProjectError: when there is none.
    """
    if os.environ.get("STD_ROOT"):
        return Path(os.environ["STD_ROOT"]).resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "conf.py").is_file() and (folder / "standards").is_dir():
            return folder
    raise ProjectError(f"{here} is not inside a standards repository (no conf.py with a standards/ folder); "
                       "use --root, or create one with `std import … --to standards/<slug>`")


@dataclass
class BuildResult:
    """The outcome of one Sphinx run.

    Attributes:
        ok: Sphinx finished (it may still have reported problems).
        warnings: the warning and error lines, as Sphinx printed them.
        errors: the subset logged at ERROR level.
        app: the Sphinx application (its environment holds the model).
    """

    ok: bool
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    app: object | None = None


class _Tee(io.StringIO):
    def __init__(self, echo) -> None:
        super().__init__()
        self.echo = echo

    def write(self, text: str) -> int:
        if self.echo is not None:
            self.echo.write(text)
        return super().write(text)


@dataclass
class Project:
    """A standards repository rooted at ``root``."""

    root: Path

    @property
    def srcdir(self) -> Path:
        return self.root / "standards"

    @property
    def build_dir(self) -> Path:
        return self.root / "build"

    def standard_slugs(self) -> list[str]:
        """Folders of ``standards/`` that hold an ``index.md``, sorted."""
        return sorted(p.parent.name for p in self.srcdir.glob("*/index.md"))

    @contextmanager
    def _chdir(self) -> Iterator[None]:
        old = Path.cwd()
        os.chdir(self.root)
        try:
            yield
        finally:
            os.chdir(old)

    def sphinx(self, builder: str, outdir: Path | None = None, *, fresh: bool = False, jobs: int = 1,
               doctreedir: Path | None = None, overrides: dict | None = None, quiet: bool = True,
               echo=None) -> BuildResult:
        """Run Sphinx with ``builder`` over the repository.

        Args:
            builder: ``html``, ``stdpdf``, ``gettext`` …
            outdir: output folder (default ``build/<builder>``; ``build/pdf`` for ``stdpdf``).
            fresh: read every document again (release builds are fresh).
            jobs: parallel processes.
            doctreedir: where the environment is kept (default ``build/doctrees``).
            overrides: configuration values that override ``conf.py``.
            quiet: no progress output.
            echo: a stream that also receives warnings as they happen (e.g. ``sys.stderr``).

        Returns:
            A :class:`BuildResult`; never raises for problems in the documents.

        Raises:
            ProjectError: when Sphinx cannot start (broken ``conf.py``, unknown builder).
        """
        from sphinx.application import Sphinx
        from sphinx.errors import SphinxError
        from sphinx.util.console import nocolor
        from sphinx.util.docutils import docutils_namespace, patch_docutils

        outdir = outdir or self.build_dir / ("pdf" if builder == "stdpdf" else builder)
        doctreedir = doctreedir or self.build_dir / "doctrees"
        if not (echo is not None and getattr(echo, "isatty", lambda: False)()):
            nocolor()
        warnings = _Tee(echo)
        status = None if quiet else _Tee(echo)
        try:
            with self._chdir(), patch_docutils(self.root), docutils_namespace():
                app = Sphinx(str(self.srcdir), str(self.root), str(outdir), str(doctreedir), builder,
                             confoverrides=overrides or {}, status=status, warning=warnings,
                             freshenv=fresh, parallel=jobs, keep_going=True)
                app.build()
        except SphinxError as exc:
            raise ProjectError(f"Sphinx could not build: {exc}") from None
        lines = [line for line in warnings.getvalue().splitlines() if line.strip()]
        errors = [line for line in lines if ": ERROR:" in line or line.startswith("ERROR:")]
        return BuildResult(app.statuscode == 0 or bool(lines), lines, errors, app)
