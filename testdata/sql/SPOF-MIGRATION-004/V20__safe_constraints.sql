-- PostgreSQL: the safe pattern, and constraints on a table this migration creates
CREATE TABLE shipments (id bigserial, order_id bigint, qty int);
ALTER TABLE shipments ADD CONSTRAINT shipments_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);
ALTER TABLE shipments ADD CONSTRAINT shipments_qty_ck CHECK (qty > 0);
ALTER TABLE orders ADD CONSTRAINT orders_region_fk FOREIGN KEY (region_id) REFERENCES regions (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_region_fk;
