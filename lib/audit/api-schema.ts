// The audit log's query and entry shapes.
import { z } from "zod";
import { paginationQuery } from "@/lib/shapes/pagination";

export const listAuditQuerySchema = z.object({
  actor: z.string().max(254).optional(),
  action: z.string().max(64).optional(),
  target: z.string().max(200).optional(),
  from: z.iso.datetime({ offset: true, error: "must be an ISO date-time" }).optional(),
  to: z.iso.datetime({ offset: true, error: "must be an ISO date-time" }).optional(),
  ...paginationQuery,
});
export type ListAuditQuery = z.output<typeof listAuditQuerySchema>;

export const auditEntrySchema = z.object({
  id: z.int(),
  at: z.iso.datetime(),
  actor: z.string().nullable(),
  action: z.string(),
  target_type: z.string(),
  target_id: z.string().nullable(),
  target_name: z
    .string()
    .nullable()
    .describe("The target's name now (a cluster's or blueprint's name, a user's email, a token's name); null when it no longer exists."),
  summary: z.string(),
  ip: z.string().nullable(),
  request_id: z.string().nullable(),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;
