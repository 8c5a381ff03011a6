// Swagger UI's prebuilt bundle, served from the installed swagger-ui-dist package
// (never a CDN). Served as they are rather than through the app's bundler: re-minifying the bundle
// breaks its OpenAPI 3.1 support.
import { readFile } from "node:fs/promises";
import path from "node:path";

const FILES: Record<string, string> = {
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
};

export async function GET(_request: Request, context: { params: Promise<{ file: string }> }) {
  const { file } = await context.params;
  const contentType = FILES[file];
  if (!contentType) return new Response("not found", { status: 404 });
  const body = await readFile(path.join(process.cwd(), "node_modules", "swagger-ui-dist", file));
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "public, max-age=86400" } });
}
