// One row per figure: printed as it is measured and, when BENCH_RESULTS names a file (npm run bench
// sets it), appended there so the whole run ends in one table (scripts/bench/all.mjs).
import { appendFileSync } from "node:fs";

/**
 * @param {{ section: string, figure: string, value: string, goal: string, anchor?: string, met?: boolean | null }} row
 */
export function record(row) {
  const mark = row.met === true ? "ok" : row.met === false ? "MISSED" : "";
  console.log(
    `  ${row.figure.padEnd(40)} ${row.value.padEnd(26)} goal ${row.goal.padEnd(18)} ${row.anchor ? `anchor ${row.anchor}` : ""} ${mark}`,
  );
  if (process.env.BENCH_RESULTS) appendFileSync(process.env.BENCH_RESULTS, `${JSON.stringify(row)}\n`);
}
