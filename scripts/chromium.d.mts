export declare const CANDIDATES: string[];
export declare const INSTALL: string;
export type ChromiumPlan = { use: string; install?: undefined; stop?: undefined } | { install: true; use?: undefined; stop?: undefined } | { stop: string; use?: undefined; install?: undefined };
export declare function planChromium(facts: { env: Record<string, string | undefined>; exists: (path: string) => boolean; isRoot: boolean; hasApt: boolean }): ChromiumPlan;
export declare function ensureChromium(env?: Record<string, string | undefined>, log?: (m: string) => void): ChromiumPlan;
