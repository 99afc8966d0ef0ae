// Global setup: starts two real reqlab-echo servers on free loopback ports and stops them afterwards.
//   REQLAB_URL        the app at / with the echo routes beside it (as the README's run command serves it), with
//                     forward mode on and loopback targets allowed, so "Send via reqlab-echo" can be tested
//   REQLAB_PAGES_URL  the app under /reqlab/ on another origin, as GitHub Pages would host it
// Both run the OAuth 2.0 test authorization server (--oauth-test): one is the provider of the other's page.
import { spawn, ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import * as fs from 'node:fs';

const root = path.resolve(__dirname, '../..');
export const distDir = process.env.REQLAB_DIST ?? path.join(root, 'dist');
const echoBin = process.env.REQLAB_ECHO_BIN ?? path.join(root, 'target/release/reqlab-echo');

function startEcho(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(echoBin, ['--listen', '127.0.0.1:0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`reqlab-echo did not start: ${seen}`)), 10_000);
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`reqlab-echo exited with ${code}: ${seen}`)));
    child.stdout!.on('data', (chunk) => {
      seen += chunk.toString();
      const match = seen.match(/listening on (http:\/\/[^\s]+)/);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    });
  });
}

export default async function globalSetup() {
  for (const needed of [echoBin, path.join(distDir, 'index.html')]) {
    if (!fs.existsSync(needed)) throw new Error(`${needed} is missing: build the app and reqlab-echo first`);
  }
  const app = await startEcho(['--static', distDir, '--forward', '--allow-private', '--oauth-test']);
  const pages = await startEcho(['--static', distDir, '--mount', '/reqlab/', '--oauth-test']);
  process.env.REQLAB_URL = app.url;
  process.env.REQLAB_PAGES_URL = new URL('/reqlab/', pages.url).href;
  return async () => {
    for (const { child } of [app, pages]) {
      child.removeAllListeners('exit');
      child.kill('SIGTERM');
    }
  };
}
