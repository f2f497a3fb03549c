-- AlterTable
ALTER TABLE "InfraEnv" ADD COLUMN "agentToken" TEXT;
ALTER TABLE "InfraEnv" ADD COLUMN "isoEtag" TEXT;
ALTER TABLE "InfraEnv" ADD COLUMN "signingKey" TEXT;
ALTER TABLE "InfraEnv" ADD COLUMN "signingKeyRotatedAt" DATETIME;

-- AlterTable
ALTER TABLE "Job" ADD COLUMN "progress" INTEGER;

-- CreateTable
CREATE TABLE "BaseImage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "url" TEXT NOT NULL,
    "cpuArchitecture" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'missing',
    "path" TEXT,
    "sizeBytes" BIGINT,
    "sha256" TEXT,
    "detectedArch" TEXT,
    "minimalPath" TEXT,
    "minimalSizeBytes" BIGINT,
    "rootfsPath" TEXT,
    "error" TEXT,
    "jobId" TEXT,
    "fetchedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "BaseImage_url_key" ON "BaseImage"("url");
