import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadBlueprint } from "./load";
import { ClusterPlanError, planCluster } from "./plan";

const marketing = loadBlueprint(readFileSync("blueprints/marketing.yaml"));

const TEAM = loadBlueprint(`metadata: { id: team-v1, name: Team, version: 1.0.0 }
cluster: { type: team, min_workers: 0, max_workers: 10 }
agents:
  - { name: chief, role: supervisor, capabilities: [a] }
  - { name: lead, role: lead, count: 2, capabilities: [a] }
  - { name: helper, role: worker, reports_to: lead, count: 0-10, capabilities: [a] }
`);

describe("planCluster", () => {
  it("spawns the seed's marketing cluster with 5 workers", () => {
    const plan = planCluster(marketing, { target_workers: 5 });
    expect(plan).toMatchObject({ min_workers: 2, max_workers: 12, target_workers: 5, total_agents: 8 });
    expect(plan.worker_groups).toEqual([
      { definition: "copywriter", lo: 2, hi: 8, count: 4 },
      { definition: "social-poster", lo: 0, hi: 4, count: 1 },
    ]);
    expect(plan.agents.map(({ name, supervisor }) => `${name} <- ${supervisor}`)).toEqual([
      "marketing-director <- null",
      "content-lead <- marketing-director",
      "social-poster-1 <- marketing-director",
      "seo-specialist <- content-lead",
      "copywriter-1 <- content-lead",
      "copywriter-2 <- content-lead",
      "copywriter-3 <- content-lead",
      "copywriter-4 <- content-lead",
    ]);
  });

  it("admits scaling the marketing cluster to 10 workers", () => {
    expect(planCluster(marketing, { target_workers: 10 }).worker_groups.map((group) => group.count)).toEqual([7, 3]);
  });

  it("defaults the target to the blueprint's target_workers", () => {
    expect(planCluster(marketing).target_workers).toBe(3);
  });

  it("spreads instances over the supervisor's instances: instance i reports to i mod m", () => {
    const plan = planCluster(TEAM, { target_workers: 5 });
    expect(plan.agents.filter((agent) => agent.role === "worker").map((agent) => agent.supervisor)).toEqual([
      "lead-1",
      "lead-2",
      "lead-1",
      "lead-2",
      "lead-1",
    ]);
    expect(plan.agents.filter((agent) => agent.role === "lead").map((agent) => agent.name)).toEqual(["lead-1", "lead-2"]);
  });

  it("names a definition that can only have one instance by its own name", () => {
    const single = loadBlueprint(`metadata: { id: one, name: One, version: 1.0.0 }
cluster: { type: team, min_workers: 1, max_workers: 1 }
agents:
  - { name: chief, role: supervisor, capabilities: [a] }
  - { name: solo, role: worker, count: 1-1, capabilities: [a] }
`);
    expect(planCluster(single).agents.map((agent) => agent.name)).toEqual(["chief", "solo"]);
  });

  it("rejects overrides the worker groups cannot realize, naming each field", () => {
    const attempt = () => planCluster(marketing, { min_workers: 1, max_workers: 20, target_workers: 30 });
    expect(attempt).toThrow(ClusterPlanError);
    try {
      attempt();
    } catch (error) {
      expect((error as ClusterPlanError).issues.map((issue) => issue.path)).toEqual(["min_workers", "max_workers", "target_workers"]);
    }
    expect(() => planCluster(marketing, { target_workers: -1 })).toThrow(/whole number from 0 to 1000/);
    expect(() => planCluster(marketing, { min_workers: 8, max_workers: 4 })).toThrow(/greater than max_workers/);
  });

  it("says that min exceeds max, and nothing about a target the caller did not give", () => {
    const attempt = () => planCluster(marketing, { min_workers: 10, max_workers: 2 });
    expect(attempt).toThrow(ClusterPlanError);
    try {
      attempt();
    } catch (error) {
      expect((error as ClusterPlanError).issues).toEqual([
        { path: "min_workers", message: "min_workers (10) is greater than max_workers (2)" },
      ]);
    }
  });

  it("clamps the blueprint's target into overridden bounds", () => {
    expect(planCluster(marketing, { min_workers: 6 }).target_workers).toBe(6);
  });
});
