// Vitest global setup. On the PostgreSQL leg (TEST_DATABASE_PROVIDER=postgresql) it migrates one
// template database for the run; each test file then copies it (lib/test/setup-database.ts), which
// takes a fraction of the time a migration does. The SQLite leg needs nothing here.
import type { TestProject } from "vitest/node";

import { openSchemaEngine } from "@/scripts/db/schema-engine.mjs";
import { createTestDatabase, dropTestDatabase } from "./postgres-databases";

declare module "vitest" {
  export interface ProvidedContext {
    postgresTemplate: string | undefined;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (process.env.TEST_DATABASE_PROVIDER !== "postgresql") {
    project.provide("postgresTemplate", undefined);
    return undefined;
  }
  const templateUrl = await createTestDatabase("t_template");
  const engine = await openSchemaEngine({ databaseUrl: templateUrl });
  try {
    await engine.applyMigrations();
  } finally {
    await engine.close();
  }
  project.provide("postgresTemplate", decodeURIComponent(new URL(templateUrl).pathname.slice(1)));
  return () => dropTestDatabase(templateUrl);
}
