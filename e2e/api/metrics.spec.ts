import { expect, test } from "./fixtures";

test.describe("[API][METRICS]", () => {
  test("a script posts points, a bad batch is refused whole, and the series reads back raw and per step", async ({ request }) => {
    const cluster = await (await request.post("/api/clusters", { data: { blueprint_id: "marketing-v1", name: "Metered by API" } })).json();
    const path = `/api/clusters/${cluster.id}/metrics`;

    const accepted = await request.post(path, {
      data: {
        points: [
          { name: "queue_depth", value: 12 },
          { name: "queue_depth", value: 18 },
        ],
      },
    });
    expect(accepted.status()).toBe(202);
    expect(await accepted.json()).toEqual({ accepted: 2 });

    const future = new Date(Date.now() + 10 * 60_000).toISOString();
    const refused = await request.post(path, {
      data: {
        points: [
          { name: "queue_depth", value: 99 },
          { name: "queue_depth", value: 1, ts: future },
        ],
      },
    });
    expect(refused.status()).toBe(400);
    expect(refused.headers()["content-type"]).toContain("application/problem+json");
    expect((await refused.json()).errors).toEqual([{ path: "points[1].ts", message: expect.stringMatching(/in the future/) }]);
    const unknown = await request.post(path, { data: { points: [{ name: "happiness", value: 1 }] } });
    expect(unknown.status()).toBe(400);

    const raw = await (await request.get(`${path}?name=queue_depth`)).json();
    expect(raw.points.map((point: { value: number }) => point.value)).toEqual([12, 18]);
    const stepped = await (await request.get(`${path}?name=queue_depth&step=60`)).json();
    expect(stepped.points.reduce((sum: number, point: { count: number }) => sum + point.count, 0)).toBe(2);
    expect((await request.get(`${path}?name=queue_depth&step=90`)).status()).toBe(400);
  });
});
