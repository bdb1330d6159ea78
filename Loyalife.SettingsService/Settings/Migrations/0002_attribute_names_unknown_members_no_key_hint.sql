-- Each program's MoEngage names for its attributes (only the admin's overrides; '{}' means the defaults),
-- what the dispatcher does with events of members MoEngage may not hold, and what the last save's Get User
-- check found (null: not asked yet). Rows saved before these existed read as the defaults: MoEngage's default
-- names and verify.
ALTER TABLE settings.moengage_integrations ADD COLUMN attribute_names jsonb NOT NULL DEFAULT '{}';
ALTER TABLE settings.moengage_integrations ADD COLUMN unknown_members text NOT NULL DEFAULT 'verify'
    CONSTRAINT moengage_integrations_unknown_members CHECK (unknown_members IN ('verify', 'send'));
ALTER TABLE settings.moengage_integrations ADD COLUMN get_user_available boolean NULL;

-- No part of a key stays in PostgreSQL: the masked view reads the key's last characters through the secret
-- store. Emptied before the drop, so no live row version keeps a hint (dead versions go with the next vacuum).
UPDATE settings.moengage_integrations SET api_key_hint = '';
ALTER TABLE settings.moengage_integrations DROP COLUMN api_key_hint;
