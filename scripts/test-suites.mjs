// Runs one suite of `npm test` and says afterwards what failed in it. CI shows only the last lines
// of a run: a failure scrolled away 40 minutes earlier left "some test suites failed" and nothing to
// act on. So each runner also writes its JSON report, and the run ends with one summary naming every
// failed test, its file and the first lines of its error, and any unhandled error the runner caught
// (vitest fails a run for one even when every test passed; its JSON report does not carry them).
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { stripVTControlCharacters as plain } from "node:util";

const MESSAGE_LINES = 6;
const UNHANDLED_LINES = 12;

function excerpt(message) {
  return plain(message ?? "")
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== "")
    .slice(0, MESSAGE_LINES);
}

/** Failed tests of a vitest JSON report (jest's format): per test, and per file for load errors. */
export function vitestFailures(report, root) {
  const failures = [];
  for (const file of report.testResults ?? []) {
    const where = path.relative(root, file.name);
    const failed = (file.assertionResults ?? []).filter((t) => t.status === "failed");
    for (const t of failed)
      failures.push({ where, title: t.fullName ?? t.title, lines: excerpt(t.failureMessages?.join("\n")) });
    if (!failed.length && file.status === "failed")
      failures.push({ where, title: "(the file itself)", lines: excerpt(file.message) });
  }
  return {
    counts: { passed: report.numPassedTests ?? 0, failed: report.numFailedTests ?? 0 },
    failures,
  };
}

/** Failed tests of a Playwright JSON report: suites nest by file and describe blocks. */
export function playwrightFailures(report) {
  const failures = [];
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== "unexpected" && test.status !== "flaky") continue;
        const result = test.results?.at(-1);
        failures.push({
          where: `${test.projectName ? `[${test.projectName}] ` : ""}${spec.file}:${spec.line}`,
          title: [...titles, spec.title].join(" › ") + (test.status === "flaky" ? " (passed on retry)" : ""),
          lines: excerpt(result?.error?.message ?? result?.errors?.[0]?.message),
        });
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
  };
  // The top-level suites are the files, already named by `where`; the ones inside are describe blocks.
  for (const suite of report.suites ?? []) walk(suite, []);
  for (const err of report.errors ?? [])
    failures.push({ where: "", title: "(outside any test)", lines: excerpt(err.message) });
  const s = report.stats ?? {};
  return { counts: { passed: s.expected ?? 0, failed: (s.unexpected ?? 0) + (s.flaky ?? 0) }, failures };
}

let running = null;

/** Passes a signal npm test received on to the suite running (its runner then stops its own children). */
export function signalRunningSuite(signal) {
  running?.kill(signal);
}

/**
 * Runs a suite, its output passed through as it comes, and resolves to what the summary needs.
 * `report` is the JSON report file the runner was told to write and `kind` its format; `echo: false`
 * keeps the output to the result (this runner's own tests, whose failures are meant).
 */
export function runSuite({ label, cmd, args, env, cwd, report, kind, echo = true }) {
  if (echo) console.log(`\n=== ${label} ===`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ["inherit", "pipe", "pipe"] });
    running = child;
    const unhandled = [];
    let capture = 0;
    const watch = (stream, out) => {
      let partial = "";
      stream.on("data", (chunk) => {
        if (echo) out.write(chunk);
        const lines = (partial + chunk.toString("utf8")).split("\n");
        partial = lines.pop();
        for (const line of lines) {
          const text = plain(line);
          if (/Unhandled (Error|Rejection)|unhandled error/i.test(text)) capture = UNHANDLED_LINES;
          if (capture > 0 && text.trim()) {
            unhandled.push(text.trimEnd());
            capture--;
          }
        }
      });
    };
    watch(child.stdout, process.stdout);
    watch(child.stderr, process.stderr);
    child.on("close", (code, signal) => {
      running = null;
      const ok = code === 0;
      if (!ok && echo) console.error(`\n${label}: failed (exit ${code ?? signal})`);
      let parsed = { counts: null, failures: [] };
      try {
        if (existsSync(report)) {
          const json = JSON.parse(readFileSync(report, "utf8"));
          parsed = kind === "vitest" ? vitestFailures(json, cwd) : playwrightFailures(json);
        }
      } catch (err) {
        parsed.failures.push({ where: report, title: "(report unreadable)", lines: [err.message] });
      }
      resolve({ label, ok, exit: code ?? signal, ...parsed, unhandled });
    });
  });
}

/** The run's last lines: every suite's outcome, then what failed where. */
export function printSummary(results) {
  console.log("\n=== summary ===");
  for (const r of results) {
    const counts = r.counts ? ` (${r.counts.passed} passed, ${r.counts.failed} failed)` : "";
    console.log(`${r.ok ? "passed" : "FAILED"}  ${r.label}${counts}${r.ok ? "" : `, exit ${r.exit}`}`);
  }
  for (const r of results.filter((x) => !x.ok)) {
    console.log(`\n--- ${r.label} ---`);
    for (const f of r.failures) {
      console.log(`✗ ${f.where ? `${f.where} › ` : ""}${f.title}`);
      for (const l of f.lines) console.log(`    ${l}`);
    }
    if (r.unhandled.length) {
      console.log("unhandled errors the runner reported:");
      for (const l of r.unhandled) console.log(`    ${l}`);
    }
    if (!r.failures.length && !r.unhandled.length) console.log("no failed test recorded: see the suite's output above");
  }
}
