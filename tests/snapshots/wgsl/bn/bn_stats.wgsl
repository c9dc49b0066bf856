// bn_stats 2x6x16
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read_write> stats: array<f32>;
var<private> mean_c: f32;
var<workgroup> part0: array<f32, 64>;

@compute @workgroup_size(64, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let ch = wg.x;
  {
    var sum = 0.0f;
    for (var j = lid.x; j < 32u; j += 64u) {
      let at = (j / 16u * 6u + ch) * 16u + j % 16u;
      sum += x[at];
    }
    part0[lid.x] = sum;
  }
  workgroupBarrier();
  {
    var total0 = 0.0f;
    for (var t = 0u; t < 64u; t++) {
      total0 += part0[t];
    }
    mean_c = total0 / 32.0f;
  }
  workgroupBarrier();
  {
    var sq = 0.0f;
    for (var j = lid.x; j < 32u; j += 64u) {
      let at = (j / 16u * 6u + ch) * 16u + j % 16u;
      let d = x[at] - mean_c;
      sq += d * d;
    }
    part0[lid.x] = sq;
  }
  workgroupBarrier();
  {
    var total0 = 0.0f;
    for (var t = 0u; t < 64u; t++) {
      total0 += part0[t];
    }
    if (lid.x == 0u) {
      stats[2u * ch] = mean_c;
      stats[2u * ch + 1u] = total0 / 32.0f;
    }
  }
}
