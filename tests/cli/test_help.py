"""The command line in the user's language (issue #17 item 4): under
`--lang zh` or a zh_* locale, `zhunru --help` and every subcommand's help are
Chinese — every description line holds Chinese, the headings are translated —
and a refused command line says what went wrong in Chinese first.
"""
import os
import re
import subprocess

CLI = os.environ["ZHUNRU_CLI"]
HAN = re.compile(r"[\u4e00-\u9fff]")


def run(*args, lang="C.UTF-8"):
    env = dict(os.environ, LANG=lang, LC_ALL="", LC_MESSAGES="")
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=env, timeout=60)


def subcommands():
    out = run("--help").stdout
    names = []
    listing = False
    for line in out.splitlines():
        if line.startswith("Subcommands:"):
            listing = True
            continue
        if listing and line.startswith("  ") and line.strip():
            names.append(line.split()[0])
    assert "check" in names and "lsp" in names, out
    return names


def described_lines(text):
    """The lines of a help text that describe an option or a subcommand."""
    lines = []
    for line in text.splitlines():
        if not line.startswith("  ") or not line.strip():
            continue
        parts = re.split(r"\s{2,}", line.strip(), maxsplit=1)
        if len(parts) == 2:
            lines.append(line)
    return lines


def test_every_help_text_is_chinese_under_lang_zh():
    for args in [["--help"]] + [[name, "--help"] for name in subcommands()]:
        out = run(*args, "--lang", "zh")
        assert out.returncode == 0, out.stderr
        assert out.stdout.startswith("zhunru") or "用法" in out.stdout, out.stdout
        assert "用法" in out.stdout and "Usage" not in out.stdout, out.stdout
        english = [l for l in described_lines(out.stdout) if not HAN.search(l)]
        assert english == [], (args, english)


def test_a_zh_locale_gives_chinese_help_and_english_stays_english():
    assert "子命令" in run("--help", lang="zh_CN.UTF-8").stdout
    en = run("check", "--help").stdout
    assert "Usage" in en and not HAN.search("".join(described_lines(en)))


def test_a_refused_command_line_says_why_in_chinese_first():
    out = run("check", "--lang", "zh")
    assert out.returncode == 2
    first = out.stderr.splitlines()[0]
    assert first.startswith("zhunru：缺少必需的参数：") and "path" in first, out.stderr
    assert "--help" in out.stderr
    extra = run("check", "a", "b", "--lang", "zh")
    assert "有多余的参数" in extra.stderr
    bad = run("screen", "x", "--threads", "0", "--lang", "zh")
    assert "参数值无效" in bad.stderr or "参数值的类型不对" in bad.stderr, bad.stderr
    english = run("check")
    assert english.returncode == 2 and not HAN.search(english.stderr)
