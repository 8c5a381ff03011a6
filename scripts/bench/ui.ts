// npm run bench:ui - the blueprint studio in Debian's Chromium against the production server:
// how soon the editor is usable after navigation, and how soon validation and the preview follow
// a keystroke in a 1,000-definition blueprint. Prints medians.
import { chromium, type Page } from "@playwright/test";
import { startBenchServer } from "./bench-server";
import { generateBlueprint } from "./generate-blueprint";

const PORT = Number(process.env.BENCH_PORT ?? 3310);
const RUNS = 5;
const DEFINITIONS = 1000;
/** About the size of the examples in blueprints/. */
const SMALL = 10;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Milliseconds from navigation until the editor shows the text and the problems are counted. */
async function timeToInteractive(page: Page, url: string): Promise<number> {
  const started = Date.now();
  await page.goto(url);
  await page.locator(".monaco-editor .view-line", { hasText: "metadata" }).first().waitFor({ timeout: 60_000 });
  await page.locator("#problems-heading", { hasText: /\d+ errors?/ }).waitFor({ timeout: 60_000 });
  return Date.now() - started;
}

/** Milliseconds from a keystroke until the problems and the preview show the new text (debounce included). */
async function timeKeystrokeToUpdate(page: Page): Promise<{ total: number; analysis: number }> {
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
  await page.keyboard.insertText(" ");
  const finished = await page.evaluate(() => (window as unknown as { benchDone: Promise<number> }).benchDone);
  const analysis = Number(await page.locator("[data-analysis-ms]").getAttribute("data-analysis-ms"));
  return { total: finished - started, analysis };
}

async function main() {
  const server = await startBenchServer(PORT);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
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

    const coldSmall = await timeToInteractive(page, `/blueprints/bench-${SMALL}/edit`);
    const interactiveSmall: number[] = [];
    const interactiveBig: number[] = [];
    for (let run = 0; run < RUNS; run++) interactiveSmall.push(await timeToInteractive(page, `/blueprints/bench-${SMALL}/edit`));
    for (let run = 0; run < RUNS; run++) interactiveBig.push(await timeToInteractive(page, `/blueprints/bench-${DEFINITIONS}/edit`));

    await page.locator(".monaco-editor .view-line").first().click();
    await page.keyboard.press("Control+End");
    const keystrokes: Array<{ total: number; analysis: number }> = [];
    for (let run = 0; run < RUNS; run++) keystrokes.push(await timeKeystrokeToUpdate(page));

    const rows: Array<[string, string, string]> = [
      [`editor interactive, first visit (cold cache), ${SMALL} definitions`, `${coldSmall} ms`, "target < 2000 ms"],
      [`editor interactive, ${SMALL} definitions`, `${median(interactiveSmall)} ms`, "target < 2000 ms"],
      [`editor interactive, ${DEFINITIONS} definitions`, `${median(interactiveBig)} ms`, "target < 2000 ms"],
      [`keystroke -> problems and preview, ${DEFINITIONS} definitions`, `${median(keystrokes.map((k) => k.total)).toFixed(0)} ms`, "target < 100 ms (includes the 150 ms debounce)"],
      [`  of which validation and preview data`, `${median(keystrokes.map((k) => k.analysis)).toFixed(1)} ms`, "in the page, per analysis"],
    ];
    console.log(`\nbench:ui (medians of ${RUNS} runs, headless Chromium)`);
    for (const [what, value, note] of rows) console.log(`${what.padEnd(62)} ${value.padStart(10)}  ${note}`);
  } finally {
    await browser.close();
    server.stop();
  }
}

await main();
