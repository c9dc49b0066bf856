// spec: {"accumulate":false,"epilogue":[{"op":"bias"},{"op":"relu"}],"k":25088,"kind":"matmul","m":64,"n":4096,"tile":{"bk":1,"bm":16,"bn":16,"ks":16,"tm":4,"tn":4,"variant":"splitk"},"transA":false,"transB":true}
// matmul splitk 4x4: workgroup size 16x4x4, 1024x1x1 workgroups, 16384 bytes of workgroup memory
// bindings: a:read:f32, b:read:f32, ep0_bias:read:f32, c:read_write:f32
// matmul 64x4096x25088 transB (splitk)
@group(0) @binding(0) var<storage, read> a: array<f32>;
@group(0) @binding(1) var<storage, read> b: array<f32>;
@group(0) @binding(2) var<storage, read> ep0_bias: array<f32>;
@group(0) @binding(3) var<storage, read_write> c: array<f32>;

var<workgroup> partial: array<f32, 4096>;

@compute @workgroup_size(16, 4, 4)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let tile_n = wg.x % 256u;
  let tile_m = wg.x / 256u;
  let block_row = tile_m * 16u;
  let block_col = tile_n * 16u;
  let row0 = min((block_row + lid.z), 63u);
  let row1 = min(((block_row + lid.z) + 4u), 63u);
  let row2 = min(((block_row + lid.z) + 8u), 63u);
  let row3 = min(((block_row + lid.z) + 12u), 63u);
  let col0 = min((block_col + lid.y), 4095u);
  let col1 = min(((block_col + lid.y) + 4u), 4095u);
  let col2 = min(((block_col + lid.y) + 8u), 4095u);
  let col3 = min(((block_col + lid.y) + 12u), 4095u);
  var acc0_0 = 0.0f; var acc0_1 = 0.0f; var acc0_2 = 0.0f; var acc0_3 = 0.0f;
  var acc1_0 = 0.0f; var acc1_1 = 0.0f; var acc1_2 = 0.0f; var acc1_3 = 0.0f;
  var acc2_0 = 0.0f; var acc2_1 = 0.0f; var acc2_2 = 0.0f; var acc2_3 = 0.0f;
  var acc3_0 = 0.0f; var acc3_1 = 0.0f; var acc3_2 = 0.0f; var acc3_3 = 0.0f;
  for (var kk = lid.x; kk < 25088u; kk += 16u) {
    let a0 = a[(row0 * 25088u) + kk];
    let a1 = a[(row1 * 25088u) + kk];
    let a2 = a[(row2 * 25088u) + kk];
    let a3 = a[(row3 * 25088u) + kk];
    let b0 = b[(col0 * 25088u) + kk];
    let b1 = b[(col1 * 25088u) + kk];
    let b2 = b[(col2 * 25088u) + kk];
    let b3 = b[(col3 * 25088u) + kk];
    acc0_0 += a0 * b0;
    acc0_1 += a0 * b1;
    acc0_2 += a0 * b2;
    acc0_3 += a0 * b3;
    acc1_0 += a1 * b0;
    acc1_1 += a1 * b1;
    acc1_2 += a1 * b2;
    acc1_3 += a1 * b3;
    acc2_0 += a2 * b0;
    acc2_1 += a2 * b1;
    acc2_2 += a2 * b2;
    acc2_3 += a2 * b3;
    acc3_0 += a3 * b0;
    acc3_1 += a3 * b1;
    acc3_2 += a3 * b2;
    acc3_3 += a3 * b3;
  }
  let own = lid.x * 256u + lid.z * 16u + lid.y;
  partial[own + 0u] = acc0_0;
  partial[own + 4u] = acc0_1;
  partial[own + 8u] = acc0_2;
  partial[own + 12u] = acc0_3;
  partial[own + 64u] = acc1_0;
  partial[own + 68u] = acc1_1;
  partial[own + 72u] = acc1_2;
  partial[own + 76u] = acc1_3;
  partial[own + 128u] = acc2_0;
  partial[own + 132u] = acc2_1;
  partial[own + 136u] = acc2_2;
  partial[own + 140u] = acc2_3;
  partial[own + 192u] = acc3_0;
  partial[own + 196u] = acc3_1;
  partial[own + 200u] = acc3_2;
  partial[own + 204u] = acc3_3;
  workgroupBarrier();
  {
    let e = li + 0u;
    var sum = 0.0f;
    for (var l = 0u; l < 16u; l++) { sum += partial[l * 256u + e]; }
    if (((block_row + (e / 16u)) < 64u) && ((block_col + (e % 16u)) < 4096u)) {
      let row = block_row + (e / 16u);
      let col = block_col + (e % 16u);
      var r = sum;
      r += ep0_bias[col];
      r = select(r, 0.0f, r < 0.0f);
      c[(row * 4096u) + col] = r;
    }
  }
}
