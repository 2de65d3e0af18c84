CREATE TABLE `branches` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `branches_code_unique` ON `branches` (`code`);--> statement-breakpoint
CREATE TABLE `device_state` (
	`id` integer PRIMARY KEY DEFAULT 1 NOT NULL,
	`device_id` text NOT NULL,
	`workstation_id` text,
	`receipt_prefix` text NOT NULL,
	`last_sequence` integer DEFAULT 0 NOT NULL,
	`last_receipt_number` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`workstation_id`) REFERENCES `workstations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `offices` (
	`id` text PRIMARY KEY NOT NULL,
	`branch_id` text NOT NULL,
	`name` text NOT NULL,
	`address` text NOT NULL,
	`phone` text,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `services` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`unit` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text NOT NULL,
	`valid_from` text NOT NULL,
	`value` text NOT NULL,
	PRIMARY KEY(`key`, `valid_from`)
);
--> statement-breakpoint
CREATE TABLE `suppliers` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`short_name` text NOT NULL,
	`inn` text NOT NULL,
	`kpp` text,
	`ogrn` text,
	`address` text,
	`phone` text,
	`email` text,
	`bank_account` text NOT NULL,
	`bank_name` text NOT NULL,
	`bic` text NOT NULL,
	`correspondent_account` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tariffs` (
	`id` text PRIMARY KEY NOT NULL,
	`supplier_id` text NOT NULL,
	`service` text NOT NULL,
	`tariff_group` text NOT NULL,
	`zone` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`rate_millikopecks` integer NOT NULL,
	FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service`) REFERENCES `services`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `workstations` (
	`id` text PRIMARY KEY NOT NULL,
	`office_id` text NOT NULL,
	`name` text NOT NULL,
	`receipt_prefix` text NOT NULL,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workstations_receiptPrefix_unique` ON `workstations` (`receipt_prefix`);--> statement-breakpoint
CREATE TABLE `operators` (
	`id` text PRIMARY KEY NOT NULL,
	`login` text NOT NULL,
	`full_name` text NOT NULL,
	`role` text NOT NULL,
	`office_id` text,
	`password_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `operators_login_unique` ON `operators` (`login`);--> statement-breakpoint
CREATE TABLE `account_persons` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`relation` text NOT NULL,
	`since` text,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `account_persons_account_idx` ON `account_persons` (`account_id`);--> statement-breakpoint
CREATE TABLE `account_services` (
	`account_id` text NOT NULL,
	`service` text NOT NULL,
	`supplier_id` text NOT NULL,
	PRIMARY KEY(`account_id`, `service`),
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service`) REFERENCES `services`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`els` text,
	`branch_id` text NOT NULL,
	`office_id` text,
	`holder_id` text NOT NULL,
	`holder_relation` text NOT NULL,
	`region` text NOT NULL,
	`settlement` text NOT NULL,
	`street` text NOT NULL,
	`house` text NOT NULL,
	`building` text,
	`flat` text,
	`total_area` text,
	`living_area` text,
	`rooms` integer,
	`residents` integer DEFAULT 0 NOT NULL,
	`tariff_group` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`closed_at` text,
	`close_reason` text,
	`notes` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`search_key` integer NOT NULL,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`holder_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_number_unique` ON `accounts` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_search_key_unique` ON `accounts` (`search_key`);--> statement-breakpoint
CREATE INDEX `accounts_holder_idx` ON `accounts` (`holder_id`);--> statement-breakpoint
CREATE TABLE `consents` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`kind` text NOT NULL,
	`given` integer NOT NULL,
	`date` text NOT NULL,
	`operator_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consents_account_idx` ON `consents` (`account_id`,`kind`,`date`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` text PRIMARY KEY NOT NULL,
	`last_name` text NOT NULL,
	`first_name` text NOT NULL,
	`middle_name` text,
	`phone` text,
	`email` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `meters` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`service` text NOT NULL,
	`model` text NOT NULL,
	`serial_number` text NOT NULL,
	`zones` integer NOT NULL,
	`int_digits` integer NOT NULL,
	`frac_digits` integer NOT NULL,
	`transformation_ratio` integer DEFAULT 1 NOT NULL,
	`accuracy_class` text,
	`phases` integer,
	`location` text,
	`installed_at` text NOT NULL,
	`verified_at` text,
	`verification_interval_years` integer,
	`next_verification_at` text,
	`seals` text DEFAULT '[]' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`removed_at` text,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service`) REFERENCES `services`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meters_account_idx` ON `meters` (`account_id`);--> statement-breakpoint
CREATE INDEX `meters_serial_idx` ON `meters` (`serial_number`);--> statement-breakpoint
CREATE TABLE `charges` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`supplier_id` text NOT NULL,
	`service` text NOT NULL,
	`period` text NOT NULL,
	`kind` text NOT NULL,
	`volume` text,
	`basis` text,
	`rate_millikopecks` integer,
	`amount` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service`) REFERENCES `services`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `charges_account_idx` ON `charges` (`account_id`,`period`);--> statement-breakpoint
CREATE TABLE `opening_balances` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`supplier_id` text NOT NULL,
	`service` text NOT NULL,
	`date` text NOT NULL,
	`amount` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service`) REFERENCES `services`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `opening_balances_account_idx` ON `opening_balances` (`account_id`);--> statement-breakpoint
