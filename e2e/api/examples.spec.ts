// The scripts under examples/ run as a user would run them, against the started console, and the
// API is asked afterwards whether they did what they printed. Runs after blueprints.spec.ts (name
// order), whose catalogue counts the blueprint the walkthrough uploads would change.
import { spawnSync } from "node:child_process";
import { expect, test } from "./fixtures";

function runExample(command: string, args: string[], env: Record<string, string>) {
  const outcome = spawnSync(command, args, { env: { ...process.env, ...env }, encoding: "utf8", timeout: 90_000 });
  return { status: outcome.status, stdout: outcome.stdout, stderr: outcome.stderr };
}

test.describe("[API][EXAMPLES]", () => {
  test("the curl walkthrough uploads a blueprint and runs a cluster through its life with two tokens", async ({
    request,
    principals,
    baseURL,
  }) => {
    const run = runExample("bash", ["examples/walkthrough.sh", baseURL!], {
      ADMIN_TOKEN: principals.tokens.admin,
      OPERATOR_TOKEN: principals.tokens.operator,
      TOKEN: "",
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("admin token:    admin@e2e.test (admin)");
    expect(run.stdout).toContain(`operator token: ${principals.users.operator} (operator)`);
    expect(run.stdout).toContain("created outreach-v1 revision 1: 2 agent definitions");
    expect(run.stdout).toContain("valid: true, 0 errors, 0 warnings, 3 agents at creation");
    expect(run.stdout).toMatch(/now active with 10 workers/);
    expect(run.stdout).toContain("  marketing-director (supervisor, active)\n    content-lead (lead, active)");
    expect(run.stdout).toContain(
      "== A refusal: more workers than the blueprint allows\n400 Invalid request: target_workers must lie within [2, 12]\nstill 10 workers",
    );
    expect(run.stdout).toContain("hibernated, 0 workers\nactive, 3 workers");
    expect(run.stdout).toContain("DELETE answered 204\nwalkthrough done");

    const id = /cluster (\S+): Q1 Marketing Campaign, active, 5 workers/.exec(run.stdout)?.[1];
    expect(id).toBeDefined();
    expect((await request.get(`/api/clusters/${id}`)).status()).toBe(404);
    const activity = await (await request.get(`/api/audit?target=${id}&page_size=50`)).json();
    expect((activity.items as Array<{ action: string; actor: string }>).map((entry) => entry.action)).toEqual(
      expect.arrayContaining(["cluster.create", "cluster.scale", "cluster.hibernate", "cluster.reactivate", "cluster.delete"]),
    );
    const blueprint = await (await request.get("/api/blueprints/outreach-v1")).json();
    expect(blueprint).toMatchObject({ id: "outreach-v1", revision: 1, tags: ["sales", "outreach"] });

    // Run again it finds its blueprint in place; an operator's token alone skips the upload and says
    // why; a bad token stops it at the first call with the server's reason.
    const again = runExample("bash", ["examples/walkthrough.sh", baseURL!], { TOKEN: principals.tokens.admin });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain("outreach-v1 is in the catalogue already; leaving it as it is");
    const operatorOnly = runExample("bash", ["examples/walkthrough.sh", baseURL!], { TOKEN: principals.tokens.operator });
    expect(operatorOnly.status).toBe(0);
    expect(operatorOnly.stdout).toContain("skipped: uploading a blueprint needs an admin's token (set ADMIN_TOKEN)");
    expect(operatorOnly.stdout).toContain("walkthrough done");
    const refused = runExample("bash", ["examples/walkthrough.sh", baseURL!], { TOKEN: principals.tokens.revoked });
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/^GET \/api\/me answered 401: Unauthorized: /);
  });

  test("the TypeScript example creates a cluster, scales it and prints the hierarchy the API has", async ({
    request,
    principals,
    baseURL,
  }) => {
    const run = runExample(
      "npx",
      ["tsx", "examples/create-and-scale.ts", "--url", baseURL!, "--name", "Typed client example", "--workers", "6"],
      { TOKEN: principals.tokens.operator },
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const id = /^created Typed client example \((\S+)\) from marketing-v1 1\.0\.0: active, 3 workers$/m.exec(run.stdout)?.[1];
    expect(id, run.stdout).toBeDefined();
    expect(run.stdout).toMatch(/^scaled to 6 workers \(active, revision \d+\)$/m);

    const cluster = await (await request.get(`/api/clusters/${id}`)).json();
    expect(cluster).toMatchObject({ name: "Typed client example", current_workers: 6, target_workers: 6 });
    const hierarchy = await (await request.get(`/api/clusters/${id}/hierarchy`)).json();
    const printedAgents = run.stdout.split("\n").filter((line) => /^ {2,}\S+ \((supervisor|lead|specialist|worker), \w+\)$/.test(line));
    expect(run.stdout).toContain(`${hierarchy.total_agents} agents:`);
    expect(printedAgents).toHaveLength(hierarchy.total_agents);
    expect(printedAgents.filter((line) => line.includes("(worker, active)"))).toHaveLength(6);
    expect(run.stdout).toContain(`open it in the console: ${baseURL}/clusters/${id}`);

    const refused = runExample("npx", ["tsx", "examples/create-and-scale.ts", "--url", baseURL!, "--blueprint", "no-such-blueprint"], {
      TOKEN: principals.tokens.operator,
    });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^creating the cluster was refused: 404 /);
    expect((await request.delete(`/api/clusters/${id}`)).status()).toBe(204);
  });
});
