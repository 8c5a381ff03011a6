// npm run db:seed - loads the shipped example blueprints under blueprints/ into the catalogue (idempotent).
import path from "node:path";
import { EXAMPLE_BLUEPRINTS_DIRECTORY } from "../../lib/blueprint/example-blueprints";
import { importExampleBlueprints } from "../../lib/blueprint/import-example-blueprints";
import { db } from "../../lib/db";
import { env } from "../../lib/env";

const directory = path.resolve(EXAMPLE_BLUEPRINTS_DIRECTORY);
try {
  const { imported, kept, deleted, ignored } = await importExampleBlueprints(directory);
  console.log(
    `example blueprints: ${imported.length} imported${imported.length ? ` (${imported.join(", ")})` : ""}, ${kept.length} already present` +
      (deleted.length ? `, ${deleted.length} left deleted as an admin deleted them (${deleted.join(", ")})` : ""),
  );
  if (ignored.length > 0) {
    // Consoles before BLUEPRINTS_DIR moved wrote here; say once per start what became of those copies.
    console.warn(
      `${EXAMPLE_BLUEPRINTS_DIRECTORY}/ holds files that are not shipped examples: ${ignored.join(", ")} (copies an older console ` +
        `saved there). They are not read: the database keeps every saved blueprint, and saves now go to ${env.BLUEPRINTS_DIR}/. ` +
        `Move or delete them; git checkout ${EXAMPLE_BLUEPRINTS_DIRECTORY}/ restores a changed example.`,
    );
  }
} catch (error) {
  console.error(`could not import the example blueprints from ${directory}: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
