"""The rule registry: one table from code to rule; codes are retired, never reused.

A rule is a small self-describing unit (:class:`Rule`): its code (family prefix
and number, ``VF001``), title, the clause of GB/T 1.1-2020 and/or ISO/IEC
Directives Part 2 it enforces, default severity (per profile and language when
they differ), the profiles and languages it applies to, the message in English
and Chinese, its documentation with a failing and a passing example in each
language, and its check. ``std rule CODE`` prints the documentation and
``std rule --list --format json`` the same objects. Families are declared once,
in :data:`FAMILIES`.
"""

from __future__ import annotations

import inspect
import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["FAMILIES", "RULES", "SEVERITIES", "Rule", "all_rules", "get_rule", "rule"]

#: Rule families (RULES.md §3). Declared once; a code's first two letters name its family.
FAMILIES: dict[str, str] = {
    "VF": "Verbal forms",
    "ST": "Structure and front matter",
    "NM": "Numbering",
    "TD": "Terms and definitions",
    "RF": "References",
    "NE": "Informative elements carry no provisions",
    "TF": "Tables, figures and formulas",
    "UQ": "Units and quantities",
    "ED": "Editorial",
    "BL": "Bilingual alignment",
}

#: Severities from most to least serious.
SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Example:
    """A failing (``bad``) and a passing (``good``) text in one language."""

    lang: str
    bad: str
    good: str


@dataclass
class Rule:
    """One drafting rule.

    Attributes:
        code: stable identifier (``VF001``).
        title: one line, what the rule wants.
        source: the clauses enforced, e.g. ``"GB/T 1.1-2020 Annex C; ISO/IEC Directives Part 2, 7.2"``.
        severity: default severity (``error``, ``warning``, ``info``); ``severity_by`` may
            refine it per ``"profile"``, ``"lang"`` or ``"profile/lang"`` key.
        profiles: profiles the rule applies to (``gb``, ``iso``).
        languages: languages of text it checks (``zh``, ``en``).
        message: English message; ``{…}`` fields come from the finding's ``args``.
        message_zh: the Chinese message.
        doc: documentation (What it checks / Why / Example / Use instead / References).
        examples: failing and passing text per language.
        scope: ``document`` (runs on each document while reading) or ``standard``
            (runs on the whole standard after reading).
        check: the function: ``check(ctx) -> Iterable[Finding]``.
        status: ``stable``, ``preview`` or ``removed`` (codes are never reused).
        conservative: how the rule limits false positives, when it cannot be exact.
    """

    code: str
    title: str
    source: str
    severity: str
    message: str
    message_zh: str
    doc: str = ""
    examples: tuple[Example, ...] = ()
    profiles: tuple[str, ...] = ("gb", "iso")
    languages: tuple[str, ...] = ("zh", "en")
    severity_by: dict[str, str] = field(default_factory=dict)
    scope: str = "document"
    check: Callable[..., Iterable[Any]] | None = None
    status: str = "stable"
    conservative: str = ""

    @property
    def family(self) -> str:
        return FAMILIES[self.code[:2]]

    def default_severity(self, profile: str | None = None, lang: str | None = None) -> str:
        """The severity for a document of ``profile`` in ``lang`` before configuration."""
        for key in (f"{profile}/{lang}", str(profile), str(lang)):
            if key in self.severity_by:
                return self.severity_by[key]
        return self.severity

    def applies(self, profile: str, lang: str) -> bool:
        return profile in self.profiles and lang in self.languages and self.status != "removed"

    def documentation(self) -> str:
        """The text ``std rule CODE`` prints."""
        sev = self.severity + "".join(f", {k}: {v}" for k, v in sorted(self.severity_by.items()))
        lines = [
            f"{self.code}: {self.title}",
            f"Family: {self.code[:2]} ({self.family})    Status: {self.status}",
            f"Source: {self.source}",
            f"Severity: {sev}",
            f"Profiles: {', '.join(self.profiles)}    Languages: {', '.join(self.languages)}    "
            f"Runs on: each {self.scope}",
            "",
            inspect.cleandoc(self.doc),
        ]
        if self.conservative:
            lines += ["", "## Limits", textwrap.fill(self.conservative, 88)]
        for example in self.examples:
            lines += ["", f"## Example ({example.lang})", f"    {example.bad}", "",
                      f"## Use instead ({example.lang})", f"    {example.good}"]
        lines += ["", "## Suppression",
                  f"Put <!-- lint-disable {self.code} reason: … --> on the line before the paragraph, or give "
                  f"the block the class allow-{self.code}; the reason is recorded in reports."]
        return "\n".join(lines).rstrip() + "\n"

    def to_json(self) -> dict[str, Any]:
        """The ``std rule --list --format json`` entry."""
        return {"code": self.code, "title": self.title, "source": self.source, "severity": self.severity,
                "profiles": list(self.profiles), "languages": list(self.languages),
                "family": self.code[:2], "status": self.status, "scope": self.scope,
                "severity_by": dict(self.severity_by)}


#: code → rule. Filled by the family modules through :func:`rule`.
RULES: dict[str, Rule] = {}


def rule(**spec: Any) -> Callable[[Callable], Callable]:
    """Decorator registering a check function as a rule; the function's docstring is the rule's documentation."""

    def register(check: Callable) -> Callable:
        code = spec["code"]
        if code in RULES:
            raise ValueError(f"rule code {code} is registered twice")
        if code[:2] not in FAMILIES:
            raise ValueError(f"rule code {code}: unknown family {code[:2]}")
        RULES[code] = Rule(check=check, doc=check.__doc__ or "", **spec)
        return check

    return register


def _load() -> None:
    from ..xref import rules as _xref_rules  # noqa: F401 - RF003, RF004, RF008–RF011
    from . import (  # noqa: F401 - importing registers the rules
        bilingual, editorial, informative, numbering, objects, references, structure, terms, units, verbal)


def all_rules() -> list[Rule]:
    """Every registered rule, sorted by code."""
    _load()
    return [RULES[code] for code in sorted(RULES)]


def get_rule(code: str) -> Rule | None:
    _load()
    return RULES.get(code.upper())
