// Valid inputs the API tests build on.
export const SSH_KEY =
  "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGZ3S2Gx6Ahr0e4GKd4rYl2yRIYz2XXGlEjP4i9z8Hdl operator@example.com";
export const PULL_SECRET = JSON.stringify({ auths: { "quay.io": { auth: "dXNlcjpwYXNz", email: "ops@example.com" } } });

export function uniqueName(prefix = "c") {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}
