-- migrate:up transaction:false
SELECT 1::int;
ALTER TABLE orders ADD COLUMN tier text;
UPDATE orders SET tier = 'std' WHERE tier IS NULL;

-- migrate:down
ALTER TABLE orders DROP COLUMN tier;
