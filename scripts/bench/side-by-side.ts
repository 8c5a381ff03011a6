// The benches that run on SQLite and then on PostgreSQL print each figure as it is measured and,
// at the end, both databases side by side: one row per figure, a column per database.
import { spawn } from "node:child_process";
import { isPostgresReachable } from "../../lib/test/postgres-databases";

export type Database = "sqlite" | "postgresql";
export const DATABASE_NAMES: Record<Database, string> = { sqlite: "SQLite", postgresql: "PostgreSQL" };

/** One measured figure: its label, the value as printed, and its unit with any target. */
export interface Figure {
  what: string;
  figure: string;
  unit: string;
}

const FIGURE_WIDTH = 11;

/** Collects one database's figures, printing each as it comes: a run takes minutes. */
export function figureLog(labelWidth: number): { figures: Figure[]; line: (what: string, figure: string, unit: string) => void } {
  const figures: Figure[] = [];
  return {
    figures,
    line: (what, figure, unit) => {
      figures.push({ what, figure, unit });
      console.log(`${what.padEnd(labelWidth)}${figure.padStart(FIGURE_WIDTH)}${unit ? ` ${unit}` : ""}`);
    },
  };
}

/** Every figure any database measured, in the order first measured, with "-" where one did not. */
export function printSideBySide(title: string, results: ReadonlyMap<Database, readonly Figure[]>, labelWidth: number): void {
  const databases = [...results.keys()];
  const rows = new Map<string, { unit: string; figures: Map<Database, string> }>();
  for (const database of databases) {
    for (const { what, figure, unit } of results.get(database)!) {
      const row = rows.get(what) ?? { unit, figures: new Map<Database, string>() };
      row.figures.set(database, figure);
      rows.set(what, row);
    }
  }
  console.log(`\n${title}`);
  console.log(`${"".padEnd(labelWidth)}${databases.map((database) => DATABASE_NAMES[database].padStart(FIGURE_WIDTH)).join("")}`);
  for (const [what, { unit, figures }] of rows) {
    const columns = databases.map((database) => (figures.get(database) ?? "-").padStart(FIGURE_WIDTH));
    console.log(`${what.padEnd(labelWidth)}${columns.join("")}${unit ? ` ${unit}` : ""}`);
  }
}

/** The databases a bench measures: BENCH_DATABASES (default both), less PostgreSQL when none answers. */
export async function benchDatabases(bench: string): Promise<Database[]> {
  const wanted = (process.env.BENCH_DATABASES ?? "sqlite,postgresql").split(",") as Database[];
  if (!wanted.includes("postgresql") || (await isPostgresReachable())) return wanted;
  console.log(`\n${bench}: no PostgreSQL answers (TEST_DATABASE_URL or 127.0.0.1:5432); its column stays empty`);
  return wanted.filter((database) => database !== "postgresql");
}

/**
 * A bench script run as a child process (lib/db binds to one database per process): what the last
 * line it prints holds, as JSON.
 */
export function lastJsonLineOfChild<Result>(script: string, args: readonly string[], what: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolve(JSON.parse(output.trim().split("\n").at(-1) ?? "") as Result);
      else reject(new Error(`${what} exited with ${code}: ${output}`));
    });
  });
}
