// Row-wise ops over [rows, cols] (the classifier head: rows = batch, cols = classes). One
// invocation per row: rows are few and short, and a loop per row keeps the sums in a fixed
// order. The two reductions to a scalar (loss, accuracy counts) run in one workgroup whose
// invocations take rows t, t + 64, ..., then sum their partials in index order: the result is
// deterministic, which a training run's logged loss should be.
import { declareBindings, entry, grid, kernel, newWriter, read, readWrite } from "./common.ts";
import type { Binding, EmittedKernel, RowSpec } from "./spec.ts";
import type { KernelDef } from "../ops/types.ts";
import { f, i, type StorageSize } from "./io.ts";
import type { WgslWriter } from "../wgsl/mod.ts";

const ROW_WORKGROUP = 64;

export function emitRows(s: RowSpec): EmittedKernel {
  return rowKernels[s.kind](s);
}

const rowKernels: { [K in RowSpec["kind"]]: (s: RowSpec) => EmittedKernel } = {
  softmax: (s) =>
    perRow(s, [read("x"), readWrite("y")], (w) => {
      rowMax(w, s, "x");
      w.line("var sum = 0.0f;");
      w.loop("j", 0, s.cols, () => {
        w.line(`let e = exp(${w.load("x", "base + j")} - mx);`);
        w.store("y", "base + j", "e");
        w.line("sum += e;");
      });
      w.loop("j", 0, s.cols, () => w.store("y", "base + j", `${w.load("y", "base + j")} / sum`));
    }),
  // dx = y * (g - sum(g * y)), y being the softmax's output.
  softmax_grad: (s) =>
    perRow(s, [read("y"), read("g"), readWrite("dx")], (w) => {
      w.line("var dot = 0.0f;");
      const y = w.load("y", "base + j"), g = w.load("g", "base + j");
      w.loop("j", 0, s.cols, () => w.line(`dot += ${g} * ${y};`));
      w.loop("j", 0, s.cols, () => w.store("dx", "base + j", `${y} * (${g} - dot)`));
    }),
  // dz = (softmax(z) - onehot(label)) * g / rows.
  softmax_xent_grad: (s) =>
    perRow(s, [read("z"), read("labels", "i32"), read("g"), readWrite("dz")], (w) => {
      rowMax(w, s, "z");
      label(w, s);
      w.line("var sum = 0.0f;");
      const z = w.load("z", "base + j");
      w.loop("j", 0, s.cols, () => w.line(`sum += exp(${z} - mx);`));
      w.line(`let scale = ${w.load("g", "0")} / ${s.rows}.0f;`);
      w.loop("j", 0, s.cols, () => {
        w.line(`let p = exp(${z} - mx) / sum;`);
        w.store("dz", "base + j", "(p - select(0.0f, 1.0f, j == lab)) * scale");
      });
    }),
  // mean over rows of logsumexp(z_r) - z_r[label_r].
  softmax_xent: (s) =>
    reduceRows(s, [read("z"), read("labels", "i32"), readWrite("loss")], ["loss"], (w) => {
      rowMax(w, s, "z");
      label(w, s);
      w.line("var sum = 0.0f;");
      w.loop("j", 0, s.cols, () => w.line(`sum += exp(${w.load("z", "base + j")} - mx);`));
      w.line(`part_loss += log(sum) + mx - ${w.load("z", "base + lab")};`);
    }, (w) => w.store("loss", "0", `total_loss / ${s.rows}.0f`)),
  // Counts rows whose label ranks first / in the top 5. A column ranks above the label when
  // its logit is larger, or equal at a smaller index (argmax takes the first maximum). A NaN
  // label logit ranks last.
  topk_correct: (s) =>
    reduceRows(
      s,
      [read("z"), read("labels", "i32"), readWrite("counts")],
      ["top1", "top5"],
      (w) => {
        label(w, s);
        w.line(`let zl = ${w.load("z", "base + lab")};`);
        w.line(`var rank = select(0u, ${s.cols}u, zl != zl);`);
        w.loop("j", 0, s.cols, () => {
          w.line(`let zj = ${w.load("z", "base + j")};`);
          w.line("rank += select(0u, 1u, zj > zl || (zj == zl && j < lab));");
        });
        w.line("part_top1 += select(0.0f, 1.0f, rank == 0u);");
        w.line("part_top5 += select(0.0f, 1.0f, rank < 5u);");
      },
      (w) => {
        w.store("counts", "0", "total_top1");
        w.store("counts", "1", "total_top5");
      },
    ),
};

