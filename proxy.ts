// Tells server-rendered pages which address was asked for, so the sign-in page can send the
// user back there. Authentication itself happens in the pages and route handlers, not here.
import { type NextRequest, NextResponse } from "next/server";

// Read by lib/auth/page-principal.ts.
const REQUESTED_PATH_HEADER = "x-console-path";

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(REQUESTED_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/((?!api/|_next/|favicon.ico).*)"] };
