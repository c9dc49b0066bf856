// spec: {"accumulate":false,"c":8,"h":32,"k":3,"kind":"conv_grad_weight","n":2,"o":8,"pad":1,"tile":{"bk":1,"bm":16,"bn":16,"ks":16,"tm":4,"tn":4,"variant":"splitk"},"w":32}
// conv_grad_weight splitk 4x4: workgroup size 16x4x4, 5x1x1 workgroups, 16384 bytes of workgroup memory
// bindings: x:read:f32, g:read:f32, dw:read_write:f32
// conv_grad_weight 2x8x32x32 -> 8 k3 pad1 (splitk)
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read> g: array<f32>;
@group(0) @binding(2) var<storage, read_write> dw: array<f32>;

var<workgroup> partial: array<f32, 4096>;

@compute @workgroup_size(16, 4, 4)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let tile_n = wg.x % 5u;
  let tile_m = wg.x / 5u;
  let block_row = tile_m * 16u;
  let block_col = tile_n * 16u;
  let row0 = min((block_row + lid.z), 7u);
  let row1 = min(((block_row + lid.z) + 4u), 7u);
  let row2 = min(((block_row + lid.z) + 8u), 7u);
  let row3 = min(((block_row + lid.z) + 12u), 7u);
  let col0 = min((block_col + lid.y), 71u);
  let ci_c0 = col0 / 9u;
  let r_c0 = col0 % 9u;
  let ky_c0 = i32((r_c0 / 3u));
  let kx_c0 = i32((r_c0 % 3u));
  let col1 = min(((block_col + lid.y) + 4u), 71u);
  let ci_c1 = col1 / 9u;
  let r_c1 = col1 % 9u;
  let ky_c1 = i32((r_c1 / 3u));
  let kx_c1 = i32((r_c1 % 3u));
  let col2 = min(((block_col + lid.y) + 8u), 71u);
  let ci_c2 = col2 / 9u;
  let r_c2 = col2 % 9u;
  let ky_c2 = i32((r_c2 / 3u));
  let kx_c2 = i32((r_c2 % 3u));
  let col3 = min(((block_col + lid.y) + 12u), 71u);
  let ci_c3 = col3 / 9u;
  let r_c3 = col3 % 9u;
  let ky_c3 = i32((r_c3 / 3u));
  let kx_c3 = i32((r_c3 % 3u));
  var acc0_0 = 0.0f; var acc0_1 = 0.0f; var acc0_2 = 0.0f; var acc0_3 = 0.0f;
  var acc1_0 = 0.0f; var acc1_1 = 0.0f; var acc1_2 = 0.0f; var acc1_3 = 0.0f;
  var acc2_0 = 0.0f; var acc2_1 = 0.0f; var acc2_2 = 0.0f; var acc2_3 = 0.0f;
  var acc3_0 = 0.0f; var acc3_1 = 0.0f; var acc3_2 = 0.0f; var acc3_3 = 0.0f;
  for (var kk = lid.x; kk < 2048u; kk += 16u) {
    let img_k = kk / 1024u;
    let rem_k = kk % 1024u;
    let oy_k = i32((rem_k / 32u));
    let ox_k = i32((rem_k % 32u));
    let a0 = g[(((img_k * 8u) + row0) * 1024u) + rem_k];
    let a1 = g[(((img_k * 8u) + row1) * 1024u) + rem_k];
    let a2 = g[(((img_k * 8u) + row2) * 1024u) + rem_k];
    let a3 = g[(((img_k * 8u) + row3) * 1024u) + rem_k];
    let b0 = select(0.0f, x[select(0u, ((((img_k * 8u) + ci_c0) * 1024u) + u32((((oy_k + (ky_c0 - 1i)) * 32i) + (ox_k + (kx_c0 - 1i))))), ((((oy_k + (ky_c0 - 1i)) >= 0i) && ((oy_k + (ky_c0 - 1i)) < 32i)) && (((ox_k + (kx_c0 - 1i)) >= 0i) && ((ox_k + (kx_c0 - 1i)) < 32i))))], ((((oy_k + (ky_c0 - 1i)) >= 0i) && ((oy_k + (ky_c0 - 1i)) < 32i)) && (((ox_k + (kx_c0 - 1i)) >= 0i) && ((ox_k + (kx_c0 - 1i)) < 32i))));
    let b1 = select(0.0f, x[select(0u, ((((img_k * 8u) + ci_c1) * 1024u) + u32((((oy_k + (ky_c1 - 1i)) * 32i) + (ox_k + (kx_c1 - 1i))))), ((((oy_k + (ky_c1 - 1i)) >= 0i) && ((oy_k + (ky_c1 - 1i)) < 32i)) && (((ox_k + (kx_c1 - 1i)) >= 0i) && ((ox_k + (kx_c1 - 1i)) < 32i))))], ((((oy_k + (ky_c1 - 1i)) >= 0i) && ((oy_k + (ky_c1 - 1i)) < 32i)) && (((ox_k + (kx_c1 - 1i)) >= 0i) && ((ox_k + (kx_c1 - 1i)) < 32i))));
    let b2 = select(0.0f, x[select(0u, ((((img_k * 8u) + ci_c2) * 1024u) + u32((((oy_k + (ky_c2 - 1i)) * 32i) + (ox_k + (kx_c2 - 1i))))), ((((oy_k + (ky_c2 - 1i)) >= 0i) && ((oy_k + (ky_c2 - 1i)) < 32i)) && (((ox_k + (kx_c2 - 1i)) >= 0i) && ((ox_k + (kx_c2 - 1i)) < 32i))))], ((((oy_k + (ky_c2 - 1i)) >= 0i) && ((oy_k + (ky_c2 - 1i)) < 32i)) && (((ox_k + (kx_c2 - 1i)) >= 0i) && ((ox_k + (kx_c2 - 1i)) < 32i))));
    let b3 = select(0.0f, x[select(0u, ((((img_k * 8u) + ci_c3) * 1024u) + u32((((oy_k + (ky_c3 - 1i)) * 32i) + (ox_k + (kx_c3 - 1i))))), ((((oy_k + (ky_c3 - 1i)) >= 0i) && ((oy_k + (ky_c3 - 1i)) < 32i)) && (((ox_k + (kx_c3 - 1i)) >= 0i) && ((ox_k + (kx_c3 - 1i)) < 32i))))], ((((oy_k + (ky_c3 - 1i)) >= 0i) && ((oy_k + (ky_c3 - 1i)) < 32i)) && (((ox_k + (kx_c3 - 1i)) >= 0i) && ((ox_k + (kx_c3 - 1i)) < 32i))));
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
    if (((block_row + (e / 16u)) < 8u) && ((block_col + (e % 16u)) < 72u)) {
      let row = block_row + (e / 16u);
      let col = block_col + (e % 16u);
      let ci_c = col / 9u;
      let r_c = col % 9u;
      let ky_c = i32((r_c / 3u));
      let kx_c = i32((r_c % 3u));
      dw[(row * 72u) + col] = sum;
    }
  }
}
