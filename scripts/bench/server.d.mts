// Types of the part of scripts/bench/server.mjs that tests import.
export function percentile(values: number[], p: number): number;
