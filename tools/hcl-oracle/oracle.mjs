// Writes golden structural signatures of the oracle snippets with HashiCorp's HCL parser (@cdktf/hcl2json, which
// wraps hashicorp/hcl/v2). Not part of the Maven build: JUnit compares the Java parser to the committed goldens.
//
//   npm install --prefix /tmp/hcl-oracle @cdktf/hcl2json@0.21.0
//   NODE_PATH=/tmp/hcl-oracle/node_modules node tools/hcl-oracle/oracle.mjs
//
// Signature of a file: accept/reject; for an accepted file, every top-level block id (resource.T.N, data.T.N,
// module.N, variable.N, output.N, provider.N, locals.KEY, or the bare type) and the body keys of resources, data
// sources and module calls.
import { createRequire } from "node:module";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const { parse } = require("@cdktf/hcl2json");

const here = dirname(fileURLToPath(import.meta.url));
const dir = join(here, "..", "..", "testdata", "parsers", "terraform", "oracle");
const LABELS = { resource: 2, data: 2, ephemeral: 2, module: 1, variable: 1, output: 1, provider: 1, check: 1 };
const WITH_BODY = new Set(["resource", "data", "module"]);

function signature(json) {
  const blocks = [];
  const bodies = {};
  for (const [type, content] of Object.entries(json)) {
    const labels = LABELS[type] ?? 0;
    const visit = (node, path) => {
      if (path.length === labels) {
        for (const body of [].concat(node)) {
          if (type === "locals") {
            for (const key of Object.keys(body)) blocks.push(`locals.${key}`);
            continue;
          }
          const id = [type, ...path].join(".");
          blocks.push(id);
          if (WITH_BODY.has(type)) bodies[id] = Object.keys(body).sort();
        }
        return;
      }
      for (const [label, child] of Object.entries(node)) visit(child, [...path, label]);
    };
    visit(content, []);
  }
  return { accept: true, blocks: blocks.sort(), bodies };
}

const goldens = {};
for (const name of readdirSync(dir).filter((f) => f.endsWith(".tf")).sort()) {
  const text = readFileSync(join(dir, name), "utf8");
  try {
    goldens[name] = signature(await parse(name, text));
  } catch (e) {
    const message = String(e && e.message ? e.message : e).split("\n")[0].slice(0, 160);
    goldens[name] = { accept: false, oracle: message };
  }
}
writeFileSync(join(dir, "goldens.json"), JSON.stringify(goldens, null, 2) + "\n");
console.log(`wrote ${Object.keys(goldens).length} signatures`);
