-- Query indexes for the clinic's operations (see 0001 for why they live apart).

CREATE INDEX appointment_events_appointment_idx ON appointment_events (appointment_id, occurred_at);

-- Patient search: substring on name, email and phone digits; listing ordered by name then id.
CREATE INDEX patients_name_trgm_idx ON patients USING gin (search_name gin_trgm_ops);
CREATE INDEX patients_email_trgm_idx ON patients USING gin (search_email gin_trgm_ops);
CREATE INDEX patients_phone_trgm_idx ON patients USING gin (search_phone gin_trgm_ops);
CREATE INDEX patients_name_idx ON patients (search_name, id);

-- Appointment lists by date range and status, in start order with the id as tie-break.
CREATE INDEX appointments_starts_idx ON appointments (starts_at, id);
