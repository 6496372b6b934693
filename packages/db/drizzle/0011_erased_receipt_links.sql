UPDATE `receipts` SET `previous_id` = NULL WHERE `erased_at` IS NOT NULL AND `previous_id` IS NOT NULL;
