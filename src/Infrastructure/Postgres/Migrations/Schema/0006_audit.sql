-- Who changed what on appointments and patients. Field names only, never their values, so no patient data is
-- copied here and erasing a patient leaves nothing of theirs behind in the log.
-- actor: 'patient' (their manage link), 'staff' (back office), 'api' (an integrator), 'system'.
CREATE TABLE audit_log (
    id uuid PRIMARY KEY,
    occurred_at timestamptz NOT NULL,
    actor text NOT NULL CHECK (length(actor) BETWEEN 1 AND 100),
    entity text NOT NULL CHECK (entity IN ('appointment', 'patient')),
    entity_id uuid NOT NULL,
    action text NOT NULL CHECK (length(action) BETWEEN 1 AND 50),
    changed_fields text[] NOT NULL DEFAULT '{}'
);

-- The log is read newest first, whole or for one entity; both are keyset pages.
CREATE INDEX audit_log_by_time ON audit_log (occurred_at DESC, id DESC);
CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id, occurred_at DESC, id DESC);
