/// <reference lib="dom" />
// The page: pick a net file and its variant, a weight file and an image; see the top-5 classes
// and each kernel's time. A second view renders a run's metrics.jsonl as report.html does.
// `start` is called by the bundle's entry (cli/bundle.ts, web/bundle.ts) with the net files built in.
import { type Model, paramCount, type Params } from "../dsl/mod.ts";
import type { Preprocess } from "../eval/sources.ts";
import type { Variant } from "../nets/vgg.ts";
import {
  buildModel,
  type Classification,
  Classifier,
  type KernelTimings,
  type NetEntry,
  type NetModule,
  netModule,
  openWebGpu,
  readWeights,
  seededWeights,
  variantFromWeights,
  type WebGpu,
  type WeightFile,
  weightsFor,
} from "./infer.ts";
import { dropAlpha, imageToInput, inputToRgba, type Pixels } from "./preprocess.ts";
import { parseConfig, parseMetricsJsonl, runReport } from "./report.ts";

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`page is missing #${id}`);
  return el as T;
};

const VARIANT_FIELDS = ["width", "size", "classes", "channels"] as const;
/** Variant fields the user typed in; the rest may be replaced by what a weight file implies. */
const touched = new Set<string>();

/** What the last classification saw and produced, for tests and the console. */
export interface LastRun {
  net: string;
  input: Float32Array;
  logits: Float32Array;
  probs: Float32Array;
  top: Classification["top"];
  timings?: KernelTimings;
}

interface State {
  nets: NetEntry[];
  entry?: NetEntry;
  net?: NetModule;
  model?: Model;
  weights?: WeightFile;
  image?: Pixels;
  imageName?: string;
  gpu?: Promise<WebGpu>;
  classifier?: Classifier;
  /** Which model and weights the classifier's buffers hold. */
  loaded?: { model: Model; params: string };
  busy: boolean;
}

const state: State = { nets: [], busy: false };

function say(text: string, kind: "info" | "error" | "ok" = "info"): void {
  const el = $("status");
  el.textContent = text;
  el.className = kind;
}

function errorText(e: unknown): string {
  const err = e as Error;
  return err?.message ? err.message.split("\n")[0] : String(e);
}

// ---- net and variant -------------------------------------------------------------------------

function variantFields(): Variant {
  const v: Variant = {};
  for (const f of VARIANT_FIELDS) {
    const raw = $<HTMLInputElement>(`v-${f}`).value.trim();
    if (raw === "") continue;
    const n = Number(raw);
    if (!Number.isInteger(n) || n <= 0) {
      throw new Error(`${f} must be a positive integer, got '${raw}'`);
    }
    v[f] = n;
  }
  return v;
}

async function selectNet(): Promise<void> {
  const entry = state.nets.find((n) => n.path === $<HTMLSelectElement>("net").value);
  if (!entry) return;
  state.entry = entry;
  $("net-title").textContent = entry.title;
  try {
    state.net = netModule(entry.path, await entry.load());
  } catch (e) {
    state.net = undefined;
    state.model = undefined;
    $("model-summary").textContent = "";
    say(errorText(e), "error");
    return;
  }
  suggestVariant(state.net);
  if (state.weights) fillVariantFromWeights();
  rebuildModel();
}

/**
 * Placeholders show the net's own defaults; fields the user did not type in start small for nets
 * made for 224x224 images (width 16, 32x32), which a software adapter runs in a blink.
 */
function suggestVariant(net: NetModule): void {
  let d: Model | undefined;
  try {
    d = net.factory ? net.factory() : net.fixed;
  } catch {
    d = undefined;
  }
  const big = !!net.factory && !!d && d.input[1] >= 128;
  const defaults = { width: 1, size: d?.input[1], classes: d?.classes, channels: d?.input[0] };
  const suggested: Record<string, string> = big ? { width: "16", size: "32" } : {};
  for (const f of VARIANT_FIELDS) {
    const input = $<HTMLInputElement>(`v-${f}`);
    input.disabled = !net.factory;
    input.placeholder = String(defaults[f] ?? "");
    if (!touched.has(f) || !net.factory) input.value = suggested[f] ?? "";
  }
}

function rebuildModel(): void {
  if (!state.entry || !state.net) return;
  try {
    state.model = buildModel(state.entry.path, state.net, variantFields());
  } catch (e) {
    state.model = undefined;
    $("model-summary").textContent = "";
    say(errorText(e), "error");
    refresh();
    return;
  }
  const m = state.model;
  const weightLayers = m.params.filter((p) => p.role === "weight").length;
  $("model-summary").textContent = `${m.name}: input ${m.input.join("×")}, ${m.classes} classes, ` +
    `${weightLayers} weight layers, ${paramCount(m).toLocaleString("en")} parameters`;
  checkWeights();
  showInput();
  refresh();
}

