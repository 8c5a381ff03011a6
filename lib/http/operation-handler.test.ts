import { describe, expect, it } from "vitest";
import { z } from "zod";
import { BlueprintInvalidError } from "@/lib/blueprint/errors";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { alsoOk, handleOperation } from "./operation-handler";
import { MAX_BODY_BYTES } from "./read-json-body";

const context = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const post = (body: BodyInit, contentType = "application/json") =>
  new Request("http://localhost/api/thing", { method: "POST", body, headers: { "content-type": contentType } });

const named = z.strictObject({ name: z.string() });
const echo = handleOperation(
  { summary: "echo", access: "public", body: named, ok: { status: 201, description: "the body", schema: named } },
  async ({ body }) => body,
);

function throwing(error: unknown) {
  return handleOperation({ summary: "throws", access: "public", ok: { status: 204, description: "never" } }, async () => {
    throw error;
  });
}

const revisioned = z.object({ revision: z.int() });

describe("handleOperation", () => {
  it("answers with the declared status, and the revision as ETag where declared", async () => {
    const withEtag = handleOperation(
      { summary: "etag", access: "public", ok: { status: 200, description: "it", schema: revisioned, etag: true } },
      async () => ({ revision: 7 }),
    );
    const response = await withEtag(new Request("http://localhost/api/x"), context());
    expect([response.status, response.headers.get("etag")]).toEqual([200, '"7"']);
    const accepted = handleOperation(
      { summary: "accepted", access: "public", ok: { status: 202, description: "it", schema: revisioned } },
      async () => ({
        revision: 1,
      }),
    );
    const plain = await accepted(new Request("http://localhost/api/x"), context());
    expect([plain.status, plain.headers.get("etag")]).toEqual([202, null]);
  });

  it("answers the second declared answer for alsoOk, and an empty 204", async () => {
    const dryRun = handleOperation(
      {
        summary: "dry",
        access: "public",
        ok: { status: 201, description: "made", schema: revisioned },
        alsoOk: { status: 200, description: "planned", schema: named },
      },
      async () => alsoOk({ name: "plan" }),
    );
    const planned = await dryRun(new Request("http://localhost/api/x"), context());
    expect([planned.status, await planned.json()]).toEqual([200, { name: "plan" }]);
    const removed = await handleOperation(
      { summary: "gone", access: "public", ok: { status: 204, description: "gone" } },
      async () => undefined,
    )(new Request("http://localhost/api/x", { method: "DELETE" }), context());
    expect([removed.status, await removed.text()]).toEqual([204, ""]);
  });

  it("reads If-Match for a conditional operation and refuses one that names no revision", async () => {
    const conditional = handleOperation(
      {
        summary: "cond",
        access: "public",
        conditional: true,
        ok: { status: 200, description: "it", schema: z.object({ seen: z.int().nullable() }) },
      },
      async ({ ifMatch }) => ({ seen: ifMatch ?? null }),
    );
    const seen = await conditional(new Request("http://localhost/api/x", { method: "POST", headers: { "if-match": 'W/"4"' } }), context());
    expect(await seen.json()).toEqual({ seen: 4 });
    const refused = await conditional(
      new Request("http://localhost/api/x", { method: "POST", headers: { "if-match": "latest" } }),
      context(),
    );
    expect(await refused.json()).toMatchObject({ status: 400, type: "urn:cluster-console:problem:invalid-if-match" });
  });

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
