// Stands in for the "server-only" marker package under Vitest (the real one only guards bundling).
export {};
