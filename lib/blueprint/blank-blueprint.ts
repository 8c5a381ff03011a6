// The blank starting point of "New blueprint": the smallest text that is a valid blueprint with no
// warnings (one supervisor, one group of workers, an executor), to grow from. Browser-safe.
export const BLANK_BLUEPRINT_YAML = `metadata:
  id: my-blueprint-v1
  name: My blueprint
  version: 1.0.0

cluster:
  type: team
  min_workers: 1
  max_workers: 3
  config:
    # Who does the agents' work: simulate (built in, for trying things out), a2a or openai.
    executor: { type: simulate }

agents:
  - name: lead
    role: supervisor
    capabilities: [planning]
  - name: helper
    role: worker
    reports_to: lead
    count: 1-3
    capabilities: [doing]
`;
