// Roles, each including the ones before it (spec/api.md): viewer reads, operator runs clusters,
// admin authors blueprints and manages users, tokens and the audit log.
import { z } from "zod";

export const ROLES = ["viewer", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

export function hasRole(actual: Role, required: Role): boolean {
  return ROLES.indexOf(actual) >= ROLES.indexOf(required);
}
