#!/usr/bin/env python3
"""Extract the trimmed CloudFormation resource specification that spofscan ships.

The source is the npm package @aws-cdk/aws-service-spec (Apache-2.0), pinned below because its db.json.gz is an
internal 0.x format. Only the facts spofscan needs are kept: for every resource type its property names (with a
short type and the required flag), its attribute names (valid Fn::GetAtt names) and whether AWS marks it stateful.
The result is committed, so neither the Maven build nor CI needs npm.

Usage (Python 3.8+, standard library only; `npm` is needed only when no package is given):
    python3 tools/cfn-spec/extract.py                      # runs `npm pack` in a temporary folder
    python3 tools/cfn-spec/extract.py aws-cdk-aws-service-spec-0.1.216.tgz
Writes parsers/src/main/resources/cfn-spec/cfn-spec.json.gz (deterministic: sorted keys, gzip mtime 0).
To update: change PACKAGE_VERSION, run the script, run the parsers tests, commit the data file.
"""
import gzip
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "@aws-cdk/aws-service-spec"
PACKAGE_VERSION = "0.1.216"
OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                      "parsers", "src", "main", "resources", "cfn-spec", "cfn-spec.json.gz")
FORMAT_VERSION = 1


def read_db(tgz_path):
    with tarfile.open(tgz_path, "r:gz") as tar:
        member = tar.getmember("package/db.json.gz")
        with gzip.open(io.BytesIO(tar.extractfile(member).read())) as db:
            return json.load(db)


def npm_pack(workdir):
    spec = f"{PACKAGE}@{PACKAGE_VERSION}"
    out = subprocess.run(["npm", "pack", spec, "--silent"], cwd=workdir, check=True,
                         capture_output=True, text=True).stdout.strip().splitlines()
    return os.path.join(workdir, out[-1])


def type_name(t):
    """A short, CloudFormation-flavoured name of an aws-service-spec property type."""
    kind = t.get("type")
    scalars = {"string": "String", "boolean": "Boolean", "integer": "Integer", "number": "Double",
               "json": "Json", "date-time": "Timestamp", "tag": "Tag", "null": "Null"}
    if kind in scalars:
        return scalars[kind]
    if kind == "ref":
        return "Object"
    if kind == "array":
        return "List<" + type_name(t["element"]) + ">"
    if kind == "map":
        return "Map<" + type_name(t["element"]) + ">"
    if kind == "union":
        return "|".join(type_name(u) for u in t["types"])
    raise SystemExit(f"unexpected property type {t!r}: update type_name()")


def trim(db):
    types = {}
    for r in db["schema"]["resource"]["entities"]:
        props = {}
        for name, p in r.get("properties", {}).items():
            entry = {"type": type_name(p["type"])}
            if p.get("required"):
                entry["required"] = True
            props[name] = entry
        t = {"properties": props, "attributes": sorted(r.get("attributes", {}).keys())}
        if r.get("isStateful"):
            t["stateful"] = True
        types[r["cloudFormationType"]] = t
    return {"format": FORMAT_VERSION, "source": f"{PACKAGE}@{PACKAGE_VERSION}", "types": types}


def main(argv):
    if len(argv) > 1:
        db = read_db(argv[1])
    else:
        with tempfile.TemporaryDirectory() as tmp:
            db = read_db(npm_pack(tmp))
    data = json.dumps(trim(db), sort_keys=True, separators=(",", ":")).encode("utf-8")
    out = os.path.normpath(OUTPUT)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "wb") as f:
        with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0, compresslevel=9) as gz:
            gz.write(data)
    trimmed = json.loads(data)
    print(f"{out}: {len(trimmed['types'])} resource types, {os.path.getsize(out)} bytes "
          f"({len(data)} uncompressed)")


if __name__ == "__main__":
    main(sys.argv)
