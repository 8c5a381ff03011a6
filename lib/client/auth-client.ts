// Sign-in and sign-out against next-auth's endpoints, with answers the forms can show: a wrong
// password, a lockout (429 with its problem detail) or success.
import type { Problem } from "@/lib/shapes/problem";

export type SignInResult = { ok: true } | { ok: false; message: string };

async function csrfToken(): Promise<string> {
  const response = await fetch("/api/auth/csrf");
  const body = (await response.json()) as { csrfToken: string };
  return body.csrfToken;
}

async function postAuthForm(path: string, fields: Record<string, string>): Promise<Response> {
  const form = new URLSearchParams({ ...fields, csrfToken: await csrfToken(), json: "true" });
  return fetch(path, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form });
}

export async function signInWithPassword(email: string, password: string): Promise<SignInResult> {
  const response = await postAuthForm("/api/auth/callback/credentials", { email, password, callbackUrl: "/" });
  if (response.status === 429) {
    const problem = (await response.json()) as Problem;
    return { ok: false, message: problem.detail };
  }
  const body = (await response.json().catch(() => ({}))) as { url?: string };
  const error = body.url ? new URL(body.url, window.location.origin).searchParams.get("error") : "no answer";
  if (!response.ok || error) {
    return { ok: false, message: error && error !== "CredentialsSignin" && error !== "no answer" ? error : "Wrong email or password." };
  }
  return { ok: true };
}

export async function signOut(): Promise<void> {
  await postAuthForm("/api/auth/signout", { callbackUrl: "/signin" });
}

/** Only our own paths: a callbackUrl pointing elsewhere would turn sign-in into an open redirect. */
export function safeReturnPath(candidate: string | null | undefined): string {
  return candidate && candidate.startsWith("/") && !candidate.startsWith("//") && !candidate.startsWith("/\\") ? candidate : "/";
}
