"""Table-driven lint tests: each case is a small standard; one Sphinx build checks all cases of a module.

A :class:`Case` names one rule, the language and profile, the Markdown of the
standard's body (and optionally more files or metadata), and the lines where
the rule must report (an empty list: the text must pass). Only findings of the
case's own rule are compared, so a case needs no more than what its rule looks at.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tooling.project import Project

CONF = 'from tooling.config import *  # noqa: F403\nproject = "lint cases"\n'
CATALOGUE = "# Cases\n\n```{toctree}\n:hidden:\n:glob:\n\n*/index\n```\n"
TITLES = {"zh": {"main": "规则测试"}, "en": {"main": "Rule test"}}
STAGES = {"gb": ("征求意见稿", "2026-11-20"), "iso": ("CD", "2026-11-20")}


@dataclass
class Case:
    """One failing or passing example of a rule.

    Attributes:
        id: unique name (becomes the standard's slug).
        code: the rule; lang: ``zh``/``en``; profile: ``gb``/``iso``.
        body: Markdown of ``body.md`` (dedented).
        lines: lines of ``body.md`` (1-based) where the rule must report; ``[]`` for a passing case.
        files: more files of the standard, name → Markdown (listed after body in the toctree).
        meta: metadata fields that replace or add to the defaults.
        severity: when set, every finding must have this severity.
        file: the file the expected lines refer to (default ``body.md``).
        messages: texts that must each appear in a finding's message (English or Chinese).
    """

    id: str
    code: str
    lang: str
    profile: str
    body: str
    lines: list[int]
    files: dict[str, str] = field(default_factory=dict)
    meta: dict = field(default_factory=dict)
    severity: str | None = None
    file: str = "body.md"
    messages: tuple[str, ...] = ()


#: Wording slips a user must never see in a message: doubled spaces, "a" before a vowel sound,
#: role keys such as ``informative-annex`` where words belong, unfilled fields, spaces before punctuation.
GLITCHES = (
    (re.compile(r"\S {2,}\S"), "a doubled space"),
    (re.compile(r"(?<!symbol )(?<!')\ba (?!uni|use|one|Euro)[aeiou]\w"), "'a' before a vowel"),
    (re.compile(r"\b(?:informative|normative)-annex\b|\bnormative-references\b(?!\.md)"), "a role key"),
    (re.compile(r"\{[a-z_]+\}(?! directive)"), "an unfilled field"),
    (re.compile(r" [,;:.)](?:\s|$)|^\s|\s$"), "a stray space"),
)
GLITCHES_ZH = (
    (re.compile(r"[\u4e00-\u9fff] +[\u4e00-\u9fff]"), "a space between Chinese characters"),
    (re.compile(r"\b(?:informative|normative)-annex\b|\{[a-z_]+\}(?!指令)"), "a role key or an unfilled field"),
    (re.compile(r"^\s|\s$"), "a stray space"),
    (re.compile(r"“[^”]*“"), "nested quotation marks"),
)


def message_glitches(message: str, message_zh: str) -> list[str]:
    """The wording slips of a finding's messages (see :data:`GLITCHES`)."""
    found = [f"{why} in {message!r}" for pattern, why in GLITCHES if pattern.search(message)]
    return found + [f"{why} in {message_zh!r}" for pattern, why in GLITCHES_ZH if pattern.search(message_zh)]


def write_cases(root: Path, cases: list[Case]) -> None:
    """Lay the cases out as a repository under ``root``."""
    (root / "standards").mkdir(parents=True)
    (root / "conf.py").write_text(CONF, encoding="utf-8")
    (root / "standards" / "index.md").write_text(CATALOGUE, encoding="utf-8")
    for case in cases:
        folder = root / "standards" / case.id
        folder.mkdir()
        stage, date = STAGES[case.profile]
        meta = {"designation": "GB/T XXXXX—XXXX" if case.profile == "gb" else "ISO/IEC CD XXXXX",
                "profile": case.profile, "language": case.lang, "stage": stage, "draft_date": date,
                "title": {case.lang: TITLES[case.lang]}, **case.meta}
        docs = ["body", *[Path(name).stem for name in case.files if name.endswith(".md")]]
        toctree = "```{toctree}\n" + "\n".join(docs) + "\n```\n"
        (folder / "index.md").write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
                                         + "---\n\n" + toctree, encoding="utf-8")
        (folder / "body.md").write_text(textwrap.dedent(case.body).lstrip("\n"), encoding="utf-8")
        for name, text in case.files.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


def run_cases(root: Path, cases: list[Case]) -> dict[str, list]:
    """Build once and return each case's findings of its own rule."""
    write_cases(root, cases)
    result = Project(root).sphinx("dummy", root / "build" / "dummy", fresh=True)
    domain = result.app.env.domains["standard"]
    findings = [f for items in domain.data["findings"].values() for f in items]
    findings += [f for items in domain.data["standard_findings"].values() for f in items]
    by_case = {}
    for case in cases:
        by_case[case.id] = [f for f in findings if f.standard == case.id and f.code == case.code]
    return by_case


def check(case: Case, found: list) -> None:
    """Assert the case's expectations (lines, file, severity, messages in both languages)."""
    got = sorted((Path(f.file).name, f.line) for f in found if f.suppressed is None)
    want = sorted((case.file, line) for line in case.lines)
    assert got == want, f"{case.id}: expected {case.code} at {want}, got {got}: {[f.message for f in found]}"
    for finding in found:
        assert finding.message and finding.message_zh
        assert not message_glitches(finding.message, finding.message_zh), (case.id, message_glitches(
            finding.message, finding.message_zh))
        if case.severity:
            assert finding.severity == case.severity, (case.id, finding.severity)
    for text in case.messages:
        assert any(text in f.message or text in f.message_zh for f in found), \
            f"{case.id}: no message contains {text!r}: {[(f.message, f.message_zh) for f in found]}"
