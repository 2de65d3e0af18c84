CREATE TABLE "account_persons" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"relation" text NOT NULL,
	"since" text,
	"branch_id" text,
	"sync_version" bigint NOT NULL,
	"deleted_at" text
);
--> statement-breakpoint
CREATE TABLE "account_services" (
	"account_id" text NOT NULL,
	"service" text NOT NULL,
	"supplier_id" text NOT NULL,
	"branch_id" text,
	"sync_version" bigint NOT NULL,
	"deleted_at" text,
	CONSTRAINT "account_services_account_id_service_pk" PRIMARY KEY("account_id","service")
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"els" text,
	"branch_id" text NOT NULL,
	"office_id" text,
	"holder_id" text NOT NULL,
	"holder_relation" text NOT NULL,
	"region" text NOT NULL,
	"settlement" text NOT NULL,
	"street" text NOT NULL,
	"house" text NOT NULL,
	"building" text,
	"flat" text,
	"total_area" text,
	"living_area" text,
	"rooms" bigint,
	"residents" bigint DEFAULT 0 NOT NULL,
	"tariff_group" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" text,
	"close_reason" text,
	"notes" text,
	"version" bigint DEFAULT 1 NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	"sync_version" bigint NOT NULL,
	"deleted_at" text
);
--> statement-breakpoint
CREATE TABLE "branches" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"branch_id" text,
	"sync_version" bigint NOT NULL,
	"deleted_at" text,
	CONSTRAINT "branches_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "charges" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"supplier_id" text NOT NULL,
	"service" text NOT NULL,
	"period" text NOT NULL,
	"kind" text NOT NULL,
	"volume" text,
	"basis" text,
	"rate_millikopecks" bigint,
	"amount" bigint NOT NULL,
	"created_at" text NOT NULL,
	"branch_id" text,
	"sync_version" bigint NOT NULL,
	"deleted_at" text
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"kind" text NOT NULL,
	"given" integer NOT NULL,
	"date" text NOT NULL,
	"operator_id" text,
	"created_at" text NOT NULL,
	"branch_id" text,
	"sync_version" bigint NOT NULL,
	"deleted_at" text
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" text PRIMARY KEY NOT NULL,
	"last_name" text NOT NULL,
	"first_name" text NOT NULL,
	"middle_name" text,
	"phone" text,
	"email" text,
	"version" bigint DEFAULT 1 NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	"branch_id" text,
	"sync_version" bigint NOT NULL,
	"deleted_at" text
);
--> statement-breakpoint
CREATE TABLE "meters" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"service" text NOT NULL,
	"model" text NOT NULL,
	"serial_number" text NOT NULL,
	"zones" bigint NOT NULL,
	"int_digits" bigint NOT NULL,
	"frac_digits" bigint NOT NULL,
	"transformation_ratio" bigint DEFAULT 1 NOT NULL,
	"accuracy_class" text,
	"phases" bigint,
	"location" text,
	"installed_at" text NOT NULL,
	"verified_at" text,
	"verification_interval_years" bigint,
	"next_verification_at" text,
	"seals" text DEFAULT '[]' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"removed_at" text,
	"branch_id" text,
	"sync_version" bigint NOT NULL,
	"deleted_at" text
);
--> statement-breakpoint
CREATE TABLE "offices" (
	"id" text PRIMARY KEY NOT NULL,
	"branch_id" text NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"phone" text,
	"sync_version" bigint NOT NULL,
	"deleted_at" text
);
--> statement-breakpoint
CREATE TABLE "opening_balances" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"supplier_id" text NOT NULL,
	"service" text NOT NULL,
	"date" text NOT NULL,
	"amount" bigint NOT NULL,
	"branch_id" text,
	"sync_version" bigint NOT NULL,
	"deleted_at" text
);
--> statement-breakpoint
CREATE TABLE "operators" (
	"id" text PRIMARY KEY NOT NULL,
	"login" text NOT NULL,
	"full_name" text NOT NULL,
	"role" text NOT NULL,
	"office_id" text,
	"password_hash" text NOT NULL,
	"active" integer DEFAULT 1 NOT NULL,
	"created_at" text NOT NULL,
	"branch_id" text,
	"sync_version" bigint NOT NULL,
	"deleted_at" text,
	CONSTRAINT "operators_login_unique" UNIQUE("login")
);
--> statement-breakpoint
CREATE TABLE "payment_cancellations" (
	"id" text PRIMARY KEY NOT NULL,
	"payment_id" text NOT NULL,
	"reason" text NOT NULL,
	"operator_id" text,
	"cashier_id" text,
	"cancelled_at" text NOT NULL,
	"shift_id" text,
	"receipt_number" text,
	"branch_id" text,
	"sync_version" bigint NOT NULL,
	"deleted_at" text,
	CONSTRAINT "payment_cancellations_paymentId_unique" UNIQUE("payment_id"),
	CONSTRAINT "payment_cancellations_receiptNumber_unique" UNIQUE("receipt_number")
);
--> statement-breakpoint
CREATE TABLE "payment_lines" (
	"id" text PRIMARY KEY NOT NULL,
	"payment_id" text NOT NULL,
	"supplier_id" text NOT NULL,
	"service" text NOT NULL,
	"amount" bigint NOT NULL,
	"branch_id" text,
	"sync_version" bigint NOT NULL,
	"deleted_at" text
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"paid_at" text NOT NULL,
	"amount" bigint NOT NULL,
	"method" text NOT NULL,
	"channel" text NOT NULL,
	"receipt_number" text,
	"office_id" text,
	"operator_id" text,
	"workstation_id" text,
	"external_ref" text,
	"shift_id" text,
	"payer" text,
	"cash_given" bigint,
	"card_reference" text,
	"created_at" text NOT NULL,
	"branch_id" text,
	"sync_version" bigint NOT NULL,
	"deleted_at" text
);
--> statement-breakpoint
CREATE TABLE "reading_deletions" (
	"id" text PRIMARY KEY NOT NULL,
	"reading_id" text NOT NULL,
	"reason" text NOT NULL,
	"operator_id" text,
	"deleted_at" text,
	"branch_id" text,
	"sync_version" bigint NOT NULL,
	CONSTRAINT "reading_deletions_readingId_unique" UNIQUE("reading_id")
);
--> statement-breakpoint
CREATE TABLE "readings" (
	"id" text PRIMARY KEY NOT NULL,
	"meter_id" text NOT NULL,
	"account_id" text NOT NULL,
	"zone" text NOT NULL,
	"raw_value" text NOT NULL,
	"value" bigint NOT NULL,
	"consumption" bigint,
	"reading_date" text NOT NULL,
	"entered_at" text NOT NULL,
	"period" text NOT NULL,
	"source" text NOT NULL,
	"status" text NOT NULL,
	"reject_reason" text,
	"confirm_reason" text,
	"accepted_by" text,
	"flags" text,
	"operator_id" text,
	"workstation_id" text,
	"branch_id" text,
	"sync_version" bigint NOT NULL,
	"deleted_at" text
);
--> statement-breakpoint
CREATE TABLE "services" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"branch_id" text,
	"sync_version" bigint NOT NULL,
	"deleted_at" text
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text NOT NULL,
	"valid_from" text NOT NULL,
	"value" text NOT NULL,
	"branch_id" text,
	"sync_version" bigint NOT NULL,
	"deleted_at" text,
	CONSTRAINT "settings_key_valid_from_pk" PRIMARY KEY("key","valid_from")
);
--> statement-breakpoint
CREATE TABLE "shifts" (
	"id" text PRIMARY KEY NOT NULL,
	"workstation_id" text,
	"office_id" text,
	"opened_by" text,
	"opened_at" text NOT NULL,
	"opening_cash" bigint NOT NULL,
	"closed_by" text,
	"closed_at" text,
	"counted_cash" bigint,
	"report" text,
	"branch_id" text,
	"sync_version" bigint NOT NULL,
	"deleted_at" text
);
--> statement-breakpoint
CREATE TABLE "suppliers" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"inn" text NOT NULL,
	"kpp" text,
	"ogrn" text,
	"address" text,
	"phone" text,
	"email" text,
	"bank_account" text NOT NULL,
	"bank_name" text NOT NULL,
	"bic" text NOT NULL,
	"correspondent_account" text NOT NULL,
	"branch_id" text,
	"sync_version" bigint NOT NULL,
	"deleted_at" text
);
--> statement-breakpoint
CREATE TABLE "tariffs" (
	"id" text PRIMARY KEY NOT NULL,
	"supplier_id" text NOT NULL,
	"service" text NOT NULL,
	"tariff_group" text NOT NULL,
	"zone" text NOT NULL,
	"valid_from" text NOT NULL,
	"valid_to" text,
	"rate_millikopecks" bigint NOT NULL,
	"branch_id" text,
	"sync_version" bigint NOT NULL,
	"deleted_at" text
);
--> statement-breakpoint
CREATE TABLE "workstations" (
	"id" text PRIMARY KEY NOT NULL,
	"office_id" text NOT NULL,
	"name" text NOT NULL,
	"receipt_prefix" text NOT NULL,
	"branch_id" text,
	"sync_version" bigint NOT NULL,
	"deleted_at" text,
	"secret_hash" text,
	CONSTRAINT "workstations_receiptPrefix_unique" UNIQUE("receipt_prefix")
);
--> statement-breakpoint
CREATE TABLE "applied_commands" (
	"command_id" text PRIMARY KEY NOT NULL,
	"device_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"workstation_id" text NOT NULL,
	"branch_id" text NOT NULL,
	"name" text NOT NULL,
	"args_version" integer NOT NULL,
	"args" jsonb NOT NULL,
	"operator_id" text,
	"at" text NOT NULL,
	"status" text NOT NULL,
	"result" jsonb,
	"reason" text,
	"version" bigint,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "branch_versions" (
	"branch_key" text PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "devices" (
	"device_id" text PRIMARY KEY NOT NULL,
	"workstation_id" text NOT NULL,
	"last_seq" bigint DEFAULT 0 NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "account_persons_sync_idx" ON "account_persons" USING btree ("branch_id","sync_version");--> statement-breakpoint
CREATE INDEX "account_services_sync_idx" ON "account_services" USING btree ("branch_id","sync_version");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_number_unique" ON "accounts" USING btree ("number");--> statement-breakpoint
CREATE INDEX "accounts_sync_idx" ON "accounts" USING btree ("branch_id","sync_version");--> statement-breakpoint
CREATE INDEX "branches_sync_idx" ON "branches" USING btree ("branch_id","sync_version");--> statement-breakpoint
CREATE INDEX "charges_sync_idx" ON "charges" USING btree ("branch_id","sync_version");--> statement-breakpoint
CREATE INDEX "consents_sync_idx" ON "consents" USING btree ("branch_id","sync_version");--> statement-breakpoint
CREATE INDEX "customers_sync_idx" ON "customers" USING btree ("branch_id","sync_version");--> statement-breakpoint
CREATE INDEX "meters_sync_idx" ON "meters" USING btree ("branch_id","sync_version");--> statement-breakpoint
CREATE INDEX "offices_sync_idx" ON "offices" USING btree ("branch_id","sync_version");--> statement-breakpoint
CREATE INDEX "opening_balances_sync_idx" ON "opening_balances" USING btree ("branch_id","sync_version");--> statement-breakpoint
CREATE INDEX "operators_sync_idx" ON "operators" USING btree ("branch_id","sync_version");--> statement-breakpoint
CREATE INDEX "payment_cancellations_sync_idx" ON "payment_cancellations" USING btree ("branch_id","sync_version");--> statement-breakpoint
CREATE INDEX "payment_lines_sync_idx" ON "payment_lines" USING btree ("branch_id","sync_version");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_receipt_unique" ON "payments" USING btree ("receipt_number");--> statement-breakpoint
CREATE INDEX "payments_sync_idx" ON "payments" USING btree ("branch_id","sync_version");--> statement-breakpoint
CREATE INDEX "reading_deletions_sync_idx" ON "reading_deletions" USING btree ("branch_id","sync_version");--> statement-breakpoint
CREATE INDEX "readings_sync_idx" ON "readings" USING btree ("branch_id","sync_version");--> statement-breakpoint
CREATE INDEX "services_sync_idx" ON "services" USING btree ("branch_id","sync_version");--> statement-breakpoint
CREATE INDEX "settings_sync_idx" ON "settings" USING btree ("branch_id","sync_version");--> statement-breakpoint
CREATE INDEX "shifts_sync_idx" ON "shifts" USING btree ("branch_id","sync_version");--> statement-breakpoint
CREATE INDEX "suppliers_sync_idx" ON "suppliers" USING btree ("branch_id","sync_version");--> statement-breakpoint
CREATE INDEX "tariffs_sync_idx" ON "tariffs" USING btree ("branch_id","sync_version");--> statement-breakpoint
CREATE INDEX "workstations_sync_idx" ON "workstations" USING btree ("branch_id","sync_version");--> statement-breakpoint
CREATE INDEX "applied_commands_device_idx" ON "applied_commands" USING btree ("device_id","seq");