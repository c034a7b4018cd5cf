-- PostgreSQL (Flyway): a backfill of every row in one statement
ALTER TABLE orders ADD COLUMN status text;
UPDATE orders SET status = 'open'; -- expect: SPOF-MIGRATION-001 "UPDATE of every row of table"
DELETE FROM order_events; -- expect: SPOF-MIGRATION-001
-- bounded statements are not findings: their size is written in the WHERE
UPDATE orders SET status = 'closed' WHERE id BETWEEN 1 AND 10000;
DELETE FROM order_events WHERE created_at < now() - interval '90 days';
