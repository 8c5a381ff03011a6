// A second agent host for bench:tasks' agent-death figure: one agent of a cluster, run by its own
// dispatcher in this process on the bench's database, until the bench kills the process.
//   tsx scripts/bench/agent-host.ts <cluster id> <agent id>   (DATABASE_URL names the database)
import { createExecutor } from "../../lib/executors/create-executor";
import { db, tuneSqlite } from "../../lib/db";
import { loadClusterWork } from "../../lib/runtime/cluster-work";
import { TaskDispatcher } from "../../lib/runtime/task-dispatcher";
import { createTaskQueue } from "../../lib/tasks/task-queue-for-process";

const [clusterId, agentId] = process.argv.slice(2);
if (!clusterId || !agentId) throw new Error("usage: agent-host.ts <cluster id> <agent id>");
await tuneSqlite(db);
const agent = await db.agent.findUniqueOrThrow({ where: { id: agentId } });
const dispatcher = new TaskDispatcher({ queue: createTaskQueue(db), createExecutor, loadWork: loadClusterWork });
dispatcher.start();
dispatcher.addAgent({
  agentId,
  clusterId,
  name: agent.name,
  definition: agent.definition,
  role: agent.role,
  capabilities: JSON.parse(agent.capabilitiesJson) as string[],
  skills: JSON.parse(agent.skillsJson) as string[],
  config: {},
});
console.log("ready");
