#!/usr/bin/env python3
"""A minimal LSP client: starts a language server, opens one file, and prints
the diagnostics the server publishes for it, one per line:

    <line>:<col>-<line>:<col> <severity> <source> <code> <message>

with 1-based lines and columns, so that FileCheck expectations read like the
compiler's. Exits 1 when the server publishes nothing in time or dies.
"""

import argparse
import json
import os
import queue
import subprocess
import sys
import threading
import time

SEVERITY = {1: "error", 2: "warning", 3: "info", 4: "hint"}


class Server:
    def __init__(self, argv):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)
        self.messages = queue.Queue()
        self.next_id = 1
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()
        self.stderr = []

    def _drain_stderr(self):
        for line in self.proc.stderr:
            self.stderr.append(line.decode("utf-8", "replace"))

    def _read(self):
        stream = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.decode("ascii").strip()
                if not line:
                    break
                key, _, value = line.partition(":")
                headers[key.strip().lower()] = value.strip()
            body = stream.read(int(headers["content-length"]))
            self.messages.put(json.loads(body))

    def send(self, message):
        data = json.dumps(message).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.proc.stdin.flush()

    def request(self, method, params):
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method,
                   "params": params})
        self.next_id += 1
        return self.next_id - 1

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def receive(self, timeout):
        message = self.messages.get(timeout=timeout)
        # Answer the server's own requests (progress tokens, configuration).
        if message and "method" in message and "id" in message:
            self.send({"jsonrpc": "2.0", "id": message["id"], "result": None})
        return message


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    parser.add_argument("--file", required=True)
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("server_args", nargs="*")
    args = parser.parse_args()

    path = os.path.abspath(args.file)
    uri = "file://" + path
    root = os.path.dirname(path)
    server = Server([args.server, "--log=error", "--pch-storage=memory"] +
                    args.server_args)
    server.request("initialize", {
        "processId": os.getpid(), "rootUri": "file://" + root,
        "capabilities": {"textDocument": {"publishDiagnostics": {}}}})
    server.notify("initialized", {})
    with open(path, encoding="utf-8") as f:
        text = f.read()
    server.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "cpp", "version": 1, "text": text}})

    deadline = time.monotonic() + args.timeout
    diagnostics = None
    while time.monotonic() < deadline:
        try:
            message = server.receive(timeout=deadline - time.monotonic())
        except queue.Empty:
            break
        if message is None:
            sys.stderr.write("server exited:\n" + "".join(server.stderr))
            sys.exit(1)
        if message.get("method") == "textDocument/publishDiagnostics" and \
                message["params"]["uri"] == uri:
            diagnostics = message["params"]["diagnostics"]
            break
    if diagnostics is None:
        sys.stderr.write("no diagnostics published within %gs\n" % args.timeout)
        sys.stderr.write("".join(server.stderr))
        server.proc.kill()
        sys.exit(1)

    for d in diagnostics:
        start, end = d["range"]["start"], d["range"]["end"]
        print("%d:%d-%d:%d %s %s %s %s" % (
            start["line"] + 1, start["character"] + 1,
            end["line"] + 1, end["character"] + 1,
            SEVERITY.get(d.get("severity"), "?"), d.get("source", "-"),
            d.get("code", "-"), d["message"].replace("\n", " | ")))

    server.request("shutdown", None)
    server.notify("exit", None)
    try:
        server.proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.proc.kill()


if __name__ == "__main__":
    main()
