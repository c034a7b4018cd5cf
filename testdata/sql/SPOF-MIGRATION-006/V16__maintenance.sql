-- PostgreSQL
SELECT 1::int;
VACUUM FULL orders; -- expect: SPOF-MIGRATION-006 "VACUUM FULL rewrites table orders"
VACUUM (FULL, ANALYZE) order_events; -- expect: SPOF-MIGRATION-006
CLUSTER orders USING orders_pkey; -- expect: SPOF-MIGRATION-006
VACUUM ANALYZE orders;
VACUUM (FULL false) orders;
