// Keyword-flood benchmark (issue #10): one line made of a single keyword repeated, the shape that used to scan at
// under 1 MB/s and worse than linearly. Ranks every keyword on a 1 MB line, then times the slowest on 1 MB, 4 MB and
// 21 MB lines per regex backend, so a superlinear cost shows as falling MB/s. Target: >= 20 MB/s for every keyword.
// `node bench/engine/flood.mjs`; KEYWARD_FLOOD_KEYWORDS=a,b limits the keywords, KEYWARD_FLOOD_TOP=n shows n keywords.
//
// Each keyword is scanned once on a short line first, so its rules' patterns are compiled before the timing (a
// compile is a one-off per run, not work per byte). Rates are given in CPU time of this process (what the scan costs,
// whatever else the machine runs) and in wall time; `*` marks a scan that reported content as not scanned (the work
// bound cut it short, and `unscanned: fail` fails such a file).
import { loadEngineInternals } from './internals.mjs';

const engine = await loadEngineInternals();
const keywords = process.env.KEYWARD_FLOOD_KEYWORDS?.split(',') ?? [...new Set(engine.builtinRules.flatMap((rule) => rule.keywords))];
const top = Number(process.env.KEYWARD_FLOOD_TOP ?? 3);
const flood = (keyword, bytes) => Buffer.alloc(bytes, Buffer.from(`${keyword} `));
const cpuSeconds = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};
const measure = (scanner, content) => {
  const cpu = cpuSeconds();
  const wall = performance.now();
  const result = scanner.scanBuffer(content, 'flood.txt');
  const mb = content.length / 1e6;
  return { cpu: mb / (cpuSeconds() - cpu), wall: mb / ((performance.now() - wall) / 1000), cut: result.notices.some((n) => n.unscanned) };
};
const show = (rate) => `${rate.cpu.toFixed(1)} / ${rate.wall.toFixed(1)}${rate.cut ? '*' : ''}`;
// The flood is about the engine: the file-size cap is lifted so the 21 MB line is scanned, not refused.
const config = { ...engine.defaultConfig(), maxFileSize: 64 << 20 };
for (const backend of [engine.regexBackends.native(), engine.regexBackends.portable].filter(Boolean)) {
  const scanner = engine.createScanner({ backend, config });
  const ranked = keywords
    .map((keyword) => {
      scanner.scanBuffer(flood(keyword, 1 << 12), 'warm.txt');
      return { keyword, rate: measure(scanner, flood(keyword, 1 << 20)) };
    })
    .sort((a, b) => a.rate.cpu - b.rate.cpu);
  console.log(`\n${backend.name}: ${keywords.length} keywords; the slowest ${top}, MB/s (CPU / wall) by line length`);
  console.log('| keyword | 1 MB | 4 MB | 21 MB |\n|---|---:|---:|---:|');
  for (const { keyword, rate } of ranked.slice(0, top)) {
    const rates = [rate, measure(scanner, flood(keyword, 4 << 20)), measure(scanner, flood(keyword, 21 << 20))];
    console.log(`| ${JSON.stringify(keyword)} | ${rates.map(show).join(' | ')} |`);
  }
  const slow = ranked.filter(({ rate }) => rate.cpu < 20).length;
  console.log(`${slow} of ${keywords.length} keywords below 20 MB/s (CPU) on a 1 MB line`);
}
