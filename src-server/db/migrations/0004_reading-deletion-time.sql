ALTER TABLE "reading_deletions" ADD COLUMN "withdrawn_at" text;--> statement-breakpoint
UPDATE "reading_deletions" SET "withdrawn_at" = "deleted_at", "deleted_at" = NULL;--> statement-breakpoint
ALTER TABLE "reading_deletions" ALTER COLUMN "withdrawn_at" SET NOT NULL;
