// spec: {"c":16,"epilogue":[],"h":16,"input":"v","kind":"winograd_gemm","m":4,"n":2,"o":16,"output":"m","tile":{"bk":1,"bm":16,"bn":32,"ks":1,"tm":8,"tn":16,"variant":"register"},"w":16}
// winograd_gemm F(4,3) v->m 8x16: workgroup size 2x2x1, 36x1x1 workgroups, 0 bytes of workgroup memory
// bindings: v:read:f32, u:read:f32, mt:read_write:f32
// winograd_gemm F(4,3) 2x16x16x16 -> 16 (v->m)
@group(0) @binding(0) var<storage, read> v: array<vec4<f32>>;
@group(0) @binding(1) var<storage, read> u: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read_write> mt: array<vec4<f32>>;

@compute @workgroup_size(2, 2, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let xi = wg.x / 1u;
  let blk = wg.x % 1u;
  let tile_n = blk % 1u;
  let tile_m = blk / 1u;
  let r_base = tile_m * 16u + lid.y * 8u;
  let u_g0 = min(r_base + 0u, 12u) / 4u;
  let u_g1 = min(r_base + 4u, 12u) / 4u;
  let c_base = tile_n * 32u + lid.x * 16u;
  let v_g0 = min(c_base + 0u, 28u) / 4u;
  let v_g1 = min(c_base + 4u, 28u) / 4u;
  let v_g2 = min(c_base + 8u, 28u) / 4u;
  let v_g3 = min(c_base + 12u, 28u) / 4u;
  var acc0_0 = 0.0f; var acc0_1 = 0.0f; var acc0_2 = 0.0f; var acc0_3 = 0.0f; var acc0_4 = 0.0f; var acc0_5 = 0.0f; var acc0_6 = 0.0f; var acc0_7 = 0.0f; var acc0_8 = 0.0f; var acc0_9 = 0.0f; var acc0_10 = 0.0f; var acc0_11 = 0.0f; var acc0_12 = 0.0f; var acc0_13 = 0.0f; var acc0_14 = 0.0f; var acc0_15 = 0.0f;
  var acc1_0 = 0.0f; var acc1_1 = 0.0f; var acc1_2 = 0.0f; var acc1_3 = 0.0f; var acc1_4 = 0.0f; var acc1_5 = 0.0f; var acc1_6 = 0.0f; var acc1_7 = 0.0f; var acc1_8 = 0.0f; var acc1_9 = 0.0f; var acc1_10 = 0.0f; var acc1_11 = 0.0f; var acc1_12 = 0.0f; var acc1_13 = 0.0f; var acc1_14 = 0.0f; var acc1_15 = 0.0f;
  var acc2_0 = 0.0f; var acc2_1 = 0.0f; var acc2_2 = 0.0f; var acc2_3 = 0.0f; var acc2_4 = 0.0f; var acc2_5 = 0.0f; var acc2_6 = 0.0f; var acc2_7 = 0.0f; var acc2_8 = 0.0f; var acc2_9 = 0.0f; var acc2_10 = 0.0f; var acc2_11 = 0.0f; var acc2_12 = 0.0f; var acc2_13 = 0.0f; var acc2_14 = 0.0f; var acc2_15 = 0.0f;
  var acc3_0 = 0.0f; var acc3_1 = 0.0f; var acc3_2 = 0.0f; var acc3_3 = 0.0f; var acc3_4 = 0.0f; var acc3_5 = 0.0f; var acc3_6 = 0.0f; var acc3_7 = 0.0f; var acc3_8 = 0.0f; var acc3_9 = 0.0f; var acc3_10 = 0.0f; var acc3_11 = 0.0f; var acc3_12 = 0.0f; var acc3_13 = 0.0f; var acc3_14 = 0.0f; var acc3_15 = 0.0f;
  var acc4_0 = 0.0f; var acc4_1 = 0.0f; var acc4_2 = 0.0f; var acc4_3 = 0.0f; var acc4_4 = 0.0f; var acc4_5 = 0.0f; var acc4_6 = 0.0f; var acc4_7 = 0.0f; var acc4_8 = 0.0f; var acc4_9 = 0.0f; var acc4_10 = 0.0f; var acc4_11 = 0.0f; var acc4_12 = 0.0f; var acc4_13 = 0.0f; var acc4_14 = 0.0f; var acc4_15 = 0.0f;
  var acc5_0 = 0.0f; var acc5_1 = 0.0f; var acc5_2 = 0.0f; var acc5_3 = 0.0f; var acc5_4 = 0.0f; var acc5_5 = 0.0f; var acc5_6 = 0.0f; var acc5_7 = 0.0f; var acc5_8 = 0.0f; var acc5_9 = 0.0f; var acc5_10 = 0.0f; var acc5_11 = 0.0f; var acc5_12 = 0.0f; var acc5_13 = 0.0f; var acc5_14 = 0.0f; var acc5_15 = 0.0f;
  var acc6_0 = 0.0f; var acc6_1 = 0.0f; var acc6_2 = 0.0f; var acc6_3 = 0.0f; var acc6_4 = 0.0f; var acc6_5 = 0.0f; var acc6_6 = 0.0f; var acc6_7 = 0.0f; var acc6_8 = 0.0f; var acc6_9 = 0.0f; var acc6_10 = 0.0f; var acc6_11 = 0.0f; var acc6_12 = 0.0f; var acc6_13 = 0.0f; var acc6_14 = 0.0f; var acc6_15 = 0.0f;
  var acc7_0 = 0.0f; var acc7_1 = 0.0f; var acc7_2 = 0.0f; var acc7_3 = 0.0f; var acc7_4 = 0.0f; var acc7_5 = 0.0f; var acc7_6 = 0.0f; var acc7_7 = 0.0f; var acc7_8 = 0.0f; var acc7_9 = 0.0f; var acc7_10 = 0.0f; var acc7_11 = 0.0f; var acc7_12 = 0.0f; var acc7_13 = 0.0f; var acc7_14 = 0.0f; var acc7_15 = 0.0f;
  for (var ci = 0u; ci < 16u; ci++) {
    let av0 = u[(xi * 16u + ci) * 16u / 4u + u_g0];
    let av1 = u[(xi * 16u + ci) * 16u / 4u + u_g1];
    let bv0 = v[(xi * 16u + ci) * 32u / 4u + v_g0];
    let bv1 = v[(xi * 16u + ci) * 32u / 4u + v_g1];
    let bv2 = v[(xi * 16u + ci) * 32u / 4u + v_g2];
    let bv3 = v[(xi * 16u + ci) * 32u / 4u + v_g3];
    acc0_0 += av0.x * bv0.x;
    acc0_1 += av0.x * bv0.y;
    acc0_2 += av0.x * bv0.z;
    acc0_3 += av0.x * bv0.w;
    acc0_4 += av0.x * bv1.x;
    acc0_5 += av0.x * bv1.y;
    acc0_6 += av0.x * bv1.z;
    acc0_7 += av0.x * bv1.w;
    acc0_8 += av0.x * bv2.x;
    acc0_9 += av0.x * bv2.y;
    acc0_10 += av0.x * bv2.z;
    acc0_11 += av0.x * bv2.w;
    acc0_12 += av0.x * bv3.x;
    acc0_13 += av0.x * bv3.y;
    acc0_14 += av0.x * bv3.z;
    acc0_15 += av0.x * bv3.w;
    acc1_0 += av0.y * bv0.x;
    acc1_1 += av0.y * bv0.y;
    acc1_2 += av0.y * bv0.z;
    acc1_3 += av0.y * bv0.w;
    acc1_4 += av0.y * bv1.x;
    acc1_5 += av0.y * bv1.y;
    acc1_6 += av0.y * bv1.z;
    acc1_7 += av0.y * bv1.w;
    acc1_8 += av0.y * bv2.x;
    acc1_9 += av0.y * bv2.y;
    acc1_10 += av0.y * bv2.z;
    acc1_11 += av0.y * bv2.w;
    acc1_12 += av0.y * bv3.x;
    acc1_13 += av0.y * bv3.y;
    acc1_14 += av0.y * bv3.z;
    acc1_15 += av0.y * bv3.w;
    acc2_0 += av0.z * bv0.x;
    acc2_1 += av0.z * bv0.y;
    acc2_2 += av0.z * bv0.z;
    acc2_3 += av0.z * bv0.w;
    acc2_4 += av0.z * bv1.x;
    acc2_5 += av0.z * bv1.y;
    acc2_6 += av0.z * bv1.z;
    acc2_7 += av0.z * bv1.w;
    acc2_8 += av0.z * bv2.x;
    acc2_9 += av0.z * bv2.y;
    acc2_10 += av0.z * bv2.z;
    acc2_11 += av0.z * bv2.w;
    acc2_12 += av0.z * bv3.x;
    acc2_13 += av0.z * bv3.y;
    acc2_14 += av0.z * bv3.z;
    acc2_15 += av0.z * bv3.w;
    acc3_0 += av0.w * bv0.x;
    acc3_1 += av0.w * bv0.y;
    acc3_2 += av0.w * bv0.z;
    acc3_3 += av0.w * bv0.w;
    acc3_4 += av0.w * bv1.x;
    acc3_5 += av0.w * bv1.y;
    acc3_6 += av0.w * bv1.z;
    acc3_7 += av0.w * bv1.w;
    acc3_8 += av0.w * bv2.x;
    acc3_9 += av0.w * bv2.y;
    acc3_10 += av0.w * bv2.z;
    acc3_11 += av0.w * bv2.w;
    acc3_12 += av0.w * bv3.x;
    acc3_13 += av0.w * bv3.y;
    acc3_14 += av0.w * bv3.z;
    acc3_15 += av0.w * bv3.w;
    acc4_0 += av1.x * bv0.x;
    acc4_1 += av1.x * bv0.y;
    acc4_2 += av1.x * bv0.z;
    acc4_3 += av1.x * bv0.w;
    acc4_4 += av1.x * bv1.x;
    acc4_5 += av1.x * bv1.y;
    acc4_6 += av1.x * bv1.z;
    acc4_7 += av1.x * bv1.w;
    acc4_8 += av1.x * bv2.x;
    acc4_9 += av1.x * bv2.y;
    acc4_10 += av1.x * bv2.z;
    acc4_11 += av1.x * bv2.w;
    acc4_12 += av1.x * bv3.x;
    acc4_13 += av1.x * bv3.y;
    acc4_14 += av1.x * bv3.z;
    acc4_15 += av1.x * bv3.w;
    acc5_0 += av1.y * bv0.x;
    acc5_1 += av1.y * bv0.y;
    acc5_2 += av1.y * bv0.z;
    acc5_3 += av1.y * bv0.w;
    acc5_4 += av1.y * bv1.x;
    acc5_5 += av1.y * bv1.y;
    acc5_6 += av1.y * bv1.z;
    acc5_7 += av1.y * bv1.w;
    acc5_8 += av1.y * bv2.x;
    acc5_9 += av1.y * bv2.y;
    acc5_10 += av1.y * bv2.z;
    acc5_11 += av1.y * bv2.w;
    acc5_12 += av1.y * bv3.x;
    acc5_13 += av1.y * bv3.y;
    acc5_14 += av1.y * bv3.z;
    acc5_15 += av1.y * bv3.w;
    acc6_0 += av1.z * bv0.x;
    acc6_1 += av1.z * bv0.y;
    acc6_2 += av1.z * bv0.z;
    acc6_3 += av1.z * bv0.w;
    acc6_4 += av1.z * bv1.x;
    acc6_5 += av1.z * bv1.y;
    acc6_6 += av1.z * bv1.z;
    acc6_7 += av1.z * bv1.w;
    acc6_8 += av1.z * bv2.x;
    acc6_9 += av1.z * bv2.y;
    acc6_10 += av1.z * bv2.z;
    acc6_11 += av1.z * bv2.w;
    acc6_12 += av1.z * bv3.x;
    acc6_13 += av1.z * bv3.y;
    acc6_14 += av1.z * bv3.z;
    acc6_15 += av1.z * bv3.w;
    acc7_0 += av1.w * bv0.x;
    acc7_1 += av1.w * bv0.y;
    acc7_2 += av1.w * bv0.z;
    acc7_3 += av1.w * bv0.w;
    acc7_4 += av1.w * bv1.x;
    acc7_5 += av1.w * bv1.y;
    acc7_6 += av1.w * bv1.z;
    acc7_7 += av1.w * bv1.w;
    acc7_8 += av1.w * bv2.x;
    acc7_9 += av1.w * bv2.y;
    acc7_10 += av1.w * bv2.z;
    acc7_11 += av1.w * bv2.w;
    acc7_12 += av1.w * bv3.x;
    acc7_13 += av1.w * bv3.y;
    acc7_14 += av1.w * bv3.z;
    acc7_15 += av1.w * bv3.w;
  }
  if (r_base + 0u < 16u) {
    let m_row0 = (xi * 16u + r_base + 0u) * 32u + c_base;
    if (c_base + 0u < 32u) {
      mt[m_row0 / 4u + 0u] = vec4<f32>(acc0_0, acc0_1, acc0_2, acc0_3);
    }
    if (c_base + 4u < 32u) {
      mt[m_row0 / 4u + 1u] = vec4<f32>(acc0_4, acc0_5, acc0_6, acc0_7);
    }
    if (c_base + 8u < 32u) {
      mt[m_row0 / 4u + 2u] = vec4<f32>(acc0_8, acc0_9, acc0_10, acc0_11);
    }
    if (c_base + 12u < 32u) {
      mt[m_row0 / 4u + 3u] = vec4<f32>(acc0_12, acc0_13, acc0_14, acc0_15);
    }
  }
  if (r_base + 1u < 16u) {
    let m_row1 = (xi * 16u + r_base + 1u) * 32u + c_base;
    if (c_base + 0u < 32u) {
      mt[m_row1 / 4u + 0u] = vec4<f32>(acc1_0, acc1_1, acc1_2, acc1_3);
    }
    if (c_base + 4u < 32u) {
      mt[m_row1 / 4u + 1u] = vec4<f32>(acc1_4, acc1_5, acc1_6, acc1_7);
    }
    if (c_base + 8u < 32u) {
      mt[m_row1 / 4u + 2u] = vec4<f32>(acc1_8, acc1_9, acc1_10, acc1_11);
    }
    if (c_base + 12u < 32u) {
      mt[m_row1 / 4u + 3u] = vec4<f32>(acc1_12, acc1_13, acc1_14, acc1_15);
    }
  }
  if (r_base + 2u < 16u) {
    let m_row2 = (xi * 16u + r_base + 2u) * 32u + c_base;
    if (c_base + 0u < 32u) {
      mt[m_row2 / 4u + 0u] = vec4<f32>(acc2_0, acc2_1, acc2_2, acc2_3);
    }
    if (c_base + 4u < 32u) {
      mt[m_row2 / 4u + 1u] = vec4<f32>(acc2_4, acc2_5, acc2_6, acc2_7);
    }
    if (c_base + 8u < 32u) {
      mt[m_row2 / 4u + 2u] = vec4<f32>(acc2_8, acc2_9, acc2_10, acc2_11);
    }
    if (c_base + 12u < 32u) {
      mt[m_row2 / 4u + 3u] = vec4<f32>(acc2_12, acc2_13, acc2_14, acc2_15);
    }
  }
  if (r_base + 3u < 16u) {
    let m_row3 = (xi * 16u + r_base + 3u) * 32u + c_base;
    if (c_base + 0u < 32u) {
      mt[m_row3 / 4u + 0u] = vec4<f32>(acc3_0, acc3_1, acc3_2, acc3_3);
    }
    if (c_base + 4u < 32u) {
      mt[m_row3 / 4u + 1u] = vec4<f32>(acc3_4, acc3_5, acc3_6, acc3_7);
    }
    if (c_base + 8u < 32u) {
      mt[m_row3 / 4u + 2u] = vec4<f32>(acc3_8, acc3_9, acc3_10, acc3_11);
    }
    if (c_base + 12u < 32u) {
      mt[m_row3 / 4u + 3u] = vec4<f32>(acc3_12, acc3_13, acc3_14, acc3_15);
    }
  }
  if (r_base + 4u < 16u) {
    let m_row4 = (xi * 16u + r_base + 4u) * 32u + c_base;
    if (c_base + 0u < 32u) {
      mt[m_row4 / 4u + 0u] = vec4<f32>(acc4_0, acc4_1, acc4_2, acc4_3);
    }
    if (c_base + 4u < 32u) {
      mt[m_row4 / 4u + 1u] = vec4<f32>(acc4_4, acc4_5, acc4_6, acc4_7);
    }
    if (c_base + 8u < 32u) {
      mt[m_row4 / 4u + 2u] = vec4<f32>(acc4_8, acc4_9, acc4_10, acc4_11);
    }
    if (c_base + 12u < 32u) {
      mt[m_row4 / 4u + 3u] = vec4<f32>(acc4_12, acc4_13, acc4_14, acc4_15);
    }
  }
  if (r_base + 5u < 16u) {
    let m_row5 = (xi * 16u + r_base + 5u) * 32u + c_base;
    if (c_base + 0u < 32u) {
      mt[m_row5 / 4u + 0u] = vec4<f32>(acc5_0, acc5_1, acc5_2, acc5_3);
    }
    if (c_base + 4u < 32u) {
      mt[m_row5 / 4u + 1u] = vec4<f32>(acc5_4, acc5_5, acc5_6, acc5_7);
    }
    if (c_base + 8u < 32u) {
      mt[m_row5 / 4u + 2u] = vec4<f32>(acc5_8, acc5_9, acc5_10, acc5_11);
    }
    if (c_base + 12u < 32u) {
      mt[m_row5 / 4u + 3u] = vec4<f32>(acc5_12, acc5_13, acc5_14, acc5_15);
    }
  }
  if (r_base + 6u < 16u) {
    let m_row6 = (xi * 16u + r_base + 6u) * 32u + c_base;
    if (c_base + 0u < 32u) {
      mt[m_row6 / 4u + 0u] = vec4<f32>(acc6_0, acc6_1, acc6_2, acc6_3);
    }
    if (c_base + 4u < 32u) {
      mt[m_row6 / 4u + 1u] = vec4<f32>(acc6_4, acc6_5, acc6_6, acc6_7);
    }
    if (c_base + 8u < 32u) {
      mt[m_row6 / 4u + 2u] = vec4<f32>(acc6_8, acc6_9, acc6_10, acc6_11);
    }
    if (c_base + 12u < 32u) {
      mt[m_row6 / 4u + 3u] = vec4<f32>(acc6_12, acc6_13, acc6_14, acc6_15);
    }
  }
  if (r_base + 7u < 16u) {
    let m_row7 = (xi * 16u + r_base + 7u) * 32u + c_base;
    if (c_base + 0u < 32u) {
      mt[m_row7 / 4u + 0u] = vec4<f32>(acc7_0, acc7_1, acc7_2, acc7_3);
    }
    if (c_base + 4u < 32u) {
      mt[m_row7 / 4u + 1u] = vec4<f32>(acc7_4, acc7_5, acc7_6, acc7_7);
    }
    if (c_base + 8u < 32u) {
      mt[m_row7 / 4u + 2u] = vec4<f32>(acc7_8, acc7_9, acc7_10, acc7_11);
    }
    if (c_base + 12u < 32u) {
      mt[m_row7 / 4u + 3u] = vec4<f32>(acc7_12, acc7_13, acc7_14, acc7_15);
    }
  }
}
