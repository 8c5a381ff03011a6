/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WASM-backed packages stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
