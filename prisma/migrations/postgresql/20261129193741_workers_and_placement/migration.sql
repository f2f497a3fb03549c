-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "placement" TEXT,
ADD COLUMN     "waitingReason" TEXT,
ADD COLUMN     "workerHost" TEXT,
ADD COLUMN     "workerId" TEXT,
ADD COLUMN     "workerName" TEXT;

-- CreateTable
CREATE TABLE "Worker" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "hostname" TEXT NOT NULL,
    "dataDir" TEXT NOT NULL,
    "nativeArch" TEXT NOT NULL,
    "emulates" JSONB NOT NULL,
    "slots" INTEGER NOT NULL,
    "running" INTEGER NOT NULL DEFAULT 0,
    "queueIds" JSONB NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stoppedAt" TIMESTAMP(3),
    "stopReason" TEXT,

    CONSTRAINT "Worker_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Worker_stoppedAt_heartbeatAt_idx" ON "Worker"("stoppedAt", "heartbeatAt");

-- CreateIndex
CREATE INDEX "Job_workerId_idx" ON "Job"("workerId");
