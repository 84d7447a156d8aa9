-- A counter per cached kind of content, raised in the same transaction as the change. Every node keeps its
-- own cache of rendered guides and of the jargon buster, and looks here every few seconds: when a counter
-- has moved (another node published a guide or changed a term), it drops that cache. No broker needed.

CREATE TABLE content_version (
    name    VARCHAR(40) NOT NULL PRIMARY KEY,
    version BIGINT      NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO content_version (name, version) VALUES ('guides', 0), ('glossary', 0);
