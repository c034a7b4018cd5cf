-- MySQL 8.0 online operations, and copies MySQL is told to refuse
ALTER TABLE orders ADD COLUMN shipped_at DATETIME NULL;
ALTER TABLE orders ADD INDEX orders_shipped_idx (shipped_at);
ALTER TABLE orders MODIFY COLUMN qty BIGINT, ALGORITHM=INPLACE, LOCK=NONE;
CREATE TABLE tmp_orders (id INT);
ALTER TABLE tmp_orders MODIFY COLUMN id BIGINT;
