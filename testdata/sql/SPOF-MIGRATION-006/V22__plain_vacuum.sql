-- PostgreSQL: plain VACUUM takes no exclusive lock
SELECT 1::int;
VACUUM ANALYZE orders;
VACUUM (VERBOSE) order_events;
