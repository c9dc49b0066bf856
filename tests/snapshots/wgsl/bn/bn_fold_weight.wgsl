// bn_fold_weight 6x36
@group(0) @binding(0) var<storage, read> w: array<f32>;
@group(0) @binding(1) var<storage, read> scale: array<f32>;
@group(0) @binding(2) var<storage, read> variance: array<f32>;
@group(0) @binding(3) var<storage, read_write> folded: array<f32>;

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let base = 0u * 1024u + lid.x;
  let i0 = base + 0u;
  if (i0 < 216u) {
    let o = i0 / 36u;
    folded[i0] = w[i0] * (scale[o] * inverseSqrt(variance[o] + 0.000009999999747378752f));
  }
  let i1 = base + 256u;
  if (i1 < 216u) {
    let o = i1 / 36u;
    folded[i1] = w[i1] * (scale[o] * inverseSqrt(variance[o] + 0.000009999999747378752f));
  }
  let i2 = base + 512u;
  if (i2 < 216u) {
    let o = i2 / 36u;
    folded[i2] = w[i2] * (scale[o] * inverseSqrt(variance[o] + 0.000009999999747378752f));
  }
  let i3 = base + 768u;
  if (i3 < 216u) {
    let o = i3 / 36u;
    folded[i3] = w[i3] * (scale[o] * inverseSqrt(variance[o] + 0.000009999999747378752f));
  }
}
