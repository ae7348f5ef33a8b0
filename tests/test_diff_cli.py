"""``std diff`` and ``std publish`` at the command line: what a user reported.

- a standard's folder is built among the other standards of its repository: its citations of them
  read as in the whole repository, so an unchanged folder has no changes against a git ref;
- an empty revision is a usage error (``std diff --from ''``, ``make diff FROM=``);
- the redline of two Markdown revisions is named after their files, and no print HTML is left behind;
- the terminal summary keeps each changed clause on one line, its reasons in the comparison's language;
- ``std publish --standard nope`` is a usage error before anything is built.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tooling.cli import main
from tooling.diff import diff_revisions, redline
from tooling.diff.foreword import technical_changes
from tooling.diff.load import RevisionError, load_revision
from tooling.diff.text import NO_CHANGES, summary_text

from .conftest import REPO, git, make_repository
from .test_diff import C, P, S

INDEX = "# Standards\n\n```{toctree}\n:hidden:\n:glob:\n\n*/index\n```\n"

CORE_INDEX = """---
designation: GB/T 90001—2024
profile: gb
language: zh
stage: published
issued: 2024-05-01
implemented: 2024-11-01
title:
  zh: {main: 被引用的标准}
sample: true
---

```{toctree}
body
```
"""

CORE_BODY = """(scope)=
{.scope}
# 范围

本文件规定了被引用的内容。

(requirements)=
# 要求

(general)=
## 通用要求

通用要求的内容。

(limits)=
:::{table} 限值
| 项目 | 限值 |
| --- | --- |
| a | 1 |
:::
"""

USER_INDEX = """---
designation: GB/T 90002—XXXX
profile: gb
language: zh
stage: 征求意见稿
draft_date: 2026-11-20
title:
  zh: {main: 引用者}
sample: true
---

```{toctree}
body
```
"""

USER_BODY = """(scope)=
{.scope}
# 范围

本文件规定了引用者的要求。

(requirements)=
# 要求

产品应符合{cite}`GB/T 90001—2024#general`的规定，限值见{cite}`GB/T 90001—2024#limits`。

