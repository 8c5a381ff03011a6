// Runs after blueprints.spec.ts (files run in name order): it adds a blueprint, which would change that spec's counts.
// The autoscaler loop of the running server, driven as a script would: posted demand scales a
// cluster up, a pause stops it, idleness scales it down and hibernates it, and demand wakes it.
// The blueprint's policy is the demo's with its windows cut to seconds.
import { readFileSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";

const FAST_YAML = readFileSync("blueprints/autoscaler-demo.yaml", "utf8")
  .replace("id: autoscaler-demo-v1", "id: e2e-fast-autoscaler")
  .replace("name: Autoscaler Demo Desk", "name: Fast autoscaler")
  .replace("scale_down_stabilization_s: 20", "scale_down_stabilization_s: 2")
  .replace("evaluation_interval_s: 2", "evaluation_interval_s: 1")
  .replace("hibernate_after_idle_s: 30", "hibernate_after_idle_s: 3");

interface ClusterBody {
  status: string;
  current_workers: number;
}

const postQueueDepth = (request: APIRequestContext, id: string, value: number) =>
  request.post(`/api/clusters/${id}/metrics`, { data: { points: [{ name: "queue_depth", value }] } });

test.describe("[API][AUTOSCALER]", () => {
  test("the loop scales on posted demand, honours a pause, hibernates when idle and wakes on demand", async ({ request }) => {
    test.setTimeout(90_000);
    expect(
      (
        await request.post("/api/blueprints", {
          data: { id: "e2e-fast-autoscaler", name: "Fast autoscaler", version: "1.0.0", blueprint_yaml: FAST_YAML },
        })
      ).status(),
    ).toBe(201);
    const cluster = await (
      await request.post("/api/clusters", { data: { blueprint_id: "e2e-fast-autoscaler", name: "Autoscaled desk" } })
    ).json();
    const path = `/api/clusters/${cluster.id}`;
    const current = async (): Promise<ClusterBody> => (await request.get(path)).json();
    // Demand is posted every poll, so the metric never goes stale while the loop watches it.
    const keepPosting = async (value: number, until: (body: ClusterBody) => boolean) => {
      await expect
        .poll(
          async () => {
            await postQueueDepth(request, cluster.id, value);
            return until(await current());
          },
          { timeout: 20_000, intervals: [500] },
        )
        .toBe(true);
    };

    const view = await (await request.get(`${path}/autoscaler`)).json();
    expect(view).toMatchObject({ pause: "none", policy: { metric: "queue_depth", target_value: 5, evaluation_interval_s: 1 } });
    expect(view.policy_summary).toMatch(/^Keeps queue_depth at about 5 per worker/);

    // 40 queued at 5 per worker wants 8 workers: 2 -> 6 first (double or +4 a step), then 8.
    await keepPosting(40, (body) => body.current_workers === 8);
    const activity = await (await request.get(`${path}/activity?page_size=50`)).json();
    const scaled = activity.items.filter(
      (entry: { kind: string; actor: string }) => entry.kind === "scaled" && entry.actor === "autoscaler",
    );
    expect(scaled.length).toBeGreaterThanOrEqual(2);
    // The change (2 -> 6) is the entry's from and to; the reason does not repeat it.
    expect(scaled.at(-1)).toMatchObject({ from_workers: 2, to_workers: 6 });
    expect(scaled.at(-1).reason).toMatch(/^queue_depth 40 over 2 workers, target 5 per worker -> 8, limited to 6 by the scale-up rate/);
    expect(scaled.at(-1).reason).not.toContain("2 -> 6");
    const decided = await (await request.get(`${path}/autoscaler`)).json();
    expect(decided.decisions[0]).toMatchObject({ action: "scale", to_workers: 8 });

    // Paused for scaling in: zero demand leaves the workers where they are, and says why.
    const paused = await request.put(`${path}/autoscaler`, { data: { pause: "scale_in" } });
    expect(paused.status()).toBe(200);
    expect((await paused.json()).pause).toBe("scale_in");
    await expect
      .poll(
        async () => {
          await postQueueDepth(request, cluster.id, 0);
          return (await (await request.get(`${path}/autoscaler`)).json()).last_decision?.reason ?? "";
        },
        { timeout: 20_000, intervals: [500] },
      )
      .toMatch(/scaling in is paused$/);
    expect((await current()).current_workers).toBe(8);
    const refused = await request.put(`${path}/autoscaler`, { data: { pause: "sometimes" } });
    expect(refused.status()).toBe(400);
    expect(refused.headers()["content-type"]).toContain("application/problem+json");

    // Resumed: idle demand scales down after the 2 s window and hibernates after 3 s at zero.
    expect((await request.put(`${path}/autoscaler`, { data: { pause: "none" } })).status()).toBe(200);
    await keepPosting(0, (body) => body.status === "hibernated");
    const kinds = (await (await request.get(`${path}/activity?page_size=50`)).json()).items.map((entry: { kind: string }) => entry.kind);
    expect(kinds).toContain("hibernated");
    expect(kinds).toContain("autoscaler-pause");

    // Demand wakes it; the usual scaling takes it on from min_workers.
    await keepPosting(10, (body) => body.status === "active" && body.current_workers >= 1);
    expect(
      (await (await request.get(`${path}/autoscaler`)).json()).decisions.map((decision: { action: string }) => decision.action),
    ).toContain("reactivate");
    await request.delete(path);
  });

  test("a manual scale either leaves the autoscaler running, which may undo it, or pauses it in the same request", async ({ request }) => {
    test.setTimeout(60_000);
    const yaml = FAST_YAML.replace("id: e2e-fast-autoscaler", "id: e2e-scale-choice").replace(
      "name: Fast autoscaler",
      "name: Scale choice",
    );
    expect(
      (
        await request.post("/api/blueprints", {
          data: { id: "e2e-scale-choice", name: "Scale choice", version: "1.0.0", blueprint_yaml: yaml },
        })
      ).status(),
    ).toBe(201);
    const cluster = await (
      await request.post("/api/clusters", { data: { blueprint_id: "e2e-scale-choice", name: "Scale choice" } })
    ).json();
    const path = `/api/clusters/${cluster.id}`;
    const workers = async () => ((await (await request.get(path)).json()) as ClusterBody).current_workers;
    // 40 queued at 5 per worker: the autoscaler wants 8, whatever a person set.
    const demandAndWorkers = async () => {
      await postQueueDepth(request, cluster.id, 40);
      return workers();
    };

    const refused = await request.post(`${path}/scale`, { data: { target_workers: 3, autoscaler: "maybe" } });
    expect(refused.status()).toBe(400);
    expect((await refused.json()).errors[0]).toMatchObject({ path: "autoscaler", message: 'autoscaler must be "keep" or "pause"' });

    // The default, "keep": the scale happens and the autoscaler takes the workers back to what it wants.
    const kept = await request.post(`${path}/scale`, { data: { target_workers: 3 } });
    expect(kept.status()).toBe(200);
    expect((await kept.json()).current_workers).toBe(3);
    await expect.poll(demandAndWorkers, { timeout: 20_000, intervals: [500] }).toBe(8);
    expect((await (await request.get(`${path}/autoscaler`)).json()).pause).toBe("none");

    // "pause": the autoscaler is paused with the scale, and the size stays through its evaluations.
    const paused = await request.post(`${path}/scale`, { data: { target_workers: 3, autoscaler: "pause" } });
    expect(paused.status()).toBe(200);
    expect((await paused.json()).current_workers).toBe(3);
    expect((await (await request.get(`${path}/autoscaler`)).json()).pause).toBe("all");
    await expect
      .poll(
        async () => {
          await postQueueDepth(request, cluster.id, 40);
          return (await (await request.get(`${path}/autoscaler`)).json()).last_decision?.reason ?? "";
        },
        { timeout: 20_000, intervals: [500] },
      )
      .toMatch(/autoscaling is paused/);
    expect(await demandAndWorkers()).toBe(3);
    const activity = await (await request.get(`${path}/activity?page_size=5`)).json();
    expect(activity.items.find((entry: { kind: string }) => entry.kind === "scaled").reason).toBe(
      "scaled to 3 workers; autoscaler paused to keep this size",
    );
    const audit = await (await request.get(`/api/audit?action=cluster.scale&target=${cluster.id}&page_size=1`)).json();
    expect(audit.items[0].summary).toBe("Scale choice: scaled to 3 workers; autoscaler paused to keep this size; workers 8 -> 3, active");
    await request.delete(path);
  });

  test("the list's worker history and the Prometheus exposition", async ({ request }) => {
    const cluster = await (await request.post("/api/clusters", { data: { blueprint_id: "marketing-v1", name: "Charted desk" } })).json();
    // The loop records workers_active at its first evaluation of the cluster.
    await expect
      .poll(
        async () => (await (await request.get(`/api/clusters/worker-history?ids=${cluster.id}&minutes=5`)).json()).series[0].points.length,
        { timeout: 20_000 },
      )
      .toBeGreaterThan(0);
    const history = await (await request.get(`/api/clusters/worker-history?ids=${cluster.id}&minutes=5`)).json();
    expect(history.series[0].cluster_id).toBe(cluster.id);
    expect(history.series[0].points.map((point: { value: number }) => point.value)).toEqual(history.series[0].points.map(() => 3));
    expect((await request.get("/api/clusters/worker-history?ids=")).status()).toBe(400);

    const scrape = await request.get("/api/metrics");
    expect(scrape.status()).toBe(200);
    expect(scrape.headers()["content-type"]).toContain("text/plain");
    const text = await scrape.text();
    expect(text).toMatch(/^cluster_console_clusters\{status="active"\} [1-9]\d*$/m);
    expect(text).toMatch(/^cluster_console_agents\{status="active",role="worker"\} [1-9]\d*$/m);
    const line = (name: string, labels: string[]) =>
      text.split("\n").find((row) => row.startsWith(`${name}{`) && labels.every((label) => row.includes(label)));
    expect(line("cluster_console_http_requests_total", ['method="POST"', 'route="/api/clusters"', 'status="201"'])).toMatch(/ [1-9]\d*$/);
    expect(line("cluster_console_http_request_duration_seconds_count", ['method="GET"', 'route="/api/clusters/worker-history"'])).toMatch(
      / [1-9]\d*$/,
    );
    expect(text).toMatch(/^cluster_console_autoscaler_decisions_total\{action="none"\} [1-9]\d*$/m);
    expect(text).toMatch(/^cluster_console_autoscaler_tick_duration_seconds_count [1-9]\d*$/m);
  });
});
