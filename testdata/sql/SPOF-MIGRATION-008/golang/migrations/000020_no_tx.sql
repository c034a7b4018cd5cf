-- a plain versioned folder: the runner's transaction is not known, so no finding
SELECT 1::int;
ALTER TABLE orders ADD COLUMN zone text;
UPDATE orders SET zone = 'a' WHERE zone IS NULL;
