// batchnorm_grad 2x6x16
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read> stats: array<f32>;
@group(0) @binding(2) var<storage, read> scale: array<f32>;
@group(0) @binding(3) var<storage, read> g: array<f32>;
@group(0) @binding(4) var<storage, read> sums: array<f32>;
@group(0) @binding(5) var<storage, read_write> dx: array<f32>;

@compute @workgroup_size(256, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let base = 0u * 1024u + lid.x;
  let i0 = base + 0u;
  if (i0 < 192u) {
    let c = (i0 / 16u) % 6u;
    let rstd = inverseSqrt(stats[2u * c + 1u] + 0.000009999999747378752f);
    let xhat = (x[i0] - stats[2u * c]) * rstd;
    let sum_gx = sums[c];
    let sum_g = sums[6u + c];
    dx[i0] = scale[c] * rstd * (g[i0] - sum_g / 32.0f - xhat * sum_gx / 32.0f);
  }
  let i1 = base + 256u;
  if (i1 < 192u) {
    let c = (i1 / 16u) % 6u;
    let rstd = inverseSqrt(stats[2u * c + 1u] + 0.000009999999747378752f);
    let xhat = (x[i1] - stats[2u * c]) * rstd;
    let sum_gx = sums[c];
    let sum_g = sums[6u + c];
    dx[i1] = scale[c] * rstd * (g[i1] - sum_g / 32.0f - xhat * sum_gx / 32.0f);
  }
  let i2 = base + 512u;
  if (i2 < 192u) {
    let c = (i2 / 16u) % 6u;
    let rstd = inverseSqrt(stats[2u * c + 1u] + 0.000009999999747378752f);
    let xhat = (x[i2] - stats[2u * c]) * rstd;
    let sum_gx = sums[c];
    let sum_g = sums[6u + c];
    dx[i2] = scale[c] * rstd * (g[i2] - sum_g / 32.0f - xhat * sum_gx / 32.0f);
  }
  let i3 = base + 768u;
  if (i3 < 192u) {
    let c = (i3 / 16u) % 6u;
    let rstd = inverseSqrt(stats[2u * c + 1u] + 0.000009999999747378752f);
    let xhat = (x[i3] - stats[2u * c]) * rstd;
    let sum_gx = sums[c];
    let sum_g = sums[6u + c];
    dx[i3] = scale[c] * rstd * (g[i3] - sum_g / 32.0f - xhat * sum_gx / 32.0f);
  }
}
