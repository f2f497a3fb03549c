// npm run bench — every benchmark in turn, then one table: each figure, its goal, the anchor measured
// in the same run (nginx on the same file for downloads) and whether the goal was met.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const results = path.join(mkdtempSync(path.join(tmpdir(), "archway-bench-")), "results.jsonl");
const env = { ...process.env, BENCH_RESULTS: results };
let failed = 0;
for (const script of ["iso.mjs", "jobs.mjs", "hosts.mjs", "lists.mjs"]) {
  const run = spawnSync(process.execPath, [path.join(import.meta.dirname, script)], { stdio: "inherit", env });
  if (run.status !== 0) {
    failed++;
    console.error(`[bench] ${script} failed (exit ${run.status ?? run.signal})`);
  }
}
let rows = [];
try {
  rows = readFileSync(results, "utf8").trim().split("\n").filter(Boolean).map(JSON.parse);
} catch {}
const cols = [
  ["section", (r) => r.section],
  ["figure", (r) => r.figure],
  ["measured", (r) => r.value],
  ["goal", (r) => r.goal],
  ["anchor (same run)", (r) => r.anchor ?? "—"],
  ["met", (r) => (r.met === true ? "yes" : r.met === false ? "NO" : "—")],
];
const widths = cols.map(([h, f]) => Math.max(h.length, ...rows.map((r) => String(f(r)).length)));
const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(" | ")} |`;
console.log(`\n${line(cols.map(([h]) => h))}`);
// The separator as Biome formats a Markdown table, so the table pastes into the README as it is.
console.log(line(widths.map((w) => "-".repeat(w))));
for (const r of rows) console.log(line(cols.map(([, f]) => f(r))));
process.exit(failed ? 1 : 0);
