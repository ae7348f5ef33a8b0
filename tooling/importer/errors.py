"""Errors and messages of the importer."""

from __future__ import annotations

__all__ = ["ImportError_", "Messages"]


class ImportError_(Exception):  # noqa: N801 - the name the CLI imports
    """The source cannot be imported (the message says why and where, ``file:line: …``)."""


class Messages(list):
    """The import's ``file:line: message`` lines (no duplicates).

    :meth:`add` records a message; :meth:`in_source_order` sorts them by file (in
    the order the files were read) and line.
    """

    def __init__(self) -> None:
        super().__init__()
        self._keys: dict[str, tuple] = {}

    def add(self, file, line: int | None, message: str) -> None:
        """Record ``message`` about ``file`` at ``line`` (no line: ``file: message``)."""
        text = f"{file}:{line}: {message}" if line else f"{file}: {message}"
        if text not in self._keys:
            self._keys[text] = (str(file), line or 0, len(self))
            self.append(text)

    def in_source_order(self, files: list) -> list[str]:
        """The messages sorted by file (``files`` gives the order; others last) and line."""
        order = {str(f): i for i, f in enumerate(files)}

        def key(text: str) -> tuple:
            file, line, seq = self._keys[text]
            return (order.get(file, len(order)), file if file not in order else "", line, seq)

        return sorted(self, key=key)
