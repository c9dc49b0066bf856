// spec: {"epilogue":[],"f16":[1],"kind":"elementwise","layout":{"channels":8,"spatial":9},"size":576}
// elementwise: workgroup size 256x1x1, 1x1x1 workgroups, 0 bytes of workgroup memory
// bindings: x:read:f32, y:read_write:f16
// elementwise 576 []
enable f16;
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read_write> y: array<f16>;

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let base = 0u * 1024u + lid.x;
  let i0 = base + 0u;
  if (i0 < 576u) {
    y[i0] = f16(x[i0]);
  }
  let i1 = base + 256u;
  if (i1 < 576u) {
    y[i1] = f16(x[i1]);
  }
  let i2 = base + 512u;
  if (i2 < 576u) {
    y[i2] = f16(x[i2]);
  }
  let i3 = base + 768u;
  if (i3 < 576u) {
    y[i3] = f16(x[i3]);
  }
}
