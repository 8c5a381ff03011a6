// API specs act as the admin through an API token, as a script would.
import { test as base } from "@playwright/test";
import { bearer, type Principals, readPrincipals } from "../support/principals";

// Playwright's fixture callback is named `provide` here: ESLint's React rules read `use` as a hook.
export const test = base.extend<{ principals: Principals }>({
  principals: async ({}, provide) => provide(readPrincipals()),
  extraHTTPHeaders: async ({}, provide) => provide(bearer(readPrincipals().tokens.admin)),
});

export { expect } from "@playwright/test";
