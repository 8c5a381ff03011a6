// The npm commands the docs tell a reader to type exist: every `npm run <script>` names a script
// of package.json, and every other `npm <command>` is npm's own (start and test need their script).
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const DOCUMENTS = ["README.md", "ARCHITECTURE.md", ...readdirSync("docs").map((file) => `docs/${file}`)].filter((file) =>
  file.endsWith(".md"),
);
const scripts = new Set(Object.keys((JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts));

// npm's commands (npm 10 and 11) with their aliases; those that run a script of package.json are mapped to it.
const SCRIPT_COMMANDS: Record<string, string> = { start: "start", test: "test", t: "test", tst: "test", stop: "stop", restart: "restart" };
const RUN_COMMANDS = new Set(["run", "run-script", "rum", "urn"]);
const OTHER_COMMANDS = new Set(
  (
    "access adduser audit bugs cache ci clean-install completion config dedupe deprecate diff dist-tag docs doctor edit exec " +
    "explain explore find-dupes fund get help help-search init install i add install-ci-test cit install-test it link ln ll " +
    "login logout ls list org outdated owner pack ping pkg prefix profile prune publish query rebuild repo root sbom search " +
    "set shrinkwrap star stars team token undeprecate uninstall rm remove unpublish unstar update up version view info show " +
    "whoami x"
  ).split(" "),
);

interface NpmCommand {
  /** The words after `npm`, as written. */
  text: string;
  /** The package.json script it runs, if it runs one. */
  script?: string;
  /** npm's own command, when it runs no script. */
  command?: string;
}

/** The code in Markdown: fenced blocks and inline spans, where commands to type are written. */
function codeOf(markdown: string): string[] {
  const fenced = [...markdown.matchAll(/^```[^\n]*\n([\s\S]*?)^```/gm)].map((match) => match[1]!);
  const prose = markdown.replace(/^```[^\n]*\n[\s\S]*?^```/gm, "");
  const inline = [...prose.matchAll(/`([^`\n]+)`/g)].map((match) => match[1]!);
  return [...fenced, ...inline];
}

function npmCommandsIn(code: string): NpmCommand[] {
  return [...code.matchAll(/(?<![\w/.-])npm((?:[ \t]+[^\s;&|)]+)+)/g)].map((match) => {
    const words = match[1]!.trim().split(/[ \t]+/);
    const [command, ...rest] = words.filter((word) => !word.startsWith("-"));
    const text = words.join(" ");
    if (command !== undefined && RUN_COMMANDS.has(command)) return { text, script: rest[0] ?? "" };
    if (command !== undefined && command in SCRIPT_COMMANDS) return { text, script: SCRIPT_COMMANDS[command] };
    return { text, command: command ?? "" };
  });
}

describe("npmCommandsIn", () => {
  it("finds the script of npm run with flags before or after it, and of npm start and npm test", () => {
    const code =
      "npm ci && npm run console\nTOKEN=$(npm run --silent console -- token create)\nnpm run db:migration -- add_thing; npm start; npm test";
    expect(npmCommandsIn(code)).toEqual([
      { text: "ci", command: "ci" },
      { text: "run console", script: "console" },
      { text: "run --silent console -- token create", script: "console" },
      { text: "run db:migration -- add_thing", script: "db:migration" },
      { text: "start", script: "start" },
      { text: "test", script: "test" },
    ]);
  });

  it("reads fenced blocks and inline code, not prose or other tools' names", () => {
    const markdown = "Run `npm run dev`; npm is the tool, `pnpm install` another.\n\n```sh\nnpm run build\n```\n";
    expect(codeOf(markdown).flatMap(npmCommandsIn)).toEqual([
      { text: "run build", script: "build" },
      { text: "run dev", script: "dev" },
    ]);
  });
});

describe.each(DOCUMENTS)("the npm commands in %s", (document) => {
  const commands = codeOf(readFileSync(document, "utf8")).flatMap(npmCommandsIn);

  it("run scripts package.json has", () => {
    const missing = commands
      .filter((found) => found.script !== undefined && !scripts.has(found.script))
      .map((found) => `npm ${found.text}`);
    expect(missing).toEqual([]);
  });

  it("are npm's own otherwise", () => {
    const unknown = commands
      .filter((found) => found.command !== undefined && !OTHER_COMMANDS.has(found.command))
      .map((found) => `npm ${found.text}`);
    expect(unknown).toEqual([]);
  });
});
