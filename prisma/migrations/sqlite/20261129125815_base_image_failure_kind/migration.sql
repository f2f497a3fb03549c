-- AlterTable
ALTER TABLE "BaseImage" ADD COLUMN "failureKind" TEXT;
ALTER TABLE "BaseImage" ADD COLUMN "sourceFingerprint" TEXT;
