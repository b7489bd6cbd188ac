-- JSON documents are jsonb on PostgreSQL. The domain lets every other migration and
-- query say json_document (and CAST(:value AS json_document)) on both databases.
CREATE DOMAIN json_document AS jsonb;
