CREATE TABLE `appeal_attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`appeal_id` text NOT NULL,
	`sha256` text NOT NULL,
	`name` text NOT NULL,
	`size` integer NOT NULL,
	`kind` text NOT NULL,
	FOREIGN KEY (`appeal_id`) REFERENCES `appeals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `appeal_attachments_appeal_idx` ON `appeal_attachments` (`appeal_id`);--> statement-breakpoint
CREATE TABLE `appeals` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`number` text NOT NULL,
	`topic` text NOT NULL,
	`text` text NOT NULL,
	`reply_channel` text NOT NULL,
	`reply_address` text NOT NULL,
	`status` text NOT NULL,
	`registered_at` text NOT NULL,
	`registered_on` text NOT NULL,
	`due_on` text NOT NULL,
	`answer_text` text,
	`answered_on` text,
	`answer_channel` text,
	`operator_id` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `appeals_account_idx` ON `appeals` (`account_id`);--> statement-breakpoint
CREATE TABLE `local_attachments` (
	`sha256` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`size` integer NOT NULL,
	`stored_at` text NOT NULL,
	`uploaded_at` text
);
--> statement-breakpoint
CREATE TABLE `price_list` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`valid_from` text NOT NULL,
	`price` integer NOT NULL,
	`supplier_id` text NOT NULL,
	FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `service_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`number` text NOT NULL,
	`kind` text NOT NULL,
	`meter_id` text,
	`contact_phone` text NOT NULL,
	`preferred_dates` text,
	`note` text,
	`price` integer NOT NULL,
	`supplier_id` text,
	`status` text NOT NULL,
	`registered_at` text NOT NULL,
	`called_back_at` text,
	`scheduled_on` text,
	`time_window` text,
	`outcome` text,
	`seal_numbers` text,
	`cancel_reason` text,
	`done_on` text,
	`charged_period` text,
	`operator_id` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meter_id`) REFERENCES `meters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `service_requests_account_idx` ON `service_requests` (`account_id`);