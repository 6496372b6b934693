CREATE TABLE `log_pending` (
	`receipt_id` text NOT NULL
);
--> statement-breakpoint
CREATE TRIGGER `receipts_log_pending` AFTER INSERT ON `receipts` WHEN NEW.`digest` IS NOT NULL BEGIN
	INSERT INTO `log_pending` (`receipt_id`) VALUES (NEW.`id`);
END;
--> statement-breakpoint
INSERT INTO `log_pending` (`receipt_id`) SELECT r.`id` FROM `receipts` r WHERE r.`digest` IS NOT NULL AND NOT EXISTS (SELECT 1 FROM `log_leaves` l WHERE l.`receipt_id` = r.`id`) ORDER BY r.`rowid`;
--> statement-breakpoint
ALTER TABLE `log_state` DROP COLUMN `receipt_cursor`;
