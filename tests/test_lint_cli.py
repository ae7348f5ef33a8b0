"""``std lint`` and ``std rule``: formats, gating ladder, suppressions, baseline, Sphinx warnings, publish gate."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tooling.cli import main
from tooling.project import Project

from .conftest import make_repository

FINDINGS = """\
(extra)=
# 附加要求

盖子必须锁定。

:::{note}
试样宜干燥。
:::

试样应该干燥。
"""


@pytest.fixture
def repo(tmp_path):
    repo = make_repository(tmp_path, "numbering")
    conf = repo / "conf.py"
    conf.write_text(conf.read_text() + '\nstd_lint = {"select": ["VF", "NE"]}\n')
    (repo / "standards" / "alpha" / "extra.md").write_text(FINDINGS, encoding="utf-8")
    index = repo / "standards" / "alpha" / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("clauses\nannex", "clauses\nextra\nannex"),
                     encoding="utf-8")
    return repo


def _lint(repo, *args):
    return CliRunner().invoke(main, ["--root", str(repo), "lint", *args], catch_exceptions=False)


def test_text_report_and_stage_gate(repo):
    result = _lint(repo)
    assert result.exit_code == 1, result.output  # a draft for comments fails on errors
    lines = result.output.splitlines()
    assert any(re.match(r"standards/alpha/extra\.md:4:3: VF001 error '必须' is not a verbal form", line)
               for line in lines), lines
    assert any(line.startswith("standards/alpha/extra.md:7:3: NE001 warning") for line in lines), lines
    assert any(line.startswith("standards/alpha/extra.md:10:3: VF005 info") for line in lines), lines
    assert "1 error(s), 1 warning(s), 1 info" in result.output
    assert _lint(repo, "--fail-on", "never").exit_code == 0


def test_json_shape(repo):
    data = json.loads(_lint(repo, "--format", "json", "--fail-on", "never").output)
    assert set(data) >= {"findings", "summary"}
    first = data["findings"][0]
    assert set(first) == {"code", "severity", "file", "line", "column", "message", "message_zh", "standard"}
    assert first["standard"] == "alpha" and first["file"] == "standards/alpha/extra.md"  # relative, as in text
    assert all(not Path(f["file"]).is_absolute() for f in data["findings"])
    assert data["summary"]["by_severity"] == {"error": 1, "warning": 1, "info": 1}


def test_sarif(repo):
    data = json.loads(_lint(repo, "--format", "sarif", "--fail-on", "never").output)
    assert data["version"] == "2.1.0"
    run = data["runs"][0]
    assert any(rule["id"] == "VF001" for rule in run["tool"]["driver"]["rules"])
    result = next(r for r in run["results"] if r["ruleId"] == "VF001")
    assert result["level"] == "error"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "standards/alpha/extra.md"
    assert location["region"] == {"startLine": 4, "startColumn": 3}


def test_block_findings_have_no_column_in_any_format(repo):
    """A finding about a whole block: ``file:line: CODE`` in text, no startColumn in SARIF, null in JSON."""
    conf = repo / "conf.py"
    conf.write_text(conf.read_text() + '\nstd_lint = {"select": ["VF", "NE", "TF"]}\n')
    text = _lint(repo, "--fail-on", "never").output
    assert re.search(r"^standards/alpha/annex\.md:19: TF001 warning Formula \(A\.1\) is never cited", text, re.M), text
    assert not re.search(r":0(?::0)?: ", text), text
    assert "standards/alpha/extra.md:4:3: VF001 error" in text  # findings at a word keep their column
    data = json.loads(_lint(repo, "--format", "json", "--fail-on", "never").output)
    tf001 = next(f for f in data["findings"] if f["code"] == "TF001")
    assert (tf001["file"], tf001["line"], tf001["column"]) == ("standards/alpha/annex.md", 19, None)
    sarif = json.loads(_lint(repo, "--format", "sarif", "--fail-on", "never").output)
    result = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "TF001")
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 19}


def test_paths_outside_every_standard_are_a_usage_error(repo):
    for path in (repo / "conf.py", repo / "standards" / "index.md", repo / "build-nothing-here.md"):
        result = CliRunner().invoke(main, ["--root", str(repo), "lint", str(path)])
        assert result.exit_code == 2, (path, result.output)
        assert "0 finding(s)" not in result.output
    result = CliRunner().invoke(main, ["--root", str(repo), "lint", str(repo / "conf.py")])
    assert "conf.py: not part of any standard" in result.output
    result = CliRunner().invoke(main, ["--root", str(repo), "lint", str(repo / "build-nothing-here.md")])
    assert "does not exist" in result.output
    # a standard's file, a standard's folder, standards/ and the repository itself are fine
    for path in (repo / "standards" / "alpha" / "extra.md", repo / "standards" / "alpha", repo / "standards", repo):
        assert _lint(repo, str(path), "--fail-on", "never").exit_code == 0, path


def test_suppression_with_reason(repo):
    path = repo / "standards" / "alpha" / "extra.md"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "盖子必须锁定。", "<!-- lint-disable VF001 reason: quoted from the regulation -->\n盖子必须锁定。"),
        encoding="utf-8")
    data = json.loads(_lint(repo, "--format", "json").output)
    assert [f["code"] for f in data["findings"]] == ["NE001", "VF005"]
    assert data["suppressed"][0]["reason"] == "quoted from the regulation"
    assert data["summary"]["failed"] is False


def test_baseline_accepts_old_findings_and_catches_new_ones(repo):
    assert _lint(repo, "--update-baseline").exit_code == 0
    assert (repo / "lint-baseline.json").is_file()
    assert _lint(repo).exit_code == 0
    path = repo / "standards" / "alpha" / "extra.md"
    path.write_text("\n\n" + path.read_text(encoding="utf-8") + "\n工具不可共用。\n", encoding="utf-8")
    result = _lint(repo)
    assert result.exit_code == 1
    assert "VF002" in result.output and "VF001 error" not in result.output  # moved lines stay accepted


def test_stage_ladder_and_per_rule_configuration(repo):
    index = repo / "standards" / "alpha" / "index.md"
    path = repo / "standards" / "alpha" / "extra.md"
    path.write_text(FINDINGS.replace("盖子必须锁定。", "盖子应锁定。"), encoding="utf-8")
    assert _lint(repo).exit_code == 0  # a warning does not fail a draft for comments
    index.write_text(index.read_text(encoding="utf-8").replace("stage: 征求意见稿", "stage: 报批稿"), encoding="utf-8")
    assert _lint(repo).exit_code == 1  # it fails a draft for approval
    conf = repo / "conf.py"
    conf.write_text(conf.read_text() + '\nstd_lint = {"select": ["VF", "NE"], "NE001": {"enabled": False}}\n')
    assert _lint(repo).exit_code == 0


def test_sphinx_warnings_and_suppress_warnings(repo):
    result = Project(repo).sphinx("html", fresh=True)
    lint = [w for w in result.warnings if "[stdlint." in w]
    assert any(re.search(r"standards/alpha/extra\.md:4: WARNING: error: '必须' is not a verbal form .*"
                         r"\[stdlint\.VF001\]$", w) for w in lint), lint
    assert not any("VF005" in w for w in lint), "info findings stay out of Sphinx's warnings"
    conf = repo / "conf.py"
    conf.write_text(conf.read_text() + '\nsuppress_warnings = ["stdlint.VF001"]\n')
    result = Project(repo).sphinx("html", fresh=True)
    assert not any("stdlint.VF001" in w for w in result.warnings)
    assert any("stdlint.NE001" in w for w in result.warnings)


def test_rule_command():
    runner = CliRunner()
    data = json.loads(runner.invoke(main, ["rule", "--list", "--format", "json"]).output)
    entry = next(r for r in data["rules"] if r["code"] == "VF001")
    assert {"code", "title", "source", "severity", "profiles", "languages"} <= set(entry)
    text = runner.invoke(main, ["rule", "VF001"]).output
    assert "GB/T 1.1-2020 Annex C" in text and "盖子必须锁定。" in text and "lint-disable VF001" in text
    assert runner.invoke(main, ["rule", "XX999"]).exit_code == 2


@pytest.mark.pdf
def test_publish_gate_skips_a_standard_with_lint_errors(repo):
    result = CliRunner().invoke(main, ["--root", str(repo), "publish"], catch_exceptions=False)
    assert result.exit_code == 1
    assert "alpha: not published: drafting-rule lint fails at level error" in result.output
    assert "extra.md:4: VF001" in result.output
    assert "published beta" in result.output


def test_rules_reference_page(repo):
    (repo / "standards" / "rules.md").write_text("# Rules\n\n```{std-rules}\n```\n", encoding="utf-8")
    index = repo / "standards" / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("*/index", "*/index\nrules"), encoding="utf-8")
    Project(repo).sphinx("html", fresh=True)
    html = (repo / "build" / "html" / "rules.html").read_text(encoding="utf-8")
    from tooling.lint.registry import all_rules

    for rule in all_rules():
        assert f'id="{rule.code.lower()}"' in html, rule.code
