-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Host" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "infraEnvId" TEXT NOT NULL,
    "clusterId" TEXT,
    "requestedHostname" TEXT,
    "role" TEXT NOT NULL DEFAULT 'auto-assign',
    "suggestedRole" TEXT,
    "bootstrap" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'discovering',
    "statusInfo" TEXT NOT NULL DEFAULT '',
    "statusUpdatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cpuArchitecture" TEXT,
    "inventory" JSONB,
    "inventoryUpdatedAt" DATETIME,
    "validationsInfo" JSONB,
    "discoveryAgentVersion" TEXT,
    "checkedInAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Host_infraEnvId_fkey" FOREIGN KEY ("infraEnvId") REFERENCES "InfraEnv" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Host_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Host" ("clusterId", "cpuArchitecture", "createdAt", "id", "infraEnvId", "inventory", "requestedHostname", "role", "status", "statusInfo", "updatedAt") SELECT "clusterId", "cpuArchitecture", "createdAt", "id", "infraEnvId", "inventory", "requestedHostname", "role", "status", "statusInfo", "updatedAt" FROM "Host";
DROP TABLE "Host";
ALTER TABLE "new_Host" RENAME TO "Host";
CREATE INDEX "Host_infraEnvId_createdAt_idx" ON "Host"("infraEnvId", "createdAt");
CREATE INDEX "Host_clusterId_createdAt_idx" ON "Host"("clusterId", "createdAt");
CREATE INDEX "Host_status_checkedInAt_idx" ON "Host"("status", "checkedInAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Event_hostId_eventTime_idx" ON "Event"("hostId", "eventTime");