:::{note}
通用要求见{cite}`GB/T 90001—2024, 2.1`。
:::
"""


def base_repository(tmp_path: Path) -> Path:
    """An empty repository (conf.py and the catalogue page), for a root to run ``std`` in."""
    repo = tmp_path / "repo"
    (repo / "standards").mkdir(parents=True)
    (repo / "conf.py").write_text("from tooling.config import *  # noqa: F403\n", encoding="utf-8")
    (repo / "standards" / "index.md").write_text(INDEX, encoding="utf-8")
    return repo


@pytest.fixture(scope="module")
def citing_repo(tmp_path_factory) -> Path:
    """A repository of two standards, committed: ``user`` cites a clause and a table of ``core``."""
    repo = base_repository(tmp_path_factory.mktemp("citing"))
    for slug, files in (("core", {"index.md": CORE_INDEX, "body.md": CORE_BODY}),
                        ("user", {"index.md": USER_INDEX, "body.md": USER_BODY})):
        (repo / "standards" / slug).mkdir()
        for name, text in files.items():
            (repo / "standards" / slug / name).write_text(text, encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "two standards")
    return repo


def texts(snapshot) -> list[tuple[str, list[str]]]:
    return [(c.number, [b.text for b in c.blocks]) for c in snapshot.clauses]


# -- 1. a standard's folder among the other standards of its repository ------------------------------------------


def test_standard_folder_cites_the_other_standard_as_the_repository_does(citing_repo, tmp_path):
    """A folder revision used to be built alone: ``见GB/T 90001—2024的2.1`` read ``见GB/T 90001—2024`` and an
    unchanged tree was reported modified against HEAD."""
    folder = citing_repo / "standards" / "user"
    head = load_revision("HEAD", citing_repo, "user")
    requirements = dict(texts(head))["2"]
    assert requirements == ["产品应符合GB/T 90001—2024的2.1的规定，限值见GB/T 90001—2024的表1。",
                            "注：通用要求见GB/T 90001—2024的2.1。"]
    assert texts(load_revision(str(folder), citing_repo)) == texts(head)

    runner = CliRunner()
    for old, new in (("HEAD", str(folder)), (str(folder), "HEAD"), (str(citing_repo), str(folder))):
        result = runner.invoke(main, ["--root", str(citing_repo), "diff", "--from", old, "--to", new,
                                      "--standard", "user"])
        assert result.exit_code == 0, result.output
        assert result.stdout.splitlines()[-1] == NO_CHANGES, result.stdout

    # a copy of the folder outside any repository: among the standards of the working tree (it replaces 'user')
    elsewhere = tmp_path / "review" / "user"
    shutil.copytree(folder, elsewhere)
    body = elsewhere / "body.md"
    body.write_text(body.read_text(encoding="utf-8").replace("限值见", "限值应见"), encoding="utf-8")
    result = runner.invoke(main, ["--root", str(citing_repo), "diff", "--from", "HEAD", "--to", str(elsewhere),
                                  "--standard", "user"])
    assert result.exit_code == 0, result.output
    changed = [line for line in result.stdout.splitlines() if line.startswith("  ")]
    assert len(changed) == 1 and changed[0].startswith("  2 → 2 modified technical: 增加要求（应）"), result.stdout
    # the revision still holds one standard: the folder is compared whatever its slug
    renamed = tmp_path / "renamed" / "user-draft"
    shutil.copytree(folder, renamed)
    result = runner.invoke(main, ["--root", str(citing_repo), "diff", "--from", str(folder), "--to", str(renamed)])
    assert result.exit_code == 0 and result.stdout.splitlines()[-1] == NO_CHANGES, result.output
    assert not (citing_repo / "standards" / "user-draft").exists()  # nothing written into the repository


# -- 2. an empty revision ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("args", "option"), [(["--from", "", "--to", "HEAD"], "--from"),
                                              (["--from", "HEAD", "--to", " "], "--to")])
def test_empty_revision_is_a_usage_error(citing_repo, args, option):
    result = CliRunner().invoke(main, ["--root", str(citing_repo), "diff", *args])
    assert result.exit_code == 2, result.output
    assert f"Error: {option}: empty revision: give a git ref, a folder or a Markdown file" in result.output
    assert "→" not in result.output  # nothing compared
    with pytest.raises(RevisionError, match="empty revision"):
        load_revision("", citing_repo)


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
@pytest.mark.parametrize("variables", [["FROM=", "TO=HEAD"], ["FROM=HEAD", "TO="], ["FROM= ", "TO= "]])
def test_make_diff_requires_from_and_to(variables):
    # -o: the set-up stamp is taken as made (the check comes before std runs, nothing is built)
    result = subprocess.run(["make", "-s", "-C", str(REPO), "-o", ".venv/.installed", "diff", *variables],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "FROM and TO are required" in result.stderr, result.stderr
    assert "Missing option" not in result.stderr


# -- 3. the redline of two Markdown revisions ---------------------------------------------------------------------

MARKDOWN = """# 电源适配器　技术要求

## 1　范围

本文件规定了电源适配器的技术要求。

## 2　要求

适配器的外壳{form}采用阻燃材料。
"""


@pytest.fixture()
def markdown_pair(tmp_path) -> tuple[Path, Path, Path]:
    repo = base_repository(tmp_path)
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    old, new = drafts / "rev 1.md", drafts / "rev2.md"
    old.write_text(MARKDOWN.format(form="宜"), encoding="utf-8")
    new.write_text(MARKDOWN.format(form="应"), encoding="utf-8")
    return repo, old, new


def test_redline_of_two_markdown_revisions_is_named_after_their_files(markdown_pair):
    repo, old, new = markdown_pair
    args = ["--root", str(repo), "diff", "--from", str(old), "--to", str(new), "--designation", "GB/T 54321—XXXX",
            "--source-lang", "zh", "--format", "text", "--format", "html"]
    runner = CliRunner()
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    written = repo / "build" / "diff" / "rev-1--rev2.html"
    assert f"redline: {written}" in result.stderr and written.is_file()
    result = runner.invoke(main, [*args, "--standard", "adapter"])
    assert result.exit_code == 0, result.output
    assert (repo / "build" / "diff" / "adapter.html").is_file()
    assert sorted(p.name for p in (repo / "build" / "diff").iterdir()) == ["adapter.html", "rev-1--rev2.html"]


def fake_worker(tmp_path: Path, fail: bool = False) -> list[str]:
    """A renderer that copies the print HTML to the PDF's place (or fails): no WeasyPrint needed."""
    script = tmp_path / "worker.py"
    script.write_text("import json, shutil, sys\n" + ("sys.exit('renderer crashed')\n" if fail else "")
                      + "shutil.copy(sys.argv[1], sys.argv[2])\nprint(json.dumps({'pages': 1}))\n", encoding="utf-8")
    return [sys.executable, str(script)]