function rowMax(w: WgslWriter, s: RowSpec, name: string): void {
  w.line(`var mx = ${w.load(name, "base")};`);
  w.loop("j", 1, s.cols, () => w.line(`mx = max(mx, ${w.load(name, "base + j")});`));
}

/** The row's label, clamped into range (the reference rejects bad labels on the CPU side). */
function label(w: WgslWriter, s: RowSpec): void {
  w.line(`let lab = u32(clamp(labels[row], 0i, ${s.cols - 1}i));`);
}

function perRow(
  s: RowSpec,
  declared: Binding[],
  body: (w: WgslWriter) => void,
): EmittedKernel {
  const w = newWriter(`${s.kind} ${s.rows}x${s.cols}`);
  const bindings = declareBindings(w, declared, undefined, s.f16);
  w.blank();
  const g = grid(Math.ceil(s.rows / ROW_WORKGROUP));
  entry(w, [ROW_WORKGROUP, 1, 1], g, (wid) => {
    w.line(`let row = ${wid.code} * ${ROW_WORKGROUP}u + lid.x;`);
    w.line(`if (row >= ${s.rows}u) { return; }`);
    w.line(`let base = row * ${s.cols}u;`);
    body(w);
  });
  return kernel({
    name: s.kind,
    wgsl: w.toString(),
    workgroupSize: [ROW_WORKGROUP, 1, 1],
    grid: g,
    bindings,
    flops: 5 * s.rows * s.cols,
    bytes: 4 * s.rows * s.cols * bindings.length,
  });
}

/** One workgroup; `part_<name>` accumulates per invocation, `total_<name>` is the sum. */
function reduceRows(
  s: RowSpec,
  declared: Binding[],
  names: string[],
  row: (w: WgslWriter) => void,
  finish: (w: WgslWriter) => void,
): EmittedKernel {
  const w = newWriter(`${s.kind} ${s.rows}x${s.cols}`);
  const bindings = declareBindings(w, declared, undefined, s.f16);
  for (const n of names) w.line(`var<workgroup> parts_${n}: array<f32, ${ROW_WORKGROUP}>;`);
  w.blank();
  const g = grid(1);
  entry(w, [ROW_WORKGROUP, 1, 1], g, () => {
    for (const n of names) w.line(`var part_${n} = 0.0f;`);
    w.block(`for (var row = lid.x; row < ${s.rows}u; row += ${ROW_WORKGROUP}u)`, () => {
      w.line(`let base = row * ${s.cols}u;`);
      row(w);
    });
    for (const n of names) w.line(`parts_${n}[lid.x] = part_${n};`);
    w.line("workgroupBarrier();");
    w.block("if (lid.x == 0u)", () => {
      for (const n of names) {
        w.line(`var total_${n} = 0.0f;`);
        w.loop("t", 0, ROW_WORKGROUP, () => w.line(`total_${n} += parts_${n}[t];`));
      }
      finish(w);
    });
  });
  return kernel({
    name: s.kind,
    wgsl: w.toString(),
    workgroupSize: [ROW_WORKGROUP, 1, 1],
    grid: g,
    bindings,
    workgroupStorageBytes: 4 * ROW_WORKGROUP * names.length,
    flops: 4 * s.rows * s.cols,
    bytes: 4 * (s.rows * s.cols + s.rows + names.length),
  });
}

const rowsKernel = (storage: (s: RowSpec) => StorageSize[]): KernelDef<RowSpec> => ({
  emit: emitRows,
  storage,
});
const logits = (s: RowSpec) => f(s.rows * s.cols);

export const rowKinds: { [K in RowSpec["kind"]]: KernelDef<RowSpec> } = {
  softmax: rowsKernel((s) => [logits(s), logits(s)]),
  softmax_grad: rowsKernel((s) => [logits(s), logits(s), logits(s)]),
  softmax_xent: rowsKernel((s) => [logits(s), i(s.rows), f(1)]),
  softmax_xent_grad: rowsKernel((s) => [logits(s), i(s.rows), f(1), logits(s)]),
  topk_correct: rowsKernel((s) => [logits(s), i(s.rows), f(2)]),
};
