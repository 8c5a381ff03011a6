// A script that drives the console through its typed client: it creates a cluster from a
// blueprint, scales it (with If-Match, so it never overwrites someone else's change), and prints
// the agent hierarchy as a tree. The types come from the console's own OpenAPI document
// (lib/client/api-types.ts), so a path, field or answer the API does not have fails to compile.
//
//   TOKEN=… npx tsx examples/create-and-scale.ts [--url http://localhost:3000] [--blueprint marketing-v1]
//                                                [--name "Spring campaign"] [--workers 6]
//
// TOKEN is an operator's (or admin's) API token. The cluster stays; the script prints its address.
import { parseArgs } from "node:util";
import createClient from "openapi-fetch";
import type { components, paths } from "../lib/client/api-types";

type HierarchyNode = components["schemas"]["HierarchyNode"];
type Problem = components["schemas"]["Problem"];

const { values } = parseArgs({
  options: {
    url: { type: "string", default: process.env.CONSOLE_URL ?? "http://localhost:3000" },
    blueprint: { type: "string", default: "marketing-v1" },
    name: { type: "string", default: "Spring campaign" },
    workers: { type: "string", default: "6" },
  },
});

const token = process.env.TOKEN;
if (!token)
  fail("Set TOKEN to an API token (console → API tokens, or `npm run --silent console -- token create --email <you> --name script`).");
const workers = Number(values.workers);
if (!Number.isInteger(workers) || workers < 0) fail(`--workers must be a whole number, got ${values.workers}`);

const baseUrl = values.url.replace(/\/$/, "");
const api = createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${token}` } });

const created = await api.POST("/api/clusters", { body: { blueprint_id: values.blueprint, name: values.name } });
if (created.error) refused("creating the cluster", created.error);
// The operation also answers a dry run's plan; this request is not one.
if ("valid" in created.data) fail("the console planned the cluster instead of creating it");
const cluster = created.data;
console.log(
  `created ${cluster.name} (${cluster.id}) from ${cluster.blueprint_id} ${cluster.blueprint_version}: ${cluster.status}, ${cluster.current_workers} workers`,
);

const scaled = await api.POST("/api/clusters/{id}/scale", {
  params: { path: { id: cluster.id }, header: { "if-match": `"${cluster.revision}"` } },
  body: { target_workers: workers },
});
if (scaled.error) refused(`scaling to ${workers} workers`, scaled.error);
console.log(`scaled to ${scaled.data.current_workers} workers (${scaled.data.status}, revision ${scaled.data.revision})`);

const hierarchy = await api.GET("/api/clusters/{id}/hierarchy", { params: { path: { id: cluster.id } } });
if (hierarchy.error) refused("reading the hierarchy", hierarchy.error);
console.log(`${hierarchy.data.total_agents} agents:`);
if (hierarchy.data.supervisor) printTree(hierarchy.data.supervisor, 1);
console.log(`open it in the console: ${baseUrl}/clusters/${encodeURIComponent(cluster.id)}`);

function printTree(node: HierarchyNode, depth: number): void {
  console.log(`${"  ".repeat(depth)}${node.name} (${node.role}, ${node.status})`);
  for (const subordinate of node.subordinates) printTree(subordinate, depth + 1);
}

function refused(what: string, problem: Problem): never {
  fail(
    `${what} was refused: ${problem.status} ${problem.title}: ${problem.detail}${problem.errors?.length ? `\n${problem.errors.map((error) => `  ${error.path}: ${error.message}`).join("\n")}` : ""}`,
  );
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
