// Password hashing with argon2id (the argon2 package's defaults follow OWASP's guidance).
import argon2 from "argon2";
import { z } from "zod";

export const passwordSchema = z
  .string()
  .min(10, "the password must have at least 10 characters")
  .max(200, "the password may have at most 200 characters");

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return argon2.verify(hash, password).catch(() => false);
}

// Verifying against this keeps a sign-in for an unknown email as slow as one with a wrong
// password, so response times do not reveal which emails have accounts.
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword("decoy password that matches nothing");
  return decoyHash;
}
