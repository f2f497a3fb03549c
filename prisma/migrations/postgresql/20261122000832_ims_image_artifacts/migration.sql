-- CreateTable
CREATE TABLE "ImageArtifact" (
    "imageId" TEXT NOT NULL,
    "artifactId" TEXT NOT NULL,
    "role" TEXT NOT NULL,

    CONSTRAINT "ImageArtifact_pkey" PRIMARY KEY ("imageId","artifactId")
);

-- CreateIndex
CREATE INDEX "ImageArtifact_artifactId_idx" ON "ImageArtifact"("artifactId");

-- AddForeignKey
ALTER TABLE "ImageArtifact" ADD CONSTRAINT "ImageArtifact_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "Image"("id") ON DELETE CASCADE ON UPDATE CASCADE;
