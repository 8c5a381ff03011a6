// A cluster of marketing-v1 (whose blueprint has a scaling policy) made through the API, to set a UI spec's scene.
import { type APIRequestContext, expect } from "@playwright/test";

export async function createMarketingCluster(api: APIRequestContext, name: string, target = 3): Promise<{ id: string; name: string }> {
  const created = await api.post("/api/clusters", { data: { blueprint_id: "marketing-v1", name, target_workers: target } });
  expect(created.status()).toBe(201);
  return created.json();
}
