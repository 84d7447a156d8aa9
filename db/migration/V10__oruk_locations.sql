-- Open Referral UK: every service with an address is published as a "service at location" whose id is derived
-- from the service's id (decision 050). The derived id is stored so GET /service_at_locations/{id} is one indexed
-- lookup; ServiceStore fills it for new rows and, once at start-up, for rows that predate this column.
-- The position index lets the proximity filter cut the table down to a box around the postcode before it
-- computes distances. Runs unchanged on MySQL 8.4 and MariaDB 10.11+.
ALTER TABLE dir_service
    ADD COLUMN location_uuid CHAR(36) NULL,
    ADD CONSTRAINT uk_dir_service_location_uuid UNIQUE (location_uuid),
    ADD INDEX ix_dir_service_position (lat, lng);
