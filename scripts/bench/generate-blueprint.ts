// Generated blueprints of a given size, for benchmarks.

/** A realistic blueprint with `definitions` agent definitions: leads, specialists and worker groups. */
export function generateBlueprint(definitions: number): string {
  const workerGroups = Math.max(1, Math.floor(definitions / 2));
  const leads = Math.max(1, Math.floor((definitions - 1 - workerGroups) / 3));
  const specialists = definitions - 1 - workerGroups - leads;
  const lines = [
    "metadata:",
    `  id: bench-${definitions}`,
    `  name: Benchmark blueprint with ${definitions} definitions`,
    "  version: 1.0.0",
    "  description: Generated for npm run bench:validate",
    "  tags: [benchmark, generated]",
    "cluster:",
    "  type: department",
    `  min_workers: ${workerGroups}`,
    `  max_workers: ${Math.min(1000, workerGroups * 2)}`,
    "  scaling:",
    "    metric: queue_depth",
    "    target_value: 10",
    "  config:",
    "    default_model: large",
    "agents:",
    "  - name: director",
    "    role: supervisor",
    "    description: Runs the whole cluster",
    "    capabilities: [planning, delegation]",
  ];
  for (let i = 1; i <= leads; i++) {
    lines.push(`  - name: lead-${i}`, "    role: lead", "    reports_to: director", "    capabilities: [review, scheduling]");
  }
  for (let i = 1; i <= specialists; i++) {
    lines.push(
      `  - name: specialist-${i}`,
      "    role: specialist",
      `    reports_to: lead-${1 + (i % leads)}`,
      "    description: Deep knowledge of one topic",
      "    capabilities: [research, analysis]",
      "    skills: [writing]",
    );
  }
  for (let i = 1; i <= workerGroups; i++) {
    lines.push(
      `  - name: worker-${i}`,
      "    role: worker",
      `    reports_to: lead-${1 + (i % leads)}`,
      "    count: 1-2",
      "    capabilities: [execution]",
      "    config: { temperature: 0.7 }",
    );
  }
  return `${lines.join("\n")}\n`;
}
