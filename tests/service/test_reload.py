"""Hot reload: a good edit is served, a broken one leaves the previous
version serving (and says so), requests in flight finish on the version
they started with, and a busy server refuses with 503 rather than queueing."""
import http.client
import json
import os
import signal
import time

from conftest import AS_OF, ROOT, TOKEN, Server, assert_error

PROJECT = b'{"industry": "C2614", "nature": "new", "units": ["ZH50011510001"]}'
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def wait_for(predicate, what, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def bump_version(ruleset, version):
    schema = ruleset / "schema.rules"
    text = schema.read_text()
    start = text.index('version "') + len('version "')
    end = text.index('"', start)
    schema.write_text(text[:start] + version + text[end:])


def hash_of(server):
    return server.json("GET", "/healthz")[2]["ruleset"]["hash"]


def test_a_good_edit_then_a_broken_one(ruleset_copy, tmp_path):
    s = Server(str(ruleset_copy), tmp_path, "--reload-ms", "100")
    try:
        first = hash_of(s)
        bump_version(ruleset_copy, "2099.1")
        wait_for(lambda: hash_of(s) != first, "the good edit to be served")
        health = s.json("GET", "/healthz")[2]
        assert health["status"] == "ok" and health["ruleset"]["version"] == "2099.1" and health["reloads"] == 1
        status, res, decision = s.json("POST", f"/v1/evaluate?as_of={AS_OF}", PROJECT)
        assert status == 200 and decision["ruleset"]["version"] == "2099.1"
        second = decision["ruleset"]["hash"]
        assert res.getheader("X-Zhunru-Ruleset") == second

        with open(ruleset_copy / "city.rules", "a") as f:
            f.write("\nthis is not a rule\n")
        health = wait_for(lambda: (h := s.json("GET", "/healthz")[2])["failed_reloads"] == 1 and h, "the broken edit")
        assert health["status"] == "reload-failed"
        assert health["ruleset"]["hash"] == second  # still serving the good version
        assert "city.rules" in health["last_failure"]["diagnostics"]
        assert health["last_failure"]["message"]["zh"]
        status, _, decision = s.json("POST", f"/v1/evaluate?as_of={AS_OF}", PROJECT)
        assert status == 200 and decision["ruleset"]["hash"] == second
        metrics = s.request("GET", "/metrics")[2].decode()
        assert 'zhunru_reloads_total{result="failed"} 1' in metrics and "zhunru_reload_failing 1" in metrics
        assert s.events("reload-failed")
        time.sleep(0.5)  # a broken version is reported once, not recompiled every interval
        assert s.json("GET", "/healthz")[2]["failed_reloads"] == 1

        text = (ruleset_copy / "city.rules").read_text().replace("\nthis is not a rule\n", "")
        (ruleset_copy / "city.rules").write_text(text)
        wait_for(lambda: s.json("GET", "/healthz")[2]["status"] == "ok", "the mended version")
    finally:
        s.stop()


def test_sighup_and_post_reload(ruleset_copy, tmp_path):
    s = Server(str(ruleset_copy), tmp_path, "--reload-ms", "0", token=TOKEN)
    try:
        first = hash_of(s)
        bump_version(ruleset_copy, "2099.2")
        time.sleep(0.5)
        assert hash_of(s) == first  # not watching: nothing happens until asked
        s.proc.send_signal(signal.SIGHUP)
        wait_for(lambda: hash_of(s) != first, "SIGHUP to reload")
        bump_version(ruleset_copy, "2099.3")
        status, res, health = s.json("POST", "/v1/reload", None, AUTH)
        assert status == 200 and health["ruleset"]["version"] == "2099.3"
        assert res.getheader("X-Zhunru-Ruleset") == health["ruleset"]["hash"]
        (ruleset_copy / "schema.rules").write_text("fact broken")
        status, _, health = s.json("POST", "/v1/reload", None, AUTH)
        assert status == 422 and health["status"] == "reload-failed"
        assert health["ruleset"]["version"] == "2099.3"
    finally:
        s.stop()


def big_batch():
    with open(os.path.join(ROOT, "tests/fixtures/screen/chongqing.ndjson"), "rb") as f:
        lines = f.read().splitlines()
    return b"\n".join(lines * 1400) + b"\n", len(lines) * 1400


def start_screen(server, batch):
    """Sends a batch and reads only the first answers: the server is left
    blocked writing the rest, the request still in flight."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    conn.request("POST", f"/v1/screen?as_of={AS_OF}", body=batch, headers=AUTH)
    res = conn.getresponse()
    assert res.status == 200
    head = res.read(4096)
    return conn, res, head


def test_a_request_in_flight_keeps_its_version(ruleset_copy, tmp_path):
    s = Server(str(ruleset_copy), tmp_path, "--reload-ms", "0", token=TOKEN)
    try:
        old = hash_of(s)
        batch, records = big_batch()
        conn, res, head = start_screen(s, batch)
        bump_version(ruleset_copy, "2099.4")
        status, _, health = s.json("POST", "/v1/reload", None, AUTH)
        assert status == 200 and health["ruleset"]["hash"] != old
        assert s.json("POST", f"/v1/evaluate?as_of={AS_OF}", PROJECT)[2]["ruleset"]["version"] == "2099.4"
        answers = [json.loads(line) for line in (head + res.read()).decode().splitlines()]
        conn.close()
        assert len(answers) == records
        assert [a["record"] for a in answers] == list(range(1, records + 1))
        judged = [a for a in answers if "ruleset" in a]
        assert judged and all(a["ruleset"]["hash"] == old for a in judged)
    finally:
        s.stop()


def test_too_many_requests_at_once_get_503(tmp_path):
    s = Server("rules/chongqing", tmp_path, "--reload-ms", "0", "--max-in-flight", "1")
    try:
        batch, records = big_batch()
        conn, res, head = start_screen(s, batch)
        status, res503, data = s.json("POST", "/v1/evaluate", PROJECT)
        assert status == 503 and res503.getheader("Retry-After") == "1"
        assert_error(data, "http.busy")
        assert len((head + res.read()).splitlines()) == records
        conn.close()
        wait_for(lambda: s.json("POST", "/v1/evaluate", PROJECT)[0] == 200, "the screen to finish")
    finally:
        s.stop()
