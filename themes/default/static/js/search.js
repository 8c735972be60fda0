/* minhbach static search: no dependencies, no build step, no requests to other hosts.
 * Mirrors src/search/{fold,codec,query}.rs; a change to one is a change to both.
 *
 * HTML contract (the search page's template):
 *   <form id="search-form" role="search" method="get" action="(this page)"
 *         data-index="/search/vi/"            base URL of the language's index (same origin)
 *         data-results-one="{n} kết quả"       status for one result
 *         data-results-many="{n} kết quả"      status for n results ({n} is formatted)
 *         data-no-results="Không tìm thấy kết quả cho “{q}”."
 *         data-loading="Đang tìm…"  data-error="Không tải được dữ liệu tìm kiếm."
 *         data-more="Xem thêm kết quả"
 *         data-kind-indicator="Chỉ tiêu" data-kind-task="Nhiệm vụ" data-kind-group="Nhóm nhiệm vụ"
 *         data-kind-page="Trang" data-kind-awareness="Tuyên truyền" data-kind-news="Tin tức"
 *         data-kind-document="Văn bản"
 *         data-page-size="10">                 (optional) results per page
 *     <label for="search-q">…</label> <input id="search-q" type="search" name="q">
 *     optional filters, read from the form: checkboxes or a select named "kind"
 *     (values: indicator task group page awareness news document) and "group"
 *     (a task group's id; an option's text is shown as the result's group)
 *     <button type="submit">…</button>
 *   </form>
 *   <p id="search-status" role="status" aria-live="polite"></p>
 *   <ol id="search-results"></ol>
 *   <noscript>…links to the site map and section lists…</noscript>
 * The form works as GET without JavaScript (?q=…&kind=…&group=…); with it, results show
 * in place and the address keeps the query, so a result page can be bookmarked.
 * Results: <li class="search-result"><a href>title</a> <span class="search-kind">
 * <span class="search-path"> <p class="search-snippet"> with <mark> around words found. */
