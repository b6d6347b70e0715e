CREATE INDEX `customers_phone_rev_nocase` ON `customers` ("phone_rev" COLLATE NOCASE);--> statement-breakpoint
CREATE INDEX `customers_name_nocase` ON `customers` ("name" COLLATE NOCASE);--> statement-breakpoint
CREATE INDEX `sale_lines_sku` ON `sale_lines` (`sku`);