// spec: {"accumulate":false,"epilogue":[{"op":"bias"},{"op":"relu"}],"k":25088,"kind":"matmul","m":64,"n":4096,"tile":{"bk":4,"bm":8,"bn":64,"ks":1,"tm":8,"tn":8,"variant":"register"},"transA":false,"transB":true}
// matmul register 8x8: workgroup size 8x1x1, 512x1x1 workgroups, 0 bytes of workgroup memory
// bindings: a:read:f32, b:read:f32, ep0_bias:read:f32, c:read_write:f32
// matmul 64x4096x25088 transB (register)
@group(0) @binding(0) var<storage, read> a: array<vec4<f32>>;
@group(0) @binding(1) var<storage, read> b: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read> ep0_bias: array<f32>;
@group(0) @binding(3) var<storage, read_write> c: array<f32>;

@compute @workgroup_size(8, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let tile_n = wg.x % 64u;
  let tile_m = wg.x / 64u;
  let block_row = tile_m * 8u;
  let block_col = tile_n * 64u;
  let r_base = block_row + (lid.y * 8u);
  let c_base = block_col + (lid.x * 8u);
  let a_off0 = min(r_base + 0u, 63u) * 6272u;
  let a_off1 = min(r_base + 1u, 63u) * 6272u;
  let a_off2 = min(r_base + 2u, 63u) * 6272u;
  let a_off3 = min(r_base + 3u, 63u) * 6272u;
  let a_off4 = min(r_base + 4u, 63u) * 6272u;
  let a_off5 = min(r_base + 5u, 63u) * 6272u;
  let a_off6 = min(r_base + 6u, 63u) * 6272u;
  let a_off7 = min(r_base + 7u, 63u) * 6272u;
  let b_off0 = min(c_base + 0u, 4095u) * 6272u;
  let b_off1 = min(c_base + 1u, 4095u) * 6272u;
  let b_off2 = min(c_base + 2u, 4095u) * 6272u;
  let b_off3 = min(c_base + 3u, 4095u) * 6272u;
  let b_off4 = min(c_base + 4u, 4095u) * 6272u;
  let b_off5 = min(c_base + 5u, 4095u) * 6272u;
  let b_off6 = min(c_base + 6u, 4095u) * 6272u;
  let b_off7 = min(c_base + 7u, 4095u) * 6272u;
  var acc0_0 = 0.0f; var acc0_1 = 0.0f; var acc0_2 = 0.0f; var acc0_3 = 0.0f; var acc0_4 = 0.0f; var acc0_5 = 0.0f; var acc0_6 = 0.0f; var acc0_7 = 0.0f;
  var acc1_0 = 0.0f; var acc1_1 = 0.0f; var acc1_2 = 0.0f; var acc1_3 = 0.0f; var acc1_4 = 0.0f; var acc1_5 = 0.0f; var acc1_6 = 0.0f; var acc1_7 = 0.0f;
  var acc2_0 = 0.0f; var acc2_1 = 0.0f; var acc2_2 = 0.0f; var acc2_3 = 0.0f; var acc2_4 = 0.0f; var acc2_5 = 0.0f; var acc2_6 = 0.0f; var acc2_7 = 0.0f;
  var acc3_0 = 0.0f; var acc3_1 = 0.0f; var acc3_2 = 0.0f; var acc3_3 = 0.0f; var acc3_4 = 0.0f; var acc3_5 = 0.0f; var acc3_6 = 0.0f; var acc3_7 = 0.0f;
  var acc4_0 = 0.0f; var acc4_1 = 0.0f; var acc4_2 = 0.0f; var acc4_3 = 0.0f; var acc4_4 = 0.0f; var acc4_5 = 0.0f; var acc4_6 = 0.0f; var acc4_7 = 0.0f;
  var acc5_0 = 0.0f; var acc5_1 = 0.0f; var acc5_2 = 0.0f; var acc5_3 = 0.0f; var acc5_4 = 0.0f; var acc5_5 = 0.0f; var acc5_6 = 0.0f; var acc5_7 = 0.0f;
  var acc6_0 = 0.0f; var acc6_1 = 0.0f; var acc6_2 = 0.0f; var acc6_3 = 0.0f; var acc6_4 = 0.0f; var acc6_5 = 0.0f; var acc6_6 = 0.0f; var acc6_7 = 0.0f;
  var acc7_0 = 0.0f; var acc7_1 = 0.0f; var acc7_2 = 0.0f; var acc7_3 = 0.0f; var acc7_4 = 0.0f; var acc7_5 = 0.0f; var acc7_6 = 0.0f; var acc7_7 = 0.0f;
  for (var kq = 0u; kq < 6272u; kq++) {
    let av0 = a[a_off0 + kq];
    let av1 = a[a_off1 + kq];
    let av2 = a[a_off2 + kq];
    let av3 = a[a_off3 + kq];
    let av4 = a[a_off4 + kq];
    let av5 = a[a_off5 + kq];
    let av6 = a[a_off6 + kq];
    let av7 = a[a_off7 + kq];
    let bv0 = b[b_off0 + kq];
    let bv1 = b[b_off1 + kq];
    let bv2 = b[b_off2 + kq];
    let bv3 = b[b_off3 + kq];
    let bv4 = b[b_off4 + kq];
    let bv5 = b[b_off5 + kq];
    let bv6 = b[b_off6 + kq];
    let bv7 = b[b_off7 + kq];
    acc0_0 += av0.x * bv0.x;
    acc0_1 += av0.x * bv1.x;
    acc0_2 += av0.x * bv2.x;
    acc0_3 += av0.x * bv3.x;
    acc0_4 += av0.x * bv4.x;
    acc0_5 += av0.x * bv5.x;
    acc0_6 += av0.x * bv6.x;
    acc0_7 += av0.x * bv7.x;
    acc1_0 += av1.x * bv0.x;
    acc1_1 += av1.x * bv1.x;
    acc1_2 += av1.x * bv2.x;
    acc1_3 += av1.x * bv3.x;
    acc1_4 += av1.x * bv4.x;
    acc1_5 += av1.x * bv5.x;
    acc1_6 += av1.x * bv6.x;
    acc1_7 += av1.x * bv7.x;
    acc2_0 += av2.x * bv0.x;
    acc2_1 += av2.x * bv1.x;
    acc2_2 += av2.x * bv2.x;
    acc2_3 += av2.x * bv3.x;
    acc2_4 += av2.x * bv4.x;
    acc2_5 += av2.x * bv5.x;
    acc2_6 += av2.x * bv6.x;
    acc2_7 += av2.x * bv7.x;
    acc3_0 += av3.x * bv0.x;
    acc3_1 += av3.x * bv1.x;
    acc3_2 += av3.x * bv2.x;
    acc3_3 += av3.x * bv3.x;
    acc3_4 += av3.x * bv4.x;
    acc3_5 += av3.x * bv5.x;
    acc3_6 += av3.x * bv6.x;
    acc3_7 += av3.x * bv7.x;
    acc4_0 += av4.x * bv0.x;
    acc4_1 += av4.x * bv1.x;
    acc4_2 += av4.x * bv2.x;
    acc4_3 += av4.x * bv3.x;
    acc4_4 += av4.x * bv4.x;
    acc4_5 += av4.x * bv5.x;
    acc4_6 += av4.x * bv6.x;
    acc4_7 += av4.x * bv7.x;
    acc5_0 += av5.x * bv0.x;
    acc5_1 += av5.x * bv1.x;
    acc5_2 += av5.x * bv2.x;
    acc5_3 += av5.x * bv3.x;
    acc5_4 += av5.x * bv4.x;
    acc5_5 += av5.x * bv5.x;
    acc5_6 += av5.x * bv6.x;
    acc5_7 += av5.x * bv7.x;
    acc6_0 += av6.x * bv0.x;
    acc6_1 += av6.x * bv1.x;
    acc6_2 += av6.x * bv2.x;
    acc6_3 += av6.x * bv3.x;
    acc6_4 += av6.x * bv4.x;
    acc6_5 += av6.x * bv5.x;
    acc6_6 += av6.x * bv6.x;
    acc6_7 += av6.x * bv7.x;
    acc7_0 += av7.x * bv0.x;
    acc7_1 += av7.x * bv1.x;
    acc7_2 += av7.x * bv2.x;
    acc7_3 += av7.x * bv3.x;
    acc7_4 += av7.x * bv4.x;
    acc7_5 += av7.x * bv5.x;
    acc7_6 += av7.x * bv6.x;
    acc7_7 += av7.x * bv7.x;
    acc0_0 += av0.y * bv0.y;
    acc0_1 += av0.y * bv1.y;
    acc0_2 += av0.y * bv2.y;
    acc0_3 += av0.y * bv3.y;
    acc0_4 += av0.y * bv4.y;
    acc0_5 += av0.y * bv5.y;
    acc0_6 += av0.y * bv6.y;
    acc0_7 += av0.y * bv7.y;
    acc1_0 += av1.y * bv0.y;
    acc1_1 += av1.y * bv1.y;
    acc1_2 += av1.y * bv2.y;
    acc1_3 += av1.y * bv3.y;
    acc1_4 += av1.y * bv4.y;
    acc1_5 += av1.y * bv5.y;
    acc1_6 += av1.y * bv6.y;
    acc1_7 += av1.y * bv7.y;
    acc2_0 += av2.y * bv0.y;
    acc2_1 += av2.y * bv1.y;
    acc2_2 += av2.y * bv2.y;
    acc2_3 += av2.y * bv3.y;
    acc2_4 += av2.y * bv4.y;
    acc2_5 += av2.y * bv5.y;
    acc2_6 += av2.y * bv6.y;
    acc2_7 += av2.y * bv7.y;
    acc3_0 += av3.y * bv0.y;
    acc3_1 += av3.y * bv1.y;
    acc3_2 += av3.y * bv2.y;
    acc3_3 += av3.y * bv3.y;
    acc3_4 += av3.y * bv4.y;
    acc3_5 += av3.y * bv5.y;
    acc3_6 += av3.y * bv6.y;
    acc3_7 += av3.y * bv7.y;
    acc4_0 += av4.y * bv0.y;
    acc4_1 += av4.y * bv1.y;
    acc4_2 += av4.y * bv2.y;
    acc4_3 += av4.y * bv3.y;
    acc4_4 += av4.y * bv4.y;
    acc4_5 += av4.y * bv5.y;
    acc4_6 += av4.y * bv6.y;
    acc4_7 += av4.y * bv7.y;
    acc5_0 += av5.y * bv0.y;
    acc5_1 += av5.y * bv1.y;
    acc5_2 += av5.y * bv2.y;
    acc5_3 += av5.y * bv3.y;
    acc5_4 += av5.y * bv4.y;
    acc5_5 += av5.y * bv5.y;
    acc5_6 += av5.y * bv6.y;
    acc5_7 += av5.y * bv7.y;
    acc6_0 += av6.y * bv0.y;
    acc6_1 += av6.y * bv1.y;
    acc6_2 += av6.y * bv2.y;
    acc6_3 += av6.y * bv3.y;
    acc6_4 += av6.y * bv4.y;
    acc6_5 += av6.y * bv5.y;
    acc6_6 += av6.y * bv6.y;
    acc6_7 += av6.y * bv7.y;
    acc7_0 += av7.y * bv0.y;
    acc7_1 += av7.y * bv1.y;
    acc7_2 += av7.y * bv2.y;
    acc7_3 += av7.y * bv3.y;
    acc7_4 += av7.y * bv4.y;
    acc7_5 += av7.y * bv5.y;
    acc7_6 += av7.y * bv6.y;
    acc7_7 += av7.y * bv7.y;
    acc0_0 += av0.z * bv0.z;
    acc0_1 += av0.z * bv1.z;
    acc0_2 += av0.z * bv2.z;
    acc0_3 += av0.z * bv3.z;
    acc0_4 += av0.z * bv4.z;
    acc0_5 += av0.z * bv5.z;
    acc0_6 += av0.z * bv6.z;
    acc0_7 += av0.z * bv7.z;
    acc1_0 += av1.z * bv0.z;
    acc1_1 += av1.z * bv1.z;
    acc1_2 += av1.z * bv2.z;
    acc1_3 += av1.z * bv3.z;
    acc1_4 += av1.z * bv4.z;
    acc1_5 += av1.z * bv5.z;
    acc1_6 += av1.z * bv6.z;
    acc1_7 += av1.z * bv7.z;
    acc2_0 += av2.z * bv0.z;
    acc2_1 += av2.z * bv1.z;
    acc2_2 += av2.z * bv2.z;
    acc2_3 += av2.z * bv3.z;
    acc2_4 += av2.z * bv4.z;
    acc2_5 += av2.z * bv5.z;
    acc2_6 += av2.z * bv6.z;
    acc2_7 += av2.z * bv7.z;
    acc3_0 += av3.z * bv0.z;
    acc3_1 += av3.z * bv1.z;
    acc3_2 += av3.z * bv2.z;
    acc3_3 += av3.z * bv3.z;
    acc3_4 += av3.z * bv4.z;
    acc3_5 += av3.z * bv5.z;
    acc3_6 += av3.z * bv6.z;
    acc3_7 += av3.z * bv7.z;
    acc4_0 += av4.z * bv0.z;
    acc4_1 += av4.z * bv1.z;
    acc4_2 += av4.z * bv2.z;
    acc4_3 += av4.z * bv3.z;
    acc4_4 += av4.z * bv4.z;
    acc4_5 += av4.z * bv5.z;
    acc4_6 += av4.z * bv6.z;
    acc4_7 += av4.z * bv7.z;
    acc5_0 += av5.z * bv0.z;
    acc5_1 += av5.z * bv1.z;
    acc5_2 += av5.z * bv2.z;
    acc5_3 += av5.z * bv3.z;
    acc5_4 += av5.z * bv4.z;
    acc5_5 += av5.z * bv5.z;
    acc5_6 += av5.z * bv6.z;
    acc5_7 += av5.z * bv7.z;
    acc6_0 += av6.z * bv0.z;
    acc6_1 += av6.z * bv1.z;
    acc6_2 += av6.z * bv2.z;
    acc6_3 += av6.z * bv3.z;
    acc6_4 += av6.z * bv4.z;
    acc6_5 += av6.z * bv5.z;
    acc6_6 += av6.z * bv6.z;
    acc6_7 += av6.z * bv7.z;
    acc7_0 += av7.z * bv0.z;
    acc7_1 += av7.z * bv1.z;
    acc7_2 += av7.z * bv2.z;
    acc7_3 += av7.z * bv3.z;
    acc7_4 += av7.z * bv4.z;
    acc7_5 += av7.z * bv5.z;
    acc7_6 += av7.z * bv6.z;
    acc7_7 += av7.z * bv7.z;
    acc0_0 += av0.w * bv0.w;
    acc0_1 += av0.w * bv1.w;
    acc0_2 += av0.w * bv2.w;
    acc0_3 += av0.w * bv3.w;
    acc0_4 += av0.w * bv4.w;
    acc0_5 += av0.w * bv5.w;
    acc0_6 += av0.w * bv6.w;
    acc0_7 += av0.w * bv7.w;
    acc1_0 += av1.w * bv0.w;
    acc1_1 += av1.w * bv1.w;
    acc1_2 += av1.w * bv2.w;
    acc1_3 += av1.w * bv3.w;
    acc1_4 += av1.w * bv4.w;
    acc1_5 += av1.w * bv5.w;
    acc1_6 += av1.w * bv6.w;
    acc1_7 += av1.w * bv7.w;
    acc2_0 += av2.w * bv0.w;
    acc2_1 += av2.w * bv1.w;
    acc2_2 += av2.w * bv2.w;
    acc2_3 += av2.w * bv3.w;
    acc2_4 += av2.w * bv4.w;
    acc2_5 += av2.w * bv5.w;
    acc2_6 += av2.w * bv6.w;
    acc2_7 += av2.w * bv7.w;
    acc3_0 += av3.w * bv0.w;
    acc3_1 += av3.w * bv1.w;
    acc3_2 += av3.w * bv2.w;
    acc3_3 += av3.w * bv3.w;
    acc3_4 += av3.w * bv4.w;
    acc3_5 += av3.w * bv5.w;
    acc3_6 += av3.w * bv6.w;
    acc3_7 += av3.w * bv7.w;
    acc4_0 += av4.w * bv0.w;
    acc4_1 += av4.w * bv1.w;
    acc4_2 += av4.w * bv2.w;
    acc4_3 += av4.w * bv3.w;
    acc4_4 += av4.w * bv4.w;
    acc4_5 += av4.w * bv5.w;
    acc4_6 += av4.w * bv6.w;
    acc4_7 += av4.w * bv7.w;
    acc5_0 += av5.w * bv0.w;
    acc5_1 += av5.w * bv1.w;
    acc5_2 += av5.w * bv2.w;
    acc5_3 += av5.w * bv3.w;
    acc5_4 += av5.w * bv4.w;
    acc5_5 += av5.w * bv5.w;
    acc5_6 += av5.w * bv6.w;
    acc5_7 += av5.w * bv7.w;
    acc6_0 += av6.w * bv0.w;
    acc6_1 += av6.w * bv1.w;
    acc6_2 += av6.w * bv2.w;
    acc6_3 += av6.w * bv3.w;
    acc6_4 += av6.w * bv4.w;
    acc6_5 += av6.w * bv5.w;
    acc6_6 += av6.w * bv6.w;
    acc6_7 += av6.w * bv7.w;
    acc7_0 += av7.w * bv0.w;
    acc7_1 += av7.w * bv1.w;
    acc7_2 += av7.w * bv2.w;
    acc7_3 += av7.w * bv3.w;
    acc7_4 += av7.w * bv4.w;
    acc7_5 += av7.w * bv5.w;
    acc7_6 += av7.w * bv6.w;
    acc7_7 += av7.w * bv7.w;
  }
  let row0 = min(r_base, 63u);
  let row1 = min((r_base + 1u), 63u);
  let row2 = min((r_base + 2u), 63u);
  let row3 = min((r_base + 3u), 63u);
  let row4 = min((r_base + 4u), 63u);
  let row5 = min((r_base + 5u), 63u);
  let row6 = min((r_base + 6u), 63u);
  let row7 = min((r_base + 7u), 63u);
  let col0 = min(c_base, 4095u);
  let col1 = min((c_base + 1u), 4095u);
  let col2 = min((c_base + 2u), 4095u);
  let col3 = min((c_base + 3u), 4095u);
  let col4 = min((c_base + 4u), 4095u);
  let col5 = min((c_base + 5u), 4095u);
  let col6 = min((c_base + 6u), 4095u);
  let col7 = min((c_base + 7u), 4095u);
  if (r_base < 64u) {
    if (c_base < 4096u) {
      var r = acc0_0;
      r += ep0_bias[col0];
      r = select(r, 0.0f, r < 0.0f);
      c[(row0 * 4096u) + col0] = r;
    }
    if ((c_base + 1u) < 4096u) {
      var r = acc0_1;
      r += ep0_bias[col1];
      r = select(r, 0.0f, r < 0.0f);
      c[(row0 * 4096u) + col1] = r;
    }
    if ((c_base + 2u) < 4096u) {
      var r = acc0_2;
      r += ep0_bias[col2];
      r = select(r, 0.0f, r < 0.0f);
      c[(row0 * 4096u) + col2] = r;
    }
    if ((c_base + 3u) < 4096u) {
      var r = acc0_3;
      r += ep0_bias[col3];
      r = select(r, 0.0f, r < 0.0f);
      c[(row0 * 4096u) + col3] = r;
    }
    if ((c_base + 4u) < 4096u) {
      var r = acc0_4;
      r += ep0_bias[col4];
      r = select(r, 0.0f, r < 0.0f);
      c[(row0 * 4096u) + col4] = r;
    }
    if ((c_base + 5u) < 4096u) {
      var r = acc0_5;
      r += ep0_bias[col5];
      r = select(r, 0.0f, r < 0.0f);
      c[(row0 * 4096u) + col5] = r;
    }
    if ((c_base + 6u) < 4096u) {
      var r = acc0_6;
      r += ep0_bias[col6];
      r = select(r, 0.0f, r < 0.0f);
      c[(row0 * 4096u) + col6] = r;
    }
    if ((c_base + 7u) < 4096u) {
      var r = acc0_7;
      r += ep0_bias[col7];
      r = select(r, 0.0f, r < 0.0f);
      c[(row0 * 4096u) + col7] = r;
    }
  }
  if ((r_base + 1u) < 64u) {
    if (c_base < 4096u) {
      var r = acc1_0;
      r += ep0_bias[col0];
      r = select(r, 0.0f, r < 0.0f);
      c[(row1 * 4096u) + col0] = r;
    }
    if ((c_base + 1u) < 4096u) {
      var r = acc1_1;
      r += ep0_bias[col1];
      r = select(r, 0.0f, r < 0.0f);
      c[(row1 * 4096u) + col1] = r;
    }
    if ((c_base + 2u) < 4096u) {
      var r = acc1_2;
      r += ep0_bias[col2];
      r = select(r, 0.0f, r < 0.0f);
      c[(row1 * 4096u) + col2] = r;
    }
    if ((c_base + 3u) < 4096u) {
      var r = acc1_3;
      r += ep0_bias[col3];
      r = select(r, 0.0f, r < 0.0f);
      c[(row1 * 4096u) + col3] = r;
    }
    if ((c_base + 4u) < 4096u) {
      var r = acc1_4;
      r += ep0_bias[col4];
      r = select(r, 0.0f, r < 0.0f);
      c[(row1 * 4096u) + col4] = r;
    }
    if ((c_base + 5u) < 4096u) {
      var r = acc1_5;
      r += ep0_bias[col5];
      r = select(r, 0.0f, r < 0.0f);
      c[(row1 * 4096u) + col5] = r;
    }
    if ((c_base + 6u) < 4096u) {
      var r = acc1_6;
      r += ep0_bias[col6];
      r = select(r, 0.0f, r < 0.0f);
      c[(row1 * 4096u) + col6] = r;
    }
    if ((c_base + 7u) < 4096u) {
      var r = acc1_7;
      r += ep0_bias[col7];
      r = select(r, 0.0f, r < 0.0f);
      c[(row1 * 4096u) + col7] = r;
    }
  }
  if ((r_base + 2u) < 64u) {
    if (c_base < 4096u) {
      var r = acc2_0;
      r += ep0_bias[col0];
      r = select(r, 0.0f, r < 0.0f);
      c[(row2 * 4096u) + col0] = r;
    }
    if ((c_base + 1u) < 4096u) {
      var r = acc2_1;
      r += ep0_bias[col1];
      r = select(r, 0.0f, r < 0.0f);
      c[(row2 * 4096u) + col1] = r;
    }
    if ((c_base + 2u) < 4096u) {
      var r = acc2_2;
      r += ep0_bias[col2];
      r = select(r, 0.0f, r < 0.0f);
      c[(row2 * 4096u) + col2] = r;
    }
    if ((c_base + 3u) < 4096u) {
      var r = acc2_3;
      r += ep0_bias[col3];
      r = select(r, 0.0f, r < 0.0f);
      c[(row2 * 4096u) + col3] = r;
    }
    if ((c_base + 4u) < 4096u) {
      var r = acc2_4;
      r += ep0_bias[col4];
      r = select(r, 0.0f, r < 0.0f);
      c[(row2 * 4096u) + col4] = r;
    }
    if ((c_base + 5u) < 4096u) {
      var r = acc2_5;
      r += ep0_bias[col5];
      r = select(r, 0.0f, r < 0.0f);
      c[(row2 * 4096u) + col5] = r;
    }
    if ((c_base + 6u) < 4096u) {
      var r = acc2_6;
      r += ep0_bias[col6];
      r = select(r, 0.0f, r < 0.0f);
      c[(row2 * 4096u) + col6] = r;
    }
    if ((c_base + 7u) < 4096u) {
      var r = acc2_7;
      r += ep0_bias[col7];
      r = select(r, 0.0f, r < 0.0f);
      c[(row2 * 4096u) + col7] = r;
    }
  }
  if ((r_base + 3u) < 64u) {
    if (c_base < 4096u) {
      var r = acc3_0;
      r += ep0_bias[col0];
      r = select(r, 0.0f, r < 0.0f);
      c[(row3 * 4096u) + col0] = r;
    }
    if ((c_base + 1u) < 4096u) {
      var r = acc3_1;
      r += ep0_bias[col1];
      r = select(r, 0.0f, r < 0.0f);
      c[(row3 * 4096u) + col1] = r;
    }
    if ((c_base + 2u) < 4096u) {
      var r = acc3_2;
      r += ep0_bias[col2];
      r = select(r, 0.0f, r < 0.0f);
      c[(row3 * 4096u) + col2] = r;
    }
    if ((c_base + 3u) < 4096u) {
      var r = acc3_3;
      r += ep0_bias[col3];
      r = select(r, 0.0f, r < 0.0f);
      c[(row3 * 4096u) + col3] = r;
    }
    if ((c_base + 4u) < 4096u) {
      var r = acc3_4;
      r += ep0_bias[col4];
      r = select(r, 0.0f, r < 0.0f);
      c[(row3 * 4096u) + col4] = r;
    }
    if ((c_base + 5u) < 4096u) {
      var r = acc3_5;
      r += ep0_bias[col5];
      r = select(r, 0.0f, r < 0.0f);
      c[(row3 * 4096u) + col5] = r;
    }
    if ((c_base + 6u) < 4096u) {
      var r = acc3_6;
      r += ep0_bias[col6];
      r = select(r, 0.0f, r < 0.0f);
      c[(row3 * 4096u) + col6] = r;
    }
    if ((c_base + 7u) < 4096u) {
      var r = acc3_7;
      r += ep0_bias[col7];
      r = select(r, 0.0f, r < 0.0f);
      c[(row3 * 4096u) + col7] = r;
    }
  }
  if ((r_base + 4u) < 64u) {
    if (c_base < 4096u) {
      var r = acc4_0;
      r += ep0_bias[col0];
      r = select(r, 0.0f, r < 0.0f);
      c[(row4 * 4096u) + col0] = r;
    }
    if ((c_base + 1u) < 4096u) {
      var r = acc4_1;
      r += ep0_bias[col1];
      r = select(r, 0.0f, r < 0.0f);
      c[(row4 * 4096u) + col1] = r;
    }
    if ((c_base + 2u) < 4096u) {
      var r = acc4_2;
      r += ep0_bias[col2];
      r = select(r, 0.0f, r < 0.0f);
      c[(row4 * 4096u) + col2] = r;
    }
    if ((c_base + 3u) < 4096u) {
      var r = acc4_3;
      r += ep0_bias[col3];
      r = select(r, 0.0f, r < 0.0f);
      c[(row4 * 4096u) + col3] = r;
    }
    if ((c_base + 4u) < 4096u) {
      var r = acc4_4;
      r += ep0_bias[col4];
      r = select(r, 0.0f, r < 0.0f);
      c[(row4 * 4096u) + col4] = r;
    }
    if ((c_base + 5u) < 4096u) {
      var r = acc4_5;
      r += ep0_bias[col5];
      r = select(r, 0.0f, r < 0.0f);
      c[(row4 * 4096u) + col5] = r;
    }
    if ((c_base + 6u) < 4096u) {
      var r = acc4_6;
      r += ep0_bias[col6];
      r = select(r, 0.0f, r < 0.0f);
      c[(row4 * 4096u) + col6] = r;
    }
    if ((c_base + 7u) < 4096u) {
      var r = acc4_7;
      r += ep0_bias[col7];
      r = select(r, 0.0f, r < 0.0f);
      c[(row4 * 4096u) + col7] = r;
    }
  }
  if ((r_base + 5u) < 64u) {
    if (c_base < 4096u) {
      var r = acc5_0;
      r += ep0_bias[col0];
      r = select(r, 0.0f, r < 0.0f);
      c[(row5 * 4096u) + col0] = r;
    }
    if ((c_base + 1u) < 4096u) {
      var r = acc5_1;
      r += ep0_bias[col1];
      r = select(r, 0.0f, r < 0.0f);
      c[(row5 * 4096u) + col1] = r;
    }
    if ((c_base + 2u) < 4096u) {
      var r = acc5_2;
      r += ep0_bias[col2];
      r = select(r, 0.0f, r < 0.0f);
      c[(row5 * 4096u) + col2] = r;
    }
    if ((c_base + 3u) < 4096u) {
      var r = acc5_3;
      r += ep0_bias[col3];
      r = select(r, 0.0f, r < 0.0f);
      c[(row5 * 4096u) + col3] = r;
    }
    if ((c_base + 4u) < 4096u) {
      var r = acc5_4;
      r += ep0_bias[col4];
      r = select(r, 0.0f, r < 0.0f);
      c[(row5 * 4096u) + col4] = r;
    }
    if ((c_base + 5u) < 4096u) {
      var r = acc5_5;
      r += ep0_bias[col5];
      r = select(r, 0.0f, r < 0.0f);
      c[(row5 * 4096u) + col5] = r;
    }
    if ((c_base + 6u) < 4096u) {
      var r = acc5_6;
      r += ep0_bias[col6];
      r = select(r, 0.0f, r < 0.0f);
      c[(row5 * 4096u) + col6] = r;
    }
    if ((c_base + 7u) < 4096u) {
      var r = acc5_7;
      r += ep0_bias[col7];
      r = select(r, 0.0f, r < 0.0f);
      c[(row5 * 4096u) + col7] = r;
    }
  }
  if ((r_base + 6u) < 64u) {
    if (c_base < 4096u) {
      var r = acc6_0;
      r += ep0_bias[col0];
      r = select(r, 0.0f, r < 0.0f);
      c[(row6 * 4096u) + col0] = r;
    }
    if ((c_base + 1u) < 4096u) {
      var r = acc6_1;
      r += ep0_bias[col1];
      r = select(r, 0.0f, r < 0.0f);
      c[(row6 * 4096u) + col1] = r;
    }
    if ((c_base + 2u) < 4096u) {
      var r = acc6_2;
      r += ep0_bias[col2];
      r = select(r, 0.0f, r < 0.0f);
      c[(row6 * 4096u) + col2] = r;
    }
    if ((c_base + 3u) < 4096u) {
      var r = acc6_3;
      r += ep0_bias[col3];
      r = select(r, 0.0f, r < 0.0f);
      c[(row6 * 4096u) + col3] = r;
    }
    if ((c_base + 4u) < 4096u) {
      var r = acc6_4;
      r += ep0_bias[col4];
      r = select(r, 0.0f, r < 0.0f);
      c[(row6 * 4096u) + col4] = r;
    }
    if ((c_base + 5u) < 4096u) {
      var r = acc6_5;
      r += ep0_bias[col5];
      r = select(r, 0.0f, r < 0.0f);
      c[(row6 * 4096u) + col5] = r;
    }
    if ((c_base + 6u) < 4096u) {
      var r = acc6_6;
      r += ep0_bias[col6];
      r = select(r, 0.0f, r < 0.0f);
      c[(row6 * 4096u) + col6] = r;
    }
    if ((c_base + 7u) < 4096u) {
      var r = acc6_7;
      r += ep0_bias[col7];
      r = select(r, 0.0f, r < 0.0f);
      c[(row6 * 4096u) + col7] = r;
    }
  }
  if ((r_base + 7u) < 64u) {
    if (c_base < 4096u) {
      var r = acc7_0;
      r += ep0_bias[col0];
      r = select(r, 0.0f, r < 0.0f);
      c[(row7 * 4096u) + col0] = r;
    }
    if ((c_base + 1u) < 4096u) {
      var r = acc7_1;
      r += ep0_bias[col1];
      r = select(r, 0.0f, r < 0.0f);
      c[(row7 * 4096u) + col1] = r;
    }
    if ((c_base + 2u) < 4096u) {
      var r = acc7_2;
      r += ep0_bias[col2];
      r = select(r, 0.0f, r < 0.0f);
      c[(row7 * 4096u) + col2] = r;
    }
    if ((c_base + 3u) < 4096u) {
      var r = acc7_3;
      r += ep0_bias[col3];
      r = select(r, 0.0f, r < 0.0f);
      c[(row7 * 4096u) + col3] = r;
    }
    if ((c_base + 4u) < 4096u) {
      var r = acc7_4;
      r += ep0_bias[col4];
      r = select(r, 0.0f, r < 0.0f);
      c[(row7 * 4096u) + col4] = r;
    }
    if ((c_base + 5u) < 4096u) {
      var r = acc7_5;
      r += ep0_bias[col5];
      r = select(r, 0.0f, r < 0.0f);
      c[(row7 * 4096u) + col5] = r;
    }
    if ((c_base + 6u) < 4096u) {
      var r = acc7_6;
      r += ep0_bias[col6];
      r = select(r, 0.0f, r < 0.0f);
      c[(row7 * 4096u) + col6] = r;
    }
    if ((c_base + 7u) < 4096u) {
      var r = acc7_7;
      r += ep0_bias[col7];
      r = select(r, 0.0f, r < 0.0f);
      c[(row7 * 4096u) + col7] = r;
    }
  }
}
