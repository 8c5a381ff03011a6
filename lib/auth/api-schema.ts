// Request and response shapes of the user, token, setup and session routes.
import { z } from "zod";
import { paginationQuery } from "@/lib/shapes/pagination";
import { booleanQuery } from "@/lib/shapes/query-flags";
import { passwordSchema } from "./password";
import { roleSchema } from "./roles";

const email = z
  .email({ error: "must be an email address" })
  .max(254)
  .transform((value) => value.toLowerCase());
const displayName = z.string().trim().min(1, { error: "must not be empty" }).max(100);

export const createUserRequestSchema = z.strictObject({ email, name: displayName.optional(), password: passwordSchema, role: roleSchema });
export type CreateUserRequest = z.output<typeof createUserRequestSchema>;

export const setupRequestSchema = z.strictObject({ email, name: displayName.optional(), password: passwordSchema });

export const updateUserRequestSchema = z
  .strictObject({
    name: displayName.optional(),
    role: roleSchema.optional(),
    disabled: z.boolean().optional(),
    password: passwordSchema.optional(),
  })
  .refine((value) => Object.keys(value).length > 0, { error: "change at least one of name, role, disabled, password" });
export type UpdateUserRequest = z.output<typeof updateUserRequestSchema>;

export const userIdParamsSchema = z.object({ id: z.uuid({ error: "must be a user id" }) });
export const listUsersQuerySchema = z.object({ ...paginationQuery });

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: roleSchema,
  disabled: z.boolean(),
  created_at: z.iso.datetime(),
  last_sign_in_at: z.iso.datetime().nullable(),
});
export type UserView = z.infer<typeof userSchema>;

export const createTokenRequestSchema = z.strictObject({
  name: z.string().trim().min(1, { error: "must not be empty" }).max(100),
  expires_at: z.iso
    .datetime({ offset: true, error: "must be an ISO date-time such as 2027-01-31T00:00:00Z" })
    .refine((value) => Date.parse(value) > Date.now(), { error: "must lie in the future" })
    .optional(),
});
export type CreateTokenRequest = z.output<typeof createTokenRequestSchema>;

export const tokenIdParamsSchema = z.object({ id: z.uuid({ error: "must be a token id" }) });

export const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  owner_email: z.string(),
  created_at: z.iso.datetime(),
  expires_at: z.iso.datetime().nullable(),
  last_used_at: z.iso.datetime().nullable(),
  revoked_at: z.iso.datetime().nullable(),
});
export type TokenView = z.infer<typeof tokenSchema>;

/** The one answer that carries the secret; it is never shown again. */
export const tokenListSchema = z.object({ items: z.array(tokenSchema) });

export const createdTokenSchema = tokenSchema.extend({ token: z.string() });
export type CreatedTokenView = z.infer<typeof createdTokenSchema>;

export const meSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: roleSchema,
  via: z.enum(["session", "token"]),
});
export type MeView = z.infer<typeof meSchema>;

/** `all=true` lists every user's tokens (admins only); otherwise the caller's own. */
export const listTokensQuerySchema = z.object({ all: booleanQuery.default(false) });

export const setupStateSchema = z.object({ needs_setup: z.boolean() });
