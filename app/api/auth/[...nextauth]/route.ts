import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";
import { SignInLockedError } from "@/lib/auth/sign-in";
import { currentLockout } from "@/lib/auth/sign-in-guard";
import { clientIp } from "@/lib/http/client-ip";
import { problemResponseFor } from "@/lib/http/problem";

type NextAuthContext = { params: Promise<{ nextauth: string[] }> };

// GET /api/auth/* - next-auth's session, csrf and provider endpoints
export function GET(request: NextRequest, context: NextAuthContext) {
  return NextAuth(request, context, authOptions());
}

// POST /api/auth/* - sign in and sign out; a locked-out email or address gets 429 with Retry-After
export async function POST(request: NextRequest, context: NextAuthContext) {
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "callback/credentials") {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    const email = form?.get("email");
    const lockout = await currentLockout(typeof email === "string" ? email : "", clientIp(request.headers));
    if (lockout) return problemResponseFor(new SignInLockedError(lockout))!;
  }
  return NextAuth(request, context, authOptions());
}
