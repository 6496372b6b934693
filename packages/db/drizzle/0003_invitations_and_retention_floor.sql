CREATE TABLE `member_invitations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` integer NOT NULL,
	`email` text NOT NULL,
	`role` text NOT NULL,
	`token_hash` text NOT NULL,
	`invited_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`accepted_at` integer,
	`accepted_by` integer,
	`revoked_at` integer,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`accepted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `member_invitations_token_hash_unique` ON `member_invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `member_invitations_site` ON `member_invitations` (`site_id`,`email`);--> statement-breakpoint
CREATE TABLE `retention_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` integer NOT NULL,
	`retention_days` integer NOT NULL,
	`min_retention_days` integer NOT NULL,
	`requested_by` integer NOT NULL,
	`requested_at` integer NOT NULL,
	`effective_at` integer NOT NULL,
	`cancelled_at` integer,
	`cancelled_by` integer,
	`applied_at` integer,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cancelled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `retention_changes_one_pending` ON `retention_changes` (`site_id`) WHERE cancelled_at IS NULL AND applied_at IS NULL;--> statement-breakpoint
CREATE INDEX `retention_changes_due` ON `retention_changes` (`effective_at`);--> statement-breakpoint
ALTER TABLE `sites` ADD `min_retention_days` integer DEFAULT 2190 NOT NULL;--> statement-breakpoint
UPDATE `sites` SET `min_retention_days` = `retention_days` WHERE `retention_days` < `min_retention_days`;
