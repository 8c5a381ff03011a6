import { describe, expect, it } from "vitest";
import { followedClusterId } from "./use-live-cluster-updates";

describe("followedClusterId", () => {
  it("follows the cluster of a cluster's page, its id decoded", () => {
    expect(followedClusterId("/clusters/8927b13f-df81")).toBe("8927b13f-df81");
    expect(followedClusterId("/clusters/a%20b/")).toBe("a b");
  });

  it("follows every cluster anywhere else", () => {
    for (const pathname of ["/clusters", "/clusters/", "/blueprints/marketing-v1", "/clusters/x/edit", "/"])
      expect(followedClusterId(pathname)).toBeUndefined();
  });
});
