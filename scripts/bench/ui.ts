// npm run bench:ui - the blueprint studio in Debian's Chromium against the production server:
// how soon the editor is usable after navigation, and how soon validation and the preview follow
// a keystroke in a 1,000-definition blueprint. Prints medians.
import { existsSync } from "node:fs";
import { chromium, type Page } from "@playwright/test";
import { startBenchServer } from "./bench-server";
import { createBenchCluster, panFramesPerSecond, timeExpandedClusterPage } from "./cluster-page";
import { generateBlueprint } from "./generate-blueprint";
import { median } from "./median";

const PORT = Number(process.env.BENCH_PORT ?? 3310);
const RUNS = 5;
const DEFINITIONS = 1000;
/** About the size of the examples in blueprints/. */
const SMALL = 10;

/** Milliseconds from navigation until the editor shows the text and the problems are counted. */
async function timeToInteractive(page: Page, url: string): Promise<number> {
  const started = Date.now();
  await page.goto(url);
  await page.locator(".monaco-editor .view-line", { hasText: "metadata" }).first().waitFor({ timeout: 60_000 });
  await page.locator("#problems-heading", { hasText: /\d+ errors?/ }).waitFor({ timeout: 60_000 });
  return Date.now() - started;
}

/** Resolves once the problems heading no longer says "checking…". */
async function settled(page: Page) {
  await page.locator("#problems-heading", { hasText: /\d+ errors?/ }).waitFor({ timeout: 60_000 });
}

/** Milliseconds from an edit (typing `text`, or a keystroke `edit` performs) until the problems and the preview show it. */
async function timeKeystrokeToUpdate(page: Page, edit: string | (() => Promise<void>)): Promise<{ total: number; analysis: number }> {
  await settled(page);
  await page.evaluate(() => {
    const heading = document.getElementById("problems-heading")!;
    (window as unknown as { benchDone: Promise<number> }).benchDone = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (heading.textContent?.includes("checking")) return;
        observer.disconnect();
        // The next frame is when the browser has painted the new problems and graph.
        requestAnimationFrame(() => resolve(performance.now()));
      });
      observer.observe(heading, { subtree: true, childList: true, characterData: true });
    });
  });
  const started = await page.evaluate(() => performance.now());
  await (typeof edit === "string" ? page.keyboard.insertText(edit) : edit());
  const finished = await page.evaluate(() => (window as unknown as { benchDone: Promise<number> }).benchDone);
  const analysis = Number(await page.locator("[data-analysis-ms]").getAttribute("data-analysis-ms"));
  return { total: finished - started, analysis };
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

