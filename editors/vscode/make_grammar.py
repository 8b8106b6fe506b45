#!/usr/bin/env python3
"""Writes syntaxes/zhunru.tmLanguage.json from the front end's keyword table
(src/ast/keyword.cpp), so highlighting knows every keyword in both languages.
Run it after adding a keyword; tests/lsp/test_vscode_grammar.py fails when
the committed grammar differs from what this writes.

    python3 editors/vscode/make_grammar.py
"""
import json
import pathlib
import re

HERE = pathlib.Path(__file__).resolve().parent
KEYWORDS = HERE.parent.parent / "src" / "ast" / "keyword.cpp"
GRAMMAR = HERE / "syntaxes" / "zhunru.tmLanguage.json"

FORMS_EN = ["ban", "require", "limit", "allow", "encourage"]
FORMS_ZH = ["禁止", "应当", "限制", "允许", "鼓励"]
# English names may hold `-` (`in-ftz` is a fact, not `in`); Chinese
# keywords stand between spaces, brackets and punctuation.
BEFORE_EN, AFTER_EN = r"(?<![\w-])", r"(?![\w-])"
BEFORE_ZH, AFTER_ZH = r"(?<![^\s(（\[{;；,，:：])", r"(?![^\s)）\]};；,，:：])"


def alternatives(words, english):
    ordered = sorted(set(words), key=lambda w: (-len(w), w))  # the longest first: 枚举类型 before 枚举
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") if english else re.escape(w) for w in ordered)


def pattern(words, english):
    before, after = (BEFORE_EN, AFTER_EN) if english else (BEFORE_ZH, AFTER_ZH)
    return before + "(" + alternatives(words, english) + ")" + after


def grammar():
    pairs = re.findall(r'\{"([^"]+)", "([^"]+)"\}', KEYWORDS.read_text(encoding="utf-8"))
    english = [e for e, _ in pairs if e not in FORMS_EN]
    chinese = [z for _, z in pairs if z not in FORMS_ZH]
    return {
        "name": "zhunru rules",
        "scopeName": "source.zhunru",
        "comment": "Written by editors/vscode/make_grammar.py from src/ast/keyword.cpp; do not edit by hand.",
        "patterns": [{"include": "#" + name} for name in
                     ["comment", "string", "rule-id", "form", "keyword", "unit-code", "date", "number"]],
        "repository": {
            "comment": {"patterns": [{"name": "comment.line.number-sign.zhunru", "match": "#.*$"},
                                     {"name": "comment.line.double-slash.zhunru", "match": "//.*$"}]},
            "string": {"patterns": [
                {"name": "string.quoted.double.zhunru", "begin": "\"", "end": "\"",
                 "patterns": [{"name": "constant.character.escape.zhunru", "match": r"\\."}]},
                {"name": "string.quoted.other.zhunru", "begin": "“", "end": "”"}]},
            "rule-id": {"match": r"^\s*([A-Za-z0-9][A-Za-z0-9_.-]*)\s*(:|：)",
                        "captures": {"1": {"name": "entity.name.function.rule-id.zhunru"}}},
            "form": {"patterns": [{"name": "keyword.control.form.zhunru", "match": pattern(FORMS_EN, True)},
                                  {"name": "keyword.control.form.zhunru", "match": pattern(FORMS_ZH, False)}]},
            "keyword": {"patterns": [{"name": "keyword.other.zhunru", "match": pattern(english, True)},
                                     {"name": "keyword.other.zhunru", "match": pattern(chinese, False)}]},
            "unit-code": {"name": "constant.other.unit-code.zhunru", "match": r"\bZH\d{11}\b"},
            "date": {"name": "constant.numeric.date.zhunru", "match": r"\b\d{4}-\d{2}-\d{2}\b"},
            "number": {"name": "constant.numeric.zhunru", "match": r"(?<![\w-])-?\d+(\.\d+)?(%|‰)?"},
        },
    }


def text():
    return json.dumps(grammar(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    GRAMMAR.write_text(text(), encoding="utf-8")
    print("wrote", GRAMMAR)
