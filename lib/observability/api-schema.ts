// The health answer, for load balancers and orchestrators probing an instance.
import { z } from "zod";

export const healthSchema = z.object({
  status: z
    .enum(["ok", "degraded"])
    .describe("ok (answered 200) when the database answers and its migrations are current; else degraded (503)."),
  database: z.enum(["ok", "unreachable"]).describe("Whether the database answered within 2 s."),
  migrations: z
    .enum(["current", "pending", "unknown"])
    .describe(
      "current: every migration this build ships is applied; pending: one is not; unknown: not known (the database did not answer).",
    ),
  instance: z.string().describe("This console process (host:pid:random), telling apart the instances behind one address."),
  version: z.string().describe("The console's version."),
});

export type Health = z.output<typeof healthSchema>;
