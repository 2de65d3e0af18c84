CREATE TABLE `shifts` (
	`id` text PRIMARY KEY NOT NULL,
	`workstation_id` text,
	`office_id` text,
	`opened_by` text,
	`opened_at` text NOT NULL,
	`opening_cash` integer NOT NULL,
	`closed_by` text,
	`closed_at` text,
	`counted_cash` integer,
	`report` text,
	FOREIGN KEY (`workstation_id`) REFERENCES `workstations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opened_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `shifts_workstation_idx` ON `shifts` (`workstation_id`,`opened_at`);--> statement-breakpoint
ALTER TABLE `payment_cancellations` ADD `cashier_id` text REFERENCES operators(id);--> statement-breakpoint
ALTER TABLE `payment_cancellations` ADD `shift_id` text REFERENCES shifts(id);--> statement-breakpoint
ALTER TABLE `payment_cancellations` ADD `receipt_number` text;--> statement-breakpoint
CREATE UNIQUE INDEX `payment_cancellations_receiptNumber_unique` ON `payment_cancellations` (`receipt_number`);--> statement-breakpoint
ALTER TABLE `payments` ADD `shift_id` text REFERENCES shifts(id);--> statement-breakpoint
ALTER TABLE `payments` ADD `payer` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `cash_given` integer;--> statement-breakpoint
ALTER TABLE `payments` ADD `card_reference` text;--> statement-breakpoint
CREATE INDEX `payments_shift_idx` ON `payments` (`shift_id`);