// Validated server environment. Only what the server code reads; keep it small.
import { z } from "zod";

const envSchema = z.object({
  // SQLite only (the Prisma client is built on the better-sqlite3 adapter). Relative paths
  // are resolved against the project root by lib/db.ts, as scripts/db/migrate.mjs does.
  DATABASE_URL: z
    .string()
    .startsWith("file:", 'DATABASE_URL must be a SQLite URL such as "file:./data/console.db"')
    .default("file:./data/console.db"),
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  // Where created and updated blueprints are written as <id>.yaml (the examples are read from blueprints/).
  BLUEPRINTS_DIR: z.string().min(1).default("blueprints"),
});

export type Env = z.infer<typeof envSchema>;

function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = envSchema.safeParse({
    // An empty value (DATABASE_URL= in a .env file) means "use the default".
    DATABASE_URL: source.DATABASE_URL || undefined,
    NODE_ENV: source.NODE_ENV || undefined,
    BLUEPRINTS_DIR: source.BLUEPRINTS_DIR || undefined,
  });
  if (!result.success) {
    throw new Error(`Invalid environment:\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}

export const env: Env = parseEnv(process.env);
