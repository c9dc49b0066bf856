// spec: {"c":16,"h":16,"kind":"winograd_grad_gemm","m":2,"n":2,"o":16,"slices":8,"tile":{"bk":1,"bm":8,"bn":16,"ks":1,"tm":4,"tn":4,"variant":"register"},"w":16}
// winograd_grad_gemm F(3,2) 4x4 /8: workgroup size 4x2x1, 256x1x1 workgroups, 0 bytes of workgroup memory
// bindings: gt:read:f32, v:read:f32, parts:read_write:f32
// winograd_grad_gemm F(3,2) 2x16x16x16 -> 16, 8 slices
@group(0) @binding(0) var<storage, read> gt: array<vec4<f32>>;
@group(0) @binding(1) var<storage, read> v: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read_write> parts: array<f32>;

@compute @workgroup_size(4, 2, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let tile_c = wg.x % 1u;
  let tile_o = (wg.x / 1u) % 2u;
  let xi = (wg.x / 2u) % 16u;
  let slice = wg.x / 32u;
  let o_base = tile_o * 8u + lid.y * 4u;
  let c_base = tile_c * 16u + lid.x * 4u;
  let a_off0 = (xi * 16u + min(o_base + 0u, 15u)) * 32u;
  let a_off1 = (xi * 16u + min(o_base + 1u, 15u)) * 32u;
  let a_off2 = (xi * 16u + min(o_base + 2u, 15u)) * 32u;
  let a_off3 = (xi * 16u + min(o_base + 3u, 15u)) * 32u;
  let b_off0 = (xi * 16u + min(c_base + 0u, 15u)) * 32u;
  let b_off1 = (xi * 16u + min(c_base + 1u, 15u)) * 32u;
  let b_off2 = (xi * 16u + min(c_base + 2u, 15u)) * 32u;
  let b_off3 = (xi * 16u + min(c_base + 3u, 15u)) * 32u;
  let k0 = slice * 4u;
  let k1 = min(k0 + 4u, 32u);
  var acc0_0 = 0.0f; var acc0_1 = 0.0f; var acc0_2 = 0.0f; var acc0_3 = 0.0f;
  var acc1_0 = 0.0f; var acc1_1 = 0.0f; var acc1_2 = 0.0f; var acc1_3 = 0.0f;
  var acc2_0 = 0.0f; var acc2_1 = 0.0f; var acc2_2 = 0.0f; var acc2_3 = 0.0f;
  var acc3_0 = 0.0f; var acc3_1 = 0.0f; var acc3_2 = 0.0f; var acc3_3 = 0.0f;
  for (var k = k0; k < k1; k++) {
    let a0 = gt[a_off0 + k];
    let a1 = gt[a_off1 + k];
    let a2 = gt[a_off2 + k];
    let a3 = gt[a_off3 + k];
    let b0 = v[b_off0 + k];
    let b1 = v[b_off1 + k];
    let b2 = v[b_off2 + k];
    let b3 = v[b_off3 + k];
    acc0_0 += a0.x * b0.x;
    acc0_1 += a0.x * b1.x;
    acc0_2 += a0.x * b2.x;
    acc0_3 += a0.x * b3.x;
    acc1_0 += a1.x * b0.x;
    acc1_1 += a1.x * b1.x;
    acc1_2 += a1.x * b2.x;
    acc1_3 += a1.x * b3.x;
    acc2_0 += a2.x * b0.x;
    acc2_1 += a2.x * b1.x;
    acc2_2 += a2.x * b2.x;
    acc2_3 += a2.x * b3.x;
    acc3_0 += a3.x * b0.x;
    acc3_1 += a3.x * b1.x;
    acc3_2 += a3.x * b2.x;
    acc3_3 += a3.x * b3.x;
    acc0_0 += a0.y * b0.y;
    acc0_1 += a0.y * b1.y;
    acc0_2 += a0.y * b2.y;
    acc0_3 += a0.y * b3.y;
    acc1_0 += a1.y * b0.y;
    acc1_1 += a1.y * b1.y;
    acc1_2 += a1.y * b2.y;
    acc1_3 += a1.y * b3.y;
    acc2_0 += a2.y * b0.y;
    acc2_1 += a2.y * b1.y;
    acc2_2 += a2.y * b2.y;
    acc2_3 += a2.y * b3.y;
    acc3_0 += a3.y * b0.y;
    acc3_1 += a3.y * b1.y;
    acc3_2 += a3.y * b2.y;
    acc3_3 += a3.y * b3.y;
    acc0_0 += a0.z * b0.z;
    acc0_1 += a0.z * b1.z;
    acc0_2 += a0.z * b2.z;
    acc0_3 += a0.z * b3.z;
    acc1_0 += a1.z * b0.z;
    acc1_1 += a1.z * b1.z;
    acc1_2 += a1.z * b2.z;
    acc1_3 += a1.z * b3.z;
    acc2_0 += a2.z * b0.z;
    acc2_1 += a2.z * b1.z;
    acc2_2 += a2.z * b2.z;
    acc2_3 += a2.z * b3.z;
    acc3_0 += a3.z * b0.z;
    acc3_1 += a3.z * b1.z;
    acc3_2 += a3.z * b2.z;
    acc3_3 += a3.z * b3.z;
    acc0_0 += a0.w * b0.w;
    acc0_1 += a0.w * b1.w;
    acc0_2 += a0.w * b2.w;
    acc0_3 += a0.w * b3.w;
    acc1_0 += a1.w * b0.w;
    acc1_1 += a1.w * b1.w;
    acc1_2 += a1.w * b2.w;
    acc1_3 += a1.w * b3.w;
    acc2_0 += a2.w * b0.w;
    acc2_1 += a2.w * b1.w;
    acc2_2 += a2.w * b2.w;
    acc2_3 += a2.w * b3.w;
    acc3_0 += a3.w * b0.w;
    acc3_1 += a3.w * b1.w;
    acc3_2 += a3.w * b2.w;
    acc3_3 += a3.w * b3.w;
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
  }
}