CREATE TABLE `payment_cancellations` (
	`id` text PRIMARY KEY NOT NULL,
	`payment_id` text NOT NULL,
	`reason` text NOT NULL,
	`operator_id` text,
	`cancelled_at` text NOT NULL,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_cancellations_paymentId_unique` ON `payment_cancellations` (`payment_id`);--> statement-breakpoint
CREATE TABLE `payment_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`payment_id` text NOT NULL,
	`supplier_id` text NOT NULL,
	`service` text NOT NULL,
	`amount` integer NOT NULL,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service`) REFERENCES `services`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `payment_lines_payment_idx` ON `payment_lines` (`payment_id`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`paid_at` text NOT NULL,
	`amount` integer NOT NULL,
	`method` text NOT NULL,
	`channel` text NOT NULL,
	`receipt_number` text,
	`office_id` text,
	`operator_id` text,
	`workstation_id` text,
	`external_ref` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`workstation_id`) REFERENCES `workstations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `payments_account_idx` ON `payments` (`account_id`,`paid_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `payments_receipt_unique` ON `payments` (`receipt_number`);--> statement-breakpoint
CREATE TABLE `readings` (
	`id` text PRIMARY KEY NOT NULL,
	`meter_id` text NOT NULL,
	`account_id` text NOT NULL,
	`zone` text NOT NULL,
	`raw_value` text NOT NULL,
	`value` integer NOT NULL,
	`consumption` integer,
	`reading_date` text NOT NULL,
	`entered_at` text NOT NULL,
	`period` text NOT NULL,
	`source` text NOT NULL,
	`status` text NOT NULL,
	`reject_reason` text,
	`operator_id` text,
	`workstation_id` text,
	FOREIGN KEY (`meter_id`) REFERENCES `meters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`workstation_id`) REFERENCES `workstations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `readings_meter_idx` ON `readings` (`meter_id`,`zone`,`reading_date`);--> statement-breakpoint
CREATE INDEX `readings_account_idx` ON `readings` (`account_id`,`reading_date`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`operator_id` text,
	`workstation_id` text,
	`device_id` text NOT NULL,
	`action` text NOT NULL,
	`entity` text,
	`entity_id` text,
	`account_id` text,
	`command_id` text,
	`details` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_account_idx` ON `audit_log` (`account_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_operator_idx` ON `audit_log` (`operator_id`,`at`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`sequence` integer NOT NULL,
	`name` text NOT NULL,
	`args_version` integer NOT NULL,
	`args` text NOT NULL,
	`operator_id` text,
	`created_at` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`result` text,
	`reject_reason` text,
	`done_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_sequence_unique` ON `outbox` (`sequence`);--> statement-breakpoint
CREATE INDEX `outbox_status_idx` ON `outbox` (`status`,`sequence`);