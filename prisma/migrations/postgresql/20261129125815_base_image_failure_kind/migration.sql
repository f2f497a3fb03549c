-- AlterTable
ALTER TABLE "BaseImage" ADD COLUMN     "failureKind" TEXT,
ADD COLUMN     "sourceFingerprint" TEXT;
