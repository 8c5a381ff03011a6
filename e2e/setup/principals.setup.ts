// Runs before every other project: creates the users and API tokens the specs act as, through the
// README's command line (`npm run console -- user create / token create`), and signs the admin
// and the viewer in through the real sign-in page to keep their browser sessions.
import { execFileSync } from "node:child_process";
import { expect, type Page, test as setup } from "@playwright/test";
import { ADMIN, AUTH_DIR, bearer, PASSWORD, writePrincipals } from "../support/principals";
import { E2E_DATABASE_URL } from "../support/e2e-databases";

const consoleCommand = (...args: string[]) =>
  execFileSync("npm", ["run", "--silent", "console", "--", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL },
  }).trim();

const createUser = (email: string, role: string) =>
  consoleCommand("user", "create", "--email", email, "--password", PASSWORD, "--role", role);
const createToken = (email: string, name: string, ...extra: string[]) =>
  consoleCommand("token", "create", "--email", email, "--name", name, ...extra);

async function signIn(page: Page, email: string, password: string, file: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-user")).toContainText(email);
  await page.context().storageState({ path: `${AUTH_DIR}/${file}` });
}

setup("create users and tokens, sign in the admin, the operator and the viewer", async ({ request, browser }) => {
  setup.setTimeout(120_000);
  // The short-lived token first: the other commands take their moments, so it has expired by the
  // end; 20 s leaves room for a slow start of the first command on a busy machine.
  const expiresAt = Date.now() + 20_000;
  const expired = createToken(ADMIN.email, "short-lived", "--expires-at", new Date(expiresAt).toISOString());
  for (const [email, role] of [
    ["operator@e2e.test", "operator"],
    ["viewer@e2e.test", "viewer"],
    ["disabled@e2e.test", "viewer"],
    ["locked@e2e.test", "viewer"],
  ] as const) {
    createUser(email, role);
  }
  const admin = createToken(ADMIN.email, "e2e admin");
  const revoked = createToken("viewer@e2e.test", "to be revoked");
  const disabledUser = createToken("disabled@e2e.test", "of a disabled user");
  const principals = {
    tokens: {
      admin,
      operator: createToken("operator@e2e.test", "e2e operator"),
      viewer: createToken("viewer@e2e.test", "e2e viewer"),
      revoked,
      expired,
      disabledUser,
    },
    users: { viewer: "viewer@e2e.test", operator: "operator@e2e.test", disabled: "disabled@e2e.test", locked: "locked@e2e.test" },
  };

  const headers = bearer(admin);
  const tokens = (await (await request.get("/api/tokens?all=true", { headers })).json()) as { items: Array<{ id: string; name: string }> };
  const toRevoke = tokens.items.find((token) => token.name === "to be revoked")!;
  expect((await request.delete(`/api/tokens/${toRevoke.id}`, { headers })).status()).toBe(200);
  const users = (await (await request.get("/api/users?page_size=100", { headers })).json()) as {
    items: Array<{ id: string; email: string }>;
  };
  const disabled = users.items.find((user) => user.email === "disabled@e2e.test")!;
  expect((await request.patch(`/api/users/${disabled.id}`, { headers, data: { disabled: true } })).status()).toBe(200);
  writePrincipals(principals);

  for (const [email, password, file] of [
    [ADMIN.email, ADMIN.password, "admin.json"],
    ["operator@e2e.test", PASSWORD, "operator.json"],
    ["viewer@e2e.test", PASSWORD, "viewer.json"],
  ] as const) {
    const context = await browser.newContext();
    await signIn(await context.newPage(), email, password, file);
    await context.close();
  }
  // The specs rely on the short-lived token having expired.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt - Date.now() + 100)));
});
