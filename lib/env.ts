// Validated server environment, read once at start; a bad value stops the server with a message
// that names the variable. Only what the server code reads; keep it small.
import { z } from "zod";
import { parseTrustProxy } from "./trust-proxy";

export const EMBEDDED_DATABASE_URL = "file:./data/console.db";

const positiveInt = (fallback: number) =>
  z.coerce.number("must be a whole number above 0").int("must be a whole number").positive("must be above 0").default(fallback);

/** A host name, an IP address (IPv6 in brackets) or either with a port, and nothing else. */
function isHostEntry(entry: string): boolean {
  try {
    const url = new URL(`http://${entry}`);
    // The parser drops a default port (example.com:80 has host example.com), so compare by parts.
    return entry === url.hostname || entry === `${url.hostname}:${url.port || "80"}`;
  } catch {
    return false;
  }
}

const envSchema = z
  .object({
    // SQLite (`file:`, the embedded default; relative paths resolve against the project root) or
    // PostgreSQL (`postgresql://`), where several console instances may share the database.
    DATABASE_URL: z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/i, 'DATABASE_URL must be a SQLite URL such as "file:./data/console.db" or a "postgresql://" URL')
      .default(EMBEDDED_DATABASE_URL),
    // Request budgets and sign-in lockouts shared by every instance (lib/rate-limit-store.ts); unset: the database decides.
    REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'REDIS_URL must be a Redis URL such as "redis://127.0.0.1:6379"' }).optional(),
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    // Where created and updated blueprints are written as <id>.yaml: beside the database under the
    // git-ignored data/, apart from the shipped examples in blueprints/ (copies; the database is the source).
    BLUEPRINTS_DIR: z.string().min(1).default("data/blueprints"),
    LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).optional(),

    // Signs the session cookies. Without it the embedded set-up keeps a generated one in the data folder.
    NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must have at least 32 characters (openssl rand -base64 32)").optional(),
    // The console's public address, when it is served behind a proxy or over https.
    NEXTAUTH_URL: z.url("NEXTAUTH_URL must be a URL such as https://console.example.com").optional(),
    // Create the first admin unattended when no user exists yet.
    ADMIN_EMAIL: z.email("ADMIN_EMAIL must be an email address").optional(),
    ADMIN_PASSWORD: z.string().min(10, "ADMIN_PASSWORD must have at least 10 characters").optional(),

    // Which X-Forwarded-For entries come from our own proxies (lib/trust-proxy.ts): unset for none.
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((value, context) => {
        try {
          return parseTrustProxy(value);
        } catch (error) {
          context.addIssue({ code: "custom", message: (error as Error).message });
          return z.NEVER;
        }
      }),
    RATE_LIMIT_READS_PER_MINUTE: positiveInt(600),
    RATE_LIMIT_MUTATIONS_PER_MINUTE: positiveInt(120),
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: positiveInt(60),
    // Metrics ingestion has its own budget: a collector posting 1,000 points a call several times a second.
    RATE_LIMIT_INGEST_PER_MINUTE: positiveInt(600),
    // The autoscaler loop: off for a server that must never scale on its own, and how often it looks for due clusters.
    AUTOSCALER_ENABLED: z
      .enum(["true", "false"], 'AUTOSCALER_ENABLED must be "true" or "false"')
      .default("true")
      .transform((value) => value === "true"),
    AUTOSCALER_TICK_MS: positiveInt(1000),
    // How long the autoscaler's lease outlives its holder's last renewal: how soon another instance
    // takes over when the holder dies. Unset: ten ticks, at least 30 s.
    AUTOSCALER_LEASE_MS: z.coerce
      .number("must be a whole number above 0")
      .int("must be a whole number")
      .positive("must be above 0")
      .optional(),
    // The longest a cluster action waits for the one before it on the same cluster (on any instance);
    // past it the request is refused with 409 and Retry-After.
    CLUSTER_LOCK_TIMEOUT_MS: positiveInt(15_000),
    // Finished tasks (succeeded, dead, cancelled) and their attempts are deleted this many days after they finished.
    TASK_RETENTION_DAYS: positiveInt(7),
    // A stopping or hibernating agent's running tasks may finish this long before they go back to the queue.
    AGENT_DRAIN_S: positiveInt(30),
    SIGNIN_MAX_FAILURES: positiveInt(5),
    SIGNIN_LOCKOUT_SECONDS: positiveInt(900),
    // Executors call URLs that admins wrote into blueprints: when set, only these hosts (comma list of
    // host names or host:port), and never a link-local or cloud metadata address, allowed or not.
    EXECUTOR_ALLOWED_HOSTS: z
      .string()
      .transform((value) =>
        value
          .split(",")
          .map((entry) => entry.trim().toLowerCase())
          .filter((entry) => entry !== ""),
      )
      .pipe(
        z
          .array(
            z
              .string()
              .refine(isHostEntry, "EXECUTOR_ALLOWED_HOSTS must list host names or host:port, such as agents.example.com,127.0.0.1:4100"),
          )
          .min(1, "EXECUTOR_ALLOWED_HOSTS must list at least one host, or be left unset"),
      )
      .optional(),
    // The largest answer an executor may receive, in bytes (1 MiB).
    EXECUTOR_MAX_RESPONSE_BYTES: positiveInt(1_048_576),
  })
  .superRefine(
    (value, context) => {
      if ((value.ADMIN_EMAIL === undefined) !== (value.ADMIN_PASSWORD === undefined)) {
        context.addIssue({ code: "custom", path: ["ADMIN_PASSWORD"], message: "set ADMIN_EMAIL and ADMIN_PASSWORD together, or neither" });
      }
      if (value.AUTOSCALER_LEASE_MS !== undefined && value.AUTOSCALER_LEASE_MS < 3 * value.AUTOSCALER_TICK_MS) {
        context.addIssue({
          code: "custom",
          path: ["AUTOSCALER_LEASE_MS"],
          message: "AUTOSCALER_LEASE_MS must be at least three AUTOSCALER_TICK_MS: the leader renews it once a third has passed",
        });
      }
      if (value.NODE_ENV === "production" && !value.NEXTAUTH_SECRET && value.DATABASE_URL !== EMBEDDED_DATABASE_URL) {
        context.addIssue({
          code: "custom",
          path: ["NEXTAUTH_SECRET"],
          message: "NEXTAUTH_SECRET is required in production outside the embedded default database (openssl rand -base64 32)",
        });
      }
    },
    // Also when a field failed: one start names every variable at fault, not one per attempt.
    { when: () => true },
  );

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty value (DATABASE_URL= in a .env file) means "use the default".
  const present = Object.fromEntries(Object.keys(envSchema.shape).map((key) => [key, source[key] || undefined]));
  const result = envSchema.safeParse(present);
  if (!result.success) {
    throw new Error(`Invalid environment:\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}

export const env: Env = parseEnv(process.env);
