// Request and response shapes of the autoscaler routes, shared by routes, hooks and OpenAPI.
import { z } from "zod";
import { scalingSchema } from "@/lib/blueprint/schema";

export const AUTOSCALER_PAUSES = ["none", "all", "scale_in", "scale_out"] as const;

export const setAutoscalerPauseRequestSchema = z.strictObject({
  pause: z
    .enum(AUTOSCALER_PAUSES, { error: `pause must be one of ${AUTOSCALER_PAUSES.join(", ")}` })
    .describe("none: the autoscaler acts; all: it only watches; scale_in / scale_out: that direction is paused."),
});
export type SetAutoscalerPauseRequest = z.output<typeof setAutoscalerPauseRequestSchema>;

export const autoscalerDecisionSchema = z.object({
  at: z.iso.datetime(),
  action: z.enum(["none", "scale", "hibernate", "reactivate"]),
  from_workers: z.int(),
  to_workers: z.int(),
  reason: z.string(),
});
export type AutoscalerDecisionView = z.infer<typeof autoscalerDecisionSchema>;

export const autoscalerViewSchema = z.object({
  cluster_id: z.string(),
  policy: scalingSchema.nullable().describe("The blueprint's scaling section at the cluster's revision; null when it has none."),
  policy_summary: z.string().describe("The policy in words."),
  pause: z.enum(AUTOSCALER_PAUSES),
  recommendation: z.int().nullable().describe("The workers the latest evaluation recommended before stabilization."),
  last_evaluated_at: z.iso.datetime().nullable(),
  next_evaluation_at: z.iso.datetime().nullable(),
  last_decision: autoscalerDecisionSchema.nullable().describe("The latest evaluation, whether or not it changed anything."),
  decisions: z.array(autoscalerDecisionSchema).describe("The latest decisions that changed something, newest first."),
});
export type AutoscalerView = z.infer<typeof autoscalerViewSchema>;
