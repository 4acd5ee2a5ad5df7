import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** A child process the bench started; its output goes to a log file, not through the bench process. */
export interface Service {
  readonly name: string;
  readonly pid: number;
  readonly logFile: string;
  readonly child: ChildProcess;
  /** Resolves with the exit code (or signal) once the process has ended. */
  readonly exited: Promise<string>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
  stop(graceMs?: number): Promise<string>;
  /** The last lines of its log, for error messages. */
  tail(lines?: number): string;
  /** Whether its log so far contains `text`. */
  logged(text: string): boolean;
}

/** `ipc`: an IPC channel to the child (bench/lib/cost-probe.ts answers on it). */
export function startService(
  name: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  logDir: string,
  options: { ipc?: boolean } = {},
): Service {
  fs.mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `${name}.log`);
  const fd = fs.openSync(logFile, 'w');
  const child = spawn(process.execPath, args, { env, stdio: options.ipc ? ['ignore', fd, fd, 'ipc'] : ['ignore', fd, fd] });
  fs.closeSync(fd);
  if (child.pid === undefined) throw new Error(`${name} did not start`);
  let code: string | null = null;
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (c, signal) => {
      code = signal ?? String(c);
      resolve(code);
    });
  });
  const tail = (lines = 20) => {
    try {
      return fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  };
  const logged = (text: string) => {
    try {
      return fs.readFileSync(logFile, 'utf8').includes(text);
    } catch {
      return false;
    }
  };
  return {
    name,
    pid: child.pid,
    logFile,
    child,
    exited,
    tail,
    logged,
    async stop(graceMs = 15_000) {
      if (code !== null) return code;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** A port nobody listens on right now, on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `check` every `everyMs` until it returns true; a bounded number of tries, then throws. */
export async function waitUntil(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  everyMs = 200,
  service?: Service,
): Promise<void> {
  const tries = Math.max(1, Math.ceil(timeoutMs / everyMs));
  for (let i = 0; i < tries; i++) {
    if (service && service.child.exitCode !== null) {
      throw new Error(`${service.name} exited (${service.child.exitCode}) before ${what}:\n${service.tail()}`);
    }
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${service ? `:\n${service.tail()}` : ''}`);
}

export async function httpOk(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
  return response.ok;
}

/** Resident memory of a process from /proc: the current and the peak (VmHWM), in MiB. Null where /proc is missing. */
export function memoryOf(pid: number): { rssMiB: number; peakRssMiB: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMiB: kib('VmRSS') / 1024, peakRssMiB: kib('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** Samples a process's RSS every `everyMs` while running; `stop()` returns the highest seen and the kernel's VmHWM. */
export function sampleMemory(pid: number, everyMs = 250) {
  let maxRss = 0;
  let peak = 0;
  const take = () => {
    const m = memoryOf(pid);
    if (m) {
      maxRss = Math.max(maxRss, m.rssMiB);
      peak = Math.max(peak, m.peakRssMiB);
    }
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return { maxSampledRssMiB: round1(maxRss), peakRssMiB: round1(peak) };
    },
  };
}

export const round1 = (n: number) => Math.round(n * 10) / 10;

/** CPU seconds (user + system) a process has used so far, from /proc; NaN where /proc is missing. */
export function cpuSecondsOf(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command name.
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

/** Busy and total CPU seconds of the whole machine, all cores added, from /proc/stat. */
export function machineCpuSeconds(): { busy: number; total: number } {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0];
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = v[3] + (v[4] ?? 0);
    const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: (total - idle) / CLOCK_TICKS, total: total / CLOCK_TICKS };
  } catch {
    return { busy: NaN, total: NaN };
  }
}

/** USER_HZ; 100 on every Linux this runs on. */
const CLOCK_TICKS = 100;

/** Measures how busy a process, and the machine, were while `work` ran: percent of one core, percent of all cores. */
export async function cpuWhile<T>(
  pid: number,
  work: () => Promise<T>,
): Promise<{ result: T; processCpuPercent: number; machineCpuPercent: number }> {
  const p0 = cpuSecondsOf(pid);
  const m0 = machineCpuSeconds();
  const t0 = Date.now();
  const result = await work();
  const seconds = (Date.now() - t0) / 1000;
  const m1 = machineCpuSeconds();
  const p1 = cpuSecondsOf(pid);
  return {
    result,
    processCpuPercent: round1(((p1 - p0) / seconds) * 100),
    machineCpuPercent: round1(((m1.busy - m0.busy) / Math.max(1e-9, m1.total - m0.total)) * 100),
  };
}
