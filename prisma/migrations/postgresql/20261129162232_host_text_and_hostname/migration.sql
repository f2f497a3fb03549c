-- AlterTable
ALTER TABLE "Host" ADD COLUMN     "hostname" TEXT,
ADD COLUMN     "inventoryWanted" BOOLEAN NOT NULL DEFAULT true,
ALTER COLUMN "status" SET DEFAULT 'discovering-unbound',
ALTER COLUMN "inventory" SET DATA TYPE TEXT,
ALTER COLUMN "validationsInfo" SET DATA TYPE TEXT;

-- CreateIndex
CREATE INDEX "Host_infraEnvId_hostname_idx" ON "Host"("infraEnvId", "hostname");

-- CreateIndex
CREATE INDEX "Host_clusterId_hostname_idx" ON "Host"("clusterId", "hostname");

-- CreateIndex
CREATE INDEX "Host_infraEnvId_checkedInAt_idx" ON "Host"("infraEnvId", "checkedInAt");

-- CreateIndex
CREATE INDEX "Host_clusterId_checkedInAt_idx" ON "Host"("clusterId", "checkedInAt");

-- Data (hand-written): the hostname each host goes by, and the `-unbound` spelling for hosts in no cluster.
UPDATE "Host" SET "hostname" = COALESCE(NULLIF("requestedHostname", ''), NULLIF("inventory"::jsonb ->> 'hostname', ''));
UPDATE "Host" SET "status" = "status" || '-unbound' WHERE "clusterId" IS NULL AND "status" NOT LIKE '%-unbound';
