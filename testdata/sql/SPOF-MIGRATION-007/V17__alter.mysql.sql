ALTER TABLE orders MODIFY COLUMN amount BIGINT NOT NULL; -- expect: SPOF-MIGRATION-007 "changing column amount of orders makes"
ALTER TABLE orders CHANGE COLUMN note note_text VARCHAR(500); -- expect-unknown: SPOF-MIGRATION-007
ALTER TABLE orders CONVERT TO CHARACTER SET utf8mb4; -- expect: SPOF-MIGRATION-007
ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id); -- expect: SPOF-MIGRATION-007
-- MySQL refuses instead of locking when ALGORITHM/LOCK are written
ALTER TABLE orders MODIFY COLUMN qty BIGINT, ALGORITHM=INPLACE, LOCK=NONE;
-- online by default in MySQL 8.0
ALTER TABLE orders ADD COLUMN shipped_at DATETIME NULL;
ALTER TABLE orders ADD INDEX orders_shipped_idx (shipped_at);
