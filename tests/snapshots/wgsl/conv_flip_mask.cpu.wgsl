// spec: {"c":64,"epilogue":[{"op":"relu_grad"}],"flip":true,"h":2,"k":3,"kind":"conv","n":2,"o":64,"pad":1,"tile":{"bk":4,"bm":64,"bn":8,"ks":1,"tm":8,"tn":8,"variant":"register"},"w":2}
// conv register 8x8 vec4: workgroup size 1x8x1, 1x1x1 workgroups, 0 bytes of workgroup memory
// bindings: x:read:f32, wt:read:f32, ep0_mask:read:f32, y:read_write:f32
// conv 2x64x2x2 -> 64 k3 pad1 flip (register)
@group(0) @binding(0) var<storage, read> x: array<vec4<f32>>;
@group(0) @binding(1) var<storage, read> wt: array<f32>;
@group(0) @binding(2) var<storage, read> ep0_mask: array<f32>;
@group(0) @binding(3) var<storage, read_write> y: array<f32>;

@compute @workgroup_size(1, 8, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let block_row = 0u;
  let r_base = lid.y * 8u;
  let c_base = lid.x * 8u;
  let w_off0 = min(r_base + 0u, 63u) * 9u;
  let w_off1 = min(r_base + 1u, 63u) * 9u;
  let w_off2 = min(r_base + 2u, 63u) * 9u;
  let w_off3 = min(r_base + 3u, 63u) * 9u;
  let w_off4 = min(r_base + 4u, 63u) * 9u;
  let w_off5 = min(r_base + 5u, 63u) * 9u;
  let w_off6 = min(r_base + 6u, 63u) * 9u;
  let w_off7 = min(r_base + 7u, 63u) * 9u;
  let xb0 = min(c_base / 4u + 0u, 1u) * 256u;
  let xb1 = min(c_base / 4u + 1u, 1u) * 256u;
  var acc0_0 = 0.0f; var acc0_1 = 0.0f; var acc0_2 = 0.0f; var acc0_3 = 0.0f; var acc0_4 = 0.0f; var acc0_5 = 0.0f; var acc0_6 = 0.0f; var acc0_7 = 0.0f;
  var acc1_0 = 0.0f; var acc1_1 = 0.0f; var acc1_2 = 0.0f; var acc1_3 = 0.0f; var acc1_4 = 0.0f; var acc1_5 = 0.0f; var acc1_6 = 0.0f; var acc1_7 = 0.0f;
  var acc2_0 = 0.0f; var acc2_1 = 0.0f; var acc2_2 = 0.0f; var acc2_3 = 0.0f; var acc2_4 = 0.0f; var acc2_5 = 0.0f; var acc2_6 = 0.0f; var acc2_7 = 0.0f;
  var acc3_0 = 0.0f; var acc3_1 = 0.0f; var acc3_2 = 0.0f; var acc3_3 = 0.0f; var acc3_4 = 0.0f; var acc3_5 = 0.0f; var acc3_6 = 0.0f; var acc3_7 = 0.0f;
  var acc4_0 = 0.0f; var acc4_1 = 0.0f; var acc4_2 = 0.0f; var acc4_3 = 0.0f; var acc4_4 = 0.0f; var acc4_5 = 0.0f; var acc4_6 = 0.0f; var acc4_7 = 0.0f;
  var acc5_0 = 0.0f; var acc5_1 = 0.0f; var acc5_2 = 0.0f; var acc5_3 = 0.0f; var acc5_4 = 0.0f; var acc5_5 = 0.0f; var acc5_6 = 0.0f; var acc5_7 = 0.0f;
  var acc6_0 = 0.0f; var acc6_1 = 0.0f; var acc6_2 = 0.0f; var acc6_3 = 0.0f; var acc6_4 = 0.0f; var acc6_5 = 0.0f; var acc6_6 = 0.0f; var acc6_7 = 0.0f;
  var acc7_0 = 0.0f; var acc7_1 = 0.0f; var acc7_2 = 0.0f; var acc7_3 = 0.0f; var acc7_4 = 0.0f; var acc7_5 = 0.0f; var acc7_6 = 0.0f; var acc7_7 = 0.0f;
  for (var ci = 0u; ci < 64u; ci++) {
    let x0_0 = x[(xb0 + ci * 4u) / 4u + 0u];
    let x1_0 = x[(xb1 + ci * 4u) / 4u + 0u];
    {
      let a0 = wt[w_off0 + ci * 576u + 8u];
      let a1 = wt[w_off1 + ci * 576u + 8u];
      let a2 = wt[w_off2 + ci * 576u + 8u];
      let a3 = wt[w_off3 + ci * 576u + 8u];
      let a4 = wt[w_off4 + ci * 576u + 8u];
      let a5 = wt[w_off5 + ci * 576u + 8u];
      let a6 = wt[w_off6 + ci * 576u + 8u];
      let a7 = wt[w_off7 + ci * 576u + 8u];
      acc0_3 += a0 * x0_0.x;
      acc1_3 += a1 * x0_0.x;
      acc2_3 += a2 * x0_0.x;
      acc3_3 += a3 * x0_0.x;
      acc4_3 += a4 * x0_0.x;
      acc5_3 += a5 * x0_0.x;
      acc6_3 += a6 * x0_0.x;
      acc7_3 += a7 * x0_0.x;
      acc0_7 += a0 * x1_0.x;
      acc1_7 += a1 * x1_0.x;
      acc2_7 += a2 * x1_0.x;
      acc3_7 += a3 * x1_0.x;
      acc4_7 += a4 * x1_0.x;
      acc5_7 += a5 * x1_0.x;
      acc6_7 += a6 * x1_0.x;
      acc7_7 += a7 * x1_0.x;
    }
    {
      let a0 = wt[w_off0 + ci * 576u + 7u];
      let a1 = wt[w_off1 + ci * 576u + 7u];
      let a2 = wt[w_off2 + ci * 576u + 7u];
      let a3 = wt[w_off3 + ci * 576u + 7u];
      let a4 = wt[w_off4 + ci * 576u + 7u];
      let a5 = wt[w_off5 + ci * 576u + 7u];
      let a6 = wt[w_off6 + ci * 576u + 7u];
      let a7 = wt[w_off7 + ci * 576u + 7u];
      acc0_2 += a0 * x0_0.x;
      acc1_2 += a1 * x0_0.x;
      acc2_2 += a2 * x0_0.x;
      acc3_2 += a3 * x0_0.x;
      acc4_2 += a4 * x0_0.x;
      acc5_2 += a5 * x0_0.x;
      acc6_2 += a6 * x0_0.x;
      acc7_2 += a7 * x0_0.x;
      acc0_3 += a0 * x0_0.y;
      acc1_3 += a1 * x0_0.y;
      acc2_3 += a2 * x0_0.y;
      acc3_3 += a3 * x0_0.y;
      acc4_3 += a4 * x0_0.y;
      acc5_3 += a5 * x0_0.y;
      acc6_3 += a6 * x0_0.y;
      acc7_3 += a7 * x0_0.y;
      acc0_6 += a0 * x1_0.x;
      acc1_6 += a1 * x1_0.x;
      acc2_6 += a2 * x1_0.x;
      acc3_6 += a3 * x1_0.x;
      acc4_6 += a4 * x1_0.x;
      acc5_6 += a5 * x1_0.x;
      acc6_6 += a6 * x1_0.x;
      acc7_6 += a7 * x1_0.x;
      acc0_7 += a0 * x1_0.y;
      acc1_7 += a1 * x1_0.y;
      acc2_7 += a2 * x1_0.y;
      acc3_7 += a3 * x1_0.y;
      acc4_7 += a4 * x1_0.y;
      acc5_7 += a5 * x1_0.y;
      acc6_7 += a6 * x1_0.y;
      acc7_7 += a7 * x1_0.y;
    }
    {
      let a0 = wt[w_off0 + ci * 576u + 6u];
      let a1 = wt[w_off1 + ci * 576u + 6u];
      let a2 = wt[w_off2 + ci * 576u + 6u];
      let a3 = wt[w_off3 + ci * 576u + 6u];
      let a4 = wt[w_off4 + ci * 576u + 6u];
      let a5 = wt[w_off5 + ci * 576u + 6u];
      let a6 = wt[w_off6 + ci * 576u + 6u];
      let a7 = wt[w_off7 + ci * 576u + 6u];
      acc0_2 += a0 * x0_0.y;
      acc1_2 += a1 * x0_0.y;
      acc2_2 += a2 * x0_0.y;
      acc3_2 += a3 * x0_0.y;
      acc4_2 += a4 * x0_0.y;
      acc5_2 += a5 * x0_0.y;
      acc6_2 += a6 * x0_0.y;
      acc7_2 += a7 * x0_0.y;
      acc0_6 += a0 * x1_0.y;
      acc1_6 += a1 * x1_0.y;
      acc2_6 += a2 * x1_0.y;
      acc3_6 += a3 * x1_0.y;
      acc4_6 += a4 * x1_0.y;
      acc5_6 += a5 * x1_0.y;
      acc6_6 += a6 * x1_0.y;
      acc7_6 += a7 * x1_0.y;
    }
    {
      let a0 = wt[w_off0 + ci * 576u + 5u];
      let a1 = wt[w_off1 + ci * 576u + 5u];
      let a2 = wt[w_off2 + ci * 576u + 5u];
      let a3 = wt[w_off3 + ci * 576u + 5u];
      let a4 = wt[w_off4 + ci * 576u + 5u];
      let a5 = wt[w_off5 + ci * 576u + 5u];
      let a6 = wt[w_off6 + ci * 576u + 5u];
      let a7 = wt[w_off7 + ci * 576u + 5u];
      acc0_1 += a0 * x0_0.x;
      acc1_1 += a1 * x0_0.x;
      acc2_1 += a2 * x0_0.x;
      acc3_1 += a3 * x0_0.x;
      acc4_1 += a4 * x0_0.x;
      acc5_1 += a5 * x0_0.x;
      acc6_1 += a6 * x0_0.x;
      acc7_1 += a7 * x0_0.x;
      acc0_3 += a0 * x0_0.z;
      acc1_3 += a1 * x0_0.z;
      acc2_3 += a2 * x0_0.z;
      acc3_3 += a3 * x0_0.z;
      acc4_3 += a4 * x0_0.z;
      acc5_3 += a5 * x0_0.z;
      acc6_3 += a6 * x0_0.z;
      acc7_3 += a7 * x0_0.z;
      acc0_5 += a0 * x1_0.x;
      acc1_5 += a1 * x1_0.x;
      acc2_5 += a2 * x1_0.x;
      acc3_5 += a3 * x1_0.x;
      acc4_5 += a4 * x1_0.x;
      acc5_5 += a5 * x1_0.x;
      acc6_5 += a6 * x1_0.x;
      acc7_5 += a7 * x1_0.x;
      acc0_7 += a0 * x1_0.z;
      acc1_7 += a1 * x1_0.z;
      acc2_7 += a2 * x1_0.z;
      acc3_7 += a3 * x1_0.z;
      acc4_7 += a4 * x1_0.z;
      acc5_7 += a5 * x1_0.z;
      acc6_7 += a6 * x1_0.z;
      acc7_7 += a7 * x1_0.z;
    }
    {
      let a0 = wt[w_off0 + ci * 576u + 4u];
      let a1 = wt[w_off1 + ci * 576u + 4u];
      let a2 = wt[w_off2 + ci * 576u + 4u];
      let a3 = wt[w_off3 + ci * 576u + 4u];
      let a4 = wt[w_off4 + ci * 576u + 4u];
      let a5 = wt[w_off5 + ci * 576u + 4u];
      let a6 = wt[w_off6 + ci * 576u + 4u];
      let a7 = wt[w_off7 + ci * 576u + 4u];
      acc0_0 += a0 * x0_0.x;
      acc1_0 += a1 * x0_0.x;
      acc2_0 += a2 * x0_0.x;
      acc3_0 += a3 * x0_0.x;
      acc4_0 += a4 * x0_0.x;
      acc5_0 += a5 * x0_0.x;
      acc6_0 += a6 * x0_0.x;
      acc7_0 += a7 * x0_0.x;
      acc0_1 += a0 * x0_0.y;
      acc1_1 += a1 * x0_0.y;
      acc2_1 += a2 * x0_0.y;
      acc3_1 += a3 * x0_0.y;
      acc4_1 += a4 * x0_0.y;
      acc5_1 += a5 * x0_0.y;
      acc6_1 += a6 * x0_0.y;
      acc7_1 += a7 * x0_0.y;
      acc0_2 += a0 * x0_0.z;
      acc1_2 += a1 * x0_0.z;
      acc2_2 += a2 * x0_0.z;
      acc3_2 += a3 * x0_0.z;
      acc4_2 += a4 * x0_0.z;
      acc5_2 += a5 * x0_0.z;
      acc6_2 += a6 * x0_0.z;
      acc7_2 += a7 * x0_0.z;
      acc0_3 += a0 * x0_0.w;
      acc1_3 += a1 * x0_0.w;
      acc2_3 += a2 * x0_0.w;
      acc3_3 += a3 * x0_0.w;
      acc4_3 += a4 * x0_0.w;
      acc5_3 += a5 * x0_0.w;
      acc6_3 += a6 * x0_0.w;
      acc7_3 += a7 * x0_0.w;
      acc0_4 += a0 * x1_0.x;
      acc1_4 += a1 * x1_0.x;
      acc2_4 += a2 * x1_0.x;
      acc3_4 += a3 * x1_0.x;
      acc4_4 += a4 * x1_0.x;
      acc5_4 += a5 * x1_0.x;
      acc6_4 += a6 * x1_0.x;
      acc7_4 += a7 * x1_0.x;
      acc0_5 += a0 * x1_0.y;
      acc1_5 += a1 * x1_0.y;
      acc2_5 += a2 * x1_0.y;
      acc3_5 += a3 * x1_0.y;
      acc4_5 += a4 * x1_0.y;
      acc5_5 += a5 * x1_0.y;
      acc6_5 += a6 * x1_0.y;
      acc7_5 += a7 * x1_0.y;
      acc0_6 += a0 * x1_0.z;
      acc1_6 += a1 * x1_0.z;
      acc2_6 += a2 * x1_0.z;
      acc3_6 += a3 * x1_0.z;
      acc4_6 += a4 * x1_0.z;
      acc5_6 += a5 * x1_0.z;
      acc6_6 += a6 * x1_0.z;
      acc7_6 += a7 * x1_0.z;
      acc0_7 += a0 * x1_0.w;
      acc1_7 += a1 * x1_0.w;
      acc2_7 += a2 * x1_0.w;
      acc3_7 += a3 * x1_0.w;
      acc4_7 += a4 * x1_0.w;
      acc5_7 += a5 * x1_0.w;
      acc6_7 += a6 * x1_0.w;
      acc7_7 += a7 * x1_0.w;
    }
    {
      let a0 = wt[w_off0 + ci * 576u + 3u];
      let a1 = wt[w_off1 + ci * 576u + 3u];
      let a2 = wt[w_off2 + ci * 576u + 3u];
      let a3 = wt[w_off3 + ci * 576u + 3u];
      let a4 = wt[w_off4 + ci * 576u + 3u];
      let a5 = wt[w_off5 + ci * 576u + 3u];
      let a6 = wt[w_off6 + ci * 576u + 3u];
      let a7 = wt[w_off7 + ci * 576u + 3u];
      acc0_0 += a0 * x0_0.y;
      acc1_0 += a1 * x0_0.y;
      acc2_0 += a2 * x0_0.y;
      acc3_0 += a3 * x0_0.y;
      acc4_0 += a4 * x0_0.y;
      acc5_0 += a5 * x0_0.y;
      acc6_0 += a6 * x0_0.y;
      acc7_0 += a7 * x0_0.y;
      acc0_2 += a0 * x0_0.w;
      acc1_2 += a1 * x0_0.w;
      acc2_2 += a2 * x0_0.w;
      acc3_2 += a3 * x0_0.w;
      acc4_2 += a4 * x0_0.w;
      acc5_2 += a5 * x0_0.w;
      acc6_2 += a6 * x0_0.w;
      acc7_2 += a7 * x0_0.w;
      acc0_4 += a0 * x1_0.y;
      acc1_4 += a1 * x1_0.y;
      acc2_4 += a2 * x1_0.y;
      acc3_4 += a3 * x1_0.y;
      acc4_4 += a4 * x1_0.y;
      acc5_4 += a5 * x1_0.y;
      acc6_4 += a6 * x1_0.y;
      acc7_4 += a7 * x1_0.y;
      acc0_6 += a0 * x1_0.w;
      acc1_6 += a1 * x1_0.w;
      acc2_6 += a2 * x1_0.w;
      acc3_6 += a3 * x1_0.w;
      acc4_6 += a4 * x1_0.w;
      acc5_6 += a5 * x1_0.w;
      acc6_6 += a6 * x1_0.w;
      acc7_6 += a7 * x1_0.w;
    }
    {
      let a0 = wt[w_off0 + ci * 576u + 2u];
      let a1 = wt[w_off1 + ci * 576u + 2u];
      let a2 = wt[w_off2 + ci * 576u + 2u];
      let a3 = wt[w_off3 + ci * 576u + 2u];
      let a4 = wt[w_off4 + ci * 576u + 2u];
      let a5 = wt[w_off5 + ci * 576u + 2u];
      let a6 = wt[w_off6 + ci * 576u + 2u];
      let a7 = wt[w_off7 + ci * 576u + 2u];
      acc0_1 += a0 * x0_0.z;
      acc1_1 += a1 * x0_0.z;
      acc2_1 += a2 * x0_0.z;
      acc3_1 += a3 * x0_0.z;
      acc4_1 += a4 * x0_0.z;
      acc5_1 += a5 * x0_0.z;
      acc6_1 += a6 * x0_0.z;
      acc7_1 += a7 * x0_0.z;
      acc0_5 += a0 * x1_0.z;
      acc1_5 += a1 * x1_0.z;
      acc2_5 += a2 * x1_0.z;
      acc3_5 += a3 * x1_0.z;
      acc4_5 += a4 * x1_0.z;
      acc5_5 += a5 * x1_0.z;
      acc6_5 += a6 * x1_0.z;
      acc7_5 += a7 * x1_0.z;
    }
    {
      let a0 = wt[w_off0 + ci * 576u + 1u];
      let a1 = wt[w_off1 + ci * 576u + 1u];
      let a2 = wt[w_off2 + ci * 576u + 1u];
      let a3 = wt[w_off3 + ci * 576u + 1u];
      let a4 = wt[w_off4 + ci * 576u + 1u];
      let a5 = wt[w_off5 + ci * 576u + 1u];
      let a6 = wt[w_off6 + ci * 576u + 1u];
      let a7 = wt[w_off7 + ci * 576u + 1u];
      acc0_0 += a0 * x0_0.z;
      acc1_0 += a1 * x0_0.z;
      acc2_0 += a2 * x0_0.z;
      acc3_0 += a3 * x0_0.z;
      acc4_0 += a4 * x0_0.z;
      acc5_0 += a5 * x0_0.z;
      acc6_0 += a6 * x0_0.z;
      acc7_0 += a7 * x0_0.z;
      acc0_1 += a0 * x0_0.w;
      acc1_1 += a1 * x0_0.w;
      acc2_1 += a2 * x0_0.w;
      acc3_1 += a3 * x0_0.w;
      acc4_1 += a4 * x0_0.w;
      acc5_1 += a5 * x0_0.w;
      acc6_1 += a6 * x0_0.w;
      acc7_1 += a7 * x0_0.w;
      acc0_4 += a0 * x1_0.z;
      acc1_4 += a1 * x1_0.z;
      acc2_4 += a2 * x1_0.z;
      acc3_4 += a3 * x1_0.z;
      acc4_4 += a4 * x1_0.z;
      acc5_4 += a5 * x1_0.z;
      acc6_4 += a6 * x1_0.z;
      acc7_4 += a7 * x1_0.z;
      acc0_5 += a0 * x1_0.w;
      acc1_5 += a1 * x1_0.w;
      acc2_5 += a2 * x1_0.w;
      acc3_5 += a3 * x1_0.w;
      acc4_5 += a4 * x1_0.w;
      acc5_5 += a5 * x1_0.w;
      acc6_5 += a6 * x1_0.w;
      acc7_5 += a7 * x1_0.w;
    }
    {
      let a0 = wt[w_off0 + ci * 576u + 0u];
      let a1 = wt[w_off1 + ci * 576u + 0u];
      let a2 = wt[w_off2 + ci * 576u + 0u];
      let a3 = wt[w_off3 + ci * 576u + 0u];
      let a4 = wt[w_off4 + ci * 576u + 0u];
      let a5 = wt[w_off5 + ci * 576u + 0u];
      let a6 = wt[w_off6 + ci * 576u + 0u];
      let a7 = wt[w_off7 + ci * 576u + 0u];
      acc0_0 += a0 * x0_0.w;
      acc1_0 += a1 * x0_0.w;
      acc2_0 += a2 * x0_0.w;
      acc3_0 += a3 * x0_0.w;
      acc4_0 += a4 * x0_0.w;
      acc5_0 += a5 * x0_0.w;
      acc6_0 += a6 * x0_0.w;
      acc7_0 += a7 * x0_0.w;
      acc0_4 += a0 * x1_0.w;
      acc1_4 += a1 * x1_0.w;
      acc2_4 += a2 * x1_0.w;
      acc3_4 += a3 * x1_0.w;
      acc4_4 += a4 * x1_0.w;
      acc5_4 += a5 * x1_0.w;
      acc6_4 += a6 * x1_0.w;
      acc7_4 += a7 * x1_0.w;
    }
  }
  let row0 = min(r_base, 63u);
  let row1 = min((r_base + 1u), 63u);
  let row2 = min((r_base + 2u), 63u);
  let row3 = min((r_base + 3u), 63u);
  let row4 = min((r_base + 4u), 63u);
  let row5 = min((r_base + 5u), 63u);
  let row6 = min((r_base + 6u), 63u);
  let row7 = min((r_base + 7u), 63u);
  let col0 = min(c_base, 7u);
  let img_c0 = col0 / 4u;
  let rem_c0 = col0 % 4u;
  let oy_c0 = i32((rem_c0 / 2u));
  let ox_c0 = i32((rem_c0 % 2u));
  let xb_c0 = img_c0 * 256u;
  let col1 = min((c_base + 1u), 7u);
  let img_c1 = col1 / 4u;
  let rem_c1 = col1 % 4u;
  let oy_c1 = i32((rem_c1 / 2u));
  let ox_c1 = i32((rem_c1 % 2u));
  let xb_c1 = img_c1 * 256u;
  let col2 = min((c_base + 2u), 7u);
  let img_c2 = col2 / 4u;
  let rem_c2 = col2 % 4u;
  let oy_c2 = i32((rem_c2 / 2u));
  let ox_c2 = i32((rem_c2 % 2u));
  let xb_c2 = img_c2 * 256u;
  let col3 = min((c_base + 3u), 7u);
  let img_c3 = col3 / 4u;
  let rem_c3 = col3 % 4u;
  let oy_c3 = i32((rem_c3 / 2u));
  let ox_c3 = i32((rem_c3 % 2u));
  let xb_c3 = img_c3 * 256u;
  let col4 = min((c_base + 4u), 7u);
  let img_c4 = col4 / 4u;
  let rem_c4 = col4 % 4u;
  let oy_c4 = i32((rem_c4 / 2u));
  let ox_c4 = i32((rem_c4 % 2u));
  let xb_c4 = img_c4 * 256u;
  let col5 = min((c_base + 5u), 7u);
  let img_c5 = col5 / 4u;
  let rem_c5 = col5 % 4u;
  let oy_c5 = i32((rem_c5 / 2u));
  let ox_c5 = i32((rem_c5 % 2u));
  let xb_c5 = img_c5 * 256u;
  let col6 = min((c_base + 6u), 7u);
  let img_c6 = col6 / 4u;
  let rem_c6 = col6 % 4u;
  let oy_c6 = i32((rem_c6 / 2u));
  let ox_c6 = i32((rem_c6 % 2u));
  let xb_c6 = img_c6 * 256u;
  let col7 = min((c_base + 7u), 7u);
  let img_c7 = col7 / 4u;
  let rem_c7 = col7 % 4u;
  let oy_c7 = i32((rem_c7 / 2u));
  let ox_c7 = i32((rem_c7 % 2u));
  let xb_c7 = img_c7 * 256u;
  if (r_base < 64u) {
    if (c_base < 8u) {
      var r = acc0_0;
      r = select(0.0f, r, ep0_mask[(((img_c0 * 64u) + row0) * 4u) + rem_c0] > 0.0f);
      y[(((img_c0 * 64u) + row0) * 4u) + rem_c0] = r;
    }
    if ((c_base + 1u) < 8u) {
      var r = acc0_1;
      r = select(0.0f, r, ep0_mask[(((img_c1 * 64u) + row0) * 4u) + rem_c1] > 0.0f);
      y[(((img_c1 * 64u) + row0) * 4u) + rem_c1] = r;
    }
    if ((c_base + 2u) < 8u) {
      var r = acc0_2;
      r = select(0.0f, r, ep0_mask[(((img_c2 * 64u) + row0) * 4u) + rem_c2] > 0.0f);
      y[(((img_c2 * 64u) + row0) * 4u) + rem_c2] = r;
    }
    if ((c_base + 3u) < 8u) {
      var r = acc0_3;
      r = select(0.0f, r, ep0_mask[(((img_c3 * 64u) + row0) * 4u) + rem_c3] > 0.0f);
      y[(((img_c3 * 64u) + row0) * 4u) + rem_c3] = r;
    }
    if ((c_base + 4u) < 8u) {
      var r = acc0_4;
      r = select(0.0f, r, ep0_mask[(((img_c4 * 64u) + row0) * 4u) + rem_c4] > 0.0f);
      y[(((img_c4 * 64u) + row0) * 4u) + rem_c4] = r;
    }
    if ((c_base + 5u) < 8u) {
      var r = acc0_5;
      r = select(0.0f, r, ep0_mask[(((img_c5 * 64u) + row0) * 4u) + rem_c5] > 0.0f);
      y[(((img_c5 * 64u) + row0) * 4u) + rem_c5] = r;
    }
    if ((c_base + 6u) < 8u) {
      var r = acc0_6;
      r = select(0.0f, r, ep0_mask[(((img_c6 * 64u) + row0) * 4u) + rem_c6] > 0.0f);
      y[(((img_c6 * 64u) + row0) * 4u) + rem_c6] = r;
    }
    if ((c_base + 7u) < 8u) {
      var r = acc0_7;
      r = select(0.0f, r, ep0_mask[(((img_c7 * 64u) + row0) * 4u) + rem_c7] > 0.0f);
      y[(((img_c7 * 64u) + row0) * 4u) + rem_c7] = r;
    }
  }
  if ((r_base + 1u) < 64u) {
    if (c_base < 8u) {
      var r = acc1_0;
      r = select(0.0f, r, ep0_mask[(((img_c0 * 64u) + row1) * 4u) + rem_c0] > 0.0f);
      y[(((img_c0 * 64u) + row1) * 4u) + rem_c0] = r;
    }
    if ((c_base + 1u) < 8u) {
      var r = acc1_1;
      r = select(0.0f, r, ep0_mask[(((img_c1 * 64u) + row1) * 4u) + rem_c1] > 0.0f);
      y[(((img_c1 * 64u) + row1) * 4u) + rem_c1] = r;
    }
    if ((c_base + 2u) < 8u) {
      var r = acc1_2;
      r = select(0.0f, r, ep0_mask[(((img_c2 * 64u) + row1) * 4u) + rem_c2] > 0.0f);
      y[(((img_c2 * 64u) + row1) * 4u) + rem_c2] = r;
    }
    if ((c_base + 3u) < 8u) {
      var r = acc1_3;
      r = select(0.0f, r, ep0_mask[(((img_c3 * 64u) + row1) * 4u) + rem_c3] > 0.0f);
      y[(((img_c3 * 64u) + row1) * 4u) + rem_c3] = r;
    }
    if ((c_base + 4u) < 8u) {
      var r = acc1_4;
      r = select(0.0f, r, ep0_mask[(((img_c4 * 64u) + row1) * 4u) + rem_c4] > 0.0f);
      y[(((img_c4 * 64u) + row1) * 4u) + rem_c4] = r;
    }
    if ((c_base + 5u) < 8u) {
      var r = acc1_5;
      r = select(0.0f, r, ep0_mask[(((img_c5 * 64u) + row1) * 4u) + rem_c5] > 0.0f);
      y[(((img_c5 * 64u) + row1) * 4u) + rem_c5] = r;
    }
    if ((c_base + 6u) < 8u) {
      var r = acc1_6;
      r = select(0.0f, r, ep0_mask[(((img_c6 * 64u) + row1) * 4u) + rem_c6] > 0.0f);
      y[(((img_c6 * 64u) + row1) * 4u) + rem_c6] = r;
    }
    if ((c_base + 7u) < 8u) {
      var r = acc1_7;
      r = select(0.0f, r, ep0_mask[(((img_c7 * 64u) + row1) * 4u) + rem_c7] > 0.0f);
      y[(((img_c7 * 64u) + row1) * 4u) + rem_c7] = r;
    }
  }
  if ((r_base + 2u) < 64u) {
    if (c_base < 8u) {
      var r = acc2_0;
      r = select(0.0f, r, ep0_mask[(((img_c0 * 64u) + row2) * 4u) + rem_c0] > 0.0f);
      y[(((img_c0 * 64u) + row2) * 4u) + rem_c0] = r;
    }
    if ((c_base + 1u) < 8u) {
      var r = acc2_1;
      r = select(0.0f, r, ep0_mask[(((img_c1 * 64u) + row2) * 4u) + rem_c1] > 0.0f);
      y[(((img_c1 * 64u) + row2) * 4u) + rem_c1] = r;
    }
    if ((c_base + 2u) < 8u) {
      var r = acc2_2;
      r = select(0.0f, r, ep0_mask[(((img_c2 * 64u) + row2) * 4u) + rem_c2] > 0.0f);
      y[(((img_c2 * 64u) + row2) * 4u) + rem_c2] = r;
    }
    if ((c_base + 3u) < 8u) {
      var r = acc2_3;
      r = select(0.0f, r, ep0_mask[(((img_c3 * 64u) + row2) * 4u) + rem_c3] > 0.0f);
      y[(((img_c3 * 64u) + row2) * 4u) + rem_c3] = r;
    }
    if ((c_base + 4u) < 8u) {
      var r = acc2_4;
      r = select(0.0f, r, ep0_mask[(((img_c4 * 64u) + row2) * 4u) + rem_c4] > 0.0f);
      y[(((img_c4 * 64u) + row2) * 4u) + rem_c4] = r;
    }
    if ((c_base + 5u) < 8u) {
      var r = acc2_5;
      r = select(0.0f, r, ep0_mask[(((img_c5 * 64u) + row2) * 4u) + rem_c5] > 0.0f);
      y[(((img_c5 * 64u) + row2) * 4u) + rem_c5] = r;
    }
    if ((c_base + 6u) < 8u) {
      var r = acc2_6;
      r = select(0.0f, r, ep0_mask[(((img_c6 * 64u) + row2) * 4u) + rem_c6] > 0.0f);
      y[(((img_c6 * 64u) + row2) * 4u) + rem_c6] = r;
    }
    if ((c_base + 7u) < 8u) {
      var r = acc2_7;
      r = select(0.0f, r, ep0_mask[(((img_c7 * 64u) + row2) * 4u) + rem_c7] > 0.0f);
      y[(((img_c7 * 64u) + row2) * 4u) + rem_c7] = r;
    }
  }
  if ((r_base + 3u) < 64u) {
    if (c_base < 8u) {
      var r = acc3_0;
      r = select(0.0f, r, ep0_mask[(((img_c0 * 64u) + row3) * 4u) + rem_c0] > 0.0f);
      y[(((img_c0 * 64u) + row3) * 4u) + rem_c0] = r;
    }
    if ((c_base + 1u) < 8u) {
      var r = acc3_1;
      r = select(0.0f, r, ep0_mask[(((img_c1 * 64u) + row3) * 4u) + rem_c1] > 0.0f);
      y[(((img_c1 * 64u) + row3) * 4u) + rem_c1] = r;
    }
    if ((c_base + 2u) < 8u) {
      var r = acc3_2;
      r = select(0.0f, r, ep0_mask[(((img_c2 * 64u) + row3) * 4u) + rem_c2] > 0.0f);
      y[(((img_c2 * 64u) + row3) * 4u) + rem_c2] = r;
    }
    if ((c_base + 3u) < 8u) {
      var r = acc3_3;
      r = select(0.0f, r, ep0_mask[(((img_c3 * 64u) + row3) * 4u) + rem_c3] > 0.0f);
      y[(((img_c3 * 64u) + row3) * 4u) + rem_c3] = r;
    }
    if ((c_base + 4u) < 8u) {
      var r = acc3_4;
      r = select(0.0f, r, ep0_mask[(((img_c4 * 64u) + row3) * 4u) + rem_c4] > 0.0f);
      y[(((img_c4 * 64u) + row3) * 4u) + rem_c4] = r;
    }
    if ((c_base + 5u) < 8u) {
      var r = acc3_5;
      r = select(0.0f, r, ep0_mask[(((img_c5 * 64u) + row3) * 4u) + rem_c5] > 0.0f);
      y[(((img_c5 * 64u) + row3) * 4u) + rem_c5] = r;
    }
    if ((c_base + 6u) < 8u) {
      var r = acc3_6;
      r = select(0.0f, r, ep0_mask[(((img_c6 * 64u) + row3) * 4u) + rem_c6] > 0.0f);
      y[(((img_c6 * 64u) + row3) * 4u) + rem_c6] = r;
    }
    if ((c_base + 7u) < 8u) {
      var r = acc3_7;
      r = select(0.0f, r, ep0_mask[(((img_c7 * 64u) + row3) * 4u) + rem_c7] > 0.0f);
      y[(((img_c7 * 64u) + row3) * 4u) + rem_c7] = r;
    }
  }
  if ((r_base + 4u) < 64u) {
    if (c_base < 8u) {
      var r = acc4_0;
      r = select(0.0f, r, ep0_mask[(((img_c0 * 64u) + row4) * 4u) + rem_c0] > 0.0f);
      y[(((img_c0 * 64u) + row4) * 4u) + rem_c0] = r;
    }
    if ((c_base + 1u) < 8u) {
      var r = acc4_1;
      r = select(0.0f, r, ep0_mask[(((img_c1 * 64u) + row4) * 4u) + rem_c1] > 0.0f);
      y[(((img_c1 * 64u) + row4) * 4u) + rem_c1] = r;
    }
    if ((c_base + 2u) < 8u) {
      var r = acc4_2;
      r = select(0.0f, r, ep0_mask[(((img_c2 * 64u) + row4) * 4u) + rem_c2] > 0.0f);
      y[(((img_c2 * 64u) + row4) * 4u) + rem_c2] = r;
    }
    if ((c_base + 3u) < 8u) {
      var r = acc4_3;
      r = select(0.0f, r, ep0_mask[(((img_c3 * 64u) + row4) * 4u) + rem_c3] > 0.0f);
      y[(((img_c3 * 64u) + row4) * 4u) + rem_c3] = r;
    }
    if ((c_base + 4u) < 8u) {
      var r = acc4_4;
      r = select(0.0f, r, ep0_mask[(((img_c4 * 64u) + row4) * 4u) + rem_c4] > 0.0f);
      y[(((img_c4 * 64u) + row4) * 4u) + rem_c4] = r;
    }
    if ((c_base + 5u) < 8u) {
      var r = acc4_5;
      r = select(0.0f, r, ep0_mask[(((img_c5 * 64u) + row4) * 4u) + rem_c5] > 0.0f);
      y[(((img_c5 * 64u) + row4) * 4u) + rem_c5] = r;
    }
    if ((c_base + 6u) < 8u) {
      var r = acc4_6;
      r = select(0.0f, r, ep0_mask[(((img_c6 * 64u) + row4) * 4u) + rem_c6] > 0.0f);
      y[(((img_c6 * 64u) + row4) * 4u) + rem_c6] = r;
    }
    if ((c_base + 7u) < 8u) {
      var r = acc4_7;
      r = select(0.0f, r, ep0_mask[(((img_c7 * 64u) + row4) * 4u) + rem_c7] > 0.0f);
      y[(((img_c7 * 64u) + row4) * 4u) + rem_c7] = r;
    }
  }
  if ((r_base + 5u) < 64u) {
    if (c_base < 8u) {
      var r = acc5_0;
      r = select(0.0f, r, ep0_mask[(((img_c0 * 64u) + row5) * 4u) + rem_c0] > 0.0f);
      y[(((img_c0 * 64u) + row5) * 4u) + rem_c0] = r;
    }
    if ((c_base + 1u) < 8u) {
      var r = acc5_1;
      r = select(0.0f, r, ep0_mask[(((img_c1 * 64u) + row5) * 4u) + rem_c1] > 0.0f);
      y[(((img_c1 * 64u) + row5) * 4u) + rem_c1] = r;
    }
    if ((c_base + 2u) < 8u) {
      var r = acc5_2;
      r = select(0.0f, r, ep0_mask[(((img_c2 * 64u) + row5) * 4u) + rem_c2] > 0.0f);
      y[(((img_c2 * 64u) + row5) * 4u) + rem_c2] = r;
    }
    if ((c_base + 3u) < 8u) {
      var r = acc5_3;
      r = select(0.0f, r, ep0_mask[(((img_c3 * 64u) + row5) * 4u) + rem_c3] > 0.0f);
      y[(((img_c3 * 64u) + row5) * 4u) + rem_c3] = r;
    }
    if ((c_base + 4u) < 8u) {
      var r = acc5_4;
      r = select(0.0f, r, ep0_mask[(((img_c4 * 64u) + row5) * 4u) + rem_c4] > 0.0f);
      y[(((img_c4 * 64u) + row5) * 4u) + rem_c4] = r;
    }
    if ((c_base + 5u) < 8u) {
      var r = acc5_5;
      r = select(0.0f, r, ep0_mask[(((img_c5 * 64u) + row5) * 4u) + rem_c5] > 0.0f);
      y[(((img_c5 * 64u) + row5) * 4u) + rem_c5] = r;
    }
    if ((c_base + 6u) < 8u) {
      var r = acc5_6;
      r = select(0.0f, r, ep0_mask[(((img_c6 * 64u) + row5) * 4u) + rem_c6] > 0.0f);
      y[(((img_c6 * 64u) + row5) * 4u) + rem_c6] = r;
    }
    if ((c_base + 7u) < 8u) {
      var r = acc5_7;
      r = select(0.0f, r, ep0_mask[(((img_c7 * 64u) + row5) * 4u) + rem_c7] > 0.0f);
      y[(((img_c7 * 64u) + row5) * 4u) + rem_c7] = r;
    }
  }
  if ((r_base + 6u) < 64u) {
    if (c_base < 8u) {
      var r = acc6_0;
      r = select(0.0f, r, ep0_mask[(((img_c0 * 64u) + row6) * 4u) + rem_c0] > 0.0f);
      y[(((img_c0 * 64u) + row6) * 4u) + rem_c0] = r;
    }
    if ((c_base + 1u) < 8u) {
      var r = acc6_1;
      r = select(0.0f, r, ep0_mask[(((img_c1 * 64u) + row6) * 4u) + rem_c1] > 0.0f);
      y[(((img_c1 * 64u) + row6) * 4u) + rem_c1] = r;
    }
    if ((c_base + 2u) < 8u) {
      var r = acc6_2;
      r = select(0.0f, r, ep0_mask[(((img_c2 * 64u) + row6) * 4u) + rem_c2] > 0.0f);
      y[(((img_c2 * 64u) + row6) * 4u) + rem_c2] = r;
    }
    if ((c_base + 3u) < 8u) {
      var r = acc6_3;
      r = select(0.0f, r, ep0_mask[(((img_c3 * 64u) + row6) * 4u) + rem_c3] > 0.0f);
      y[(((img_c3 * 64u) + row6) * 4u) + rem_c3] = r;
    }
    if ((c_base + 4u) < 8u) {
      var r = acc6_4;
      r = select(0.0f, r, ep0_mask[(((img_c4 * 64u) + row6) * 4u) + rem_c4] > 0.0f);
      y[(((img_c4 * 64u) + row6) * 4u) + rem_c4] = r;
    }
    if ((c_base + 5u) < 8u) {
      var r = acc6_5;
      r = select(0.0f, r, ep0_mask[(((img_c5 * 64u) + row6) * 4u) + rem_c5] > 0.0f);
      y[(((img_c5 * 64u) + row6) * 4u) + rem_c5] = r;
    }
    if ((c_base + 6u) < 8u) {
      var r = acc6_6;
      r = select(0.0f, r, ep0_mask[(((img_c6 * 64u) + row6) * 4u) + rem_c6] > 0.0f);
      y[(((img_c6 * 64u) + row6) * 4u) + rem_c6] = r;
    }
    if ((c_base + 7u) < 8u) {
      var r = acc6_7;
      r = select(0.0f, r, ep0_mask[(((img_c7 * 64u) + row6) * 4u) + rem_c7] > 0.0f);
      y[(((img_c7 * 64u) + row6) * 4u) + rem_c7] = r;
    }
  }
  if ((r_base + 7u) < 64u) {
    if (c_base < 8u) {
      var r = acc7_0;
      r = select(0.0f, r, ep0_mask[(((img_c0 * 64u) + row7) * 4u) + rem_c0] > 0.0f);
      y[(((img_c0 * 64u) + row7) * 4u) + rem_c0] = r;
    }
    if ((c_base + 1u) < 8u) {
      var r = acc7_1;
      r = select(0.0f, r, ep0_mask[(((img_c1 * 64u) + row7) * 4u) + rem_c1] > 0.0f);
      y[(((img_c1 * 64u) + row7) * 4u) + rem_c1] = r;
    }
    if ((c_base + 2u) < 8u) {
      var r = acc7_2;
      r = select(0.0f, r, ep0_mask[(((img_c2 * 64u) + row7) * 4u) + rem_c2] > 0.0f);
      y[(((img_c2 * 64u) + row7) * 4u) + rem_c2] = r;
    }
    if ((c_base + 3u) < 8u) {
      var r = acc7_3;
      r = select(0.0f, r, ep0_mask[(((img_c3 * 64u) + row7) * 4u) + rem_c3] > 0.0f);
      y[(((img_c3 * 64u) + row7) * 4u) + rem_c3] = r;
    }
    if ((c_base + 4u) < 8u) {
      var r = acc7_4;
      r = select(0.0f, r, ep0_mask[(((img_c4 * 64u) + row7) * 4u) + rem_c4] > 0.0f);
      y[(((img_c4 * 64u) + row7) * 4u) + rem_c4] = r;
    }
    if ((c_base + 5u) < 8u) {
      var r = acc7_5;
      r = select(0.0f, r, ep0_mask[(((img_c5 * 64u) + row7) * 4u) + rem_c5] > 0.0f);
      y[(((img_c5 * 64u) + row7) * 4u) + rem_c5] = r;
    }
    if ((c_base + 6u) < 8u) {
      var r = acc7_6;
      r = select(0.0f, r, ep0_mask[(((img_c6 * 64u) + row7) * 4u) + rem_c6] > 0.0f);
      y[(((img_c6 * 64u) + row7) * 4u) + rem_c6] = r;
    }
    if ((c_base + 7u) < 8u) {
      var r = acc7_7;
      r = select(0.0f, r, ep0_mask[(((img_c7 * 64u) + row7) * 4u) + rem_c7] > 0.0f);
      y[(((img_c7 * 64u) + row7) * 4u) + rem_c7] = r;
    }
  }
}
