// API specs act as the admin through an API token, as a script would.
import { test as base } from "@playwright/test";
import { bearer, type Principals, readPrincipals } from "../support/principals";

export const test = base.extend<{ principals: Principals }>({
  principals: async ({}, use) => use(readPrincipals()),
  extraHTTPHeaders: async ({}, use) => use(bearer(readPrincipals().tokens.admin)),
});

export { expect } from "@playwright/test";
