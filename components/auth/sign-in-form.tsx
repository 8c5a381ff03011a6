"use client";
// Email and password sign-in; on success the browser loads the page the user came for.
import { type FormEvent, useState } from "react";
import { safeReturnPath, signInWithPassword } from "@/lib/client/auth-client";
import { authButtonClass, authInputClass } from "./auth-card";
import { FormAlert } from "@/components/ui/status-panels";

export function SignInForm({ callbackUrl }: { callbackUrl: string | undefined }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signInWithPassword(String(form.get("email")), String(form.get("password"))).catch(() => ({
      ok: false as const,
      message: "The console did not answer; try again.",
    }));
    if (result.ok) {
      // A full load, so the server renders the console with the new session cookie.
      window.location.assign(safeReturnPath(callbackUrl));
      return;
    }
    setError(result.message);
    setPending(false);
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate={false}>
      <label className="block text-sm font-medium text-slate-700">
        Email
        <input name="email" type="email" autoComplete="username" required autoFocus className={authInputClass} />
      </label>
      <label className="block text-sm font-medium text-slate-700">
        Password
        <input name="password" type="password" autoComplete="current-password" required className={authInputClass} />
      </label>
      {error ? <FormAlert>{error}</FormAlert> : null}
      <button type="submit" disabled={pending} className={authButtonClass}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
