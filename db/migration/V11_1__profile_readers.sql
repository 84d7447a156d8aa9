-- Tell it once, issue 8 item 6: the parent chooses, person by person, which of their family support workers
-- may read the profile (a row means "may read it now"). Services on the team do not sign in to Village, and
-- admins never read profiles, so neither appears here. The old per-service ticks (family_profile_share) no
-- longer let anyone read the profile; they are not carried over, so nobody gains a reader the parent did
-- not choose in these words.
CREATE TABLE family_profile_reader (
    family_id  BIGINT      NOT NULL,
    worker_id  BIGINT      NOT NULL,
    shared_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (family_id, worker_id),
    CONSTRAINT fk_reader_family FOREIGN KEY (family_id) REFERENCES family (id) ON DELETE CASCADE,
    CONSTRAINT fk_reader_worker FOREIGN KEY (worker_id) REFERENCES user_account (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
