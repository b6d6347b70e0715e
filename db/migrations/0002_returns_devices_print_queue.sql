CREATE TABLE `devices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`role` text NOT NULL,
	`name` text NOT NULL,
	`driver` text NOT NULL,
	`transport` text NOT NULL,
	`options` text DEFAULT '{}' NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `print_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`job_id` integer NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`outcome` text NOT NULL,
	`error` text,
	`device` text,
	FOREIGN KEY (`job_id`) REFERENCES `print_jobs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `print_attempts_job` ON `print_attempts` (`job_id`);--> statement-breakpoint
CREATE TABLE `print_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` integer NOT NULL,
	`kind` text NOT NULL,
	`doc_ref` text,
	`role` text NOT NULL,
	`layout` text NOT NULL,
	`copies` integer DEFAULT 1 NOT NULL,
	`open_drawer` integer DEFAULT false NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`printed_at` integer,
	`reprint_of` integer,
	`staff_id` integer
);
--> statement-breakpoint
CREATE INDEX `print_jobs_status` ON `print_jobs` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `print_jobs_doc` ON `print_jobs` (`doc_ref`);--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`owner_type` text NOT NULL,
	`owner_id` text NOT NULL,
	`kind` text NOT NULL,
	`mime` text NOT NULL,
	`sha256` text NOT NULL,
	`bytes` blob NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `attachments_owner` ON `attachments` (`owner_type`,`owner_id`);--> statement-breakpoint
CREATE TABLE `drafts` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`staff_id` integer NOT NULL,
	`title` text NOT NULL,
	`data` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `drafts_kind` ON `drafts` (`kind`,`updated_at`);--> statement-breakpoint
CREATE TABLE `exchange_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`return_id` text NOT NULL,
	`product_id` integer,
	`sku` text NOT NULL,
	`name` text NOT NULL,
	`qty` integer NOT NULL,
	`unit_price_minor` integer NOT NULL,
	`serial` text,
	FOREIGN KEY (`return_id`) REFERENCES `returns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `refund_tenders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`return_id` text NOT NULL,
	`seq` integer NOT NULL,
	`tender` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`ref` text,
	FOREIGN KEY (`return_id`) REFERENCES `returns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `refund_tenders_return` ON `refund_tenders` (`return_id`);--> statement-breakpoint
CREATE TABLE `return_inspections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`return_line_id` integer NOT NULL,
	`checklist` text NOT NULL,
	`grade` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`inspector_id` integer,
	FOREIGN KEY (`return_line_id`) REFERENCES `return_lines`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `return_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`return_id` text NOT NULL,
	`sale_line_no` integer,
	`product_id` integer,
	`sku` text NOT NULL,
	`name` text NOT NULL,
	`qty` integer NOT NULL,
	`unit_price_minor` integer NOT NULL,
	`gross_minor` integer NOT NULL,
	`discount_share_minor` integer NOT NULL,
	`tax_minor` integer NOT NULL,
	`restocking_fee_minor` integer NOT NULL,
	`refund_minor` integer NOT NULL,
	`grade` text NOT NULL,
	`disposition` text NOT NULL,
	`policy_outcome` text NOT NULL,
	`policy_rule` text NOT NULL,
	`serial` text,
	FOREIGN KEY (`return_id`) REFERENCES `returns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `return_lines_return` ON `return_lines` (`return_id`);--> statement-breakpoint
CREATE INDEX `return_lines_sale_line` ON `return_lines` (`sale_line_no`);--> statement-breakpoint
CREATE TABLE `returns` (
	`id` text PRIMARY KEY NOT NULL,
	`store_id` integer NOT NULL,
	`sale_id` text,
	`customer_id` integer,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`business_day` text NOT NULL,
	`staff_id` integer NOT NULL,
	`reason_code` text NOT NULL,
	`override_id` integer,
	`currency` text NOT NULL,
	`refund_total_minor` integer NOT NULL,
	`restocking_fee_minor` integer NOT NULL,
	`exchange_due_minor` integer DEFAULT 0 NOT NULL,
	`idempotency_key` text NOT NULL,
	`id_document` text,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `returns_idem` ON `returns` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `returns_sale` ON `returns` (`sale_id`);--> statement-breakpoint
CREATE INDEX `returns_day` ON `returns` (`business_day`);--> statement-breakpoint
CREATE INDEX `returns_customer` ON `returns` (`customer_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `stock_moves` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`store_id` integer NOT NULL,
	`product_id` integer,
	`sku` text NOT NULL,
	`qty_delta` integer NOT NULL,
	`bucket` text NOT NULL,
	`reason` text NOT NULL,
	`ref_type` text NOT NULL,
	`ref_id` text NOT NULL,
	`staff_id` integer,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stock_moves_sku` ON `stock_moves` (`sku`,`bucket`);--> statement-breakpoint
CREATE INDEX `stock_moves_ref` ON `stock_moves` (`ref_type`,`ref_id`);--> statement-breakpoint
CREATE TABLE `store_credit_ledger` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`customer_id` integer,
	`credit_code` text,
	`amount_minor` integer NOT NULL,
	`ref_type` text NOT NULL,
	`ref_id` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `store_credit_customer` ON `store_credit_ledger` (`customer_id`,`at`);--> statement-breakpoint
CREATE INDEX `store_credit_code` ON `store_credit_ledger` (`credit_code`);