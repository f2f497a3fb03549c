-- DropIndex
DROP INDEX "InfraEnv_clusterId_idx";

-- DropIndex
DROP INDEX "Job_status_idx";

-- CreateIndex
CREATE INDEX "Cluster_cpuArchitecture_createdAt_idx" ON "Cluster"("cpuArchitecture", "createdAt");

-- CreateIndex
CREATE INDEX "Cluster_name_idx" ON "Cluster"("name");

-- CreateIndex
CREATE INDEX "Image_createdAt_idx" ON "Image"("createdAt");

-- CreateIndex
CREATE INDEX "Image_arch_createdAt_idx" ON "Image"("arch", "createdAt");

-- CreateIndex
CREATE INDEX "InfraEnv_clusterId_createdAt_idx" ON "InfraEnv"("clusterId", "createdAt");

-- CreateIndex
CREATE INDEX "InfraEnv_cpuArchitecture_createdAt_idx" ON "InfraEnv"("cpuArchitecture", "createdAt");

-- CreateIndex
CREATE INDEX "InfraEnv_name_idx" ON "InfraEnv"("name");

-- CreateIndex
CREATE INDEX "Job_status_createdAt_idx" ON "Job"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Job_jobType_createdAt_idx" ON "Job"("jobType", "createdAt");

-- CreateIndex
CREATE INDEX "Job_arch_createdAt_idx" ON "Job"("arch", "createdAt");

-- CreateIndex
CREATE INDEX "PublicKey_createdAt_idx" ON "PublicKey"("createdAt");

-- CreateIndex
CREATE INDEX "PublicKey_name_idx" ON "PublicKey"("name");

-- CreateIndex
CREATE INDEX "Recipe_createdAt_idx" ON "Recipe"("createdAt");

-- CreateIndex
CREATE INDEX "Recipe_arch_createdAt_idx" ON "Recipe"("arch", "createdAt");
