ALTER TABLE `reading_deletions` RENAME COLUMN "deleted_at" TO "withdrawn_at";--> statement-breakpoint
CREATE TABLE `set_aside_rows` (
	`id` text PRIMARY KEY NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`row` text NOT NULL,
	`dependents` text,
	`constraint_name` text NOT NULL,
	`server_row_id` text,
	`command_id` text,
	`set_aside_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `set_aside_rows_row_idx` ON `set_aside_rows` (`table_name`,`row_id`);--> statement-breakpoint
ALTER TABLE `sync_state` ADD `verified_at` text;