// Who may do what: the caller, users, API tokens, the audit log and the first admin's setup.
import { auditEntrySchema, listAuditQuerySchema } from "@/lib/audit/api-schema";
import {
  createdTokenSchema,
  createTokenRequestSchema,
  createUserRequestSchema,
  listTokensQuerySchema,
  listUsersQuerySchema,
  meSchema,
  setupRequestSchema,
  setupStateSchema,
  tokenIdParamsSchema,
  tokenListSchema,
  tokenSchema,
  updateUserRequestSchema,
  userIdParamsSchema,
  userSchema,
} from "@/lib/auth/api-schema";
import { pageOf } from "@/lib/shapes/pagination";
import type { OperationTable } from "./operation";

export const accountOperations = {
  "/api/me": {
    GET: { summary: "Who is calling", access: "viewer", ok: { status: 200, description: "The caller and their role.", schema: meSchema } },
  },
  "/api/users": {
    GET: {
      summary: "List users",
      access: "admin",
      query: listUsersQuerySchema,
      ok: { status: 200, description: "A page of users.", schema: pageOf(userSchema) },
    },
    POST: {
      summary: "Create a user",
      access: "admin",
      body: createUserRequestSchema,
      ok: { status: 201, description: "The user.", schema: userSchema },
      refusals: [{ status: 409, description: "The email is taken." }],
    },
  },
  "/api/users/{id}": {
    PATCH: {
      summary: "Change a user's role or disable them",
      access: "admin",
      params: userIdParamsSchema,
      body: updateUserRequestSchema,
      ok: { status: 200, description: "The user.", schema: userSchema },
      refusals: [
        { status: 404, description: "No such user." },
        { status: 409, description: "The last enabled admin must stay one." },
      ],
    },
  },
  "/api/tokens": {
    GET: {
      summary: "List API tokens",
      access: "viewer",
      query: listTokensQuerySchema,
      ok: { status: 200, description: "The caller's tokens (everyone's for an admin with all=true).", schema: tokenListSchema },
    },
    POST: {
      summary: "Create an API token",
      access: "viewer",
      body: createTokenRequestSchema,
      ok: { status: 201, description: "The token, with its secret shown this once.", schema: createdTokenSchema },
    },
  },
  "/api/tokens/{id}": {
    DELETE: {
      summary: "Revoke an API token",
      access: "viewer",
      params: tokenIdParamsSchema,
      ok: { status: 200, description: "The revoked token.", schema: tokenSchema },
      refusals: [{ status: 404, description: "No such token of the caller's." }],
    },
  },
  "/api/audit": {
    GET: {
      summary: "The audit log",
      access: "admin",
      query: listAuditQuerySchema,
      ok: { status: 200, description: "A page of audit lines, newest first.", schema: pageOf(auditEntrySchema) },
    },
  },
  "/api/setup": {
    GET: {
      summary: "Whether the first admin still has to be created",
      access: "public",
      ok: { status: 200, description: "needs_setup.", schema: setupStateSchema },
    },
    POST: {
      summary: "Create the first admin",
      access: "public",
      body: setupRequestSchema,
      ok: { status: 201, description: "The admin.", schema: userSchema },
      refusals: [{ status: 409, description: "An admin exists already." }],
    },
  },
} as const satisfies OperationTable;
