// The key that signs session cookies: NEXTAUTH_SECRET, or for the embedded set-up a random one
// generated on first start and kept beside the database (data/ is git-ignored). On PostgreSQL
// outside production (where NEXTAUTH_SECRET is required) it is kept in data/, so the instances
// started from one checkout share it.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { providerOfUrl } from "@/lib/db/database-url.mjs";
import { sqliteFileFromUrl } from "@/lib/db/sqlite-file.mjs";
import { env } from "@/lib/env";

let cached: string | undefined;

export function authSecret(): string {
  cached ??= env.NEXTAUTH_SECRET ?? readOrCreateSecretFile(path.join(dataFolder(), "auth-secret"));
  return cached;
}

function dataFolder(): string {
  if (providerOfUrl(env.DATABASE_URL) === "postgresql") return path.join(process.cwd(), "data");
  return path.dirname(sqliteFileFromUrl(env.DATABASE_URL, process.cwd()));
}

function readOrCreateSecretFile(file: string): string {
  try {
    return readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    // `wx`: if two processes start at once, the second reads what the first wrote.
    writeFileSync(file, randomBytes(48).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return readFileSync(file, "utf8").trim();
}
