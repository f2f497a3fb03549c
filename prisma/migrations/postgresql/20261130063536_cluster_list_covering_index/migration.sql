-- DropIndex
DROP INDEX "Cluster_createdAt_idx";

-- CreateIndex
CREATE INDEX "Cluster_createdAt_id_updatedAt_idx" ON "Cluster"("createdAt", "id", "updatedAt");
