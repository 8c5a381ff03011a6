import { readFileSync } from "node:fs";
import { expect, type Page, request, test } from "@playwright/test";
import { bearer, readPrincipals } from "../support/principals";

const line = (page: Page, text: string) => page.locator(".view-line").filter({ hasText: text }).first();
const problemsHeading = (page: Page) => page.getByRole("heading", { name: "Problems" });

function adminApi(baseURL: string) {
  return request.newContext({ baseURL, extraHTTPHeaders: bearer(readPrincipals().tokens.admin) });
}

async function createBlueprint(baseURL: string, id: string) {
  const api = await adminApi(baseURL);
  const yaml = `metadata:
  id: ${id}
  name: ${id}
  version: 1.0.0
cluster:
  type: team
  min_workers: 1
  max_workers: 3
agents:
  - { name: boss, role: supervisor, capabilities: [plan] }
  - { name: doer, role: worker, count: 1-3, reports_to: boss, capabilities: [do] }
`;
  expect((await api.post("/api/blueprints", { data: { id, name: id, version: "1.0.0", blueprint_yaml: yaml } })).status()).toBe(201);
  await api.dispose();
}

async function storedBlueprint(baseURL: string, id: string) {
  const api = await adminApi(baseURL);
  const answer = await api.get(`/api/blueprints/${id}?include_yaml=true`);
  const body = answer.ok() ? ((await answer.json()) as { version: string; blueprint_yaml: string }) : null;
  await api.dispose();
  return body;
}

/** Replaces what the line holding `from` says after its indentation (Home stops there), as a user would; "" empties it. */
async function replaceLine(page: Page, from: string, to: string) {
  await line(page, from).click();
  await page.keyboard.press("Home");
  await page.keyboard.press("Shift+End");
  if (to === "") await page.keyboard.press("Delete");
  else await page.keyboard.insertText(to);
}

/** How many markers the editor holds: Go to Next Problem (F8) titles its view "1 of N problems". */
async function markerCount(page: Page): Promise<number> {
  await page.locator(".view-line").first().click();
  await page.keyboard.press("F8");
  const title = page.locator(".peekview-widget .peekview-title");
  await expect(title).toContainText(/of \d+ problems?/);
  const count = Number(/of (\d+) problems?/.exec(await title.innerText())?.[1]);
  await page.keyboard.press("Escape");
  return count;
}

