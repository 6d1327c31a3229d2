// Load test: N concurrent keep-alive clients on one endpoint for a fixed
// time; prints requests, errors, throughput and latency percentiles.
//
//   node tests/load/load.mjs [URL] [--clients 200] [--seconds 30] [--path /api/events]
//
// Without URL it starts `isnad demo` ($ISNAD_BIN, default target/release/isnad) on a free port.
// Only loopback targets are accepted. No dependencies.

import http from 'node:http';
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf('--' + name);
  if (i < 0) return def;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const clients = Number(opt('clients', 200));
const seconds = Number(opt('seconds', 30));
const path = opt('path', '/api/events');
let url = args[0];

function startServer() {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const bin = process.env.ISNAD_BIN || join(repo, 'target', 'release', 'isnad');
  const child = spawn(bin, ['demo', '--addr', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((ok, fail) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /http:\/\/[^\s]+/.exec(out);
      if (m) ok({ child, url: m[0].replace(/\/$/, '') });
    });
    child.on('exit', (c) => fail(new Error('server exited with ' + c)));
  });
}

let server = null;
if (!url) {
  server = await startServer();
  url = server.url;
}
const target = new URL(path, url);
if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname) && !target.hostname.startsWith('127.')) {
  console.error('load: refusing a non-loopback target ' + target.hostname);
  process.exit(2);
}

const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
const latencies = [];
let ok = 0;
let errors = 0;
const statuses = {};
let bytes = 0;
const deadline = Date.now() + seconds * 1000;

function once() {
  return new Promise((done) => {
    const t0 = process.hrtime.bigint();
    const req = http.get(target, { agent }, (res) => {
      res.on('data', (c) => { bytes += c.length; });
      res.on('end', () => {
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        statuses[res.statusCode] = (statuses[res.statusCode] || 0) + 1;
        if (res.statusCode === 200) ok++; else errors++;
        done();
      });
      res.on('error', () => { errors++; done(); });
    });
    req.on('error', () => { errors++; done(); });
    req.setTimeout(30000, () => req.destroy(new Error('timeout')));
  });
}

async function client() {
  while (Date.now() < deadline) await once();
}

const started = Date.now();
await Promise.all(Array.from({ length: clients }, client));
const elapsed = (Date.now() - started) / 1000;
agent.destroy();
latencies.sort((a, b) => a - b);
const pct = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] : NaN);
console.log(`target      ${target.href}`);
console.log(`clients     ${clients}, ${elapsed.toFixed(1)} s`);
console.log(`requests    ${ok + errors} (${((ok + errors) / elapsed).toFixed(0)}/s), ${(bytes / 1e6).toFixed(1)} MB received`);
console.log(`errors      ${errors}  statuses ${JSON.stringify(statuses)}`);
console.log(`latency ms  p50 ${pct(50).toFixed(1)}  p90 ${pct(90).toFixed(1)}  p99 ${pct(99).toFixed(1)}  max ${latencies.length ? latencies[latencies.length - 1].toFixed(1) : 'n/a'}`);
if (server) server.child.kill('SIGTERM');
process.exit(errors ? 1 : 0);
