// The first admin from the environment, also when several console instances start at once.
import { expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAdminFromEnvironment } from "./create-admin-from-environment";

it("creates the first admin once when instances starting together all try, and nothing afterwards", async () => {
  const credentials = { email: "Admin@Example.com", password: "admin-password-1" };
  const results = await Promise.all([1, 2, 3].map(() => createAdminFromEnvironment(credentials)));
  expect(results.filter((result) => result !== null)).toEqual([expect.objectContaining({ email: "admin@example.com", role: "admin" })]);
  expect(await db.user.count()).toBe(1);
  expect(await createAdminFromEnvironment(credentials)).toBeNull();
});
