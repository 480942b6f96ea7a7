-- The clinic's tables and the rules the database itself enforces.
-- Query indexes are not here: they live in ../Indexes so the bench can run without them.

CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- Lower-case, accent-free form of a text, used for accent- and case-insensitive search.
-- unaccent() is only STABLE; naming the dictionary makes the result fixed, so generated
-- columns and indexes may use it.
CREATE FUNCTION search_key(value text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN lower(public.unaccent('public.unaccent'::regdictionary, value));

CREATE TABLE doctors (
    id uuid PRIMARY KEY,
    full_name text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
    specialty text NOT NULL CHECK (length(specialty) BETWEEN 1 AND 100),
    time_zone text NOT NULL CHECK (length(time_zone) BETWEEN 1 AND 64),
    slot_minutes integer NOT NULL CHECK (slot_minutes BETWEEN 5 AND 240),
    is_active boolean NOT NULL DEFAULT true,
    search_name text GENERATED ALWAYS AS (search_key(full_name)) STORED,
    search_specialty text GENERATED ALWAYS AS (search_key(specialty)) STORED
);

-- Weekly working hours as wall-clock times in the doctor's zone; several intervals a day
-- (a lunch break is the gap between two). day_of_week follows .NET's DayOfWeek: 0 = Sunday.
CREATE TABLE working_hours (
    doctor_id uuid NOT NULL REFERENCES doctors (id) ON DELETE CASCADE,
    day_of_week smallint NOT NULL CHECK (day_of_week BETWEEN 0 AND 6),
    starts_at time NOT NULL,
    ends_at time NOT NULL,
    PRIMARY KEY (doctor_id, day_of_week, starts_at),
    CHECK (starts_at < ends_at),
    CONSTRAINT working_hours_no_overlap EXCLUDE USING gist (
        doctor_id WITH =,
        day_of_week WITH =,
        tsrange(date '2000-01-01' + starts_at, date '2000-01-01' + ends_at) WITH &&)
);

-- Time off (holidays, leave) as wall-clock timestamps in the doctor's zone.
CREATE TABLE time_off (
    id uuid PRIMARY KEY,
    doctor_id uuid NOT NULL REFERENCES doctors (id) ON DELETE CASCADE,
    starts_at timestamp NOT NULL,
    ends_at timestamp NOT NULL,
    reason text CHECK (length(reason) <= 200),
    CHECK (starts_at < ends_at)
);

CREATE TABLE patients (
    id uuid PRIMARY KEY,
    full_name text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
    email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    phone text NOT NULL CHECK (length(phone) BETWEEN 3 AND 32),
    created_at timestamptz NOT NULL DEFAULT now(),
    search_name text GENERATED ALWAYS AS (search_key(full_name)) STORED
);

-- One patient per email address, whatever its case.
CREATE UNIQUE INDEX patients_email_key ON patients (lower(email));

-- An appointment is active unless cancelled. The two exclusion constraints make overlapping
-- active appointments of one doctor, or of one patient, impossible under any concurrency.
CREATE TABLE appointments (
    id uuid PRIMARY KEY,
    doctor_id uuid NOT NULL REFERENCES doctors (id),
    patient_id uuid NOT NULL REFERENCES patients (id),
    starts_at timestamptz NOT NULL,
    ends_at timestamptz NOT NULL,
    status text NOT NULL DEFAULT 'Scheduled'
        CHECK (status IN ('Scheduled', 'Cancelled', 'Completed', 'NoShow')),
    reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (starts_at < ends_at),
    CONSTRAINT appointments_doctor_no_overlap EXCLUDE USING gist (
        doctor_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (status <> 'Cancelled'),
    CONSTRAINT appointments_patient_no_overlap EXCLUDE USING gist (
        patient_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (status <> 'Cancelled')
);
