CREATE TABLE `sdk_files` (
	`path` text PRIMARY KEY NOT NULL,
	`body` text NOT NULL,
	`served_at` integer NOT NULL
);
