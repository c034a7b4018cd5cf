-- PostgreSQL: SERIAL marks the dialect
CREATE TABLE audit (id serial);
ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id); -- expect: SPOF-MIGRATION-004 "ADD FOREIGN KEY on orders without"
ALTER TABLE orders ADD CONSTRAINT orders_amount_ck CHECK (amount > 0); -- expect: SPOF-MIGRATION-004
ALTER TABLE orders ADD PRIMARY KEY (id); -- expect: SPOF-MIGRATION-004
ALTER TABLE orders ADD CONSTRAINT orders_ref_uq UNIQUE (reference); -- expect: SPOF-MIGRATION-004
-- the safe pattern
ALTER TABLE orders ADD CONSTRAINT orders_shop_fk FOREIGN KEY (shop_id) REFERENCES shops (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_shop_fk;
ALTER TABLE orders ADD CONSTRAINT orders_qty_ck CHECK (qty > 0) NOT VALID;
ALTER TABLE orders ADD CONSTRAINT orders_code_uq UNIQUE USING INDEX orders_code_idx;
