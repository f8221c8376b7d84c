// Keyword-flood benchmark (issue #10): one line made of a single keyword repeated, the shape that used to scan at
// under 1 MB/s and worse than linearly. Ranks every keyword on a 1 MB line, then times the slowest on 4 MB and 21 MB
// lines per regex backend, so a superlinear cost shows as falling MB/s. `node bench/engine/flood.mjs`;
// KEYWARD_FLOOD_KEYWORDS=a,b limits the keywords.
import { loadEngineInternals } from './internals.mjs';

const engine = await loadEngineInternals();
const keywords = process.env.KEYWARD_FLOOD_KEYWORDS?.split(',') ?? [...new Set(engine.builtinRules.flatMap((rule) => rule.keywords))];
const flood = (keyword, bytes) => Buffer.alloc(bytes, Buffer.from(`${keyword} `));
const measure = (scanner, content) => {
  const start = performance.now();
  scanner.scanBuffer(content, 'flood.txt');
  return content.length / 1e6 / ((performance.now() - start) / 1000);
};
// The flood is about the engine: the file-size cap is lifted so the 21 MB line is scanned, not refused.
const config = { ...engine.defaultConfig(), maxFileSize: 64 << 20 };
for (const backend of [engine.regexBackends.native(), engine.regexBackends.portable].filter(Boolean)) {
  const scanner = engine.createScanner({ backend, config });
  const ranked = keywords.map((keyword) => ({ keyword, rate: measure(scanner, flood(keyword, 1 << 20)) })).sort((a, b) => a.rate - b.rate);
  console.log(`\n${backend.name}: ${keywords.length} keywords; the slowest three, MB/s by line length`);
  console.log('| keyword | 1 MB | 4 MB | 21 MB |\n|---|---:|---:|---:|');
  for (const { keyword, rate } of ranked.slice(0, 3)) {
    const rates = [rate, measure(scanner, flood(keyword, 4 << 20)), measure(scanner, flood(keyword, 21 << 20))];
    console.log(`| ${JSON.stringify(keyword)} | ${rates.map((r) => r.toFixed(1)).join(' | ')} |`);
  }
}
