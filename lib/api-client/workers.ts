// Browser client for /api/v1/workers: the processes that run jobs and their state.
import type { WorkerJson } from "@/lib/jobs/workers/serialize";
import { apiJson } from "./http";

export type { WorkerJson };

export const getWorkers = () => apiJson<WorkerJson[]>("/api/v1/workers");
