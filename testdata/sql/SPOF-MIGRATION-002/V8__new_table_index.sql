-- the index is on a table this migration creates: it locks nothing anyone uses
CREATE TABLE invoices (id bigserial PRIMARY KEY, order_id bigint, created_at timestamptz);
CREATE INDEX invoices_order_idx ON invoices (order_id);
-- a materialized view created here is just as new
CREATE MATERIALIZED VIEW order_totals AS SELECT order_id, sum(amount) AS total FROM invoices GROUP BY order_id;
CREATE UNIQUE INDEX order_totals_idx ON order_totals (order_id);
