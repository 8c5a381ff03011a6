import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CLIENT_TYPES_FILE, generateClientTypes } from "./client-types";

describe("the typed client's types", () => {
  it("match the OpenAPI document the routes serve (else run `npm run openapi:types`)", async () => {
    expect(readFileSync(CLIENT_TYPES_FILE, "utf8")).toBe(await generateClientTypes());
  });
});
