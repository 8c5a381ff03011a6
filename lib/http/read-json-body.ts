// A request's JSON body, read with a size limit whatever Content-Length claims.
import { RequestError } from "@/lib/errors";

/** Request bodies above this are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The parsed JSON body; undefined for a request with no body at all (actions whose body is optional). */
export async function readJsonBody(request: Request): Promise<unknown> {
  const contentType = request.headers.get("content-type") ?? "";
  const declaredLength = Number(request.headers.get("content-length") ?? 0);
  if (declaredLength > MAX_BODY_BYTES) throw tooLarge();
  const isJson = /^application\/([a-z.+-]*\+)?json\b/i.test(contentType);
  const text = await readLimitedText(request);
  if (!isJson) {
    if (contentType === "" && text === "") return undefined;
    throw new RequestError("unsupported-media-type", "send the body as JSON with Content-Type: application/json");
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RequestError("malformed-json", `the body is not valid JSON: ${(error as Error).message}`);
  }
}

function tooLarge() {
  return new RequestError("payload-too-large", `the body may be at most ${MAX_BODY_BYTES / 1024} KiB`);
}

/** Reads the body as UTF-8 and stops as soon as it passes the limit, whatever Content-Length said. */
async function readLimitedText(request: Request): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
