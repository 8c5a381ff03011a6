// npm run db:seed - loads the example blueprints under blueprints/ into an empty catalogue (idempotent).
import path from "node:path";
import { importExampleBlueprints } from "../../lib/blueprint/import-example-blueprints";
import { db } from "../../lib/db";

const directory = path.resolve(process.argv[2] ?? "blueprints");
try {
  const { imported, kept } = await importExampleBlueprints(directory);
  console.log(
    `example blueprints: ${imported.length} imported${imported.length ? ` (${imported.join(", ")})` : ""}, ${kept.length} already present`,
  );
} catch (error) {
  console.error(`could not import the example blueprints from ${directory}: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
