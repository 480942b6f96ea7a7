-- Indexes that only make queries fast. Nothing here enforces a rule, so the bench can leave
-- this folder out to measure the service without them (Storage:QueryIndexes=false).

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- ListDoctors: filter by specialty, ordered by name then id (the keyset).
CREATE INDEX doctors_specialty_name_idx ON doctors (search_specialty, search_name, id);
CREATE INDEX doctors_name_idx ON doctors (search_name, id);
-- ListDoctors: substring search on the name.
CREATE INDEX doctors_name_trgm_idx ON doctors USING gin (search_name gin_trgm_ops);

CREATE INDEX time_off_doctor_idx ON time_off (doctor_id, starts_at);

-- A doctor's or a patient's appointments in a time range.
CREATE INDEX appointments_doctor_starts_idx ON appointments (doctor_id, starts_at);
CREATE INDEX appointments_patient_starts_idx ON appointments (patient_id, starts_at);
