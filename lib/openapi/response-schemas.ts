// The problem+json body every error shares, the page envelope, and two small answers that belong
// to no domain. Component names are given in document.ts, not with .meta({ id }): ids live
// in zod's global registry, where a module evaluated twice (a reload, a second bundle) would clash.
import { z } from "zod";

export const problemSchema = z
  .object({
    type: z.string().meta({ example: "urn:cluster-console:problem:invalid-request-body" }),
    title: z.string().meta({ example: "Invalid request body" }),
    status: z.int().meta({ example: 400 }),
    detail: z.string().meta({ example: "target_workers: must be a whole number" }),
    errors: z
      .array(z.object({ path: z.string(), message: z.string(), line: z.int().optional(), column: z.int().optional() }))
      .optional()
      .describe("Every finding, with its line and column for blueprint text."),
    request_id: z.string().optional().describe("Quote it when reporting an internal error."),
  })
  .describe("RFC 9457 problem details (application/problem+json).");

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.int(), page: z.int(), page_size: z.int() });

export const acceptedMetricsSchema = z.object({ accepted: z.int() });
export const setupStateSchema = z.object({ needs_setup: z.boolean() });
