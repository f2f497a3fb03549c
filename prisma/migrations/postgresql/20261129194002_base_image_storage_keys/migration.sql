-- AlterTable
ALTER TABLE "BaseImage" ADD COLUMN     "minimalSha256" TEXT,
ADD COLUMN     "minimalStorageKey" TEXT,
ADD COLUMN     "rootfsSha256" TEXT,
ADD COLUMN     "rootfsSizeBytes" BIGINT,
ADD COLUMN     "rootfsStorageKey" TEXT,
ADD COLUMN     "storageKey" TEXT;
