// Process-group bookkeeping for the e2e runner: everything it starts is spawned detached (its own
// process group) and registered here, so one cleanup call ends it and every descendant
// (code-server's file watcher, extension host, language server...), whatever path the run took.
import { spawn } from 'node:child_process';

const groups = new Set();

/** Spawns `command` in a new process group that `stopAll` will end. */
export function spawnGroup(command, args, options) {
  const child = spawn(command, args, { ...options, detached: true });
  groups.add(child);
  child.once('exit', () => groups.delete(child));
  return child;
}

/** SIGTERM, then SIGKILL after `graceMs`, to the process group of `child`. */
export async function stopGroup(child, graceMs = 5000) {
  if (child.exitCode === null && child.signalCode === null) {
    signalGroup(child, 'SIGTERM');
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, graceMs);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  // Descendants can outlive the group leader; the group id stays valid while any member lives.
  signalGroup(child, 'SIGKILL');
  groups.delete(child);
}

export async function stopAll() {
  await Promise.all([...groups].map((child) => stopGroup(child)));
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
}

/** Runs a command to completion in its own group; rejects with its output on a non-zero exit or timeout. */
export function runGroup(command, args, { timeoutMs, ...options }) {
  return new Promise((resolve, reject) => {
    const child = spawnGroup(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      void stopGroup(child, 0);
      reject(new Error(`${command} ${args.join(' ')} timed out after ${timeoutMs} ms\n${output}`));
    }, timeoutMs);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      void stopGroup(child, 0);
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}\n${output}`));
    });
  });
}
