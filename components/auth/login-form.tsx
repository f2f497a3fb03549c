"use client";
// Signs in through the library's endpoints: a password form, and a button that starts OIDC sign-in.
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";

async function post(path: string, body: unknown) {
  const res = await fetch(`/api/auth${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, data: (await res.json().catch(() => ({}))) as { message?: string; url?: string } };
}

export function LoginForm({ next, oidcName }: { next: string; oidcName?: string }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function signIn(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(undefined);
    const { status, data } = await post("/sign-in/username", {
      username: String(form.get("username") ?? "").trim(),
      password: String(form.get("password") ?? ""),
    });
    if (status === 200) {
      window.location.assign(next);
      return;
    }
    setBusy(false);
    setError(
      status === 429
        ? (data.message ?? "Too many failed sign-ins; try again later")
        : status === 401
          ? "Wrong user name or password"
          : (data.message ?? `Sign-in failed (HTTP ${status})`),
    );
  }

  async function signInWithOidc() {
    setBusy(true);
    const { status, data } = await post("/sign-in/social", { provider: "oidc", callbackURL: next });
    if (data.url) window.location.assign(data.url);
    else {
      setBusy(false);
      setError(data.message ?? `Single sign-on is not available (HTTP ${status})`);
    }
  }

  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-lg font-semibold text-slate-900">Sign in</h1>
      <form onSubmit={signIn} className="space-y-4">
        {error ? <FormAlert title="Not signed in">{error}</FormAlert> : null}
        <TextField label="User name" name="username" autoComplete="username" required autoFocus />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
        <Button type="submit" variant="primary" className="w-full" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {oidcName ? (
        <>
          <div className="my-4 flex items-center gap-2 text-xs text-slate-500">
            <span className="h-px flex-1 bg-slate-200" />
            or
            <span className="h-px flex-1 bg-slate-200" />
          </div>
          <Button className="w-full" onClick={signInWithOidc} disabled={busy}>
            Sign in with {oidcName}
          </Button>
        </>
      ) : null}
      <p className="mt-4 text-xs text-slate-500">
        First start: the <code>admin</code> password is in the server log and in{" "}
        <code>data/initial-admin-password</code>.
      </p>
    </div>
  );
}
