CREATE TABLE "appeal_attachments" (
	"id" text PRIMARY KEY NOT NULL,
	"appeal_id" text NOT NULL,
	"sha256" text NOT NULL,
	"name" text NOT NULL,
	"size" bigint NOT NULL,
	"kind" text NOT NULL,
	"branch_id" text,
	"sync_version" bigint NOT NULL,
	"deleted_at" text
);
--> statement-breakpoint
CREATE TABLE "appeals" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"number" text NOT NULL,
	"topic" text NOT NULL,
	"text" text NOT NULL,
	"reply_channel" text NOT NULL,
	"reply_address" text NOT NULL,
	"status" text NOT NULL,
	"registered_at" text NOT NULL,
	"registered_on" text NOT NULL,
	"due_on" text NOT NULL,
	"answer_text" text,
	"answered_on" text,
	"answer_channel" text,
	"operator_id" text,
	"updated_at" text NOT NULL,
	"branch_id" text,
	"sync_version" bigint NOT NULL,
	"deleted_at" text
);
--> statement-breakpoint
CREATE TABLE "price_list" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"valid_from" text NOT NULL,
	"price" bigint NOT NULL,
	"supplier_id" text NOT NULL,
	"branch_id" text,
	"sync_version" bigint NOT NULL,
	"deleted_at" text
);
--> statement-breakpoint
CREATE TABLE "service_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"number" text NOT NULL,
	"kind" text NOT NULL,
	"meter_id" text,
	"contact_phone" text NOT NULL,
	"preferred_dates" text,
	"note" text,
	"price" bigint NOT NULL,
	"supplier_id" text,
	"status" text NOT NULL,
	"registered_at" text NOT NULL,
	"called_back_at" text,
	"scheduled_on" text,
	"time_window" text,
	"outcome" text,
	"seal_numbers" text,
	"cancel_reason" text,
	"done_on" text,
	"charged_period" text,
	"operator_id" text,
	"updated_at" text NOT NULL,
	"branch_id" text,
	"sync_version" bigint NOT NULL,
	"deleted_at" text
);
--> statement-breakpoint
CREATE TABLE "attachment_files" (
	"branch_id" text NOT NULL,
	"sha256" text NOT NULL,
	"kind" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachment_files_branch_id_sha256_pk" PRIMARY KEY("branch_id","sha256")
);
--> statement-breakpoint
CREATE INDEX "appeal_attachments_sync_idx" ON "appeal_attachments" USING btree ("branch_id","sync_version");--> statement-breakpoint
CREATE INDEX "appeals_sync_idx" ON "appeals" USING btree ("branch_id","sync_version");--> statement-breakpoint
CREATE INDEX "price_list_sync_idx" ON "price_list" USING btree ("branch_id","sync_version");--> statement-breakpoint
CREATE INDEX "service_requests_account_idx" ON "service_requests" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "service_requests_sync_idx" ON "service_requests" USING btree ("branch_id","sync_version");