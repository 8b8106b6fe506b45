"""Every route of `zhunru serve`, and every refusal (docs/service.md)."""
import glob
import json
import os
import socket

from conftest import AS_OF, ROOT, TOKEN, assert_error, cli

PROJECTS = sorted(glob.glob(os.path.join(ROOT, "examples/projects/chongqing/*.json")))


def test_evaluate_answers_what_eval_answers(server):
    assert len(PROJECTS) >= 10
    for path in PROJECTS:
        with open(path, "rb") as f:
            body = f.read()
        status, res, answer = server.json("POST", f"/v1/evaluate?as_of={AS_OF}", body)
        expected = cli("eval", "rules/chongqing", "--project", path, "--format", "json", "--as-of", AS_OF)
        if expected.returncode != 0:  # a project the command refuses is refused here too
            assert status in (400, 422), (path, answer)
            continue
        assert status == 200, (path, answer)
        assert answer == json.loads(expected.stdout), path
        assert res.getheader("X-Zhunru-Ruleset") == answer["ruleset"]["hash"]
        assert res.getheader("Content-Type").startswith("application/json")


def test_evaluate_refuses_bad_projects_with_the_right_status(server):
    cases = [
        (b'{"industry": ', 400, "input.not-json"),
        (b"", 400, "input.not-json"),
        (b'{"a":' * 100 + b"1" + b"}" * 100, 400, "input.too-deep"),
        (b"[" * 100000 + b"]" * 100000, 422, "project.not-object"),
        (b'{"industry": "C2614", "units": ["ZH50011510001"], "nature": 7}', 422, "project.wrong-type"),
        (b'{"no-such-fact": true, "units": ["ZH50011510001"]}', 422, "project.unknown-fact"),
        (b'{"industry": "\xff\xfe"}', 400, "input.encoding"),
        (b'{"industry": "C2614"}', 422, "eval.no-units"),
    ]
    for body, status, code in cases:
        got, _, data = server.json("POST", "/v1/evaluate", body)
        assert got == status, (body[:40], data)
        assert_error(data, code)


