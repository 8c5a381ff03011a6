// The server's one logger: readable lines for a person, JSON lines otherwise (CI, log collectors), quiet in tests.
import pino from "pino";
import pretty from "pino-pretty";

const options: pino.LoggerOptions = {
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: undefined,
};

// A person reads a terminal, and next dev, whose server writes through a pipe to the terminal.
const isForPeople = process.stdout.isTTY === true || process.env.NODE_ENV === "development";

// pino-pretty as a stream on this thread, not as a transport: a transport loads its target in a
// worker thread by file path, which Next's server bundling does not keep. Synchronous writes
// keep a line printed just before the process exits. Colours follow the terminal (and FORCE_COLOR).
export const logger = isForPeople
  ? pino(options, pretty({ translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname", singleLine: true, sync: true }))
  : pino(options);