def test_print_html_is_removed_once_the_pdf_is_written(tmp_path):
    old = [C("scope", "1", "范围", P("本文件规定了要求。"))]
    new = [C("scope", "1", "范围", P("本文件规定了要求。"), P("适配器应符合规定。"))]
    result = diff_revisions(S(*old), S(*new, label="new"))
    out = tmp_path / "diff"
    path = redline.write_pdf(result, out / "x.pdf", REPO, worker=fake_worker(tmp_path))
    assert path.is_file() and sorted(p.name for p in out.iterdir()) == ["x.pdf"]
    with pytest.raises(redline.RedlineError, match="renderer crashed"):
        redline.write_pdf(result, out / "y.pdf", REPO, worker=fake_worker(tmp_path, fail=True))
    assert sorted(p.name for p in out.iterdir()) == ["x.pdf"]
    redline.write_pdf(result, out / "z.pdf", REPO, worker=fake_worker(tmp_path), keep_html=True)
    assert (out / "z.print.html").is_file()  # kept when asked, for inspection


@pytest.mark.pdf
def test_pdf_redline_of_markdown_revisions_leaves_only_the_pdf(markdown_pair):
    repo, old, new = markdown_pair
    result = CliRunner().invoke(main, ["--root", str(repo), "diff", "--from", str(old), "--to", str(new),
                                       "--designation", "GB/T 54321—XXXX", "--source-lang", "zh",
                                       "--format", "pdf"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (repo / "build" / "diff").iterdir()) == ["rev-1--rev2.pdf"]


# -- 4 and 5. the terminal summary ------------------------------------------------------------------------------


def test_summary_line_puts_quoted_text_on_one_line():
    old = [C("log", "5", "Logging", P("The system shall log events."))]
    new = [C("log", "5", "Logging", P("The system shall log events."),
             P("It is\nRECOMMENDED that the system keeps the logs for a year."))]
    result = diff_revisions(S(*old, lang="en", profile="iso", designation="ISO 1:2020"),
                            S(*new, lang="en", profile="iso", designation="ISO 1:2020", label="new"))
    lines = summary_text(result).splitlines()
    assert "  5 → 5 modified technical: recommendation added (It is RECOMMENDED that) — Logging" in lines
    assert all(not line.startswith("RECOMMENDED") for line in lines)


def test_reasons_are_in_the_language_of_the_comparison():
    """An English comparison (``--lang en``) whose segment was left in Chinese: the reason reads as the
    foreword's, ``requirement added (应)``, in the summary and in the redline."""
    old = [C("general", "5.1", "General", P("The enclosure should be made of flame-retardant material."))]
    new = [C("general", "5.1", "General", P("The enclosure should be made of flame-retardant material."),
             P("适配器应符合规定。"))]
    result = diff_revisions(S(*old, lang="en"), S(*new, lang="en", label="new"))
    text = summary_text(result)
    assert "  5.1 → 5.1 modified technical: requirement added (应) — General" in text.splitlines()
    assert "增加要求" not in text
    assert "requirement added (应)" in technical_changes(result)
    html = redline.render_html(result)
    assert "requirement added (应)" in html and "增加要求" not in html
    # a Chinese comparison still says it in Chinese
    result = diff_revisions(S(*old, lang="zh"), S(*new, lang="zh", label="new"))
    assert "  5.1 → 5.1 modified technical: 增加要求（应） — General" in summary_text(result).splitlines()


# -- 6. std publish --standard nope ------------------------------------------------------------------------------


def test_publish_of_an_unknown_standard_is_a_usage_error_before_any_build(tmp_path):
    repo = make_repository(tmp_path, "pdf")
    result = CliRunner().invoke(main, ["--root", str(repo), "publish", "--standard", "nope"])
    assert result.exit_code == 2, result.output
    assert "Invalid value for --standard: no standard nope" in result.output
    assert "published" not in result.output and not (repo / "build").exists()


def test_a_markdown_revision_in_another_language_names_the_diff_option(tmp_path):
    """The import's language check speaks of std diff's own option, --source-lang."""
    zh = tmp_path / "zh.md"
    zh.write_text("# 范围\n\n" + "本文件规定了机器学习模型质量评价的方法和要求，适用于各类组织。" * 10 + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", "--from", str(zh), "--to", str(zh), "--designation", "ISO/IEC 99999",
                                       "--source-lang", "en"])
    assert result.exit_code == 1, result.output
    assert "give --source-lang zh" in result.output and "--lang zh" not in result.output.replace("--source-lang", ""), \
        result.output
