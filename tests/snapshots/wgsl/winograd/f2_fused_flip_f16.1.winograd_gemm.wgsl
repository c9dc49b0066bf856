// spec: {"c":16,"epilogue":[{"op":"relu_grad"}],"f16":[0,2,3],"h":16,"input":"x","kind":"winograd_gemm","m":2,"n":2,"o":16,"output":"y","tile":{"bk":1,"bm":4,"bn":16,"ks":1,"tm":4,"tn":2,"variant":"register"},"w":16}
// winograd_gemm F(2,3) x->y 4x2: workgroup size 8x1x1, 32x1x1 workgroups, 0 bytes of workgroup memory
// bindings: x:read:f16, u:read:f32, ep0_mask:read:f16, y:read_write:f16
// winograd_gemm F(2,3) 2x16x16x16 -> 16 (x->y)
enable f16;
@group(0) @binding(0) var<storage, read> x: array<f16>;
@group(0) @binding(1) var<storage, read> u: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read> ep0_mask: array<f16>;
@group(0) @binding(3) var<storage, read_write> y: array<f16>;

@compute @workgroup_size(8, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let blk = wg.x;
  let tile_n = blk % 8u;
  let tile_m = blk / 8u;
  let r_base = tile_m * 4u + lid.y * 4u;
  let u_g0 = min(r_base + 0u, 12u) / 4u;
  var acc0_0_0 = 0.0f; var acc0_0_1 = 0.0f;
  var acc0_1_0 = 0.0f; var acc0_1_1 = 0.0f;
  var acc0_2_0 = 0.0f; var acc0_2_1 = 0.0f;
  var acc0_3_0 = 0.0f; var acc0_3_1 = 0.0f;
  var acc1_0_0 = 0.0f; var acc1_0_1 = 0.0f;
  var acc1_1_0 = 0.0f; var acc1_1_1 = 0.0f;
  var acc1_2_0 = 0.0f; var acc1_2_1 = 0.0f;
  var acc1_3_0 = 0.0f; var acc1_3_1 = 0.0f;
  var acc2_0_0 = 0.0f; var acc2_0_1 = 0.0f;
  var acc2_1_0 = 0.0f; var acc2_1_1 = 0.0f;
  var acc2_2_0 = 0.0f; var acc2_2_1 = 0.0f;
  var acc2_3_0 = 0.0f; var acc2_3_1 = 0.0f;
  var acc3_0_0 = 0.0f; var acc3_0_1 = 0.0f;
  var acc3_1_0 = 0.0f; var acc3_1_1 = 0.0f;
  var acc3_2_0 = 0.0f; var acc3_2_1 = 0.0f;
  var acc3_3_0 = 0.0f; var acc3_3_1 = 0.0f;
  var acc4_0_0 = 0.0f; var acc4_0_1 = 0.0f;
  var acc4_1_0 = 0.0f; var acc4_1_1 = 0.0f;
  var acc4_2_0 = 0.0f; var acc4_2_1 = 0.0f;
  var acc4_3_0 = 0.0f; var acc4_3_1 = 0.0f;
  var acc5_0_0 = 0.0f; var acc5_0_1 = 0.0f;
  var acc5_1_0 = 0.0f; var acc5_1_1 = 0.0f;
  var acc5_2_0 = 0.0f; var acc5_2_1 = 0.0f;
  var acc5_3_0 = 0.0f; var acc5_3_1 = 0.0f;
  var acc6_0_0 = 0.0f; var acc6_0_1 = 0.0f;
  var acc6_1_0 = 0.0f; var acc6_1_1 = 0.0f;
  var acc6_2_0 = 0.0f; var acc6_2_1 = 0.0f;
  var acc6_3_0 = 0.0f; var acc6_3_1 = 0.0f;
  var acc7_0_0 = 0.0f; var acc7_0_1 = 0.0f;
  var acc7_1_0 = 0.0f; var acc7_1_1 = 0.0f;
  var acc7_2_0 = 0.0f; var acc7_2_1 = 0.0f;
  var acc7_3_0 = 0.0f; var acc7_3_1 = 0.0f;
  var acc8_0_0 = 0.0f; var acc8_0_1 = 0.0f;
  var acc8_1_0 = 0.0f; var acc8_1_1 = 0.0f;
  var acc8_2_0 = 0.0f; var acc8_2_1 = 0.0f;
  var acc8_3_0 = 0.0f; var acc8_3_1 = 0.0f;
  var acc9_0_0 = 0.0f; var acc9_0_1 = 0.0f;
  var acc9_1_0 = 0.0f; var acc9_1_1 = 0.0f;
  var acc9_2_0 = 0.0f; var acc9_2_1 = 0.0f;
  var acc9_3_0 = 0.0f; var acc9_3_1 = 0.0f;
  var acc10_0_0 = 0.0f; var acc10_0_1 = 0.0f;
  var acc10_1_0 = 0.0f; var acc10_1_1 = 0.0f;
  var acc10_2_0 = 0.0f; var acc10_2_1 = 0.0f;
  var acc10_3_0 = 0.0f; var acc10_3_1 = 0.0f;
  var acc11_0_0 = 0.0f; var acc11_0_1 = 0.0f;
  var acc11_1_0 = 0.0f; var acc11_1_1 = 0.0f;
  var acc11_2_0 = 0.0f; var acc11_2_1 = 0.0f;
  var acc11_3_0 = 0.0f; var acc11_3_1 = 0.0f;
  var acc12_0_0 = 0.0f; var acc12_0_1 = 0.0f;
  var acc12_1_0 = 0.0f; var acc12_1_1 = 0.0f;
  var acc12_2_0 = 0.0f; var acc12_2_1 = 0.0f;
  var acc12_3_0 = 0.0f; var acc12_3_1 = 0.0f;
  var acc13_0_0 = 0.0f; var acc13_0_1 = 0.0f;
  var acc13_1_0 = 0.0f; var acc13_1_1 = 0.0f;
  var acc13_2_0 = 0.0f; var acc13_2_1 = 0.0f;
  var acc13_3_0 = 0.0f; var acc13_3_1 = 0.0f;
  var acc14_0_0 = 0.0f; var acc14_0_1 = 0.0f;
  var acc14_1_0 = 0.0f; var acc14_1_1 = 0.0f;
  var acc14_2_0 = 0.0f; var acc14_2_1 = 0.0f;
  var acc14_3_0 = 0.0f; var acc14_3_1 = 0.0f;
  var acc15_0_0 = 0.0f; var acc15_0_1 = 0.0f;
  var acc15_1_0 = 0.0f; var acc15_1_1 = 0.0f;
  var acc15_2_0 = 0.0f; var acc15_2_1 = 0.0f;
  var acc15_3_0 = 0.0f; var acc15_3_1 = 0.0f;
  let grp_raw = tile_n * 8u + lid.x;
  let grp = min(grp_raw, 63u);
  let img = grp / 32u;
  let ty = (grp / 4u) % 8u;
  let tx0 = (grp % 4u) * 2u;
  let x_img = i32(img * 4096u);
  let ix0 = i32(tx0 * 2u) + -1i;
  let col_ok0 = u32(ix0) < 16u;
  let col_at0 = select(0i, ix0, col_ok0);
  let ix1 = i32(tx0 * 2u) + 0i;
  let col_ok1 = u32(ix1) < 16u;
  let col_at1 = select(0i, ix1, col_ok1);
  let ix2 = i32(tx0 * 2u) + 1i;
  let col_ok2 = u32(ix2) < 16u;
  let col_at2 = select(0i, ix2, col_ok2);
  let ix3 = i32(tx0 * 2u) + 2i;
  let col_ok3 = u32(ix3) < 16u;
  let col_at3 = select(0i, ix3, col_ok3);
  let ix4 = i32(tx0 * 2u) + 3i;
  let col_ok4 = u32(ix4) < 16u;
  let col_at4 = select(0i, ix4, col_ok4);
  let ix5 = i32(tx0 * 2u) + 4i;
  let col_ok5 = u32(ix5) < 16u;
  let col_at5 = select(0i, ix5, col_ok5);
  for (var ci = 0u; ci < 16u; ci++) {
    let plane = x_img + i32(ci * 256u);
    let iyvt0 = i32(ty * 2u) + -1i;
    let row_okvt0 = u32(iyvt0) < 16u;
    let x_rowvt0 = plane + select(0i, iyvt0, row_okvt0) * 16i;
    let dvt0_0 = select(0.0f, f32(x[u32(x_rowvt0 + col_at0)]), row_okvt0 && col_ok0);
    let dvt0_1 = select(0.0f, f32(x[u32(x_rowvt0 + col_at1)]), row_okvt0 && col_ok1);
    let dvt0_2 = select(0.0f, f32(x[u32(x_rowvt0 + col_at2)]), row_okvt0 && col_ok2);
    let dvt0_3 = select(0.0f, f32(x[u32(x_rowvt0 + col_at3)]), row_okvt0 && col_ok3);
    let dvt0_4 = select(0.0f, f32(x[u32(x_rowvt0 + col_at4)]), row_okvt0 && col_ok4);
    let dvt0_5 = select(0.0f, f32(x[u32(x_rowvt0 + col_at5)]), row_okvt0 && col_ok5);
    let hvt0_0_0 = dvt0_0 - dvt0_2;
    let c_hvt0_0_0_e1 = dvt0_1;
    let c_hvt0_0_0_o1 = dvt0_2;
    let hvt0_0_1 = c_hvt0_0_0_e1 + c_hvt0_0_0_o1;
    let hvt0_0_2 = c_hvt0_0_0_e1 - c_hvt0_0_0_o1;
    let hvt0_0_3 = dvt0_1 - dvt0_3;
    let hvt1_0_0 = dvt0_2 - dvt0_4;
    let c_hvt1_0_0_e1 = dvt0_3;
    let c_hvt1_0_0_o1 = dvt0_4;
    let hvt1_0_1 = c_hvt1_0_0_e1 + c_hvt1_0_0_o1;
    let hvt1_0_2 = c_hvt1_0_0_e1 - c_hvt1_0_0_o1;
    let hvt1_0_3 = dvt0_3 - dvt0_5;
    let iyvt1 = i32(ty * 2u) + 0i;
    let row_okvt1 = u32(iyvt1) < 16u;
    let x_rowvt1 = plane + select(0i, iyvt1, row_okvt1) * 16i;
    let dvt1_0 = select(0.0f, f32(x[u32(x_rowvt1 + col_at0)]), row_okvt1 && col_ok0);
    let dvt1_1 = select(0.0f, f32(x[u32(x_rowvt1 + col_at1)]), row_okvt1 && col_ok1);
    let dvt1_2 = select(0.0f, f32(x[u32(x_rowvt1 + col_at2)]), row_okvt1 && col_ok2);
    let dvt1_3 = select(0.0f, f32(x[u32(x_rowvt1 + col_at3)]), row_okvt1 && col_ok3);
    let dvt1_4 = select(0.0f, f32(x[u32(x_rowvt1 + col_at4)]), row_okvt1 && col_ok4);
    let dvt1_5 = select(0.0f, f32(x[u32(x_rowvt1 + col_at5)]), row_okvt1 && col_ok5);
    let hvt0_1_0 = dvt1_0 - dvt1_2;
    let c_hvt0_1_0_e1 = dvt1_1;
    let c_hvt0_1_0_o1 = dvt1_2;
    let hvt0_1_1 = c_hvt0_1_0_e1 + c_hvt0_1_0_o1;
    let hvt0_1_2 = c_hvt0_1_0_e1 - c_hvt0_1_0_o1;
    let hvt0_1_3 = dvt1_1 - dvt1_3;
    let hvt1_1_0 = dvt1_2 - dvt1_4;
    let c_hvt1_1_0_e1 = dvt1_3;
    let c_hvt1_1_0_o1 = dvt1_4;
    let hvt1_1_1 = c_hvt1_1_0_e1 + c_hvt1_1_0_o1;
    let hvt1_1_2 = c_hvt1_1_0_e1 - c_hvt1_1_0_o1;
    let hvt1_1_3 = dvt1_3 - dvt1_5;
    let iyvt2 = i32(ty * 2u) + 1i;
    let row_okvt2 = u32(iyvt2) < 16u;
    let x_rowvt2 = plane + select(0i, iyvt2, row_okvt2) * 16i;
    let dvt2_0 = select(0.0f, f32(x[u32(x_rowvt2 + col_at0)]), row_okvt2 && col_ok0);
    let dvt2_1 = select(0.0f, f32(x[u32(x_rowvt2 + col_at1)]), row_okvt2 && col_ok1);
    let dvt2_2 = select(0.0f, f32(x[u32(x_rowvt2 + col_at2)]), row_okvt2 && col_ok2);
    let dvt2_3 = select(0.0f, f32(x[u32(x_rowvt2 + col_at3)]), row_okvt2 && col_ok3);
    let dvt2_4 = select(0.0f, f32(x[u32(x_rowvt2 + col_at4)]), row_okvt2 && col_ok4);
    let dvt2_5 = select(0.0f, f32(x[u32(x_rowvt2 + col_at5)]), row_okvt2 && col_ok5);
    let hvt0_2_0 = dvt2_0 - dvt2_2;
    let c_hvt0_2_0_e1 = dvt2_1;
    let c_hvt0_2_0_o1 = dvt2_2;
    let hvt0_2_1 = c_hvt0_2_0_e1 + c_hvt0_2_0_o1;
    let hvt0_2_2 = c_hvt0_2_0_e1 - c_hvt0_2_0_o1;
    let hvt0_2_3 = dvt2_1 - dvt2_3;
    let hvt1_2_0 = dvt2_2 - dvt2_4;
    let c_hvt1_2_0_e1 = dvt2_3;
    let c_hvt1_2_0_o1 = dvt2_4;
    let hvt1_2_1 = c_hvt1_2_0_e1 + c_hvt1_2_0_o1;
    let hvt1_2_2 = c_hvt1_2_0_e1 - c_hvt1_2_0_o1;
    let hvt1_2_3 = dvt2_3 - dvt2_5;
    let iyvt3 = i32(ty * 2u) + 2i;
    let row_okvt3 = u32(iyvt3) < 16u;
    let x_rowvt3 = plane + select(0i, iyvt3, row_okvt3) * 16i;
    let dvt3_0 = select(0.0f, f32(x[u32(x_rowvt3 + col_at0)]), row_okvt3 && col_ok0);
    let dvt3_1 = select(0.0f, f32(x[u32(x_rowvt3 + col_at1)]), row_okvt3 && col_ok1);
    let dvt3_2 = select(0.0f, f32(x[u32(x_rowvt3 + col_at2)]), row_okvt3 && col_ok2);
    let dvt3_3 = select(0.0f, f32(x[u32(x_rowvt3 + col_at3)]), row_okvt3 && col_ok3);
    let dvt3_4 = select(0.0f, f32(x[u32(x_rowvt3 + col_at4)]), row_okvt3 && col_ok4);
    let dvt3_5 = select(0.0f, f32(x[u32(x_rowvt3 + col_at5)]), row_okvt3 && col_ok5);
    let hvt0_3_0 = dvt3_0 - dvt3_2;
    let c_hvt0_3_0_e1 = dvt3_1;
    let c_hvt0_3_0_o1 = dvt3_2;
    let hvt0_3_1 = c_hvt0_3_0_e1 + c_hvt0_3_0_o1;
    let hvt0_3_2 = c_hvt0_3_0_e1 - c_hvt0_3_0_o1;
    let hvt0_3_3 = dvt3_1 - dvt3_3;
    let hvt1_3_0 = dvt3_2 - dvt3_4;
    let c_hvt1_3_0_e1 = dvt3_3;
    let c_hvt1_3_0_o1 = dvt3_4;
    let hvt1_3_1 = c_hvt1_3_0_e1 + c_hvt1_3_0_o1;
    let hvt1_3_2 = c_hvt1_3_0_e1 - c_hvt1_3_0_o1;
    let hvt1_3_3 = dvt3_3 - dvt3_5;
    let vt0_0_0 = hvt0_0_0 - hvt0_2_0;
    let c_vt0_0_0_e1 = hvt0_1_0;
    let c_vt0_0_0_o1 = hvt0_2_0;
    let vt0_1_0 = c_vt0_0_0_e1 + c_vt0_0_0_o1;
    let vt0_2_0 = c_vt0_0_0_e1 - c_vt0_0_0_o1;
    let vt0_3_0 = hvt0_1_0 - hvt0_3_0;
    let vt0_0_1 = hvt0_0_1 - hvt0_2_1;
    let c_vt0_0_1_e1 = hvt0_1_1;
    let c_vt0_0_1_o1 = hvt0_2_1;
    let vt0_1_1 = c_vt0_0_1_e1 + c_vt0_0_1_o1;
    let vt0_2_1 = c_vt0_0_1_e1 - c_vt0_0_1_o1;
    let vt0_3_1 = hvt0_1_1 - hvt0_3_1;
    let vt0_0_2 = hvt0_0_2 - hvt0_2_2;
    let c_vt0_0_2_e1 = hvt0_1_2;
    let c_vt0_0_2_o1 = hvt0_2_2;
    let vt0_1_2 = c_vt0_0_2_e1 + c_vt0_0_2_o1;
    let vt0_2_2 = c_vt0_0_2_e1 - c_vt0_0_2_o1;
    let vt0_3_2 = hvt0_1_2 - hvt0_3_2;
    let vt0_0_3 = hvt0_0_3 - hvt0_2_3;
    let c_vt0_0_3_e1 = hvt0_1_3;
    let c_vt0_0_3_o1 = hvt0_2_3;
    let vt0_1_3 = c_vt0_0_3_e1 + c_vt0_0_3_o1;
    let vt0_2_3 = c_vt0_0_3_e1 - c_vt0_0_3_o1;
    let vt0_3_3 = hvt0_1_3 - hvt0_3_3;
    let vt1_0_0 = hvt1_0_0 - hvt1_2_0;
    let c_vt1_0_0_e1 = hvt1_1_0;
    let c_vt1_0_0_o1 = hvt1_2_0;
    let vt1_1_0 = c_vt1_0_0_e1 + c_vt1_0_0_o1;
    let vt1_2_0 = c_vt1_0_0_e1 - c_vt1_0_0_o1;
    let vt1_3_0 = hvt1_1_0 - hvt1_3_0;
    let vt1_0_1 = hvt1_0_1 - hvt1_2_1;
    let c_vt1_0_1_e1 = hvt1_1_1;
    let c_vt1_0_1_o1 = hvt1_2_1;
    let vt1_1_1 = c_vt1_0_1_e1 + c_vt1_0_1_o1;
    let vt1_2_1 = c_vt1_0_1_e1 - c_vt1_0_1_o1;
    let vt1_3_1 = hvt1_1_1 - hvt1_3_1;
    let vt1_0_2 = hvt1_0_2 - hvt1_2_2;
    let c_vt1_0_2_e1 = hvt1_1_2;
    let c_vt1_0_2_o1 = hvt1_2_2;
    let vt1_1_2 = c_vt1_0_2_e1 + c_vt1_0_2_o1;
    let vt1_2_2 = c_vt1_0_2_e1 - c_vt1_0_2_o1;
    let vt1_3_2 = hvt1_1_2 - hvt1_3_2;
    let vt1_0_3 = hvt1_0_3 - hvt1_2_3;
    let c_vt1_0_3_e1 = hvt1_1_3;
    let c_vt1_0_3_o1 = hvt1_2_3;
    let vt1_1_3 = c_vt1_0_3_e1 + c_vt1_0_3_o1;
    let vt1_2_3 = c_vt1_0_3_e1 - c_vt1_0_3_o1;
    let vt1_3_3 = hvt1_1_3 - hvt1_3_3;
    {
      let av0 = u[(0u + ci) * 16u / 4u + u_g0];
      acc0_0_0 += av0.x * vt0_0_0;
      acc0_0_1 += av0.x * vt1_0_0;
      acc0_1_0 += av0.y * vt0_0_0;
      acc0_1_1 += av0.y * vt1_0_0;
      acc0_2_0 += av0.z * vt0_0_0;
      acc0_2_1 += av0.z * vt1_0_0;
      acc0_3_0 += av0.w * vt0_0_0;
      acc0_3_1 += av0.w * vt1_0_0;
    }
    {
      let av0 = u[(16u + ci) * 16u / 4u + u_g0];
      acc1_0_0 += av0.x * vt0_0_1;
      acc1_0_1 += av0.x * vt1_0_1;
      acc1_1_0 += av0.y * vt0_0_1;
      acc1_1_1 += av0.y * vt1_0_1;
      acc1_2_0 += av0.z * vt0_0_1;
      acc1_2_1 += av0.z * vt1_0_1;
      acc1_3_0 += av0.w * vt0_0_1;
      acc1_3_1 += av0.w * vt1_0_1;
    }
    {
      let av0 = u[(32u + ci) * 16u / 4u + u_g0];
      acc2_0_0 += av0.x * vt0_0_2;
      acc2_0_1 += av0.x * vt1_0_2;
      acc2_1_0 += av0.y * vt0_0_2;
      acc2_1_1 += av0.y * vt1_0_2;
      acc2_2_0 += av0.z * vt0_0_2;
      acc2_2_1 += av0.z * vt1_0_2;
      acc2_3_0 += av0.w * vt0_0_2;
      acc2_3_1 += av0.w * vt1_0_2;
    }
    {
      let av0 = u[(48u + ci) * 16u / 4u + u_g0];
      acc3_0_0 += av0.x * vt0_0_3;
      acc3_0_1 += av0.x * vt1_0_3;
      acc3_1_0 += av0.y * vt0_0_3;
      acc3_1_1 += av0.y * vt1_0_3;
      acc3_2_0 += av0.z * vt0_0_3;
      acc3_2_1 += av0.z * vt1_0_3;
      acc3_3_0 += av0.w * vt0_0_3;
      acc3_3_1 += av0.w * vt1_0_3;
    }
    {
      let av0 = u[(64u + ci) * 16u / 4u + u_g0];
      acc4_0_0 += av0.x * vt0_1_0;
      acc4_0_1 += av0.x * vt1_1_0;
      acc4_1_0 += av0.y * vt0_1_0;
      acc4_1_1 += av0.y * vt1_1_0;
      acc4_2_0 += av0.z * vt0_1_0;
      acc4_2_1 += av0.z * vt1_1_0;
      acc4_3_0 += av0.w * vt0_1_0;
      acc4_3_1 += av0.w * vt1_1_0;
    }
    {
      let av0 = u[(80u + ci) * 16u / 4u + u_g0];
      acc5_0_0 += av0.x * vt0_1_1;
      acc5_0_1 += av0.x * vt1_1_1;
      acc5_1_0 += av0.y * vt0_1_1;
      acc5_1_1 += av0.y * vt1_1_1;
      acc5_2_0 += av0.z * vt0_1_1;
      acc5_2_1 += av0.z * vt1_1_1;
      acc5_3_0 += av0.w * vt0_1_1;
      acc5_3_1 += av0.w * vt1_1_1;
    }
    {
      let av0 = u[(96u + ci) * 16u / 4u + u_g0];
      acc6_0_0 += av0.x * vt0_1_2;
      acc6_0_1 += av0.x * vt1_1_2;
      acc6_1_0 += av0.y * vt0_1_2;
      acc6_1_1 += av0.y * vt1_1_2;
      acc6_2_0 += av0.z * vt0_1_2;
      acc6_2_1 += av0.z * vt1_1_2;
      acc6_3_0 += av0.w * vt0_1_2;
      acc6_3_1 += av0.w * vt1_1_2;
    }
    {
      let av0 = u[(112u + ci) * 16u / 4u + u_g0];
      acc7_0_0 += av0.x * vt0_1_3;
      acc7_0_1 += av0.x * vt1_1_3;
      acc7_1_0 += av0.y * vt0_1_3;
      acc7_1_1 += av0.y * vt1_1_3;
      acc7_2_0 += av0.z * vt0_1_3;
      acc7_2_1 += av0.z * vt1_1_3;
      acc7_3_0 += av0.w * vt0_1_3;
      acc7_3_1 += av0.w * vt1_1_3;
    }
    {
      let av0 = u[(128u + ci) * 16u / 4u + u_g0];
      acc8_0_0 += av0.x * vt0_2_0;
      acc8_0_1 += av0.x * vt1_2_0;
      acc8_1_0 += av0.y * vt0_2_0;
      acc8_1_1 += av0.y * vt1_2_0;
      acc8_2_0 += av0.z * vt0_2_0;
      acc8_2_1 += av0.z * vt1_2_0;
      acc8_3_0 += av0.w * vt0_2_0;
      acc8_3_1 += av0.w * vt1_2_0;
    }
    {
      let av0 = u[(144u + ci) * 16u / 4u + u_g0];
      acc9_0_0 += av0.x * vt0_2_1;
      acc9_0_1 += av0.x * vt1_2_1;
      acc9_1_0 += av0.y * vt0_2_1;
      acc9_1_1 += av0.y * vt1_2_1;
      acc9_2_0 += av0.z * vt0_2_1;
      acc9_2_1 += av0.z * vt1_2_1;
      acc9_3_0 += av0.w * vt0_2_1;
      acc9_3_1 += av0.w * vt1_2_1;
    }
    {
      let av0 = u[(160u + ci) * 16u / 4u + u_g0];
      acc10_0_0 += av0.x * vt0_2_2;
      acc10_0_1 += av0.x * vt1_2_2;
      acc10_1_0 += av0.y * vt0_2_2;
      acc10_1_1 += av0.y * vt1_2_2;
      acc10_2_0 += av0.z * vt0_2_2;
      acc10_2_1 += av0.z * vt1_2_2;
      acc10_3_0 += av0.w * vt0_2_2;
      acc10_3_1 += av0.w * vt1_2_2;
    }
    {
      let av0 = u[(176u + ci) * 16u / 4u + u_g0];
      acc11_0_0 += av0.x * vt0_2_3;
      acc11_0_1 += av0.x * vt1_2_3;
      acc11_1_0 += av0.y * vt0_2_3;
      acc11_1_1 += av0.y * vt1_2_3;
      acc11_2_0 += av0.z * vt0_2_3;
      acc11_2_1 += av0.z * vt1_2_3;
      acc11_3_0 += av0.w * vt0_2_3;
      acc11_3_1 += av0.w * vt1_2_3;
    }
    {
      let av0 = u[(192u + ci) * 16u / 4u + u_g0];
      acc12_0_0 += av0.x * vt0_3_0;
      acc12_0_1 += av0.x * vt1_3_0;
      acc12_1_0 += av0.y * vt0_3_0;
      acc12_1_1 += av0.y * vt1_3_0;
      acc12_2_0 += av0.z * vt0_3_0;
      acc12_2_1 += av0.z * vt1_3_0;
      acc12_3_0 += av0.w * vt0_3_0;
      acc12_3_1 += av0.w * vt1_3_0;
    }
    {
      let av0 = u[(208u + ci) * 16u / 4u + u_g0];
      acc13_0_0 += av0.x * vt0_3_1;
      acc13_0_1 += av0.x * vt1_3_1;
      acc13_1_0 += av0.y * vt0_3_1;
      acc13_1_1 += av0.y * vt1_3_1;
      acc13_2_0 += av0.z * vt0_3_1;
      acc13_2_1 += av0.z * vt1_3_1;
      acc13_3_0 += av0.w * vt0_3_1;
      acc13_3_1 += av0.w * vt1_3_1;
    }
    {
      let av0 = u[(224u + ci) * 16u / 4u + u_g0];
      acc14_0_0 += av0.x * vt0_3_2;
      acc14_0_1 += av0.x * vt1_3_2;
      acc14_1_0 += av0.y * vt0_3_2;
      acc14_1_1 += av0.y * vt1_3_2;
      acc14_2_0 += av0.z * vt0_3_2;
      acc14_2_1 += av0.z * vt1_3_2;
      acc14_3_0 += av0.w * vt0_3_2;
      acc14_3_1 += av0.w * vt1_3_2;
    }
    {
      let av0 = u[(240u + ci) * 16u / 4u + u_g0];
      acc15_0_0 += av0.x * vt0_3_3;
      acc15_0_1 += av0.x * vt1_3_3;
      acc15_1_0 += av0.y * vt0_3_3;
      acc15_1_1 += av0.y * vt1_3_3;
      acc15_2_0 += av0.z * vt0_3_3;
      acc15_2_1 += av0.z * vt1_3_3;
      acc15_3_0 += av0.w * vt0_3_3;
      acc15_3_1 += av0.w * vt1_3_3;
    }
  }
  if (grp_raw < 64u) {
    if (r_base + 0u < 16u) {
      let o0 = r_base + 0u;
      {
        let tx = tx0 + 0u;
        let c_q_0_0_s1 = acc4_0_0 + acc8_0_0;
        let c_q_0_0_d1 = acc4_0_0 - acc8_0_0;
        let q_0_0 = acc0_0_0 + c_q_0_0_s1;
        let q_1_0 = c_q_0_0_d1 + acc12_0_0;
        let c_q_0_1_s1 = acc5_0_0 + acc9_0_0;
        let c_q_0_1_d1 = acc5_0_0 - acc9_0_0;
        let q_0_1 = acc1_0_0 + c_q_0_1_s1;
        let q_1_1 = c_q_0_1_d1 + acc13_0_0;
        let c_q_0_2_s1 = acc6_0_0 + acc10_0_0;
        let c_q_0_2_d1 = acc6_0_0 - acc10_0_0;
        let q_0_2 = acc2_0_0 + c_q_0_2_s1;
        let q_1_2 = c_q_0_2_d1 + acc14_0_0;
        let c_q_0_3_s1 = acc7_0_0 + acc11_0_0;
        let c_q_0_3_d1 = acc7_0_0 - acc11_0_0;
        let q_0_3 = acc3_0_0 + c_q_0_3_s1;
        let q_1_3 = c_q_0_3_d1 + acc15_0_0;
        let c_y_0_0_s1 = q_0_1 + q_0_2;
        let c_y_0_0_d1 = q_0_1 - q_0_2;
        let y_0_0 = q_0_0 + c_y_0_0_s1;
        let y_0_1 = c_y_0_0_d1 + q_0_3;
        let c_y_1_0_s1 = q_1_1 + q_1_2;
        let c_y_1_0_d1 = q_1_1 - q_1_2;
        let y_1_0 = q_1_0 + c_y_1_0_s1;
        let y_1_1 = c_y_1_0_d1 + q_1_3;
        let oy = ty * 2u;
        let ox = tx * 2u;
        let row = ((img * 16u + o0) * 16u + oy) * 16u + ox;
        {
          var r = y_0_0;
          r = select(0.0f, r, f32(ep0_mask[row + 0u]) > 0.0f);
          y[row + 0u] = f16(r);
        }
        {
          var r = y_0_1;
          r = select(0.0f, r, f32(ep0_mask[row + 1u]) > 0.0f);
          y[row + 1u] = f16(r);
        }
        {
          var r = y_1_0;
          r = select(0.0f, r, f32(ep0_mask[row + 16u]) > 0.0f);
          y[row + 16u] = f16(r);
        }
        {
          var r = y_1_1;
          r = select(0.0f, r, f32(ep0_mask[row + 17u]) > 0.0f);
          y[row + 17u] = f16(r);
        }
      }
      {
        let tx = tx0 + 1u;
        let c_q_0_0_s1 = acc4_0_1 + acc8_0_1;
        let c_q_0_0_d1 = acc4_0_1 - acc8_0_1;
        let q_0_0 = acc0_0_1 + c_q_0_0_s1;
        let q_1_0 = c_q_0_0_d1 + acc12_0_1;
        let c_q_0_1_s1 = acc5_0_1 + acc9_0_1;
        let c_q_0_1_d1 = acc5_0_1 - acc9_0_1;
        let q_0_1 = acc1_0_1 + c_q_0_1_s1;
        let q_1_1 = c_q_0_1_d1 + acc13_0_1;
        let c_q_0_2_s1 = acc6_0_1 + acc10_0_1;
        let c_q_0_2_d1 = acc6_0_1 - acc10_0_1;
        let q_0_2 = acc2_0_1 + c_q_0_2_s1;
        let q_1_2 = c_q_0_2_d1 + acc14_0_1;
        let c_q_0_3_s1 = acc7_0_1 + acc11_0_1;
        let c_q_0_3_d1 = acc7_0_1 - acc11_0_1;
        let q_0_3 = acc3_0_1 + c_q_0_3_s1;
        let q_1_3 = c_q_0_3_d1 + acc15_0_1;
        let c_y_0_0_s1 = q_0_1 + q_0_2;
        let c_y_0_0_d1 = q_0_1 - q_0_2;
        let y_0_0 = q_0_0 + c_y_0_0_s1;
        let y_0_1 = c_y_0_0_d1 + q_0_3;
        let c_y_1_0_s1 = q_1_1 + q_1_2;
        let c_y_1_0_d1 = q_1_1 - q_1_2;
        let y_1_0 = q_1_0 + c_y_1_0_s1;
        let y_1_1 = c_y_1_0_d1 + q_1_3;
        let oy = ty * 2u;
        let ox = tx * 2u;
        let row = ((img * 16u + o0) * 16u + oy) * 16u + ox;
        {
          var r = y_0_0;
          r = select(0.0f, r, f32(ep0_mask[row + 0u]) > 0.0f);
          y[row + 0u] = f16(r);
        }
        {
          var r = y_0_1;
          r = select(0.0f, r, f32(ep0_mask[row + 1u]) > 0.0f);
          y[row + 1u] = f16(r);
        }
        {
          var r = y_1_0;
          r = select(0.0f, r, f32(ep0_mask[row + 16u]) > 0.0f);
          y[row + 16u] = f16(r);
        }
        {
          var r = y_1_1;
          r = select(0.0f, r, f32(ep0_mask[row + 17u]) > 0.0f);
          y[row + 17u] = f16(r);
        }
      }
    }
    if (r_base + 1u < 16u) {
      let o1 = r_base + 1u;
      {
        let tx = tx0 + 0u;
        let c_q_0_0_s1 = acc4_1_0 + acc8_1_0;
        let c_q_0_0_d1 = acc4_1_0 - acc8_1_0;
        let q_0_0 = acc0_1_0 + c_q_0_0_s1;
        let q_1_0 = c_q_0_0_d1 + acc12_1_0;
        let c_q_0_1_s1 = acc5_1_0 + acc9_1_0;
        let c_q_0_1_d1 = acc5_1_0 - acc9_1_0;
        let q_0_1 = acc1_1_0 + c_q_0_1_s1;
        let q_1_1 = c_q_0_1_d1 + acc13_1_0;
        let c_q_0_2_s1 = acc6_1_0 + acc10_1_0;
        let c_q_0_2_d1 = acc6_1_0 - acc10_1_0;
        let q_0_2 = acc2_1_0 + c_q_0_2_s1;
        let q_1_2 = c_q_0_2_d1 + acc14_1_0;
        let c_q_0_3_s1 = acc7_1_0 + acc11_1_0;
        let c_q_0_3_d1 = acc7_1_0 - acc11_1_0;
        let q_0_3 = acc3_1_0 + c_q_0_3_s1;
        let q_1_3 = c_q_0_3_d1 + acc15_1_0;
        let c_y_0_0_s1 = q_0_1 + q_0_2;
        let c_y_0_0_d1 = q_0_1 - q_0_2;
        let y_0_0 = q_0_0 + c_y_0_0_s1;
        let y_0_1 = c_y_0_0_d1 + q_0_3;
        let c_y_1_0_s1 = q_1_1 + q_1_2;
        let c_y_1_0_d1 = q_1_1 - q_1_2;
        let y_1_0 = q_1_0 + c_y_1_0_s1;
        let y_1_1 = c_y_1_0_d1 + q_1_3;
        let oy = ty * 2u;
        let ox = tx * 2u;
        let row = ((img * 16u + o1) * 16u + oy) * 16u + ox;
        {
          var r = y_0_0;
          r = select(0.0f, r, f32(ep0_mask[row + 0u]) > 0.0f);
          y[row + 0u] = f16(r);
        }
        {
          var r = y_0_1;
          r = select(0.0f, r, f32(ep0_mask[row + 1u]) > 0.0f);
          y[row + 1u] = f16(r);
        }
        {
          var r = y_1_0;
          r = select(0.0f, r, f32(ep0_mask[row + 16u]) > 0.0f);
          y[row + 16u] = f16(r);
        }
        {
          var r = y_1_1;
          r = select(0.0f, r, f32(ep0_mask[row + 17u]) > 0.0f);
          y[row + 17u] = f16(r);
        }
      }
      {
        let tx = tx0 + 1u;
        let c_q_0_0_s1 = acc4_1_1 + acc8_1_1;
        let c_q_0_0_d1 = acc4_1_1 - acc8_1_1;
        let q_0_0 = acc0_1_1 + c_q_0_0_s1;
        let q_1_0 = c_q_0_0_d1 + acc12_1_1;
        let c_q_0_1_s1 = acc5_1_1 + acc9_1_1;
        let c_q_0_1_d1 = acc5_1_1 - acc9_1_1;
        let q_0_1 = acc1_1_1 + c_q_0_1_s1;
        let q_1_1 = c_q_0_1_d1 + acc13_1_1;
        let c_q_0_2_s1 = acc6_1_1 + acc10_1_1;
        let c_q_0_2_d1 = acc6_1_1 - acc10_1_1;
        let q_0_2 = acc2_1_1 + c_q_0_2_s1;
        let q_1_2 = c_q_0_2_d1 + acc14_1_1;
        let c_q_0_3_s1 = acc7_1_1 + acc11_1_1;
        let c_q_0_3_d1 = acc7_1_1 - acc11_1_1;
        let q_0_3 = acc3_1_1 + c_q_0_3_s1;
        let q_1_3 = c_q_0_3_d1 + acc15_1_1;
        let c_y_0_0_s1 = q_0_1 + q_0_2;
        let c_y_0_0_d1 = q_0_1 - q_0_2;
        let y_0_0 = q_0_0 + c_y_0_0_s1;
        let y_0_1 = c_y_0_0_d1 + q_0_3;
        let c_y_1_0_s1 = q_1_1 + q_1_2;
        let c_y_1_0_d1 = q_1_1 - q_1_2;
        let y_1_0 = q_1_0 + c_y_1_0_s1;
        let y_1_1 = c_y_1_0_d1 + q_1_3;
        let oy = ty * 2u;
        let ox = tx * 2u;
        let row = ((img * 16u + o1) * 16u + oy) * 16u + ox;
        {
          var r = y_0_0;
          r = select(0.0f, r, f32(ep0_mask[row + 0u]) > 0.0f);
          y[row + 0u] = f16(r);
        }
        {
          var r = y_0_1;
          r = select(0.0f, r, f32(ep0_mask[row + 1u]) > 0.0f);
          y[row + 1u] = f16(r);
        }
        {
          var r = y_1_0;
          r = select(0.0f, r, f32(ep0_mask[row + 16u]) > 0.0f);
          y[row + 16u] = f16(r);
        }
        {
          var r = y_1_1;
          r = select(0.0f, r, f32(ep0_mask[row + 17u]) > 0.0f);
          y[row + 17u] = f16(r);
        }
      }
    }
    if (r_base + 2u < 16u) {
      let o2 = r_base + 2u;
      {
        let tx = tx0 + 0u;
        let c_q_0_0_s1 = acc4_2_0 + acc8_2_0;
        let c_q_0_0_d1 = acc4_2_0 - acc8_2_0;
        let q_0_0 = acc0_2_0 + c_q_0_0_s1;
        let q_1_0 = c_q_0_0_d1 + acc12_2_0;
        let c_q_0_1_s1 = acc5_2_0 + acc9_2_0;
        let c_q_0_1_d1 = acc5_2_0 - acc9_2_0;
        let q_0_1 = acc1_2_0 + c_q_0_1_s1;
        let q_1_1 = c_q_0_1_d1 + acc13_2_0;
        let c_q_0_2_s1 = acc6_2_0 + acc10_2_0;
        let c_q_0_2_d1 = acc6_2_0 - acc10_2_0;
        let q_0_2 = acc2_2_0 + c_q_0_2_s1;
        let q_1_2 = c_q_0_2_d1 + acc14_2_0;
        let c_q_0_3_s1 = acc7_2_0 + acc11_2_0;
        let c_q_0_3_d1 = acc7_2_0 - acc11_2_0;
        let q_0_3 = acc3_2_0 + c_q_0_3_s1;
        let q_1_3 = c_q_0_3_d1 + acc15_2_0;
        let c_y_0_0_s1 = q_0_1 + q_0_2;
        let c_y_0_0_d1 = q_0_1 - q_0_2;
        let y_0_0 = q_0_0 + c_y_0_0_s1;
        let y_0_1 = c_y_0_0_d1 + q_0_3;
        let c_y_1_0_s1 = q_1_1 + q_1_2;
        let c_y_1_0_d1 = q_1_1 - q_1_2;
        let y_1_0 = q_1_0 + c_y_1_0_s1;
        let y_1_1 = c_y_1_0_d1 + q_1_3;
        let oy = ty * 2u;
        let ox = tx * 2u;
        let row = ((img * 16u + o2) * 16u + oy) * 16u + ox;
        {
          var r = y_0_0;
          r = select(0.0f, r, f32(ep0_mask[row + 0u]) > 0.0f);
          y[row + 0u] = f16(r);
        }
        {
          var r = y_0_1;
          r = select(0.0f, r, f32(ep0_mask[row + 1u]) > 0.0f);
          y[row + 1u] = f16(r);
        }
        {
          var r = y_1_0;
          r = select(0.0f, r, f32(ep0_mask[row + 16u]) > 0.0f);
          y[row + 16u] = f16(r);
        }
        {
          var r = y_1_1;
          r = select(0.0f, r, f32(ep0_mask[row + 17u]) > 0.0f);
          y[row + 17u] = f16(r);
        }
      }
      {
        let tx = tx0 + 1u;
        let c_q_0_0_s1 = acc4_2_1 + acc8_2_1;
        let c_q_0_0_d1 = acc4_2_1 - acc8_2_1;
        let q_0_0 = acc0_2_1 + c_q_0_0_s1;
        let q_1_0 = c_q_0_0_d1 + acc12_2_1;
        let c_q_0_1_s1 = acc5_2_1 + acc9_2_1;
        let c_q_0_1_d1 = acc5_2_1 - acc9_2_1;
        let q_0_1 = acc1_2_1 + c_q_0_1_s1;
        let q_1_1 = c_q_0_1_d1 + acc13_2_1;
        let c_q_0_2_s1 = acc6_2_1 + acc10_2_1;
        let c_q_0_2_d1 = acc6_2_1 - acc10_2_1;
        let q_0_2 = acc2_2_1 + c_q_0_2_s1;
        let q_1_2 = c_q_0_2_d1 + acc14_2_1;
        let c_q_0_3_s1 = acc7_2_1 + acc11_2_1;
        let c_q_0_3_d1 = acc7_2_1 - acc11_2_1;
        let q_0_3 = acc3_2_1 + c_q_0_3_s1;
        let q_1_3 = c_q_0_3_d1 + acc15_2_1;
        let c_y_0_0_s1 = q_0_1 + q_0_2;
        let c_y_0_0_d1 = q_0_1 - q_0_2;
        let y_0_0 = q_0_0 + c_y_0_0_s1;
        let y_0_1 = c_y_0_0_d1 + q_0_3;
        let c_y_1_0_s1 = q_1_1 + q_1_2;
        let c_y_1_0_d1 = q_1_1 - q_1_2;
        let y_1_0 = q_1_0 + c_y_1_0_s1;
        let y_1_1 = c_y_1_0_d1 + q_1_3;
        let oy = ty * 2u;
        let ox = tx * 2u;
        let row = ((img * 16u + o2) * 16u + oy) * 16u + ox;
        {
          var r = y_0_0;
          r = select(0.0f, r, f32(ep0_mask[row + 0u]) > 0.0f);
          y[row + 0u] = f16(r);
        }
        {
          var r = y_0_1;
          r = select(0.0f, r, f32(ep0_mask[row + 1u]) > 0.0f);
          y[row + 1u] = f16(r);
        }
        {
          var r = y_1_0;
          r = select(0.0f, r, f32(ep0_mask[row + 16u]) > 0.0f);
          y[row + 16u] = f16(r);
        }
        {
          var r = y_1_1;
          r = select(0.0f, r, f32(ep0_mask[row + 17u]) > 0.0f);
          y[row + 17u] = f16(r);
        }
      }
    }
    if (r_base + 3u < 16u) {
      let o3 = r_base + 3u;
      {
        let tx = tx0 + 0u;
        let c_q_0_0_s1 = acc4_3_0 + acc8_3_0;
        let c_q_0_0_d1 = acc4_3_0 - acc8_3_0;
        let q_0_0 = acc0_3_0 + c_q_0_0_s1;
        let q_1_0 = c_q_0_0_d1 + acc12_3_0;
        let c_q_0_1_s1 = acc5_3_0 + acc9_3_0;
        let c_q_0_1_d1 = acc5_3_0 - acc9_3_0;
        let q_0_1 = acc1_3_0 + c_q_0_1_s1;
        let q_1_1 = c_q_0_1_d1 + acc13_3_0;
        let c_q_0_2_s1 = acc6_3_0 + acc10_3_0;
        let c_q_0_2_d1 = acc6_3_0 - acc10_3_0;
        let q_0_2 = acc2_3_0 + c_q_0_2_s1;
        let q_1_2 = c_q_0_2_d1 + acc14_3_0;
        let c_q_0_3_s1 = acc7_3_0 + acc11_3_0;
        let c_q_0_3_d1 = acc7_3_0 - acc11_3_0;
        let q_0_3 = acc3_3_0 + c_q_0_3_s1;
        let q_1_3 = c_q_0_3_d1 + acc15_3_0;
        let c_y_0_0_s1 = q_0_1 + q_0_2;
        let c_y_0_0_d1 = q_0_1 - q_0_2;
        let y_0_0 = q_0_0 + c_y_0_0_s1;
        let y_0_1 = c_y_0_0_d1 + q_0_3;
        let c_y_1_0_s1 = q_1_1 + q_1_2;
        let c_y_1_0_d1 = q_1_1 - q_1_2;
        let y_1_0 = q_1_0 + c_y_1_0_s1;
        let y_1_1 = c_y_1_0_d1 + q_1_3;
        let oy = ty * 2u;
        let ox = tx * 2u;
        let row = ((img * 16u + o3) * 16u + oy) * 16u + ox;
        {
          var r = y_0_0;
          r = select(0.0f, r, f32(ep0_mask[row + 0u]) > 0.0f);
          y[row + 0u] = f16(r);
        }
        {
          var r = y_0_1;
          r = select(0.0f, r, f32(ep0_mask[row + 1u]) > 0.0f);
          y[row + 1u] = f16(r);
        }
        {
          var r = y_1_0;
          r = select(0.0f, r, f32(ep0_mask[row + 16u]) > 0.0f);
          y[row + 16u] = f16(r);
        }
        {
          var r = y_1_1;
          r = select(0.0f, r, f32(ep0_mask[row + 17u]) > 0.0f);
          y[row + 17u] = f16(r);
        }
      }
      {
        let tx = tx0 + 1u;
        let c_q_0_0_s1 = acc4_3_1 + acc8_3_1;
        let c_q_0_0_d1 = acc4_3_1 - acc8_3_1;
        let q_0_0 = acc0_3_1 + c_q_0_0_s1;
        let q_1_0 = c_q_0_0_d1 + acc12_3_1;
        let c_q_0_1_s1 = acc5_3_1 + acc9_3_1;
        let c_q_0_1_d1 = acc5_3_1 - acc9_3_1;
        let q_0_1 = acc1_3_1 + c_q_0_1_s1;
        let q_1_1 = c_q_0_1_d1 + acc13_3_1;
        let c_q_0_2_s1 = acc6_3_1 + acc10_3_1;
        let c_q_0_2_d1 = acc6_3_1 - acc10_3_1;
        let q_0_2 = acc2_3_1 + c_q_0_2_s1;
        let q_1_2 = c_q_0_2_d1 + acc14_3_1;
        let c_q_0_3_s1 = acc7_3_1 + acc11_3_1;
        let c_q_0_3_d1 = acc7_3_1 - acc11_3_1;
        let q_0_3 = acc3_3_1 + c_q_0_3_s1;
        let q_1_3 = c_q_0_3_d1 + acc15_3_1;
        let c_y_0_0_s1 = q_0_1 + q_0_2;
        let c_y_0_0_d1 = q_0_1 - q_0_2;
        let y_0_0 = q_0_0 + c_y_0_0_s1;
        let y_0_1 = c_y_0_0_d1 + q_0_3;
        let c_y_1_0_s1 = q_1_1 + q_1_2;
        let c_y_1_0_d1 = q_1_1 - q_1_2;
        let y_1_0 = q_1_0 + c_y_1_0_s1;
        let y_1_1 = c_y_1_0_d1 + q_1_3;
        let oy = ty * 2u;
        let ox = tx * 2u;
        let row = ((img * 16u + o3) * 16u + oy) * 16u + ox;
        {
          var r = y_0_0;
          r = select(0.0f, r, f32(ep0_mask[row + 0u]) > 0.0f);
          y[row + 0u] = f16(r);
        }
        {
          var r = y_0_1;
          r = select(0.0f, r, f32(ep0_mask[row + 1u]) > 0.0f);
          y[row + 1u] = f16(r);
        }
        {
          var r = y_1_0;
          r = select(0.0f, r, f32(ep0_mask[row + 16u]) > 0.0f);
          y[row + 16u] = f16(r);
        }
        {
          var r = y_1_1;
          r = select(0.0f, r, f32(ep0_mask[row + 17u]) > 0.0f);
          y[row + 17u] = f16(r);
        }
      }
    }
  }
}
