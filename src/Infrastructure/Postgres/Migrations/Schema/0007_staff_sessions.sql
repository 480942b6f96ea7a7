-- Signing out ends every session of the account: each session carries the number it was signed in under, and
-- signing out moves the number on, so a copied cookie stops working at the next session check.
ALTER TABLE staff_users ADD COLUMN session_generation int NOT NULL DEFAULT 0;
