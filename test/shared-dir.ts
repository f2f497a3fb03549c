// The steering repo's shared/ folder (reference ISOs, Ignition schemas), which sits beside the
// checkout on every developer machine and in CI; ARCHWAY_SHARED_DIR overrides.
import path from "node:path";

export const SHARED_DIR = process.env.ARCHWAY_SHARED_DIR ?? path.resolve(process.cwd(), "../shared");