// ---- weights ---------------------------------------------------------------------------------

async function loadWeightFile(file: File): Promise<void> {
  try {
    state.weights = readWeights(new Uint8Array(await file.arrayBuffer()), file.name);
  } catch (e) {
    state.weights = undefined;
    $("weights-status").textContent = errorText(e);
    $("weights-status").className = "error";
    refresh();
    return;
  }
  fillVariantFromWeights();
  rebuildModel();
}

/** Variant fields the user did not type in take what the weight file implies. */
function fillVariantFromWeights(): void {
  if (!state.net?.factory || !state.weights) return;
  let given: Variant;
  try {
    given = variantFields();
  } catch {
    return;
  }
  for (const f of VARIANT_FIELDS) if (!touched.has(f)) delete given[f];
  const implied = variantFromWeights(state.net, state.weights, given);
  for (const f of VARIANT_FIELDS) {
    const input = $<HTMLInputElement>(`v-${f}`);
    if (!touched.has(f)) input.value = implied[f] === undefined ? "" : String(implied[f]);
  }
}

function checkWeights(): void {
  const el = $("weights-status");
  const w = state.weights;
  if (!w) {
    el.className = "muted";
    el.textContent = `No file: Glorot-initialised weights from the seed (to try the page only).`;
    return;
  }
  const meta = Object.entries(w.metadata).filter(([k]) => k !== "format")
    .map(([k, v]) => `${k} ${v}`).join(", ");
  const about = `${w.name}: ${w.tensors.size} tensors${meta ? ` (${meta})` : ""}`;
  if (!state.model) {
    el.className = "muted";
    el.textContent = about;
    return;
  }
  try {
    weightsFor(state.model, w);
    el.className = "ok";
    el.textContent = `${about}; fits ${state.model.name}.`;
  } catch (e) {
    el.className = "error";
    el.textContent = errorText(e);
  }
}

