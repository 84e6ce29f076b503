// Runs the built `kakor` command as a site owner would, for the log-server tests.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const KAKOR = join(__dirname, '../../dist/cli/kakor.js');

export interface RunningServer {
  child: ChildProcess;
  url: string;
  stderr(): string;
}

/** Starts `kakor log-server …` and resolves once it prints where it listens. */
export function startLogServerProcess(args: string[]): Promise<RunningServer> {
  const child = spawn(process.execPath, [KAKOR, 'log-server', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d) => { err += d; });
  return new Promise((ok, fail) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /kakor log-server: (http:\/\/\S+)/.exec(out);
      if (m) ok({ child, url: m[1], stderr: () => err });
    });
    child.on('exit', (code) => fail(new Error(`log-server exited with ${code}: ${err}`)));
  });
}

export function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((ok) => {
    child.once('exit', () => ok());
    child.kill(signal);
  });
}

/** `kakor …` to the end: exit code, stdout, stderr. */
export function kakor(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    execFile(process.execPath, [KAKOR, ...args], { maxBuffer: 64 << 20 }, (e, stdout, stderr) => {
      ok({ code: e ? Number((e as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}
