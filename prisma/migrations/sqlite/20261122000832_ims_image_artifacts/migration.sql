-- CreateTable
CREATE TABLE "ImageArtifact" (
    "imageId" TEXT NOT NULL,
    "artifactId" TEXT NOT NULL,
    "role" TEXT NOT NULL,

    PRIMARY KEY ("imageId", "artifactId"),
    CONSTRAINT "ImageArtifact_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "Image" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ImageArtifact_artifactId_idx" ON "ImageArtifact"("artifactId");
