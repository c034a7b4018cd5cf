-- MySQL builds secondary indexes online (INPLACE, concurrent DML allowed)
CREATE INDEX orders_created_idx ON orders (created_at);
