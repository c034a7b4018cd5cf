#!/usr/bin/env python3
"""Runs spofscan and the peer scanners on the same corpora and writes results.md (+ time-vs-size.png).

Called by run.sh, which builds the jar, generates the corpora and installs the peers first. Every tool is run as a
user runs it, from a fresh process each time: spofscan's wall time therefore includes JVM start, Checkov's includes
the Python interpreter start. Repetitions alternate the tools (the order rotates every round), so a slow drift of the
machine hurts every tool alike. Wall time is measured around the process here; CPU time (user+sys) and peak RSS come
from GNU time (`/usr/bin/time -v`). Peak RSS is the largest single process of the tool's process tree (what
getrusage reports), so for multi-process tools (Checkov) it understates the total.

Usage: bench.py run OUT_DIR CORPUS_NAME=PATH...   (config from env, see README.md)
       bench.py report OUT_DIR                    (re-renders results.md and the PNG from OUT_DIR/raw.jsonl)
"""
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_DIR = os.path.dirname(BENCH_DIR)
PEERS = os.environ.get("PEERS_DIR", os.path.join(BENCH_DIR, ".peers"))
TOOL_ORDER = ["spofscan", "checkov", "trivy", "kics", "kube-linter"]
# Exit codes that mean "ran to the end" (with or without findings); anything else is a failed run.
OK_EXIT = {
    "spofscan": {0, 1},
    "checkov": {0, 1},
    "trivy": {0, 1},
    "kics": {0, 20, 30, 40, 50, 60},
    "kube-linter": {0, 1},
}


