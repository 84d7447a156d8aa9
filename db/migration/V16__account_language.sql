-- The interface language a person chose (issue 9 item 9, decision 065): remembered on the account so it follows
-- them to any device once they sign in. NULL means "not chosen": the cookie or the browser decides.
-- Only a language code (for example "pl"); no personal data. Runs unchanged on MySQL 8 and MariaDB.
ALTER TABLE user_account ADD COLUMN language VARCHAR(8) NULL;
