// The end-of-run summary is read from the runners' own reports: checked here against real vitest and
// Playwright runs of a throwaway project with a passing test, a failing one and an unhandled rejection.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error plain ESM script without types
import { printSummary, runSuite } from "./test-suites.mjs";

const ROOT = path.resolve(__dirname, "..");
const bin = (name: string) => path.join(ROOT, "node_modules/.bin", name);
const dir = mkdtempSync(path.join(tmpdir(), "suite-summary-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm test's summary", () => {
  it("names a failed vitest test, its file, its message, and an unhandled rejection", async () => {
    writeFileSync(path.join(dir, "vitest.config.mjs"), "export default { test: { include: ['*.check.mjs'] } };\n");
    writeFileSync(
      path.join(dir, "a.check.mjs"),
      [
        "import { it, expect } from 'vitest';",
        "it('adds', () => expect(1 + 1).toBe(2));",
        "it('compares the sizes', () => expect(3).toBe(4));",
        "it('leaves a promise behind', async () => { Promise.reject(new Error('late failure after the test')); });",
      ].join("\n"),
    );
    const report = path.join(dir, "vitest.json");
    const result = await runSuite({
      label: "fixture (vitest)",
      kind: "vitest",
      report,
      cmd: bin("vitest"),
      args: ["run", "--root", dir, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
      cwd: dir,
      env: { ...process.env, TEST_PG_ADMIN_URL: "" },
      echo: false,
    });
    expect(result.ok).toBe(false);
    expect(result.counts).toEqual({ passed: 2, failed: 1 });
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0].where).toBe("a.check.mjs");
    expect(result.failures[0].title).toBe("compares the sizes");
    expect(result.failures[0].lines.join("\n")).toMatch(/expected 3 to be 4/);
    expect(result.unhandled.join("\n")).toMatch(/late failure after the test/);

    const lines: string[] = [];
    const log = console.log;
    console.log = (s: string) => lines.push(s);
    try {
      printSummary([
        { label: "other suite", ok: true, exit: 0, counts: { passed: 5, failed: 0 }, failures: [], unhandled: [] },
        result,
      ]);
    } finally {
      console.log = log;
    }
    const text = lines.join("\n");
    expect(text).toMatch(/^passed {2}other suite \(5 passed, 0 failed\)$/m);
    expect(text).toMatch(/^FAILED {2}fixture \(vitest\) \(2 passed, 1 failed\), exit 1$/m);
    expect(text).toContain("✗ a.check.mjs › compares the sizes");
    expect(text).toContain("late failure after the test");
  }, 60_000);

  it("names a failed Playwright test with its describe block and line", async () => {
    const pw = path.join(dir, "pw");
    const report = path.join(pw, "report.json");
    mkdirSync(pw);
    // The spec imports @playwright/test as the project's specs do: from this checkout's packages.
    symlinkSync(path.join(ROOT, "node_modules"), path.join(pw, "node_modules"));
    writeFileSync(
      path.join(pw, "playwright.config.mjs"),
      "export default { testDir: '.', outputDir: 'results', testMatch: /.*\\.spec\\.mjs/, reporter: [['json', { outputFile: process.env.E2E_JSON_REPORT }]] };\n",
    );
    writeFileSync(
      path.join(pw, "b.spec.mjs"),
      [
        "import { test, expect } from '@playwright/test';",
        "test('passes', () => expect(true).toBe(true));",
        "test.describe('the group', () => {",
        "  test('fails with a reason', () => expect('left').toBe('right'));",
        "});",
      ].join("\n"),
    );
    const result = await runSuite({
      label: "fixture (playwright)",
      kind: "playwright",
      report,
      cmd: bin("playwright"),
      args: ["test", "--config", path.join(pw, "playwright.config.mjs")],
      cwd: ROOT,
      env: { ...process.env, E2E_JSON_REPORT: report },
      echo: false,
    });
    expect(result.ok).toBe(false);
    expect(result.counts).toEqual({ passed: 1, failed: 1 });
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0].where).toBe("b.spec.mjs:4");
    expect(result.failures[0].title).toBe("the group › fails with a reason");
    expect(result.failures[0].lines.join("\n")).toMatch(/"right"[\s\S]*"left"|left[\s\S]*right/);
  }, 60_000);
});
