// spec: {"c":16,"h":16,"kind":"winograd_grad_gemm","m":2,"n":2,"o":16,"slices":8,"tile":{"bk":1,"bm":16,"bn":16,"ks":1,"tm":8,"tn":8,"variant":"register"},"w":16}
// winograd_grad_gemm F(3,2) 8x8 /8: workgroup size 2x2x1, 128x1x1 workgroups, 0 bytes of workgroup memory
// bindings: gt:read:f32, v:read:f32, parts:read_write:f32
// winograd_grad_gemm F(3,2) 2x16x16x16 -> 16, 8 slices
@group(0) @binding(0) var<storage, read> gt: array<vec4<f32>>;
@group(0) @binding(1) var<storage, read> v: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read_write> parts: array<f32>;

@compute @workgroup_size(2, 2, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let tile_c = wg.x % 1u;
  let tile_o = (wg.x / 1u) % 1u;
  let xi = (wg.x / 1u) % 16u;
  let slice = wg.x / 16u;
  let o_base = tile_o * 16u + lid.y * 8u;
  let c_base = tile_c * 16u + lid.x * 8u;
  let a_off0 = (xi * 16u + min(o_base + 0u, 15u)) * 32u;
  let a_off1 = (xi * 16u + min(o_base + 1u, 15u)) * 32u;
  let a_off2 = (xi * 16u + min(o_base + 2u, 15u)) * 32u;
  let a_off3 = (xi * 16u + min(o_base + 3u, 15u)) * 32u;
  let a_off4 = (xi * 16u + min(o_base + 4u, 15u)) * 32u;
  let a_off5 = (xi * 16u + min(o_base + 5u, 15u)) * 32u;
  let a_off6 = (xi * 16u + min(o_base + 6u, 15u)) * 32u;
  let a_off7 = (xi * 16u + min(o_base + 7u, 15u)) * 32u;
  let b_off0 = (xi * 16u + min(c_base + 0u, 15u)) * 32u;
  let b_off1 = (xi * 16u + min(c_base + 1u, 15u)) * 32u;
  let b_off2 = (xi * 16u + min(c_base + 2u, 15u)) * 32u;
  let b_off3 = (xi * 16u + min(c_base + 3u, 15u)) * 32u;
  let b_off4 = (xi * 16u + min(c_base + 4u, 15u)) * 32u;
  let b_off5 = (xi * 16u + min(c_base + 5u, 15u)) * 32u;
  let b_off6 = (xi * 16u + min(c_base + 6u, 15u)) * 32u;
  let b_off7 = (xi * 16u + min(c_base + 7u, 15u)) * 32u;
  let k0 = slice * 4u;
  let k1 = min(k0 + 4u, 32u);
  var acc0_0 = 0.0f; var acc0_1 = 0.0f; var acc0_2 = 0.0f; var acc0_3 = 0.0f; var acc0_4 = 0.0f; var acc0_5 = 0.0f; var acc0_6 = 0.0f; var acc0_7 = 0.0f;
  var acc1_0 = 0.0f; var acc1_1 = 0.0f; var acc1_2 = 0.0f; var acc1_3 = 0.0f; var acc1_4 = 0.0f; var acc1_5 = 0.0f; var acc1_6 = 0.0f; var acc1_7 = 0.0f;
  var acc2_0 = 0.0f; var acc2_1 = 0.0f; var acc2_2 = 0.0f; var acc2_3 = 0.0f; var acc2_4 = 0.0f; var acc2_5 = 0.0f; var acc2_6 = 0.0f; var acc2_7 = 0.0f;
  var acc3_0 = 0.0f; var acc3_1 = 0.0f; var acc3_2 = 0.0f; var acc3_3 = 0.0f; var acc3_4 = 0.0f; var acc3_5 = 0.0f; var acc3_6 = 0.0f; var acc3_7 = 0.0f;
  var acc4_0 = 0.0f; var acc4_1 = 0.0f; var acc4_2 = 0.0f; var acc4_3 = 0.0f; var acc4_4 = 0.0f; var acc4_5 = 0.0f; var acc4_6 = 0.0f; var acc4_7 = 0.0f;
  var acc5_0 = 0.0f; var acc5_1 = 0.0f; var acc5_2 = 0.0f; var acc5_3 = 0.0f; var acc5_4 = 0.0f; var acc5_5 = 0.0f; var acc5_6 = 0.0f; var acc5_7 = 0.0f;
  var acc6_0 = 0.0f; var acc6_1 = 0.0f; var acc6_2 = 0.0f; var acc6_3 = 0.0f; var acc6_4 = 0.0f; var acc6_5 = 0.0f; var acc6_6 = 0.0f; var acc6_7 = 0.0f;
  var acc7_0 = 0.0f; var acc7_1 = 0.0f; var acc7_2 = 0.0f; var acc7_3 = 0.0f; var acc7_4 = 0.0f; var acc7_5 = 0.0f; var acc7_6 = 0.0f; var acc7_7 = 0.0f;
  for (var k = k0; k < k1; k++) {
    let a0 = gt[a_off0 + k];
    let a1 = gt[a_off1 + k];
    let a2 = gt[a_off2 + k];
    let a3 = gt[a_off3 + k];
    let a4 = gt[a_off4 + k];
    let a5 = gt[a_off5 + k];
    let a6 = gt[a_off6 + k];
    let a7 = gt[a_off7 + k];
    let b0 = v[b_off0 + k];
    let b1 = v[b_off1 + k];
    let b2 = v[b_off2 + k];
    let b3 = v[b_off3 + k];
    let b4 = v[b_off4 + k];
    let b5 = v[b_off5 + k];
    let b6 = v[b_off6 + k];
    let b7 = v[b_off7 + k];
    acc0_0 += a0.x * b0.x;
    acc0_1 += a0.x * b1.x;
    acc0_2 += a0.x * b2.x;
    acc0_3 += a0.x * b3.x;
    acc0_4 += a0.x * b4.x;
    acc0_5 += a0.x * b5.x;
    acc0_6 += a0.x * b6.x;
    acc0_7 += a0.x * b7.x;
    acc1_0 += a1.x * b0.x;
    acc1_1 += a1.x * b1.x;
    acc1_2 += a1.x * b2.x;
    acc1_3 += a1.x * b3.x;
    acc1_4 += a1.x * b4.x;
    acc1_5 += a1.x * b5.x;
    acc1_6 += a1.x * b6.x;
    acc1_7 += a1.x * b7.x;
    acc2_0 += a2.x * b0.x;
    acc2_1 += a2.x * b1.x;
    acc2_2 += a2.x * b2.x;
    acc2_3 += a2.x * b3.x;
    acc2_4 += a2.x * b4.x;
    acc2_5 += a2.x * b5.x;
    acc2_6 += a2.x * b6.x;
    acc2_7 += a2.x * b7.x;
    acc3_0 += a3.x * b0.x;
    acc3_1 += a3.x * b1.x;
    acc3_2 += a3.x * b2.x;
    acc3_3 += a3.x * b3.x;
    acc3_4 += a3.x * b4.x;
    acc3_5 += a3.x * b5.x;
    acc3_6 += a3.x * b6.x;
    acc3_7 += a3.x * b7.x;
    acc4_0 += a4.x * b0.x;
    acc4_1 += a4.x * b1.x;
    acc4_2 += a4.x * b2.x;
    acc4_3 += a4.x * b3.x;
    acc4_4 += a4.x * b4.x;
    acc4_5 += a4.x * b5.x;
    acc4_6 += a4.x * b6.x;
    acc4_7 += a4.x * b7.x;
    acc5_0 += a5.x * b0.x;
    acc5_1 += a5.x * b1.x;
    acc5_2 += a5.x * b2.x;
    acc5_3 += a5.x * b3.x;
    acc5_4 += a5.x * b4.x;
    acc5_5 += a5.x * b5.x;
    acc5_6 += a5.x * b6.x;
    acc5_7 += a5.x * b7.x;
    acc6_0 += a6.x * b0.x;
    acc6_1 += a6.x * b1.x;
    acc6_2 += a6.x * b2.x;
    acc6_3 += a6.x * b3.x;
    acc6_4 += a6.x * b4.x;
    acc6_5 += a6.x * b5.x;
    acc6_6 += a6.x * b6.x;
    acc6_7 += a6.x * b7.x;
    acc7_0 += a7.x * b0.x;
    acc7_1 += a7.x * b1.x;
    acc7_2 += a7.x * b2.x;
    acc7_3 += a7.x * b3.x;
    acc7_4 += a7.x * b4.x;
    acc7_5 += a7.x * b5.x;
    acc7_6 += a7.x * b6.x;
    acc7_7 += a7.x * b7.x;
    acc0_0 += a0.y * b0.y;
    acc0_1 += a0.y * b1.y;
    acc0_2 += a0.y * b2.y;
    acc0_3 += a0.y * b3.y;
    acc0_4 += a0.y * b4.y;
    acc0_5 += a0.y * b5.y;
    acc0_6 += a0.y * b6.y;
    acc0_7 += a0.y * b7.y;
    acc1_0 += a1.y * b0.y;
    acc1_1 += a1.y * b1.y;
    acc1_2 += a1.y * b2.y;
    acc1_3 += a1.y * b3.y;
    acc1_4 += a1.y * b4.y;
    acc1_5 += a1.y * b5.y;
    acc1_6 += a1.y * b6.y;
    acc1_7 += a1.y * b7.y;
    acc2_0 += a2.y * b0.y;
    acc2_1 += a2.y * b1.y;
    acc2_2 += a2.y * b2.y;
    acc2_3 += a2.y * b3.y;
    acc2_4 += a2.y * b4.y;
    acc2_5 += a2.y * b5.y;
    acc2_6 += a2.y * b6.y;
    acc2_7 += a2.y * b7.y;
    acc3_0 += a3.y * b0.y;
    acc3_1 += a3.y * b1.y;
    acc3_2 += a3.y * b2.y;
    acc3_3 += a3.y * b3.y;
    acc3_4 += a3.y * b4.y;
    acc3_5 += a3.y * b5.y;
    acc3_6 += a3.y * b6.y;
    acc3_7 += a3.y * b7.y;
    acc4_0 += a4.y * b0.y;
    acc4_1 += a4.y * b1.y;
    acc4_2 += a4.y * b2.y;
    acc4_3 += a4.y * b3.y;
    acc4_4 += a4.y * b4.y;
    acc4_5 += a4.y * b5.y;
    acc4_6 += a4.y * b6.y;
    acc4_7 += a4.y * b7.y;
    acc5_0 += a5.y * b0.y;
    acc5_1 += a5.y * b1.y;
    acc5_2 += a5.y * b2.y;
    acc5_3 += a5.y * b3.y;
    acc5_4 += a5.y * b4.y;
    acc5_5 += a5.y * b5.y;
    acc5_6 += a5.y * b6.y;
    acc5_7 += a5.y * b7.y;
    acc6_0 += a6.y * b0.y;
    acc6_1 += a6.y * b1.y;
    acc6_2 += a6.y * b2.y;
    acc6_3 += a6.y * b3.y;
    acc6_4 += a6.y * b4.y;
    acc6_5 += a6.y * b5.y;
    acc6_6 += a6.y * b6.y;
    acc6_7 += a6.y * b7.y;
    acc7_0 += a7.y * b0.y;
    acc7_1 += a7.y * b1.y;
    acc7_2 += a7.y * b2.y;
    acc7_3 += a7.y * b3.y;
    acc7_4 += a7.y * b4.y;
    acc7_5 += a7.y * b5.y;
    acc7_6 += a7.y * b6.y;
    acc7_7 += a7.y * b7.y;
    acc0_0 += a0.z * b0.z;
    acc0_1 += a0.z * b1.z;
    acc0_2 += a0.z * b2.z;
    acc0_3 += a0.z * b3.z;
    acc0_4 += a0.z * b4.z;
    acc0_5 += a0.z * b5.z;
    acc0_6 += a0.z * b6.z;
    acc0_7 += a0.z * b7.z;
    acc1_0 += a1.z * b0.z;
    acc1_1 += a1.z * b1.z;
    acc1_2 += a1.z * b2.z;
    acc1_3 += a1.z * b3.z;
    acc1_4 += a1.z * b4.z;
    acc1_5 += a1.z * b5.z;
    acc1_6 += a1.z * b6.z;
    acc1_7 += a1.z * b7.z;
    acc2_0 += a2.z * b0.z;
    acc2_1 += a2.z * b1.z;
    acc2_2 += a2.z * b2.z;
    acc2_3 += a2.z * b3.z;
    acc2_4 += a2.z * b4.z;
    acc2_5 += a2.z * b5.z;
    acc2_6 += a2.z * b6.z;
    acc2_7 += a2.z * b7.z;
    acc3_0 += a3.z * b0.z;
    acc3_1 += a3.z * b1.z;
    acc3_2 += a3.z * b2.z;
    acc3_3 += a3.z * b3.z;
    acc3_4 += a3.z * b4.z;
    acc3_5 += a3.z * b5.z;
    acc3_6 += a3.z * b6.z;
    acc3_7 += a3.z * b7.z;
    acc4_0 += a4.z * b0.z;
    acc4_1 += a4.z * b1.z;
    acc4_2 += a4.z * b2.z;
    acc4_3 += a4.z * b3.z;
    acc4_4 += a4.z * b4.z;
    acc4_5 += a4.z * b5.z;
    acc4_6 += a4.z * b6.z;
    acc4_7 += a4.z * b7.z;
    acc5_0 += a5.z * b0.z;
    acc5_1 += a5.z * b1.z;
    acc5_2 += a5.z * b2.z;
    acc5_3 += a5.z * b3.z;
    acc5_4 += a5.z * b4.z;
    acc5_5 += a5.z * b5.z;
    acc5_6 += a5.z * b6.z;
    acc5_7 += a5.z * b7.z;
    acc6_0 += a6.z * b0.z;
    acc6_1 += a6.z * b1.z;
    acc6_2 += a6.z * b2.z;
    acc6_3 += a6.z * b3.z;
    acc6_4 += a6.z * b4.z;
    acc6_5 += a6.z * b5.z;
    acc6_6 += a6.z * b6.z;
    acc6_7 += a6.z * b7.z;
    acc7_0 += a7.z * b0.z;
    acc7_1 += a7.z * b1.z;
    acc7_2 += a7.z * b2.z;
    acc7_3 += a7.z * b3.z;
    acc7_4 += a7.z * b4.z;
    acc7_5 += a7.z * b5.z;
    acc7_6 += a7.z * b6.z;
    acc7_7 += a7.z * b7.z;
    acc0_0 += a0.w * b0.w;
    acc0_1 += a0.w * b1.w;
    acc0_2 += a0.w * b2.w;
    acc0_3 += a0.w * b3.w;
    acc0_4 += a0.w * b4.w;
    acc0_5 += a0.w * b5.w;
    acc0_6 += a0.w * b6.w;
    acc0_7 += a0.w * b7.w;
    acc1_0 += a1.w * b0.w;
    acc1_1 += a1.w * b1.w;
    acc1_2 += a1.w * b2.w;
    acc1_3 += a1.w * b3.w;
    acc1_4 += a1.w * b4.w;
    acc1_5 += a1.w * b5.w;
    acc1_6 += a1.w * b6.w;
    acc1_7 += a1.w * b7.w;
    acc2_0 += a2.w * b0.w;
    acc2_1 += a2.w * b1.w;
    acc2_2 += a2.w * b2.w;
    acc2_3 += a2.w * b3.w;
    acc2_4 += a2.w * b4.w;
    acc2_5 += a2.w * b5.w;
    acc2_6 += a2.w * b6.w;
    acc2_7 += a2.w * b7.w;
    acc3_0 += a3.w * b0.w;
    acc3_1 += a3.w * b1.w;
    acc3_2 += a3.w * b2.w;
    acc3_3 += a3.w * b3.w;
    acc3_4 += a3.w * b4.w;
    acc3_5 += a3.w * b5.w;
    acc3_6 += a3.w * b6.w;
    acc3_7 += a3.w * b7.w;
    acc4_0 += a4.w * b0.w;
    acc4_1 += a4.w * b1.w;
    acc4_2 += a4.w * b2.w;
    acc4_3 += a4.w * b3.w;
    acc4_4 += a4.w * b4.w;
    acc4_5 += a4.w * b5.w;
    acc4_6 += a4.w * b6.w;
    acc4_7 += a4.w * b7.w;
    acc5_0 += a5.w * b0.w;
    acc5_1 += a5.w * b1.w;
    acc5_2 += a5.w * b2.w;
    acc5_3 += a5.w * b3.w;
    acc5_4 += a5.w * b4.w;
    acc5_5 += a5.w * b5.w;
    acc5_6 += a5.w * b6.w;
    acc5_7 += a5.w * b7.w;
    acc6_0 += a6.w * b0.w;
    acc6_1 += a6.w * b1.w;
    acc6_2 += a6.w * b2.w;
    acc6_3 += a6.w * b3.w;
    acc6_4 += a6.w * b4.w;
    acc6_5 += a6.w * b5.w;
    acc6_6 += a6.w * b6.w;
    acc6_7 += a6.w * b7.w;
    acc7_0 += a7.w * b0.w;
    acc7_1 += a7.w * b1.w;
    acc7_2 += a7.w * b2.w;
    acc7_3 += a7.w * b3.w;
    acc7_4 += a7.w * b4.w;
    acc7_5 += a7.w * b5.w;
    acc7_6 += a7.w * b6.w;
    acc7_7 += a7.w * b7.w;
  }
  if (o_base + 0u < 16u) {
    if (c_base + 0u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 0u) * 16u + c_base + 0u] = acc0_0;
    }
    if (c_base + 1u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 0u) * 16u + c_base + 1u] = acc0_1;
    }
    if (c_base + 2u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 0u) * 16u + c_base + 2u] = acc0_2;
    }
    if (c_base + 3u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 0u) * 16u + c_base + 3u] = acc0_3;
    }
    if (c_base + 4u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 0u) * 16u + c_base + 4u] = acc0_4;
    }
    if (c_base + 5u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 0u) * 16u + c_base + 5u] = acc0_5;
    }
    if (c_base + 6u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 0u) * 16u + c_base + 6u] = acc0_6;
    }
    if (c_base + 7u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 0u) * 16u + c_base + 7u] = acc0_7;
    }
  }
  if (o_base + 1u < 16u) {
    if (c_base + 0u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 1u) * 16u + c_base + 0u] = acc1_0;
    }
    if (c_base + 1u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 1u) * 16u + c_base + 1u] = acc1_1;
    }
    if (c_base + 2u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 1u) * 16u + c_base + 2u] = acc1_2;
    }
    if (c_base + 3u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 1u) * 16u + c_base + 3u] = acc1_3;
    }
    if (c_base + 4u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 1u) * 16u + c_base + 4u] = acc1_4;
    }
    if (c_base + 5u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 1u) * 16u + c_base + 5u] = acc1_5;
    }
    if (c_base + 6u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 1u) * 16u + c_base + 6u] = acc1_6;
    }
    if (c_base + 7u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 1u) * 16u + c_base + 7u] = acc1_7;
    }
  }
  if (o_base + 2u < 16u) {
    if (c_base + 0u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 2u) * 16u + c_base + 0u] = acc2_0;
    }
    if (c_base + 1u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 2u) * 16u + c_base + 1u] = acc2_1;
    }
    if (c_base + 2u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 2u) * 16u + c_base + 2u] = acc2_2;
    }
    if (c_base + 3u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 2u) * 16u + c_base + 3u] = acc2_3;
    }
    if (c_base + 4u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 2u) * 16u + c_base + 4u] = acc2_4;
    }
    if (c_base + 5u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 2u) * 16u + c_base + 5u] = acc2_5;
    }
    if (c_base + 6u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 2u) * 16u + c_base + 6u] = acc2_6;
    }
    if (c_base + 7u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 2u) * 16u + c_base + 7u] = acc2_7;
    }
  }
  if (o_base + 3u < 16u) {
    if (c_base + 0u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 3u) * 16u + c_base + 0u] = acc3_0;
    }
    if (c_base + 1u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 3u) * 16u + c_base + 1u] = acc3_1;
    }
    if (c_base + 2u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 3u) * 16u + c_base + 2u] = acc3_2;
    }
    if (c_base + 3u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 3u) * 16u + c_base + 3u] = acc3_3;
    }
    if (c_base + 4u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 3u) * 16u + c_base + 4u] = acc3_4;
    }
    if (c_base + 5u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 3u) * 16u + c_base + 5u] = acc3_5;
    }
    if (c_base + 6u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 3u) * 16u + c_base + 6u] = acc3_6;
    }
    if (c_base + 7u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 3u) * 16u + c_base + 7u] = acc3_7;
    }
  }
  if (o_base + 4u < 16u) {
    if (c_base + 0u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 4u) * 16u + c_base + 0u] = acc4_0;
    }
    if (c_base + 1u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 4u) * 16u + c_base + 1u] = acc4_1;
    }
    if (c_base + 2u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 4u) * 16u + c_base + 2u] = acc4_2;
    }
    if (c_base + 3u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 4u) * 16u + c_base + 3u] = acc4_3;
    }
    if (c_base + 4u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 4u) * 16u + c_base + 4u] = acc4_4;
    }
    if (c_base + 5u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 4u) * 16u + c_base + 5u] = acc4_5;
    }
    if (c_base + 6u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 4u) * 16u + c_base + 6u] = acc4_6;
    }
    if (c_base + 7u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 4u) * 16u + c_base + 7u] = acc4_7;
    }
  }
  if (o_base + 5u < 16u) {
    if (c_base + 0u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 5u) * 16u + c_base + 0u] = acc5_0;
    }
    if (c_base + 1u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 5u) * 16u + c_base + 1u] = acc5_1;
    }
    if (c_base + 2u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 5u) * 16u + c_base + 2u] = acc5_2;
    }
    if (c_base + 3u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 5u) * 16u + c_base + 3u] = acc5_3;
    }
    if (c_base + 4u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 5u) * 16u + c_base + 4u] = acc5_4;
    }
    if (c_base + 5u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 5u) * 16u + c_base + 5u] = acc5_5;
    }
    if (c_base + 6u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 5u) * 16u + c_base + 6u] = acc5_6;
    }
    if (c_base + 7u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 5u) * 16u + c_base + 7u] = acc5_7;
    }
  }
  if (o_base + 6u < 16u) {
    if (c_base + 0u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 6u) * 16u + c_base + 0u] = acc6_0;
    }
    if (c_base + 1u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 6u) * 16u + c_base + 1u] = acc6_1;
    }
    if (c_base + 2u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 6u) * 16u + c_base + 2u] = acc6_2;
    }
    if (c_base + 3u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 6u) * 16u + c_base + 3u] = acc6_3;
    }
    if (c_base + 4u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 6u) * 16u + c_base + 4u] = acc6_4;
    }
    if (c_base + 5u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 6u) * 16u + c_base + 5u] = acc6_5;
    }
    if (c_base + 6u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 6u) * 16u + c_base + 6u] = acc6_6;
    }
    if (c_base + 7u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 6u) * 16u + c_base + 7u] = acc6_7;
    }
  }
  if (o_base + 7u < 16u) {
    if (c_base + 0u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 7u) * 16u + c_base + 0u] = acc7_0;
    }
    if (c_base + 1u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 7u) * 16u + c_base + 1u] = acc7_1;
    }
    if (c_base + 2u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 7u) * 16u + c_base + 2u] = acc7_2;
    }
    if (c_base + 3u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 7u) * 16u + c_base + 3u] = acc7_3;
    }
    if (c_base + 4u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 7u) * 16u + c_base + 4u] = acc7_4;
    }
    if (c_base + 5u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 7u) * 16u + c_base + 5u] = acc7_5;
    }
    if (c_base + 6u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 7u) * 16u + c_base + 6u] = acc7_6;
    }
    if (c_base + 7u < 16u) {
      parts[((slice * 16u + xi) * 16u + o_base + 7u) * 16u + c_base + 7u] = acc7_7;
    }
  }
}
