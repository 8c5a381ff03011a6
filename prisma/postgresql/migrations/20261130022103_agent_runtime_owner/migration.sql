-- AlterTable
ALTER TABLE "agents" ADD COLUMN     "runtime_owner" TEXT;

-- CreateTable
CREATE TABLE "console_instances" (
    "id" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL,
    "seen_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "console_instances_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "console_instances_seen_at_idx" ON "console_instances"("seen_at");

-- CreateIndex
CREATE INDEX "agents_runtime_owner_status_idx" ON "agents"("runtime_owner", "status");
