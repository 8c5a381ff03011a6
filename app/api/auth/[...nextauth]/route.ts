import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";
import { SignInLockedError } from "@/lib/auth/sign-in";
import { currentLockout } from "@/lib/auth/sign-in-guard";
import { clientIp } from "@/lib/client-ip";
import { serveRoute } from "@/lib/http/serve-route";

type NextAuthContext = { params: Promise<{ nextauth: string[] }> };

export const { GET, POST, PUT, PATCH, DELETE } = serveRoute("/api/auth/{nextauth}", {
  // GET /api/auth/* - next-auth's session, csrf and provider endpoints
  GET: (request, context) => NextAuth(request as NextRequest, context as NextAuthContext, authOptions()),
  // POST /api/auth/* - sign in and sign out; a locked-out email or address gets 429 with Retry-After
  POST: async (request, context) => {
    const { nextauth } = (await context.params) as Awaited<NextAuthContext["params"]>;
    if (nextauth.join("/") === "callback/credentials") {
      const form = await request
        .clone()
        .formData()
        .catch(() => null);
      const email = form?.get("email");
      const lockout = await currentLockout(typeof email === "string" ? email : "", clientIp(request.headers));
      if (lockout) throw new SignInLockedError(lockout);
    }
    return NextAuth(request as NextRequest, context as NextAuthContext, authOptions());
  },
});
