// Next.js calls register() once when the server starts; the Node.js server's start-up lives in
// lib/start/start-server.ts. The runtime test lets Next.js leave it out of the Edge bundle.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("@/lib/start/start-server");
    await startServer();
  }
}
