/**
 * SVG → PNG inside the Worker: resvg compiled to WebAssembly (`@resvg/resvg-wasm`, its .wasm
 * bundled by wrangler as a compiled module, not part of the JS bundle) with the Noto fonts served
 * as static assets (public/fonts/, OFL). Both are loaded once per isolate, on the first image
 * asked for: nothing here runs at start-up or on the claim page's path.
 */
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import resvgModule from '@resvg/resvg-wasm/index_bg.wasm';

/** The fonts the card uses (Latin and Arabic, regular and bold), from the ASSETS binding. */
export const OG_FONTS = [
  '/fonts/NotoSans-Regular.ttf',
  '/fonts/NotoSans-Bold.ttf',
  '/fonts/NotoSansArabic-Regular.ttf',
  '/fonts/NotoSansArabic-Bold.ttf',
];

let ready: Promise<void> | null = null;
let fonts: Promise<Uint8Array[]> | null = null;

function loadFonts(assets: Fetcher): Promise<Uint8Array[]> {
  fonts ??= Promise.all(
    OG_FONTS.map(async (path) => {
      const res = await assets.fetch(new Request(`https://assets.invalid${path}`));
      if (!res.ok) throw new Error(`font ${path}: ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    }),
  ).catch((err: unknown) => {
    fonts = null; // a failed load is retried by the next request
    throw err;
  });
  return fonts;
}

/** Render an SVG document to PNG bytes at its own size. */
export async function renderPng(svg: string, assets: Fetcher): Promise<Uint8Array> {
  ready ??= initWasm(resvgModule).catch((err: unknown) => {
    ready = null;
    throw err;
  });
  const [, fontBuffers] = await Promise.all([ready, loadFonts(assets)]);
  const resvg = new Resvg(svg, {
    font: { fontBuffers, loadSystemFonts: false, defaultFontFamily: 'Noto Sans' },
    fitTo: { mode: 'original' },
  });
  try {
    const image = resvg.render();
    try {
      return image.asPng();
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}
