// Which workers a scale-down stops: idle ones before busy ones, newest first among equals.
import { describe, expect, it } from "vitest";
import { loadBlueprint } from "@/lib/blueprint/load";
import { planWorkerChange, type PoolAgent } from "./worker-pool";

const blueprint = loadBlueprint(`metadata: { id: pool, name: Pool, version: 1.0.0 }
cluster: { type: team, min_workers: 0, max_workers: 5, config: { executor: { type: simulate } } }
agents:
  - { name: lead, role: supervisor }
  - { name: doer, role: worker, reports_to: lead, count: 0-5 }
`);

const worker = (ordinal: number, busy = false): PoolAgent => ({
  id: `w${ordinal}`,
  name: `doer-${ordinal}`,
  definition: "doer",
  ordinal,
  role: "worker",
  status: "active",
  busy,
});

describe("planWorkerChange on the way down", () => {
  it("stops the newest workers when none is busy", () => {
    const change = planWorkerChange(
      blueprint,
      [1, 2, 3, 4].map((ordinal) => worker(ordinal)),
      2,
    );
    expect(change.stop.map((agent) => agent.name)).toEqual(["doer-4", "doer-3"]);
  });

  it("stops idle workers before busy ones, so running tasks need not go back to the queue", () => {
    const change = planWorkerChange(blueprint, [worker(1), worker(2), worker(3, true), worker(4, true)], 2);
    expect(change.stop.map((agent) => agent.name)).toEqual(["doer-2", "doer-1"]);
  });

  it("stops busy workers only when there are not enough idle ones, newest first", () => {
    const change = planWorkerChange(blueprint, [worker(1, true), worker(2), worker(3, true), worker(4, true)], 1);
    expect(change.stop.map((agent) => agent.name)).toEqual(["doer-2", "doer-4", "doer-3"]);
  });
});
