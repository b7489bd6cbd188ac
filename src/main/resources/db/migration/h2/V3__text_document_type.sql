-- Long texts (artifacts) are character large objects on H2.
CREATE DOMAIN text_document AS CHARACTER LARGE OBJECT;
