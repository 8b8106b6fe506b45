"""A scripted session with `zhunru lsp` (docs/editors.md): the editor's side
of the Language Server Protocol over a pipe, every answer read with a time
limit. Diagnostics as a file is typed (a misspelt fact, then fixed), in both
languages; hover, completion, go to definition and formatting; and hostile
messages, after each of which the server must still answer.
"""
import json
import os
import queue
import subprocess
import threading

import pytest

CLI = os.environ["ZHUNRU_CLI"]
WAIT = 60  # seconds for any one answer (a sanitized build is slow)

SCHEMA = """ruleset "编辑器测试" version "1" effective 2024-01-01;
fact capacity : quantity t/a "设计产能";
fact nature : one of { new "新建", expansion "扩建" } "建设性质";
fact industry : industry "国民经济行业类别";
kind chemical "化工项目" = industry in [C26];
"""

CITY = """city 500000 "重庆市" {
  spatial-layout {
    C1: ban new chemical projects where capacity > 10 t/a
      because "test";
  }
}
"""


class Client:
    def __init__(self, *args):
        self.proc = subprocess.Popen([CLI, "lsp", *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)
        self.inbox = queue.Queue()
        self.held = []  # notifications read while waiting for an answer
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            self.inbox.put(json.loads(out.read(length)))

    def send_raw(self, data: bytes):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message):
        body = json.dumps(message, ensure_ascii=False).encode()
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return self.answer(self.next_id)

    def answer(self, id_):
        """The response to request `id_` (notifications before it are kept)."""
        while True:
            message = self.inbox.get(timeout=WAIT)
            assert message is not None, "the server stopped: " + self.proc.stderr.read().decode()
            if message.get("id") == id_ and "method" not in message:
                return message
            self.held.append(message)

    def diagnostics(self, uri):
        """The next diagnostics published for `uri`."""
        for i, message in enumerate(self.held):
            if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri:
                del self.held[i]
                return message["params"]["diagnostics"]
        while True:
            message = self.inbox.get(timeout=WAIT)
            assert message is not None, "the server stopped"
            if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri:
                return message["params"]["diagnostics"]
            self.held.append(message)

    def initialize(self, root, options=None):
        params = {"processId": None, "rootUri": root.as_uri(), "capabilities": {}}
        if options:
            params["initializationOptions"] = options
        answer = self.request("initialize", params)
        self.notify("initialized", {})
        return answer

    def close(self):
        assert "error" not in self.request("shutdown", None)
        self.notify("exit", None)
        assert self.proc.wait(timeout=WAIT) == 0
        self.proc.stdout.close()
        self.proc.stderr.close()


@pytest.fixture
def ruleset(tmp_path):
    where = tmp_path / "重庆 清单"  # URIs percent-encode both
    where.mkdir()
    (where / "schema.rules").write_text(SCHEMA)
    (where / "city.rules").write_text(CITY)
    return where


@pytest.fixture
def client():
    c = Client("--lang", "en")
    yield c
    if c.proc.poll() is None:
        c.proc.kill()
        c.proc.wait()


def open_city(client, ruleset, text):
    uri = (ruleset / "city.rules").as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "zhunru", "version": 1,
                                                           "text": text}})
    return uri


def position_of(text, word, nth=0):
    lines = text.split("\n")
    seen = 0
    for number, line in enumerate(lines):
        at = line.find(word)
        while at >= 0:
            if seen == nth:
                return {"line": number, "character": len(line[:at].encode("utf-16-le")) // 2 + 1}
            seen += 1
            at = line.find(word, at + 1)
    raise AssertionError(word)


def test_a_misspelt_fact_is_published_and_cleared_when_fixed(client, ruleset):
    answer = client.initialize(ruleset)
    capabilities = answer["result"]["capabilities"]
    assert capabilities["hoverProvider"] and capabilities["definitionProvider"]
    typo = CITY.replace("capacity >", "capacty >")
    uri = open_city(client, ruleset, typo)
    found = client.diagnostics(uri)
    assert [d["code"] for d in found] == ["check.unknown-name"], found
    d = found[0]
    assert d["severity"] == 1 and d["source"] == "zhunru"
    assert "capacity" in d["message"]  # did you mean
    at = position_of(typo, "capacty")
    assert d["range"]["start"] == {"line": at["line"], "character": at["character"] - 1}
    assert d["range"]["end"]["character"] == at["character"] - 1 + len("capacty")
    # The buffer is checked, not the file on disk (which is right).
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                             "contentChanges": [{"text": CITY}]})
    assert client.diagnostics(uri) == []
    client.close()


