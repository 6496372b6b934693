CREATE TABLE `log_checkpoints` (
	`site_id` integer NOT NULL,
	`size` integer NOT NULL,
	`note` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`site_id`, `size`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `log_keys` (
	`site_id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`public_key` text NOT NULL,
	`private_key` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `log_leaves` (
	`site_id` integer NOT NULL,
	`idx` integer NOT NULL,
	`entry` blob NOT NULL,
	`receipt_id` text,
	`config_id` integer,
	PRIMARY KEY(`site_id`, `idx`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `log_leaves_receipt` ON `log_leaves` (`receipt_id`);--> statement-breakpoint
CREATE TABLE `log_nodes` (
	`site_id` integer NOT NULL,
	`level` integer NOT NULL,
	`idx` integer NOT NULL,
	`hash` blob NOT NULL,
	PRIMARY KEY(`site_id`, `level`, `idx`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `log_state` (
	`site_id` integer PRIMARY KEY NOT NULL,
	`size` integer NOT NULL,
	`edge` text NOT NULL,
	`receipt_cursor` integer NOT NULL,
	`config_cursor` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
