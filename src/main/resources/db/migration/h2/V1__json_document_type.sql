-- JSON documents are stored as text on H2. The domain lets every other migration and
-- query say json_document (and CAST(:value AS json_document)) on both databases.
CREATE DOMAIN json_document AS CHARACTER LARGE OBJECT;