async function main() {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: sudo apt-get install -y chromium (or set CHROMIUM_PATH)`);
  const server = await startBenchServer(PORT);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  try {
    for (const size of [SMALL, DEFINITIONS]) {
      const created = await fetch(`${server.base}/api/blueprints`, {
        method: "POST",
        headers: { authorization: server.authorization, "content-type": "application/json" },
        body: JSON.stringify({ id: `bench-${size}`, name: `Bench ${size}`, version: "1.0.0", blueprint_yaml: generateBlueprint(size) }),
      });
      if (created.status !== 201) throw new Error(`creating the bench blueprint answered ${created.status}: ${await created.text()}`);
    }

    const context = await browser.newContext({ baseURL: server.base, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    // A failure in the page would otherwise show only as a timeout.
    page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
    await page.goto("/signin");
    await page.getByLabel("Email").fill(server.admin.email);
    await page.getByLabel("Password").fill(server.admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByTestId("signed-in-user").waitFor();

    // A first visit: a new context each time has an empty HTTP cache but keeps the session.
    const coldSmall: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const cold = await browser.newContext({
        baseURL: server.base,
        viewport: { width: 1440, height: 900 },
        storageState: await context.storageState(),
      });
      coldSmall.push(await timeToInteractive(await cold.newPage(), `/blueprints/bench-${SMALL}/edit`));
      await cold.close();
    }
    const interactiveSmall: number[] = [];
    const interactiveBig: number[] = [];
    for (let run = 0; run < RUNS; run++) interactiveSmall.push(await timeToInteractive(page, `/blueprints/bench-${SMALL}/edit`));
    for (let run = 0; run < RUNS; run++) interactiveBig.push(await timeToInteractive(page, `/blueprints/bench-${DEFINITIONS}/edit`));

    await page.locator(".monaco-editor .view-line").first().click();
    await page.keyboard.press("Control+End");
    // A new definition makes the preview lay out again; a space changes text but not structure.
    // Control+End is on the empty last line; after that, Enter keeps a list item's indentation.
    const structural: Array<{ total: number; analysis: number }> = [];
    for (let run = 0; run < RUNS; run++) {
      if (run > 0) {
        await settled(page);
        // Escape first: Enter would otherwise accept a completion the schema offers.
        await page.keyboard.press("Escape");
        await page.keyboard.press("Enter");
      }
      structural.push(
        await timeKeystrokeToUpdate(
          page,
          `${run === 0 ? "  " : ""}- { name: extra-${run}, role: specialist, reports_to: lead-1, capabilities: [research] }`,
        ),
      );
    }
    // Proof that the structural keystrokes did add definitions to the preview.
    await page
      .getByRole("group", { name: `Hierarchy preview: ${DEFINITIONS + RUNS} agent definitions`, exact: false })
      .waitFor({ timeout: 5_000 });
    // One keystroke that moves a reporting line: the last definition's `lead-` (left dangling by a
    // Backspace that is not measured) gets its digit back, `lead-2`, `lead-3`, …, so the preview lays out again.
    const AFTER_DIGIT = ", capabilities: [research] }".length;
    const moved: Array<{ total: number; analysis: number }> = [];
    for (let run = 0; run < RUNS; run++) {
      await settled(page);
      await page.keyboard.press("Escape");
      await page.keyboard.press("End");
      for (let step = 0; step < AFTER_DIGIT; step++) await page.keyboard.press("ArrowLeft");
      await page.keyboard.press("Backspace");
      moved.push(await timeKeystrokeToUpdate(page, String(run + 2)));
    }
    await page.keyboard.press("End");
    const keystrokes: Array<{ total: number; analysis: number }> = [];
    for (let run = 0; run < RUNS; run++) keystrokes.push(await timeKeystrokeToUpdate(page, " "));
    const validProblems = await page.locator("#problems-heading").textContent();
    // The same with findings in the text (a repeated name): the validator then takes its positioned path.
    await page.keyboard.press("Escape");
    await page.keyboard.press("Enter");
    await page.keyboard.insertText("- { name: extra-0, role: specialist, reports_to: lead-1 }");
    const withFindings: Array<{ total: number; analysis: number }> = [];
    for (let run = 0; run < RUNS; run++) withFindings.push(await timeKeystrokeToUpdate(page, " "));
    const brokenProblems = await page.locator("#problems-heading").textContent();

    const clusterId = await createBenchCluster(server);
    const clusterPage: Array<{ total: number; expand: number }> = [];
    const panning: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      clusterPage.push(await timeExpandedClusterPage(page, clusterId));
      panning.push(await panFramesPerSecond(page));
    }
    const shownAgents = await page.locator('[data-testid^="agent-node-"]').count();

    const rows: Array<[string, string, string]> = [
      [`editor interactive, first visit (cold cache), ${SMALL} definitions`, `${median(coldSmall)} ms`, "target < 2000 ms"],
      [`editor interactive, ${SMALL} definitions`, `${median(interactiveSmall)} ms`, "target < 2000 ms"],
      [`editor interactive, ${DEFINITIONS} definitions`, `${median(interactiveBig)} ms`, "target < 2000 ms"],
      [
        `keystroke -> problems and preview, ${DEFINITIONS} definitions, valid`,
        `${median(keystrokes.map((k) => k.total)).toFixed(0)} ms`,
        "target < 100 ms",
      ],
      [
        `  of which analysis in the worker`,
        `${median(keystrokes.map((k) => k.analysis)).toFixed(1)} ms`,
        `validation, graph, summary (${validProblems})`,
      ],
      [
        `keystroke moving a reporting line -> laid-out preview, valid`,
        `${median(moved.map((k) => k.total)).toFixed(0)} ms`,
        "target < 100 ms",
      ],
      [
        `  of which analysis and layout in the worker`,
        `${median(moved.map((k) => k.analysis)).toFixed(1)} ms`,
        "validation, graph, layout, summary",
      ],
      [
        `pasting a new definition -> laid-out preview, valid`,
        `${median(structural.map((k) => k.total)).toFixed(0)} ms`,
        "target < 100 ms (includes Monaco taking the paste)",
      ],
      [
        `  of which analysis and layout in the worker`,
        `${median(structural.map((k) => k.analysis)).toFixed(1)} ms`,
        "validation, graph, layout, summary",
      ],
      [`keystroke -> problems and preview, with findings`, `${median(withFindings.map((k) => k.total)).toFixed(0)} ms`, "target < 100 ms"],
      [
        `  of which analysis in the worker`,
        `${median(withFindings.map((k) => k.analysis)).toFixed(1)} ms`,
        `findings placed by the section locator (${brokenProblems})`,
      ],
      [
        `cluster page, 1,000 agents, every group expanded`,
        `${median(clusterPage.map((c) => c.total)).toFixed(0)} ms`,
        "target < 2000 ms (navigation to settled graph)",
      ],
      [
        `  of which expanding all groups`,
        `${median(clusterPage.map((c) => c.expand)).toFixed(0)} ms`,
        `click to settled graph (${shownAgents} agent cards in view)`,
      ],
      [`panning the expanded 1,000-agent graph`, `${median(panning).toFixed(0)} fps`, "target >= 30 fps"],
    ];
    console.log(`\nbench:ui (medians of ${RUNS} runs, headless Chromium)`);
    for (const [what, value, note] of rows) console.log(`${what.padEnd(62)} ${value.padStart(10)}  ${note}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
