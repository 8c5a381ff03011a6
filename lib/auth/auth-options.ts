// next-auth: email and password through the Credentials provider, sessions as encrypted JWT
// cookies. The cookie holds only the user id; the role is read from the database per request.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { systemAudit } from "@/lib/audit/audit-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { clientIp } from "@/lib/client-ip";
import { authSecret } from "./auth-secret";
import { SESSION_COOKIE } from "./principal";
import { signInWithPassword } from "./sign-in";

// Without NEXTAUTH_URL next-auth builds its URLs from the request's Host; the console is
// self-hosted, so that is the address its users reach it by.
process.env.AUTH_TRUST_HOST ??= "true";

const SESSION_MAX_AGE_S = 12 * 60 * 60;
const credentialsSchema = z.object({ email: z.string().min(1).max(254), password: z.string().min(1).max(200) });

let options: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  options ??= {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/signin", error: "/signin" },
    cookies: {
      sessionToken: {
        name: SESSION_COOKIE,
        options: { httpOnly: true, sameSite: "lax", path: "/", secure: SESSION_COOKIE.startsWith("__Secure-") },
      },
    },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          const parsed = credentialsSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const headers = new Headers(request.headers as Record<string, string>);
          const user = await signInWithPassword(parsed.data, { ip: clientIp(headers), requestId: null });
          return user ? { id: user.id, email: user.email, name: user.name } : null;
        },
      }),
    ],
    events: {
      async signOut({ token }) {
        const userId = token?.sub;
        if (!userId) return;
        const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
        await db.$transaction((tx) =>
          recordAudit(
            tx,
            { ...systemAudit(user?.email ?? "unknown"), actorId: userId },
            { action: "auth.sign_out", targetType: "user", targetId: userId, summary: "signed out" },
          ),
        );
      },
    },
  };
  return options;
}
