// API token secrets: only their SHA-256 is stored. The secret has 256 bits of entropy, so a slow
// password hash would add nothing but latency to every request.
import { createHash } from "node:crypto";

export const hashTokenSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");
