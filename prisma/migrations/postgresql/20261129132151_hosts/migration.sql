-- DropIndex
DROP INDEX "Host_clusterId_idx";

-- DropIndex
DROP INDEX "Host_infraEnvId_idx";

-- AlterTable
ALTER TABLE "Host" ADD COLUMN     "bootstrap" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "checkedInAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "discoveryAgentVersion" TEXT,
ADD COLUMN     "inventoryUpdatedAt" TIMESTAMP(3),
ADD COLUMN     "statusUpdatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "suggestedRole" TEXT,
ADD COLUMN     "validationsInfo" JSONB;

-- CreateIndex
CREATE INDEX "Event_hostId_eventTime_idx" ON "Event"("hostId", "eventTime");

-- CreateIndex
CREATE INDEX "Host_infraEnvId_createdAt_idx" ON "Host"("infraEnvId", "createdAt");

-- CreateIndex
CREATE INDEX "Host_clusterId_createdAt_idx" ON "Host"("clusterId", "createdAt");

-- CreateIndex
CREATE INDEX "Host_status_checkedInAt_idx" ON "Host"("status", "checkedInAt");
