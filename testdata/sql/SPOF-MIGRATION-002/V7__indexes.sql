-- PostgreSQL: $$ and :: mark the dialect
SELECT 'x'::text;
CREATE INDEX orders_created_idx ON orders (created_at); -- expect: SPOF-MIGRATION-002 "CREATE INDEX without CONCURRENTLY holds"
CREATE UNIQUE INDEX IF NOT EXISTS users_email_idx ON public.users USING btree (lower(email)); -- expect: SPOF-MIGRATION-002
CREATE INDEX CONCURRENTLY orders_user_idx ON orders (user_id);
CREATE INDEX orders_open_idx ON ONLY orders (id) WHERE status = 'open'; -- expect: SPOF-MIGRATION-002
REINDEX TABLE orders; -- expect: SPOF-MIGRATION-002
REINDEX INDEX CONCURRENTLY orders_user_idx;
