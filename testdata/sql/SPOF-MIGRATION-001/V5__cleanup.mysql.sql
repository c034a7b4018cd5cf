-- MySQL
DELETE FROM `sessions`; -- expect: SPOF-MIGRATION-001
UPDATE `users` SET `flag` = 0 WHERE `id` = 7;
