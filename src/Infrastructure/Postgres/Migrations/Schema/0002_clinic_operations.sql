-- What running a clinic needs beyond booking: patient self-service links, cancellation reasons,
-- a history of every status change, patient erasure, and search by email and phone.

-- SHA-256 of the patient's private manage link; the link itself is never stored.
ALTER TABLE appointments ADD COLUMN manage_token_hash bytea UNIQUE;
ALTER TABLE appointments ADD COLUMN cancellation_reason text CHECK (length(cancellation_reason) <= 500);
ALTER TABLE appointments ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- Every change of an appointment, in order: who did it and what it became.
-- actor: 'patient' (their manage link), 'staff' (back office), 'api' (an integrator), 'system'.
CREATE TABLE appointment_events (
    id uuid PRIMARY KEY,
    appointment_id uuid NOT NULL REFERENCES appointments (id),
    occurred_at timestamptz NOT NULL,
    kind text NOT NULL CHECK (kind IN ('Booked', 'Cancelled', 'Rescheduled', 'Completed', 'NoShow')),
    status text NOT NULL CHECK (status IN ('Scheduled', 'Cancelled', 'Completed', 'NoShow')),
    actor text NOT NULL CHECK (length(actor) BETWEEN 1 AND 100),
    starts_at timestamptz NOT NULL,
    ends_at timestamptz NOT NULL,
    note text CHECK (length(note) <= 500)
);

-- Erasure anonymises the person and keeps the appointment history whole.
ALTER TABLE patients ADD COLUMN erased_at timestamptz;
ALTER TABLE patients ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE patients ADD COLUMN search_email text GENERATED ALWAYS AS (lower(email)) STORED;
-- Digits only, so "+34 612-345-678" and "612345678" find each other.
ALTER TABLE patients ADD COLUMN search_phone text
    GENERATED ALWAYS AS (regexp_replace(phone, '[^0-9]', '', 'g')) STORED;

ALTER TABLE doctors ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
