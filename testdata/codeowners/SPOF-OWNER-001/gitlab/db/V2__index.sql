CREATE INDEX CONCURRENTLY orders_created ON orders (created_at);
