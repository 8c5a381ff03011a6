// Sign-in through next-auth's endpoint, as the sign-in page does it: brute force is locked out.
import type { APIRequestContext } from "@playwright/test";
import { PASSWORD } from "../support/principals";
import { expect, test } from "./fixtures";

async function attempt(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, json: "true", callbackUrl: "/" },
    maxRedirects: 0,
  });
}

test.describe("[API][SIGN_IN]", () => {
  test("five wrong passwords lock the account: even the right one is refused with 429 and Retry-After", async ({
    playwright,
    baseURL,
    principals,
    request,
  }) => {
    const browserLike = await playwright.request.newContext({ baseURL, extraHTTPHeaders: {} });
    const email = principals.users.locked;
    for (let failure = 1; failure <= 5; failure++) {
      const response = await attempt(browserLike, email, `wrong-password-${failure}`);
      expect(response.status()).toBe(401);
      expect((await response.json()).url).toContain("error=CredentialsSignin");
    }
    const locked = await attempt(browserLike, email, PASSWORD);
    expect(locked.status()).toBe(429);
    expect(Number(locked.headers()["retry-after"])).toBeGreaterThan(800);
    expect(await locked.json()).toMatchObject({ status: 429, title: "Too many requests" });
    expect((await browserLike.get("/api/me")).status()).toBe(401);

    // Another account from the same address is not affected.
    const other = await attempt(browserLike, principals.users.viewer, PASSWORD);
    expect(other.status()).toBe(200);
    expect((await browserLike.get("/api/me")).status()).toBe(200);
    await browserLike.dispose();

    const audit = await (await request.get(`/api/audit?actor=${encodeURIComponent(email)}&page_size=100`)).json();
    const actions = (audit.items as Array<{ action: string }>).map((entry) => entry.action);
    expect(actions.filter((action) => action === "auth.sign_in_failed")).toHaveLength(5);
    expect(actions.filter((action) => action === "auth.lockout")).toHaveLength(1);
    expect(actions).not.toContain("auth.sign_in");
  });

  test("a session cookie's mutation must come from the console's own origin", async ({ playwright, baseURL, principals }) => {
    const browserLike = await playwright.request.newContext({ baseURL, extraHTTPHeaders: {} });
    expect((await attempt(browserLike, principals.users.operator, PASSWORD)).status()).toBe(200);
    const foreign = await browserLike.post("/api/clusters", {
      data: { blueprint_id: "marketing-v1", name: "from elsewhere" },
      headers: { origin: "https://evil.example" },
    });
    expect(foreign.status()).toBe(403);
    expect((await foreign.json()).title).toBe("Cross-origin request refused");
    const own = await browserLike.post("/api/clusters?dry_run=true", {
      data: { blueprint_id: "marketing-v1", name: "from the console" },
      headers: { origin: baseURL! },
    });
    expect(own.status()).toBe(200);
    await browserLike.dispose();
  });
});
