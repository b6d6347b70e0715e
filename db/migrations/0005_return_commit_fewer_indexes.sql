DROP INDEX `audit_at`;--> statement-breakpoint
DROP INDEX `return_lines_sale_line`;--> statement-breakpoint
DROP INDEX `returns_idem`;--> statement-breakpoint
DROP INDEX `stock_moves_sku`;--> statement-breakpoint
DROP INDEX `stock_moves_ref`;