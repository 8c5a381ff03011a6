import { describe, expect, it } from "vitest";
import { routeLabel } from "./prometheus";

describe("routeLabel", () => {
  it.each([
    ["/api/clusters", "/api/clusters"],
    ["/api/clusters/cluster-1f2e/scale", "/api/clusters/{id}/scale"],
    ["/api/clusters/cluster-1f2e/agents/agent-9", "/api/clusters/{id}/agents/{id}"],
    ["/api/clusters/worker-history", "/api/clusters/worker-history"],
    ["/api/blueprints/validate", "/api/blueprints/validate"],
    ["/api/blueprints/marketing-v1/revisions/3/restore", "/api/blueprints/{id}/revisions/{id}/restore"],
    ["/api/auth/callback/credentials", "/api/auth"],
    ["/api/nothing-here/1234", "/api/{unknown}"],
    ["/api/metrics", "/api/metrics"],
  ])("%s -> %s", (path, label) => {
    expect(routeLabel(path)).toBe(label);
  });
});
