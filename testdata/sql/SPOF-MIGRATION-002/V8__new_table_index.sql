-- the index is on a table this migration creates: it locks nothing anyone uses
CREATE TABLE invoices (id bigserial PRIMARY KEY, order_id bigint, created_at timestamptz);
CREATE INDEX invoices_order_idx ON invoices (order_id);
