// The example blueprints shipped in blueprints/: the only files the seed imports and "New blueprint" offers.
//
// A list, not the folder's contents: consoles before BLUEPRINTS_DIR moved to data/blueprints wrote
// their users' blueprints into blueprints/ as <id>.yaml, and those copies must never turn into
// examples. Git cannot tell them apart everywhere (a deployed copy may have no .git), nor can the
// database (a fresh one knows no user yet); this list can. The id guards an example's file that
// such a console overwrote with a user's blueprint of the same name: that file no longer carries
// the example's id. example-blueprints.test.ts keeps the list equal to the files git tracks there.
export const EXAMPLE_BLUEPRINTS_DIRECTORY = "blueprints";

export const EXAMPLE_BLUEPRINTS: readonly { file: string; id: string }[] = [
  { file: "autoscaler-demo.yaml", id: "autoscaler-demo-v1" },
  { file: "marketing.yaml", id: "marketing-v1" },
  { file: "product-launch.yaml", id: "product-launch-v1" },
  { file: "research-a2a.yaml", id: "research-a2a-v1" },
  { file: "research.yaml", id: "research-v1" },
  { file: "sales.yaml", id: "sales-v1" },
  { file: "support.yaml", id: "support-v1" },
];
