// The command line's help text.
import { API_KEY_SCOPES } from '@nalish/domain';
export const USAGE = `Nalish admin command line

Usage: npm run nalish -- <command> [options]

It opens the database the server uses, from the same settings (DATA_DIR, DATABASE_URL, ...).
The embedded database (PGlite, in DATA_DIR/pglite) can be opened by one process only:
stop the server before using this tool, or run both against PostgreSQL (DATABASE_URL).

Offices and officers
  office create --name-en <text> --name-bn <text> --level district|division|national
                [--area <district or division id, e.g. dhaka>] [--email <address>]
  office list
  officer create --office <office id> --name <text> --email <address> [--password <text>]
                 (a strong password is made if none is given; the password, the TOTP secret
                  and an otpauth:// URL for an authenticator app are shown once)
  officer list

Merchants and API keys
  merchant create --name <text> [--trade-licence <no>] [--dbid <id>] [--email <address>]
                  [--website <domain>]... [--facebook <page>]... [--phone <mobile>]...
  merchant list
  merchant user --merchant <merchant id> --email <address> --name <text>
                [--password <text>] [--role owner|agent]
  apikey create --merchant <merchant id> --label <text> [--scopes <scope,scope>]
                (the key is shown once; scopes: ${API_KEY_SCOPES.join(', ')};
                 default complaints:read,complaints:respond)
  apikey list   --merchant <merchant id>
  apikey revoke --merchant <merchant id> --id <key id>
  apikey rotate --merchant <merchant id> --id <key id>
                (a new key with the same label and scopes; the old one is revoked in the same
                 transaction)

Complaint history
  verify-chain [--complaint <tracking code>]
                (checks the hash chain of one complaint's history, or of all, and that no
                 history has lost its complaint; exit code 1 if any is broken)

Demo data
  demo disable-logins
                (switches off the demo officers and merchant, whose passwords are in the
                 README, and ends their sessions; a public install refuses to start while
                 they work)

Public holidays (the working-day calendar for deadlines)
  holidays list [--year <yyyy>]
  holidays add --date <yyyy-mm-dd> [--to <yyyy-mm-dd>] --name-en <text> --name-bn <text>
               [--kind general|executive_order|optional|working_weekend] [--applies-to <group>]
               [--lunar] [--unconfirmed] [--source <text>] [--note <text>]
               (default kind general; general and executive_order close offices, optional
                does not, working_weekend opens offices on one Friday or Saturday)
  holidays remove --date <yyyy-mm-dd> | --id <holiday id>
  holidays why --date <yyyy-mm-dd> [--lang bn|en]
               (is the date a working day, and if not, why)
  holidays import <file.csv> [--year <yyyy>] [--lang bn|en] [--apply [--expect <fingerprint>]]
               (a year's list from the Ministry of Public Administration, as CSV with the
                columns date,kind,name_en,name_bn[,lunar,confirmed,applies_to,source,note];
                date is a day or a range 2026-03-19..2026-03-23. Without --apply it shows
                what would be added, removed, renamed or changed and which days stop or start
                being working days, and changes nothing; --expect takes the preview's
                fingerprint and refuses if the table changed since. Errors name their line.)
                (a running server re-reads holidays within a minute. Adding, removing and
                 importing record the change of working days; the server's deadline worker
                 then moves every open deadline that counted a newly closed day, never earlier,
                 with an event in the complaint's history and a message to the party who owes
                 the step)

Other
  totp <base32 secret>   the current authenticator code (e.g. for the demo officer)
  help                   this text

Output is JSON for records and plain text for checks. Exit code 0 on success, 1 on error.
`;
