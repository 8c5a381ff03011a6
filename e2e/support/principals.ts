// The users and tokens the setup project creates through the command line, shared with the specs.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const AUTH_DIR = "e2e/.auth";
const PRINCIPALS_FILE = path.join(AUTH_DIR, "principals.json");

export const ADMIN = { email: "admin@e2e.test", password: "admin-password-e2e" };
export const PASSWORD = "member-password-e2e";

export interface Principals {
  tokens: { admin: string; operator: string; viewer: string; revoked: string; expired: string; disabledUser: string };
  users: { viewer: string; operator: string; disabled: string; locked: string };
}

export function writePrincipals(principals: Principals): void {
  mkdirSync(AUTH_DIR, { recursive: true });
  writeFileSync(PRINCIPALS_FILE, JSON.stringify(principals, null, 2));
}

export function readPrincipals(): Principals {
  return JSON.parse(readFileSync(PRINCIPALS_FILE, "utf8")) as Principals;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
