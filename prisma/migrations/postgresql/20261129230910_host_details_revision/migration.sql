-- AlterTable
ALTER TABLE "Host" ADD COLUMN     "detailsRevision" INTEGER NOT NULL DEFAULT 0;
