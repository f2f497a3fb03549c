-- DropIndex
DROP INDEX "Cluster_cpuArchitecture_createdAt_idx";

-- DropIndex
DROP INDEX "Event_clusterId_eventTime_idx";

-- DropIndex
DROP INDEX "Event_eventTime_idx";

-- DropIndex
DROP INDEX "Event_hostId_eventTime_idx";

-- DropIndex
DROP INDEX "Event_infraEnvId_eventTime_idx";

-- DropIndex
DROP INDEX "Host_clusterId_createdAt_idx";

-- DropIndex
DROP INDEX "Host_infraEnvId_createdAt_idx";

-- DropIndex
DROP INDEX "Image_arch_createdAt_idx";

-- DropIndex
DROP INDEX "Image_createdAt_idx";

-- DropIndex
DROP INDEX "InfraEnv_clusterId_createdAt_idx";

-- DropIndex
DROP INDEX "InfraEnv_cpuArchitecture_createdAt_idx";

-- DropIndex
DROP INDEX "InfraEnv_createdAt_idx";

-- DropIndex
DROP INDEX "Job_arch_createdAt_idx";

-- DropIndex
DROP INDEX "Job_createdAt_idx";

-- DropIndex
DROP INDEX "Job_jobType_createdAt_idx";

-- DropIndex
DROP INDEX "Job_status_createdAt_idx";

-- DropIndex
DROP INDEX "PublicKey_createdAt_idx";

-- DropIndex
DROP INDEX "Recipe_arch_createdAt_idx";

-- DropIndex
DROP INDEX "Recipe_createdAt_idx";

-- CreateIndex
CREATE INDEX "Cluster_cpuArchitecture_createdAt_id_idx" ON "Cluster"("cpuArchitecture", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Event_clusterId_eventTime_id_idx" ON "Event"("clusterId", "eventTime", "id");

-- CreateIndex
CREATE INDEX "Event_infraEnvId_eventTime_id_idx" ON "Event"("infraEnvId", "eventTime", "id");

-- CreateIndex
CREATE INDEX "Event_hostId_eventTime_id_idx" ON "Event"("hostId", "eventTime", "id");

-- CreateIndex
CREATE INDEX "Event_eventTime_id_idx" ON "Event"("eventTime", "id");

-- CreateIndex
CREATE INDEX "Event_severity_idx" ON "Event"("severity");

-- CreateIndex
CREATE INDEX "Host_infraEnvId_createdAt_id_idx" ON "Host"("infraEnvId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Host_clusterId_createdAt_id_idx" ON "Host"("clusterId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Image_createdAt_id_idx" ON "Image"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Image_arch_createdAt_id_idx" ON "Image"("arch", "createdAt", "id");

-- CreateIndex
CREATE INDEX "InfraEnv_clusterId_createdAt_id_idx" ON "InfraEnv"("clusterId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "InfraEnv_createdAt_id_idx" ON "InfraEnv"("createdAt", "id");

-- CreateIndex
CREATE INDEX "InfraEnv_cpuArchitecture_createdAt_id_idx" ON "InfraEnv"("cpuArchitecture", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Job_status_createdAt_id_idx" ON "Job"("status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Job_jobType_createdAt_id_idx" ON "Job"("jobType", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Job_arch_createdAt_id_idx" ON "Job"("arch", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Job_createdAt_id_idx" ON "Job"("createdAt", "id");

-- CreateIndex
CREATE INDEX "PublicKey_createdAt_id_idx" ON "PublicKey"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Recipe_createdAt_id_idx" ON "Recipe"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Recipe_arch_createdAt_id_idx" ON "Recipe"("arch", "createdAt", "id");
