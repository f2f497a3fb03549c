-- AlterTable
ALTER TABLE "Job" ADD COLUMN "placement" TEXT;
ALTER TABLE "Job" ADD COLUMN "waitingReason" TEXT;
ALTER TABLE "Job" ADD COLUMN "workerHost" TEXT;
ALTER TABLE "Job" ADD COLUMN "workerId" TEXT;
ALTER TABLE "Job" ADD COLUMN "workerName" TEXT;

-- CreateTable
CREATE TABLE "Worker" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "hostname" TEXT NOT NULL,
    "dataDir" TEXT NOT NULL,
    "nativeArch" TEXT NOT NULL,
    "emulates" JSONB NOT NULL,
    "slots" INTEGER NOT NULL,
    "running" INTEGER NOT NULL DEFAULT 0,
    "queueIds" JSONB NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stoppedAt" DATETIME,
    "stopReason" TEXT
);

-- CreateIndex
CREATE INDEX "Worker_stoppedAt_heartbeatAt_idx" ON "Worker"("stoppedAt", "heartbeatAt");

-- CreateIndex
CREATE INDEX "Job_workerId_idx" ON "Job"("workerId");
