"""Stable IDs: derivation (never from numbers, Chinese through pinyin) and ``std ids`` on real sources."""

from __future__ import annotations

from click.testing import CliRunner

from tooling.cli import main
from tooling.model.ids import derive_id, is_valid_id

from .conftest import make_repository


def test_derive_id():
    taken: set[str] = set()
    assert derive_id("5.2 机器学习模型", taken) == "ji-qi-xue-xi-mo-xing"
    assert derive_id("机器学习模型", taken) == "ji-qi-xue-xi-mo-xing-2"
    assert derive_id("## 2.1 - 组件记录", taken) == "zu-jian-ji-lu"
    assert derive_id("Normative references", taken) == "normative-references"
    assert derive_id("3", taken, fallback="clause") == "clause"
    assert derive_id("Über Größe", taken) == "uber-grosse"
    assert all(is_valid_id(label) for label in taken)


SOURCE = """\
(kept)=
{.scope}
# 范围

本文件规定了

## 通用要求

:::{table} 评价指标
| a | b |
| --- | --- |
| 1 | 2 |
:::

$$
x = 1
$$

::::{term} 数据集
:en: data set

数据的集合。
::::
"""


def test_std_ids_adds_only_target_lines(tmp_path):
    repo = make_repository(tmp_path, "numbering")
    path = repo / "standards" / "alpha" / "extra.md"
    path.write_text(SOURCE, encoding="utf-8")
    runner = CliRunner()
    check = runner.invoke(main, ["--root", str(repo), "ids", "--check", str(path)])
    assert check.exit_code == 1
    assert path.read_text(encoding="utf-8") == SOURCE, "--check changes nothing"
    result = runner.invoke(main, ["--root", str(repo), "ids", str(repo / "standards" / "alpha")])
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    assert "(tong-yong-yao-qiu)=\n## 通用要求" in text
    assert "(ping-jia-zhi-biao)=\n:::{table} 评价指标" in text
    assert "$$ (tong-yong-yao-qiu-formula)" in text
    assert "(shu-ju-ji)=\n::::{term} 数据集" in text
    # nothing else changed: removing the inserted lines gives the original back
    stripped = "\n".join(line for line in text.split("\n") if not line.startswith("(") or line == "(kept)=")
    assert stripped.replace("$$ (tong-yong-yao-qiu-formula)", "$$") == SOURCE
    # idempotent
    again = runner.invoke(main, ["--root", str(repo), "ids", "--check"])
    assert again.exit_code == 0, again.output


def test_ids_are_unique_within_the_standard(tmp_path):
    repo = make_repository(tmp_path, "numbering")
    path = repo / "standards" / "alpha" / "extra.md"
    path.write_text("# 要求\n\n正文。\n", encoding="utf-8")  # 'requirements' exists; its pinyin form does not
    path2 = repo / "standards" / "alpha" / "extra2.md"
    path2.write_text("# 要求\n\n正文。\n", encoding="utf-8")
    CliRunner().invoke(main, ["--root", str(repo), "ids", str(path), str(path2)])
    assert path.read_text(encoding="utf-8").startswith("(yao-qiu)=")
    assert path2.read_text(encoding="utf-8").startswith("(yao-qiu-2)=")


def test_std_ids_prints_paths_relative_to_the_repository_root(tmp_path):
    """``--check`` and the writing run print the same relative paths, whatever form the PATHS take."""
    repo = make_repository(tmp_path, "numbering")
    path = repo / "standards" / "alpha" / "extra.md"
    path.write_text(SOURCE, encoding="utf-8")
    runner = CliRunner()
    for args in (["--check"], ["--check", str(path)], ["--check", str(repo / "standards" / "alpha")]):
        check = runner.invoke(main, ["--root", str(repo), "ids", *args])
        assert check.exit_code == 1, check.output
        lines = check.stdout.splitlines()
        assert lines and all(line.startswith("standards/alpha/extra.md:") for line in lines), (args, lines)
        assert "standards/alpha/extra.md:7: needs ID 'tong-yong-yao-qiu' (clause)" in lines, lines
    result = runner.invoke(main, ["--root", str(repo), "ids", str(path)])
    assert result.exit_code == 0, result.output
    assert all(line.startswith("standards/alpha/extra.md:") and ": added ID " in line
               for line in result.stdout.splitlines()), result.stdout
    assert str(repo) not in result.output


def test_std_ids_keeps_line_ends_and_bom(tmp_path):
    """Adding an ID to a CRLF file with a BOM changes only the inserted lines (which end as the file's lines do)."""
    repo = make_repository(tmp_path, "numbering")
    crlf = repo / "standards" / "alpha" / "extra.md"
    original = b"\xef\xbb\xbf" + SOURCE.replace("\n", "\r\n").encode("utf-8")
    crlf.write_bytes(original)
    mixed = repo / "standards" / "alpha" / "mixed.md"  # mostly LF, one CRLF line, no line end at the end
    mixed.write_bytes("# 混合\r\n\n正文。\n\n末行。".encode())
    result = CliRunner().invoke(main, ["--root", str(repo), "ids", str(crlf), str(mixed)])
    assert result.exit_code == 0, result.output
    data = crlf.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\xef\xbb\xbf") == 1
    assert b"\n" not in data.replace(b"\r\n", b""), "every line still ends in CRLF"
    assert "(tong-yong-yao-qiu)=\r\n## 通用要求\r\n".encode() in data
    assert "$$ (tong-yong-yao-qiu-formula)\r\n".encode() in data
    kept = b"\r\n".join(line for line in data.split(b"\r\n") if not line.startswith(b"(") or line == b"(kept)=")
    assert kept.replace(b"$$ (tong-yong-yao-qiu-formula)", b"$$") == original
    assert mixed.read_bytes() == "(hun-he)=\n# 混合\r\n\n正文。\n\n末行。".encode()


def test_std_ids_reports_a_file_that_is_not_utf8_and_handles_the_others(tmp_path):
    repo = make_repository(tmp_path, "numbering")
    folder = repo / "standards" / "alpha"
    gbk = folder / "gbk.md"
    gbk_bytes = "## 编码\n\n文本。\n".encode("gbk")
    gbk.write_bytes(gbk_bytes)
    extra = folder / "extra.md"
    extra.write_text(SOURCE, encoding="utf-8")
    runner = CliRunner()
    for args in (["ids", "--check"], ["ids", str(folder)]):
        result = runner.invoke(main, ["--root", str(repo), *args])
        assert result.exit_code == 1, result.output
        assert "Traceback" not in result.output
        assert "standards/alpha/gbk.md: not valid UTF-8 (byte 0xb1 at offset 3): save the file as UTF-8; its IDs " \
               "were not checked" in result.stderr, result.output
    assert gbk.read_bytes() == gbk_bytes, "the file that cannot be read is left as it is"
    assert "(tong-yong-yao-qiu)=" in extra.read_text(encoding="utf-8"), "the other files get their IDs"


def test_std_ids_refuses_a_path_outside_the_standards(tmp_path):
    repo = make_repository(tmp_path, "numbering")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = CliRunner().invoke(main, ["--root", str(repo), "ids", str(elsewhere)])
    assert result.exit_code == 2 and "not part of any standard" in result.output, result.output
