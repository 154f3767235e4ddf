// Firefox smoke run: Debian's Firefox ESR, headless, driven over Marionette (built into Firefox, no
// geckodriver needed): installs target/lurelens-firefox as a temporary add-on, opens the job-board
// fixture from 127.0.0.1 and waits for the badges the background script's engine produces.
// Run by `make test-extension` when /usr/bin/firefox-esr exists (scripts/setup.sh installs it).
import net from 'node:net';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../lib/server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const ADDON = path.join(ROOT, 'target', 'lurelens-firefox');
const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
const MARIONETTE_PORT = 2828 + Math.floor(Math.random() * 1000);
const CONNECT_TIMEOUT_MS = 60_000;
const BADGE_TIMEOUT_MS = 60_000;

// Marionette frames: "<length>:<json>"; commands [0, id, name, params], replies [1, id, error, result].
class Marionette {
  constructor(socket) {
    this.socket = socket; this.buf = ''; this.id = 0; this.waiting = new Map();
    socket.setEncoding('utf8');
    socket.on('data', (d) => { this.buf += d; this.drain(); });
  }
  drain() {
    for (;;) {
      const colon = this.buf.indexOf(':');
      if (colon < 0) return;
      const len = Number(this.buf.slice(0, colon));
      if (Buffer.byteLength(this.buf.slice(colon + 1)) < len) return;
      // Lengths are in bytes; replies here are ASCII JSON except page text, which we never read.
      const body = this.buf.slice(colon + 1, colon + 1 + len);
      this.buf = this.buf.slice(colon + 1 + len);
      const msg = JSON.parse(body);
      if (Array.isArray(msg) && msg[0] === 1) {
        const w = this.waiting.get(msg[1]);
        this.waiting.delete(msg[1]);
        if (w) (msg[2] ? w.reject(new Error(`${msg[2].error}: ${msg[2].message}`)) : w.resolve(msg[3]));
      } else if (this.onHello) { this.onHello(msg); this.onHello = null; }
    }
  }
  send(name, params = {}) {
    const id = ++this.id;
    const body = JSON.stringify([0, id, name, params]);
    this.socket.write(`${Buffer.byteLength(body)}:${body}`);
    return new Promise((resolve, reject) => this.waiting.set(id, { resolve, reject }));
  }
}

async function connect(port) {
  const deadline = Date.now() + CONNECT_TIMEOUT_MS;
  for (;;) {
    try {
      const socket = await new Promise((resolve, reject) => {
        const s = net.connect(port, '127.0.0.1', () => resolve(s));
        s.on('error', reject);
      });
      const m = new Marionette(socket);
      await new Promise((resolve) => { m.onHello = resolve; });
      return m;
    } catch (e) {
      if (Date.now() > deadline) throw new Error(`Firefox did not open Marionette on ${port}: ${e.message}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

if (!existsSync(FIREFOX)) { console.log(`firefox smoke: ${FIREFOX} not installed, skipped`); process.exit(0); }
if (!existsSync(path.join(ADDON, 'manifest.json'))) throw new Error('target/lurelens-firefox missing: run scripts/build-extension.sh');

const profile = mkdtempSync(path.join(tmpdir(), 'lurelens-ff-'));
// Closed network (toolchain.md): no telemetry, updates or remote settings; Marionette on our port.
writeFileSync(path.join(profile, 'user.js'), [
  ['marionette.port', MARIONETTE_PORT], ['app.update.enabled', false], ['datareporting.policy.dataSubmissionEnabled', false],
  ['toolkit.telemetry.enabled', false], ['browser.shell.checkDefaultBrowser', false], ['network.proxy.type', 0],
  ['browser.startup.homepage_override.mstone', 'ignore'], ['extensions.autoDisableScopes', 0],
].map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n'));
const server = await startServer();
const ff = spawn(FIREFOX, ['--headless', '--marionette', '--no-remote', '--profile', profile], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, MOZ_HEADLESS: '1' } });
let stderr = '';
ff.stderr.on('data', (d) => { stderr += d; });
let ok = false;
try {
  const m = await connect(MARIONETTE_PORT);
  const session = await m.send('WebDriver:NewSession', { capabilities: {} });
  const installed = await m.send('Addon:Install', { path: ADDON, temporary: true });
  console.log(`firefox smoke: Firefox ${session?.capabilities?.browserVersion} installed ${installed?.value ?? installed?.id}`);
  await m.send('WebDriver:Navigate', { url: `${server.origin}/job-board.html` });
  const deadline = Date.now() + BADGE_TIMEOUT_MS;
  let states = [];
  while (Date.now() < deadline) {
    const r = await m.send('WebDriver:ExecuteScript', { script: `return [...document.querySelectorAll('[data-expect]')].map((p) => [p.dataset.expect, p.querySelector('lurelens-badge')?.dataset.level || null]);`, args: [] });
    states = r.value;
    if (states.filter(([, l]) => l).length >= 6) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const wrong = states.filter(([e, l]) => (e === 'lure') !== (l === 'medium' || l === 'high'));
  console.log(`firefox smoke: ${states.filter(([, l]) => l).length} badges on ${states.length} posts; ${wrong.length} wrong`);
  ok = states.length === 12 && wrong.length === 0;
  await m.send('WebDriver:DeleteSession').catch(() => {});
} finally {
  ff.kill('SIGTERM');
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}
if (!ok) { console.error(stderr.split('\n').slice(-20).join('\n')); process.exit(1); }
console.log('firefox smoke: ok');
