-- PostgreSQL, explicit transaction
SELECT 1::int;
BEGIN;
ALTER TABLE users ADD COLUMN locale text;
CREATE INDEX users_locale_idx ON users (locale); -- expect: SPOF-MIGRATION-008
COMMIT;
-- after COMMIT the lock is gone
ALTER TABLE accounts ADD COLUMN locale text;
