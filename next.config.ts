import type { NextConfig } from "next";

const config: NextConfig = {
  // Native and driver packages stay plain Node requires rather than being bundled.
  serverExternalPackages: ["better-sqlite3", "pg", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg"],
  poweredByHeader: false,
  devIndicators: false,
};

export default config;
