// Copies KaTeX's browser files from node_modules into wwwroot/lib/katex (woff2 fonts only: every current browser
// reads them), or with --check verifies the committed copy is byte-identical to the installed package.
import { readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";

const check = process.argv.includes("--check");
const src = join("node_modules", "katex");
const dst = join("wwwroot", "lib", "katex");
const files = [
  ["dist/katex.min.js", "katex.min.js"],
  ["dist/katex.min.css", "katex.min.css"],
  ["LICENSE", "LICENSE"],
  ...readdirSync(join(src, "dist", "fonts")).filter(f => f.endsWith(".woff2")).map(f => [`dist/fonts/${f}`, `fonts/${f}`]),
];
let bad = 0;
mkdirSync(join(dst, "fonts"), { recursive: true });
for (const [from, to] of files) {
  const bytes = readFileSync(join(src, from));
  const target = join(dst, to);
  if (check) {
    if (!existsSync(target) || !bytes.equals(readFileSync(target))) { console.error(`differs from the npm package: ${target}`); bad++; }
  } else writeFileSync(target, bytes);
}
const version = JSON.parse(readFileSync(join(src, "package.json"), "utf8")).version;
console.log(check ? `${files.length} files checked against katex ${version}: ${bad} differ` : `vendored katex ${version}: ${files.length} files`);
process.exit(bad ? 1 : 0);
