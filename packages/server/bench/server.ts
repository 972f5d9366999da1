// Starts the real server (src/main.ts) in a child process on a free loopback port and waits
// for /health; reads the child's memory from /proc; stops it with SIGTERM (its own shutdown).
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const LOOPBACK = fileURLToPath(new URL('./loopback-register.mjs', import.meta.url));

export interface RunningServer {
  url: string;
  pid: number;
  /** Spawn to the first 200 from /health. */
  startSeconds: number;
  /** The server's own "ready in" figure (database open + migrations + app built). */
  readySeconds: number | null;
  stop(): Promise<void>;
  output(): string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export async function startServer(env: Record<string, string>, opts: { cpuProfDir?: string | undefined } = {}): Promise<RunningServer> {
  const port = await freePort();
  const args = ['--import', 'tsx', '--import', LOOPBACK];
  if (opts.cpuProfDir) args.push('--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`);
  args.push(MAIN);
  const t0 = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO_DATA: 'false',
      WORKERS: 'false',
      LOG_LEVEL: 'warn',
      FILINGS_PER_DAY: '1000000',
      OTP_PER_PHONE_PER_HOUR: '1000000',
      OTP_PER_IP_PER_HOUR: '1000000',
      PUBLIC_URL: 'http://localhost:3000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited) throw new Error(`server exited during start-up:\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not healthy after 120 s:\n${out}`);
    }
    try {
      const r = await fetch(`${url}/health`);
      if (r.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const startSeconds = (performance.now() - t0) / 1000;
  const m = out.match(/ready in ([\d.]+) s/);
  return {
    url,
    pid: child.pid!,
    startSeconds,
    readySeconds: m ? Number(m[1]) : null,
    output: () => out,
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exit;
      clearTimeout(timer);
    },
  };
}

/** VmRSS and VmHWM (peak) of a process, in MiB. */
export async function memoryOf(pid: number): Promise<{ rssMiB: number; peakMiB: number } | null> {
  try {
    const s = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(s.match(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN);
    return { rssMiB: kb('VmRSS') / 1024, peakMiB: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}
