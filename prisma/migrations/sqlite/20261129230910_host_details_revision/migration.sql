-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Host" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "infraEnvId" TEXT NOT NULL,
    "clusterId" TEXT,
    "requestedHostname" TEXT,
    "hostname" TEXT,
    "role" TEXT NOT NULL DEFAULT 'auto-assign',
    "suggestedRole" TEXT,
    "bootstrap" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'discovering-unbound',
    "statusInfo" TEXT NOT NULL DEFAULT '',
    "statusUpdatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cpuArchitecture" TEXT,
    "inventory" TEXT,
    "inventoryUpdatedAt" DATETIME,
    "inventoryWanted" BOOLEAN NOT NULL DEFAULT true,
    "validationsInfo" TEXT,
    "detailsRevision" INTEGER NOT NULL DEFAULT 0,
    "discoveryAgentVersion" TEXT,
    "checkedInAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Host_infraEnvId_fkey" FOREIGN KEY ("infraEnvId") REFERENCES "InfraEnv" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Host_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Host" ("bootstrap", "checkedInAt", "clusterId", "cpuArchitecture", "createdAt", "discoveryAgentVersion", "hostname", "id", "infraEnvId", "inventory", "inventoryUpdatedAt", "inventoryWanted", "requestedHostname", "role", "status", "statusInfo", "statusUpdatedAt", "suggestedRole", "updatedAt", "validationsInfo") SELECT "bootstrap", "checkedInAt", "clusterId", "cpuArchitecture", "createdAt", "discoveryAgentVersion", "hostname", "id", "infraEnvId", "inventory", "inventoryUpdatedAt", "inventoryWanted", "requestedHostname", "role", "status", "statusInfo", "statusUpdatedAt", "suggestedRole", "updatedAt", "validationsInfo" FROM "Host";
DROP TABLE "Host";
ALTER TABLE "new_Host" RENAME TO "Host";
CREATE INDEX "Host_infraEnvId_createdAt_idx" ON "Host"("infraEnvId", "createdAt");
CREATE INDEX "Host_clusterId_createdAt_idx" ON "Host"("clusterId", "createdAt");
CREATE INDEX "Host_infraEnvId_hostname_idx" ON "Host"("infraEnvId", "hostname");
CREATE INDEX "Host_clusterId_hostname_idx" ON "Host"("clusterId", "hostname");
CREATE INDEX "Host_infraEnvId_checkedInAt_idx" ON "Host"("infraEnvId", "checkedInAt");
CREATE INDEX "Host_clusterId_checkedInAt_idx" ON "Host"("clusterId", "checkedInAt");
CREATE INDEX "Host_status_checkedInAt_idx" ON "Host"("status", "checkedInAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