(() => {
  'use strict';
  const form = document.getElementById('search-form');
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  if (!form || !status || !list || !form.dataset.index) return;
  const ds = form.dataset;
  const base = new URL(ds.index, location.href);
  if (base.origin !== location.origin) return;
  const input = form.elements.q;
  const PAGE = Number(ds.pageSize) || 10;
  const PHRASE = 1000, EXACT = 2, TITLE = 1.5, WEIGHT_STEP = 0.5, MAX_WORDS = 10, MAX_CHARS = 40, MAX_JOINED = 8;
  const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
  const WORD = /[\p{Alphabetic}\p{N}\p{M}]+(?:[-./_'’][\p{Alphabetic}\p{N}\p{M}]+)*/gu;
  const PART = /[^-./_'’]+/gu;
  const RUN = /\p{N}+|[^\p{N}]+/gu;

  // Folding (fold.rs): [folded, exact key] of one part, or null when it is no word.
  function fold(part) {
    const d = part.toLowerCase().normalize('NFD');
    const folded = d.replace(/\p{M}/gu, '').normalize('NFC').replace(/đ/g, 'd').replace(/ς/g, 'σ');
    const key = (d.replace(TONES, '').replace(/ς/g, 'σ') + (d.match(TONES) || []).join('')).normalize('NFC');
    return folded && [...folded].length <= MAX_CHARS ? [folded, key] : null;
  }

  // Compounds of a text with their parts: {start, end, parts: [{start, end, f, k}], joined}.
  function words(text) {
    const out = [];
    for (const m of text.matchAll(WORD)) {
      const w = { start: m.index, end: m.index + m[0].length, parts: [], joined: null };
      let ok = true, jf = '', jk = '';
      for (const p of m[0].matchAll(PART)) {
        for (const r of p[0].matchAll(RUN)) {
          const t = fold(r[0]);
          if (!t) { ok = false; continue; }
          const start = w.start + p.index + r.index;
          w.parts.push({ start, end: start + r[0].length, f: t[0], k: t[1] });
          jf += t[0]; jk += t[1];
        }
      }
      const n = w.parts.length;
      if (ok && n >= 2 && n <= MAX_JOINED && [...jf].length <= MAX_CHARS) w.joined = { f: jf, k: jk };
      if (n) out.push(w);
    }
    return out;
  }

  // A query (query.rs): words to match all of, and consecutive pairs for the phrase.
  function parse(text) {
    const q = { words: [], pairs: [] }, seq = [];
    for (const w of words(text)) {
      const id = w.parts.map(p => p.f).join(' ');
      seq.push(...w.parts.map(p => p.f));
      if (q.words.length < MAX_WORDS && !q.words.some(o => o.id === id)) q.words.push({ id, parts: w.parts, joined: w.joined });
    }
    for (let i = 1; i < seq.length; i++) {
      const p = seq[i - 1] + ' ' + seq[i];
      if (!q.pairs.includes(p)) q.pairs.push(p);
    }
    return q;
  }

  // Encodings (codec.rs).
  function reader(s) {
    let i = 0;
    return {
      done: () => i >= s.length,
      digit: () => DIGITS.indexOf(s[i++]),
      varint() {
        let v = 0, shift = 0, d;
        do { d = DIGITS.indexOf(s[i++]); if (d < 0) throw Error('index'); v += (d & 31) * 2 ** shift; shift += 5; } while (d & 32);
        return v;
      },
    };
  }
  function gaps(r, f) { let prev = -1; while (!r.done()) { prev += r.varint() + 1; f(prev); } }
  function docSet(s, n) {
    const set = new Uint8Array(n), r = reader(s.slice(1));
    if (s[0] === 'l') gaps(r, d => { set[d] = 1; });
    else if (s[0] === 'c') { set.fill(1); gaps(r, d => { set[d] = 0; }); }
    else for (let i = 0; !r.done(); i++) { const d = r.digit(); for (let b = 0; b < 6; b++) if (d & (1 << b)) set[i * 6 + b] = 1; }
    return set;
  }
  function head(s) { const m = new Map(), r = reader(s || ''); let prev = -1; while (!r.done()) { prev += r.varint() + 1; m.set(prev, r.digit()); } return m; }
  function runs(s, f) { const r = reader(s); while (!r.done()) { const v = r.varint(); for (let n = r.varint(); n > 0; n--) f(v); } }
  function fnv(s) { let h = 0x811c9dc5; for (const b of new TextEncoder().encode(s)) h = Math.imul(h ^ b, 0x01000193) >>> 0; return h; }
  function fileName(t) { let o = ''; for (const c of t) o += /[a-z0-9]/.test(c) ? c : c === ' ' ? '_' : '-' + c.codePointAt(0).toString(16) + '-'; return o; }

  // Loading: the manifest, then only the files a query needs, each once.
  let index = null;
  const files = new Map(), entries = new Map();
  function get(path, fresh) {
    if (!files.has(path)) {
      const url = new URL(path + (fresh ? '' : '?v=' + index.version), base);
      files.set(path, fetch(url, { cache: fresh ? 'no-cache' : 'default', credentials: 'same-origin' })
        .then(r => (r.ok ? r.json() : null)).catch(() => null));
    }
    return files.get(path);
  }
  async function open() {
    if (index) return index;
    const m = await get('manifest.json', true);
    if (!m) { files.delete('manifest.json'); throw Error('manifest'); }
    const big = new Set();
    let prev = '';
    for (const c of m.big) { prev = prev.slice(0, DIGITS.indexOf(c[0])) + c.slice(1); big.add(prev); }
    const kindOf = [], groupOf = [], weightOf = new Uint8Array(m.docs);
    runs(m.kind, v => kindOf.push(m.kinds[v]));
    runs(m.group, v => groupOf.push(v ? m.groups[v - 1] : null));
    let at = 0;
    if (m.weight) runs(m.weight, v => { weightOf[at++] = v; });
    index = { version: m.version, n: m.docs, buckets: m.buckets, pairs: m.pair_buckets, big, kindOf, groupOf, weightOf };
    return index;
  }
  const fileOf = t => (index.big.has(t) ? 'idx/t/' + fileName(t) + '.json'
    : t.includes(' ') ? 'idx/p/' + (fnv(t) & (index.pairs - 1)) + '.json' : 'idx/' + (fnv(t) & (index.buckets - 1)) + '.json');
  function entry(t, json) {
    if (!entries.has(t)) {
      const e = json && json[t];
      entries.set(t, e ? {
        df: e.n, set: docSet(e.m, index.n), head: head(e.h), floor: e.f || 0,
        variants: (e.v || []).map(v => (typeof v === 'string' ? [v, null] : [v[0], head(v[1])])),
      } : null);
    }
    return entries.get(t);
  }

  // Ranking (query.rs term_score and search).
  function termScore(e, key, d) {
    const idf = Math.log(1 + (index.n - e.df + 0.5) / (e.df + 0.5));
    let exact = false, imp = e.head.get(d);
    for (const [k, h] of e.variants) {
      if (k !== key) continue;
      if (!h) exact = e.variants.length === 1;
      else if (h.has(d)) { exact = true; imp = h.get(d); }
    }
    if (imp === undefined) { if (!e.set[d]) return 0; imp = e.floor; }
    return idf * ((imp & 31) / 31 + TITLE * (imp >> 5)) * (exact ? EXACT : 1);
  }
  async function search(text, kinds, groups) {
    await open();
    const q = parse(text);
    if (!q.words.length) return null;
    const names = [];
    for (const w of q.words) { names.push(...w.parts.map(p => p.f)); if (w.joined) names.push(w.joined.f); }
    names.push(...q.pairs);
    const loaded = new Map();
    await Promise.all(names.map(async t => { loaded.set(t, entry(t, await get(fileOf(t)))); }));
    const n = index.n, none = new Uint8Array(n);
    const set = t => (loaded.get(t) ? loaded.get(t).set : none);
    const match = new Uint8Array(n).fill(1);
    for (const w of q.words) {
      const all = new Uint8Array(n).fill(1);
      for (const p of w.parts) { const s = set(p.f); for (let d = 0; d < n; d++) all[d] &= s[d]; }
      if (w.joined) { const s = set(w.joined.f); for (let d = 0; d < n; d++) all[d] |= s[d]; }
      for (let d = 0; d < n; d++) match[d] &= all[d];
    }
    let phrase = null;
    if (q.pairs.length) {
      phrase = new Uint8Array(n).fill(1);
      for (const p of q.pairs) { const s = set(p); for (let d = 0; d < n; d++) phrase[d] &= s[d]; }
    }
    const hits = [];
    for (let d = 0; d < n; d++) {
      if (!match[d]) continue;
      if (kinds.length && !kinds.includes(index.kindOf[d])) continue;
      if (groups.length && !groups.includes(index.groupOf[d])) continue;
      let s = phrase && phrase[d] ? PHRASE : 0, terms = 0;
      for (const w of q.words) {
        for (const t of w.joined ? [...w.parts, w.joined] : w.parts) { const e = loaded.get(t.f); if (e) terms += termScore(e, t.k, d); }
      }
      s += terms * (1 + index.weightOf[d] * WEIGHT_STEP);
      hits.push({ d, s: Math.round(s * 1000) });
    }
    hits.sort((a, b) => b.s - a.s || a.d - b.d);
    return { q, hits };
  }

  // Showing results.
  const esc = s => s.replace(/[&<>"']/g, c => '&#' + c.charCodeAt(0) + ';');
  function marked(text, q) {
    const want = new Set();
    for (const w of q.words) { w.parts.forEach(p => want.add(p.f)); if (w.joined) want.add(w.joined.f); }
    const spans = [];
    for (const w of words(text)) {
      if (w.joined && want.has(w.joined.f)) spans.push([w.start, w.end]);
      else for (const p of w.parts) if (want.has(p.f)) spans.push([p.start, p.end]);
    }
    return spans;
  }
  function highlight(text, spans, from, to) {
    let out = '', at = from;
    for (const [s, e] of spans) {
      if (s < at || e > to) continue;
      out += esc(text.slice(at, s)) + '<mark>' + esc(text.slice(s, e)) + '</mark>';
      at = e;
    }
    return out + esc(text.slice(at, to));
  }
  function snippet(text, q) {
    const spans = marked(text, q), size = 220;
    let from = 0;
    if (spans.length && spans[0][1] > size) {
      from = text.lastIndexOf(' ', Math.max(0, spans[0][0] - 60)) + 1;
    }
    let to = Math.min(text.length, from + size);
    if (to < text.length) to = Math.max(text.lastIndexOf(' ', to), from + 1);
    return (from > 0 ? '… ' : '') + highlight(text, spans, from, to) + (to < text.length ? ' …' : '');
  }
  const say = (template, vars) => (template || '').replace(/\{(\w+)\}/g, (_, k) => (k in vars ? vars[k] : ''));
  const groupName = g => { const o = g && form.querySelector(`[name="group"] [value="${CSS.escape(g)}"], [name="group"][value="${CSS.escape(g)}"]`); return o ? (o.labels && o.labels[0] ? o.labels[0] : o).textContent.trim() : ''; };

  let current = null, run = 0;
  async function showMore() {
    const { q, hits, shown } = current;
    const page = hits.slice(shown, shown + PAGE);
    current.shown += page.length;
    const docs = await Promise.all(page.map(h => get('doc/' + h.d + '.json')));
    const more = document.getElementById('search-more');
    if (more) more.remove();
    let first = null;
    docs.forEach(doc => {
      if (!doc) return;
      const li = document.createElement('li');
      li.className = 'search-result';
      const kind = ds['kind' + doc.k[0].toUpperCase() + doc.k.slice(1)] || doc.k;
      const group = groupName(doc.g);
      li.innerHTML = `<a href="${esc(doc.u)}">${highlight(doc.t, marked(doc.t, q), 0, doc.t.length)}</a> ` +
        `<span class="search-kind">${esc(kind)}${group ? ' · ' + esc(group) : ''}</span> ` +
        `<span class="search-path">${esc(doc.b.join(' › '))}</span>` +
        (doc.x ? `<p class="search-snippet">${snippet(doc.x, q)}</p>` : '');
      list.append(li);
      first = first || li.querySelector('a');
    });
    if (current.shown < hits.length) {
      const button = document.createElement('button');
      button.type = 'button';
      button.id = 'search-more';
      button.textContent = ds.more || '…';
      button.addEventListener('click', async () => { const f = await showMore(); if (f) f.focus(); });
      list.after(button);
    }
    return first;
  }
  async function go() {
    const data = new FormData(form);
    const text = String(data.get('q') || '').trim();
    const kinds = data.getAll('kind').filter(Boolean), groups = data.getAll('group').filter(Boolean);
    const mine = ++run;
    if (!text) { list.textContent = ''; status.textContent = ''; current = null; const m = document.getElementById('search-more'); if (m) m.remove(); return; }
    status.textContent = ds.loading || '';
    let result;
    try { result = await search(text, kinds, groups); } catch (e) { if (mine === run) status.textContent = ds.error || String(e); return; }
    if (mine !== run) return;
    list.textContent = '';
    const hits = result ? result.hits : [];
    current = { q: result ? result.q : parse(''), hits, shown: 0 };
    await showMore();
    if (mine !== run) return;
    const count = hits.length.toLocaleString(document.documentElement.lang || undefined);
    status.textContent = hits.length === 0 ? say(ds.noResults, { q: text })
      : say(hits.length === 1 ? ds.resultsOne : ds.resultsMany, { n: count, q: text });
  }
  function remember() {
    const params = new URLSearchParams(new FormData(form));
    for (const [k, v] of [...params]) if (!v) params.delete(k);
    history.replaceState(null, '', '?' + params.toString());
  }
  let timer = 0;
  form.addEventListener('submit', e => { e.preventDefault(); clearTimeout(timer); remember(); go(); });
  form.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => { remember(); go(); }, 300); });
  form.addEventListener('change', e => { if (e.target !== input) { clearTimeout(timer); remember(); go(); } });
  // The address's query fills the form (a bookmarked or shared search).
  const params = new URLSearchParams(location.search);
  if (params.has('q')) {
    input.value = params.get('q');
    for (const el of form.elements) {
      if (!el.name || el.name === 'q') continue;
      const values = params.getAll(el.name);
      if (el.type === 'checkbox' || el.type === 'radio') el.checked = values.includes(el.value);
      else if (el.tagName === 'SELECT') for (const o of el.options) o.selected = values.includes(o.value);
    }
    go();
  }
})();
