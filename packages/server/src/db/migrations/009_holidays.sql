-- The holiday calendar as the government publishes it: one row per holiday or multi-day
-- closure (a range), with its kind, names in both languages and whether a lunar date is
-- confirmed. The rules for an entry live in packages/domain/src/calendar/holidays.ts; the
-- CHECKs below repeat them so no writer can store what the calendar cannot use.
--
--   general, executive_order   close government offices: the working-day count skips them
--   optional                   a day one community may take (applies_to): offices stay open
--   working_weekend            a Friday or Saturday on which offices were ordered open
--
-- The server seeds the table from packages/domain/data/holidays-bd.json and keeps it up to
-- date with each release without undoing an administrator's edits (server/src/holidays/
-- seed.ts): shipped rows carry their entry's key, and holiday_shipped remembers every shipped
-- entry ever applied, with the content it had, so a deleted or edited row stays as it was left;
-- a year whose list was imported is left to the administrators altogether.

ALTER TABLE holidays RENAME TO holidays_v1;

CREATE TABLE holidays (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  first_day    date NOT NULL,
  last_day     date NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('general', 'executive_order', 'optional', 'working_weekend')),
  applies_to   text CHECK (applies_to IN ('muslim', 'hindu', 'christian', 'buddhist', 'ethnic_minorities', 'industrial_workers')),
  name_en      text NOT NULL CHECK (btrim(name_en) <> '' AND length(name_en) <= 200),
  name_bn      text NOT NULL CHECK (btrim(name_bn) <> '' AND length(name_bn) <= 200),
  lunar        boolean NOT NULL DEFAULT false,
  confirmed    boolean NOT NULL DEFAULT true,
  source       text CHECK (length(source) <= 1000),
  note         text CHECK (length(note) <= 1000),
  -- the shipped entry this row came from ('2026/eid-ul-fitr'); null for rows made here
  shipped_key  text UNIQUE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT holidays_range CHECK (last_day >= first_day AND last_day - first_day < 31),
  CONSTRAINT holidays_applies_to CHECK (applies_to IS NULL OR kind = 'optional'),
  CONSTRAINT holidays_working_weekend CHECK (kind <> 'working_weekend' OR (first_day = last_day AND extract(isodow FROM first_day) IN (5, 6))),
  CONSTRAINT holidays_unique UNIQUE (first_day, last_day, kind, name_en)
);
CREATE INDEX holidays_days ON holidays (first_day, last_day);

CREATE TABLE holiday_shipped (
  key         text PRIMARY KEY,
  -- holidayFingerprint() of the entry as last applied: a row that still matches it is untouched
  fingerprint text NOT NULL,
  applied_at  timestamptz NOT NULL DEFAULT now()
);

-- Each year's list imported by an administrator (holidays/importCsv.ts). From then on that year
-- belongs to the administrators: the shipped data no longer adds, changes or removes its rows.
CREATE TABLE holiday_imports (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  year         int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  added        int NOT NULL,
  removed      int NOT NULL,
  changed      int NOT NULL,
  imported_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX holiday_imports_year ON holiday_imports (year);

-- Rows of the old one-day list (format 1 of holidays-bd.json) that nobody edited are left out:
-- the new shipped data replaces them at the next start. Rows an administrator added or edited
-- are kept, as office closures (their kind was not recorded).
INSERT INTO holidays (first_day, last_day, kind, name_en, name_bn, lunar, confirmed, note)
SELECT v.date, v.date, 'general', v.name_en, v.name_bn, NOT v.confirmed, v.confirmed, 'Kept from the holiday table before migration 009; kind not recorded.'
  FROM holidays_v1 v
 WHERE NOT EXISTS (
   SELECT 1 FROM (VALUES
    ('2025-02-21', 'Shaheed Day and International Mother Language Day', 'শহীদ দিবস ও আন্তর্জাতিক মাতৃভাষা দিবস', true),
    ('2025-03-26', 'Independence Day', 'স্বাধীনতা দিবস', true),
    ('2025-03-31', 'Eid-ul-Fitr', 'ঈদুল ফিতর', true),
    ('2025-04-14', 'Pohela Boishakh', 'পহেলা বৈশাখ', true),
    ('2025-05-01', 'May Day', 'মে দিবস', true),
    ('2025-06-07', 'Eid-ul-Azha', 'ঈদুল আজহা', true),
    ('2025-08-05', 'July Mass Uprising Day', 'জুলাই গণঅভ্যুত্থান দিবস', true),
    ('2025-12-16', 'Victory Day', 'বিজয় দিবস', true),
    ('2025-12-25', 'Christmas Day', 'বড়দিন', true),
    ('2026-02-21', 'Shaheed Day and International Mother Language Day', 'শহীদ দিবস ও আন্তর্জাতিক মাতৃভাষা দিবস', true),
    ('2026-03-20', 'Eid-ul-Fitr', 'ঈদুল ফিতর', false),
    ('2026-03-26', 'Independence Day', 'স্বাধীনতা দিবস', true),
    ('2026-04-14', 'Pohela Boishakh', 'পহেলা বৈশাখ', true),
    ('2026-05-01', 'May Day', 'মে দিবস', true),
    ('2026-05-27', 'Eid-ul-Azha', 'ঈদুল আজহা', false),
    ('2026-08-05', 'July Mass Uprising Day', 'জুলাই গণঅভ্যুত্থান দিবস', true),
    ('2026-10-20', 'Durga Puja (Bijoya Dashami)', 'দুর্গাপূজা (বিজয়া দশমী)', false),
    ('2026-12-16', 'Victory Day', 'বিজয় দিবস', true),
    ('2026-12-25', 'Christmas Day', 'বড়দিন', true),
    ('2027-02-21', 'Shaheed Day and International Mother Language Day', 'শহীদ দিবস ও আন্তর্জাতিক মাতৃভাষা দিবস', true),
    ('2027-03-10', 'Eid-ul-Fitr', 'ঈদুল ফিতর', false),
    ('2027-03-26', 'Independence Day', 'স্বাধীনতা দিবস', true),
    ('2027-04-14', 'Pohela Boishakh', 'পহেলা বৈশাখ', true),
    ('2027-05-01', 'May Day', 'মে দিবস', true),
    ('2027-05-17', 'Eid-ul-Azha', 'ঈদুল আজহা', false),
    ('2027-08-05', 'July Mass Uprising Day', 'জুলাই গণঅভ্যুত্থান দিবস', true),
    ('2027-12-16', 'Victory Day', 'বিজয় দিবস', true),
    ('2027-12-25', 'Christmas Day', 'বড়দিন', true)
   ) AS shipped_v1 (date, name_en, name_bn, confirmed)
   WHERE shipped_v1.date::date = v.date AND shipped_v1.name_en = v.name_en
     AND shipped_v1.name_bn = v.name_bn AND shipped_v1.confirmed = v.confirmed
 );

DROP TABLE holidays_v1;
