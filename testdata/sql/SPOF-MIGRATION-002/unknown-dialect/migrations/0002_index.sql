-- no hint says which database this is for
CREATE INDEX orders_created_idx ON orders (created_at); -- expect-unknown: SPOF-MIGRATION-002
