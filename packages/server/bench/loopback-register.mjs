// Loaded with `--import` into the benchmark's server process only. Every benchmark request
// comes from 127.0.0.1, so the filing route's per-IP limit (20 an hour, src/routes/complaints.ts)
// would answer 429 after the 20th filing; this lets loopback through that limit and nothing else.
import { register } from 'node:module';

register('./loopback-hooks.mjs', import.meta.url);
