// Fixture server on 127.0.0.1. Pages in fixtures/ may contain {{corpus-id}} placeholders, replaced by
// the HTML-escaped corpus text (newlines -> <br>), so fixtures use the real lure/legit corpus posts.
import http from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURES = path.join(HERE, '..', 'fixtures');
const CORPUS_DIR = path.join(HERE, '..', '..', 'corpus');

export const corpus = new Map();
for (const f of ['en.jsonl', 'th.jsonl']) {
  for (const line of readFileSync(path.join(CORPUS_DIR, f), 'utf8').split('\n')) {
    if (line.trim()) { const d = JSON.parse(line); corpus.set(d.id, d); }
  }
}

const esc = (s) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

export function renderFixture(name) {
  const file = path.join(FIXTURES, path.basename(name));
  if (!existsSync(file)) return null;
  let body = readFileSync(file, 'utf8');
  if (file.endsWith('.html')) {
    body = body.replace(/\{\{([a-z]{2}-[a-z]+-[a-z]?\d{3})\}\}/g, (_, id) => {
      const d = corpus.get(id);
      if (!d) throw new Error(`fixture ${name}: unknown corpus id ${id}`);
      return esc(d.text).replace(/\n/g, '<br>');
    });
  }
  return body;
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };

// Extra headers per fixture (the strict-CSP page).
const HEADERS = {
  'strict-csp.html': { 'Content-Security-Policy': "default-src 'self'; script-src 'none'" },
};

export function startServer() {
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url);
    const url = new URL(req.url, 'http://127.0.0.1');
    if (url.pathname === '/corpus.json') {
      // The infinite-scroll page fetches its next posts from here (same origin).
      const ids = (url.searchParams.get('ids') || '').split(',').filter((id) => corpus.has(id));
      res.writeHead(200, { 'Content-Type': TYPES['.json'] });
      res.end(JSON.stringify(ids.map((id) => ({ id, text: corpus.get(id).text, label: corpus.get(id).label }))));
      return;
    }
    const name = url.pathname.slice(1) || 'index.html';
    const body = renderFixture(name);
    if (body == null) { res.writeHead(404); res.end('not found'); return; }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(name)] || 'text/plain', ...(HEADERS[name] || {}) });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ origin: `http://127.0.0.1:${server.address().port}`, requests, close: () => new Promise((r) => { server.close(r); server.closeAllConnections(); }) });
  }));
}
