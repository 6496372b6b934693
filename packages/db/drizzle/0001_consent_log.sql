CREATE TABLE `api_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`site_id` integer NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`role` text DEFAULT 'viewer' NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`expires_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_token_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_site` ON `api_tokens` (`site_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`user_id` integer,
	`token_id` integer,
	`site_id` integer,
	`action` text NOT NULL,
	`target` text,
	`detail` text,
	`ip` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_site_at` ON `audit_log` (`site_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `daily_category_stats` (
	`site_id` integer NOT NULL,
	`day` integer NOT NULL,
	`policy_version` text NOT NULL,
	`category` text NOT NULL,
	`granted` integer DEFAULT 0 NOT NULL,
	`denied` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`site_id`, `day`, `policy_version`, `category`)
);
--> statement-breakpoint
CREATE TABLE `daily_method_stats` (
	`site_id` integer NOT NULL,
	`day` integer NOT NULL,
	`policy_version` text NOT NULL,
	`method` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`site_id`, `day`, `policy_version`, `method`)
);
--> statement-breakpoint
CREATE TABLE `receipt_categories` (
	`receipt_id` text NOT NULL,
	`site_id` integer NOT NULL,
	`category` text NOT NULL,
	`granted` integer NOT NULL,
	`server_time` integer NOT NULL,
	PRIMARY KEY(`receipt_id`, `category`),
	FOREIGN KEY (`receipt_id`) REFERENCES `receipts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `receipt_categories_filter` ON `receipt_categories` (`site_id`,`category`,`granted`,`server_time`);--> statement-breakpoint
CREATE TABLE `signing_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`site_id` integer NOT NULL,
	`algorithm` text DEFAULT 'Ed25519' NOT NULL,
	`public_jwk` text NOT NULL,
	`private_jwk` text NOT NULL,
	`created_at` integer NOT NULL,
	`retired_at` integer,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `signing_keys_site` ON `signing_keys` (`site_id`);--> statement-breakpoint
CREATE TABLE `site_config_drafts` (
	`site_id` integer PRIMARY KEY NOT NULL,
	`config` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `receipts` ADD `digest` text;--> statement-breakpoint
ALTER TABLE `receipts` ADD `signature` text;--> statement-breakpoint
ALTER TABLE `receipts` ADD `key_id` text;--> statement-breakpoint
ALTER TABLE `receipts` ADD `erased_at` integer;--> statement-breakpoint
CREATE INDEX `receipts_site_method` ON `receipts` (`site_id`,`method`,`server_time`);--> statement-breakpoint
CREATE INDEX `receipts_site_policy` ON `receipts` (`site_id`,`policy_version`,`server_time`);--> statement-breakpoint
ALTER TABLE `sessions` ADD `csrf_token` text;--> statement-breakpoint
ALTER TABLE `sessions` ADD `last_seen_at` integer;