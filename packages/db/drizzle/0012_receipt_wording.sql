CREATE TABLE `wordings` (
	`hash` text PRIMARY KEY NOT NULL,
	`texts` text NOT NULL,
	`recorded_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `receipts` ADD `wording` text;--> statement-breakpoint
CREATE INDEX `receipts_wording` ON `receipts` (`wording`) WHERE "receipts"."wording" is not null;