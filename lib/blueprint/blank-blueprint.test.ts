import { describe, expect, it } from "vitest";
import { BLANK_BLUEPRINT_YAML } from "./blank-blueprint";
import { validateBlueprint } from "./validate";

describe("the blank blueprint", () => {
  it("is valid and draws no warning, so a new author starts from a clean slate", () => {
    expect(validateBlueprint(BLANK_BLUEPRINT_YAML)).toMatchObject({ valid: true, errors: [], warnings: [] });
  });
});
