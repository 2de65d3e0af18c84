CREATE TABLE `sync_state` (
	`id` integer PRIMARY KEY DEFAULT 1 NOT NULL,
	`server_url` text NOT NULL,
	`workstation_id` text NOT NULL,
	`secret` text NOT NULL,
	`cursor_branch` integer DEFAULT 0 NOT NULL,
	`cursor_global` integer DEFAULT 0 NOT NULL,
	`bootstrapped_at` text,
	`last_sync_at` text,
	`last_attempt_at` text,
	`last_error` text,
	`update_required` text
);
--> statement-breakpoint
ALTER TABLE `outbox` ADD `server_version` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `acknowledged_at` text;