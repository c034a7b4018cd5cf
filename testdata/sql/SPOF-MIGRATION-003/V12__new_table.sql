CREATE TABLE refunds (id bigint, amount int);
ALTER TABLE refunds ALTER COLUMN amount TYPE bigint;
ALTER TABLE refunds ADD COLUMN token uuid DEFAULT gen_random_uuid();
