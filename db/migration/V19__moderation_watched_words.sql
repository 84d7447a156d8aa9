-- Moderation lists kept by workers (issue 10, decision 074): watched words with an action, and risk phrases by
-- kind. "phrase" is what the worker typed; "normalised" is the folded form the filters match (lower case, no
-- accents or look-alikes, apostrophes dropped), unique so the same word cannot be listed twice in two spellings.
-- Every node caches the lists and looks at moderation_list_version every few seconds: a change anywhere raises
-- the counter in the same transaction, and each node then reloads. No broker needed.

CREATE TABLE moderation_watched_word (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    phrase      VARCHAR(100) NOT NULL,
    normalised  VARCHAR(100) NOT NULL COLLATE utf8mb4_bin,
    action      VARCHAR(10)  NOT NULL,
    reason      VARCHAR(200) NULL,
    changed_at  DATETIME(6)  NOT NULL,
    CONSTRAINT uq_moderation_watched UNIQUE (normalised),
    CONSTRAINT ck_moderation_watched_action CHECK (action IN ('BLOCK', 'HOLD', 'FLAG', 'MASK'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE moderation_risk_phrase (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    phrase      VARCHAR(100) NOT NULL,
    normalised  VARCHAR(100) NOT NULL COLLATE utf8mb4_bin,
    kind        VARCHAR(20)  NOT NULL,
    changed_at  DATETIME(6)  NOT NULL,
    CONSTRAINT uq_moderation_risk UNIQUE (normalised),
    CONSTRAINT ck_moderation_risk_kind CHECK (kind IN ('DANGER_NOW', 'CHILD_MISSING', 'SELF_HARM', 'THREAT'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE moderation_list_version (
    name    VARCHAR(40) NOT NULL PRIMARY KEY,
    version BIGINT      NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO moderation_list_version (name, version) VALUES ('lists', 0);

-- A starting list a partnership changes. Swearing is masked; the most hurtful words are blocked with a reason;
-- asking to move off the portal is held (it is how people are groomed and scammed); taunts are flagged.
INSERT INTO moderation_watched_word (phrase, normalised, action, reason, changed_at) VALUES
('fuck', 'fuck', 'MASK', NULL, CURRENT_TIMESTAMP(6)),
('fucking', 'fucking', 'MASK', NULL, CURRENT_TIMESTAMP(6)),
('shit', 'shit', 'MASK', NULL, CURRENT_TIMESTAMP(6)),
('bullshit', 'bullshit', 'MASK', NULL, CURRENT_TIMESTAMP(6)),
('bastard', 'bastard', 'MASK', NULL, CURRENT_TIMESTAMP(6)),
('bastards', 'bastards', 'MASK', NULL, CURRENT_TIMESTAMP(6)),
('wanker', 'wanker', 'MASK', NULL, CURRENT_TIMESTAMP(6)),
('twat', 'twat', 'MASK', NULL, CURRENT_TIMESTAMP(6)),
('prick', 'prick', 'MASK', NULL, CURRENT_TIMESTAMP(6)),
('arsehole', 'arsehole', 'MASK', NULL, CURRENT_TIMESTAMP(6)),
('ass', 'ass', 'MASK', NULL, CURRENT_TIMESTAMP(6)),
('dickhead', 'dickhead', 'MASK', NULL, CURRENT_TIMESTAMP(6)),
('cunt', 'cunt', 'BLOCK', 'This word hurts people a lot. Please say how you feel in other words.', CURRENT_TIMESTAMP(6)),
('slag', 'slag', 'BLOCK', 'This word is used to shame people. Please use other words.', CURRENT_TIMESTAMP(6)),
('retard', 'retard', 'BLOCK', 'This word hurts disabled people and their families. Please use other words.', CURRENT_TIMESTAMP(6)),
('scam', 'scam', 'HOLD', NULL, CURRENT_TIMESTAMP(6)),
('whatsapp me', 'whatsapp me', 'HOLD', NULL, CURRENT_TIMESTAMP(6)),
('add me on snapchat', 'add me on snapchat', 'HOLD', NULL, CURRENT_TIMESTAMP(6)),
('add me on facebook', 'add me on facebook', 'HOLD', NULL, CURRENT_TIMESTAMP(6)),
('inbox me', 'inbox me', 'HOLD', NULL, CURRENT_TIMESTAMP(6)),
('text me on', 'text me on', 'HOLD', NULL, CURRENT_TIMESTAMP(6)),
('send money', 'send money', 'HOLD', NULL, CURRENT_TIMESTAMP(6)),
('bitcoin', 'bitcoin', 'HOLD', NULL, CURRENT_TIMESTAMP(6)),
('snitch', 'snitch', 'FLAG', NULL, CURRENT_TIMESTAMP(6)),
('snitches', 'snitches', 'FLAG', NULL, CURRENT_TIMESTAMP(6)),
('grass him up', 'grass him up', 'FLAG', NULL, CURRENT_TIMESTAMP(6)),
('you''re a bad mother', 'youre a bad mother', 'FLAG', NULL, CURRENT_TIMESTAMP(6)),
('you''re a bad parent', 'youre a bad parent', 'FLAG', NULL, CURRENT_TIMESTAMP(6)),
('your own fault', 'your own fault', 'FLAG', NULL, CURRENT_TIMESTAMP(6));

-- Risk phrases by kind (issue 10 "Risk escalation"). "*" stands for any one word. Apostrophes are dropped.
INSERT INTO moderation_risk_phrase (phrase, normalised, kind, changed_at) VALUES
('outside my house now', 'outside my house now', 'DANGER_NOW', CURRENT_TIMESTAMP(6)),
('outside the house now', 'outside the house now', 'DANGER_NOW', CURRENT_TIMESTAMP(6)),
('banging on the door', 'banging on the door', 'DANGER_NOW', CURRENT_TIMESTAMP(6)),
('trying to get in the house', 'trying to get in the house', 'DANGER_NOW', CURRENT_TIMESTAMP(6)),
('trying to break in', 'trying to break in', 'DANGER_NOW', CURRENT_TIMESTAMP(6)),
('he''s got a knife', 'hes got a knife', 'DANGER_NOW', CURRENT_TIMESTAMP(6)),
('they''ve got a knife', 'theyve got a knife', 'DANGER_NOW', CURRENT_TIMESTAMP(6)),
('has a knife', 'has a knife', 'DANGER_NOW', CURRENT_TIMESTAMP(6)),
('got a gun', 'got a gun', 'DANGER_NOW', CURRENT_TIMESTAMP(6)),
('we are not safe', 'we are not safe', 'DANGER_NOW', CURRENT_TIMESTAMP(6)),
('we''re not safe', 'were not safe', 'DANGER_NOW', CURRENT_TIMESTAMP(6)),
('i''m not safe', 'im not safe', 'DANGER_NOW', CURRENT_TIMESTAMP(6)),
('scared for my life', 'scared for my life', 'DANGER_NOW', CURRENT_TIMESTAMP(6)),
('in danger now', 'in danger now', 'DANGER_NOW', CURRENT_TIMESTAMP(6)),
('they''ve taken him', 'theyve taken him', 'DANGER_NOW', CURRENT_TIMESTAMP(6)),
('they''ve taken her', 'theyve taken her', 'DANGER_NOW', CURRENT_TIMESTAMP(6)),
('hasn''t come home', 'hasnt come home', 'CHILD_MISSING', CURRENT_TIMESTAMP(6)),
('has not come home', 'has not come home', 'CHILD_MISSING', CURRENT_TIMESTAMP(6)),
('hasn''t been home', 'hasnt been home', 'CHILD_MISSING', CURRENT_TIMESTAMP(6)),
('didn''t come home', 'didnt come home', 'CHILD_MISSING', CURRENT_TIMESTAMP(6)),
('never came home', 'never came home', 'CHILD_MISSING', CURRENT_TIMESTAMP(6)),
('not come home', 'not come home', 'CHILD_MISSING', CURRENT_TIMESTAMP(6)),
('missing since', 'missing since', 'CHILD_MISSING', CURRENT_TIMESTAMP(6)),
('gone missing', 'gone missing', 'CHILD_MISSING', CURRENT_TIMESTAMP(6)),
('my * is missing', 'my * is missing', 'CHILD_MISSING', CURRENT_TIMESTAMP(6)),
('can''t find him', 'cant find him', 'CHILD_MISSING', CURRENT_TIMESTAMP(6)),
('can''t find her', 'cant find her', 'CHILD_MISSING', CURRENT_TIMESTAMP(6)),
('don''t know where he is', 'dont know where he is', 'CHILD_MISSING', CURRENT_TIMESTAMP(6)),
('don''t know where she is', 'dont know where she is', 'CHILD_MISSING', CURRENT_TIMESTAMP(6)),
('no one knows where he is', 'no one knows where he is', 'CHILD_MISSING', CURRENT_TIMESTAMP(6)),
('no one knows where she is', 'no one knows where she is', 'CHILD_MISSING', CURRENT_TIMESTAMP(6)),
('kill myself', 'kill myself', 'SELF_HARM', CURRENT_TIMESTAMP(6)),
('killing myself', 'killing myself', 'SELF_HARM', CURRENT_TIMESTAMP(6)),
('end my life', 'end my life', 'SELF_HARM', CURRENT_TIMESTAMP(6)),
('take my own life', 'take my own life', 'SELF_HARM', CURRENT_TIMESTAMP(6)),
('end it all', 'end it all', 'SELF_HARM', CURRENT_TIMESTAMP(6)),
('want to die', 'want to die', 'SELF_HARM', CURRENT_TIMESTAMP(6)),
('wants to die', 'wants to die', 'SELF_HARM', CURRENT_TIMESTAMP(6)),
('better off dead', 'better off dead', 'SELF_HARM', CURRENT_TIMESTAMP(6)),
('better off without me', 'better off without me', 'SELF_HARM', CURRENT_TIMESTAMP(6)),
('don''t want to be here anymore', 'dont want to be here anymore', 'SELF_HARM', CURRENT_TIMESTAMP(6)),
('don''t want to be here any more', 'dont want to be here any more', 'SELF_HARM', CURRENT_TIMESTAMP(6)),
('no reason to live', 'no reason to live', 'SELF_HARM', CURRENT_TIMESTAMP(6)),
('suicidal', 'suicidal', 'SELF_HARM', CURRENT_TIMESTAMP(6)),
('cutting herself', 'cutting herself', 'SELF_HARM', CURRENT_TIMESTAMP(6)),
('cutting himself', 'cutting himself', 'SELF_HARM', CURRENT_TIMESTAMP(6)),
('hurting herself', 'hurting herself', 'SELF_HARM', CURRENT_TIMESTAMP(6)),
('hurting himself', 'hurting himself', 'SELF_HARM', CURRENT_TIMESTAMP(6)),
('taken an overdose', 'taken an overdose', 'SELF_HARM', CURRENT_TIMESTAMP(6)),
('i''ll kill you', 'ill kill you', 'THREAT', CURRENT_TIMESTAMP(6)),
('i will kill you', 'i will kill you', 'THREAT', CURRENT_TIMESTAMP(6)),
('going to kill him', 'going to kill him', 'THREAT', CURRENT_TIMESTAMP(6)),
('going to kill her', 'going to kill her', 'THREAT', CURRENT_TIMESTAMP(6)),
('gonna kill', 'gonna kill', 'THREAT', CURRENT_TIMESTAMP(6)),
('they''d hurt her', 'theyd hurt her', 'THREAT', CURRENT_TIMESTAMP(6)),
('they''d hurt him', 'theyd hurt him', 'THREAT', CURRENT_TIMESTAMP(6)),
('they''ll hurt her', 'theyll hurt her', 'THREAT', CURRENT_TIMESTAMP(6)),
('they''ll hurt him', 'theyll hurt him', 'THREAT', CURRENT_TIMESTAMP(6)),
('threatened to stab', 'threatened to stab', 'THREAT', CURRENT_TIMESTAMP(6)),
('threatened to kill', 'threatened to kill', 'THREAT', CURRENT_TIMESTAMP(6)),
('we know where you live', 'we know where you live', 'THREAT', CURRENT_TIMESTAMP(6)),
('watch your back', 'watch your back', 'THREAT', CURRENT_TIMESTAMP(6)),
('burn your house', 'burn your house', 'THREAT', CURRENT_TIMESTAMP(6));
