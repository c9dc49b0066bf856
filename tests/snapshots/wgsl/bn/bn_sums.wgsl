// bn_sums 2x6x16
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read> stats: array<f32>;
@group(0) @binding(2) var<storage, read> g: array<f32>;
@group(0) @binding(3) var<storage, read_write> sums: array<f32>;
var<workgroup> part0: array<f32, 64>;
var<workgroup> part1: array<f32, 64>;

@compute @workgroup_size(64, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let ch = wg.x;
  let mean_c = stats[2u * ch];
  let rstd_c = inverseSqrt(stats[2u * ch + 1u] + 0.000009999999747378752f);
  {
    var sgx = 0.0f;
    var sg = 0.0f;
    for (var j = lid.x; j < 32u; j += 64u) {
      let at = (j / 16u * 6u + ch) * 16u + j % 16u;
      let gv = g[at];
      sgx += gv * (x[at] - mean_c) * rstd_c;
      sg += gv;
    }
    part0[lid.x] = sgx;
    part1[lid.x] = sg;
  }
  workgroupBarrier();
  {
    var total0 = 0.0f;
    var total1 = 0.0f;
    for (var t = 0u; t < 64u; t++) {
      total0 += part0[t];
      total1 += part1[t];
    }
    if (lid.x == 0u) {
      sums[ch] = total0;
      sums[6u + ch] = total1;
    }
  }
}
