-- AlterTable
ALTER TABLE "InfraEnv" ADD COLUMN     "agentToken" TEXT,
ADD COLUMN     "isoEtag" TEXT,
ADD COLUMN     "signingKey" TEXT,
ADD COLUMN     "signingKeyRotatedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "progress" INTEGER;

-- CreateTable
CREATE TABLE "BaseImage" (
    "id" SERIAL NOT NULL,
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
    "fetchedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BaseImage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BaseImage_url_key" ON "BaseImage"("url");
