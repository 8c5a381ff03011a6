import { describe, expect, it } from "vitest";
import { discoverRouteMethods } from "@/lib/test/route-files";
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
    ["/api/tasks/3f2a-task/cancel", "/api/tasks/{id}/cancel"],
    ["/api/clusters/cluster-1f2e/tasks", "/api/clusters/{id}/tasks"],
  ])("%s -> %s", (path, label) => {
    expect(routeLabel(path)).toBe(label);
  });

  it("labels every route of app/api by its pattern, never by an id", () => {
    const patterns = [...new Set(discoverRouteMethods().map((route) => route.pattern))].filter((pattern) => !pattern.includes("[..."));
    for (const pattern of patterns) {
      const label = routeLabel(pattern.replace(/\[[^\]]+\]/g, "sample-1234"));
      expect(label, pattern).not.toBe("/api/{unknown}");
      expect(label, pattern).not.toContain("sample-1234");
    }
  });
});