function currentParams(m: Model): { params: Params; key: string } {
  if (state.weights) {
    return { params: weightsFor(m, state.weights), key: `file:${state.weights.name}` };
  }
  const seed = Number($<HTMLInputElement>("seed").value || "1");
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer`);
  return { params: seededWeights(m, seed), key: `seed:${seed}` };
}

// ---- image -----------------------------------------------------------------------------------

async function decodeImage(blob: Blob): Promise<Pixels> {
  // No colour management or premultiplication: the pixels as stored, as sharp reads them.
  const bmp = await createImageBitmap(blob, {
    premultiplyAlpha: "none",
    colorSpaceConversion: "none",
  });
  const canvas = new OffscreenCanvas(bmp.width, bmp.height);
  const ctx = canvas.getContext("2d", { willReadFrequently: true })!;
  ctx.drawImage(bmp, 0, 0);
  bmp.close();
  return dropAlpha(
    ctx.getImageData(0, 0, canvas.width, canvas.height).data,
    canvas.width,
    canvas.height,
  );
}

function drawRgba(canvas: HTMLCanvasElement, rgba: Uint8ClampedArray, w: number, h: number): void {
  canvas.width = w;
  canvas.height = h;
  canvas.getContext("2d")!.putImageData(new ImageData(new Uint8ClampedArray(rgba), w, h), 0, 0);
}

async function loadImage(file: File): Promise<void> {
  try {
    state.image = await decodeImage(file);
    state.imageName = file.name;
  } catch (e) {
    say(`${file.name}: cannot decode image (${errorText(e)})`, "error");
    return;
  }
  const { data, width, height } = state.image, rgba = new Uint8ClampedArray(4 * width * height);
  for (let i = 0; i < width * height; i++) {
    rgba.set(data.subarray(3 * i, 3 * i + 3), 4 * i);
    rgba[4 * i + 3] = 255;
  }
  drawRgba($<HTMLCanvasElement>("orig"), rgba, width, height);
  $("orig-caption").textContent = `${file.name}, ${width}×${height}`;
  $("drop").classList.add("has-image");
  showInput();
  refresh();
  if (!$<HTMLButtonElement>("run").disabled) await classify();
}

function preprocessOptions() {
  const meanRgb = $<HTMLInputElement>("mean").value.split(",").map((s) => Number(s.trim()));
  if (meanRgb.length !== 3 || meanRgb.some((x) => !Number.isFinite(x))) {
    throw new Error(`mean RGB must be three numbers R, G, B`);
  }
  return { preprocess: $<HTMLSelectElement>("preprocess").value as Preprocess, meanRgb };
}

function netInput(): Float32Array | undefined {
  if (!state.image || !state.model) return undefined;
  return imageToInput(state.image, state.model, preprocessOptions());
}

function showInput(): void {
  let x: Float32Array | undefined;
  try {
    x = netInput();
  } catch (e) {
    say(errorText(e), "error");
    return;
  }
  if (!x || !state.model) return;
  const [c, side] = state.model.input;
  drawRgba($<HTMLCanvasElement>("netinput"), inputToRgba(x, c, side), side, side);
  $("input-caption").textContent = `net input, ${c}×${side}×${side}`;
}

// ---- classify --------------------------------------------------------------------------------

function refresh(): void {
  $<HTMLButtonElement>("run").disabled = state.busy || !state.model || !state.image;
  const m = state.model;
  $("mean-row").hidden = !m || m.input[0] !== 3;
}

async function classifier(gpu: WebGpu, m: Model): Promise<Classifier> {
  if (state.classifier?.model === m) return state.classifier;
  state.classifier?.destroy();
  state.classifier = undefined;
  state.loaded = undefined;
  say(`Compiling ${m.name} to WGSL and creating its pipelines…`);
  const t0 = performance.now();
  state.classifier = await Classifier.create(gpu, m);
  say(
    `Compiled ${state.classifier.kernelCount} kernels in ${
      (performance.now() - t0).toFixed(0)
    } ms.`,
  );
  return state.classifier;
}

async function classify(): Promise<void> {
  if (state.busy || !state.model || !state.image) return;
  state.busy = true;
  refresh();
  $("results").classList.add("stale");
  try {
    const m = state.model;
    const x = netInput()!;
    const { params, key } = currentParams(m);
    state.gpu ??= openWebGpu();
    const gpu = await state.gpu;
    const c = await classifier(gpu, m);
    if (state.loaded?.model !== m || state.loaded.params !== key) {
      c.setParams(params);
      state.loaded = { model: m, params: key };
    }
    say(`Running ${m.name} on ${gpu.description}…`);
    const result = await c.classify(x);
    showTop(result);
    const last: LastRun = { net: m.name, input: x, ...result };
    (globalThis as { vggWgsl?: { last?: LastRun } }).vggWgsl = { last };
    say(`Timing ${c.kernelCount} kernels…`);
    last.timings = await c.timeKernels(x);
    showTimings(last.timings, result.wallMs);
    say(`${state.imageName} classified by ${m.name} in ${result.wallMs.toFixed(1)} ms.`, "ok");
    $("results").classList.remove("stale");
    $("results").dataset.done = String(Number($("results").dataset.done ?? "0") + 1);
  } catch (e) {
    console.error(e);
    say(errorText(e), "error");
  } finally {
    state.busy = false;
    refresh();
  }
}

function cell(tr: HTMLTableRowElement, text: string, cls?: string): HTMLTableCellElement {
  const td = tr.insertCell();
  td.textContent = text;
  if (cls) td.className = cls;
  return td;
}

function bar(td: HTMLTableCellElement, fraction: number): void {
  const b = document.createElement("span");
  b.className = "bar";
  b.style.width = `${Math.max(0, Math.min(1, fraction)) * 100}%`;
  td.prepend(b);
}

function showTop(r: Classification): void {
  const body = $<HTMLTableElement>("top5").tBodies[0];
  body.replaceChildren();
  r.top.forEach((t, i) => {
    const tr = body.insertRow();
    cell(tr, String(i + 1), "num");
    cell(tr, t.label, "label");
    cell(tr, String(t.class), "num");
    const p = cell(tr, `${(100 * t.probability).toFixed(2)}%`, "num prob");
    bar(p, t.probability);
  });
}

function showTimings(t: KernelTimings, wallMs: number): void {
  $("timing-note").textContent = t.method === "timestamps"
    ? `GPU timestamps around each kernel's compute pass (timestamp-query). ` +
      `Sum ${t.totalMs.toFixed(3)} ms; the whole forward took ${wallMs.toFixed(1)} ms of wall time.`
    : `This adapter has no timestamp-query: wall time of each kernel submitted alone, ` +
      `including the submission's overhead. Sum ${t.totalMs.toFixed(1)} ms; ` +
      `the whole forward in one submission took ${wallMs.toFixed(1)} ms.`;
  const body = $<HTMLTableElement>("timings").tBodies[0];
  body.replaceChildren();
  const max = Math.max(...t.rows.map((r) => r.ms), 1e-9);
  t.rows.forEach((r, i) => {
    const tr = body.insertRow();
    cell(tr, String(i), "num");
    cell(tr, r.name, "kernel");
    const ms = cell(tr, r.ms.toFixed(t.method === "timestamps" ? 3 : 2), "num time");
    bar(ms, r.ms / max);
  });
}

