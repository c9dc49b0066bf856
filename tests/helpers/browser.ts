// Headless Chromium for the page's tests: Debian's /usr/bin/chromium driven over the DevTools
// protocol (tests/helpers/cdp.ts; no browser download, no npm package), with WebGPU on
// (SwiftShader where there is no GPU), and a tiny PNG writer so tests can hand the page real
// image files.
import { deflateSync } from "node:zlib";
import { type Browser, launch } from "./cdp.ts";
import { readFashionMnistRaw } from "../../data/fashion_mnist.ts";
import { EMBEDDED_DIR } from "../../data/make_embedded.ts";

export const CHROMIUM = "/usr/bin/chromium";

/**
 * Flags measured to give a WebGPU adapter here (shared/FACTS.md). launch() adds --headless, the
 * debugging port and a fresh --user-data-dir; the networking flags keep Chromium from calling
 * home, which a closed network answers with a flood of refused connections.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu-sandbox",
  "--enable-unsafe-webgpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function hasChromium(): boolean {
  try {
    return Deno.statSync(CHROMIUM).isFile;
  } catch {
    return false;
  }
}

export function launchChromium(): Promise<Browser> {
  return launch(CHROMIUM, CHROMIUM_ARGS);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length), view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** An 8-bit PNG of interleaved pixels: 1 channel (grey) or 3 (RGB); no colour chunks. */
export function encodePng(
  pixels: Uint8Array,
  width: number,
  height: number,
  channels: 1 | 3,
): Uint8Array {
  if (pixels.length !== width * height * channels) {
    throw new Error(`encodePng: ${pixels.length} bytes for ${width}x${height}x${channels}`);
  }
  const header = new Uint8Array(13), hv = new DataView(header.buffer);
  hv.setUint32(0, width);
  hv.setUint32(4, height);
  header.set([8, channels === 1 ? 0 : 2, 0, 0, 0], 8);
  const row = width * channels, raw = new Uint8Array(height * (row + 1));
  for (let y = 0; y < height; y++) {
    raw.set(pixels.subarray(y * row, (y + 1) * row), y * (row + 1) + 1);
  }
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", new Uint8Array(deflateSync(raw))),
    chunk("IEND", new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * The first Fashion-MNIST test image of the embedded subset, zero-padded from 28x28 to 32x32 as
 * data/fashion_mnist.ts pads it: raw grey pixels, one byte each.
 */
export async function paddedTestImage(): Promise<Uint8Array> {
  const { images } = await readFashionMnistRaw(EMBEDDED_DIR, "test");
  const out = new Uint8Array(32 * 32);
  for (let y = 0; y < 28; y++) {
    out.set(images.pixels.subarray(y * 28, y * 28 + 28), (y + 2) * 32 + 2);
  }
  return out;
}
