CREATE TABLE `daily_jurisdiction_stats` (
	`site_id` integer NOT NULL,
	`day` integer NOT NULL,
	`policy_version` text NOT NULL,
	`jurisdiction` text NOT NULL,
	`rule_id` text NOT NULL,
	`method` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`site_id`, `day`, `policy_version`, `jurisdiction`, `rule_id`, `method`)
);
