"""YAML read with source lines, so that every error can say ``file:line``.

Dates and decimal numbers stay strings (``2026-11-20``, ``35.020``): the schema
checks their form and the model parses them, so a value is never silently turned
into something else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

__all__ = ["LinedYAML", "YAMLSourceError", "load_lined_yaml", "split_front_matter"]


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates and decimal numbers as written.

    ``2026-11-20`` stays a string (the schema checks its form) and so does
    ``35.020`` (an ICS number, which a float would turn into ``35.02``).
    """


_KEEP_AS_WRITTEN = ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:float")
_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag not in _KEEP_AS_WRITTEN]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class YAMLSourceError(ValueError):
    """Malformed YAML. ``line`` is 1-based within the text that was parsed."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class LinedYAML:
    """Parsed YAML data plus the 1-based line of every key path.

    ``lines[("title", "zh", "main")]`` is the line where that value starts;
    ``lines[()]`` is the first line of the document.
    """

    data: Any
    lines: dict[tuple, int] = field(default_factory=dict)

    def line_of(self, path: tuple | list) -> int:
        """The line of ``path``, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


def load_lined_yaml(text: str, first_line: int = 1) -> LinedYAML:
    """Parse YAML text, recording where each value starts.

    Args:
        text: the YAML document.
        first_line: the line number (1-based) of the text's first line in its file,
            so that the recorded lines are file lines.

    Returns:
        A :class:`LinedYAML`; an empty document gives ``data == {}``.

    Raises:
        YAMLSourceError: for malformed YAML, with the file line of the problem.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return LinedYAML({}, {(): first_line})
        lines: dict[tuple, int] = {}

        def walk(n: yaml.Node, path: tuple) -> None:
            lines[path] = n.start_mark.line + first_line
            if isinstance(n, yaml.MappingNode):
                for key_node, value_node in n.value:
                    walk(value_node, path + (str(key_node.value),))
                    lines[path + (str(key_node.value),)] = key_node.start_mark.line + first_line
            elif isinstance(n, yaml.SequenceNode):
                for index, item in enumerate(n.value):
                    walk(item, path + (index,))

        walk(node, ())
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line if mark else 0) + first_line
        raise YAMLSourceError(f"malformed YAML: {exc.problem or exc}", line) from None
    except yaml.YAMLError as exc:
        raise YAMLSourceError(f"malformed YAML: {exc}", first_line) from None
    finally:
        loader.dispose()
    return LinedYAML(data, lines)


def split_front_matter(text: str) -> tuple[str | None, int, int]:
    """Find the YAML front matter of a Markdown text.

    Returns:
        ``(yaml_text, first_line, end_line)``: the text between the ``---`` fences,
        the file line of its first line (1-based) and the line of the closing
        fence; ``(None, 0, 0)`` when the text has no front matter.
    """
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None, 0, 0
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return "\n".join(lines[1:index]), 2, index + 1
    return None, 0, 0
