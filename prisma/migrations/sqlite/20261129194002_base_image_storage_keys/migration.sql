-- AlterTable
ALTER TABLE "BaseImage" ADD COLUMN "minimalSha256" TEXT;
ALTER TABLE "BaseImage" ADD COLUMN "minimalStorageKey" TEXT;
ALTER TABLE "BaseImage" ADD COLUMN "rootfsSha256" TEXT;
ALTER TABLE "BaseImage" ADD COLUMN "rootfsSizeBytes" BIGINT;
ALTER TABLE "BaseImage" ADD COLUMN "rootfsStorageKey" TEXT;
ALTER TABLE "BaseImage" ADD COLUMN "storageKey" TEXT;
