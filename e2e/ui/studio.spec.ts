import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { AUTH_DIR } from "../support/principals";

const editor = (page: Page) => page.locator(".monaco-editor").first();

/** Types at the very end of the document, as an author adding a definition would. */
async function appendText(page: Page, typed: string) {
  await page.locator(".view-line").first().click();
  await page.keyboard.press("Control+End");
  await page.keyboard.insertText(typed);
}

test.describe("[UI][STUDIO]", () => {
  test("an admin writes a blueprint: a wrong reports_to is marked, listed, fixed, drawn and saved", async ({ page }) => {
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    await page.goto("/blueprints");
    await page.getByRole("link", { name: "New blueprint" }).click();
    await page.getByRole("button", { name: /Research Project/ }).click();
    await expect(editor(page)).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole("heading", { name: "Problems" })).toContainText("0 errors");

    const preview = page.getByRole("group", { name: /^Hierarchy preview/ });
    const edgesBefore = Number(/(\d+) reporting lines/.exec((await preview.getAttribute("aria-label"))!)![1]);
    await appendText(page, "  - { name: fact-checker, role: specialist, reports_to: nobody-here }");
    const problems = page.getByRole("list", { name: "Problems" });
    await expect(problems).toContainText("nobody-here");
    await expect(page.locator(".squiggly-error").first()).toBeVisible();
    await expect(page.getByRole("heading", { name: "Problems" })).toContainText(/[1-9] errors?/);
    await expect(page.getByTestId("definition-fact-checker")).toHaveAttribute("data-errors", /[1-9]/);

    // Choosing the problem puts the cursor on the wrong name; replace it there.
    await problems.getByRole("button", { name: /nobody-here/ }).click();
    await page.keyboard.press("Shift+End");
    await page.keyboard.insertText("principal-investigator }");
    await expect(page.getByRole("heading", { name: "Problems" })).toContainText("0 errors");
    await expect(page.getByRole("listitem").filter({ hasText: "nobody-here" })).toHaveCount(0);
    await expect(page.locator(".squiggly-error")).toHaveCount(0);
    await expect(preview).toHaveAttribute("aria-label", new RegExp(`${edgesBefore + 1} reporting lines`));

    await page.keyboard.press("Control+s");
    await expect(page).toHaveURL(/\/blueprints\/my-research-v1\/edit$/);
    await expect(page.getByTestId("save-state")).toHaveText("All changes saved");
    await page.reload();
    await expect(page.locator(".view-lines")).toContainText("id: my-research-v1");

    const foreign = requests.filter((url) => !url.startsWith("http://127.0.0.1:"));
    expect(foreign).toEqual([]);
  });

  test("upload a .yaml file, download the text, and leaving with unsaved changes asks first", async ({ page }) => {
    await page.goto("/blueprints/new");
    await page.getByRole("button", { name: /Sales Team/ }).click();
    await expect(page.locator(".view-line").first()).toBeVisible({ timeout: 20_000 });
    const uploaded = readFileSync("blueprints/support.yaml", "utf8");
    await page
      .getByLabel("Upload a YAML file")
      .setInputFiles({ name: "support.yaml", mimeType: "application/yaml", buffer: Buffer.from(uploaded) });
    await expect(page.locator(".view-lines")).toContainText("id: support-v1");
    await expect(page.getByTestId("save-state")).toHaveText("Unsaved changes");

    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("support-v1.yaml");
    expect(readFileSync((await download.path())!, "utf8")).toBe(uploaded);

    page.once("dialog", (dialog) => void dialog.dismiss());
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Clusters" }).click();
    await expect(page).toHaveURL(/\/blueprints\/new\?template=sales$/);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Clusters" }).click();
    await expect(page).toHaveURL(/\/clusters$/);
  });

  test.describe("as a viewer", () => {
    test.use({ storageState: `${AUTH_DIR}/viewer.json` });

    test("the studio is read-only", async ({ page }) => {
      await page.goto("/blueprints/marketing-v1/edit");
      await expect(page.getByTestId("save-state")).toHaveText("Read-only: editing blueprints needs the admin role.", { timeout: 20_000 });
      await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
      await page.locator(".view-line").first().click();
      await page.keyboard.insertText("typed by a viewer");
      await expect(page.locator(".view-lines")).not.toContainText("typed by a viewer");
    });
  });
});
