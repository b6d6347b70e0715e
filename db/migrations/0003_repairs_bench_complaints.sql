CREATE TABLE `complaints` (
	`id` text PRIMARY KEY NOT NULL,
	`store_id` integer NOT NULL,
	`customer_id` integer,
	`at` integer NOT NULL,
	`business_day` text NOT NULL,
	`channel` text NOT NULL,
	`category` text NOT NULL,
	`description` text NOT NULL,
	`ref_type` text,
	`ref_id` text,
	`status` text NOT NULL,
	`resolution` text,
	`resolved_at` integer,
	`followed_up_at` integer,
	`staff_id` integer NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `complaints_day` ON `complaints` (`business_day`);--> statement-breakpoint
CREATE INDEX `complaints_status` ON `complaints` (`status`);--> statement-breakpoint
CREATE TABLE `instruments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`device_id` integer,
	`model` text NOT NULL,
	`serial` text NOT NULL,
	`calibration_due` text
);
--> statement-breakpoint
CREATE TABLE `meter_readings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`device_id` integer,
	`job_id` text,
	`value` real,
	`unit` text NOT NULL,
	`fn` text NOT NULL,
	`overload` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `meter_readings_at` ON `meter_readings` (`at`);--> statement-breakpoint
CREATE INDEX `meter_readings_job` ON `meter_readings` (`job_id`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`job_id` text,
	`at` integer NOT NULL,
	`channel` text NOT NULL,
	`to_phone` text,
	`template` text NOT NULL,
	`text` text NOT NULL,
	`status` text NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE INDEX `notifications_status` ON `notifications` (`status`,`at`);--> statement-breakpoint
CREATE TABLE `repair_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`job_id` text NOT NULL,
	`at` integer NOT NULL,
	`staff_id` integer,
	`from_status` text,
	`to_status` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`data` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`job_id`) REFERENCES `repair_jobs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `repair_events_job` ON `repair_events` (`job_id`,`at`);--> statement-breakpoint
CREATE INDEX `repair_events_at` ON `repair_events` (`at`,`to_status`);--> statement-breakpoint
CREATE TABLE `repair_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`store_id` integer NOT NULL,
	`customer_id` integer,
	`sale_id` text,
	`category_code` text NOT NULL,
	`brand` text DEFAULT '' NOT NULL,
	`model` text DEFAULT '' NOT NULL,
	`serial` text,
	`fault_code` text NOT NULL,
	`fault_text` text DEFAULT '' NOT NULL,
	`intake` text NOT NULL,
	`passcode_policy` text NOT NULL,
	`passcode_enc` text,
	`warranty` text NOT NULL,
	`repeat_of_job_id` text,
	`estimate_minor` integer DEFAULT 0 NOT NULL,
	`deposit_minor` integer DEFAULT 0 NOT NULL,
	`paid_minor` integer DEFAULT 0 NOT NULL,
	`promised_at` integer NOT NULL,
	`status` text NOT NULL,
	`assigned_to` integer,
	`created_at` integer NOT NULL,
	`created_by` integer NOT NULL,
	`business_day` text NOT NULL,
	`first_diagnosis_at` integer,
	`completed_at` integer,
	`picked_up_at` integer,
	`qc_by` integer,
	`repair_warranty_days` integer DEFAULT 90 NOT NULL,
	`csat` integer,
	`nps` integer,
	`idempotency_key` text,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `repair_jobs_status` ON `repair_jobs` (`status`,`promised_at`);--> statement-breakpoint
CREATE INDEX `repair_jobs_created` ON `repair_jobs` (`created_at`);--> statement-breakpoint
CREATE INDEX `repair_jobs_serial` ON `repair_jobs` (`serial`);--> statement-breakpoint
CREATE INDEX `repair_jobs_customer` ON `repair_jobs` (`customer_id`);--> statement-breakpoint
CREATE INDEX `repair_jobs_assigned` ON `repair_jobs` (`assigned_to`,`status`);--> statement-breakpoint
CREATE INDEX `repair_jobs_day` ON `repair_jobs` (`business_day`);--> statement-breakpoint
CREATE TABLE `repair_parts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`job_id` text NOT NULL,
	`part_sku` text NOT NULL,
	`qty` integer NOT NULL,
	`unit_cost_minor` integer NOT NULL,
	`unit_price_minor` integer NOT NULL,
	`at` integer NOT NULL,
	`staff_id` integer,
	FOREIGN KEY (`job_id`) REFERENCES `repair_jobs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`part_sku`) REFERENCES `spare_parts`(`sku`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `repair_parts_job` ON `repair_parts` (`job_id`);--> statement-breakpoint
CREATE TABLE `spare_parts` (
	`sku` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`stock_qty` integer NOT NULL,
	`low_stock_at` integer DEFAULT 2 NOT NULL,
	`cost_minor` integer NOT NULL,
	`price_minor` integer NOT NULL,
	`category_code` text
);
--> statement-breakpoint
CREATE TABLE `test_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`category_code` text NOT NULL,
	`name` text NOT NULL,
	`version` integer NOT NULL,
	`steps` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` integer
);
--> statement-breakpoint
CREATE TABLE `test_results` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`job_id` text NOT NULL,
	`plan_id` integer NOT NULL,
	`step_index` integer NOT NULL,
	`attempt` integer NOT NULL,
	`at` integer NOT NULL,
	`value` real,
	`unit` text NOT NULL,
	`fn` text NOT NULL,
	`display` text NOT NULL,
	`verdict` text NOT NULL,
	`reason` text,
	`manual` integer NOT NULL,
	`instrument_id` integer,
	`calibration_overdue` integer DEFAULT false NOT NULL,
	`staff_id` integer,
	FOREIGN KEY (`job_id`) REFERENCES `repair_jobs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `test_results_job` ON `test_results` (`job_id`,`step_index`);--> statement-breakpoint
CREATE INDEX `test_results_at` ON `test_results` (`at`);