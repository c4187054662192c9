// Copies the NL Design System CSS, the design-token theme, our own layout glue
// and axe-core (for the browser tests) into config/static/nlds/.
// No dependencies beyond Node itself. Run with `npm run build` after `npm ci`.
import { copyFileSync, existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const outDir = join(here, "..", "config", "static", "nlds");

// [source, target file name in config/static/nlds/]
const files = [
  // All Utrecht component CSS (utrecht-* class names), EUPL-1.2.
  ["@utrecht/component-library-css/dist/index.css", "utrecht.css"],
  // NL Design System "Voorbeeld" theme: design tokens (CSS custom properties)
  // scoped to the `voorbeeld-theme` class, EUPL-1.2.
  ["@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css", "theme.css"],
  // Accessibility test engine, loaded only by the browser tests (MPL-2.0).
  ["axe-core/axe.min.js", "axe.min.js"],
];

mkdirSync(outDir, { recursive: true });

function copy(source, target) {
  if (!existsSync(source)) {
    console.error(`Ontbreekt: ${source}\nDraai eerst \`npm ci\` in frontend/.`);
    process.exit(1);
  }
  copyFileSync(source, target);
  const kb = (statSync(target).size / 1024).toFixed(0);
  console.log(`${relative(here, source)} -> ${relative(join(here, ".."), target)} (${kb} KiB)`);
}

for (const [source, name] of files) {
  copy(join(modules, source), join(outDir, name));
}
copy(join(here, "src", "site.css"), join(outDir, "site.css"));
