// SPDX-License-Identifier: MIT
//
// The chrono-node side of bench/compare_chrono.sh: reads a JSON Lines file ({"id","dct","text"}
// per line) as a stream, calls chrono.parse(text, new Date(dct)) on every document, counts the
// results and prints one JSON object with the figures:
//   {"tool":"chrono-node","version":"2.10.3","documents":..,"file_bytes":..,"text_bytes":..,
//    "results":..,"seconds":..,"parse_seconds":..,"mb_per_s":..,"results_per_s":..,"max_rss_mb":..}
// seconds is the whole run from the first byte read to the last document parsed (reading and
// JSON.parse included, as they are in `timeline tag`); parse_seconds only the chrono.parse calls.
// mb_per_s is file bytes (10^6) per second of `seconds`. max_rss_mb is process.resourceUsage().maxRSS.
//
// Usage: node bench/chrono_driver.mjs FILE.jsonl CHRONO_DIR
//   CHRONO_DIR is the npm prefix chrono-node was installed into (BUILD_DIR/chrono).
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

const [file, chronoDir] = process.argv.slice(2);
if (!file || !chronoDir) {
  console.error('usage: node chrono_driver.mjs FILE.jsonl CHRONO_DIR');
  process.exit(2);
}

const require = createRequire(path.resolve(chronoDir, 'package.json'));
const entry = require.resolve('chrono-node');
const chrono = await import(pathToFileURL(entry).href);
const parse = chrono.parse ?? chrono.default.parse;
const version = JSON.parse(readFileSync(path.resolve(chronoDir, 'node_modules/chrono-node/package.json'), 'utf8')).version;

let documents = 0;
let textBytes = 0;
let results = 0;
let parseSeconds = 0;
const start = performance.now();
const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
for await (const line of lines) {
  if (line.trim() === '') continue;
  const record = JSON.parse(line);
  const t0 = performance.now();
  const found = parse(record.text, new Date(record.dct));
  parseSeconds += (performance.now() - t0) / 1000;
  results += found.length;
  textBytes += Buffer.byteLength(record.text, 'utf8');
  documents += 1;
}
const seconds = (performance.now() - start) / 1000;
const fileBytes = statSync(file).size;

console.log(JSON.stringify({
  tool: 'chrono-node',
  version,
  documents,
  file_bytes: fileBytes,
  text_bytes: textBytes,
  results,
  seconds: +seconds.toFixed(3),
  parse_seconds: +parseSeconds.toFixed(3),
  mb_per_s: +(fileBytes / 1e6 / seconds).toFixed(3),
  results_per_s: Math.round(results / seconds),
  max_rss_mb: +(process.resourceUsage().maxRSS / 1024).toFixed(1),
}));
