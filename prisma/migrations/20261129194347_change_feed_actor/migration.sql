-- AlterTable
ALTER TABLE "cluster_changes" ADD COLUMN "actor" TEXT;
