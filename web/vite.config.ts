import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The root is pinned to this folder so that the API (which builds the app when web/dist is
// missing) gets the same output whatever its working directory.
const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Preloads the Khmer font's regular and bold faces from the page's head. The app renders its
 * text only once its script has run; with the fonts asked for at the same time as the script,
 * they are there before the first text is drawn, so Khmer text never swaps from a fallback
 * face to Noto Sans Khmer in view (a layout shift of 0.28 on the home page before this, issue
 * #19). The faces are the ones the stylesheet already uses (@fontsource, emitted by the build),
 * found in the bundle so the preloaded file is the very file the stylesheet asks for.
 */
function preloadKhmerFont(): Plugin {
  return {
    name: 'sndd-preload-khmer-font',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const fonts = Object.keys(context.bundle ?? {}).filter((file) =>
          /noto-sans-khmer-khmer-(400|700)-normal-[\w-]+\.woff2$/.test(file),
        );
        return fonts.map((file) => ({
          tag: 'link',
          attrs: { rel: 'preload', as: 'font', type: 'font/woff2', href: `/${file}`, crossorigin: '' },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

/**
 * Writes a Brotli copy (.br, best quality) beside every script, stylesheet, page and SVG of the
 * build, which the server sends to browsers that accept it (@fastify/static's preCompressed,
 * platform/web/static.ts). Compressing once at build time at the highest quality costs seconds
 * here and saves every phone about a sixth of the JavaScript it downloads compared with gzip on
 * the fly; a browser without Brotli still gets gzip from the server's compression.
 */
function brotliCopies(): Plugin {
  let outDir = '';
  return {
    name: 'sndd-brotli-copies',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (folder: string): string[] =>
        fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
          const full = path.join(folder, entry.name);
          return entry.isDirectory() ? walk(full) : [full];
        });
      for (const file of walk(outDir).filter((name) => /\.(js|css|html|svg|json)$/.test(name))) {
        const compressed = zlib.brotliCompressSync(fs.readFileSync(file), {
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY },
        });
        fs.writeFileSync(`${file}.br`, compressed);
      }
    },
  };
}

export default defineConfig({
  root,
  plugins: [react(), preloadKhmerFont(), brotliCopies()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
  preview: {
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
});
