CREATE TABLE `billing_periods` (
	`branch_id` text NOT NULL,
	`period` text NOT NULL,
	`status` text NOT NULL,
	`closed_at` text,
	PRIMARY KEY(`branch_id`, `period`),
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `bills` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`period` text NOT NULL,
	`document_number` text NOT NULL,
	`opening_balance` integer NOT NULL,
	`charged` integer NOT NULL,
	`penalties` integer NOT NULL,
	`paid` integer NOT NULL,
	`closing_balance` integer NOT NULL,
	`due_date` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `bills_account_idx` ON `bills` (`account_id`,`period`);--> statement-breakpoint
ALTER TABLE `charges` ADD `zone` text;--> statement-breakpoint
ALTER TABLE `charges` ADD `recalculated_period` text;