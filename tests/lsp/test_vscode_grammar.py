"""The VS Code extension's highlighting (editors/vscode): the committed
grammar is what make_grammar.py writes from the keyword table, and every
keyword `zhunru lsp` offers — English and Chinese — is highlighted, while a
name that merely contains one (`in-ftz`) is not.
"""
import importlib.util
import json
import pathlib
import re

from test_lsp import Client

ROOT = pathlib.Path(__file__).resolve().parents[2]
VSCODE = ROOT / "editors" / "vscode"


def load_maker():
    spec = importlib.util.spec_from_file_location("make_grammar", VSCODE / "make_grammar.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def keyword_patterns():
    grammar = json.loads((VSCODE / "syntaxes" / "zhunru.tmLanguage.json").read_text(encoding="utf-8"))
    repo = grammar["repository"]
    return [re.compile(p["match"]) for name in ("form", "keyword") for p in repo[name]["patterns"]]


def highlighted(word, line=None):
    line = line if line is not None else " " + word + " "
    for p in keyword_patterns():
        for m in p.finditer(line):
            if m.group(0) == word:
                return True
    return False


def test_the_committed_grammar_is_what_the_maker_writes():
    assert (VSCODE / "syntaxes" / "zhunru.tmLanguage.json").read_text(encoding="utf-8") == load_maker().text()


def test_every_keyword_the_server_offers_is_highlighted(tmp_path):
    (tmp_path / "a.rules").write_text('ruleset "x" version "1";\n')
    c = Client()
    c.initialize(tmp_path)
    uri = (tmp_path / "a.rules").as_uri()
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "zhunru", "version": 1,
                                                       "text": 'ruleset "x" version "1";\n'}})
    items = c.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": {"line": 1, "character": 0}})
    c.close()
    words = [i["label"] for i in items["result"]["items"] if i["kind"] == 14]
    assert "禁止" in words and "one of" in words and len(words) > 100
    missed = [w for w in words if not highlighted(w)]
    assert missed == []


def test_names_holding_a_keyword_are_not_keywords():
    assert not highlighted("in", " where in-ftz and low-voc ")
    assert highlighted("in", " where x in [a] ")
    assert highlighted("禁止", "  C1：禁止 新建 项目；")
    assert not highlighted("项目", " 化工项目 ")
