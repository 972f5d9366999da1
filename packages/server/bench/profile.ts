// Summarises a V8 .cpuprofile (from the server child's --cpu-prof): self time by function
// and by where the code lives (our source, a package, Node internals, garbage collection).
import { readFile } from 'node:fs/promises';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

export interface ProfileSummary {
  totalMs: number;
  byArea: { area: string; ms: number; share: number }[];
  byFunction: { fn: string; ms: number; share: number }[];
}

function area(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1]!;
  const ours = url.match(/packages\/(server|domain)\/src\/(.*)$/);
  if (ours) return `${ours[1]}/src/${ours[2]!.split('/')[0]}`;
  if (url.startsWith('node:')) return 'node:internal';
  return url.replace(/^file:\/\//, '').slice(-40);
}

export async function summariseProfile(path: string, top = 15): Promise<ProfileSummary> {
  const p = JSON.parse(await readFile(path, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };
  const totalMs = (p.endTime - p.startTime) / 1000;
  const samples = p.samples.length || 1;
  const perSample = totalMs / samples;
  const byArea = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (const n of p.nodes) {
    const hits = n.hitCount ?? 0;
    if (!hits) continue;
    const ms = hits * perSample;
    const a = area(n.callFrame.url, n.callFrame.functionName);
    byArea.set(a, (byArea.get(a) ?? 0) + ms);
    const where = n.callFrame.url ? `${n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*packages\//, '')}:${n.callFrame.lineNumber + 1}` : '';
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${where}`.trim();
    byFn.set(fn, (byFn.get(fn) ?? 0) + ms);
  }
  const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  return {
    totalMs,
    byArea: sorted(byArea).map(([area, ms]) => ({ area, ms, share: ms / totalMs })),
    byFunction: sorted(byFn).map(([fn, ms]) => ({ fn, ms, share: ms / totalMs })),
  };
}
