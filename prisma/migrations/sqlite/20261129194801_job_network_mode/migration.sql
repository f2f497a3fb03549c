-- AlterTable
ALTER TABLE "Job" ADD COLUMN "networkMode" TEXT;
