CREATE TABLE "registration_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"workstation_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"claimed_at" timestamp with time zone
);
