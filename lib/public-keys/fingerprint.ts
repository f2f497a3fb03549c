// How a public key is shown: its type, a shortened key blob and comment, and the fingerprint that
// `ssh-keygen -lf` prints (SHA256 of the blob, unpadded base64).

export type KeySummary = { type: string; short: string; comment: string };

export function summarizeKey(line: string): KeySummary {
  const [type = "", blob = "", ...comment] = line.trim().split(/\s+/);
  return {
    type,
    short: blob.length > 24 ? `${blob.slice(0, 10)}…${blob.slice(-10)}` : blob,
    comment: comment.join(" "),
  };
}

export async function sshFingerprint(line: string): Promise<string | null> {
  const blob = line.trim().split(/\s+/)[1];
  const subtle = globalThis.crypto?.subtle;
  if (!blob || !subtle) return null;
  try {
    const bytes = Uint8Array.from(atob(blob), (c) => c.charCodeAt(0));
    const digest = new Uint8Array(await subtle.digest("SHA-256", bytes));
    return `SHA256:${btoa(String.fromCharCode(...digest)).replace(/=+$/, "")}`;
  } catch {
    return null;
  }
}