// ---- training report -------------------------------------------------------------------------

async function showReport(files: FileList): Promise<void> {
  const list = [...files];
  const metrics = list.find((f) => f.name.endsWith(".jsonl")) ??
    list.find((f) => f.name !== "config.json");
  const config = list.find((f) => f.name === "config.json");
  const el = $("report-status");
  if (!metrics) {
    el.className = "error";
    el.textContent = "Choose the run's metrics.jsonl (and config.json, if you like).";
    return;
  }
  try {
    const rows = parseMetricsJsonl(await metrics.text(), metrics.name);
    const cfg = config ? parseConfig(await config.text(), config.name) : {};
    const frame = $<HTMLIFrameElement>("report-frame");
    frame.onload = () => {
      const doc = frame.contentDocument;
      if (doc) frame.style.height = `${doc.documentElement.scrollHeight + 8}px`;
    };
    frame.srcdoc = runReport(rows, cfg, [metrics, config].filter((f) => f).map((f) => f!.name));
    frame.hidden = false;
    el.className = "ok";
    el.textContent = `${rows.length} epochs from ${metrics.name}${
      config ? ` with ${config.name}` : ""
    }.`;
  } catch (e) {
    el.className = "error";
    el.textContent = errorText(e);
  }
}

// ---- wiring ----------------------------------------------------------------------------------

function showView(which: "classify" | "report"): void {
  for (const v of ["classify", "report"] as const) {
    $(`view-${v}`).hidden = v !== which;
    $(`tab-${v}`).setAttribute("aria-selected", String(v === which));
  }
}

async function describeGpu(): Promise<void> {
  const el = $("adapter");
  if (!("gpu" in navigator)) {
    el.textContent = isSecureContext
      ? "This browser has no WebGPU (Chrome or Edge 113+, or Firefox/Safari with WebGPU on)."
      : "WebGPU needs a secure context: open the page over https or from localhost.";
    el.className = "adapter error";
    return;
  }
  try {
    state.gpu ??= openWebGpu();
    const gpu = await state.gpu;
    el.textContent = `WebGPU: ${gpu.description}; ` +
      (gpu.timestamps
        ? "timestamp-query available"
        : "no timestamp-query (kernels timed by wall clock)");
  } catch (e) {
    state.gpu = undefined;
    el.textContent = `WebGPU unavailable: ${errorText(e)}`;
    el.className = "adapter error";
  }
}

function debounce(f: () => void, ms: number): () => void {
  let t: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(t);
    t = setTimeout(f, ms);
  };
}

export function start(nets: NetEntry[]): void {
  state.nets = nets;
  const select = $<HTMLSelectElement>("net");
  for (const n of nets) select.add(new Option(n.path, n.path));
  select.addEventListener("change", () => void selectNet());
  const rebuild = debounce(rebuildModel, 250);
  for (const f of VARIANT_FIELDS) {
    $(`v-${f}`).addEventListener("input", () => {
      touched.add(f);
      rebuild();
    });
  }
  $<HTMLInputElement>("weights").addEventListener("change", (ev) => {
    const f = (ev.target as HTMLInputElement).files?.[0];
    if (f) void loadWeightFile(f);
  });
  $("clear-weights").addEventListener("click", () => {
    state.weights = undefined;
    $<HTMLInputElement>("weights").value = "";
    checkWeights();
  });
  $("seed").addEventListener("input", () => checkWeights());
  $<HTMLInputElement>("image").addEventListener("change", (ev) => {
    const f = (ev.target as HTMLInputElement).files?.[0];
    if (f) void loadImage(f);
  });
  const drop = $("drop");
  drop.addEventListener("dragover", (ev) => {
    ev.preventDefault();
    drop.classList.add("over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (ev) => {
    ev.preventDefault();
    drop.classList.remove("over");
    const f = ev.dataTransfer?.files?.[0];
    if (f) void loadImage(f);
  });
  drop.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" || ev.key === " ") $("image").click();
  });
  for (const id of ["preprocess", "mean"]) $(id).addEventListener("change", showInput);
  $("run").addEventListener("click", () => void classify());
  $("tab-classify").addEventListener("click", () => showView("classify"));
  $("tab-report").addEventListener("click", () => showView("report"));
  $<HTMLInputElement>("metrics").addEventListener("change", (ev) => {
    const files = (ev.target as HTMLInputElement).files;
    if (files?.length) void showReport(files);
  });
  void describeGpu();
  void selectNet();
}
