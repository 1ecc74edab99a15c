/**
 * Runs a command as a reader would and notes how long it took and the most memory it held: the
 * resident memory of its whole process tree (tsx starts the script in a child process; worker threads
 * live inside it), read from Linux's /proc while it runs.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/** How often the tree's memory is sampled; each process's own high-water mark catches what falls between. */
const SAMPLE_MS = 100;

export interface CommandRun {
  seconds: number;
  /**
   * The largest sum of the tree's resident memory at one sample, or the largest single process's own
   * peak if that was higher; null where /proc cannot be read.
   */
  peakRssBytes: number | null;
  exitCode: number | null;
  stdout: string;
}

interface ProcessMemory {
  rssBytes: number;
  peakBytes: number;
}

/** The `kB` figure of a /proc/<pid>/status field, in bytes. */
export function statusField(status: string, field: string): number | null {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
  return match?.[1] === undefined ? null : Number(match[1]) * 1024;
}

/** The parent of each process, from /proc/<pid>/stat (the field after the command's closing parenthesis). */
async function parentsOfAll(): Promise<Map<number, number>> {
  const parents = new Map<number, number>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = await readFile(`/proc/${name}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(name), parent);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return parents;
}

/** The root and everything it started, however deep. */
export function descendantsOf(root: number, parents: ReadonlyMap<number, number>): number[] {
  const tree = [root];
  for (let index = 0; index < tree.length; index += 1) {
    for (const [pid, parent] of parents) if (parent === tree[index] && !tree.includes(pid)) tree.push(pid);
  }
  return tree;
}

async function memoryOf(pid: number): Promise<ProcessMemory | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    return { rssBytes: statusField(status, 'VmRSS') ?? 0, peakBytes: statusField(status, 'VmHWM') ?? 0 };
  } catch {
    return null;
  }
}

async function canReadProc(): Promise<boolean> {
  return (await memoryOf(process.pid)) !== null;
}

/** Runs `command`; its stderr passes through (progress), its stdout is kept and returned. */
export async function runMeasured(command: string, args: string[], options: { cwd: string }): Promise<CommandRun> {
  const watchMemory = await canReadProc();
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    stdout += text;
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  let running = true;
  let peak = 0;
  const sampling = (async () => {
    const pid = child.pid;
    if (!watchMemory || pid === undefined) return;
    while (running) {
      let sum = 0;
      for (const member of descendantsOf(pid, await parentsOfAll())) {
        const memory = await memoryOf(member);
        if (memory === null) continue;
        sum += memory.rssBytes;
        peak = Math.max(peak, memory.peakBytes);
      }
      peak = Math.max(peak, sum);
      await sleep(SAMPLE_MS);
    }
  })();
  const exitCode = await exited;
  const seconds = (performance.now() - started) / 1000;
  running = false;
  await sampling;
  return { seconds, peakRssBytes: watchMemory ? peak : null, exitCode, stdout };
}
