#!/usr/bin/env python3
"""Turns JMH's JSON result (-rf json) into a markdown table: MB/s per parser and baseline, our overhead over the
raw parser (baseline throughput / spofscan throughput; 1.0 = no overhead), and the engine's resources/s.

Usage: summarise.py jmh-result.json [results.md]
"""
import json
import sys

PARSERS = [
    ("Terraform", "terraform", [("hcl4j lexer", "terraformBaselineHcl4jLexer")]),
    ("CloudFormation", "cloudformation", [("Jackson tokens", "cloudformationBaselineJacksonTokens"),
                                          ("Jackson tree", "cloudformationBaselineJacksonTree")]),
    ("Kubernetes", "kubernetes", [("Jackson tokens", "kubernetesBaselineJacksonTokens"),
                                  ("Jackson tree", "kubernetesBaselineJacksonTree")]),
]


def load(path):
    with open(path) as f:
        results = json.load(f)
    by_name = {}
    for r in results:
        name = r["benchmark"].rsplit(".", 1)[1]
        secondary = {k: v["score"] for k, v in r.get("secondaryMetrics", {}).items()}
        by_name[name] = {"ops": r["primaryMetric"]["score"], "err": r["primaryMetric"].get("scoreError"),
                         "corpus": r.get("params", {}).get("corpus", "?"), **secondary}
    return by_name


def render(by_name):
    corpus = next(iter(by_name.values()))["corpus"] if by_name else "?"
    lines = ["# spofscan JMH results", "", "corpus `%s`; one operation = every file of one format, read from the "
             "page cache. Overhead = baseline MB/s / spofscan MB/s (target ≤ 1.5× at 100×)." % corpus, "",
             "| format | spofscan MB/s | resources/s | baseline | baseline MB/s | overhead |",
             "|---|---:|---:|---|---:|---:|"]
    for label, ours, baselines in PARSERS:
        if ours not in by_name:
            continue
        o = by_name[ours]
        mbs = o.get("bytes", 0) / 1e6
        for i, (blabel, bname) in enumerate(baselines):
            b = by_name.get(bname)
            if b is None:
                continue
            bmbs = b.get("bytes", 0) / 1e6
            overhead = "%.2f×" % (bmbs / mbs) if mbs > 0 else "?"
            lines.append("| %s | %s | %s | %s | %.2f | %s |" % (
                label if i == 0 else "", "%.2f" % mbs if i == 0 else "",
                "%.0f" % o.get("resources", 0) if i == 0 else "", blabel, bmbs, overhead))
    if "analyze" in by_name:
        e = by_name["analyze"]
        lines += ["", "| rule engine | analyses/s | resources/s | findings/s |", "|---|---:|---:|---:|",
                  "| all built-in rules | %.1f | %.0f | %.0f |" % (e["ops"], e.get("resources", 0),
                                                                 e.get("findings", 0))]
    return "\n".join(lines) + "\n"


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    text = render(load(argv[1]))
    if len(argv) == 3:
        with open(argv[2], "w") as f:
            f.write(text)
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
