// bench:ui's cluster page part: a 1,000-agent cluster (a supervisor, 9 leads, 990 workers in 9
// groups). How soon the page shows the hierarchy with every group expanded, and the frame rate
// while the graph is panned.
import type { Page } from "@playwright/test";
import type { BenchServer } from "./bench-server";

const LEADS = 9;
const WORKERS = 990;
const BLUEPRINT_YAML = [
  "metadata: { id: bench-org, name: Bench organisation, version: 1.0.0 }",
  `cluster: { type: department, min_workers: ${LEADS}, max_workers: ${LEADS * 111} }`,
  "agents:",
  "  - { name: chief, role: supervisor, capabilities: [plan] }",
  ...Array.from({ length: LEADS }, (_, i) => [
    `  - { name: lead-${i + 1}, role: lead, reports_to: chief, capabilities: [review] }`,
    `  - { name: crew-${i + 1}, role: worker, reports_to: lead-${i + 1}, count: 1-111, capabilities: [work] }`,
  ]).flat(),
].join("\n");

export async function createBenchCluster(server: BenchServer): Promise<string> {
  const call = async (path: string, body: unknown) => {
    const response = await fetch(`${server.base}${path}`, {
      method: "POST",
      headers: { authorization: server.authorization, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as { id: string };
  };
  await call("/api/blueprints", { id: "bench-org", name: "Bench organisation", version: "1.0.0", blueprint_yaml: BLUEPRINT_YAML });
  return (await call("/api/clusters", { blueprint_id: "bench-org", name: "Bench 1000 agents", target_workers: WORKERS })).id;
}

/**
 * Resolves with the time of the last DOM change in the graph once nothing changed for `quietMs`.
 * Given as source text: tsx would wrap the named functions in a helper the page does not have.
 */
async function settledAt(page: Page, quietMs = 300): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const graph = document.querySelector(".react-flow");
    let last = performance.now();
    let timer;
    const finish = () => { observer.disconnect(); resolve(last); };
    const observer = new MutationObserver(() => { last = performance.now(); clearTimeout(timer); timer = setTimeout(finish, ${quietMs}); });
    timer = setTimeout(finish, ${quietMs});
    observer.observe(graph, { subtree: true, childList: true, attributes: true });
  })`);
}

/** Milliseconds from navigation until the graph has drawn every group expanded. */
export async function timeExpandedClusterPage(page: Page, clusterId: string): Promise<{ total: number; expand: number }> {
  const started = await page.evaluate(() => performance.timeOrigin + performance.now());
  await page.goto(`/clusters/${clusterId}`);
  const expandAll = page.getByRole("button", { name: "Expand all" });
  await expandAll.waitFor({ timeout: 60_000 });
  await page.locator(".react-flow__node").first().waitFor({ timeout: 60_000 });
  const clicked = await page.evaluate(() => performance.now());
  await expandAll.click();
  const done = await settledAt(page);
  const origin = await page.evaluate(() => performance.timeOrigin);
  return { total: origin + done - started, expand: done - clicked };
}

/** Frames per second while the pointer drags the graph across the pane for about two seconds. */
export async function panFramesPerSecond(page: Page): Promise<number> {
  const pane = page.locator(".react-flow__pane");
  const box = (await pane.boundingBox())!;
  // Source text for the same reason as settledAt.
  await page.evaluate(`(() => {
    window.benchFrames = 0;
    window.benchCounting = true;
    const count = () => { if (!window.benchCounting) return; window.benchFrames++; requestAnimationFrame(count); };
    requestAnimationFrame(count);
  })()`);
  const started = Date.now();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.8, y);
  await page.mouse.down();
  for (let step = 0; step < 120; step++) {
    const x = box.x + box.width * (0.8 - 0.6 * Math.abs(Math.sin((step / 120) * Math.PI * 2)));
    await page.mouse.move(x, y + 40 * Math.sin(step / 10));
  }
  await page.mouse.up();
  const seconds = (Date.now() - started) / 1000;
  const frames = await page.evaluate(() => {
    const state = window as unknown as { benchFrames: number; benchCounting: boolean };
    state.benchCounting = false;
    return state.benchFrames;
  });
  return frames / seconds;
}
