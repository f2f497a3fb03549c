// The headers every download carries (ISOs, artifacts, recipe archives, the Ignition file): saved as
// a file, never rendered. Uploaded or generated content opened in a browser would otherwise run as a
// page of the console's origin (stored XSS): nosniff keeps the declared type, and the sandbox CSP
// stops scripts even where a browser renders it anyway.

/** `name` is reduced to safe characters so it cannot end the quoted filename. */
export function attachmentHeaders(name: string, contentType: string): Record<string, string> {
  return {
    "Content-Type": contentType,
    "Content-Disposition": `attachment; filename="${name.replace(/[^\w.-]+/g, "_")}"`,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
  };
}
