import { describe, expect, it } from "vitest";
import { z } from "zod";
import { BlueprintInvalidError } from "@/lib/blueprint/errors";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { apiRoute, json, MAX_BODY_BYTES } from "./route";

const context = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const post = (body: BodyInit, contentType = "application/json") =>
  new Request("http://localhost/api/thing", { method: "POST", body, headers: { "content-type": contentType } });

const echo = apiRoute({ access: "public", body: z.strictObject({ name: z.string() }) }, async ({ body }) => json(body, { status: 201 }));

function throwing(error: unknown) {
  return apiRoute({ access: "public" }, async () => {
    throw error;
  });
}

describe("apiRoute", () => {
  it("passes a valid body to the handler", async () => {
    const response = await echo(post(JSON.stringify({ name: "a" })), context());
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ name: "a" });
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ["malformed JSON", post("{"), 400, "Malformed JSON"],
    ["a body that is not JSON", post("name=a", "application/x-www-form-urlencoded"), 415, "Unsupported media type"],
    ["a body over the limit", post(JSON.stringify({ name: "x".repeat(MAX_BODY_BYTES) })), 413, "Payload too large"],
    ["a field of the wrong type", post(JSON.stringify({ name: 1 })), 400, "Invalid request body"],
  ])("answers %s with problem+json", async (_case, request, status, title) => {
    const response = await echo(request, context());
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ status, title });
  });

  it("maps domain errors to their statuses", async () => {
    const finding = { severity: "error" as const, path: "metadata.id", message: "bad", line: 2, column: 7 };
    const cases: Array<[unknown, number]> = [
      [new NotFoundError("blueprint", "x"), 404],
      [new ConflictError("stale"), 409],
      [new BlueprintInvalidError([finding]), 400],
    ];
    for (const [error, status] of cases) {
      const response = await throwing(error)(new Request("http://localhost/api/x"), context());
      expect(response.status).toBe(status);
    }
    const invalid = await throwing(new BlueprintInvalidError([finding]))(new Request("http://localhost/api/x"), context());
    expect((await invalid.json()).errors).toEqual([{ path: "metadata.id", message: "bad", line: 2, column: 7 }]);
  });

  it("answers an unexpected failure with 500 and a request id, never the stack", async () => {
    const response = await throwing(new Error("database exploded at /secret/path"))(new Request("http://localhost/api/x"), context());
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body.request_id).toBe(response.headers.get("x-request-id"));
    expect(JSON.stringify(body)).not.toMatch(/exploded|secret|at /);
  });
});
