"""Import of standards written in plain Markdown (work in progress)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["ImportError_", "ImportReport", "import_standard"]


class ImportError_(Exception):
    """The source cannot be imported (message says why and where)."""


@dataclass
class ImportReport:
    target: Path
    clauses: int = 0
    messages: list[str] = field(default_factory=list)


def import_standard(source: Path, *, designation: str, lang: str, profile: str | None, translation: Path | None,
                    stage: str | None, target: Path, force: bool = False) -> ImportReport:
    raise ImportError_("import is not implemented yet")
