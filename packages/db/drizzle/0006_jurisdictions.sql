ALTER TABLE `receipts` ADD `subdivision` text;--> statement-breakpoint
ALTER TABLE `receipts` ADD `rule_id` text;--> statement-breakpoint
ALTER TABLE `receipts` ADD `config_version` integer;--> statement-breakpoint
CREATE INDEX `receipts_site_jurisdiction` ON `receipts` (`site_id`,`jurisdiction`,`server_time`);