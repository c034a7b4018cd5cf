-- no hint of its own: the folder's other migrations say PostgreSQL
CREATE INDEX orders_created_idx ON orders (created_at); -- expect: SPOF-MIGRATION-002
