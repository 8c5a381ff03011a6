import { expect, type Locator, type Page, request, test } from "@playwright/test";
import { bearer, readPrincipals } from "../support/principals";

test.use({ viewport: { width: 390, height: 844 } });

async function boxOf(locator: Locator) {
  const box = await locator.boundingBox();
  expect(box, "the element has a box").not.toBeNull();
  return box!;
}

/**
 * Nothing of the page's own content reaches past the viewport. The console's header is the shell's
 * (its phone check covers every page); this holds the studio's part of the page to 390 px.
 */
async function expectNoSidewaysScroll(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(() => {
        const main = document.querySelector("main")!;
        return Math.max(main.scrollWidth - main.clientWidth, main.getBoundingClientRect().right - window.innerWidth);
      }),
    )
    .toBeLessThanOrEqual(0);
}

test.describe("[UI][STUDIO][PHONE]", () => {
  test("at 390 x 844 the studio stacks editor, problems and preview with no sideways scroll", async ({ page }) => {
    for (const path of ["/blueprints/new?template=blank", "/blueprints/marketing-v1/edit"]) {
      await page.goto(path);
      const editor = page.locator(".monaco-editor").first();
      await expect(editor).toBeVisible({ timeout: 20_000 });
      const preview = page.getByRole("region", { name: "Hierarchy preview" });
      await expect(preview.getByRole("group", { name: /^Hierarchy preview/ })).toBeVisible();
      await expectNoSidewaysScroll(page);

      const breadcrumb = await boxOf(page.getByRole("navigation", { name: "Breadcrumb" }));
      expect(breadcrumb.height, `${path}: the breadcrumb keeps one line`).toBeLessThan(30);
      const editorBox = await boxOf(editor);
      const problemsBox = await boxOf(page.getByRole("region", { name: /^Problems/ }));
      const previewBox = await boxOf(preview);
      for (const box of [editorBox, problemsBox, previewBox]) {
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(390);
      }
      // One column: each starts below the one before it.
      expect(problemsBox.y).toBeGreaterThanOrEqual(editorBox.y + editorBox.height);
      expect(previewBox.y).toBeGreaterThanOrEqual(problemsBox.y + problemsBox.height);
    }
  });

  test("at 390 x 844 the revision comparison does not scroll sideways", async ({ page, baseURL }) => {
    const api = await request.newContext({ baseURL, extraHTTPHeaders: bearer(readPrincipals().tokens.admin) });
    const yaml = (version: string, max: number) => `metadata: { id: phone-ui, name: Phone, version: ${version} }
cluster: { type: team, min_workers: 1, max_workers: ${max} }
agents:
  - { name: boss, role: supervisor }
  - { name: doer, role: worker, count: 1-${max}, reports_to: boss }
`;
    expect(
      (
        await api.post("/api/blueprints", { data: { id: "phone-ui", name: "Phone", version: "1.0.0", blueprint_yaml: yaml("1.0.0", 3) } })
      ).status(),
    ).toBe(201);
    expect((await api.put("/api/blueprints/phone-ui", { data: { blueprint_yaml: yaml("1.1.0", 5) } })).status()).toBe(200);
    await api.dispose();

    await page.goto("/blueprints/phone-ui/compare?from=1&to=2");
    await expect(page.locator(".monaco-diff-editor .view-line").first()).toBeVisible({ timeout: 20_000 });
    await expectNoSidewaysScroll(page);
  });
});
