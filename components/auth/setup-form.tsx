"use client";
// The one-time setup: the first admin's account, then straight into the console signed in.
import { type FormEvent, useState } from "react";
import { api, ApiError, dataOf } from "@/lib/client/api-client";
import { signInWithPassword } from "@/lib/client/auth-client";
import type { ProblemFieldError } from "@/lib/shapes/problem";
import { authButtonClass, authInputClass } from "./auth-card";
import { FormAlert } from "@/components/ui/status-panels";

export function SetupForm() {
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<ProblemFieldError[]>([]);
  const [pending, setPending] = useState(false);
  const fieldError = (path: string) => fieldErrors.find((candidate) => candidate.path === path)?.message;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email"));
    const password = String(form.get("password"));
    setError(null);
    setFieldErrors([]);
    if (password !== form.get("confirm")) {
      setFieldErrors([{ path: "confirm", message: "the passwords differ" }]);
      return;
    }
    setPending(true);
    try {
      const name = String(form.get("name")).trim();
      await dataOf(api.POST("/api/setup", { body: { email, password, ...(name ? { name } : {}) } }));
      const signedIn = await signInWithPassword(email, password);
      window.location.assign(signedIn.ok ? "/" : "/signin");
    } catch (failure) {
      if (failure instanceof ApiError) {
        setError(failure.problem.detail);
        setFieldErrors(failure.problem.errors ?? []);
      } else {
        setError("The console did not answer; try again.");
      }
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      <Field label="Email" name="email" type="email" autoComplete="username" error={fieldError("email")} />
      <Field label="Name (optional)" name="name" type="text" autoComplete="name" required={false} error={fieldError("name")} />
      <Field
        label="Password (at least 10 characters)"
        name="password"
        type="password"
        autoComplete="new-password"
        error={fieldError("password")}
      />
      <Field label="Repeat the password" name="confirm" type="password" autoComplete="new-password" error={fieldError("confirm")} />
      {error ? <FormAlert>{error}</FormAlert> : null}
      <button type="submit" disabled={pending} className={authButtonClass}>
        {pending ? "Creating…" : "Create admin and sign in"}
      </button>
    </form>
  );
}

function Field({
  label,
  name,
  error,
  required = true,
  ...input
}: {
  label: string;
  name: string;
  error?: string;
  required?: boolean;
  type: string;
  autoComplete: string;
}) {
  const errorId = `${name}-error`;
  return (
    <label className="block text-sm font-medium text-slate-700">
      {label}
      <input
        name={name}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={authInputClass}
        {...input}
      />
      {error ? (
        <span id={errorId} className="mt-1 block text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </label>
  );
}
