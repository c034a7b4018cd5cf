-- PostgreSQL
ALTER TABLE orders ALTER COLUMN amount TYPE bigint; -- expect: SPOF-MIGRATION-003 "changing the type of orders.amount"
ALTER TABLE orders ALTER COLUMN amount SET DATA TYPE numeric(12,2) USING amount::numeric; -- expect: SPOF-MIGRATION-003
ALTER TABLE orders ALTER COLUMN note TYPE text; -- expect-unknown: SPOF-MIGRATION-003
ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid(); -- expect: SPOF-MIGRATION-003
ALTER TABLE orders ADD COLUMN seq bigserial; -- expect: SPOF-MIGRATION-003
ALTER TABLE orders ADD COLUMN total numeric GENERATED ALWAYS AS (amount * 2) STORED; -- expect: SPOF-MIGRATION-003
ALTER TABLE orders ADD COLUMN stamp bigint DEFAULT my_stamp(); -- expect-unknown: SPOF-MIGRATION-003
ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL; -- expect: SPOF-MIGRATION-003
-- not rewrites: a constant or stable default is stored once (PostgreSQL 11+)
ALTER TABLE orders ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE orders ADD COLUMN flag boolean DEFAULT false;
ALTER TABLE orders ALTER COLUMN note DROP NOT NULL;
