// spec: {"c":8,"h":32,"kind":"maxpool","n":2,"w":32}
// maxpool: workgroup size 256x1x1, 4x1x1 workgroups, 0 bytes of workgroup memory
// bindings: x:read:f32, y:read_write:f32
// maxpool 2x8x32x32
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read_write> y: array<f32>;

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let base = wg.x * 1024u + lid.x;
  let i0 = base + 0u;
  if (i0 < 4096u) {
    let plane = i0 / 256u;
    let rem = i0 % 256u;
    let b = plane * 1024u + (rem / 16u) * 64u + (rem % 16u) * 2u;
    y[i0] = max(max(x[b], x[b + 1u]), max(x[b + 32u], x[b + 33u]));
  }
  let i1 = base + 256u;
  if (i1 < 4096u) {
    let plane = i1 / 256u;
    let rem = i1 % 256u;
    let b = plane * 1024u + (rem / 16u) * 64u + (rem % 16u) * 2u;
    y[i1] = max(max(x[b], x[b + 1u]), max(x[b + 32u], x[b + 33u]));
  }
  let i2 = base + 512u;
  if (i2 < 4096u) {
    let plane = i2 / 256u;
    let rem = i2 % 256u;
    let b = plane * 1024u + (rem / 16u) * 64u + (rem % 16u) * 2u;
    y[i2] = max(max(x[b], x[b + 1u]), max(x[b + 32u], x[b + 33u]));
  }
  let i3 = base + 768u;
  if (i3 < 4096u) {
    let plane = i3 / 256u;
    let rem = i3 % 256u;
    let b = plane * 1024u + (rem / 16u) * 64u + (rem % 16u) * 2u;
    y[i3] = max(max(x[b], x[b + 1u]), max(x[b + 32u], x[b + 33u]));
  }
}
