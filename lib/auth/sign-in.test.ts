// Sign-in with a small lockout budget: the lock holds even for the right password, is per email,
// and every attempt leaves its audit line.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.SIGNIN_MAX_FAILURES = "3";
  process.env.SIGNIN_LOCKOUT_SECONDS = "600";
});

import { db } from "@/lib/db";
import { audit } from "@/lib/test/test-audit";
import { SignInLockedError, signInWithPassword } from "./sign-in";
import { createUser } from "./create-user";
import { updateUser } from "./update-user";

const from = (ip: string) => ({ ip, requestId: null });

beforeAll(async () => {
  await createUser({ email: "ann@test.dev", password: "ann-password-1", role: "operator" }, { audit });
  await createUser({ email: "bob@test.dev", password: "bob-password-1", role: "viewer" }, { audit });
  const carl = await createUser({ email: "carl@test.dev", password: "carl-password-1", role: "viewer" }, { audit });
  await updateUser(carl.id, { disabled: true }, { audit });
});

describe("signInWithPassword", () => {
  it("signs in with the right password, whatever the email's case, and records it", async () => {
    const user = await signInWithPassword({ email: " Ann@Test.dev", password: "ann-password-1" }, from("10.0.0.1"));
    expect(user?.email).toBe("ann@test.dev");
    expect(user?.lastSignInAt).toBeInstanceOf(Date);
    expect(await db.auditEntry.count({ where: { action: "auth.sign_in", actorEmail: "ann@test.dev" } })).toBe(1);
  });

  it("refuses a wrong password, an unknown email and a disabled user alike", async () => {
    expect(await signInWithPassword({ email: "ann@test.dev", password: "wrong-password" }, from("10.0.0.2"))).toBeNull();
    expect(await signInWithPassword({ email: "nobody@test.dev", password: "whatever-password" }, from("10.0.0.2"))).toBeNull();
    expect(await signInWithPassword({ email: "carl@test.dev", password: "carl-password-1" }, from("10.0.0.2"))).toBeNull();
    const failures = await db.auditEntry.findMany({ where: { action: "auth.sign_in_failed" }, orderBy: { id: "asc" } });
    expect(failures.map((entry) => [entry.actorEmail, entry.summary, entry.ip])).toEqual([
      ["ann@test.dev", "wrong password", "10.0.0.2"],
      ["nobody@test.dev", "no such user", "10.0.0.2"],
      ["carl@test.dev", "the user is disabled", "10.0.0.2"],
    ]);
  });

  it("locks an email after the allowed failures, even against the right password, and records the lockout once", async () => {
    for (let attempt = 0; attempt < 3; attempt++)
      expect(await signInWithPassword({ email: "bob@test.dev", password: "bad-password" }, from("10.0.1.1"))).toBeNull();
    const locked = signInWithPassword({ email: "bob@test.dev", password: "bob-password-1" }, from("10.0.1.2"));
    await expect(locked).rejects.toThrow(SignInLockedError);
    await expect(locked).rejects.toThrow(/try again in 10 minute/);
    expect(await db.auditEntry.count({ where: { action: "auth.lockout", actorEmail: "bob@test.dev" } })).toBe(1);
    // Another account is not locked by bob's failures.
    expect(await signInWithPassword({ email: "ann@test.dev", password: "ann-password-1" }, from("10.0.1.1"))).not.toBeNull();
  });
});
