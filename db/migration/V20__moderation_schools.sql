-- School names a partnership keeps (issue 10 "Personal details held back", decision 074): a post naming one is
-- held, because a school and a first name can be enough to find a child. Matched as whole folded words like the
-- watched words. The rows below are made-up sample schools for the demo; a partnership replaces them with its own.

CREATE TABLE moderation_school (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(120) NOT NULL,
    normalised  VARCHAR(120) NOT NULL COLLATE utf8mb4_bin,
    changed_at  DATETIME(6)  NOT NULL,
    CONSTRAINT uq_moderation_school UNIQUE (normalised)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO moderation_school (name, normalised, changed_at) VALUES
('Riverside Primary', 'riverside primary', CURRENT_TIMESTAMP(6)),
('Oakfield Academy', 'oakfield academy', CURRENT_TIMESTAMP(6)),
('Hollybank', 'hollybank', CURRENT_TIMESTAMP(6)),
('Bridgewater High', 'bridgewater high', CURRENT_TIMESTAMP(6)),
('St Aidan''s C of E Primary', 'st aidans c of e primary', CURRENT_TIMESTAMP(6));
