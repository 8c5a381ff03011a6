// Command-line administration for automation (CI, the test suite, set-up scripts):
//   user create --email EMAIL --password PASSWORD --role viewer|operator|admin [--name NAME]
//   token create --email EMAIL --name NAME [--expires-at ISO-DATE-TIME]
// A token is printed alone on stdout, so `TOKEN=$(npm run --silent console -- token create ...)` works.
import { parseArgs } from "node:util";
import { z } from "zod";
import { systemAudit } from "../../lib/audit/audit-context";
import { createTokenRequestSchema, createUserRequestSchema } from "../../lib/auth/api-schema";
import { createToken } from "../../lib/auth/create-token";
import { createUser } from "../../lib/auth/create-user";
import { db } from "../../lib/db";

const USAGE = `usage:
  npm run console -- user create --email EMAIL --password PASSWORD --role viewer|operator|admin [--name NAME]
  npm run console -- token create --email EMAIL --name NAME [--expires-at 2027-01-31T00:00:00Z]`;

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
  } else {
    fail(USAGE);
  }
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
