// Prisma 7 CLI configuration (read by `prisma generate` and `prisma migrate/db ...`).
// Prisma 7 takes the database URL from here, not from schema.prisma.
//
// Offline, the CLI's migrate/db commands need PRISMA_SCHEMA_ENGINE_BINARY: use
// `npm run db:prisma -- migrate status` (see scripts/db/engine-shim.mjs), or the
// npm run db:migrate / db:migration scripts, which read the same paths and default.
import { loadEnvConfig } from "@next/env";
import { defineConfig } from "prisma/config";

// Prisma 7 no longer reads .env itself; load the same .env files as Next.js does so the CLI,
// the app and scripts/db/* all use the same DATABASE_URL. Shell variables win.
loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production", { info: () => {}, error: console.error });

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
  },
  datasource: {
    // Relative `file:` paths resolve against the project root.
    url: process.env.DATABASE_URL || "file:./data/console.db",
  },
});
