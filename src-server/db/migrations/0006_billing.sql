CREATE TABLE "billing_periods" (
	"branch_id" text NOT NULL,
	"period" text NOT NULL,
	"status" text NOT NULL,
	"closed_at" text,
	"sync_version" bigint NOT NULL,
	"deleted_at" text,
	CONSTRAINT "billing_periods_branch_id_period_pk" PRIMARY KEY("branch_id","period")
);
--> statement-breakpoint
CREATE TABLE "bills" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"period" text NOT NULL,
	"document_number" text NOT NULL,
	"opening_balance" bigint NOT NULL,
	"charged" bigint NOT NULL,
	"penalties" bigint NOT NULL,
	"paid" bigint NOT NULL,
	"closing_balance" bigint NOT NULL,
	"due_date" text NOT NULL,
	"created_at" text NOT NULL,
	"branch_id" text,
	"sync_version" bigint NOT NULL,
	"deleted_at" text
);
--> statement-breakpoint
CREATE TABLE "billing_runs" (
	"branch_id" text NOT NULL,
	"period" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"accounts_done" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "billing_runs_branch_id_period_pk" PRIMARY KEY("branch_id","period")
);
--> statement-breakpoint
ALTER TABLE "charges" ADD COLUMN "zone" text;--> statement-breakpoint
ALTER TABLE "charges" ADD COLUMN "recalculated_period" text;--> statement-breakpoint
CREATE INDEX "billing_periods_sync_idx" ON "billing_periods" USING btree ("branch_id","sync_version");--> statement-breakpoint
CREATE INDEX "bills_account_idx" ON "bills" USING btree ("account_id","period");--> statement-breakpoint
CREATE INDEX "bills_sync_idx" ON "bills" USING btree ("branch_id","sync_version");--> statement-breakpoint
CREATE INDEX "charges_account_idx" ON "charges" USING btree ("account_id","period");--> statement-breakpoint
CREATE INDEX "meters_account_idx" ON "meters" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "opening_balances_account_idx" ON "opening_balances" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "payment_lines_payment_idx" ON "payment_lines" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "payments_account_idx" ON "payments" USING btree ("account_id","paid_at");--> statement-breakpoint
CREATE INDEX "readings_account_idx" ON "readings" USING btree ("account_id","reading_date");