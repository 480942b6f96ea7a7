-- The clinic's staff, who sign in to the back office, and the API keys integrators call the staff API with.
CREATE TABLE staff_users (
    id uuid PRIMARY KEY,
    email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    role text NOT NULL CHECK (role IN ('Admin', 'Receptionist', 'Doctor')),
    -- A doctor's account reads that doctor's agenda only.
    doctor_id uuid REFERENCES doctors (id),
    password_hash text NOT NULL,
    failed_sign_ins int NOT NULL DEFAULT 0,
    locked_until timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((role = 'Doctor') = (doctor_id IS NOT NULL))
);
CREATE UNIQUE INDEX staff_users_email_key ON staff_users (lower(email));

-- Only the SHA-256 of a key is kept: the key itself is shown once, when it is issued.
CREATE TABLE api_keys (
    id uuid PRIMARY KEY,
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    key_hash bytea NOT NULL UNIQUE,
    created_by uuid REFERENCES staff_users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL,
    revoked_at timestamptz
);
