// Command-line administration for automation (CI, the test suite, set-up scripts):
//   user create --email EMAIL --password PASSWORD --role viewer|operator|admin [--name NAME]
//   token create --email EMAIL --name NAME [--expires-at ISO-DATE-TIME]
//   db copy --to postgresql://... [--batch-size N]   (the SQLite console at DATABASE_URL into an empty PostgreSQL database)
// A token is printed alone on stdout, so `TOKEN=$(npm run --silent console -- token create ...)` works.
import { parseArgs } from "node:util";
import { z } from "zod";
import { systemAudit } from "../../lib/audit/audit-context";
import { createTokenRequestSchema, createUserRequestSchema } from "../../lib/auth/api-schema";
import { createToken } from "../../lib/auth/create-token";
import { createUser } from "../../lib/auth/create-user";
import { db } from "../../lib/db";
import { copyDatabase } from "../../lib/db/copy-database";
import { CopyMismatchError, type CopyReport, formatCountTable } from "../../lib/db/copy-report";

const USAGE = `usage:
  npm run console -- user create --email EMAIL --password PASSWORD --role viewer|operator|admin [--name NAME]
  npm run console -- token create --email EMAIL --name NAME [--expires-at 2027-01-31T00:00:00Z]
  npm run console -- db copy --to postgresql://user:password@host:5432/database [--batch-size 5000]`;

const audit = systemAudit("command line");

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: "string" },
      password: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      "expires-at": { type: "string" },
      to: { type: "string" },
      "batch-size": { type: "string" },
    },
  });
  const command = positionals.join(" ");
  if (command === "user create") {
    const input = parseOrExit(createUserRequestSchema, {
      email: values.email,
      password: values.password,
      role: values.role,
      name: values.name,
    });
    const user = await createUser(input, { audit });
    console.error(`created ${user.email} as ${user.role}`);
  } else if (command === "token create") {
    const input = parseOrExit(createTokenRequestSchema, { name: values.name, expires_at: values["expires-at"] });
    const email = parseOrExit(z.object({ email: z.email() }), { email: values.email }).email.toLowerCase();
    const owner = await db.user.findUnique({ where: { email } });
    if (!owner) fail(`no user with email ${email}; create one with: npm run console -- user create ...`);
    if (owner.disabledAt) fail(`${email} is disabled`);
    const created = await createToken(owner, input, { audit });
    console.log(created.token);
  } else if (command === "db copy") {
    const input = parseOrExit(dbCopyArgumentsSchema, { to: values.to, batchSize: values["batch-size"] });
    await copyDatabaseToPostgres(input.to, input.batchSize);
  } else {
    fail(USAGE);
  }
}

const dbCopyArgumentsSchema = z.object({
  to: z.string("--to is required: the PostgreSQL database to fill, postgresql://user:password@host:5432/database"),
  batchSize: z.coerce.number().int().min(1).max(50_000).optional(),
});

async function copyDatabaseToPostgres(targetUrl: string, batchSize: number | undefined): Promise<void> {
  // Progress goes to stderr, the table of counts to stdout.
  const log = (line: string) => console.error(`db copy: ${line}`);
  let report: CopyReport;
  try {
    report = await copyDatabase(targetUrl, { batchSize, log });
  } catch (error) {
    if (error instanceof CopyMismatchError) console.log(formatCountTable(error.tables));
    fail(`db copy failed: ${(error as Error).message}`);
  }
  console.log(formatCountTable(report.tables));
  for (const skipped of report.skipped) console.log(`not copied: ${skipped.table} (${skipped.reason})`);
  const rows = report.tables.reduce((sum, table) => sum + table.source, 0);
  console.error(
    `db copy: ${rows} rows copied and counted in ${(report.durationMs / 1000).toFixed(1)} s; ` +
      "start the console with DATABASE_URL set to the new database",
  );
}

function parseOrExit<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) fail(`${z.prettifyError(result.error)}\n\n${USAGE}`);
  return result.data;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  fail((error as Error).message);
} finally {
  await db.$disconnect();
}
