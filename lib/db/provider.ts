// Which database a DATABASE_URL names, and where a SQLite URL points.
export type Provider = "sqlite" | "postgresql";

export function providerOf(url: string): Provider {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

/** `file:/abs/x.db` or `file:./rel.db` → filesystem path (relative to the working directory). */
export function sqlitePath(url: string): string {
  return url.replace(/^file:(\/\/)?/, "");
}
