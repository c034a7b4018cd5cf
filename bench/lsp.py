#!/usr/bin/env python3
"""Scripted LSP client: didChange -> publishDiagnostics latency of `spofscan lsp`.

Starts the server on a workspace, waits for the first scan, opens one Terraform file and toggles one value in it
(each edit changes a finding, so each one is published), and prints the median latency after warm-up, from the
didChange sent to (a) the first publishDiagnostics received and (b) the server's "analysed" log line, which it sends
after the last diagnostics of that analysis.

Usage: lsp.py JAR WORKSPACE FILE OLD NEW [EDITS] [WARMUP]
  FILE is relative to WORKSPACE; OLD and NEW are the texts the edits swap (e.g. "db_multi_az = false" and
  "db_multi_az = true").
"""
import json
import os
import statistics
import subprocess
import sys
import time


def send(proc, msg):
    body = json.dumps(msg).encode()
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    proc.stdin.flush()


def receive(proc):
    length = None
    while True:
        line = proc.stdout.readline()
        if not line:
            raise EOFError("server closed its output")
        line = line.strip()
        if not line:
            break
        name, _, value = line.decode().partition(":")
        if name.lower() == "content-length":
            length = int(value)
    return json.loads(proc.stdout.read(length))


def until(proc, pred):
    while True:
        m = receive(proc)
        if pred(m):
            return m


def main():
    jar, root, rel, old, new = sys.argv[1:6]
    edits = int(sys.argv[6]) if len(sys.argv) > 6 else 40
    warmup = int(sys.argv[7]) if len(sys.argv) > 7 else 10
    root = os.path.abspath(root)
    path = os.path.join(root, rel)
    uri = "file://" + path
    text = open(path, encoding="utf-8").read()
    if old not in text:
        sys.exit("lsp.py: %r not in %s" % (old, path))
    jvm_opts = os.environ.get("SPOFSCAN_BENCH_JVM_OPTS", "").split()
    proc = subprocess.Popen(["java", *jvm_opts, "-jar", jar, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    started = time.perf_counter()
    send(proc, {"jsonrpc": "2.0", "id": 1, "method": "initialize",
                "params": {"processId": os.getpid(), "rootUri": "file://" + root, "capabilities": {},
                           "workspaceFolders": [{"uri": "file://" + root, "name": "bench"}]}})
    until(proc, lambda m: m.get("id") == 1)
    send(proc, {"jsonrpc": "2.0", "method": "initialized", "params": {}})
    scanned = until(proc, lambda m: m.get("method") == "window/logMessage"
                    and m["params"]["message"].startswith("spofscan: scanned"))
    first_scan = time.perf_counter() - started
    print("first scan:", scanned["params"]["message"], "(%.2f s wall incl. JVM start)" % first_scan)
    send(proc, {"jsonrpc": "2.0", "method": "textDocument/didOpen",
                "params": {"textDocument": {"uri": uri, "languageId": "terraform", "version": 1, "text": text}}})
    until(proc, lambda m: m.get("method") == "window/logMessage" and "analysed" in m["params"]["message"])
    to_publish, to_done, server_ms = [], [], []
    for i in range(edits + warmup):
        body = text.replace(old, new, 1) if i % 2 == 0 else text
        sent = time.perf_counter()
        send(proc, {"jsonrpc": "2.0", "method": "textDocument/didChange",
                    "params": {"textDocument": {"uri": uri, "version": i + 2}, "contentChanges": [{"text": body}]}})
        published = None
        while True:
            m = receive(proc)
            if m.get("method") == "textDocument/publishDiagnostics" and published is None:
                published = time.perf_counter() - sent
            if m.get("method") == "window/logMessage" and "analysed" in m["params"]["message"]:
                done = time.perf_counter() - sent
                ms = int(m["params"]["message"].split("analysed in ")[1].split(" ms")[0])
                break
        if published is None:
            sys.exit("lsp.py: edit %d published no diagnostics" % i)
        if i >= warmup:
            to_publish.append(published * 1000)
            to_done.append(done * 1000)
            server_ms.append(ms)
    send(proc, {"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    until(proc, lambda m: m.get("id") == 2)
    send(proc, {"jsonrpc": "2.0", "method": "exit"})
    code = proc.wait(timeout=10)
    print("edits measured: %d (after %d warm-up)" % (len(to_publish), warmup))
    print("didChange -> first publishDiagnostics: median %.1f ms (min %.1f, max %.1f)"
          % (statistics.median(to_publish), min(to_publish), max(to_publish)))
    print("didChange -> all diagnostics published: median %.1f ms" % statistics.median(to_done))
    print("server-side analysis: median %d ms" % statistics.median(server_ms))
    print("exit code:", code)


if __name__ == "__main__":
    main()
