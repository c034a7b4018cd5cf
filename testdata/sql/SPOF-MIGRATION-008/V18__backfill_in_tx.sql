-- PostgreSQL, Flyway: the whole file is one transaction
SELECT 1::int;
ALTER TABLE orders ADD COLUMN region text;
UPDATE orders SET region = 'eu' WHERE region IS NULL; -- expect: SPOF-MIGRATION-008 "UPDATE on orders runs in the same"
