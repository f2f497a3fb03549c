-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Cluster" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "openshiftVersion" TEXT NOT NULL,
    "ocpReleaseImage" TEXT,
    "cpuArchitecture" TEXT NOT NULL DEFAULT 'x86_64',
    "controlPlaneCount" INTEGER NOT NULL DEFAULT 3,
    "baseDnsDomain" TEXT,
    "sshPublicKey" TEXT,
    "pullSecret" TEXT,
    "olmOperators" JSONB NOT NULL,
    "httpProxy" TEXT,
    "httpsProxy" TEXT,
    "noProxy" TEXT,
    "status" TEXT NOT NULL DEFAULT 'insufficient',
    "statusInfo" TEXT NOT NULL DEFAULT 'Cluster is not ready for install',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Cluster_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InfraEnv" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "clusterId" TEXT,
    "openshiftVersion" TEXT,
    "cpuArchitecture" TEXT NOT NULL DEFAULT 'x86_64',
    "imageType" TEXT NOT NULL DEFAULT 'full-iso',
    "sshAuthorizedKey" TEXT,
    "pullSecret" TEXT,
    "httpProxy" TEXT,
    "httpsProxy" TEXT,
    "noProxy" TEXT,
    "additionalNtpSources" TEXT,
    "kernelArguments" JSONB NOT NULL,
    "ignitionConfigOverride" TEXT,
    "staticNetworkConfig" JSONB NOT NULL,
    "isoOsImageVersion" TEXT,
    "isoSizeBytes" BIGINT,
    "isoSha256" TEXT,
    "isoGeneratedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InfraEnv_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Host" (
    "id" TEXT NOT NULL,
    "infraEnvId" TEXT NOT NULL,
    "clusterId" TEXT,
    "requestedHostname" TEXT,
    "role" TEXT NOT NULL DEFAULT 'auto-assign',
    "status" TEXT NOT NULL DEFAULT 'discovering',
    "statusInfo" TEXT NOT NULL DEFAULT '',
    "cpuArchitecture" TEXT,
    "inventory" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Host_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OsImage" (
    "id" SERIAL NOT NULL,
    "openshiftVersion" TEXT NOT NULL,
    "cpuArchitecture" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "rootfsUrl" TEXT,
    "version" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'config',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OsImage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReleaseImage" (
    "id" SERIAL NOT NULL,
    "openshiftVersion" TEXT NOT NULL,
    "cpuArchitecture" TEXT NOT NULL,
    "cpuArchitectures" JSONB NOT NULL,
    "url" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "supportLevel" TEXT,
    "source" TEXT NOT NULL DEFAULT 'config',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReleaseImage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublicKey" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "publicKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PublicKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recipe" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "recipeType" TEXT NOT NULL,
    "linuxDistribution" TEXT NOT NULL,
    "arch" TEXT NOT NULL DEFAULT 'x86_64',
    "requireDkms" BOOLEAN NOT NULL DEFAULT false,
    "templateDictionary" JSONB NOT NULL,
    "linkPath" TEXT,
    "linkEtag" TEXT,
    "linkType" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Recipe_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Image" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "arch" TEXT NOT NULL DEFAULT 'x86_64',
    "linkPath" TEXT,
    "linkEtag" TEXT,
    "linkType" TEXT,
    "labels" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Image_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Artifact" (
    "id" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" BIGINT NOT NULL,
    "sha256" TEXT NOT NULL,
    "md5" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Artifact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL,
    "jobType" TEXT NOT NULL,
    "artifactId" TEXT NOT NULL,
    "arch" TEXT NOT NULL,
    "emulated" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'creating',
    "publicKeyId" TEXT,
    "imageRootArchiveName" TEXT,
    "kernelFileName" TEXT,
    "initrdFileName" TEXT,
    "enableDebug" BOOLEAN NOT NULL DEFAULT false,
    "buildEnvSize" INTEGER,
    "customizationScript" TEXT,
    "resultantImageId" TEXT,
    "failureReason" TEXT,
    "stepTimes" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobLogLine" (
    "id" SERIAL NOT NULL,
    "jobId" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "time" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stream" TEXT NOT NULL DEFAULT 'stdout',
    "line" TEXT NOT NULL,

    CONSTRAINT "JobLogLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" SERIAL NOT NULL,
    "clusterId" TEXT,
    "infraEnvId" TEXT,
    "hostId" TEXT,
    "severity" TEXT NOT NULL DEFAULT 'info',
    "category" TEXT NOT NULL DEFAULT 'user',
    "name" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "requestId" TEXT,
    "props" JSONB,
    "eventTime" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Cluster_createdAt_idx" ON "Cluster"("createdAt");

-- CreateIndex
CREATE INDEX "InfraEnv_clusterId_idx" ON "InfraEnv"("clusterId");

-- CreateIndex
CREATE INDEX "InfraEnv_createdAt_idx" ON "InfraEnv"("createdAt");

-- CreateIndex
CREATE INDEX "Host_infraEnvId_idx" ON "Host"("infraEnvId");

-- CreateIndex
CREATE INDEX "Host_clusterId_idx" ON "Host"("clusterId");

-- CreateIndex
CREATE UNIQUE INDEX "OsImage_openshiftVersion_cpuArchitecture_version_key" ON "OsImage"("openshiftVersion", "cpuArchitecture", "version");

-- CreateIndex
CREATE UNIQUE INDEX "ReleaseImage_openshiftVersion_cpuArchitecture_version_key" ON "ReleaseImage"("openshiftVersion", "cpuArchitecture", "version");

-- CreateIndex
CREATE INDEX "Recipe_name_idx" ON "Recipe"("name");

-- CreateIndex
CREATE INDEX "Image_name_idx" ON "Image"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Artifact_storageKey_key" ON "Artifact"("storageKey");

-- CreateIndex
CREATE INDEX "Job_status_idx" ON "Job"("status");

-- CreateIndex
CREATE INDEX "Job_createdAt_idx" ON "Job"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "JobLogLine_jobId_seq_key" ON "JobLogLine"("jobId", "seq");

-- CreateIndex
CREATE INDEX "Event_clusterId_eventTime_idx" ON "Event"("clusterId", "eventTime");

-- CreateIndex
CREATE INDEX "Event_infraEnvId_eventTime_idx" ON "Event"("infraEnvId", "eventTime");

-- CreateIndex
CREATE INDEX "Event_eventTime_idx" ON "Event"("eventTime");

-- AddForeignKey
ALTER TABLE "InfraEnv" ADD CONSTRAINT "InfraEnv_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Host" ADD CONSTRAINT "Host_infraEnvId_fkey" FOREIGN KEY ("infraEnvId") REFERENCES "InfraEnv"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Host" ADD CONSTRAINT "Host_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobLogLine" ADD CONSTRAINT "JobLogLine_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;
