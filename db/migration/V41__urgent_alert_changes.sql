-- Urgent alerts reach pages on every node (issue 10; decision 049). Each change to an alert (recorded, escalated,
-- acknowledged) takes the next number here as the last step of its transaction: the row stays locked until commit,
-- so numbers grow in commit order. Every node reads this one row each second; a number above the last it saw means
-- "an alert changed somewhere", and that node's open pages read their own alerts again.
CREATE TABLE urgent_alert_change (
    id INT    NOT NULL PRIMARY KEY,
    n  BIGINT NOT NULL
) ENGINE = InnoDB;

INSERT INTO urgent_alert_change (id, n) VALUES (1, 0);
