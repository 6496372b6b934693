CREATE TABLE `witness_cosignatures` (
	`site_id` integer NOT NULL,
	`size` integer NOT NULL,
	`peer_id` integer NOT NULL,
	`line` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`site_id`, `size`, `peer_id`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `witness_key` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`public_key` text NOT NULL,
	`private_key` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `witness_peers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` integer NOT NULL,
	`name` text NOT NULL,
	`url` text NOT NULL,
	`vkey` text NOT NULL,
	`size` integer DEFAULT 0 NOT NULL,
	`last_attempt_at` integer,
	`last_success_at` integer,
	`last_error` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `witness_peers_site_vkey` ON `witness_peers` (`site_id`,`vkey`);--> statement-breakpoint
CREATE TABLE `witnessed_logs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` integer NOT NULL,
	`origin` text NOT NULL,
	`vkey` text NOT NULL,
	`size` integer DEFAULT 0 NOT NULL,
	`root` text,
	`note` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `witnessed_logs_origin_unique` ON `witnessed_logs` (`origin`);