// `npm run example:a2a-agent -- [--port 4100] [--host 127.0.0.1] [--no-streaming]`: runs the
// reference A2A agent until Ctrl+C. A2A_AGENT_TOKEN, when set, is the bearer token it requires.
import { parseArgs } from "node:util";
import { startReferenceAgent } from "./agent";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4100" },
    host: { type: "string", default: "127.0.0.1" },
    "no-streaming": { type: "boolean", default: false },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be a port number, not "${values.port}"`);
  process.exit(2);
}

const agent = await startReferenceAgent({
  port,
  host: values.host,
  token: process.env.A2A_AGENT_TOKEN || undefined,
  streaming: !values["no-streaming"],
  log: (line) => console.log(`[a2a-agent] ${line}`),
});
console.log(`[a2a-agent] write "executor: { type: a2a, url: ${agent.url} }" in a blueprint; Ctrl+C stops it`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void agent.close().then(() => process.exit(0)));
}
