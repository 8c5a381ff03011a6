import createClient from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { ApiError, dataOf, isStaleRevision, withoutEmpty } from "./api-client";
import type { paths } from "./api-types";

/** A client whose server answers `response` to every request. */
const answering = (response: () => Response) => createClient<paths>({ baseUrl: "http://console.test", fetch: async () => response() });

describe("dataOf", () => {
  it("returns the answer's data", async () => {
    const api = answering(() => Response.json({ needs_setup: false }));
    await expect(dataOf(api.GET("/api/setup"))).resolves.toEqual({ needs_setup: false });
  });

  it("turns a problem+json refusal into an ApiError carrying the problem", async () => {
    const problem = {
      type: "urn:cluster-console:problem:stale-revision",
      title: "Conflict",
      status: 409,
      detail: "the cluster is at revision 4, not 3",
    };
    const api = answering(
      () => new Response(JSON.stringify(problem), { status: 409, headers: { "content-type": "application/problem+json" } }),
    );
    const refusal = await dataOf(
      api.POST("/api/clusters/{id}/scale", { params: { path: { id: "c1" }, header: { "if-match": '"3"' } }, body: { target_workers: 4 } }),
    ).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal).toMatchObject({ status: 409, message: "the cluster is at revision 4, not 3", problem });
    expect(isStaleRevision(refusal)).toBe(true);
  });

  it("says what the server answered when a refusal is not problem+json (a proxy's page)", async () => {
    const api = answering(() => new Response("<html>Bad gateway</html>", { status: 502, statusText: "Bad Gateway" }));
    await expect(dataOf(api.GET("/api/me"))).rejects.toMatchObject({ status: 502, message: "the server answered 502" });
  });

  it("returns nothing for a 204", async () => {
    const api = answering(() => new Response(null, { status: 204 }));
    await expect(dataOf(api.DELETE("/api/clusters/{id}", { params: { path: { id: "c1" } } }))).resolves.toBeUndefined();
  });
});

describe("withoutEmpty", () => {
  it("leaves out unset and empty filters and keeps zero and false", () => {
    expect(withoutEmpty({ q: "", status: undefined, page: 1, min: 0, all: false })).toEqual({ page: 1, min: 0, all: false });
  });
});
