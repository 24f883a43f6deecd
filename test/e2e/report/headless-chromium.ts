import { execFile } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const executable = (file: string) => {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

/** CHROMIUM_PATH when set, else the first `chromium` on the PATH (like `which chromium`). */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CHROMIUM_PATH) return executable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  return dirs.map((dir) => join(dir, 'chromium')).find(executable);
}

export interface HeadlessRun {
  stdout: string;
  stderr: string;
}

/**
 * Opens `page` in a fresh headless Chromium (its own profile directory, no sandbox so it runs as root in CI)
 * with the extra flags (`--dump-dom`, `--screenshot=…`) and resolves when the browser exits.
 */
export function runHeadless(
  chromium: string,
  page: string,
  profile: string,
  flags: string[],
): Promise<HeadlessRun> {
  const args = [
    '--headless=new',
    '--disable-gpu',
    '--no-sandbox',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-extensions',
    '--hide-scrollbars',
    `--user-data-dir=${profile}`,
    '--window-size=1280,2400',
    ...flags,
    pathToFileURL(page).href,
  ];
  return new Promise((resolve, reject) => {
    execFile(chromium, args, { timeout: 60_000, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        const tail = stderr.split('\n').slice(-15).join('\n');
        reject(new Error(`${chromium} ${args.join(' ')} failed: ${error.message}\n${tail}`));
      } else {
        resolve({ stdout, stderr });
      }
    });
  });
}

/** Width and height from a PNG's IHDR chunk; throws when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature)) throw new Error('not a PNG file');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
