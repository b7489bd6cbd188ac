-- Long texts (artifacts) are text on PostgreSQL.
CREATE DOMAIN text_document AS text;