def spofscan_command():
    launcher = os.path.join(REPO_DIR, "spofscan")
    if os.environ.get("SPOFSCAN_CMD"):
        return os.environ["SPOFSCAN_CMD"].split()
    if os.access(launcher, os.X_OK):
        return [launcher]
    jar = os.path.join(REPO_DIR, "cli", "target", "spofscan.jar")
    return ["java", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-jar", jar]


def peer_bin(name):
    path = os.path.join(PEERS, "bin", name)
    return path if os.access(path, os.X_OK) else None


def available_tools(wanted):
    """(tool -> argv builder) for the tools that can run, and (tool -> reason) for those that cannot."""
    tools, skipped = {}, {}
    for tool in wanted:
        marker = os.path.join(PEERS, tool + ".skipped")
        if tool == "spofscan":
            cmd = spofscan_command()
            if cmd[0] == "java" and not os.path.exists(cmd[-1]):
                skipped[tool] = "cli/target/spofscan.jar not built"
            else:
                tools[tool] = lambda corpus, out, cmd=cmd: cmd + [
                    "scan", corpus, "--format", "json", "--output", out, "--fail-on", "none"]
        elif tool == "checkov":
            exe = os.path.join(PEERS, "checkov", "bin", "checkov")
            if os.access(exe, os.X_OK):
                # Only the three frameworks spofscan reads (Checkov's default adds secrets, Dockerfile, etc.);
                # --skip-download keeps it off the network.
                tools[tool] = lambda corpus, out, exe=exe: [
                    exe, "-d", corpus, "--framework", "terraform", "cloudformation", "kubernetes",
                    "--quiet", "--compact", "--skip-download", "-o", "json", "--output-file-path", out]
        elif tool == "trivy":
            exe = peer_bin("trivy")
            if exe:
                cache = os.path.join(BENCH_DIR, "out", "trivy-cache")
                tools[tool] = lambda corpus, out, exe=exe, cache=cache: [
                    exe, "config", "--quiet", "--skip-check-update", "--cache-dir", cache,
                    "--format", "json", "--output", out, corpus]
        elif tool == "kics":
            exe = peer_bin("kics")
            assets = os.path.join(PEERS, "kics-assets")
            if exe and os.path.isdir(os.path.join(assets, "queries")):
                tools[tool] = lambda corpus, out, exe=exe, assets=assets: [
                    exe, "scan", "--path", corpus, "--queries-path", os.path.join(assets, "queries"),
                    "--libraries-path", os.path.join(assets, "libraries"), "--output-path", out,
                    "--report-formats", "json", "--no-progress", "--disable-secrets",
                    "--ci", "--type", "Terraform,CloudFormation,Kubernetes"]
        elif tool == "kube-linter":
            exe = peer_bin("kube-linter")
            if exe:
                tools[tool] = lambda corpus, out, exe=exe: [exe, "lint", "--format", "json", corpus]
        if tool not in tools and tool not in skipped:
            reason = open(marker).read().strip() if os.path.exists(marker) else "not installed (run install-peers.sh)"
            skipped[tool] = reason
    return tools, skipped


def parse_gnu_time(path):
    fields = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            key, _, value = line.strip().rpartition(": ")
            fields[key] = value
    cpu = float(fields.get("User time (seconds)", "nan")) + float(fields.get("System time (seconds)", "nan"))
    rss_mb = int(fields.get("Maximum resident set size (kbytes)", "0")) / 1024
    return cpu, rss_mb


def count_findings(tool, out):
    """Findings the tool reported (all its rule types, not only SPOFs); None when its output cannot be read."""
    try:
        if tool == "kics":
            out = os.path.join(out, "results.json")
        if tool == "checkov":  # --output-file-path names a folder
            out = os.path.join(out, "results_json.json")
        if tool == "kube-linter":
            out = out + ".stdout"
        with open(out, encoding="utf-8") as f:
            data = json.load(f)
        if tool == "spofscan":
            return data["summary"]["findings"]
        if tool == "checkov":
            reports = data if isinstance(data, list) else [data]
            return sum(len(r.get("results", {}).get("failed_checks", [])) for r in reports)
        if tool == "trivy":
            return sum(sum(1 for m in r.get("Misconfigurations") or [] if m.get("Status") == "FAIL")
                       for r in data.get("Results") or [])
        if tool == "kics":
            return data["total_counter"]
        if tool == "kube-linter":
            return len(data.get("Reports") or [])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return None


def run_once(tool, argv, corpus, out_dir, timeout):
    raw = os.path.join(out_dir, "runs")
    os.makedirs(raw, exist_ok=True)
    out = os.path.join(raw, "%s.out" % tool)
    if os.path.isdir(out):
        shutil.rmtree(out)
    elif os.path.exists(out):
        os.remove(out)
    timefile = os.path.join(raw, "%s.time" % tool)
    stdout_path = out + ".stdout"
    cmd = ["/usr/bin/time", "-v", "-o", timefile] + argv(corpus, out)
    env = dict(os.environ, CHECKOV_RUN_SCA_PACKAGE_SCAN_V2="false", BC_SKIP_MAPPING="TRUE",
               KICS_COLLECT_TELEMETRY="0", TRIVY_DISABLE_VEX_NOTICE="true")
    start = time.perf_counter()
    with open(stdout_path, "w") as so, open(out + ".stderr", "w") as se:
        # Own process group, so a timeout stops the tool and all its workers, not only /usr/bin/time.
        proc = subprocess.Popen(cmd, stdout=so, stderr=se, env=env, cwd=out_dir, start_new_session=True)
        try:
            code = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            return {"status": "timeout > %.0f s" % timeout, "wall": float(timeout), "load": os.getloadavg()[0]}
    wall = time.perf_counter() - start
    cpu, rss = parse_gnu_time(timefile)
    status = "ok" if code in OK_EXIT.get(tool, {0}) else "exit %d" % code
    # An exit code that looks fine is not enough (a JVM that cannot find its main class exits 1): the report
    # the tool was asked for must exist.
    produced = out + ".stdout" if tool == "kube-linter" else out
    if status == "ok" and not (os.path.exists(produced) and (os.path.isdir(produced) or os.path.getsize(produced))):
        status = "no report (exit %d)" % code
    result = {"status": status, "wall": wall, "cpu": cpu, "rss_mb": rss, "load": os.getloadavg()[0],
              "findings": count_findings(tool, out)}
    if status != "ok":
        with open(out + ".stderr", encoding="utf-8", errors="replace") as f:
            tail = [l.strip() for l in f.read().strip().splitlines()[-3:]]
        result["error"] = " / ".join(tail)[:300]
    return result


def corpus_stats(path):
    files = size = 0
    for root, dirs, names in os.walk(path):
        dirs[:] = [d for d in dirs if d not in (".git", ".terraform")]
        for n in names:
            if re.search(r"\.(tf|tfvars|json|ya?ml|template)$", n):
                files += 1
                size += os.path.getsize(os.path.join(root, n))
    return files, size


def go_module_version(binary):
    """The module version `go install` recorded in a Go binary (its own --version says "dev")."""
    try:
        p = subprocess.run(["go", "version", "-m", binary], capture_output=True, text=True, timeout=60)
        for line in p.stdout.splitlines():
            parts = line.split()
            if len(parts) >= 3 and parts[0] == "mod":
                return "%s %s" % (parts[1], parts[2])
    except (OSError, subprocess.TimeoutExpired):
        pass
    return None


def tool_version(tool, argv_builder):
    if tool in ("trivy", "kics", "kube-linter"):
        v = go_module_version(os.path.join(PEERS, "bin", tool))
        if v:
            return v
    probes = {
        "spofscan": spofscan_command() + ["--version"],
        "checkov": [os.path.join(PEERS, "checkov", "bin", "checkov"), "--version"],
        "trivy": [os.path.join(PEERS, "bin", "trivy"), "--version"],
        "kics": [os.path.join(PEERS, "bin", "kics"), "version"],
        "kube-linter": [os.path.join(PEERS, "bin", "kube-linter"), "version"],
    }
    try:
        p = subprocess.run(probes[tool], capture_output=True, text=True, timeout=120)
        text = (p.stdout or p.stderr).strip().splitlines()
        return text[0].strip()[:80] if text else "?"
    except (OSError, subprocess.TimeoutExpired):
        return "?"


def cmd_run(out_dir, corpora):
    reps = int(os.environ.get("BENCH_REPS", "3"))
    timeout = float(os.environ.get("BENCH_TIMEOUT", "600"))
    wanted = os.environ.get("BENCH_TOOLS", " ".join(TOOL_ORDER)).split()
    big_reps = int(os.environ.get("BENCH_REALWORLD_REPS", "1"))
    # Checkov needs far more than the per-run timeout on the 44 MB real-world corpus: left out unless asked for.
    realworld_tools = set(os.environ.get("BENCH_REALWORLD_TOOLS", "spofscan trivy kics kube-linter").split())
    tools, skipped = available_tools(wanted)
    os.makedirs(out_dir, exist_ok=True)
    meta = {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": "%s, %d cores, %s" % (cpu_model(), os.cpu_count() or 0, mem_total()),
        "java": java_version(),
        "commit": git_commit(),
        "reps": reps,
        "timeout": timeout,
        "skipped": skipped,
        "versions": {t: tool_version(t, tools[t]) for t in tools},
        "corpora": [],
    }
    for name, path in corpora:
        files, size = corpus_stats(path)
        meta["corpora"].append({"name": name, "path": path, "files": files, "bytes": size})
    raw_path = os.path.join(out_dir, "raw.jsonl")
    with open(os.path.join(out_dir, "meta.json"), "w") as f:
        json.dump(meta, f, indent=2)
    order = [t for t in TOOL_ORDER if t in tools]
    given_up = set()
    # One untimed warm-up per tool on the smallest corpus: fills the page cache, compiles Python bytecode, and
    # creates spofscan's class-data archive, as any second run on a developer machine would find them.
    warm = set(os.environ.get("BENCH_WARMUP_TOOLS", " ".join(TOOL_ORDER)).split())
    if corpora:
        for tool in [t for t in order if t in warm]:
            log("warm-up %s on %s" % (tool, corpora[0][0]))
            run_once(tool, tools[tool], corpora[0][1], out_dir, timeout)
    with open(raw_path, "w") as raw:
        for name, path in corpora:
            n = big_reps if name == "realworld" else reps
            for rep in range(n):
                rotated = order[rep % len(order):] + order[:rep % len(order)] if order else []
                for tool in rotated:
                    if tool in given_up or (name == "realworld" and tool not in realworld_tools):
                        continue
                    r = run_once(tool, tools[tool], path, out_dir, timeout)
                    r.update({"tool": tool, "corpus": name, "rep": rep})
                    raw.write(json.dumps(r) + "\n")
                    raw.flush()
                    log("%-10s %-10s rep %d: %s %.2f s" % (name, tool, rep + 1, r["status"], r["wall"]))
                    if r["status"].startswith("timeout") and name != "realworld":
                        # Larger synthetic corpora would only time out too: stop this tool there.
                        given_up.add(tool)
            given_up.clear() if name == "realworld" else None
    cmd_report(out_dir)


def log(msg):
    print("[bench] " + msg, file=sys.stderr, flush=True)


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def mem_total():
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
        return "%.0f GiB RAM" % (kb / 1024 / 1024)
    except (OSError, ValueError, IndexError):
        return "? RAM"


def java_version():
    try:
        p = subprocess.run(["java", "-version"], capture_output=True, text=True, timeout=30)
        return p.stderr.strip().splitlines()[0]
    except (OSError, subprocess.TimeoutExpired, IndexError):
        return "?"


def git_commit():
    try:
        p = subprocess.run(["git", "-C", REPO_DIR, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
        return p.stdout.strip() or "?"
    except OSError:
        return "?"


# ---------------------------------------------------------------------------------------------------- reporting
def load(out_dir):
    with open(os.path.join(out_dir, "meta.json")) as f:
        meta = json.load(f)
    rows = []
    with open(os.path.join(out_dir, "raw.jsonl")) as f:
        rows = [json.loads(l) for l in f if l.strip()]
    return meta, rows


def summarise(rows):
    """(corpus, tool) -> stats over the successful runs, or the failure when none succeeded."""
    groups = {}
    for r in rows:
        groups.setdefault((r["corpus"], r["tool"]), []).append(r)
    stats = {}
    for key, runs in groups.items():
        ok = [r for r in runs if r["status"] == "ok"]
        if not ok:
            bad = runs[0]
            stats[key] = {"failed": bad["status"] + (": " + bad.get("error", "") if bad.get("error") else "")}
            if bad["status"].startswith("timeout"):
                stats[key]["at_least"] = bad["wall"]  # a lower bound: the ratio becomes "> N×"
            continue
        findings = {r.get("findings") for r in ok}
        stats[key] = {
            "n": len(ok),
            "wall": statistics.median(r["wall"] for r in ok),
            "wall_min": min(r["wall"] for r in ok),
            "wall_max": max(r["wall"] for r in ok),
            "cpu": statistics.median(r["cpu"] for r in ok),
            "rss": max(r["rss_mb"] for r in ok),
            "findings": findings.pop() if len(findings) == 1 else "varies",
        }
    return stats


def load_note(rows):
    """The machine's 1-minute load average while measuring: above the core count, wall times include waiting."""
    loads = [r["load"] for r in rows if "load" in r]
    if not loads:
        return ""
    return ("Load average (1 min) at the start of each run: %.1f–%.1f, median %.1f, on %d cores. When it exceeds "
            "the core count, other processes compete and wall times stretch for every tool; CPU time is then the "
            "steadier comparison." % (min(loads), max(loads), statistics.median(loads), os.cpu_count() or 0))


def fmt_s(x):
    return "%.2f" % x if x < 10 else "%.1f" % x


def cmd_report(out_dir):
    meta, rows = load(out_dir)
    stats = summarise(rows)
    corpora = [c for c in meta["corpora"] if any(r["corpus"] == c["name"] for r in rows)]
    tools = [t for t in TOOL_ORDER if any(r["tool"] == t for r in rows)]
    lines = ["# spofscan benchmark", "",
             "%s · %s · %s · commit %s · median of %d runs (realworld: see n) · per-run timeout %.0f s" % (
                 meta["date"], meta["machine"], meta["java"], meta["commit"], meta["reps"], meta["timeout"]),
             "",
             "Wall time includes process start (JVM for spofscan, Python for Checkov). CPU = user + sys. "
             "Peak RSS = largest single process (max over runs). Ratio = peer median wall / spofscan median wall "
             "in the same run (> 1: spofscan is faster). Findings = everything the tool reports, all its rule types "
             "(the peers mostly check security, not SPOFs), so it is context, not a score.",
             "", load_note(rows), "",
             "| corpus | files | size | tool | wall median (min–max) s | CPU s | peak RSS MB | wall vs spofscan "
             "| CPU vs spofscan | findings |",
             "|---|---:|---:|---|---:|---:|---:|---:|---:|---:|"]
    for c in corpora:
        base = stats.get((c["name"], "spofscan"), {})
        for t in tools:
            s = stats.get((c["name"], t))
            if s is None:
                continue
            head = "| %s | %d | %.1f MB | %s |" % (c["name"], c["files"], c["bytes"] / 1e6, t)
            if "failed" in s:
                bound = ""
                if "at_least" in s and "wall" in base:
                    bound = "> %.0f×" % (s["at_least"] / base["wall"])
                lines.append(head + " %s | | | %s | | |" % (s["failed"].replace("|", "/")[:120], bound))
                continue
            ratio = cpu_ratio = ""
            if t != "spofscan" and "wall" in base:
                ratio = "%.1f×" % (s["wall"] / base["wall"])
                cpu_ratio = "%.1f×" % (s["cpu"] / base["cpu"]) if base["cpu"] > 0 else ""
            lines.append(head + " %s (%s–%s) | %s | %.0f | %s | %s | %s |" % (
                fmt_s(s["wall"]), fmt_s(s["wall_min"]), fmt_s(s["wall_max"]), fmt_s(s["cpu"]), s["rss"], ratio,
                cpu_ratio, s["findings"] if s["findings"] is not None else "?"))
    lines += ["", "## Targets (reported, not asserted)", ""]
    lines += targets(stats, corpora)
    lines += ["", "## Tools", ""]
    for t, v in sorted(meta["versions"].items()):
        lines.append("- %s: `%s`" % (t, v))
    for t, reason in sorted(meta["skipped"].items()):
        marker = os.path.join(PEERS, t + ".skipped")
        if os.path.exists(marker):  # the installer's own reason, when it has tried since
            reason = open(marker).read().strip()
        lines.append("- %s: **skipped** — %s" % (t, reason))
    lines.append("")
    with open(os.path.join(out_dir, "results.md"), "w") as f:
        f.write("\n".join(lines))
    chart(stats, corpora, tools, os.path.join(out_dir, "time-vs-size.png"))
    log("wrote %s" % os.path.join(out_dir, "results.md"))


def targets(stats, corpora):
    out = []
    synthetic = [c for c in corpora if c["name"] != "realworld"]

    def wall(c, t):
        s = stats.get((c, t), {})
        return s.get("wall")

    for peer, factor in (("checkov", 10), ("trivy", 1), ("kics", 1)):
        parts, met = [], True
        for c in corpora:
            a, b = wall(c["name"], peer), wall(c["name"], "spofscan")
            bound = stats.get((c["name"], peer), {}).get("at_least")
            if b is None or (a is None and bound is None):
                continue
            if a is None:  # the peer timed out: its time is at least the timeout
                parts.append("%s > %.0f×" % (c["name"], bound / b))
                met = met and bound / b >= factor
                continue
            parts.append("%s %.1f×" % (c["name"], a / b))
            met = met and a / b >= factor
        if parts:
            goal = "≥ %d× faster than %s" % (factor, peer) if factor > 1 else "faster than %s" % peer
            out.append("- %s on every corpus: **%s** (%s)" % (goal, "met" if met else "MISSED", ", ".join(parts)))
    names = [c["name"] for c in synthetic]
    if "10x" in names and "100x" in names:
        for t in ("spofscan",):
            a, b = wall("100x", t), wall("10x", t)
            if a and b:
                out.append("- time(100×)/time(10×) ≤ 11 (%s, wall incl. JVM start): **%s** (%.1f)" % (
                    t, "met" if a / b <= 11 else "MISSED", a / b))
    s100 = stats.get(("100x", "spofscan"), {})
    if "rss" in s100:
        out.append("- peak RSS at 100× < 1 GB: **%s** (%.0f MB)" % ("met" if s100["rss"] < 1024 else "MISSED",
                                                                   s100["rss"]))
    out.append("- parser overhead over raw Jackson/hcl4j lexing ≤ 1.5×: measured by the JMH benchmarks "
               "(`bench/jmh`, see README.md), not by this harness")
    return out


def chart(stats, corpora, tools, png):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        log("matplotlib not installed: no chart (run.sh installs it into bench/.peers/py)")
        return
    synthetic = [c for c in corpora if c["name"] != "realworld"]
    fig, ax = plt.subplots(figsize=(7, 4.5), dpi=120)
    for t in tools:
        xs, ys = [], []
        for c in synthetic:
            s = stats.get((c["name"], t), {})
            if "wall" in s:
                xs.append(c["files"])
                ys.append(s["wall"])
        if xs:
            ax.plot(xs, ys, marker="o", label=t, linewidth=2.5 if t == "spofscan" else 1.5)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("files in corpus (1×, 10×, 100× copies of a ~30-file repo)")
    ax.set_ylabel("median wall time, s (incl. process start)")
    ax.set_title("Scan time vs corpus size")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(png)
    plt.close(fig)


def main(argv):
    if len(argv) >= 3 and argv[1] == "run":
        corpora = []
        for spec in argv[3:]:
            name, _, path = spec.partition("=")
            corpora.append((name, os.path.abspath(path)))
        cmd_run(os.path.abspath(argv[2]), corpora)
        return 0
    if len(argv) == 3 and argv[1] == "report":
        cmd_report(os.path.abspath(argv[2]))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
