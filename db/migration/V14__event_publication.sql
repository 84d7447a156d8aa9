-- Spring Modulith's event publication registry (decision 066), copied from spring-modulith-events-jdbc 2.1.1
-- (schemas/v2/schema-mariadb.sql; its MySQL schema is the same). Flyway owns it, so Modulith's own schema
-- initialisation is off. The table name is upper case because Modulith's SQL names it so, and MySQL and
-- MariaDB on Linux tell table names apart by case.
CREATE TABLE EVENT_PUBLICATION
(
  ID                     VARCHAR(36)   NOT NULL,
  LISTENER_ID            VARCHAR(512)  NOT NULL,
  EVENT_TYPE             VARCHAR(512)  NOT NULL,
  SERIALIZED_EVENT       VARCHAR(4000) NOT NULL,
  PUBLICATION_DATE       TIMESTAMP(6)  NOT NULL,
  COMPLETION_DATE        TIMESTAMP(6)  NULL DEFAULT NULL,
  STATUS                 VARCHAR(20),
  COMPLETION_ATTEMPTS    INT,
  LAST_RESUBMISSION_DATE TIMESTAMP(6)  NULL DEFAULT NULL,
  PRIMARY KEY (ID),
  INDEX EVENT_PUBLICATION_BY_COMPLETION_DATE_IDX (COMPLETION_DATE)
);
