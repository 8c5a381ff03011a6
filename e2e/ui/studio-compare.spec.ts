import { expect, request, test } from "@playwright/test";
import { bearer, readPrincipals } from "../support/principals";

const blueprint = (id: string, name: string, version: string, max: number, tags: string) => `metadata:
  id: ${id}
  name: ${name}
  version: ${version}
  tags: [${tags}]
cluster: { type: team, min_workers: 2, max_workers: ${max} }
agents:
  - { name: boss, role: supervisor }
  - { name: copywriter, role: worker, count: 2-${max}, reports_to: boss }
`;

test.describe("[UI][STUDIO][COMPARE]", () => {
  test("what changed names the metadata too, and the diff highlights the changed lines", async ({ page, baseURL }) => {
    const api = await request.newContext({ baseURL, extraHTTPHeaders: bearer(readPrincipals().tokens.admin) });
    // Unique per run, so that --repeat-each can measure the timing more than once.
    const id = `compare-ui-${test.info().repeatEachIndex}`;
    const first = blueprint(id, "Compare Me", "1.0.0", 8, "a");
    expect(
      (await api.post("/api/blueprints", { data: { id, name: "Compare Me", version: "1.0.0", blueprint_yaml: first } })).status(),
    ).toBe(201);
    const second = blueprint(id, "Compared", "1.1.0", 12, "a, b");
    expect((await api.put(`/api/blueprints/${id}`, { data: { blueprint_yaml: second } })).status()).toBe(200);
    await api.dispose();

    // Notes when the first highlight appears, for the record; the assertions below are what the test checks.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector(".monaco-diff-editor .view-line") && performance.getEntriesByName("diff-shown").length === 0)
          performance.mark("diff-shown");
        if (!document.querySelector(".monaco-diff-editor .line-insert, .monaco-diff-editor .char-insert")) return;
        performance.mark("diff-highlighted");
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`/blueprints/${id}/compare?from=1&to=2`);
    const diff = page.locator(".monaco-diff-editor").first();
    await expect(diff.locator(".line-insert, .char-insert").first()).toBeAttached({ timeout: 20_000 });
    await expect(diff.locator(".line-delete, .char-delete").first()).toBeAttached();
    const [shownAt, highlightedAt] = await page.evaluate(() =>
      ["diff-shown", "diff-highlighted"].map((name) => Math.round(performance.getEntriesByName(name)[0]?.startTime ?? -1)),
    );
    console.log(`diff text shown ${shownAt} ms, highlighted ${highlightedAt} ms after navigation`);
    test.info().annotations.push({ type: "diff-highlight-ms", description: String(highlightedAt) });
    const meaning = page.getByRole("list", { name: "Changes in meaning" });
    await expect(meaning).toContainText("name Compare Me -> Compared");
    await expect(meaning).toContainText("tags a -> a, b");
    await expect(meaning).toContainText("worker range 2-8 -> 2-12");
  });
});