def test_a_project_larger_than_a_form_is_read_whatever_its_content_type(server):
    # curl --data-binary sends application/x-www-form-urlencoded; httplib caps those at 8 KB.
    ring = [[106.5 + 0.001 * i, 29.5 + 0.0001 * (i % 2)] for i in range(600)]
    body = json.dumps({"industry": "C2614", "site": {"type": "LineString", "coordinates": ring}})
    assert len(body) > 8192
    status, _, data = server.json("POST", f"/v1/evaluate?as_of={AS_OF}", body,
                                  {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200, data
    assert data["verdict"] in ("admit", "conditional", "reject", "incomplete")


def test_parameters_are_checked(server):
    body = b'{"industry": "C2614", "units": ["ZH50011510001"]}'
    for path in ["/v1/evaluate?lang=fr", "/v1/evaluate?as_of=2025-02-30", "/v1/evaluate?as_of=tomorrow"]:
        status, _, data = server.json("POST", path, body)
        assert status == 400, path
        assert_error(data, "http.bad-parameter")
    status, _, data = server.json("POST", "/v1/evaluate?lang=zh&as_of=2025-06-01", body)
    assert status == 200 and data["as_of"] == "2025-06-01"


def test_unknown_routes_and_methods(server):
    status, _, data = server.json("GET", "/v1/nothing-here")
    assert status == 404
    assert_error(data, "http.not-found")
    status, res, data = server.json("GET", "/v1/evaluate")
    assert status == 405 and res.getheader("Allow") == "POST"
    assert_error(data, "http.method")
    for method in ["PUT", "DELETE", "PATCH"]:
        status, _, _ = server.json(method, "/healthz")
        assert status == 405


def raw(server, request: bytes, half_close=True) -> bytes:
    """Sends bytes as they are and reads one answer (or until the server
    closes); `half_close` ends the sending side, for requests cut short."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as s:
        s.sendall(request)
        if half_close:
            s.shutdown(socket.SHUT_WR)
        out = b""
        while chunk := s.recv(65536):
            out += chunk
            head, sep, body = out.partition(b"\r\n\r\n")
            if sep:
                length = [int(line.split(b":")[1]) for line in head.split(b"\r\n")
                          if line.lower().startswith(b"content-length:")]
                if length and len(body) >= length[0]:
                    break
    return out


def status_of(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1])


def test_broken_requests_are_refused_and_the_server_lives(server):
    for request in [
        b"GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        b"GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        b"BREW /coffee HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        b"this is not http\r\n\r\n",
        b"GET /" + b"a" * 20000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
        b"POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
        b"POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999\r\n\r\n",
    ]:
        answer = raw(server, request, half_close=False)
        assert b"root:" not in answer
        assert 400 <= status_of(answer) < 500, (request[:40], answer[:200])
    # Cut short, then gone: the server drops the connection (at the latest
    # after its 10 s read timeout, on its own thread) and lives.
    for request in [
        b"POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"a\":",
        b"POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n",
        b"GET /healthz HTTP/1.1\r\nHost:",
    ]:
        with socket.create_connection(("127.0.0.1", server.port), timeout=30) as s:
            s.sendall(request)
    assert server.json("GET", "/healthz")[0] == 200


def test_a_body_over_the_limit_is_413(tmp_path):
    from conftest import Server
    s = Server("rules/chongqing", tmp_path, "--max-body-mib", "1", "--reload-ms", "0")
    try:
        status, _, data = s.json("POST", "/v1/evaluate", b" " * (2 << 20))
        assert status == 413
        assert_error(data, "http.too-large")
        assert s.json("GET", "/healthz")[0] == 200
    finally:
        s.stop()


def test_applies(server):
    status, res, data = server.json("GET", f"/v1/applies?lon=106.58&lat=29.56&as_of={AS_OF}")
    assert status == 200, data
    assert data["units"] and data["units"][0]["rules"]
    assert data["ruleset"]["hash"] == res.getheader("X-Zhunru-Ruleset")
    expected = cli("applies", "rules/chongqing", "--at", "106.58,29.56", "--format", "json", "--as-of", AS_OF)
    assert data == json.loads(expected.stdout)
    narrowed = server.json("GET", f"/v1/applies?lon=106.58&lat=29.56&industry=K7010&as_of={AS_OF}")[2]
    assert sum(len(u["rules"]) for u in narrowed["units"]) <= sum(len(u["rules"]) for u in data["units"])
    square = {"type": "Polygon", "coordinates": [[[106.57, 29.55], [106.59, 29.55], [106.59, 29.57],
                                                  [106.57, 29.57], [106.57, 29.55]]]}
    status, _, data = server.json("POST", "/v1/applies", json.dumps(square))
    assert status == 200 and data["units"]
    for query, code in [("lon=abc&lat=29.5", "http.bad-parameter"), ("lon=106.5", "http.bad-parameter"),
                        ("lon=nan&lat=29.5", "http.bad-parameter"), ("lon=0&lat=0", None)]:
        status, _, data = server.json("GET", "/v1/applies?" + query)
        assert 400 <= status < 500, query
        if code:
            assert_error(data, code)
        else:
            assert data["errors"]


def test_schema_and_ruleset(server):
    status, _, schema = server.json("GET", "/v1/schema")
    assert status == 200 and schema["$schema"].endswith("2020-12/schema")
    blank = server.json("GET", "/v1/schema?template=true")[2]
    assert all(v is None for k, v in blank.items() if k not in ("units", "site", "project"))
    status, res, info = server.json("GET", "/v1/ruleset")
    assert status == 200
    assert info["rules"] == len(info["rule_list"]) == 26
    assert info["hash"] == res.getheader("X-Zhunru-Ruleset")
    assert {r["id"] for r in info["rule_list"]} >= {"CQ-SL-03"}
    assert info["facts"] and info["tiers"]
    assert "rule_list" not in server.json("GET", "/v1/ruleset?rules=false")[2]


def test_screen_streams_one_answer_per_record_in_order(server):
    batch_path = os.path.join(ROOT, "tests/fixtures/screen/chongqing.ndjson")
    with open(batch_path, "rb") as f:
        batch = f.read()
    auth = {"Authorization": f"Bearer {TOKEN}"}
    status, res, data = server.request("POST", f"/v1/screen?as_of={AS_OF}", batch, auth)
    assert status == 200, data
    assert res.getheader("Content-Type").startswith("application/x-ndjson")
    lines = [json.loads(line) for line in data.decode().splitlines()]
    expected = cli("screen", "rules/chongqing", "--input", batch_path, "--as-of", AS_OF, "--quiet")
    assert lines == [json.loads(line) for line in expected.stdout.decode().splitlines()]
    assert [r["record"] for r in lines] == list(range(1, len(batch.splitlines()) + 1))
    csv = open(os.path.join(ROOT, "tests/fixtures/screen/chongqing.csv"), "rb").read()
    status, res, data = server.request("POST", f"/v1/screen?input=csv&format=csv&as_of={AS_OF}", csv, auth)
    assert status == 200 and res.getheader("Content-Type").startswith("text/csv")
    assert data.decode().splitlines()[0].startswith("record,id,verdict")
    assert len(data.decode().splitlines()) == len(csv.decode().splitlines())
    bad = open(os.path.join(ROOT, "tests/fixtures/screen/bad-column.csv"), "rb").read()
    status, _, data = server.json("POST", "/v1/screen?input=csv", bad, auth)
    assert status == 400
    assert data["error"]["code"].startswith("screen.csv")
    status, _, data = server.json("POST", "/v1/screen?format=xml", batch, auth)
    assert status == 400
    assert_error(data, "http.bad-parameter")


def test_the_token_guards_screen_and_reload(server):
    for headers in [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}]:
        for path in ["/v1/screen", "/v1/reload"]:
            status, res, data = server.json("POST", path, b"{}\n", headers)
            assert status == 401, (path, headers)
            assert res.getheader("WWW-Authenticate") == "Bearer"
            assert_error(data, "http.unauthorized")
    assert server.json("POST", "/v1/evaluate", b"{}")[0] != 401  # judging one project is open


def test_health_metrics_and_log(server):
    status, _, health = server.json("GET", "/healthz")
    assert status == 200 and health["status"] == "ok" and health["last_failure"] is None
    for i in range(50):  # a client inventing paths must not grow the metrics
        server.request("GET", f"/invented-{i}")
    status, res, text = server.request("GET", "/metrics")
    text = text.decode()
    assert status == 200 and res.getheader("Content-Type").startswith("text/plain")
    assert 'zhunru_http_requests_total{route="/v1/evaluate",code="200"}' in text
    assert 'route="other",code="404"} ' in text
    assert "invented" not in text
    assert 'zhunru_verdicts_total{verdict="reject"}' in text
    assert "zhunru_http_request_duration_seconds_bucket" in text
    assert f'zhunru_ruleset_info{{hash="{health["ruleset"]["hash"]}"' in text
    lines = [e for e in server.log() if "method" in e]
    assert lines and all({"time", "remote", "method", "path", "status", "ms"} <= e.keys() for e in lines)
    assert any(e["path"] == "/v1/evaluate" and e["status"] == 200 for e in lines)


def test_static_files_stay_in_their_folder(tmp_path):
    from conftest import Server
    page = tmp_path / "page"
    page.mkdir()
    (page / "index.html").write_text("<!doctype html><title>自助研判</title>")
    (tmp_path / "secret.txt").write_text("not for you")
    s = Server("rules/chongqing", tmp_path, "--page", str(page), "--reload-ms", "0")
    try:
        status, res, body = s.request("GET", "/")
        assert status == 200 and "自助研判" in body.decode() and res.getheader("Content-Type").startswith("text/html")
        for path in [b"/../secret.txt", b"/%2e%2e/secret.txt", b"/..%2fsecret.txt", b"/%2E%2E%2Fsecret.txt",
                     b"//../secret.txt", b"/page/../../secret.txt"]:
            answer = raw(s, b"GET " + path + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", half_close=False)
            assert b"not for you" not in answer, path
            assert int(answer.split(b" ", 2)[1]) in (400, 404), path
        assert s.json("GET", "/v1/ruleset?rules=false")[0] == 200  # the routes are still the routes
    finally:
        s.stop()


def test_report_is_the_html_eval_writes(server):
    import urllib.parse
    path = os.path.join(ROOT, "examples/projects/chongqing/chemical-yangtze-bank.json")
    with open(path, "rb") as f:
        body = f.read()
    expected = cli("eval", "rules/chongqing", "--project", path, "--format", "html", "--as-of", AS_OF).stdout
    status, res, html = server.request("POST", f"/v1/report?as_of={AS_OF}", body)
    assert status == 200 and res.getheader("Content-Type").startswith("text/html")
    assert html == expected
    assert '<html lang="zh-CN">' in html.decode() and "判定不通过" in html.decode()
    query = urllib.parse.urlencode({"project": body.decode(), "as_of": AS_OF})
    assert server.request("GET", f"/v1/report?{query}")[2] == expected
    english = server.request("POST", f"/v1/report?as_of={AS_OF}&lang=en", body)[2].decode()
    assert '<html lang="en">' in english and "What must change" in english
    status, _, data = server.json("POST", "/v1/report", b'{"nature": 7}')
    assert status == 422
    assert_error(data, "project.wrong-type")


def test_maps_for_drawing(server):
    status, _, names = server.json("GET", "/v1/maps")
    assert status == 200 and names[:2] == ["units", "districts"] and "yangtze" in names
    info = server.json("GET", "/v1/ruleset?rules=false")[2]
    units = server.json("GET", "/v1/maps/units")[2]
    assert units["type"] == "FeatureCollection" and len(units["features"]) == info["units"]
    assert {"code", "name", "class", "district"} <= units["features"][0]["properties"].keys()
    districts = server.json("GET", "/v1/maps/districts")[2]
    assert len(districts["features"]) == len({f["properties"]["district"] for f in units["features"]})
    assert all(f["geometry"]["type"] in ("Polygon", "MultiPolygon") for f in districts["features"])
    river = server.json("GET", "/v1/maps/yangtze")[2]
    assert river["features"]
    status, _, data = server.json("GET", "/v1/maps/no-such-map")
    assert status == 404 and "yangtze" in data["error"]["message"]["en"]
    rules = server.json("GET", "/v1/ruleset")[2]["rule_list"]
    assert next(r for r in rules if r["id"] == "CQ-SL-03")["layers"] == ["yangtze"]