test.describe("[UI][STUDIO][EDITING]", () => {
  // Each test loads Monaco and types; on a busy two-core machine that outlasts the default budget.
  test.slow();

  test("an over-indented line is one problem in words at that line; the preview says the YAML does not parse", async ({ page }) => {
    await page.goto("/blueprints/new?template=blank");
    await expect(line(page, "min_workers: 1")).toBeVisible({ timeout: 20_000 });
    await expect(problemsHeading(page)).toContainText("0 errors");

    await replaceLine(page, "min_workers: 1", "  min_workers: 1");
    const problems = page.getByRole("list", { name: "Problems" });
    await expect(problems.getByRole("listitem")).toHaveCount(1);
    await expect(problems).toContainText('line 8 is indented deeper than the key above it expects: "type" on line 7 already has a value');
    await expect(problems).toContainText("8:5");
    await expect(problems).not.toContainText("Nested mappings");
    await expect(page.getByTestId("preview-unparsed")).toHaveText("The preview returns when the YAML parses again: line 8.");
    // The editor holds exactly the one listed problem, not the parser's two.
    expect(await markerCount(page)).toBe(1);
  });

  test("the editor's markers are the problems listed, in the same words", async ({ page }) => {
    await page.goto("/blueprints/new?template=blank");
    await expect(line(page, "name: My blueprint")).toBeVisible({ timeout: 20_000 });
    // No name: the schema's own check would add "Missing property" beside our finding.
    await replaceLine(page, "name: My blueprint", "");
    const problems = page.getByRole("list", { name: "Problems" });
    await expect(problems).toContainText('"name" is required');
    const listed = await problems.getByRole("listitem").count();
    expect(await markerCount(page)).toBe(listed);
    await line(page, "metadata:").getByText("metadata", { exact: true }).hover();
    await expect(page.locator(".monaco-hover").filter({ hasText: '"name" is required' })).toBeVisible();
    await expect(page.locator(".monaco-hover").filter({ hasText: "yaml-schema" })).toHaveCount(0);
  });

  test("a save with the version not raised offers to raise it and save in one click", async ({ page, baseURL }) => {
    await createBlueprint(baseURL!, "raise-ui");
    await page.goto("/blueprints/raise-ui/edit");
    await expect(line(page, "max_workers: 3")).toBeVisible({ timeout: 20_000 });
    await replaceLine(page, "max_workers: 3", "max_workers: 2");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Version" })).toContainText(
      "Version 1.0.0 is not above the saved version 1.0.0",
    );
    await page.getByRole("button", { name: "Raise the version to 1.0.1 and save" }).click();
    await expect(page.getByTestId("save-state")).toHaveText("Saved version 1.0.1 as revision 2.");
    await expect(line(page, "version: 1.0.1")).toBeVisible();
    const stored = await storedBlueprint(baseURL!, "raise-ui");
    expect(stored?.version).toBe("1.0.1");
    expect(stored?.blueprint_yaml).toContain("  max_workers: 2\n");
  });

  test("a changed metadata.id offers to save the text as a new blueprint", async ({ page, baseURL }) => {
    await createBlueprint(baseURL!, "original-ui");
    await page.goto("/blueprints/original-ui/edit");
    await expect(line(page, "id: original-ui")).toBeVisible({ timeout: 20_000 });
    await replaceLine(page, "id: original-ui", "id: copied-ui");
    await page.keyboard.press("Control+s");
    await expect(page.getByRole("alert").filter({ hasText: "metadata.id" })).toContainText('metadata.id is "copied-ui", not "original-ui"');
    await page.getByRole("button", { name: "Save as a new blueprint copied-ui" }).click();
    await expect(page).toHaveURL(/\/blueprints\/copied-ui\/edit$/);
    expect((await storedBlueprint(baseURL!, "copied-ui"))?.blueprint_yaml).toContain("id: copied-ui");
    expect((await storedBlueprint(baseURL!, "original-ui"))?.blueprint_yaml).toContain("id: original-ui");
  });

  test("new blueprint: blank or an example from the URL survives a reload; upload asks before replacing edits", async ({ page }) => {
    await page.goto("/blueprints/new");
    await page.getByRole("button", { name: /Blank blueprint/ }).click();
    await expect(page).toHaveURL(/\/blueprints\/new\?template=blank$/, { timeout: 20_000 });
    await expect(line(page, "id: my-blueprint-v1")).toBeVisible({ timeout: 20_000 });
    await page.reload();
    await expect(page.getByRole("heading", { name: "New blank blueprint" })).toBeVisible();
    await expect(line(page, "id: my-blueprint-v1")).toBeVisible({ timeout: 20_000 });

    await page.goto("/blueprints/new?template=marketing");
    await expect(line(page, "id: my-marketing-v1")).toBeVisible({ timeout: 20_000 });
    await page.goBack();
    await expect(line(page, "id: my-blueprint-v1")).toBeVisible({ timeout: 20_000 });

    // Edited text: the upload asks first, and a refusal keeps the text.
    await replaceLine(page, "name: My blueprint", "name: Edited by hand");
    const upload = () =>
      page.getByLabel("Upload a YAML file", { exact: true }).setInputFiles({
        name: "support.yaml",
        mimeType: "application/yaml",
        buffer: readFileSync("blueprints/support.yaml"),
      });
    page.once("dialog", (dialog) => {
      expect(dialog.message()).toContain("Replace the text in the editor with support.yaml?");
      void dialog.dismiss();
    });
    await upload();
    await expect(line(page, "name: Edited by hand")).toBeVisible();
    page.once("dialog", (dialog) => void dialog.accept());
    await upload();
    await expect(page.locator(".view-lines")).toContainText("id: support-v1");
    await expect(page.getByRole("heading", { name: "New blueprint: Customer Support Department" })).toBeVisible();
    await expect(page).toHaveTitle(/^New blueprint: Customer Support Department · /);
  });
});
