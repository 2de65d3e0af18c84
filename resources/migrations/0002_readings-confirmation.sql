CREATE TABLE `reading_deletions` (
	`id` text PRIMARY KEY NOT NULL,
	`reading_id` text NOT NULL,
	`reason` text NOT NULL,
	`operator_id` text,
	`deleted_at` text NOT NULL,
	FOREIGN KEY (`reading_id`) REFERENCES `readings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reading_deletions_readingId_unique` ON `reading_deletions` (`reading_id`);--> statement-breakpoint
ALTER TABLE `readings` ADD `confirm_reason` text;--> statement-breakpoint
ALTER TABLE `readings` ADD `accepted_by` text REFERENCES operators(id);--> statement-breakpoint
ALTER TABLE `readings` ADD `flags` text;