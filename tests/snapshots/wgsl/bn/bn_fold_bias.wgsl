// elementwise 6 [batchnorm]
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read> ep0_scale: array<f32>;
@group(0) @binding(2) var<storage, read> ep0_shift: array<f32>;
@group(0) @binding(3) var<storage, read> ep0_mean: array<f32>;
@group(0) @binding(4) var<storage, read> ep0_var: array<f32>;
@group(0) @binding(5) var<storage, read_write> y: array<f32>;

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let base = 0u * 1024u + lid.x;
  let i0 = base + 0u;
  if (i0 < 6u) {
    var r = x[i0];
    r = (r - ep0_mean[i0 % 6u]) * inverseSqrt(ep0_var[i0 % 6u] + 0.000009999999747378752f) * ep0_scale[i0 % 6u] + ep0_shift[i0 % 6u];
    y[i0] = r;
  }
  let i1 = base + 256u;
  if (i1 < 6u) {
    var r = x[i1];
    r = (r - ep0_mean[i1 % 6u]) * inverseSqrt(ep0_var[i1 % 6u] + 0.000009999999747378752f) * ep0_scale[i1 % 6u] + ep0_shift[i1 % 6u];
    y[i1] = r;
  }
  let i2 = base + 512u;
  if (i2 < 6u) {
    var r = x[i2];
    r = (r - ep0_mean[i2 % 6u]) * inverseSqrt(ep0_var[i2 % 6u] + 0.000009999999747378752f) * ep0_scale[i2 % 6u] + ep0_shift[i2 % 6u];
    y[i2] = r;
  }
  let i3 = base + 768u;
  if (i3 < 6u) {
    var r = x[i3];
    r = (r - ep0_mean[i3 % 6u]) * inverseSqrt(ep0_var[i3 % 6u] + 0.000009999999747378752f) * ep0_scale[i3 % 6u] + ep0_shift[i3 % 6u];
    y[i3] = r;
  }
}
