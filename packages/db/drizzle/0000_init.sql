CREATE TABLE `receipts` (
	`id` text PRIMARY KEY NOT NULL,
	`site_id` integer NOT NULL,
	`subject_id` text,
	`server_time` integer NOT NULL,
	`policy_version` text NOT NULL,
	`config_hash` text NOT NULL,
	`language` text NOT NULL,
	`method` text NOT NULL,
	`decision` text NOT NULL,
	`gpc` integer NOT NULL,
	`gpc_header` integer NOT NULL,
	`page_path` text,
	`previous_id` text,
	`ip` text,
	`user_agent` text,
	`jurisdiction` text,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `receipts_site_time` ON `receipts` (`site_id`,`server_time`,`id`);--> statement-breakpoint
CREATE INDEX `receipts_site_subject` ON `receipts` (`site_id`,`subject_id`,`server_time`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `site_configs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` integer NOT NULL,
	`version` integer NOT NULL,
	`hash` text NOT NULL,
	`config` text NOT NULL,
	`published_at` integer NOT NULL,
	`published_by` integer,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `site_configs_site_version` ON `site_configs` (`site_id`,`version`);--> statement-breakpoint
CREATE INDEX `site_configs_hash` ON `site_configs` (`hash`);--> statement-breakpoint
CREATE TABLE `site_members` (
	`user_id` integer NOT NULL,
	`site_id` integer NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`user_id`, `site_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`allowed_origins` text DEFAULT '[]' NOT NULL,
	`ip_mode` text DEFAULT 'truncate' NOT NULL,
	`retention_days` integer DEFAULT 2190 NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sites_key_unique` ON `sites` (`key`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);