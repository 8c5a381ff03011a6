import { expect, type Page, request, test } from "@playwright/test";
import { bearer, readPrincipals } from "../support/principals";

const blueprint = (id: string, version: string, max: number, extra = "") => `metadata: { id: ${id}, name: ${id}, version: ${version} }
cluster: { type: team, min_workers: 2, max_workers: ${max} }
agents:
  - { name: boss, role: supervisor }
  - { name: copywriter, role: worker, count: 2-${max}, reports_to: boss }${extra}
`;

function adminApi(baseURL: string) {
  return request.newContext({ baseURL, extraHTTPHeaders: bearer(readPrincipals().tokens.admin) });
}

const line = (page: Page, text: string) => page.locator(".view-line").filter({ hasText: text }).first();

test.describe("[UI][STUDIO][REVISIONS]", () => {
  test("completion offers reports_to and the roles; hover describes a key", async ({ page }) => {
    await page.goto("/blueprints/new");
    await page.getByRole("button", { name: /Research Project/ }).click();
    await expect(line(page, "name: Research Project")).toBeVisible({ timeout: 20_000 });

    await line(page, "name: Research Project").getByText("name", { exact: true }).hover();
    await expect(page.locator(".monaco-hover").filter({ hasText: "Display name of the blueprint." })).toBeVisible();

    await line(page, "id: my-research-v1").click();
    await page.keyboard.press("Control+End");
    await page.keyboard.insertText("  - name: helper");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Home");
    await page.keyboard.press("Shift+End");
    await page.keyboard.insertText("    ");
    await page.keyboard.press("Control+Space");
    const suggestions = page.locator(".suggest-widget");
    await expect(suggestions).toContainText("reports_to");
    await expect(suggestions).toContainText("role");
    await page.keyboard.press("Escape");
    await page.keyboard.insertText("role: ");
    await page.keyboard.press("Control+Space");
    for (const role of ["supervisor", "lead", "specialist", "worker"]) await expect(suggestions).toContainText(role);
  });

  test("two revisions compared: the meaning summary above the diff; restoring makes a new revision", async ({ page, baseURL }) => {
    const api = await adminApi(baseURL!);
    expect(
      (
        await api.post("/api/blueprints", {
          data: { id: "rev-ui", name: "rev-ui", version: "1.0.0", blueprint_yaml: blueprint("rev-ui", "1.0.0", 8) },
        })
      ).status(),
    ).toBe(201);
    const next = blueprint("rev-ui", "1.1.0", 12, "\n  - { name: editor, role: specialist, reports_to: boss }");
    expect((await api.put("/api/blueprints/rev-ui", { data: { blueprint_yaml: next } })).status()).toBe(200);
    await api.dispose();

    await page.goto("/blueprints/rev-ui");
    const revisions = page.getByRole("table", { name: "Revisions" });
    await expect(revisions.getByRole("row")).toHaveCount(3);
    await page.getByRole("link", { name: "Compare revision 1 with 2" }).click();
    const meaning = page.getByRole("list", { name: "Changes in meaning" });
    await expect(meaning).toContainText("worker range 2-8 -> 2-12", { timeout: 20_000 });
    await expect(meaning).toContainText("new agent editor (specialist)");
    await expect(meaning).toContainText("count of copywriter: 2-8 -> 2-12");
    await expect(page.locator(".monaco-diff-editor").first()).toBeVisible();

    await page.goto("/blueprints/rev-ui");
    await revisions.getByRole("row").filter({ hasText: "1.0.0" }).getByRole("button", { name: "Restore" }).click();
    // Restoring asks first; nothing is saved until the answer.
    await expect(revisions).toContainText("Save revision 1's text as a new revision?");
    await expect(revisions.getByRole("row")).toHaveCount(3);
    await page.getByRole("button", { name: "Yes, restore 1" }).click();
    await expect(revisions.getByRole("row")).toHaveCount(4);
    await expect(revisions.getByRole("row").filter({ hasText: "1.1.1" })).toContainText("current");
    await expect(page.getByLabel("Blueprint YAML")).toContainText("max_workers: 8");
    // The restored text is revision 1's own, flow lists and all, with only the version raised.
    const restored = await (await adminApi(baseURL!)).get("/api/blueprints/rev-ui/revisions/3");
    expect(((await restored.json()) as { blueprint_yaml: string }).blueprint_yaml).toBe(blueprint("rev-ui", "1.1.1", 8));
  });

  test("a save after someone else's shows both texts; the user merges and saves knowingly", async ({ page, baseURL }) => {
    // Two editors, three saves and a reload: more than the default budget on a busy two-core machine.
    test.slow();
    const api = await adminApi(baseURL!);
    expect(
      (
        await api.post("/api/blueprints", {
          data: { id: "race-ui", name: "race-ui", version: "1.0.0", blueprint_yaml: blueprint("race-ui", "1.0.0", 8) },
        })
      ).status(),
    ).toBe(201);

    await page.goto("/blueprints/race-ui/edit");
    await expect(line(page, "metadata")).toBeVisible({ timeout: 20_000 });
    // Meanwhile a script saves version 1.1.0.
    expect((await api.put("/api/blueprints/race-ui", { data: { blueprint_yaml: blueprint("race-ui", "1.1.0", 10) } })).status()).toBe(200);
    await api.dispose();

    await line(page, "metadata").click();
    await page.keyboard.press("Control+End");
    await page.keyboard.insertText("  - { name: editor, role: specialist, reports_to: boss }");
    await page.keyboard.press("Control+s");
    const conflict = page.getByRole("alert").filter({ hasText: "Someone saved revision 2 (version 1.1.0)" });
    await expect(conflict).toBeVisible();
    const diff = conflict.locator(".monaco-diff-editor");
    await expect(diff).toContainText("max_workers: 10");
    await expect(diff).toContainText("name: editor");
    // One editable copy of the text: the studio's own editor steps aside while the merge shows.
    await expect(page.getByLabel("Blueprint YAML editor").first()).toBeHidden();

    // Merge: keep their 10 workers, add the editor, and raise the version above theirs.
    const mine = diff.locator(".editor.modified");
    await mine.locator(".view-line").filter({ hasText: "version: 1.0.0" }).click();
    await page.keyboard.press("Home");
    await page.keyboard.press("Shift+End");
    await page.keyboard.insertText("metadata: { id: race-ui, name: race-ui, version: 1.2.0 }");
    await mine.locator(".view-line").filter({ hasText: "max_workers: 8" }).click();
    await page.keyboard.press("Home");
    await page.keyboard.press("Shift+End");
    await page.keyboard.insertText("cluster: { type: team, min_workers: 2, max_workers: 10 }");
    const save = page.getByRole("button", { name: "Save my text over revision 2" });
    // Ten workers need room in the group: the problems follow the merged text, and saving is refused until the count follows.
    await expect(page.getByRole("list", { name: "Problems" })).toContainText("max_workers (10)");
    await save.click();
    await expect(page.getByRole("alert").filter({ hasText: "Nothing was saved" })).toContainText("fix the 1 error listed under Problems");
    await mine.locator(".view-line").filter({ hasText: "count: 2-8" }).click();
    await page.keyboard.press("Home");
    await page.keyboard.press("Shift+End");
    await page.keyboard.insertText("- { name: copywriter, role: worker, count: 2-10, reports_to: boss }");
    await save.click();
    await expect(page.getByTestId("save-state")).toHaveText("Saved version 1.2.0 as revision 3.");
    await expect(conflict).toHaveCount(0);

    const stored = await (await adminApi(baseURL!)).get("/api/blueprints/race-ui/revisions/3");
    const merged = ((await stored.json()) as { blueprint_yaml: string }).blueprint_yaml;
    expect(merged).toContain("max_workers: 10");
    expect(merged).toContain("count: 2-10");
    expect(merged).toContain("name: editor");
    await page.reload();
    await expect(line(page, "max_workers: 10")).toBeVisible();
    await expect(line(page, "name: editor")).toBeVisible();
  });
});
