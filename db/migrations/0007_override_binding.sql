ALTER TABLE `overrides` ADD `request_hash` text;--> statement-breakpoint
ALTER TABLE `overrides` ADD `expected_total_minor` integer;--> statement-breakpoint
ALTER TABLE `overrides` ADD `self_approved` integer DEFAULT 0 NOT NULL;