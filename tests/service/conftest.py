"""Starts `zhunru serve` on a free loopback port for the service tests.

Each server writes its JSON-lines log to a file; the `listening` line names
the port. Servers are stopped with SIGTERM and must exit 0.
"""
import http.client
import json
import os
import shutil
import signal
import subprocess
import time

import pytest

ROOT = os.environ["ZHUNRU_ROOT"]
CLI = os.environ["ZHUNRU_CLI"]
LOAD = os.environ.get("ZHUNRU_SERVICE_LOAD", "")
AS_OF = "2025-06-01"
TOKEN = "s3cret-token-for-tests"


class Server:
    def __init__(self, ruleset, tmp_path, *args, token=None):
        self.ruleset = ruleset
        self.log_path = tmp_path / f"serve-{time.monotonic_ns()}.log"
        cmd = [CLI, "serve", ruleset, "--port", "0", "--log", str(self.log_path), *args]
        if token is not None:
            token_file = tmp_path / "token"
            token_file.write_text(token + "\n")
            cmd += ["--token-file", str(token_file)]
        self.proc = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.PIPE)
        self.port = None
        deadline = time.monotonic() + 120
        while self.port is None:
            assert self.proc.poll() is None, self.proc.stderr.read().decode()
            assert time.monotonic() < deadline, "the server did not start"
            for event in self.events("listening"):
                self.port = event["port"]
            time.sleep(0.05)

    def log(self):
        if not self.log_path.exists():
            return []
        return [json.loads(line) for line in self.log_path.read_text().splitlines() if line.strip()]

    def events(self, kind):
        return [e for e in self.log() if e.get("event") == kind]

    def request(self, method, path, body=None, headers=None, timeout=60):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        if isinstance(body, str):
            body = body.encode()
        conn.request(method, path, body=body, headers=headers or {})
        res = conn.getresponse()
        data = res.read()
        conn.close()
        return res.status, res, data

    def json(self, method, path, body=None, headers=None):
        status, res, data = self.request(method, path, body, headers)
        return status, res, json.loads(data)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        code = self.proc.wait(timeout=30)
        assert code == 0, self.proc.stderr.read().decode()
        assert self.events("stopped")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The bundled Chongqing list, a token for /v1/screen and /v1/reload."""
    s = Server("rules/chongqing", tmp_path_factory.mktemp("serve"), "--reload-ms", "0", token=TOKEN)
    yield s
    s.stop()


@pytest.fixture
def ruleset_copy(tmp_path):
    """A copy of rules/chongqing to edit under a running server."""
    target = tmp_path / "cq"
    shutil.copytree(os.path.join(ROOT, "rules", "chongqing"), target)
    return target


def cli(*args):
    return subprocess.run([CLI, *args], cwd=ROOT, capture_output=True, check=False)


def assert_error(data, code):
    """The one error shape: code, fact, message in both languages."""
    assert data["error"]["code"] == code, data
    assert data["errors"][0]["code"] == code
    assert data["error"]["message"]["en"] and data["error"]["message"]["zh"]