def test_diagnostics_in_chinese_with_columns_in_utf16(client, ruleset):
    client.initialize(ruleset, {"lang": "zh"})
    text = CITY.replace('city 500000 "重庆市"', 'city 500000 "重庆市" ').replace("capacity >", "产能 >")
    uri = open_city(client, ruleset, text)
    found = client.diagnostics(uri)
    assert found and all(any("\u4e00" <= ch <= "\u9fff" for ch in d["message"]) for d in found), found
    at = position_of(text, "产能")
    assert found[0]["range"]["start"]["character"] == at["character"] - 1
    client.close()


def test_an_error_in_another_file_of_the_ruleset_is_published_for_that_file(client, ruleset):
    client.initialize(ruleset)
    (ruleset / "schema.rules").write_text(SCHEMA.replace("fact nature", "fakt nature"))
    uri = open_city(client, ruleset, CITY)
    schema = client.diagnostics((ruleset / "schema.rules").as_uri())
    assert schema and schema[0]["code"].startswith("syntax."), schema
    client.close()


def test_hover_completion_definition(client, ruleset):
    client.initialize(ruleset)
    uri = open_city(client, ruleset, CITY)
    assert client.diagnostics(uri) == []
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": position_of(CITY, "capacity")})
    value = hover["result"]["contents"]["value"]
    assert "设计产能" in value and "quantity t/a" in value and "schema.rules:2" in value, value
    kind = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": position_of(CITY, "chemical")})
    assert "industry in [C26]" in kind["result"]["contents"]["value"]  # the definition as written
    keyword = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": position_of(CITY, "ban")})
    assert "禁止" in keyword["result"]["contents"]["value"]
    blank = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
    assert "error" not in blank

    items = client.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": {"line": 3, "character": 0}})
    by_label = {i["label"]: i for i in items["result"]["items"]}
    for name in ["capacity", "nature", "chemical", "new", "ban", "禁止", "where", "当"]:
        assert name in by_label, name
    assert by_label["化工项目"]["insertText"] == "chemical"  # a label finds its name
    assert by_label["设计产能"]["insertText"] == "capacity"

    found = client.request("textDocument/definition", {"textDocument": {"uri": uri}, "position": position_of(CITY, "chemical")})
    [location] = found["result"]
    assert location["uri"] == (ruleset / "schema.rules").as_uri()
    assert location["range"]["start"]["line"] == 4
    client.close()


def test_formatting_gives_what_fmt_gives(client, ruleset):
    client.initialize(ruleset)
    messy = CITY.replace("  spatial-layout {", "spatial-layout   {")
    uri = open_city(client, ruleset, messy)
    client.diagnostics(uri)
    edits = client.request("textDocument/formatting", {"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": True}})
    [edit] = edits["result"]
    (ruleset / "messy.rules").write_text(messy)
    expected = subprocess.run([CLI, "fmt", str(ruleset / "messy.rules")], capture_output=True, check=True).stdout.decode()
    assert edit["newText"] == expected
    assert edit["range"]["start"] == {"line": 0, "character": 0}
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                             "contentChanges": [{"text": "city 500000 {"}]})
    broken = client.request("textDocument/formatting", {"textDocument": {"uri": uri}, "options": {}})
    assert broken["error"]["code"] == -32803
    client.close()


def test_hostile_messages_get_errors_and_the_server_goes_on(client, ruleset):
    answer = client.request("textDocument/hover", {"textDocument": {"uri": "file:///x.rules"}, "position": {"line": 0, "character": 0}})
    assert answer["error"]["code"] == -32002  # not initialized
    client.initialize(ruleset)
    deep = b"[" * 100000 + b"]" * 100000
    client.send_raw(b"Content-Length: %d\r\n\r\n" % len(deep) + deep)
    client.send_raw(b"Content-Length: 9\r\n\r\n{not json")
    client.send_raw(b"Content-Length: 2\r\n\r\n[]")
    errors = [client.inbox.get(timeout=WAIT) for _ in range(3)]
    assert [e["error"]["code"] for e in errors] == [-32700, -32700, -32600], errors
    assert "deep" in errors[0]["error"]["message"]
    assert client.request("no/such/method", {})["error"]["code"] == -32601
    wrong = client.request("textDocument/hover", {"textDocument": {"uri": 12}})
    assert wrong["error"]["code"] == -32602
    other = client.request("textDocument/hover", {"textDocument": {"uri": "http://example.com/x.rules"},
                                                  "position": {"line": 0, "character": 0}})
    assert "error" in other
    # A file outside any ruleset is checked alone.
    alone = ruleset.parent / (ruleset.name + "-alone")
    alone.mkdir()
    stray = alone / "stray.rules"
    uri = stray.as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "zhunru", "version": 1,
                                                           "text": "city 500000 { spatial-layout { ban projects where x; } }"}})
    assert any(d["code"] == "check.unknown-name" for d in client.diagnostics(uri))
    client.close()


def test_exit_without_shutdown_is_exit_code_1(ruleset):
    c = Client()
    c.initialize(ruleset)
    c.notify("exit", None)
    assert c.proc.wait(timeout=WAIT) == 1
